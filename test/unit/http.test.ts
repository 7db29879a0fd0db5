import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { allowedMs, DEADLINE, formatMs, Http, NetworkError, retryAfterMs, urlForMessage } from '../../lib/http.js';
import { listen, stop } from '../support/loopback.mjs';
import { closedPort, rejection, TestServer } from '../support/http-server.js';

// The layer itself, against real loopback servers: which requests are sent again, timeouts, body
// limits, redirects and where credentials go.

const server = new TestServer();
const other = new TestServer();
const lines: string[] = [];
const http = (options: ConstructorParameters<typeof Http>[0] = {}) => new Http({ retryDelays: [10, 10, 10], log: (l) => lines.push(l), ...options });

beforeAll(async () => {
  await server.start();
  await other.start();
});
afterAll(async () => {
  await server.close();
  await other.close();
});
afterEach(() => {
  server.seen = [];
  other.seen = [];
  lines.length = 0;
});

const status = (code: number, headers: Record<string, string> = {}) => (_req: unknown, res: ServerResponse) => {
  res.writeHead(code, headers);
  res.end(`status ${code}`);
};

describe('what is sent again', () => {
  test('a POST that got a 502 is not sent again (it may have been acted on); the caller gets the 502', async () => {
    server.handler = status(502);
    const response = await http().request({ method: 'POST', url: `${server.url}/comments`, body: '{}' });
    expect(response.status).toBe(502);
    expect(response.failure?.message).toBe(`POST ${server.url}/comments failed: HTTP 502. Not sent again: the server may have acted on it already.`);
    expect(server.seen).toHaveLength(1);
  });

  test('a POST refused with 429 was never acted on: it is sent again after Retry-After', async () => {
    server.handler = (_req, res, _seen, i) => (i === 0 ? status(429, { 'retry-after': '1' })(_req, res) : res.end('posted'));
    const response = await http().request({ method: 'POST', url: `${server.url}/hook`, body: '{"text":"hi"}' });
    expect(response.status).toBe(200);
    expect(server.seen.map((s) => s.body)).toEqual(['{"text":"hi"}', '{"text":"hi"}']);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  test('a POST whose connection was refused never arrived: it is tried again, then fails as unreachable', async () => {
    const url = await closedPort();
    const error = await rejection(http().request({ method: 'POST', url: `${url}/hook`, body: '{}' }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ problem: 'unreachable', attempts: 4 });
    expect((error).message).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/hook failed 4 times; last: cannot connect \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)\./);
    expect(lines).toHaveLength(3);
  });

  test('an idempotent PUT (a manifest under a tag) is retried on a 503', async () => {
    server.handler = (_req, res, _seen, i) => (i < 2 ? status(503)(_req, res) : status(201)(_req, res));
    const response = await http().request({ method: 'PUT', url: `${server.url}/v2/a/manifests/1`, body: '{}' });
    expect(response.status).toBe(201);
    expect(server.seen).toHaveLength(3);
    expect(lines[0]).toMatch(/^PUT http:\/\/127\.0\.0\.1:\d+\/v2\/a\/manifests\/1: HTTP 503; retrying in \d+ ms \(1\/3\)$/);
  });

  test('a HEAD answer declares a length it does not send: not a cut-short body', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-length': 5000, 'docker-content-digest': 'sha256:abc' });
      res.end();
    };
    const response = await http().request({ method: 'HEAD', url: `${server.url}/v2/a/manifests/1` });
    expect(response).toMatchObject({ status: 200, headers: { 'docker-content-digest': 'sha256:abc' } });
    expect(server.seen).toHaveLength(1);
  });

  test("retry: 'never' sends once whatever happens", async () => {
    server.handler = status(503);
    const response = await http().request({ url: `${server.url}/x`, retry: 'never' });
    expect(response.status).toBe(503);
    expect(server.seen).toHaveLength(1);
  });

  test('a 403 with Retry-After (GitHub\'s secondary rate limit) is waited out; one without is final', async () => {
    server.handler = (_req, res, _seen, i) => (i === 0 ? status(403, { 'retry-after': '1' })(_req, res) : i === 1 ? res.end('ok') : status(403)(_req, res));
    expect((await http().request({ url: `${server.url}/a` })).status).toBe(200);
    expect((await http().request({ url: `${server.url}/b` })).status).toBe(403);
    expect(server.seen).toHaveLength(3);
  });
});

describe('timeouts and limits', () => {
  test('a server that stops sending is dropped after the idle timeout and tried again', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-length': 100 });
      res.write('partial');
    };
    const error = await rejection(http({ retryDelays: [10], timeouts: { idleMs: 300 } }).request({ url: `${server.url}/stall` }));
    expect(error).toMatchObject({ problem: 'timeout', attempts: 2 });
    expect((error).message).toMatch(/\/stall failed 2 times; last: no data for 0\.3 s\./);
  });

  test('a body larger than the limit is refused without holding it', async () => {
    server.handler = (_req, res) => res.end(Buffer.alloc(64 * 1024));
    await expect(http().request({ url: `${server.url}/huge`, maxBytes: 1024 })).rejects.toThrow(/\/huge sent more than 1\.0 KiB; refusing to hold that in memory\./);
    expect(server.seen).toHaveLength(1);
  });

  test('the default deadline: 2 minutes plus 1 s per 64 KiB, at most 30 minutes', () => {
    expect(formatMs(allowedMs(DEADLINE, 35 * 1024 * 1024))).toBe('11 min 20 s');
    expect(formatMs(allowedMs(DEADLINE, 0))).toBe('2 min');
    expect(formatMs(allowedMs(DEADLINE, 4 * 1024 * 1024 * 1024))).toBe('30 min');
  });

  test.each([
    ['120', 120_000],
    [' 7 ', 7_000],
    ['Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
    ['soon', undefined],
    [undefined, undefined],
  ])('Retry-After %j -> %j ms', (value, ms) => {
    expect(retryAfterMs(value, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(ms);
  });
});

describe('redirects and credentials', () => {
  test('auth goes to its own origin, along a same-origin redirect, and not across one', async () => {
    server.handler = (req, res) => {
      if (req.url === '/start') {
        res.writeHead(307, { location: '/moved' });
        return res.end();
      }
      if (req.url === '/moved') {
        res.writeHead(302, { location: `${other.url}/cdn/blob` });
        return res.end();
      }
    };
    other.handler = (_req, res) => res.end('blob');
    const response = await http().request({ url: `${server.url}/start`, auth: 'Bearer registry-token' });
    expect(response.body.toString()).toBe('blob');
    expect(server.seen.map((s) => s.headers.authorization)).toEqual(['Bearer registry-token', 'Bearer registry-token']);
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
  });

  test('an Authorization header is bound the same way, and never sent to a mirror', async () => {
    server.handler = (_req, res) => res.end('ok');
    const mirrored = http({ mirrors: [{ upstream: 'https://upstream.example', mirror: `${server.url}/mirror` }] });
    await mirrored.request({ url: 'https://upstream.example/file', headers: { Authorization: 'token secret' } });
    expect(server.seen.map((s) => [s.path, s.headers.authorization])).toEqual([['/mirror/file', undefined]]);
  });

  test('a 303 after a POST is followed with a GET and no body', async () => {
    server.handler = (req, res) => {
      if (req.method === 'POST') {
        res.writeHead(303, { location: '/result' });
        return res.end();
      }
      res.end(`${req.method} ${req.headers['content-length'] ?? '-'}`);
    };
    const response = await http().request({ method: 'POST', url: `${server.url}/submit`, body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(response.body.toString()).toBe('GET -');
  });

  test('redirects to other schemes and endless redirects fail clearly', async () => {
    server.handler = (req, res) => {
      res.writeHead(302, { location: req.url === '/ftp' ? 'ftp://files.example/x' : `/loop${server.seen.length}` });
      res.end();
    };
    await expect(http().request({ url: `${server.url}/ftp` })).rejects.toThrow(/\/ftp was redirected to a ftp: URL; only https \(or http from http\) is followed\./);
    await expect(http().request({ url: `${server.url}/loop` })).rejects.toThrow(/\/loop was redirected more than 5 times\./);
  });

  test('a label stands for a secret URL in every message', async () => {
    const url = await closedPort();
    const error = await rejection(http({ retryDelays: [] }).request({ method: 'POST', url: `${url}/services/T0/B0/SECRETHOOK`, label: 'the Slack webhook', body: '{}' }));
    expect(error.message).toMatch(/^POST the Slack webhook failed: cannot connect/);
    expect(error.message).not.toContain('SECRETHOOK');
    await expect(http().request({ url: 'hxxp://x/SECRETHOOK', label: 'the Slack webhook' })).rejects.toThrow('Cannot request the Slack webhook: only http and https URLs are supported.');
  });

  test('a password in a mirror URL is not printed', () => {
    expect(urlForMessage('https://ci:s3cret@artifacts.example/hashicorp/x.zip')).toBe('https://***@artifacts.example/hashicorp/x.zip');
    expect(urlForMessage('https://artifacts.example/x')).toBe('https://artifacts.example/x');
  });
});

describe('proxies', () => {
  let proxy: Server;
  let proxyUrl = '';
  const tunnels: string[] = [];
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };

  beforeAll(async () => {
    // A CONNECT proxy, as corporate proxies and squid answer it; every tunnel leads to `server`.
    const port = Number(new URL(server.url).port);
    proxy = createServer().on('connect', (req, client: Socket, head: Buffer) => {
      tunnels.push(req.url ?? '');
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    proxyUrl = (await listen(proxy));
  });
  afterAll(async () => {
    process.env.HTTP_PROXY = saved.HTTP_PROXY;
    process.env.NO_PROXY = saved.NO_PROXY;
    if (saved.HTTP_PROXY === undefined) delete process.env.HTTP_PROXY;
    if (saved.NO_PROXY === undefined) delete process.env.NO_PROXY;
    await stop(proxy);
  });

  test('HTTP_PROXY is honoured, NO_PROXY bypasses it', async () => {
    server.handler = (req, res) => res.end(`host ${req.headers.host}`);
    process.env.HTTP_PROXY = proxyUrl;
    process.env.NO_PROXY = 'direct.invalid';
    const response = await http().request({ url: 'http://releases.invalid/terraform/index.json' });
    expect(response.body.toString()).toBe('host releases.invalid:80');
    expect(tunnels).toEqual(['releases.invalid:80']);
    await expect(http({ retryDelays: [] }).request({ url: 'http://direct.invalid/x' })).rejects.toThrow(/cannot connect \(getaddrinfo (ENOTFOUND|EAI_AGAIN) direct\.invalid\)/);
    expect(tunnels).toHaveLength(1);
  });
});
