import * as core from '@actions/core';
import { isExpected, messageOf } from './errors.js';

/**
 * The one place an action meets the runner's failure handling: anything thrown (not only Errors)
 * fails the step with a message a user can act on. Unexpected errors also print their stack, so a
 * bug report has it, but the message is never only a stack trace.
 */
export async function runStep(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error: unknown) {
    if (!isExpected(error) && error instanceof Error && error.stack) {
      core.info(`shipkit internal error, please report it with this trace:\n${error.stack}`);
    }
    core.setFailed(messageOf(error));
  }
}
