import { join } from 'node:path';
import * as core from '@actions/core';
import { info } from '../../../lib/log.js';
import { backInSyncComment, DRIFT_LABEL, driftBody, driftChangedComment, driftMarker, findDriftHash, issueTitle, type DriftInput } from './drift-issue.js';
import { StageFailure } from './failure.js';
import { client, closeIssue, commentOnIssue, ensureLabel, markedIssues, openIssue, updateIssue, type TrackedIssue } from './github.js';
import { announceVariables, initBackend, savedPlan, setPlanOutputs, varFiles, type SavedPlan } from './plan.js';
import { identify, login, reportForeign, runUrl } from './review.js';
import type { DriftStatus, Run } from './run.js';
import { driftSha256, hasRefreshOnly, planArgs, refreshOnlyArgs } from './terraform.js';

/**
 * command: drift, for scheduled runs on the default branch. Two plans in the environment's folder:
 * `-refresh-only` (the state against the real infrastructure: what changed outside Terraform) and
 * a normal one (the configuration against the real infrastructure: what an apply would do). Either
 * one finding changes is drift. One issue per environment and folder tracks it: opened when drift
 * appears, updated while it remains, closed with a comment when the environment is back in sync.
 * Nothing is applied and no state is written.
 */
export async function drift(run: Run): Promise<void> {
  const found = await detect(run);
  const tracked = await track(run, found);
  finish(run, found, tracked);
}

interface Found {
  drifted: boolean;
  /** None with a terraform too old for a refresh-only plan. */
  refresh?: SavedPlan;
  plan: SavedPlan;
  /** What the issue is made of. */
  input: DriftInput;
}

interface Tracked {
  status: DriftStatus;
  issue?: TrackedIssue;
}

async function detect(run: Run): Promise<Found> {
  announceVariables(run);
  await initBackend(run);
  const { refresh, plan } = await bothPlans(run);
  setPlanOutputs(plan.summary);
  const drifted = refresh?.exitCode === 2 || plan.exitCode === 2;
  core.setOutput('drifted', String(drifted));
  const found: Found = { drifted, refresh, plan, input: driftInput(run, refresh, plan) };
  // in the summary even when the issue cannot be written
  run.report.drift = { status: drifted ? 'drifted' : 'in-sync', body: driftBody(found.input) };
  info(verdict(run, found));
  return found;
}

/** The refresh-only plan (from terraform 0.15.4) and the normal plan, each saved and read back. */
async function bothPlans(run: Run): Promise<{ refresh?: SavedPlan; plan: SavedPlan }> {
  const { inputs } = run;
  const folder = join(run.resources.dir!, 'plan');
  const version = run.tools.terraform!.version;
  const refreshFile = join(folder, `${inputs.environment}-refresh-only.tfplan`);
  const refresh = hasRefreshOnly(version) ? await savedPlan(run, 'terraform plan -refresh-only', refreshOnlyArgs(refreshFile, inputs['lock-timeout'], varFiles(run)), refreshFile) : undefined;
  if (!refresh) info(`terraform ${version.join('.')} has no refresh-only plan (0.15.4 and later do): only the plan runs, where a change made outside Terraform shows as one an apply would undo.`);
  const planFile = join(folder, `${inputs.environment}.tfplan`);
  run.resources.planFile = planFile; // keep-plan keeps the normal plan
  const plan = await savedPlan(run, 'terraform plan', planArgs(planFile, inputs['lock-timeout'], varFiles(run)), planFile);
  return { refresh, plan };
}

function driftInput(run: Run, refresh: SavedPlan | undefined, plan: SavedPlan): DriftInput {
  return {
    environment: run.inputs.environment,
    dir: run.envDir!,
    hash: driftSha256(refresh?.json ?? '{}', plan.summary),
    refresh: refresh ? { view: refresh.view, text: refresh.text } : undefined,
    terraformVersion: run.tools.terraform!.version.join('.'),
    plan: { view: plan.view, text: plan.text },
    branch: run.git?.branch,
    commit: run.git?.sha,
    runUrl: runUrl(process.env),
    checkedAt: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
}

/** One line for the log: drifted or not, and which plan said so. */
function verdict(run: Run, { drifted, refresh, plan }: Found): string {
  const where = `${run.inputs.environment} (${run.envDir})`;
  if (!drifted) return `${where} is in sync: nothing changed outside Terraform, and the plan has nothing to apply.`;
  const outside = !refresh
    ? ''
    : refresh.exitCode === 2
      ? `the refresh-only plan would update the state (${refresh.view.drift.length} object(s) changed outside Terraform, ${refresh.view.outputs.length} output(s)), `
      : 'the refresh-only plan finds the state up to date, ';
  return `${where} has drifted: ${outside}the plan ${plan.exitCode === 2 ? 'has changes to apply' : 'has nothing to apply'}.`;
}

/** The issue: opened, updated (with a comment when the drift changed), closed, or left alone. */
async function track(run: Run, found: Found): Promise<Tracked> {
  const { inputs } = run;
  const repo = run.repo!;
  const octokit = await client(inputs['github-token']);
  const identity = await identify(octokit, 'drift issues');
  const { own, foreign } = await markedIssues(octokit, repo, DRIFT_LABEL.name, driftMarker(inputs.environment, run.envDir!), identity);
  reportForeign(foreign, identity, 'issue', '', 'the drift marker');
  const body = run.report.drift!.body;
  if (found.drifted) {
    const existing = own[0];
    if (!existing) {
      await ensureLabel(octokit, repo, DRIFT_LABEL);
      const issue = await openIssue(octokit, repo, issueTitle(inputs.environment), body, [DRIFT_LABEL.name]);
      info(`Opened issue #${issue.number} for the drift in ${inputs.environment} (as ${login(identity.login)}).`);
      return { status: 'drifted', issue };
    }
    const changed = findDriftHash(existing.body) !== found.input.hash;
    await updateIssue(octokit, repo, existing.number, body);
    if (changed) await commentOnIssue(octokit, repo, existing.number, driftChangedComment(found.input));
    info(`The drift in ${inputs.environment} remains: updated issue #${existing.number}${changed ? ', and commented that it changed' : ' (the same drift as before)'}.`);
    return { status: 'still-drifted', issue: existing };
  }
  if (!own.length) return { status: 'in-sync' };
  for (const issue of own) {
    await commentOnIssue(octokit, repo, issue.number, backInSyncComment(found.input));
    await closeIssue(octokit, repo, issue.number);
    info(`${inputs.environment} is back in sync: closed issue #${issue.number} with a comment.`);
  }
  return { status: 'back-in-sync', issue: own[0] };
}

function finish(run: Run, found: Found, tracked: Tracked): void {
  const { inputs } = run;
  const env = process.env;
  const issue = tracked.issue && { number: tracked.issue.number, url: `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/issues/${tracked.issue.number}` };
  run.report.drift = { ...run.report.drift!, status: tracked.status, issue };
  core.setOutput('drift', tracked.status);
  core.setOutput('issue-number', tracked.issue ? String(tracked.issue.number) : '');
  if (found.drifted && inputs['fail-on-drift']) {
    throw new StageFailure(
      'drifted',
      `${inputs.environment} (${run.envDir}) has drifted${tracked.issue ? `: see issue #${tracked.issue.number}` : ''}. The step fails because fail-on-drift is true.`,
    );
  }
}
