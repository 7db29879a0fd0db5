/**
 * Reads the checksum files that release pages publish. Formats seen upstream:
 *   GNU coreutils   `<hex>  name` or `<hex> *name` (binary mode)
 *   BSD / openssl   `SHA256 (name) = <hex>`, `SHA256(name)= <hex>`
 *   piped openssl   `(stdin)= <hex>  name`
 *   bare digest     `<hex>` alone, in a per-asset `.sha256` file
 * Names are compared case-insensitively and without any leading `./` or directory.
 */

const HEX64 = /^[0-9a-f]{64}$/i;

function baseName(name: string): string {
  return name.trim().replace(/^\.\//, '').replace(/^.*[\\/]/, '').toLowerCase();
}

export function parseChecksums(text: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^\(stdin\)=\s*/, '');
    if (!line || line.startsWith('#')) continue;
    const bsd = /^SHA256\s*\((.+)\)\s*=\s*([0-9a-f]{64})$/i.exec(line);
    if (bsd) {
      digests.set(baseName(bsd[1]!), bsd[2]!.toLowerCase());
      continue;
    }
    const gnu = /^([0-9a-f]{64})\s+\*?(.+)$/i.exec(line);
    if (gnu) {
      digests.set(baseName(gnu[2]!), gnu[1]!.toLowerCase());
      continue;
    }
    if (HEX64.test(line)) digests.set('', line.toLowerCase());
  }
  return digests;
}

/**
 * The digest for `asset` in a checksum file, or undefined. A file holding one bare digest answers
 * for whatever asset it was published beside.
 */
export function findChecksum(text: string, asset: string): string | undefined {
  const digests = parseChecksums(text);
  return digests.get(baseName(asset)) ?? (digests.size === 1 ? digests.get('') : undefined);
}

export function isSha256(value: string): boolean {
  return HEX64.test(value);
}
