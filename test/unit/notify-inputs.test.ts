import { describe, expect, jest, test } from '@jest/globals';

// Every input of notify with its bad values, through the real getInputs() with INPUT_* set the way
// the runner sets them. A bad value fails naming the input (and the value, unless it is a secret),
// before anything is sent: main() reads its inputs first.

const { getInputs } = await import('../../actions/notify/src/inputs.js');
const { isExpected, messageOf } = await import('../../lib/errors.js');

const ok = JSON.stringify({ build: { result: 'success' } });
const SECRET = 'hooks.slack.example/T000/B000/XXXXSECRET';

function withInputs(inputs: Record<string, string>): () => unknown {
  return () => {
    const saved = { ...process.env };
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
      for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
      return getInputs();
    } finally {
      write.mockRestore();
      process.env = saved;
    }
  };
}

function refusal(inputs: Record<string, string>): string {
  try {
    withInputs(inputs)();
  } catch (error: unknown) {
    expect(isExpected(error)).toBe(true);
    return messageOf(error);
  }
  throw new Error(`accepted ${JSON.stringify(inputs)}`);
}

describe('notify inputs', () => {
  test('good inputs are read', () => {
    expect(withInputs({ needs: ok, 'slack-channel': '#deploys', branches: 'main, release/*' })()).toMatchObject({
      needs: { build: { result: 'success' } },
      'slack-api-url': 'https://slack.com/api',
      branches: ['main', 'release/*'],
      'on-success': 'always',
    });
  });

  test.each([
    [{}, 'Give "needs"'],
    [{ needs: 'not json' }, 'Input "needs" is not JSON (got "not json")'],
    [{ needs: '[]' }, 'Input "needs" is "[]", not an object of jobs'],
    [{ needs: '{"a":null}' }, 'Input "needs" has the job "a" with null'],
    [{ needs: '{"a":{"result":"passed"}}' }, 'Input "needs" has the job "a" with result "passed"'],
    [{ status: 'passed' }, 'Input "status" is "passed": expected one of success, failure, cancelled.'],
    [{ needs: ok, drift: 'sideways' }, 'Input "drift" is "sideways": expected one of'],
    [{ needs: ok, 'on-success': 'sometimes' }, 'Input "on-success" is "sometimes": expected one of always, never, change.'],
    [{ needs: ok, 'on-failure': 'loud' }, 'Input "on-failure" is "loud": expected one of always, never, change.'],
    [{ needs: ok, 'on-pull-requests': 'maybe' }, 'Input "on-pull-requests" is "maybe": expected true or false.'],
    [{ needs: ok, 'fail-on-error': 'please' }, 'Input "fail-on-error" is "please": expected true or false.'],
    [{ needs: ok, 'slack-token': 'xoxb-1' }, 'Input "slack-token" is set but "slack-channel" is empty'],
    [{ needs: ok, 'slack-channel': '#a\n::add-mask::x' }, 'Input "slack-channel" is "#a\\n::add-mask::x": expected a single line.'],
    [{ needs: ok, 'slack-api-url': 'slack.com/api' }, 'Input "slack-api-url" is "slack.com/api": expected an http(s) URL'],
    [{ needs: ok, status: 'success\n::error::x' }, 'Input "status" is "success\\n::error::x": expected a single line.'],
  ])('%j is refused: %s', (inputs, message) => {
    expect(refusal(inputs as Record<string, string>)).toContain(message);
  });

  test.each([
    ['slack-webhook-url', `ftp://${SECRET}`],
    ['slack-webhook-url', SECRET],
    ['slack-webhook-url', `https://${SECRET}\nmore`],
    ['slack-token', `xoxb-${SECRET}\nmore`],
    ['github-token', `ghs_${SECRET}\nmore`],
  ])('a bad %s is refused without showing it', (name, value) => {
    const message = refusal({ needs: ok, 'slack-channel': '#c', [name]: value });
    expect(message).toContain(`Input "${name}"`);
    expect(message).toContain('its value is not shown');
    expect(message).not.toContain('SECRET');
  });
});
