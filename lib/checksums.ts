/**
 * Reads the checksum files that release pages publish. Formats seen upstream:
 *   GNU coreutils   `<hex>  name` or `<hex> *name` (binary mode)
 *   BSD / openssl   `SHA256 (name) = <hex>`, `SHA256(name)= <hex>`
 *   piped openssl   `(stdin)= <hex>  name`
 *   bare digest     `<hex>` alone, in a per-asset `.sha256` file
 * A name is compared exactly, case included: hadolint 2.13.1 renamed `hadolint-Linux-x86_64` to
 * `hadolint-linux-x86_64`, and a line for one must never vouch for the other. A leading `./` or
 * directory (as `sha256sum dist/*` prints) is dropped; a name listed twice with two digests is
 * ambiguous and matches nothing.
 */

const HEX64 = /^[0-9a-f]{64}$/i;
const AMBIGUOUS = 'ambiguous';

function baseName(name: string): string {
  return name.trim().replace(/^.*[\\/]/, '');
}

export function parseChecksums(text: string): Map<string, string> {
  const digests = new Map<string, string>();
  const add = (name: string, digest: string) => {
    const key = baseName(name);
    const value = digest.toLowerCase();
    const seen = digests.get(key);
    digests.set(key, seen === undefined || seen === value ? value : AMBIGUOUS);
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^\(stdin\)=\s*/, '');
    if (!line || line.startsWith('#')) continue;
    const bsd = /^SHA256\s*\((.+)\)\s*=\s*([0-9a-f]{64})$/i.exec(line);
    if (bsd) {
      add(bsd[1]!, bsd[2]!);
      continue;
    }
    const gnu = /^([0-9a-f]{64})\s+\*?(.+)$/i.exec(line);
    if (gnu) {
      add(gnu[2]!, gnu[1]!);
      continue;
    }
    if (HEX64.test(line)) add('', line);
  }
  return digests;
}

/**
 * The digest for `asset` in a checksum file, or undefined. A file holding one bare digest answers
 * for whatever asset it was published beside.
 */
export function findChecksum(text: string, asset: string): string | undefined {
  const digests = parseChecksums(text);
  const found = digests.get(asset) ?? (digests.size === 1 ? digests.get('') : undefined);
  return found === AMBIGUOUS ? undefined : found;
}

export function isSha256(value: string): boolean {
  return HEX64.test(value);
}
