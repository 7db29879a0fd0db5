/**
 * `strategy.matrix` expanded the way GitHub documents it: the cross product of the vectors, minus
 * every combination that an `exclude` entry matches (partially), then each `include` entry is added
 * to every combination whose original values it does not overwrite, or becomes a combination of its
 * own when it fits none.
 */

export type Combination = Record<string, unknown>;

export class MatrixError extends Error {
  override name = 'MatrixError';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function matches(combination: Combination, partial: Record<string, unknown>): boolean {
  return Object.entries(partial).every(([k, v]) => k in combination && same(combination[k], v));
}

function asEntries(value: unknown, key: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new MatrixError(`matrix.${key} must be a list of mappings, got ${JSON.stringify(value)}`);
  return value.map((entry) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new MatrixError(`each matrix.${key} entry must be a mapping, got ${JSON.stringify(entry)}`);
    return entry as Record<string, unknown>;
  });
}

export function expandMatrix(matrix: unknown): Combination[] {
  if (matrix === undefined || matrix === null) return [{}];
  if (typeof matrix !== 'object' || Array.isArray(matrix)) throw new MatrixError(`strategy.matrix must be a mapping, got ${JSON.stringify(matrix)}`);
  const { include, exclude, ...vectors } = matrix as Record<string, unknown>;
  const includes = asEntries(include, 'include');
  const excludes = asEntries(exclude, 'exclude');

  let combinations: Combination[] = Object.keys(vectors).length ? [{}] : [];
  for (const [key, values] of Object.entries(vectors)) {
    if (!Array.isArray(values)) throw new MatrixError(`matrix vector "${key}" must be a list, got ${JSON.stringify(values)}`);
    if (!values.length) throw new MatrixError(`matrix vector "${key}" does not contain any values`);
    combinations = combinations.flatMap((c) => values.map((v: unknown) => ({ ...c, [key]: v })));
  }
  combinations = combinations.filter((c) => !excludes.some((e) => matches(c, e)));

  const originals = combinations.map((c) => ({ ...c }));
  const extra: Combination[] = [];
  for (const entry of includes) {
    let added = false;
    combinations.forEach((c, i) => {
      const original = originals[i]!;
      const overwrites = Object.entries(entry).some(([k, v]) => k in original && !same(original[k], v));
      if (!overwrites) {
        Object.assign(c, entry);
        added = true;
      }
    });
    if (!added) extra.push({ ...entry });
  }
  const all = [...combinations, ...extra];
  if (!all.length) throw new MatrixError('the matrix has no combinations (no vector, and include is empty)');
  if (all.length > 256) throw new MatrixError(`the matrix has ${all.length} combinations; GitHub allows at most 256`);
  return all;
}

/** The name GitHub gives a matrix leg when the job's name does not use the matrix: `build (a, 1)`. */
export function legName(base: string, combination: Combination, nameUsesMatrix: boolean): string {
  const values = Object.values(combination);
  if (nameUsesMatrix || !values.length) return base;
  const text = values.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', ');
  return `${base} (${text})`;
}
