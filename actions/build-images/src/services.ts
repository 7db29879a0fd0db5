import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError } from '../../../lib/errors.js';
import { globDirs } from '../../../lib/glob.js';
import { isValidTag } from './tags.js';

export interface Service {
  /** The service's folder name, e.g. `post-py`. */
  service: string;
  /** Build context relative to the workspace, e.g. `src/post-py`. */
  context: string;
  dockerfile: string;
  /** Image name without registry and namespace, e.g. `post`. */
  name: string;
  /** Trimmed VERSION file, when the service has one. */
  version?: string;
}

/** Parses `dir=name` lines (`post-py=post`). */
export function parseImageNames(lines: string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of lines) {
    const [dir, name, ...rest] = line.split('=').map((s) => s.trim());
    if (!dir || !name || rest.length || !/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(name)) {
      throw new UsageError(
        `Input "image-names" has the line "${line}": expected dir=name with a lower-case image name, e.g. post-py=post.`,
      );
    }
    names.set(dir, name);
  }
  return names;
}

/** Every folder matched by `patterns` that holds a Dockerfile is a service. */
export function discoverServices(workspace: string, patterns: string[], imageNames: Map<string, string>): Service[] {
  const seen = new Map<string, Service>();
  for (const pattern of patterns) {
    for (const context of globDirs(workspace, pattern)) {
      const dockerfile = join(context, 'Dockerfile');
      if (seen.has(context) || !existsSync(join(workspace, dockerfile))) continue;
      const service = basename(context === '.' ? workspace : context);
      const name = imageNames.get(service) ?? imageNames.get(context) ?? service.toLowerCase();
      seen.set(context, { service, context, dockerfile, name, version: readVersion(workspace, context) });
    }
  }
  const services = [...seen.values()];
  const unused = [...imageNames.keys()].filter((dir) => !services.some((s) => s.service === dir || s.context === dir));
  if (unused.length) {
    throw new UsageError(
      `Input "image-names" names ${unused.map((u) => `"${u}"`).join(', ')}, which is not a service folder; services found: ${services.map((s) => s.service).join(', ') || 'none'}.`,
    );
  }
  return services;
}

function readVersion(workspace: string, context: string): string | undefined {
  const file = join(context, 'VERSION');
  if (!existsSync(join(workspace, file))) return undefined;
  const version = readFileSync(join(workspace, file), 'utf8').trim();
  if (!isValidTag(version)) {
    throw new UsageError(
      `${file} holds "${version}", which is not a valid Docker tag (up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -).`,
    );
  }
  return version;
}
