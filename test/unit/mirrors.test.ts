import { describe, expect, test } from '@jest/globals';
import { mapUrl, parseMirrors } from '../../lib/mirrors.js';

describe('mirrors', () => {
  const mirrors = parseMirrors([
    'https://releases.hashicorp.com=https://artifacts.example/hashicorp/',
    'https://github.com=https://ghe.example/proxy/github',
    'https://github.com/hadolint=https://other.example/hadolint',
  ]);

  test.each([
    ['https://releases.hashicorp.com/terraform/0.12.12/terraform_0.12.12_SHA256SUMS', 'https://artifacts.example/hashicorp/terraform/0.12.12/terraform_0.12.12_SHA256SUMS'],
    ['https://releases.hashicorp.com/packer/index.json', 'https://artifacts.example/hashicorp/packer/index.json'],
    ['https://github.com/docker/machine/releases/download/v0.16.0/sha256sum.txt', 'https://ghe.example/proxy/github/docker/machine/releases/download/v0.16.0/sha256sum.txt'],
    ['https://github.com/hadolint/hadolint/releases/download/v1.17.2/hadolint-Linux-x86_64', 'https://other.example/hadolint/hadolint/releases/download/v1.17.2/hadolint-Linux-x86_64'],
    ['https://github.comx/a', 'https://github.comx/a'],
    ['https://api.github.com/repos/a/b/releases', 'https://api.github.com/repos/a/b/releases'],
  ])('%s -> %s (longest prefix, whole segments)', (url, mapped) => {
    expect(mapUrl(url, mirrors)).toBe(mapped);
  });

  test.each([['releases.hashicorp.com=https://x'], ['https://a.example'], ['https://a.example=ftp://b'], ['=https://b']])(
    'rejects %j naming the input and the expected form',
    (line) => {
      expect(() => parseMirrors([line])).toThrow(
        `Input "mirrors" has the line "${line}": expected UPSTREAM_PREFIX=MIRROR_PREFIX with two http(s) URLs`,
      );
    },
  );
});
