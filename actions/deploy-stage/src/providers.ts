import { join } from 'node:path';

/**
 * Terraform's provider plugin cache (TF_PLUGIN_CACHE_DIR), kept in the runner's tool cache so the
 * workflows can carry it across runs with actions/cache (saved only by default-branch runs).
 *
 * A cache is outside input, so it is used only where terraform itself checks what it takes from it:
 * - 1.4 and later take a cached provider only when it matches a checksum in the module's
 *   `.terraform.lock.hcl`, which is reviewed code; without a lock file (or a lock entry) they
 *   ignore the cache and download from the registry, verified against its signed checksums;
 * - 0.14 to 1.3 check a cached provider against the lock file when there is one, but without one
 *   they take whatever the cache holds and record its hash: no cache for such a module;
 * - before 0.14 there is no lock file at all, nothing to check a cached provider against: no cache.
 */

/** The folder under RUNNER_TOOL_CACHE; the reusable workflows cache `${{ runner.tool_cache }}/` + this. */
export const PROVIDER_CACHE_FOLDER = 'shipkit-terraform-providers';

export type Version = readonly [number, number, number];

const atLeast = (v: Version, major: number, minor: number) => v[0] > major || (v[0] === major && v[1] >= minor);

export interface ProviderCache {
  /** Set when the kit's cache is used: the folder TF_PLUGIN_CACHE_DIR names. */
  dir?: string;
  /** One line for the log: where providers are kept, or why not. */
  note: string;
}

export function providerCache(enabled: boolean, env: NodeJS.ProcessEnv, version: Version): ProviderCache {
  const shown = version.join('.');
  if (!enabled) return { note: 'Terraform providers are not cached across runs (provider-cache: false).' };
  if (env.TF_PLUGIN_CACHE_DIR) return { note: 'TF_PLUGIN_CACHE_DIR is set in the environment: terraform uses that provider cache as it is.' };
  if (!atLeast(version, 0, 14)) {
    return { note: `Terraform providers are not cached across runs: terraform ${shown} has no dependency lock file (0.14 and later do), so nothing could check a cached provider before it runs.` };
  }
  if (!env.RUNNER_TOOL_CACHE) return { note: 'Terraform providers are not cached across runs: RUNNER_TOOL_CACHE is not set.' };
  const dir = join(env.RUNNER_TOOL_CACHE, PROVIDER_CACHE_FOLDER);
  return {
    dir,
    note: atLeast(version, 1, 4)
      ? `Terraform providers are cached in ${dir}: terraform ${shown} takes a cached provider only when it matches the module's .terraform.lock.hcl, and downloads (verified) otherwise.`
      : `Terraform providers are cached in ${dir} for modules with a .terraform.lock.hcl, which terraform ${shown} checks every cached provider against; modules without one download theirs (verified).`,
  };
}

/** Whether one module's terraform gets the cache: always from 1.4, else only with a lock file. */
export function moduleUsesCache(version: Version, hasLockFile: boolean): boolean {
  return atLeast(version, 1, 4) || (atLeast(version, 0, 14) && hasLockFile);
}
