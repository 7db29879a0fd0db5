import { describe, expect, jest, test } from '@jest/globals';
import { forLog, info, nameForLog } from '../../lib/log.js';
import { code, codeBlock, markdownTable, md } from '../../lib/summary.js';

// What reaches the log cannot become a workflow command; what reaches markdown cannot become markup.

function captured(write: () => void): string {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0);
  try {
    write();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

describe('info', () => {
  test('plain text is printed as is', () => {
    expect(captured(() => info('terraform: 2 to add'))).toBe('terraform: 2 to add\n');
  });
  test.each(['::set-output name=x::1', 'ok\n  ::add-mask::secret', '##[error]legacy form'])('%j is fenced by stop-commands', (text) => {
    const out = captured(() => info(text));
    const [first, ...rest] = out.trimEnd().split('\n');
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(first!)?.[1];
    expect(token).toBeDefined();
    expect(rest.pop()).toBe(`::${token}::`);
    expect(rest.join('\n')).toBe(text);
  });
});

describe('forLog and nameForLog', () => {
  test('a line break stays on its line', () => {
    expect(forLog('a\n::error::x')).toBe('"a\\n::error::x"');
    expect(nameForLog('post-py')).toBe('post-py');
    expect(nameForLog('src/post-py')).toBe('src/post-py');
    expect(nameForLog('::warning::x')).toBe('"::warning::x"');
    expect(nameForLog('a b')).toBe('"a b"');
  });
});

describe('markdown', () => {
  test('md escapes HTML, links, emphasis and mentions', () => {
    expect(md('<img src=x> [click](https://evil) *bold* @org/team #12')).toBe(
      '\\<img src=x\\> \\[click\\](https://evil) \\*bold\\* @\u200borg/team \\#12',
    );
  });
  test('code spans and blocks cannot be closed by the value', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(codeBlock('x\n```\ny')).toBe('````\nx\n```\ny\n````');
  });
  test('table cells keep their rows', () => {
    expect(markdownTable(['a'], [['x|y\nz']])).toBe('| a |\n| --- |\n| x\\|y<br>z |');
    expect(markdownTable(['a'], [[md('x|y')]])).toBe('| a |\n| --- |\n| x\\|y |');
  });
});
