import type { CheckRow } from '../../lib/checks.js';
import type { Annotation } from '../runner.js';

/**
 * What a local workflow run reports: one row per job (per matrix leg) and one per step, each with a
 * status and, where it was not simply run, the reason. A row that could not run on this machine
 * ("not run": a third-party action, a container job) is its own status, so a run can say what it
 * did not check instead of passing silently.
 */

export type RowStatus = 'passed' | 'failed' | 'skipped' | 'not run' | 'cancelled';

/** GitHub's words: a step's outcome/conclusion and a job's result. */
export type Conclusion = 'success' | 'failure' | 'cancelled' | 'skipped';

export interface StepRow {
  name: string;
  status: RowStatus;
  /** Why it was skipped, not run, or what it stood for locally (e.g. checkout). */
  reason?: string;
  /** Before continue-on-error (steps.<id>.outcome) and after it (steps.<id>.conclusion). */
  outcome: Conclusion;
  conclusion: Conclusion;
  seconds?: number;
  annotations: Annotation[];
  /** The step's last log lines, kept for a failed step. */
  tail?: string[];
}

export interface JobRow {
  /** Display path: `checks / build images`, `images / post-py`. */
  name: string;
  /** Job id path in the workflow: `checks/images`. */
  id: string;
  status: RowStatus;
  result: Conclusion;
  reason?: string;
  steps: StepRow[];
  /** The job's step summaries (GITHUB_STEP_SUMMARY), in step order. */
  summary: string;
  /** environment, concurrency, runs-on: read and reported, not enforced. */
  notes: string[];
  /** What the runner warned about at the end of the job (an output dropped because it holds a secret). */
  warnings?: string[];
  /** The rows of the kit actions' `checks` outputs, in step order. */
  checks?: CheckRow[];
  /** Tools setup-tools could not provide in this job (a local run without network), with why. */
  unavailable?: Record<string, string>;
  seconds?: number;
}

export interface RunReport {
  workflow: string;
  event: string;
  jobs: JobRow[];
  conclusion: Conclusion;
  /** When set, a check that was not run fails the run (`--strict`, or CI=true). */
  strict?: '--strict' | 'CI=true';
}

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
  notRun: number;
  cancelled: number;
}

export function countJobs(report: RunReport): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0, notRun: 0, cancelled: 0 };
  for (const job of report.jobs) {
    if (job.status === 'passed') counts.passed++;
    else if (job.status === 'failed') counts.failed++;
    else if (job.status === 'skipped') counts.skipped++;
    else if (job.status === 'not run') counts.notRun++;
    else counts.cancelled++;
  }
  return counts;
}

/** Steps that were meant to run here but could not (third-party actions): counted separately. */
export function notRunSteps(report: RunReport): { job: JobRow; step: StepRow }[] {
  return report.jobs.flatMap((job) => job.steps.filter((s) => s.status === 'not run').map((step) => ({ job, step })));
}

export interface CheckCounts {
  /** Checks that ran: passed plus failed. */
  ran: number;
  passed: number;
  failed: number;
  notRun: number;
  skipped: number;
}

/** Every check row of the run, with the job that reported it. */
export function checkRows(report: RunReport): { job: JobRow; row: CheckRow }[] {
  return report.jobs.flatMap((job) => (job.checks ?? []).map((row) => ({ job, row })));
}

export function countChecks(report: RunReport): CheckCounts {
  const counts: CheckCounts = { ran: 0, passed: 0, failed: 0, notRun: 0, skipped: 0 };
  for (const { row } of checkRows(report)) {
    if (row.result === 'passed') counts.passed++;
    else if (row.result === 'failed') counts.failed++;
    else if (row.result === 'not-run') counts.notRun++;
    else counts.skipped++;
  }
  counts.ran = counts.passed + counts.failed;
  return counts;
}

/**
 * The process exit code for a run: 0 when its conclusion is success, like the run's badge; with
 * `strict` (--strict, CI=true) also only when every check ran.
 */
export function exitCode(report: RunReport): number {
  if (report.conclusion !== 'success') return 1;
  return report.strict && countChecks(report).notRun ? 1 : 0;
}

export function statusOf(result: Conclusion): RowStatus {
  return result === 'success' ? 'passed' : result === 'failure' ? 'failed' : result === 'cancelled' ? 'cancelled' : 'skipped';
}
