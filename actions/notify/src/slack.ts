import { ToolError } from '../../../lib/errors.js';
import type { RequestSpec } from '../../../lib/http.js';

export type SlackTarget = { webhook: string } | { token: string; channel: string; apiUrl: string };

export interface SlackOptions {
  retryDelays?: readonly number[];
  log?: (line: string) => void;
}

/**
 * Posts to Slack through the kit's HTTP layer. Errors never carry the webhook URL or the token:
 * both are secrets, so the layer names the request by a label, never by its URL.
 *
 * Posting is not idempotent: a retry after Slack saw the request (a 5xx, a reset mid-answer) could
 * post the message twice, so it is sent again only when Slack cannot have seen it: no connection,
 * or a 429 (Slack rate-limits before posting and says when to come back in Retry-After).
 */
export async function postToSlack(target: SlackTarget, text: string, color: string, options: SlackOptions = {}): Promise<void> {
  const { Http } = await import('../../../lib/http.js');
  const http = new Http({ ...options, hint: 'Slack or the network is having trouble.' });
  const payload = { text, attachments: [{ color, fallback: text }] };
  const post = (spec: Omit<RequestSpec, 'method' | 'retry'>) => http.request({ ...spec, method: 'POST', retry: 'unsent' });

  if ('webhook' in target) {
    const response = await post({
      url: target.webhook,
      label: 'the Slack webhook',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    if (response.status !== 200) {
      throw new ToolError(`The Slack webhook answered HTTP ${response.status} (${brief(response.body.toString('utf8')) || 'no body'}).`);
    }
    return;
  }
  const response = await post({
    url: `${target.apiUrl.replace(/\/+$/, '')}/chat.postMessage`,
    label: "Slack's chat.postMessage",
    headers: { 'content-type': 'application/json; charset=utf-8' },
    auth: `Bearer ${target.token}`,
    body: JSON.stringify({ ...payload, channel: target.channel }),
  });
  let answer: { ok?: boolean; error?: string } = {};
  try {
    answer = JSON.parse(response.body.toString('utf8')) as typeof answer;
  } catch {
    // not JSON: reported below
  }
  if (response.status !== 200 || !answer.ok) {
    throw new ToolError(`Slack's chat.postMessage to ${target.channel} failed: HTTP ${response.status}, ${answer.error ? brief(answer.error) : 'no answer'}.`);
  }
}

function brief(text: string): string {
  return text.trim().replace(/\s+/g, ' ').slice(0, 80);
}
