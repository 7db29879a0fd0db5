import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import type { Masker } from '../masker.js';
import { readFileCommands, readManifest, spawnWithCommands, startAction, type ActionRun, type Annotation, type LineRenderer } from '../runner.js';
import { downloadArtifact, uploadArtifact } from './artifacts.js';

/**
 * The kinds of step a local run knows: the kit's own actions (from their bundles), actions/checkout
 * (the working tree itself), the artifact actions (a folder of the run), `run:` scripts, and every
 * other `uses:`, which is reported as not run locally.
 */

export type StepKind =
  | { kind: 'kit'; dir: string; label: string }
  | { kind: 'checkout' }
  | { kind: 'upload-artifact' }
  | { kind: 'download-artifact' }
  | { kind: 'foreign'; reason: string };

const KIT_ACTION = /^[\w.-]+\/shipkit\/actions\/([\w-]+)@[\w./-]+$/;

export function classifyUses(uses: string, repo: string, kit: string): StepKind {
  const kitAction = KIT_ACTION.exec(uses);
  if (kitAction && existsSync(join(kit, 'actions', kitAction[1]!, 'action.yml'))) return { kind: 'kit', dir: join(kit, 'actions', kitAction[1]!), label: kitAction[1]! };
  if (uses.startsWith('./')) {
    const dir = join(repo, uses);
    if (!existsSync(join(dir, 'action.yml'))) return { kind: 'foreign', reason: `${uses} has no action.yml in this repository` };
    const using = readManifest(dir).runs.using;
    if (!/^node\d+$/.test(using)) return { kind: 'foreign', reason: `${uses} is a ${using} action; only JavaScript actions run locally` };
    return { kind: 'kit', dir, label: uses };
  }
  const name = uses.split('@')[0]!.toLowerCase();
  if (name === 'actions/checkout') return { kind: 'checkout' };
  if (name === 'actions/upload-artifact') return { kind: 'upload-artifact' };
  if (name === 'actions/download-artifact') return { kind: 'download-artifact' };
  if (uses.startsWith('docker://')) return { kind: 'foreign', reason: `not run locally: a container action (${uses})` };
  return { kind: 'foreign', reason: `not run locally: ${uses} is not one of shipkit's actions` };
}

/** What a step left behind for the job: file commands, its summary, its log and its annotations. */
export interface StepEffect {
  exitCode: number;
  outputs: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  summary: string;
  log: string[];
  annotations: Annotation[];
  /** A line to show on the step's row (checkout: the working tree; artifacts: what moved). */
  note?: string;
  /** The action's post step, run at the end of the job in reverse order. */
  post?: ActionRun;
}

export interface StepContext {
  workspace: string;
  repo: string;
  /** The job's own folder of this run: file commands, RUNNER_TEMP. */
  jobDir: string;
  artifacts: string;
  env: NodeJS.ProcessEnv;
  toolCache: string;
  event: unknown;
  eventName: string;
  lines: LineRenderer;
  masker: Masker;
  signal: AbortSignal;
  preferInstalled: boolean;
  node?: string;
  evaluateDefault: (value: string) => string;
  onLine?: (line: string) => void;
  /** The job's (else the workflow's) `defaults.run` value of a key. */
  runDefault?: (key: string) => TemplateToken | undefined;
}

function effect(partial: Partial<StepEffect>): StepEffect {
  return { exitCode: 0, outputs: {}, env: {}, path: [], summary: '', log: [], annotations: [], ...partial };
}

export async function runKitAction(dir: string, inputs: Record<string, string>, ctx: StepContext, index: number): Promise<StepEffect> {
  const started = await startAction({
    // The step's files live in the job's folder of the run, which goes when the run ends whatever happens.
    filesDir: join(ctx.jobDir, `step-${index}`),
    action: dir,
    inputs,
    workspace: ctx.workspace,
    env: ctx.env,
    toolCache: ctx.toolCache,
    eventName: ctx.eventName,
    event: ctx.event,
    runnerTemp: join(ctx.jobDir, 'temp'),
    masker: ctx.masker,
    // A workflow run by the CLI is always a local run.
    localRun: { preferInstalled: ctx.preferInstalled },
    unknownInputs: 'warn',
    evaluateDefault: ctx.evaluateDefault,
    signal: ctx.signal,
    node: ctx.node,
    onLine: ctx.onLine,
  });
  const r = started.result;
  return effect({ exitCode: r.main.exitCode, outputs: r.outputs, env: r.env, path: r.path, summary: r.summary, log: r.main.log, annotations: r.annotations, post: started.hasPost ? started : undefined });
}

/** The runner's shells: `bash` (the default where bash exists), `sh`, `python`, or a `{0}` template. */
export function shellCommand(shell: string | undefined, script: string): [string, string[]] {
  switch (shell ?? '') {
    case '':
      return ['bash', ['-e', script]];
    case 'bash':
      return ['bash', ['--noprofile', '--norc', '-eo', 'pipefail', script]];
    case 'sh':
      return ['sh', ['-e', script]];
    case 'python':
      return ['python3', [script]];
    default: {
      if (!shell!.includes('{0}')) {
        const [command, ...args] = shell!.split(/\s+/);
        return [command!, [...args, script]];
      }
      const [command, ...args] = shell!.split(/\s+/).map((part) => part.replace('{0}', script));
      return [command!, args];
    }
  }
}

export async function runScript(script: string, options: { shell?: string; workingDirectory?: string; index: number }, ctx: StepContext): Promise<StepEffect> {
  const dir = join(ctx.jobDir, `step-${options.index}`);
  mkdirSync(dir, { recursive: true });
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '', { mode: 0o600 });
  const extension = options.shell === 'python' ? '.py' : '.sh';
  const scriptFile = join(dir, `script${extension}`);
  writeFileSync(scriptFile, script, { mode: 0o700 });
  const cwd = options.workingDirectory ? (isAbsolute(options.workingDirectory) ? options.workingDirectory : join(ctx.workspace, options.workingDirectory)) : ctx.workspace;
  if (!existsSync(cwd)) return effect({ exitCode: 1, log: [`working-directory ${options.workingDirectory} does not exist`], annotations: [{ level: 'error', message: `working-directory ${options.workingDirectory} does not exist` }] });
  const [command, args] = shellCommand(options.shell, scriptFile);
  const env = { ...ctx.env, ...files, RUNNER_TEMP: join(ctx.jobDir, 'temp') };
  const annotationsBefore = ctx.lines.annotations.length;
  const result = await spawnWithCommands(command, args, { env, cwd, lines: ctx.lines, signal: ctx.signal }).catch((error: unknown) => ({
    exitCode: 127,
    log: [`cannot start ${command}: ${error instanceof Error ? error.message : String(error)}`],
  }));
  // Read first: a file the runner cannot read fails the step.
  const { outputs, env: addedEnv, path, summary } = readFileCommands(files, ctx.lines, result);
  return effect({ exitCode: result.exitCode, outputs, env: addedEnv, path, summary, log: result.log, annotations: ctx.lines.annotations.slice(annotationsBefore) });
}

export function runArtifactStep(kind: 'upload-artifact' | 'download-artifact', inputs: Record<string, string>, ctx: StepContext): StepEffect {
  try {
    if (kind === 'upload-artifact') {
      const { message } = uploadArtifact(ctx.artifacts, ctx.workspace, inputs);
      const warn = message.includes('No artifacts will be uploaded');
      return effect({ note: message, log: message ? [message] : [], annotations: warn ? [{ level: 'warning', message }] : [] });
    }
    const { message } = downloadArtifact(ctx.artifacts, ctx.workspace, inputs);
    return effect({ note: message, log: [message] });
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return effect({ exitCode: 1, log: [message], annotations: [{ level: 'error', message }] });
  }
}
