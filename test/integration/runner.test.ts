import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from '@jest/globals';
import { runAction } from '../../cli/runner.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// The local runner on its own, with a fixture action that writes the runner's files by hand.
const PROBE = join(process.cwd(), 'test', 'fixtures', 'actions', 'probe');
const run = promisify(execFile);

describe('shipkit run (the local runner)', () => {
  test('inputs, defaults with expressions, file commands, masks, annotations and the post step', async () => {
    const toolCache = tempDir('runner-cache');
    const result = await runAction({
      action: PROBE,
      node: NODE24,
      toolCache,
      env: actionEnv({ GITHUB_API_URL: 'https://ghe.example/api/v3' }),
      inputs: { secret: 's3cr3t-value' },
    });
    expect(result.success).toBe(true);
    expect(result.outputs).toEqual({
      greeting: 'hello',
      multi: 'line one\nline two',
      api: 'https://ghe.example/api/v3',
      cache: toolCache,
    });
    expect(result.path).toEqual(['/opt/probe/bin']);
    expect(result.env).toEqual({ PROBE: '1' });
    expect(result.state).toEqual({ cleanup: '/tmp/probe-state' });
    expect(result.summary).toBe('### probe\n');
    expect(result.main.log).toContain('the secret is ***');
    expect(result.main.log.join('\n')).not.toContain('s3cr3t-value');
    expect(result.main.log.join('\n')).not.toContain('hidden unless');
    expect(result.annotations).toEqual([{ level: 'warning', message: 'pin your base image', file: 'Dockerfile', line: 3 }]);
    expect(result.post?.log).toEqual(['post: cleanup=/tmp/probe-state temp=true']);
  });

  test('a failing main still runs the post step (post-if: always()) and fails the run', async () => {
    const result = await runAction({ action: PROBE, node: NODE24, toolCache: tempDir('c'), env: actionEnv(), inputs: { fail: 'true' } });
    expect(result.success).toBe(false);
    expect(result.main.exitCode).toBe(1);
    expect(result.post?.exitCode).toBe(0);
    expect(result.annotations.map((a) => a.message)).toContain('asked to fail');
  });

  test('an input the action does not declare is refused, listing the ones it has', async () => {
    await expect(runAction({ action: PROBE, inputs: { greting: 'x' } })).rejects.toThrow(
      'runner probe has no input "greting"; its inputs are: greeting, secret, api, fail',
    );
  });

  test('the CLI prints log, outputs, PATH additions and summary, and exits like the step', async () => {
    const cli = join(process.cwd(), 'cli', 'dist', 'index.js');
    const env = actionEnv({ SHIPKIT_NODE: NODE24, RUNNER_TOOL_CACHE: tempDir('cli-cache') });
    const ok = await run(process.execPath, [cli, 'run', PROBE, '--with', 'greeting=hi there'], { env });
    expect(ok.stdout).toContain('runner probe: succeeded');
    expect(ok.stdout).toContain('  greeting = hi there');
    expect(ok.stdout).toContain('Added to PATH:\n  /opt/probe/bin');
    expect(ok.stdout).toContain('Step summary:\n### probe');
    expect(ok.stdout).toContain('Warning: pin your base image (Dockerfile:3)');

    await expect(run(process.execPath, [cli, 'run', PROBE, '--with', 'fail=true'], { env })).rejects.toMatchObject({ code: 1 });
    await expect(run(process.execPath, [cli, 'run', PROBE, '--with', 'nope'], { env })).rejects.toMatchObject({
      code: 2,
      stderr: 'shipkit run: --with takes name=value, got "nope".\n',
    });
    await expect(run(process.execPath, [cli, 'frobnicate'], { env })).rejects.toMatchObject({ code: 2 });
  });
});

describe('stop-commands', () => {
  test('between ::stop-commands::TOKEN and ::TOKEN:: nothing is a command; after it commands work again', async () => {
    const result = await runAction({ action: join(process.cwd(), 'test', 'fixtures', 'actions', 'stop-commands'), node: NODE24, toolCache: tempDir('c'), env: actionEnv() });
    expect(result.success).toBe(true);
    expect(result.main.log).toEqual([
      '::add-mask::visible-text',
      '::error file=Dockerfile,line=1::not an annotation',
      '::set-output name=injected::1',
      'Warning: a real warning after the block',
      'visible-text stays visible',
    ]);
    expect(result.annotations).toEqual([{ level: 'warning', message: 'a real warning after the block' }]);
  });
});
