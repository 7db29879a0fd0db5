import { posix } from 'node:path';
import type { Finding } from './findings.js';
import { planContent, sha256Of } from './planhash.js';
import { parsePlan, planView, type ShowJson } from './planjson.js';
import { cleanText } from './text.js';

/** terraform argv and output parsing, pure. `dir` is the module folder relative to the repository root. */

/** `backendFiles` are paths: key=value pairs travel in a private file (backendConfigFile), never in argv. */
export function initArgs(backend: boolean, backendFiles: string[]): string[] {
  const args = ['init', '-input=false', '-no-color'];
  if (!backend) args.push('-backend=false');
  for (const file of backendFiles) args.push(`-backend-config=${file}`);
  return args;
}

/**
 * The text of a backend config file (`-backend-config=<file>`): one HCL attribute per pair, every
 * value a quoted string (terraform converts it to the attribute's type, as it does for a
 * `-backend-config=key=value` argument).
 */
export function backendConfigFile(pairs: readonly { key: string; value: string }[]): string {
  return pairs.map(({ key, value }) => `${key} = ${hclString(value)}\n`).join('');
}

/** An HCL quoted string: escapes, and `${` / `%{` doubled so no template sequence is evaluated. */
export function hclString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/** `varFiles` are paths of private files (terraform-vars): the values never travel in argv. */
export function planArgs(planFile: string, lockTimeout: string, varFiles: readonly string[] = []): string[] {
  return ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-lock-timeout=${lockTimeout}`, ...varFiles.map((f) => `-var-file=${f}`), `-out=${planFile}`];
}

/** `plan -refresh-only` arrived in terraform 0.15.4 (before it, refreshing meant writing the state). */
export function hasRefreshOnly(version: readonly [number, number, number]): boolean {
  const [major, minor, patch] = version;
  return major > 0 || minor > 15 || (minor === 15 && patch >= 4);
}

/** A refresh-only plan: the state compared with the real infrastructure, nothing planned from the configuration. */
export function refreshOnlyArgs(planFile: string, lockTimeout: string, varFiles: readonly string[] = []): string[] {
  return ['plan', '-refresh-only', '-input=false', '-no-color', '-detailed-exitcode', `-lock-timeout=${lockTimeout}`, ...varFiles.map((f) => `-var-file=${f}`), `-out=${planFile}`];
}

export function applyArgs(planFile: string, lockTimeout: string): string[] {
  return ['apply', '-input=false', '-no-color', `-lock-timeout=${lockTimeout}`, planFile];
}

/** `Terraform v0.12.12` -> [0, 12, 12] */
export function parseTerraformVersion(output: string): [number, number, number] | undefined {
  const m = /Terraform v(\d+)\.(\d+)\.(\d+)/.exec(output);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** `validate -json` arrived with 0.12.0 but its diagnostics only settled in 0.13; 0.12 is read as text. */
export function validateHasJson(version: [number, number, number]): boolean {
  return version[0] > 0 || version[1] >= 13;
}

interface JsonDiagnostic {
  severity: string;
  summary: string;
  detail?: string;
  range?: { filename: string; start: { line: number; column: number } };
}

export function parseValidateJson(stdout: string, dir: string): Finding[] {
  const parsed = JSON.parse(stdout) as { diagnostics?: JsonDiagnostic[] };
  return (parsed.diagnostics ?? []).map((d) => ({
    tool: 'terraform',
    level: d.severity === 'error' ? 'error' : 'warning',
    message: d.detail ? `${d.summary}: ${d.detail}` : d.summary,
    file: d.range ? posix.join(dir, d.range.filename) : undefined,
    line: d.range?.start.line,
    column: d.range?.start.column,
    title: 'terraform validate',
  }));
}

/**
 * terraform's human diagnostics (0.12 validate, and every init, plan or apply error), framed with
 * `╷ │ ╵` from 0.15 and wrapped at 78 columns:
 *   Error: Unsupported argument
 *
 *     on main.tf line 3, in resource "x" "y":
 *      3:   bogus = true
 *
 *   An argument named "bogus" is not expected here.
 * `dir` is the module folder relative to the repository root; files are made relative to it too.
 */
export function parseDiagnosticsText(text: string, dir: string, title: string): Finding[] {
  const findings: Finding[] = [];
  const blocks = cleanText(text).split(/\n(?=\s*(?:Error|Warning): )/);
  for (const block of blocks) {
    const head = /^\s*(Error|Warning): (.+)$/m.exec(block);
    if (!head) continue;
    const where = /on (\S+) line (\d+)/.exec(block) ?? /\bat\s+([^\s:]+\.tf(?:\.json)?):(\d+)/.exec(block);
    const detail = block
      .slice((head.index ?? 0) + head[0].length)
      .split('\n')
      .filter((l) => l.trim() && !/^\s*(on \S+ line \d+|\d+:)/.test(l))
      .map((l) => l.replace(/[├│└─]+/g, ' ').trim())
      .filter(Boolean)
      .join(' ')
      .replace(/\s+/g, ' ');
    findings.push({
      tool: 'terraform',
      level: head[1] === 'Error' ? 'error' : 'warning',
      message: detail ? `${head[2]!.trim()}: ${detail}` : head[2]!.trim(),
      file: where ? posix.join(dir, where[1]!) : undefined,
      line: where ? Number(where[2]) : undefined,
      title,
    });
  }
  return findings;
}

/** `terraform fmt -check -list=true` prints one file a line that needs formatting (relative to `dir`, where it ran). */
export function parseFmtCheck(stdout: string, dir: string): Finding[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((file) => ({
      tool: 'terraform',
      level: 'error',
      message: `${posix.join(dir, file)} is not formatted: run \`terraform fmt\` in ${posix.dirname(posix.join(dir, file))}`,
      file: posix.join(dir, file),
      title: 'terraform fmt',
    }));
}

export interface LockInfo {
  id?: string;
  who?: string;
  operation?: string;
  created?: string;
  path?: string;
}

/** The lock holder from "Error acquiring the state lock ... Lock Info:" output, or undefined when not a lock error. */
export function parseLockError(text: string): LockInfo | undefined {
  if (!/Error acquiring the state lock/.test(text)) return undefined;
  const field = (name: string) => new RegExp(`^\\s*${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() || undefined;
  return { id: field('ID'), who: field('Who'), operation: field('Operation'), created: field('Created'), path: field('Path') };
}

export interface PlanSummary {
  /** terraform's own counts: created (replacements too), updated in place, destroyed (replacements too). */
  add: number;
  change: number;
  destroy: number;
  /** Objects taken under management (import blocks) and objects given a new address (moved blocks). */
  import: number;
  move: number;
  /** Something for an apply to do: any resource action, move or import, or an output change. */
  changes: boolean;
  /** SHA-256 of what the plan would do (planhash.ts), stable across re-plans. */
  sha256: string;
}

/**
 * What a drift check found, as a hash: the refresh-only plan's drifted objects and outputs, and
 * the normal plan's own hash. Equal when a later check finds the same drift.
 */
export function driftSha256(refreshJson: string, plan: PlanSummary): string {
  const refresh = parsePlan(refreshJson);
  const drift = (refresh.resource_drift ?? []).map((r) => ({ address: r.address, actions: r.change.actions, before: r.change.before, after: r.change.after })).sort((x, y) => x.address.localeCompare(y.address));
  const outputs = Object.entries(refresh.output_changes ?? {})
    .filter(([, c]) => !(c.actions.length === 1 && c.actions[0] === 'no-op'))
    .map(([name, c]) => ({ name, actions: c.actions, after: c.after }));
  return sha256Of({ drift, outputs, plan: plan.sha256 });
}

/** Counts and the content hash of a plan, from `terraform show -json`. */
export function summarisePlan(showJson: string | ShowJson): PlanSummary {
  const plan = typeof showJson === 'string' ? parsePlan(showJson) : showJson;
  const { counts, changes } = planView(plan);
  return { add: counts.add, change: counts.change, destroy: counts.destroy, import: counts.import, move: counts.move, changes, sha256: sha256Of(planContent(plan)) };
}
