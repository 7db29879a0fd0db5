import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import type { ExecOptions, ExecResult } from '../../lib/exec.js';

// Every input of build-images with its bad values, through the action's real main(): inputs are set
// as the runner sets them (INPUT_*), and the one seam to child processes (lib/exec.ts run) records
// every command. A bad value must fail with a message naming the input and the value, and nothing
// may have happened: no login, no build, no pull, no push, no saved state, no temporary folder.
// The only commands allowed are the read-only probes that decide the builder.

interface Docker {
  /** What `docker buildx inspect` answers; undefined: no buildx at all. */
  builder?: { name: string; driver: string } | 'unknown';
}
let docker: Docker = {};
const calls: string[][] = [];

function fakeRun(command: string, args: readonly string[], _options: ExecOptions = {}): Promise<ExecResult> {
  calls.push([command, ...args]);
  const answer = (code: number, stdout = '', stderr = '') => Promise.resolve({ code, stdout, stderr, shown: [command, ...args].join(' ') });
  const sub = args.join(' ');
  if (sub === 'buildx version') return docker.builder ? answer(0, 'github.com/docker/buildx v0.23.0 28c90ea\n') : answer(1, '', "docker: unknown command: docker buildx\n");
  if (sub.startsWith('buildx inspect')) {
    const b = docker.builder;
    if (!b || b === 'unknown') return answer(1, '', `ERROR: no builder "${args[2] ?? 'x'}" found\n`);
    return answer(0, `Name:          ${b.name}\nDriver:        ${b.driver}\n\nNodes:\nName:      ${b.name}0\n`);
  }
  if (sub.startsWith('info --format')) return answer(0, '[["Backing Filesystem","extfs"]]\n');
  return answer(0);
}

jest.unstable_mockModule('../../lib/exec.js', () => ({
  run: fakeRun,
  tail: (text: string) => text,
  quote: (arg: string) => arg,
  commandLine: (command: string, args: readonly string[]) => [command, ...args].join(' '),
}));
const { main } = await import('../../actions/build-images/src/main.js');
const { isExpected, messageOf } = await import('../../lib/errors.js');

const PROBES = /^docker (buildx version|buildx inspect( \S+)?|info --format .*)$/;

const repo = mkdtempSync(join(tmpdir(), 'shipkit-bi-inputs-'));
for (const [dir, version] of [['src/post-py', '0.1.0'], ['src/comment', '0.2.0'], ['src/ui', '1.0.3']]) {
  mkdirSync(join(repo, dir!), { recursive: true });
  writeFileSync(join(repo, dir!, 'Dockerfile'), 'ARG BASE_IMAGE=busybox:1.36.1\nFROM ${BASE_IMAGE} AS app\nCOPY . /app\n');
  writeFileSync(join(repo, dir!, 'VERSION'), `${version}\n`);
}
mkdirSync(join(repo, 'notes'));
writeFileSync(join(repo, 'afile'), 'a file where a folder would be\n');
writeFileSync(join(repo, '.hadolint.yaml'), 'ignored: []\n');
symlinkSync('/etc', join(repo, 'outside-link'));

const runnerDir = mkdtempSync(join(tmpdir(), 'shipkit-bi-runner-'));
const files = { GITHUB_STATE: join(runnerDir, 'state'), GITHUB_OUTPUT: join(runnerDir, 'output'), GITHUB_STEP_SUMMARY: join(runnerDir, 'summary') };
const runnerTemp = join(runnerDir, 'temp');
const savedEnv = { ...process.env };
const write = process.stdout.write.bind(process.stdout);

beforeEach(() => {
  calls.length = 0;
  docker = {};
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  for (const file of Object.values(files)) writeFileSync(file, '');
  mkdirSync(runnerTemp, { recursive: true });
  Object.assign(process.env, files, {
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_EVENT_PATH: '',
    RUNNER_TEMP: runnerTemp,
    INPUT_REGISTRY: '127.0.0.1:5000',
    INPUT_NAMESPACE: 'vscoder',
    INPUT_USERNAME: 'shipkit',
    INPUT_PASSWORD: 'registry-pass-1',
    INPUT_LINT: 'false',
  });
  delete process.env.DOCKER_BUILDKIT;
  delete process.env.BUILDX_BUILDER;
});

afterAll(() => {
  process.env = savedEnv;
});

/** Runs main() with the given inputs; returns the error it failed with, and what the step printed. */
async function failWith(inputs: Record<string, string>): Promise<{ error: unknown; printed: string }> {
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
  let printed = '';
  process.stdout.write = (chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  };
  try {
    await main();
  } catch (error: unknown) {
    return { error, printed };
  } finally {
    process.stdout.write = write;
  }
  throw new Error(`main() accepted ${JSON.stringify(inputs)}`);
}

const docker0 = { builder: { name: 'default', driver: 'docker' } } as const;
const container = { builder: { name: 'builder-1f2e', driver: 'docker-container' } } as const;

// [input, value, text the message must show (the value, or the bad part of it), what it must also say, the runner's docker]
const ROWS: [string, string, string, string, Docker?][] = [
  ['services', '../x/*', '"../x/*"', 'leads out of the workspace'],
  ['services', '/etc/*', '"/etc/*"', 'outside the workspace'],
  ['services', 'outside-link/*', '"outside-link/*"', ''],
  ['image-names', 'post-py=Post', '"post-py=Post"', 'expected dir=name with a lower-case image name'],
  ['image-names', 'posts=post', '"posts"', 'which is not a service folder; services found: comment, post-py, ui.'],
  ['image-names', 'post-py=same\ncomment=same', '"same"', 'gives the services "src/comment" and "src/post-py" one name'],
  ['image-names', 'post-py=post\npost-py=posts', '"post-py"', 'twice'],
  ['registry', 'https://registry.example', '"https://registry.example"', 'no scheme'],
  ['registry', '127.0.0.1:70000', '"127.0.0.1:70000"', 'the port must be a number from 1 to 65535'],
  ['registry', '127.0.0.1:0', '"127.0.0.1:0"', 'the port must be a number from 1 to 65535'],
  ['registry', 'ghcr.io/org', '"ghcr.io/org"', 'no path'],
  ['registry', '-bad.example', '"-bad.example"', 'is not a host name'],
  ['registry', 'reg..example', '"reg..example"', 'is not a host name'],
  ['namespace', 'VSCoder', '"VSCoder"', 'expected a repository path of lower-case letters'],
  ['namespace', 'org//team', '"org//team"', 'expected a repository path'],
  ['namespace', '/org', '"/org"', 'expected a repository path'],
  ['namespace', 'org/', '"org/"', 'expected a repository path'],
  ['namespace', 'a..b', '"a..b"', 'expected a repository path'],
  ['namespace', 'x'.repeat(260), `"${'x'.repeat(260)}"`, 'of at most 255 characters'],
  ['username', 'me\n::add-mask::x', '"me\\n::add-mask::x"', 'expected a single line'],
  ['push', 'maybe', '"maybe"', 'expected one of auto, true, false'],
  ['push', 'true', '"true"', 'pushing to 127.0.0.1:5000 needs "username" and "password": pass them from secrets, or set push: false.'],
  ['tags', 'version, nightly', '"nightly"', 'expected any of version, sha, branch, pr, latest, schedule, semver, or raw:<tag>'],
  ['tags', 'raw:-bad', '"raw:-bad"', 'is not a valid Docker tag'],
  ['tags', 'pr', '"pr"', 'gives no tag on this push event to comment (pr: applies to pull requests only, this is a push event)'],
  ['labels', 'novalue', '"novalue"', 'expected KEY=value'],
  ['labels', 'has space=x', '"has space=x"', 'expected KEY=value'],
  ['labels', 'dev.shipkit.context-digest=x', 'dev.shipkit.context-digest', 'which build-images writes itself'],
  ['build-args', '1BAD=x', '"1BAD=x"', 'expected KEY=value with an argument name'],
  ['build-args', 'NOEQUALS', '"NOEQUALS"', 'expected KEY=value'],
  ['target', 'prod\n::error::x', '"prod\\n::error::x"', 'expected a single line'],
  ['target', 'pr od', '"pr od"', 'expected a build stage name'],
  ['target', 'prod', '"prod"', 'but src/comment/Dockerfile has no stage of that name (its stages: app)'],
  ['platforms', 'linux', '"linux"', 'expected os/arch[/variant] entries'],
  ['platforms', 'linux/arm64', '"linux/arm64"', "which needs docker buildx, but this runner's docker has no buildx"],
  ['platforms', 'linux/amd64,linux/arm64', '"linux/amd64,linux/arm64"', 'uses the docker driver, which builds one platform at a time', docker0],
  ['builder', 'my builder', '"my builder"', 'expected a buildx builder name'],
  ['builder', 'ci', '"ci"', "which needs docker buildx, but this runner's docker has no buildx"],
  ['builder', 'ci', '"ci"', 'which docker buildx does not know', { builder: 'unknown' }],
  ['cache-from', 'type=bogus', '"type=bogus"', 'expected type=registry, inline, local, gha, s3 or azblob'],
  ['cache-from', 'type=inline', '"type=inline"', 'inline cache is read back with type=registry'],
  ['cache-from', 'none\ntype=gha', '"none"', '"none" stands alone'],
  ['cache-from', 'type=registry,ref={tag}', '"type=registry,ref={tag}"', '{tag} is not a placeholder'],
  ['cache-from', 'type=local,src=../cache', '"../cache"', 'outside the workspace'],
  ['cache-from', 'type=gha', '"type=gha"', 'the classic builder only takes images'],
  ['cache-to', 'type=gha,mode=max', '"type=gha,mode=max"', "which needs docker buildx, but this runner's docker has no buildx"],
  ['cache-to', 'type=registry,ref={image}:cache', '"type=registry,ref={image}:cache"', 'can only export type=inline cache', docker0],
  ['cache-to', 'type=local,dest=/tmp/cache', '"/tmp/cache"', 'outside the workspace', container],
  // buildx reads the spec as CSV with case-insensitive keys: every spelling of the same dest is checked.
  ['cache-to', 'type=local,"dest=/tmp/cache"', '"/tmp/cache"', 'outside the workspace', container],
  ['cache-to', '"type=local",DEST=/tmp/cache', '"/tmp/cache"', 'outside the workspace', container],
  ['cache-to', 'TYPE=local,"Dest=/tmp/a,""b"""', '"/tmp/a,\\"b\\""', 'outside the workspace', container],
  ['cache-from', 'type=local,"src=../cache"', '"../cache"', 'outside the workspace', container],
  ['cache-to', 'type=local,"dest=cache', '"type=local,\\"dest=cache"', 'buildx cannot read it as a cache spec (one CSV line of key=value fields): the quote at column 12 is never closed', container],
  ['cache-to', 'type=local,dest="cache"', '"type=local,dest=\\"cache\\""', 'fields): a " inside an unquoted field at column 17 (quote the whole field, and double a " inside it)', container],
  ['cache-to', 'mode=max', '"mode=max"', 'buildx cannot read it as a cache spec (one CSV line of key=value fields): there is no type= field', container],
  ['rebuild', 'sometimes', '"sometimes"', 'expected true or false'],
  ['lint', 'yes please', '"yes please"', 'expected true or false'],
  ['failure-threshold', 'fatal', '"fatal"', 'expected one of error, warning, info, style, none'],
  ['hadolint-config', '../hadolint.yaml', '"../hadolint.yaml"', 'outside the workspace'],
  ['hadolint-config', 'missing.yaml', '"missing.yaml"', 'no such file'],
  ['hadolint-config', 'notes', '"notes"', 'no such file'],
  ['hadolint-config', '.hadolint.yaml\n::error::x', '".hadolint.yaml\\n::error::x"', 'expected a single line'],
  ['hadolint-version', 'banana', '"banana"', 'expected an exact version'],
  ['sarif-file', '../hadolint.sarif', '"../hadolint.sarif"', 'outside the workspace'],
  ['sarif-file', '/etc/hadolint.sarif', '"/etc/hadolint.sarif"', 'outside the workspace'],
  ['sarif-file', 'outside-link/hadolint.sarif', '"outside-link/hadolint.sarif"', 'outside the workspace'],
  ['sarif-file', 'notes', '"notes"', 'a file path, not a folder'],
  ['sarif-file', 'afile/hadolint.sarif', '"afile/hadolint.sarif"', 'is a file, not a folder'],
  ['parallel', '0', '"0"', 'expected a whole number of 1 or more'],
  ['parallel', 'many', '"many"', 'expected a whole number of 1 or more'],
  ['mirrors', 'nope', '"nope"', 'expected UPSTREAM_PREFIX=MIRROR_PREFIX'],
  ['discover-only', 'maybe', '"maybe"', 'expected true or false'],
  ['lint-only', 'maybe', '"maybe"', 'expected true or false'],
];

describe('every build-images input with its bad values: a clear message, and nothing happened', () => {
  test.each(ROWS)('%s: %j', async (input, value, shows, says, runnerDocker = {}) => {
    docker = runnerDocker;
    const inputs: Record<string, string> = { [input]: value };
    if (['hadolint-config', 'hadolint-version', 'sarif-file'].includes(input)) inputs.lint = 'true';
    if (input === 'push') inputs.username = '';
    const { error, printed } = await failWith(inputs);
    const message = messageOf(error);
    expect(isExpected(error)).toBe(true); // a message for the user: runStep prints no stack trace
    expect(message).toContain(`"${input}"`);
    expect(message).toContain(shows);
    expect(message).toContain(says);
    // nothing happened: only read-only probes ran, no state for a post step, no temporary folder
    for (const call of calls) expect(call.join(' ')).toMatch(PROBES);
    expect(readFileSync(files.GITHUB_STATE, 'utf8')).toBe('');
    expect(readFileSync(files.GITHUB_OUTPUT, 'utf8')).toBe('');
    expect(readdirSync(runnerTemp)).toEqual([]);
    expect(printed).not.toMatch(/^::(?!add-mask::)/m);
  });

  test.each([
    [{ 'discover-only': 'true', 'lint-only': 'true' }, 'Inputs "discover-only" and "lint-only" are both true'],
    [{ 'lint-only': 'true', lint: 'false' }, 'Input "lint-only" is true but "lint" is false'],
    [{ 'sarif-file': 'reports/x.sarif', lint: 'false' }, 'Input "sarif-file" is "reports/x.sarif" but "lint" is false'],
  ])('the combination %j is refused naming both inputs', async (inputs, says) => {
    expect(messageOf((await failWith(inputs)).error)).toContain(says);
    expect(calls).toEqual([]);
  });

  test('a password with a line break is refused without repeating it', async () => {
    const { error, printed } = await failWith({ password: 'secret-part-1\nsecret-part-2' });
    expect(messageOf(error)).toBe('Input "password" has a line break (its value is not shown: it is a secret): a registry password or token is one line.');
    // Masks are registered first (the runner swallows ::add-mask:: lines); nothing else shows it.
    const shown = printed.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(printed).toContain('::add-mask::secret-part-1\n');
    expect(shown.join('\n')).not.toContain('secret-part');
    expect(calls).toEqual([]);
  });

  test('DOCKER_BUILDKIT=0 with a builder input: refused, naming both', async () => {
    docker = container;
    process.env.DOCKER_BUILDKIT = '0';
    const { error } = await failWith({ builder: 'builder-1f2e' });
    expect(messageOf(error)).toBe('Input "builder" is "builder-1f2e", which needs docker buildx, but DOCKER_BUILDKIT=0 in the step\'s environment turns buildx off.');
    expect(calls).toEqual([]);
  });
  // A secret's value reaches no message and no log line but the runner's ::add-mask:: command.
  test.each([
    ['npm_s3cr3t-value-1', 'Input "secrets" has an entry without "=" (entry 1, not shown: it may be a secret): expected id=value lines'],
    ['npm token=npm_s3cr3t-value-1', 'Input "secrets" has the id "npm token" (its value is not shown): expected an id of letters, digits, _ . and -'],
    ['npm=npm_s3cr3t-value-1\nnpm=npm_s3cr3t-value-2', 'Input "secrets" gives the id "npm" twice: each id is one secret.'],
    ['npm_token=npm_s3cr3t-value-1', 'Input "secrets" gives "npm_token": secret mounts (RUN --mount=type=secret) need docker buildx, but this runner\'s docker has no buildx'],
  ])('secrets %j: refused, the value not repeated', async (value, says) => {
    const { error, printed } = await failWith({ secrets: value });
    expect(messageOf(error)).toContain(says);
    expect(messageOf(error)).not.toContain('s3cr3t');
    expect(printed.replace(/^::add-mask::.*$/gm, '')).not.toContain('s3cr3t');
    for (const call of calls) expect(call.join(' ')).toMatch(PROBES);
  });

  test('secret values are masked as soon as they are read', async () => {
    const { printed } = await failWith({ secrets: 'npm_token=npm_s3cr3t-value-1\npip=pip-s3cr3t=with=equals', 'failure-threshold': 'fatal' });
    expect(printed).toContain('::add-mask::npm_s3cr3t-value-1');
    expect(printed).toContain('::add-mask::pip-s3cr3t=with=equals');
  });
});

