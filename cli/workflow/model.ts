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
  seconds?: number;
}

export interface RunReport {
  workflow: string;
  event: string;
  jobs: JobRow[];
  conclusion: Conclusion;
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

/** The process exit code for a run: 0 when its conclusion is success, like the run's badge. */
export function exitCode(report: RunReport): number {
  return report.conclusion === 'success' ? 0 : 1;
}

export function statusOf(result: Conclusion): RowStatus {
  return result === 'success' ? 'passed' : result === 'failure' ? 'failed' : result === 'cancelled' ? 'cancelled' : 'skipped';
}
