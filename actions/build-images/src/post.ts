import { rm } from 'node:fs/promises';
import * as core from '@actions/core';
import { run } from '../../../lib/exec.js';
import { info } from '../../../lib/log.js';
import { dockerEnvironment } from './environment.js';
import { STATE_DOCKER_CONFIG, STATE_REGISTRY } from './state.js';

/**
 * Logs out and deletes the step's DOCKER_CONFIG, so no credential outlives the step. The links in it
 * to the runner's buildx, contexts and plugins go with it; what they point at stays (rm does not
 * follow symlinks).
 */
export async function post(): Promise<void> {
  const dir = core.getState(STATE_DOCKER_CONFIG);
  if (!dir) return;
  const registry = core.getState(STATE_REGISTRY);
  const logout = await run('docker', ['logout', registry], { env: dockerEnvironment(process.env, { dockerConfig: dir }) });
  if (logout.code) core.warning(`docker logout ${registry} failed: ${logout.stderr.trim()}; deleting the credentials anyway.`);
  await rm(dir, { recursive: true, force: true });
  info(`Logged out of ${registry} and deleted ${dir}`);
}
