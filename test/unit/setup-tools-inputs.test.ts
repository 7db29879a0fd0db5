import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { getInputs } from '../../actions/setup-tools/src/inputs.js';
import { cacheVerificationFor } from '../../lib/tools/context.js';

// Inputs are set the way the runner sets them, so the real parsing runs.
function setInputs(inputs: Record<string, string>): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

let workspace: string;
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'shipkit-ws-'));
  process.env.GITHUB_WORKSPACE = workspace;
});
afterEach(() => {
  setInputs({});
  delete process.env.GITHUB_WORKSPACE;
});

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
    expect(inputs['cache-verification']).toBe('auto');
  });

  test('tools: comma or newline separated, case-insensitive, duplicates dropped', () => {
    setInputs({ tools: 'Terraform,\ntflint\nterraform' });
    expect(getInputs().tools).toEqual(['terraform', 'tflint']);
  });

  test('an explicit *-version input wins over the version file, the file over the default', () => {
    writeFileSync(join(workspace, '.tool-versions'), 'terraform 1.5.7\npacker 1.6.6\n');
    setInputs({ 'version-file': '.tool-versions', 'packer-version': 'v1.4.4' });
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
    [{ 'version-file': 'nonexistent/.tool-versions' }, 'Input "version-file" is "nonexistent/.tool-versions", which cannot be read (ENOENT)'],
    [{ 'hashicorp-public-key': 'not a key' }, 'Input "hashicorp-public-key" is neither an armored public key nor the path of an existing file'],
    [{ checksums: `${'a'.repeat(64)}  ./tflint_linux_amd64.zip` }, `Input "checksums" has the line "${'a'.repeat(64)}  ./tflint_linux_amd64.zip", whose name is a path: give the release asset's file name alone, e.g. "${'a'.repeat(64)}  tflint_linux_amd64.zip".`],
    [{ checksums: `${'a'.repeat(64)}  dist/x.zip` }, 'whose name is a path'],
    [{ checksums: `${'a'.repeat(64)} *C:\\dl\\x.zip` }, 'whose name is a path'],
    [{ checksums: `${'a'.repeat(64)}  x.zip\n${'b'.repeat(64)}  x.zip` }, `Input "checksums" gives "x.zip" two different digests`],
    [{ 'github-api-url': 'notaurl' }, 'Input "github-api-url" is "notaurl": expected the http(s) base URL of a GitHub API'],
    [{ 'github-api-url': 'ftp://api.example' }, 'Input "github-api-url" is "ftp://api.example"'],
    [{ 'cache-verification': 'sometimes' }, 'Input "cache-verification" is "sometimes": expected one of auto, on-change, always.'],
    [{ 'version-file': '../outside/.tool-versions' }, 'Input "version-file" is "../outside/.tool-versions", which resolves to'],
  ])('%j is refused with a message naming input, value and what is accepted', (inputs, message) => {
    setInputs(inputs);
    expect(() => getInputs()).toThrow(message);
  });

  test('a bad entry in the version file names the file', () => {
    writeFileSync(join(workspace, '.terraform-version'), 'latest:^1.5\n');
    setInputs({ 'version-file': '.terraform-version' });
    expect(() => getInputs()).toThrow('The terraform entry of ".terraform-version" is "latest:^1.5"');
  });

  test('version-file: a symlink leading out of the workspace is refused, naming input and value', () => {
    const outside = mkdtempSync(join(tmpdir(), 'shipkit-outside-'));
    writeFileSync(join(outside, '.tool-versions'), 'terraform 1.5.7\n');
    symlinkSync(join(outside, '.tool-versions'), join(workspace, '.tool-versions'));
    setInputs({ 'version-file': '.tool-versions' });
    expect(() => getInputs()).toThrow(/^Input "version-file" is "\.tool-versions", which resolves to .*, outside the workspace/);
  });

  test('version-file: an absolute path inside the workspace is fine', () => {
    writeFileSync(join(workspace, '.terraform-version'), '1.5.7\n');
    setInputs({ 'version-file': join(workspace, '.terraform-version') });
    expect(getInputs().versions.terraform).toEqual({ kind: 'exact', version: '1.5.7' });
  });

  test('checksums: sha256sum lines, keyed by the exact asset name (case kept), digests lower-cased', () => {
    setInputs({ checksums: `${'A'.repeat(64)}  hadolint-Linux-x86_64\n${'b'.repeat(64)} *packer_1.4.4_linux_amd64.zip` });
    expect([...getInputs().checksums]).toEqual([
      ['hadolint-Linux-x86_64', 'a'.repeat(64)],
      ['packer_1.4.4_linux_amd64.zip', 'b'.repeat(64)],
    ]);
  });
});

describe('cache-verification: what auto means where', () => {
  test.each([
    ['auto', { RUNNER_ENVIRONMENT: 'github-hosted' }, 'on-change', 'auto: a GitHub-hosted runner'],
    ['auto', { RUNNER_ENVIRONMENT: 'self-hosted' }, 'always', 'auto: a self-hosted runner'],
    ['auto', {}, 'always', 'auto: a self-hosted runner (RUNNER_ENVIRONMENT is not set)'],
    ['auto', { RUNNER_ENVIRONMENT: 'self-hosted', SHIPKIT_LOCAL_RUN: '1' }, 'on-change', 'auto: a local run of the shipkit CLI'],
    ['on-change', { RUNNER_ENVIRONMENT: 'self-hosted' }, 'on-change', 'as set'],
    ['always', { RUNNER_ENVIRONMENT: 'github-hosted' }, 'always', 'as set'],
  ] as const)('%s with %j: %s', (setting, env, mode, why) => {
    expect(cacheVerificationFor(setting, env)).toEqual({ mode, why });
  });
});
