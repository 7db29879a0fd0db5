import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { globDirs, globFiles } from '../../lib/glob.js';
import { checkPattern, isInside, resolveInside } from '../../lib/paths.js';
import { tempDir } from '../support/runner-env.js';

// Paths from inputs and from the repository stay inside the workspace, after symlinks.

function workspace(): string {
  const root = tempDir('ws');
  const outside = tempDir('outside');
  mkdirSync(join(root, 'src', 'app'), { recursive: true });
  writeFileSync(join(root, 'src', 'app', 'Dockerfile'), 'FROM scratch\n');
  mkdirSync(join(outside, 'evil'), { recursive: true });
  writeFileSync(join(outside, 'evil', 'Dockerfile'), 'FROM scratch\n');
  symlinkSync(join(outside, 'evil'), join(root, 'src', 'evil'));
  symlinkSync('app', join(root, 'src', 'alias'));
  symlinkSync(join(outside, 'nothing-here'), join(root, 'dangling'));
  return root;
}

describe('resolveInside', () => {
  const root = workspace();
  test.each([
    ['src/app', 'src/app'],
    ['./src/../src/app/Dockerfile', 'src/app/Dockerfile'],
    ['src/alias', 'src/alias'],
    ['not/there/yet.sarif', 'not/there/yet.sarif'],
    ['.', '.'],
  ])('%s stays inside', (value, relative) => {
    expect(resolveInside(root, value, 'sarif-file').relative).toBe(relative);
  });

  test.each([
    ['../x', 'outside the workspace'],
    ['/etc/passwd', 'outside the workspace'],
    ['src/evil', 'outside the workspace'],
    ['src/evil/new-file', 'outside the workspace'],
    ['dangling', 'outside the workspace'],
    ['a\n::set-output name=x::y', 'cannot hold a line break'],
  ])('%j is refused, naming the input and the value', (value, why) => {
    expect(() => resolveInside(root, value, 'working-directory')).toThrow(`Input "working-directory" is ${JSON.stringify(value)}`);
    expect(() => resolveInside(root, value, 'working-directory')).toThrow(why);
  });

  test('a phrase instead of an input name is used as is', () => {
    expect(() => resolveInside(root, '../x', 'The version file')).toThrow(/^The version file is "\.\.\/x"/);
  });

  test('isInside follows links', () => {
    expect(isInside(root, join(root, 'src', 'alias'))).toBe(true);
    expect(isInside(root, join(root, 'src', 'evil'))).toBe(false);
  });
});

describe('glob never leaves the root', () => {
  const root = workspace();
  test('a symlink to a folder outside is not matched; one inside is', () => {
    expect(globDirs(root, 'src/*')).toEqual(['src/alias', 'src/app']);
    // `**` enters each real folder once, by its own path: src/alias is src/app
    expect(globFiles(root, '**/Dockerfile')).toEqual(['src/app/Dockerfile']);
  });
  test('.. in a pattern matches nothing outside', () => {
    expect(globDirs(root, '../*')).toEqual([]);
  });
});

describe('checkPattern', () => {
  const root = workspace();
  test.each([
    ['src/*', 'src/*'],
    ['./src/**/Dockerfile', 'src/**/Dockerfile'],
  ])('%s is kept, relative', (pattern, expected) => {
    expect(checkPattern(root, pattern, 'services')).toBe(expected);
  });
  test('an absolute pattern inside the workspace becomes relative', () => {
    expect(checkPattern(root, join(root, 'src', '*'), 'services')).toBe('src/*');
  });
  test.each(['../x/*', 'src/../../x', '/etc/*'])('%s is refused naming the input', (pattern) => {
    expect(() => checkPattern(root, pattern, 'services')).toThrow(`Input "services" has the pattern ${JSON.stringify(pattern)}`);
  });
});
