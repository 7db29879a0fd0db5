/**
 * Readers for the runner's file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE: `name=value` or
 * `name<<DELIMITER` ... `DELIMITER`; GITHUB_PATH: one folder a line) and the stdout workflow
 * commands (`::add-mask::`, `::error file=x,line=3::text`, ...), as the GitHub runner reads them.
 */

export function parseKeyValueFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]!);
      if (i >= lines.length) throw new Error(`file command "${name}" has no closing delimiter ${delimiter}`);
      values[name!] = body.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`file command line "${line}" is neither name=value nor name<<DELIMITER`);
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}

export function parsePathFile(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export interface WorkflowCommand {
  /** Lower case: the runner matches command names case-insensitively. */
  command: string;
  /** Keys lower case, as the runner's case-insensitive property table reads them. */
  properties: Record<string, string>;
  message: string;
}

/** The commands GitHub's runner registers; any other `::name::` is plain text. */
export const COMMANDS: ReadonlySet<string> = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);

function unescapeData(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%25/g, '%');
}

function unescapeLegacy(s: string): string {
  return s.replace(/%3B/gi, ';').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%5D/gi, ']').replace(/%25/g, '%');
}

function properties(text: string, separator: string, unescape: (s: string) => string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const pair of text.split(separator)) {
    const eq = pair.indexOf('=');
    if (eq > 0 && eq < pair.length - 1) found[pair.slice(0, eq).toLowerCase()] = unescape(pair.slice(eq + 1));
  }
  return found;
}

/**
 * A line as GitHub's runner reads it (actions/runner ActionCommand): `::name props::data` after any
 * leading white space, else the legacy `##[name props]data` anywhere in the line. Only registered
 * names count, and `extra` (the token that ends a stop-commands block).
 */
export function parseWorkflowCommand(line: string, extra?: string): WorkflowCommand | undefined {
  const known = (name: string) => COMMANDS.has(name.toLowerCase()) || (extra !== undefined && extra !== '' && name.toLowerCase() === extra.toLowerCase());
  const trimmed = line.trimStart();
  if (trimmed.startsWith('::')) {
    const end = trimmed.indexOf('::', 2);
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      const name = space < 0 ? info : info.slice(0, space);
      if (known(name)) {
        return { command: name.toLowerCase(), properties: space < 0 ? {} : properties(info.slice(space + 1).trim(), ',', unescapeProperty), message: unescapeData(trimmed.slice(end + 2)) };
      }
    }
  }
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = line.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = line.slice(prefix + 3, close);
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  if (!known(name)) return undefined;
  return { command: name.toLowerCase(), properties: space < 0 ? {} : properties(info.slice(space + 1), ';', unescapeLegacy), message: unescapeLegacy(line.slice(close + 1)) };
}
