import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { tempDir } from '../support/runner-env.js';

// scripts/release.mjs on a throw-away git repository holding the workflows and the actions.

const release = (root: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, [join(process.cwd(), 'scripts/release.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, SHIPKIT_ROOT: root } });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

function repo(): { root: string; git: (...args: string[]) => string } {
  const root = tempDir('release');
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

describe('release refs', () => {
  test('main names its actions @main; a release pins them all to the commit holding the built actions', () => {
    const { root, git } = repo();
    expect(release(root, '--check', 'main').code).toBe(0);
    const built = git('rev-parse', 'HEAD');

    const unpinned = release(root, '--check', 'v1.2.0');
    expect(unpinned.code).toBe(1);
    expect(unpinned.output).toContain('.github/workflows/checks.yml');
    expect(unpinned.output).toContain('shipkit/shipkit/actions/setup-tools@main is not pinned to a full-length commit SHA');

    expect(release(root, 'v1.2.0').code).toBe(0);
    const checks = readFileSync(join(root, '.github/workflows/checks.yml'), 'utf8');
    expect(checks).toContain(`uses: shipkit/shipkit/actions/build-images@${built} # v1.2.0`);
    expect(checks).not.toMatch(/shipkit\/actions\/[\w-]+@main/);
    expect(checks).toContain('uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8'); // third-party pins untouched
    git('commit', '-q', '-am', 'release v1.2.0'); // the tag goes on this commit, which cannot name itself
    expect(release(root, '--check', 'v1.2.0')).toMatchObject({ code: 0, output: `release: every kit action ref is pinned to ${built} (v1.2.0)\n` });
    expect(release(root, '--check', 'v1.3.0').code).toBe(1);
  });

  test('a ref pinned by tag (what the release script used to write) fails the check', () => {
    const { root, git } = repo();
    const path = join(root, '.github/workflows/images.yml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/(shipkit\/shipkit\/actions\/[\w-]+)@main/g, '$1@v1.2.0'));
    git('commit', '-q', '-am', 'tag refs');
    const result = release(root, '--check', 'v1.2.0');
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/\.github\/workflows\/images\.yml:\d+: shipkit\/shipkit\/actions\/build-images@v1\.2\.0 is not pinned to a full-length commit SHA/);
  });

  test('a pin to a commit whose actions differ from the release is refused, when pinning and when checking', () => {
    const { root, git } = repo();
    const old = git('rev-parse', 'HEAD');
    writeFileSync(join(root, 'actions/notify/dist/index.js'), '// notify bundle, rebuilt\n');
    git('commit', '-q', '-am', 'rebuild notify');
    const refused = release(root, 'v1.2.1', '--sha', old);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`actions/ differs between ${old.slice(0, 12)} and the working tree`);

    for (const file of ['checks.yml', 'images.yml', 'deploy-stage.yml']) {
      const path = join(root, '.github/workflows', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/(shipkit\/shipkit\/actions\/[\w-]+)@main/g, `$1@${old} # v1.2.1`));
    }
    git('commit', '-q', '-am', 'hand-pinned to the old commit');
    const checked = release(root, '--check', 'v1.2.1');
    expect(checked.code).toBe(1);
    expect(checked.output).toContain('actions/ differs');
  });

  test.each([['latest'], ['1.2.0'], ['--check']])('a bad version %s is refused', (v) => {
    expect(release('.', v).code).toBe(2);
  });
});
