import * as core from '@actions/core';
import { UsageError } from './errors.js';
import { forLog } from './log.js';

/**
 * Strict readers for action inputs. Every reader takes the input's name as written in action.yml,
 * so an error can name it, the bad value, and what would have been accepted.
 */

/** A single-line input, trimmed. A line break in it is refused: names, paths and flags have none. */
export function getString(name: string): string {
  const value = core.getInput(name).trim();
  if (/[\r\n\0]/.test(value)) {
    throw new UsageError(`Input "${name}" is ${forLog(value)}: expected a single line.`);
  }
  return value;
}

/**
 * A secret input (a token, a password, a webhook URL): masked before anything else can print it,
 * single-line, and a refusal never repeats the value.
 */
export function getSecret(name: string, what = 'a token or password is one line'): string {
  const value = core.getInput(name).trim();
  if (value) core.setSecret(value);
  if (/[\r\n\0]/.test(value)) {
    for (const line of value.split(/[\r\n\0]+/)) if (line.trim()) core.setSecret(line.trim());
    throw new UsageError(`Input "${name}" has a line break (its value is not shown: it is a secret): ${what}.`);
  }
  return value;
}

/** A free-text input that may span lines (a key, a template, JSON), trimmed. */
export function getText(name: string): string {
  return core.getInput(name).trim();
}

export function getRequired(name: string, hint = ''): string {
  const value = getString(name);
  if (!value) throw new UsageError(`Input "${name}" is required${hint ? `: ${hint}` : '.'}`);
  return value;
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0', '']);

export function getBoolean(name: string, fallback = false): boolean {
  const raw = getString(name);
  if (raw === '') return fallback;
  const value = raw.toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new UsageError(`Input "${name}" is ${forLog(raw)}: expected true or false.`);
}

/** Items separated by commas or newlines, trimmed, empty items and `#` comment lines dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Like parseList but only newlines separate items, for values that may hold commas. */
export function parseLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

export function getList(name: string): string[] {
  return parseList(core.getInput(name));
}

export function getLines(name: string): string[] {
  return parseLines(core.getInput(name));
}

export function getEnum<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = getString(name);
  if (raw === '') return fallback;
  const value = raw.toLowerCase() as T;
  if (allowed.includes(value)) return value;
  throw new UsageError(`Input "${name}" is ${forLog(raw)}: expected one of ${allowed.join(', ')}.`);
}

export function getPositiveInt(name: string, fallback: number): number {
  const raw = getString(name);
  if (raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new UsageError(`Input "${name}" is ${forLog(raw)}: expected a whole number of 1 or more.`);
  }
  return Number(raw);
}

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
