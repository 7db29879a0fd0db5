import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { annotate } from '../../../lib/annotate.js';
import { run as runProcess, type ExecResult } from '../../../lib/exec.js';
import { info } from '../../../lib/log.js';
import { StageFailure, type FailureReason } from './failure.js';
import { parsePlan, planView, type PlanView } from './planjson.js';
import { countsText } from './render.js';
import { skippedExamples } from './resources.js';
import { exec, show, terraformEnv, type Run } from './run.js';
import { maskable, redact, sensitiveValues } from './sensitive.js';
import { applyArgs, backendConfigFile, initArgs, parseDiagnosticsText, parseLockError, planArgs, summarisePlan, type PlanSummary } from './terraform.js';
import { lastLines } from './text.js';

/**
 * The plan stage: `terraform init` with the backend (its key=value pairs in private 0600 files,
 * never in argv), `terraform plan -out`, and the plan's counts and hash as outputs.
 */
export async function plan(run: Run): Promise<void> {
  const dir = run.envDir!;
  announceVariables(run);
  await initBackend(run);
  const planFile = join(run.resources.dir!, 'plan', `${run.inputs.environment}.tfplan`);
  run.resources.planFile = planFile;
  const saved = await savedPlan(run, 'terraform plan', planArgs(planFile, run.inputs['lock-timeout'], varFiles(run)), planFile);
  const summary = saved.summary;
  run.report.plan = { ...summary, dir, text: saved.text, view: saved.view };
  info(`Plan for ${dir}: ${countsText(saved.view.counts)} (sha256 ${summary.sha256})`);
  setPlanOutputs(summary);
}

export function setPlanOutputs(summary: PlanSummary): void {
  core.setOutput('plan-sha256', summary.sha256);
  core.setOutput('changes', String(summary.changes));
  core.setOutput('to-add', String(summary.add));
  core.setOutput('to-change', String(summary.change));
  core.setOutput('to-destroy', String(summary.destroy));
  core.setOutput('to-import', String(summary.import));
  core.setOutput('to-move', String(summary.move));
}

/** terraform-vars as `-var-file`, and a word on the placeholders the plan leaves out. */
export function varFiles(run: Run): string[] {
  return run.resources.varFile ? [run.resources.varFile] : [];
}

/** Said once per run, before the first plan: which placeholders it does not use. */
export function announceVariables(run: Run): void {
  const skipped = skippedExamples(run);
  if (!skipped) return;
  info(skipped);
  run.report.notes.push(skipped);
}

/** `terraform init` in the environment's folder, with the backend. */
export async function initBackend(run: Run): Promise<void> {
  const init = await terraform(run, 'terraform init', initArgs(true, backendFiles(run)));
  if (init.code) failOn(run, init, 'plan-failed', 'init');
}

/** A plan saved to a file and read back: what it does, its text with sensitive values taken out. */
export interface SavedPlan {
  summary: PlanSummary;
  view: PlanView;
  text: string;
  /** `-detailed-exitcode`: 0 nothing to do, 2 changes. */
  exitCode: number;
  /** `show -json`, whole: it holds sensitive values, so it is never printed or written anywhere. */
  json: string;
}

/**
 * Runs a plan into `planFile`, then reads its JSON before any of its output is shown: every value
 * the JSON marks sensitive is masked in the log and taken out of the text (terraform's own text
 * misses some, see sensitive.ts), and only then is the plan's output printed.
 */
export async function savedPlan(run: Run, title: string, args: string[], planFile: string): Promise<SavedPlan> {
  const shownTitle = `${title} (${run.envDir})`;
  const planned = await terraform(run, title, args, false);
  if (planned.code !== 0 && planned.code !== 2) {
    show(shownTitle, planned);
    failOn(run, planned, 'plan-failed', 'plan');
  }
  const json = await terraform(run, 'terraform show -json', ['show', '-json', '-no-color', planFile], false);
  if (json.code) {
    show(shownTitle, planned);
    failOn(run, json, 'plan-failed', 'show');
  }
  const parsed = parsePlan(json.stdout);
  const secrets = sensitiveValues(parsed);
  for (const value of maskable(secrets)) core.setSecret(value);
  show(shownTitle, { ...planned, stdout: redact(planned.stdout, secrets), stderr: redact(planned.stderr, secrets) });
  const text = await terraform(run, 'terraform show', ['show', '-no-color', planFile], false);
  if (text.code) failOn(run, text, 'plan-failed', 'show');
  return { summary: summarisePlan(parsed), view: planView(parsed), text: redact(text.stdout, secrets), exitCode: planned.code, json: json.stdout };
}

/** The apply stage: the saved plan, which review() has compared with the reviewed one. */
export async function apply(run: Run): Promise<void> {
  if (!run.report.plan!.view.changes) {
    run.report.notes.push(`Nothing to apply in ${run.report.plan!.dir}: the plan has no changes.`);
    return;
  }
  const result = await terraform(run, 'terraform apply', applyArgs(run.resources.planFile!, run.inputs['lock-timeout']));
  if (result.code) failOn(run, result, 'apply-failed', 'apply');
  const p = run.report.plan!;
  const more = [p.import ? `${p.import} imported` : '', p.move ? `${p.move} moved` : ''].filter(Boolean).map((x) => `, ${x}`).join('');
  run.report.notes.push(`Applied ${p.dir}: ${p.add} added, ${p.change} changed, ${p.destroy} destroyed${more}.`);
}

/**
 * The backend config files for init, in the order given: each run of key=value lines becomes one
 * private file (0600, in the run's 0700 folder), so later lines still override earlier ones.
 */
function backendFiles(run: Run): string[] {
  const files: string[] = [];
  let pairs: { key: string; value: string }[] = [];
  const flush = () => {
    if (!pairs.length) return;
    const file = join(run.resources.dir!, 'secrets', `backend-${files.length + 1}.tfbackend`);
    writeFileSync(file, backendConfigFile(pairs), { mode: 0o600, flag: 'wx' });
    files.push(file);
    pairs = [];
  };
  for (const entry of run.inputs['backend-config']) {
    if (entry.kind === 'pair') {
      pairs.push(entry);
      continue;
    }
    flush();
    files.push(entry.path);
  }
  flush();
  return files;
}

async function terraform(run: Run, title: string, args: string[], shown = true): Promise<ExecResult> {
  const dir = run.envDir!;
  const env = terraformEnv(run, dir, 'env');
  if (shown) return exec(run, `${title} (${dir})`, run.tools.terraform!.path, args, dir, env);
  // shown later, or never: a plan's output once its sensitive values are known, `show -json` not at all
  return runProcess(run.tools.terraform!.path, args, { cwd: join(run.root, dir), env });
}

export function failOn(run: Run, result: ExecResult, reason: Extract<FailureReason, 'plan-failed' | 'apply-failed'>, what: string): never {
  const dir = run.envDir!;
  const text = `${result.stderr}\n${result.stdout}`;
  const lock = parseLockError(text);
  if (lock) {
    run.report.lock = lock;
    const operation = lock.operation ? ` (${lock.operation}${lock.created ? `, since ${lock.created}` : ''})` : '';
    throw new StageFailure(
      'state-locked',
      `The state of ${dir} is locked${lock.who ? ` by ${lock.who}` : ''}${operation}${lock.id ? `, lock ID ${lock.id}` : ''}. Wait for that run, or release a stale lock with \`terraform force-unlock ${lock.id ?? '<ID>'}\`.`,
    );
  }
  annotate(parseDiagnosticsText(text, dir, `terraform ${what}`));
  const unset = /No value for required variable/.test(text)
    ? '\nA variable has no value: give the environment\'s values with terraform-vars (a secret, passed as a private -var-file) or TF_VAR_<name> in the step\'s env. .example placeholders are used only by the checks.'
    : '';
  throw new StageFailure(reason, `terraform ${what} failed in ${dir}:\n${lastLines(result.stderr || result.stdout)}${unset}`);
}
