import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CheckArgs } from './args.js';
import { kitRoot, runAction, type Annotation, type RunResult } from './runner.js';

/**
 * `shipkit check`: the jobs of the reusable checks.yml workflow, one after the other on this machine,
 * with the same action bundles: tools, hadolint, validate & lint, image build without push. The
 * inputs are those the repository's own workflow passes to checks.yml, so a laptop checks exactly
 * what CI will.
 */

export interface CheckOptions extends CheckArgs {
  out: NodeJS.WriteStream | { isTTY?: boolean; write: (s: string) => boolean };
  env?: NodeJS.ProcessEnv;
}

/** checks.yml's inputs and their defaults, read from the workflow itself so the two cannot drift. */
export function checksDefaults(): Record<string, string> {
  const workflow = parseYaml(readFileSync(join(kitRoot(), '.github', 'workflows', 'checks.yml'), 'utf8')) as {
    on: { workflow_call: { inputs: Record<string, { default?: unknown }> } };
  };
  const defaults: Record<string, string> = {};
  for (const [name, input] of Object.entries(workflow.on.workflow_call.inputs)) {
    const value = input.default;
    defaults[name] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  }
  return defaults;
}

/** The `with:` the repository's workflows give shipkit's checks.yml, over the defaults. */
export function checksInputs(repo: string): { inputs: Record<string, string>; from?: string } {
  const dir = join(repo, '.github', 'workflows');
  const inputs = checksDefaults();
  if (!existsSync(dir)) return { inputs };
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const workflow = parseYaml(readFileSync(join(dir, file), 'utf8')) as { jobs?: Record<string, { uses?: string; with?: Record<string, unknown> }> };
    for (const job of Object.values(workflow?.jobs ?? {})) {
      if (typeof job?.uses === 'string' && /(^|\/)shipkit\/\.github\/workflows\/checks\.yml@/.test(job.uses)) {
        for (const [key, value] of Object.entries(job.with ?? {})) {
          if (key in inputs && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) inputs[key] = String(value);
        }
        return { inputs, from: `.github/workflows/${file}` };
      }
    }
  }
  return { inputs };
}

interface Step {
  name: string;
  action: string;
  inputs: Record<string, string>;
}

export function checkSteps(repo: string, inputs: Record<string, string>, options: CheckOptions): Step[] {
  const versionFile = join(repo, inputs['version-file']!);
  const buildArgs = [inputs['build-args'], ...options.buildArgs].filter(Boolean).join('\n');
  const versions: Record<string, string> = {};
  for (const tool of ['terraform', 'packer', 'tflint', 'hadolint']) if (inputs[`${tool}-version`]) versions[`${tool}-version`] = inputs[`${tool}-version`]!;
  return [
    {
      name: 'tools',
      action: 'setup-tools',
      inputs: {
        tools: 'packer, terraform, tflint, hadolint',
        ...(existsSync(versionFile) ? { 'version-file': versionFile } : {}),
        ...versions,
        ...(options.mirrors ? { mirrors: options.mirrors } : {}),
        ...(options.hashicorpKey ? { 'hashicorp-public-key': options.hashicorpKey } : {}),
        ...(options.checksums ? { checksums: options.checksums } : {}),
      },
    },
    {
      name: 'hadolint',
      action: 'build-images',
      inputs: { services: inputs.services!, 'image-names': inputs['image-names']!, 'lint-only': 'true', push: 'false', 'failure-threshold': inputs['failure-threshold']! },
    },
    {
      name: 'validate & lint',
      action: 'deploy-stage',
      inputs: {
        command: 'check',
        environment: inputs.environment!,
        'ansible-playbooks': inputs['ansible-playbooks']!,
        'packer-var-files': inputs['packer-var-files']!,
        'terraform-dirs': inputs['terraform-dirs']!,
      },
    },
    {
      name: 'images',
      action: 'build-images',
      inputs: { services: inputs.services!, 'image-names': inputs['image-names']!, 'build-args': buildArgs, lint: 'false', push: 'false' },
    },
  ];
}

const SPINNER = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';

function describeAnnotation(a: Annotation): string {
  const where = a.file ? `${a.file}${a.line ? `:${a.line}` : ''}: ` : '';
  return `    ${a.level}: ${where}${a.message.split('\n').join('\n      ')}`;
}

/** Runs the chain and returns the process exit code: 0 when every step passed, like CI. */
export async function check(options: CheckOptions): Promise<number> {
  const repo = resolve(options.path || join(kitRoot(), 'examples', 'microservices'));
  if (!existsSync(repo)) throw new Error(`shipkit check: ${repo} does not exist.`);
  const { inputs, from } = checksInputs(repo);
  const workspace = join(repo, inputs['working-directory']!);
  const out = (line: string) => options.out.write(`${line}\n`);
  const tty = Boolean(options.out.isTTY);
  out(`shipkit check ${repo}${from ? ` (inputs from ${from})` : ' (checks.yml defaults)'}`);

  let path = (options.env ?? process.env).PATH ?? '';
  const results: { step: Step; result?: RunResult; seconds: number }[] = [];
  for (const step of checkSteps(repo, inputs, options)) {
    const started = performance.now();
    const elapsed = () => ((performance.now() - started) / 1000).toFixed(1);
    let frame = 0;
    const timer = tty ? setInterval(() => options.out.write(`\r${SPINNER[frame++ % SPINNER.length]} ${step.name} ${elapsed()} s`), 100) : undefined;
    if (!tty) out(`▶ ${step.name}`);
    let result: RunResult | undefined;
    try {
      result = await runAction({
        action: step.action,
        inputs: step.inputs,
        workspace,
        toolCache: options.toolCache,
        env: { ...(options.env ?? process.env), PATH: path },
        onLine: options.verbose ? (line) => out(`  ${line}`) : undefined,
      });
    } finally {
      if (timer) clearInterval(timer);
    }
    const seconds = Number(elapsed());
    const ok = result.success;
    out(`${tty ? '\r\x1b[2K' : ''}${ok ? '✓' : '✗'} ${step.name} (${seconds.toFixed(1)} s)`);
    for (const a of result.annotations.filter((x) => x.level !== 'notice')) out(describeAnnotation(a));
    results.push({ step, result, seconds });
    if (step.name === 'tools') {
      if (!ok) break;
      path = [...[...result.path].reverse(), path].join(delimiter);
    }
  }

  out('');
  for (const { result } of results) if (result?.summary.trim()) out(result.summary.trimEnd() + '\n');
  const failed = results.filter((r) => !r.result?.success).map((r) => r.step.name);
  const skipped = checkSteps(repo, inputs, options).length - results.length;
  out(failed.length ? `shipkit check: FAILED at ${failed.join(', ')}${skipped ? ` (${skipped} step(s) not run)` : ''}` : `shipkit check: all ${results.length} steps passed`);
  return failed.length ? 1 : 0;
}
