import * as core from '@actions/core';
import { checksOutput } from '../../../lib/checks.js';
import { code, codeBlock, markdownTable, md } from '../../../lib/summary.js';
import type { Inputs } from './inputs.js';
import type { Report } from './run.js';

/** The summary's rows as the `checks` output (lib/checks.ts), for later steps and the shipkit CLI. */
export function writeChecks(report: Report): void {
  core.setOutput('checks', checksOutput(report.rows.map((r) => ({ ...r, result: r.result === 'not run' ? 'not-run' : r.result }))));
}

/**
 * The step summary: a row per check and folder, where ansible ran and with which config, the plan,
 * the reviewed hash, a lock holder. Names and tool text are outside values: escaped for markdown.
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
    parts.push(`**Plan** for ${code(p.dir)}: ${p.add} to add, ${p.change} to change, ${p.destroy} to destroy (\`sha256:${p.sha256}\`)`, '');
    if (report.reviewed) {
      const r = report.reviewed;
      // `from` is the kit's own words
      parts.push(`Reviewed plan: \`sha256:${r.hash}\` (${r.from}) ${r.hash === p.sha256 ? 'matches' : '**differs**'}`, '');
    }
    parts.push('<details><summary>Plan</summary>', '', codeBlock(p.text.trimEnd().slice(0, 60_000)), '', '</details>', '');
  }
  if (report.lock) {
    const l = report.lock;
    parts.push(`**State locked**: ID ${code(l.id ?? '?')}, by ${code(l.who ?? '?')}, ${code(l.operation ?? '?')}, since ${code(l.created ?? '?')}`, '');
  }
  parts.push(...report.notes.map(md));
  await core.summary.addRaw(`${parts.join('\n')}\n`).write();
}
