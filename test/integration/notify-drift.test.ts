import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { GitHubApi } from '../support/github-api.mjs';
import { SlackServer } from '../support/slack.mjs';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// notify, bundled, after a drift check: deploy-stage.yml passes the drift job's `drift` output as
// notify's `drift` input, and the message says Drifted, Still drifted, Back in sync or In sync.
// Slack and the GitHub REST API are the loopback stand-ins.

let slack: SlackServer;
let github: GitHubApi;
const RUN_ID = 7002;

beforeAll(async () => {
  slack = await new SlackServer().start();
  github = await new GitHubApi().start();
  const now = Date.now();
  // the previous scheduled run passed: without the drift input a drifted run would say Passed
  github.runs = [
    { id: RUN_ID, workflow_id: 91, name: 'drift', head_branch: 'main', status: 'in_progress', conclusion: null, created_at: new Date(now - 60_000).toISOString(), run_started_at: new Date(now - 60_000).toISOString() },
    { id: 7001, workflow_id: 91, name: 'drift', head_branch: 'main', status: 'completed', conclusion: 'success', created_at: new Date(now - 86_400_000).toISOString(), run_started_at: new Date(now - 86_400_000).toISOString() },
  ];
});
afterAll(async () => {
  await slack.close();
  await github.close();
});
beforeEach(() => {
  slack.received = [];
});

function notify(inputs: Record<string, string>): Promise<RunResult> {
  return runAction({
    action: 'notify',
    node: NODE24,
    toolCache: tempDir('nd'),
    eventName: 'schedule',
    event: { schedule: '17 5 * * *' },
    env: actionEnv({
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'vscoder/microservices',
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_TOKEN: 'ghs_TOKEN',
    }),
    inputs: { 'slack-webhook-url': `${slack.url}/services/T000/B000/SECRETHOOK`, ...inputs },
  });
}

const needs = (result: string) => JSON.stringify({ drift: { result, outputs: { drifted: 'true', drift: 'drifted', 'issue-number': '101' } } });

describe('drift words in Slack and the summary', () => {
  test.each([
    ['drifted', 'success', 'Drifted', '#daa038'],
    ['drifted', 'failure', 'Drifted', '#daa038'],
    ['still-drifted', 'success', 'Still drifted', '#daa038'],
    ['back-in-sync', 'success', 'Back in sync', '#2eb886'],
    ['in-sync', 'success', 'In sync', '#2eb886'],
    ['in-sync', 'failure', 'Broken', '#a30200'],
  ])('drift %s, job %s: %s', async (drift, result, word, color) => {
    const run = await notify({ needs: needs(result), drift });
    expect(run.success).toBe(true);
    expect(run.outputs).toEqual({ result: word, sent: 'true' });
    expect(slack.received[0]!.body.text).toMatch(new RegExp(`^${word}: vscoder/microservices@main \\(0123456\\), checked by drift in 1 min \\d+ sec\\. <https://github\\.com/vscoder/microservices/actions/runs/7002\\|Details>$`));
    expect(slack.received[0]!.body.attachments[0]!.color).toBe(color);
    expect(run.summary).toContain(`### ${word}`);
  });

  test('nightly checks with on-success and on-failure: change: only Drifted and Back in sync are sent', async () => {
    const sent: string[] = [];
    for (const drift of ['in-sync', 'drifted', 'still-drifted', 'still-drifted', 'back-in-sync', 'in-sync']) {
      slack.received = [];
      const run = await notify({ needs: needs('success'), drift, 'on-success': 'change', 'on-failure': 'change' });
      if (run.outputs.sent === 'true') sent.push(slack.received[0]!.body.text.split(':')[0]!);
    }
    expect(sent).toEqual(['Drifted', 'Back in sync']);
  });

  test('a drift value notify does not know: an error naming the input and what it takes', async () => {
    const run = await notify({ needs: needs('success'), drift: 'true' });
    expect(run.success).toBe(false);
    expect(run.annotations.map((a) => a.message)).toEqual(['Input "drift" is "true": expected one of drifted, still-drifted, back-in-sync, in-sync.']);
    expect(slack.received).toEqual([]);
  });
});
