import { readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runAction } from '../../cli/runner.js';
import { makeSigner, ReleaseMirror } from './mirror.mjs';
import { actionEnv, NODE24, tempDir } from './runner-env.js';
import { publishToolchain } from './toolchain.mjs';

/**
 * The deploy-stage tests' tools, found the way users get them: the kit's setup-tools installs them
 * from the loopback release mirror (verified, cached). terraform and packer are the machine's real
 * binaries re-packed as HashiCorp ships them when the machine has them; otherwise the mirror serves
 * stand-ins, and the tests that need the real tool say so.
 */
export interface DeployTools {
  mirror: ReleaseMirror;
  toolCache: string;
  /** PATH for the action: setup-tools' additions, then the machine's PATH (ansible, docker). */
  path: string;
  /** The real versions served, e.g. { terraform: '1.11.4', packer: '1.6.6' }. */
  real: Record<string, string | undefined>;
  /** One line for the test output: which terraform and packer the tests run. */
  describe: string;
}

export async function installTools(tools: string[]): Promise<DeployTools> {
  const mirror = await new ReleaseMirror().start();
  const signer = await makeSigner();
  const { checksums, real } = (await publishToolchain(mirror, { signer })) as { checksums: string; real: Record<string, string | undefined> };
  const keyFile = join(tempDir('key'), 'key.asc');
  writeFileSync(keyFile, signer.publicKey);
  const toolCache = tempDir('ds-cache');
  const inputs: Record<string, string> = { tools: tools.join(', '), mirrors: mirror.mirrorsInput, checksums, 'hashicorp-public-key': keyFile };
  if (real.terraform) inputs['terraform-version'] = real.terraform;
  if (real.packer) inputs['packer-version'] = real.packer;
  const result = await runAction({ action: 'setup-tools', node: NODE24, toolCache, env: actionEnv(), inputs });
  if (!result.success) throw new Error(`setup-tools failed:\n${result.main.log.join('\n')}`);
  const describe = ['terraform', 'packer']
    .filter((tool) => tools.includes(tool))
    .map((tool) => (real[tool] ? `real ${tool} ${real[tool]}` : `${tool} STAND-IN (no real ${tool} on this machine)`))
    .join(', ');
  return { mirror, toolCache, path: [...result.path, process.env.PATH].join(delimiter), real, describe };
}

/**
 * For tests that need a real tool (plan, apply, packer validate): true when it was served; when it
 * was not, false on a laptop (the test is skipped, saying why) and an error in CI, which must run them.
 */
export function needsReal(tools: DeployTools, tool: 'terraform' | 'packer'): boolean {
  if (tools.real[tool]) return true;
  if (process.env.CI === 'true') throw new Error(`CI must run the deploy-stage tests with a real ${tool}: put one on PATH (the kit's setup-tools installs it) before the suite.`);
  console.warn(`skipped: no real ${tool} on this machine (the mirror serves a stand-in)`);
  return false;
}

/**
 * A Node for runAction that runs the real Node 24, then records what the step left under
 * RUNNER_TEMP (path and mode of every entry) and which files there hold any of `secrets`, after
 * main and again after post. It is a Node script, not a shell one: a POSIX shell drops variables
 * whose names hold `-` (INPUT_BACKEND-CONFIG) from the environment it passes on. The secrets are
 * written into the wrapper itself, so they never reach the action's environment.
 */
export function tempProbe(secrets: string[]): { node: string; records: () => { step: string; entries: string[]; holding: string[] }[] } {
  const dir = tempDir('probe');
  const record = join(dir, 'record.jsonl');
  const node = join(dir, 'node');
  writeFileSync(
    node,
    `#!${NODE24}
const { spawnSync } = require('node:child_process');
const { appendFileSync, lstatSync, readFileSync, readdirSync } = require('node:fs');
const { join, relative } = require('node:path');
const run = spawnSync(${JSON.stringify(NODE24)}, process.argv.slice(2), { stdio: 'inherit', env: process.env });
const temp = process.env.RUNNER_TEMP;
const secrets = ${JSON.stringify(secrets)};
const entries = [];
const holding = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const full = join(d, name);
    const stat = lstatSync(full);
    entries.push(relative(temp, full) + ' ' + (stat.mode & 0o777).toString(8));
    if (stat.isDirectory()) walk(full);
    else if (stat.isFile() && secrets.some((s) => readFileSync(full).includes(s))) holding.push(relative(temp, full));
  }
};
walk(temp);
appendFileSync(${JSON.stringify(record)}, JSON.stringify({ step: /-post\\.js$/.test(process.argv[2]) ? 'post' : 'main', entries, holding }) + '\\n');
process.exit(run.status ?? 1);
`,
    { mode: 0o755 },
  );
  return {
    node,
    records: () =>
      readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { step: string; entries: string[]; holding: string[] }),
  };
}
