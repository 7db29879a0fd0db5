import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { DEADLINE, Fetcher, HttpStatusError } from '../../lib/http.js';
import { rejection, TestServer, trickle } from '../support/http-server.js';

// The installer's view of the HTTP layer (lib/tools/install.ts uses only this API), against real
// loopback servers: retries and Retry-After, the download deadline, and where the token goes.

const server = new TestServer();
const other = new TestServer();
const dir = mkdtempSync(join(tmpdir(), 'shipkit-http-'));
const lines: string[] = [];
const log = (line: string) => lines.push(line);
const fast = { retryDelays: [10, 10, 10], log };

beforeAll(async () => {
  await server.start();
  await other.start();
});
afterAll(async () => {
  await server.close();
  await other.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  server.seen = [];
  other.seen = [];
  lines.length = 0;
});

describe('retries', () => {
  test('a 429 with Retry-After is retried after the time the server asked for', async () => {
    server.handler = (_req, res, _seen, i) => {
      if (i === 0) {
        res.writeHead(429, { 'retry-after': '1' });
        return res.end('slow down');
      }
      res.end('fine');
    };
    expect(await new Fetcher(fast).text(`${server.url}/index.json`)).toBe('fine');
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(950);
    expect(lines).toEqual([expect.stringMatching(/^GET http:\/\/127\.0\.0\.1:\d+\/index\.json: HTTP 429; retrying in 1000 ms \(1\/3\)$/)]);
  });

  test('a 503 with Retry-After as an HTTP date is retried after that date', async () => {
    server.handler = (_req, res, _seen, i) => {
      if (i === 0) {
        res.writeHead(503, { 'retry-after': new Date(Date.now() + 2000).toUTCString() });
        return res.end();
      }
      res.end('back');
    };
    expect(await new Fetcher(fast).text(`${server.url}/sums`)).toBe('back');
    // HTTP dates have whole seconds: at least one second later.
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  test('a Retry-After longer than a minute is not waited for: the 429 comes back at once', async () => {
    server.handler = (_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' });
      res.end('{"message":"rate limited"}');
    };
    const started = Date.now();
    const error = await rejection(new Fetcher(fast).json(`${server.url}/api`));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(429);
    expect(server.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('5xx then success; a body cut short is fetched again', async () => {
    const data = randomBytes(4096);
    server.handler = (_req, res, _seen, i) => {
      if (i === 0) {
        res.writeHead(502);
        return res.end();
      }
      if (i === 1) {
        res.writeHead(200, { 'content-length': data.length });
        res.write(data.subarray(0, 100));
        return setTimeout(() => res.destroy(), 20);
      }
      res.writeHead(200, { 'content-length': data.length });
      res.end(data);
    };
    const got = await new Fetcher(fast).download(`${server.url}/asset`, join(dir, 'asset'));
    expect(got.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(lines).toEqual([expect.stringContaining('HTTP 502; retrying'), expect.stringContaining('the connection broke after 100 bytes')]);
  });

  test('a body always cut short fails after the retries with the attempts, the cause and what to do', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write(Buffer.alloc(10));
      setTimeout(() => res.destroy(), 20);
    };
    await expect(new Fetcher(fast).download(`${server.url}/always-short`, join(dir, 'short'))).rejects.toThrow(
      /^GET http:\/\/127\.0\.0\.1:\d+\/always-short failed 4 times; last: the connection broke after 10 bytes \(.*\)\. The server or the network is having trouble: re-run the job, or set "mirrors" to a closer copy\.$/,
    );
  });

  test('a 404 is not retried and keeps its status for the caller', async () => {
    server.handler = (_req, res) => {
      res.writeHead(404);
      res.end('Not Found');
    };
    const error = await rejection(new Fetcher(fast).download(`${server.url}/missing.zip`, join(dir, 'missing')));
    expect(error).toMatchObject({ status: 404, url: `${server.url}/missing.zip`, message: `GET ${server.url}/missing.zip answered 404` });
    expect(server.seen).toHaveLength(1);
  });
});

describe('the deadline of a download', () => {
  test('a server sending 2 B/s fails the download as soon as it falls behind, naming the URL, the deadline and its rule; no retry', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-length': 35 * 1024 * 1024 });
      void trickle(res, Buffer.alloc(1000, 'x'), 2);
    };
    // The default rule with a 1 s base instead of 2 minutes, so the test takes seconds.
    const fetcher = new Fetcher({ ...fast, timeouts: { deadline: { ...DEADLINE, baseMs: 1000 } } });
    const started = Date.now();
    const error = await rejection(fetcher.download(`${server.url}/terraform.zip`, join(dir, 'slow')));
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/terraform\.zip is too slow: \d+ B of 35\.0 MiB arrived in 1\.\d s \(about \d+ B\/s\)\. Its deadline is 9 min 21 s \(1\.0 s plus 1 s per 64 KiB of its 35\.0 MiB, at most 30 min\), and it fell behind that pace; stopped rather than wait on a server this slow\. .*set "mirrors" to a closer copy\.$/,
    );
    expect(server.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 15_000);

  test('the same rule bounds a small read without a Content-Length', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      void trickle(res, Buffer.alloc(1000, ' '), 2);
    };
    const fetcher = new Fetcher({ ...fast, timeouts: { deadline: { baseMs: 1000, bytesPerSecond: 64 * 1024, maxMs: 60_000 } } });
    await expect(fetcher.text(`${server.url}/index.json`)).rejects.toThrow(
      /^GET http:\/\/127\.0\.0\.1:\d+\/index\.json is too slow: \d+ B arrived in 1\.\d s \(about \d+ B\/s\)\. A request has 1\.0 s plus 1 s per 64 KiB that arrives, at most 1 min, and this one gave no size; stopped/,
    );
  }, 15_000);
});

describe('where the token goes', () => {
  test('to the API base only: not to a download on the same host, nor after a redirect to another origin', async () => {
    server.handler = (req, res) => {
      if (req.url === '/api.github.com/repos/a/b/releases/latest') {
        res.writeHead(302, { location: `${other.url}/elsewhere` });
        return res.end();
      }
      res.end('{"tag_name":"v1.0.0"}');
    };
    other.handler = (_req, res) => res.end('{"tag_name":"v1.0.0"}');
    const fetcher = new Fetcher({ ...fast, token: 'ghs_SECRET', tokenOrigin: `${server.url}/api.github.com` });
    await fetcher.json(`${server.url}/api.github.com/repos/a/b/releases?per_page=100`);
    await fetcher.buffer(`${server.url}/github.com/a/b/releases/download/v1.0.0/asset`);
    await fetcher.json(`${server.url}/api.github.com/repos/a/b/releases/latest`);
    expect(server.to('/api.github.com/repos/a/b/releases?').map((s) => s.headers.authorization)).toEqual(['Bearer ghs_SECRET']);
    expect(server.to('/github.com/').map((s) => s.headers.authorization)).toEqual([undefined]);
    expect(other.seen).toHaveLength(1);
    expect(other.seen[0]!.headers.authorization).toBeUndefined();
  });

  test('not to a mirror of the API', async () => {
    server.handler = (_req, res) => res.end('[]');
    const fetcher = new Fetcher({ ...fast, token: 'ghs_SECRET', tokenOrigin: 'https://api.github.com', mirrors: [{ upstream: 'https://api.github.com', mirror: `${server.url}/mirror` }] });
    await fetcher.json('https://api.github.com/repos/a/b/releases');
    expect(server.seen.map((s) => [s.path, s.headers.authorization])).toEqual([['/mirror/repos/a/b/releases', undefined]]);
  });
});

describe('a mirror URL with a password (Artifactory style)', () => {
  test('the password goes to the mirror as Basic auth, and into no message, error or record', async () => {
    server.handler = (req, res) => {
      res.writeHead(req.url?.endsWith('.zip') ? 200 : 404);
      res.end(req.url?.endsWith('.zip') ? 'zip' : 'Not Found');
    };
    const mirror = server.url.replace('http://', 'http://ci:s3cret@');
    const fetcher = new Fetcher({ ...fast, mirrors: [{ upstream: 'https://releases.hashicorp.com', mirror: `${mirror}/hashicorp` }] });
    const got = await fetcher.download('https://releases.hashicorp.com/terraform/1.0.0/terraform.zip', join(dir, 'tf.zip'));
    expect(server.seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from('ci:s3cret').toString('base64')}`);
    expect(got.url).toBe(`${server.url.replace('http://', 'http://***@')}/hashicorp/terraform/1.0.0/terraform.zip`);
    expect(fetcher.resolve('https://releases.hashicorp.com/x')).not.toContain('s3cret');
    const error = await rejection(fetcher.buffer('https://releases.hashicorp.com/terraform/1.0.0/SHA256SUMS'));
    expect(error).toMatchObject({ status: 404, url: `${server.url.replace('http://', 'http://***@')}/hashicorp/terraform/1.0.0/SHA256SUMS` });
    expect(error.message).not.toContain('s3cret');
  });
});

describe('segmented downloads', () => {
  test('a large file from a server that takes ranges arrives whole over four connections', async () => {
    const data = randomBytes(9 * 1024 * 1024);
    server.handler = (req, res) => {
      const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (!range) {
        res.writeHead(200, { 'content-length': data.length, 'accept-ranges': 'bytes' });
        return res.end(data);
      }
      const [start, end] = [Number(range[1]), Number(range[2])];
      res.writeHead(206, { 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${data.length}` });
      res.end(data.subarray(start, end + 1));
    };
    const dest = join(dir, 'big');
    const got = await new Fetcher(fast).download(`${server.url}/big.zip`, dest);
    expect(got).toMatchObject({ bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    expect(server.seen.filter((s) => s.headers.range)).toHaveLength(3);
    expect(existsSync(dest) && readFileSync(dest).equals(data)).toBe(true);
  });
});
