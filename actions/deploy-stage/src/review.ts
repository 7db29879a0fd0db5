import { forLog, info } from '../../../lib/log.js';
import { planComment } from './comments.js';
import { StageFailure } from './failure.js';
import { client, reviewedPlanHash, tokenIdentity, upsertPlanComment, type Foreign, type Identity } from './github.js';
import type { Run } from './run.js';

/**
 * The review stage. On a pull request's plan: the plan comment that reviewers read (one per
 * environment and folder, updated in place). On apply: the plan must be the reviewed one, the hash
 * from plan-sha256 or from the plan comment of the merged pull request; only comments written by
 * the token's own identity count, since anyone who can comment could post a marker.
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
  if (!expected) {
    const octokit = await client(inputs['github-token']);
    const identity = await identify(octokit);
    const found = await reviewedPlanHash(octokit, run.repo!, git!.sha, identity, inputs.environment, run.envDir!);
    reportForeign(found.foreign, found.pr, identity);
    if (!found.hash) {
      throw new StageFailure(
        'plan-changed',
        found.pr
          ? `Pull request #${found.pr} has no plan comment by ${identity.login} for ${inputs.environment} (${run.envDir}), so there is no reviewed plan to apply. Run command: plan on its pull requests with the same github-token, pass plan-sha256, or set auto-approve: true.`
          : `No merged pull request brought ${git!.sha.slice(0, 7)} here, so there is no reviewed plan to apply. Pass plan-sha256, or set auto-approve: true.`,
      );
    }
    expected = found.hash;
    from = `the plan comment on pull request #${found.pr}`;
  }
  run.report.reviewed = { hash: expected, from };
  if (expected !== summary.sha256) {
    throw new StageFailure('plan-changed', `The plan differs from the reviewed one (${from}): reviewed sha256 ${expected}, now ${summary.sha256}. Nothing was applied. Re-plan and review again.`);
  }
  info(`The plan matches the reviewed one (${from}).`);
}

async function publishPlan(run: Run, pr: number): Promise<void> {
  const { inputs } = run;
  const summary = run.report.plan!;
  const octokit = await client(inputs['github-token']);
  const identity = await identify(octokit);
  const env = process.env;
  const runUrl = env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const body = planComment({ ...summary, environment: inputs.environment, dir: run.envDir!, planText: summary.text, runUrl });
  const comment = await upsertPlanComment(octokit, run.repo!, pr, identity, inputs.environment, run.envDir!, body);
  reportForeign(comment.foreign, pr, identity);
  info(`${comment.updated ? 'Updated' : 'Added'} the plan comment on pull request #${pr} (as ${login(identity.login)})`);
}

async function identify(octokit: Awaited<ReturnType<typeof client>>): Promise<Identity> {
  const identity = await tokenIdentity(octokit);
  info(`github-token is ${login(identity.login)} (${identity.via}): only its plan comments are trusted.`);
  return identity;
}

function reportForeign(foreign: Foreign[], pr: number | undefined, identity: Identity): void {
  for (const f of foreign) {
    info(
      `Ignored comment ${f.id} by ${login(f.author)} on pull request #${pr}: it carries the plan marker, but only comments by ${login(identity.login)} (who github-token is) are trusted.`,
    );
  }
}

/** A GitHub login as it reads in the log: bare when it has the shape GitHub allows, quoted otherwise. */
function login(name: string): string {
  return /^[A-Za-z0-9-]+(\[bot\])?$/.test(name) ? name : forLog(name);
}
