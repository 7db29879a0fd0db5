/** argv for the docker CLI, built as data: each function is pure and table-tested. */

export type BuildxOutput = 'push' | 'load' | 'none';

export interface BuildArgs {
  context: string;
  dockerfile: string;
  /** Labels already written into the Dockerfile (see withLabels), so no --label flags. */
  labelsInDockerfile?: boolean;
  /** Full references, e.g. docker.io/vscoder/post:1.0.0 */
  refs: string[];
  labels: Record<string, string>;
  buildArgs: string[];
  target: string;
  platforms: string[];
  rebuild: boolean;
  cacheFrom: string[];
  cacheTo: string[];
  /** BuildKit secrets (buildx only): each id read from the named variable of the build's environment. */
  secrets?: SecretMount[];
  /** Set for `docker buildx build`: the builder, by name, and where the result goes. */
  buildx?: { builder: string; output: BuildxOutput };
}

/**
 * Where a buildx build's result goes: pushed by buildx itself when pushing; else loaded into the
 * engine, which one image can be and a multi-platform list cannot (`--load` refuses it).
 */
export function buildxOutput(push: boolean, platforms: string[]): BuildxOutput {
  if (push) return 'push';
  return platforms.length <= 1 ? 'load' : 'none';
}

export interface SecretMount {
  id: string;
  /** The environment variable of the `docker buildx build` process holding the value. */
  env: string;
}

/**
 * The `secrets` input as buildx takes it without the values touching argv or a file: `--secret
 * id=<id>,env=<variable>`, and the variables, which only the build command's environment gets.
 */
export function secretMounts(secrets: readonly { id: string; value: string }[]): { mounts: SecretMount[]; env: Record<string, string> } {
  const mounts = secrets.map((s, i) => ({ id: s.id, env: `SHIPKIT_BUILD_SECRET_${i}` }));
  return { mounts, env: Object.fromEntries(mounts.map((m, i) => [m.env, secrets[i]!.value])) };
}

export function buildArgv(plan: BuildArgs): string[] {
  // the classic builder leaves the container of a failed step behind unless told --force-rm
  const args = plan.buildx ? ['buildx', 'build', '--builder', plan.buildx.builder, '--progress', 'plain'] : ['build', '--force-rm'];
  args.push('--file', plan.dockerfile);
  for (const ref of plan.refs) args.push('--tag', ref);
  if (!plan.labelsInDockerfile) for (const [key, value] of Object.entries(plan.labels)) args.push('--label', `${key}=${value}`);
  for (const arg of plan.buildArgs) args.push('--build-arg', arg);
  if (plan.target) args.push('--target', plan.target);
  if (plan.platforms.length) args.push('--platform', plan.platforms.join(','));
  if (plan.rebuild) args.push('--pull', '--no-cache');
  for (const from of plan.cacheFrom) args.push('--cache-from', from);
  for (const to of plan.cacheTo) args.push('--cache-to', to);
  for (const secret of plan.secrets ?? []) args.push('--secret', `id=${secret.id},env=${secret.env}`);
  if (plan.buildx?.output === 'push') args.push('--push');
  if (plan.buildx?.output === 'load') args.push('--load');
  args.push(plan.context);
  return args;
}

export function loginArgv(registry: string, username: string): string[] {
  return ['login', registry, '--username', username, '--password-stdin'];
}
