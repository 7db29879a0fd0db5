import { readFileSync, existsSync } from 'node:fs';
import { ToolError, UsageError } from './errors.js';

export interface SignatureCheck {
  /** Upper-case 16-hex key id of the key (or subkey) that made the signature. */
  keyId: string;
}

/** The 8-hex short id HashiCorp uses in signature file names (`_SHA256SUMS.72D7468F.sig`). */
export async function shortKeyId(armoredKey: string): Promise<string> {
  const openpgp = await import('openpgp');
  const key = await readPublicKey(openpgp, armoredKey);
  return key.getKeyID().toHex().slice(-8).toUpperCase();
}

/**
 * Checks a detached binary OpenPGP signature over `data`. openpgp is imported on demand: only a
 * cold install of a HashiCorp tool pays for loading it.
 */
export async function verifyDetached(data: Buffer, signature: Buffer, armoredKey: string): Promise<SignatureCheck> {
  const openpgp = await import('openpgp');
  const key = await readPublicKey(openpgp, armoredKey);
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

type OpenPgp = typeof import('openpgp');

async function readPublicKey(openpgp: OpenPgp, armoredKey: string) {
  try {
    return await openpgp.readKey({ armoredKey });
  } catch (error: unknown) {
    throw new UsageError(
      `Input "hashicorp-public-key" is not an ASCII-armored OpenPGP public key (${(error as Error).message}); ` +
        'give the key text itself or the path of a file holding it, or leave it empty for the HashiCorp key shipkit embeds.',
    );
  }
}

/** The key text of the input: its value if it is armored, else the file it names. */
export function readKeyInput(value: string): string | undefined {
  if (!value) return undefined;
  if (value.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----')) return value;
  if (existsSync(value)) return readFileSync(value, 'utf8');
  throw new UsageError(
    `Input "hashicorp-public-key" is neither an armored public key nor the path of an existing file (got "${value.slice(0, 60)}").`,
  );
}
