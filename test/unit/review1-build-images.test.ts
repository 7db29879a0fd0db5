import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import type { ExecOptions, ExecResult } from '../../lib/exec.js';

// Review (branch review1): build-images' input checks and the Dockerfile copy it labels. Both tests
// were RED when written (main at e5f3a67); each says the correct behaviour.

const calls: string[][] = [];
function fakeRun(command: string, args: readonly string[], _options: ExecOptions = {}): Promise<ExecResult> {
  calls.push([command, ...args]);
  const answer = (code: number, stdout = '', stderr = '') => Promise.resolve({ code, stdout, stderr, shown: [command, ...args].join(' ') });
  const sub = args.join(' ');
  if (sub === 'buildx version') return answer(0, 'github.com/docker/buildx v0.23.0 28c90ea\n');
  if (sub.startsWith('buildx inspect')) return answer(0, 'Name:          builder-1f2e\nDriver:        docker-container\n\nNodes:\nName:      builder-1f2e0\n');
  return answer(0);
}
jest.unstable_mockModule('../../lib/exec.js', () => ({
  run: fakeRun,
  tail: (text: string) => text,
  quote: (arg: string) => arg,
  commandLine: (command: string, args: readonly string[]) => [command, ...args].join(' '),
}));
const { main } = await import('../../actions/build-images/src/main.js');
const { messageOf } = await import('../../lib/errors.js');
const { parseDockerfile, withLabels } = await import('../../actions/build-images/src/dockerfile.js');

const repo = mkdtempSync(join(tmpdir(), 'shipkit-review1-bi-'));
mkdirSync(join(repo, 'src', 'ui'), { recursive: true });
writeFileSync(join(repo, 'src', 'ui', 'Dockerfile'), 'FROM busybox:1.36.1\nCOPY . /app\n');
const runnerDir = mkdtempSync(join(tmpdir(), 'shipkit-review1-bi-runner-'));
const savedEnv = { ...process.env };
const write = process.stdout.write.bind(process.stdout);

beforeEach(() => {
  calls.length = 0;
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  for (const name of ['state', 'output', 'summary']) writeFileSync(join(runnerDir, name), '');
  Object.assign(process.env, {
    GITHUB_STATE: join(runnerDir, 'state'),
    GITHUB_OUTPUT: join(runnerDir, 'output'),
    GITHUB_STEP_SUMMARY: join(runnerDir, 'summary'),
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    RUNNER_TEMP: join(runnerDir, 'temp'),
    INPUT_REGISTRY: '127.0.0.1:5000',
    INPUT_SERVICES: 'src/*',
    INPUT_LINT: 'false',
  });
  delete process.env.DOCKER_BUILDKIT;
});
afterAll(() => {
  process.env = savedEnv;
});

describe('review1: build-images', () => {
  // Correct: a `type=local` cache path stays in the workspace however the spec is written. buildx
  // reads a cache spec as CSV (docker/buildx util/buildflags ParseCacheEntry: csvvalue.Fields), so
  // `type=local,"dest=/tmp/x"` is dest=/tmp/x to buildx, while the kit splits on commas, sees a key
  // `"dest`, and checks nothing: the cache is written wherever the quoted path says. Parse the spec as
  // buildx does, then check src/dest, before anything runs.
  test('a CSV-quoted cache-to dest outside the workspace is refused like an unquoted one', async () => {
    Object.assign(process.env, { 'INPUT_CACHE-TO': 'type=local,"dest=/tmp/review1-outside-cache"', 'INPUT_DISCOVER-ONLY': 'true' });
    process.stdout.write = () => true; // discover-only prints its plan; keep the test output clean
    let error: unknown;
    try {
      await main();
    } catch (caught: unknown) {
      error = caught;
    } finally {
      process.stdout.write = write;
    }
    expect(error).toBeDefined();
    expect(messageOf(error)).toContain('"cache-to"');
    expect(messageOf(error)).toContain('outside the workspace');
  });

  // Correct: the LABEL the classic path appends to its copy of the Dockerfile is an instruction of
  // its own. A Dockerfile whose last line ends with the escape character (a continuation with
  // nothing after it, which docker accepts) swallows the appended line: `CMD ./start.sh \` becomes
  // `CMD ./start.sh LABEL "org.opencontainers..."=...`, so the image builds with a corrupted CMD and
  // none of the labels (the context-digest label included: it is never reused); with COPY the build
  // fails (`stat LABEL: file does not exist`, checked with docker 20.10 here). End the last
  // instruction first (e.g. an empty line before LABEL).
  test('labels appended to a Dockerfile whose last line is a continuation stay a LABEL instruction', () => {
    const text = 'FROM busybox:1.36.1\nCMD ./start.sh \\\n';
    const labelled = parseDockerfile(withLabels(text, { 'org.opencontainers.image.title': 'ui' }));
    expect(labelled.instructions.map((i) => i.keyword)).toEqual(['FROM', 'CMD', 'LABEL']);
    expect(labelled.instructions[1]!.args).toBe('./start.sh');
  });
});
