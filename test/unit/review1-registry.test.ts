import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { Registry, tokenRealm } from '../../lib/registry.js';
import { TestServer } from '../support/http-server.js';

// Review (branch review1): where lib/registry.ts sends the registry password. Both tests were RED
// when written (main at e5f3a67); each says the correct behaviour.

const registry = new TestServer();
const cdn = new TestServer();
const attacker = new TestServer();
const MANIFEST = { body: JSON.stringify({ schemaVersion: 2, config: { digest: 'sha256:c0nf' }, layers: [] }), mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: 'sha256:m' };

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

beforeAll(async () => {
  await Promise.all([registry.start(), cdn.start(), attacker.start()]);
});
afterAll(async () => {
  await Promise.all([registry.close(), cdn.close(), attacker.close()]);
});
afterEach(() => {
  registry.seen = [];
  cdn.seen = [];
  attacker.seen = [];
});

describe('review1: the registry password goes to the registry and its token service only', () => {
  // Correct: docker sends the password to the token service the registry names, but the kit's own
  // rule ("never in clear text when the registry itself is https") stops at the scheme: a plain-http
  // registry (a loopback or LAN registry, the kit's own tests' kind) may name an http realm on ANY
  // host, and the password then crosses the network in clear to it. An http realm is acceptable only
  // on the registry's own host; anywhere else it must be https (or refused, naming the realm).
  test('an http registry cannot send the password in clear to a token service on another host', () => {
    expect(() => tokenRealm('127.0.0.1:5000', 'http://127.0.0.1:5000', 'http://auth.attacker.example/token')).toThrow(/auth\.attacker\.example/);
  });

  // Correct: only a 401 from the registry's own origin is a challenge the client answers. Registries
  // redirect blob reads to a storage host or CDN (the layer rightly drops the credentials there);
  // when that host answers 401 with `WWW-Authenticate: Bearer realm=<anywhere>`, the kit today takes it
  // as the registry's challenge, sends `Authorization: Basic <user:password>` to that realm, and keeps
  // the challenge for every later request. A hijacked or misconfigured storage host (a taken-over
  // bucket name) thereby collects the registry password.
  test('a 401 challenge from the host a blob was redirected to does not get the password', async () => {
    registry.handler = (req, res) => {
      if (req.url?.startsWith('/v2/ns/app/blobs/')) {
        res.writeHead(307, { location: `${cdn.url}/storage/c0nf` });
        res.end();
        return;
      }
      answer(res, 200, MANIFEST.body, { 'docker-content-digest': 'sha256:m' });
    };
    cdn.handler = (_req, res) => answer(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': `Bearer realm="${attacker.url}/token",service="cdn"` });
    attacker.handler = (_req, res) => answer(res, 200, { token: 'whatever' });

    const client = new Registry(new URL(registry.url).host, { username: 'ci-bot', password: 'registry-password-123' }, { retryDelays: [5], log: () => undefined });
    await client.labels('ns/app', MANIFEST).catch(() => undefined);

    const withCredentials = attacker.seen.filter((s) => s.headers.authorization);
    expect(withCredentials.map((s) => `${s.path} ${s.headers.authorization}`)).toEqual([]);
  });
});
