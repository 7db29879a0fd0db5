import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { messageOf, ToolError } from '../errors.js';
import { HttpStatusError } from '../http.js';
import { nameForLog } from '../log.js';
import { describePlatform } from '../platform.js';
import * as cache from '../toolcache.js';
import { extractEntry } from '../unzip.js';
import type { Installed, InstallContext, Plan } from './install.js';
import { askVersion, ProbeFailure } from './probe.js';
import { parseVersionOutput } from './tools.js';
import { checkDigests, expectedDigests, type Verification } from './verify.js';

// A cache miss: download, verify, extract, probe, cache. Loaded only on a miss.

/** What the download stage hands on: the verified asset, where it came from, and how it was verified. */
interface Fetched {
  path: string;
  url: string;
  sha256: string;
  verification: Verification;
}

export async function installFresh(plan: Plan, ctx: InstallContext): Promise<Installed> {
  const staging = await cache.stage(plan.expect);
  try {
    const fetched = await downloadVerified(plan, ctx, staging);
    const binarySha256 = await unpack(plan, fetched, staging);
    const { tool, version, asset, binary } = plan;
    const dir = await cache.commit(
      staging,
      {
        tool: tool.name,
        version,
        arch: plan.expect.arch,
        binary,
        asset: { name: asset.name, sha256: fetched.sha256, url: fetched.url, archive: asset.archive },
        binarySha256,
        checksumFile: fetched.verification.checksumFile,
        unverified: fetched.verification.digests.length === 0,
        verifiedBy: fetched.verification.label,
      },
      plan.expect,
      plan.distrust,
    );
    return {
      tool: tool.name,
      version,
      path: join(dir, binary),
      dir,
      fromCache: false,
      source: new URL(fetched.url).host,
      verifiedBy: fetched.verification.label,
      ms: performance.now() - plan.started,
    };
  } finally {
    // On success the staging folder was renamed away; on failure nothing of it may remain.
    await cache.unstage(staging);
  }
}

/** Downloads the asset into the staging folder and checks it against every expected digest. */
async function downloadVerified(plan: Plan, ctx: InstallContext, staging: string): Promise<Fetched> {
  const { tool, version, asset, binary } = plan;
  const fetcher = await ctx.fetcher();
  // A zip is kept in the entry as evidence; a raw asset is the binary itself.
  const path = asset.archive === 'raw' ? join(staging, binary) : join(staging, cache.EVIDENCE, asset.name);
  // Both run at once; both settle before anything is cleaned up, so no write outlives a failure.
  const [downloaded, expected] = await Promise.allSettled([fetcher.download(asset.url, path), expectedDigests(plan, ctx, { from: 'network' })]);
  if (downloaded.status === 'rejected') throw explainDownloadError(downloaded.reason, plan, ctx);
  if (expected.status === 'rejected') throw expected.reason;
  const { url, sha256 } = downloaded.value;
  const verification = expected.value;
  checkDigests(sha256, verification.digests, asset.name);
  if (!verification.digests.length) {
    ctx.warn(`${tool.name} ${version}: ${asset.name} installed UNVERIFIED (allow-unverified: true); sha256 ${sha256}.`);
  }
  return { path, url, sha256, verification };
}

/** Puts the executable (and the evidence) in place in the staging folder; returns the executable's SHA-256. */
async function unpack(plan: Plan, fetched: Fetched, staging: string): Promise<string> {
  const { tool, version, asset, binary } = plan;
  const binaryPath = join(staging, binary);
  let binarySha256 = fetched.sha256;
  if (asset.archive === 'zip') {
    const extracted = await extractEntry(fetched.path, binary, binaryPath).catch((e: unknown) => {
      throw new ToolError(`${tool.name} ${version}: ${asset.name} from ${fetched.url}: ${(e as Error).message}. Nothing was installed.`);
    });
    binarySha256 = extracted.sha256;
  }
  await chmod(binaryPath, 0o755);
  await probeVersion(plan, binaryPath);
  for (const file of fetched.verification.keep) await writeFile(join(staging, cache.EVIDENCE, file.name), file.data, { flag: 'wx' });
  return binarySha256;
}

function explainDownloadError(error: unknown, plan: Plan, ctx: InstallContext): unknown {
  const { tool, version, asset } = plan;
  if (error instanceof HttpStatusError && (error.status === 404 || error.status === 410)) {
    return new ToolError(
      `${tool.name} ${version} has no ${asset.name} for ${describePlatform(ctx.platform)}: ${error.url} answered ${error.status}. ` +
        `Check that ${version} is a released ${tool.name} version (and that any mirror holds it).`,
    );
  }
  if (error instanceof HttpStatusError) {
    return new ToolError(`Downloading ${tool.name} ${version}: ${error.url} answered ${error.status}.`);
  }
  return error;
}

/** The installed binary must say it is the version asked for, before it is cached. */
async function probeVersion(plan: Plan, binaryPath: string): Promise<void> {
  const { tool, version } = plan;
  let output: string;
  try {
    output = await askVersion(binaryPath, tool.versionArgs);
  } catch (error: unknown) {
    const said = error instanceof ProbeFailure ? error.stderr.trim().split('\n')[0] : undefined;
    throw new ToolError(
      `${tool.name} ${version} was downloaded and verified but does not run here: \`${tool.binary} ${tool.versionArgs.join(' ')}\` failed: ` +
        `${messageOf(error)}${said ? ` (${nameForLog(said)})` : ''}. Nothing was cached.`,
    );
  }
  const reported = parseVersionOutput(output);
  if (reported !== version) {
    throw new ToolError(
      `${tool.name} ${version} was requested, but the installed binary reports ${reported ?? 'no version'} (${JSON.stringify(output.split('\n')[0]?.trim() ?? '')}). Nothing was cached.`,
    );
  }
}
