import { ToolError, UsageError } from '../../../lib/errors.js';
import { forLog } from '../../../lib/log.js';
import { cacheSpecType, parseCacheSpec } from './cache-spec.js';

/**
 * Which builder builds the images, and which cache flags it gets: pure reasoning over what the
 * runner's docker said (the probes in main), so every rule has a unit test. The rules follow buildx's
 * own behaviour:
 *
 * - `DOCKER_BUILDKIT=0` makes `docker build` use the classic builder even when buildx is installed
 *   (docker 23+ routes `docker build` to buildx otherwise); the kit honours it the same way.
 * - The builder buildx uses is `--builder`, else `BUILDX_BUILDER`, else the current one stored under
 *   `$DOCKER_CONFIG/buildx` (what `docker buildx use` or docker/setup-buildx-action selected), else
 *   the docker context's own builder (the `docker` driver).
 * - The `docker` driver cannot export cache other than `type=inline`, nor build several platforms at
 *   once, unless the engine uses the containerd image store; buildx fails the build when asked to.
 *   `docker-container`, `kubernetes` and `remote` builders can do both.
 * - Without buildx there is only the classic builder: no `--cache-to`, and `--cache-from` takes an
 *   image it has locally (the kit pulls it first).
 */

export const CACHE_TYPES = ['registry', 'inline', 'local', 'gha', 's3', 'azblob'] as const;

/** The tag the registry cache is kept under, next to the image's own tags. */
export const CACHE_TAG = 'buildcache';

export type CacheSetting = { kind: 'default' } | { kind: 'none' } | { kind: 'specs'; specs: string[] };

/** What the probes found out. */
export interface BuilderFacts {
  /** DOCKER_BUILDKIT in the step's environment. */
  buildkit?: string;
  /** `docker buildx version`'s answer; undefined when buildx is not installed. */
  buildx?: string;
  /** `docker buildx inspect [name]`: the builder's name and driver, or buildx's error. */
  builder?: { name: string; driver: string } | { error: string };
  /** The engine keeps images in containerd (`docker info`), which lifts the docker driver's limits. */
  containerdStore?: boolean;
}

export interface BuilderRequest {
  /** The `builder` input. */
  builder: string;
  /** BUILDX_BUILDER in the step's environment. */
  builderEnv?: string;
  platforms: string[];
  cacheFrom: CacheSetting;
  cacheTo: CacheSetting;
  /** Ids of the `secrets` input: BuildKit secret mounts, which the classic builder does not have. */
  secretIds?: string[];
}

export type BuilderPlan =
  | { kind: 'classic'; why: string; cacheFrom: CacheSetting }
  | { kind: 'buildx'; why: string; name: string; driver: string; exportsCache: boolean; cacheFrom: CacheSetting; cacheTo: CacheSetting };

/** DOCKER_BUILDKIT is read as Go's strconv.ParseBool reads it. */
export function buildkitOff(value: string | undefined): boolean {
  return value !== undefined && ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value);
}

/** The builder name to ask `docker buildx inspect` about; undefined asks for the current one. */
export function builderToInspect(request: Pick<BuilderRequest, 'builder' | 'builderEnv'>): string | undefined {
  return request.builder || request.builderEnv || undefined;
}

export function chooseBuilder(facts: BuilderFacts, request: BuilderRequest): BuilderPlan {
  if (buildkitOff(facts.buildkit)) return classic(request, `DOCKER_BUILDKIT=${facts.buildkit} in the step's environment turns buildx off`);
  if (!facts.buildx) return classic(request, "this runner's docker has no buildx (install it, or run docker/setup-buildx-action before this step)");
  const builder = facts.builder ?? { error: 'docker buildx inspect did not run' };
  if ('error' in builder) throw unknownBuilder(request, builder.error);
  const exportsCache = builder.driver !== 'docker' || Boolean(facts.containerdStore);
  const limits = `the builder ${forLog(builder.name)} uses the docker driver, which`;
  const fix = 'Use a docker-container builder (docker/setup-buildx-action), or turn on the containerd image store.';
  if (request.platforms.length > 1 && !exportsCache) {
    throw new UsageError(`Input "platforms" is ${forLog(request.platforms.join(','))}: ${limits} builds one platform at a time. ${fix}`);
  }
  if (request.cacheTo.kind === 'specs' && !exportsCache) {
    const bad = request.cacheTo.specs.find((s) => cacheType(s) !== 'inline');
    if (bad) throw new UsageError(`Input "cache-to" has ${forLog(bad)}: ${limits} can only export type=inline cache. ${fix}`);
  }
  const why = request.builder ? 'the "builder" input' : request.builderEnv ? 'BUILDX_BUILDER' : "buildx's current builder";
  return { kind: 'buildx', why: `${why}, driver ${builder.driver}`, name: builder.name, driver: builder.driver, exportsCache, cacheFrom: request.cacheFrom, cacheTo: request.cacheTo };
}

function classic(request: BuilderRequest, reason: string): BuilderPlan {
  const needs = (input: string, value: string) => new UsageError(`Input "${input}" is ${forLog(value)}, which needs docker buildx, but ${reason}.`);
  if (request.builder) throw needs('builder', request.builder);
  if (request.platforms.length) throw needs('platforms', request.platforms.join(','));
  if (request.secretIds?.length) {
    // Only the ids: the values are secrets.
    throw new UsageError(
      `Input "secrets" gives ${request.secretIds.map((id) => forLog(id)).join(', ')}: secret mounts (RUN --mount=type=secret) need docker buildx, but ${reason}. ` +
        'A build-arg is no substitute: its value stays in the image history.',
    );
  }
  if (request.cacheTo.kind === 'specs') throw needs('cache-to', request.cacheTo.specs.join('\n'));
  if (request.cacheFrom.kind === 'specs') {
    const bad = request.cacheFrom.specs.find((s) => cacheType(s) !== 'registry');
    if (bad) throw new UsageError(`Input "cache-from" has ${forLog(bad)}: the classic builder only takes images (type=registry), and ${reason}.`);
  }
  return { kind: 'classic', why: reason.replace(/ \(.*\)$/, ''), cacheFrom: request.cacheFrom };
}

function unknownBuilder(request: BuilderRequest, error: string): Error {
  const said = `docker buildx said: ${forLog(error.trim().split('\n').pop() ?? '')}`;
  if (request.builder) {
    return new UsageError(`Input "builder" is ${forLog(request.builder)}, which docker buildx does not know (${said}). List the builders with docker buildx ls, or create one with docker/setup-buildx-action.`);
  }
  if (request.builderEnv) return new UsageError(`BUILDX_BUILDER is ${forLog(request.builderEnv)}, which docker buildx does not know (${said}).`);
  return new ToolError(`docker buildx could not tell which builder to use (${said}).`);
}

/**
 * The default registry cache lives under the image's `buildcache` tag: an image tagged so would be
 * overwritten by its own cache. Refused when that default applies.
 */
export function checkCacheTag(plan: BuilderPlan, push: boolean, tags: string[]): void {
  if (plan.kind !== 'buildx' || !plan.exportsCache || !push || plan.cacheTo.kind !== 'default' || !tags.includes(CACHE_TAG)) return;
  throw new UsageError(`Input "tags" gives the tag ${CACHE_TAG}, where build-images keeps each image's registry cache: choose another tag, or set "cache-to".`);
}

/** The `Name:` and `Driver:` lines `docker buildx inspect` starts with (the builder's, not its nodes'). */
export function parseInspect(stdout: string): { name: string; driver: string } | { error: string } {
  const field = (key: string) => new RegExp(`^${key}:\\s*(\\S+)\\s*$`, 'm').exec(stdout)?.[1];
  const name = field('Name');
  const driver = field('Driver');
  return name && driver ? { name, driver } : { error: `docker buildx inspect printed no builder name and driver: ${stdout.trim().split('\n')[0] ?? ''}` };
}

/** The cache specs a plan was given in its inputs (not the defaults). */
export function givenCacheSpecs(plan: BuilderPlan): string[] {
  const specs = (s: CacheSetting) => (s.kind === 'specs' ? s.specs : []);
  return plan.kind === 'buildx' ? [...specs(plan.cacheFrom), ...specs(plan.cacheTo)] : specs(plan.cacheFrom);
}

/** One line for the log and the summary: which builder, and why that one. */
export function describeBuilder(plan: BuilderPlan): string {
  return plan.kind === 'classic'
    ? `Builder: the classic docker build (${plan.why}).`
    : `Builder: buildx builder ${forLog(plan.name)} (${plan.why})${plan.exportsCache ? '' : '; cache export limited to type=inline'}.`;
}

/** `type=gha,mode=max` gives `gha`; a bare reference (`user/app:cache`) is a registry cache. */
export function cacheType(spec: string): string {
  return cacheSpecType(spec);
}

export interface CacheContext {
  /** The image, e.g. `ghcr.io/org/post`. */
  image: string;
  /** The image name, e.g. `post`: keeps the services' gha caches apart. */
  name: string;
  /** A tag this image already has in the registry, for the layers of the last publish. */
  previous?: string;
  push: boolean;
  rebuild: boolean;
}

export interface CacheFlags {
  cacheFrom: string[];
  cacheTo: string[];
  /** Images the classic builder must have locally before `--cache-from` can use them. */
  pull: string[];
}

/**
 * One service's cache flags. Defaults: with a builder that exports cache, a registry cache under the
 * image's `buildcache` tag (read always, written when pushing, mode=max so every stage is kept); with
 * the docker driver, the cache inline in the pushed image, read back from the last publish; with the
 * classic builder, the last published image.
 */
export function cacheFlags(plan: BuilderPlan, ctx: CacheContext): CacheFlags {
  const fromPrevious = ctx.previous ? [`${ctx.image}:${ctx.previous}`] : [];
  if (plan.kind === 'classic') {
    const refs = plan.cacheFrom.kind === 'default' ? fromPrevious : plan.cacheFrom.kind === 'none' ? [] : plan.cacheFrom.specs.map((s) => registryRef(expandCache(s, ctx)));
    const cacheFrom = ctx.rebuild ? [] : refs;
    return { cacheFrom, cacheTo: [], pull: cacheFrom };
  }
  const registryCache = `type=registry,ref=${ctx.image}:${CACHE_TAG}`;
  const defaultFrom = plan.exportsCache ? [registryCache] : fromPrevious.map((ref) => `type=registry,ref=${ref}`);
  const defaultTo = !ctx.push ? [] : plan.exportsCache ? [`${registryCache},mode=max`] : ['type=inline'];
  const pick = (setting: CacheSetting, fallback: string[]) => (setting.kind === 'default' ? fallback : setting.kind === 'none' ? [] : setting.specs.map((s) => expandCache(s, ctx)));
  return { cacheFrom: ctx.rebuild ? [] : pick(plan.cacheFrom, defaultFrom), cacheTo: pick(plan.cacheTo, defaultTo), pull: [] };
}

/** `{image}` and `{name}` filled in; a gha cache without a scope gets the image name as its scope. */
export function expandCache(spec: string, ctx: Pick<CacheContext, 'image' | 'name'>): string {
  const filled = spec.replace(/\{image\}/g, ctx.image).replace(/\{name\}/g, ctx.name);
  const [entry] = parseCacheSpec(filled);
  if (entry?.type === 'gha' && entry.attrs.scope === undefined) return `${filled},scope=${ctx.name}`;
  return filled;
}

function registryRef(spec: string): string {
  return parseCacheSpec(spec)[0]?.attrs.ref ?? spec;
}

/** Cache types whose credentials come from the environment: the variables buildx reads for them. */
export function cacheEnvironment(specs: string[]): RegExp[] {
  const types = new Set(specs.map(cacheType));
  const wanted: RegExp[] = [];
  if (types.has('gha')) wanted.push(/^ACTIONS_(RUNTIME_TOKEN|CACHE_URL|RESULTS_URL|CACHE_SERVICE_V2)$/);
  if (types.has('s3')) wanted.push(/^AWS_/);
  if (types.has('azblob')) wanted.push(/^AZURE_/);
  return wanted;
}
