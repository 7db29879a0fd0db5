/** A GitHub-flavoured markdown table; cells are escaped so a `|` or newline cannot break a row. */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (value: string) => value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
