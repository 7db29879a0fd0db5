import { describe, expect, test } from '@jest/globals';
import { parseVersionSpec } from '../../lib/tools/versions.js';
import { parseVersionFile } from '../../actions/setup-tools/src/version-file.js';

describe('version specs', () => {
  test.each([
    ['0.12.12', { kind: 'exact', version: '0.12.12' }],
    ['v0.16.0', { kind: 'exact', version: '0.16.0' }],
    [' 1.4.4 ', { kind: 'exact', version: '1.4.4' }],
    ['1.6.0-beta1', { kind: 'exact', version: '1.6.0-beta1' }],
    ['latest', { kind: 'latest' }],
    ['LATEST', { kind: 'latest' }],
    ['~1.5', { kind: 'range', range: '~1.5' }],
    ['1.x', { kind: 'range', range: '1.x' }],
    ['>=1.5 <1.7', { kind: 'range', range: '>=1.5 <1.7' }],
    ['^0.12', { kind: 'range', range: '^0.12' }],
  ])('%j', (raw, spec) => {
    expect(parseVersionSpec('terraform-version', raw)).toEqual(spec);
  });

  test.each(['newest', '1.2.3.4', 'v', '>=banana', '1..2'])('rejects %j naming the input, the value and what is accepted', (raw) => {
    expect(() => parseVersionSpec('packer-version', raw)).toThrow(
      `Input "packer-version" is "${raw}": expected an exact version (1.5.7 or v1.5.7), "latest", or a semver range (~1.5, 1.x, >=1.5 <1.7).`,
    );
  });
});

describe('version files', () => {
  test('.tool-versions: known tools, first version of a line, comments and other tools ignored', () => {
    const text = '# pins\nterraform 0.12.31 0.12.12\npacker 1.4.4 # build images\nnodejs 20.1.0\ntflint v0.12.1\n\n';
    expect(parseVersionFile('.tool-versions', text)).toEqual({ terraform: '0.12.31', packer: '1.4.4', tflint: 'v0.12.1' });
  });

  test('.terraform-version: one line, the terraform version', () => {
    expect(parseVersionFile('.terraform-version', '1.5.7\n')).toEqual({ terraform: '1.5.7' });
  });

  test('an empty .terraform-version is an error naming the file', () => {
    expect(() => parseVersionFile('.terraform-version', '\n')).toThrow('The version file .terraform-version is empty');
  });
});
