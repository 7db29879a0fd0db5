import { describe, expect, test } from '@jest/globals';
import { parseNeeds } from '../../actions/notify/src/inputs.js';
import { branchMatches } from '../../actions/notify/src/main.js';
import { escapeSlack, formatDuration, render } from '../../actions/notify/src/message.js';
import { outcomeOfJobs, resultWord, shouldNotify } from '../../actions/notify/src/result.js';

describe('notify', () => {
  test.each([
    [{ a: { result: 'success' }, b: { result: 'skipped' } }, 'success'],
    [{ a: { result: 'success' }, b: { result: 'failure' }, c: { result: 'cancelled' } }, 'failure'],
    [{ a: { result: 'cancelled' } }, 'cancelled'],
    [{}, 'success'],
  ])('jobs %j -> %s', (needs, outcome) => {
    expect(outcomeOfJobs(parseNeeds(JSON.stringify(needs)))).toBe(outcome);
  });

  // A result nobody knows used to count as a pass.
  test.each([
    ['{"a":null}', 'Input "needs" has the job "a" with null'],
    ['{"a":{}}', 'Input "needs" has the job "a" with result null'],
    ['{"a":{"result":"sucess"}}', 'Input "needs" has the job "a" with result "sucess"'],
    ['["success"]', 'Input "needs" is "[\\"success\\"]", not an object of jobs'],
    ['"failure"', 'not an object of jobs'],
    ['null', 'not an object of jobs'],
    ['{"a":', 'Input "needs" is not JSON'],
  ])('needs %s is refused: %s', (raw, message) => {
    expect(() => parseNeeds(raw)).toThrow(message);
    expect(() => parseNeeds(raw)).toThrow('toJSON(needs)');
  });

  test.each([
    ['release/*', 'release/1.2', true],
    ['release/*', 'main', false],
    ['main', 'main', true],
    ['feature?', 'feature', false],
    ['feature?', 'feature?', true],
    ['v1.2', 'v1x2', false],
    ['*', 'anything/at/all', true],
  ])('branch filter %s on %s: %s', (pattern, branch, matches) => {
    expect(branchMatches(pattern, branch)).toBe(matches);
  });

  test('values from commits cannot ping or link in Slack; the template can', () => {
    expect(escapeSlack('<!channel> & <@U123> <https://evil|click>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;');
    expect(render('<%{build_url}|Details> %{commit_subject}', { build_url: 'https://ci/1', commit_subject: '<!here> fix' } as never)).toBe(
      '<https://ci/1|Details> &lt;!here&gt; fix',
    );
  });

  test.each([
    ['success', undefined, 'Passed'],
    ['success', 'success', 'Passed'],
    ['success', 'timed_out', 'Fixed'],
    ['failure', 'success', 'Broken'],
    ['failure', 'skipped', 'Broken'],
    ['failure', undefined, 'Failed'],
    ['failure', 'cancelled', 'Still Failing'],
    ['cancelled', 'failure', 'Canceled'],
  ] as const)('%s after %s -> %s', (outcome, previous, word) => {
    expect(resultWord(outcome, previous)).toBe(word);
  });

  test.each([
    ['Passed', 'change', 'always', false],
    ['Fixed', 'change', 'always', true],
    ['Broken', 'always', 'change', true],
    ['Failed', 'always', 'change', true],
    ['Still Failing', 'always', 'change', false],
    ['Canceled', 'always', 'never', false],
  ] as const)('%s with on-success %s, on-failure %s: %s', (word, onSuccess, onFailure, send) => {
    expect(shouldNotify(word, onSuccess, onFailure)).toBe(send);
  });

  test('templates and durations', () => {
    expect(render('%{result} on %{branch} %{nope}', { result: 'Fixed', branch: 'main' } as never)).toBe('Fixed on main %{nope}');
    expect(formatDuration(95_400)).toBe('1 min 35 sec');
    expect(formatDuration(4_000)).toBe('4 sec');
  });
});
