import { describe, expect, test } from '@jest/globals';
import { parseKeyValueFile, parsePathFile, parseWorkflowCommand } from '../../cli/file-commands.js';
import { parseRunArgs } from '../../cli/args.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Masker } from '../../cli/masker.js';
import { inputVariable, LineRenderer, LineSplitter, readFileCommands } from '../../cli/runner.js';
import { tempDir } from '../support/runner-env.js';

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

describe("workflow commands as GitHub's runner parses them", () => {
  test.each([
    ['   ::warning::indented', { command: 'warning', properties: {}, message: 'indented' }],
    ['::WARNING file=a.ts::upper case', { command: 'warning', properties: { file: 'a.ts' }, message: 'upper case' }],
    ['tool says ##[error]legacy%3B form', { command: 'error', properties: {}, message: 'legacy; form' }],
    ['##[warning file=x%5D.ts;line=3]legacy props', { command: 'warning', properties: { file: 'x].ts', line: '3' }, message: 'legacy props' }],
    ['::set-output name=v::1', { command: 'set-output', properties: { name: 'v' }, message: '1' }],
  ])('%j', (line, command) => {
    expect(parseWorkflowCommand(line)).toEqual(command);
  });

  test.each([['::not-a-command::x'], ['text ::warning::not at the start'], ['##[section]not registered'], ['::warning no end']])('%j is plain text', (line) => {
    expect(parseWorkflowCommand(line)).toBeUndefined();
  });

  test('the stop-commands token is a command only while it is awaited', () => {
    expect(parseWorkflowCommand('::tok-1::')).toBeUndefined();
    expect(parseWorkflowCommand('  ::TOK-1::', 'tok-1')).toEqual({ command: 'tok-1', properties: {}, message: '' });
  });
});

describe('lines as the runner reads them', () => {
  test('\\n, \\r\\n and a lone \\r end a line, also across chunks', () => {
    const splitter = new LineSplitter();
    expect(splitter.push('a\r\nprogress 10%\r::warning::x\nb\r')).toEqual(['a', 'progress 10%', '::warning::x']);
    expect(splitter.push('\nc')).toEqual(['b']);
    expect(splitter.end()).toEqual(['c']);
  });

  test('stop-commands: nothing is a command until the token, written any way the runner accepts', () => {
    const lines = new LineRenderer();
    const log: string[] = [];
    for (const line of ['::stop-commands::Tok', '::warning::inert', '##[Tok]', '::warning::live']) lines.render(line, log);
    expect(log).toEqual(['::warning::inert', 'Warning: live']);
  });

  test('set-output and save-state still work (with the deprecation warning); set-env and add-path are refused and fail the step', () => {
    const lines = new LineRenderer({ masker: new Masker(['s3cret-v']) });
    const log: string[] = [];
    for (const line of ['::set-output name=out::1', '::save-state name=pid::42', '::set-env name=X::s3cret-v', '::add-path::/evil']) lines.render(line, log);
    expect(lines.outputs).toEqual({ out: '1' });
    expect(lines.state).toEqual({ pid: '42' });
    expect(lines.commandErrors).toBe(2);
    expect(log.join('\n')).toContain('The `set-output` command is deprecated');
    expect(log.join('\n')).not.toContain('s3cret-v');
    const step = { exitCode: 0, log };
    readFileCommands({}, lines, step);
    expect(step.exitCode).toBe(1);
  });

  test('GITHUB_ENV: NODE_OPTIONS is refused with an error, the rest is kept; a malformed file fails the step, masked', () => {
    const dir = tempDir('file-commands');
    writeFileSync(join(dir, 'env'), 'A=1\nnode_options=--require=/x.cjs\n');
    writeFileSync(join(dir, 'output'), 'tok3n-value\n');
    const lines = new LineRenderer({ masker: new Masker(['tok3n-value']) });
    const step = { exitCode: 0, log: [] as string[] };
    const read = readFileCommands({ GITHUB_ENV: join(dir, 'env'), GITHUB_OUTPUT: join(dir, 'output') }, lines, step);
    expect(read.env).toEqual({ A: '1' });
    expect(step.exitCode).toBe(1);
    expect(step.log).toEqual([
      "Error: Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command.",
      'Error: Unable to process file command \'output\' successfully: file command line "***" is neither name=value nor name<<DELIMITER',
    ]);
  });
});
