import { createHash } from 'node:crypto';
import type { ConfigModule, ConfigResource, ResourceChange, ShowJson } from './planjson.js';

/**
 * What a plan does, as the reviewed-plan gate compares it: every resource change that does
 * anything (moves and imports included), where the values it will get come from, and the output
 * changes. Pure. The plan file itself is not hashed: it records when it was made, so two plans of
 * the same change differ byte for byte.
 *
 * A value known only after apply is just `true` in `after_unknown`, whatever it will be computed
 * from; the configuration says from what (an instance wired to one subnet or another, a module
 * given one bucket or another, a resource of one provider configuration or another). So each
 * changed resource carries its configuration: its expressions and references, its count and
 * for_each, the calls of the modules it sits in, and its provider configuration with the root
 * variables that configuration reads. The configuration JSON has no locals and shows a module
 * output only as an expression, so the hash also takes terraform's own answer to "what do these
 * changes read" (`relevant_attributes`) and the value of every root variable (a condition on one
 * can pick the source). Values are compared as the plan JSON holds them: sensitive ones included,
 * as they already are in `before` and `after`; only the digest leaves the runner.
 */

/** Sorted keys, so equal content always serialises the same way. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function sha256Of(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

function isNoop(actions: readonly string[]): boolean {
  return actions.length === 0 || (actions.length === 1 && actions[0] === 'no-op');
}

/** A change the apply carries out: any action, or a no-op that moves or imports the object. */
export function doesSomething(change: ResourceChange): boolean {
  if (!isNoop(change.change.actions)) return true;
  return Boolean(change.change.importing) || Boolean(change.previous_address && change.previous_address !== change.address);
}

/** `module.a["x"].module.b[0]` -> ['a', 'b']: the module calls, without instance keys. */
export function moduleCalls(moduleAddress: string | undefined): string[] | undefined {
  const calls: string[] = [];
  let rest = moduleAddress ?? '';
  while (rest) {
    const m = /^module\.([A-Za-z_][\w-]*)(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?(?:\.|$)/.exec(rest);
    if (!m) return undefined; // a shape this parser does not know: hashed as "configuration unknown"
    calls.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return calls;
}

const pick = (from: object | undefined, keys: readonly string[]) =>
  from ? Object.fromEntries(keys.filter((k) => (from as Record<string, unknown>)[k] !== undefined).map((k) => [k, (from as Record<string, unknown>)[k]])) : null;

const CALL_KEYS = ['source', 'expressions', 'count_expression', 'for_each_expression', 'depends_on', 'version_constraint'] as const;
const RESOURCE_KEYS = ['provider_config_key', 'expressions', 'count_expression', 'for_each_expression', 'depends_on'] as const;

/** `var.region` and the like, anywhere in an expressions object. */
function rootVariables(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) rootVariables(v, out);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'references' && Array.isArray(v)) {
      for (const ref of v) {
        const m = typeof ref === 'string' ? /^var\.([A-Za-z_][\w-]*)$/.exec(ref) : null;
        if (m) out.add(m[1]!);
      }
    } else {
      rootVariables(v, out);
    }
  }
}

/** The provider configuration a resource uses, and the values of the root variables it reads. */
function providerOf(plan: ShowJson, key: string | undefined): unknown {
  const provider = key ? plan.configuration?.provider_config?.[key] : undefined;
  if (!provider) return key ?? null;
  const variables = new Set<string>();
  if (!provider.module_address) rootVariables(provider.expressions, variables);
  const values = Object.fromEntries([...variables].sort().map((name) => [name, plan.variables?.[name]?.value ?? null]));
  return { key, ...pick(provider, ['name', 'full_name', 'alias', 'module_address', 'expressions']), variables: values };
}

/** The configuration behind one resource change: the module calls down to it, the resource block, its provider. */
function configurationOf(plan: ShowJson, change: ResourceChange): unknown {
  const path = moduleCalls(change.module_address);
  if (!path) return { unknown: change.module_address };
  let module: ConfigModule | undefined = plan.configuration?.root_module;
  const calls: unknown[] = [];
  for (const name of path) {
    const call = module?.module_calls?.[name];
    calls.push({ name, ...pick(call, CALL_KEYS) });
    module = call?.module;
  }
  const resource: ConfigResource | undefined = module?.resources?.find((r) => r.mode === change.mode && r.type === change.type && r.name === change.name);
  return { calls, resource: pick(resource, RESOURCE_KEYS), provider: providerOf(plan, resource?.provider_config_key) };
}

/** The content the plan hash is taken of. */
export function planContent(plan: ShowJson): unknown {
  const resources = (plan.resource_changes ?? [])
    .filter(doesSomething)
    .map((r) => ({
      address: r.address,
      previous_address: r.previous_address ?? null,
      deposed: r.deposed ?? null,
      actions: r.change.actions,
      before: r.change.before ?? null,
      after: r.change.after ?? null,
      after_unknown: r.change.after_unknown ?? null,
      importing: r.change.importing ?? null,
      configuration: configurationOf(plan, r),
    }))
    .sort((x, y) => byCodePoint(x.address, y.address) || byCodePoint(String(x.deposed), String(y.deposed)));
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, c]) => !isNoop(c.actions))
    .map(([name, c]) => ({
      name,
      actions: c.actions,
      after: c.after ?? null,
      after_unknown: c.after_unknown ?? null,
      expression: plan.configuration?.root_module?.outputs?.[name]?.expression ?? null,
    }));
  const reads = (plan.relevant_attributes ?? []).map((r) => JSON.stringify(canonical(r))).sort(byCodePoint);
  const variables = Object.fromEntries(Object.entries(plan.variables ?? {}).map(([name, v]) => [name, v?.value ?? null]));
  return { resources, outputs, reads, variables };
}

/** Not localeCompare: the order, and so the hash, must not depend on the runner's locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
