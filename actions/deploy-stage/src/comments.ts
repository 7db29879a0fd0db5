import { code, codeBlock } from '../../../lib/summary.js';

/**
 * The plan comment on a pull request: one per environment and folder, found again by a hidden
 * marker and updated in place. The reviewed plan's hash travels in it to the apply.
 */

export const COMMENT_LIMIT = 65_536;

export function marker(environment: string, dir: string): string {
  // a folder name cannot end the HTML comment early
  const safe = dir.replace(/[<>%]/g, (c) => encodeURIComponent(c)).replace(/--/g, '-%2D');
  return `<!-- shipkit:plan environment=${environment} dir=${safe} -->`;
}

export function hashLine(sha256: string): string {
  return `<!-- shipkit:plan-sha256 ${sha256} -->`;
}

export function findPlanHash(body: string): string | undefined {
  return /<!-- shipkit:plan-sha256 ([0-9a-f]{64}) -->/.exec(body)?.[1];
}

export interface CommentInput {
  environment: string;
  dir: string;
  add: number;
  change: number;
  destroy: number;
  sha256: string;
  planText: string;
  runUrl?: string;
}

/** The comment body, the plan text truncated so the whole stays under GitHub's limit. */
export function planComment(input: CommentInput, limit = COMMENT_LIMIT): string {
  const head = [
    marker(input.environment, input.dir),
    hashLine(input.sha256),
    `### Terraform plan for ${code(input.environment)} (${code(input.dir)})`,
    '',
    input.add + input.change + input.destroy === 0
      ? 'No changes. The infrastructure matches the configuration.'
      : `**${input.add} to add, ${input.change} to change, ${input.destroy} to destroy.**`,
    '',
    `Plan \`sha256:${input.sha256.slice(0, 16)}\`: the apply after merge re-plans and refuses if the plan differs from this one.`,
    '',
    '<details><summary>Plan</summary>',
    '',
  ].join('\n');
  const tail = ['', '</details>'].join('\n');
  const room = limit - head.length - tail.length - 400;
  let text = input.planText.trimEnd();
  let note = '';
  if (text.length > room) {
    text = text.slice(0, room);
    note = `\n\n_The plan was ${input.planText.length.toLocaleString('en')} characters; this comment shows the first ${room.toLocaleString('en')}. The full text is in the job log${input.runUrl ? `: ${input.runUrl}` : ''}._`;
  }
  return `${head}\n${codeBlock(text)}\n${tail}${note}`;
}
