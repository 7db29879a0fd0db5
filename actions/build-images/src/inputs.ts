import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cpus } from 'node:os';
import * as core from '@actions/core';
import { UsageError } from '../../../lib/errors.js';
import { isPullRequest } from '../../../lib/git-context.js';
import { getBoolean, getEnum, getLines, getList, getPositiveInt, getSecret, getString } from '../../../lib/inputs.js';
import { forLog } from '../../../lib/log.js';
import { parseMirrors, type Mirror } from '../../../lib/mirrors.js';
import { checkPattern, isInside, realPathOf, resolveInside } from '../../../lib/paths.js';
import { parseVersionSpec, type VersionSpec } from '../../../lib/tools/versions.js';
import { CACHE_TYPES, type CacheSetting } from './builder.js';
import { CacheSpecError, parseCacheSpec, type CacheEntry } from './cache-spec.js';
import { CONTEXT_DIGEST_LABEL } from './digest.js';
import { THRESHOLDS, type Threshold } from './hadolint.js';
import { isRepositoryPath, NAME_MAX, parseRegistry } from './reference.js';
import { parseImageNames } from './services.js';
import { parseTagSpec, type TagSpec } from './tags.js';

/** build-images' inputs, keyed as in action.yml, every one checked before anything runs. */
export interface Inputs {
  services: string[];
  'image-names': Map<string, string>;
  registry: string;
  namespace: string;
  username: string;
  password: string;
  push: 'auto' | 'true' | 'false';
  tags: TagSpec;
  labels: string[];
  'build-args': string[];
  /** BuildKit secrets (`--secret`), values masked as soon as they are read. */
  secrets: BuildSecret[];
  target: string;
  platforms: string[];
  builder: string;
  'cache-from': CacheSetting;
  'cache-to': CacheSetting;
  rebuild: boolean;
  lint: boolean;
  'failure-threshold': Threshold;
  /** Relative to the workspace; empty when not given. */
  'hadolint-config': string;
  'hadolint-version': VersionSpec | undefined;
  /** Relative to the workspace; empty when not given. */
  'sarif-file': string;
  parallel: number;
  mirrors: Mirror[];
  'discover-only': boolean;
  'lint-only': boolean;
}

export interface BuildSecret {
  id: string;
  value: string;
}

const bad = (input: string, value: string, expected: string) => new UsageError(`Input "${input}" is ${forLog(value)}: expected ${expected}.`);

export function getInputs(workspace: string): Inputs {
  const registry = getRegistry();
  const inputs: Inputs = {
    services: getServices(workspace),
    'image-names': parseImageNames(getLines('image-names')),
    registry,
    namespace: getNamespace(registry),
    username: getString('username'),
    password: getSecret('password', 'a registry password or token is one line'),
    push: getEnum('push', ['auto', 'true', 'false'] as const, 'auto'),
    tags: parseTagSpec(getList('tags')),
    labels: getPairs('labels', /^[^\s=]+$/, 'a label key without spaces'),
    'build-args': getPairs('build-args', /^[A-Za-z_][A-Za-z0-9_]*$/, 'an argument name of letters, digits and _'),
    secrets: getSecrets(),
    target: getMatching('target', /^[A-Za-z][A-Za-z0-9_.-]*$/, 'a build stage name (letters, digits, _ . -)'),
    platforms: getPlatforms(),
    builder: getMatching('builder', /^[A-Za-z0-9][A-Za-z0-9._+-]*$/, 'a buildx builder name as docker buildx ls shows it'),
    'cache-from': getCache('cache-from', workspace),
    'cache-to': getCache('cache-to', workspace),
    rebuild: getBoolean('rebuild'),
    lint: getBoolean('lint', true),
    'failure-threshold': getEnum('failure-threshold', THRESHOLDS, 'error'),
    'hadolint-config': getHadolintConfig(workspace),
    'hadolint-version': getVersion(),
    'sarif-file': getSarifFile(workspace),
    parallel: getPositiveInt('parallel', cpus().length),
    mirrors: parseMirrors(getLines('mirrors')),
    'discover-only': getBoolean('discover-only'),
    'lint-only': getBoolean('lint-only'),
  };
  checkCombinations(inputs);
  return inputs;
}

function checkCombinations(inputs: Inputs): void {
  if (inputs['discover-only'] && inputs['lint-only']) {
    throw new UsageError('Inputs "discover-only" and "lint-only" are both true: choose one (discover-only finds services, lint-only lints them).');
  }
  if (inputs['lint-only'] && !inputs.lint) throw new UsageError('Input "lint-only" is true but "lint" is false: there would be nothing to do.');
  if (inputs['sarif-file'] && !inputs.lint) {
    throw new UsageError(`Input "sarif-file" is ${forLog(inputs['sarif-file'])} but "lint" is false: there would be no lint results to write.`);
  }
}


function getRegistry(): string {
  const value = getString('registry') || 'docker.io';
  const parsed = parseRegistry(value);
  if ('problem' in parsed) throw bad('registry', value, `a registry host with an optional port, e.g. docker.io, ghcr.io or 127.0.0.1:5000: ${parsed.problem}`);
  return value;
}

function getNamespace(registry: string): string {
  const value = getString('namespace');
  if (!value) return value;
  if (!isRepositoryPath(value)) throw bad('namespace', value, 'a repository path of lower-case letters and digits, with . _ - between them and / between parts, e.g. vscoder or org/team');
  if (`${registry}/${value}/x`.length > NAME_MAX) throw bad('namespace', value, `an image name (registry and namespace included) of at most ${NAME_MAX} characters`);
  return value;
}

/** Patterns stay in the workspace: no `..`, no absolute path elsewhere, no symlinked folder leading out. */
function getServices(workspace: string): string[] {
  const patterns = getLines('services');
  return (patterns.length ? patterns : ['src/*']).map((p) => {
    const pattern = checkPattern(workspace, p, 'services');
    const literal = pattern.split('/').filter(Boolean);
    const wild = literal.findIndex((segment) => /[*?]/.test(segment));
    const fixed = (wild < 0 ? literal : literal.slice(0, wild)).join('/');
    if (fixed && !isInside(workspace, join(workspace, fixed))) {
      throw new UsageError(`Input "services" has the pattern ${forLog(p)}, whose folder ${forLog(fixed)} resolves to ${forLog(realPathOf(join(workspace, fixed)))}, outside the workspace: patterns are relative to the repository and stay inside it.`);
    }
    return pattern;
  });
}

function getMatching(name: string, pattern: RegExp, expected: string): string {
  const value = getString(name);
  if (value && !pattern.test(value)) throw bad(name, value, expected);
  return value;
}

/** `KEY=value` lines; the value may hold anything but a line break. */
function getPairs(name: string, key: RegExp, expected: string): string[] {
  const lines = getLines(name);
  for (const line of lines) {
    const eq = line.indexOf('=');
    if (eq <= 0 || !key.test(line.slice(0, eq).trim())) {
      throw new UsageError(`Input "${name}" has the line ${forLog(line)}: expected KEY=value with ${expected}.`);
    }
    if (name === 'labels' && line.slice(0, eq).trim() === CONTEXT_DIGEST_LABEL) {
      throw new UsageError(`Input "labels" sets ${CONTEXT_DIGEST_LABEL}, which build-images writes itself to tell whether an image changed.`);
    }
  }
  return lines.map((line) => `${line.slice(0, line.indexOf('=')).trim()}=${line.slice(line.indexOf('=') + 1)}`);
}

/**
 * `id=value` lines, each a secret a Dockerfile mounts with `RUN --mount=type=secret,id=<id>`. Values
 * are secrets: masked at once, and no message repeats them (nor a line that has no `=`, which may
 * be a value pasted alone).
 */
function getSecrets(): BuildSecret[] {
  const secrets: BuildSecret[] = [];
  getLines('secrets').forEach((line, index) => {
    const eq = line.indexOf('=');
    if (eq < 0) {
      throw new UsageError(`Input "secrets" has an entry without "=" (entry ${index + 1}, not shown: it may be a secret): expected id=value lines, e.g. npm_token=\${{ secrets.NPM_TOKEN }}.`);
    }
    const id = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (value) core.setSecret(value);
    if (!/^[A-Za-z0-9_.-]+$/.test(id)) throw new UsageError(`Input "secrets" has the id ${forLog(id)} (its value is not shown): expected an id of letters, digits, _ . and -, as RUN --mount=type=secret,id=<id> names it.`);
    if (secrets.some((s) => s.id === id)) throw new UsageError(`Input "secrets" gives the id ${forLog(id)} twice: each id is one secret.`);
    secrets.push({ id, value });
  });
  return secrets;
}

function getPlatforms(): string[] {
  const platforms = [...new Set(getList('platforms'))];
  const wrong = platforms.find((p) => !/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(p));
  if (wrong) throw new UsageError(`Input "platforms" has ${forLog(wrong)}: expected os/arch[/variant] entries, e.g. linux/amd64,linux/arm64.`);
  return platforms;
}

/**
 * buildx cache specs, one a line: `type=registry,ref=...`, `type=gha`, a bare image reference
 * (a registry cache), or `none`. `{image}` and `{name}` stand for each service's image and name.
 */
function getCache(name: 'cache-from' | 'cache-to', workspace: string): CacheSetting {
  const lines = getLines(name);
  if (!lines.length) return { kind: 'default' };
  if (lines.length === 1 && lines[0] === 'none') return { kind: 'none' };
  for (const line of lines) {
    const wrong = (why: string) => new UsageError(`Input "${name}" has the line ${forLog(line)}: ${why}.`);
    if (line === 'none') throw wrong('"none" stands alone, with no other line');
    const placeholder = /\{([^}]*)\}/.exec(line);
    if (placeholder && !['image', 'name'].includes(placeholder[1]!)) throw wrong(`{${placeholder[1]}} is not a placeholder: use {image} or {name}`);
    // Checked as buildx will read it, placeholders filled with a name-like stand-in.
    let entries: CacheEntry[];
    try {
      entries = parseCacheSpec(line.replace(/\{(image|name)\}/g, 'x'));
    } catch (error: unknown) {
      if (!(error instanceof CacheSpecError)) throw error;
      throw wrong(`buildx cannot read it as a cache spec (one CSV line of key=value fields): ${error.message}`);
    }
    for (const entry of entries) {
      if (!(CACHE_TYPES as readonly string[]).includes(entry.type)) throw wrong(`expected type=registry, inline, local, gha, s3 or azblob with its options (e.g. type=gha,mode=max), or an image reference`);
      if (name === 'cache-from' && entry.type === 'inline') throw wrong('inline cache is read back with type=registry,ref=<image>');
      if (entry.type !== 'local') continue;
      for (const key of ['src', 'dest'] as const) {
        if (entry.attrs[key] !== undefined) resolveInside(workspace, entry.attrs[key], name);
      }
    }
  }
  return { kind: 'specs', specs: lines };
}

function getVersion(): VersionSpec | undefined {
  const value = getString('hadolint-version');
  return value ? parseVersionSpec('hadolint-version', value) : undefined;
}

function getHadolintConfig(workspace: string): string {
  const value = getString('hadolint-config');
  if (!value) return value;
  const path = resolveInside(workspace, value, 'hadolint-config');
  if (!existsSync(path.absolute) || !statSync(path.absolute).isFile()) throw bad('hadolint-config', value, 'a hadolint config file in the repository (no such file)');
  return path.relative;
}

/** Checked now, written at the end: a bad path must not surface after the images were pushed. */
function getSarifFile(workspace: string): string {
  const value = getString('sarif-file');
  if (!value) return value;
  const path = resolveInside(workspace, value, 'sarif-file');
  if (existsSync(path.absolute) && statSync(path.absolute).isDirectory()) throw bad('sarif-file', value, 'a file path, not a folder (e.g. reports/hadolint.sarif)');
  // Missing folders are made when the file is written; a file where a folder should be is an error now.
  let dir = dirname(path.absolute);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) throw bad('sarif-file', value, `a file path; ${forLog(dir)} is a file, not a folder`);
  return path.relative;
}

/** `auto` pushes except for pull requests, whose code has not been reviewed yet. */
export function shouldPush(push: Inputs['push'], eventName: string): boolean {
  if (push === 'auto') return !isPullRequest(eventName);
  return push === 'true';
}
