import { describe, expect, test } from '@jest/globals';
import { parseKeyValueFile, parsePathFile, parseWorkflowCommand } from '../../cli/file-commands.js';
import { parseRunArgs } from '../../cli/args.js';
import { inputVariable } from '../../cli/runner.js';

describe('runner file commands', () => {
  test('name=value and heredoc entries, as @actions/core writes them', () => {
    const text = 'a=1\nversions<<ghadelimiter_x\n{"t":"1"}\nline two\nghadelimiter_x\nempty=\n';
    expect(parseKeyValueFile(text)).toEqual({ a: '1', versions: '{"t":"1"}\nline two', empty: '' });
  });

  test('an unterminated heredoc is an error', () => {
    expect(() => parseKeyValueFile('x<<EOF\nvalue\n')).toThrow('has no closing delimiter EOF');
  });

  test('PATH file: one folder a line', () => {
    expect(parsePathFile('/a\n\n/b\n')).toEqual(['/a', '/b']);
  });

  test('workflow commands with escaped properties and data', () => {
    expect(parseWorkflowCommand('::error file=src/ui/Dockerfile,line=3,title=DL3008::Pin versions%0Ain apt')).toEqual({
      command: 'error',
      properties: { file: 'src/ui/Dockerfile', line: '3', title: 'DL3008' },
      message: 'Pin versions\nin apt',
    });
    expect(parseWorkflowCommand('::add-mask::s3cr3t')).toEqual({ command: 'add-mask', properties: {}, message: 's3cr3t' });
    expect(parseWorkflowCommand('plain line')).toBeUndefined();
  });

  test('input variables keep hyphens, as the runner does', () => {
    expect(inputVariable('terraform-version')).toBe('INPUT_TERRAFORM-VERSION');
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT');
  });
});

describe('shipkit run arguments', () => {
  test('--with splits at the first =', () => {
    expect(parseRunArgs(['setup-tools', '--with', 'mirrors=https://a=https://b', '--with', 'tools=terraform'])).toEqual({
      action: 'setup-tools',
      inputs: { mirrors: 'https://a=https://b', tools: 'terraform' },
    });
  });

  test.each([
    [[], 'shipkit run: name the action to run.'],
    [['setup-tools', '--with'], 'shipkit run: --with needs a value.'],
    [['setup-tools', '--with', 'novalue'], 'shipkit run: --with takes name=value, got "novalue".'],
    [['setup-tools', '--frobnicate', 'x'], 'shipkit run: unknown option --frobnicate.'],
  ])('%j -> %s', (args, message) => {
    expect(() => parseRunArgs(args)).toThrow(message);
  });
});
