import { HttpClient } from '@actions/http-client';
import { ToolError } from '../../../lib/errors.js';

/** Posts to Slack. Errors never carry the webhook URL or the token: both are secrets. */
export async function postToSlack(
  target: { webhook: string } | { token: string; channel: string; apiUrl: string },
  text: string,
  color: string,
): Promise<void> {
  const client = new HttpClient('shipkit', undefined, { socketTimeout: 15_000 });
  const payload = { text, attachments: [{ color, fallback: text }] };
  if ('webhook' in target) {
    const response = await client.post(target.webhook, JSON.stringify(payload), { 'content-type': 'application/json' });
    const body = await response.readBody();
    if (response.message.statusCode !== 200) {
      throw new ToolError(`The Slack webhook answered HTTP ${response.message.statusCode} (${body.trim().slice(0, 80) || 'no body'}).`);
    }
    return;
  }
  const response = await client.post(`${target.apiUrl.replace(/\/+$/, '')}/chat.postMessage`, JSON.stringify({ ...payload, channel: target.channel }), {
    'content-type': 'application/json; charset=utf-8',
    authorization: `Bearer ${target.token}`,
  });
  const body = await response.readBody();
  let answer: { ok?: boolean; error?: string } = {};
  try {
    answer = JSON.parse(body) as typeof answer;
  } catch {
    // not JSON: reported below
  }
  if (response.message.statusCode !== 200 || !answer.ok) {
    throw new ToolError(`Slack's chat.postMessage to ${target.channel} failed: HTTP ${response.message.statusCode}, ${answer.error ?? 'no answer'}.`);
  }
}
