import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { findChecksum } from '../checksums.js';
import { ToolError } from '../errors.js';
import { HttpStatusError } from '../http.js';
import { nameForLog } from '../log.js';
import { verifyDetached } from '../pgp.js';
import type { CacheRecord } from '../toolcache.js';
import type { InstallContext, Plan } from './install.js';
import { verificationLabel } from './install.js';

// What an asset must hash to, gathered from every source that exists: the same code for a cold
// install (checksum file and signature from the network) and for the recheck of a cache entry
// (a signed checksum file from the entry's evidence: a signature proves it wherever it was kept).

export interface Expected {
  digest: string;
  /** Where the digest came from, for a mismatch message. */
  from: string;
}

export interface Verification {
  digests: Expected[];
  label: string;
  checksumFile?: CacheRecord['checksumFile'];
  /** Files to keep in the entry as evidence (a signed checksum file and its signature). */
  keep: { name: string; data: Buffer }[];
}

/** Where a signed checksum file comes from: the network, or a cache entry's evidence folder. */
export type ChecksumSource = { from: 'network' } | { from: 'evidence'; dir: string };

export async function expectedDigests(plan: Plan, ctx: InstallContext, source: ChecksumSource): Promise<Verification> {
  const { tool, version, asset } = plan;
  const digests: Expected[] = plan.expect.digests.map(({ digest, from }) => ({ digest, from }));
  const file = tool.checksumFile(version, asset);
  const found = file ? await checksumFromFile(plan, file, ctx, source) : undefined;
  if (found) digests.push(found.expected);
  if (!digests.length && !ctx.allowUnverified) {
    const fetcher = await ctx.fetcher();
    const where = file
      ? `${tool.name} ${version} publishes no ${file.label} (${fetcher.resolve(file.url)} answered 404)`
      : `${tool.name} ${version} publishes no checksum file`;
    throw new ToolError(
      `${where}, and shipkit embeds no digest for ${asset.name}, so the download cannot be verified. ` +
        `Give its sha256 in "checksums" ("<sha256>  ${asset.name}"), pick a version that publishes checksums, or set allow-unverified: true to accept it unverified.`,
    );
  }
  return {
    digests,
    label: verificationLabel(plan.expect, found?.checksumFile, ctx),
    checksumFile: found?.checksumFile,
    keep: found?.keep ?? [],
  };
}

interface FromFile {
  expected: Expected;
  checksumFile: NonNullable<CacheRecord['checksumFile']>;
  keep: { name: string; data: Buffer }[];
}

async function checksumFromFile(
  plan: Plan,
  file: NonNullable<ReturnType<Plan['tool']['checksumFile']>>,
  ctx: InstallContext,
  source: ChecksumSource,
): Promise<FromFile | undefined> {
  const { tool, version, asset } = plan;
  const name = basename(new URL(file.url).pathname);
  let sums: Buffer;
  let where: string;
  let signature: { name: string; data: Buffer } | undefined;
  if (file.signed && source.from === 'evidence') {
    where = `the ${file.label} kept in the cache entry`;
    sums = await readFile(join(source.dir, name));
    signature = await readKeptSignature(source.dir, name, ctx);
  } else {
    const fetcher = await ctx.fetcher();
    where = fetcher.resolve(file.url);
    try {
      sums = await fetcher.buffer(file.url);
    } catch (error: unknown) {
      if (error instanceof HttpStatusError && error.status === 404) return undefined;
      throw error;
    }
    if (file.signed) signature = await fetchSignature(file.url, ctx);
  }
  if (signature) await verifySums(sums, signature.data, where, ctx);
  const digest = findChecksum(sums.toString('utf8'), asset.name);
  if (!digest) throw new ToolError(`${tool.name} ${version}: ${where} has no line for ${asset.name}; refusing an asset its own checksum file does not list.`);
  const key = signature ? { fingerprint: ctx.hashicorpKey.identity.fingerprint, blockSha256: ctx.hashicorpKey.identity.blockSha256 } : undefined;
  return {
    expected: { digest, from: signature ? `${where} (signature verified)` : where },
    checksumFile: { name, label: file.label, ...(signature ? { signature: signature.name, key } : {}) },
    keep: signature ? [{ name, data: sums }, signature] : [],
  };
}

function signatureNames(sumsName: string, ctx: InstallContext): string[] {
  return [`${sumsName}.${ctx.hashicorpKey.identity.shortId}.sig`, `${sumsName}.sig`];
}

async function readKeptSignature(dir: string, sumsName: string, ctx: InstallContext): Promise<{ name: string; data: Buffer }> {
  for (const name of signatureNames(sumsName, ctx)) {
    const data = await readFile(join(dir, name)).catch(() => undefined);
    if (data) return { name, data };
  }
  throw new ToolError(`the cache entry keeps no signature of ${sumsName} by key ${ctx.hashicorpKey.identity.shortId}`);
}

/** HashiCorp names the signature after the signing key: `<file>.72D7468F.sig`; older ones `<file>.sig`. */
async function fetchSignature(url: string, ctx: InstallContext): Promise<{ name: string; data: Buffer }> {
  const fetcher = await ctx.fetcher();
  const base = url.slice(0, url.lastIndexOf('/') + 1);
  const names = signatureNames(basename(new URL(url).pathname), ctx);
  for (const name of names) {
    try {
      return { name, data: await fetcher.buffer(base + name) };
    } catch (error: unknown) {
      if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
    }
  }
  throw new ToolError(
    `No signature for ${fetcher.resolve(url)}: neither ${names.map((n) => fetcher.resolve(base + n)).join(' nor ')} exists. ` +
      'A SHA256SUMS file is only trusted when signed by "hashicorp-public-key"; if your mirror drops signatures, copy the .sig files too.',
  );
}

async function verifySums(sums: Buffer, signature: Buffer, where: string, ctx: InstallContext): Promise<void> {
  try {
    await verifyDetached(sums, signature, ctx.hashicorpKey.armored);
  } catch (error: unknown) {
    throw new ToolError(`${where} is not signed by key ${ctx.hashicorpKey.identity.shortId}: ${(error as Error).message}. Nothing was installed.`);
  }
}

const DOWNLOAD_DISCARDED = 'The download was discarded and nothing was cached. A mirror serving a different file, or a tampered download, causes this.';

/** The asset's digest must equal every expected one; `consequence` ends the message. */
export function checkDigests(actual: string, expected: Expected[], assetName: string, consequence = DOWNLOAD_DISCARDED): void {
  for (const e of expected) {
    if (e.digest !== actual) {
      throw new ToolError(`Checksum mismatch for ${nameForLog(assetName)}: expected sha256 ${e.digest} (from ${e.from}), got ${actual}. ${consequence}`);
    }
  }
}
