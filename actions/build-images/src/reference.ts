/**
 * Image names as Docker's reference grammar (distribution/reference) spells them. The kit checks them
 * before anything runs, so a typo fails with the input's name instead of a docker error halfway
 * through a push.
 */

/** One path component: lower-case letters and digits, separated by `.`, `_`, `__` or any run of `-`. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const PATH = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/** A host name component: letters, digits and inner dashes. */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*$`);
const IPV6 = /^\[[0-9a-fA-F:.]+\]$/;
/** Docker refuses a repository name (registry host included) longer than this. */
export const NAME_MAX = 255;

/** True for a repository path such as `vscoder`, `org/team/ui` or `my__app`. */
export function isRepositoryPath(value: string): boolean {
  return PATH.test(value);
}

export interface RegistryHost {
  host: string;
  port?: number;
}

/**
 * Splits `host[:port]` and checks both parts; returns a reason when the value is not a registry host
 * (no scheme, no path, a port from 1 to 65535).
 */
export function parseRegistry(value: string): RegistryHost | { problem: string } {
  if (/^[a-z]+:\/\//i.test(value)) return { problem: 'no scheme (write the host alone, e.g. ghcr.io)' };
  if (value.includes('/')) return { problem: 'no path (the namespace goes in "namespace")' };
  const match = /^(\[[^\]]*\]|[^:]*)(?::([^:]*))?$/.exec(value);
  if (!match) return { problem: 'a host with an optional port' };
  const [, host = '', port] = match;
  if (!DOMAIN.test(host) && !IPV6.test(host)) return { problem: `"${host}" is not a host name` };
  if (port === undefined) return { host };
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    return { problem: `the port must be a number from 1 to 65535` };
  }
  return { host, port: Number(port) };
}

export interface ImageRef {
  /** What docker is given: registry/namespace/name, e.g. `docker.io/vscoder/post`. */
  ref: string;
  /** The repository as the registry API names it (`library/redis` for official Hub images). */
  repository: string;
}

/** The image a service is published as. */
export function imageRef(registry: string, namespace: string, name: string): ImageRef {
  const path = namespace ? `${namespace}/${name}` : name;
  const isHub = registry === 'docker.io' || registry === 'index.docker.io';
  return { ref: `${registry}/${path}`, repository: isHub && !namespace ? `library/${name}` : path };
}
