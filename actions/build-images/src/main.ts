import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import pLimit from 'p-limit';
import { annotate } from '../../../lib/annotate.js';
import { messageOf, ToolError, UsageError } from '../../../lib/errors.js';
import { run, tail } from '../../../lib/exec.js';
import { readGitContext, type GitContext } from '../../../lib/git-context.js';
import { forLog, info, nameForLog } from '../../../lib/log.js';
import { isLocalRun, prefersInstalled, unavailableTools } from '../../../lib/local-run.js';
import { Registry } from '../../../lib/registry.js';
import { installContext } from '../../../lib/tools/context.js';
import { install, type Installed } from '../../../lib/tools/install.js';
import { TOOLS } from '../../../lib/tools/tools.js';
import { askVersion } from '../../../lib/tools/probe.js';
import { findOnPath } from '../../../lib/which.js';
import {
  buildkitOff,
  builderToInspect,
  cacheEnvironment,
  checkCacheTag,
  chooseBuilder,
  describeBuilder,
  givenCacheSpecs,
  parseInspect,
  type BuilderFacts,
  type BuilderPlan,
  type BuilderRequest,
} from './builder.js';
import { loginArgv, secretMounts } from './docker.js';
import { createStepConfig } from './docker-config.js';
import { dockerEnvironment, hadolintEnvironment } from './environment.js';
import { getInputs, shouldPush, type Inputs } from './inputs.js';
import { processService, plannedResult, type RunContext, type ServiceResult } from './pipeline.js';
import { planServices, type ServicePlan } from './plan.js';
import { annotations, writeOutputs, writeSarif, writeSummary } from './report.js';
import { STATE_DOCKER_CONFIG, STATE_REGISTRY } from './state.js';

/**
 * The step in four stages that pass one Setup forward: check everything (inputs, paths, services,
 * tags) without touching anything; ask docker which builder to use (read-only probes); log in and
 * find hadolint; then build every service and report. Nothing is logged in, built or pushed before
 * the first two stages have accepted every input.
 */

interface Setup {
  env: NodeJS.ProcessEnv;
  workspace: string;
  inputs: Inputs;
  git: GitContext;
  push: boolean;
  now: Date;
  plans: ServicePlan[];
}

export async function main(): Promise<void> {
  const setup = prepare(process.env);
  if (!setup.plans.length) {
    core.warning(`No service found: no folder matching ${setup.inputs.services.map(forLog).join(', ')} holds a Dockerfile.`);
    writeOutputs([]);
    return;
  }
  if (setup.inputs['discover-only']) {
    const planned = setup.plans.map(plannedResult);
    info(planned.map((p) => `${p.service}: ${p.image} (${p.tags.join(', ')})`).join('\n'));
    writeOutputs(planned);
    return;
  }
  const builder = setup.inputs['lint-only'] ? undefined : await pickBuilder(setup);
  const ctx = await startRun(setup, builder);
  const results = await buildAll(setup, ctx);
  await report(setup, ctx, results);
}

/** Every check that needs no docker: inputs, paths, services, image names, tags, credentials. */
function prepare(env: NodeJS.ProcessEnv): Setup {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const inputs = getInputs(workspace);
  if (inputs.password) core.setSecret(inputs.password);
  const git = readGitContext(env, workspace);
  const now = new Date();
  const push = !inputs['lint-only'] && !inputs['discover-only'] && shouldPush(inputs.push, git.eventName);
  const plans = planServices(workspace, inputs, git, now);
  if (plans.length && push && (!inputs.username || !inputs.password)) {
    const event = inputs.push === 'auto' ? ` and this is a ${git.eventName} event` : '';
    throw new UsageError(`Input "push" is ${forLog(inputs.push)}${event}: pushing to ${inputs.registry} needs "username" and "password": pass them from secrets, or set push: false.`);
  }
  return { env, workspace, inputs, git, push, now, plans };
}

/** Which builder builds, from read-only probes: `docker buildx version`, `inspect`, `info`. */
async function pickBuilder(setup: Setup): Promise<BuilderPlan> {
  const { inputs, env } = setup;
  const request: BuilderRequest = {
    builder: inputs.builder,
    builderEnv: env.BUILDX_BUILDER,
    platforms: inputs.platforms,
    cacheFrom: inputs['cache-from'],
    cacheTo: inputs['cache-to'],
    secretIds: inputs.secrets.map((s) => s.id),
  };
  const probeEnv = dockerEnvironment(env);
  const facts: BuilderFacts = { buildkit: env.DOCKER_BUILDKIT };
  if (!buildkitOff(facts.buildkit)) {
    const version = await run('docker', ['buildx', 'version'], { env: probeEnv });
    if (!version.code) {
      facts.buildx = version.stdout.trim();
      const name = builderToInspect(request);
      const inspect = await run('docker', ['buildx', 'inspect', ...(name ? [name] : [])], { env: probeEnv });
      facts.builder = inspect.code ? { error: inspect.stderr || inspect.stdout } : parseInspect(inspect.stdout);
      if ('driver' in facts.builder && facts.builder.driver === 'docker') {
        const store = await run('docker', ['info', '--format', '{{json .DriverStatus}}'], { env: probeEnv });
        facts.containerdStore = store.stdout.includes('io.containerd.snapshotter');
      }
    }
  }
  const plan = chooseBuilder(facts, request);
  checkCacheTag(plan, setup.push, setup.plans.flatMap((p) => p.tags));
  info(describeBuilder(plan));
  return plan;
}

/** The side effects begin: hadolint (found or installed), then the login into the step's own config. */
async function startRun(setup: Setup, builder: BuilderPlan | undefined): Promise<RunContext> {
  const { inputs, env } = setup;
  const tempDir = env.RUNNER_TEMP ?? tmpdir();
  const hadolint = inputs.lint ? await findHadolint(inputs) : undefined;
  if (hadolint && 'notRun' in hadolint) core.warning(`hadolint: not run: ${hadolint.notRun}`);
  const dockerConfig = builder && inputs.username && inputs.password ? await login(inputs, env, tempDir) : undefined;
  const extra = builder ? cacheEnvironment(givenCacheSpecs(builder)) : [];
  return {
    workspace: setup.workspace,
    git: setup.git,
    now: setup.now,
    push: setup.push,
    rebuild: inputs.rebuild,
    labels: inputs.labels,
    buildArgs: inputs['build-args'],
    target: inputs.target,
    platforms: inputs.platforms,
    hadolint: hadolint && 'path' in hadolint ? { path: hadolint.path, config: inputs['hadolint-config'], threshold: inputs['failure-threshold'], env: hadolintEnvironment(env) } : undefined,
    lintNotRun: hadolint && 'notRun' in hadolint ? hadolint.notRun : undefined,
    localRun: isLocalRun(env),
    builder,
    dockerEnv: dockerEnvironment(env, { dockerConfig, buildkit: builder?.kind === 'classic' ? '0' : undefined, extra }),
    secrets: secretMounts(inputs.secrets),
    registry: new Registry(inputs.registry, { username: inputs.username, password: inputs.password }),
    tempDir,
    builds: pLimit(inputs.parallel),
  };
}

/** `docker login` into a DOCKER_CONFIG of the step's own, which the post step deletes. */
async function login(inputs: Inputs, env: NodeJS.ProcessEnv, tempDir: string): Promise<string> {
  const config = await createStepConfig(tempDir, env, inputs.registry);
  core.saveState(STATE_DOCKER_CONFIG, config.dir);
  core.saveState(STATE_REGISTRY, inputs.registry);
  const result = await run('docker', loginArgv(inputs.registry, inputs.username), {
    env: dockerEnvironment(env, { dockerConfig: config.dir }),
    input: inputs.password,
  });
  if (result.code) {
    throw new ToolError(`docker login to ${inputs.registry} as ${forLog(inputs.username)} failed: ${tail(result.stderr || result.stdout, 3)}. Check the "username" and "password" secrets.`);
  }
  const kept = config.linked.length ? `; the runner's ${config.linked.join(', ')} stay visible through it` : '';
  info(`Logged in to ${inputs.registry} as ${nameForLog(inputs.username)}, in a docker config of this step's own${kept}.`);
  return config.dir;
}

/**
 * hadolint from PATH, unless a version is asked for (or none is there): then the pinned one is
 * installed. In a local run (lib/local-run.ts) one that cannot be had is no failure: the lint is
 * reported "not run" with the reason.
 */
async function findHadolint(inputs: Inputs): Promise<{ path: string } | { notRun: string }> {
  const requested = inputs['hadolint-version'];
  const onPath = requested ? undefined : findOnPath('hadolint');
  if (onPath) return { path: onPath };
  const spec = requested ?? { kind: 'exact' as const, version: TOOLS.hadolint.defaultVersion };
  const settings = {
    tools: ['hadolint' as const],
    mirrors: inputs.mirrors,
    githubToken: process.env.GITHUB_TOKEN ?? '',
    githubApiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
  };
  if (isLocalRun()) {
    // setup-tools of this job already tried, and said why it could not.
    const told = unavailableTools().hadolint;
    if (told && !requested) return { notRun: told };
    const { describeOnPath, installLocally } = await import('../../../lib/tools/local.js');
    const fast = await installContext({ ...settings, retryDelays: [] });
    const local = await installLocally(TOOLS.hadolint, spec, { fast, full: await installContext(settings), preferInstalled: prefersInstalled(), env: process.env });
    if (local.kind === 'unavailable') return { notRun: local.reason };
    if (local.kind === 'on-path') {
      info(describeOnPath(local.found));
      return { path: local.found.path };
    }
    return { path: reportInstalled(local.installed) };
  }
  return { path: reportInstalled(await install(TOOLS.hadolint, spec, await installContext(settings))) };
}

function reportInstalled(installed: Installed): string {
  info(`hadolint ${installed.version} ${installed.fromCache ? 'from the tool cache' : `installed from ${installed.source}`} (${installed.verifiedBy})`);
  return installed.path;
}

async function buildAll(setup: Setup, ctx: RunContext): Promise<ServiceResult[]> {
  const mode = ctx.builder ? `push: ${setup.push}` : 'lint only';
  info(`${setup.plans.length} service(s): ${setup.plans.map((p) => `${p.service.service} -> ${p.image.ref}`).join(', ')}; ${mode}`);
  return Promise.all(
    setup.plans.map(async (plan) => {
      const result = await processService(plan, ctx);
      core.startGroup(`${result.service}: ${result.outcome}${result.failure ? ` at ${result.failure.stage}` : ''} (${result.seconds.toFixed(1)} s)`);
      info(result.log.filter(Boolean).join('\n'));
      core.endGroup();
      return result;
    }),
  );
}

/** Outputs and summary first, so nothing after them (SARIF, the failure) can lose them. */
async function report(setup: Setup, ctx: RunContext, results: ServiceResult[]): Promise<void> {
  writeOutputs(results);
  await writeSummary(results, setup.push, setup.inputs.lint, ctx.builder ? describeBuilder(ctx.builder) : 'Lint only.');
  annotate(annotations(results));
  const sarif = setup.inputs['sarif-file'];
  if (sarif && ctx.hadolint) {
    try {
      await writeSarif(setup.workspace, sarif, results, await hadolintVersion(ctx.hadolint.path, ctx.hadolint.env));
    } catch (error: unknown) {
      throw new ToolError(`Could not write "sarif-file" ${forLog(sarif)}: ${messageOf(error)}`);
    }
  }
  const notRun = results.filter((r) => r.outcome === 'not-run');
  if (notRun.length) core.warning(`${notRun.length} of ${results.length} services not checked on this machine: ${notRun.map((r) => `${r.service} (${r.notRun?.reason})`).join('; ')}`);
  const failed = results.filter((r) => r.outcome === 'failed');
  if (failed.length) {
    throw new ToolError(`${failed.length} of ${results.length} services failed: ${failed.map((r) => `${r.service} (${r.failure?.stage})`).join(', ')}.`);
  }
}

/** hadolint's version for the SARIF file, asked with the same bounded probe the installer uses. */
async function hadolintVersion(path: string, env: NodeJS.ProcessEnv): Promise<string> {
  const out = await askVersion(path, ['--version'], { env }).catch(() => '');
  return /(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? '';
}
