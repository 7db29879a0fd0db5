import { existsSync, lstatSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import * as core from '@actions/core';
import { info } from '../../../lib/log.js';
import { STATE_PLACED, STATE_PRIVATE } from './state.js';

/**
 * A safety net for a main step that was killed before its own clean-up: the `.example` copies and
 * the run's private folder (vault password, backend config, terraform data, plan) still go.
 */
export function post(): Promise<void> {
  const placed = JSON.parse(core.getState(STATE_PLACED) || '[]') as string[];
  const left = placed.filter((path) => exists(path));
  for (const path of left) rmSync(path, { force: true });
  if (left.length) info(`Removed ${left.length} copied .example file(s) left behind: ${left.join(', ')}`);
  const dir = core.getState(STATE_PRIVATE);
  // only the folder main made: a shipkit-deploy-* folder directly in RUNNER_TEMP
  if (dir && basename(dir).startsWith('shipkit-deploy-') && dirname(dir) === resolve(process.env.RUNNER_TEMP ?? dirname(dir)) && existsSync(dir)) {
    rmSync(dir, { recursive: true, force: true });
    info(`Removed the run's private folder left behind: ${dir}`);
  }
  return Promise.resolve();
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
