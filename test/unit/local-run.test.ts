import { describe, expect, test } from '@jest/globals';
import { checkRows } from '../../actions/build-images/src/report.js';
import type { ServiceResult } from '../../actions/build-images/src/pipeline.js';
import { parseCheckArgs, parseRunArgs, parseWorkflowArgs } from '../../cli/args.js';
import { exitCode, type JobRow, type RunReport } from '../../cli/workflow/model.js';
import { renderSummary } from '../../cli/workflow/report.js';
import { parseChecks } from '../../lib/checks.js';
import { NetworkError } from '../../lib/http.js';
import { isLocalRun, isUnreachable, isUnreachableRegistryMessage, networkProblem, prefersInstalled, unavailableTools } from '../../lib/local-run.js';

// The local-run contract (lib/local-run.ts), the `checks` rows the actions report, and how the
// CLI counts them: pure pieces, no process started.

describe('the local-run contract', () => {
  test('only SHIPKIT_LOCAL_RUN=1 makes a local run; --prefer-installed and the unavailable tools count only in one', () => {
    expect(isLocalRun({ SHIPKIT_LOCAL_RUN: '1' })).toBe(true);
    expect(isLocalRun({ SHIPKIT_LOCAL_RUN: 'true' })).toBe(false);
    expect(prefersInstalled({ SHIPKIT_PREFER_INSTALLED: '1' })).toBe(false);
    expect(prefersInstalled({ SHIPKIT_LOCAL_RUN: '1', SHIPKIT_PREFER_INSTALLED: '1' })).toBe(true);
    const told = JSON.stringify({ tflint: 'offline', bad: 3 });
    expect(unavailableTools({ SHIPKIT_UNAVAILABLE_TOOLS: told })).toEqual({});
    expect(unavailableTools({ SHIPKIT_LOCAL_RUN: '1', SHIPKIT_UNAVAILABLE_TOOLS: told })).toEqual({ tflint: 'offline' });
    expect(unavailableTools({ SHIPKIT_LOCAL_RUN: '1', SHIPKIT_UNAVAILABLE_TOOLS: '[1' })).toEqual({});
  });

  test("unreachable is the HTTP layer's word for a request that reached no server; other failures are not", () => {
    expect(isUnreachable(new NetworkError('GET x: cannot connect', 'x', 'unreachable', 1))).toBe(true);
    expect(networkProblem(new NetworkError('GET x: timed out', 'x', 'timeout', 4))).toBe('timeout');
    expect(isUnreachable(new NetworkError('GET x: 503', 'x', 'status', 4))).toBe(false);
    expect(isUnreachable(Object.assign(new Error('x'), { problem: 'unreachable' }))).toBe(false);
    expect(isUnreachable('unreachable')).toBe(false);
  });

  test.each([
    ['Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host', true],
    ['Get "http://127.0.0.1:4/v2/": dial tcp 127.0.0.1:4: connect: connection refused', true],
    ['failed to resolve source metadata for docker.io/library/busybox:1: dial tcp: lookup registry-1.docker.io: Temporary failure in name resolution', true],
    ['dial tcp 10.0.0.1:443: connect: network is unreachable', true],
    ['manifest for busybox:9 not found: manifest unknown: manifest unknown', false],
    ['pull access denied for private/base, repository does not exist or may require \'docker login\'', false],
    ['unauthorized: authentication required', false],
  ])('a pull failure %j: registry out of reach = %s', (message, unreachable) => {
    expect(isUnreachableRegistryMessage(message)).toBe(unreachable);
  });
});

describe('checks rows', () => {
  test('parseChecks keeps well-formed rows only', () => {
    const text = JSON.stringify([{ check: 'tflint', where: 'tf', result: 'not-run', detail: 'offline' }, { check: 'x', result: 'maybe' }, null, { check: 'y', result: 'passed' }]);
    expect(parseChecks(text)).toEqual([
      { check: 'tflint', where: 'tf', result: 'not-run', detail: 'offline' },
      { check: 'y', where: '', result: 'passed', detail: '' },
    ]);
    expect(parseChecks('not json')).toEqual([]);
    expect(parseChecks('{"check":"x"}')).toEqual([]);
  });

  const service = (over: Partial<ServiceResult>): ServiceResult => ({
    service: 'ui',
    name: 'ui',
    context: 'src/ui',
    dockerfile: 'src/ui/Dockerfile',
    image: 'docker.io/ui',
    tags: ['1.0.0'],
    digest: '',
    pushed: false,
    skipped: false,
    outcome: 'built',
    lint: null,
    findings: [],
    seconds: 1,
    log: [],
    ...over,
  });

  test('build-images: a lint and a build row per service, "not-run" with the reason in a local run', () => {
    expect(checkRows([service({ lint: { error: 0, warning: 1, info: 0, style: 0 } })])).toEqual([
      { check: 'hadolint', where: 'src/ui/Dockerfile', result: 'passed', detail: '1 warning' },
      { check: 'docker build', where: 'src/ui', result: 'passed', detail: 'built' },
    ]);
    expect(checkRows([service({ outcome: 'not-run', notRun: { stage: 'lint', reason: 'hadolint 2.12.0 could not be downloaded (offline) and none is on PATH' }, lintNotRun: 'hadolint 2.12.0 could not be downloaded (offline) and none is on PATH' })])).toEqual([
      { check: 'hadolint', where: 'src/ui/Dockerfile', result: 'not-run', detail: 'hadolint 2.12.0 could not be downloaded (offline) and none is on PATH' },
    ]);
    expect(checkRows([service({ outcome: 'not-run', notRun: { stage: 'build', reason: 'could not pull the base image busybox:1 (its registry cannot be reached from here)' } })])).toEqual([
      { check: 'docker build', where: 'src/ui', result: 'not-run', detail: 'could not pull the base image busybox:1 (its registry cannot be reached from here)' },
    ]);
    expect(checkRows([service({ outcome: 'failed', failure: { stage: 'lint', message: 'hadolint found 1 problem(s)' }, findings: [] })])).toEqual([
      { check: 'hadolint', where: 'src/ui/Dockerfile', result: 'failed', detail: 'hadolint found 1 problem(s)' },
    ]);
    expect(checkRows([service({ outcome: 'linted', lint: { error: 0, warning: 0, info: 0, style: 0 } })])).toEqual([{ check: 'hadolint', where: 'src/ui/Dockerfile', result: 'passed', detail: 'clean' }]);
  });
});

describe('the CLI counts what ran, passed, failed and was not run', () => {
  const job = (name: string, checks: JobRow['checks'], unavailable?: Record<string, string>): JobRow => ({ name, id: name, status: 'passed', result: 'success', steps: [], summary: '', notes: [], checks, unavailable });
  const report: RunReport = {
    workflow: '.github/workflows/ci.yml',
    event: 'pull_request',
    conclusion: 'success',
    jobs: [
      job('checks / validate and lint', [
        { check: 'terraform validate', where: 'tf/stage', result: 'passed', detail: '' },
        { check: 'tflint', where: 'tf/stage', result: 'not-run', detail: 'tflint 0.50.3 could not be downloaded (offline) and none is on PATH' },
        { check: 'ansible', where: 'playbooks/*.yml', result: 'skipped', detail: 'no playbook matches' },
      ], { tflint: 'tflint 0.50.3 could not be downloaded (offline) and none is on PATH' }),
      job('checks / build images', [{ check: 'docker build', where: 'src/ui', result: 'not-run', detail: 'could not pull the base image busybox:1 (its registry cannot be reached from here)' }]),
    ],
  };

  test('the not-run rows, how to run them, and one final line with the counts; exit 0', () => {
    const text = renderSummary(report);
    expect(text).toContain(
      [
        'Checks not run on this machine:',
        '  ○ checks / validate and lint › tflint (tf/stage): tflint 0.50.3 could not be downloaded (offline) and none is on PATH',
        '  ○ checks / build images › docker build (src/ui): could not pull the base image busybox:1 (its registry cannot be reached from here)',
        '  To run them: give --mirrors UPSTREAM=MIRROR lines for a copy of the downloads you can reach, or install the tools and add --prefer-installed; pull the base images (docker pull) while a registry is reachable, or name a local image with --build-arg.',
      ].join('\n'),
    );
    expect(text.split('\n').at(-1)).toBe(
      'shipkit workflow .github/workflows/ci.yml (pull_request): success — jobs: 2 passed, 0 failed; checks: 1 ran (1 passed, 0 failed), 2 not run, 1 skipped — to run them: --mirrors or --prefer-installed; pull the base images',
    );
    expect(exitCode(report)).toBe(0);
  });

  test('strict (--strict or CI=true): a check not run fails the run, named on the last line', () => {
    const strict = { ...report, strict: 'CI=true' as const };
    expect(renderSummary(strict).split('\n').at(-1)).toBe(
      'shipkit workflow .github/workflows/ci.yml (pull_request): failure (CI=true: the checks not run count as failed: tflint (tf/stage), docker build (src/ui)) — jobs: 2 passed, 0 failed; checks: 1 ran (1 passed, 0 failed), 2 not run, 1 skipped',
    );
    expect(exitCode(strict)).toBe(1);
    expect(exitCode({ ...strict, jobs: [job('a', [{ check: 'x', where: '', result: 'passed', detail: '' }])] })).toBe(0);
  });

  test('flags: --prefer-installed and --strict; CI=true is strict; shipkit run takes --prefer-installed', () => {
    expect(parseWorkflowArgs(['checks', '--prefer-installed', '--strict'], {})).toMatchObject({ preferInstalled: true, strict: '--strict' });
    expect(parseCheckArgs([], { CI: 'true' })).toMatchObject({ preferInstalled: false, strict: 'CI=true' });
    expect(parseCheckArgs([], { CI: 'false' }).strict).toBeUndefined();
    expect(parseRunArgs(['setup-tools', '--prefer-installed', '--with', 'tools=tflint'])).toEqual({ action: 'setup-tools', inputs: { tools: 'tflint' }, preferInstalled: true });
  });
});
