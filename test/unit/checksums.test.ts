import { describe, expect, test } from '@jest/globals';
import { findChecksum, parseChecksums } from '../../lib/checksums.js';

const A = 'a'.repeat(64);
const B = 'B'.repeat(64);

describe('checksum files in every upstream format', () => {
  test.each([
    ['GNU text mode', `${A}  tflint_linux_amd64.zip\n${'c'.repeat(64)}  tflint_darwin_amd64.zip\n`, 'tflint_linux_amd64.zip', A],
    ['GNU binary mode', `${A} *hadolint-linux-x86_64\n`, 'hadolint-linux-x86_64', A],
    ['upper-case digest', `${B}  packer_1.4.4_linux_amd64.zip`, 'packer_1.4.4_linux_amd64.zip', B.toLowerCase()],
    ['CRLF line ends', `${A}  a.zip\r\n`, 'a.zip', A],
    ['BSD tag', `SHA256 (terraform.zip) = ${A}\n`, 'terraform.zip', A],
    ['openssl', `SHA256(terraform.zip)= ${A}\n`, 'terraform.zip', A],
    ['piped openssl', `(stdin)= ${A}  docker-machine-Linux-x86_64\n`, 'docker-machine-Linux-x86_64', A],
    ['a path before the name', `${A}  ./dist/tflint_linux_amd64.zip`, 'tflint_linux_amd64.zip', A],
    ['bare digest in a per-asset file', `${A}\n`, 'hadolint-Linux-x86_64', A],
  ])('%s', (_name, text, asset, digest) => {
    expect(findChecksum(text, asset)).toBe(digest);
  });

  test('an asset the file does not list has no digest', () => {
    expect(findChecksum(`${A}  other.zip\n`, 'tflint_linux_amd64.zip')).toBeUndefined();
  });

  test('names match exactly, case included: hadolint 2.13.1 renamed Linux to linux', () => {
    const text = `${A}  hadolint-linux-x86_64\n${'c'.repeat(64)}  hadolint-macos-x86_64\n`;
    expect(findChecksum(text, 'hadolint-Linux-x86_64')).toBeUndefined();
    expect(findChecksum(text, 'hadolint-linux-x86_64')).toBe(A);
  });

  test('a name listed twice with two digests matches nothing', () => {
    expect(findChecksum(`${A}  linux/tool.zip\n${'c'.repeat(64)}  darwin/tool.zip\n`, 'tool.zip')).toBeUndefined();
    expect(findChecksum(`${A}  tool.zip\n${A}  ./tool.zip\n`, 'tool.zip')).toBe(A);
  });

  test('comments, blank lines and malformed lines are skipped', () => {
    expect(parseChecksums(`# comment\n\nnot a line\n${A}  x\n`).size).toBe(1);
  });
});
