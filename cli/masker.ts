/**
 * The secrets of a local run and how they are hidden, as GitHub's runner hides them: each secret,
 * each line of a multi-line one, and the encodings a step is likely to print (base64 at the three
 * byte alignments a prefix such as `user:` can give it, URL-encoded, JSON- and XML-escaped, quoted
 * for an expression, without surrounding double quotes). Every occurrence of every form is found in
 * the original text and overlapping ones are merged before they are replaced, so a secret that
 * contains another is hidden whole.
 */

/** Shorter values are not masked: masking `ab` would shred the log and hide nothing worth hiding. */
const MIN_LENGTH = 3;

function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  // A secret that starts `skip` bytes into a base64 group: the bytes from the next group boundary on
  // encode to the same characters whatever comes before; only whole groups are fixed by the secret alone.
  for (let skip = 0; skip < 3 && skip < bytes.length; skip++) {
    const rest = bytes.subarray(skip);
    const encoded = rest.toString('base64');
    const shifted = [encoded.slice(0, Math.floor(rest.length / 3) * 4), encoded.replace(/=+$/, ''), encoded];
    // At the end of the data (the common `printf '%s' "$X" | base64`) the padded tail is fixed too.
    // A shifted form holds only part of the secret: too short, it would hide unrelated text.
    forms.push(...(skip ? shifted.filter((form) => form.length >= 8) : shifted));
  }
  return forms;
}

function uriStrict(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The forms of one value the runner hides. */
export function encodedForms(value: string): string[] {
  const forms = [value, ...base64Forms(value), JSON.stringify(value).slice(1, -1), encodeURIComponent(value), uriStrict(value), xmlEscape(value), value.replace(/'/g, "''")];
  if (value.length > 8 && value.startsWith('"') && value.endsWith('"')) forms.push(value.slice(1, -1));
  return forms;
}

export class Masker {
  private readonly forms = new Set<string>();
  private readonly secrets = new Set<string>();

  constructor(values: Iterable<string> = []) {
    for (const value of values) this.add(value);
  }

  /** A secret (or an `::add-mask::` value): itself, each of its lines, and their encodings. */
  add(value: string): void {
    if (!value || value.trim().length < MIN_LENGTH) return;
    const parts = [value, ...value.split(/\r?\n/)].filter((part) => part.trim().length >= MIN_LENGTH);
    for (const part of parts) {
      this.secrets.add(part);
      for (const form of encodedForms(part)) if (form.length >= MIN_LENGTH) this.forms.add(form);
    }
  }

  /** The values added (not their encodings). */
  get values(): string[] {
    return [...this.secrets];
  }

  /** Whether `text` holds any secret in any of its forms. */
  holdsSecret(text: string): boolean {
    for (const form of this.forms) if (text.includes(form)) return true;
    return false;
  }

  mask(text: string): string {
    if (!text || !this.forms.size) return text;
    const ranges: [number, number][] = [];
    for (const form of this.forms) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) ranges.push([at, at + form.length]);
    }
    if (!ranges.length) return text;
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let done = 0;
    let [start, end] = ranges[0]!;
    for (const [s, e] of ranges.slice(1)) {
      if (s <= end) {
        end = Math.max(end, e);
        continue;
      }
      out += `${text.slice(done, start)}***`;
      done = end;
      [start, end] = [s, e];
    }
    return `${out}${text.slice(done, start)}***${text.slice(end)}`;
  }
}
