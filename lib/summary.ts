/**
 * Text for GitHub markdown (step summaries, PR and issue comments). Values from outside (names,
 * commit subjects, tool messages) go through `md` or `code`, so they cannot open HTML, links,
 * mentions or formatting; the kit's own markup is written around them.
 */

/**
 * Escapes a value for inline markdown: HTML, emphasis, links and images (no `[` can open one), code,
 * tables, `@mentions` and `#refs`. Parentheses and the like stay as written: without a `[` before
 * them they are plain text, and a terminal shows the summary as it is.
 */
export function md(value: string): string {
  return value
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/@/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

/** A value as an inline code span, whatever backticks it holds. */
export function code(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

/** A fenced code block that the text cannot close early. */
export function codeBlock(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/** A GitHub-flavoured markdown table; cells are escaped so a `|` or newline cannot break a row.
 * Cells are markdown: pass outside values through `md` or `code` first. */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (value: string) => value.replace(/(?<!\\)\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
