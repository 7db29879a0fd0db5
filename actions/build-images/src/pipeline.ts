import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { messageOf } from '../../../lib/errors.js';
import { run, tail } from '../../../lib/exec.js';
import type { GitContext } from '../../../lib/git-context.js';
import type { Manifest, Registry } from '../../../lib/registry.js';
import type { LimitFunction } from 'p-limit';
import { CONTEXT_DIGEST_LABEL, contextDigest } from './digest.js';
import { buildArgv, imageRepository, withLabels } from './docker.js';
import { countLevels, failsThreshold, hadolintArgs, parseHadolintJson, type Finding, type LintCounts, type Threshold } from './hadolint.js';
import type { Service } from './services.js';
import { computeTags, type TagSpec } from './tags.js';

/** One service's way through lint, reuse check, build and push. No runner calls in here. */

export type Outcome = 'built' | 'reused' | 'unchanged' | 'failed' | 'planned' | 'linted';
export type Stage = 'lint' | 'check' | 'build' | 'push';

export interface ServiceResult {
  service: string;
  /** Image name without registry and namespace (the `image-names` mapping applied). */
  name: string;
  context: string;
  image: string;
  tags: string[];
  digest: string;
  pushed: boolean;
  /** True when no build ran because the registry already held this exact build. */
  skipped: boolean;
  outcome: Outcome;
  failure?: { stage: Stage; message: string };
  lint: LintCounts;
  findings: Finding[];
  seconds: number;
  log: string[];
}

export interface Settings {
  workspace: string;
  registryName: string;
  namespace: string;
  tagSpec: TagSpec;
  git: GitContext;
  now: Date;
  push: boolean;
  rebuild: boolean;
  buildx: boolean;
  labels: string[];
  buildArgs: string[];
  target: string;
  platforms: string[];
  hadolint?: { path: string; config: string; threshold: Threshold };
  /** Environment for docker: DOCKER_CONFIG points at the step's own login. */
  dockerEnv: NodeJS.ProcessEnv;
  registry: Registry;
  /** Where generated files (a Dockerfile with labels) go: the step's RUNNER_TEMP. */
  tempDir?: string;
  /** Builds at once (`parallel`); lint, registry checks and pushes are not limited by it. */
  builds: LimitFunction;
  /** Lint and stop: no digest, no registry, no build. */
  lintOnly?: boolean;
}

function ociLabels(service: Service, settings: Settings, digest: string): Record<string, string> {
  const { git } = settings;
  const labels: Record<string, string> = {
    'org.opencontainers.image.title': service.name,
    'org.opencontainers.image.version': service.version ?? (git.sha ? `sha-${git.sha.slice(0, 7)}` : 'dev'),
    'org.opencontainers.image.created': settings.now.toISOString(),
  };
  if (git.sha) labels['org.opencontainers.image.revision'] = git.sha;
  if (git.repositoryUrl) {
    labels['org.opencontainers.image.source'] = git.repositoryUrl;
    labels['org.opencontainers.image.url'] = git.repositoryUrl;
  }
  for (const pair of settings.labels) {
    const eq = pair.indexOf('=');
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  labels[CONTEXT_DIGEST_LABEL] = digest;
  return labels;
}

/** What a service would become in this run, before anything is done: its image and tags. */
export function plan(service: Service, settings: Pick<Settings, 'registryName' | 'namespace' | 'tagSpec' | 'git' | 'now'>): ServiceResult {
  return {
    service: service.service,
    name: service.name,
    context: service.context,
    image: imageRepository(settings.registryName, settings.namespace, service.name).ref,
    tags: computeTags(settings.tagSpec, settings.git, service.version, settings.now),
    digest: '',
    pushed: false,
    skipped: false,
    outcome: 'planned',
    lint: { error: 0, warning: 0, info: 0, style: 0 },
    findings: [],
    seconds: 0,
    log: [],
  };
}

export async function processService(service: Service, settings: Settings): Promise<ServiceResult> {
  const started = performance.now();
  const { ref, repository } = imageRepository(settings.registryName, settings.namespace, service.name);
  const result = plan(service, settings);
  const log = (line: string) => result.log.push(line);
  const finish = () => {
    result.seconds = (performance.now() - started) / 1000;
    return result;
  };
  const fail = (stage: Stage, message: string) => {
    result.failure = { stage, message };
    result.outcome = 'failed';
    return finish();
  };

  try {
    if (!result.tags.length) return fail('check', 'no tag rule applies to this run (no VERSION file, no git commit): add raw:<tag> to "tags"');

    if (settings.hadolint) {
      const { path, config, threshold } = settings.hadolint;
      const lint = await run(path, hadolintArgs(service.dockerfile, config), { cwd: settings.workspace });
      log(`$ ${lint.shown}`);
      result.findings = parseHadolintJson(lint.stdout, service.dockerfile);
      result.lint = countLevels(result.findings);
      if (failsThreshold(result.findings, threshold)) {
        return fail('lint', `hadolint found ${result.findings.length} problem(s) at or above "${threshold}" in ${service.dockerfile}`);
      }
    }

    if (settings.lintOnly) {
      result.outcome = 'linted';
      return finish();
    }

    const digest = await contextDigest(join(settings.workspace, service.context), {
      dockerfile: join(settings.workspace, service.dockerfile),
      buildArgs: settings.buildArgs,
      labels: settings.labels,
      target: settings.target,
      platforms: settings.platforms,
    });
    log(`build context digest: ${digest}`);

    // The registry may already hold this exact build: then tag it instead of building.
    let previous: string | undefined;
    if (!settings.rebuild) {
      try {
        const match = await findBuild(settings.registry, repository, [...result.tags, 'latest'], digest);
        previous = match.anyTag;
        if (match.same) {
          const { tag, manifest } = match.same;
          result.skipped = true;
          result.digest = manifest.digest;
          if (!settings.push) {
            log(`${ref}:${tag} already holds this build (${manifest.digest}); not building, not pushing`);
            result.outcome = 'unchanged';
            return finish();
          }
          const added = result.tags.filter((t) => match.pointsAt.get(t) !== manifest.digest);
          for (const t of added) await settings.registry.tag(repository, t, manifest);
          log(
            `${ref}:${tag} already holds this build (${manifest.digest}); ` +
              (added.length ? `added ${added.join(', ')} through the registry API` : 'every tag already points at it'),
          );
          result.outcome = 'reused';
          result.pushed = true;
          return finish();
        }
      } catch (error: unknown) {
        log(`could not look for an earlier build in ${settings.registryName} (${messageOf(error)}); building`);
      }
    }

    const refs = result.tags.map((t) => `${ref}:${t}`);
    let cacheFrom: string | undefined;
    if (previous && !settings.rebuild) {
      cacheFrom = `${ref}:${previous}`;
      // The classic builder only uses a cache image it has locally: pull it unless it is there.
      if (!settings.buildx && (await run('docker', ['image', 'inspect', '--format', '{{.Id}}', cacheFrom], { env: settings.dockerEnv })).code) {
        const pull = await run('docker', ['pull', '--quiet', cacheFrom], { env: settings.dockerEnv });
        log(`$ ${pull.shown}${pull.code ? ' (failed; building without cache)' : ''}`);
        if (pull.code) cacheFrom = undefined;
      }
    }
    const labels = ociLabels(service, settings, digest);
    let dockerfile = service.dockerfile;
    const labelsInDockerfile = !settings.buildx && !settings.target && Boolean(settings.tempDir);
    if (labelsInDockerfile) {
      dockerfile = join(settings.tempDir!, `${service.service}-${digest.slice(0, 12)}.Dockerfile`);
      await writeFile(dockerfile, withLabels(await readFile(join(settings.workspace, service.dockerfile), 'utf8'), labels));
    }
    const argv = buildArgv({
      context: service.context,
      dockerfile,
      labelsInDockerfile,
      refs,
      labels,
      buildArgs: settings.buildArgs,
      target: settings.target,
      platforms: settings.platforms,
      rebuild: settings.rebuild,
      cacheFrom,
      buildx: settings.buildx,
      push: settings.push,
    });
    // CPU-bound: at most `parallel` at once. A finished build's push overlaps the next build.
    const build = await settings.builds(() => run('docker', argv, { cwd: settings.workspace, env: settings.dockerEnv }));
    log(`$ ${build.shown}`);
    log(build.stdout.trimEnd());
    if (build.code) {
      log(build.stderr.trimEnd());
      return fail('build', `docker build failed (exit ${build.code}):\n${tail(build.stderr || build.stdout)}`);
    }
    result.outcome = 'built';

    if (settings.push) {
      if (!settings.buildx) {
        // One push moves the layers; the other tags are the same manifest, put through the API.
        const first = refs[0]!;
        const pushed = await run('docker', ['push', first], { env: settings.dockerEnv });
        log(`$ ${pushed.shown}`);
        if (pushed.code) return fail('push', `docker push ${first} failed (exit ${pushed.code}):\n${tail(pushed.stderr || pushed.stdout)}`);
      }
      const manifest = await settings.registry.manifest(repository, result.tags[0]!);
      if (!manifest) return fail('push', `${refs[0]} is not in the registry after the push`);
      if (!settings.buildx) {
        for (const t of result.tags.slice(1)) await settings.registry.tag(repository, t, manifest);
        if (result.tags.length > 1) log(`added ${result.tags.slice(1).join(', ')} through the registry API`);
      }
      result.pushed = true;
      result.digest = manifest.digest;
    }
    return finish();
  } catch (error: unknown) {
    return fail(result.outcome === 'built' ? 'push' : 'build', messageOf(error));
  }
}

interface BuildMatch {
  same?: { tag: string; manifest: Manifest };
  /** Some tag that exists at all, for layer reuse. */
  anyTag?: string;
  /** tag -> manifest digest, for the tags that exist. */
  pointsAt: Map<string, string>;
}

/** Looks through candidate tags for an image whose recorded context digest equals `digest`. */
async function findBuild(registry: Registry, repository: string, tags: string[], digest: string): Promise<BuildMatch> {
  const match: BuildMatch = { pointsAt: new Map() };
  const labelsByManifest = new Map<string, Record<string, string>>();
  for (const tag of [...new Set(tags)]) {
    const manifest = await registry.manifest(repository, tag);
    if (!manifest) continue;
    match.pointsAt.set(tag, manifest.digest);
    match.anyTag ??= tag;
    if (match.same) continue;
    let labels = labelsByManifest.get(manifest.digest);
    if (!labels) {
      labels = await registry.labels(repository, manifest);
      labelsByManifest.set(manifest.digest, labels);
    }
    if (labels[CONTEXT_DIGEST_LABEL] === digest) match.same = { tag, manifest };
  }
  return match;
}
