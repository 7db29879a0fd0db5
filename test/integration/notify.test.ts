import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { GitHubApi } from '../support/github-api.mjs';
import { SlackServer } from '../support/slack.mjs';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// notify, bundled, through the local runner, against loopback stand-ins for Slack (webhook and
// chat.postMessage) and the GitHub REST API (this run, and the previous run of the workflow).

let slack: SlackServer;
let github: GitHubApi;
const RUN_ID = 5002;
const hook = () => `${slack.url}/services/T000/B000/SECRETHOOK`;

beforeAll(async () => {
  slack = await new SlackServer().start();
  github = await new GitHubApi().start();
});
afterAll(async () => {
  await slack.close();
  await github.close();
});

/** The previous completed run on main concluded `previous` (or there is none). */
function history(previous: string | undefined): void {
  const now = Date.now();
  github.runs = [
    { id: RUN_ID, workflow_id: 77, name: 'ci', head_branch: 'main', status: 'in_progress', conclusion: null, created_at: new Date(now - 95_000).toISOString(), run_started_at: new Date(now - 95_000).toISOString() },
    ...(previous ? [{ id: 5001, workflow_id: 77, name: 'ci', head_branch: 'main', status: 'completed', conclusion: previous, created_at: new Date(now - 3_600_000).toISOString(), run_started_at: new Date(now - 3_600_000).toISOString() }] : []),
  ];
}

function notify(inputs: Record<string, string>, eventName = 'push', event: object = {}): Promise<RunResult> {
  return runAction({
    action: 'notify',
    node: NODE24,
    toolCache: tempDir('n'),
    eventName,
    event: {
      compare: 'https://github.com/vscoder/microservices/compare/aaa...bbb',
      head_commit: { message: 'Fix the ui healthcheck\n\nlonger body', author: { name: 'Alice' } },
      ...event,
    },
    env: actionEnv({
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'vscoder/microservices',
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REF_NAME: 'main',
      GITHUB_TOKEN: 'ghs_TOKEN',
    }),
    inputs: { 'slack-webhook-url': hook(), ...inputs },
  });
}

const ok = JSON.stringify({ build: { result: 'success' }, checks: { result: 'success' } });
const failed = JSON.stringify({ build: { result: 'success' }, checks: { result: 'failure' } });
const cancelled = JSON.stringify({ build: { result: 'cancelled' } });

beforeEach(() => {
  slack.received = [];
  slack.failWith = 0;
});

describe('result words, as Travis had them', () => {
  test.each([
    [ok, undefined, 'Passed'],
    [ok, 'success', 'Passed'],
    [ok, 'failure', 'Fixed'],
    [failed, 'success', 'Broken'],
    [failed, undefined, 'Failed'],
    [failed, 'failure', 'Still Failing'],
    [cancelled, 'success', 'Canceled'],
  ])('needs %s after a previous %s: %s', async (needs, previous, word) => {
    history(previous);
    const result = await notify({ needs });
    expect(result.success).toBe(true);
    expect(result.outputs).toEqual({ result: word, sent: 'true' });
    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]!.body.text).toMatch(new RegExp(`^${word}: `));
    expect(result.summary).toContain(`### ${word}`);
    expect(result.summary).toContain('| build |');
  });
});

describe('when to send', () => {
  test.each([
    [{ 'on-success': 'change' }, ok, 'success', false, 'the result is Passed and on-success: change'],
    [{ 'on-success': 'change' }, ok, 'failure', true, ''],
    [{ 'on-success': 'never' }, ok, 'failure', false, 'the result is Fixed and on-success: never'],
    [{ 'on-failure': 'change' }, failed, 'failure', false, 'the result is Still Failing and on-failure: change'],
    [{ 'on-failure': 'change' }, failed, 'success', true, ''],
    [{ branches: 'release/*' }, ok, 'success', false, 'branch main is not in "branches"'],
    [{ branches: 'release/*, main' }, ok, 'success', true, ''],
  ])('%j (%s after %s): sent %s', async (inputs, needs, previous, sent, why) => {
    history(previous);
    const result = await notify({ needs, ...inputs });
    expect(result.outputs.sent).toBe(String(sent));
    expect(slack.received).toHaveLength(sent ? 1 : 0);
    if (!sent) expect(result.main.log).toContain(`Not notifying: ${why}.`);
  });

  test('on-pull-requests: false skips pull request runs', async () => {
    history('success');
    const result = await notify({ needs: ok, 'on-pull-requests': 'false' }, 'pull_request', { pull_request: { number: 9, html_url: 'https://github.com/vscoder/microservices/pull/9', head: { ref: 'feature/x', sha: 'f'.repeat(40) } } });
    expect(result.outputs.sent).toBe('false');
    expect(slack.received).toHaveLength(0);
  });
});

describe('message', () => {
  test('the default names result, repository, branch, commit, author, subject and links the run', async () => {
    history('success');
    await notify({ needs: ok });
    expect(slack.received[0]!.body.text).toMatch(
      /^Passed: vscoder\/microservices@main \(0123456\) by Alice: "Fix the ui healthcheck" in 1 min 3\d sec\. <https:\/\/github\.com\/vscoder\/microservices\/actions\/runs\/5002\|Details>$/,
    );
    expect(slack.received[0]!.body.attachments[0]!.color).toBe('#2eb886');
  });

  test('a template with every Travis variable', async () => {
    history('failure');
    const template = '%{result}|%{repository}|%{branch}|%{commit}|%{author}|%{commit_subject}|%{build_url}|%{compare_url}|%{pull_request_number}|%{pull_request_url}|%{workflow}|%{unknown}';
    await notify({ needs: ok, template }, 'pull_request', {
      pull_request: { number: 9, title: 'Faster ui', html_url: 'https://github.com/vscoder/microservices/pull/9', user: { login: 'bob' }, head: { ref: 'feature/x', sha: 'f'.repeat(40) } },
      head_commit: undefined,
      compare: undefined,
    });
    expect(slack.received[0]!.body.text).toBe(
      'Passed|vscoder/microservices|feature/x|fffffff|bob|Faster ui|https://github.com/vscoder/microservices/actions/runs/5002|https://github.com/vscoder/microservices/pull/9/files|9|https://github.com/vscoder/microservices/pull/9|ci|%{unknown}',
    );
  });

  test('commit subjects, authors and branch names cannot ping the channel or plant a link', async () => {
    history('success');
    const result = await notify({ needs: ok }, 'push', {
      head_commit: { message: '<!channel> deploy now <https://evil.example|click> & <@U123>', author: { name: '<!here>' } },
    });
    const text = slack.received[0]!.body.text;
    expect(text).toContain('by &lt;!here&gt;: "&lt;!channel&gt; deploy now &lt;https://evil.example|click&gt; &amp; &lt;@U123&gt;"');
    expect(text).not.toMatch(/<!|<@|<https:\/\/evil/);
    expect(text).toMatch(/<https:\/\/github\.com\/vscoder\/microservices\/actions\/runs\/5002\|Details>$/);
    expect(result.summary).not.toContain('<!channel>');
  });

  test('a bot token posts with chat.postMessage to the channel', async () => {
    history('success');
    const result = await notify({ needs: ok, 'slack-webhook-url': '', 'slack-token': 'xoxb-SECRET-TOKEN', 'slack-channel': '#deploys', 'slack-api-url': `${slack.url}/api` });
    expect(result.outputs.sent).toBe('true');
    expect(slack.received[0]).toMatchObject({ path: '/api/chat.postMessage', authorization: 'Bearer xoxb-SECRET-TOKEN', body: { channel: '#deploys' } });
    expect(result.main.log.join('\n')).not.toContain('xoxb-SECRET-TOKEN');
  });
});

describe('failures', () => {
  test('a 500 from Slack is a warning, the step passes, and the webhook URL is never printed', async () => {
    history('success');
    slack.failWith = 500;
    const result = await notify({ needs: ok });
    expect(result.success).toBe(true);
    expect(result.outputs.sent).toBe('false');
    expect(result.annotations).toEqual([{ level: 'warning', message: 'Could not notify Slack: The Slack webhook answered HTTP 500 (internal_error).', file: undefined, line: undefined }]);
    expect(result.main.log.join('\n')).not.toContain('SECRETHOOK');
  });

  test('with fail-on-error the step fails', async () => {
    history('success');
    slack.failWith = 500;
    const result = await notify({ needs: ok, 'fail-on-error': 'true' });
    expect(result.success).toBe(false);
    expect(result.main.log.join('\n')).not.toContain('SECRETHOOK');
  });

  test('with fail-on-error and Slack unreachable: one clear error, no stack trace', async () => {
    history('success');
    const result = await notify({ needs: ok, 'fail-on-error': 'true', 'slack-webhook-url': 'http://127.0.0.1:9/services/T0/B0/SECRETHOOK' });
    expect(result.success).toBe(false);
    const log = result.main.log.join('\n');
    expect(log).not.toContain('internal error');
    expect(log).not.toMatch(/\n\s+at /);
    expect(result.annotations.map((a) => a.message)).toEqual([expect.stringMatching(/^Could not notify Slack: /)]);
    expect(log).not.toContain('SECRETHOOK');
  });

  test('a refused bot token names the channel and the error, not the token', async () => {
    history('success');
    const result = await notify({ needs: ok, 'slack-webhook-url': '', 'slack-token': 'xoxb-WRONG', 'slack-channel': '#deploys', 'slack-api-url': `${slack.url}/api` });
    expect(result.annotations[0]!.message).toBe("Could not notify Slack: Slack's chat.postMessage to #deploys failed: HTTP 200, invalid_auth.");
    expect(result.main.log.join('\n')).not.toContain('xoxb-WRONG');
  });

  test.each([
    [{ needs: '' }, 'Give "needs" (`${{ toJSON(needs) }}`) or "status"'],
    [{ needs: 'not json' }, 'Input "needs" is not JSON'],
    [{ needs: '{"a":null}' }, 'Input "needs" has the job "a" with null'],
    [{ needs: '[]' }, 'Input "needs" is "[]", not an object of jobs'],
    [{ needs: ok, 'slack-channel': '#a\n::add-mask::x', 'slack-token': 'xoxb-1', 'slack-webhook-url': '' }, 'Input "slack-channel" is "#a\\n::add-mask::x": expected a single line.'],
    [{ needs: ok, 'slack-webhook-url': 'notaurl' }, 'Input "slack-webhook-url" is not an http(s) URL'],
    [{ needs: ok, 'on-success': 'sometimes' }, 'Input "on-success" is "sometimes": expected one of always, never, change.'],
    [{ needs: ok, 'slack-webhook-url': '', 'slack-token': 'xoxb-1' }, 'Input "slack-token" is set but "slack-channel" is empty'],
  ])('bad input %j', async (inputs, message) => {
    const result = await notify(inputs);
    expect(result.success).toBe(false);
    expect(result.annotations.map((a) => a.message).join('\n')).toContain(message);
  });
});
