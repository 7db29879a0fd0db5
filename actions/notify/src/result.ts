/** The result word as Travis gave it, from this run's outcome and the previous completed run's. */

export type Outcome = 'success' | 'failure' | 'cancelled';
export type DriftWord = 'Drifted' | 'Still drifted' | 'Back in sync' | 'In sync';
export type Word = 'Passed' | 'Fixed' | 'Broken' | 'Failed' | 'Still Failing' | 'Canceled' | DriftWord;
/** deploy-stage's `drift` output (command: drift): what happened to the environment's drift issue. */
export const DRIFT_STATES = ['drifted', 'still-drifted', 'back-in-sync', 'in-sync'] as const;
export type DriftState = (typeof DRIFT_STATES)[number];
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

const DRIFT_WORDS: Record<DriftState, DriftWord> = { drifted: 'Drifted', 'still-drifted': 'Still drifted', 'back-in-sync': 'Back in sync', 'in-sync': 'In sync' };

/**
 * The word for a drift check, which says more than the job's result: Drifted and Still drifted
 * even when the job failed for it (fail-on-drift). A cancelled run stays Canceled, and a failure
 * with no drift found (the plan could not run) keeps the failure words.
 */
export function driftWord(state: DriftState, outcome: Outcome): DriftWord | undefined {
  if (outcome === 'cancelled') return undefined;
  if (outcome === 'failure' && (state === 'in-sync' || state === 'back-in-sync')) return undefined;
  return DRIFT_WORDS[state];
}

/** Good news: governed by on-success (the others by on-failure). */
export function isSuccess(word: Word): boolean {
  return word === 'Passed' || word === 'Fixed' || word === 'Back in sync' || word === 'In sync';
}

/** Travis's `on_success` / `on_failure`: `change` sends only when the result differs from before. */
export function shouldNotify(word: Word, onSuccess: Setting, onFailure: Setting): boolean {
  const setting = isSuccess(word) ? onSuccess : onFailure;
  if (setting === 'always') return true;
  if (setting === 'never') return false;
  return word === 'Fixed' || word === 'Broken' || word === 'Failed' || word === 'Drifted' || word === 'Back in sync';
}

/** The Slack attachment's colour bar: green, orange for drift, grey, red. */
export function colorOf(word: Word): string {
  if (isSuccess(word)) return '#2eb886';
  if (word === 'Drifted' || word === 'Still drifted') return '#daa038';
  return word === 'Canceled' ? '#9e9e9e' : '#a30200';
}
