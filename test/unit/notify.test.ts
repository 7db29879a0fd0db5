import { describe, expect, test } from '@jest/globals';
import { formatDuration, render } from '../../actions/notify/src/message.js';
import { outcomeOfJobs, resultWord, shouldNotify } from '../../actions/notify/src/result.js';

describe('notify', () => {
  test.each([
    [{ a: { result: 'success' }, b: { result: 'skipped' } }, 'success'],
    [{ a: { result: 'success' }, b: { result: 'failure' }, c: { result: 'cancelled' } }, 'failure'],
    [{ a: { result: 'cancelled' } }, 'cancelled'],
    [{}, 'success'],
  ])('jobs %j -> %s', (needs, outcome) => {
    expect(outcomeOfJobs(needs)).toBe(outcome);
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
