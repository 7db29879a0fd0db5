import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ToolError, UsageError } from './errors.js';

/**
 * OpenPGP for setup-tools: who a key is (read here, without openpgp, so a warm run never loads it)
 * and whether a detached signature verifies (openpgp, loaded only when a signature is checked).
 */

export interface KeyIdentity {
  /** Upper-case hex fingerprint of the primary key (40 hex for v4 keys, 64 for v5/v6). */
  fingerprint: string;
  /** The 8-hex short id HashiCorp puts in signature file names (`_SHA256SUMS.72D7468F.sig`). */
  shortId: string;
  /** SHA-256 of the whole key block (dearmored): a key re-exported with other subkeys or signatures differs. */
  blockSha256: string;
}

export interface SignatureCheck {
  /** Upper-case 16-hex key id of the key (or subkey) that made the signature. */
  keyId: string;
}

const BEGIN = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
const END = '-----END PGP PUBLIC KEY BLOCK-----';

function notAKey(why: string): UsageError {
  return new UsageError(
    `Input "hashicorp-public-key" is not an ASCII-armored OpenPGP public key (${why}); ` +
      'give the key text itself or the path of a file holding it, or leave it empty for the HashiCorp key shipkit embeds.',
  );
}

/**
 * The binary key block inside the armor. A CRC-24 line, if any, is skipped, not checked: RFC 9580
 * (section 6.1) says a reader must not reject armor over it, and a damaged key fails on its packets.
 */
export function dearmorKey(armored: string): Buffer {
  const lines = armored.split(/\r?\n/).map((line) => line.trim());
  const begin = lines.indexOf(BEGIN);
  const end = lines.indexOf(END, begin + 1);
  if (begin < 0 || end < 0) throw notAKey(`no "${BEGIN}" ... "${END}" block`);
  let body = lines.slice(begin + 1, end);
  // Armor headers (`Comment: ...`) end at the first blank line.
  const blank = body.indexOf('');
  if (blank >= 0 && body.slice(0, blank).every((line) => /^[\w-]+: /.test(line))) body = body.slice(blank + 1);
  body = body.filter((line) => line && !/^=[A-Za-z0-9+/]{4}$/.test(line));
  const text = body.join('');
  if (!text || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw notAKey('its armored body is not base64');
  return Buffer.from(text, 'base64');
}

/** Tag and body of the first packet (old or new header format). */
function firstPacket(data: Buffer): { tag: number; body: Buffer } {
  const head = data[0];
  if (head === undefined || !(head & 0x80)) throw notAKey('it does not start with an OpenPGP packet');
  let tag: number;
  let offset: number;
  let length: number;
  if (head & 0x40) {
    tag = head & 0x3f;
    const first = data[1] ?? 0;
    if (first < 192) [offset, length] = [2, first];
    else if (first < 224) [offset, length] = [3, ((first - 192) << 8) + (data[2] ?? 0) + 192];
    else if (first === 255) [offset, length] = [6, data.readUInt32BE(2)];
    else throw notAKey('its key packet has a partial length');
  } else {
    tag = (head >> 2) & 0x0f;
    const type = head & 3;
    if (type === 0) [offset, length] = [2, data[1] ?? 0];
    else if (type === 1) [offset, length] = [3, data.readUInt16BE(1)];
    else if (type === 2) [offset, length] = [5, data.readUInt32BE(1)];
    else throw notAKey('its key packet has an indeterminate length');
  }
  if (offset + length > data.length) throw notAKey('its key packet is cut short');
  return { tag, body: data.subarray(offset, offset + length) };
}

/**
 * Who a key is, computed from its primary key packet as RFC 4880 (v4) and RFC 9580 (v6) define the
 * fingerprint: cheap enough for every warm run, which compares it with the key a cache entry was
 * verified with.
 */
export function keyIdentity(armored: string): KeyIdentity {
  const data = dearmorKey(armored);
  const { tag, body } = firstPacket(data);
  if (tag !== 6) throw notAKey(`its first packet is of type ${tag}, not a public key`);
  const version = body[0];
  let fingerprint: Buffer;
  let keyId: Buffer;
  if (version === 4) {
    const prefix = Buffer.from([0x99, body.length >> 8, body.length & 0xff]);
    fingerprint = createHash('sha1').update(prefix).update(body).digest();
    keyId = fingerprint.subarray(-8);
  } else if (version === 5 || version === 6) {
    const prefix = Buffer.alloc(5);
    prefix[0] = version === 6 ? 0x9b : 0x9a;
    prefix.writeUInt32BE(body.length, 1);
    fingerprint = createHash('sha256').update(prefix).update(body).digest();
    keyId = fingerprint.subarray(0, 8);
  } else {
    throw notAKey(`it is a version ${version ?? '?'} key; expected version 4 or 6`);
  }
  return {
    fingerprint: fingerprint.toString('hex').toUpperCase(),
    shortId: keyId.toString('hex').slice(-8).toUpperCase(),
    blockSha256: createHash('sha256').update(data).digest('hex'),
  };
}

/**
 * Checks a detached binary OpenPGP signature over `data`. openpgp is imported on demand: only a
 * cold install of a HashiCorp tool (or the re-check of a cache entry that changed) pays for loading it.
 */
export async function verifyDetached(data: Buffer, signature: Buffer, armoredKey: string): Promise<SignatureCheck> {
  const openpgp = await import('openpgp');
  let key;
  try {
    key = await openpgp.readKey({ armoredKey });
  } catch (error: unknown) {
    throw notAKey((error as Error).message);
  }
  let parsed;
  try {
    parsed = await openpgp.readSignature({ binarySignature: new Uint8Array(signature) });
  } catch {
    // Some mirrors serve an ASCII-armored copy under the same name.
    try {
      parsed = await openpgp.readSignature({ armoredSignature: signature.toString('utf8') });
    } catch (error: unknown) {
      throw new ToolError(`the signature file is not an OpenPGP signature (${(error as Error).message})`);
    }
  }
  const message = await openpgp.createMessage({ binary: new Uint8Array(data) });
  const result = await openpgp.verify({ message, signature: parsed, verificationKeys: key });
  const first = result.signatures[0];
  if (!first) throw new ToolError('the signature file holds no signature');
  try {
    await first.verified;
  } catch (error: unknown) {
    throw new ToolError(`the signature does not verify against key ${key.getKeyID().toHex().toUpperCase()}: ${(error as Error).message}`);
  }
  return { keyId: first.keyID.toHex().toUpperCase() };
}

/** The key text of the input: its value if it is armored, else the file it names. */
export function readKeyInput(value: string): string | undefined {
  if (!value) return undefined;
  if (value.includes(BEGIN)) return value;
  if (existsSync(value)) return readFileSync(value, 'utf8');
  throw new UsageError(
    `Input "hashicorp-public-key" is neither an armored public key nor the path of an existing file (got ${JSON.stringify(value.slice(0, 60))}).`,
  );
}
