import { ToolError, UsageError } from '../../../lib/errors.js';
import { octokit, type Octokit } from '../../../lib/github.js';
import { findPlanHash, findPlanKind, marker, planMarker } from './comments.js';
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
  node_id?: string;
  body?: string;
  user?: { login?: string } | null;
}

/** A comment or issue that carries the kit's marker but was written by someone else: never edited, never trusted. */
export interface Foreign {
  id: number;
  author: string;
}

/**
 * The plan comments of a pull request (a plan comment's first line is its marker: `matches` says
 * which markers count), split by author: the token's own, and the foreign ones.
 */
async function planComments(octokit: Octokit, repo: Repo, pr: number, matches: (marker: string) => boolean, identity: Identity): Promise<{ own: IssueComment[]; foreign: Foreign[] }> {
  const comments = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 })) as IssueComment[];
  const marked = comments.filter((c) => {
    const found = planMarker(c.body ?? '');
    return found !== undefined && matches(found);
  });
  return {
    own: marked.filter((c) => c.user?.login === identity.login),
    foreign: marked.filter((c) => c.user?.login !== identity.login).map((c) => ({ id: c.id, author: c.user?.login ?? '(unknown)' })),
  };
}

/** GraphQL's actor, spelled as REST spells logins: a bot is `name[bot]` there, `name` (typename Bot) in GraphQL. */
interface Actor {
  __typename?: string;
  login?: string;
}

export function restLogin(actor: Actor | null | undefined): string | undefined {
  if (!actor?.login) return undefined;
  return actor.__typename === 'Bot' && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login;
}

interface Edit {
  editedAt?: string | null;
  editor?: Actor | null;
}

interface CommentNode {
  databaseId?: number;
  author?: Actor | null;
  editor?: Actor | null;
  lastEditedAt?: string | null;
  head?: { nodes?: (Edit | null)[] | null } | null;
  tail?: { nodes?: (Edit | null)[] | null } | null;
}

// The edit history from both ends: the newest edit is at one of them, whichever order GitHub lists it in.
const WRITERS_QUERY = `query($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on IssueComment {
      databaseId
      author { __typename login }
      editor { __typename login }
      lastEditedAt
      head: userContentEdits(first: 20) { nodes { editedAt editor { __typename login } } }
      tail: userContentEdits(last: 20) { nodes { editedAt editor { __typename login } } }
    }
  }
}`;

/**
 * Who last wrote each comment's body (REST's `user` is only who created it): its author when it
 * was never edited, else its last editor. Anyone with write access can edit any comment, the bot's
 * included, and the kit's lines are hidden in the rendered comment; GraphQL keeps the editor
 * (`editor`, `lastEditedAt`, and the history in `userContentEdits`). A comment whose last writer
 * cannot be told is reported as written by nobody.
 */
export async function lastWriters(octokit: Octokit, comments: readonly IssueComment[]): Promise<Map<number, string | undefined>> {
  const writers = new Map<number, string | undefined>(comments.map((c) => [c.id, undefined]));
  const ids = comments.map((c) => c.node_id).filter((id): id is string => Boolean(id));
  for (let i = 0; i < ids.length; i += 100) {
    let data: { nodes?: (CommentNode | null)[] };
    try {
      data = await octokit.graphql<{ nodes?: (CommentNode | null)[] }>(WRITERS_QUERY, { ids: ids.slice(i, i + 100) });
    } catch (error: unknown) {
      throw new ToolError(
        `Could not ask GitHub (GraphQL) who last edited the plan comments: ${error instanceof Error ? error.message : String(error)}. A plan comment is trusted only when the token's identity wrote it last.`,
      );
    }
    for (const node of data.nodes ?? []) {
      if (node?.databaseId !== undefined && writers.has(node.databaseId)) writers.set(node.databaseId, lastWriter(node));
    }
  }
  return writers;
}

function lastWriter(node: CommentNode): string | undefined {
  if (!node.lastEditedAt) return restLogin(node.author);
  const edits = [...(node.head?.nodes ?? []), ...(node.tail?.nodes ?? [])].filter((e): e is Edit => Boolean(e?.editedAt));
  const newest = edits.sort((a, b) => Date.parse(b.editedAt!) - Date.parse(a.editedAt!))[0];
  const editor = restLogin(node.editor);
  // `editor` is who made the last edit; the history must agree when it has any
  if (!editor || (newest && restLogin(newest.editor) !== editor)) return undefined;
  return editor;
}

/**
 * The plan comment for this environment and folder, written: the token's own (the newest) is
 * updated in place, the whole body, so the token is its last writer again whoever edited it
 * meanwhile; else a new one is added, unless `create` is false. Foreign ones are never touched.
 */
export async function upsertPlanComment(
  octokit: Octokit,
  repo: Repo,
  pr: number,
  identity: Identity,
  environment: string,
  dir: string,
  body: string,
  create = true,
): Promise<{ written?: { id: number; updated: boolean }; foreign: Foreign[] }> {
  const wanted = marker(environment, dir);
  const { own, foreign } = await planComments(octokit, repo, pr, (m) => m === wanted, identity);
  const existing = own[own.length - 1];
  if (existing) {
    await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
    return { written: { id: existing.id, updated: true }, foreign };
  }
  if (!create) return { foreign };
  const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body });
  return { written: { id: created.data.id, updated: false }, foreign };
}

/**
 * The kinds recorded in the token's own plan comments on a pull request, every environment and
 * folder; a comment someone else edited last does not count (its kind line could say anything).
 */
export async function planKinds(octokit: Octokit, repo: Repo, pr: number, identity: Identity): Promise<{ kinds: PlanKind[]; edited: Foreign[] }> {
  const { own } = await planComments(octokit, repo, pr, () => true, identity);
  const writers = own.length ? await lastWriters(octokit, own) : new Map<number, string | undefined>();
  const trusted = own.filter((c) => writers.get(c.id) === identity.login);
  return {
    kinds: trusted.map((c) => findPlanKind(c.body ?? '')).filter((k): k is PlanKind => Boolean(k)),
    edited: own.filter((c) => writers.get(c.id) !== identity.login).map((c) => ({ id: c.id, author: writers.get(c.id) ?? '(unknown)' })),
  };
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

interface CommitPull {
  number: number;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  base?: { ref?: string; repo?: { full_name?: string } | null };
  head?: { repo?: { full_name?: string } | null };
}

export interface ReviewedPlan {
  hash?: string;
  pr?: number;
  foreign: Foreign[];
  /** The token's own plan comment, last edited by someone else (or by nobody GitHub can name): not trusted. */
  editedBy?: string;
  /** The pull request came from a fork (its head repository, when GitHub still knows it). */
  fork?: string;
  /** Merged pull requests of the commit that went into another branch: their plans were reviewed for that branch. */
  elsewhere: { number: number; base: string }[];
}

/** Of the merged pull requests of `sha`, the one that brought it to `branch`: the one it is the merge commit of, else the last merged. */
export function pullOf(pulls: readonly CommitPull[], sha: string, branch: string | undefined): { pr?: CommitPull; elsewhere: { number: number; base: string }[] } {
  const merged = pulls.filter((p) => p.merged_at);
  const into = branch ? merged.filter((p) => p.base?.ref === branch) : merged.filter((p) => p.merge_commit_sha === sha);
  const elsewhere = merged.filter((p) => !into.includes(p)).map((p) => ({ number: p.number, base: p.base?.ref ?? '?' }));
  const latest = [...into].sort((a, b) => Date.parse(b.merged_at!) - Date.parse(a.merged_at!))[0];
  return { pr: into.find((p) => p.merge_commit_sha === sha) ?? latest, elsewhere };
}

/**
 * The plan hash reviewed on the pull request that brought `sha` to `branch` (the branch being
 * applied: a pull request merged into another branch was reviewed for that one), from the newest
 * plan comment for this environment and folder that the token's identity wrote, and wrote last.
 * Without `branch` (a run on a tag), only the pull request whose merge commit `sha` is counts.
 */
export async function reviewedPlanHash(
  octokit: Octokit,
  repo: Repo,
  sha: string,
  identity: Identity,
  environment: string,
  dir: string,
  branch?: string,
): Promise<ReviewedPlan> {
  const pulls = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
  const { pr, elsewhere } = pullOf(pulls.data, sha, branch);
  if (!pr) return { foreign: [], elsewhere };
  const headRepo = pr.head?.repo?.full_name;
  const fork = headRepo && headRepo.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase() ? headRepo : undefined;
  const wanted = marker(environment, dir);
  const { own, foreign } = await planComments(octokit, repo, pr.number, (m) => m === wanted, identity);
  const newest = own[own.length - 1];
  const found: ReviewedPlan = { pr: pr.number, foreign, fork, elsewhere };
  if (!newest) return found;
  const writer = (await lastWriters(octokit, [newest])).get(newest.id);
  if (writer !== identity.login) return { ...found, editedBy: writer ?? '(someone GitHub does not name)' };
  return { ...found, hash: findPlanHash(newest.body ?? '') };
}
