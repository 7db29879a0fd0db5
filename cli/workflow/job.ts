import { mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Job, Step } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { SequenceToken } from '@actions/workflow-parser/templates/tokens/sequence-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { LineRenderer, mask, readManifest } from '../runner.js';
import { asString, evaluate, evaluateStringMap, evaluateToken, isTruthy, type Scope, type Status } from './expressions.js';
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
  /** Secrets and tokens: masked in every log line. */
  masks: string[];
  /** Inputs given to every kit action that declares them and whose step does not set them (--mirrors, ...). */
  localInputs: Record<string, string>;
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

export async function runLeg(spec: LegSpec, run: RunEnv): Promise<LegResult> {
  const { job, raw, row } = spec;
  const started = performance.now();
  const jobDir = join(run.runDir, 'jobs', String(run.nextJobIndex()));
  mkdirSync(join(jobDir, 'temp'), { recursive: true });
  const runner = { os: 'Linux', arch: run.githubEnv.RUNNER_ARCH, name: 'shipkit-local', environment: 'self-hosted', temp: join(jobDir, 'temp'), tool_cache: run.toolCache, debug: run.baseEnv.RUNNER_DEBUG ?? '' };
  let status: 'success' | 'failure' | 'cancelled' = 'success';
  const jobContext = () => ({ status, container: {}, services: {} });
  const stepsContext: Record<string, { outputs: Record<string, string>; outcome: Conclusion; conclusion: Conclusion }> = {};
  const jobStatus: Status = {
    success: () => status === 'success' && !spec.signal.aborted,
    failure: () => status === 'failure',
    cancelled: () => spec.signal.aborted,
  };
  const workflowEnv = (spec.contexts.env ?? {}) as Record<string, string>;
  const baseScope = (): Scope => ({
    contexts: { ...spec.contexts, job: jobContext(), runner, steps: stepsContext, env: { ...workflowEnv } },
    status: jobStatus,
    workspace: run.workspace,
  });

  const jobEnv = { ...workflowEnv, ...evaluateStringMap(job.env, baseScope()) };
  const addedEnv: Record<string, string> = {};
  const addedPath: string[] = [];
  const posts: StepEffect['post'][] = [];
  const summaries: string[] = [];
  const masks = run.masks;
  const runDefaults = (key: string) => find(raw, 'defaults', 'run', key) ?? find(spec.root, 'defaults', 'run', key);
  run.reporter.jobStarted(row);

  for (const [index, step] of job.steps.entries()) {
    const rawMapping = rawStep(raw, index);
    const envContext = { ...jobEnv, ...addedEnv };
    const scope = (): Scope => ({ ...baseScope(), contexts: { ...baseScope().contexts, env: envContext } });
    const name = safely(() => defaultStepName(step, scope()), step.id);
    const stepRow: StepRow = { name, status: 'passed', outcome: 'success', conclusion: 'success', annotations: [] };
    row.steps.push(stepRow);
    const condition = 'if' in step && step.if ? step.if.expression : 'success()';
    let go: boolean;
    try {
      go = isTruthy(evaluate(condition, scope()));
    } catch (error: unknown) {
      finishStep(stepRow, 'failure', 'failure', `the condition failed to evaluate: ${message(error)}`);
      status = 'failure';
      run.reporter.stepFinished(row, stepRow);
      continue;
    }
    if (!go) {
      finishStep(stepRow, 'skipped', 'skipped', spec.signal.aborted ? 'the job was cancelled' : skipReason(condition));
      stepsContext[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      run.reporter.stepFinished(row, stepRow);
      continue;
    }

    run.reporter.stepStarted(row, name);
    const stepStarted = performance.now();
    let result: StepEffect;
    try {
      const stepEnv = { ...envContext, ...evaluateStringMap('env' in step ? step.env : undefined, scope()) };
      const processEnv: NodeJS.ProcessEnv = { ...run.baseEnv, ...run.githubEnv, GITHUB_JOB: row.id.split('/').pop()!, ...stepEnv };
      if (addedPath.length) processEnv.PATH = [...addedPath, run.baseEnv.PATH ?? ''].join(delimiter);
      const timeout = asString(evaluateToken(find(rawMapping, 'timeout-minutes'), scope()));
      const signal = timeout && Number(timeout) > 0 ? AbortSignal.any([spec.signal, AbortSignal.timeout(Number(timeout) * 60_000)]) : spec.signal;
      const lines = new LineRenderer({ masks, debug: run.baseEnv.RUNNER_DEBUG === '1', onLine: (line) => run.reporter.line(row, line) });
      const ctx: StepContext = {
        workspace: run.workspace,
        repo: run.repo,
        jobDir,
        artifacts: join(run.runDir, 'artifacts'),
        env: processEnv,
        toolCache: run.toolCache,
        event: run.event,
        eventName: run.eventName,
        lines,
        masks,
        signal,
        node: run.node,
        evaluateDefault: (value) => expandDefault(value, scope()),
        onLine: (line) => run.reporter.line(row, line),
      };
      result = await runStep(step, rawMapping, index, scope, ctx, run, (key) => runDefaults(key), stepRow);
    } catch (error: unknown) {
      result = { exitCode: 1, outputs: {}, env: {}, path: [], summary: '', log: [message(error)], annotations: [{ level: 'error', message: message(error) }] };
    }
    stepRow.seconds = (performance.now() - stepStarted) / 1000;
    stepRow.annotations = result.annotations;
    Object.assign(addedEnv, result.env);
    addedPath.unshift(...[...result.path].reverse());
    if (result.summary.trim()) summaries.push(result.summary);
    if (result.post) posts.push(result.post);
    if (stepRow.status === 'not run') {
      stepsContext[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      run.reporter.stepFinished(row, stepRow);
      continue;
    }
    const outcome: Conclusion = result.exitCode === 0 ? 'success' : spec.signal.aborted ? 'cancelled' : 'failure';
    const tolerated = outcome === 'failure' && isTruthy(safely(() => evaluateToken(find(rawMapping, 'continue-on-error'), scope()), false));
    const conclusion: Conclusion = tolerated ? 'success' : outcome;
    finishStep(stepRow, outcome, conclusion, tolerated ? 'failed; continue-on-error let the job go on' : stepRow.reason);
    if (outcome !== 'success') stepRow.tail = result.log.slice(-20);
    if (result.note && !stepRow.reason) stepRow.reason = result.note;
    stepsContext[step.id] = { outputs: result.outputs, outcome, conclusion };
    if (conclusion === 'failure') status = 'failure';
    if (conclusion === 'cancelled') status = 'cancelled';
    run.reporter.stepFinished(row, stepRow);
  }
  if (spec.signal.aborted && status === 'success') status = 'cancelled';

  for (const post of posts.reverse()) {
    const result = await post!.finish(status);
    if (result && result.exitCode !== 0) {
      row.steps.push({ name: `Post ${post!.result.action}`, status: 'failed', outcome: 'failure', conclusion: 'failure', annotations: [], tail: result.log.slice(-20) });
      status = 'failure';
    }
  }

  const outputs = status === 'cancelled' ? {} : safely(() => evaluateStringMap(job.outputs, { ...baseScope(), contexts: { ...baseScope().contexts, env: { ...jobEnv, ...addedEnv } } }), {});
  const tolerated = status === 'failure' && isTruthy(safely(() => evaluateToken(find(raw, 'continue-on-error'), baseScope()), false));
  row.result = status;
  row.status = statusOf(status);
  if (tolerated) row.reason = 'failed; continue-on-error keeps the run going';
  // A summary is printed in the terminal: the job's secrets stay masked there too.
  row.summary = mask(summaries.join('\n'), masks);
  row.seconds = (performance.now() - started) / 1000;
  run.reporter.jobFinished(row);
  return { row, outputs, tolerated };
}

async function runStep(
  step: Step,
  rawMapping: MappingToken | undefined,
  index: number,
  scope: () => Scope,
  ctx: StepContext,
  run: RunEnv,
  runDefault: (key: string) => TemplateToken | undefined,
  row: StepRow,
): Promise<StepEffect> {
  const none: StepEffect = { exitCode: 0, outputs: {}, env: {}, path: [], summary: '', log: [], annotations: [] };
  if ('run' in step) {
    const script = asString(evaluateToken(step.run, scope()));
    const shell = asString(evaluateToken(find(rawMapping, 'shell') ?? runDefault('shell'), scope())) || undefined;
    const workingDirectory = asString(evaluateToken(find(rawMapping, 'working-directory') ?? runDefault('working-directory'), scope())) || undefined;
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
      return runKitAction(kind.dir, inputs, ctx);
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
