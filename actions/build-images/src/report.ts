import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import type { Annotation } from '../../../lib/annotate.js';
import { checksOutput, type CheckRow } from '../../../lib/checks.js';
import { code, markdownTable, md } from '../../../lib/summary.js';
import { describeCounts, toSarif } from './hadolint.js';
import type { ServiceResult } from './pipeline.js';

/** What the step tells the workflow and the reader: outputs, the summary table, annotations, SARIF. */

export function writeOutputs(results: ServiceResult[]): void {
  const images = results.map((r) => ({
    service: r.service,
    context: r.context,
    image: r.image,
    tags: r.tags,
    digest: r.digest,
    pushed: r.pushed,
    skipped: r.skipped,
    outcome: r.outcome,
    lint: r.lint,
  }));
  core.setOutput('images', JSON.stringify(images));
  core.setOutput('checks', checksOutput(checkRows(results)));
  core.setOutput('matrix', JSON.stringify({ include: results.map((r) => ({ service: r.service, name: r.name, context: r.context, image: r.image })) }));
}

/**
 * The `checks` rows (lib/checks.ts): per service its lint (hadolint, on the Dockerfile) when lint
 * is on, and its build (on the context) when it builds. Lint-only and discover-only runs have no
 * build rows; a service whose lint failed has no build row either (it never started).
 */
export function checkRows(results: ServiceResult[]): CheckRow[] {
  const rows: CheckRow[] = [];
  for (const r of results) {
    const lintFailed = r.failure?.stage === 'lint';
    if (r.lint || lintFailed) {
      rows.push({ check: 'hadolint', where: r.dockerfile, result: lintFailed ? 'failed' : 'passed', detail: lintFailed ? r.failure!.message : r.lint ? describeCounts(r.lint) : '' });
    } else if (r.lintNotRun) {
      rows.push({ check: 'hadolint', where: r.dockerfile, result: 'not-run', detail: r.lintNotRun });
    }
    if (r.outcome === 'linted' || r.outcome === 'planned' || lintFailed || r.notRun?.stage === 'lint') continue;
    if (r.notRun) rows.push({ check: 'docker build', where: r.context, result: 'not-run', detail: r.notRun.reason });
    else if (r.failure) rows.push({ check: 'docker build', where: r.context, result: 'failed', detail: `failed at ${r.failure.stage}: ${r.failure.message.split('\n')[0]}` });
    else rows.push({ check: 'docker build', where: r.context, result: 'passed', detail: outcomeCell(r) });
  }
  return rows;
}

function outcomeCell(r: ServiceResult): string {
  switch (r.outcome) {
    case 'failed':
      return `**failed** at ${r.failure?.stage}`;
    case 'not-run':
      return `not run: ${md(r.notRun?.reason ?? '')}`;
    case 'reused':
      return 'reused (re-tagged)';
    case 'unchanged':
      return 'unchanged, not rebuilt';
    default:
      return r.outcome;
  }
}

/** The lint cell says "off" when hadolint did not run, so a skipped lint never reads as clean. */
export function lintCell(r: ServiceResult, lintOn: boolean): string {
  if (r.lint) return describeCounts(r.lint);
  return lintOn ? 'not run' : 'off';
}

export function summaryTable(results: ServiceResult[], push: boolean, lintOn: boolean): string {
  const rows = results.map((r) => [
    md(r.service),
    code(r.image),
    r.tags.map(code).join(', '),
    r.digest ? code(r.digest.slice(0, 19)) : '',
    outcomeCell(r),
    r.pushed ? 'yes' : push ? 'no' : 'no (push off)',
    lintCell(r, lintOn),
    `${r.seconds.toFixed(1)} s`,
  ]);
  return markdownTable(['service', 'image', 'tags', 'digest', 'result', 'pushed', 'lint', 'time'], rows);
}

export async function writeSummary(results: ServiceResult[], push: boolean, lintOn: boolean, builder: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const table = summaryTable(results, push, lintOn);
  await core.summary.addRaw(`### build-images\n\n${table}\n\n${md(builder)}\n`).write();
}

/** Lint findings on their Dockerfile lines, and one error per failed service (on the failing line). */
export function annotations(results: ServiceResult[]): Annotation[] {
  const list: Annotation[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      list.push({ level: f.level === 'error' ? 'error' : f.level === 'warning' ? 'warning' : 'notice', message: f.message, file: f.file, line: f.line, column: f.column, title: `hadolint ${f.code}` });
    }
    if (r.failure) {
      list.push({ level: 'error', message: `${r.service}: ${r.failure.message}`, file: r.failure.line ? r.dockerfile : undefined, line: r.failure.line, title: `build-images: ${r.service} failed at ${r.failure.stage}` });
    }
  }
  return list;
}

export async function writeSarif(workspace: string, file: string, results: ServiceResult[], hadolintVersion: string): Promise<void> {
  const path = join(workspace, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(toSarif(results.flatMap((r) => r.findings), hadolintVersion), null, 2));
}
