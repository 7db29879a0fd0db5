/**
 * A mistake the user can fix in their workflow file or repository: a bad input value, a missing
 * file, a version that does not exist. Its message is the whole story (input, value, what is
 * accepted) and is shown without a stack trace.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The outside world said no: a download that does not exist, a checksum that does not match. */
export class ToolError extends Error {
  override name = 'ToolError';
}

/** Text for anything thrown, including non-Error values (a thrown string must still fail the step). */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** True when the error is one we wrote for the user, as opposed to a bug in the kit. */
export function isExpected(error: unknown): boolean {
  return error instanceof UsageError || error instanceof ToolError;
}
