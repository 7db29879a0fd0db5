/**
 * The `checks` output of deploy-stage and build-images: one JSON row per check and place, the same
 * rows as the step summary's table, for a later step (or the shipkit CLI) to read. `not-run` only
 * happens in local runs (lib/local-run.ts): a check whose tool or base image could not be had.
 */

export type CheckResult = 'passed' | 'failed' | 'not-run' | 'skipped';

export interface CheckRow {
  /** What ran: `terraform validate`, `hadolint`, `docker build`. */
  check: string;
  /** Where, relative to the repository: a folder, a file, a playbook list. */
  where: string;
  result: CheckResult;
  /** Why it failed or was not run, or what it found; '' when there is nothing to add. */
  detail: string;
}

export const CHECK_RESULTS: readonly CheckResult[] = ['passed', 'failed', 'not-run', 'skipped'];

/** The output's value: `core.setOutput('checks', checksOutput(rows))`. */
export function checksOutput(rows: CheckRow[]): string {
  return JSON.stringify(rows);
}

/** Reads a `checks` output; anything that is not a list of rows gives no rows. */
export function parseChecks(text: string | undefined): CheckRow[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown): CheckRow[] => {
    const row = item as Partial<Record<keyof CheckRow, unknown>> | null;
    if (!row || typeof row.check !== 'string' || !CHECK_RESULTS.includes(row.result as CheckResult)) return [];
    return [{ check: row.check, where: typeof row.where === 'string' ? row.where : '', result: row.result as CheckResult, detail: typeof row.detail === 'string' ? row.detail : '' }];
  });
}
