import { mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Job, Step } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { SequenceToken } from '@actions/workflow-parser/templates/tokens/sequence-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { parseChecks } from '../../lib/checks.js';
import type { Masker } from '../masker.js';
import { LineRenderer, readManifest } from '../runner.js';
import { asString, evaluate, evaluateStringMap, evaluateToken, isTruthy, type Scope } from './expressions.js';
import { statusOf, type Conclusion, type JobRow, type StepRow } from './model.js';
import type { Reporter } from './report.js';
import { classifyUses, runArtifactStep, runKitAction, runScript, type StepContext, type StepEffect } from './steps.js';

/**
 * One job (one matrix leg) on this machine: its env, its steps in order with `if:`, the status
 * functions, `continue-on-error`, the file commands carried from step to step, the post steps of
 * actions in reverse order at the end, and its `outputs`.
 */

/** What every job of a run shares. */
export interface RunEnv {
  repo: string;
  workspace: string;
  kit: string;
  runDir: string;
  toolCache: string;
  /** The environment steps start from (the user's, less the secrets read from it). */
  baseEnv: NodeJS.ProcessEnv;
  /** GITHUB_* and RUNNER_* of this run. */
  githubEnv: Record<string, string>;
  event: unknown;
  eventName: string;
  /** Secrets and tokens: masked in every log line, step and job name. */
  masker: Masker;
  /** Inputs given to every kit action that declares them and whose step does not set them (--mirrors, ...). */
  localInputs: Record<string, string>;
  /** `--prefer-installed`: the kit's actions get SHIPKIT_PREFER_INSTALLED=1. */
  preferInstalled: boolean;
  node?: string;
  reporter: Reporter;
  nextJobIndex: () => number;
}

export interface LegSpec {
  job: Job;
  /** The job's mapping as parsed, for the keys the converter drops (with:, shell:, defaults:). */
  raw?: MappingToken;
  /** The workflow's root mapping, for its `defaults:`. */
  root?: MappingToken;
  row: JobRow;
  /** github, inputs, secrets, vars, needs, strategy, matrix, env (the workflow's). */
  contexts: Record<string, unknown>;
  signal: AbortSignal;
}

export interface LegResult {
  row: JobRow;
  outputs: Record<string, string>;
  /** continue-on-error at job level: a failure that does not fail the run. */
  tolerated: boolean;
}

function find(token: TemplateToken | undefined, ...path: string[]): TemplateToken | undefined {
  let current = token;
  for (const key of path) {
    if (!current || current.templateTokenType !== 2 /* Mapping */) return undefined;
    current = (current as MappingToken).find(key);
  }
  return current;
}

function rawStep(raw: MappingToken | undefined, index: number): MappingToken | undefined {
  const steps = find(raw, 'steps') as SequenceToken | undefined;
  if (!steps || steps.templateTokenType !== 1 /* Sequence */) return undefined;
  return steps.get(index) as MappingToken | undefined;
}

function defaultStepName(step: Step, scope: Scope): string {
  if (step.name) return asString(evaluateToken(step.name, scope));
  if ('uses' in step) return step.uses.value;
  if ('run' in step) {
    const script = asString(evaluateToken(step.run, scope));
    return `Run ${script.split('\n').find((l) => l.trim())?.trim() ?? ''}`;
  }
  return step.id;
}

/** Why an `if:` kept a step off: in words, and marked when it is the local-run guard. */
function skipReason(wrapped: string): string {
  // The parser adds `success() && (...)` to a condition without a status function; show what was written.
  const condition = /^success\(\) && \(([\s\S]*)\)$/.exec(wrapped.trim())?.[1] ?? wrapped;
  if (/SHIPKIT_LOCAL/i.test(condition)) return `skipped locally: its condition (${condition}) keeps it off local runs, which use the tools on PATH`;
  return `if: ${condition} was false`;
}

/** One leg as it runs: what its steps have left so far (status, env, PATH, outputs, posts, summaries). */
interface LegState {
  spec: LegSpec;
  run: RunEnv;
  jobDir: string;
  started: number;
  status: 'success' | 'failure' | 'cancelled';
  steps: Record<string, { outputs: Record<string, string>; outcome: Conclusion; conclusion: Conclusion }>;
  runner: Record<string, string>;
  jobEnv: Record<string, string>;
  addedEnv: Record<string, string>;
  addedPath: string[];
  posts: NonNullable<StepEffect['post']>[];
  summaries: string[];
}

/** The scope of expressions in this leg now: its contexts, status functions, and env so far. */
function scopeOf(state: LegState, env?: Record<string, string>): Scope {
  const { spec } = state;
  return {
    contexts: { ...spec.contexts, job: { status: state.status, container: {}, services: {} }, runner: state.runner, steps: state.steps, env: env ?? { ...((spec.contexts.env ?? {}) as Record<string, string>) } },
    status: {
      success: () => state.status === 'success' && !spec.signal.aborted,
      failure: () => state.status === 'failure',
      cancelled: () => spec.signal.aborted,
    },
    workspace: state.run.workspace,
  };
}

/** Stage 1: the leg's folder (RUNNER_TEMP, file commands), the runner context, the job's env. */
function prepareLeg(spec: LegSpec, run: RunEnv): LegState {
  const jobDir = join(run.runDir, 'jobs', String(run.nextJobIndex()));
  mkdirSync(join(jobDir, 'temp'), { recursive: true });
  const state: LegState = {
    spec,
    run,
    jobDir,
    started: performance.now(),
    status: 'success',
    steps: {},
    runner: { os: 'Linux', arch: run.githubEnv.RUNNER_ARCH ?? 'X64', name: 'shipkit-local', environment: 'self-hosted', temp: join(jobDir, 'temp'), tool_cache: run.toolCache, debug: run.baseEnv.RUNNER_DEBUG ?? '' },
    jobEnv: {},
    addedEnv: {},
    addedPath: [],
    posts: [],
    summaries: [],
  };
  state.jobEnv = { ...((spec.contexts.env ?? {}) as Record<string, string>), ...evaluateStringMap(spec.job.env, scopeOf(state)) };
  return state;
}

/** Stage 2, per step: its if:, then the step, then what it leaves for the next ones. */
async function runStepOf(state: LegState, step: Step, index: number): Promise<void> {
  const { spec, run } = state;
  const row = spec.row;
  const rawMapping = rawStep(spec.raw, index);
  const envContext = { ...state.jobEnv, ...state.addedEnv };
  const scope = (): Scope => scopeOf(state, envContext);
  // Names are log lines too: `Run docker login -p ${{ secrets.X }}` shows *** as on github.com.
  const name = run.masker.mask(safely(() => defaultStepName(step, scope()), step.id));
  const stepRow: StepRow = { name, status: 'passed', outcome: 'success', conclusion: 'success', annotations: [] };
  row.steps.push(stepRow);
  const condition = 'if' in step && step.if ? step.if.expression : 'success()';
  let go: boolean;
  try {
    go = isTruthy(evaluate(condition, scope()));
  } catch (error: unknown) {
    finishStep(stepRow, 'failure', 'failure', `the condition failed to evaluate: ${message(error)}`);
    state.status = 'failure';
    run.reporter.stepFinished(row, stepRow);
    return;
  }
  if (!go) {
    finishStep(stepRow, 'skipped', 'skipped', spec.signal.aborted ? 'the job was cancelled' : skipReason(condition));
    state.steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
    run.reporter.stepFinished(row, stepRow);
    return;
  }

  run.reporter.stepStarted(row, name);
  const stepStarted = performance.now();
  let result: StepEffect;
  try {
    result = await runStep(step, rawMapping, index, scope, stepContext(state, scope, envContext, step, rawMapping), run, stepRow);
  } catch (error: unknown) {
    const text = run.masker.mask(message(error));
    result = { exitCode: 1, outputs: {}, env: {}, path: [], summary: '', log: [text], annotations: [{ level: 'error', message: text }] };
  }
  stepRow.seconds = (performance.now() - stepStarted) / 1000;
  stepRow.annotations = result.annotations;
  Object.assign(state.addedEnv, result.env);
  state.addedPath.unshift(...[...result.path].reverse());
  if (result.summary.trim()) state.summaries.push(result.summary);
  if (result.post) state.posts.push(result.post);
  collectChecks(row, result.outputs);
  if (stepRow.status === 'not run') {
    state.steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
    run.reporter.stepFinished(row, stepRow);
    return;
  }
  const outcome: Conclusion = result.exitCode === 0 ? 'success' : spec.signal.aborted ? 'cancelled' : 'failure';
  const tolerated = outcome === 'failure' && isTruthy(safely(() => evaluateToken(find(rawMapping, 'continue-on-error'), scope()), false));
  const conclusion: Conclusion = tolerated ? 'success' : outcome;
  finishStep(stepRow, outcome, conclusion, tolerated ? 'failed; continue-on-error let the job go on' : stepRow.reason);
  if (outcome !== 'success') stepRow.tail = result.log.slice(-20);
  if (result.note && !stepRow.reason) stepRow.reason = result.note;
  state.steps[step.id] = { outputs: result.outputs, outcome, conclusion };
  if (conclusion === 'failure') state.status = 'failure';
  if (conclusion === 'cancelled') state.status = 'cancelled';
  run.reporter.stepFinished(row, stepRow);
}

/**
 * What a step runs with: the process env (job env, GITHUB_ENV, GITHUB_PATH so far, step env), its
 * timeout. The runner's own GITHUB_* and RUNNER_* values are set last, as GitHub's runner does: no
 * env: and no earlier step (through GITHUB_ENV) can point GITHUB_API_URL, where the kit's actions
 * send the token, or GITHUB_SHA, RUNNER_OS elsewhere.
 */
function stepContext(state: LegState, scope: () => Scope, envContext: Record<string, string>, step: Step, rawMapping: MappingToken | undefined): StepContext {
  const { spec, run } = state;
  const stepEnv = { ...envContext, ...evaluateStringMap('env' in step ? step.env : undefined, scope()) };
  const runnerOwn = Object.fromEntries(Object.entries(run.githubEnv).filter(([key]) => /^(GITHUB|RUNNER)_/.test(key)));
  const processEnv: NodeJS.ProcessEnv = { ...run.baseEnv, ...run.githubEnv, ...stepEnv, ...runnerOwn, GITHUB_JOB: spec.row.id.split('/').pop()!, RUNNER_TEMP: join(state.jobDir, 'temp') };
  if (state.addedPath.length) processEnv.PATH = [...state.addedPath, run.baseEnv.PATH ?? ''].join(delimiter);
  const timeout = Number(asString(evaluateToken(find(rawMapping, 'timeout-minutes'), scope())));
  const signal = timeout > 0 ? AbortSignal.any([spec.signal, AbortSignal.timeout(timeout * 60_000)]) : spec.signal;
  const onLine = (line: string) => run.reporter.line(spec.row, line);
  return {
    workspace: run.workspace,
    repo: run.repo,
    jobDir: state.jobDir,
    artifacts: join(run.runDir, 'artifacts'),
    env: processEnv,
    toolCache: run.toolCache,
    event: run.event,
    eventName: run.eventName,
    lines: new LineRenderer({ masker: run.masker, debug: run.baseEnv.RUNNER_DEBUG === '1', onLine }),
    masker: run.masker,
    signal,
    preferInstalled: run.preferInstalled,
    node: run.node,
    evaluateDefault: (value) => expandDefault(value, scope()),
    onLine,
    runDefault: (key) => find(spec.raw, 'defaults', 'run', key) ?? find(spec.root, 'defaults', 'run', key),
  };
}

/**
 * The rows a kit action reports in its `checks` output (lib/checks.ts) and the tools setup-tools
 * could not provide (`unavailable`), kept on the job's row for the run's count of what ran.
 */
function collectChecks(row: JobRow, outputs: Record<string, string>): void {
  const rows = parseChecks(outputs.checks);
  if (rows.length) (row.checks ??= []).push(...rows);
  if (!outputs.unavailable) return;
  try {
    const unavailable = JSON.parse(outputs.unavailable) as Record<string, unknown>;
    for (const [tool, reason] of Object.entries(unavailable)) if (typeof reason === 'string') (row.unavailable ??= {})[tool] = reason;
  } catch {
    // not setup-tools' output: nothing to count
  }
}

/** Stage 3: the actions' post steps, last first, as the runner does at the end of a job. */
async function runPosts(state: LegState): Promise<void> {
  if (state.spec.signal.aborted && state.status === 'success') state.status = 'cancelled';
  for (const post of [...state.posts].reverse()) {
    const result = await post.finish(state.status);
    if (result && result.exitCode !== 0) {
      state.spec.row.steps.push({ name: `Post ${post.result.action}`, status: 'failed', outcome: 'failure', conclusion: 'failure', annotations: [], tail: result.log.slice(-20) });
      state.status = 'failure';
    }
  }
}

/** Stage 4: the job's outputs, result and summary. */
function finishLeg(state: LegState): LegResult {
  const { spec, run } = state;
  const row = spec.row;
  const evaluated = state.status === 'cancelled' ? {} : safely(() => evaluateStringMap(spec.job.outputs, scopeOf(state, { ...state.jobEnv, ...state.addedEnv })), {});
  // GitHub redacts a job output that holds a secret: the jobs that need it read ''.
  const outputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(evaluated)) {
    if (run.masker.holdsSecret(value)) (row.warnings ??= []).push(`Skip output '${name}' since it may contain secret.`);
    else outputs[name] = value;
  }
  const tolerated = state.status === 'failure' && isTruthy(safely(() => evaluateToken(find(spec.raw, 'continue-on-error'), scopeOf(state)), false));
  row.result = state.status;
  row.status = statusOf(state.status);
  if (tolerated) row.reason = 'failed; continue-on-error keeps the run going';
  // A summary is printed in the terminal: the job's secrets stay masked there too.
  row.summary = run.masker.mask(state.summaries.join('\n'));
  row.seconds = (performance.now() - state.started) / 1000;
  run.reporter.jobFinished(row);
  return { row, outputs, tolerated };
}

export async function runLeg(spec: LegSpec, run: RunEnv): Promise<LegResult> {
  const state = prepareLeg(spec, run);
  run.reporter.jobStarted(spec.row);
  for (const [index, step] of spec.job.steps.entries()) await runStepOf(state, step, index);
  await runPosts(state);
  return finishLeg(state);
}

async function runStep(
  step: Step,
  rawMapping: MappingToken | undefined,
  index: number,
  scope: () => Scope,
  ctx: StepContext,
  run: RunEnv,
  row: StepRow,
): Promise<StepEffect> {
  const none: StepEffect = { exitCode: 0, outputs: {}, env: {}, path: [], summary: '', log: [], annotations: [] };
  if ('run' in step) {
    const script = asString(evaluateToken(step.run, scope()));
    const shell = asString(evaluateToken(find(rawMapping, 'shell') ?? ctx.runDefault?.('shell'), scope())) || undefined;
    const workingDirectory = asString(evaluateToken(find(rawMapping, 'working-directory') ?? ctx.runDefault?.('working-directory'), scope())) || undefined;
    return runScript(script, { shell, workingDirectory, index }, ctx);
  }
  if (!('uses' in step)) {
    row.status = 'not run';
    row.reason = 'not run locally: a step kind the local runner does not know';
    return none;
  }
  const kind = classifyUses(step.uses.value, run.repo, run.kit);
  const inputs = evaluateStringMap(find(rawMapping, 'with'), scope());
  switch (kind.kind) {
    case 'checkout':
      if (inputs.repository && inputs.repository !== run.githubEnv.GITHUB_REPOSITORY) {
        row.status = 'not run';
        row.reason = `not run locally: checks out another repository (${inputs.repository})`;
        return none;
      }
      row.reason = 'the local working tree (nothing cloned or written)';
      return none;
    case 'upload-artifact':
    case 'download-artifact':
      return runArtifactStep(kind.kind, inputs, ctx);
    case 'kit': {
      const declared = readManifest(kind.dir).inputs ?? {};
      for (const [name, value] of Object.entries(run.localInputs)) if (name in declared && !inputs[name]) inputs[name] = value;
      // As GitHub's log shows a step's with: before it runs (secrets masked by the renderer).
      if (Object.keys(inputs).length) ctx.lines.render(`with:\n${Object.entries(inputs).map(([k, v]) => `  ${k}: ${v.replace(/\n/g, '\\n')}`).join('\n')}`, []);
      return runKitAction(kind.dir, inputs, ctx, index);
    }
    case 'foreign':
      row.status = 'not run';
      row.reason = kind.reason;
      return none;
    default:
      return none;
  }
}

/** An action.yml default with `${{ }}` in it, evaluated in the step's scope. */
function expandDefault(value: string, scope: Scope): string {
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_all, expression: string) => asString(evaluate(expression, scope)));
}

function finishStep(row: StepRow, outcome: Conclusion, conclusion: Conclusion, reason?: string): void {
  row.outcome = outcome;
  row.conclusion = conclusion;
  if (row.status !== 'not run') row.status = outcome === 'failure' && conclusion === 'success' ? 'failed' : statusOf(conclusion);
  if (reason) row.reason = reason;
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
