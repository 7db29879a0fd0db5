import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  }
  const requirements = run.ansible?.requirements ?? [];
  if (requirements.some((r) => r.roles.length)) run.resources.galaxyRoles = mkdirIn(dir, 'galaxy/roles');
  if (requirements.some((r) => r.collections.length)) run.resources.galaxyCollections = mkdirIn(dir, 'galaxy/collections');

  for (const warning of run.examples.skipped) core.warning(warning);
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
  const absolute = (placed: string[]) => JSON.stringify(placed.map((p) => join(run.root, p)));
  core.saveState(STATE_PLACED, '[]');
  run.resources.placed = placeExampleFiles(run.root, run.examples, (placed) => core.saveState(STATE_PLACED, absolute(placed)));
  if (run.resources.placed.length) info(`Copied into place for this run (removed afterwards): ${run.resources.placed.join(', ')}`);
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
    info(`Kept the saved plan at ${kept} (keep-plan): it holds the backend configuration, so treat it as a secret.`);
  }
  rmSync(dir, { recursive: true, force: true });
}
