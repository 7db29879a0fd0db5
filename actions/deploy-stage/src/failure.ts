import { ToolError } from '../../../lib/errors.js';

export const FAILURE_REASONS = ['requirements-failed', 'validate-failed', 'lint-failed', 'plan-failed', 'plan-changed', 'state-locked', 'apply-failed', 'deploy-failed', 'drifted'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** A failed stage, with the machine-readable reason a workflow can branch on. */
export class StageFailure extends ToolError {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
  }
}
