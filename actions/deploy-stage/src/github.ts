import { ToolError, UsageError } from '../../../lib/errors.js';
import { octokit, type Octokit } from '../../../lib/github.js';
import { findPlanHash, findPlanKind, MARKER_PREFIX, marker } from './comments.js';
import type { PlanKind } from './planjson.js';

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

/** A comment or issue that carries the kit's marker but was written by someone else: never edited, never trusted. */
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

/** The token's own plan comment for this environment and folder (the newest), and the foreign ones. */
export async function findPlanComment(
  octokit: Octokit,
  repo: Repo,
  pr: number,
  identity: Identity,
  environment: string,
  dir: string,
): Promise<{ existing?: { id: number }; foreign: Foreign[] }> {
  const { own, foreign } = await markedComments(octokit, repo, pr, marker(environment, dir), identity);
  const newest = own[own.length - 1];
  return { existing: newest ? { id: newest.id } : undefined, foreign };
}

/** Updates the comment found by findPlanComment, or creates one. */
export async function writePlanComment(octokit: Octokit, repo: Repo, pr: number, existing: { id: number } | undefined, body: string): Promise<{ id: number; updated: boolean }> {
  if (existing) {
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { id: existing.id, updated: true };
  }
  const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body });
  return { id: created.data.id, updated: false };
}

/** The kinds recorded in the token's own plan comments on a pull request, every environment and folder. */
export async function planKinds(octokit: Octokit, repo: Repo, pr: number, identity: Identity): Promise<PlanKind[]> {
  const { own } = await markedComments(octokit, repo, pr, MARKER_PREFIX, identity);
  return own.map((c) => findPlanKind(c.body ?? '')).filter((k): k is PlanKind => Boolean(k));
}

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** Creates a repository label when it is missing; a concurrent job creating it first is fine. */
export async function ensureLabel(octokit: Octokit, repo: Repo, label: LabelSpec): Promise<void> {
  try {
    await octokit.rest.issues.getLabel({ ...repo, name: label.name });
    return;
  } catch (error: unknown) {
    if (statusOf(error) !== 404) throw error;
  }
  try {
    await octokit.rest.issues.createLabel({ ...repo, ...label });
  } catch (error: unknown) {
    if (statusOf(error) !== 422) throw error; // already_exists: another job made it
  }
}

/**
 * Gives an issue or pull request exactly `wanted` out of the labels of `family`: the others of the
 * family are removed, every other label is left alone.
 */
export async function replaceLabels(octokit: Octokit, repo: Repo, issue: number, family: readonly string[], wanted: string[]): Promise<{ added: string[]; removed: string[] }> {
  const current = (await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { ...repo, issue_number: issue, per_page: 100 })) as { name: string }[];
  const names = current.map((l) => l.name);
  const removed = names.filter((n) => family.includes(n) && !wanted.includes(n));
  for (const name of removed) {
    try {
      await octokit.rest.issues.removeLabel({ ...repo, issue_number: issue, name });
    } catch (error: unknown) {
      if (statusOf(error) !== 404) throw error; // removed meanwhile
    }
  }
  const added = wanted.filter((n) => !names.includes(n));
  if (added.length) await octokit.rest.issues.addLabels({ ...repo, issue_number: issue, labels: added });
  return { added, removed };
}

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number } | undefined)?.status;
}

export interface TrackedIssue {
  number: number;
  body: string;
}

interface RawIssue {
  number: number;
  body?: string | null;
  user?: { login?: string } | null;
  pull_request?: unknown;
}

/**
 * Open issues labelled `label` that carry `tag`: the token's own (oldest first), and the foreign
 * ones, which are never edited or closed (anyone who can open an issue could forge the marker).
 */
export async function markedIssues(octokit: Octokit, repo: Repo, label: string, tag: string, identity: Identity): Promise<{ own: TrackedIssue[]; foreign: Foreign[] }> {
  const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'open', labels: label, per_page: 100 })) as RawIssue[];
  const marked = issues.filter((i) => !i.pull_request && i.body?.includes(tag)).sort((a, b) => a.number - b.number);
  return {
    own: marked.filter((i) => i.user?.login === identity.login).map((i) => ({ number: i.number, body: i.body ?? '' })),
    foreign: marked.filter((i) => i.user?.login !== identity.login).map((i) => ({ id: i.number, author: i.user?.login ?? '(unknown)' })),
  };
}

export async function openIssue(octokit: Octokit, repo: Repo, title: string, body: string, labels: string[]): Promise<TrackedIssue> {
  const { data } = await octokit.rest.issues.create({ ...repo, title, body, labels });
  return { number: data.number, body };
}

export async function updateIssue(octokit: Octokit, repo: Repo, issue: number, body: string): Promise<void> {
  await octokit.rest.issues.update({ ...repo, issue_number: issue, body });
}

export async function commentOnIssue(octokit: Octokit, repo: Repo, issue: number, body: string): Promise<void> {
  await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
}

export async function closeIssue(octokit: Octokit, repo: Repo, issue: number): Promise<void> {
  await octokit.rest.issues.update({ ...repo, issue_number: issue, state: 'closed', state_reason: 'completed' });
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
