import { isAbsolute, posix, relative, sep } from 'node:path';
import type { Finding } from './findings.js';
import { cleanText, unwrap } from './text.js';

/**
 * tflint, ansible and packer output parsing, pure. Every file in a finding is made relative to the
 * repository root (`root`, absolute): tools print paths relative to the folder they ran in (`cwd`,
 * relative to the root) or absolute.
 */

/** A path a tool printed, relative to the repository root. */
export function fromTool(path: string, cwd: string, root: string): string {
  if (isAbsolute(path)) return relative(root, path).split(sep).join('/');
  return posix.normalize(posix.join(cwd, path.replace(/\\/g, '/')));
}

interface TflintIssue {
  rule?: { name?: string; severity?: string };
  message?: string;
  range?: { filename?: string; start?: { line?: number; column?: number } };
}

/**
 * `tflint --format json`: `{"issues": [...], "errors": [...]}`; versions before the issues/errors
 * split printed a bare list of `{"type","message","line","file","detector"}`.
 */
export function parseTflintJson(stdout: string, dir: string): Finding[] {
  const parsed = JSON.parse(stdout || '{}') as unknown;
  const level = (severity = '') => {
    const s = severity.toLowerCase();
    return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice';
  };
  if (Array.isArray(parsed)) {
    return (parsed as { type?: string; message?: string; line?: number; file?: string; detector?: string }[]).map((i) => ({
      tool: 'tflint',
      level: level(i.type),
      message: i.detector ? `${i.message ?? ''} (${i.detector})` : (i.message ?? ''),
      file: i.file ? posix.join(dir, i.file) : undefined,
      line: i.line,
      title: `tflint ${i.detector ?? ''}`.trim(),
    }));
  }
  const { issues = [], errors = [] } = parsed as { issues?: TflintIssue[]; errors?: { message?: string; range?: TflintIssue['range'] }[] };
  return [
    ...issues.map((i): Finding => ({
      tool: 'tflint',
      level: level(i.rule?.severity),
      message: `${i.message ?? ''} (${i.rule?.name ?? 'tflint'})`,
      file: i.range?.filename ? posix.join(dir, i.range.filename) : undefined,
      line: i.range?.start?.line,
      column: i.range?.start?.column,
      title: `tflint ${i.rule?.name ?? ''}`.trim(),
    })),
    ...errors.map((e): Finding => ({
      tool: 'tflint',
      level: 'error',
      message: e.message ?? 'tflint failed',
      file: e.range?.filename ? posix.join(dir, e.range.filename) : undefined,
      line: e.range?.start?.line,
      title: 'tflint',
    })),
  ];
}

/** `ansible-lint -p`, run in `cwd`: `roles/app/tasks/main.yml:5: rule-id: message` */
export function parseAnsibleLint(stdout: string, cwd: string, root: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of cleanText(stdout).split('\n')) {
    const m = /^(.+?):(\d+)(?::\d+)?: ([\w[\]-]+): (.*)$/.exec(line.trim());
    if (m) findings.push({ tool: 'ansible-lint', level: 'error', message: `${m[4]} (${m[3]})`, file: fromTool(m[1]!, cwd, root), line: Number(m[2]), title: `ansible-lint ${m[3]}` });
  }
  return findings;
}

/**
 * `ansible-playbook --syntax-check` errors: `ERROR! ...` (its first paragraph) and, when known,
 * `The error appears to be in '/abs/x.yml': line 4`. `playbook` is repository-relative.
 */
export function parseAnsibleSyntax(output: string, playbook: string, cwd: string, root: string): Finding[] {
  const lines = cleanText(output).split('\n');
  const at = lines.findIndex((l) => l.startsWith('ERROR! '));
  if (at < 0) return [];
  const message = unwrap(lines, at, () => false).text.slice('ERROR! '.length);
  const where = /The error appears to be in '([^']+)': line (\d+)/.exec(lines.join('\n'));
  return [
    {
      tool: 'ansible-playbook',
      level: 'error',
      message,
      file: where ? fromTool(where[1]!, cwd, root) : playbook,
      line: where ? Number(where[2]) : undefined,
      title: 'ansible-playbook --syntax-check',
    },
  ];
}

/**
 * packer validate errors. JSON templates list them as `* ...` bullets that packer wraps at 80
 * columns (joined again here); HCL ones name their file and line (`on x.pkr.hcl line 3`), relative
 * to the folder packer ran in (`cwd`).
 */
export function parsePackerValidate(output: string, template: string, cwd = '.', root = ''): Finding[] {
  const text = cleanText(output);
  const lines = text.split('\n');
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^Error: (.+)$/.exec(lines[i]!);
    const on = head ? /^\s*on (\S+) line (\d+)/.exec(lines[i + 2] ?? '') : null;
    if (!head || !on) continue;
    // after `on ...` come source lines, a blank line, then the detail paragraph
    let j = i + 3;
    while (j < lines.length && lines[j]!.trim()) j++;
    const detail = j + 1 < lines.length && lines[j + 1]!.trim() && !lines[j + 1]!.startsWith('Error: ') ? unwrap(lines, j + 1, (l) => l.startsWith('Error: ')).text : '';
    findings.push({
      tool: 'packer',
      level: 'error',
      message: detail ? `${head[1]!.trim()}: ${detail}` : head[1]!.trim(),
      file: root ? fromTool(on[1]!, cwd, root) : template,
      line: Number(on[2]),
      title: 'packer validate',
    });
  }
  if (findings.length) return findings;
  const bullets: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\* /.test(lines[i]!)) continue;
    const item = unwrap(lines, i, (l) => /^\s*\* /.test(l));
    bullets.push(item.text.replace(/^\* /, ''));
    i = item.next - 1;
  }
  const errors = bullets.length ? bullets : [...text.matchAll(/^Error: (.+)$/gm)].map((m) => m[1]!.trim());
  for (const message of errors.length ? errors : [text.trim().split('\n').slice(-1)[0] || 'packer validate failed']) {
    findings.push({ tool: 'packer', level: 'error', message, file: template, title: 'packer validate' });
  }
  return findings;
}

export interface GalaxyFailure {
  role: string;
  reason: string;
}

/**
 * Why `ansible-galaxy role install -r` failed, per role. It prints (wrapped at 80 columns):
 *    [ERROR]: failed to download the file: <urlopen error [Errno 111] Connection
 *   refused>
 *   [WARNING]: - geerlingguy.docker was NOT installed successfully.
 * or the reason after "successfully:" when it asked a Galaxy server.
 */
export function parseGalaxyFailures(output: string): GalaxyFailure[] {
  const lines = cleanText(output).split('\n');
  const starts = (l: string) => /^\s*\[(ERROR|WARNING)\]:|^ERROR!|^- |^Starting /.test(l);
  const failures: GalaxyFailure[] = [];
  let lastError = '';
  for (let i = 0; i < lines.length; i++) {
    const tag = /^\s*\[(ERROR|WARNING)\]: (.*)$/.exec(lines[i]!);
    if (!tag) continue;
    const block = unwrap(lines, i, starts);
    i = block.next - 1;
    const text = block.text.replace(/^\[(ERROR|WARNING)\]: /, '');
    const failed = /^- (\S+) was NOT installed successfully(?::\s*(.*?))?\.?$/.exec(text);
    if (failed) failures.push({ role: failed[1]!, reason: failed[2] || lastError || 'ansible-galaxy did not say why' });
    else if (tag[1] === 'ERROR') lastError = text;
  }
  return failures;
}

/** The 1-based line of a requirements file that names `role`, for the annotation. */
export function lineOf(text: string, role: string): number | undefined {
  const escaped = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[\\s:'"-])${escaped}(['"\\s,]|$)`);
  const index = text.split('\n').findIndex((line) => re.test(line));
  return index < 0 ? undefined : index + 1;
}
