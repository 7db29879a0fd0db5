import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { runnerDockerConfig } from '../support/buildx.mjs';
import { dockerAvailable, dockerRequired, makeBaseImage, registryImage, registryTags, startRegistry } from '../support/docker.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// build-images' buildx path, the one GitHub's runners take. buildx cannot be installed here, so a
// STAND-IN docker-buildx CLI plugin (test/support/standins/docker-buildx, not the real buildx; see
// docker-buildx.md there for the buildx behaviour it copies) is installed in a temporary runner
// DOCKER_CONFIG the way docker/setup-buildx-action leaves one: the plugin, builders under buildx/,
// the current builder selected. The stand-in records each call and builds on the real engine; the
// images go to a real docker-registry on 127.0.0.1. Whether this machine has a real buildx does not
// matter: the runner's DOCKER_CONFIG plugin comes first in docker's search.

const FIXTURE = join(process.cwd(), 'examples', 'microservices');
const hasDocker = dockerAvailable();

if (!hasDocker && dockerRequired()) {
  test('a Docker engine is running (CI asked for one)', () => {
    throw new Error('No Docker engine answers `docker info`; .ci/run installs docker.io and starts dockerd. These tests fail rather than skip when CI=true.');
  });
}

interface Call {
  command: string;
  argv: string[];
  dockerConfig?: string;
  storedCurrent?: string;
  loginsInConfig: string[];
  credsStore?: string;
  env: string[];
  builder?: { name: string; driver: string; source: string };
  cacheFrom?: string[];
  cacheTo?: string[];
  secrets?: { id: string; from: string; sha256: string | null }[];
  push?: boolean;
  load?: boolean;
  tags?: string[];
}

(hasDocker ? describe : describe.skip)('build-images with buildx (the stand-in plugin) against a real engine and registry', () => {
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  let baseImage: string;
  let repo: FixtureRepo;
  const toolCache = tempDir('bx-cache');

  beforeAll(async () => {
    registry = await startRegistry();
    baseImage = makeBaseImage(registry);
    repo = new FixtureRepo(FIXTURE);
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
  });

  interface Run {
    runner: ReturnType<typeof runnerDockerConfig>;
    inputs?: Record<string, string>;
    env?: NodeJS.ProcessEnv;
    eventName?: string;
  }

  function buildImages({ runner, inputs = {}, env = {}, eventName = 'push' }: Run): Promise<RunResult> {
    return runAction({
      action: 'build-images',
      node: NODE24,
      toolCache,
      workspace: repo.dir,
      eventName,
      event: { repository: { default_branch: 'main', html_url: 'https://github.com/vscoder/microservices' }, pull_request: eventName === 'pull_request' ? { number: 9, head: { sha: repo.git('rev-parse', 'HEAD'), ref: 'feature' } } : undefined },
      env: actionEnv({
        GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
        GITHUB_REF: eventName === 'pull_request' ? 'refs/pull/9/merge' : 'refs/heads/main',
        GITHUB_REPOSITORY: 'vscoder/microservices',
        DOCKER_CONFIG: runner.dir,
        // handed to every action by the runner; docker must only get it when a gha cache asks
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-for-the-cache',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
        ...env,
      }),
      inputs: {
        registry: registry.host,
        namespace: 'vscoder',
        username: registry.user,
        password: registry.password,
        'image-names': 'post-py=post',
        'build-args': `BASE_IMAGE=${baseImage}`,
        lint: 'false',
        ...inputs,
      },
    });
  }

  const builds = (runner: ReturnType<typeof runnerDockerConfig>) => (runner.calls() as Call[]).filter((c) => c.command === 'build');
  type Image = { service: string; image: string; tags: string[]; digest: string; pushed: boolean; outcome: string };
  const byService = (result: RunResult) => Object.fromEntries((JSON.parse(result.outputs.images ?? '[]') as Image[]).map((i) => [i.service, i]));
  const errors = (result: RunResult) => result.annotations.filter((a) => a.level === 'error').map((a) => a.message).join('\n');
  const inEngine = (ref: string) => spawnSync('docker', ['image', 'inspect', ref], { stdio: 'ignore' }).status === 0;

  test('the stand-in itself keeps buildx\'s contract: builder resolution and the drivers\' refusals', () => {
    const runner = runnerDockerConfig({ builders: [{ name: 'builder-1f2e', driver: 'docker-container' }] });
    const buildx = (...args: string[]) => spawnSync('docker', ['buildx', ...args], { encoding: 'utf8', env: { ...process.env, DOCKER_CONFIG: runner.dir, BUILDX_BUILDER: '' } });
    expect(buildx('version').stdout).toMatch(/^github\.com\/docker\/buildx v0\.0\.0-shipkit-standin/);
    // no current builder stored: the context's own, with the docker driver
    expect(buildx('inspect').stdout).toMatch(/^Name: +default\nDriver: +docker\n/);
    expect(buildx('inspect', 'builder-1f2e').stdout).toMatch(/^Name: +builder-1f2e\nDriver: +docker-container\n/);
    expect(buildx('inspect', 'nope')).toMatchObject({ status: 1, stderr: 'ERROR: no builder "nope" found\n' });
    const context = join(repo.dir, 'src/ui');
    expect(buildx('build', '--cache-to', 'type=registry,ref=r/x:cache', context)).toMatchObject({ status: 1, stderr: expect.stringContaining('Cache export is not supported for the docker driver.') });
    expect(buildx('build', '--platform', 'linux/amd64,linux/arm64', context)).toMatchObject({ status: 1, stderr: expect.stringContaining('Multi-platform build is not supported for the docker driver.') });
    expect(buildx('build', '--builder', 'builder-1f2e', '--load', '--platform', 'linux/amd64,linux/arm64', context)).toMatchObject({
      status: 1,
      stderr: 'ERROR: docker exporter does not currently support exporting manifest lists\n',
    });
    expect(buildx('build', '--no-such-flag', context)).toMatchObject({ status: 1, stderr: 'ERROR: unknown flag: --no-such-flag\n' });
  });

  test("docker/setup-buildx-action's builder builds every service through the step's own DOCKER_CONFIG, with the registry cache", async () => {
    const runner = runnerDockerConfig({
      builders: [{ name: 'builder-1f2e', driver: 'docker-container' }],
      current: 'builder-1f2e',
      config: { auths: { 'ghcr.io': { auth: Buffer.from('other:secret').toString('base64') } }, aliases: { builder: 'buildx' } },
    });
    const before = runner.configJson();
    const result = await buildImages({ runner });
    expect(errors(result)).toBe('');
    const s = byService(result);
    expect(Object.values(s).map((i) => i.outcome)).toEqual(['built', 'built', 'built']);
    expect(result.main.log.join('\n')).toContain('Builder: buildx builder "builder-1f2e" (buildx\'s current builder, driver docker-container).');

    // the probes ran with the runner's config, before the login
    const probes = (runner.calls() as Call[]).filter((c) => c.command !== 'build');
    expect(probes.map((c) => [c.command, c.dockerConfig])).toEqual([['version', runner.dir], ['inspect', runner.dir]]);

    const calls = builds(runner);
    expect(calls).toHaveLength(3);
    for (const call of calls) {
      const name = call.tags![0]!.replace(/^.*\/vscoder\/([^:]+):.*$/, '$1');
      // the builder the runner selected, named explicitly, and still the current one in the step's config
      expect(call.builder).toEqual({ name: 'builder-1f2e', driver: 'docker-container', source: 'flag' });
      expect(call.storedCurrent).toBe('builder-1f2e');
      // the step's own config: the kit's login and the runner's other logins, no credential store
      expect(call.dockerConfig).not.toBe(runner.dir);
      expect(call.dockerConfig).toMatch(/shipkit-docker-/);
      expect(call.loginsInConfig.sort()).toEqual([registry.host, 'ghcr.io'].sort());
      expect(call.credsStore).toBeUndefined();
      // no input (INPUT_PASSWORD among them) and no runtime token in docker's environment
      expect(call.env.filter((k) => k.startsWith('INPUT_') || k.startsWith('ACTIONS_'))).toEqual([]);
      expect(call.cacheFrom).toEqual([`type=registry,ref=${registry.host}/vscoder/${name}:buildcache`]);
      expect(call.cacheTo).toEqual([`type=registry,ref=${registry.host}/vscoder/${name}:buildcache,mode=max`]);
      expect(call).toMatchObject({ push: true, load: false });
    }
    // buildx pushed every tag itself; a docker-container build leaves nothing in the engine
    expect(await registryTags(registry, 'vscoder/post')).toEqual(expect.arrayContaining(['0.1.0', 'main', 'latest']));
    expect((await registryImage(registry, 'vscoder/post', '0.1.0'))!.labels['dev.shipkit.context-digest']).toMatch(/^[0-9a-f]{64}$/);
    expect(s['post-py']!.digest).toBe((await registryImage(registry, 'vscoder/post', '0.1.0'))!.digest);
    expect(inEngine(`${registry.host}/vscoder/post:0.1.0`)).toBe(false);

    // afterwards: the step's folder is gone, the runner's config and builders are as they were
    expect(existsSync(calls[0]!.dockerConfig!)).toBe(false);
    expect(runner.configJson()).toBe(before);
    expect(existsSync(join(runner.dir, 'buildx', 'instances', 'builder-1f2e'))).toBe(true);
    expect(existsSync(join(runner.dir, 'cli-plugins', 'docker-buildx'))).toBe(true);

    // a second run finds every build in the registry (buildx-pushed images read back) and builds nothing
    repo.commit('nothing changed');
    const again = await buildImages({ runner });
    expect(errors(again)).toBe('');
    expect(Object.values(byService(again)).map((i) => i.outcome)).toEqual(['reused', 'reused', 'reused']);
    expect(builds(runner)).toHaveLength(3);
  });

  test('the docker driver (no builder set up): inline cache when pushing, loaded into the engine on a pull request', async () => {
    const runner = runnerDockerConfig({});
    repo.write('src/ui/run.sh', '#!/bin/sh\necho "ui for the docker driver"\n');
    repo.commit('ui change');
    const pushed = await buildImages({ runner, inputs: { services: 'src/ui' } });
    expect(errors(pushed)).toBe('');
    const [build] = builds(runner);
    expect(build).toMatchObject({ builder: { name: 'default', driver: 'docker', source: 'flag' }, cacheTo: ['type=inline'], push: true });
    expect(build!.cacheFrom).toEqual([`type=registry,ref=${registry.host}/vscoder/ui:1.0.3`]);

    repo.write('src/ui/run.sh', '#!/bin/sh\necho "ui from a pull request"\n');
    repo.commit('ui change in a pull request');
    const pr = await buildImages({ runner, eventName: 'pull_request', inputs: { services: 'src/ui' } });
    expect(errors(pr)).toBe('');
    expect(byService(pr).ui).toMatchObject({ outcome: 'built', pushed: false, tags: expect.arrayContaining(['pr-9']) });
    expect(builds(runner)[1]).toMatchObject({ cacheTo: [], push: false, load: true });
    expect(inEngine(`${registry.host}/vscoder/ui:pr-9`)).toBe(true);
  });

  test.each([
    [{ platforms: 'linux/amd64,linux/arm64' }, 'Input "platforms" is "linux/amd64,linux/arm64": the builder "default" uses the docker driver, which builds one platform at a time.'],
    [{ 'cache-to': 'type=gha,mode=max' }, 'Input "cache-to" has "type=gha,mode=max": the builder "default" uses the docker driver, which can only export type=inline cache.'],
    [{ builder: 'nope' }, 'Input "builder" is "nope", which docker buildx does not know (docker buildx said: "ERROR: no builder \\"nope\\" found").'],
  ])('what the builder cannot do is refused before the login: %j', async (inputs, message) => {
    const runner = runnerDockerConfig({});
    const result = await buildImages({ runner, inputs });
    expect(result.success).toBe(false);
    expect(errors(result)).toContain(message);
    expect(result.state).toEqual({});
    expect(builds(runner)).toEqual([]);
  });

  test('the builder input, or BUILDX_BUILDER, picks one of several builders', async () => {
    const runner = runnerDockerConfig({
      builders: [
        { name: 'builder-a', driver: 'docker-container' },
        { name: 'remote-b', driver: 'remote' },
      ],
      current: 'builder-a',
    });
    repo.write('src/comment/run.sh', '#!/bin/sh\necho "comment, built by b"\n');
    repo.commit('comment change');
    const byInput = await buildImages({ runner, inputs: { services: 'src/comment', builder: 'remote-b' } });
    expect(errors(byInput)).toBe('');
    expect(builds(runner)[0]!.builder).toEqual({ name: 'remote-b', driver: 'remote', source: 'flag' });

    repo.write('src/comment/run.sh', '#!/bin/sh\necho "comment, built by b again"\n');
    repo.commit('comment change again');
    const byEnv = await buildImages({ runner, inputs: { services: 'src/comment' }, env: { BUILDX_BUILDER: 'remote-b' } });
    expect(errors(byEnv)).toBe('');
    expect(byEnv.main.log.join('\n')).toContain('Builder: buildx builder "remote-b" (BUILDX_BUILDER, driver remote).');
    expect(builds(runner)[1]!.builder).toEqual({ name: 'remote-b', driver: 'remote', source: 'flag' });
  });

  test('plugins found through cliPluginsExtraDirs stay visible; a gha cache gets one scope per image and the runtime token', async () => {
    const runner = runnerDockerConfig({ plugin: 'extra-dir', builders: [{ name: 'builder-1f2e', driver: 'docker-container' }], current: 'builder-1f2e' });
    repo.write('src/post-py/run.sh', '#!/bin/sh\necho "post, cached in gha"\n');
    repo.commit('post change');
    const result = await buildImages({ runner, inputs: { services: 'src/post-py', 'cache-from': 'type=gha', 'cache-to': 'type=gha,mode=max' } });
    expect(errors(result)).toBe('');
    const [build] = builds(runner);
    expect(build).toMatchObject({ builder: { name: 'builder-1f2e' }, cacheFrom: ['type=gha,scope=post'], cacheTo: ['type=gha,mode=max,scope=post'] });
    expect(build!.env).toEqual(expect.arrayContaining(['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL']));
    expect(build!.env.filter((k) => k.startsWith('INPUT_'))).toEqual([]);
  });

  // A private npm index token for `RUN --mount=type=secret,id=npm_token`: the stand-in records where
  // buildx would read each secret from and a digest of what it finds there.
  test("secrets reach buildx as --secret id=<id>,env=<variable>, in the build command's environment only, never in an argument or the log", async () => {
    const runner = runnerDockerConfig({ builders: [{ name: 'builder-1f2e', driver: 'docker-container' }], current: 'builder-1f2e' });
    repo.write('src/comment/run.sh', '#!/bin/sh\necho "comment, with a private index"\n');
    repo.commit('comment change');
    const token = 'npm_s3cr3t-token-4711';
    const index = 'https://ci:pa55word@pypi.corp.example/simple';
    const result = await buildImages({ runner, inputs: { services: 'src/comment', secrets: `npm_token=${token}\npip.index-url=${index}` } });
    expect(errors(result)).toBe('');
    const [build] = builds(runner);
    expect(build!.argv).toEqual(expect.arrayContaining(['--secret', 'id=npm_token,env=SHIPKIT_BUILD_SECRET_0', '--secret', 'id=pip.index-url,env=SHIPKIT_BUILD_SECRET_1']));
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(build!.secrets).toEqual([
      { id: 'npm_token', from: 'env SHIPKIT_BUILD_SECRET_0', sha256: sha(token) },
      { id: 'pip.index-url', from: 'env SHIPKIT_BUILD_SECRET_1', sha256: sha(index) },
    ]);
    for (const call of runner.calls() as Call[]) {
      if (call.command !== 'build') expect(call.env.filter((k) => k.startsWith('SHIPKIT_BUILD_SECRET'))).toEqual([]);
    }
    const recorded = JSON.stringify(runner.calls());
    expect(recorded).not.toContain(token);
    expect(recorded).not.toContain('pa55word');
    expect(result.main.log.join('\n')).not.toContain(token);
    expect(result.main.log.join('\n')).toContain('--secret id=npm_token,env=SHIPKIT_BUILD_SECRET_0');
  });

  test("a failed buildx build names the service, the Dockerfile line and buildx's message", async () => {
    const runner = runnerDockerConfig({ builders: [{ name: 'builder-1f2e', driver: 'docker-container' }], current: 'builder-1f2e' });
    mkdirSync(join(repo.dir, 'broken/api'), { recursive: true });
    repo.write('broken/api/Dockerfile', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo "linking failed" && exit 2\n');
    repo.commit('a broken service');
    const result = await buildImages({ runner, inputs: { services: 'broken/*', 'image-names': '', tags: 'raw:broken' } });
    expect(result.success).toBe(false);
    expect(result.annotations).toContainEqual({
      level: 'error',
      file: 'broken/api/Dockerfile',
      line: 3,
      message: `api: the build failed at line 3 (RUN echo "linking failed" && exit 2): The command '/bin/sh -c echo "linking failed" && exit 2' returned a non-zero code: 2\nlinking failed`,
    });
  });

  test('DOCKER_BUILDKIT=0 with buildx installed: the classic builder, and the plugin is never called', async () => {
    const runner = runnerDockerConfig({ builders: [{ name: 'builder-1f2e', driver: 'docker-container' }], current: 'builder-1f2e' });
    repo.write('src/ui/run.sh', '#!/bin/sh\necho "ui, classic"\n');
    repo.commit('ui change, classic');
    const result = await buildImages({ runner, inputs: { services: 'src/ui' }, env: { DOCKER_BUILDKIT: '0' } });
    expect(errors(result)).toBe('');
    expect(result.main.log.join('\n')).toContain("Builder: the classic docker build (DOCKER_BUILDKIT=0 in the step's environment turns buildx off).");
    expect(runner.calls()).toEqual([]);
    expect(execFileSync('docker', ['image', 'inspect', '--format', '{{index .Config.Labels "org.opencontainers.image.title"}}', `${registry.host}/vscoder/ui:1.0.3`], { encoding: 'utf8' }).trim()).toBe('ui');
  });
});
