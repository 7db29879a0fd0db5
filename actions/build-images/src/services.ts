import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError } from '../../../lib/errors.js';
import { findDirs, globDirs } from '../../../lib/glob.js';
import { forLog } from '../../../lib/log.js';
import { checkPattern, resolveInside } from '../../../lib/paths.js';
import { isRepositoryPath } from './reference.js';
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
    if (!dir || !name || rest.length || !isRepositoryPath(name)) {
      throw new UsageError(
        `Input "image-names" has the line ${forLog(line)}: expected dir=name with a lower-case image name (letters, digits, and . _ - between them), e.g. post-py=post.`,
      );
    }
    if (names.has(dir)) throw new UsageError(`Input "image-names" names ${forLog(dir)} twice: one line per service folder.`);
    names.set(dir, name);
  }
  return names;
}

/** Names that would break a log line, an output or a tag are refused where they enter: at discovery. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Every folder matched by `patterns` that holds a Dockerfile is a service. */
export function discoverServices(workspace: string, patterns: string[], imageNames: Map<string, string>): Service[] {
  const seen = new Map<string, Service>();
  for (const pattern of patterns) {
    for (const context of globDirs(workspace, checkPattern(workspace, pattern, 'services'))) {
      const dockerfile = context === '.' ? 'Dockerfile' : `${context}/Dockerfile`;
      if (seen.has(context) || !existsSync(join(workspace, dockerfile))) continue;
      if (CONTROL.test(context)) {
        throw new UsageError(`The service folder ${forLog(context)} (matched by "services") has a control character such as a line break in its name: rename it.`);
      }
      resolveInside(workspace, dockerfile, `The Dockerfile of ${forLog(context)}`);
      const service = context === '.' ? basename(workspace) : basename(context);
      const name = imageNames.get(service) ?? imageNames.get(context) ?? service.toLowerCase();
      if (!isRepositoryPath(name)) {
        throw new UsageError(
          `The service folder ${forLog(context)} would be published as ${forLog(name)}, which is not a valid image name (lower-case letters, digits, and . _ - between them): name it in "image-names", e.g. ${service}=${suggestName(service)}.`,
        );
      }
      seen.set(context, { service, context, dockerfile, name, version: readVersion(workspace, context) });
    }
  }
  const services = [...seen.values()];
  const unused = unknownNames(workspace, imageNames, services);
  if (unused.length) {
    throw new UsageError(
      `Input "image-names" names ${unused.map(forLog).join(', ')}, which is not a service folder; services found: ${services.map((s) => s.service).join(', ') || 'none'}.`,
    );
  }
  return services;
}

/**
 * image-names keys that name no folder with a Dockerfile: a typo, which would publish a service
 * under its folder name. Keys for folders outside `services` are fine (a matrix job builds one
 * service with the whole repository's image-names), so the rest of the workspace is looked at too.
 */
function unknownNames(workspace: string, imageNames: Map<string, string>, services: Service[]): string[] {
  const named = (dir: string, contexts: string[]) => contexts.some((c) => c === dir || basename(c) === dir);
  const unused = [...imageNames.keys()].filter((dir) => !named(dir, services.map((s) => s.context)));
  if (!unused.length) return unused;
  const everywhere = findDirs(workspace, (_rel, entries) => entries.includes('Dockerfile'));
  return unused.filter((dir) => !named(dir, everywhere));
}

function suggestName(service: string): string {
  return service.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'app';
}

/**
 * Two services published under one image would overwrite each other's tags: refused, naming both.
 * `imageOf` gives the full image reference of a service.
 */
export function checkDistinctImages(services: Service[], imageOf: (s: Service) => string, imageNames: Map<string, string>): void {
  const byImage = new Map<string, Service>();
  for (const s of services) {
    const image = imageOf(s);
    const other = byImage.get(image);
    if (other) {
      const mapped = (x: Service) => imageNames.has(x.service) || imageNames.has(x.context);
      // Folders of one name in two places need the context as the image-names key.
      const example = s.service === other.service ? `${s.context}=${suggestName(s.context.replace(/\//g, '-'))}` : `${s.service}=${suggestName(`${s.name}-${s.service}`)}`;
      const who = mapped(s) && mapped(other) ? `Input "image-names" gives the services ${forLog(other.context)} and ${forLog(s.context)} one name, ${forLog(s.name)}` : `The services ${forLog(other.context)} and ${forLog(s.context)} have one image name, ${forLog(s.name)}`;
      throw new UsageError(`${who}: both would be published as ${image}, each overwriting the other's tags. Give each its own name in "image-names", e.g. ${example}.`);
    }
    byImage.set(image, s);
  }
}

function readVersion(workspace: string, context: string): string | undefined {
  const file = context === '.' ? 'VERSION' : `${context}/VERSION`;
  const { absolute } = resolveInside(workspace, file, `The version file ${forLog(file)}`);
  if (!existsSync(absolute)) return undefined;
  if (!statSync(absolute).isFile() || statSync(absolute).size > 1024) {
    throw new UsageError(`${file} is not a small text file holding a version, e.g. 1.0.3.`);
  }
  const version = readFileSync(absolute, 'utf8').trim();
  if (!isValidTag(version)) {
    throw new UsageError(
      `${file} holds ${forLog(version)}, which is not a valid Docker tag (up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -).`,
    );
  }
  return version;
}
