import { chmod, lstat, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The step's own DOCKER_CONFIG, so the registry login never lands in the runner's config (where later
 * steps and jobs on a self-hosted runner would find it) and is gone after the post step. Docker keeps
 * more than credentials in that folder, so the rest of the runner's set-up stays visible through it:
 *
 * - `buildx/` (builders and the current one, e.g. docker/setup-buildx-action's), `contexts/` and
 *   `cli-plugins/` are symlinks to the runner's folders (removing the step's folder removes the
 *   links, never their targets);
 * - config.json keeps every setting (currentContext, cliPluginsExtraDirs, aliases, proxies, ...)
 *   and the runner's logins to other registries, wherever they live: inline `auths`, `credHelpers`,
 *   and the `credsStore` (pass, secretservice, osxkeychain, desktop, or ecr-login, which lists no
 *   registries at all), so private base images keep pulling once the step has logged in.
 * - the kit's registry alone is pinned to this file: a `credHelpers` entry with an empty helper name
 *   makes the docker CLI (and buildx, which reads the config with the same code) use the file store
 *   for that registry, ahead of any `credsStore`, so `docker login` writes the password here and
 *   nowhere else. The runner's own login to that registry is not carried over.
 * - the pin also keeps docker from looking for a default credential helper
 *   (docker-credential-secretservice/pass on PATH), which it only does when a config holds no auth
 *   at all; the empty `auths` entry written for the kit's registry says the same to older clients.
 */

export const LINKED = ['buildx', 'contexts', 'cli-plugins'] as const;

/** The runner's docker config folder, as the docker CLI finds it. */
export function runnerDockerConfig(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
}

/** The keys docker may store a registry's login under. */
export function registryKeys(registry: string): string[] {
  if (['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(registry)) {
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
  }
  return [registry, `https://${registry}`, `http://${registry}`];
}

type Json = Record<string, unknown>;

function without(map: unknown, keys: string[]): Json {
  if (!map || typeof map !== 'object') return {};
  const lowered = keys.map((k) => k.replace(/\/+$/, '').toLowerCase());
  return Object.fromEntries(Object.entries(map as Json).filter(([k]) => !lowered.includes(k.replace(/\/+$/, '').toLowerCase())));
}

/** The file store: docker's answer to a `credHelpers` entry whose helper name is empty. */
export const FILE_STORE = '';

/** The step's config.json, made from the runner's (undefined when it has none). */
export function stepConfigJson(runner: Json | undefined, registry: string): Json {
  const keys = registryKeys(registry);
  const config: Json = { ...runner };
  config.auths = { ...without(runner?.auths, keys), [keys[0]!]: {} };
  config.credHelpers = { ...without(runner?.credHelpers, keys), ...Object.fromEntries(keys.map((key) => [key, FILE_STORE])) };
  return config;
}

export interface StepConfig {
  dir: string;
  /** What was carried over from the runner's folder, for the log. */
  linked: string[];
}

export async function createStepConfig(tempRoot: string, env: NodeJS.ProcessEnv, registry: string): Promise<StepConfig> {
  const dir = await mkdtemp(join(tempRoot, 'shipkit-docker-'));
  await chmod(dir, 0o700);
  const runner = runnerDockerConfig(env);
  await writeFile(join(dir, 'config.json'), `${JSON.stringify(stepConfigJson(await readJson(join(runner, 'config.json')), registry), null, 2)}\n`, { mode: 0o600 });
  const linked: string[] = [];
  for (const name of LINKED) {
    // BUILDX_CONFIG, when set, already points buildx at its folder wherever DOCKER_CONFIG is.
    if (name === 'buildx' && env.BUILDX_CONFIG) continue;
    if (!(await exists(join(runner, name)))) continue;
    // 'junction' makes Windows create a folder link without admin rights; elsewhere it is ignored.
    await symlink(join(runner, name), join(dir, name), 'junction');
    linked.push(name);
  }
  return { dir, linked };
}

async function readJson(path: string): Promise<Json | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : undefined;
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
