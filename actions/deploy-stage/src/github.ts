import { UsageError } from '../../../lib/errors.js';
import { octokit, type Octokit } from '../../../lib/github.js';
import { findPlanHash, marker } from './comments.js';

/** The few GitHub REST calls deploy-stage makes, through Octokit (loaded only when needed). */

export interface Repo {
  owner: string;
  repo: string;
}

export function repoFromEnv(env: NodeJS.ProcessEnv = process.env): Repo {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new UsageError('GITHUB_REPOSITORY is not set: the plan comment and the reviewed-plan look-up need the repository (the runner sets it).');
  return { owner, repo };
}

export async function client(token: string): Promise<Octokit> {
  if (!token) {
    throw new UsageError('Input "github-token" is empty: the plan comment and the reviewed-plan look-up need it (the default `${{ github.token }}` works with `permissions: pull-requests: write`).');
  }
  return octokit(token);
}

/** Creates the plan comment, or updates the one that carries this environment's marker. */
export async function upsertPlanComment(octokit: Octokit, repo: Repo, pr: number, environment: string, dir: string, body: string): Promise<{ id: number; updated: boolean }> {
  const tag = marker(environment, dir);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 });
  const existing = comments.find((c) => c.body?.includes(tag));
  if (existing) {
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { id: existing.id, updated: true };
  }
  const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body });
  return { id: created.data.id, updated: false };
}

/**
 * The plan hash reviewed on the pull request that brought `sha` to the branch: the merged PR of
 * the commit, then its comment for this environment and folder.
 */
export async function reviewedPlanHash(octokit: Octokit, repo: Repo, sha: string, environment: string, dir: string): Promise<{ hash?: string; pr?: number }> {
  const pulls = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
  const merged = pulls.data.filter((p) => p.merged_at);
  const pr = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
  if (!pr) return {};
  const tag = marker(environment, dir);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr.number, per_page: 100 });
  const comment = comments.reverse().find((c) => c.body?.includes(tag));
  return { hash: comment?.body ? findPlanHash(comment.body) : undefined, pr: pr.number };
}
