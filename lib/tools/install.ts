import { messageOf, ToolError } from '../errors.js';
import type { Fetcher } from '../http.js';
import type { KeyIdentity } from '../pgp.js';
import { describePlatform, exeSuffix, type Platform } from '../platform.js';
import * as cache from '../toolcache.js';
import { embeddedDigest, findGap, type Asset, type ToolDescription } from './tools.js';
import { describeSpec, type GitHubApi, type VersionSpec } from './versions.js';

export interface InstallContext {
  platform: Platform;
  /** The one HTTP client, created on first use: a warm run never loads it. */
  fetcher: () => Promise<Fetcher>;
  github: GitHubApi;
  /** Armored key that must have signed HashiCorp's SHA256SUMS, and who it is. */
  hashicorpKey: { armored: string; identity: KeyIdentity };
  /** Digests given in the `checksums` input, by exact asset name. */
  userDigests: Map<string, string>;
  allowUnverified: boolean;
  cacheVerification: 'on-change' | 'always';
  log: (line: string) => void;
  warn: (line: string) => void;
}

export interface Installed {
  tool: string;
  version: string;
  path: string;
  dir: string;
  fromCache: boolean;
  /** Host the asset came from (a mirror's host when one applied), or `tool cache`. */
  source: string;
  verifiedBy: string;
  ms: number;
}

/** One install, worked out before anything is read or written; every stage takes it. */
export interface Plan {
  tool: ToolDescription;
  version: string;
  asset: Asset;
  /** Executable file name, `.exe` included on Windows. */
  binary: string;
  /** What the cache entry (or the download) must satisfy, from sources outside the cache. */
  expect: cache.Expectation;
  /** The identity of a cache entry this run proved bad although it looks unchanged: never kept. */
  distrust?: cache.Stamp;
  started: number;
}

/**
 * find in cache -> (on a miss) resolve, download, verify, extract, probe, cache: the same for every
 * tool. What a miss needs (the HTTP layer, openpgp, the zip reader) is loaded only on a miss.
 */
export async function install(tool: ToolDescription, spec: VersionSpec, ctx: InstallContext): Promise<Installed> {
  const started = performance.now();
  let version: string;
  if (spec.kind === 'exact') {
    version = spec.version;
  } else {
    const { resolveVersion } = await import('./resolve.js');
    version = await resolveVersion(tool, spec, await ctx.fetcher(), ctx.github);
    ctx.log(`${tool.name}: "${describeSpec(spec)}" resolved to ${version}`);
  }
  const plan = planInstall(tool, version, ctx, started);

  const found = inspectCache(plan);
  if (found.state === 'hit' && ctx.cacheVerification !== 'always') {
    return fromCache(plan, found.entry, ctx, 'cache entry unchanged since then');
  }
  if (found.state === 'hit' || found.state === 'recheck') {
    try {
      const { recheck } = await import('./recheck.js');
      const entry = await recheck(plan, found.entry, ctx);
      return fromCache(plan, entry, ctx, 'cache entry re-verified');
    } catch (error: unknown) {
      const why = found.state === 'recheck' ? `${found.why}; ` : '';
      ctx.warn(`${tool.name} ${version}: ignoring the cached copy (${why}${messageOf(error)}); installing afresh.`);
      if (found.state === 'hit') plan.distrust = found.entry.record.stamp;
    }
  } else if (found.state === 'unusable') {
    ctx.warn(`${tool.name} ${version}: ignoring the cached copy (${found.why}); installing afresh.`);
  }
  const { installFresh } = await import('./fresh.js');
  return installFresh(plan, ctx);
}

/** The cache's verdict on this install's entry; an entry that cannot even be looked at is not used. */
function inspectCache(plan: Plan): cache.Inspection {
  try {
    return cache.inspect(plan.expect);
  } catch (error: unknown) {
    return { state: 'unusable', entry: cache.entryOf(plan.expect), why: messageOf(error) };
  }
}

export function planInstall(tool: ToolDescription, version: string, ctx: InstallContext, started = performance.now()): Plan {
  const gap = findGap(tool, version, ctx.platform);
  if (gap) {
    const first = gap.firstWith ? ` The first version with one is ${gap.firstWith}.` : '';
    throw new ToolError(`${tool.name} ${version} has no ${describePlatform(ctx.platform)} build.${first}${gap.hint ? ` ${gap.hint}` : ''}`);
  }
  const asset = tool.asset(version, ctx.platform);
  const binary = tool.binary + exeSuffix(ctx.platform);
  // The `checksums` input replaces the embedded digest of its asset (a mirror may re-sign, a test
  // may serve a stand-in); either way every source that exists must agree.
  const user = ctx.userDigests.get(asset.name);
  const embedded = user ? undefined : embeddedDigest(tool.name, version, asset.name);
  const digests = [
    ...(user ? [{ digest: user, from: 'the "checksums" input', label: 'checksums input' }] : []),
    ...(embedded ? [{ digest: embedded, from: 'the digest embedded in shipkit (published upstream)', label: 'embedded digest' }] : []),
  ];
  const signed = tool.checksumFile(version, asset)?.signed ?? false;
  const { fingerprint, blockSha256 } = ctx.hashicorpKey.identity;
  return {
    tool,
    version,
    asset,
    binary,
    started,
    expect: {
      tool: tool.name,
      version,
      arch: ctx.platform.arch,
      binary,
      asset: asset.name,
      archive: asset.archive,
      digests,
      key: signed ? { fingerprint, blockSha256 } : undefined,
      allowUnverified: ctx.allowUnverified,
    },
  };
}

/** How an install was verified, for the log and the summary: `checksums input + SHA256SUMS signed by 72D7468F`. */
export function verificationLabel(expect: cache.Expectation, file: cache.CacheRecord['checksumFile'], ctx: InstallContext): string {
  const labels = expect.digests.map((d) => d.label);
  if (file) labels.push(file.key ? `${file.label} signed by ${ctx.hashicorpKey.identity.shortId}` : file.label);
  return labels.join(' + ') || 'unverified (allowed)';
}

function fromCache(plan: Plan, entry: cache.Entry & { record: cache.CacheRecord }, ctx: InstallContext, how: string): Installed {
  return {
    tool: plan.tool.name,
    version: plan.version,
    path: entry.binaryPath,
    dir: entry.dir,
    fromCache: true,
    source: 'tool cache',
    verifiedBy: `${verificationLabel(plan.expect, entry.record.checksumFile, ctx)}; ${how}`,
    ms: performance.now() - plan.started,
  };
}
