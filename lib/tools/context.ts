import * as core from '@actions/core';
import { Fetcher } from '../http.js';
import type { Mirror } from '../mirrors.js';
import { currentPlatform } from '../platform.js';
import { shortKeyId } from '../pgp.js';
import { HASHICORP_RELEASE_KEY } from './hashicorp-key.js';
import type { InstallContext } from './install.js';
import { TOOLS, type ToolName } from './tools.js';

export interface InstallerSettings {
  tools: ToolName[];
  mirrors: Mirror[];
  githubToken: string;
  githubApiUrl: string;
  /** Armored key text; undefined for HashiCorp's key embedded in shipkit. */
  hashicorpKey?: string;
  checksums?: Map<string, string>;
  allowUnverified?: boolean;
}

/** Everything the install flow needs from the runner, built once per step and shared by all tools. */
export async function installContext(settings: InstallerSettings): Promise<InstallContext> {
  if (settings.githubToken) core.setSecret(settings.githubToken);
  const needsKey = settings.tools.some((t) => TOOLS[t].releases.kind === 'hashicorp');
  const armored = settings.hashicorpKey ?? HASHICORP_RELEASE_KEY;
  return {
    platform: currentPlatform(),
    fetcher: new Fetcher({
      mirrors: settings.mirrors,
      token: settings.githubToken,
      tokenOrigin: settings.githubApiUrl,
      log: (line) => core.info(line),
    }),
    github: { url: settings.githubApiUrl, hasToken: Boolean(settings.githubToken) },
    // The embedded key's id is known; a user-given key is parsed (loading openpgp) only when used.
    hashicorpKey: { armored, shortId: needsKey && settings.hashicorpKey ? await shortKeyId(armored) : '72D7468F' },
    userDigests: settings.checksums ?? new Map<string, string>(),
    allowUnverified: settings.allowUnverified ?? false,
    log: (line) => core.info(line),
    warn: (line) => core.warning(line),
  };
}
