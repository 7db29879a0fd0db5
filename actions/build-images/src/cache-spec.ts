/**
 * A `--cache-from`/`--cache-to` spec read the way buildx reads it (util/buildflags), so the kit checks
 * what buildx will do rather than what the text looks like: the spec is one CSV record (fields may
 * be quoted, `""` is a quote inside quotes), each field is `key=value` split at its first `=`, keys
 * are case-insensitive (`DEST=` is `dest=`), values are taken as they are. A spec with no `=` at all
 * is a list of image references, each a registry cache.
 */

export interface CacheEntry {
  type: string;
  /** Lower-case keys, values as written (quotes removed). */
  attrs: Record<string, string>;
}

/** A spec buildx would refuse: `reason` says why, in words for an input error. */
export class CacheSpecError extends Error {}

/** One CSV record, as Go's encoding/csv (and buildx's csvvalue) reads it: no lazy quotes, no trimming. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] !== '"') {
      const comma = line.indexOf(',', at);
      const field = comma < 0 ? line.slice(at) : line.slice(at, comma);
      const quote = field.indexOf('"');
      if (quote >= 0) throw new CacheSpecError(`a " inside an unquoted field at column ${at + quote + 1} (quote the whole field, and double a " inside it)`);
      fields.push(field);
      if (comma < 0) return fields;
      at = comma + 1;
      continue;
    }
    let field = '';
    let from = at + 1;
    for (;;) {
      const close = line.indexOf('"', from);
      if (close < 0) throw new CacheSpecError(`the quote at column ${at + 1} is never closed`);
      field += line.slice(from, close);
      if (line[close + 1] === '"') {
        field += '"';
        from = close + 2;
        continue;
      }
      if (close + 1 < line.length && line[close + 1] !== ',') {
        throw new CacheSpecError(`text after the closing quote at column ${close + 1} (a quoted field ends at a comma)`);
      }
      fields.push(field);
      if (close + 1 >= line.length) return fields;
      at = close + 2;
      break;
    }
  }
}

/** The cache entries a spec stands for; throws CacheSpecError where buildx would fail. */
export function parseCacheSpec(spec: string): CacheEntry[] {
  const fields = csvFields(spec);
  if (!spec.includes('=')) return fields.map((ref) => ({ type: 'registry', attrs: { ref } }));
  const entry: CacheEntry = { type: '', attrs: {} };
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq < 0) throw new CacheSpecError(`the field ${JSON.stringify(field)} is not key=value`);
    const key = field.slice(0, eq).toLowerCase();
    if (key === 'type') entry.type = field.slice(eq + 1);
    else entry.attrs[key] = field.slice(eq + 1);
  }
  if (!entry.type) throw new CacheSpecError('there is no type= field');
  return [entry];
}

/** The spec's type (`registry` for bare references), or '' when buildx could not read it. */
export function cacheSpecType(spec: string): string {
  try {
    return parseCacheSpec(spec)[0]?.type ?? '';
  } catch {
    return '';
  }
}
