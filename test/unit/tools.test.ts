import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import * as openpgp from 'openpgp';
import { keyIdentity } from '../../lib/pgp.js';
import type { Platform } from '../../lib/platform.js';
import { HASHICORP_RELEASE_KEY } from '../../lib/tools/hashicorp-key.js';
import { EMBEDDED_DIGESTS, findGap, parseVersionOutput, TOOLS } from '../../lib/tools/tools.js';

const linux: Platform = { os: 'linux', arch: 'x64' };
const linuxArm: Platform = { os: 'linux', arch: 'arm64' };
const mac: Platform = { os: 'darwin', arch: 'x64' };
const macArm: Platform = { os: 'darwin', arch: 'arm64' };
const win: Platform = { os: 'windows', arch: 'x64' };
const winArm: Platform = { os: 'windows', arch: 'arm64' };

describe('asset URLs, per tool x platform x version range (upstream release layouts)', () => {
  test.each([
    ['docker-machine', '0.16.0', linux, 'https://github.com/docker/machine/releases/download/v0.16.0/docker-machine-Linux-x86_64', 'raw'],
    ['docker-machine', '0.16.0', linuxArm, 'https://github.com/docker/machine/releases/download/v0.16.0/docker-machine-Linux-aarch64', 'raw'],
    ['docker-machine', '0.16.0', { os: 'linux', arch: 'arm' }, 'https://github.com/docker/machine/releases/download/v0.16.0/docker-machine-Linux-armhf', 'raw'],
    ['docker-machine', '0.16.0', mac, 'https://github.com/docker/machine/releases/download/v0.16.0/docker-machine-Darwin-x86_64', 'raw'],
    ['docker-machine', '0.16.0', win, 'https://github.com/docker/machine/releases/download/v0.16.0/docker-machine-Windows-x86_64.exe', 'raw'],
    ['docker-machine', '0.16.0', { os: 'windows', arch: 'x86' }, 'https://github.com/docker/machine/releases/download/v0.16.0/docker-machine-Windows-i386.exe', 'raw'],
    ['packer', '1.4.4', linux, 'https://releases.hashicorp.com/packer/1.4.4/packer_1.4.4_linux_amd64.zip', 'zip'],
    ['packer', '1.4.4', linuxArm, 'https://releases.hashicorp.com/packer/1.4.4/packer_1.4.4_linux_arm64.zip', 'zip'],
    ['packer', '1.16.0', macArm, 'https://releases.hashicorp.com/packer/1.16.0/packer_1.16.0_darwin_arm64.zip', 'zip'],
    ['packer', '1.4.4', { os: 'windows', arch: 'x86' }, 'https://releases.hashicorp.com/packer/1.4.4/packer_1.4.4_windows_386.zip', 'zip'],
    ['terraform', '0.12.12', linux, 'https://releases.hashicorp.com/terraform/0.12.12/terraform_0.12.12_linux_amd64.zip', 'zip'],
    ['terraform', '1.15.9', winArm, 'https://releases.hashicorp.com/terraform/1.15.9/terraform_1.15.9_windows_arm64.zip', 'zip'],
    ['tflint', '0.12.1', linux, 'https://github.com/wata727/tflint/releases/download/v0.12.1/tflint_linux_amd64.zip', 'zip'],
    ['tflint', '0.13.3', mac, 'https://github.com/wata727/tflint/releases/download/v0.13.3/tflint_darwin_amd64.zip', 'zip'],
    ['tflint', '0.14.0', linux, 'https://github.com/terraform-linters/tflint/releases/download/v0.14.0/tflint_linux_amd64.zip', 'zip'],
    ['tflint', '0.64.0', linuxArm, 'https://github.com/terraform-linters/tflint/releases/download/v0.64.0/tflint_linux_arm64.zip', 'zip'],
    ['hadolint', '1.17.2', linux, 'https://github.com/hadolint/hadolint/releases/download/v1.17.2/hadolint-Linux-x86_64', 'raw'],
    ['hadolint', '1.17.2', mac, 'https://github.com/hadolint/hadolint/releases/download/v1.17.2/hadolint-Darwin-x86_64', 'raw'],
    ['hadolint', '1.17.2', win, 'https://github.com/hadolint/hadolint/releases/download/v1.17.2/hadolint-Windows-x86_64.exe', 'raw'],
    ['hadolint', '2.10.0', linuxArm, 'https://github.com/hadolint/hadolint/releases/download/v2.10.0/hadolint-Linux-arm64', 'raw'],
    ['hadolint', '2.13.0', mac, 'https://github.com/hadolint/hadolint/releases/download/v2.13.0/hadolint-Darwin-x86_64', 'raw'],
    ['hadolint', '2.13.1', linux, 'https://github.com/hadolint/hadolint/releases/download/v2.13.1/hadolint-linux-x86_64', 'raw'],
    ['hadolint', '2.13.1', mac, 'https://github.com/hadolint/hadolint/releases/download/v2.13.1/hadolint-macos-x86_64', 'raw'],
    ['hadolint', '2.15.1', macArm, 'https://github.com/hadolint/hadolint/releases/download/v2.15.1/hadolint-macos-arm64', 'raw'],
    ['hadolint', '2.15.1', win, 'https://github.com/hadolint/hadolint/releases/download/v2.15.1/hadolint-windows-x86_64.exe', 'raw'],
  ] as const)('%s %s on %j', (tool, version, platform, url, archive) => {
    const asset = TOOLS[tool].asset(version, platform);
    expect(asset.url).toBe(url);
    expect(asset.archive).toBe(archive);
    expect(asset.name).toBe(url.split('/').pop());
  });
});

describe('checksum files', () => {
  const sums = (tool: keyof typeof TOOLS, version: string) => {
    const t = TOOLS[tool];
    return t.checksumFile(version, t.asset(version, linux));
  };
  test.each([
    ['docker-machine', '0.16.0', 'https://github.com/docker/machine/releases/download/v0.16.0/sha256sum.txt', false],
    ['packer', '1.4.4', 'https://releases.hashicorp.com/packer/1.4.4/packer_1.4.4_SHA256SUMS', true],
    ['terraform', '0.12.12', 'https://releases.hashicorp.com/terraform/0.12.12/terraform_0.12.12_SHA256SUMS', true],
    ['tflint', '0.12.1', 'https://github.com/wata727/tflint/releases/download/v0.12.1/checksums.txt', false],
    ['hadolint', '2.11.0', 'https://github.com/hadolint/hadolint/releases/download/v2.11.0/hadolint-Linux-x86_64.sha256', false],
    ['hadolint', '2.14.0', 'https://github.com/hadolint/hadolint/releases/download/v2.14.0/hadolint-linux-x86_64.sha256', false],
    ['hadolint', '2.15.0', 'https://github.com/hadolint/hadolint/releases/download/v2.15.0/checksums.sha256', false],
  ] as const)('%s %s: %s', (tool, version, url, signed) => {
    expect(sums(tool, version)).toMatchObject({ url, signed });
  });

  test('hadolint up to 2.10.0 publishes none', () => {
    expect(sums('hadolint', '1.17.2')).toBeUndefined();
    expect(sums('hadolint', '2.10.0')).toBeUndefined();
  });
});

describe('platform gaps', () => {
  test.each([
    ['terraform', '0.12.12', linuxArm, undefined],
    ['terraform', '0.12.12', macArm, undefined],
    ['terraform', '1.0.1', macArm, '1.0.2'],
    ['terraform', '1.14.0', winArm, '1.15.0'],
    ['docker-machine', '0.16.0', macArm, undefined],
    ['hadolint', '1.17.2', linuxArm, '2.10.0'],
    ['hadolint', '2.13.0', macArm, '2.13.1'],
    ['hadolint', '2.15.1', winArm, undefined],
    ['hadolint', '1.17.2', { os: 'linux', arch: 'arm' }, undefined],
    ['packer', '1.4.4', winArm, undefined],
    ['packer', '1.4.4', macArm, undefined],
    ['tflint', '0.29.0', linuxArm, undefined],
  ] as const)('%s %s has no build on %j (first with one: %s)', (tool, version, platform, firstWith) => {
    const gap = findGap(TOOLS[tool], version, platform);
    expect(gap).toBeDefined();
    expect(gap?.firstWith).toBe(firstWith);
  });

  test.each([
    ['terraform', '1.0.2', macArm],
    ['terraform', '1.15.0', winArm],
    ['packer', '1.4.4', linuxArm],
    ['hadolint', '2.10.0', linuxArm],
    ['hadolint', '2.13.1', macArm],
    ['tflint', '0.30.0', linuxArm],
    ['docker-machine', '0.16.0', mac],
  ] as const)('%s %s has a build on %j', (tool, version, platform) => {
    expect(findGap(TOOLS[tool], version, platform)).toBeUndefined();
  });
});

describe('version output of each tool (first line)', () => {
  test.each([
    ['docker-machine version 0.16.0, build 702c267f', '0.16.0'],
    ['Terraform v0.12.12\n+ provider.google v2.20.0', '0.12.12'],
    ['Terraform v1.11.4\non linux_amd64', '1.11.4'],
    ['Packer v1.4.4', '1.4.4'],
    ['1.4.4', '1.4.4'],
    ['TFLint version 0.12.1', '0.12.1'],
    ['TFLint version 0.50.3\n+ ruleset.terraform (0.5.0-bundled)', '0.50.3'],
    ['Haskell Dockerfile Linter v1.17.2-0-g574b169', '1.17.2'],
    ['Haskell Dockerfile Linter 2.15.1', '2.15.1'],
    ['Terraform v1.6.0-beta1', '1.6.0-beta1'],
    ['no version here', undefined],
  ])('%j -> %s', (output, version) => {
    expect(parseVersionOutput(output)).toBe(version);
  });
});

// The trust shipkit embeds, checked against its provenance page (lib/tools/README.md) and, for the
// key, against everything that can be checked without a network.
describe('embedded trust and its provenance', () => {
  const readme = readFileSync(join('lib', 'tools', 'README.md'), 'utf8');

  test("HashiCorp's release key: the published fingerprint, its user ID, valid self-signatures, expiry 2030-03-01", async () => {
    const key = await openpgp.readKey({ armoredKey: HASHICORP_RELEASE_KEY });
    expect(key.getFingerprint().toUpperCase()).toBe('C874011F0AB405110D02105534365D9472D7468F');
    expect(keyIdentity(HASHICORP_RELEASE_KEY).fingerprint).toBe('C874011F0AB405110D02105534365D9472D7468F');
    expect(key.getUserIDs()).toEqual(['HashiCorp Security (hashicorp.com/security) <security@hashicorp.com>']);
    await expect(key.verifyPrimaryKey()).resolves.toBeUndefined(); // throws when a self-signature is bad
    expect((await key.getExpirationTime()) as Date).toEqual(new Date('2030-03-01T23:14:24.000Z'));
    expect(readme).toContain('`C874 011F 0AB4 0511 0D02 1055 3436 5D94 72D7 468F`');
  });

  test('every embedded digest is on the provenance page with its asset, and nothing else is', () => {
    const rows = [...readme.matchAll(/^\| (\S+) (\S+) \| `([^`]+)` \| `([0-9a-f]{64})` \|/gm)].map((m) => [`${m[1]}@${m[2]}/${m[3]}`, m[4]]);
    expect(Object.fromEntries(rows)).toEqual(EMBEDDED_DIGESTS);
  });

  test('no source comment points outside the repository', () => {
    for (const file of ['tools.ts', 'hashicorp-key.ts', 'install.ts', 'verify.ts']) {
      expect(readFileSync(join('lib', 'tools', file), 'utf8')).not.toMatch(/\.\.\/shared|\/work\//);
    }
  });
});
