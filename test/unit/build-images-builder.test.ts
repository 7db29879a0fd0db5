import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import {
  buildkitOff,
  builderToInspect,
  cacheEnvironment,
  cacheFlags,
  cacheType,
  checkCacheTag,
  chooseBuilder,
  expandCache,
  parseInspect,
  type BuilderFacts,
  type BuilderPlan,
  type BuilderRequest,
} from '../../actions/build-images/src/builder.js';
import { parseCacheSpec } from '../../actions/build-images/src/cache-spec.js';
import { createStepConfig, registryKeys, stepConfigJson } from '../../actions/build-images/src/docker-config.js';
import { dockerEnvironment, hadolintEnvironment } from '../../actions/build-images/src/environment.js';

const request = (extra: Partial<BuilderRequest> = {}): BuilderRequest => ({
  builder: '',
  platforms: [],
  cacheFrom: { kind: 'default' },
  cacheTo: { kind: 'default' },
  ...extra,
});
const BUILDX = 'github.com/docker/buildx v0.23.0 28c90ea';
const container: BuilderFacts = { buildx: BUILDX, builder: { name: 'builder-1f2e', driver: 'docker-container' } };
const dockerDriver: BuilderFacts = { buildx: BUILDX, builder: { name: 'default', driver: 'docker' } };

describe('which builder builds', () => {
  test.each([
    ['no buildx: the classic builder', {}, request(), { kind: 'classic', why: "this runner's docker has no buildx" }],
    ['DOCKER_BUILDKIT=0 turns buildx off even when it is there', { ...container, buildkit: '0' }, request(), { kind: 'classic', why: "DOCKER_BUILDKIT=0 in the step's environment turns buildx off" }],
    ['DOCKER_BUILDKIT=false, as Go reads booleans', { ...container, buildkit: 'false' }, request(), { kind: 'classic' }],
    ['DOCKER_BUILDKIT=1 keeps buildx', { ...container, buildkit: '1' }, request(), { kind: 'buildx', name: 'builder-1f2e' }],
    ['the current builder (docker/setup-buildx-action\'s)', container, request(), { kind: 'buildx', name: 'builder-1f2e', driver: 'docker-container', exportsCache: true, why: "buildx's current builder, driver docker-container" }],
    ['the builder input', container, request({ builder: 'builder-1f2e' }), { kind: 'buildx', why: 'the "builder" input, driver docker-container' }],
    ['BUILDX_BUILDER', container, request({ builderEnv: 'builder-1f2e' }), { kind: 'buildx', why: 'BUILDX_BUILDER, driver docker-container' }],
    ['the docker driver cannot export cache', dockerDriver, request(), { kind: 'buildx', driver: 'docker', exportsCache: false }],
    ['the docker driver on the containerd image store can', { ...dockerDriver, containerdStore: true }, request({ platforms: ['linux/amd64', 'linux/arm64'] }), { kind: 'buildx', exportsCache: true }],
  ] as [string, BuilderFacts, BuilderRequest, Partial<BuilderPlan>][])('%s', (_name, facts, req, plan) => {
    expect(chooseBuilder(facts, req)).toMatchObject(plan);
  });

  test.each([
    ['builder without buildx', {}, request({ builder: 'ci' }), 'Input "builder" is "ci", which needs docker buildx, but this runner\'s docker has no buildx (install it, or run docker/setup-buildx-action before this step).'],
    ['builder with DOCKER_BUILDKIT=0', { ...container, buildkit: '0' }, request({ builder: 'ci' }), 'Input "builder" is "ci", which needs docker buildx, but DOCKER_BUILDKIT=0 in the step\'s environment turns buildx off.'],
    ['platforms without buildx', {}, request({ platforms: ['linux/arm64'] }), 'Input "platforms" is "linux/arm64", which needs docker buildx, but'],
    ['cache-to without buildx', {}, request({ cacheTo: { kind: 'specs', specs: ['type=gha'] } }), 'Input "cache-to" is "type=gha", which needs docker buildx, but'],
    ['a gha cache-from for the classic builder', {}, request({ cacheFrom: { kind: 'specs', specs: ['type=gha'] } }), 'Input "cache-from" has "type=gha": the classic builder only takes images (type=registry)'],
    ['an unknown builder input', { buildx: BUILDX, builder: { error: 'ERROR: no builder "ci" found' } }, request({ builder: 'ci' }), 'Input "builder" is "ci", which docker buildx does not know (docker buildx said: "ERROR: no builder \\"ci\\" found").'],
    ['an unknown BUILDX_BUILDER', { buildx: BUILDX, builder: { error: 'ERROR: no builder "ci" found' } }, request({ builderEnv: 'ci' }), 'BUILDX_BUILDER is "ci", which docker buildx does not know'],
    ['two platforms on the docker driver', dockerDriver, request({ platforms: ['linux/amd64', 'linux/arm64'] }), 'Input "platforms" is "linux/amd64,linux/arm64": the builder "default" uses the docker driver, which builds one platform at a time.'],
    ['a registry cache-to on the docker driver', dockerDriver, request({ cacheTo: { kind: 'specs', specs: ['type=inline', 'type=registry,ref=r:cache'] } }), 'Input "cache-to" has "type=registry,ref=r:cache": the builder "default" uses the docker driver, which can only export type=inline cache.'],
  ] as [string, BuilderFacts, BuilderRequest, string][])('refused: %s', (_name, facts, req, message) => {
    expect(() => chooseBuilder(facts, req)).toThrow(message);
  });

  test('inline cache-to is fine on the docker driver', () => {
    expect(chooseBuilder(dockerDriver, request({ cacheTo: { kind: 'specs', specs: ['type=inline'] } }))).toMatchObject({ kind: 'buildx' });
  });

  test('buildx is asked about the builder input, else BUILDX_BUILDER, else its current builder', () => {
    expect(builderToInspect({ builder: 'a', builderEnv: 'b' })).toBe('a');
    expect(builderToInspect({ builder: '', builderEnv: 'b' })).toBe('b');
    expect(builderToInspect({ builder: '' })).toBeUndefined();
  });

  test.each([
    ['0', true],
    ['false', true],
    ['F', true],
    ['1', false],
    ['true', false],
    [undefined, false],
  ])('DOCKER_BUILDKIT=%s is off: %s', (value, off) => {
    expect(buildkitOff(value)).toBe(off);
  });

  test('docker buildx inspect: the builder\'s name and driver, not its nodes\'', () => {
    const out = 'Name:          builder-1f2e\nDriver:        docker-container\nLast Activity: 2026-11-30 10:00:00 +0000 UTC\n\nNodes:\nName:      builder-1f2e0\nEndpoint:  unix:///var/run/docker.sock\nStatus:    running\n';
    expect(parseInspect(out)).toEqual({ name: 'builder-1f2e', driver: 'docker-container' });
    expect(parseInspect('garbage')).toEqual({ error: 'docker buildx inspect printed no builder name and driver: garbage' });
  });
});

describe('cache flags per service', () => {
  const ctx = { image: 'ghcr.io/org/post', name: 'post', previous: '0.1.0', push: true, rebuild: false };
  const plan = (facts: BuilderFacts, req = request()) => chooseBuilder(facts, req);

  test.each([
    ['docker-container, pushing: registry cache under :buildcache, written with mode=max', plan(container), ctx, { cacheFrom: ['type=registry,ref=ghcr.io/org/post:buildcache'], cacheTo: ['type=registry,ref=ghcr.io/org/post:buildcache,mode=max'], pull: [] }],
    ['docker-container, a pull request: read the cache, write nothing', plan(container), { ...ctx, push: false }, { cacheFrom: ['type=registry,ref=ghcr.io/org/post:buildcache'], cacheTo: [], pull: [] }],
    ['docker driver: inline cache in the pushed image, read back from the last publish', plan(dockerDriver), ctx, { cacheFrom: ['type=registry,ref=ghcr.io/org/post:0.1.0'], cacheTo: ['type=inline'], pull: [] }],
    ['docker driver, first publish: nothing to read', plan(dockerDriver), { ...ctx, previous: undefined }, { cacheFrom: [], cacheTo: ['type=inline'], pull: [] }],
    ['classic: the last published image, pulled first', plan({}), ctx, { cacheFrom: ['ghcr.io/org/post:0.1.0'], cacheTo: [], pull: ['ghcr.io/org/post:0.1.0'] }],
    ['rebuild reads no cache but still writes it', plan(container), { ...ctx, rebuild: true }, { cacheFrom: [], cacheTo: ['type=registry,ref=ghcr.io/org/post:buildcache,mode=max'], pull: [] }],
    ['none turns both off', plan(container, request({ cacheFrom: { kind: 'none' }, cacheTo: { kind: 'none' } })), ctx, { cacheFrom: [], cacheTo: [], pull: [] }],
    [
      'gha on request, one scope per image',
      plan(container, request({ cacheFrom: { kind: 'specs', specs: ['type=gha'] }, cacheTo: { kind: 'specs', specs: ['type=gha,mode=max'] } })),
      ctx,
      { cacheFrom: ['type=gha,scope=post'], cacheTo: ['type=gha,mode=max,scope=post'], pull: [] },
    ],
    [
      'classic with a registry cache-from: the image, pulled first',
      plan({}, request({ cacheFrom: { kind: 'specs', specs: ['type=registry,ref={image}:cache'] } })),
      ctx,
      { cacheFrom: ['ghcr.io/org/post:cache'], cacheTo: [], pull: ['ghcr.io/org/post:cache'] },
    ],
  ] as [string, BuilderPlan, Parameters<typeof cacheFlags>[1], ReturnType<typeof cacheFlags>][])('%s', (_name, p, c, flags) => {
    expect(cacheFlags(p, c)).toEqual(flags);
  });

  test('an image tag named like the registry cache is refused while that cache is the default', () => {
    expect(() => checkCacheTag(plan(container), true, ['1.0.0', 'buildcache'])).toThrow('Input "tags" gives the tag buildcache, where build-images keeps each image\'s registry cache');
    expect(() => checkCacheTag(plan(container), false, ['buildcache'])).not.toThrow();
    expect(() => checkCacheTag(plan(dockerDriver), true, ['buildcache'])).not.toThrow();
    expect(() => checkCacheTag(plan(container, request({ cacheTo: { kind: 'none' } })), true, ['buildcache'])).not.toThrow();
  });

  test('placeholders and scopes', () => {
    const c = { image: 'r/ns/ui', name: 'ui' };
    expect(expandCache('type=registry,ref={image}:cache-{name}', c)).toBe('type=registry,ref=r/ns/ui:cache-ui');
    expect(expandCache('type=gha,scope=shared', c)).toBe('type=gha,scope=shared');
    expect(expandCache('type=gha,scope={name}-x', c)).toBe('type=gha,scope=ui-x');
    // Read as buildx reads it: a quoted or upper-case scope is a scope, so none is added.
    expect(expandCache('"type=gha","scope=shared"', c)).toBe('"type=gha","scope=shared"');
    expect(expandCache('TYPE=gha,Scope=shared', c)).toBe('TYPE=gha,Scope=shared');
    expect(expandCache('"type=gha"', c)).toBe('"type=gha",scope=ui');
  });

  test.each([
    ['type=gha,mode=max', [{ type: 'gha', attrs: { mode: 'max' } }]],
    ['type=local,"dest=/tmp/x"', [{ type: 'local', attrs: { dest: '/tmp/x' } }]],
    ['"TYPE=local",DEST=cache', [{ type: 'local', attrs: { dest: 'cache' } }]],
    ['type=local,"dest=a,""b"""', [{ type: 'local', attrs: { dest: 'a,"b"' } }]],
    ['type=local,dest=a=b', [{ type: 'local', attrs: { dest: 'a=b' } }]],
    ['user/app:cache', [{ type: 'registry', attrs: { ref: 'user/app:cache' } }]],
    ['user/app:cache,"user/app:old"', [{ type: 'registry', attrs: { ref: 'user/app:cache' } }, { type: 'registry', attrs: { ref: 'user/app:old' } }]],
  ])('a cache spec as buildx reads it: %s', (spec, entries) => {
    expect(parseCacheSpec(spec)).toEqual(entries);
    expect(cacheType(spec)).toBe(entries[0]!.type);
  });

  test.each([
    ['type=local,"dest=x', 'the quote at column 12 is never closed'],
    ['type=local,dest="x"', 'a " inside an unquoted field at column 17'],
    ['type=local,"dest=x"y', 'text after the closing quote at column 19'],
    ['type=local,dest', 'the field "dest" is not key=value'],
    ['mode=max', 'there is no type= field'],
  ])('a cache spec buildx would refuse: %s', (spec, reason) => {
    expect(() => parseCacheSpec(spec)).toThrow(reason);
    expect(cacheType(spec)).toBe('');
  });

  test('the variables a cache backend reads reach docker only when that backend is used', () => {
    const env = { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'u', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'no', AWS_SECRET_ACCESS_KEY: 's', PATH: '/bin' };
    expect(dockerEnvironment(env, { extra: cacheEnvironment(['type=registry,ref=x']) })).toEqual({ PATH: '/bin' });
    expect(dockerEnvironment(env, { extra: cacheEnvironment(['type=gha']) })).toEqual({ PATH: '/bin', ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'u' });
    expect(dockerEnvironment(env, { extra: cacheEnvironment(['type=s3,region=x']) })).toEqual({ PATH: '/bin', AWS_SECRET_ACCESS_KEY: 's' });
  });
});

describe('child environments', () => {
  const runner = {
    PATH: '/usr/bin',
    HOME: '/home/runner',
    INPUT_PASSWORD: 'registry-secret',
    INPUT_USERNAME: 'me',
    GITHUB_TOKEN: 'ghs_x',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    AWS_SECRET_ACCESS_KEY: 'aws',
    DOCKER_HOST: 'ssh://builder',
    SSH_AUTH_SOCK: '/tmp/agent',
    DOCKER_CONFIG: '/home/runner/.docker',
    BUILDX_BUILDER: 'builder-1f2e',
    HTTPS_PROXY: 'http://proxy:3128',
    DOCKER_PASSWORD: 'not-for-docker',
    DOCKER_BUILDKIT: '1',
  };

  test('docker gets what docker reads, and no input, token or unrelated secret', () => {
    expect(dockerEnvironment(runner, { dockerConfig: '/tmp/step', buildkit: '0' })).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      DOCKER_HOST: 'ssh://builder',
      SSH_AUTH_SOCK: '/tmp/agent',
      DOCKER_CONFIG: '/tmp/step',
      BUILDX_BUILDER: 'builder-1f2e',
      HTTPS_PROXY: 'http://proxy:3128',
      DOCKER_BUILDKIT: '0',
    });
  });

  test('without a login of its own, docker keeps the runner\'s DOCKER_CONFIG and DOCKER_BUILDKIT', () => {
    expect(dockerEnvironment(runner)).toMatchObject({ DOCKER_CONFIG: '/home/runner/.docker', DOCKER_BUILDKIT: '1' });
    expect(dockerEnvironment({ PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });

  test('hadolint gets its own settings and nothing secret', () => {
    expect(hadolintEnvironment({ ...runner, HADOLINT_FAILURE_THRESHOLD: 'error', XDG_CONFIG_HOME: '/x' })).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      HADOLINT_FAILURE_THRESHOLD: 'error',
      XDG_CONFIG_HOME: '/x',
    });
  });
});

describe("the step's DOCKER_CONFIG", () => {
  const runnerConfig = {
    auths: { 'ghcr.io': { auth: 'b3RoZXI6c2VjcmV0' }, '127.0.0.1:5000': { auth: 'b2xkOm9sZA==' } },
    credsStore: 'secretservice',
    credHelpers: { 'registry.example': 'ecr-login', '127.0.0.1:5000': 'pass' },
    currentContext: 'remote-engine',
    cliPluginsExtraDirs: ['/opt/docker/plugins'],
    aliases: { builder: 'buildx' },
    proxies: { default: { httpsProxy: 'http://proxy:3128' } },
  };

  test('settings and other registries\' logins carried, store included; the kit\'s registry pinned to the file, with no login', () => {
    expect(stepConfigJson(runnerConfig, '127.0.0.1:5000')).toEqual({
      auths: { 'ghcr.io': { auth: 'b3RoZXI6c2VjcmV0' }, '127.0.0.1:5000': {} },
      credsStore: 'secretservice',
      credHelpers: { 'registry.example': 'ecr-login', '127.0.0.1:5000': '', 'https://127.0.0.1:5000': '', 'http://127.0.0.1:5000': '' },
      currentContext: 'remote-engine',
      cliPluginsExtraDirs: ['/opt/docker/plugins'],
      aliases: { builder: 'buildx' },
      proxies: { default: { httpsProxy: 'http://proxy:3128' } },
    });
  });

  test('the kit\'s registry is pinned to the file even when the runner has no config, so docker picks no credential helper', () => {
    const hub = { 'https://index.docker.io/v1/': '', 'index.docker.io': '', 'docker.io': '', 'registry-1.docker.io': '' };
    expect(stepConfigJson(undefined, 'docker.io')).toEqual({ auths: { 'https://index.docker.io/v1/': {} }, credHelpers: hub });
    expect(registryKeys('docker.io')).toContain('https://index.docker.io/v1/');
    expect(stepConfigJson({ auths: { 'https://index.docker.io/v1/': { auth: 'x' } }, credHelpers: { 'docker.io': 'desktop' } }, 'docker.io')).toEqual({
      auths: { 'https://index.docker.io/v1/': {} },
      credHelpers: hub,
    });
  });

  test('a private folder with links to the runner\'s buildx, contexts and cli-plugins, and a private config.json', async () => {
    const home = mkdtempSync(join(tmpdir(), 'shipkit-dc-'));
    const runnerDir = join(home, '.docker');
    for (const d of ['buildx/instances', 'contexts/meta', 'cli-plugins']) mkdirSync(join(runnerDir, d), { recursive: true });
    writeFileSync(join(runnerDir, 'config.json'), JSON.stringify(runnerConfig));
    const temp = mkdtempSync(join(tmpdir(), 'shipkit-dc-temp-'));
    const step = await createStepConfig(temp, { HOME: home }, '127.0.0.1:5000');
    expect(step.linked).toEqual(['buildx', 'contexts', 'cli-plugins']);
    for (const name of step.linked) {
      expect(lstatSync(join(step.dir, name)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(step.dir, name))).toBe(join(runnerDir, name));
    }
    expect(statSync(step.dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(step.dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(step.dir, 'config.json'), 'utf8'))).toEqual(stepConfigJson(runnerConfig, '127.0.0.1:5000'));

    const withBuildxConfig = await createStepConfig(temp, { DOCKER_CONFIG: runnerDir, BUILDX_CONFIG: '/elsewhere' }, 'ghcr.io');
    expect(withBuildxConfig.linked).toEqual(['contexts', 'cli-plugins']);
    const bare = await createStepConfig(temp, { DOCKER_CONFIG: join(home, 'none') }, 'ghcr.io');
    expect(bare.linked).toEqual([]);
  });
});
