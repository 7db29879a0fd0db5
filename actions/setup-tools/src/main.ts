import * as core from '@actions/core';
import { ToolError, messageOf } from '../../../lib/errors.js';
import { info } from '../../../lib/log.js';
import { markdownTable, md } from '../../../lib/summary.js';
import { installContext } from '../../../lib/tools/context.js';
import { install, type Installed } from '../../../lib/tools/install.js';
import { TOOLS } from '../../../lib/tools/tools.js';
import { getInputs } from './inputs.js';

export async function main(): Promise<void> {
  const inputs = getInputs();
  const ctx = await installContext({
    tools: inputs.tools,
    mirrors: inputs.mirrors,
    githubToken: inputs['github-token'],
    githubApiUrl: inputs['github-api-url'],
    hashicorpKey: inputs['hashicorp-public-key'],
    checksums: inputs.checksums,
    allowUnverified: inputs['allow-unverified'],
    cacheVerification: inputs['cache-verification'],
  });

  const results = await Promise.allSettled(inputs.tools.map((name) => install(TOOLS[name], inputs.versions[name], ctx)));
  const installed: Installed[] = [];
  const failures: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') installed.push(result.value);
    else failures.push(`${inputs.tools[i]}: ${messageOf(result.reason)}`);
  });

  for (const tool of installed) {
    info(`${tool.tool} ${tool.version} ${tool.fromCache ? 'from the tool cache' : `from ${tool.source}`}, ${tool.verifiedBy} (${Math.round(tool.ms)} ms)`);
  }
  await writeSummary(installed, failures);
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
  core.setOutput('versions', JSON.stringify(versions));
  core.setOutput('cache-hit', String(installed.every((t) => t.fromCache)));
}

async function writeSummary(installed: Installed[], failures: string[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const rows = installed.map((t) => [
    t.tool,
    t.version,
    t.fromCache ? 'tool cache' : `downloaded from ${md(t.source)}`,
    t.verifiedBy, // the kit's own words and computed asset names
    `${(t.ms / 1000).toFixed(2)} s`,
  ]);
  let text = `### setup-tools\n\n${markdownTable(['tool', 'version', 'from', 'verified by', 'time'], rows)}\n`;
  if (failures.length) text += `\n**Failed:**\n\n${failures.map((f) => `- ${md(f)}`).join('\n')}\n`;
  await core.summary.addRaw(text).write();
}
