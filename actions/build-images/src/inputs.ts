import { cpus } from 'node:os';
import { UsageError } from '../../../lib/errors.js';
import { isPullRequest } from '../../../lib/git-context.js';
import { getBoolean, getEnum, getLines, getList, getPositiveInt, getString } from '../../../lib/inputs.js';
import { parseMirrors, type Mirror } from '../../../lib/mirrors.js';
import { parseVersionSpec, type VersionSpec } from '../../../lib/tools/versions.js';
import { THRESHOLDS, type Threshold } from './hadolint.js';
import { parseImageNames } from './services.js';
import { parseTagSpec, type TagSpec } from './tags.js';

/** build-images' inputs, keyed as in action.yml. */
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
  target: string;
  platforms: string[];
  rebuild: boolean;
  lint: boolean;
  'failure-threshold': Threshold;
  'hadolint-config': string;
  'hadolint-version': VersionSpec | undefined;
  'sarif-file': string;
  parallel: number;
  mirrors: Mirror[];
  'discover-only': boolean;
  'lint-only': boolean;
}

const NAMESPACE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;
const REGISTRY = /^[A-Za-z0-9.-]+(?::\d+)?$|^\[[0-9a-fA-F:]+\](?::\d+)?$/;

export function getInputs(): Inputs {
  const registry = getString('registry') || 'docker.io';
  if (!REGISTRY.test(registry)) {
    throw new UsageError(`Input "registry" is "${registry}": expected a registry host with an optional port, e.g. docker.io, ghcr.io or 127.0.0.1:5000 (no scheme, no path).`);
  }
  const namespace = getString('namespace');
  if (namespace && !NAMESPACE.test(namespace)) {
    throw new UsageError(`Input "namespace" is "${namespace}": expected a lower-case user or organisation name, e.g. vscoder.`);
  }
  const pairs = (name: string) => {
    const lines = getLines(name);
    for (const line of lines) {
      if (!/^[^=\s]+=/.test(line)) throw new UsageError(`Input "${name}" has the line "${line}": expected KEY=value.`);
    }
    return lines;
  };
  const hadolintVersion = getString('hadolint-version');
  return {
    services: getLines('services').length ? getLines('services') : ['src/*'],
    'image-names': parseImageNames(getLines('image-names')),
    registry,
    namespace,
    username: getString('username'),
    password: getString('password'),
    push: getEnum('push', ['auto', 'true', 'false'] as const, 'auto'),
    tags: parseTagSpec(getList('tags')),
    labels: pairs('labels'),
    'build-args': pairs('build-args'),
    target: getString('target'),
    platforms: getList('platforms'),
    rebuild: getBoolean('rebuild'),
    lint: getBoolean('lint', true),
    'failure-threshold': getEnum('failure-threshold', THRESHOLDS, 'error'),
    'hadolint-config': getString('hadolint-config'),
    'hadolint-version': hadolintVersion ? parseVersionSpec('hadolint-version', hadolintVersion) : undefined,
    'sarif-file': getString('sarif-file'),
    parallel: getPositiveInt('parallel', cpus().length),
    mirrors: parseMirrors(getLines('mirrors')),
    'discover-only': getBoolean('discover-only'),
    'lint-only': getBoolean('lint-only'),
  };
}

/** `auto` pushes except for pull requests, whose code has not been reviewed yet. */
export function shouldPush(push: Inputs['push'], eventName: string): boolean {
  if (push === 'auto') return !isPullRequest(eventName);
  return push === 'true';
}
