import { UsageError } from '../../../lib/errors.js';
import { getBoolean, getEnum, getLines, getList, getString, getText } from '../../../lib/inputs.js';
import { forLog } from '../../../lib/log.js';
import { parseMirrors, type Mirror } from '../../../lib/mirrors.js';
import { isSha256 } from '../../../lib/checksums.js';
import { resolveInside } from '../../../lib/paths.js';
import { readKeyInput } from '../../../lib/pgp.js';
import type { CacheVerificationSetting } from '../../../lib/tools/context.js';
import { TOOL_NAMES, TOOLS, type ToolName } from '../../../lib/tools/tools.js';
import { parseVersionSpec, type VersionSpec } from '../../../lib/tools/versions.js';
import { readVersionFile } from './version-file.js';

/** setup-tools' inputs, keyed as in action.yml. */
export interface Inputs {
  tools: ToolName[];
  versions: Record<ToolName, VersionSpec>;
  'version-file': string;
  mirrors: Mirror[];
  /** Pinned digests by exact asset file name. */
  checksums: Map<string, string>;
  'github-token': string;
  'github-api-url': string;
  'hashicorp-public-key': string | undefined;
  'allow-unverified': boolean;
  'cache-verification': CacheVerificationSetting;
}

export function getInputs(): Inputs {
  const tools = parseTools(getList('tools'));
  const versionFile = getString('version-file');
  const fromFile = versionFile ? readVersionFile(resolveInside(workspace(), versionFile, 'version-file').absolute, versionFile) : {};
  const versions = {} as Record<ToolName, VersionSpec>;
  for (const name of TOOL_NAMES) {
    const input = `${name}-version`;
    const explicit = getString(input);
    // An explicit input wins over the file, the file over shipkit's default pin.
    const [raw, origin] = explicit
      ? [explicit, `Input "${input}"`]
      : fromFile[name]
        ? [fromFile[name], `The ${name} entry of ${forLog(versionFile)}`]
        : [TOOLS[name].defaultVersion, input];
    try {
      versions[name] = parseVersionSpec(input, raw);
    } catch (error: unknown) {
      if (!explicit && fromFile[name]) {
        throw new UsageError(`${origin} is ${forLog(raw)}: expected an exact version, "latest", or a semver range.`);
      }
      throw error;
    }
  }
  return {
    tools,
    versions,
    'version-file': versionFile,
    mirrors: parseMirrors(getLines('mirrors')),
    checksums: parseChecksumsInput(getLines('checksums')),
    'github-token': getString('github-token'),
    'github-api-url': parseApiUrl(getString('github-api-url') || process.env.GITHUB_API_URL || 'https://api.github.com'),
    'hashicorp-public-key': readKeyInput(getText('hashicorp-public-key')),
    'allow-unverified': getBoolean('allow-unverified'),
    'cache-verification': getEnum('cache-verification', ['auto', 'on-change', 'always'] as const, 'auto'),
  };
}

function workspace(): string {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}

export function parseTools(items: string[]): ToolName[] {
  if (!items.length) return [...TOOL_NAMES];
  const tools: ToolName[] = [];
  for (const item of items) {
    const name = item.toLowerCase();
    if (!(TOOL_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`Input "tools" names ${forLog(item)}: expected any of ${TOOL_NAMES.join(', ')} (comma or newline separated).`);
    }
    if (!tools.includes(name as ToolName)) tools.push(name as ToolName);
  }
  return tools;
}

/**
 * `<sha256>  <asset>` lines, as sha256sum prints them. The name is the release asset's file name,
 * exactly as published (case included): a path is refused, not silently matched against nothing.
 */
export function parseChecksumsInput(lines: string[]): Map<string, string> {
  const digests = new Map<string, string>();
  for (const line of lines) {
    const match = /^([0-9A-Fa-f]+)\s+\*?(\S+)$/.exec(line);
    const [, digest, name] = match ?? [];
    if (!digest || !name || !isSha256(digest)) {
      throw new UsageError(`Input "checksums" has the line ${forLog(line)}: expected "<64 hex sha256>  <asset file name>", as sha256sum prints it.`);
    }
    if (/[\\/]/.test(name)) {
      throw new UsageError(
        `Input "checksums" has the line ${forLog(line)}, whose name is a path: give the release asset's file name alone, e.g. "${digest}  ${name.replace(/^.*[\\/]/, '')}".`,
      );
    }
    const seen = digests.get(name);
    if (seen && seen !== digest.toLowerCase()) {
      throw new UsageError(`Input "checksums" gives ${forLog(name)} two different digests (${seen} and ${digest.toLowerCase()}): keep the right one.`);
    }
    digests.set(name, digest.toLowerCase());
  }
  return digests;
}

function parseApiUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new UsageError(
      `Input "github-api-url" is ${forLog(value)}: expected the http(s) base URL of a GitHub API, e.g. https://api.github.com or https://github.example.com/api/v3 (empty: the runner's GITHUB_API_URL).`,
    );
  }
  return value.replace(/\/+$/, '');
}
