import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';

const release = (root: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, ['scripts/release.mjs', ...args], { encoding: 'utf8', env: { ...process.env, SHIPKIT_ROOT: root } });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
};

describe('release refs', () => {
  test('the workflows on main point at main; a release rewrites every kit ref and then passes its check', () => {
    const root = mkdtempSync(join(tmpdir(), 'shipkit-release-'));
    cpSync('.github', join(root, '.github'), { recursive: true });
    expect(release(root, '--check', 'main').code).toBe(0);
    const before = release(root, '--check', 'v1.2.0');
    expect(before.code).toBe(1);
    expect(before.output).toContain('.github/workflows/checks.yml');
    expect(before.output).toContain('uses: shipkit/shipkit/actions/setup-tools@main');
    expect(release(root, 'v1.2.0').code).toBe(0);
    expect(release(root, '--check', 'v1.2.0').code).toBe(0);
    const checks = readFileSync(join(root, '.github/workflows/checks.yml'), 'utf8');
    expect(checks).toContain('uses: shipkit/shipkit/actions/build-images@v1.2.0');
    // third-party actions stay pinned by commit
    expect(checks).toContain('uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955');
  });

  test('a bad tag is refused', () => {
    expect(release('.', 'latest').code).toBe(2);
  });
});
