import { posix } from 'node:path';
import type { Finding } from './findings.js';

/** tflint, ansible and packer output parsing, pure. */

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

/** `ansible-lint -p`: `playbooks/app.yml:5: rule-id: message` */
export function parseAnsibleLint(stdout: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(.+?):(\d+)(?::\d+)?: ([\w[\]-]+): (.*)$/.exec(line.trim());
    if (m) findings.push({ tool: 'ansible-lint', level: 'error', message: `${m[4]} (${m[3]})`, file: m[1], line: Number(m[2]), title: `ansible-lint ${m[3]}` });
  }
  return findings;
}

/** `ansible-playbook --syntax-check` errors: `ERROR! ...` and, when known, `The error appears to be in 'x.yml': line 4`. */
export function parseAnsibleSyntax(output: string, playbook: string, workspace: string): Finding[] {
  const error = /ERROR! (.*)/.exec(output);
  if (!error) return [];
  const where = /The error appears to be in '([^']+)': line (\d+)/.exec(output);
  const file = where ? posix.relative(workspace.replace(/\\/g, '/'), where[1]!.replace(/\\/g, '/')) || where[1] : playbook;
  return [{ tool: 'ansible-playbook', level: 'error', message: error[1]!.trim(), file, line: where ? Number(where[2]) : undefined, title: 'ansible-playbook --syntax-check' }];
}

/** packer validate errors; HCL templates name their line (`on x.pkr.hcl line 3`), JSON ones do not. */
export function parsePackerValidate(output: string, template: string): Finding[] {
  const text = output.replace(/\r/g, '');
  const findings: Finding[] = [];
  const hcl = [...text.matchAll(/Error: (.+)\n\n\s*on (\S+) line (\d+)/g)];
  for (const m of hcl) {
    findings.push({ tool: 'packer', level: 'error', message: m[1]!.trim(), file: template, line: Number(m[3]), title: 'packer validate' });
  }
  if (!findings.length) {
    const bullets = [...text.matchAll(/^\s*\* (.+)$/gm)].map((m) => m[1]!.trim());
    const errors = bullets.length ? bullets : [...text.matchAll(/^Error: (.+)$/gm)].map((m) => m[1]!.trim());
    for (const message of errors.length ? errors : [text.trim().split('\n').slice(-1)[0] ?? 'packer validate failed']) {
      findings.push({ tool: 'packer', level: 'error', message, file: template, title: 'packer validate' });
    }
  }
  return findings;
}
