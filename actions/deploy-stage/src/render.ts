import { code } from '../../../lib/summary.js';
import type { Action, Counts, DriftEntry, OutputEntry, PlanView, ResourceEntry } from './planjson.js';

/**
 * Markdown of a plan for the pull request comment, the step summary and the drift issue: the
 * counts, then every resource by action with destroys and replacements first, then the outputs.
 * Addresses and names come from the repository (for_each keys, module names): code spans only.
 * No attribute value is ever written here.
 */

const TITLES: Record<Action, string> = {
  destroy: '⚠️ Destroy',
  replace: '⚠️ Replace',
  forget: 'Forget (removed from the state, not destroyed)',
  create: 'Create',
  import: 'Import',
  update: 'Update in place',
  move: 'Move (new address, no change)',
  read: 'Read during apply (data sources)',
};

/** `1 to import, 1 to add, 0 to change, 0 to destroy, 1 to move` as terraform counts, with imports, forgets and moves when there are any. */
export function countsText(counts: Counts): string {
  const some = (n: number, what: string) => (n ? `${n} ${what}` : '');
  return [some(counts.import, 'to import'), some(counts.forget, 'to forget'), `${counts.add} to add`, `${counts.change} to change`, `${counts.destroy} to destroy`, some(counts.move, 'to move')].filter(Boolean).join(', ');
}

/** `**1 to add, 0 to change, 0 to destroy.**` */
export function headline(counts: Counts): string {
  return `**${countsText(counts)}.**`;
}

/** A caution a reviewer cannot scroll past, when anything is destroyed. */
export function destroyWarning(view: PlanView): string | undefined {
  const destroyed = view.resources.filter((r) => r.action === 'destroy').length;
  const replaced = view.counts.replace;
  if (!destroyed && !replaced) return undefined;
  const parts = [destroyed ? `${destroyed} destroyed` : '', replaced ? `${replaced} replaced (destroyed and created again)` : ''].filter(Boolean);
  return `> [!CAUTION]\n> This plan destroys ${plural(destroyed + replaced, 'resource')}: ${parts.join(', ')}. They are listed first.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function resourceLine(r: ResourceEntry): string {
  const notes: string[] = [];
  if (r.reason) notes.push(r.reason);
  if (r.forcedBy?.length) notes.push(`forced by ${r.forcedBy.map(code).join(', ')}`);
  if (r.action === 'replace') notes.push(r.createFirst ? 'the new one is created before the old one is destroyed' : 'destroyed, then created');
  if (r.movedFrom) notes.push(`moved from ${code(r.movedFrom)}`);
  if (r.deposed) notes.push('a deposed object');
  return `- ${code(r.address)}${notes.length ? `: ${notes.join('; ')}` : ''}`;
}

function outputLine(o: OutputEntry): string {
  const verb = o.action === 'create' ? 'added' : o.action === 'delete' ? 'removed' : 'changes';
  return `- ${code(o.name)} ${verb}${o.sensitive ? ' (sensitive: the value is not shown)' : ''}`;
}

/**
 * The resources grouped by action, within `budget` characters: lines are added in review order
 * (destroys first), and what does not fit is counted per action instead of listed.
 */
export function resourceGroups(resources: readonly ResourceEntry[], budget = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let used = 0;
  const left = new Map<Action, number>();
  for (const action of new Set(resources.map((r) => r.action))) {
    const group = resources.filter((r) => r.action === action);
    const title = `**${TITLES[action]}** (${group.length})`;
    const lines: string[] = [];
    for (const r of group) {
      const line = resourceLine(r);
      if (used + title.length + line.length + 2 > budget) {
        left.set(action, group.length - lines.length);
        break;
      }
      lines.push(line);
      used += line.length + 1;
    }
    if (lines.length) {
      parts.push(title, ...lines, '');
      used += title.length + 2;
    }
  }
  if (left.size) {
    const counted = [...left].map(([action, n]) => `${n} more to ${action === 'update' ? 'update in place' : action}`).join(', ');
    parts.push(`_Not listed here for length: ${counted}. The plan in the job log has every one._`, '');
  }
  return parts.join('\n').trimEnd();
}

export function outputGroup(outputs: readonly OutputEntry[]): string {
  return outputs.length ? [`**Outputs** (${outputs.length})`, ...outputs.map(outputLine)].join('\n') : '';
}

/** The whole plan: headline (unless the caller writes its own), caution, resources by action, outputs. */
export function planMarkdown(view: PlanView, budget?: number, withHeadline = true): string {
  if (!view.changes) return 'No changes. The infrastructure matches the configuration.';
  return [withHeadline ? headline(view.counts) : '', destroyWarning(view), resourceGroups(view.resources, budget), outputGroup(view.outputs)].filter(Boolean).join('\n\n');
}

function driftLine(d: DriftEntry): string {
  return `- ${code(d.address)}: ${d.action === 'delete' ? 'deleted outside Terraform' : 'changed outside Terraform'}`;
}

/** A refresh-only plan: the objects that changed outside Terraform, and the outputs a refresh would change. */
export function refreshMarkdown(view: PlanView): string {
  if (!view.drift.length && !view.outputs.length) return 'Nothing: every object in the state matches the real infrastructure.';
  const parts: string[] = [];
  parts.push(
    view.drift.length
      ? [`**Objects changed outside Terraform** (${view.drift.length})`, ...view.drift.map(driftLine)].join('\n')
      : 'No object in the state changed outside Terraform.',
  );
  if (view.outputs.length) parts.push([`**Outputs a refresh would change** (${view.outputs.length})`, ...view.outputs.map(outputLine)].join('\n'));
  return parts.join('\n\n');
}
