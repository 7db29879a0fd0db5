import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LimitFunction } from 'p-limit';
import { messageOf } from '../../../lib/errors.js';
import { isUnreachableRegistryMessage } from '../../../lib/local-run.js';
import { run, tail } from '../../../lib/exec.js';
import type { GitContext } from '../../../lib/git-context.js';
import type { Manifest, Registry } from '../../../lib/registry.js';
import { diagnoseBuild, withoutBanners } from './build-error.js';
import { cacheFlags, type BuilderPlan } from './builder.js';
import { CONTEXT_DIGEST_LABEL, contextDigest } from './digest.js';
import { buildArgv, buildxOutput, type SecretMount } from './docker.js';
import { withLabels } from './dockerfile.js';
import { countLevels, failsThreshold, hadolintArgs, parseHadolintJson, type Finding, type LintCounts, type Threshold } from './hadolint.js';
import type { ServicePlan } from './plan.js';

/**
 * One service's way through four stages, lint, reuse check, build and push, each a function that
 * takes the service's job (its plan and the result being filled in) and says whether to go on.
 * No runner calls in here: main prints the log and writes the outputs.
 */

export type Outcome = 'built' | 'reused' | 'unchanged' | 'failed' | 'planned' | 'linted' | 'not-run';
export type Stage = 'lint' | 'check' | 'build' | 'push';

export interface ServiceResult {
  service: string;
  /** Image name without registry and namespace (the `image-names` mapping applied). */
  name: string;
  context: string;
  dockerfile: string;
  image: string;
  tags: string[];
  digest: string;
  pushed: boolean;
  /** True when no build ran because the registry already held this exact build. */
  skipped: boolean;
  outcome: Outcome;
  failure?: { stage: Stage; message: string; line?: number };
  /** Set in a local run when a stage could not run here (no hadolint, a base image out of reach): not a failure. */
  notRun?: { stage: Stage; reason: string };
  /** Why hadolint did not run on this service although lint is on (a local run without it). */
  lintNotRun?: string;
  /** Findings per level; null when hadolint did not run on this service. */
  lint: LintCounts | null;
  findings: Finding[];
  seconds: number;
  log: string[];
}

export interface RunContext {
  workspace: string;
  git: GitContext;
  now: Date;
  push: boolean;
  rebuild: boolean;
  labels: string[];
  buildArgs: string[];
  target: string;
  platforms: string[];
  hadolint?: { path: string; config: string; threshold: Threshold; env: NodeJS.ProcessEnv };
  /** Why hadolint could not be had, in a local run (lib/local-run.ts): the lint is "not run". */
  lintNotRun?: string;
  /** SHIPKIT_LOCAL_RUN: a base image whose registry cannot be reached makes the build "not run". */
  localRun: boolean;
  /** Unset in lint-only runs, which build nothing. */
  builder?: BuilderPlan;
  /** Environment for docker: DOCKER_CONFIG points at the step's own login. */
  dockerEnv: NodeJS.ProcessEnv;
  /** The `secrets` input: flags for the build, and the variables only the build command gets. */
  secrets: { mounts: SecretMount[]; env: Record<string, string> };
  registry: Registry;
  /** Where generated files (a Dockerfile with labels) go: the step's RUNNER_TEMP. */
  tempDir: string;
  /** Builds at once (`parallel`); lint, registry checks and pushes are not limited by it. */
  builds: LimitFunction;
}

interface Job {
  plan: ServicePlan;
  result: ServiceResult;
  /** Set by the reuse check: what the build is labelled with, and a tag to take layers from. */
  digest?: string;
  previous?: string;
  log(line: string): void;
  fail(stage: Stage, message: string, line?: number): 'done';
  notRun(stage: Stage, reason: string): 'done';
}

type Next = 'next' | 'done';

/** What a service would become in this run, before anything is done. */
export function plannedResult(plan: ServicePlan): ServiceResult {
  return {
    service: plan.service.service,
    name: plan.service.name,
    context: plan.service.context,
    dockerfile: plan.service.dockerfile,
    image: plan.image.ref,
    tags: plan.tags,
    digest: '',
    pushed: false,
    skipped: false,
    outcome: 'planned',
    lint: null,
    findings: [],
    seconds: 0,
    log: [],
  };
}

const STAGES: [Stage, (job: Job, ctx: RunContext) => Promise<Next>][] = [
  ['lint', lintStage],
  ['check', reuseStage],
  ['build', buildStage],
  ['push', pushStage],
];

export async function processService(plan: ServicePlan, ctx: RunContext): Promise<ServiceResult> {
  const started = performance.now();
  const result = plannedResult(plan);
  const job: Job = {
    plan,
    result,
    log: (line) => result.log.push(line),
    fail(stage, message, line) {
      result.failure = { stage, message, line };
      result.outcome = 'failed';
      return 'done';
    },
    notRun(stage, reason) {
      result.notRun = { stage, reason };
      result.outcome = 'not-run';
      return 'done';
    },
  };
  let current: Stage = 'lint';
  try {
    for (const [stage, step] of STAGES) {
      current = stage;
      if ((await step(job, ctx)) === 'done') break;
    }
  } catch (error: unknown) {
    job.fail(current, messageOf(error));
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function lintStage(job: Job, ctx: RunContext): Promise<Next> {
  if (!ctx.hadolint) {
    if (!ctx.lintNotRun) return 'next';
    job.log(`hadolint: not run: ${ctx.lintNotRun}`);
    job.result.lintNotRun = ctx.lintNotRun;
    // Lint only: nothing else to do here. A build goes on, its lint cell saying "not run".
    return ctx.builder ? 'next' : job.notRun('lint', ctx.lintNotRun);
  }
  const { path, config, threshold, env } = ctx.hadolint;
  const { dockerfile } = job.plan.service;
  const lint = await run(path, hadolintArgs(dockerfile, config), { cwd: ctx.workspace, env });
  job.log(`$ ${lint.shown}`);
  job.result.findings = parseHadolintJson(lint.stdout, dockerfile);
  job.result.lint = countLevels(job.result.findings);
  if (failsThreshold(job.result.findings, threshold)) {
    return job.fail('lint', `hadolint found ${job.result.findings.length} problem(s) at or above "${threshold}" in ${dockerfile}`);
  }
  if (!ctx.builder) {
    job.result.outcome = 'linted';
    return 'done';
  }
  return 'next';
}

/** The registry may already hold this exact build: then it is tagged instead of built. */
async function reuseStage(job: Job, ctx: RunContext): Promise<Next> {
  const { service, image, tags } = job.plan;
  job.digest = await contextDigest(join(ctx.workspace, service.context), {
    dockerfile: join(ctx.workspace, service.dockerfile),
    buildArgs: ctx.buildArgs,
    labels: ctx.labels,
    target: ctx.target,
    platforms: ctx.platforms,
  });
  job.log(`build context digest: ${job.digest}`);
  if (ctx.rebuild) return 'next';
  let match: BuildMatch;
  try {
    match = await findBuild(ctx.registry, image.repository, [...tags, 'latest'], job.digest);
  } catch (error: unknown) {
    job.log(`could not look for an earlier build in the registry (${messageOf(error)}); building`);
    return 'next';
  }
  job.previous = match.anyTag;
  if (!match.same) return 'next';
  const { tag, manifest } = match.same;
  Object.assign(job.result, { skipped: true, digest: manifest.digest });
  if (!ctx.push) {
    job.log(`${image.ref}:${tag} already holds this build (${manifest.digest}); not building, not pushing`);
    job.result.outcome = 'unchanged';
    return 'done';
  }
  const added = tags.filter((t) => match.pointsAt.get(t) !== manifest.digest);
  for (const t of added) await ctx.registry.tag(image.repository, t, manifest);
  job.log(`${image.ref}:${tag} already holds this build (${manifest.digest}); ${added.length ? `added ${added.join(', ')} through the registry API` : 'every tag already points at it'}`);
  Object.assign(job.result, { outcome: 'reused', pushed: true });
  return 'done';
}

async function buildStage(job: Job, ctx: RunContext): Promise<Next> {
  const { service, image, tags, dockerfile } = job.plan;
  const builder = ctx.builder!;
  const cache = cacheFlags(builder, { image: image.ref, name: service.name, previous: job.previous, push: ctx.push, rebuild: ctx.rebuild });
  const cacheFrom = builder.kind === 'classic' ? await pullForCache(cache.pull, job, ctx) : cache.cacheFrom;
  const labels = ociLabels(job, ctx);
  // The classic builder makes a step of each --label flag; one LABEL line in a copy costs one step.
  const generated = builder.kind === 'classic' && !ctx.target ? join(ctx.tempDir, `${service.name.replace(/\//g, '-')}-${job.digest!.slice(0, 12)}.Dockerfile`) : undefined;
  if (generated) {
    await writeFile(generated, withLabels(await readFile(join(ctx.workspace, service.dockerfile), 'utf8'), labels));
    job.log(`labels in one LABEL line of a copy of ${service.dockerfile}`);
  }
  const argv = buildArgv({
    context: service.context,
    dockerfile: generated ?? service.dockerfile,
    labelsInDockerfile: Boolean(generated),
    refs: tags.map((t) => `${image.ref}:${t}`),
    labels,
    buildArgs: ctx.buildArgs,
    target: ctx.target,
    platforms: ctx.platforms,
    rebuild: ctx.rebuild,
    cacheFrom,
    cacheTo: cache.cacheTo,
    secrets: ctx.secrets.mounts,
    buildx: builder.kind === 'buildx' ? { builder: builder.name, output: buildxOutput(ctx.push, ctx.platforms) } : undefined,
  });
  try {
    // CPU-bound: at most `parallel` at once. A finished build's push overlaps the next build.
    const build = await ctx.builds(() => run('docker', argv, { cwd: ctx.workspace, env: { ...ctx.dockerEnv, ...ctx.secrets.env } }));
    job.log(`$ ${build.shown}`);
    job.log(build.stdout.trimEnd());
    if (build.code) {
      job.log(withoutBanners(build.stderr).trim());
      const failure = diagnoseBuild({ stdout: build.stdout, stderr: build.stderr, exitCode: build.code, dockerfile, buildArgs: ctx.buildArgs });
      // On a developer's machine without network the base image is simply out of reach: not a broken build.
      if (ctx.localRun && failure.image && isUnreachableRegistryMessage(`${build.stderr}\n${build.stdout}`)) {
        return job.notRun('build', `could not pull the base image ${failure.image} (its registry cannot be reached from here)`);
      }
      const output = failure.output.length ? `\n${failure.output.join('\n')}` : '';
      return job.fail('build', `${failure.summary}${output}`, failure.line);
    }
  } finally {
    if (generated) await rm(generated, { force: true });
  }
  job.result.outcome = 'built';
  return 'next';
}

/** The classic builder only takes layers from images it has: pull the cache image unless it is there. */
async function pullForCache(refs: string[], job: Job, ctx: RunContext): Promise<string[]> {
  const usable: string[] = [];
  for (const ref of refs) {
    if ((await run('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], { env: ctx.dockerEnv })).code) {
      const pull = await run('docker', ['pull', '--quiet', ref], { env: ctx.dockerEnv });
      job.log(`$ ${pull.shown}${pull.code ? ' (failed; building without it)' : ''}`);
      if (pull.code) continue;
    }
    usable.push(ref);
  }
  return usable;
}

/** One push moves the layers; the other tags are the same manifest, put through the registry API. */
async function pushStage(job: Job, ctx: RunContext): Promise<Next> {
  if (!ctx.push) return 'done';
  const { image, tags } = job.plan;
  const first = `${image.ref}:${tags[0]}`;
  const classic = ctx.builder?.kind === 'classic';
  if (classic) {
    const pushed = await run('docker', ['push', first], { env: ctx.dockerEnv });
    job.log(`$ ${pushed.shown}`);
    if (pushed.code) return job.fail('push', `docker push ${first} failed (exit ${pushed.code}):\n${tail(pushed.stderr || pushed.stdout)}`);
  }
  const manifest = await ctx.registry.manifest(image.repository, tags[0]!);
  if (!manifest) return job.fail('push', `${first} is not in the registry after the push`);
  if (classic) {
    for (const t of tags.slice(1)) await ctx.registry.tag(image.repository, t, manifest);
    if (tags.length > 1) job.log(`added ${tags.slice(1).join(', ')} through the registry API`);
  }
  Object.assign(job.result, { pushed: true, digest: manifest.digest });
  return 'done';
}

function ociLabels(job: Job, ctx: RunContext): Record<string, string> {
  const { git } = ctx;
  const labels: Record<string, string> = {
    'org.opencontainers.image.title': job.plan.service.name,
    'org.opencontainers.image.version': job.plan.service.version ?? (git.sha ? `sha-${git.sha.slice(0, 7)}` : 'dev'),
    'org.opencontainers.image.created': ctx.now.toISOString(),
  };
  if (git.sha) labels['org.opencontainers.image.revision'] = git.sha;
  if (git.repositoryUrl) {
    labels['org.opencontainers.image.source'] = git.repositoryUrl;
    labels['org.opencontainers.image.url'] = git.repositoryUrl;
  }
  for (const pair of ctx.labels) {
    const eq = pair.indexOf('=');
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  labels[CONTEXT_DIGEST_LABEL] = job.digest!;
  return labels;
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
