import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import * as core from '@actions/core';
import { info } from '../../../lib/log.js';
import { providerCache } from './providers.js';
import type { Run } from './run.js';
import { STATE_PLACED, STATE_PRIVATE } from './state.js';
import { placeExampleFiles, removePlaced, restoreLockFiles, snapshotLockFiles } from './workspace.js';

/**
 * What a run sets up and takes down again. Secrets live only in the run's private folder under
 * RUNNER_TEMP (0700, files 0600); its path is saved for the post step, which removes it when main
 * was killed before its own clean-up. The working tree ends exactly as it was found.
 */
export function setUp(run: Run): void {
  const dir = mkdtempSync(join(run.temp, 'shipkit-deploy-'));
  chmodSync(dir, 0o700);
  run.resources.dir = dir;
  core.saveState(STATE_PRIVATE, dir);
  for (const sub of ['secrets', 'terraform', 'plan']) mkdirSync(join(dir, sub), { mode: 0o700 });
  if (run.inputs['ansible-vault-password']) {
    run.resources.vaultFile = join(dir, 'secrets', 'vault-password');
    writeFileSync(run.resources.vaultFile, `${run.inputs['ansible-vault-password']}\n`, { mode: 0o600, flag: 'wx' });
  } else {
    placeholderVault(run, dir);
  }
  const requirements = run.ansible?.requirements ?? [];
  if (requirements.some((r) => r.roles.length)) run.resources.galaxyRoles = mkdirIn(dir, 'galaxy/roles');
  if (requirements.some((r) => r.collections.length)) run.resources.galaxyCollections = mkdirIn(dir, 'galaxy/collections');

  if (run.inputs['terraform-vars'] && run.envDir) {
    // terraform takes a .tfvars.json by its name
    const json = run.inputs['terraform-vars'].trimStart().startsWith('{');
    run.resources.varFile = join(dir, 'secrets', json ? 'terraform-vars.tfvars.json' : 'terraform-vars.tfvars');
    writeFileSync(run.resources.varFile, `${run.inputs['terraform-vars'].replace(/\r\n/g, '\n').trimEnd()}\n`, { mode: 0o600, flag: 'wx' });
  }
  const roots = [...new Set([...run.terraformRoots, ...(run.envDir ? [run.envDir] : [])])];
  run.resources.lockFiles = snapshotLockFiles(run.root, roots);
  if (run.tools.terraform && roots.length) {
    const cache = providerCache(run.inputs['provider-cache'], run.env, run.tools.terraform.version);
    if (cache.dir) {
      mkdirSync(cache.dir, { recursive: true }); // terraform refuses a cache folder that does not exist
      run.providerCache = cache.dir;
    }
    info(cache.note);
  }
  core.saveState(STATE_PLACED, '[]');
}

/**
 * The `.example` copies (the seed's "fake variables"), for the checks only: made before them,
 * removed after them. They hold placeholders, and a copied terraform.tfvars would outrank the
 * TF_VAR_* values the workflow passes, so a plan, an apply or a drift check never sees one.
 */
export async function withExampleCopies(run: Run, checks: () => Promise<void>): Promise<void> {
  for (const warning of run.examples.skipped) core.warning(warning);
  const absolute = (placed: string[]) => JSON.stringify(placed.map((p) => join(run.root, p)));
  run.resources.placed = placeExampleFiles(run.root, run.examples, (placed) => core.saveState(STATE_PLACED, absolute(placed)));
  if (run.resources.placed.length) info(`Copied into place for the checks (removed after them): ${run.resources.placed.join(', ')}`);
  try {
    await checks();
  } finally {
    removePlaced(run.root, run.resources.placed);
    run.resources.placed = [];
    core.saveState(STATE_PLACED, '[]');
  }
}

/** Variables files terraform reads by name from the folder it runs in. */
const AUTO_VARS = /^(terraform\.tfvars(\.json)?|.+\.auto\.tfvars(\.json)?)$/;

/**
 * For plan, apply and drift: the placeholders of the environment's folder that the run leaves out,
 * said once (a plan that needs them fails on a variable without a value, which is the point).
 */
export function skippedExamples(run: Run): string | undefined {
  const dir = run.envDir;
  if (!dir) return undefined;
  const left = run.examples.copies.filter((c) => posix.dirname(c.target) === dir && AUTO_VARS.test(posix.basename(c.target))).map((c) => c.source);
  if (!left.length) return undefined;
  return `Not used for the ${run.inputs.command}: ${left.join(', ')} (.example files hold placeholders, copied only for the checks). The environment's variables come from terraform-vars, TF_VAR_* and the repository's own .tfvars files.`;
}

/**
 * What the seed's CI did with its fake vault key: when a config names a vault_password_file the
 * checkout does not have (git-ignored) and no password was given (pull requests from forks get no
 * secrets), a random password stands in, so the playbooks that read no vaulted data are checked;
 * one that does fails to decrypt, and the check says the input is empty.
 */
function placeholderVault(run: Run, dir: string): void {
  if (run.env.ANSIBLE_VAULT_PASSWORD_FILE) return; // the step's own setting wins, as it does for ansible
  const configs = [...(run.ansible?.groups ?? []), ...(run.deploy?.kind === 'ansible' ? [run.deploy.group] : [])].map((g) => g.config);
  const missing = [...new Set(configs.filter((c) => c?.vaultPasswordFile && !existsSync(c.vaultPasswordFile)).map((c) => c!.file))];
  if (!missing.length) return;
  run.resources.vaultPlaceholder = join(dir, 'secrets', 'vault-placeholder');
  writeFileSync(run.resources.vaultPlaceholder, `shipkit-placeholder-${randomBytes(16).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  const note = `${missing.join(', ')} name${missing.length === 1 ? 's' : ''} a vault_password_file that is not in the checkout, and "ansible-vault-password" is empty: a placeholder password stands in, so playbooks that read no vaulted data are checked, and those that do fail naming the input.`;
  info(note);
  run.report.notes.push(note);
}

function mkdirIn(dir: string, sub: string): string {
  const path = join(dir, sub);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return path;
}

/** Puts the tree back and removes the private folder; with keep-plan, the plan is moved out first. */
export function cleanUp(run: Run): void {
  removePlaced(run.root, run.resources.placed);
  if (run.resources.lockFiles) restoreLockFiles(run.resources.lockFiles);
  const { dir, planFile } = run.resources;
  if (!dir) return;
  if (run.inputs['keep-plan'] && planFile && existsSync(planFile)) {
    const kept = join(run.temp, `shipkit-${run.inputs.environment}.tfplan`);
    rmSync(kept, { force: true });
    chmodSync(planFile, 0o600);
    renameSync(planFile, kept);
    core.setOutput('plan-path', kept);
    info(`Kept the saved plan at ${kept} (keep-plan): it holds the backend configuration and every value of terraform-vars in clear, so treat it as a secret.`);
  }
  rmSync(dir, { recursive: true, force: true });
}
