import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { dockerAvailable, dockerRequired, makeBaseImage, registryImage, registryTags, startRegistry } from '../support/docker.mjs';
import { makeSigner, ReleaseMirror } from '../support/mirror.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';
import { publishToolchain } from '../support/toolchain.mjs';

// build-images, bundled, through the local runner, against the real Docker engine and a real
// docker-registry with htpasswd auth on 127.0.0.1. hadolint is the mirror's stand-in, installed
// by setup-tools as in a real workflow. These tests mean the classic builder, so they ask for it the
// way a user does (DOCKER_BUILDKIT=0): the result does not depend on whether the machine has buildx.
// The buildx path has its own file (build-images-buildx.test.ts).

const FIXTURE = join(process.cwd(), 'examples', 'microservices');
const hasDocker = dockerAvailable();

if (!hasDocker && dockerRequired()) {
  test('a Docker engine is running (CI asked for one)', () => {
    throw new Error('No Docker engine answers `docker info`; .ci/run installs docker.io and starts dockerd. These tests fail rather than skip when CI=true.');
  });
}

(hasDocker ? describe : describe.skip)('build-images against a real engine and registry', () => {
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  let mirror: ReleaseMirror;
  let baseImage: string;
  let hadolintDir: string;
  let repo: FixtureRepo;
  const toolCache = tempDir('bi-cache');
  /** The runner's own docker config folder: the step must leave it as it was. */
  const runnerDocker = tempDir('bi-runner-docker');

  beforeAll(async () => {
    registry = await startRegistry();
    baseImage = makeBaseImage(registry);
    mirror = await new ReleaseMirror().start();
    const { checksums } = await publishToolchain(mirror, { signer: await makeSigner() });
    const tools = await runAction({
      action: 'setup-tools',
      node: NODE24,
      toolCache,
      env: actionEnv(),
      inputs: { tools: 'hadolint', mirrors: mirror.mirrorsInput, checksums },
    });
    expect(tools.success).toBe(true);
    hadolintDir = dirname(tools.outputs['hadolint-path']!);
    repo = new FixtureRepo(FIXTURE);
  }, 120_000);

  afterAll(async () => {
    await registry?.stop();
    await mirror?.close();
  });

  interface Run {
    inputs?: Record<string, string>;
    eventName?: string;
    event?: object;
    sha?: string;
    ref?: string;
    withHadolint?: boolean;
    env?: NodeJS.ProcessEnv;
  }

  function buildImages({ inputs = {}, eventName = 'push', event, sha, ref = 'refs/heads/main', withHadolint = true, env = {} }: Run = {}): Promise<RunResult> {
    const head = sha ?? repo.git('rev-parse', 'HEAD');
    return runAction({
      action: 'build-images',
      node: NODE24,
      toolCache,
      workspace: repo.dir,
      eventName,
      event: event ?? { repository: { default_branch: 'main', html_url: 'https://github.com/vscoder/microservices' } },
      env: actionEnv({
        PATH: withHadolint ? `${hadolintDir}${delimiter}${process.env.PATH}` : process.env.PATH,
        GITHUB_SHA: head,
        GITHUB_REF: ref,
        GITHUB_REPOSITORY: 'vscoder/microservices',
        DOCKER_BUILDKIT: '0',
        DOCKER_CONFIG: runnerDocker,
        ...env,
      }),
      inputs: {
        registry: registry.host,
        namespace: 'vscoder',
        username: registry.user,
        password: registry.password,
        'image-names': 'post-py=post',
        'build-args': `BASE_IMAGE=${baseImage}`,
        ...inputs,
      },
    });
  }

  type Image = { service: string; image: string; tags: string[]; digest: string; pushed: boolean; skipped: boolean; outcome: string; lint: Record<string, number> | null };
  const images = (result: RunResult) => JSON.parse(result.outputs.images ?? '[]') as Image[];
  const byService = (result: RunResult) => Object.fromEntries(images(result).map((i) => [i.service, i]));
  const log = (result: RunResult) => [...result.main.log, ...(result.post?.log ?? [])].join('\n');
  const errors = (result: RunResult) => result.annotations.filter((a) => a.level === 'error').map((a) => a.message).join('\n');

  /**
   * Lines mentioning `marker` reach the log as plain text: the runner (cli/runner.ts honours
   * `::stop-commands::` as GitHub's does) made no annotation and no mask of them.
   */
  function expectInert(result: RunResult, marker: string): void {
    expect(result.main.log.some((line) => line.includes(marker))).toBe(true);
    expect(result.annotations.filter((a) => a.message.includes(marker))).toEqual([]);
    expect(result.main.log.join('\n')).not.toContain('***');
  }

  test('first run: lints, builds, tags, labels and pushes every service', async () => {
    const sha = repo.git('rev-parse', 'HEAD');
    const result = await buildImages();
    expect(errors(result)).toBe('');
    expect(result.success).toBe(true);
    const s = byService(result);
    expect(Object.keys(s)).toEqual(['comment', 'post-py', 'ui']);
    expect(s['post-py']).toMatchObject({
      image: `${registry.host}/vscoder/post`,
      tags: ['0.1.0', `sha-${sha.slice(0, 7)}`, 'main', 'latest'],
      pushed: true,
      skipped: false,
      outcome: 'built',
      lint: { error: 0, warning: 0, info: 0, style: 0 },
    });
    expect(await registryTags(registry, 'vscoder/post')).toEqual(['0.1.0', 'latest', 'main', `sha-${sha.slice(0, 7)}`].sort());
    expect(await registryTags(registry, 'vscoder/comment')).toContain('0.2.0');
    expect(await registryTags(registry, 'vscoder/ui')).toContain('1.0.3');

    const pushed = await registryImage(registry, 'vscoder/post', '0.1.0');
    expect(pushed!.digest).toBe(s['post-py']!.digest);
    expect(pushed!.labels).toMatchObject({
      'org.opencontainers.image.source': 'https://github.com/vscoder/microservices',
      'org.opencontainers.image.url': 'https://github.com/vscoder/microservices',
      'org.opencontainers.image.revision': sha,
      'org.opencontainers.image.version': '0.1.0',
      'org.opencontainers.image.title': 'post',
    });
    expect(pushed!.labels['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(pushed!.labels['dev.shipkit.context-digest']).toMatch(/^[0-9a-f]{64}$/);

    expect(JSON.parse(result.outputs.matrix!)).toEqual({
      include: [
        { service: 'comment', name: 'comment', context: 'src/comment', image: `${registry.host}/vscoder/comment` },
        { service: 'post-py', name: 'post', context: 'src/post-py', image: `${registry.host}/vscoder/post` },
        { service: 'ui', name: 'ui', context: 'src/ui', image: `${registry.host}/vscoder/ui` },
      ],
    });
    expect(result.summary).toContain('| service | image | tags | digest | result | pushed | lint | time |');
    expect(result.summary).toMatch(/\| post-py \| `127\.0\.0\.1:\d+\/vscoder\/post` \| `0\.1\.0`, `sha-[0-9a-f]{7}`, `main`, `latest` \| `sha256:[0-9a-f]{12}` \| built \| yes \| clean \| [\d.]+ s \|/);
    expect(result.summary).toContain('Builder: the classic docker build');
    // the runner's own docker config was not touched
    expect(readdirSync(runnerDocker)).toEqual([]);
    // the login was the step's own, and the post step removed it
    expect(result.state['docker-config']).toBeDefined();
    expect(existsSync(result.state['docker-config']!)).toBe(false);
    expect(log(result)).not.toContain(registry.password);
  });

  test('nothing changed: nothing is built, the new tags are added through the registry API', async () => {
    repo.write('README.md', 'outside every service\n');
    const sha = repo.commit('docs only');
    const before = await registryImage(registry, 'vscoder/comment', '0.2.0');
    const result = await buildImages();
    expect(errors(result)).toBe('');
    for (const image of images(result)) {
      expect(image).toMatchObject({ outcome: 'reused', skipped: true, pushed: true });
    }
    expect(log(result)).not.toContain('$ docker build');
    const tagged = await registryImage(registry, 'vscoder/comment', `sha-${sha.slice(0, 7)}`);
    expect(tagged!.digest).toBe(before!.digest);
    expect(result.summary).toContain('reused (re-tagged)');
  });

  test('a change in one service rebuilds only that one (.dockerignore is honoured)', async () => {
    repo.write('src/comment/run.sh', '#!/bin/sh\necho "comment service, now faster"\n');
    repo.write('src/ui/notes/todo.txt', 'ignored by .dockerignore, so no rebuild\n');
    repo.commit('comment change');
    const result = await buildImages();
    expect(errors(result)).toBe('');
    const s = byService(result);
    expect(s.comment!.outcome).toBe('built');
    expect(s['post-py']!.outcome).toBe('reused');
    expect(s.ui!.outcome).toBe('reused');
    expect((await registryImage(registry, 'vscoder/comment', 'latest'))!.digest).toBe(s.comment!.digest);
  });

  test('a pull request builds without pushing; hadolint-version installs hadolint itself', async () => {
    repo.write('src/post-py/run.sh', '#!/bin/sh\necho "post from a pull request"\n');
    const head = repo.commit('pr change');
    const tagsBefore = await registryTags(registry, 'vscoder/post');
    const result = await buildImages({
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      sha: 'f'.repeat(40), // the merge commit: tags must use the PR head instead
      event: { pull_request: { number: 7, head: { sha: head, ref: 'feature/faster-post' } }, repository: { default_branch: 'main' } },
      withHadolint: false,
      inputs: { 'hadolint-version': '2.15.1', mirrors: mirror.mirrorsInput },
    });
    expect(errors(result)).toBe('');
    const s = byService(result);
    expect(s['post-py']).toMatchObject({ outcome: 'built', pushed: false, tags: ['0.1.0', `sha-${head.slice(0, 7)}`, 'pr-7'] });
    expect(s.comment).toMatchObject({ outcome: 'unchanged', pushed: false, skipped: true });
    expect(await registryTags(registry, 'vscoder/post')).toEqual(tagsBefore);
    expect(log(result)).toMatch(/hadolint 2\.15\.1 installed from 127\.0\.0\.1:\d+/);
  });

  test('a wrong password fails naming registry and user, pushes nothing, leaves no credentials', async () => {
    const tagsBefore = await registryTags(registry, 'vscoder/ui');
    const result = await buildImages({ inputs: { password: 'wrong-password-123', 'tags': 'raw:never-pushed' } });
    expect(result.success).toBe(false);
    expect(errors(result)).toContain(`docker login to ${registry.host} as "${registry.user}" failed:`);
    expect(errors(result)).toContain('Check the "username" and "password" secrets.');
    expect(log(result)).not.toContain('wrong-password-123');
    expect(await registryTags(registry, 'vscoder/ui')).toEqual(tagsBefore);
    expect(existsSync(result.state['docker-config']!)).toBe(false);
  });

  test('lint errors above the threshold fail that service, with annotations and SARIF; the others build', async () => {
    const dockerfile = join(repo.dir, 'src/ui/Dockerfile');
    const original = readFileSync(dockerfile, 'utf8');
    writeFileSync(dockerfile, original.replace('WORKDIR /app', 'MAINTAINER someone@example.com\nWORKDIR /app'));
    // in a folder that does not exist yet: it is made, after the outputs are written
    const sarif = join(repo.dir, 'reports/lint/hadolint.sarif');
    try {
      const result = await buildImages({ inputs: { 'sarif-file': 'reports/lint/hadolint.sarif' } });
      expect(result.success).toBe(false);
      const s = byService(result);
      expect(s.ui).toMatchObject({ outcome: 'failed', lint: { error: 1, warning: 0, info: 0, style: 0 } });
      expect(s.comment!.outcome).not.toBe('failed');
      expect(result.annotations).toContainEqual({ level: 'error', message: 'MAINTAINER is deprecated', file: 'src/ui/Dockerfile', line: 4 });
      expect(errors(result)).toContain('1 of 3 services failed: ui (lint).');
      const report = JSON.parse(readFileSync(sarif, 'utf8')) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      expect(report.runs[0]!.results).toEqual([
        expect.objectContaining({ ruleId: 'DL4000', level: 'error', locations: [expect.objectContaining({ physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'src/ui/Dockerfile' } }) })] }),
      ]);
      expect(result.summary).toMatch(/\| ui \| [^|]+ \| [^|]+ \| {2}\| \*\*failed\*\* at lint \| no \| 1 error \|/);
    } finally {
      writeFileSync(dockerfile, original);
    }
  });

  test('a broken Dockerfile in one of three services fails that one; the others still publish', async () => {
    // the classic builder keeps the container of a failed step unless told --force-rm: none may be left behind
    const failedSteps = () => execFileSync('docker', ['ps', '--all', '--no-trunc', '--format', '{{.Command}}'], { encoding: 'utf8' }).split('\n').filter((c) => c.includes('compile step fails')).length;
    const before = failedSteps();
    repo.write('src/comment/Dockerfile', `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN echo "compile step fails" && exit 3\n`);
    repo.write('src/ui/run.sh', '#!/bin/sh\necho "ui, new"\n');
    repo.commit('break comment, change ui');
    const result = await buildImages();
    expect(result.success).toBe(false);
    const s = byService(result);
    expect(s.comment).toMatchObject({ outcome: 'failed', pushed: false });
    expect(s.ui).toMatchObject({ outcome: 'built', pushed: true });
    expect(s['post-py']!.outcome).not.toBe('failed');
    // the service, the failing line, the tool's own message and the step's output; no banner
    expect(result.annotations).toContainEqual({
      level: 'error',
      file: 'src/comment/Dockerfile',
      line: 3,
      message: `comment: the build failed at line 3 (RUN echo "compile step fails" && exit 3): The command '/bin/sh -c echo "compile step fails" && exit 3' returned a non-zero code: 3\ncompile step fails`,
    });
    expect(errors(result)).not.toContain('DEPRECATED');
    expect(errors(result)).toContain('1 of 3 services failed: comment (build).');
    expect(failedSteps()).toBe(before);
  });

  test('rebuild: true builds everything again with --pull --no-cache', async () => {
    repo.write('src/comment/Dockerfile', readFileSync(join(FIXTURE, 'src/comment/Dockerfile'), 'utf8'));
    repo.commit('fix comment');
    const result = await buildImages({ inputs: { rebuild: 'true', tags: 'version' } });
    expect(errors(result)).toBe('');
    for (const image of images(result)) expect(image.outcome).toBe('built');
    expect(log(result)).toContain('--pull --no-cache');
  });

  test('discover-only: the matrix and planned tags, without building or logging in', async () => {
    const result = await buildImages({ inputs: { 'discover-only': 'true', username: '', password: '' } });
    expect(errors(result)).toBe('');
    expect((JSON.parse(result.outputs.matrix!) as { include: unknown[] }).include).toHaveLength(3);
    expect(images(result).map((i) => i.outcome)).toEqual(['planned', 'planned', 'planned']);
    expect(byService(result)['post-py']!.tags).toContain('0.1.0');
    expect(log(result)).not.toContain('$ docker');
    expect(result.state).toEqual({});
  });

  test('lint-only: hadolint on every Dockerfile, nothing built', async () => {
    const result = await buildImages({ inputs: { 'lint-only': 'true', username: '', password: '' } });
    expect(errors(result)).toBe('');
    expect(images(result).map((i) => i.outcome)).toEqual(['linted', 'linted', 'linted']);
    expect(log(result)).toContain('hadolint --format json src/ui/Dockerfile');
    expect(log(result)).not.toContain('$ docker');
  });

  test('a Dockerfile with # escape=` builds and gets its labels, written in its own escape character', async () => {
    mkdirSync(join(repo.dir, 'extra/win-style'), { recursive: true });
    repo.write('extra/win-style/Dockerfile', '# escape=`\nARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo one `\n    && echo two > /done\n');
    repo.write('extra/win-style/VERSION', '2.0.0\n');
    repo.commit('a Dockerfile with its own escape character');
    const result = await buildImages({ inputs: { services: 'extra/*', 'image-names': '', tags: 'version', labels: 'note=costs $5 "now" \\o/' } });
    expect(errors(result)).toBe('');
    expect(byService(result)['win-style']).toMatchObject({ outcome: 'built', pushed: true });
    const pushed = await registryImage(registry, 'vscoder/win-style', '2.0.0');
    expect(pushed!.labels).toMatchObject({ note: 'costs $5 "now" \\o/', 'org.opencontainers.image.title': 'win-style' });
  });

  test('a base image that cannot be pulled: the service, the FROM image, its line and the tool\'s words; lint off says off', async () => {
    const result = await buildImages({ inputs: { services: 'extra/*', 'image-names': '', tags: 'raw:no-base', lint: 'false', 'build-args': `BASE_IMAGE=${registry.host}/base/missing:1` } });
    expect(result.success).toBe(false);
    const failure = result.annotations.find((a) => a.file === 'extra/win-style/Dockerfile');
    expect(failure).toMatchObject({ level: 'error', line: 3 });
    expect(failure!.message).toMatch(new RegExp(`^win-style: could not pull the base image ${registry.host.replace(/\./g, '\\.')}/base/missing:1 named at line 3 \\(FROM \\$\\{BASE_IMAGE\\}\\): .*not found`));
    expect(errors(result)).not.toContain('DEPRECATED');
    expect(images(result)[0]!.lint).toBeNull();
    expect(result.summary).toMatch(/\| win-style \|.*\| \*\*failed\*\* at build \| no \| off \|/);
  });

  test('tags: pr on a push says which rule gave nothing and why, before logging in', async () => {
    const result = await buildImages({ inputs: { tags: 'pr' } });
    expect(result.success).toBe(false);
    expect(errors(result)).toBe(
      'Input "tags" is "pr", which gives no tag on this push event to comment (pr: applies to pull requests only, this is a push event), post-py (pr: applies to pull requests only, this is a push event), ui (pr: applies to pull requests only, this is a push event). Add a rule that applies here (e.g. sha), or raw:<tag>.',
    );
    expect(result.state).toEqual({});
  });

  test('text from the repository cannot become a workflow command: tool output is fenced, names are refused', async () => {
    mkdirSync(join(repo.dir, 'chatty/talker'), { recursive: true });
    repo.write('chatty/talker/Dockerfile', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo "::error title=injected::pwned-by-build-output" && echo "::add-mask::registry"\n');
    repo.commit('a Dockerfile printing workflow commands');
    const chatty = await buildImages({ inputs: { services: 'chatty/*', 'image-names': '', tags: 'raw:chatty', lint: 'false' } });
    expect(chatty.success).toBe(true);
    expectInert(chatty, 'pwned-by-build-output');

    mkdirSync(join(repo.dir, 'evil/svc\n::error::pwned-by-folder-name'), { recursive: true });
    writeFileSync(join(repo.dir, 'evil/svc\n::error::pwned-by-folder-name/Dockerfile'), 'FROM scratch\n');
    const evil = await buildImages({ inputs: { services: 'evil/*', 'image-names': '', tags: 'raw:evil' } });
    expect(evil.success).toBe(false);
    expect(evil.annotations).toEqual([
      { level: 'error', message: 'The service folder "evil/svc\\n::error::pwned-by-folder-name" (matched by "services") has a control character such as a line break in its name: rename it.' },
    ]);
    expect(evil.state).toEqual({});
  });

  test('the login stays in the step\'s folder even with a credential helper on PATH', async () => {
    const helpers = tempDir('bi-helpers');
    const called = join(helpers, 'called.log');
    writeFileSync(join(helpers, 'docker-credential-secretservice'), `#!/bin/sh\necho "$1" >> ${called}\ncat >> ${called}\n`, { mode: 0o755 });
    mkdirSync(join(repo.dir, 'helped/app'), { recursive: true });
    repo.write('helped/app/Dockerfile', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY . /app\n');
    repo.commit('one more service');
    const result = await buildImages({ inputs: { services: 'helped/*', 'image-names': '', tags: 'raw:helped', lint: 'false' }, env: { PATH: `${helpers}${delimiter}${hadolintDir}${delimiter}${process.env.PATH}` } });
    expect(errors(result)).toBe('');
    expect(existsSync(called)).toBe(false);
    expect(readdirSync(runnerDocker)).toEqual([]);
    expect(existsSync(result.state['docker-config']!)).toBe(false);
  });

  // A self-hosted runner whose docker keeps its logins in a credential store (pass, secretservice,
  // osxkeychain): `docker login` there leaves an empty `auths` entry and the password in the store.
  // The stand-in helper speaks the docker-credential-helpers contract (store/get/list/erase on stdin)
  // and keeps its secrets in a file of its own, as `pass` keeps them in its password store.
  test("the runner's credential store still answers for a private base image; the step's password never reaches it", async () => {
    const corp = await startRegistry({ user: 'corp-bot', password: 'corp-pass-1' });
    const helpers = tempDir('bi-store');
    const calls = join(helpers, 'calls.log');
    writeFileSync(
      join(helpers, 'docker-credential-shipkit-standin'),
      `#!/usr/bin/env node
const fs = require('fs');
const db = ${JSON.stringify(join(helpers, 'secrets.json'))};
const op = process.argv[2];
const input = fs.readFileSync(0, 'utf8');
fs.appendFileSync(${JSON.stringify(calls)}, op + ' ' + input.trim() + '\\n');
const saved = fs.existsSync(db) ? JSON.parse(fs.readFileSync(db, 'utf8')) : {};
if (op === 'store') { const c = JSON.parse(input); saved[c.ServerURL] = c; fs.writeFileSync(db, JSON.stringify(saved)); }
else if (op === 'get') { const c = saved[input.trim()]; if (!c) { process.stdout.write('credentials not found in native keychain'); process.exit(1); } process.stdout.write(JSON.stringify(c)); }
else if (op === 'list') process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(saved).map(([k, c]) => [k, c.Username]))));
else if (op === 'erase') { delete saved[input.trim()]; fs.writeFileSync(db, JSON.stringify(saved)); }
`,
      { mode: 0o755 },
    );
    const path = `${helpers}${delimiter}${process.env.PATH}`;
    const storeRunner = tempDir('bi-store-runner');
    writeFileSync(join(storeRunner, 'config.json'), JSON.stringify({ credsStore: 'shipkit-standin' }));
    const privateBase = makeBaseImage(corp);
    try {
      execFileSync('docker', ['login', corp.host, '-u', corp.user, '--password-stdin'], { env: { ...process.env, PATH: path, DOCKER_CONFIG: storeRunner }, input: corp.password, stdio: ['pipe', 'ignore', 'pipe'] });
      const runnerConfig = readFileSync(join(storeRunner, 'config.json'), 'utf8');
      expect(JSON.parse(runnerConfig)).toEqual({ auths: { [corp.host]: {} }, credsStore: 'shipkit-standin' });
      // Only the registry has the base image: the build must pull it with the store's login.
      execFileSync('docker', ['rmi', privateBase], { stdio: 'ignore' });
      writeFileSync(calls, '');
      mkdirSync(join(repo.dir, 'stored/app'), { recursive: true });
      repo.write('stored/app/Dockerfile', `FROM ${privateBase}\nCOPY . /app\n`);
      repo.commit('a service on a private base image');

      const result = await buildImages({ inputs: { services: 'stored/*', 'image-names': '', tags: 'raw:stored', lint: 'false', 'build-args': '' }, env: { PATH: path, DOCKER_CONFIG: storeRunner } });
      expect(errors(result)).toBe('');
      expect(byService(result).app).toMatchObject({ outcome: 'built', pushed: true });
      expect(await registryTags(registry, 'vscoder/app')).toContain('stored');
      const asked = readFileSync(calls, 'utf8');
      expect(asked).toContain(`get ${corp.host}`);
      expect(asked).not.toContain(registry.password);
      expect(asked).not.toMatch(/^store /m);
      expect(readFileSync(join(storeRunner, 'config.json'), 'utf8')).toBe(runnerConfig);
      expect(readFileSync(join(helpers, 'secrets.json'), 'utf8')).not.toContain(registry.host);
    } finally {
      execFileSync('docker', ['rmi', '--force', privateBase, `${registry.host}/vscoder/app:stored`], { stdio: 'ignore' });
      await corp.stop();
    }
  });

  // docker ends an instruction still continued at the end of the file there, and a blank line does
  // not end it (docker 20.10 here: `CMD ./start.sh \` + blank + `LABEL a=b` is one CMD, no label).
  test('a Dockerfile ending in a continuation: the command docker would build, and every label', async () => {
    mkdirSync(join(repo.dir, 'dangling/app'), { recursive: true });
    repo.write('dangling/app/Dockerfile', 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY . /app\nCMD ./start.sh \\\n');
    repo.commit('a Dockerfile whose last line is continued');
    const result = await buildImages({ inputs: { services: 'dangling/*', 'image-names': '', tags: 'raw:dangling', lint: 'false' } });
    expect(errors(result)).toBe('');
    const ref = `${registry.host}/vscoder/app:dangling`;
    try {
      const pushed = await registryImage(registry, 'vscoder/app', 'dangling');
      expect(pushed!.labels).toMatchObject({ 'org.opencontainers.image.title': 'app', 'dev.shipkit.context-digest': expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(JSON.parse(execFileSync('docker', ['image', 'inspect', '--format', '{{json .Config.Cmd}}', ref], { encoding: 'utf8' }))).toEqual(['/bin/sh', '-c', './start.sh']);
    } finally {
      execFileSync('docker', ['rmi', '--force', ref], { stdio: 'ignore' });
    }
  });

  test.each([
    [{ push: 'true', username: '', password: '' }, 'Input "push" is "true": pushing to'],
    [{ registry: 'https://registry.example' }, 'Input "registry" is "https://registry.example": expected a registry host with an optional port'],
    [{ tags: 'version, nightly' }, 'Input "tags" has "nightly": expected any of version, sha, branch, pr, latest, schedule, semver, or raw:<tag>.'],
    [{ 'failure-threshold': 'fatal' }, 'Input "failure-threshold" is "fatal": expected one of error, warning, info, style, none.'],
    [{ 'image-names': 'post-py=Post' }, 'Input "image-names" has the line "post-py=Post": expected dir=name with a lower-case image name'],
    [{ 'image-names': 'posts=post' }, 'Input "image-names" names "posts", which is not a service folder; services found: comment, post-py, ui.'],
    [{ platforms: 'linux/arm64' }, 'Input "platforms" is "linux/arm64", which needs docker buildx'],
    [{ secrets: 'npm_token=npm_s3cr3t-value' }, 'Input "secrets" gives "npm_token": secret mounts (RUN --mount=type=secret) need docker buildx, but DOCKER_BUILDKIT=0'],
    [{ services: '../*' }, 'Input "services" has the pattern "../*", which leads out of the workspace'],
    [{ 'image-names': 'post-py=same\ncomment=same' }, 'Input "image-names" gives the services "src/comment" and "src/post-py" one name, "same"'],
    [{ registry: '127.0.0.1:99999' }, 'Input "registry" is "127.0.0.1:99999": expected a registry host with an optional port, e.g. docker.io, ghcr.io or 127.0.0.1:5000: the port must be a number from 1 to 65535.'],
    [{ namespace: 'Team//X' }, 'Input "namespace" is "Team//X": expected a repository path'],
    [{ target: 'prod\n::error::x' }, 'Input "target" is "prod\\n::error::x": expected a single line.'],
    [{ 'hadolint-config': '../../etc/passwd' }, 'Input "hadolint-config" is "../../etc/passwd", which resolves to'],
    [{ 'sarif-file': 'src' }, 'Input "sarif-file" is "src": expected a file path, not a folder'],
    [{ 'sarif-file': 'src/ui/Dockerfile/lint.sarif' }, 'is a file, not a folder'],
  ])('bad input %j fails with one clear message, before anything happens', async (inputs, message) => {
    const result = await buildImages({ inputs });
    expect(result.success).toBe(false);
    expect(errors(result)).toContain(message);
    expect(result.annotations.filter((a) => a.level === 'error')).toHaveLength(1);
    expect(result.state).toEqual({});
    expect(log(result)).not.toContain('$ docker');
  });
});
