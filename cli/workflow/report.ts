import type { Masker } from '../masker.js';
import { checkRows, countChecks, countJobs, notRunSteps, type JobRow, type RowStatus, type RunReport, type StepRow } from './model.js';

/**
 * The log of a local workflow run. On a terminal: a live line per running job (its current step,
 * with a spinner and the time so far) below the lines of what finished. Elsewhere: plain lines, one
 * per job and step as they finish. At the end, every job's step summary, the rows, and one line with
 * the run's conclusion and counts.
 */

export interface Output {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface StartInfo {
  workflow: string;
  event: string;
  repo: string;
  origin: string;
  notes: string[];
  /** The run's secrets: every line printed is masked with them, whatever it came from. */
  masker?: Masker;
}

export interface Reporter {
  start(info: StartInfo): void;
  jobStarted(job: JobRow): void;
  stepStarted(job: JobRow, step: string): void;
  stepFinished(job: JobRow, step: StepRow): void;
  jobFinished(job: JobRow): void;
  /** A log line of a step (shown with --verbose). */
  line(job: JobRow, text: string): void;
  finish(report: RunReport): void;
}

const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';
const MARK: Record<RowStatus, string> = { passed: '✓', failed: '✗', skipped: '-', 'not run': '○', cancelled: '⊘' };

function seconds(value: number | undefined): string {
  return value === undefined ? '' : ` (${value.toFixed(1)} s)`;
}

/** Text from steps and files never reaches the terminal with control characters (cursor moves, colours). */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, '');
}

export function stepLine(job: JobRow, step: StepRow): string {
  const reason = step.reason ? `: ${step.reason}` : '';
  return `  ${MARK[step.status]} ${job.name} › ${step.name}${step.status === 'passed' || step.status === 'failed' ? seconds(step.seconds) : ''}${step.status === 'passed' ? (step.reason ? ` — ${step.reason}` : '') : reason}`;
}

export function jobLine(job: JobRow): string {
  return `${MARK[job.status]} ${job.name}${job.status === 'passed' || job.status === 'failed' ? seconds(job.seconds) : ` ${job.status}`}${job.reason ? `: ${job.reason}` : ''}`;
}

/** What a failed step said: its error and warning annotations, else the last lines of its log. */
function failureDetail(step: StepRow): string[] {
  const annotations = step.annotations.filter((a) => a.level !== 'notice');
  if (annotations.length) {
    return annotations.map((a) => {
      const where = a.file ? `${a.file}${a.line ? `:${a.line}` : ''}: ` : '';
      return `      ${a.level}: ${where}${a.message.split('\n').join('\n        ')}`;
    });
  }
  return (step.tail ?? []).map((line) => `      ${line}`);
}

export class ConsoleReporter implements Reporter {
  private readonly running = new Map<JobRow, { step: string; since: number }>();
  private timer: NodeJS.Timeout | undefined;
  private drawn = 0;
  private frame = 0;
  private masker: Masker | undefined;

  constructor(
    private readonly out: Output,
    private readonly verbose = false,
  ) {}

  private get live(): boolean {
    return Boolean(this.out.isTTY);
  }

  /** Text as it may reach the terminal: secrets masked (names and reasons too), no control characters. */
  private shown(text: string): string {
    return clean(this.masker ? this.masker.mask(text) : text);
  }

  /** Prints permanent lines above the live block. */
  private print(lines: string[]): void {
    this.clearLive();
    for (const line of lines) this.out.write(`${this.shown(line)}\n`);
    this.drawLive();
  }

  private clearLive(): void {
    if (!this.live || !this.drawn) return;
    this.out.write(`\x1b[${this.drawn}A\r\x1b[J`);
    this.drawn = 0;
  }

  private drawLive(): void {
    if (!this.live || !this.running.size) return;
    const now = performance.now();
    const spin = SPINNER[this.frame++ % SPINNER.length];
    const lines = [...this.running].map(([job, s]) => `${spin} ${job.name}${s.step ? ` › ${s.step}` : ''} ${((now - s.since) / 1000).toFixed(1)} s`);
    this.out.write(lines.map((l) => `${this.shown(l)}\n`).join(''));
    this.drawn = lines.length;
  }

  start(info: StartInfo): void {
    this.masker = info.masker;
    this.print([`shipkit workflow ${info.workflow} on ${info.repo} (event ${info.event}${info.origin ? `; inputs from ${info.origin}` : ''})`, ...info.notes.map((n) => `  note: ${n}`)]);
    if (this.live) {
      this.timer = setInterval(() => {
        this.clearLive();
        this.drawLive();
      }, 100);
      this.timer.unref();
    }
  }

  jobStarted(job: JobRow): void {
    this.running.set(job, { step: '', since: performance.now() });
    this.print([`▶ ${job.name}`, ...job.notes.map((n) => `    ${n}`)]);
  }

  stepStarted(job: JobRow, step: string): void {
    this.running.set(job, { step, since: performance.now() });
    if (!this.live) this.print([`  ▶ ${job.name} › ${step}`]);
  }

  stepFinished(job: JobRow, step: StepRow): void {
    const lines = [stepLine(job, step)];
    if (step.status === 'failed') lines.push(...failureDetail(step));
    this.print(lines);
  }

  jobFinished(job: JobRow): void {
    this.running.delete(job);
    this.print([jobLine(job), ...(job.warnings ?? []).map((w) => `    warning: ${w}`)]);
  }

  line(job: JobRow, text: string): void {
    if (this.verbose) this.print(text.split('\n').map((line) => `    │ ${job.name}: ${line}`));
  }

  finish(report: RunReport): void {
    if (this.timer) clearInterval(this.timer);
    this.clearLive();
    this.running.clear();
    this.out.write(`${this.masker ? this.masker.mask(renderSummary(report)) : renderSummary(report)}\n`);
  }
}

/** The run summary: each job's step summary under its name, then the rows and the final count. */
export function renderSummary(report: RunReport): string {
  const parts: string[] = [''];
  for (const job of report.jobs) {
    if (!job.summary.trim()) continue;
    parts.push(`── ${job.name} ──`, clean(job.summary.trimEnd()), '');
  }
  const notRun = notRunSteps(report);
  if (notRun.length) {
    parts.push('Not run locally:');
    for (const { job, step } of notRun) parts.push(`  ○ ${job.name} › ${step.name}: ${step.reason ?? ''}`);
    parts.push('');
  }
  const failed = report.jobs.filter((j) => j.status === 'failed');
  for (const job of failed) {
    const steps = job.steps.filter((s) => s.status === 'failed' && s.conclusion === 'failure');
    parts.push(`✗ ${job.name}${steps.length ? ` failed at ${steps.map((s) => s.name).join(', ')}` : job.reason ? `: ${job.reason}` : ''}`);
  }
  const notRunChecks = checkRows(report).filter(({ row }) => row.result === 'not-run');
  if (notRunChecks.length) {
    parts.push('Checks not run on this machine:');
    for (const { job, row } of notRunChecks) parts.push(`  ○ ${job.name} › ${row.check}${row.where ? ` (${row.where})` : ''}: ${row.detail}`);
    parts.push(`  To run them: ${howToRun(report).long}`, '');
  }
  parts.push(finalLine(report));
  return parts.join('\n');
}

/** What would let the checks that were not run run: a reachable copy of the downloads, the tools on PATH, the base images. */
function howToRun(report: RunReport): { short: string; long: string } {
  const rows = checkRows(report).filter(({ row }) => row.result === 'not-run');
  const tools = report.jobs.some((job) => Object.keys(job.unavailable ?? {}).length) || rows.some(({ row }) => /could not be downloaded|not on PATH/.test(row.detail));
  const images = rows.some(({ row }) => /base image/.test(row.detail));
  const short: string[] = [];
  const long: string[] = [];
  if (tools) {
    short.push('--mirrors or --prefer-installed');
    long.push('give --mirrors UPSTREAM=MIRROR lines for a copy of the downloads you can reach, or install the tools and add --prefer-installed');
  }
  if (images) {
    short.push('pull the base images');
    long.push('pull the base images (docker pull) while a registry is reachable, or name a local image with --build-arg');
  }
  if (!short.length) return { short: 'see the reasons above', long: 'see each reason above' };
  return { short: short.join('; '), long: `${long.join('; ')}.` };
}

/** The last line: the run's conclusion, its jobs, and what its checks did (ran, passed, failed, not run). */
function finalLine(report: RunReport): string {
  const c = countJobs(report);
  const counts = [`${c.passed} passed`, `${c.failed} failed`, c.skipped && `${c.skipped} skipped`, c.cancelled && `${c.cancelled} cancelled`, c.notRun && `${c.notRun} not run`].filter(Boolean).join(', ');
  const stepsNotRun = notRunSteps(report).length;
  const steps = stepsNotRun ? `; ${stepsNotRun} step(s) not run locally` : '';
  const k = countChecks(report);
  const total = k.ran + k.notRun + k.skipped;
  let checks = '';
  let verdict: string = report.conclusion;
  if (total) {
    checks = `; checks: ${k.ran} ran (${k.passed} passed, ${k.failed} failed)${k.notRun ? `, ${k.notRun} not run` : ''}${k.skipped ? `, ${k.skipped} skipped` : ''}`;
    const notRun = checkRows(report).filter(({ row }) => row.result === 'not-run');
    if (notRun.length && report.strict && report.conclusion === 'success') {
      const names = [...new Set(notRun.map(({ row }) => `${row.check}${row.where ? ` (${row.where})` : ''}`))];
      verdict = `failure (${report.strict}: the checks not run count as failed: ${names.join(', ')})`;
    } else if (notRun.length) {
      checks += ` — to run them: ${howToRun(report).short}`;
    }
  }
  return `shipkit workflow ${report.workflow} (${report.event}): ${verdict} — jobs: ${counts}${steps}${checks}`;
}
