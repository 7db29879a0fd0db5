import * as core from '@actions/core';
import type { Fetcher } from '../http.js';
import { isLocalRun } from '../local-run.js';
import { info } from '../log.js';
import type { Mirror } from '../mirrors.js';
import { keyIdentity } from '../pgp.js';
import { currentPlatform } from '../platform.js';
import { HASHICORP_RELEASE_KEY } from './hashicorp-key.js';
import type { InstallContext } from './install.js';
import type { ToolName } from './tools.js';

export interface InstallerSettings {
  tools: ToolName[];
  mirrors: Mirror[];
  githubToken: string;
  githubApiUrl: string;
  /** Armored key text; undefined for HashiCorp's key embedded in shipkit. */
  hashicorpKey?: string;
  /** Digests given in the `checksums` input, by exact asset name. */
  checksums?: Map<string, string>;
  allowUnverified?: boolean;
  /** `always` proves every cache entry from its evidence, not only those whose files changed; `auto` (the default) picks by runner. */
  cacheVerification?: CacheVerificationSetting;
  /** Back-off before each retry of a download (lib/http.ts); `[]` fails at once (a local run's first try). */
  retryDelays?: readonly number[];
}

export type CacheVerificationSetting = 'auto' | 'on-change' | 'always';

/**
 * What `auto` means on this runner, and why. A GitHub-hosted runner is a fresh machine per job: only
 * this job's own steps can write its tool cache, and they could as well rewrite PATH or the runner,
 * so checking an entry's file identity (`on-change`) is enough; a local run uses its user's own
 * cache. A self-hosted runner keeps its tool cache from job to job, often shared by several runners
 * on one volume: a job that ran before (a pull request's build, say) can have replaced a binary and
 * rewritten its record to match, which only proving the entry from its evidence (`always`) catches.
 * RUNNER_ENVIRONMENT is unset only on runners too old to set it, all of them self-hosted.
 */
export function cacheVerificationFor(setting: CacheVerificationSetting = 'auto', env: NodeJS.ProcessEnv = process.env): { mode: 'on-change' | 'always'; why: string } {
  if (setting !== 'auto') return { mode: setting, why: 'as set' };
  if (isLocalRun(env)) return { mode: 'on-change', why: 'auto: a local run of the shipkit CLI' };
  if (env.RUNNER_ENVIRONMENT === 'github-hosted') return { mode: 'on-change', why: 'auto: a GitHub-hosted runner' };
  return { mode: 'always', why: `auto: a self-hosted runner${env.RUNNER_ENVIRONMENT ? '' : ' (RUNNER_ENVIRONMENT is not set)'}` };
}

/**
 * Everything the install flow needs from the runner, built once per step and shared by all tools.
 * (A promise for the callers written when it had to load openpgp; it no longer waits for anything.)
 */
export function installContext(settings: InstallerSettings): Promise<InstallContext> {
  if (settings.githubToken) core.setSecret(settings.githubToken);
  const armored = settings.hashicorpKey ?? HASHICORP_RELEASE_KEY;
  let fetcher: Promise<Fetcher> | undefined;
  return Promise.resolve({
    platform: currentPlatform(),
    // The HTTP layer is loaded on the first cache miss: a warm run never pays for it.
    fetcher: () =>
      (fetcher ??= import('../http.js').then(
        ({ Fetcher }) =>
          new Fetcher({
            mirrors: settings.mirrors,
            token: settings.githubToken,
            tokenOrigin: settings.githubApiUrl,
            retryDelays: settings.retryDelays,
            log: (line) => info(line),
          }),
      )),
    github: { url: settings.githubApiUrl, hasToken: Boolean(settings.githubToken) },
    // Read without openpgp (lib/pgp.ts): a malformed key is refused here, before any download.
    hashicorpKey: { armored, identity: keyIdentity(armored) },
    userDigests: settings.checksums ?? new Map<string, string>(),
    allowUnverified: settings.allowUnverified ?? false,
    cacheVerification: cacheVerificationFor(settings.cacheVerification).mode,
    log: (line) => info(line),
    warn: (line) => core.warning(line),
  });
}
