import * as core from '@actions/core';
import { ToolError, messageOf } from '../../../lib/errors.js';
import { isLocalRun, prefersInstalled, unavailableTools, UNAVAILABLE_TOOLS } from '../../../lib/local-run.js';
import { info } from '../../../lib/log.js';
import { markdownTable, md } from '../../../lib/summary.js';
import { cacheVerificationFor, installContext } from '../../../lib/tools/context.js';
import { install, type Installed } from '../../../lib/tools/install.js';
import type { LocalInstall, OnPath } from '../../../lib/tools/local.js';
import { TOOLS, type ToolName } from '../../../lib/tools/tools.js';
import { getInputs, type Inputs } from './inputs.js';

/** What each tool came to: installed (or from the cache), taken from PATH (local runs), unavailable (local runs), or failed. */
interface Outcomes {
  installed: Installed[];
  onPath: OnPath[];
  /** Tool -> why it could not be had (local runs only). */
  unavailable: Record<string, string>;
  failures: string[];
}

export async function main(): Promise<void> {
  const inputs = getInputs();
  const outcomes = isLocalRun() ? await installLocal(inputs) : await installAll(inputs);
  const { installed, onPath, unavailable, failures } = outcomes;

  for (const tool of installed) {
    info(`${tool.tool} ${tool.version} ${tool.fromCache ? 'from the tool cache' : `from ${tool.source}`}, ${tool.verifiedBy} (${Math.round(tool.ms)} ms)`);
  }
  const cacheNote = installed.some((t) => t.fromCache) ? describeCacheVerification(inputs) : '';
  if (cacheNote) info(cacheNote);
  if (onPath.length) {
    const { describeOnPath } = await import('../../../lib/tools/local.js');
    for (const found of onPath) info(describeOnPath(found));
  }
  for (const [tool, reason] of Object.entries(unavailable)) core.warning(`${tool}: not installed: ${reason}`);
  await writeSummary(outcomes, cacheNote);
  if (failures.length) {
    // All or nothing: a partly set-up toolchain would only fail later, further from the cause.
    for (const failure of failures) core.error(failure);
    throw new ToolError(`setup-tools could not install ${failures.length} of ${inputs.tools.length} tools; see the errors above.`);
  }

  const versions: Record<string, string> = {};
  for (const tool of installed) {
    core.addPath(tool.dir);
    core.setOutput(`${tool.tool}-version`, tool.version);
    core.setOutput(`${tool.tool}-path`, tool.path);
    versions[tool.tool] = tool.version;
  }
  // Already on PATH, where the later steps find it: not put in front of everything else.
  for (const tool of onPath) {
    core.setOutput(`${tool.tool}-version`, tool.version);
    core.setOutput(`${tool.tool}-path`, tool.path);
    versions[tool.tool] = tool.version;
  }
  core.setOutput('versions', JSON.stringify(versions));
  core.setOutput('cache-hit', String(!onPath.length && installed.every((t) => t.fromCache)));
  core.setOutput('unavailable', JSON.stringify(unavailable));
  if (isLocalRun()) exportUnavailable(inputs.tools, unavailable);
}

function settingsOf(inputs: Inputs) {
  return {
    tools: inputs.tools,
    mirrors: inputs.mirrors,
    githubToken: inputs['github-token'],
    githubApiUrl: inputs['github-api-url'],
    hashicorpKey: inputs['hashicorp-public-key'],
    checksums: inputs.checksums,
    allowUnverified: inputs['allow-unverified'],
    cacheVerification: inputs['cache-verification'],
  };
}

/** On a runner: every tool verified, from the cache or the network, or the step fails. */
async function installAll(inputs: Inputs): Promise<Outcomes> {
  const ctx = await installContext(settingsOf(inputs));
  const results = await Promise.allSettled(inputs.tools.map((name) => install(TOOLS[name], inputs.versions[name], ctx)));
  const outcomes: Outcomes = { installed: [], onPath: [], unavailable: {}, failures: [] };
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') outcomes.installed.push(result.value);
    else outcomes.failures.push(`${inputs.tools[i]}: ${messageOf(result.reason)}`);
  });
  return outcomes;
}

/** In a local run (lib/local-run.ts): offline, the tools on PATH that fit; what none provides is reported, not fatal. */
async function installLocal(inputs: Inputs): Promise<Outcomes> {
  const { installLocally } = await import('../../../lib/tools/local.js');
  const fast = await installContext({ ...settingsOf(inputs), retryDelays: [] });
  const full = await installContext(settingsOf(inputs));
  const options = { fast, full, preferInstalled: prefersInstalled(), env: process.env };
  const results = await Promise.allSettled(inputs.tools.map((name) => installLocally(TOOLS[name], inputs.versions[name], options)));
  const outcomes: Outcomes = { installed: [], onPath: [], unavailable: {}, failures: [] };
  results.forEach((result, i) => {
    const name = inputs.tools[i]!;
    if (result.status === 'rejected') outcomes.failures.push(`${name}: ${messageOf(result.reason)}`);
    else sortLocal(result.value, name, outcomes);
  });
  return outcomes;
}

function sortLocal(result: LocalInstall, name: ToolName, outcomes: Outcomes): void {
  if (result.kind === 'installed') outcomes.installed.push(result.installed);
  else if (result.kind === 'on-path') outcomes.onPath.push(result.found);
  else outcomes.unavailable[name] = result.reason;
}

/** For the job's later steps: what is still missing, after this step (an earlier setup-tools may have listed others). */
function exportUnavailable(tools: ToolName[], unavailable: Record<string, string>): void {
  const known = unavailableTools();
  for (const tool of tools) delete known[tool];
  const merged = { ...known, ...unavailable };
  if (Object.keys(merged).length || process.env[UNAVAILABLE_TOOLS]) core.exportVariable(UNAVAILABLE_TOOLS, JSON.stringify(merged));
}

/** How cached tools were held to account this run, and why: `always` costs a second or so, and says so. */
function describeCacheVerification(inputs: Inputs): string {
  const { mode, why } = cacheVerificationFor(inputs['cache-verification']);
  const what =
    mode === 'always'
      ? 'every cached tool was proved again from the archive and checksum file kept with it'
      : 'a cached tool was proved again only where its file changed since it was verified';
  return `Tool cache: ${what} (cache-verification: ${mode}; ${why}).`;
}

async function writeSummary(outcomes: Outcomes, cacheNote: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const { installed, onPath, unavailable, failures } = outcomes;
  const rows = [
    ...installed.map((t) => [
      t.tool,
      t.version,
      t.fromCache ? 'tool cache' : `downloaded from ${md(t.source)}`,
      t.verifiedBy, // the kit's own words and computed asset names
      `${(t.ms / 1000).toFixed(2)} s`,
    ]),
    ...onPath.map((t) => [t.tool, t.version, `on PATH: ${md(t.dir)}`, `not verified: ${t.why}`, '']),
    ...Object.entries(unavailable).map(([tool, reason]) => [tool, '', '**not installed**', md(reason), '']),
  ];
  let text = `### setup-tools\n\n${markdownTable(['tool', 'version', 'from', 'verified by', 'time'], rows)}\n`;
  if (cacheNote) text += `\n${cacheNote}\n`;
  if (failures.length) text += `\n**Failed:**\n\n${failures.map((f) => `- ${md(f)}`).join('\n')}\n`;
  await core.summary.addRaw(text).write();
}
