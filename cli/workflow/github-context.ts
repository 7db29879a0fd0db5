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

/** The `github` context of a local run and the GITHUB_* variables every step gets, from local git. */
export function githubContext(local: LocalGit, options: GitHubOptions): GitHubContext {
  const event = eventOf(local, options);
  const context = contextOf(local, options, event);
  return { context, env: envOf(context) };
}

interface EventOf {
  payload: Record<string, unknown>;
  ref: string;
  headRef: string;
  baseRef: string;
}

/** The event payload GitHub would send for the chosen event, and the refs that go with it. */
function eventOf(local: LocalGit, options: GitHubOptions): EventOf {
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
  const branch = local.branch ?? local.defaultBranch;
  const onBranch = `refs/heads/${branch}`;
  switch (options.event) {
    case 'pull_request': {
      const number = options.pullRequest;
      const pullRequest = {
        ...(number ? { number, html_url: `${options.serverUrl}/${full}/pull/${number}` } : {}),
        title: local.subject,
        user: sender,
        head: { ref: branch, sha: local.sha, repo: repository },
        base: { ref: local.defaultBranch, repo: repository },
      };
      const payload = { action: 'synchronize', ...(number ? { number } : {}), pull_request: pullRequest, repository, sender };
      return { payload, ref: `refs/pull/${number ?? 0}/merge`, headRef: branch, baseRef: local.defaultBranch };
    }
    case 'push': {
      const headCommit = { id: local.sha, message: local.subject, timestamp: local.timestamp, author: { name: local.authorName, email: local.authorEmail } };
      const payload = { ref: onBranch, before: '0'.repeat(40), after: local.sha, head_commit: headCommit, pusher: { name: local.actor }, repository, sender };
      return { payload, ref: onBranch, headRef: '', baseRef: '' };
    }
    case 'schedule':
      return { payload: { schedule: options.cron ?? '', repository }, ref: `refs/heads/${local.defaultBranch}`, headRef: '', baseRef: '' };
    default:
      return { payload: { ref: onBranch, inputs: {}, repository, sender }, ref: onBranch, headRef: '', baseRef: '' };
  }
}

function contextOf(local: LocalGit, options: GitHubOptions, event: EventOf): Record<string, unknown> {
  const full = `${local.owner}/${local.name}`;
  const refName = event.ref.startsWith('refs/pull/') ? `${options.pullRequest ?? 0}/merge` : event.ref.replace(/^refs\/(heads|tags)\//, '');
  return {
    event_name: options.event,
    event: event.payload,
    ref: event.ref,
    ref_name: refName,
    ref_type: 'branch',
    sha: local.sha,
    head_ref: event.headRef,
    base_ref: event.baseRef,
    repository: full,
    repository_owner: local.owner,
    repositoryUrl: `git://${options.serverUrl.replace(/^https?:\/\//, '')}/${full}.git`,
    workspace: options.workspace,
    server_url: options.serverUrl,
    api_url: options.apiUrl,
    graphql_url: options.apiUrl.replace(/\/v3\/?$/, '/graphql').replace(/^https:\/\/api\.github\.com\/?$/, 'https://api.github.com/graphql'),
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
}

/** The context values the runner also exports as GITHUB_<NAME>. */
const EXPORTED = [
  'event_name', 'sha', 'ref', 'ref_name', 'ref_type', 'head_ref', 'base_ref', 'repository', 'repository_owner', 'server_url',
  'api_url', 'graphql_url', 'run_id', 'run_number', 'run_attempt', 'actor', 'triggering_actor', 'workflow', 'workspace',
] as const;

function envOf(context: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = { GITHUB_ACTIONS: 'true', CI: 'true' };
  for (const key of EXPORTED) {
    const value = context[key];
    env[`GITHUB_${key.toUpperCase()}`] = typeof value === 'string' ? value : '';
  }
  return {
    ...env,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_NAME: 'shipkit-local',
    RUNNER_ENVIRONMENT: 'self-hosted',
  };
}
