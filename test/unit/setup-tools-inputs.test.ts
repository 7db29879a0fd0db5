import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { getInputs } from '../../actions/setup-tools/src/inputs.js';

// Inputs are set the way the runner sets them, so the real parsing runs.
function setInputs(inputs: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

afterEach(() => setInputs({}));

describe('setup-tools inputs', () => {
  test('defaults: all five tools at the seed pins, no mirrors, verification required', () => {
    setInputs({});
    const inputs = getInputs();
    expect(inputs.tools).toEqual(['docker-machine', 'packer', 'terraform', 'tflint', 'hadolint']);
    expect(inputs.versions).toEqual({
      'docker-machine': { kind: 'exact', version: '0.16.0' },
      packer: { kind: 'exact', version: '1.4.4' },
      terraform: { kind: 'exact', version: '0.12.12' },
      tflint: { kind: 'exact', version: '0.12.1' },
      hadolint: { kind: 'exact', version: '1.17.2' },
    });
    expect(inputs.mirrors).toEqual([]);
    expect(inputs['allow-unverified']).toBe(false);
    expect(inputs['hashicorp-public-key']).toBeUndefined();
  });

  test('tools: comma or newline separated, case-insensitive, duplicates dropped', () => {
    setInputs({ tools: 'Terraform,\ntflint\nterraform' });
    expect(getInputs().tools).toEqual(['terraform', 'tflint']);
  });

  test('an explicit *-version input wins over the version file, the file over the default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-vf-'));
    writeFileSync(join(dir, '.tool-versions'), 'terraform 1.5.7\npacker 1.6.6\n');
    setInputs({ 'version-file': join(dir, '.tool-versions'), 'packer-version': 'v1.4.4' });
    const { versions } = getInputs();
    expect(versions.terraform).toEqual({ kind: 'exact', version: '1.5.7' });
    expect(versions.packer).toEqual({ kind: 'exact', version: '1.4.4' });
    expect(versions.tflint).toEqual({ kind: 'exact', version: '0.12.1' });
  });

  test.each([
    [{ tools: 'terraform, kubectl' }, 'Input "tools" names "kubectl": expected any of docker-machine, packer, terraform, tflint, hadolint'],
    [{ 'terraform-version': 'newest' }, 'Input "terraform-version" is "newest": expected an exact version'],
    [{ 'allow-unverified': 'maybe' }, 'Input "allow-unverified" is "maybe": expected true or false.'],
    [{ mirrors: 'https://releases.hashicorp.com' }, 'Input "mirrors" has the line "https://releases.hashicorp.com": expected UPSTREAM_PREFIX=MIRROR_PREFIX'],
    [{ checksums: 'abc  terraform.zip' }, 'Input "checksums" has the line "abc  terraform.zip": expected "<64 hex sha256>  <asset file name>"'],
    [{ 'version-file': '/nonexistent/.tool-versions' }, 'Input "version-file" is "/nonexistent/.tool-versions", which cannot be read (ENOENT)'],
    [{ 'hashicorp-public-key': 'not a key' }, 'Input "hashicorp-public-key" is neither an armored public key nor the path of an existing file'],
  ])('%j is refused with a message naming input, value and what is accepted', (inputs, message) => {
    setInputs(inputs);
    expect(() => getInputs()).toThrow(message);
  });

  test('a bad entry in the version file names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-vf-'));
    writeFileSync(join(dir, '.terraform-version'), 'latest:^1.5\n');
    setInputs({ 'version-file': join(dir, '.terraform-version') });
    expect(() => getInputs()).toThrow(`The terraform entry of "${join(dir, '.terraform-version')}" is "latest:^1.5"`);
  });

  test('checksums: sha256sum lines, keyed by lower-case asset name', () => {
    setInputs({ checksums: `${'A'.repeat(64)}  hadolint-Linux-x86_64\n${'b'.repeat(64)} *packer_1.4.4_linux_amd64.zip` });
    expect([...getInputs().checksums]).toEqual([
      ['hadolint-linux-x86_64', 'a'.repeat(64)],
      ['packer_1.4.4_linux_amd64.zip', 'b'.repeat(64)],
    ]);
  });
});
