import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../errors.js';
import * as cache from '../toolcache.js';
import { extractEntry } from '../unzip.js';
import type { InstallContext, Plan } from './install.js';
import { checkDigests, expectedDigests } from './verify.js';

/**
 * Proves a cache entry again, the way a cold install proves a download, from the evidence the
 * entry keeps instead of the network, and believing nothing its record says (see lib/toolcache.ts):
 * the asset (the kept archive, or the binary itself for a raw asset) is hashed and must match the
 * `checksums` pin, the embedded digest and the checksum file (a signed one from the entry,
 * re-verified with the configured key; an unsigned one fetched again); for a zip, the binary must
 * be byte for byte the archive's entry. Anything else in the entry's folder is deleted (the folder
 * goes on PATH). Then the record is rewritten with what was observed.
 * Throws when the entry does not hold up; the caller then installs afresh.
 */
export async function recheck(plan: Plan, entry: cache.Entry, ctx: InstallContext): Promise<cache.Entry & { record: cache.CacheRecord }> {
  const { asset, binary } = plan;
  const assetPath = asset.archive === 'raw' ? entry.binaryPath : join(entry.evidence, asset.name);
  const kept = await lstat(assetPath).catch(() => undefined);
  if (!kept?.isFile()) throw new ToolError(`the entry keeps no ${asset.name} to verify it against`);

  const before = cache.stampOf(entry.binaryPath);
  const [assetSha256, verification, binarySha256, fromArchive] = await Promise.all([
    cache.sha256File(assetPath),
    expectedDigests(plan, ctx, { from: 'evidence', dir: entry.evidence }),
    asset.archive === 'raw' ? undefined : cache.sha256File(entry.binaryPath),
    asset.archive === 'raw' ? undefined : extractEntry(assetPath, binary, undefined),
  ]);
  checkDigests(assetSha256, verification.digests, asset.name, 'The cached copy is not used.');
  if (fromArchive && fromArchive.sha256 !== binarySha256) {
    throw new ToolError(`${entry.binaryPath} is not the ${binary} of the verified ${asset.name} (sha256 ${binarySha256}, the archive's is ${fromArchive.sha256})`);
  }
  const stamp = cache.stampOf(entry.binaryPath);
  if (JSON.stringify(stamp) !== JSON.stringify(before)) throw new ToolError(`${entry.binaryPath} changed while it was being verified`);
  // The folder goes on PATH: the proved binary may, nothing planted beside it.
  const removed = await cache.removeForeign(entry);
  if (removed.length) {
    ctx.warn(`${plan.tool.name} ${plan.version}: removed ${cache.describeForeign(removed)} from its cache entry ${entry.dir}: that folder goes on PATH.`);
  }

  const record: cache.CacheRecord = {
    schema: 2,
    tool: plan.tool.name,
    version: plan.version,
    arch: plan.expect.arch,
    binary,
    // The download URL is kept for the reader only; no decision depends on it.
    asset: { name: asset.name, sha256: assetSha256, url: entry.record?.asset.url ?? asset.url, archive: asset.archive },
    binarySha256: binarySha256 ?? assetSha256,
    checksumFile: verification.checksumFile,
    unverified: verification.digests.length === 0,
    verifiedBy: verification.label,
    stamp,
  };
  // Rewritten only when something differs (cache-verification: always proves unchanged entries too).
  if (JSON.stringify(record) !== JSON.stringify(entry.record)) await cache.writeRecord(entry.evidence, record);
  return { ...entry, record };
}
