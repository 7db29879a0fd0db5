import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { convertWorkflowTemplate, isMapping, NoOperationTraceWriter, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/mapping-token';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { CliError } from '../errors.js';
import { parseYamlFile } from '../yaml.js';

/**
 * Reads a workflow with GitHub's own parser (@actions/workflow-parser): its schema, its expression
 * checks, and, with calls of the kit's reusable workflows resolved to the kit's own files, its
 * checks of a call's `with:` and `secrets:` against `on.workflow_call` (unknown input, missing
 * required input or secret). Any error stops the run before a job starts.
 */

/** A kit reusable workflow named by a caller: `<owner>/shipkit/.github/workflows/x.yml@ref`. */
const KIT_WORKFLOW = /^[\w.-]+\/shipkit\/(\.github\/workflows\/[\w.-]+\.ya?ml)@[\w./-]+$/;
const LOCAL_WORKFLOW = /^\.\/(\.github\/workflows\/[\w.-]+\.ya?ml)$/;

export interface InputDefinition {
  type: 'string' | 'boolean' | 'number';
  required: boolean;
  default?: unknown;
}

export interface WorkflowCall {
  inputs: Record<string, InputDefinition>;
  secrets: Record<string, { required: boolean }>;
}

export interface LoadedWorkflow {
  /** The file as shown to the user (relative to the repository or the kit). */
  file: string;
  name: string;
  template: WorkflowTemplate;
  /** The parsed (unconverted) root of each file: the converter drops `with:`, `shell:`, `defaults:`. */
  roots: Map<string, MappingToken>;
  /** Where each called workflow was found: `uses` value -> the file read. */
  calls: Map<string, string>;
  triggers: string[];
  cron?: string;
}

export interface WorkflowSource {
  path: string;
  /** The repository the workflow runs on (its `./` references resolve there). */
  repo: string;
  kit: string;
  /** The text, when it is not read from `path` (a call of a reusable workflow made up for a direct run). */
  content?: string;
  /** How errors name this file. */
  display?: string;
}

function rootOf(content: string, name: string): MappingToken {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  if (!parsed.value || !isMapping(parsed.value)) throw new CliError(`${name}: not a workflow (${parsed.context.errors.getErrors().map((e) => e.message).join('; ')})`);
  return parsed.value;
}

/** The file a `uses:` of a reusable workflow names, if shipkit can run it locally. */
export function resolveCall(uses: string, repo: string, kit: string): string | undefined {
  const kitRef = KIT_WORKFLOW.exec(uses);
  if (kitRef && existsSync(join(kit, kitRef[1]!))) return join(kit, kitRef[1]!);
  const local = LOCAL_WORKFLOW.exec(uses);
  if (local && existsSync(join(repo, local[1]!))) return join(repo, local[1]!);
  return undefined;
}

function triggersOf(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  if (on && typeof on === 'object') return Object.keys(on);
  return [];
}

export async function loadWorkflow(source: WorkflowSource): Promise<LoadedWorkflow> {
  const content = source.content ?? readFileSync(source.path, 'utf8');
  const display = source.display ?? displayPath(source.path, source.repo, source.kit);
  const parsed = parseWorkflow({ name: display, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  const roots = new Map<string, MappingToken>();
  const calls = new Map<string, string>();
  let template: WorkflowTemplate | undefined;
  if (parsed.value) {
    roots.set('', parsed.value as MappingToken);
    const before = parsed.context.errors.count;
    const provider = {
      getFileContent(ref: { path: string; owner?: string; repository?: string; version?: string }) {
        const uses = ref.owner ? `${ref.owner}/${ref.repository}/${ref.path}@${ref.version}` : `./${ref.path}`;
        const file = resolveCall(uses, source.repo, source.kit);
        if (!file) return Promise.reject(new Error(`${uses} is not one of shipkit's reusable workflows, so it cannot run locally`));
        const text = readFileSync(file, 'utf8');
        calls.set(uses, file);
        roots.set(uses, rootOf(text, displayPath(file, source.repo, source.kit)));
        return Promise.resolve({ name: displayPath(file, source.repo, source.kit), content: text });
      },
    };
    try {
      template = await convertWorkflowTemplate(parsed.context, parsed.value, provider, { fetchReusableWorkflowDepth: 1 });
    } catch (error: unknown) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
    errors.push(...parsed.context.errors.getErrors().slice(before).map((e) => e.message));
    for (const e of template?.errors ?? []) if (!errors.includes(e.Message)) errors.push(e.Message);
  }
  if (errors.length || !template) {
    throw new CliError(`${display} is not a valid workflow; GitHub would refuse it:\n${[...new Set(errors)].map((e) => `  ${e}`).join('\n')}`);
  }
  const raw = (parseYamlFile(content, display) ?? {}) as { name?: unknown; on?: unknown; true?: unknown };
  const on = raw.on ?? raw.true;
  const schedule = on && typeof on === 'object' && !Array.isArray(on) ? (on as { schedule?: { cron?: string }[] }).schedule : undefined;
  return {
    file: display,
    name: typeof raw.name === 'string' ? raw.name : basename(source.path),
    template,
    roots,
    calls,
    triggers: triggersOf(on),
    cron: Array.isArray(schedule) ? schedule[0]?.cron : undefined,
  };
}

export function displayPath(path: string, repo: string, kit: string): string {
  const inRepo = relative(repo, path);
  if (!inRepo.startsWith('..')) return inRepo;
  const inKit = relative(kit, path);
  return inKit.startsWith('..') ? path : `shipkit's ${inKit}`;
}

/** `on.workflow_call` of a reusable workflow file, as plain data. */
export function workflowCallOf(path: string): WorkflowCall | undefined {
  const raw = (parseYamlFile(readFileSync(path, 'utf8'), path) ?? {}) as { on?: unknown; true?: unknown };
  const on = raw.on ?? raw.true;
  if (!on || typeof on !== 'object' || Array.isArray(on) || !('workflow_call' in on)) {
    return triggersOf(on).includes('workflow_call') ? { inputs: {}, secrets: {} } : undefined;
  }
  const call = ((on as Record<string, unknown>).workflow_call ?? {}) as { inputs?: Record<string, Record<string, unknown>>; secrets?: Record<string, Record<string, unknown> | null> };
  const inputs: Record<string, InputDefinition> = {};
  for (const [name, spec] of Object.entries(call.inputs ?? {})) {
    inputs[name] = { type: (spec.type as InputDefinition['type']) ?? 'string', required: spec.required === true, default: spec.default };
  }
  const secrets: WorkflowCall['secrets'] = {};
  for (const [name, spec] of Object.entries(call.secrets ?? {})) secrets[name] = { required: spec?.required === true };
  return { inputs, secrets };
}

/** The kit's reusable workflows by short name (checks, images, deploy-stage). */
export function kitWorkflows(kit: string): string[] {
  const dir = join(kit, '.github', 'workflows');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && workflowCallOf(join(dir, f)))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

/**
 * Which file `shipkit workflow NAME` means: a path to a file; else a file of that name in the
 * repository's .github/workflows; else one of the kit's reusable workflows (`checks` or `checks.yml`).
 */
export function findWorkflow(name: string, repo: string, kit: string, cwd = process.cwd()): string {
  const candidates = [resolve(cwd, name), join(repo, '.github', 'workflows', name)];
  const kitName = /\.ya?ml$/.test(name) ? name : `${name}.yml`;
  candidates.push(join(kit, '.github', 'workflows', kitName));
  for (const candidate of candidates) if (existsSync(candidate) && /\.ya?ml$/.test(candidate)) return candidate;
  throw new CliError(
    `shipkit workflow: no workflow "${name}": expected one of the kit's reusable workflows (${kitWorkflows(kit).join(', ')}), ` +
      `a file in ${join(repo, '.github', 'workflows')}, or a path to a .yml file.`,
  );
}

/** Callers in the repository of a reusable workflow: `[file, job id, the job's with: as plain data]`. */
export function findCallers(repo: string, kit: string, target: string): { file: string; job: string }[] {
  const dir = join(repo, '.github', 'workflows');
  if (!existsSync(dir)) return [];
  const found: { file: string; job: string }[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    let workflow: { jobs?: Record<string, { uses?: unknown }> };
    try {
      workflow = parseYaml(readFileSync(join(dir, file), 'utf8')) as typeof workflow;
    } catch {
      continue;
    }
    for (const [id, job] of Object.entries(workflow?.jobs ?? {})) {
      if (typeof job?.uses === 'string' && resolveCall(job.uses, repo, kit) === target) found.push({ file: join(dir, file), job: id });
    }
  }
  return found;
}

/** Coerces a `--with` value to the input's declared type, as a caller's YAML would give it. */
export function typedInput(workflow: string, name: string, value: string, definition: InputDefinition | undefined): unknown {
  if (!definition) return value;
  if (definition.type === 'boolean') {
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    throw new CliError(`--with ${name}=${JSON.stringify(value)}: input "${name}" of ${workflow} is a boolean; use true or false.`);
  }
  if (definition.type === 'number') {
    const number = Number(value);
    if (value.trim() && Number.isFinite(number)) return number;
    throw new CliError(`--with ${name}=${JSON.stringify(value)}: input "${name}" of ${workflow} is a number.`);
  }
  return value;
}

/**
 * The caller GitHub would need for running a reusable workflow directly: one job that `uses:` it
 * with the `--with` values (typed) and the `--secret` names, so GitHub's parser checks them.
 */
export function callerFor(options: { target: string; repo: string; kit: string; event: string; inputs: Record<string, string>; secrets: string[] }): string {
  const inKit = relative(options.kit, options.target);
  const uses = inKit.startsWith('..') ? `./${relative(options.repo, options.target)}` : `shipkit/shipkit/${inKit}@local`;
  const call = workflowCallOf(options.target) ?? { inputs: {}, secrets: {} };
  const shown = basename(options.target);
  const withValues: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options.inputs)) withValues[name] = typedInput(shown, name, value, call.inputs[name]);
  const job: Record<string, unknown> = { uses };
  if (Object.keys(withValues).length) job.with = withValues;
  if (options.secrets.length) job.secrets = Object.fromEntries(options.secrets.map((s) => [s, `\${{ secrets.${s} }}`]));
  const id = shown.replace(/\.ya?ml$/, '').replace(/[^\w-]/g, '_').replace(/^[^A-Za-z_]/, '_$&');
  return stringifyYaml({ name: shown, on: options.event, jobs: { [id]: job } });
}

export type { TemplateToken };
