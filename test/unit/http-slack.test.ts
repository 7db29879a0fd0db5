import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { postToSlack } from '../../actions/notify/src/slack.js';
import { closedPort, rejection, TestServer } from '../support/http-server.js';

// notify's Slack transport on the kit's HTTP layer: a message is posted once (never twice after a
// 5xx), a rate limit is waited out, and no error carries the webhook URL or the token.

const slack = new TestServer();
const elsewhere = new TestServer();
const lines: string[] = [];
const options = { retryDelays: [10, 10], log: (l: string) => lines.push(l) };
const hook = () => `${slack.url}/services/T000/B000/SECRETHOOK`;

beforeAll(async () => {
  await slack.start();
  await elsewhere.start();
});
afterAll(async () => {
  await slack.close();
  await elsewhere.close();
});
afterEach(() => {
  slack.seen = [];
  elsewhere.seen = [];
  lines.length = 0;
});

describe('Slack through the HTTP layer', () => {
  test('a 500 is not posted again (Slack may have posted it); the error names no URL', async () => {
    slack.handler = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal_error');
    };
    const error = await rejection(postToSlack({ webhook: hook() }, 'Passed: main', '#2eb886', options));
    expect(error.message).toBe('The Slack webhook answered HTTP 500 (internal_error).');
    expect(slack.seen).toHaveLength(1);
  });

  test('a 429 is waited out (Retry-After) and the message is posted once', async () => {
    slack.handler = (_req, res, _seen, i) => {
      res.writeHead(i === 0 ? 429 : 200, i === 0 ? { 'retry-after': '1' } : {});
      res.end(i === 0 ? 'rate_limited' : 'ok');
    };
    await postToSlack({ webhook: hook() }, 'Fixed: main', '#2eb886', options);
    expect(slack.seen.map((s) => (JSON.parse(s.body) as { text: string }).text)).toEqual(['Fixed: main', 'Fixed: main']);
    expect(lines).toEqual([expect.stringMatching(/^POST the Slack webhook: HTTP 429; retrying in 1000 ms/)]);
    expect(lines.join('\n')).not.toContain('SECRETHOOK');
  });

  test('an unreachable webhook fails without its URL in the message', async () => {
    const url = `${await closedPort()}/services/T000/B000/SECRETHOOK`;
    const error = await rejection(postToSlack({ webhook: url }, 'Broken: main', '#a30200', options));
    expect(error.message).toMatch(/^POST the Slack webhook failed 3 times; last: cannot connect \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)\. Slack or the network is having trouble\.$/);
    expect(error.message + lines.join('\n')).not.toContain('SECRETHOOK');
  });

  test('chat.postMessage sends the token to the API only, not along a redirect elsewhere', async () => {
    slack.handler = (_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/api/chat.postMessage` });
      res.end();
    };
    elsewhere.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":false,"error":"not_authed"}');
    };
    const target = { token: 'xoxb-SECRET-TOKEN', channel: '#deploys', apiUrl: `${slack.url}/api/` };
    await expect(postToSlack(target, 'Passed', '#2eb886', options)).rejects.toThrow("Slack's chat.postMessage to #deploys failed: HTTP 200, not_authed.");
    expect(slack.seen[0]).toMatchObject({ path: '/api/chat.postMessage', headers: { authorization: 'Bearer xoxb-SECRET-TOKEN' } });
    expect(elsewhere.seen[0]!.headers.authorization).toBeUndefined();
    expect((JSON.parse(elsewhere.seen[0]!.body) as { channel: string }).channel).toBe('#deploys');
  });
});
