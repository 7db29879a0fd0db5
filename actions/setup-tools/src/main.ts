import * as core from '@actions/core';
import { ToolError, messageOf } from '../../../lib/errors.js';
import { Fetcher } from '../../../lib/http.js';
import { currentPlatform } from '../../../lib/platform.js';
import { shortKeyId } from '../../../lib/pgp.js';
import { markdownTable } from '../../../lib/summary.js';
import { HASHICORP_RELEASE_KEY } from './hashicorp-key.js';
import { getInputs } from './inputs.js';
import { install, type InstallContext, type Installed } from './install.js';
import { TOOLS } from './tools.js';

export async function main(): Promise<void> {
  const inputs = getInputs();
  if (inputs['github-token']) core.setSecret(inputs['github-token']);
  const platform = currentPlatform();
  const needsKey = inputs.tools.some((t) => TOOLS[t].releases.kind === 'hashicorp');
  const armored = inputs['hashicorp-public-key'] ?? HASHICORP_RELEASE_KEY;

  const ctx: InstallContext = {
    platform,
    fetcher: new Fetcher({
      mirrors: inputs.mirrors,
      token: inputs['github-token'],
      tokenOrigin: inputs['github-api-url'],
      log: (line) => core.info(line),
    }),
    github: { url: inputs['github-api-url'], hasToken: Boolean(inputs['github-token']) },
    // The default key's id is known; a user-given key is parsed (loading openpgp) only if needed.
    hashicorpKey: {
      armored,
      shortId: !needsKey || !inputs['hashicorp-public-key'] ? '72D7468F' : await shortKeyId(armored),
    },
    userDigests: inputs.checksums,
    allowUnverified: inputs['allow-unverified'],
    log: (line) => core.info(line),
    warn: (line) => core.warning(line),
  };

  const results = await Promise.allSettled(inputs.tools.map((name) => install(TOOLS[name], inputs.versions[name], ctx)));
  const installed: Installed[] = [];
  const failures: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') installed.push(result.value);
    else failures.push(`${inputs.tools[i]}: ${messageOf(result.reason)}`);
  });

  for (const tool of installed) {
    core.info(`${tool.tool} ${tool.version} ${tool.fromCache ? 'from the tool cache' : `from ${tool.source}`}, ${tool.verifiedBy} (${Math.round(tool.ms)} ms)`);
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
    t.fromCache ? 'tool cache' : `downloaded from ${t.source}`,
    t.verifiedBy,
    `${(t.ms / 1000).toFixed(2)} s`,
  ]);
  let text = `### setup-tools\n\n${markdownTable(['tool', 'version', 'from', 'verified by', 'time'], rows)}\n`;
  if (failures.length) text += `\n**Failed:**\n\n${failures.map((f) => `- ${f}`).join('\n')}\n`;
  await core.summary.addRaw(text).write();
}
