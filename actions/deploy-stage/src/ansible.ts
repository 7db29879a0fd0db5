import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, posix, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * Where ansible runs and what it reads, worked out before anything runs. ansible finds
 * `ansible.cfg` in the folder it runs from, and the seed's layout keeps one beside its playbooks
 * (`docker-monolith/ansible/ansible.cfg` with `roles_path = ./roles_imported:./roles` and its
 * inventory): the playbooks only resolve from that folder.
 */

export interface AnsibleConfig {
  /** The config file, relative to the repository root. */
  file: string;
  /** Why this one: the ansible-config input, or the nearest above the playbook. */
  source: 'input' | 'nearest';
  /** [defaults] values that matter here, paths resolved as ansible resolves them. */
  inventory?: string[];
  rolesPath?: string[];
  collectionsPath?: string[];
  /** `vault_password_file`, absolute: often a git-ignored file (the seed's `vault.key`) that a checkout does not have. */
  vaultPasswordFile?: string;
}

/** The nearest `ansible.cfg` above `file` (repository-relative), up to the repository root. */
export function nearestConfig(root: string, file: string): string | undefined {
  let dir = posix.dirname(file);
  for (;;) {
    const candidate = dir === '.' ? 'ansible.cfg' : `${dir}/ansible.cfg`;
    if (isFile(join(root, candidate))) return candidate;
    if (dir === '.') return undefined;
    dir = posix.dirname(dir);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The `[defaults]` section of an INI file, as Python's configparser reads it (no interpolation). */
export function iniDefaults(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  let section = '';
  let last: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || !raw.trim()) {
      last = undefined;
      continue;
    }
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      last = undefined;
      continue;
    }
    if (section !== 'defaults') continue;
    if (/^\s/.test(raw) && last) {
      values[last] += `\n${raw.trim()}`;
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (!kv) continue;
    last = kv[1]!.trim().toLowerCase();
    values[last] = kv[2]!.replace(/\s+[#;].*$/, '').trim();
  }
  return values;
}

/**
 * A path list from ansible.cfg, resolved as ansible does for paths read from a config file: `~`
 * and `$VARS` expanded, relative entries taken from the config file's folder.
 */
export function configPaths(value: string | undefined, configDir: string, env: NodeJS.ProcessEnv): string[] | undefined {
  if (value === undefined || !value.trim()) return undefined;
  return value
    .split(/[:,]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const expanded = entry
        .replace(/^~(?=$|\/)/, env.HOME ?? homedir())
        .replace(/\$\{(\w+)\}|\$(\w+)/g, (_all, a: string | undefined, b: string | undefined) => env[(a ?? b)!] ?? '');
      return isAbsolute(expanded) ? expanded : resolve(configDir, expanded);
    });
}

export function readConfig(root: string, file: string, source: AnsibleConfig['source'], env: NodeJS.ProcessEnv): AnsibleConfig {
  const values = iniDefaults(readFileSync(join(root, file), 'utf8'));
  const dir = join(root, posix.dirname(file));
  return {
    file,
    source,
    inventory: configPaths(values.inventory ?? values.hostfile, dir, env),
    rolesPath: configPaths(values.roles_path, dir, env),
    collectionsPath: configPaths(values.collections_path ?? values.collections_paths, dir, env),
    vaultPasswordFile: configPaths(values.vault_password_file, dir, env)?.[0],
  };
}

/** ansible's own defaults, which a config without roles_path or collections_path keeps. */
export function defaultRolesPath(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME ?? homedir();
  return [`${home}/.ansible/roles`, '/usr/share/ansible/roles', '/etc/ansible/roles'];
}

export function defaultCollectionsPath(env: NodeJS.ProcessEnv): string[] {
  return [`${env.HOME ?? homedir()}/.ansible/collections`, '/usr/share/ansible/collections'];
}

export interface RequirementsFile {
  /** Repository-relative. */
  file: string;
  roles: string[];
  collections: string[];
}

/**
 * What a requirements.yml asks for: the old form is a list of roles, the newer one a mapping with
 * `roles:` and `collections:`. A role is named by `name`, else by `src`.
 */
export function readRequirements(root: string, file: string): RequirementsFile {
  const parsed = parseYaml(readFileSync(join(root, file), 'utf8')) as unknown;
  const nameOf = (entry: unknown): string => {
    if (typeof entry === 'string') return entry;
    const { name, src } = (entry ?? {}) as { name?: unknown; src?: unknown };
    return typeof name === 'string' ? name : typeof src === 'string' ? src : '?';
  };
  if (Array.isArray(parsed)) return { file, roles: parsed.map(nameOf), collections: [] };
  const doc = (parsed ?? {}) as { roles?: unknown; collections?: unknown };
  const list = (value: unknown) => (Array.isArray(value) ? value.map(nameOf) : []);
  if (typeof parsed !== 'object' || !(Array.isArray(doc.roles) || Array.isArray(doc.collections))) {
    throw new Error('expected a list of roles, or a mapping with "roles:" and "collections:" lists');
  }
  return { file, roles: list(doc.roles), collections: list(doc.collections) };
}

