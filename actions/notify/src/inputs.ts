import { UsageError } from '../../../lib/errors.js';
import { getBoolean, getEnum, getList, getString, getText } from '../../../lib/inputs.js';
import type { Outcome, Setting } from './result.js';

const SETTINGS = ['always', 'never', 'change'] as const;

/** notify's inputs, keyed as in action.yml. */
export interface Inputs {
  'slack-webhook-url': string;
  'slack-token': string;
  'slack-channel': string;
  'slack-api-url': string;
  needs: Record<string, { result?: string }> | undefined;
  status: Outcome | undefined;
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
  let needs: Inputs['needs'];
  if (needsRaw) {
    try {
      needs = JSON.parse(needsRaw) as Inputs['needs'];
    } catch {
      throw new UsageError(`Input "needs" is not JSON (got "${needsRaw.slice(0, 40)}"): pass \${{ toJSON(needs) }}.`);
    }
  }
  const statusRaw = getString('status');
  const status = statusRaw ? getEnum('status', ['success', 'failure', 'cancelled'] as const, 'success') : undefined;
  if (!needs && !status) throw new UsageError('Give "needs" (`${{ toJSON(needs) }}`) or "status" (success, failure or cancelled): notify needs the result to report.');
  const inputs: Inputs = {
    'slack-webhook-url': getString('slack-webhook-url'),
    'slack-token': getString('slack-token'),
    'slack-channel': getString('slack-channel'),
    'slack-api-url': getString('slack-api-url') || 'https://slack.com/api',
    needs,
    status,
    'on-success': getEnum('on-success', SETTINGS, 'always'),
    'on-failure': getEnum('on-failure', SETTINGS, 'always'),
    'on-pull-requests': getBoolean('on-pull-requests', true),
    branches: getList('branches'),
    template: getText('template'),
    'github-token': getString('github-token'),
    'fail-on-error': getBoolean('fail-on-error'),
  };
  if (inputs['slack-token'] && !inputs['slack-channel']) {
    throw new UsageError('Input "slack-token" is set but "slack-channel" is empty: chat.postMessage needs a channel (e.g. #deploys or C0123456).');
  }
  if (inputs['slack-webhook-url'] && !/^https?:\/\//.test(inputs['slack-webhook-url'])) {
    throw new UsageError('Input "slack-webhook-url" is not an http(s) URL: give the incoming webhook URL from Slack (kept secret).');
  }
  return inputs;
}
