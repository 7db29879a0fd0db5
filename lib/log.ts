import { randomBytes } from 'node:crypto';

/**
 * The runner obeys workflow commands (`::set-output`, `::add-mask::`, `::error`, legacy `##[...]`)
 * at the start of any line a step prints. Text the kit did not write itself (tool output, file and
 * folder names, input values) must never become one. Everything an action prints goes through here.
 */

const COMMAND_LIKE = /::|##\[/;

/** Prints a block of text. When any of it could read as a workflow command, the runner is told to
 * ignore commands for exactly that block (`::stop-commands::<random token>`). */
export function info(text: string): void {
  if (!COMMAND_LIKE.test(text)) {
    process.stdout.write(`${text}\n`);
    return;
  }
  const token = randomBytes(16).toString('hex');
  process.stdout.write(`::stop-commands::${token}\n${text}\n::${token}::\n`);
}

/**
 * A value from outside, for use inside one line of the kit's own messages: quoted, with line breaks
 * and other control characters written as escapes, so it stays on its line and cannot start one.
 */
export function forLog(value: string): string {
  return JSON.stringify(value);
}

/** Like forLog, but bare (no quotes) when the value is plainly harmless: a name of word characters,
 * dots, slashes, dashes, `@`, `:`, `=`, `+` or `,` with no `::`. */
export function nameForLog(value: string): string {
  return /^[\w./@=+,-]+(:[\w./@=+,-]+)*$/.test(value) ? value : forLog(value);
}
