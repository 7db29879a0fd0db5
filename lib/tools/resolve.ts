import semver from 'semver';
import { ToolError, UsageError } from '../errors.js';
import { HttpStatusError, type Fetcher } from '../http.js';
import type { ToolDescription } from './tools.js';
import { describeSpec, type GitHubApi, type VersionSpec } from './versions.js';

// Resolving `latest` or a range needs the network; this module is loaded only then.

/**
 * Turns `latest` or a range into one version, through HashiCorp's index.json or the GitHub
 * releases API. Exact versions never come here: pinned runs make no index or API call.
 */
export async function resolveVersion(
  tool: ToolDescription,
  spec: Exclude<VersionSpec, { kind: 'exact' }>,
  fetcher: Fetcher,
  github: GitHubApi,
): Promise<string> {
  const versions = await listVersions(tool, fetcher, github, spec.kind === 'latest');
  const picked =
    spec.kind === 'latest' ? semver.maxSatisfying(versions, '*') : semver.maxSatisfying(versions, spec.range);
  if (!picked) {
    const newest = semver.rsort([...versions]).slice(0, 5).join(', ');
    throw new UsageError(
      `Input "${tool.name}-version" is "${describeSpec(spec)}": no released ${tool.name} version matches it` +
        (newest ? ` (newest: ${newest}).` : '.'),
    );
  }
  return picked;
}

interface GitHubRelease {
  tag_name: string;
  draft: boolean;
  prerelease: boolean;
}

async function listVersions(tool: ToolDescription, fetcher: Fetcher, github: GitHubApi, latestOnly: boolean): Promise<string[]> {
  const source = tool.releases;
  if (source.kind === 'hashicorp') {
    const index = await fetcher.json<{ versions?: Record<string, unknown> }>(
      `https://releases.hashicorp.com/${source.product}/index.json`,
    );
    return Object.keys(index.versions ?? {}).filter((v) => semver.valid(v));
  }
  const api = github.url.replace(/\/+$/, '');
  const headers = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
  try {
    if (latestOnly) {
      const latest = await fetcher.json<GitHubRelease>(`${api}/repos/${source.repo}/releases/latest`, headers);
      const version = semver.valid(latest.tag_name.replace(/^v/, ''));
      return version ? [version] : [];
    }
    const versions: string[] = [];
    for (let page = 1; page <= 10; page++) {
      const releases = await fetcher.json<GitHubRelease[]>(
        `${api}/repos/${source.repo}/releases?per_page=100&page=${page}`,
        headers,
      );
      for (const r of releases) {
        const v = semver.valid(r.tag_name.replace(/^v/, ''));
        if (v && !r.draft) versions.push(v);
      }
      if (releases.length < 100) break;
    }
    return versions;
  } catch (error: unknown) {
    throw explainGitHubError(error, tool, github);
  }
}

function header(error: HttpStatusError, name: string): string | undefined {
  const value = error.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Rate limits get their own message: which limit, when it resets, and how to avoid it. */
export function explainGitHubError(error: unknown, tool: ToolDescription, github: GitHubApi): unknown {
  if (!(error instanceof HttpStatusError)) return error;
  const remaining = header(error, 'x-ratelimit-remaining');
  const secondary = /secondary rate limit/i.test(error.body);
  if ((error.status === 403 || error.status === 429) && (remaining === '0' || secondary)) {
    const limit = header(error, 'x-ratelimit-limit');
    const reset = Number(header(error, 'x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? ` It resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC.` : '';
    const which = secondary
      ? "GitHub's secondary (abuse) rate limit"
      : `GitHub's API rate limit of ${limit ?? '?'} requests per hour ${github.hasToken ? 'for this token' : 'for unauthenticated calls from this runner'}`;
    const fix = github.hasToken
      ? 'Wait for the reset, use a token with a larger allowance, or pin an exact version (pinned versions make no API call).'
      : 'Pass a token (the default `github-token: ${{ github.token }}` gives 1,000 requests per hour per repository), or pin an exact version (pinned versions make no API call).';
    return new ToolError(`Resolving ${tool.name}-version hit ${which}.${when} ${fix}`);
  }
  if (error.status === 401) {
    return new UsageError(
      `The GitHub API at ${github.url} refused "github-token" (401) while resolving ${tool.name}-version. On GitHub Enterprise Server, set github-api-url: https://api.github.com with a github.com token, or pin an exact version.`,
    );
  }
  if (error.status === 404) {
    return new ToolError(`The GitHub API has no releases at ${error.url} (404) while resolving ${tool.name}-version; check "github-api-url" and "mirrors".`);
  }
  return new ToolError(`${error.message} while resolving ${tool.name}-version.`);
}
