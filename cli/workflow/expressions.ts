import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import { isBasicExpression, isBoolean, isMapping, isNumber, isSequence, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/template-token';
import { globFiles } from '../../lib/glob.js';

/**
 * Every `${{ }}` and `if:` of a workflow is evaluated here with GitHub's own expression engine
 * (@actions/expressions): its lexer, parser and evaluator, and its built-in functions. The runner's
 * own functions (the status checks and hashFiles) are passed in as extension functions, the way the
 * runner adds them; nothing here re-implements an operator or a coercion.
 */

/** Where the status functions read the job's (or the step's) state from. */
export interface Status {
  success(): boolean;
  failure(): boolean;
  cancelled(): boolean;
}

export interface Scope {
  /** Context name -> plain JSON value (github, inputs, matrix, needs, steps, env, ...). */
  contexts: Record<string, unknown>;
  /** Status functions; a context without them (e.g. job outputs) still accepts `always()`. */
  status?: Status;
  /** GITHUB_WORKSPACE, for hashFiles. */
  workspace: string;
}

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

/** Plain JSON -> the engine's data types. */
export function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

/** The engine's data types -> plain JSON. */
export function fromData(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown;
}

/** GitHub's truthiness (the evaluator's own rule), for `if:` results. */
export function isTruthy(value: unknown): boolean {
  return truthy(toData(value));
}

/**
 * hashFiles(patterns...): the runner's digest of the matching files under the workspace: the
 * SHA-256 of each file, in path order, fed into one SHA-256; '' when nothing matches. A `!pattern`
 * excludes. Matches never leave the workspace (lib/glob).
 */
export function hashFiles(workspace: string, patterns: string[]): string {
  const include = new Set<string>();
  const exclude = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (!pattern) continue;
    const negated = pattern.startsWith('!');
    for (const file of globFiles(workspace, negated ? pattern.slice(1) : pattern)) (negated ? exclude : include).add(file);
  }
  const files = [...include].filter((f) => !exclude.has(f)).sort();
  if (!files.length) return '';
  const all = createHash('sha256');
  for (const file of files) all.update(createHash('sha256').update(readFileSync(join(workspace, file))).digest());
  return all.digest('hex');
}

function functionsFor(scope: Scope): FunctionDefinition[] {
  const status = scope.status;
  const flag = (name: string, get: () => boolean): FunctionDefinition => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(get()),
  });
  return [
    flag('success', () => status?.success() ?? true),
    flag('failure', () => status?.failure() ?? false),
    flag('cancelled', () => status?.cancelled() ?? false),
    flag('always', () => true),
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: (...args) => new data.StringData(hashFiles(scope.workspace, args.map((a) => a.coerceString()))),
    },
  ];
}

/** Evaluates one expression (the text inside `${{ }}`, or an `if:` condition). */
export function evaluate(expression: string, scope: Scope): unknown {
  const functions = functionsFor(scope);
  try {
    const { tokens } = new Lexer(expression).lex();
    const tree = new Parser(tokens, Object.keys(scope.contexts), functions).parse();
    const contexts = new data.Dictionary(...Object.entries(scope.contexts).map(([key, value]) => ({ key, value: toData(value) })));
    const map = new Map(functions.map((f) => [f.name.toLowerCase(), f]));
    return fromData(new Evaluator(tree, contexts, map).evaluate());
  } catch (error: unknown) {
    throw new ExpressionError(`cannot evaluate \${{ ${expression} }}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A parsed workflow value (mapping, sequence, literal, expression) with every expression evaluated. */
export function evaluateToken(token: TemplateToken | undefined, scope: Scope): unknown {
  if (!token) return undefined;
  if (isBasicExpression(token)) return evaluate(token.expression, scope);
  if (isString(token)) return token.value;
  if (isBoolean(token)) return token.value;
  if (isNumber(token)) return token.value;
  if (isSequence(token)) {
    const list: unknown[] = [];
    for (const item of token) list.push(evaluateToken(item, scope));
    return list;
  }
  if (isMapping(token)) {
    const map: Record<string, unknown> = {};
    for (const pair of token) map[String(evaluateToken(pair.key, scope))] = evaluateToken(pair.value, scope);
    return map;
  }
  if (token.isExpression) throw new ExpressionError(`an expression the local runner cannot evaluate (a ${token.typeName()} at line ${token.line ?? '?'})`);
  return null;
}

/** A value as the runner puts it into a string field (an input, an env variable, a name). */
export function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

export function evaluateString(token: TemplateToken | undefined, scope: Scope): string {
  return asString(evaluateToken(token, scope));
}

/** A mapping of strings (env:, with:, outputs:) evaluated key by key. */
export function evaluateStringMap(token: TemplateToken | undefined, scope: Scope): Record<string, string> {
  const map: Record<string, string> = {};
  if (!token || !isMapping(token)) {
    if (token) {
      const value = evaluateToken(token, scope);
      if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) map[k] = asString(v);
    }
    return map;
  }
  for (const pair of token) map[asString(evaluateToken(pair.key, scope))] = evaluateString(pair.value, scope);
  return map;
}
