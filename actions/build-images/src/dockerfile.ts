import { UsageError } from '../../../lib/errors.js';

/**
 * Just enough of the Dockerfile grammar to talk about a Dockerfile the way its author wrote it: which
 * line holds which instruction (to point a build failure at its line), which stages exist (to check
 * `target`), which image a `FROM` pulls (to name it when the pull fails), and the escape character
 * (to append a LABEL that parses under `# escape=\``).
 */

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, ... */
  keyword: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  args: string;
  /** 1-based line of the keyword. */
  line: number;
  /** The instruction as written on its first line, for messages. */
  text: string;
}

export interface Stage {
  /** `AS` name, lower case, when the stage has one. */
  name?: string;
  /** The image or earlier stage the stage starts from, as written (variables unexpanded). */
  from: string;
  /** 0-based index of its FROM in `instructions`. */
  index: number;
}

export interface Dockerfile {
  /** `\` unless a `# escape=` directive says otherwise. */
  escape: string;
  instructions: Instruction[];
  stages: Stage[];
  /** ARGs declared before the first FROM, with their defaults: the only ones FROM can use. */
  globalArgs: Map<string, string | undefined>;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/;

/** Parser directives sit at the very top; the first line of anything else ends them. */
function readEscape(lines: string[]): string {
  for (const line of lines) {
    const m = DIRECTIVE.exec(line);
    if (!m) break;
    if (m[1]!.toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) return m[2];
  }
  return '\\';
}

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split(/\r?\n/);
  const escape = readEscape(lines);
  const instructions: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (!first.trim() || first.trim().startsWith('#')) continue;
    const start = i;
    let joined = first;
    // A line ending in the escape character continues on the next. As in docker's parser, comment
    // lines and blank lines inside are skipped (a blank line does not end the instruction), and the
    // end of the file ends it.
    while (continues(joined, escape)) {
      joined = joined.trimEnd().slice(0, -1);
      let next = i + 1;
      while (next < lines.length && isSkippedInContinuation(lines[next]!)) next++;
      if (next >= lines.length) break;
      i = next;
      joined += ` ${lines[i]!}`;
    }
    i = skipHeredocs(joined, lines, i);
    const m = /^\s*(\S+)\s*(.*)$/.exec(joined);
    if (!m) continue;
    instructions.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start + 1, text: first.trim() });
  }
  return { escape, instructions, ...stagesOf(instructions) };
}

function continues(line: string, escape: string): boolean {
  return line.trimEnd().endsWith(escape);
}

function isSkippedInContinuation(line: string): boolean {
  return !line.trim() || line.trim().startsWith('#');
}

/** `RUN <<EOF` bodies are not instructions: skip to each terminator. */
function skipHeredocs(joined: string, lines: string[], at: number): number {
  let i = at;
  for (const m of joined.matchAll(/<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g)) {
    const strip = m[1] === '-';
    const word = m[3]!;
    i++;
    while (i < lines.length && (strip ? lines[i]!.replace(/^\t+/, '') : lines[i]) !== word) i++;
  }
  return i;
}

function stagesOf(instructions: Instruction[]): Pick<Dockerfile, 'stages' | 'globalArgs'> {
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string | undefined>();
  instructions.forEach((ins, index) => {
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const as = words.findIndex((w) => w.toLowerCase() === 'as');
      stages.push({ from: words[0] ?? '', name: as > 0 ? words[as + 1]?.toLowerCase() : undefined, index });
    } else if (ins.keyword === 'ARG' && !stages.length) {
      for (const decl of ins.args.split(/\s+/).filter(Boolean)) {
        const eq = decl.indexOf('=');
        globalArgs.set(eq < 0 ? decl : decl.slice(0, eq), eq < 0 ? undefined : unquote(decl.slice(eq + 1)));
      }
    }
  });
  return { stages, globalArgs };
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/**
 * The image a stage's FROM names once build args and global ARG defaults are applied
 * (`${BASE_IMAGE}`, `$X`, `${X:-default}`, `${X:+alt}`), or undefined when it names an earlier stage.
 */
export function resolveFrom(file: Dockerfile, stage: Stage, buildArgs: string[]): string | undefined {
  const values = new Map(file.globalArgs);
  for (const pair of buildArgs) {
    const eq = pair.indexOf('=');
    if (eq > 0 && values.has(pair.slice(0, eq))) values.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const image = expand(stage.from, values);
  const earlier = file.stages.slice(0, file.stages.indexOf(stage)).some((s) => s.name === image.toLowerCase());
  return earlier || image.toLowerCase() === 'scratch' ? undefined : image;
}

function expand(text: string, values: Map<string, string | undefined>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_all, braced?: string, op?: string, word?: string, bare?: string) => {
    const value = values.get((braced ?? bare)!) ?? '';
    if (op === '-') return value || (word ?? '');
    if (op === '+') return value ? (word ?? '') : '';
    return value;
  });
}

/** The stage holding the instruction at a 0-based index. */
export function stageAt(file: Dockerfile, index: number): Stage | undefined {
  return [...file.stages].reverse().find((s) => s.index <= index);
}

/**
 * The Dockerfile with every label in one LABEL instruction at the end, written with the file's own
 * escape character. One instruction costs the classic builder one step, where each `--label` flag
 * would cost one step (a container) each. Values are quoted and `$` escaped, so nothing expands.
 */
export function withLabels(text: string, labels: Record<string, string>): string {
  const { escape } = parseDockerfile(text);
  const quote = (v: string) => `"${v.replace(/\r?\n/g, ' ').replace(/[\\`"$]/g, (c) => (c === escape || c === '"' || c === '$' ? `${escape}${c}` : c))}"`;
  const pairs = Object.entries(labels).map(([k, v]) => `${quote(k)}=${quote(v)}`);
  return `${endLastInstruction(text, escape).replace(/\s*$/, '')}\nLABEL ${pairs.join(' ')}\n`;
}

/**
 * A file whose last instruction is still continued (`CMD ./start.sh \` on the last line, perhaps
 * followed by comments or blank lines, which do not end it) is ended where docker ends it, at the
 * end of the file: without the dangling escape character. Left in place, it would join the appended
 * LABEL to that instruction (a corrupted CMD and no labels; a failed COPY).
 */
function endLastInstruction(text: string, escape: string): string {
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && isSkippedInContinuation(lines[last]!)) last--;
  if (last < 0 || !continues(lines[last]!, escape)) return text;
  const ended = lines[last]!.trimEnd().slice(0, -1).trimEnd();
  if (continues(ended, escape)) {
    // `RUN echo \\`: docker keeps the first escape as text, and a line ending in it always continues.
    throw new UsageError(
      `The Dockerfile's line ${last + 1} ends in ${escape}${escape}: docker reads the last ${escape} as a line continuation, so no instruction can follow and build-images cannot add its labels. End that line with something other than ${escape}.`,
    );
  }
  lines[last] = ended;
  return lines.join('\n');
}
