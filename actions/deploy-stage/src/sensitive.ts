import type { ConfigModule, ShowJson, StateModule, StateValues } from './planjson.js';

/**
 * Values a plan marks sensitive, and text with them taken out. terraform's own text plan is not
 * enough: 1.11.4 prints `output = "<old secret>" -> (known after apply)` for a `terraform_data`
 * whose `input` is sensitive, since the provider-computed `output` carries no mark in the state.
 * The JSON says which values are sensitive (`before_sensitive`/`after_sensitive`,
 * `sensitive_values`, sensitive outputs and variables): every such value is removed from the text
 * plan before it reaches a comment, a summary, an issue or the log, and masked in the log.
 */

export const REDACTED = '(sensitive value)';
/** Shorter values are replaced only where they are a whole quoted string: a bare `ab` could be anywhere. */
const MIN_BARE = 4;

/** Every string (and number) under a sensitivity mark: `true` marks the whole value, an object or array marks its members. */
function underMark(value: unknown, mark: unknown, out: Set<string>): void {
  if (mark === true) {
    leaves(value, out);
    return;
  }
  if (!mark || typeof mark !== 'object' || value === null || typeof value !== 'object') return;
  if (Array.isArray(mark)) {
    if (Array.isArray(value)) mark.forEach((m, i) => underMark(value[i], m, out));
    return;
  }
  for (const [key, m] of Object.entries(mark)) underMark((value as Record<string, unknown>)[key], m, out);
}

function leaves(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (value) out.add(value);
  } else if (typeof value === 'number') {
    out.add(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) leaves(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) leaves(v, out);
  }
}

function stateModule(module: StateModule | undefined, out: Set<string>): void {
  for (const resource of module?.resources ?? []) underMark(resource.values, resource.sensitive_values, out);
  for (const child of module?.child_modules ?? []) stateModule(child, out);
}

function stateValues(values: StateValues | undefined, out: Set<string>): void {
  for (const output of Object.values(values?.outputs ?? {})) if (output.sensitive) leaves(output.value, out);
  stateModule(values?.root_module, out);
}

function configModule(module: ConfigModule | undefined, out: Set<string>, root: boolean, variables: ShowJson['variables']): void {
  for (const [name, variable] of Object.entries(module?.variables ?? {})) {
    if (!variable.sensitive) continue;
    leaves(variable.default, out);
    if (root) leaves(variables?.[name]?.value, out);
  }
  for (const call of Object.values(module?.module_calls ?? {})) configModule(call.module, out, false, variables);
}

/** Every value the plan marks sensitive, longest first (so a value inside another is replaced after it). */
export function sensitiveValues(plan: ShowJson): string[] {
  const out = new Set<string>();
  for (const change of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
    underMark(change.change.before, change.change.before_sensitive, out);
    underMark(change.change.after, change.change.after_sensitive, out);
  }
  for (const change of Object.values(plan.output_changes ?? {})) {
    underMark(change.before, change.before_sensitive, out);
    underMark(change.after, change.after_sensitive, out);
  }
  stateValues(plan.prior_state?.values, out);
  stateValues(plan.planned_values, out);
  configModule(plan.configuration?.root_module, out, true, plan.variables);
  return [...out].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/** The forms a string takes in terraform's text plan: quoted with its escapes, and each line of a heredoc. */
function forms(value: string): { quoted: string; bare: string[] } {
  const escaped = JSON.stringify(value).slice(1, -1);
  const bare = [value, escaped, ...value.split(/\r?\n/).map((line) => line.trim())].filter((f) => f.length >= MIN_BARE);
  return { quoted: `"${escaped}"`, bare: [...new Set(bare)].sort((a, b) => b.length - a.length) };
}

/** The text with every sensitive value replaced by `(sensitive value)`, as terraform writes it. */
export function redact(text: string, values: readonly string[]): string {
  // A placeholder first, so a shorter value cannot match inside a replacement already made.
  const hole = '\u0000';
  let out = text.replaceAll(hole, '');
  for (const value of values) {
    const { quoted, bare } = forms(value);
    out = out.split(quoted).join(hole);
    for (const form of bare) out = out.split(form).join(hole);
  }
  return out.replaceAll(hole, REDACTED);
}

/** What to mask in the log: values long enough that masking them does not blank out ordinary words. */
export function maskable(values: readonly string[]): string[] {
  return [...new Set(values.flatMap((v) => forms(v).bare))];
}
