import { execFile } from 'node:child_process';
import { chmod, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findChecksum } from '../checksums.js';
import { ToolError } from '../errors.js';
import { HttpStatusError, type Fetcher } from '../http.js';
import { verifyDetached } from '../pgp.js';
import { describePlatform, exeSuffix, type Platform } from '../platform.js';
import * as cache from '../toolcache.js';
import { embeddedDigest, findGap, parseVersionOutput, type Asset, type ToolDescription } from './tools.js';
import { describeSpec, resolveVersion, type GitHubApi, type VersionSpec } from './versions.js';

export interface InstallContext {
  platform: Platform;
  fetcher: Fetcher;
  github: GitHubApi;
  /** Armored key that must have signed HashiCorp's SHA256SUMS, and its 8-hex short id. */
  hashicorpKey: { armored: string; shortId: string };
  /** Digests given in the `checksums` input, by lower-case asset name. */
  userDigests: Map<string, string>;
  allowUnverified: boolean;
  log: (line: string) => void;
  warn: (line: string) => void;
}

export interface Installed {
  tool: string;
  version: string;
  path: string;
  dir: string;
  fromCache: boolean;
  /** Host the asset came from (a mirror's host when one applied). */
  source: string;
  verifiedBy: string;
  ms: number;
}

const execFileAsync = promisify(execFile);

/** find in cache -> resolve -> download and verify -> extract -> probe -> cache: the same for every tool. */
export async function install(tool: ToolDescription, spec: VersionSpec, ctx: InstallContext): Promise<Installed> {
  const started = performance.now();
  const version = spec.kind === 'exact' ? spec.version : await resolveVersion(tool, spec, ctx.fetcher, ctx.github);
  if (spec.kind !== 'exact') ctx.log(`${tool.name}: "${describeSpec(spec)}" resolved to ${version}`);

  const gap = findGap(tool, version, ctx.platform);
  if (gap) {
    const first = gap.firstWith ? ` The first version with one is ${gap.firstWith}.` : '';
    throw new ToolError(
      `${tool.name} ${version} has no ${describePlatform(ctx.platform)} build.${first}${gap.hint ? ` ${gap.hint}` : ''}`,
    );
  }
  const asset = tool.asset(version, ctx.platform);
  const binary = tool.binary + exeSuffix(ctx.platform);

  const found = await cache.lookup(tool.name, version, ctx.platform.arch);
  if ('hit' in found) {
    const { hit } = found;
    return {
      tool: tool.name,
      version,
      path: hit.binaryPath,
      dir: hit.dir,
      fromCache: true,
      source: 'tool cache',
      verifiedBy: `${hit.record.verifiedBy}; ${hit.rehashed ? 're-hashed, matches the recorded sha256' : 'cache entry unchanged since then'}`,
      ms: performance.now() - started,
    };
  }
  if (found.miss !== 'absent') ctx.warn(`${tool.name} ${version}: ignoring the cached copy (${found.detail}); installing afresh.`);

  const staging = await cache.stagingDir(tool.name, version, ctx.platform.arch);
  try {
    const download = join(staging, asset.archive === 'raw' ? binary : asset.name);
    // Both run at once; both settle before anything is cleaned up, so no write outlives a failure.
    const [downloaded, expected] = await Promise.allSettled([
      ctx.fetcher.download(asset.url, download),
      expectedDigests(tool, version, asset, ctx),
    ]);
    if (downloaded.status === 'rejected') throw explainDownloadError(downloaded.reason, tool, version, asset, ctx);
    if (expected.status === 'rejected') throw expected.reason;
    const got = downloaded.value;
    const verifiedBy = expected.value;
    checkDigests(got.sha256, verifiedBy.digests, asset);
    if (!verifiedBy.digests.length) {
      ctx.warn(`${tool.name} ${version}: ${asset.name} installed UNVERIFIED (allow-unverified: true); sha256 ${got.sha256}.`);
    }

    const binaryPath = join(staging, binary);
    if (asset.archive === 'zip') {
      const { extractEntry } = await import('../unzip.js');
      await extractEntry(download, binary, binaryPath).catch((e: unknown) => {
        throw new ToolError(`${tool.name} ${version}: ${asset.name} from ${got.url}: ${(e as Error).message}`);
      });
      await rm(download);
    }
    await chmod(binaryPath, 0o755);
    await probeVersion(tool, version, binaryPath);

    const dir = await cache.commit(
      staging,
      {
        tool: tool.name,
        version,
        binary,
        sha256: asset.archive === 'raw' ? got.sha256 : await cache.sha256File(binaryPath),
        asset: asset.name,
        source: got.url,
        verifiedBy: verifiedBy.label,
      },
      ctx.platform.arch,
    );
    return {
      tool: tool.name,
      version,
      path: join(dir, binary),
      dir,
      fromCache: false,
      source: new URL(got.url).host,
      verifiedBy: verifiedBy.label,
      ms: performance.now() - started,
    };
  } finally {
    // On success the staging folder was renamed away; on failure nothing of it may remain.
    await rm(staging, { recursive: true, force: true });
  }
}

interface Expected {
  digest: string;
  from: string;
}

/**
 * Every digest the asset must match, with where each came from. All sources that exist are
 * checked; with none, the install is refused unless allow-unverified is set.
 */
async function expectedDigests(
  tool: ToolDescription,
  version: string,
  asset: Asset,
  ctx: InstallContext,
): Promise<{ digests: Expected[]; label: string }> {
  const digests: Expected[] = [];
  const labels: string[] = [];
  const user = ctx.userDigests.get(asset.name.toLowerCase());
  if (user) {
    digests.push({ digest: user, from: 'the "checksums" input' });
    labels.push('checksums input');
  }
  const embedded = embeddedDigest(tool.name, version, asset.name);
  if (embedded && !user) {
    digests.push({ digest: embedded, from: 'the digest embedded in shipkit (published upstream)' });
    labels.push('embedded digest');
  }
  const file = tool.checksumFile(version, asset);
  if (file) {
    const fromFile = await checksumFromFile(tool, version, asset, file.url, file.label, file.signed, ctx);
    if (fromFile) {
      digests.push(fromFile);
      labels.push(file.signed ? `${file.label} signed by ${ctx.hashicorpKey.shortId}` : file.label);
    }
  }
  if (!digests.length && !ctx.allowUnverified) {
    const where = file ? `${tool.name} ${version} publishes no ${file.label} (${ctx.fetcher.resolve(file.url)} answered 404)` : `${tool.name} ${version} publishes no checksum file`;
    throw new ToolError(
      `${where}, and shipkit embeds no digest for ${asset.name}, so the download cannot be verified. ` +
        `Give its sha256 in "checksums" ("<sha256>  ${asset.name}"), pick a version that publishes checksums, or set allow-unverified: true to accept it unverified.`,
    );
  }
  return { digests, label: labels.join(' + ') || 'unverified (allowed)' };
}

async function checksumFromFile(
  tool: ToolDescription,
  version: string,
  asset: Asset,
  url: string,
  label: string,
  signed: boolean,
  ctx: InstallContext,
): Promise<Expected | undefined> {
  let sums: Buffer;
  try {
    sums = await ctx.fetcher.buffer(url);
  } catch (error: unknown) {
    if (error instanceof HttpStatusError && error.status === 404) return undefined;
    throw error;
  }
  const where = ctx.fetcher.resolve(url);
  if (signed) await verifySums(sums, url, ctx);
  const digest = findChecksum(sums.toString('utf8'), asset.name);
  if (!digest) throw new ToolError(`${tool.name} ${version}: ${where} has no line for ${asset.name}; refusing an asset its own checksum file does not list.`);
  return { digest, from: signed ? `${where} (signature verified)` : where };
}

/** HashiCorp names the signature after the signing key: `<file>.72D7468F.sig`; older ones `<file>.sig`. */
async function verifySums(sums: Buffer, url: string, ctx: InstallContext): Promise<void> {
  const candidates = [`${url}.${ctx.hashicorpKey.shortId}.sig`, `${url}.sig`];
  let signature: Buffer | undefined;
  for (const candidate of candidates) {
    try {
      signature = await ctx.fetcher.buffer(candidate);
      break;
    } catch (error: unknown) {
      if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
    }
  }
  if (!signature) {
    throw new ToolError(
      `No signature for ${ctx.fetcher.resolve(url)}: neither ${candidates.map((c) => ctx.fetcher.resolve(c)).join(' nor ')} exists. ` +
        'A SHA256SUMS file is only trusted when signed by "hashicorp-public-key"; if your mirror drops signatures, copy the .sig files too.',
    );
  }
  try {
    await verifyDetached(sums, signature, ctx.hashicorpKey.armored);
  } catch (error: unknown) {
    throw new ToolError(`${ctx.fetcher.resolve(url)} is not signed by key ${ctx.hashicorpKey.shortId}: ${(error as Error).message}. Nothing was installed.`);
  }
}

function checkDigests(actual: string, expected: Expected[], asset: Asset): void {
  for (const e of expected) {
    if (e.digest.toLowerCase() !== actual) {
      throw new ToolError(
        `Checksum mismatch for ${asset.name}: expected sha256 ${e.digest} (from ${e.from}), got ${actual}. ` +
          'The download was discarded and nothing was cached. A mirror serving a different file, or a tampered download, causes this.',
      );
    }
  }
}

function explainDownloadError(error: unknown, tool: ToolDescription, version: string, asset: Asset, ctx: InstallContext): unknown {
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
async function probeVersion(tool: ToolDescription, version: string, binaryPath: string): Promise<void> {
  let output: string;
  try {
    const result = await execFileAsync(binaryPath, tool.versionArgs, {
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TFLINT_DISABLE_VERSION_CHECK: '1' },
      timeout: 30_000,
    });
    output = result.stdout || result.stderr;
  } catch (error: unknown) {
    const e = error as { message: string; stderr?: string };
    throw new ToolError(`${tool.name} ${version} was downloaded and verified but does not run here: \`${tool.binary} ${tool.versionArgs.join(' ')}\` failed (${(e.stderr || e.message).trim().split('\n')[0]}).`);
  }
  const reported = parseVersionOutput(output);
  if (reported !== version) {
    throw new ToolError(
      `${tool.name} ${version} was requested, but the installed binary reports ${reported ?? 'no version'} ("${output.split('\n')[0]?.trim()}"). Nothing was cached.`,
    );
  }
}
