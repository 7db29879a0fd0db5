import type { Http, Retry } from './http.js';

/**
 * Octokit (@actions/github) whose every call goes through the kit's HTTP layer: the same retries,
 * timeouts and deadline as downloads, and the token sent only under the API base. Octokit and the
 * layer are loaded on the first call, so a step that never talks to GitHub does not pay for them.
 */

export type Octokit = ReturnType<typeof import('@actions/github').getOctokit>;

export interface GitHubOptions {
  /** The REST API base; the runner's GITHUB_API_URL by default (GitHub Enterprise Server sets it). */
  apiUrl?: string;
  retryDelays?: readonly number[];
  log?: (line: string) => void;
}

export function apiUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

export async function octokit(token: string, options: GitHubOptions = {}): Promise<Octokit> {
  const [{ getOctokit }, { Http }] = await Promise.all([import('@actions/github'), import('./http.js')]);
  const apiUrl = (options.apiUrl || apiUrlFromEnv()).replace(/\/+$/, '');
  const http = new Http({ retryDelays: options.retryDelays, log: options.log, hint: 'GitHub or the network is having trouble: re-run the job.' });
  return getOctokit(token, { baseUrl: apiUrl, request: { fetch: fetchThrough(http, apiUrl) } });
}

/**
 * A `fetch` for Octokit on the kit's layer. Octokit puts its token in every request's headers; it
 * is kept only for URLs under the API base (a pagination link or redirect elsewhere goes without).
 *
 * Retries by method: GETs, and the PUT/PATCH/DELETE calls the kit makes (updating a comment with
 * the same body, ...), are idempotent and retried on any transient failure. A POST creates
 * something (a PR comment): sent again only when GitHub surely did not act on it (no connection,
 * or a rate limit: 429, or the secondary limit's 403 with Retry-After), since a second one after a
 * 502 could post the comment twice.
 */
export function fetchThrough(http: Http, apiUrl: string): typeof fetch {
  const scope = new URL(apiUrl);
  const prefix = scope.pathname.replace(/\/+$/, '');
  const underApi = (url: URL) => url.origin === scope.origin && (!prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  return async (input, init = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [name, value] of new Headers(init.headers).entries()) {
      if (name !== 'authorization' || underApi(url)) headers[name] = value;
    }
    const body = init.body;
    if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      throw new TypeError('the kit sends GitHub only string or byte bodies');
    }
    const retry: Retry = method === 'POST' ? 'unsent' : 'transient';
    const response = await http.request({ method, url: url.href, headers, body: body ?? undefined, retry });
    // A null-body status may not carry a body in a Response.
    const empty = [101, 204, 205, 304].includes(response.status);
    const answer = new Response(empty ? null : response.body, { status: response.status, headers: toHeaders(response.headers) });
    Object.defineProperty(answer, 'url', { value: response.url });
    return answer;
  };
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}
