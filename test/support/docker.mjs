// Real Docker pieces for integration tests: the engine (Debian's docker.io), a registry (Debian's
// docker-registry, the real distribution registry) with htpasswd auth on 127.0.0.1, and a base
// image made from busybox-static, since nothing can be pulled from the internet here.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export function dockerAvailable() {
  return spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
}

/** CI (and SHIPKIT_REQUIRE_DOCKER=1) asks for Docker: then a missing engine fails the tests instead of skipping them. */
export function dockerRequired() {
  return process.env.CI === 'true' || process.env.SHIPKIT_REQUIRE_DOCKER === '1';
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts docker-registry with htpasswd auth on a free loopback port.
 * @returns {Promise<{host: string, url: string, user: string, password: string, stop: () => Promise<void>, api: (path: string, init?: RequestInit) => Promise<Response>}>}
 */
export async function startRegistry({ user = 'shipkit', password = 'registry-pass-1' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-registry-'));
  const htpasswd = execFileSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' });
  writeFileSync(join(dir, 'htpasswd'), htpasswd);
  const port = await freePort();
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${join(dir, 'data')}
  delete:
    enabled: true
http:
  addr: 127.0.0.1:${port}
auth:
  htpasswd:
    realm: shipkit-test
    path: ${join(dir, 'htpasswd')}
`,
  );
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 401 || res.status === 200) break;
    } catch {
      // not up yet
    }
    if (i > 100) throw new Error(`docker-registry did not start on ${url}:\n${stderr}`);
    await sleep(50);
  }
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    host: `127.0.0.1:${port}`,
    url,
    user,
    password,
    api: (path, init = {}) => fetch(`${url}${path}`, { ...init, headers: { authorization: auth, ...(init.headers ?? {}) } }),
    async stop() {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Builds a base image from busybox-static and pushes it to the registry as <host>/base/busybox:1,
 * so fixture Dockerfiles can `FROM` it, also with `--pull`.
 */
export function makeBaseImage(registry) {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-base-'));
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n');
  const ref = `${registry.host}/base/busybox:1`;
  const config = join(dir, 'docker-config');
  mkdirSync(config);
  const env = { ...process.env, DOCKER_CONFIG: config };
  execFileSync('docker', ['build', '-q', '-t', ref, dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync('docker', ['login', registry.host, '-u', registry.user, '--password-stdin'], { env, input: registry.password, stdio: ['pipe', 'ignore', 'pipe'] });
  execFileSync('docker', ['push', '-q', ref], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  rmSync(dir, { recursive: true, force: true });
  return ref;
}

/**
 * The digest and image config labels of a tag, read through the registry's HTTP API.
 * @returns {Promise<{digest: string, labels: Record<string, string>} | undefined>}
 */
export async function registryImage(registry, repository, tag) {
  const accept = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';
  const res = await registry.api(`/v2/${repository}/manifests/${tag}`, { headers: { accept } });
  if (res.status === 404) return undefined;
  const digest = res.headers.get('docker-content-digest');
  const manifest = await res.json();
  const config = await (await registry.api(`/v2/${repository}/blobs/${manifest.config.digest}`)).json();
  return { digest, labels: config.config.Labels ?? {} };
}

/** @returns {Promise<string[]>} */
export async function registryTags(registry, repository) {
  const res = await registry.api(`/v2/${repository}/tags/list`);
  if (res.status === 404) return [];
  return ((await res.json()).tags ?? []).sort();
}

/** A local image made from busybox-static, under the given tags (no registry needed). */
export function localImage(...tags) {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-img-'));
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n');
  execFileSync('docker', ['build', '-q', ...tags.flatMap((t) => ['-t', t]), dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  rmSync(dir, { recursive: true, force: true });
}
