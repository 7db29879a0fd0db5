import { ToolError, UsageError } from '../../../lib/errors.js';
import { octokit, type Octokit } from '../../../lib/github.js';
import { findPlanHash, marker } from './comments.js';

/** The few GitHub REST and GraphQL calls deploy-stage makes, through Octokit (loaded only when needed). */

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

/** Who the token is: the only author whose plan comments are trusted. */
export interface Identity {
  login: string;
  /** How it was learned, for the log. */
  via: 'GET /user' | 'GraphQL viewer';
}

/**
 * The token's own login, asked once per run. A personal access token answers `GET /user`; an
 * installation token (the workflow's GITHUB_TOKEN, a GitHub App's) gets 403 "Resource not
 * accessible by integration" there, and GraphQL's `viewer` names its bot (`github-actions[bot]`,
 * or `<app-slug>[bot]`), the author GitHub shows on the comments it writes.
 */
export async function tokenIdentity(octokit: Octokit): Promise<Identity> {
  let restError: unknown;
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (data.login) return { login: data.login, via: 'GET /user' };
  } catch (error: unknown) {
    restError = error;
  }
  try {
    const data = await octokit.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }');
    if (data.viewer?.login) return { login: data.viewer.login, via: 'GraphQL viewer' };
  } catch {
    // reported below with the REST answer, which says more
  }
  const status = (restError as { status?: number } | undefined)?.status;
  throw new ToolError(
    `Could not find out whose token github-token is (GET /user answered ${status ?? 'nothing'}, GraphQL viewer answered nothing): plan comments are trusted only when written by the token's own identity, so there is no way to tell them apart. Check that the token is valid.`,
  );
}

interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string } | null;
}

/** A comment that carries the plan marker but was written by someone else: never edited, never trusted. */
export interface Foreign {
  id: number;
  author: string;
}

async function markedComments(octokit: Octokit, repo: Repo, pr: number, tag: string, identity: Identity): Promise<{ own: IssueComment[]; foreign: Foreign[] }> {
  const comments = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 })) as IssueComment[];
  const marked = comments.filter((c) => c.body?.includes(tag));
  return {
    own: marked.filter((c) => c.user?.login === identity.login),
    foreign: marked.filter((c) => c.user?.login !== identity.login).map((c) => ({ id: c.id, author: c.user?.login ?? '(unknown)' })),
  };
}

/** Creates the plan comment, or updates the token's own one that carries this environment's marker. */
export async function upsertPlanComment(
  octokit: Octokit,
  repo: Repo,
  pr: number,
  identity: Identity,
  environment: string,
  dir: string,
  body: string,
): Promise<{ id: number; updated: boolean; foreign: Foreign[] }> {
  const { own, foreign } = await markedComments(octokit, repo, pr, marker(environment, dir), identity);
  const existing = own[own.length - 1];
  if (existing) {
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { id: existing.id, updated: true, foreign };
  }
  const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body });
  return { id: created.data.id, updated: false, foreign };
}

/**
 * The plan hash reviewed on the pull request that brought `sha` to the branch: the merged PR of
 * the commit, then the newest plan comment for this environment and folder by the token's identity.
 */
export async function reviewedPlanHash(
  octokit: Octokit,
  repo: Repo,
  sha: string,
  identity: Identity,
  environment: string,
  dir: string,
): Promise<{ hash?: string; pr?: number; foreign: Foreign[] }> {
  const pulls = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
  const merged = pulls.data.filter((p) => p.merged_at);
  const pr = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
  if (!pr) return { foreign: [] };
  const { own, foreign } = await markedComments(octokit, repo, pr.number, marker(environment, dir), identity);
  const newest = own[own.length - 1];
  return { hash: newest?.body ? findPlanHash(newest.body) : undefined, pr: pr.number, foreign };
}
