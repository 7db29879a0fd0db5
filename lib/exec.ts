import { getExecOutput } from '@actions/exec';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  /** The command line as shown in logs, quoted so it can be pasted into a shell. */
  shown: string;
}

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to the process's stdin (secrets go here, never into argv). */
  input?: string;
}

/** Quotes one argument for display the way a POSIX shell would need it. */
export function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map(quote).join(' ');
}

/**
 * The kit's one seam to child processes: no shell ever sees an argument, output is captured (so
 * parallel work can print it grouped), and a non-zero exit is returned, not thrown.
 */
export async function run(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const shown = commandLine(command, args);
  const result = await getExecOutput(command, [...args], {
    cwd: options.cwd,
    env: options.env as Record<string, string> | undefined,
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    silent: true,
    ignoreReturnCode: true,
  });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr, shown };
}

/** The last lines of a tool's output, for an error message that fits in an annotation. */
export function tail(text: string, lines = 12): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
