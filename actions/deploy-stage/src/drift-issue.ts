import { code } from '../../../lib/summary.js';
import { collapsed, COMMENT_LIMIT, safeDir } from './comments.js';
import type { LabelSpec } from './github.js';
import type { PlanView } from './planjson.js';
import { planMarkdown, refreshMarkdown } from './render.js';

/**
 * The drift issue: one per environment and folder, opened when a scheduled check finds drift,
 * updated while it remains, closed with a comment when the environment is back in sync. It is
 * found again by a hidden marker, and only issues written by the token's own identity count.
 */

export const DRIFT_LABEL: LabelSpec = { name: 'drift', color: 'd93f0b', description: 'The real infrastructure no longer matches its Terraform configuration (shipkit deploy-stage)' };

export function driftMarker(environment: string, dir: string): string {
  return `<!-- shipkit:drift environment=${environment} dir=${safeDir(dir)} -->`;
}

function hashLine(hash: string): string {
  return `<!-- shipkit:drift-sha256 ${hash} -->`;
}

export function findDriftHash(body: string): string | undefined {
  return /<!-- shipkit:drift-sha256 ([0-9a-f]{64}) -->/.exec(body)?.[1];
}

export function issueTitle(environment: string): string {
  return `Terraform drift in ${environment}`;
}

export interface DriftInput {
  environment: string;
  dir: string;
  /** Of what both plans found: a changed hash means the drift changed. */
  hash: string;
  /** None when terraform is too old for a refresh-only plan (before 0.15.4). */
  refresh?: { view: PlanView; text: string };
  plan: { view: PlanView; text: string };
  /** The terraform that planned, e.g. 1.11.4. */
  terraformVersion: string;
  branch?: string;
  commit?: string;
  runUrl?: string;
  /** When the check ran, e.g. 2026-12-02 03:17 UTC. */
  checkedAt: string;
}

type When = Pick<DriftInput, 'checkedAt' | 'branch' | 'commit' | 'runUrl'>;

function checked(input: When): string {
  const where = [input.branch ? `on ${code(input.branch)}` : '', input.commit ? `at ${code(input.commit.slice(0, 7))}` : ''].filter(Boolean).join(' ');
  return `${input.checkedAt}${where ? ` ${where}` : ''}${input.runUrl ? ` by [this run](${input.runUrl})` : ''}`;
}

/**
 * What to do about it. Which plan shows the difference says where it came from: objects in the
 * refresh-only plan changed outside Terraform; outputs it would change come from a data source that
 * reads something new (another team's state, an image) or from an output the configuration changed;
 * a difference only the normal plan shows is between the configuration and the state.
 */
export function advice(refresh: PlanView | undefined, plan: PlanView): string {
  if (!refresh) return 'The configuration and the real infrastructure differ (without a refresh-only plan there is no telling whether something changed outside Terraform). Applying the configuration resolves it: section 2 is what that apply would do.';
  const apply = plan.changes ? ' Applying the configuration resolves it: section 2 is what that apply would do.' : ' `terraform apply -refresh-only` records it in the state.';
  if (refresh.drift.length && plan.changes) {
    return 'Something changed outside Terraform (section 1). To keep it, change the configuration to match and apply; to undo it, apply the configuration as it is: section 2 is what that apply would do.';
  }
  if (refresh.drift.length) return `Something changed outside Terraform (section 1), and the configuration already agrees with it.${apply}`;
  if (refresh.outputs.length) {
    return `No object changed outside Terraform, but outputs would change (section 1): a data source reads something new (another state, an image, a lookup), or the configuration changed an output.${apply}`;
  }
  return 'Nothing changed outside Terraform, so the configuration and the state differ: a merged change that was not applied, or the state edited by hand (`terraform state rm`, `import`, `mv`). Applying the configuration resolves it: section 2 is what that apply would do.';
}

/** The issue body: both plans rendered from their JSON, what to do, and both text plans collapsed. */
export function driftBody(input: DriftInput, limit = COMMENT_LIMIT): string {
  const branch = input.branch ? `on ${code(input.branch)}` : '';
  const head = [
    driftMarker(input.environment, input.dir),
    hashLine(input.hash),
    `### Terraform drift in ${code(input.environment)} (${code(input.dir)})`,
    '',
    `The real infrastructure of ${code(input.environment)} no longer matches what Terraform expects. Checked ${checked(input)}. A scheduled check updates this issue while the drift remains and closes it when ${code(input.environment)} is back in sync.`,
    '',
    '#### 1. Changed outside Terraform',
    '',
    '_`terraform plan -refresh-only`: the state compared with the real infrastructure._',
    '',
    input.refresh
      ? refreshMarkdown(input.refresh.view)
      : `Not checked: terraform ${input.terraformVersion} has no refresh-only plan (0.15.4 and later do). A change made outside Terraform shows in section 2, as a change an apply would undo.`,
    '',
    '#### 2. What an apply would change',
    '',
    `_\`terraform plan\`: the configuration${branch ? ` ${branch}` : ''} compared with the real infrastructure._`,
    '',
    planMarkdown(input.plan.view, Math.floor(limit / 4)),
    '',
    advice(input.refresh?.view, input.plan.view),
    '',
  ].join('\n');
  const room = Math.max(0, limit - head.length - 1_200);
  const refreshRoom = input.refresh ? Math.min(input.refresh.text.trimEnd().length, Math.floor(room / 2)) : 0;
  return [
    head,
    ...(input.refresh ? [collapsed('Refresh-only plan', input.refresh.text, refreshRoom, input.runUrl), ''] : []),
    collapsed('Plan', input.plan.text, room - refreshRoom, input.runUrl),
  ].join('\n');
}

/** Said on the issue when a later check finds different drift (an edited body notifies nobody). */
export function driftChangedComment(input: DriftInput): string {
  return `The drift in ${code(input.environment)} changed: checked ${checked(input)}. The description shows both plans as they are now.`;
}

export function backInSyncComment(input: When & Pick<DriftInput, 'environment' | 'dir'>): string {
  return `Back in sync: ${code(input.environment)} (${code(input.dir)}) matches its configuration again, and nothing changed outside Terraform. Checked ${checked(input)}. Closing.`;
}
