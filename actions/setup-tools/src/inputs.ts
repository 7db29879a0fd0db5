import { UsageError } from '../../../lib/errors.js';
import { getBoolean, getLines, getList, getString, getText } from '../../../lib/inputs.js';
import { parseMirrors, type Mirror } from '../../../lib/mirrors.js';
import { isSha256 } from '../../../lib/checksums.js';
import { readKeyInput } from '../../../lib/pgp.js';
import { TOOL_NAMES, TOOLS, type ToolName } from '../../../lib/tools/tools.js';
import { parseVersionSpec, type VersionSpec } from '../../../lib/tools/versions.js';
import { readVersionFile } from './version-file.js';

/** setup-tools' inputs, keyed as in action.yml. */
export interface Inputs {
  tools: ToolName[];
  versions: Record<ToolName, VersionSpec>;
  'version-file': string;
  mirrors: Mirror[];
  checksums: Map<string, string>;
  'github-token': string;
  'github-api-url': string;
  'hashicorp-public-key': string | undefined;
  'allow-unverified': boolean;
}

export function getInputs(): Inputs {
  const tools = parseTools(getList('tools'));
  const versionFile = getString('version-file');
  const fromFile = versionFile ? readVersionFile(versionFile) : {};
  const versions = {} as Record<ToolName, VersionSpec>;
  for (const name of TOOL_NAMES) {
    const input = `${name}-version`;
    const explicit = getString(input);
    // An explicit input wins over the file, the file over shipkit's default pin.
    const [raw, origin] = explicit
      ? [explicit, `Input "${input}"`]
      : fromFile[name]
        ? [fromFile[name], `The ${name} entry of "${versionFile}"`]
        : [TOOLS[name].defaultVersion, input];
    try {
      versions[name] = parseVersionSpec(input, raw);
    } catch (error: unknown) {
      if (!explicit && fromFile[name]) {
        throw new UsageError(`${origin} is "${raw}": expected an exact version, "latest", or a semver range.`);
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
    'github-api-url': getString('github-api-url') || process.env.GITHUB_API_URL || 'https://api.github.com',
    'hashicorp-public-key': readKeyInput(getText('hashicorp-public-key')),
    'allow-unverified': getBoolean('allow-unverified'),
  };
}

export function parseTools(items: string[]): ToolName[] {
  if (!items.length) return [...TOOL_NAMES];
  const tools: ToolName[] = [];
  for (const item of items) {
    const name = item.toLowerCase();
    if (!(TOOL_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`Input "tools" names "${item}": expected any of ${TOOL_NAMES.join(', ')} (comma or newline separated).`);
    }
    if (!tools.includes(name as ToolName)) tools.push(name as ToolName);
  }
  return tools;
}

/** `<sha256>  <asset>` lines, as sha256sum prints them. */
export function parseChecksumsInput(lines: string[]): Map<string, string> {
  const digests = new Map<string, string>();
  for (const line of lines) {
    const [digest, name] = line.split(/\s+\*?/);
    if (!digest || !name || !isSha256(digest)) {
      throw new UsageError(`Input "checksums" has the line "${line}": expected "<64 hex sha256>  <asset file name>", as sha256sum prints it.`);
    }
    digests.set(name.toLowerCase(), digest.toLowerCase());
  }
  return digests;
}
