import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Job, ReusableWorkflowJob, WorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import pLimit, { type LimitFunction } from 'p-limit';
import type { WorkflowArgs } from '../args.js';
import { CliError } from '../errors.js';
import { Masker } from '../masker.js';
import { chooseNode, defaultToolCache, kitRoot, withoutLocalRunVariables } from '../runner.js';
import { asString, evaluate, evaluateString, evaluateStringMap, evaluateToken, isTruthy, type Scope } from './expressions.js';
import { githubContext, readLocalGit, type EventName } from './github-context.js';
import { runLeg, type RunEnv } from './job.js';
import { callerFor, findCallers, findWorkflow, loadWorkflow, typedInput, workflowCallOf, type LoadedWorkflow, type WorkflowSource } from './load.js';
import { expandMatrix, legName, type Combination } from './matrix.js';
import type { Conclusion, JobRow, RunReport } from './model.js';
import type { Reporter } from './report.js';

/**
 * `shipkit workflow`: a workflow of this kit (or a caller of one) run on this machine. The stages
 * pass one plan forward: prepare (find the file, the caller, the event, the contexts), load (GitHub's
 * parser, every call checked before a job starts), then the jobs in `needs` order, side by side up to
 * the number of CPUs.
 */

/** What `shipkit workflow` (and `shipkit check`) was asked on the command line, plus where it reports. */
export interface WorkflowOptions extends Omit<WorkflowArgs, 'verbose' | 'preferInstalled'> {
  preferInstalled?: boolean;
  env?: NodeJS.ProcessEnv;
  reporter: Reporter;
}

export interface Plan {
  options: WorkflowOptions;
  kit: string;
  repo: string;
  target: string;
  source: WorkflowSource;
  /** Where the inputs come from, for the first line of the log. */
  origin: string;
  /** A caller job to run alone (the repository's own call of the target). */
  callerJob?: string;
  /** `--with` applied over the with: of the repository's own call. */
  overrides: Record<string, string>;
  event: EventName;
  notes: string[];
}

export interface Outcome {
  result: Conclusion;
  outputs: Record<string, string>;
  /** A failure that continue-on-error tolerates. */
  tolerated?: boolean;
}

/** One workflow file's jobs, as run: the top-level file, or a reusable workflow it calls. */
interface WorkflowScope {
  jobs: WorkflowJob[];
  root?: MappingToken;
  prefix: string;
  idPrefix: string;
  contexts: Record<string, unknown>;
  selected: (job: WorkflowJob) => boolean;
}

/** Stage 1: which file runs, on which repository, with which inputs and event. */
export function prepare(options: WorkflowOptions): Plan {
  const kit = kitRoot();
  const repo = resolve(options.path ?? join(kit, 'examples', 'microservices'));
  if (!existsSync(repo) || !statSync(repo).isDirectory()) throw new CliError(`shipkit workflow: the repository folder ${repo} does not exist.`);
  const target = findWorkflow(options.target, repo, kit);
  const event = options.event ?? 'pull_request';
  const notes: string[] = [];
  const call = workflowCallOf(target);
  if (!call) {
    return { options, kit, repo, target, source: { path: target, repo, kit }, origin: '', overrides: {}, event, notes };
  }
  const callers = findCallers(repo, kit, target);
  if (callers.length) {
    const chosen = callers[0]!;
    if (callers.length > 1) notes.push(`${callers.length} workflows of the repository call it; using ${chosen.file} (job ${chosen.job})`);
    const unknown = Object.keys(options.inputs).filter((name) => !(name in call.inputs));
    if (unknown.length) throw new CliError(`--with ${unknown[0]}: Invalid input, ${unknown[0]} is not defined in the referenced workflow (its inputs: ${Object.keys(call.inputs).join(', ')}).`);
    for (const [name, value] of Object.entries(options.inputs)) typedInput(basename(target), name, value, call.inputs[name]);
    return {
      options,
      kit,
      repo,
      target,
      source: { path: chosen.file, repo, kit },
      origin: `the with: of ${chosen.file.slice(repo.length + 1)} (job ${chosen.job})`,
      callerJob: chosen.job,
      overrides: options.inputs,
      event,
      notes,
    };
  }
  const content = callerFor({ target, repo, kit, event, inputs: options.inputs, secrets: Object.keys(options.secrets).filter((s) => s !== 'GITHUB_TOKEN') });
  return { options, kit, repo, target, source: { path: target, repo, kit, content, display: '--with/--secret' }, origin: Object.keys(options.inputs).length ? '--with and its defaults' : 'its defaults', overrides: {}, event, notes };
}

/** The environment steps start from: the user's, less the runner's own variables and the secrets read from it. */
function baseEnvOf(env: NodeJS.ProcessEnv, secretNames: string[]): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(withoutLocalRunVariables(env))) {
    if (/^(GITHUB|RUNNER|INPUT|STATE)_/.test(key) && key !== 'RUNNER_DEBUG') continue;
    if (secretNames.includes(key) || key === 'GITHUB_TOKEN') continue;
    base[key] = value;
  }
  return base;
}

/** Stages 2 and 3: load with GitHub's parser, then run every job; returns the report. */
export async function runWorkflow(options: WorkflowOptions): Promise<RunReport> {
  const plan = prepare(options);
  const loaded = await loadWorkflow(plan.source);
  if (!loaded.triggers.includes(plan.event) && !plan.source.content) {
    plan.notes.push(`${loaded.file} is not triggered by ${plan.event} (its triggers: ${loaded.triggers.join(', ')}); running it as if it were`);
  }
  if (options.job && !loaded.template.jobs.some((job) => selects(options.job, job, ''))) {
    throw new CliError(`shipkit workflow: --job ${options.job}: ${loaded.file} has no such job; its jobs: ${jobIds(loaded.template.jobs, '').join(', ')}.`);
  }
  const { run, github, secrets } = runEnvOf(plan, loaded);
  options.reporter.start({ workflow: loaded.file, event: plan.event, repo: plan.repo, origin: plan.origin, notes: plan.notes, masker: run.masker });

  const rows: JobRow[] = [];
  const limit = pLimit(Math.max(1, availableParallelism()));
  const cancel = new AbortController();
  const onSignal = () => cancel.abort();
  process.once('SIGINT', onSignal);
  try {
    const topEnv = { ...evaluateStringMap(loaded.template.env, scopeOf({ github: github.context, vars: options.vars, secrets, inputs: {} }, plan.repo)), SHIPKIT_LOCAL: 'true' };
    const scope: WorkflowScope = {
      jobs: loaded.template.jobs,
      root: loaded.roots.get(''),
      prefix: '',
      idPrefix: '',
      contexts: { github: github.context, vars: options.vars, secrets, inputs: {}, env: topEnv },
      selected: (job) => (plan.callerJob ? job.id.value === plan.callerJob : selects(options.job, job, '')),
    };
    const outcomes = await runJobs(scope, { plan, loaded, run, rows, limit, cancel: cancel.signal });
    const results = [...outcomes.values()];
    const failed = results.some((o) => o.result === 'failure' && !o.tolerated);
    const conclusion: Conclusion = failed ? 'failure' : cancel.signal.aborted || results.some((o) => o.result === 'cancelled') ? 'cancelled' : 'success';
    const report: RunReport = { workflow: loaded.file, event: plan.event, jobs: rows, conclusion, strict: options.strict };
    options.reporter.finish(report);
    return report;
  } finally {
    process.removeListener('SIGINT', onSignal);
    rmSync(run.runDir, { recursive: true, force: true });
  }
}

/** Stage 2b: what every job of the run shares: the github context, secrets and masks, the base env. */
function runEnvOf(plan: Plan, loaded: LoadedWorkflow): { run: RunEnv; github: ReturnType<typeof githubContext>; secrets: Record<string, string> } {
  const options = plan.options;
  const env = options.env ?? process.env;
  const token = options.secrets.GITHUB_TOKEN ?? env.GITHUB_TOKEN ?? '';
  const github = githubContext(readLocalGit(plan.repo, env), {
    event: plan.event,
    workspace: plan.repo,
    pullRequest: options.pullRequest,
    cron: loaded.cron,
    workflow: loaded.name,
    token,
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
  });
  const node = chooseNode('node24', env);
  if (node.note) plan.notes.push(node.note);
  if (plan.event === 'pull_request' && !options.pullRequest) plan.notes.push('no pull request number (pass --pull-request N): steps that comment on the pull request skip it');
  const secrets = { ...options.secrets, GITHUB_TOKEN: token };
  const toolCache = resolve(options.toolCache ?? env.RUNNER_TOOL_CACHE ?? defaultToolCache(env));
  let jobIndex = 0;
  const run: RunEnv = {
    repo: plan.repo,
    workspace: plan.repo,
    kit: plan.kit,
    runDir: mkdtempSync(join(tmpdir(), 'shipkit-workflow-')),
    toolCache,
    baseEnv: baseEnvOf(env, Object.keys(options.secrets)),
    githubEnv: { ...github.env, RUNNER_TOOL_CACHE: toolCache },
    event: github.context.event,
    eventName: plan.event,
    masker: new Masker(Object.values(secrets)),
    localInputs: options.localInputs,
    preferInstalled: options.preferInstalled ?? false,
    node: env.SHIPKIT_NODE ? undefined : node.path,
    reporter: options.reporter,
    nextJobIndex: () => jobIndex++,
  };
  return { run, github, secrets };
}

interface Shared {
  plan: Plan;
  loaded: LoadedWorkflow;
  run: RunEnv;
  rows: JobRow[];
  limit: LimitFunction;
  cancel: AbortSignal;
}

function scopeOf(contexts: Record<string, unknown>, workspace: string, status?: Scope['status']): Scope {
  return { contexts, workspace, status };
}

function jobsContext(outcomes: Map<string, Outcome>, ids: string[]): Record<string, unknown> {
  return Object.fromEntries(ids.filter((id) => outcomes.has(id)).map((id) => [id, { result: outcomes.get(id)!.result, outputs: outcomes.get(id)!.outputs }]));
}

/** Every job of one workflow file in `needs` order; each job starts when the jobs it needs are done. */
async function runJobs(scope: WorkflowScope, shared: Shared): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const promises = new Map<string, Promise<Outcome>>();
  const byId = new Map(scope.jobs.map((j) => [j.id.value, j]));
  // The results of every job in `needs`, and of the jobs those need, and so on (each once).
  const ancestors = (job: WorkflowJob, seen = new Set<string>()): Outcome[] =>
    (job.needs ?? []).flatMap((n) => {
      if (seen.has(n.value)) return [];
      seen.add(n.value);
      const own = outcomes.get(n.value) ?? { result: 'skipped' as const, outputs: {} };
      return [own, ...(byId.has(n.value) ? ancestors(byId.get(n.value)!, seen) : [])];
    });
  const outcomeOf = (job: WorkflowJob): Promise<Outcome> => {
    const known = promises.get(job.id.value);
    if (known) return known;
    const promise = (async () => {
      const needs = job.needs ?? [];
      await Promise.all(needs.map((n) => outcomeOf(byId.get(n.value)!)));
      const outcome = await decideJob(job, scope, shared, outcomes, ancestors(job));
      outcomes.set(job.id.value, outcome);
      return outcome;
    })();
    promises.set(job.id.value, promise);
    return promise;
  };
  // A job --job did not pick, nor any job it needs, is not run.
  const wanted = new Set<string>();
  const pick = (job: WorkflowJob) => {
    if (wanted.has(job.id.value)) return;
    wanted.add(job.id.value);
    for (const n of job.needs ?? []) if (byId.has(n.value)) pick(byId.get(n.value)!);
  };
  for (const job of scope.jobs) if (scope.selected(job)) pick(job);
  await Promise.all(
    scope.jobs.map((job) => {
      if (wanted.has(job.id.value)) return outcomeOf(job);
      if (!shared.plan.callerJob || scope.idPrefix) {
        skippedRow(job, scope, shared, `not selected (--job ${shared.plan.options.job})`);
      }
      outcomes.set(job.id.value, { result: 'skipped', outputs: {} });
      return Promise.resolve();
    }),
  );
  return outcomes;
}

function displayName(job: WorkflowJob, scope: WorkflowScope, contexts: Record<string, unknown>, run: RunEnv): string {
  try {
    return job.name ? run.masker.mask(evaluateString(job.name, scopeOf(contexts, run.workspace))) || job.id.value : job.id.value;
  } catch {
    return job.id.value;
  }
}

function skippedRow(job: WorkflowJob, scope: WorkflowScope, shared: Shared, reason: string, name?: string): void {
  const row: JobRow = { name: `${scope.prefix}${name ?? job.id.value}`, id: `${scope.idPrefix}${job.id.value}`, status: 'skipped', result: 'skipped', reason, steps: [], summary: '', notes: [] };
  shared.rows.push(row);
  shared.run.reporter.jobFinished(row);
}

/**
 * Whether a job runs: its `if:` with the status functions over its whole chain of needs, as GitHub
 * evaluates them (actions/runner#2205): success() only when every ancestor succeeded, so a job
 * after an `if: always()` job whose own need failed or was skipped is skipped too; failure() when
 * any ancestor failed.
 */
async function decideJob(job: WorkflowJob, scope: WorkflowScope, shared: Shared, outcomes: Map<string, Outcome>, chain: Outcome[]): Promise<Outcome> {
  const needs = Object.fromEntries((job.needs ?? []).map((n) => [n.value, { result: outcomes.get(n.value)?.result ?? 'skipped', outputs: outcomes.get(n.value)?.outputs ?? {} }]));
  const contexts = { ...scope.contexts, needs };
  const status = {
    success: () => chain.every((o) => o.result === 'success') && !shared.cancel.aborted,
    failure: () => chain.some((o) => o.result === 'failure'),
    cancelled: () => shared.cancel.aborted,
  };
  const name = displayName(job, scope, { ...contexts, matrix: {}, strategy: {} }, shared.run);
  let go: boolean;
  try {
    go = isTruthy(evaluate(job.if.expression, scopeOf(contexts, shared.run.workspace, status)));
  } catch (error: unknown) {
    failedRow(job, scope, shared, name, `its if: cannot be evaluated: ${error instanceof Error ? error.message : String(error)}`);
    return { result: 'failure', outputs: {} };
  }
  if (!go) {
    const blocked = Object.entries(needs).filter(([, n]) => n.result !== 'success');
    const defaultIf = /^success\(\)$/.test(job.if.expression.trim());
    const written = /^success\(\) && \(([\s\S]*)\)$/.exec(job.if.expression.trim())?.[1] ?? job.if.expression;
    const reason = !defaultIf
      ? `if: ${written} was false`
      : blocked.length
        ? `a job it needs did not succeed (${blocked.map(([id, n]) => `${id}: ${n.result}`).join(', ')})`
        : 'a job earlier in its chain of needs did not succeed';
    skippedRow(job, scope, shared, reason, name);
    return { result: 'skipped', outputs: {} };
  }
  try {
    if (job.type === 'reusableWorkflowJob') return await runCall(job, scope, shared, contexts, name);
    return await runMatrix(job, scope, shared, contexts);
  } catch (error: unknown) {
    failedRow(job, scope, shared, name, error instanceof Error ? error.message : String(error));
    return { result: 'failure', outputs: {} };
  }
}

function failedRow(job: WorkflowJob, scope: WorkflowScope, shared: Shared, name: string, reason: string): void {
  const row: JobRow = { name: `${scope.prefix}${name}`, id: `${scope.idPrefix}${job.id.value}`, status: 'failed', result: 'failure', reason, steps: [], summary: '', notes: [] };
  shared.rows.push(row);
  shared.run.reporter.jobFinished(row);
}

/** A call's inputs as the called workflow sees them: the with: (and --with) over the defaults, each of its declared type. */
function callInputs(job: ReusableWorkflowJob, contexts: Record<string, unknown>, overrides: Record<string, string>, workspace: string): Record<string, unknown> {
  const uses = job.ref.value;
  const definitions = (evaluateToken(job['input-definitions'], scopeOf({ github: contexts.github }, workspace)) ?? {}) as Record<string, { type?: string; default?: unknown; required?: boolean }>;
  const given = (evaluateToken(job['input-values'], scopeOf(contexts, workspace)) ?? {}) as Record<string, unknown>;
  const inputs: Record<string, unknown> = {};
  for (const [input, definition] of Object.entries(definitions)) {
    const key = Object.keys(overrides).find((k) => k.toLowerCase() === input.toLowerCase());
    const fromWith = Object.keys(given).find((k) => k.toLowerCase() === input.toLowerCase());
    let value: unknown = key !== undefined ? overrides[key] : fromWith !== undefined ? given[fromWith] : definition.default;
    if (key !== undefined && definition.type === 'boolean' && /^(true|false)$/i.test(String(value))) value = String(value).toLowerCase() === 'true';
    if (key !== undefined && definition.type === 'number' && Number.isFinite(Number(value))) value = Number(value);
    value ??= definition.type === 'boolean' ? false : definition.type === 'number' ? 0 : '';
    const type = definition.type ?? 'string';
    if (typeof value !== type) throw new Error(`input "${input}" of ${uses} is a ${type}, but the call gives ${JSON.stringify(value)} (${typeof value})`);
    inputs[input] = value;
  }
  return inputs;
}

/** A call of a reusable workflow: its inputs typed and checked as GitHub does, then its jobs. */
async function runCall(job: ReusableWorkflowJob, scope: WorkflowScope, shared: Shared, contexts: Record<string, unknown>, name: string): Promise<Outcome> {
  const callScope = scopeOf(contexts, shared.run.workspace);
  const uses = job.ref.value;
  const file = shared.loaded.calls.get(uses);
  if (!file) throw new Error(`${uses} is not one of shipkit's reusable workflows; it cannot run locally`);
  const isTopCall = !scope.idPrefix && job.id.value === shared.plan.callerJob;
  const inputs = callInputs(job, contexts, isTopCall ? shared.plan.overrides : {}, shared.run.workspace);
  const callerSecrets = (contexts.secrets ?? {}) as Record<string, string>;
  const secrets: Record<string, string> = job['inherit-secrets']
    ? { ...callerSecrets }
    : { ...evaluateStringMap(job['secret-values'], scopeOf({ ...contexts }, shared.run.workspace)), GITHUB_TOKEN: callerSecrets.GITHUB_TOKEN ?? '' };
  const root = shared.loaded.roots.get(uses);
  // The caller's workflow-level env does not reach a called workflow (GitHub's rule); its own env does.
  const innerEnv = { ...evaluateStringMap(root?.find('env'), scopeOf({ github: contexts.github, inputs, vars: contexts.vars, secrets }, shared.run.workspace)), SHIPKIT_LOCAL: 'true' };
  const inner: WorkflowScope = {
    jobs: job.jobs ?? [],
    root,
    prefix: `${scope.prefix}${name} / `,
    idPrefix: `${scope.idPrefix}${job.id.value}/`,
    contexts: { github: contexts.github, vars: contexts.vars, secrets, inputs, env: innerEnv },
    // --job naming the call itself runs all of it; naming a job inside runs that one (and its needs).
    selected: (j) => matchesJob(shared.plan.options.job, job, scope.idPrefix) || selects(shared.plan.options.job, j, `${scope.idPrefix}${job.id.value}/`),
  };
  const outcomes = await runJobs(inner, shared);
  const results = [...outcomes.values()];
  const result: Conclusion = results.some((o) => o.result === 'failure' && !o.tolerated) ? 'failure' : results.some((o) => o.result === 'cancelled') ? 'cancelled' : 'success';
  const outputs: Record<string, string> = {};
  const jobs = jobsContext(outcomes, [...outcomes.keys()]);
  // on.workflow_call.outputs: each value is evaluated over the called workflow's `jobs`.
  for (const pair of job.outputs ?? []) {
    const output = asString(evaluateToken(pair.key, callScope));
    const value = pair.value.templateTokenType === 2 ? (pair.value as MappingToken).find('value') : undefined;
    try {
      outputs[output] = evaluateString(value, scopeOf({ github: contexts.github, inputs, vars: contexts.vars, jobs }, shared.run.workspace));
    } catch (error: unknown) {
      throw new Error(`output "${output}" of ${uses}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return { result, outputs };
}

function matchesJob(wanted: string | undefined, job: WorkflowJob, idPrefix: string): boolean {
  if (!wanted) return true;
  const w = wanted.toLowerCase();
  return [job.id.value, `${idPrefix}${job.id.value}`].some((candidate) => candidate.toLowerCase() === w);
}

function jobIds(jobs: WorkflowJob[], prefix: string): string[] {
  return jobs.flatMap((job) => [`${prefix}${job.id.value}`, ...(job.type === 'reusableWorkflowJob' ? jobIds(job.jobs ?? [], `${prefix}${job.id.value}/`) : [])]);
}

/** Whether `--job` picks this job: by id or id path, or, for a call, by a job inside it. */
function selects(wanted: string | undefined, job: WorkflowJob, idPrefix: string): boolean {
  if (matchesJob(wanted, job, idPrefix)) return true;
  return job.type === 'reusableWorkflowJob' && (job.jobs ?? []).some((inner) => selects(wanted, inner, `${idPrefix}${job.id.value}/`));
}

/** A job with steps: its matrix legs, side by side within the CPU limit, with fail-fast. */
async function runMatrix(job: Job, scope: WorkflowScope, shared: Shared, contexts: Record<string, unknown>): Promise<Outcome> {
  const strategy = (evaluateToken(job.strategy, scopeOf(contexts, shared.run.workspace)) ?? {}) as { matrix?: unknown; 'fail-fast'?: unknown; 'max-parallel'?: unknown };
  const combinations: Combination[] = job.strategy ? expandMatrix(strategy.matrix) : [{}];
  const failFast = strategy['fail-fast'] === undefined ? true : isTruthy(strategy['fail-fast']);
  const group = new AbortController();
  const signal = AbortSignal.any([shared.cancel, group.signal]);
  const maxParallel = Number(strategy['max-parallel']) > 0 ? pLimit(Number(strategy['max-parallel'])) : (fn: () => Promise<Outcome>) => fn();
  const nameUsesMatrix = Boolean(job.name && job.name.isExpression && /matrix\./i.test(String((job.name as { expression?: string }).expression ?? '')));
  const raw = scope.root ? (scope.root.find('jobs') as MappingToken | undefined)?.find(job.id.value) : undefined;
  let failedLeg = '';
  const legs = combinations.map((matrix, index) => {
    const legContexts = {
      ...contexts,
      github: { ...(contexts.github as object), job: job.id.value },
      matrix,
      strategy: { 'fail-fast': failFast, 'job-index': index, 'job-total': combinations.length, 'max-parallel': Number(strategy['max-parallel']) || combinations.length },
    };
    const legTitle = legName(displayName(job, scope, legContexts, shared.run), matrix, nameUsesMatrix || !job.strategy);
    const row: JobRow = { name: `${scope.prefix}${legTitle}`, id: `${scope.idPrefix}${job.id.value}`, status: 'skipped', result: 'skipped', steps: [], summary: '', notes: notesOf(job, legContexts, shared.run.workspace) };
    return maxParallel(() =>
      shared.limit(async (): Promise<Outcome> => {
        shared.rows.push(row);
        if (signal.aborted) {
          row.status = 'cancelled';
          row.result = 'cancelled';
          row.reason = failedLeg ? `cancelled by fail-fast: ${failedLeg} failed` : 'the run was cancelled';
          shared.run.reporter.jobFinished(row);
          return { result: 'cancelled', outputs: {} };
        }
        if (job.container || job.services) {
          row.status = 'not run';
          row.reason = 'not run locally: the job runs in a container or with service containers';
          shared.run.reporter.jobFinished(row);
          return { result: 'skipped', outputs: {} };
        }
        const leg = await runLeg({ job, raw: raw as MappingToken | undefined, root: scope.root, row, contexts: legContexts, signal }, shared.run);
        if (leg.row.result === 'failure' && !leg.tolerated && failFast && combinations.length > 1) {
          failedLeg ||= leg.row.name;
          group.abort();
        }
        return { result: leg.row.result, outputs: leg.outputs, tolerated: leg.tolerated };
      }),
    );
  });
  const results = await Promise.all(legs);
  const outputs: Record<string, string> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.outputs)) if (v !== '') outputs[k] = v;
  const failed = results.filter((r) => r.result === 'failure');
  const result: Conclusion = failed.length ? 'failure' : results.some((r) => r.result === 'cancelled') ? 'cancelled' : results.every((r) => r.result === 'skipped') ? 'skipped' : 'success';
  return { result, outputs, tolerated: failed.length > 0 && failed.every((r) => r.tolerated) };
}

/** environment, concurrency and runs-on: read, evaluated and reported; a local run enforces none of them. */
function notesOf(job: Job, contexts: Record<string, unknown>, workspace: string): string[] {
  const notes: string[] = [];
  const scope = scopeOf(contexts, workspace);
  const read = (token: TemplateToken | undefined) => {
    try {
      return evaluateToken(token, scope);
    } catch {
      return undefined;
    }
  };
  const runsOn = read(job['runs-on']);
  if (runsOn) notes.push(`runs-on ${asString(runsOn).replace(/\s+/g, ' ')}: runs on this machine`);
  const environment = read(job.environment);
  const envName = typeof environment === 'object' && environment ? asString((environment as { name?: unknown }).name) : asString(environment);
  if (envName) notes.push(`environment ${envName}: a local run has no required reviewers, wait timer or environment secrets`);
  const concurrency = read(job.concurrency);
  const group = typeof concurrency === 'object' && concurrency ? asString((concurrency as { group?: unknown }).group) : asString(concurrency);
  if (group) {
    const cancel = typeof concurrency === 'object' && concurrency ? (concurrency as Record<string, unknown>)['cancel-in-progress'] : undefined;
    notes.push(`concurrency group ${group}${cancel !== undefined ? ` (cancel-in-progress: ${asString(cancel)})` : ''}: nothing else runs in it locally`);
  }
  return notes;
}
