import { join, posix } from 'node:path';
import { UsageError } from '../../../lib/errors.js';
import { globFiles } from '../../../lib/glob.js';
import { run, type ExecResult } from '../../../lib/exec.js';
import type { Finding } from './findings.js';
import { parseAnsibleLint, parseAnsibleSyntax, parsePackerValidate, parseTflintJson } from './lint.js';
import { initArgs, parseDiagnosticsText, parseFmtCheck, parseValidateJson, validateHasJson } from './terraform.js';
import { packerTemplates, packerVarFiles, packerWorkingDir } from './workspace.js';

export interface CheckRow {
  check: string;
  where: string;
  result: 'passed' | 'failed' | 'skipped';
  detail: string;
}

export interface Tools {
  terraform?: { path: string; version: [number, number, number] };
  tflint?: string;
  packer?: string;
  ansiblePlaybook?: string;
  ansibleLint?: string;
}

export interface CheckContext {
  workspace: string;
  roots: string[];
  packerTemplates: string[];
  packerVarFiles: string[];
  ansiblePlaybooks: string;
  ansibleInventory: string;
  tools: Tools;
  env: NodeJS.ProcessEnv;
  /** The environment for terraform in one folder (its own TF_DATA_DIR, outside the checkout). */
  envFor: (dir: string) => NodeJS.ProcessEnv;
  /** Shows a finished command and its output, grouped. */
  show: (title: string, result: ExecResult) => void;
}

export interface CheckOutcome {
  rows: CheckRow[];
  findings: Finding[];
  reason?: 'validate-failed' | 'lint-failed';
}

/** Everything `check` runs: nothing here touches cloud state. */
export async function runChecks(ctx: CheckContext): Promise<CheckOutcome> {
  const rows: CheckRow[] = [];
  const findings: Finding[] = [];
  let validateFailed = false;
  let lintFailed = false;
  const exec = async (title: string, command: string, args: string[], cwd: string, env = ctx.env) => {
    const result = await run(command, args, { cwd: join(ctx.workspace, cwd), env });
    ctx.show(title, result);
    return result;
  };
  const record = (check: string, where: string, ok: boolean, found: Finding[], kind: 'validate' | 'lint', fallback: string) => {
    findings.push(...found);
    const errors = found.filter((f) => f.level === 'error').length;
    const warnings = found.filter((f) => f.level !== 'error').length;
    rows.push({ check, where, result: ok ? 'passed' : 'failed', detail: ok ? (warnings ? `${warnings} warning(s)` : '') : errors ? `${errors} error(s)` : fallback });
    if (!ok && kind === 'validate') validateFailed = true;
    if (!ok && kind === 'lint') lintFailed = true;
  };

  const templates = packerTemplates(ctx.workspace, ctx.packerTemplates);
  if (templates.length && !ctx.tools.packer) {
    throw new UsageError(
      `packer is not on PATH, and ${templates.join(', ')} ${templates.length === 1 ? 'is a Packer template' : 'are Packer templates'}. Add \`uses: shipkit/shipkit/actions/setup-tools@v1\` before this step, or narrow "packer-templates".`,
    );
  }
  for (const template of templates) {
    const cwd = packerWorkingDir(template);
    const rel = (p: string) => posix.relative(cwd === '.' ? '' : cwd, p);
    const vars = packerVarFiles(ctx.workspace, template, ctx.packerVarFiles).map((f) => `-var-file=${rel(f)}`);
    const result = await exec(`packer validate ${template}`, ctx.tools.packer!, ['validate', ...vars, rel(template)], cwd);
    const found = result.code ? parsePackerValidate(`${result.stdout}\n${result.stderr}`, template) : [];
    record('packer validate', template, result.code === 0, found, 'validate', 'failed');
  }

  for (const dir of ctx.roots) {
    const terraform = ctx.tools.terraform!;
    const env = ctx.envFor(dir);
    const init = await exec(`terraform init -backend=false (${dir})`, terraform.path, initArgs(false, []), dir, env);
    if (init.code) {
      record('terraform init', dir, false, parseDiagnosticsText(init.stderr || init.stdout, dir, 'terraform init'), 'validate', 'init failed');
      continue;
    }
    if (validateHasJson(terraform.version)) {
      const validate = await exec(`terraform validate (${dir})`, terraform.path, ['validate', '-json', '-no-color'], dir, env);
      let found: Finding[];
      try {
        found = parseValidateJson(validate.stdout, dir);
      } catch {
        found = parseDiagnosticsText(validate.stderr || validate.stdout, dir, 'terraform validate');
      }
      record('terraform validate', dir, validate.code === 0, found, 'validate', 'invalid');
    } else {
      const validate = await exec(`terraform validate (${dir})`, terraform.path, ['validate', '-no-color'], dir, env);
      record('terraform validate', dir, validate.code === 0, parseDiagnosticsText(validate.stderr || validate.stdout, dir, 'terraform validate'), 'validate', 'invalid');
    }
    const fmt = await exec(`terraform fmt -check (${dir})`, terraform.path, ['fmt', '-check', '-list=true', '-no-color'], dir, env);
    record('terraform fmt', dir, fmt.code === 0, parseFmtCheck(fmt.stdout, dir), 'lint', 'not formatted');

    if (ctx.tools.tflint) {
      const tflint = await exec(`tflint (${dir})`, ctx.tools.tflint, ['--format', 'json'], dir, env);
      let found: Finding[];
      try {
        found = parseTflintJson(tflint.stdout, dir);
      } catch {
        found = [{ tool: 'tflint', level: 'error', message: (tflint.stderr || tflint.stdout).trim().split('\n')[0] ?? 'tflint failed', title: 'tflint' }];
      }
      const failing = found.some((f) => f.level === 'error' || f.level === 'warning') || (tflint.code !== 0 && tflint.code !== 2);
      record('tflint', dir, !failing, found, 'lint', 'failed');
    } else {
      rows.push({ check: 'tflint', where: dir, result: 'skipped', detail: 'tflint is not on PATH (setup-tools installs it)' });
    }
  }

  if (ctx.ansiblePlaybooks) {
    const playbooks = globFiles(ctx.workspace, ctx.ansiblePlaybooks);
    if (!playbooks.length) rows.push({ check: 'ansible', where: ctx.ansiblePlaybooks, result: 'skipped', detail: 'no playbook matches' });
    for (const playbook of playbooks) {
      const args = ['--syntax-check', '-i', ctx.ansibleInventory || 'localhost,', playbook];
      const syntax = await exec(`ansible-playbook --syntax-check ${playbook}`, ctx.tools.ansiblePlaybook!, args, '.');
      const found = syntax.code ? parseAnsibleSyntax(`${syntax.stdout}\n${syntax.stderr}`, playbook, ctx.workspace) : [];
      record('ansible-playbook --syntax-check', playbook, syntax.code === 0, found, 'validate', 'syntax error');
    }
    if (playbooks.length) {
      const lint = await exec('ansible-lint', ctx.tools.ansibleLint!, ['-p', '--nocolor', '--offline', ...playbooks], '.');
      const found = parseAnsibleLint(lint.stdout);
      record('ansible-lint', playbooks.join(', '), lint.code === 0, found, 'lint', lint.code ? (lint.stderr.trim().split('\n').slice(-1)[0] ?? 'failed') : '');
    }
  }

  return { rows, findings, reason: validateFailed ? 'validate-failed' : lintFailed ? 'lint-failed' : undefined };
}
