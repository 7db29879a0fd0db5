/**
 * A plan as reviewers read it, from `terraform show -json`: addresses, actions and the reasons
 * terraform gives, never an attribute value (values may be sensitive, and the text plan in the
 * collapsed section is where values are read). Pure: no I/O.
 */

/** How one resource instance changes; the order is the order reviewers see them in. */
export type Action = 'destroy' | 'replace' | 'forget' | 'create' | 'import' | 'update' | 'move' | 'read';
export const ACTION_ORDER: readonly Action[] = ['destroy', 'replace', 'forget', 'create', 'import', 'update', 'move', 'read'];

export interface ResourceEntry {
  address: string;
  action: Action;
  /** Why, in the kit's words, from terraform's `action_reason`. */
  reason?: string;
  /** Top-level attributes that force a replacement (`replace_paths`): schema names, not values. */
  forcedBy?: string[];
  /** A replacement that creates the new object before destroying the old (`create_before_destroy`). */
  createFirst?: boolean;
  movedFrom?: string;
  /** A deposed object (left over from an interrupted create_before_destroy), not the current one. */
  deposed?: boolean;
}

/** `resource_drift`: an object that changed outside Terraform since the state was written. */
export interface DriftEntry {
  address: string;
  action: 'update' | 'delete';
}

export interface OutputEntry {
  name: string;
  action: 'create' | 'update' | 'delete';
  sensitive: boolean;
}

export interface Counts {
  add: number;
  change: number;
  destroy: number;
  replace: number;
  import: number;
  forget: number;
  move: number;
  read: number;
}

export interface PlanView {
  /** Sorted by ACTION_ORDER, then address. */
  resources: ResourceEntry[];
  drift: DriftEntry[];
  outputs: OutputEntry[];
  counts: Counts;
  /** Something for an apply to do: a resource action (reads included) or an output change. */
  changes: boolean;
  /** For the `plan:*` labels: destroy when anything is destroyed (replacements too). */
  kind: PlanKind;
}

export type PlanKind = 'destroy' | 'changes' | 'no-changes';

interface Change {
  actions: string[];
  before?: unknown;
  after?: unknown;
  after_unknown?: unknown;
  before_sensitive?: unknown;
  after_sensitive?: unknown;
  replace_paths?: unknown[][];
  importing?: unknown;
}

export interface ResourceChange {
  address: string;
  /** `module.a["x"]` for a resource in a module. */
  module_address?: string;
  mode?: string;
  type?: string;
  name?: string;
  previous_address?: string;
  deposed?: string;
  action_reason?: string;
  change: Change;
}

export interface ShowJson {
  format_version?: string;
  variables?: Record<string, { value?: unknown }>;
  /** The resource attributes the planned changes read (terraform 1.2 and later), whatever route (locals, module outputs) they take. */
  relevant_attributes?: { resource: string; attribute: unknown[] }[];
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  output_changes?: Record<string, Change>;
  prior_state?: { values?: StateValues };
  planned_values?: StateValues;
  configuration?: { root_module?: ConfigModule; provider_config?: Record<string, ProviderConfig> };
}

export interface StateValues {
  outputs?: Record<string, { sensitive?: boolean; value?: unknown }>;
  root_module?: StateModule;
}

export interface StateModule {
  resources?: { address?: string; values?: unknown; sensitive_values?: unknown }[];
  child_modules?: StateModule[];
}

/** `expressions` hold `constant_value` or `references` per argument (nested blocks as lists of such objects). */
export interface ConfigResource {
  address?: string;
  mode?: string;
  type?: string;
  name?: string;
  provider_config_key?: string;
  expressions?: unknown;
  count_expression?: unknown;
  for_each_expression?: unknown;
  depends_on?: string[];
}

export interface ModuleCall {
  source?: string;
  expressions?: unknown;
  count_expression?: unknown;
  for_each_expression?: unknown;
  depends_on?: string[];
  version_constraint?: string;
  module?: ConfigModule;
}

export interface ProviderConfig {
  name?: string;
  full_name?: string;
  alias?: string;
  module_address?: string;
  expressions?: unknown;
}

export interface ConfigModule {
  variables?: Record<string, { default?: unknown; sensitive?: boolean }>;
  outputs?: Record<string, { sensitive?: boolean; expression?: unknown }>;
  resources?: ConfigResource[];
  module_calls?: Record<string, ModuleCall>;
}

/** terraform's `action_reason` values (internal/command/jsonplan), as a reviewer would say them. */
const REASONS: Record<string, string> = {
  replace_because_tainted: 'tainted (marked for replacement)',
  replace_because_cannot_update: 'a change forces replacement',
  replace_by_request: 'replacement requested (-replace)',
  replace_by_triggers: 'replace_triggered_by',
  delete_because_no_resource_config: 'no longer in the configuration',
  delete_because_no_module: 'its module is no longer in the configuration',
  delete_because_wrong_repetition: 'count or for_each changed how it is repeated',
  delete_because_count_index: 'its count index is out of range',
  delete_because_each_key: 'its for_each key is gone',
  delete_because_no_move_target: 'moved to an address that is not in the configuration',
  read_because_config_unknown: 'its configuration is known only after apply',
  read_because_dependency_pending: 'a dependency has changes pending',
  read_because_check_nested: 'a check block reads it',
};

export function parsePlan(showJson: string): ShowJson {
  return JSON.parse(showJson) as ShowJson;
}

function isNoop(actions: readonly string[]): boolean {
  return actions.length === 0 || (actions.length === 1 && actions[0] === 'no-op');
}

function actionOf(change: ResourceChange): Action | undefined {
  const a = change.change.actions;
  if (a.includes('delete') && a.includes('create')) return 'replace';
  if (a.includes('delete')) return 'destroy';
  if (a.includes('forget')) return 'forget';
  if (a.includes('create')) return 'create';
  if (a.includes('update')) return 'update';
  if (a.includes('read')) return 'read';
  if (isNoop(a) && change.change.importing) return 'import';
  if (isNoop(a) && change.previous_address && change.previous_address !== change.address) return 'move';
  return undefined;
}

/** The first step of each replace path when it is an attribute name (a later step may be a map key, from the configuration). */
function forcedBy(paths: unknown[][] | undefined): string[] | undefined {
  const names = [...new Set((paths ?? []).map((p) => p[0]).filter((step): step is string => typeof step === 'string'))];
  return names.length ? names.sort() : undefined;
}

function resourceEntry(change: ResourceChange, action: Action): ResourceEntry {
  const entry: ResourceEntry = { address: change.address, action };
  const reason = change.action_reason ? REASONS[change.action_reason] : undefined;
  if (reason) entry.reason = reason;
  if (action === 'replace') {
    entry.forcedBy = forcedBy(change.change.replace_paths);
    if (change.change.actions[0] === 'create') entry.createFirst = true;
  }
  if (change.previous_address && change.previous_address !== change.address) entry.movedFrom = change.previous_address;
  if (change.deposed) entry.deposed = true;
  return entry;
}

const byOrder = (x: { action: Action; address: string }, y: { action: Action; address: string }) =>
  ACTION_ORDER.indexOf(x.action) - ACTION_ORDER.indexOf(y.action) || x.address.localeCompare(y.address);

/** What the plan does, for the comment, the summary, the drift issue and the labels. */
export function planView(plan: ShowJson): PlanView {
  const counts: Counts = { add: 0, change: 0, destroy: 0, replace: 0, import: 0, forget: 0, move: 0, read: 0 };
  const resources: ResourceEntry[] = [];
  for (const change of plan.resource_changes ?? []) {
    const a = change.change.actions;
    if (a.includes('create')) counts.add++;
    if (a.includes('delete')) counts.destroy++;
    if (a.includes('update')) counts.change++;
    if (change.change.importing) counts.import++;
    // as imports: a move is counted whatever else happens to the object
    if (change.previous_address && change.previous_address !== change.address) counts.move++;
    const action = actionOf(change);
    if (!action) continue;
    if (action === 'replace') counts.replace++;
    if (action === 'forget') counts.forget++;
    if (action === 'read') counts.read++;
    resources.push(resourceEntry(change, action));
  }
  resources.sort(byOrder);
  const drift: DriftEntry[] = (plan.resource_drift ?? [])
    .filter((d) => !isNoop(d.change.actions))
    .map((d) => ({ address: d.address, action: d.change.actions.includes('delete') ? ('delete' as const) : ('update' as const) }))
    .sort((x, y) => x.address.localeCompare(y.address));
  const outputs: OutputEntry[] = Object.entries(plan.output_changes ?? {})
    .filter(([, c]) => !isNoop(c.actions))
    .map(([name, c]) => ({
      name,
      action: c.actions.includes('create') && !c.actions.includes('delete') ? ('create' as const) : c.actions.includes('delete') && !c.actions.includes('create') ? ('delete' as const) : ('update' as const),
      sensitive: c.before_sensitive === true || c.after_sensitive === true || plan.configuration?.root_module?.outputs?.[name]?.sensitive === true,
    }))
    .sort((x, y) => x.name.localeCompare(y.name));
  const changes = resources.length > 0 || outputs.length > 0;
  return { resources, drift, outputs, counts, changes, kind: counts.destroy > 0 ? 'destroy' : changes ? 'changes' : 'no-changes' };
}
