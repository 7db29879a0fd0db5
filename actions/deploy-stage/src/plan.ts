import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { annotate } from '../../../lib/annotate.js';
import { run as runProcess, type ExecResult } from '../../../lib/exec.js';
import { info } from '../../../lib/log.js';
import { StageFailure, type FailureReason } from './failure.js';
import { exec, terraformEnv, type Run } from './run.js';
import { applyArgs, backendConfigFile, initArgs, parseDiagnosticsText, parseLockError, planArgs, summarisePlan } from './terraform.js';
import { lastLines } from './text.js';

/**
 * The plan stage: `terraform init` with the backend (its key=value pairs in private 0600 files,
 * never in argv), `terraform plan -out`, and the plan's counts and hash as outputs.
 */
export async function plan(run: Run): Promise<void> {
  const dir = run.envDir!;
  const init = await terraform(run, 'terraform init', initArgs(true, backendFiles(run)));
  if (init.code) failOn(run, init, 'plan-failed', 'init');
  const planFile = join(run.resources.dir!, 'plan', `${run.inputs.environment}.tfplan`);
  run.resources.planFile = planFile;
  const planned = await terraform(run, 'terraform plan', planArgs(planFile, run.inputs['lock-timeout']));
  if (planned.code === 1) failOn(run, planned, 'plan-failed', 'plan');
  const json = await terraform(run, 'terraform show -json', ['show', '-json', '-no-color', planFile], false);
  if (json.code) failOn(run, json, 'plan-failed', 'show');
  const text = await terraform(run, 'terraform show', ['show', '-no-color', planFile]);
  const summary = summarisePlan(json.stdout);
  run.report.plan = { ...summary, dir, text: text.stdout };
  info(`Plan for ${dir}: ${summary.add} to add, ${summary.change} to change, ${summary.destroy} to destroy (sha256 ${summary.sha256})`);
  core.setOutput('plan-sha256', summary.sha256);
  core.setOutput('changes', String(summary.add + summary.change + summary.destroy > 0));
  core.setOutput('to-add', String(summary.add));
  core.setOutput('to-change', String(summary.change));
  core.setOutput('to-destroy', String(summary.destroy));
}

/** The apply stage: the saved plan, which review() has compared with the reviewed one. */
export async function apply(run: Run): Promise<void> {
  const result = await terraform(run, 'terraform apply', applyArgs(run.resources.planFile!, run.inputs['lock-timeout']));
  if (result.code) failOn(run, result, 'apply-failed', 'apply');
  const p = run.report.plan!;
  run.report.notes.push(`Applied ${p.dir}: ${p.add} added, ${p.change} changed, ${p.destroy} destroyed.`);
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
  // `show -json` is long and machine-only: it reaches the log as the counts and hash, not as JSON
  return runProcess(run.tools.terraform!.path, args, { cwd: join(run.root, dir), env });
}

function failOn(run: Run, result: ExecResult, reason: Extract<FailureReason, 'plan-failed' | 'apply-failed'>, what: string): never {
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
  throw new StageFailure(reason, `terraform ${what} failed in ${dir}:\n${lastLines(result.stderr || result.stdout)}`);
}
