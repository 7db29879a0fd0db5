import { code, codeBlock } from '../../../lib/summary.js';
import type { PlanKind, PlanView } from './planjson.js';
import { planMarkdown } from './render.js';

/**
 * The plan comment on a pull request: one per environment and folder, found again by a hidden
 * marker and updated in place. The reviewed plan's hash travels in it to the apply, and its kind
 * (destroy, changes, no-changes) to the `plan:*` labels.
 */

export const COMMENT_LIMIT = 65_536;

/** `dir` as it can stand inside an HTML comment: nothing in it can end the comment early. */
export function safeDir(dir: string): string {
  return dir.replace(/[<>%]/g, (c) => encodeURIComponent(c)).replace(/--/g, '-%2D');
}

export const MARKER_PREFIX = '<!-- shipkit:plan environment=';

export function marker(environment: string, dir: string): string {
  return `${MARKER_PREFIX}${environment} dir=${safeDir(dir)} -->`;
}

export function hashLine(sha256: string): string {
  return `<!-- shipkit:plan-sha256 ${sha256} -->`;
}

/**
 * The lines the kit reads back, each at its place: the marker is the comment's first line, the
 * hash line the second, the kind line the third. Anything further down is the plan as rendered,
 * which holds text from the pull request (resource arguments, for_each keys): a marker or hash
 * quoted there is not the comment's own.
 */
function headLines(body: string): string[] {
  return body.split(/\r?\n/, 3);
}

/** The comment's own marker (its first line), when it is a plan comment. */
export function planMarker(body: string): string | undefined {
  const first = headLines(body)[0] ?? '';
  return first.startsWith(MARKER_PREFIX) && first.endsWith(' -->') ? first : undefined;
}

export function findPlanHash(body: string): string | undefined {
  if (!planMarker(body)) return undefined;
  return /^<!-- shipkit:plan-sha256 ([0-9a-f]{64}) -->$/.exec(headLines(body)[1] ?? '')?.[1];
}

export function kindLine(kind: PlanKind): string {
  return `<!-- shipkit:plan-kind ${kind} -->`;
}

export function findPlanKind(body: string): PlanKind | undefined {
  if (!planMarker(body)) return undefined;
  return /^<!-- shipkit:plan-kind (destroy|changes|no-changes) -->$/.exec(headLines(body)[2] ?? '')?.[1] as PlanKind | undefined;
}

export interface CommentInput {
  environment: string;
  dir: string;
  sha256: string;
  view: PlanView;
  /** terraform's text plan, sensitive values already taken out. */
  planText: string;
  /** The commit planned. */
  commit?: string;
  runUrl?: string;
}

/**
 * Text in a collapsed section, cut to `room` characters with a pointer to the log when it is
 * longer. The cut is made before the code block is built, so the fence always closes.
 */
export function collapsed(summary: string, text: string, room: number, runUrl?: string): string {
  let shown = text.replace(/^\n+/, '').trimEnd();
  let note = '';
  if (shown.length > room) {
    shown = shown.slice(0, Math.max(0, room));
    note = `\n\n_The ${summary.toLowerCase()} is ${text.length.toLocaleString('en')} characters; this shows the first ${Math.max(0, room).toLocaleString('en')}. The full text is in the job log${runUrl ? `: ${runUrl}` : ''}._`;
  }
  return `<details><summary>${summary}</summary>\n\n${codeBlock(shown)}\n\n</details>${note}`;
}

/** The comment body: counts, resources by action (destroys first), and the text plan under GitHub's size limit. */
export function planComment(input: CommentInput, limit = COMMENT_LIMIT): string {
  const planned = input.commit ? ` at ${code(input.commit.slice(0, 7))}` : '';
  const head = [
    marker(input.environment, input.dir),
    hashLine(input.sha256),
    kindLine(input.view.kind),
    `### Terraform plan for ${code(input.environment)} (${code(input.dir)})${planned}`,
    '',
    planMarkdown(input.view, Math.floor(limit / 2)),
    '',
    `Plan \`sha256:${input.sha256.slice(0, 16)}\`: the apply after merge re-plans and refuses if the plan differs from this one.`,
    '',
  ].join('\n');
  const room = limit - head.length - 600;
  return `${head}\n${collapsed('Plan', input.planText, room, input.runUrl)}`;
}
