import { describe, expect, test } from '@jest/globals';
import { Masker } from '../../cli/masker.js';

// How `shipkit workflow` hides secrets, compared with what GitHub's runner hides (its SecretMasker
// with the value encoders it registers: base64 at three alignments, URI, JSON, XML, expression
// quoting, surrounding double quotes removed).

describe('masking secrets the way the runner does', () => {
  const secret = 'p@ss/w"rd+Z9&<x>';
  const masker = new Masker([secret]);

  test.each([
    ['as is', secret],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64 after user: (shifted by one byte)', Buffer.from(`user:${secret}`).toString('base64')],
    ['base64 after ab (shifted by two bytes)', Buffer.from(`ab${secret}`).toString('base64')],
    ['URL-encoded', encodeURIComponent(secret)],
    ['JSON-escaped', JSON.stringify(secret).slice(1, -1)],
    ['XML-escaped', secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
  ])('%s', (_how, printed) => {
    const shown = masker.mask(`value=${printed};`);
    expect(shown).toContain('***');
    // What is left of a shifted base64 form is only the bytes of the prefix and at most one character of the tail.
    expect(shown.replace('***', '').length).toBeLessThanOrEqual('value=;'.length + 8);
    expect(shown).not.toContain(printed);
  });

  test('a secret that another one starts with: the longer one is hidden whole (overlaps merged)', () => {
    const m = new Masker(['abc123', 'abc123-and-more']);
    expect(m.mask('x abc123-and-more y abc123 z')).toBe('x *** y *** z');
  });

  test('each line of a multi-line secret, and nothing shorter than 3 characters', () => {
    const m = new Masker(['line-one\nline-two', 'ab', '']);
    expect(m.mask('line-two then ab')).toBe('*** then ab');
    expect(m.values).toEqual(['line-one\nline-two', 'line-one', 'line-two']);
  });

  test('holdsSecret sees encoded forms too', () => {
    expect(masker.holdsSecret(`x${encodeURIComponent(secret)}`)).toBe(true);
    expect(masker.holdsSecret('nothing here')).toBe(false);
  });
});
