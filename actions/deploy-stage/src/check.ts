import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { annotate } from '../../../lib/annotate.js';
import { code } from '../../../lib/summary.js';
import { defaultCollectionsPath, defaultRolesPath, nearestConfig } from './ansible.js';
import { ansibleLintArgs, galaxyInstallArgs, packerValidateArgs, syntaxCheckArgs } from './argv.js';
import { StageFailure } from './failure.js';
import type { Finding } from './findings.js';
import { fromTool, lineOf, parseAnsibleLint, parseAnsibleSyntax, parseGalaxyFailures, parsePackerValidate, parseTflintJson } from './lint.js';
import { checkRow, exec, notRunRows, packerWhere, record, terraformEnv, type AnsibleGroup, type Run } from './run.js';
import { initArgs, parseDiagnosticsText, parseFmtCheck, parseValidateJson, validateHasJson } from './terraform.js';
import { lastLines } from './text.js';
import { isUnder } from './workspace.js';

/** The check stage: validate and lint everything, touching no cloud state. */
export async function check(run: Run): Promise<void> {
  await checkPacker(run);
  for (const dir of run.terraformRoots) await checkTerraform(run, dir);
  for (const dir of run.terraformModules) await checkFormat(run, dir, terraformEnv(run, dir, 'check'));
  if (run.ansible) await checkAnsible(run);
  annotate(run.report.findings);
  const { failed, rows } = run.report;
  if (!failed.size) return;
  const reason = failed.has('requirements') ? 'requirements-failed' : failed.has('validate') ? 'validate-failed' : 'lint-failed';
  const what = reason === 'requirements-failed' ? 'Installing the Galaxy requirements' : reason === 'validate-failed' ? 'Validation' : 'Lint';
  const list = rows.filter((r) => r.result === 'failed').map((r) => `${r.check} in ${r.where}`);
  throw new StageFailure(reason, `${what} failed: ${list.join('; ')}. See the annotations and the log groups above.`);
}

async function checkPacker(run: Run): Promise<void> {
  for (const target of run.packer) {
    const where = packerWhere(target);
    if (!run.tools.packer) {
      notRunRows(run, ['packer validate'], where, run.tools.unavailable.packer ?? 'packer is not on PATH');
      continue;
    }
    const result = await exec(run, `packer validate ${where} (in ${target.cwd})`, run.tools.packer, packerValidateArgs(target), target.cwd);
    const found = result.code ? parsePackerValidate(`${result.stdout}\n${result.stderr}`, target.template, target.cwd, run.root) : [];
    record(run, checkRow('packer validate', where, result.code === 0, found, 'failed'), 'validate', found);
  }
}

async function checkTerraform(run: Run, dir: string): Promise<void> {
  const terraform = run.tools.terraform;
  if (!terraform) {
    notRunRows(run, ['terraform init', 'terraform validate', 'terraform fmt'], dir, run.tools.unavailable.terraform ?? 'terraform is not on PATH');
    notRunRows(run, ['tflint'], dir, run.tools.unavailable.tflint ?? 'it runs after terraform init, which did not run');
    return;
  }
  const env = terraformEnv(run, dir, 'check');
  const init = await exec(run, `terraform init -backend=false (${dir})`, terraform.path, initArgs(false, []), dir, env);
  if (init.code) {
    const found = parseDiagnosticsText(init.stderr || init.stdout, dir, 'terraform init');
    record(run, checkRow('terraform init', dir, false, found, 'init failed'), 'validate', found);
    for (const check of ['terraform validate', 'terraform fmt', 'tflint']) run.report.rows.push({ check, where: dir, result: 'not run', detail: 'init failed' });
    return;
  }
  const json = validateHasJson(terraform.version);
  const validate = await exec(run, `terraform validate (${dir})`, terraform.path, json ? ['validate', '-json', '-no-color'] : ['validate', '-no-color'], dir, env);
  let found: Finding[];
  try {
    found = json ? parseValidateJson(validate.stdout, dir) : parseDiagnosticsText(validate.stderr || validate.stdout, dir, 'terraform validate');
  } catch {
    found = parseDiagnosticsText(validate.stderr || validate.stdout, dir, 'terraform validate');
  }
  record(run, checkRow('terraform validate', dir, validate.code === 0, found, 'invalid'), 'validate', found);

  await checkFormat(run, dir, env);

  if (!run.tools.tflint) {
    // A local run says why it could not run; on a runner tflint is optional.
    const unavailable = run.tools.unavailable.tflint;
    if (unavailable) notRunRows(run, ['tflint'], dir, unavailable);
    else run.report.rows.push({ check: 'tflint', where: dir, result: 'skipped', detail: 'tflint is not on PATH (setup-tools installs it)' });
    return;
  }
  const tflint = await exec(run, `tflint (${dir})`, run.tools.tflint, ['--format', 'json'], dir, env);
  let issues: Finding[];
  try {
    issues = parseTflintJson(tflint.stdout, dir);
  } catch {
    issues = [{ tool: 'tflint', level: 'error', message: lastLines(tflint.stderr || tflint.stdout, 1) || 'tflint failed', title: 'tflint' }];
  }
  const failing = issues.some((f) => f.level === 'error' || f.level === 'warning') || (tflint.code !== 0 && tflint.code !== 2);
  record(run, checkRow('tflint', dir, !failing, issues, 'failed'), 'lint', issues);
}

/**
 * `terraform fmt -check -recursive` from a root or module folder, so the modules below it are
 * checked too. A file is reported once, in the row of the deepest checked folder that holds it: a
 * root inside another (`terraform/stage` in `terraform`) has its own row.
 */
async function checkFormat(run: Run, dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!run.tools.terraform) {
    notRunRows(run, ['terraform fmt'], dir, run.tools.unavailable.terraform ?? 'terraform is not on PATH');
    return;
  }
  const fmt = await exec(run, `terraform fmt -check -recursive (${dir})`, run.tools.terraform.path, ['fmt', '-check', '-recursive', '-list=true', '-no-color'], dir, env);
  const checked = [...run.terraformRoots, ...run.terraformModules];
  const owner = (file: string) => checked.filter((d) => isUnder(file, d)).sort((a, b) => b.length - a.length)[0];
  const unformatted = parseFmtCheck(fmt.stdout, dir).filter((f) => owner(f.file!) === dir);
  // exit 3: files to format (perhaps only in a deeper folder's row); anything else non-zero: terraform could not read a file
  const ok = fmt.code === 0 || (fmt.code === 3 && !unformatted.length);
  const found = ok || unformatted.length ? unformatted : parseDiagnosticsText(fmt.stderr || fmt.stdout, dir, 'terraform fmt');
  record(run, checkRow('terraform fmt', dir, ok, found, 'not formatted'), 'lint', found);
}

/** Galaxy requirements first (the playbooks need them), then the syntax check and ansible-lint. */
async function checkAnsible(run: Run): Promise<void> {
  const plan = run.ansible!;
  if (!plan.groups.length) {
    run.report.rows.push({ check: 'ansible', where: plan.patterns.join(', '), result: 'skipped', detail: 'no playbook matches' });
    return;
  }
  for (const group of plan.groups) run.report.ansible.push(describeGroup(group));
  const { unavailable } = run.tools;
  const galaxyMissing = Boolean(unavailable['ansible-galaxy'] && plan.requirements.length);
  if (galaxyMissing) for (const req of plan.requirements) notRunRows(run, ['ansible-galaxy install'], req.file, unavailable['ansible-galaxy']!);
  if (galaxyMissing || !(await installRequirements(run))) {
    const where = plan.patterns.join(', ');
    const why = galaxyMissing ? 'the Galaxy requirements could not be installed (ansible-galaxy is missing)' : 'ansible-galaxy install failed';
    for (const check of ['ansible-playbook --syntax-check', 'ansible-lint']) run.report.rows.push({ check, where, result: 'not run', detail: why });
    return;
  }
  for (const group of plan.groups) await checkGroup(run, group);
}

/**
 * The syntax check of each playbook of a group, then ansible-lint over them, from the group's
 * folder. A playbook that could not be read for want of the vault password (its own row says so)
 * is left out of ansible-lint, which would only fail on it again with an "internal-error".
 */
async function checkGroup(run: Run, group: AnsibleGroup): Promise<void> {
  const { unavailable } = run.tools;
  const env = ansibleEnv(run, group);
  // without an inventory input, the config's own; without either, the implicit localhost
  const inventory = run.inventory ?? (group.config?.inventory ? undefined : 'localhost,');
  const locked: string[] = [];
  for (const playbook of group.playbooks) {
    if (!run.tools.ansiblePlaybook) {
      notRunRows(run, ['ansible-playbook --syntax-check'], playbook, unavailable['ansible-playbook'] ?? 'ansible-playbook is not on PATH');
      continue;
    }
    const args = syntaxCheckArgs({ cwd: group.cwd, playbook, inventory, vaultFile: run.resources.vaultFile });
    const syntax = await exec(run, `ansible-playbook --syntax-check ${playbook}`, run.tools.ansiblePlaybook, args, group.cwd, env);
    const output = `${syntax.stdout}\n${syntax.stderr}`;
    if (syntax.code && lockedVault(run, output)) {
      locked.push(playbook);
      const found = vaultFindings(run, playbook, output);
      record(run, { ...checkRow('ansible-playbook --syntax-check', playbook, false, found, ''), detail: 'needs the vault password' }, 'validate', found);
      continue;
    }
    const found = syntax.code ? parseAnsibleSyntax(output, playbook, group.cwd, run.root) : [];
    record(run, checkRow('ansible-playbook --syntax-check', playbook, syntax.code === 0, found, 'syntax error'), 'validate', found);
  }
  const playbooks = group.playbooks.filter((p) => !locked.includes(p));
  if (locked.length) run.report.rows.push({ check: 'ansible-lint', where: locked.join(', '), result: 'not run', detail: 'needs the vault password' });
  if (!playbooks.length) return;
  if (!run.tools.ansibleLint) {
    notRunRows(run, ['ansible-lint'], playbooks.join(', '), unavailable['ansible-lint'] ?? 'ansible-lint is not on PATH');
    return;
  }
  const lint = await exec(run, `ansible-lint (${group.cwd})`, run.tools.ansibleLint, ansibleLintArgs(group.cwd, playbooks, run.ansible!.lintConfig), group.cwd, env);
  const found = parseAnsibleLint(lint.stdout, group.cwd, run.root);
  record(run, checkRow('ansible-lint', playbooks.join(', '), lint.code === 0, found, lint.code ? lastLines(lint.stderr, 1) || 'failed' : ''), 'lint', found);
}

/** A markdown line for the summary: where ansible ran and with which config. */
function describeGroup(group: AnsibleGroup): string {
  if (!group.config) return `ansible ran in ${code(group.cwd)} without an ansible.cfg (none above the playbooks): ansible's defaults.`;
  const why = group.config.source === 'input' ? 'the ansible-config input' : 'the nearest above the playbooks';
  return `ansible ran in ${code(group.cwd)} with ${code(group.config.file)} (${why}).`;
}

/**
 * ansible's environment for a group: its config named explicitly (ansible skips an ansible.cfg in a
 * world-writable folder), the Galaxy installs put in front of the config's own roles and
 * collections paths (so `roles_path = ./roles_imported:./roles` keeps working), and the vault
 * password file also for ansible-lint, which takes no option for it.
 */
export function ansibleEnv(run: Run, group: AnsibleGroup): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...run.env };
  if (group.config) env.ANSIBLE_CONFIG = join(run.root, group.config.file);
  const listed = (value: string | undefined) => value?.split(':').filter(Boolean);
  if (run.resources.galaxyRoles) {
    const own = listed(run.env.ANSIBLE_ROLES_PATH) ?? group.config?.rolesPath ?? defaultRolesPath(run.env);
    env.ANSIBLE_ROLES_PATH = [run.resources.galaxyRoles, ...own].join(':');
  }
  if (run.resources.galaxyCollections) {
    const own = listed(run.env.ANSIBLE_COLLECTIONS_PATH) ?? group.config?.collectionsPath ?? defaultCollectionsPath(run.env);
    env.ANSIBLE_COLLECTIONS_PATH = [run.resources.galaxyCollections, ...own].join(':');
  }
  if (run.resources.vaultFile) env.ANSIBLE_VAULT_PASSWORD_FILE = run.resources.vaultFile;
  else if (run.resources.vaultPlaceholder && group.config?.vaultPasswordFile && !existsSync(group.config.vaultPasswordFile)) env.ANSIBLE_VAULT_PASSWORD_FILE = run.resources.vaultPlaceholder;
  return env;
}

/** ansible failed on vaulted data while no password was given (wrong password, or none at all). */
export function lockedVault(run: Run, output: string): boolean {
  return !run.inputs['ansible-vault-password'] && /Decryption failed|no vault secrets/.test(output);
}

/**
 * The finding for a playbook that failed on vaulted data while no password was given: it names the
 * empty input (a pull request from a fork gets no secrets), where ansible says "Decryption failed".
 */
export function vaultFindings(run: Run, playbook: string, output: string): Finding[] {
  const file = /(?:Decryption failed|no vault secrets)[^\n]*? on (\S+)/.exec(output)?.[1];
  const what = file ? ` (${fromTool(file, '.', run.root)})` : '';
  return [
    {
      tool: 'ansible-playbook',
      level: 'error',
      message: `${playbook} reads vaulted data${what}, and input "ansible-vault-password" is empty, so it cannot be checked: pass the vault password as a secret (pull requests from forks get no secrets).`,
      file: playbook,
      title: 'ansible-playbook --syntax-check',
    },
  ];
}

/** `ansible-galaxy install -r` of every requirements file into the run's private folder. */
async function installRequirements(run: Run): Promise<boolean> {
  const plan = run.ansible!;
  let ok = true;
  for (const req of plan.requirements) {
    // ansible-galaxy reads the config that governs the requirements file (its Galaxy servers)
    const config = nearestConfig(run.root, req.file);
    const cwd = config ? posix.dirname(config) : run.workdir;
    const env = config ? { ...run.env, ANSIBLE_CONFIG: join(run.root, config) } : run.env;
    const file = join(run.root, req.file);
    const found: Finding[] = [];
    const notInstalled: string[] = [];
    const kinds = [
      { kind: 'role' as const, names: req.roles, into: run.resources.galaxyRoles! },
      { kind: 'collection' as const, names: req.collections, into: run.resources.galaxyCollections! },
    ];
    for (const { kind, names, into } of kinds) {
      if (!names.length) continue;
      const result = await exec(run, `ansible-galaxy ${kind} install -r ${req.file}`, run.tools.ansibleGalaxy!, galaxyInstallArgs(kind, file, into), cwd, env);
      if (!result.code) continue;
      const text = readFileSync(file, 'utf8');
      const failures = parseGalaxyFailures(`${result.stdout}\n${result.stderr}`);
      for (const f of failures.length ? failures : [{ role: names.join(', '), reason: lastLines(result.stderr || result.stdout, 1) }]) {
        notInstalled.push(f.role);
        found.push({ tool: 'ansible-galaxy', level: 'error', message: `ansible-galaxy could not install ${f.role} (${req.file}): ${f.reason}`, file: req.file, line: lineOf(text, f.role), title: 'ansible-galaxy install' });
      }
    }
    const failed = notInstalled.length > 0;
    const detail = failed ? `could not install ${notInstalled.join(', ')}` : [...req.roles, ...req.collections].join(', ');
    record(run, { check: 'ansible-galaxy install', where: req.file, result: failed ? 'failed' : 'passed', detail }, 'requirements', found);
    ok &&= !failed;
  }
  return ok;
}
