import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What the workflow run is about, from the runner's GITHUB_* variables and event payload; on a
 * laptop (no GITHUB_SHA), from the checkout's own git state.
 */
export interface GitContext {
  eventName: string;
  /** Full ref: refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge. */
  ref: string;
  /** The commit images are made from: on pull_request the PR's head, not the merge commit. */
  sha: string;
  branch?: string;
  tag?: string;
  prNumber?: number;
  defaultBranch?: string;
  /** https://github.com/owner/repo, when known. */
  repositoryUrl?: string;
}

interface EventPayload {
  pull_request?: { number?: number; head?: { sha?: string; ref?: string } };
  repository?: { default_branch?: string; html_url?: string };
}

/** The one answer to "is this run about a pull request": its code is not reviewed yet. */
export function isPullRequest(eventName: string | undefined): boolean {
  return eventName === 'pull_request' || eventName === 'pull_request_target';
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function readGitContext(env: NodeJS.ProcessEnv = process.env, workspace = env.GITHUB_WORKSPACE ?? process.cwd()): GitContext {
  let event: EventPayload = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload;
    } catch {
      event = {};
    }
  }
  const eventName = env.GITHUB_EVENT_NAME ?? 'workflow_dispatch';
  const onGitHub = Boolean(env.GITHUB_SHA);
  const ref = env.GITHUB_REF ?? (onGitHub ? '' : localRef(workspace));
  const isPr = isPullRequest(eventName);
  const sha = (isPr ? event.pull_request?.head?.sha : undefined) ?? env.GITHUB_SHA ?? git(workspace, ['rev-parse', 'HEAD']) ?? '';
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    eventName,
    ref,
    sha,
    branch: isPr ? event.pull_request?.head?.ref ?? env.GITHUB_HEAD_REF : ref.startsWith('refs/heads/') ? ref.slice(11) : undefined,
    tag: ref.startsWith('refs/tags/') ? ref.slice(10) : undefined,
    prNumber: isPr ? event.pull_request?.number : undefined,
    defaultBranch: event.repository?.default_branch ?? (onGitHub ? undefined : localDefaultBranch(workspace)),
    repositoryUrl: event.repository?.html_url ?? (env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined),
  };
}

function localRef(workspace: string): string {
  const branch = git(workspace, ['symbolic-ref', '-q', 'HEAD']);
  return branch ?? '';
}

function localDefaultBranch(workspace: string): string | undefined {
  const remoteHead = git(workspace, ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD']);
  return remoteHead?.replace(/^origin\//, '');
}
