import { existsSync, rmSync } from 'node:fs';
import * as core from '@actions/core';
import { STATE_PLACED } from './state.js';

/** A safety net: if main was killed before its own clean-up, the `.example` copies still go. */
export function post(): Promise<void> {
  const placed = JSON.parse(core.getState(STATE_PLACED) || '[]') as string[];
  const left = placed.filter((path) => existsSync(path));
  for (const path of left) rmSync(path, { force: true });
  if (left.length) core.info(`Removed ${left.length} copied .example file(s) left behind: ${left.join(', ')}`);
  return Promise.resolve();
}
