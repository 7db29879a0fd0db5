import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { parse } from 'yaml';
import { PROVIDER_CACHE_FOLDER } from '../../actions/deploy-stage/src/providers.js';

// Issue 13 in deploy-stage.yml: the drift mode (a job for schedule and workflow_dispatch runs, with
// issues: write), notify told about the drift, and the provider cache (restored on pull requests,
// saved only by default-branch runs). Every job's and step's `if:` is evaluated with GitHub's own
// expression engine (@actions/expressions), with the runner's status functions added as it adds them.

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string[];
  uses?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: Step[];
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown> & { workflow_call?: { inputs: Record<string, { default?: unknown }>; outputs: Record<string, { value: string }> } };
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const ROOT = process.cwd();
const read = (path: string) => parse(readFileSync(path, 'utf8')) as Workflow;
const workflow = read(join(ROOT, '.github', 'workflows', 'deploy-stage.yml'));
const { jobs } = workflow;

/** A JavaScript value as a context of the expression engine. */
function toData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null();
  if (typeof value === 'string') return new data.StringData(value);
  if (typeof value === 'boolean') return new data.BooleanData(value);
  if (typeof value === 'number') return new data.NumberData(value);
  if (Array.isArray(value)) {
    const array = new data.Array();
    for (const v of value) array.add(toData(v));
    return array;
  }
  const dictionary = new data.Dictionary();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) dictionary.add(k, toData(v));
  return dictionary;
}

/** An `if:` as GitHub evaluates it; without a status function it is and-ed with success(). */
function evaluate(condition: string, contexts: Record<string, unknown>, status: 'success' | 'failure' | 'cancelled' = 'success'): boolean {
  const text = condition.replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const statusFunction = (name: string, value: () => boolean) => ({ name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()) });
  const functions = [
    statusFunction('success', () => status === 'success'),
    statusFunction('failure', () => status === 'failure'),
    statusFunction('cancelled', () => status === 'cancelled'),
    statusFunction('always', () => true),
    { name: 'hashFiles', minArgs: 1, maxArgs: 255, call: () => new data.StringData('') },
  ];
  const hasStatus = /\b(success|failure|cancelled|always)\(/.test(text);
  const expression = new Parser(new Lexer(hasStatus ? text : `success() && (${text})`).lex().tokens, Object.keys(contexts), functions).parse();
  const map = new Map(functions.map((f) => [f.name.toLowerCase(), f]));
  const result = new Evaluator(expression, toData(contexts) as data.Dictionary, map).evaluate();
  // GitHub's truthiness: false, null, '' and 0 are false
  if (result instanceof data.BooleanData) return result.value;
  if (result.kind === data.Kind.Null) return false;
  if (result.kind === data.Kind.String) return result.coerceString() !== '';
  if (result instanceof data.NumberData) return result.value !== 0;
  return true;
}

const defaults = Object.fromEntries(Object.entries(workflow.on.workflow_call!.inputs).map(([name, spec]) => [name, spec.default ?? '']));
const github = (event: string, ref: string) => ({ event_name: event, ref, ref_name: ref.replace(/^refs\/(heads|pull)\//, ''), repository: 'vscoder/microservices', event: { repository: { default_branch: 'main' } } });

describe('mode: which jobs run', () => {
  const running = (mode: string, event: string, ref = 'refs/heads/main') =>
    ['mode', 'plan', 'apply', 'drift'].filter((job) => evaluate(jobs[job]!.if!, { inputs: { ...defaults, mode }, github: github(event, ref) }));

  test.each([
    ['deploy', 'pull_request', 'refs/pull/7/merge', ['plan']],
    ['deploy', 'push', 'refs/heads/main', ['apply']],
    ['deploy', 'workflow_dispatch', 'refs/heads/main', ['apply']],
    ['deploy', 'schedule', 'refs/heads/main', []],
    ['drift', 'schedule', 'refs/heads/main', ['drift']],
    ['drift', 'workflow_dispatch', 'refs/heads/main', ['drift']],
    ['drift', 'pull_request', 'refs/pull/7/merge', []],
    ['drift', 'push', 'refs/heads/main', []],
    ['drfit', 'workflow_dispatch', 'refs/heads/main', ['mode']],
  ])('mode %s on %s (%s): %j', (mode, event, ref, expected) => {
    expect(running(mode, event, ref)).toEqual(expected);
  });

  test('the default mode is deploy, so callers from before the drift mode are unchanged', () => {
    expect(defaults.mode).toBe('deploy');
  });

  test('the drift job: issues write and contents read, nothing else; the apply\'s concurrency group, never cancelled', () => {
    expect(jobs.drift!.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect((jobs.drift as Job & { concurrency: unknown }).concurrency).toEqual((jobs.apply as Job & { concurrency: unknown }).concurrency);
    const step = jobs.drift!.steps!.find((s) => s.id === 'drift')!;
    expect(step.uses).toMatch(/\/actions\/deploy-stage@/);
    expect(step.with).toMatchObject({ command: 'drift', 'fail-on-drift': '${{ inputs.fail-on-drift }}', 'backend-config': '${{ secrets.backend-config }}' });
  });

  test("notify runs after a drift check and gets its drift output; the workflow's outputs carry it", () => {
    expect(jobs.notify!.needs).toContain('drift');
    expect(evaluate(jobs.notify!.if!, { needs: { plan: { result: 'skipped' }, apply: { result: 'skipped' }, drift: { result: 'success' } } })).toBe(true);
    expect(evaluate(jobs.notify!.if!, { needs: { plan: { result: 'skipped' }, apply: { result: 'skipped' }, drift: { result: 'skipped' } } })).toBe(false);
    expect(jobs.notify!.steps![0]!.with!.drift).toBe('${{ needs.drift.outputs.drift }}');
    const outputs = workflow.on.workflow_call!.outputs;
    expect(outputs.drift!.value).toBe('${{ jobs.drift.outputs.drift }}');
    expect(outputs['issue-number']!.value).toBe('${{ jobs.drift.outputs.issue-number }}');
    expect(outputs['failure-reason']!.value).toContain('jobs.drift.outputs.failure-reason');
  });
});

describe('the provider cache: restored everywhere, saved only by the default branch', () => {
  const cacheSteps = (job: string) => jobs[job]!.steps!.filter((s) => s.uses?.startsWith('actions/cache'));

  test('actions/cache v5.0.5 (Node 24), pinned by full SHA, one release for restore and save', () => {
    const all = ['plan', 'apply', 'drift'].flatMap(cacheSteps);
    expect(all.length).toBe(5);
    for (const step of all) expect(step.uses).toMatch(/^actions\/cache\/(restore|save)@27d5ce7f107fe9357f9df03efb73ab90386fccae$/);
  });

  test('the pull request job restores and never saves', () => {
    expect(cacheSteps('plan').map((s) => s.uses!.split('@')[0])).toEqual(['actions/cache/restore']);
  });

  test('one key, on the lock files of every root module, and the folder the action uses', () => {
    const all = ['plan', 'apply', 'drift'].flatMap(cacheSteps);
    const keys = new Set(all.map((s) => s.with!.key));
    expect([...keys]).toEqual(["shipkit-terraform-providers-${{ runner.os }}-${{ runner.arch }}-${{ hashFiles(format('{0}/**/.terraform.lock.hcl', inputs.working-directory)) }}"]);
    for (const step of all) expect(step.with!.path).toBe(`\${{ runner.tool_cache }}/${PROVIDER_CACHE_FOLDER}`);
  });

  test.each(['apply', 'drift'])('%s: the restore comes before deploy-stage, the save after it', (job) => {
    const steps = jobs[job]!.steps!;
    const at = (pred: (s: Step) => boolean) => steps.findIndex(pred);
    const action = at((s) => Boolean(s.uses?.includes('/actions/deploy-stage@')));
    expect(at((s) => Boolean(s.uses?.startsWith('actions/cache/restore@')))).toBeLessThan(action);
    expect(at((s) => Boolean(s.uses?.startsWith('actions/cache/save@')))).toBeGreaterThan(action);
  });

  test.each([
    ['push', 'refs/heads/main', 'success', false, true],
    ['schedule', 'refs/heads/main', 'failure', false, true], // fail-on-drift: the providers are still good
    ['workflow_dispatch', 'refs/heads/main', 'success', false, true],
    ['workflow_dispatch', 'refs/heads/feature/x', 'success', false, false], // a manual run on a branch
    ['push', 'refs/heads/main', 'success', true, false], // the exact key was restored: nothing new
    ['push', 'refs/heads/main', 'cancelled', false, false],
  ])('save on %s of %s (job %s, exact hit %s): %s', (event, ref, status, hit, saves) => {
    for (const job of ['apply', 'drift']) {
      const save = cacheSteps(job).find((s) => s.uses!.startsWith('actions/cache/save@'))!;
      const contexts = { inputs: { ...defaults }, github: github(event, ref), steps: { providers: { outputs: { 'cache-hit': String(hit) } } } };
      expect(evaluate(save.if!, contexts, status as 'success')).toBe(saves);
    }
  });

  test('provider-cache: false turns every cache step off', () => {
    for (const step of ['plan', 'apply', 'drift'].flatMap(cacheSteps)) {
      expect(evaluate(step.if!, { inputs: { ...defaults, 'provider-cache': false }, github: github('push', 'refs/heads/main'), steps: { providers: { outputs: {} } } })).toBe(false);
    }
  });
});

describe("callers grant what every job of deploy-stage.yml asks for (GitHub checks them all when the run starts, even skipped ones)", () => {
  const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };
  const needed: Record<string, string> = {};
  for (const job of Object.values(jobs)) {
    for (const [scope, level] of Object.entries(job.permissions ?? {})) if ((LEVEL[level] ?? 0) > (LEVEL[needed[scope] ?? 'none'] ?? 0)) needed[scope] = level;
  }

  const callers: [string, string, Job, Workflow][] = [];
  const examples = join(ROOT, 'examples');
  for (const example of readdirSync(examples)) {
    const dir = join(examples, example, '.github', 'workflows');
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const file of files) {
      const caller = read(join(dir, file));
      for (const [id, job] of Object.entries(caller.jobs)) if (job.uses?.includes('/.github/workflows/deploy-stage.yml@')) callers.push([`${example}/${file}`, id, job, caller]);
    }
  }

  test('the jobs ask for issues write (drift) and pull-requests write (plan)', () => {
    expect(needed).toMatchObject({ issues: 'write', 'pull-requests': 'write', contents: 'read' });
    expect(callers.map(([file]) => file).sort()).toEqual(['microservices/deploy.yml', 'microservices/drift.yml']);
  });

  test.each(callers)('%s, job %s', (_file, _id, job, caller) => {
    const granted = job.permissions ?? (typeof caller.permissions === 'object' ? caller.permissions : {});
    for (const [scope, level] of Object.entries(needed)) expect([scope, LEVEL[granted[scope] ?? 'none']! >= LEVEL[level]!]).toEqual([scope, true]);
  });

  test('the example drift caller runs on a schedule and by hand, in drift mode', () => {
    const drift = callers.find(([file]) => file.endsWith('drift.yml'))!;
    expect(Object.keys(drift[3].on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(drift[2].with).toMatchObject({ mode: 'drift', environment: 'stage' });
  });
});
