import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import pLimit from 'p-limit';
import { ToolError, UsageError } from '../../../lib/errors.js';
import { run, tail } from '../../../lib/exec.js';
import { readGitContext } from '../../../lib/git-context.js';
import { Registry } from '../../../lib/registry.js';
import { markdownTable } from '../../../lib/summary.js';
import { installContext } from '../../../lib/tools/context.js';
import { install } from '../../../lib/tools/install.js';
import { TOOLS } from '../../../lib/tools/tools.js';
import { findOnPath } from '../../../lib/which.js';
import { loginArgv } from './docker.js';
import { describeCounts, toSarif, type Finding } from './hadolint.js';
import { getInputs, shouldPush, type Inputs } from './inputs.js';
import { plan, processService, type ServiceResult, type Settings } from './pipeline.js';
import { discoverServices } from './services.js';
import { STATE_DOCKER_CONFIG, STATE_REGISTRY } from './state.js';

export async function main(): Promise<void> {
  const inputs = getInputs();
  if (inputs.password) core.setSecret(inputs.password);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const git = readGitContext(process.env, workspace);
  const push = shouldPush(inputs.push, git.eventName);

  const services = discoverServices(workspace, inputs.services, inputs['image-names']);
  if (!services.length) {
    core.warning(`No service found: no folder matching ${inputs.services.map((s) => `"${s}"`).join(', ')} holds a Dockerfile.`);
    writeOutputs([]);
    return;
  }
  const now = new Date();
  if (inputs['discover-only']) {
    const planned = services.map((service) => plan(service, { registryName: inputs.registry, namespace: inputs.namespace, tagSpec: inputs.tags, git, now }));
    for (const p of planned) core.info(`${p.service}: ${p.image} (${p.tags.join(', ')})`);
    writeOutputs(planned);
    return;
  }
  const lintOnly = inputs['lint-only'];
  if (lintOnly && !inputs.lint) throw new UsageError('Input "lint-only" is true but "lint" is false: there would be nothing to do.');
  core.info(`${services.length} service(s): ${services.map((s) => `${s.service} -> ${s.name}`).join(', ')}; ${lintOnly ? 'lint only' : `push: ${push}`}`);
  if (push && !lintOnly && (!inputs.username || !inputs.password)) {
    throw new UsageError(
      `Pushing to ${inputs.registry} (push: ${inputs.push}${inputs.push === 'auto' ? `, event ${git.eventName}` : ''}) needs "username" and "password": pass them from secrets, or set push: false.`,
    );
  }

  const buildx = !lintOnly && (await run('docker', ['buildx', 'version'])).code === 0;
  if (inputs.platforms.length && !buildx && !lintOnly) {
    throw new UsageError(`Input "platforms" is "${inputs.platforms.join(',')}", which needs docker buildx; this runner's docker has none (install it, or use docker/setup-buildx-action before this step).`);
  }

  const dockerEnv: NodeJS.ProcessEnv = { ...process.env };
  if (inputs.username && inputs.password && !lintOnly) dockerEnv.DOCKER_CONFIG = await login(inputs);

  const hadolint = inputs.lint ? await findHadolint(inputs) : undefined;
  const registry = new Registry(inputs.registry, { username: inputs.username, password: inputs.password });
  const settings: Settings = {
    workspace,
    registryName: inputs.registry,
    namespace: inputs.namespace,
    tagSpec: inputs.tags,
    git,
    now,
    push,
    rebuild: inputs.rebuild,
    buildx,
    labels: inputs.labels,
    buildArgs: inputs['build-args'],
    target: inputs.target,
    platforms: inputs.platforms,
    hadolint: hadolint ? { path: hadolint, config: inputs['hadolint-config'], threshold: inputs['failure-threshold'] } : undefined,
    dockerEnv,
    registry,
    tempDir: process.env.RUNNER_TEMP,
    builds: pLimit(inputs.parallel),
    lintOnly,
  };

  const results = await Promise.all(services.map(async (service) => {
    const result = await processService(service, settings);
    core.startGroup(`${service.service}: ${result.outcome}${result.failure ? ` at ${result.failure.stage}` : ''} (${result.seconds.toFixed(1)} s)`);
    for (const line of result.log) if (line) core.info(line);
    core.endGroup();
    return result;
  }));

  const findings = results.flatMap((r) => r.findings);
  annotate(findings);
  if (inputs['sarif-file']) await writeFile(inputs['sarif-file'], JSON.stringify(toSarif(findings, hadolint ? await hadolintVersion(hadolint) : ''), null, 2));
  writeOutputs(results);
  await writeSummary(results, push);

  const failed = results.filter((r) => r.outcome === 'failed');
  for (const r of failed) core.error(`${r.service}: ${r.failure?.message ?? 'failed'}`, { title: `build-images: ${r.service} failed at ${r.failure?.stage}` });
  if (failed.length) {
    throw new ToolError(`${failed.length} of ${results.length} services failed: ${failed.map((r) => `${r.service} (${r.failure?.stage})`).join(', ')}.`);
  }
}

/** `docker login` into a DOCKER_CONFIG of the step's own, which the post step deletes. */
async function login(inputs: Inputs): Promise<string> {
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'shipkit-docker-'));
  core.saveState(STATE_DOCKER_CONFIG, dir);
  core.saveState(STATE_REGISTRY, inputs.registry);
  const result = await run('docker', loginArgv(inputs.registry, inputs.username), {
    env: { ...process.env, DOCKER_CONFIG: dir },
    input: inputs.password,
  });
  if (result.code) {
    throw new ToolError(`docker login to ${inputs.registry} as "${inputs.username}" failed: ${tail(result.stderr || result.stdout, 3)}. Check the "username" and "password" secrets.`);
  }
  core.info(`Logged in to ${inputs.registry} as ${inputs.username}`);
  return dir;
}

/** hadolint from PATH, unless a version is asked for (or none is there): then the pinned one is installed. */
async function findHadolint(inputs: Inputs): Promise<string> {
  const requested = inputs['hadolint-version'];
  const onPath = requested ? undefined : findOnPath('hadolint');
  if (onPath) return onPath;
  const spec = requested ?? { kind: 'exact' as const, version: TOOLS.hadolint.defaultVersion };
  const ctx = await installContext({
    tools: ['hadolint'],
    mirrors: inputs.mirrors,
    githubToken: process.env.GITHUB_TOKEN ?? '',
    githubApiUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com',
  });
  const installed = await install(TOOLS.hadolint, spec, ctx);
  core.info(`hadolint ${installed.version} ${installed.fromCache ? 'from the tool cache' : `installed from ${installed.source}`} (${installed.verifiedBy})`);
  return installed.path;
}

async function hadolintVersion(path: string): Promise<string> {
  const out = await run(path, ['--version']);
  return /(\d+\.\d+\.\d+)/.exec(out.stdout)?.[1] ?? '';
}

function annotate(findings: Finding[]): void {
  for (const f of findings) {
    const props = { file: f.file, startLine: f.line, startColumn: f.column, title: `hadolint ${f.code}` };
    if (f.level === 'error') core.error(f.message, props);
    else if (f.level === 'warning') core.warning(f.message, props);
    else core.notice(f.message, props);
  }
}

function writeOutputs(results: ServiceResult[]): void {
  core.setOutput(
    'images',
    JSON.stringify(
      results.map((r) => ({
        service: r.service,
        context: r.context,
        image: r.image,
        tags: r.tags,
        digest: r.digest,
        pushed: r.pushed,
        skipped: r.skipped,
        outcome: r.outcome,
        lint: r.lint,
      })),
    ),
  );
  core.setOutput('matrix', JSON.stringify({ include: results.map((r) => ({ service: r.service, name: r.name, context: r.context, image: r.image })) }));
}

async function writeSummary(results: ServiceResult[], push: boolean): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const outcome = (r: ServiceResult) =>
    r.outcome === 'failed'
      ? `**failed** at ${r.failure?.stage}`
      : r.outcome === 'reused'
        ? 'reused (re-tagged)'
        : r.outcome === 'unchanged'
          ? 'unchanged, not rebuilt'
          : r.outcome;
  const rows = results.map((r) => [
    r.service,
    r.image,
    r.tags.join(', '),
    r.digest ? `\`${r.digest.slice(0, 19)}\`` : '',
    outcome(r),
    r.pushed ? 'yes' : push ? 'no' : 'no (push off)',
    describeCounts(r.lint),
    `${r.seconds.toFixed(1)} s`,
  ]);
  const table = markdownTable(['service', 'image', 'tags', 'digest', 'result', 'pushed', 'lint', 'time'], rows);
  await core.summary.addRaw(`### build-images\n\n${table}\n`).write();
}
