import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { octokit } from '../../lib/github.js';
import { closedPort, rejection, TestServer } from '../support/http-server.js';

// Octokit (@actions/github) on the kit's HTTP layer, against a loopback stand-in for the few REST
// endpoints the kit calls: GITHUB_API_URL, the token rule, and retries decided per method.

const api = new TestServer();
const elsewhere = new TestServer();
const lines: string[] = [];
const options = { retryDelays: [10, 10], log: (l: string) => lines.push(l) };
const repo = { owner: 'vscoder', repo: 'microservices' };
const saved = process.env.GITHUB_API_URL;

const json = (res: import('node:http').ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(data));
};

beforeAll(async () => {
  await api.start();
  await elsewhere.start();
  process.env.GITHUB_API_URL = `${api.url}/api/v3`;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = saved;
  await api.close();
  await elsewhere.close();
});
afterEach(() => {
  api.seen = [];
  elsewhere.seen = [];
  lines.length = 0;
});

describe('Octokit through the HTTP layer', () => {
  test('uses GITHUB_API_URL and sends the token there, not to a page link on another host', async () => {
    api.handler = (_req, res) => json(res, 200, [{ id: 1, body: 'first page' }], { link: `<${elsewhere.url}/api/v3/repos/vscoder/microservices/issues/7/comments?page=2>; rel="next"` });
    elsewhere.handler = (_req, res) => json(res, 200, [{ id: 2, body: 'second page' }]);
    const client = await octokit('ghs_SECRET', options);
    const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: 7, per_page: 1 });
    expect(comments.map((c) => c.body)).toEqual(['first page', 'second page']);
    expect(api.seen.map((s) => [s.path, s.headers.authorization])).toEqual([['/api/v3/repos/vscoder/microservices/issues/7/comments?per_page=1', 'token ghs_SECRET']]);
    expect(elsewhere.seen).toHaveLength(1);
    expect(elsewhere.seen[0]!.headers.authorization).toBeUndefined();
  });

  test('a read is retried on a 502, with the log saying so', async () => {
    api.handler = (_req, res, _seen, i) => (i === 0 ? json(res, 502, { message: 'Server Error' }) : json(res, 200, { id: 5, workflow_id: 9 }));
    const client = await octokit('ghs_SECRET', options);
    const { data } = await client.rest.actions.getWorkflowRun({ ...repo, run_id: 5 });
    expect(data.workflow_id).toBe(9);
    expect(api.seen).toHaveLength(2);
    expect(lines).toEqual([expect.stringMatching(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/v3\/repos\/vscoder\/microservices\/actions\/runs\/5: HTTP 502; retrying/)]);
  });

  test('creating a comment is not sent again after a 502 (no duplicate comment), but is after a 429', async () => {
    api.handler = (_req, res) => json(res, 502, { message: 'Server Error' });
    const client = await octokit('ghs_SECRET', options);
    await expect(client.rest.issues.createComment({ ...repo, issue_number: 7, body: 'plan' })).rejects.toMatchObject({ status: 502 });
    expect(api.seen).toHaveLength(1);

    api.seen = [];
    api.handler = (_req, res, _seen, i) => (i === 0 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '1' }) : json(res, 201, { id: 11, body: 'plan' }));
    const { data } = await client.rest.issues.createComment({ ...repo, issue_number: 7, body: 'plan' });
    expect(data.id).toBe(11);
    expect(api.seen.map((s) => s.method)).toEqual(['POST', 'POST']);
  });

  // GitHub's secondary rate limit (content-creating requests come in bursts: a plan comment per
  // matrix job) refuses with 403 and Retry-After before doing anything; a 403 without it is a
  // permission problem ("Resource not accessible by integration") and final.
  test("a comment refused by GitHub's secondary rate limit is posted once the wait is over; a permission 403 is final", async () => {
    const secondary = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' };
    api.handler = (_req, res, _seen, i) => (i === 0 ? json(res, 403, secondary, { 'retry-after': '1' }) : json(res, 201, { id: 12, body: 'plan' }));
    const client = await octokit('ghs_SECRET', options);
    const { data } = await client.rest.issues.createComment({ ...repo, issue_number: 7, body: 'plan' });
    expect(data.id).toBe(12);
    expect(api.seen.map((s) => s.method)).toEqual(['POST', 'POST']);
    expect(lines).toEqual([expect.stringMatching(/: HTTP 403; retrying in \d+ ms \(1\/2\)$/)]);

    api.seen = [];
    api.handler = (_req, res) => json(res, 403, { message: 'Resource not accessible by integration' });
    await expect(client.rest.issues.createComment({ ...repo, issue_number: 7, body: 'plan' })).rejects.toMatchObject({ status: 403 });
    expect(api.seen).toHaveLength(1);
  });

  test('updating a comment (same body again) is retried on a 503', async () => {
    api.handler = (_req, res, _seen, i) => (i === 0 ? json(res, 503, { message: 'unavailable' }) : json(res, 200, { id: 11, body: 'new plan' }));
    const client = await octokit('ghs_SECRET', options);
    await client.rest.issues.updateComment({ ...repo, comment_id: 11, body: 'new plan' });
    expect(api.seen.map((s) => [s.method, (JSON.parse(s.body) as { body: string }).body])).toEqual([
      ['PATCH', 'new plan'],
      ['PATCH', 'new plan'],
    ]);
  });

  test('an unreachable API fails with the layer\'s message, and the token is not in it', async () => {
    const client = await octokit('ghs_SECRET', { ...options, apiUrl: `${await closedPort()}/api/v3` });
    const error = await rejection(client.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: 'abc' }));
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/api\/v3\/repos\/vscoder\/microservices\/commits\/abc\/pulls failed 3 times; last: cannot connect/);
    expect(error.message).not.toContain('ghs_SECRET');
  });
});
