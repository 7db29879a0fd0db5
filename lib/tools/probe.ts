import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCancel } from '../toolcache.js';

// The one version probe: a freshly downloaded binary (before it is cached) and, in local runs, a
// tool found on PATH are asked for their version here. Either may be anything, so the probe is
// bounded: it settles by its deadline whatever the program does (ignores SIGTERM, forks a child
// that keeps stdout open, prints without end), and leaves no process of it running.

export interface ProbeOptions {
  /** How long the program gets (default 30 s); then its process group is killed. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface ProbeResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
}

const TIMEOUT_MS = 30_000;
/** A version line is short; what a program prints beyond this is dropped, not buffered. */
const MAX_OUTPUT = 64 * 1024;
/** After the program exits, how long its pipes may stay open (held by a child that left its group). */
const CLOSE_GRACE_MS = 500;
const POSIX = process.platform !== 'win32';

/**
 * The environment a probe runs with: the basics only. None of the step's inputs (the GitHub token
 * is one), runner tokens or other secrets; no call home.
 */
export function probeEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { CHECKPOINT_DISABLE: '1', TFLINT_DISABLE_VERSION_CHECK: '1' };
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'LANG', 'LC_ALL']) {
    const value = env[key]; // case-insensitive on Windows
    if (value !== undefined) clean[key] = value;
  }
  return clean;
}

/**
 * Ends the program and everything it started in its process group (its own, see runBounded). On
 * Windows, where there are no process groups, taskkill ends the tree.
 */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    if (POSIX) process.kill(-child.pid, 'SIGKILL');
    else spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
  } catch {
    // ESRCH: nothing of it is left
  }
}

/**
 * Runs a program in a process group of its own and settles within the timeout (plus a short grace
 * for its pipes): on the deadline, on a cancelled step, and once the program has exited, whatever
 * is left of its group is killed, and pipes still held open by something outside it are closed
 * from this side. Rejects only when the program cannot be started (ENOENT, EACCES, ETXTBSY).
 */
export function runBounded(file: string, args: readonly string[], options: ProbeOptions = {}): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, [...args], { env: options.env ?? probeEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: POSIX, windowsHide: true });
    const result: ProbeResult = { stdout: '', stderr: '', code: null, signal: null, timedOut: false };
    const forget = onCancel(() => killGroup(child));
    let grace: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (error?: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      clearTimeout(grace);
      forget();
      // Something that left the group may still hold the pipes: they are closed from this side.
      child.stdout?.destroy();
      child.stderr?.destroy();
      if (error) reject(error);
      else resolve(result);
    };
    const deadline = setTimeout(() => {
      result.timedOut = true;
      killGroup(child);
      settle();
    }, options.timeoutMs ?? TIMEOUT_MS);

    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream]?.setEncoding('utf8');
      child[stream]?.on('data', (chunk: string) => {
        if (result[stream].length < MAX_OUTPUT) result[stream] += chunk.slice(0, MAX_OUTPUT - result[stream].length);
      });
    }
    child.on('error', (error) => settle(error));
    child.on('exit', (code, signal) => {
      result.code = code;
      result.signal = signal;
      // What it started is no part of a version answer.
      killGroup(child);
      grace = setTimeout(() => settle(), CLOSE_GRACE_MS);
    });
    child.on('close', () => settle());
  });
}

/** A version command that did not answer cleanly; `stderr` holds what it printed there, if anything. */
export class ProbeFailure extends Error {
  override name = 'ProbeFailure';
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/**
 * The program's answer to its version command: what it printed (stdout, else stderr) on a clean
 * exit. While tools are installed in parallel, a child forked for one probe briefly holds the write
 * descriptor of another binary being written, and exec of that binary then fails with ETXTBSY
 * ("text file busy"): that is retried, it clears within moments.
 */
export async function askVersion(binaryPath: string, args: readonly string[], options: ProbeOptions = {}): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    let result: ProbeResult;
    try {
      result = await runBounded(binaryPath, args, options);
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'ETXTBSY' || attempt >= 10) throw error;
      await sleep(20 * attempt);
      continue;
    }
    const { stdout, stderr, code, signal, timedOut } = result;
    if (timedOut) {
      const seconds = (options.timeoutMs ?? TIMEOUT_MS) / 1000;
      throw new ProbeFailure(`it did not answer within ${seconds} s; it and every process it started were killed`, '');
    }
    if (code !== 0) throw new ProbeFailure(signal ? `it was ended by ${signal}` : `it exited with code ${code}`, stderr);
    return stdout || stderr;
  }
}
