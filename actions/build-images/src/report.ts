import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as core from '@actions/core';
import type { Annotation } from '../../../lib/annotate.js';
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
  core.setOutput('matrix', JSON.stringify({ include: results.map((r) => ({ service: r.service, name: r.name, context: r.context, image: r.image })) }));
}

function outcomeCell(r: ServiceResult): string {
  switch (r.outcome) {
    case 'failed':
      return `**failed** at ${r.failure?.stage}`;
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
