import * as core from '@actions/core';
import { checksOutput } from '../../../lib/checks.js';
import { code, markdownTable, md } from '../../../lib/summary.js';
import { collapsed } from './comments.js';
import type { Inputs } from './inputs.js';
import { countsText, planMarkdown } from './render.js';
import type { DriftReport, Report } from './run.js';

/** Room in the summary (GitHub takes up to 1 MiB a step) for the resource list and the text plan. */
const SUMMARY_LIST = 200_000;
const SUMMARY_TEXT = 400_000;

const DRIFT_WORDS: Record<DriftReport['status'], string> = {
  drifted: '**Drifted**: a new drift issue was opened',
  'still-drifted': '**Still drifted**: its drift issue was updated',
  'back-in-sync': '**Back in sync**: its drift issue was closed',
  'in-sync': '**In sync**: nothing changed outside Terraform, and the plan has nothing to apply',
};

function driftLine(drift: DriftReport): string {
  const issue = drift.issue ? ` (${drift.issue.url ? `[#${drift.issue.number}](${drift.issue.url})` : `#${drift.issue.number}`})` : '';
  return `${DRIFT_WORDS[drift.status]}${issue}.`;
}

/** The summary's rows as the `checks` output (lib/checks.ts), for later steps and the shipkit CLI. */
export function writeChecks(report: Report): void {
  core.setOutput('checks', checksOutput(report.rows.map((r) => ({ ...r, result: r.result === 'not run' ? 'not-run' : r.result }))));
}

/**
 * The step summary: a row per check and folder, where ansible ran and with which config, the plan
 * (rendered from its JSON, destroys first), the reviewed hash, a drift check, a lock holder. Names and tool text are outside values: escaped for markdown.
 */
export async function writeSummary(inputs: Inputs, report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const parts = [`### deploy-stage: ${code(inputs.environment)}, ${inputs.command}`, ''];
  if (report.rows.length) {
    const result = (r: Report['rows'][number]) => (r.result === 'failed' ? '**failed**' : r.result);
    parts.push(markdownTable(['check', 'where', 'result', 'detail'], report.rows.map((r) => [r.check, code(r.where), result(r), md(r.detail)])), '');
  }
  // lines written by the kit around names already in code spans
  for (const line of report.ansible) parts.push(line, '');
  if (report.plan) {
    const p = report.plan;
    parts.push(`**Plan** for ${code(p.dir)}: ${countsText(p.view.counts)} (\`sha256:${p.sha256}\`)`, '');
    // the line above has the counts
    parts.push(planMarkdown(p.view, SUMMARY_LIST, false), '');
    if (report.reviewed) {
      const r = report.reviewed;
      // `from` is the kit's own words
      parts.push(`Reviewed plan: \`sha256:${r.hash}\` (${r.from}) ${r.hash === p.sha256 ? 'matches' : '**differs**'}`, '');
    }
    parts.push(collapsed('Plan', p.text, SUMMARY_TEXT), '');
  }
  if (report.drift) parts.push(driftLine(report.drift), '', report.drift.body, '');
  if (report.lock) {
    const l = report.lock;
    parts.push(`**State locked**: ID ${code(l.id ?? '?')}, by ${code(l.who ?? '?')}, ${code(l.operation ?? '?')}, since ${code(l.created ?? '?')}`, '');
  }
  parts.push(...report.notes.map(md));
  await core.summary.addRaw(`${parts.join('\n')}\n`).write();
}
