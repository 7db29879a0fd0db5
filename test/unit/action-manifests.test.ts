import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';

// Every action.yml parses as YAML, runs on node24 from its committed bundle, and names its
// inputs and outputs in kebab-case with a description each.
const actions = readdirSync('actions').filter((name) => existsSync(join('actions', name, 'action.yml')));

describe.each(actions)('actions/%s/action.yml', (name) => {
  const manifest = parse(readFileSync(join('actions', name, 'action.yml'), 'utf8')) as {
    name: string;
    description: string;
    inputs?: Record<string, { description?: string }>;
    outputs?: Record<string, { description?: string }>;
    runs: { using: string; main: string; post?: string };
  };

  test('runs on node24 from dist/', () => {
    expect(manifest.runs.using).toBe('node24');
    expect(existsSync(join('actions', name, manifest.runs.main))).toBe(true);
    if (manifest.runs.post) expect(existsSync(join('actions', name, manifest.runs.post))).toBe(true);
  });

  test('kebab-case inputs and outputs, each described', () => {
    for (const [key, spec] of [...Object.entries(manifest.inputs ?? {}), ...Object.entries(manifest.outputs ?? {})]) {
      expect(key).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(spec.description?.length ?? 0).toBeGreaterThan(10);
    }
  });
});
