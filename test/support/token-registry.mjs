// A registry with token auth, as Docker Hub and GHCR run it: Debian's docker-registry (the real
// distribution registry) with `auth: token`, and a loopback token service the tests run. The token
// service checks Basic credentials, grants per repository what the user may do (pull, push) and
// signs a JWT (RS256, `x5c` header) with a key and self-signed certificate made here by openssl;
// the registry trusts that certificate (`rootcertbundle`). Claims and timing follow the
// distribution registry's token spec: iss, sub, aud (= service), exp, nbf, iat, jti and `access`;
// the registry allows 60 s of leeway on `exp`, so a token lives `lifetime` seconds when
// exp = now + lifetime - 60 (exp = now - 55 gives 5 s). Both dockerd (login, push) and the kit's
// registry client fetch their tokens here.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, createSign, randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { listen, serveWithBodies, stop } from './loopback.mjs';

const LEEWAY_SECONDS = 60;
const SERVICE = 'shipkit-test-registry';
const ISSUER = 'shipkit-test-token-service';

const base64url = (data) => Buffer.from(data).toString('base64url');

/** A key and a self-signed certificate for signing tokens, made fresh for each registry. */
function makeSigningKey(dir) {
  const key = join(dir, 'token.key');
  const cert = join(dir, 'token.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${ISSUER}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return { key: readFileSync(key, 'utf8'), certPath: cert, der: new X509Certificate(readFileSync(cert)).raw.toString('base64') };
}

function signToken(signing, claims) {
  const header = { typ: 'JWT', alg: 'RS256', x5c: [signing.der] };
  const body = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(body).sign(signing.key);
  return `${body}.${base64url(signature)}`;
}

function allowed(rules, repository) {
  for (const [pattern, actions] of Object.entries(rules ?? {})) {
    const match = pattern === '*' || pattern === repository || (pattern.endsWith('/*') && repository.startsWith(pattern.slice(0, -1)));
    if (match) return actions;
  }
  return [];
}

/** `repository:ns/app:pull,push` -> {type, name, actions}; names may hold colons (host:port/...). */
function parseScope(scope) {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last === first) return undefined;
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions: scope.slice(last + 1).split(',').filter(Boolean) };
}

class TokenService {
  /** @type {import('node:http').Server | undefined} */
  server;
  /** The server's base URL, once started. */
  url = '';
  /** @type {{method: string, account?: string, scopes: string[], granted: {name: string, actions: string[]}[], status: number}[]} */
  requests = [];

  /** @param {number} lifetime */
  constructor(signing, users, lifetime) {
    this.signing = signing;
    this.users = users;
    /** Seconds a token is good for at the registry (its `exp` is this minus the registry's leeway). */
    this.lifetime = lifetime;
  }

  async start() {
    ({ server: this.server, url: this.url } = await serveWithBodies((req, res, raw) => this.handle(req, res, raw)));
    return this;
  }

  close() {
    return stop(this.server);
  }

  /** Who is asking: a user whose password matches, anonymous, or undefined for wrong credentials. */
  caller(req, form) {
    if (form?.get('grant_type') === 'password') return this.check(form.get('username'), form.get('password'));
    const header = req.headers.authorization ?? '';
    if (!header) return { name: undefined, rules: this.users['']?.access };
    if (!header.startsWith('Basic ')) return undefined;
    const [name, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return this.check(name, rest.join(':'));
  }

  check(name, password) {
    const user = this.users[name ?? ''];
    return user && name && user.password === password ? { name, rules: user.access } : undefined;
  }

  handle(req, res, raw) {
    const url = new URL(req.url, this.url);
    const form = req.method === 'POST' ? new URLSearchParams(raw) : undefined;
    const params = form ?? url.searchParams;
    const scopes = params.getAll('scope').flatMap((s) => s.split(' ')).filter(Boolean);
    const send = (status, data) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (url.pathname !== '/token' || (form && form.get('grant_type') !== 'password')) {
      this.requests.push({ method: req.method, scopes, granted: [], status: 400 });
      return send(400, { error: 'unsupported_grant_type' });
    }
    const caller = this.caller(req, form);
    if (!caller) {
      this.requests.push({ method: req.method, scopes, granted: [], status: 401 });
      return send(401, { details: 'incorrect username or password' });
    }
    // As Docker Hub does: grant what the user may do of what was asked, possibly nothing.
    const granted = scopes
      .map(parseScope)
      .filter((s) => s && s.type === 'repository')
      .map((s) => ({ type: 'repository', name: s.name, actions: s.actions.filter((a) => allowed(caller.rules, s.name).includes(a)) }));
    const now = Math.floor(Date.now() / 1000);
    const token = signToken(this.signing, {
      iss: ISSUER,
      sub: caller.name ?? '',
      aud: params.get('service') ?? SERVICE,
      exp: now + this.lifetime - LEEWAY_SECONDS,
      nbf: now - 1,
      iat: now,
      jti: randomUUID(),
      access: granted,
    });
    this.requests.push({ method: req.method, account: caller.name, scopes, granted: granted.map(({ name, actions }) => ({ name, actions })), status: 200 });
    send(200, { token, access_token: token, expires_in: this.lifetime, issued_at: new Date(now * 1000).toISOString() });
  }
}

async function freePort() {
  const server = createServer();
  const url = await listen(server);
  await stop(server);
  return Number(new URL(url).port);
}

/**
 * @typedef {{host: string, url: string, service: string, realm: string, dataDir: string, user: string, password: string, tokens: TokenService,
 *   api: (path: string, init?: RequestInit) => Promise<Response>, stop: () => Promise<void>}} TokenRegistry
 */

/**
 * Starts the token service and a token-auth docker-registry on free loopback ports.
 * `users`: name -> {password, access: {'ns/*' | 'ns/app' | '*': ['pull', 'push']}}; the user '' is
 * anonymous access. `lifetime`: seconds a token is good for (changeable later on `tokens.lifetime`).
 * `redirectBlobsTo`: an http origin the registry redirects blob reads to, with distribution's own
 * `redirect` storage middleware (as a registry on S3 or GCS sends them to the bucket or a CDN); the
 * files are then under `dataDir` at the redirected path.
 * @returns {Promise<TokenRegistry>}
 */
export async function startTokenRegistry({
  users = {
    shipkit: { password: 'token-pass-1', access: { 'vscoder/*': ['pull', 'push'] } },
    reader: { password: 'token-pass-2', access: { 'vscoder/*': ['pull'] } },
  },
  lifetime = 300,
  redirectBlobsTo = '',
} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-token-registry-'));
  const signing = makeSigningKey(dir);
  const tokens = await new TokenService(signing, { ...users, admin: { password: 'admin-pass', access: { '*': ['pull', 'push', 'delete'] } } }, lifetime).start();
  const port = await freePort();
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${join(dir, 'data')}
${redirectBlobsTo ? `middleware:\n  storage:\n    - name: redirect\n      options:\n        baseurl: ${redirectBlobsTo}\n` : ''}http:
  addr: 127.0.0.1:${port}
auth:
  token:
    realm: ${tokens.url}/token
    service: ${SERVICE}
    issuer: ${ISSUER}
    rootcertbundle: ${signing.certPath}
`,
  );
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 401) break;
    } catch {
      // not up yet
    }
    if (i > 100) throw new Error(`docker-registry (token auth) did not start on ${url}:\n${stderr}`);
    await sleep(50);
  }
  const [user] = Object.keys(users).filter(Boolean);
  return {
    host: `127.0.0.1:${port}`,
    url,
    service: SERVICE,
    realm: `${tokens.url}/token`,
    dataDir: join(dir, 'data'),
    user,
    password: users[user].password,
    tokens,
    /** The registry API as an all-powerful admin, for the tests' own checks (same shape as docker.mjs's). */
    async api(path, init = {}) {
      const repository = /^\/v2\/(.+?)\/(manifests|blobs|tags)\//.exec(path)?.[1] ?? '';
      const res = await fetch(`${tokens.url}/token?service=${SERVICE}&scope=repository:${repository}:pull,push`, {
        headers: { authorization: `Basic ${Buffer.from('admin:admin-pass').toString('base64')}` },
      });
      const { token } = await res.json();
      return fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
    },
    async stop() {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
      await tokens.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Puts a small image (one layer, a config with `labels`) under `repository:tag` through the registry
 * API, as `docker push` would, without an engine. `api(path, init)` is an authenticated fetch.
 * @returns {Promise<string>} the manifest digest
 */
export async function seedImage(api, repository, tag, labels = {}) {
  const upload = async (data) => {
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
    const start = await api(`/v2/${repository}/blobs/uploads/`, { method: 'POST' });
    if (start.status !== 202) throw new Error(`blob upload to ${repository} answered ${start.status}: ${await start.text()}`);
    const location = new URL(start.headers.get('location'), 'http://registry.invalid');
    location.searchParams.set('digest', digest);
    const put = await api(`${location.pathname}${location.search}`, { method: 'PUT', body: data, headers: { 'content-type': 'application/octet-stream' } });
    if (put.status !== 201) throw new Error(`blob PUT to ${repository} answered ${put.status}: ${await put.text()}`);
    return { digest, size: data.length };
  };
  const layer = await upload(gzipSync(Buffer.alloc(1024)));
  const config = await upload(
    Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: labels }, rootfs: { type: 'layers', diff_ids: [] } })),
  );
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', ...layer }],
  });
  const res = await api(`/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    body: manifest,
    headers: { 'content-type': 'application/vnd.docker.distribution.manifest.v2+json' },
  });
  if (res.status !== 201) throw new Error(`manifest PUT to ${repository}:${tag} answered ${res.status}: ${await res.text()}`);
  return res.headers.get('docker-content-digest');
}
