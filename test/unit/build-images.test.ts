import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import type { GitContext } from '../../lib/git-context.js';
import { parseChallenge, registryApiBase } from '../../lib/registry.js';
import { contextDigest } from '../../actions/build-images/src/digest.js';
import { buildArgv, buildxOutput, secretMounts } from '../../actions/build-images/src/docker.js';
import { imageRef } from '../../actions/build-images/src/reference.js';
import { failsThreshold, parseHadolintJson, toSarif } from '../../actions/build-images/src/hadolint.js';
import { checkDistinctImages, discoverServices, parseImageNames } from '../../actions/build-images/src/services.js';
import { branchTag, computeTags, parseTagSpec, tagSafe, TAG_RULES, whyNoTag } from '../../actions/build-images/src/tags.js';

const NOW = new Date('2026-11-23T04:05:06Z');
const SHA = '0123456789abcdef0123456789abcdef01234567';
const push = (ref: string, extra: Partial<GitContext> = {}): GitContext => ({
  eventName: 'push',
  ref,
  sha: SHA,
  branch: ref.startsWith('refs/heads/') ? ref.slice(11) : undefined,
  tag: ref.startsWith('refs/tags/') ? ref.slice(10) : undefined,
  defaultBranch: 'main',
  ...extra,
});
const all = parseTagSpec([]);

describe('tag rules', () => {
  test.each([
    ['push to the default branch', push('refs/heads/main'), '1.0.0', ['1.0.0', 'sha-0123456', 'main', 'latest']],
    ['push to another branch', push('refs/heads/feature/Login Flow'), '1.0.0', ['1.0.0', 'sha-0123456', 'feature-login-flow']],
    ['a v1.2.3 tag', push('refs/tags/v1.2.3'), '1.0.0', ['1.0.0', 'sha-0123456', '1.2.3', '1.2']],
    ['a prerelease tag', push('refs/tags/v2.0.0-rc.1'), undefined, ['sha-0123456', '2.0.0-rc.1']],
    ['a tag that is not semver', push('refs/tags/release-7'), '1.0.0', ['1.0.0', 'sha-0123456']],
    ['a schedule on main', push('refs/heads/main', { eventName: 'schedule' }), '1.0.0', ['1.0.0', 'sha-0123456', 'main', 'latest', 'nightly', 'nightly-20261123']],
    [
      'a pull request: head sha, pr number, no branch, no latest',
      { eventName: 'pull_request', ref: 'refs/pull/7/merge', sha: SHA, branch: 'main', prNumber: 7, defaultBranch: 'main' },
      '1.0.0',
      ['1.0.0', 'sha-0123456', 'pr-7'],
    ],
    ['no VERSION file', push('refs/heads/main'), undefined, ['sha-0123456', 'main', 'latest']],
    // A branch named like another rule's tag never takes that tag: `branch-` goes in front.
    ['a maintenance branch named 1.0', push('refs/heads/1.0'), '1.0.3', ['1.0.3', 'sha-0123456', 'branch-1.0']],
    ['a branch named latest (not the default one)', push('refs/heads/latest'), undefined, ['sha-0123456', 'branch-latest']],
    ['a branch named v2', push('refs/heads/v2'), undefined, ['sha-0123456', 'branch-v2']],
    ['a branch named like a sha tag', push('refs/heads/sha-0123456'), undefined, ['sha-0123456', 'branch-sha-0123456']],
    ['a branch named buildcache', push('refs/heads/BuildCache'), undefined, ['sha-0123456', 'branch-buildcache']],
    ['release/1.0 is no version', push('refs/heads/release/1.0'), '1.0.0', ['1.0.0', 'sha-0123456', 'release-1.0']],
  ] as [string, GitContext, string | undefined, string[]][])('%s', (_name, git, version, tags) => {
    expect(computeTags(all, git, version, NOW)).toEqual(tags);
  });

  test('chosen rules and raw tags, duplicates removed', () => {
    const spec = parseTagSpec(['version', 'raw:stable', 'raw:1.0.0']);
    expect(computeTags(spec, push('refs/heads/main'), '1.0.0', NOW)).toEqual(['1.0.0', 'stable']);
  });

  test.each([
    ['raw:-bad', 'Input "tags" has "raw:-bad": "-bad" is not a valid Docker tag'],
    ['nightly', 'Input "tags" has "nightly": expected any of version, sha, branch, pr, latest, schedule, semver, or raw:<tag>.'],
  ])('%s is refused', (item, message) => {
    expect(() => parseTagSpec([item])).toThrow(message);
  });

  test.each([
    ['feature/Login flow', 'feature-login-flow'],
    ['-leading.dots', 'leading.dots'],
    ['dependabot/npm_and_yarn/x-1.2', 'dependabot-npm_and_yarn-x-1.2'],
    ['a'.repeat(200), 'a'.repeat(128)],
  ])('branch %j is made tag-safe as %j', (branch, tag) => {
    expect(tagSafe(branch)).toBe(tag);
  });

  test('a prefixed branch tag still fits in 128 characters', () => {
    const tag = branchTag(`1${'a'.repeat(200)}`);
    expect(tag).toBe(`branch-1${'a'.repeat(120)}`);
    expect(tag).toHaveLength(128);
  });
});

describe('why a tag rule gave nothing', () => {
  const pr: GitContext = { eventName: 'pull_request', ref: 'refs/pull/7/merge', sha: SHA, branch: 'feature', prNumber: 7, defaultBranch: 'main' };
  test.each([
    ['a push to a branch', push('refs/heads/feature'), 'pr', 'pr: applies to pull requests only, this is a push event'],
    ['a push to a branch', push('refs/heads/feature'), 'version', 'version: src/ui has no VERSION file'],
    ['a push to a branch', push('refs/heads/feature'), 'latest', 'latest: applies to the default branch (main) only, the ref is refs/heads/feature'],
    ['a tag', push('refs/tags/release-7'), 'branch', 'branch: the ref refs/tags/release-7 is not a branch'],
    ['a tag', push('refs/tags/release-7'), 'semver', 'semver: applies to v1.2.3 git tags only, the ref is refs/tags/release-7'],
    ['a pull request', pr, 'branch', 'branch: applies to pushes, not pull requests'],
    ['a pull request', pr, 'schedule', 'schedule: applies to schedule events only, this is a pull_request event'],
  ] as const)('on %s, %s', (_name, git, rule, why) => {
    expect(whyNoTag(rule, git, 'src/ui')).toBe(why);
  });

  test('every rule has an explanation', () => {
    for (const rule of TAG_RULES) expect(whyNoTag(rule, push('refs/heads/x'), 'src/ui')).toMatch(new RegExp(`^${rule}: `));
  });
});

describe('services', () => {
  const repo = mkdtempSync(join(tmpdir(), 'shipkit-svc-'));
  for (const [dir, version] of [['src/post-py', '0.1.0'], ['src/comment', ' 0.2.0\n'], ['src/ui', undefined], ['src/docs', null], ['tools/migrate', '1']] as const) {
    mkdirSync(join(repo, dir), { recursive: true });
    if (version !== null) writeFileSync(join(repo, dir, 'Dockerfile'), 'FROM scratch\n');
    if (version) writeFileSync(join(repo, dir, 'VERSION'), version);
  }

  test('every matched folder with a Dockerfile, named by folder or image-names, VERSION trimmed', () => {
    const services = discoverServices(repo, ['src/*', 'tools/**'], parseImageNames(['post-py=post']));
    expect(services).toEqual([
      { service: 'comment', context: 'src/comment', dockerfile: 'src/comment/Dockerfile', name: 'comment', version: '0.2.0' },
      { service: 'post-py', context: 'src/post-py', dockerfile: 'src/post-py/Dockerfile', name: 'post', version: '0.1.0' },
      { service: 'ui', context: 'src/ui', dockerfile: 'src/ui/Dockerfile', name: 'ui', version: undefined },
      { service: 'migrate', context: 'tools/migrate', dockerfile: 'tools/migrate/Dockerfile', name: 'migrate', version: '1' },
    ]);
  });

  test('a matrix job builds one service with the whole image-names: names of folders outside "services" are fine, typos are not', () => {
    const names = parseImageNames(['post-py=post', 'migrate=db-migrate']);
    expect(discoverServices(repo, ['src/comment'], names).map((s) => s.name)).toEqual(['comment']);
    expect(() => discoverServices(repo, ['src/comment'], parseImageNames(['post_py=post']))).toThrow('Input "image-names" names "post_py", which is not a service folder; services found: comment.');
  });

  test('a VERSION that is not a valid tag is an error naming the file', () => {
    writeFileSync(join(repo, 'src/ui/VERSION'), 'v 1');
    try {
      expect(() => discoverServices(repo, ['src/*'], new Map())).toThrow('src/ui/VERSION holds "v 1", which is not a valid Docker tag');
    } finally {
      writeFileSync(join(repo, 'src/ui/VERSION'), '1.0.0');
    }
  });
});

describe('service names that would break the log, a tag or another image', () => {
  const make = (...dirs: string[]) => {
    const repo = mkdtempSync(join(tmpdir(), 'shipkit-svc-'));
    for (const dir of dirs) {
      mkdirSync(join(repo, dir), { recursive: true });
      writeFileSync(join(repo, dir, 'Dockerfile'), 'FROM scratch\n');
    }
    return repo;
  };

  test('a folder name with a line break is refused, escaped in the message', () => {
    const repo = make('src/evil\n::set-output name=x::y');
    expect(() => discoverServices(repo, ['src/*'], new Map())).toThrow('The service folder "src/evil\\n::set-output name=x::y" (matched by "services") has a control character');
  });

  test('a folder whose name is no image name must be named in image-names', () => {
    const repo = make('src/Post Py');
    expect(() => discoverServices(repo, ['src/*'], new Map())).toThrow('The service folder "src/Post Py" would be published as "post py", which is not a valid image name (lower-case letters, digits, and . _ - between them): name it in "image-names", e.g. Post Py=post-py.');
  });

  test('services outside the workspace are refused naming the input', () => {
    const repo = make('src/a');
    expect(() => discoverServices(join(repo, 'src'), ['../*'], new Map())).toThrow('Input "services" has the pattern "../*", which leads out of the workspace');
  });

  test('a VERSION symlinked to a file outside is refused, not read into a tag', () => {
    const repo = make('src/a');
    symlinkSync('/etc/hostname', join(repo, 'src/a/VERSION'));
    expect(() => discoverServices(repo, ['src/*'], new Map())).toThrow('The version file "src/a/VERSION" is "src/a/VERSION", which resolves to "/etc/hostname", outside the workspace');
  });

  test('image-names naming one folder twice is refused', () => {
    expect(() => parseImageNames(['a=x', 'a=y'])).toThrow('Input "image-names" names "a" twice: one line per service folder.');
  });

  test('two services mapped to one image are refused, naming both', () => {
    const repo = make('src/a', 'src/b');
    const names = parseImageNames(['a=same', 'b=same']);
    const services = discoverServices(repo, ['src/*'], names);
    expect(() => checkDistinctImages(services, (s) => `r/ns/${s.name}`, names)).toThrow(
      'Input "image-names" gives the services "src/a" and "src/b" one name, "same": both would be published as r/ns/same, each overwriting the other\'s tags. Give each its own name in "image-names", e.g. b=same-b.',
    );
  });

  test('two folders of one name in two places are refused, suggesting a context key', () => {
    const repo = make('src/api', 'tools/api');
    const services = discoverServices(repo, ['src/*', 'tools/*'], new Map());
    expect(() => checkDistinctImages(services, (s) => `r/${s.name}`, new Map())).toThrow(
      'The services "src/api" and "tools/api" have one image name, "api": both would be published as r/api, each overwriting the other\'s tags. Give each its own name in "image-names", e.g. tools/api=tools-api.',
    );
  });
});

describe('context digest', () => {
  const make = () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-ctx-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY . /\n');
    writeFileSync(join(dir, 'app.sh'), 'echo 1\n');
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'todo.txt'), 'a\n');
    mkdirSync(join(dir, 'keep'));
    writeFileSync(join(dir, 'keep', 'wanted.txt'), 'w\n');
    writeFileSync(join(dir, 'keep', 'other.txt'), 'o\n');
    writeFileSync(join(dir, '.dockerignore'), 'notes/\nkeep/\n!keep/wanted.txt\n');
    return dir;
  };
  const inputs = (dir: string, extra = {}) => ({ dockerfile: join(dir, 'Dockerfile'), buildArgs: [], labels: [], target: '', platforms: [], ...extra });

  test('stable; changed by content, build args, labels, target and platforms; not by ignored files', async () => {
    const dir = make();
    const base = await contextDigest(dir, inputs(dir));
    expect(await contextDigest(dir, inputs(dir))).toBe(base);
    writeFileSync(join(dir, 'notes', 'todo.txt'), 'b\n');
    writeFileSync(join(dir, 'keep', 'other.txt'), 'changed but ignored\n');
    expect(await contextDigest(dir, inputs(dir))).toBe(base);
    for (const extra of [{ buildArgs: ['A=1'] }, { labels: ['team=x'] }, { target: 'prod' }, { platforms: ['linux/arm64'] }]) {
      expect(await contextDigest(dir, inputs(dir, extra))).not.toBe(base);
    }
    writeFileSync(join(dir, 'keep', 'wanted.txt'), 're-included by !keep/wanted.txt\n');
    const changed = await contextDigest(dir, inputs(dir));
    expect(changed).not.toBe(base);
    writeFileSync(join(dir, 'app.sh'), 'echo 2\n');
    expect(await contextDigest(dir, inputs(dir))).not.toBe(changed);
  });
});

describe('hadolint results', () => {
  const json = JSON.stringify([
    { line: 3, code: 'DL3008', message: 'Pin versions in apt get install.', column: 1, file: 'x', level: 'warning' },
    { line: 5, code: 'SC2086', message: 'Double quote to prevent globbing.', column: 9, file: 'x', level: 'info' },
  ]);

  test('parsed with the Dockerfile path shipkit gave', () => {
    expect(parseHadolintJson(json, 'src/ui/Dockerfile')).toEqual([
      { file: 'src/ui/Dockerfile', line: 3, column: 1, code: 'DL3008', message: 'Pin versions in apt get install.', level: 'warning' },
      { file: 'src/ui/Dockerfile', line: 5, column: 9, code: 'SC2086', message: 'Double quote to prevent globbing.', level: 'info' },
    ]);
    expect(parseHadolintJson('', 'Dockerfile')).toEqual([]);
    expect(() => parseHadolintJson('hadolint: openFile: does not exist', 'Dockerfile')).toThrow('hadolint did not print JSON for Dockerfile');
  });

  test.each([
    ['error', false],
    ['warning', true],
    ['info', true],
    ['style', true],
    ['none', false],
  ] as const)('threshold %s fails on a warning and an info: %s', (threshold, fails) => {
    expect(failsThreshold(parseHadolintJson(json, 'Dockerfile'), threshold)).toBe(fails);
  });

  test('SARIF 2.1.0 with rules, levels and locations', () => {
    const sarif = toSarif(parseHadolintJson(json, 'src/ui/Dockerfile'), '1.17.2') as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { level: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(['DL3008', 'SC2086']);
    expect(sarif.runs[0]!.results.map((r) => r.level)).toEqual(['warning', 'note']);
  });
});

describe('docker argv', () => {
  const plan = {
    context: 'src/ui',
    dockerfile: 'src/ui/Dockerfile',
    refs: ['docker.io/vscoder/ui:1.0.0', 'docker.io/vscoder/ui:latest'],
    labels: { 'org.opencontainers.image.title': 'ui', team: 'web app' },
    buildArgs: ['BASE=x'],
    target: '',
    platforms: [],
    rebuild: false,
    cacheFrom: [],
    cacheTo: [],
  };
  const bare = { ...plan, refs: ['r:1'], labels: {}, buildArgs: [] };
  test.each([
    ['classic', plan, ['build', '--force-rm', '--file', 'src/ui/Dockerfile', '--tag', 'docker.io/vscoder/ui:1.0.0', '--tag', 'docker.io/vscoder/ui:latest', '--label', 'org.opencontainers.image.title=ui', '--label', 'team=web app', '--build-arg', 'BASE=x', 'src/ui']],
    ['classic, labels in the Dockerfile', { ...plan, labelsInDockerfile: true }, ['build', '--force-rm', '--file', 'src/ui/Dockerfile', '--tag', 'docker.io/vscoder/ui:1.0.0', '--tag', 'docker.io/vscoder/ui:latest', '--build-arg', 'BASE=x', 'src/ui']],
    ['classic, cache from the published image', { ...bare, cacheFrom: ['r:latest'] }, ['build', '--force-rm', '--file', 'src/ui/Dockerfile', '--tag', 'r:1', '--cache-from', 'r:latest', 'src/ui']],
    ['rebuild', { ...bare, rebuild: true, target: 'prod' }, ['build', '--force-rm', '--file', 'src/ui/Dockerfile', '--tag', 'r:1', '--target', 'prod', '--pull', '--no-cache', 'src/ui']],
    [
      'buildx, pushing two platforms with a registry cache',
      { ...bare, platforms: ['linux/amd64', 'linux/arm64'], cacheFrom: ['type=registry,ref=r:buildcache'], cacheTo: ['type=registry,ref=r:buildcache,mode=max'], buildx: { builder: 'ci', output: 'push' as const } },
      ['buildx', 'build', '--builder', 'ci', '--progress', 'plain', '--file', 'src/ui/Dockerfile', '--tag', 'r:1', '--platform', 'linux/amd64,linux/arm64', '--cache-from', 'type=registry,ref=r:buildcache', '--cache-to', 'type=registry,ref=r:buildcache,mode=max', '--push', 'src/ui'],
    ],
    ['buildx, loading', { ...bare, buildx: { builder: 'default', output: 'load' as const } }, ['buildx', 'build', '--builder', 'default', '--progress', 'plain', '--file', 'src/ui/Dockerfile', '--tag', 'r:1', '--load', 'src/ui']],
    [
      'buildx with secrets: ids and variable names, never values',
      { ...bare, secrets: secretMounts([{ id: 'npm_token', value: 'npm_s3cr3t' }, { id: 'pip.conf', value: 'x' }]).mounts, buildx: { builder: 'ci', output: 'push' as const } },
      ['buildx', 'build', '--builder', 'ci', '--progress', 'plain', '--file', 'src/ui/Dockerfile', '--tag', 'r:1', '--secret', 'id=npm_token,env=SHIPKIT_BUILD_SECRET_0', '--secret', 'id=pip.conf,env=SHIPKIT_BUILD_SECRET_1', '--push', 'src/ui'],
    ],
  ])('%s', (_name, p, argv) => {
    expect(buildArgv(p)).toEqual(argv);
  });

  test('secret values go to the build command\'s environment, under names of the kit\'s own', () => {
    expect(secretMounts([{ id: 'npm_token', value: 'npm_s3cr3t' }, { id: 'PATH', value: 'not-a-path' }])).toEqual({
      mounts: [
        { id: 'npm_token', env: 'SHIPKIT_BUILD_SECRET_0' },
        { id: 'PATH', env: 'SHIPKIT_BUILD_SECRET_1' },
      ],
      env: { SHIPKIT_BUILD_SECRET_0: 'npm_s3cr3t', SHIPKIT_BUILD_SECRET_1: 'not-a-path' },
    });
  });

  test.each([
    [true, ['linux/amd64', 'linux/arm64'], 'push'],
    [false, [], 'load'],
    [false, ['linux/arm64'], 'load'],
    [false, ['linux/amd64', 'linux/arm64'], 'none'],
  ])('buildx output when push is %s for platforms %j: %s', (push, platforms, output) => {
    expect(buildxOutput(push, platforms)).toBe(output);
  });

  test.each([
    ['docker.io', 'vscoder', 'post', 'docker.io/vscoder/post', 'vscoder/post'],
    ['docker.io', '', 'redis', 'docker.io/redis', 'library/redis'],
    ['ghcr.io', 'org/team', 'ui', 'ghcr.io/org/team/ui', 'org/team/ui'],
    ['127.0.0.1:5000', '', 'ui', '127.0.0.1:5000/ui', 'ui'],
  ])('%s + %j + %s -> %s (API repository %s)', (registry, namespace, name, ref, repository) => {
    expect(imageRef(registry, namespace, name)).toEqual({ ref, repository });
  });
});

describe('registry API', () => {
  test.each([
    ['docker.io', 'https://registry-1.docker.io'],
    ['ghcr.io', 'https://ghcr.io'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['localhost:5000', 'http://localhost:5000'],
    ['registry.example:8443', 'https://registry.example:8443'],
  ])('%s is reached at %s', (name, base) => {
    expect(registryApiBase(name)).toBe(base);
  });

  test('auth challenges', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:a/b:pull' },
    });
    expect(parseChallenge('Basic realm="shipkit-test"')).toEqual({ scheme: 'basic', params: { realm: 'shipkit-test' } });
  });
});
