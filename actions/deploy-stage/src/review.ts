import { forLog, info } from '../../../lib/log.js';
import { planComment } from './comments.js';
import { StageFailure } from './failure.js';
import {
  client,
  ensureLabel,
  planKinds,
  replaceLabels,
  reviewedPlanHash,
  tokenIdentity,
  upsertPlanComment,
  type Foreign,
  type Identity,
  type LabelSpec,
  type ReviewedPlan,
} from './github.js';
import type { PlanKind } from './planjson.js';
import type { Run } from './run.js';

/**
 * The review stage. On a pull request's plan: the plan comment that reviewers read (one per
 * environment and folder, updated in place; none for a plan without changes unless asked), and the
 * `plan:*` label. On apply: the plan must be the reviewed one, the hash from plan-sha256 or from the
 * plan comment of the merged pull request; only comments written by the token's own identity
 * count, since anyone who can comment could post a marker.
 */
export async function review(run: Run): Promise<void> {
  const { inputs, git } = run;
  if (inputs.command === 'plan') {
    if (run.repo && git?.prNumber) await publishPlan(run, git.prNumber);
    return;
  }
  if (inputs['auto-approve']) {
    info('auto-approve is on: the plan is applied without comparing it with a reviewed one.');
    return;
  }
  const summary = run.report.plan!;
  let expected = inputs['plan-sha256'];
  let from = 'the plan-sha256 input';
  if (!expected && !summary.view.changes) {
    // nothing will be applied, so there is nothing to have reviewed (a plan without changes may have no comment)
    info('The plan has no changes: nothing is applied, so no reviewed plan is needed.');
    return;
  }
  if (!expected) {
    const octokit = await client(inputs['github-token']);
    const identity = await identify(octokit, 'plan comments');
    const found = await reviewedPlanHash(octokit, run.repo!, git!.sha, identity, inputs.environment, run.envDir!, git!.branch);
    reportForeign(found.foreign, identity, 'comment', ` on pull request #${found.pr}`, 'the plan marker');
    if (!found.hash) throw new StageFailure('plan-changed', noReviewedPlan(run, found, identity));
    expected = found.hash;
    from = `the plan comment on pull request #${found.pr}`;
  }
  run.report.reviewed = { hash: expected, from };
  if (expected !== summary.sha256) {
    throw new StageFailure('plan-changed', `The plan differs from the reviewed one (${from}): reviewed sha256 ${expected}, now ${summary.sha256}. Nothing was applied. Re-plan and review again.`);
  }
  info(`The plan matches the reviewed one (${from}).`);
}

/** Why there is no reviewed plan to compare with, and what to do: the apply's most common failure, so it names the case. */
function noReviewedPlan(run: Run, found: ReviewedPlan, identity: Identity): string {
  const { inputs, git } = run;
  const where = `${inputs.environment} (${run.envDir})`;
  const ways = 'pass plan-sha256 (the hash of a plan you reviewed), or set auto-approve: true';
  if (!found.pr) {
    const elsewhere = found.elsewhere.length ? ` (${found.elsewhere.map((p) => `#${p.number} was merged into ${p.base}`).join(', ')}: a plan reviewed for another branch is not one for ${git!.branch})` : '';
    return `No pull request merged into ${git!.branch ?? 'this branch'} brought ${git!.sha.slice(0, 7)} here${elsewhere}, so there is no reviewed plan to apply. ${capital(ways)}.`;
  }
  if (found.editedBy) {
    return `The plan comment for ${where} on pull request #${found.pr} was last edited by ${login(found.editedBy)}, not by ${login(identity.login)} (who github-token is), so its hash is not trusted: anyone with write access can edit a comment, and the hash line is hidden. Nothing was applied. Re-plan and review again, or ${ways}.`;
  }
  if (found.fork) {
    return `Pull request #${found.pr} came from the fork ${repoName(found.fork)}: a pull request from a fork is planned without secrets and with a read-only token, so it has no plan comment and there is no reviewed plan to apply. To deploy it, push its branch to this repository and plan that pull request, or ${ways}.`;
  }
  return `Pull request #${found.pr} has no plan comment by ${login(identity.login)} for ${where}, so there is no reviewed plan to apply. Run command: plan on its pull requests with the same github-token, ${ways}. (A plan without changes writes no comment; this one has changes.)`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
}

/** The comment on the pull request, written only when there is something to say (no noise). */
async function publishPlan(run: Run, pr: number): Promise<void> {
  const { inputs } = run;
  const summary = run.report.plan!;
  const octokit = await client(inputs['github-token']);
  const identity = await identify(octokit, 'plan comments');
  const body = planComment({ environment: inputs.environment, dir: run.envDir!, sha256: summary.sha256, view: summary.view, planText: summary.text, commit: run.git?.sha, runUrl: runUrl(process.env) });
  // a plan without changes updates the comment already there (so it stops showing old changes), and adds none unless asked
  const create = summary.view.changes || inputs['comment-on-no-changes'];
  const { written, foreign } = await upsertPlanComment(octokit, run.repo!, pr, identity, inputs.environment, run.envDir!, body, create);
  reportForeign(foreign, identity, 'comment', ` on pull request #${pr}`, 'the plan marker');
  if (!written) {
    info(`The plan has no changes and pull request #${pr} has no plan comment yet: none written (comment-on-no-changes: true writes one).`);
  } else {
    info(`${written.updated ? 'Updated' : 'Added'} the plan comment on pull request #${pr} (as ${login(identity.login)})${summary.view.changes ? '' : ': no changes'}`);
  }
  if (inputs['label-plan']) await labelPlan(run, octokit, pr, identity, summary.view.kind);
}

export const PLAN_LABELS: Record<PlanKind, LabelSpec> = {
  destroy: { name: 'plan:destroy', color: 'b60205', description: 'The Terraform plan destroys or replaces resources (shipkit deploy-stage)' },
  changes: { name: 'plan:changes', color: 'fbca04', description: 'The Terraform plan changes resources or outputs (shipkit deploy-stage)' },
  'no-changes': { name: 'plan:no-changes', color: '0e8a16', description: 'The Terraform plan changes nothing (shipkit deploy-stage)' },
};

/** The worst kind among this plan and the other environments' plan comments on the same pull request. */
export function worstKind(kinds: readonly PlanKind[]): PlanKind {
  return kinds.includes('destroy') ? 'destroy' : kinds.includes('changes') ? 'changes' : 'no-changes';
}

/**
 * One `plan:*` label on the pull request, replacing the others. A pull request planned for several
 * environments (or folders) gets the worst of their plans: each run reads the kind recorded in the
 * token's own plan comments, so the stage plan cannot take away the label the prod plan set.
 */
async function labelPlan(run: Run, octokit: Awaited<ReturnType<typeof client>>, pr: number, identity: Identity, kind: PlanKind): Promise<void> {
  const recorded = await planKinds(octokit, run.repo!, pr, identity);
  for (const c of recorded.edited) info(`Ignored the plan kind of comment ${c.id} on pull request #${pr}: it was last edited by ${login(c.author)}, not by ${login(identity.login)}.`);
  const kinds = [kind, ...recorded.kinds];
  const label = PLAN_LABELS[worstKind(kinds)];
  await ensureLabel(octokit, run.repo!, label);
  const family = Object.values(PLAN_LABELS).map((l) => l.name);
  const { added, removed } = await replaceLabels(octokit, run.repo!, pr, family, [label.name]);
  const change = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join(', ');
  info(`Pull request #${pr} is labelled ${label.name}${change ? ` (${change})` : ' (already)'}.`);
}

/** Who github-token is, said once in the log with what that identity is trusted for. */
export async function identify(octokit: Awaited<ReturnType<typeof client>>, trusted: string): Promise<Identity> {
  const identity = await tokenIdentity(octokit);
  info(`github-token is ${login(identity.login)} (${identity.via}): only its ${trusted} are trusted.`);
  return identity;
}

/** Says in the log which comments or issues carried the kit's marker but were not trusted. */
export function reportForeign(foreign: Foreign[], identity: Identity, noun: 'comment' | 'issue', where: string, markerName: string): void {
  for (const f of foreign) {
    const id = noun === 'issue' ? `#${f.id}` : String(f.id);
    info(`Ignored ${noun} ${id} by ${login(f.author)}${where}: it carries ${markerName}, but only ${noun}s by ${login(identity.login)} (who github-token is) are trusted.`);
  }
}

/** A GitHub login as it reads in the log: bare when it has the shape GitHub allows, quoted otherwise. */
export function login(name: string): string {
  return /^[A-Za-z0-9-]+(\[bot\])?$/.test(name) ? name : forLog(name);
}

/** A repository's owner/name as GitHub allows it, plain; anything else quoted and escaped. */
function repoName(name: string): string {
  return /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(name) ? name : forLog(name);
}
