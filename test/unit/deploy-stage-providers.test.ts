import { describe, expect, test } from '@jest/globals';
import { moduleUsesCache, PROVIDER_CACHE_FOLDER, providerCache } from '../../actions/deploy-stage/src/providers.js';

// When deploy-stage hands terraform the provider cache: only where terraform can check what it takes
// from it against the module's lock file (the integration test shows 1.11.4 doing so).

describe('the provider cache', () => {
  const env = { RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' };

  test.each([
    [[1, 11, 4], true, true],
    [[1, 4, 0], false, true], // 1.4 ignores the cache without a lock entry
    [[1, 3, 9], true, true], // 0.14 to 1.3 check the cache against a lock file...
    [[1, 3, 9], false, false], // ...but without one take it unchecked
    [[0, 14, 0], true, true],
    [[0, 13, 7], true, false], // no lock files before 0.14
    [[0, 12, 12], false, false],
  ] as const)('terraform %j, lock file %s: cache used %s', (version, lock, used) => {
    expect(moduleUsesCache(version, lock)).toBe(used);
  });

  test('in the tool cache, under the folder the workflows cache', () => {
    expect(providerCache(true, env, [1, 11, 4])).toEqual({
      dir: `/opt/hostedtoolcache/${PROVIDER_CACHE_FOLDER}`,
      note: "Terraform providers are cached in /opt/hostedtoolcache/shipkit-terraform-providers: terraform 1.11.4 takes a cached provider only when it matches the module's .terraform.lock.hcl, and downloads (verified) otherwise.",
    });
    expect(providerCache(true, env, [1, 2, 0]).note).toBe(
      'Terraform providers are cached in /opt/hostedtoolcache/shipkit-terraform-providers for modules with a .terraform.lock.hcl, which terraform 1.2.0 checks every cached provider against; modules without one download theirs (verified).',
    );
  });

  test.each([
    [false, env, [1, 11, 4], 'Terraform providers are not cached across runs (provider-cache: false).'],
    [true, { ...env, TF_PLUGIN_CACHE_DIR: '/home/me/.terraform.d/plugin-cache' }, [1, 11, 4], 'TF_PLUGIN_CACHE_DIR is set in the environment: terraform uses that provider cache as it is.'],
    [true, env, [0, 12, 12], 'Terraform providers are not cached across runs: terraform 0.12.12 has no dependency lock file (0.14 and later do), so nothing could check a cached provider before it runs.'],
    [true, {}, [1, 11, 4], 'Terraform providers are not cached across runs: RUNNER_TOOL_CACHE is not set.'],
  ] as const)('not used: %s %j %j', (enabled, environment, version, note) => {
    expect(providerCache(enabled, environment, version)).toEqual({ note });
  });
});
