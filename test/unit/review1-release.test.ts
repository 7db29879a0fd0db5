import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { tempDir } from '../support/runner-env.js';

// Review (branch review1): scripts/release.mjs --check, the gate that a release tag runs before it
// ships. Both tests were RED when written (main at e5f3a67); each says the correct behaviour.

const release = (root: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, [join(process.cwd(), 'scripts/release.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SHIPKIT_ROOT: root } });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

function repo(): { root: string; git: (...args: string[]) => string } {
  const root = tempDir('review1-release');
  cpSync('.github', join(root, '.github'), { recursive: true });
  for (const action of ['setup-tools', 'build-images', 'deploy-stage', 'notify']) {
    mkdirSync(join(root, 'actions', action, 'dist'), { recursive: true });
    cpSync(join('actions', action, 'action.yml'), join(root, 'actions', action, 'action.yml'));
    writeFileSync(join(root, 'actions', action, 'dist', 'index.js'), `// ${action} bundle\n`);
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'sources and built actions');
  return { root, git };
}

describe('review1: a release cannot ship an unpinned kit action ref', () => {
  // Correct: every way YAML spells a kit action ref is found, pinned and checked. The script matches
  // the bare form `uses: shipkit/shipkit/actions/x@ref` only, so a quoted value (`uses: "...@main"`,
  // what editors and yq write) is neither pinned by `release.mjs vX` nor seen by `--check vX`, and the
  // tag ships a workflow that runs whatever `main` holds that day. A ref the script cannot read must
  // fail the check, naming the file and line.
  test('a quoted uses: value is pinned (quotes kept) by release.mjs vX, and one left @main fails --check', () => {
    const { root, git } = repo();
    const checks = join(root, '.github/workflows/checks.yml');
    writeFileSync(checks, readFileSync(checks, 'utf8').replace('uses: shipkit/shipkit/actions/notify@main', 'uses: "shipkit/shipkit/actions/notify@main"'));
    git('commit', '-q', '-am', 'quoted');
    const built = git('rev-parse', 'HEAD');
    expect(release(root, 'v1.2.0').code).toBe(0);
    // Changed from the review's first version, which asserted the quoted ref stayed @main after pinning:
    // that was the defect itself; the correct behaviour (its own comment) is that it is found and pinned.
    expect(readFileSync(checks, 'utf8')).toContain(`uses: "shipkit/shipkit/actions/notify@${built}" # v1.2.0`);
    // A release commit where someone put the quoted ref back to @main: the check names it.
    writeFileSync(checks, readFileSync(checks, 'utf8').replace(`"shipkit/shipkit/actions/notify@${built}" # v1.2.0`, '"shipkit/shipkit/actions/notify@main"'));
    git('commit', '-q', '-am', 'release v1.2.0');
    const checked = release(root, '--check', 'v1.2.0');
    expect(checked.output).toContain('notify@main');
    expect(checked.code).toBe(1);
  });

  test('single-quoted and aliased refs are pinned too; a flow-style one that cannot be pinned in place is refused before any file changes', () => {
    const { root, git } = repo();
    const extra = join(root, '.github/workflows/extra.yml');
    writeFileSync(extra, `name: extra
on: workflow_call
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: &setup 'shipkit/shipkit/actions/setup-tools@main'
      - uses: *setup
`);
    git('add', '-A');
    git('commit', '-q', '-m', 'extra');
    const built = git('rev-parse', 'HEAD');
    expect(release(root, 'v1.2.0').code).toBe(0);
    expect(readFileSync(extra, 'utf8')).toContain(`uses: &setup 'shipkit/shipkit/actions/setup-tools@${built}' # v1.2.0\n      - uses: *setup\n`);
    git('commit', '-q', '-am', 'release v1.2.0');
    expect(release(root, '--check', 'v1.2.0').code).toBe(0);

    const flow = join(root, '.github/workflows/flow.yml');
    writeFileSync(flow, `name: flow
on: workflow_call
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - {uses: "shipkit/shipkit/actions/notify@main", with: {status: x}}
`);
    git('add', '-A');
    git('commit', '-q', '-m', 'flow');
    const refused = release(root, 'v1.2.1');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('.github/workflows/flow.yml:7: shipkit/shipkit/actions/notify@main');
    expect(git('status', '--porcelain')).toBe('');
    const checked = release(root, '--check', 'v1.2.0');
    expect(checked.code).toBe(1);
    expect(checked.output).toContain('flow.yml:7: shipkit/shipkit/actions/notify@main is not pinned');
  });

  // Correct: a check that found nothing to check fails. When no ref matches (all of them quoted, or
  // the workflows moved), --check prints "every kit action ref is pinned to undefined" and passes.
  test('--check fails when it finds no kit action ref at all', () => {
    const { root, git } = repo();
    for (const file of ['checks.yml', 'images.yml', 'deploy-stage.yml']) {
      const path = join(root, '.github/workflows', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/uses: (shipkit\/shipkit\/actions\/[\w-]+@main)/g, 'uses: "$1"'));
    }
    git('commit', '-q', '-am', 'all quoted');
    const checked = release(root, '--check', 'v1.2.0');
    expect(checked.output).not.toContain('undefined');
    expect(checked.code).toBe(1);
  });
});
