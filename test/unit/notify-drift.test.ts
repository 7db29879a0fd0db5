import { describe, expect, test } from '@jest/globals';
import { colorOf, driftWord, resultWord, shouldNotify } from '../../actions/notify/src/result.js';

// notify's words for deploy-stage's drift check (its `drift` output, passed as notify's `drift`).

describe('drift words', () => {
  test.each([
    ['drifted', 'success', 'Drifted'],
    ['drifted', 'failure', 'Drifted'], // fail-on-drift failed the job for the drift itself
    ['still-drifted', 'success', 'Still drifted'],
    ['still-drifted', 'failure', 'Still drifted'],
    ['back-in-sync', 'success', 'Back in sync'],
    ['in-sync', 'success', 'In sync'],
    ['in-sync', 'failure', undefined], // no drift found, yet the run failed: the failure words say more
    ['back-in-sync', 'failure', undefined],
    ['drifted', 'cancelled', undefined],
  ] as const)('%s with the run %s: %s', (state, outcome, word) => {
    expect(driftWord(state, outcome)).toBe(word);
  });

  test('without a drift word the Travis words stand', () => {
    expect(driftWord('in-sync', 'failure') ?? resultWord('failure', 'success')).toBe('Broken');
  });

  test.each([
    ['Drifted', 'always', 'change', true],
    ['Still drifted', 'always', 'change', false],
    ['Still drifted', 'always', 'always', true],
    ['Back in sync', 'change', 'always', true],
    ['In sync', 'change', 'always', false],
    ['In sync', 'never', 'always', false],
    ['Drifted', 'always', 'never', false],
  ] as const)('%s with on-success %s, on-failure %s: sent %s', (word, onSuccess, onFailure, send) => {
    expect(shouldNotify(word, onSuccess, onFailure)).toBe(send);
  });

  test('colours: drift is orange, back in sync green', () => {
    expect(colorOf('Drifted')).toBe('#daa038');
    expect(colorOf('Still drifted')).toBe('#daa038');
    expect(colorOf('Back in sync')).toBe('#2eb886');
    expect(colorOf('Broken')).toBe('#a30200');
    expect(colorOf('Canceled')).toBe('#9e9e9e');
  });
});
