import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction } from '../../cli/runner.js';
import { Registry, RegistryAuthError, type Manifest } from '../../lib/registry.js';
import { dockerAvailable, dockerRequired, localImage, startRegistry } from '../support/docker.mjs';
import { rejection, TestServer } from '../support/http-server.js';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';
import { seedImage, startTokenRegistry } from '../support/token-registry.mjs';

// The kit's registry client, and docker itself, against the real distribution registry
// (Debian's docker-registry) in both of its auth modes: token auth as Docker Hub and GHCR run it
// (a loopback token service signing JWTs; short token lifetimes so expiry happens inside a test)
// and htpasswd Basic auth. The docker CLI part needs the engine; the rest only the registry.

type TokenRegistry = Awaited<ReturnType<typeof startTokenRegistry>>;
const hasDocker = dockerAvailable();

/** docker, without blocking the event loop: the token service answering dockerd runs in this process. */
function docker(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('docker', args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // A command that never reads stdin (rmi) may exit before the write lands: that is not a failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

describe('a registry with token auth, as Docker Hub and GHCR run it', () => {
  let registry: TokenRegistry;
  const lines: string[] = [];
  const client = (credentials = { username: registry.user, password: registry.password }) =>
    new Registry(registry.host, credentials, { retryDelays: [10], log: (l) => lines.push(l) });
  /** Token requests made by `account` since `from`. */
  const asked = (account: string, from = 0) => registry.tokens.requests.slice(from).filter((r) => r.account === account);

  beforeAll(async () => {
    registry = await startTokenRegistry();
    await seedImage(registry.api, 'vscoder/app', '1.0.0', { 'org.opencontainers.image.version': '1.0.0' });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  (hasDocker || dockerRequired() ? test : test.skip)('docker login and docker push get their tokens from the token service (the stand-in is faithful)', async () => {
    const config = tempDir('token-docker');
    const env = { ...process.env, DOCKER_CONFIG: config };
    const ref = `${registry.host}/vscoder/pushed-by-docker:1`;
    const from = registry.tokens.requests.length;
    try {
      const wrong = await docker(['login', registry.host, '-u', registry.user, '--password-stdin'], { env, input: 'not-the-password' });
      expect(wrong.code).not.toBe(0);
      expect(registry.tokens.requests.slice(from).map((r) => r.status)).toContain(401);

      const login = await docker(['login', registry.host, '-u', registry.user, '--password-stdin'], { env, input: registry.password });
      expect(login.output).toContain('Login Succeeded');
      localImage(ref);
      const push = await docker(['push', ref], { env });
      expect(push.output).toMatch(/1: digest: sha256:[0-9a-f]{64}/);
      // dockerd itself asked for push and pull on exactly that repository, with the login's credentials.
      expect(asked(registry.user, from)).toContainEqual(expect.objectContaining({ granted: [{ name: 'vscoder/pushed-by-docker', actions: expect.arrayContaining(['pull', 'push']) }] }));
      const manifest = await client().manifest('vscoder/pushed-by-docker', '1');
      expect(manifest?.digest).toMatch(/^sha256:/);
    } finally {
      await docker(['rmi', ref]);
      rmSync(config, { recursive: true, force: true });
    }
  });

  test('reads with a pull token, tags with a pull,push token, one per repository and scope', async () => {
    const from = registry.tokens.requests.length;
    const registryClient = client();
    const manifest = (await registryClient.manifest('vscoder/app', '1.0.0'))!;
    expect(await registryClient.labels('vscoder/app', manifest)).toEqual({ 'org.opencontainers.image.version': '1.0.0' });
    await registryClient.tag('vscoder/app', 'main', manifest);
    expect((await registryClient.manifest('vscoder/app', 'main'))?.digest).toBe(manifest.digest);
    expect(asked(registry.user, from).map((r) => r.scopes)).toEqual([['repository:vscoder/app:pull'], ['repository:vscoder/app:pull,push']]);
  });

  test('a token that expires mid-run is refreshed once, and the call succeeds', async () => {
    registry.tokens.lifetime = 3;
    try {
      const registryClient = client();
      const manifest = (await registryClient.manifest('vscoder/app', '1.0.0'))!;
      await registryClient.tag('vscoder/app', 'before-expiry', manifest);
      const from = registry.tokens.requests.length;
      await sleep(4000); // the token is now past exp + leeway: the registry answers invalid_token
      await registryClient.tag('vscoder/app', 'after-expiry', manifest);
      expect(asked(registry.user, from)).toHaveLength(1);
      expect(lines).toContain(`${registry.host}: the token for repository:vscoder/app:pull,push was refused (invalid_token); fetching a fresh one`);
      const tags = (await (await registry.api('/v2/vscoder/app/tags/list')).json()) as { tags: string[] };
      expect(tags.tags).toEqual(expect.arrayContaining(['before-expiry', 'after-expiry']));
    } finally {
      registry.tokens.lifetime = 300;
    }
  }, 30_000);

  test('a repository the user may not push to: insufficient_scope, named with registry, repository, scope and user', async () => {
    const manifest = (await client().manifest('vscoder/app', '1.0.0'))!;
    const error = await rejection(client().tag('intruder/app', '1', manifest));
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error).toMatchObject({ code: 'insufficient_scope' });
    expect(error.message).toBe(
      `The registry ${registry.host} refused user "shipkit" for repository:intruder/app:pull,push even with a fresh token: insufficient_scope ` +
        '(UNAUTHORIZED: authentication required). The token service did not grant user "shipkit" pull and push on intruder/app: ' +
        'check the repository name and that this user may push to it.',
    );

    const readerOnly = client({ username: 'reader', password: 'token-pass-2' });
    await expect(readerOnly.tag('vscoder/app', 'by-reader', manifest)).rejects.toThrow(
      `The registry ${registry.host} refused user "reader" for repository:vscoder/app:pull,push even with a fresh token: insufficient_scope`,
    );
  });

  test('a wrong password: the token service refuses it, and the message says whose and where', async () => {
    const error = await rejection(client({ username: 'shipkit', password: 'wrong' }).manifest('vscoder/app', '1.0.0'));
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error.message).toBe(
      `The registry ${registry.host} did not accept the credentials of "shipkit": its token service ${registry.realm} answered 401 ` +
        '(incorrect username or password) for repository:vscoder/app:pull. Check the username and password (Docker Hub: an access token; GHCR: a token allowed to write packages).',
    );
    expect(error.message).not.toContain('wrong');
  });
});

(hasDocker || dockerRequired() ? describe : describe.skip)('build-images, bundled, pushing to a token-auth registry', () => {
  let registry: TokenRegistry;
  let repo: FixtureRepo;
  const base = `shipkit-net-base-${process.pid}:1`;

  beforeAll(async () => {
    registry = await startTokenRegistry({ lifetime: 3 });
    // A local base image (never pulled), and a build step that outlasts the 3 s tokens.
    localImage(base);
    const fixture = tempDir('token-fixture');
    mkdirSync(join(fixture, 'src', 'app'), { recursive: true });
    writeFileSync(join(fixture, 'src', 'app', 'Dockerfile'), `FROM ${base}\nRUN sleep 4\nCOPY VERSION /VERSION\n`);
    writeFileSync(join(fixture, 'src', 'app', 'VERSION'), '0.3.0\n');
    repo = new FixtureRepo(fixture);
  });
  afterAll(async () => {
    await docker(['rmi', base]);
    await registry?.stop();
  });

  test('a build longer than the token lifetime pushes, and the registry step refreshes its token once', async () => {
    const sha = repo.git('rev-parse', 'HEAD');
    const result = await runAction({
      action: 'build-images',
      node: NODE24,
      workspace: repo.dir,
      eventName: 'push',
      event: { repository: { default_branch: 'main', html_url: 'https://github.com/vscoder/microservices' } },
      env: actionEnv({ GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_REPOSITORY: 'vscoder/microservices' }),
      inputs: { registry: registry.host, namespace: 'vscoder', username: registry.user, password: registry.password, lint: 'false' },
    });
    const images = JSON.parse(result.outputs.images ?? '[]') as { image: string; tags: string[]; pushed: boolean }[];
    try {
      expect(result.annotations.filter((a) => a.level === 'error')).toEqual([]);
      expect(result.success).toBe(true);
      expect(images).toEqual([expect.objectContaining({ image: `${registry.host}/vscoder/app`, pushed: true })]);
      expect(result.main.log).toContain(`${registry.host}: the token for repository:vscoder/app:pull was refused (invalid_token); fetching a fresh one`);
      const tags = (await (await registry.api('/v2/vscoder/app/tags/list')).json()) as { tags: string[] };
      expect(tags.tags.sort()).toEqual(['0.3.0', 'latest', 'main', `sha-${sha.slice(0, 7)}`]);
      expect(result.main.log.join('\n')).not.toContain(registry.password);
    } finally {
      for (const image of images) for (const tag of image.tags) await docker(['rmi', `${image.image}:${tag}`]);
    }
  }, 120_000);
});

describe('a registry with htpasswd (Basic) auth still works', () => {
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  let manifest: Manifest;

  beforeAll(async () => {
    registry = await startRegistry({ user: 'shipkit', password: 'basic-pass-1' });
    await seedImage(registry.api, 'vscoder/basic', '2.0.0', { 'dev.shipkit.context-digest': 'abc' });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  test('read, labels and tag with Basic credentials', async () => {
    const registryClient = new Registry(registry.host, { username: registry.user, password: registry.password }, { retryDelays: [10] });
    manifest = (await registryClient.manifest('vscoder/basic', '2.0.0'))!;
    expect(await registryClient.labels('vscoder/basic', manifest)).toEqual({ 'dev.shipkit.context-digest': 'abc' });
    await registryClient.tag('vscoder/basic', 'latest', manifest);
    expect(await registryClient.manifest('vscoder/basic', 'latest')).toMatchObject({ digest: manifest.digest });
    expect(await registryClient.manifest('vscoder/basic', 'nope')).toBeUndefined();
  });

  test('a wrong password fails once, clearly', async () => {
    await expect(new Registry(registry.host, { username: 'shipkit', password: 'wrong' }, { retryDelays: [10] }).manifest('vscoder/basic', '2.0.0')).rejects.toThrow(
      `The registry ${registry.host} refused the username and password of "shipkit" for vscoder/basic (Basic auth, HTTP 401). Check the username and password.`,
    );
  });
});

// distribution on S3 or GCS answers blob reads with a redirect to the bucket or a CDN; here the real
// registry does the same with its own `redirect` storage middleware, to a loopback "storage host"
// that serves the registry's files, and then turns hostile: it answers 401 naming a realm of its own.
describe('a registry that redirects blob reads to a storage host', () => {
  let registry: TokenRegistry;
  const storage = new TestServer();
  const collector = new TestServer((_req, res) => res.end('{"token":"thanks"}'));
  let manifest: Manifest;
  const client = () => new Registry(registry.host, { username: registry.user, password: registry.password }, { retryDelays: [10], log: () => undefined });

  beforeAll(async () => {
    await Promise.all([storage.start(), collector.start()]);
    registry = await startTokenRegistry({ redirectBlobsTo: storage.url });
    await seedImage(registry.api, 'vscoder/cdn', '1.0.0', { 'org.opencontainers.image.version': '1.0.0' });
    manifest = (await client().manifest('vscoder/cdn', '1.0.0'))!;
  });
  afterAll(async () => {
    await registry?.stop();
    await Promise.all([storage.close(), collector.close()]);
  });

  test('the image config is read from the storage host, which gets no credentials', async () => {
    storage.seen = [];
    storage.handler = (req, res) => res.end(readFileSync(join(registry.dataDir, new URL(req.url ?? '', storage.url).pathname)));
    expect(await client().labels('vscoder/cdn', manifest)).toEqual({ 'org.opencontainers.image.version': '1.0.0' });
    expect(storage.seen.map((s) => [s.path, s.headers.authorization])).toEqual([[expect.stringMatching(/^\/docker\/registry\/v2\/blobs\/sha256\/[0-9a-f]{2}\/[0-9a-f]{64}\/data$/), undefined]]);
  });

  test('a 401 from the storage host, naming a realm of its own, gets no password and fails naming that host', async () => {
    storage.seen = [];
    storage.handler = (_req, res) => {
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${collector.url}/token",service="storage"`, 'content-type': 'application/json' });
      res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    };
    const from = registry.tokens.requests.length;
    const error = await rejection(client().labels('vscoder/cdn', manifest));
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect(error.message).toContain(`sent GET vscoder/cdn on to ${storage.url}, which answered 401`);
    expect(collector.seen).toEqual([]);
    expect(storage.seen.map((s) => s.headers.authorization)).toEqual([undefined]);
    // Only the registry's own token service was asked, as before the redirect.
    expect(registry.tokens.requests.slice(from).every((r) => r.account === registry.user)).toBe(true);
  });
});
