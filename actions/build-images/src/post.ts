import { rm } from 'node:fs/promises';
import * as core from '@actions/core';
import { run } from '../../../lib/exec.js';
import { STATE_DOCKER_CONFIG, STATE_REGISTRY } from './state.js';

/** Logs out and deletes the step's DOCKER_CONFIG, so no credential outlives the step. */
export async function post(): Promise<void> {
  const dir = core.getState(STATE_DOCKER_CONFIG);
  if (!dir) return;
  const registry = core.getState(STATE_REGISTRY);
  const logout = await run('docker', ['logout', registry], { env: { ...process.env, DOCKER_CONFIG: dir } });
  if (logout.code) core.warning(`docker logout ${registry} failed: ${logout.stderr.trim()}; deleting the credentials anyway.`);
  await rm(dir, { recursive: true, force: true });
  core.info(`Logged out of ${registry} and deleted ${dir}`);
}
