/**
 * Tool output on its way to a message: colour codes and terraform's diagnostic frame (`╷ │ ╵`)
 * removed, and lines that a tool wrapped at its column limit joined again, so an annotation holds
 * the whole cause (packer cuts `... is invalid: stat` from `<path>: no such file or directory`).
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
const FRAME = /^[╷│╵] ?/;

/** Without colour codes, carriage returns and terraform's frame characters at line starts. */
export function cleanText(text: string): string {
  return text
    .replace(ANSI, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(FRAME, ''))
    .join('\n');
}

/**
 * Joins a paragraph that a tool wrapped: every line up to the next blank line or the next line
 * that `starts` says begins a new item. The wrap replaced a space, so lines are joined with one.
 */
export function unwrap(lines: string[], from: number, starts: (line: string) => boolean): { text: string; next: number } {
  const parts = [lines[from]!.trim()];
  let i = from + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || starts(line)) break;
    parts.push(line.trim());
  }
  return { text: parts.join(' '), next: i };
}

/** The last non-empty lines of a tool's output, cleaned, for a message that fits an annotation. */
export function lastLines(text: string, lines = 12): string {
  return cleanText(text)
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .join('\n');
}
