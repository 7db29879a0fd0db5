import { UsageError } from '../../../lib/errors.js';
import { getBoolean, getEnum, getList, getSecret, getString, getText, isHttpUrl } from '../../../lib/inputs.js';
import { forLog } from '../../../lib/log.js';
import { DRIFT_STATES, JOB_RESULTS, type DriftState, type JobResult, type Outcome, type Setting } from './result.js';

const SETTINGS = ['always', 'never', 'change'] as const;

/** notify's inputs, keyed as in action.yml. */
export interface Inputs {
  'slack-webhook-url': string;
  'slack-token': string;
  'slack-channel': string;
  'slack-api-url': string;
  needs: Record<string, { result: JobResult }> | undefined;
  status: Outcome | undefined;
  drift: DriftState | undefined;
  'on-success': Setting;
  'on-failure': Setting;
  'on-pull-requests': boolean;
  branches: string[];
  template: string;
  'github-token': string;
  'fail-on-error': boolean;
}

export function getInputs(): Inputs {
  const needsRaw = getText('needs');
  const needs = needsRaw ? parseNeeds(needsRaw) : undefined;
  const statusRaw = getString('status');
  const status = statusRaw ? getEnum('status', ['success', 'failure', 'cancelled'] as const, 'success') : undefined;
  if (!needs && !status) throw new UsageError('Give "needs" (`${{ toJSON(needs) }}`) or "status" (success, failure or cancelled): notify needs the result to report.');
  const inputs: Inputs = {
    'slack-webhook-url': getSecret('slack-webhook-url', 'a Slack webhook URL is one line'),
    'slack-token': getSecret('slack-token', 'a Slack token is one line'),
    'slack-channel': getString('slack-channel'),
    'slack-api-url': getString('slack-api-url') || 'https://slack.com/api',
    needs,
    status,
    drift: getString('drift') ? getEnum('drift', DRIFT_STATES, 'in-sync') : undefined,
    'on-success': getEnum('on-success', SETTINGS, 'always'),
    'on-failure': getEnum('on-failure', SETTINGS, 'always'),
    'on-pull-requests': getBoolean('on-pull-requests', true),
    branches: getList('branches'),
    template: getText('template'),
    'github-token': getSecret('github-token'),
    'fail-on-error': getBoolean('fail-on-error'),
  };
  if (inputs['slack-token'] && !inputs['slack-channel']) {
    throw new UsageError('Input "slack-token" is set but "slack-channel" is empty: chat.postMessage needs a channel (e.g. #deploys or C0123456).');
  }
  if (inputs['slack-webhook-url'] && !isHttpUrl(inputs['slack-webhook-url'])) {
    throw new UsageError('Input "slack-webhook-url" is not an http(s) URL (its value is not shown: it is a secret): give the incoming webhook URL from Slack.');
  }
  if (!isHttpUrl(inputs['slack-api-url'])) {
    throw new UsageError(`Input "slack-api-url" is ${forLog(inputs['slack-api-url'])}: expected an http(s) URL such as https://slack.com/api.`);
  }
  return inputs;
}

const NEEDS_SHAPE = `pass the expression toJSON(needs) from the job that uses notify: an object of jobs, each {"result": ${JOB_RESULTS.join(' | ')}}`;

/** `toJSON(needs)`, checked: a result nobody knows must not be read as a pass. */
export function parseNeeds(raw: string): Record<string, { result: JobResult }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UsageError(`Input "needs" is not JSON (got ${forLog(raw.slice(0, 60))}): ${NEEDS_SHAPE}.`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(`Input "needs" is ${forLog(raw.slice(0, 60))}, not an object of jobs: ${NEEDS_SHAPE}.`);
  }
  const jobs: Record<string, { result: JobResult }> = {};
  for (const [job, value] of Object.entries(parsed as Record<string, unknown>)) {
    const result = value && typeof value === 'object' ? (value as { result?: unknown }).result : undefined;
    if (typeof result !== 'string' || !(JOB_RESULTS as readonly string[]).includes(result)) {
      throw new UsageError(`Input "needs" has the job ${forLog(job)} with ${value && typeof value === 'object' ? `result ${JSON.stringify(result ?? null)}` : JSON.stringify(value)}: ${NEEDS_SHAPE}.`);
    }
    jobs[job] = { result: result as JobResult };
  }
  return jobs;
}
