/** argv for the docker CLI, built as data: each function is pure and table-tested. */

export interface BuildPlan {
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
  /** A published image to take layers from, when the registry has one. */
  cacheFrom?: string;
  buildx: boolean;
  /** buildx only: push from the build itself. */
  push: boolean;
}

export function buildArgv(plan: BuildPlan): string[] {
  const args = plan.buildx ? ['buildx', 'build'] : ['build'];
  args.push('--file', plan.dockerfile);
  for (const ref of plan.refs) args.push('--tag', ref);
  if (!plan.labelsInDockerfile) for (const [key, value] of Object.entries(plan.labels)) args.push('--label', `${key}=${value}`);
  for (const arg of plan.buildArgs) args.push('--build-arg', arg);
  if (plan.target) args.push('--target', plan.target);
  if (plan.platforms.length) args.push('--platform', plan.platforms.join(','));
  if (plan.rebuild) args.push('--pull', '--no-cache');
  if (plan.cacheFrom && !plan.rebuild) args.push('--cache-from', plan.buildx ? `type=registry,ref=${plan.cacheFrom}` : plan.cacheFrom);
  if (plan.buildx) {
    if (plan.push) args.push('--push');
    else if (plan.platforms.length <= 1) args.push('--load');
  }
  args.push(plan.context);
  return args;
}

export function loginArgv(registry: string, username: string): string[] {
  return ['login', registry, '--username', username, '--password-stdin'];
}

export function imageRepository(registry: string, namespace: string, name: string): { ref: string; repository: string } {
  const path = namespace ? `${namespace}/${name}` : name;
  const isHub = registry === 'docker.io' || registry === 'index.docker.io';
  return { ref: `${registry}/${path}`, repository: isHub && !namespace ? `library/${name}` : path };
}

/**
 * The Dockerfile with all labels in one trailing LABEL instruction. The classic builder turns each
 * --label flag into a build step of its own (a container each); one instruction costs one step.
 * Values are quoted and `$` escaped, so nothing in a label is expanded.
 */
export function withLabels(dockerfile: string, labels: Record<string, string>): string {
  const quoteValue = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\r?\n/g, ' ')}"`;
  const pairs = Object.entries(labels).map(([k, v]) => `${quoteValue(k)}=${quoteValue(v)}`);
  return `${dockerfile.replace(/\s*$/, '')}\nLABEL ${pairs.join(' \\\n      ')}\n`;
}
