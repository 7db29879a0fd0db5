import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from '@jest/globals';
import { askVersion, ProbeFailure, probeEnv, runBounded } from '../../lib/tools/probe.js';

// The version probe runs programs nobody has vouched for yet (a fresh download before it is cached,
// a tool found on PATH). Each script below misbehaves the way a broken or hostile binary can; the
// probe must settle by its deadline and leave none of their processes running.

const dir = mkdtempSync(join(tmpdir(), 'shipkit-probe-'));
const started: number[] = [];

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return path;
}

/** Alive and not a zombie waiting to be reaped (PID 1 of a container may never reap it). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  const state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '')[0];
  return state !== 'Z' && state !== 'X';
}

/** Pids a script wrote, once it has written them. */
async function pidsIn(file: string): Promise<number[]> {
  for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(20);
  const pids = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  started.push(...pids);
  return pids;
}

/** Gone within a moment: a SIGKILL'd process is reaped asynchronously. */
async function gone(pids: number[]): Promise<number[]> {
  for (let i = 0; i < 50 && pids.some(alive); i++) await sleep(20);
  return pids.filter(alive);
}

afterEach(() => {
  // Whatever a failing test left running is not left to the machine.
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

describe('runBounded', () => {
  test('a program that ignores SIGTERM is killed at the deadline, with everything it started', async () => {
    const pids = join(dir, 'ignores.pids');
    const path = script('ignores-term', `trap '' TERM INT\nsleep 300 &\necho "$$ $!" > ${pids}\nwait`);
    const result = await runBounded(path, [], { timeoutMs: 400 });
    expect(result).toMatchObject({ timedOut: true });
    expect(await gone(await pidsIn(pids))).toEqual([]);
  });

  test('a program that exits but leaves a child holding its output: the answer is returned, the child killed', async () => {
    const pids = join(dir, 'holds.pids');
    const path = script('holds-stdout', `echo "TFLint version 0.12.1"\nsleep 300 &\necho "$!" > ${pids}\nexit 0`);
    // the deadline is far away: the answer must not wait for it
    const answer = await askVersion(path, ['--version'], { timeoutMs: 120_000 });
    expect(answer).toBe('TFLint version 0.12.1\n');
    expect(await gone(await pidsIn(pids))).toEqual([]);
  });

  test('a child that left the process group and holds the output does not hold up the answer', async () => {
    const pids = join(dir, 'escaped.pids');
    // the parent exits only once the child is in a session (and group) of its own
    const path = script('escapes', `echo "Packer v1.4.4"\nsetsid sh -c 'echo $$ > ${pids}.tmp; mv ${pids}.tmp ${pids}; exec sleep 300' &\nwhile [ ! -s ${pids} ]; do sleep 0.01; done\nexit 0`);
    const answer = await askVersion(path, ['version'], { timeoutMs: 120_000 });
    expect(answer).toBe('Packer v1.4.4\n');
    const [escaped] = await pidsIn(pids); // killed by afterEach: it left the group, as a daemon would
    expect(alive(escaped!)).toBe(true);
  });

  test('endless output is capped, not buffered', async () => {
    const path = script('endless', 'while :; do echo "Terraform v0.12.12 and on and on"; done');
    const result = await runBounded(path, ['version'], { timeoutMs: 400 });
    expect(result.timedOut).toBe(true);
    expect(result.stdout.length).toBeLessThanOrEqual(64 * 1024);
    expect(result.stdout.startsWith('Terraform v0.12.12')).toBe(true);
  });

  test('a program that cannot be started rejects with its error code', async () => {
    await expect(runBounded(join(dir, 'no-such-tool'), [])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('askVersion', () => {
  test('a timeout says so, and how long it waited', async () => {
    const path = script('hangs', `trap '' TERM\nsleep 300`);
    await expect(askVersion(path, ['--version'], { timeoutMs: 300 })).rejects.toThrow(
      new ProbeFailure('it did not answer within 0.3 s; it and every process it started were killed', ''),
    );
  });

  test('a failing version command gives its exit code and what it printed on stderr', async () => {
    const path = script('fails', 'echo "error while loading shared libraries: libc.musl" >&2\nexit 127');
    const failure = await askVersion(path, ['version']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProbeFailure);
    expect(failure).toMatchObject({ message: 'it exited with code 127', stderr: 'error while loading shared libraries: libc.musl\n' });
  });

  test('a version printed on stderr (as some tools do) is the answer', async () => {
    expect(await askVersion(script('stderr', 'echo "Haskell Dockerfile Linter 2.15.1" >&2'), ['--version'])).toBe('Haskell Dockerfile Linter 2.15.1\n');
  });
});

test('the probe environment holds the basics and turns off calls home, nothing else', () => {
  const env = probeEnv({ PATH: '/bin', HOME: '/home/u', INPUT_GITHUB_TOKEN: 'ghs_secret', ACTIONS_RUNTIME_TOKEN: 'x', LANG: 'C.UTF-8' });
  expect(env).toEqual({ PATH: '/bin', HOME: '/home/u', LANG: 'C.UTF-8', CHECKPOINT_DISABLE: '1', TFLINT_DISABLE_VERSION_CHECK: '1' });
});
