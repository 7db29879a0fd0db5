import { delimiter, dirname } from 'node:path';
import semver from 'semver';
import { isUnreachable, networkProblem } from '../local-run.js';
import { isInside } from '../paths.js';
import { findOnPath } from '../which.js';
import { install, type Installed, type InstallContext } from './install.js';
import { askVersion, probeEnv } from './probe.js';
import { parseVersionOutput, type ToolDescription } from './tools.js';
import { describeSpec, type VersionSpec } from './versions.js';

// Installs in a local run (lib/local-run.ts): loaded only there, never on a runner's warm path.

/** A tool taken from PATH instead of the verified download, and why. */
export interface OnPath {
  tool: string;
  version: string;
  path: string;
  dir: string;
  /** `offline` (the download could not reach the network) or `--prefer-installed`. */
  why: 'offline' | '--prefer-installed';
}

export type LocalInstall = { kind: 'installed'; installed: Installed } | { kind: 'on-path'; found: OnPath } | { kind: 'unavailable'; reason: string };

/** How the log and the summary name a tool from PATH: `terraform 1.11.4 from /usr/local/bin (on PATH; not verified: offline)`. */
export function describeOnPath(found: OnPath): string {
  return `${found.tool} ${found.version} from ${found.dir} (on PATH; not verified: ${found.why})`;
}

function satisfies(version: string, spec: VersionSpec): boolean {
  if (spec.kind === 'exact') return version === spec.version;
  // Without the network "latest" cannot be known: the one installed is the best there is.
  if (spec.kind === 'latest') return true;
  return semver.satisfies(version, spec.range);
}

/** The version command, with the basics of the environment only (no inputs, tokens or secrets). */
async function versionOf(path: string, tool: ToolDescription, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    return parseVersionOutput(await askVersion(path, tool.versionArgs, { env: probeEnv(env) }));
  } catch {
    return undefined;
  }
}

/**
 * The tool on PATH, outside the tool cache's own folders (those are setup-tools' verified copies,
 * found the normal way), when its version fits the request; otherwise why not.
 */
export async function findInstalled(tool: ToolDescription, spec: VersionSpec, env: NodeJS.ProcessEnv): Promise<{ found?: Omit<OnPath, 'why'>; why: string }> {
  const toolCache = env.RUNNER_TOOL_CACHE;
  const path = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !(toolCache && isInside(toolCache, dir)))
    .join(delimiter);
  const binary = findOnPath(tool.binary, path);
  if (!binary) return { why: 'none is on PATH' };
  const version = await versionOf(binary, tool, env);
  if (!version) return { why: `${binary} on PATH does not say its version` };
  if (!satisfies(version, spec)) return { why: `${binary} on PATH is ${version}, not ${describeSpec(spec)}` };
  return { found: { tool: tool.name, version, path: binary, dir: dirname(binary) }, why: '' };
}

export interface LocalInstallOptions {
  /** Fails at once when the network cannot be reached (no retries): an offline run must not wait per tool. */
  fast: InstallContext;
  /** The normal retries, for a failure another attempt may cure (a 503, a reset). */
  full: InstallContext;
  preferInstalled: boolean;
  env: NodeJS.ProcessEnv;
}

/**
 * One tool in a local run: with --prefer-installed the one on PATH when it fits; else the verified
 * install, and when that cannot reach the network, the one on PATH when it fits; else unavailable,
 * with the reason. A 404, a checksum or a signature failure still fails, as on a runner.
 */
export async function installLocally(tool: ToolDescription, spec: VersionSpec, options: LocalInstallOptions): Promise<LocalInstall> {
  if (options.preferInstalled) {
    const { found } = await findInstalled(tool, spec, options.env);
    if (found) return { kind: 'on-path', found: { ...found, why: '--prefer-installed' } };
  }
  try {
    return { kind: 'installed', installed: await install(tool, spec, options.fast) };
  } catch (error: unknown) {
    if (isUnreachable(error)) {
      const { found, why } = await findInstalled(tool, spec, options.env);
      if (found) return { kind: 'on-path', found: { ...found, why: 'offline' } };
      return { kind: 'unavailable', reason: `${tool.name} ${describeSpec(spec)} could not be downloaded (offline) and ${why}` };
    }
    // What the runner's retries would have cured (a timeout, a reset, a 503) gets them.
    if (['timeout', 'broken', 'status'].includes(networkProblem(error) ?? '')) return { kind: 'installed', installed: await install(tool, spec, options.full) };
    throw error;
  }
}
