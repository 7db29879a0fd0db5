import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';

/**
 * The `github` context and the event payload of a local run, made from the local git repository
 * the way GitHub would make them for the chosen event: the commit is HEAD, the default branch is
 * origin's HEAD (else main or master), the repository is origin's owner/name.
 */

export const EVENTS = ['push', 'pull_request', 'schedule', 'workflow_dispatch'] as const;
export type EventName = (typeof EVENTS)[number];

export interface LocalGit {
  sha: string;
  /** Current branch; undefined on a detached HEAD. */
  branch?: string;
  defaultBranch: string;
  owner: string;
  name: string;
  actor: string;
  subject: string;
  authorName: string;
  authorEmail: string;
  timestamp: string;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** owner/name from a GitHub-shaped remote URL (https, ssh or scp form). */
export function repositoryFromRemote(url: string | undefined): { owner: string; name: string } | undefined {
  const m = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url ?? '');
  return m ? { owner: m[1]!, name: m[2]! } : undefined;
}

export function readLocalGit(repo: string, env: NodeJS.ProcessEnv = process.env): LocalGit {
  const branch = git(repo, ['symbolic-ref', '-q', '--short', 'HEAD']);
  const remoteHead = git(repo, ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'])?.replace(/^origin\//, '');
  const exists = (b: string) => git(repo, ['rev-parse', '-q', '--verify', `refs/heads/${b}`]) !== undefined;
  const defaultBranch = remoteHead ?? ['main', 'master'].find(exists) ?? branch ?? 'main';
  const fromEnv = env.GITHUB_REPOSITORY?.includes('/') ? { owner: env.GITHUB_REPOSITORY.split('/')[0]!, name: env.GITHUB_REPOSITORY.split('/')[1]! } : undefined;
  const repository = fromEnv ?? repositoryFromRemote(git(repo, ['remote', 'get-url', 'origin'])) ?? { owner: 'local', name: basename(repo) };
  const log = git(repo, ['log', '-1', '--format=%H%x00%s%x00%an%x00%ae%x00%cI'])?.split('\0') ?? [];
  return {
    sha: log[0] ?? '0'.repeat(40),
    branch,
    defaultBranch,
    ...repository,
    actor: env.GITHUB_ACTOR ?? git(repo, ['config', 'user.name']) ?? env.USER ?? 'local',
    subject: log[1] ?? '',
    authorName: log[2] ?? '',
    authorEmail: log[3] ?? '',
    timestamp: log[4] ?? new Date().toISOString(),
  };
}

export interface GitHubOptions {
  event: EventName;
  workspace: string;
  /** The pull request's number on a pull_request run (none unless given: a local branch has no PR). */
  pullRequest?: number;
  /** The workflow's first cron, for a schedule run. */
  cron?: string;
  workflow: string;
  token: string;
  serverUrl: string;
  apiUrl: string;
}

export interface GitHubContext {
  context: Record<string, unknown>;
  /** GITHUB_* variables every step gets. */
  env: Record<string, string>;
}

export function githubContext(local: LocalGit, options: GitHubOptions): GitHubContext {
  const full = `${local.owner}/${local.name}`;
  const repository = {
    name: local.name,
    full_name: full,
    owner: { login: local.owner },
    default_branch: local.defaultBranch,
    html_url: `${options.serverUrl}/${full}`,
    clone_url: `${options.serverUrl}/${full}.git`,
  };
  const sender = { login: local.actor };
  const headCommit = {
    id: local.sha,
    message: local.subject,
    timestamp: local.timestamp,
    author: { name: local.authorName, email: local.authorEmail },
  };
  const branch = local.branch ?? local.defaultBranch;
  let ref = `refs/heads/${branch}`;
  let payload: Record<string, unknown>;
  let headRef = '';
  let baseRef = '';
  switch (options.event) {
    case 'pull_request': {
      const number = options.pullRequest;
      ref = `refs/pull/${number ?? 0}/merge`;
      headRef = branch;
      baseRef = local.defaultBranch;
      payload = {
        action: 'synchronize',
        ...(number ? { number } : {}),
        pull_request: {
          ...(number ? { number, html_url: `${options.serverUrl}/${full}/pull/${number}` } : {}),
          title: local.subject,
          user: sender,
          head: { ref: headRef, sha: local.sha, repo: repository },
          base: { ref: baseRef, repo: repository },
        },
        repository,
        sender,
      };
      break;
    }
    case 'push':
      payload = { ref, before: '0'.repeat(40), after: local.sha, head_commit: headCommit, pusher: { name: local.actor }, repository, sender };
      break;
    case 'schedule':
      ref = `refs/heads/${local.defaultBranch}`;
      payload = { schedule: options.cron ?? '', repository };
      break;
    default:
      payload = { ref, inputs: {}, repository, sender };
  }
  const refName = ref.startsWith('refs/pull/') ? `${options.pullRequest ?? 0}/merge` : ref.replace(/^refs\/(heads|tags)\//, '');
  const graphqlUrl = options.apiUrl.replace(/\/v3\/?$/, '/graphql').replace(/^https:\/\/api\.github\.com\/?$/, 'https://api.github.com/graphql');
  const context: Record<string, unknown> = {
    event_name: options.event,
    event: payload,
    ref,
    ref_name: refName,
    ref_type: 'branch',
    sha: local.sha,
    head_ref: headRef,
    base_ref: baseRef,
    repository: full,
    repository_owner: local.owner,
    repositoryUrl: `git://${options.serverUrl.replace(/^https?:\/\//, '')}/${full}.git`,
    workspace: options.workspace,
    server_url: options.serverUrl,
    api_url: options.apiUrl,
    graphql_url: graphqlUrl,
    // A local run has no run on GitHub: 0 tells the actions not to look one up.
    run_id: '0',
    run_number: '1',
    run_attempt: '1',
    retention_days: '0',
    actor: local.actor,
    triggering_actor: local.actor,
    workflow: options.workflow,
    token: options.token,
    action: '',
    job: '',
  };
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_SHA: local.sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: 'branch',
    GITHUB_HEAD_REF: headRef,
    GITHUB_BASE_REF: baseRef,
    GITHUB_REPOSITORY: full,
    GITHUB_REPOSITORY_OWNER: local.owner,
    GITHUB_SERVER_URL: options.serverUrl,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: graphqlUrl,
    GITHUB_RUN_ID: '0',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: local.actor,
    GITHUB_TRIGGERING_ACTOR: local.actor,
    GITHUB_WORKFLOW: options.workflow,
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_NAME: 'shipkit-local',
    RUNNER_ENVIRONMENT: 'self-hosted',
  };
  return { context, env };
}
