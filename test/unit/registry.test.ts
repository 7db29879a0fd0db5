import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { parseChallenge, Registry, RegistryAuthError, registryErrors, tokenRealm } from '../../lib/registry.js';
import { rejection, TestServer } from '../support/http-server.js';

// The registry client's auth decisions, against a loopback stand-in for a registry and its token
// service that answers the way distribution does (challenges, error bodies). The real registry in
// both auth modes is in test/integration/registry-auth.test.ts.

const registry = new TestServer();
const storage = new TestServer();
const lines: string[] = [];
const client = (credentials = {}) => new Registry(new URL(registry.url).host, credentials, { retryDelays: [10], log: (l) => lines.push(l) });
const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', config: { digest: 'sha256:c' }, layers: [] });

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

beforeAll(async () => {
  await Promise.all([registry.start(), storage.start()]);
});
afterAll(async () => {
  await Promise.all([registry.close(), storage.close()]);
});
afterEach(() => {
  registry.seen = [];
  storage.seen = [];
  lines.length = 0;
});

describe('challenges and error bodies', () => {
  test.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull",error="invalid_token"',
      { scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:a/b:pull', error: 'invalid_token' } },
    ],
    ['Bearer realm="https://ghcr.io/token", service="ghcr.io", error=insufficient_scope', { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', error: 'insufficient_scope' } }],
    ['Basic realm="a \\"quoted\\" realm"', { scheme: 'basic', params: { realm: 'a "quoted" realm' } }],
    ['', { scheme: '', params: {} }],
  ])('%s', (header, parsed) => {
    expect(parseChallenge(header)).toEqual(parsed);
  });

  test.each([
    ['{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}', 'DENIED: requested access to the resource is denied'],
    ['{"details":"incorrect username or password"}', 'incorrect username or password'],
    ['<html>\n  Bad   Gateway\n</html>', '<html> Bad Gateway </html>'],
  ])('registry error body %s -> %s', (body, text) => {
    expect(registryErrors(body)).toBe(text);
  });

  test('the password goes to an https token service, or http only when the registry itself is http', () => {
    expect(tokenRealm('ghcr.io', 'https://ghcr.io', 'https://ghcr.io/token').href).toBe('https://ghcr.io/token');
    expect(tokenRealm('127.0.0.1:5000', 'http://127.0.0.1:5000', 'http://127.0.0.1:5001/token').href).toBe('http://127.0.0.1:5001/token');
    expect(() => tokenRealm('registry.example', 'https://registry.example', 'http://auth.example/token')).toThrow(
      'The registry registry.example sends its token requests to http://auth.example, which is not https; shipkit does not send the password there.',
    );
    expect(() => tokenRealm('registry.example', 'https://registry.example', undefined)).toThrow('named no valid token service (realm "")');
  });
});

describe('talking to a registry', () => {
  test('anonymous reads get an anonymous pull token (Docker Hub public images); the token is reused', async () => {
    registry.handler = (req, res) => {
      const url = new URL(req.url ?? '', registry.url);
      if (url.pathname === '/token') return answer(res, 200, { token: `anon-${url.searchParams.get('scope')}` });
      if (req.headers.authorization !== 'Bearer anon-repository:library/busybox:pull') {
        return answer(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': `Bearer realm="${registry.url}/token",service="test"` });
      }
      answer(res, 200, MANIFEST, { 'docker-content-digest': 'sha256:m' });
    };
    const anonymous = client();
    expect(await anonymous.manifest('library/busybox', '1')).toMatchObject({ digest: 'sha256:m' });
    expect(await anonymous.manifest('library/busybox', '2')).toMatchObject({ digest: 'sha256:m' });
    const tokenCalls = registry.seen.filter((s) => s.path.startsWith('/token'));
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]!.headers.authorization).toBeUndefined();
    expect(tokenCalls[0]!.path).toBe('/token?service=test&scope=repository%3Alibrary%2Fbusybox%3Apull');
  });

  test('tagging anonymously is refused with the registry\'s reason', async () => {
    registry.handler = (req, res) => {
      if (req.url?.startsWith('/token')) return answer(res, 200, { token: 'anon' });
      answer(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, {
        'www-authenticate': `Bearer realm="${registry.url}/token",service="test",error="insufficient_scope"`,
      });
    };
    const error = await rejection(client().tag('ns/app', 'latest', { body: MANIFEST, mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: 'sha256:m' }));
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error.message).toMatch(/refused anonymous access for repository:ns\/app:pull,push even with a fresh token: insufficient_scope \(UNAUTHORIZED: authentication required\)\. Anonymous access was not granted pull and push on ns\/app: give a username and password that may push to it\.$/);
  });

  test('a 401 without a challenge, and a 403, say what the registry said', async () => {
    registry.handler = (req, res) => (req.url?.includes('/a/') ? answer(res, 401, 'no') : answer(res, 403, { errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }] }));
    await expect(client({ username: 'u', password: 'p' }).manifest('ns/a', '1')).rejects.toThrow(
      /answered 401 to GET ns\/a with an authentication it does not name or shipkit does not speak \(""\)/,
    );
    await expect(client({ username: 'u', password: 'p' }).manifest('ns/b', '1')).rejects.toThrow(
      /^The registry 127\.0\.0\.1:\d+ refused to read ns\/b:1 as "u" \(HTTP 403: DENIED: requested access to the resource is denied\)\.$/,
    );
  });

  // distribution with a storage middleware (S3, GCS, a CDN) answers blob reads with a redirect to a
  // signed URL; only the registry's own 401 is a challenge to answer with the password.
  test('a blob redirected to a storage host is read there without credentials; a 401 from that host gets none', async () => {
    const basic = `Basic ${Buffer.from('ci-bot:pw-1').toString('base64')}`;
    registry.handler = (req, res) => {
      if (req.headers.authorization !== basic) return answer(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': 'Basic realm="registry"' });
      if (req.url?.startsWith('/v2/ns/app/blobs/')) {
        res.writeHead(307, { location: `${storage.url}/docker/registry/v2/blobs/sha256/c/data?X-Amz-Signature=abc` });
        return res.end();
      }
      answer(res, 200, MANIFEST, { 'docker-content-digest': 'sha256:m' });
    };
    storage.handler = (_req, res) => answer(res, 200, { config: { Labels: { a: 'b' } } });
    const reader = client({ username: 'ci-bot', password: 'pw-1' });
    const manifest = (await reader.manifest('ns/app', '1'))!;
    expect(await reader.labels('ns/app', manifest)).toEqual({ a: 'b' });
    expect(storage.seen.map((s) => s.headers.authorization)).toEqual([undefined]);

    storage.seen = [];
    storage.handler = (_req, res) => answer(res, 401, 'no', { 'www-authenticate': `Basic realm="${storage.url}"` });
    const error = await rejection(reader.labels('ns/app', manifest));
    expect(error.message).toBe(
      `The registry ${new URL(registry.url).host} sent GET ns/app on to ${storage.url}, which answered 401 asking for credentials ("Basic realm=\\"${storage.url}\\""); ` +
        "shipkit gives the registry's credentials only to the registry and the token service it names, not to a host it redirects to.",
    );
    expect(storage.seen.map((s) => s.headers.authorization)).toEqual([undefined]);
    // The registry's own challenge still stands: the next read goes with its credentials at once.
    registry.seen = [];
    await reader.manifest('ns/app', '2');
    expect(registry.seen.map((s) => s.headers.authorization)).toEqual([basic]);
  });

  test('a registry that keeps failing with 503 fails after the retries, naming the registry', async () => {
    registry.handler = (_req, res) => answer(res, 503, 'down');
    await expect(client().manifest('ns/app', '1')).rejects.toThrow(/^GET http:\/\/127\.0\.0\.1:\d+\/v2\/ns\/app\/manifests\/1 failed 2 times; last: HTTP 503\. The registry 127\.0\.0\.1:\d+ or the network is having trouble: re-run the job\.$/);
  });
});
