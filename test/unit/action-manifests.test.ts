import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { entryPoints } from '../../scripts/build.mjs';

// Every action.yml parses as YAML, runs on node24 from its entry point in the shared bundle
// (dist/<name>.js, dist/<name>-post.js: scripts/build.mjs), and names its inputs and outputs in
// kebab-case with a description each.
const actions = readdirSync('actions').filter((name) => existsSync(join('actions', name, 'action.yml')));

describe.each(actions)('actions/%s/action.yml', (name) => {
  const manifest = parse(readFileSync(join('actions', name, 'action.yml'), 'utf8')) as {
    name: string;
    description: string;
    inputs?: Record<string, { description?: string }>;
    outputs?: Record<string, { description?: string }>;
    runs: { using: string; main: string; post?: string };
  };

  test('runs on node24 from its entry points in the shared dist/', () => {
    expect(manifest.runs.using).toBe('node24');
    expect(manifest.runs.main).toBe(`../../dist/${name}.js`);
    const hasPost = existsSync(join('actions', name, 'src', 'index-post.ts'));
    expect(manifest.runs.post).toBe(hasPost ? `../../dist/${name}-post.js` : undefined);
    // the build writes exactly these entry points
    const built = (entryPoints() as { name: string; action: string }[]).filter((e) => e.action === name).map((e) => `../../dist/${e.name}.js`);
    expect(built).toEqual([manifest.runs.main, ...(manifest.runs.post ? [manifest.runs.post] : [])]);
  });

  test('kebab-case inputs and outputs, each described', () => {
    for (const [key, spec] of [...Object.entries(manifest.inputs ?? {}), ...Object.entries(manifest.outputs ?? {})]) {
      expect(key).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(spec.description?.length ?? 0).toBeGreaterThan(10);
    }
  });
});

describe('the bundles (`npm test` builds them first)', () => {
  test('every entry point named in an action.yml exists', () => {
    expect(existsSync(join('dist', 'index.js'))).toBe(true);
    for (const name of actions) {
      const { runs } = parse(readFileSync(join('actions', name, 'action.yml'), 'utf8')) as { runs: { main: string; post?: string } };
      for (const script of [runs.main, runs.post].filter(Boolean) as string[]) expect(existsSync(join('actions', name, script))).toBe(true);
    }
  });

  test('no action keeps a bundle of its own (the old layout)', () => {
    for (const name of actions) expect(existsSync(join('actions', name, 'dist'))).toBe(false);
  });
});
