/** The result word as Travis gave it, from this run's outcome and the previous completed run's. */

export type Outcome = 'success' | 'failure' | 'cancelled';
export type Word = 'Passed' | 'Fixed' | 'Broken' | 'Failed' | 'Still Failing' | 'Canceled';
export type Setting = 'always' | 'never' | 'change';
/** What `needs.<job>.result` can be. */
export const JOB_RESULTS = ['success', 'failure', 'cancelled', 'skipped'] as const;
export type JobResult = (typeof JOB_RESULTS)[number];

/** `toJSON(needs)`: `{"build": {"result": "success", "outputs": {...}}, ...}` -> one outcome. */
export function outcomeOfJobs(needs: Record<string, { result: JobResult }>): Outcome {
  const results = Object.values(needs).map((j) => j.result);
  if (results.includes('failure')) return 'failure';
  if (results.includes('cancelled')) return 'cancelled';
  return 'success';
}

/** GitHub run conclusions: success, failure, cancelled, timed_out, action_required, neutral, skipped, ... */
export function resultWord(outcome: Outcome, previous: string | undefined): Word {
  const previousFailed = previous !== undefined && ['failure', 'timed_out', 'cancelled', 'startup_failure'].includes(previous);
  if (outcome === 'cancelled') return 'Canceled';
  if (outcome === 'success') return previousFailed ? 'Fixed' : 'Passed';
  if (previous === undefined) return 'Failed';
  return previousFailed ? 'Still Failing' : 'Broken';
}

/** Travis's `on_success` / `on_failure`: `change` sends only when the result differs from before. */
export function shouldNotify(word: Word, onSuccess: Setting, onFailure: Setting): boolean {
  const success = word === 'Passed' || word === 'Fixed';
  const setting = success ? onSuccess : onFailure;
  if (setting === 'always') return true;
  if (setting === 'never') return false;
  return word === 'Fixed' || word === 'Broken' || word === 'Failed';
}
