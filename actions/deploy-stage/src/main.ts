import * as core from '@actions/core';
import { check } from './check.js';
import { deploy } from './deploy.js';
import { drift } from './drift.js';
import { StageFailure } from './failure.js';
import { getInputs } from './inputs.js';
import { apply, plan } from './plan.js';
import { prepare } from './prepare.js';
import { writeChecks, writeSummary } from './report.js';
import { cleanUp, setUp, withExampleCopies } from './resources.js';
import { review } from './review.js';

/**
 * deploy-stage: prepare() checks every input before anything happens; then the stages run in
 * order, each taking the one Run object forward: check, plan, review, apply, deploy (or, for a
 * scheduled drift check, only drift). Whatever happens, the tree is put back, the private folder
 * removed, and the summary written.
 */
export async function main(): Promise<void> {
  const inputs = getInputs();
  const run = await prepare(inputs);
  try {
    setUp(run);
    if (inputs.command === 'drift') return await drift(run);
    await withExampleCopies(run, () => check(run));
    if (inputs.command === 'check') return;
    await plan(run);
    await review(run);
    if (inputs.command === 'plan') return;
    await apply(run);
    await deploy(run);
  } catch (error: unknown) {
    if (error instanceof StageFailure) core.setOutput('failure-reason', error.reason);
    throw error;
  } finally {
    cleanUp(run);
    writeChecks(run.report);
    await writeSummary(inputs, run.report);
  }
}
