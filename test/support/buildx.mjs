// A runner's docker config folder as docker/setup-buildx-action leaves it, with the docker-buildx
// STAND-IN (standins/docker-buildx, not the real buildx) installed as a CLI plugin, for the tests of
// build-images' buildx path. Builders are written as buildx stores them (see standins/docker-buildx.md).
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILDX_STANDIN = fileURLToPath(new URL('./standins/docker-buildx', import.meta.url));

/**
 * @param {object} options
 * @param {{name: string, driver: string}[]} [options.builders] builders to store under buildx/instances
 * @param {string} [options.current] the builder `docker buildx use` selected (keyed to the default endpoint)
 * @param {'cli-plugins' | 'extra-dir' | 'none'} [options.plugin] where the plugin goes: the config's
 *   cli-plugins folder, a folder named by cliPluginsExtraDirs, or nowhere (no buildx)
 * @param {object} [options.config] more config.json settings (auths, credsStore, currentContext, ...)
 * @returns {{dir: string, pluginDir: string | undefined, calls: () => object[], configJson: () => string}}
 */
export function runnerDockerConfig({ builders = [], current, plugin = 'cli-plugins', config = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-runner-docker-'));
  let pluginDir;
  const settings = { ...config };
  if (plugin === 'cli-plugins') pluginDir = join(dir, 'cli-plugins');
  if (plugin === 'extra-dir') {
    pluginDir = mkdtempSync(join(tmpdir(), 'shipkit-plugins-'));
    settings.cliPluginsExtraDirs = [pluginDir];
  }
  if (pluginDir) {
    mkdirSync(pluginDir, { recursive: true });
    copyFileSync(BUILDX_STANDIN, join(pluginDir, 'docker-buildx'));
    chmodSync(join(pluginDir, 'docker-buildx'), 0o755);
  }
  if (builders.length || current) {
    mkdirSync(join(dir, 'buildx', 'instances'), { recursive: true });
    mkdirSync(join(dir, 'buildx', 'defaults'), { recursive: true });
  }
  const endpoint = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  for (const b of builders) {
    const node = { Name: `${b.name}0`, Endpoint: endpoint, Platforms: null, DriverOpts: null, Flags: null, Files: null };
    writeFileSync(join(dir, 'buildx', 'instances', b.name.toLowerCase()), JSON.stringify({ Name: b.name, Driver: b.driver, Nodes: [node], Dynamic: false }));
  }
  if (current) writeFileSync(join(dir, 'buildx', 'current'), JSON.stringify({ Key: endpoint, Name: current, Global: false }));
  writeFileSync(join(dir, 'config.json'), `${JSON.stringify(settings, null, '\t')}\n`);
  const log = pluginDir ? join(pluginDir, 'buildx-calls.jsonl') : undefined;
  return {
    dir,
    pluginDir,
    calls: () => (log && existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []),
    configJson: () => readFileSync(join(dir, 'config.json'), 'utf8'),
  };
}
