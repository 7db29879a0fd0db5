import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../../../lib/errors.js';
import { run as runProcess } from '../../../lib/exec.js';
import { isPullRequest, readGitContext } from '../../../lib/git-context.js';
import { globFiles } from '../../../lib/glob.js';
import { forLog } from '../../../lib/log.js';
import { checkPattern, isInside, realPathOf } from '../../../lib/paths.js';
import { isLocalRun, unavailableTools } from '../../../lib/local-run.js';
import { findOnPath } from '../../../lib/which.js';
import { nearestConfig, readConfig, readRequirements, type AnsibleConfig } from './ansible.js';
import { splitArgs } from './deploy.js';
import { repoFromEnv } from './github.js';
import { DEFAULT_PACKER_TEMPLATES, TEMPLATE_DIR, type Inputs } from './inputs.js';
import { packerWhere, type AnsibleGroup, type AnsiblePlan, type DeployPlan, type PackerTarget, type Run, type ToolKey, type Tools } from './run.js';
import { parseTerraformVersion } from './terraform.js';
import { packerTemplates, planExampleFiles, terraformModuleDirs, terraformRoots } from './workspace.js';

/**
 * Everything deploy-stage will do, worked out and checked before the first side effect: every path
 * input inside the repository and present, every pattern, every tool, the event. A mistake fails
 * here, naming the input and the value, with nothing copied, installed, planned or applied.
 */
export async function prepare(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const root = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const workdir = inputPath(root, '.', inputs['working-directory'], 'working-directory', 'dir');
  const paths = new InputPaths(root, workdir);
  const run: Run = {
    inputs,
    root,
    workdir,
    temp: resolve(env.RUNNER_TEMP ?? tmpdir()),
    env: childEnv(env),
    tools: { unavailable: {} },
    examples: inputs['example-vars'] ? planExampleFiles(root, workdir) : { copies: [], skipped: [] },
    packer: [],
    terraformRoots: [],
    terraformModules: [],
    report: { rows: [], findings: [], failed: new Set(), ansible: [], notes: [] },
    resources: { placed: [] },
  };
  run.packer = packerPlan(run, paths);
  run.terraformRoots = inputs['terraform-dirs'].length ? inputs['terraform-dirs'].map((dir) => terraformDir(paths, dir)) : terraformRoots(root, workdir);
  // named roots are the whole of what is checked; found ones bring the modules no root holds
  run.terraformModules = inputs['terraform-dirs'].length ? [] : terraformModuleDirs(root, workdir, run.terraformRoots);
  const inventory = inputs['ansible-inventory'];
  // a host list ("web1,web2," or "localhost,") is not a path
  run.inventory = !inventory ? undefined : inventory.includes(',') ? inventory : join(root, paths.path(inventory, 'ansible-inventory', 'file or dir'));
  run.ansible = ansiblePlan(run, paths);
  environmentPlan(run, paths);
  run.deploy = deployPlan(run, paths);
  if (inputs.command === 'drift') onlyDrift(run);
  run.tools = findTools(run);
  if (run.deploy?.kind === 'compose' && inputs.command === 'apply') run.deploy.compose = await composeCommand(run.env);
  return run;
}

/** The step's environment for child processes: no INPUT_* (secrets among them), no runner tokens. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const runnerOnly = new Set(['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_URL', 'ACTIONS_CACHE_URL']);
  const child: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('INPUT_') && !key.startsWith('STATE_') && !runnerOnly.has(key)) child[key] = value;
  }
  return {
    ...child,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TFLINT_DISABLE_VERSION_CHECK: '1',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
    PY_COLORS: '0',
  };
}

/**
 * A path from an input: relative to working-directory (`base`), inside the repository after
 * symlinks, and of the expected kind. Returns it relative to the repository root.
 */
export function inputPath(root: string, base: string, value: string, input: string, kind: 'file' | 'dir' | 'file or dir'): string {
  if (/[\0\r\n]/.test(value)) throw new UsageError(`Input "${input}" is ${forLog(value)}: a path cannot hold a line break or NUL.`);
  const absolute = resolve(root, base, value);
  if (!isInside(root, absolute)) {
    throw new UsageError(
      `Input "${input}" is ${forLog(value)}, which resolves to ${forLog(realPathOf(absolute))}, outside the repository ${forLog(realPathOf(root))}. ` +
        `Paths are relative to ${base === '.' ? 'the repository' : `working-directory (${base})`} and stay inside the repository (no "..", no absolute paths elsewhere, no symlinks pointing out).`,
    );
  }
  const rel = relative(root, absolute).split(sep).join('/') || '.';
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    throw new UsageError(`Input "${input}" is ${forLog(value)}, but ${forLog(rel)} does not exist in the repository: expected ${kind === 'dir' ? 'a folder' : kind === 'file' ? 'a file' : 'a file or folder'}.`);
  }
  if ((kind === 'dir' && !stat.isDirectory()) || (kind === 'file' && !stat.isFile())) {
    throw new UsageError(`Input "${input}" is ${forLog(value)}, but ${forLog(rel)} is ${stat.isDirectory() ? 'a folder' : 'not a folder'}: expected ${kind === 'dir' ? 'a folder' : 'a file'}.`);
  }
  return rel;
}

/** Paths and patterns of inputs, relative to working-directory. */
class InputPaths {
  constructor(
    readonly root: string,
    readonly workdir: string,
  ) {}

  path(value: string, input: string, kind: 'file' | 'dir' | 'file or dir'): string {
    return inputPath(this.root, this.workdir, value, input, kind);
  }

  /** A glob pattern from an input, checked to stay inside the repository; repository-relative. */
  pattern(value: string, input: string): string {
    return checkPattern(this.root, isAbsolute(value) ? value : posix.join(this.workdir, value), input);
  }
}

function terraformDir(paths: InputPaths, value: string): string {
  const dir = paths.path(value, 'terraform-dirs', 'dir');
  if (!readdirSync(join(paths.root, dir)).some((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))) throw new UsageError(`Input "terraform-dirs" names ${forLog(value)}, which holds no *.tf file: expected Terraform root modules.`);
  return dir;
}

/** Templates, the folder packer runs in for each, and their var files. */
function packerPlan(run: Run, paths: InputPaths): PackerTarget[] {
  const { inputs, root } = run;
  const explicit = inputs['packer-templates'].join('\n') !== DEFAULT_PACKER_TEMPLATES.join('\n');
  const templates = new Set<string>();
  for (const pattern of inputs['packer-templates']) {
    const found = packerTemplates(root, paths.pattern(pattern, 'packer-templates'));
    if (!found.length && explicit) core.warning(`Input "packer-templates" has the pattern ${forLog(pattern)}, which matches no Packer template (a .json template needs "builders").`);
    for (const template of found) templates.add(template);
  }
  const placed = new Set(run.examples.copies.map((c) => c.target));
  const varFiles = inputs['packer-var-files'].map((value) => {
    const normal = posix.normalize(value.replace(/\\/g, '/'));
    const absolute = resolve(root, run.workdir, normal);
    const rel = relative(root, absolute).split(sep).join('/');
    // a var file may be one that the run copies from its .example
    return placed.has(rel) && isInside(root, absolute) ? rel : paths.path(normal, 'packer-var-files', 'file');
  });
  const byFolder = new Map<string, string[]>();
  for (const template of templates) byFolder.set(posix.dirname(template), [...(byFolder.get(posix.dirname(template)) ?? []), template]);
  for (const [i, file] of varFiles.entries()) {
    if (!byFolder.has(posix.dirname(file))) {
      throw new UsageError(
        `Input "packer-var-files" has ${forLog(inputs['packer-var-files'][i]!)}, but no Packer template is in ${posix.dirname(file)}: a var file applies to the templates in its folder (templates: ${[...templates].join(', ') || 'none'}).`,
      );
    }
  }
  const cwdInput = inputs['packer-working-directory'];
  const fixedCwd = cwdInput === TEMPLATE_DIR ? undefined : cwdInput ? paths.path(cwdInput, 'packer-working-directory', 'dir') : '.';
  // packer reads an HCL2 template by folder (every *.pkr.hcl in it, and *.auto.pkrvars.hcl): one target per folder
  const targets = new Set([...templates].map((t) => (t.endsWith('.pkr.hcl') ? `${posix.dirname(t)}/` : t)));
  return [...targets].sort().map((target) => {
    const folder = target.endsWith('/');
    const template = folder ? target.slice(0, -1) : target;
    const dir = folder ? template : posix.dirname(template);
    const configured = varFiles.filter((f) => posix.dirname(f) === dir);
    const beside = posix.join(dir, 'variables.json');
    const besideExists = placed.has(beside) || isFileIn(root, beside);
    return {
      template,
      ...(folder ? { folder: true } : {}),
      cwd: fixedCwd ?? dir,
      varFiles: inputs['packer-var-files'].length ? configured : template.endsWith('.json') && besideExists ? [beside] : [],
    };
  });
}

function isFileIn(root: string, rel: string): boolean {
  try {
    return statSync(join(root, rel)).isFile() && isInside(root, join(root, rel));
  } catch {
    return false;
  }
}

/** Playbooks grouped by the ansible.cfg that governs them, the inventory, Galaxy requirements. */
function ansiblePlan(run: Run, paths: InputPaths): AnsiblePlan | undefined {
  const { inputs, root } = run;
  if (!inputs['ansible-playbooks'].length) return undefined;
  const playbooks = [...new Set(inputs['ansible-playbooks'].flatMap((p) => globFiles(root, paths.pattern(p, 'ansible-playbooks'))))].sort();
  if (!playbooks.length) core.warning(`Input "ansible-playbooks" is ${forLog(inputs['ansible-playbooks'].join(', '))}, which matches no file: ansible is not checked.`);
  const named = inputs['ansible-config'] ? readConfig(root, paths.path(inputs['ansible-config'], 'ansible-config', 'file'), 'input', run.env) : undefined;
  const groups = new Map<string, AnsibleGroup>();
  for (const playbook of playbooks) {
    const file = named ? named.file : nearestConfig(root, playbook);
    const config: AnsibleConfig | undefined = named ?? (file ? readConfig(root, file, 'nearest', run.env) : undefined);
    const key = config?.file ?? '';
    if (!groups.has(key)) groups.set(key, { config, cwd: config ? posix.dirname(config.file) : run.workdir, playbooks: [] });
    groups.get(key)!.playbooks.push(playbook);
  }
  const requirementFiles = inputs['ansible-requirements'].flatMap((pattern) => {
    const found = globFiles(root, paths.pattern(pattern, 'ansible-requirements'));
    if (!found.length) throw new UsageError(`Input "ansible-requirements" has the pattern ${forLog(pattern)}, which matches no file: expected requirements.yml files of Galaxy roles and collections.`);
    return found;
  });
  return {
    patterns: inputs['ansible-playbooks'],
    groups: [...groups.values()],
    requirements: [...new Set(requirementFiles)].sort().map((file) => {
      try {
        return readRequirements(root, file);
      } catch (error: unknown) {
        throw new UsageError(`Input "ansible-requirements" matches ${file}, which is not a requirements file ansible-galaxy can read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }),
    lintConfig: inputs['ansible-lint-config'] ? join(root, paths.path(inputs['ansible-lint-config'], 'ansible-lint-config', 'file')) : undefined,
  };
}

/**
 * The environment's folder and the backend config files (checked for every command: an input is
 * never accepted unchecked), then for plan and apply the event and the GitHub access they need.
 */
function environmentPlan(run: Run, paths: InputPaths): void {
  const { inputs } = run;
  for (const entry of inputs['backend-config']) {
    if (entry.kind === 'file') entry.path = join(run.root, paths.path(entry.path, 'backend-config', 'file'));
  }
  const named = inputs['terraform-env-dir'] ? paths.path(inputs['terraform-env-dir'], 'terraform-env-dir', 'dir') : undefined;
  if (inputs.command === 'check') return;
  run.envDir = named ?? environmentDir(run.terraformRoots, inputs.environment);
  run.git = readGitContext(process.env, run.root);
  const isPr = isPullRequest(run.git.eventName);
  if (inputs.command === 'apply' && isPr) {
    throw new UsageError('command: apply is refused on pull_request events: a pull request is planned (command: plan) and reviewed, and applied after it is merged.');
  }
  if (inputs.command === 'drift' && isPr) {
    throw new UsageError(
      'command: drift is refused on pull_request events: it checks the infrastructure against the configuration that was applied, from a schedule: or workflow_dispatch run on the default branch; a pull request is planned with command: plan.',
    );
  }
  const needsGitHub = (inputs.command === 'plan' && isPr && run.git.prNumber) || (inputs.command === 'apply' && !inputs['auto-approve'] && !inputs['plan-sha256']) || inputs.command === 'drift';
  if (needsGitHub) {
    run.repo = repoFromEnv();
    if (!inputs['github-token']) {
      const why = { plan: 'the plan comment needs it', apply: 'finding the reviewed plan needs it (or pass plan-sha256)', drift: 'the drift issue needs it', check: '' }[inputs.command];
      const permission = inputs.command === 'drift' ? 'issues: write' : 'pull-requests: write';
      throw new UsageError(`Input "github-token" is empty: ${why}; the default \`\${{ github.token }}\` works with \`permissions: ${permission}\`.`);
    }
  }
}

/** The one root module named like the environment: none, or several, is the user's to settle with terraform-env-dir. */
function environmentDir(roots: readonly string[], environment: string): string {
  const named = roots.filter((r) => posix.basename(r) === environment);
  if (named.length === 1) return named[0]!;
  if (!named.length) {
    throw new UsageError(`No Terraform folder for environment "${environment}": no root module is named ${environment} (found: ${roots.join(', ') || 'none'}). Set "terraform-env-dir".`);
  }
  throw new UsageError(
    `Environment "${environment}" matches ${named.length} root modules: ${named.join(', ')}. Say which one to plan and apply with "terraform-env-dir" (e.g. terraform-env-dir: ${named[0]}), or narrow "terraform-dirs".`,
  );
}

/**
 * A drift check plans the environment and nothing else: the inputs of the checks and of the
 * application deploy were checked above like every input, but packer, ansible and the deploy
 * are not run, so their tools are not needed either.
 */
function onlyDrift(run: Run): void {
  run.packer = [];
  run.ansible = undefined;
  run.deploy = undefined;
  run.terraformRoots = run.terraformRoots.filter((dir) => dir === run.envDir);
  run.terraformModules = [];
}

function deployPlan(run: Run, paths: InputPaths): DeployPlan | undefined {
  const { inputs } = run;
  if (inputs['ansible-deploy-playbook']) {
    const playbook = paths.path(inputs['ansible-deploy-playbook'], 'ansible-deploy-playbook', 'file');
    const named = inputs['ansible-config'] ? paths.path(inputs['ansible-config'], 'ansible-config', 'file') : undefined;
    const file = named ?? nearestConfig(run.root, playbook);
    const config = file ? readConfig(run.root, file, named ? 'input' : 'nearest', run.env) : undefined;
    return { kind: 'ansible', playbook, group: { config, cwd: config ? posix.dirname(config.file) : run.workdir, playbooks: [playbook] } };
  }
  if (!inputs['compose-file']) return undefined;
  const host = inputs['docker-host'];
  return {
    kind: 'compose',
    file: paths.path(inputs['compose-file'], 'compose-file', 'file'),
    host,
    machine: !/^[a-z]+:\/\//.test(host),
    createArgs: splitArgs(inputs['docker-machine-create-args']),
    env: inputs['compose-env'],
  };
}

const SETUP_TOOLS = 'Add `uses: shipkit/shipkit/actions/setup-tools@v1` before this step.';

/**
 * The tools the stages will run, from PATH. A missing one fails the step before anything runs,
 * except in a local check run (lib/local-run.ts): there the checks that need it are reported "not
 * run", with the reason setup-tools gave (SHIPKIT_UNAVAILABLE_TOOLS) or that it is not on PATH.
 */
function findTools(run: Run): Tools {
  const { inputs } = run;
  const path = run.env.PATH ?? '';
  const tools: Tools = { unavailable: {} };
  const tolerate = isLocalRun(run.env) && inputs.command === 'check';
  const told = unavailableTools(run.env);
  const missing = (tool: ToolKey, why: string, fix: string): void => {
    if (!tolerate) throw new UsageError(`${tool} is not on PATH, and ${why}. ${fix}`);
    const setupTool = tool.startsWith('ansible') ? undefined : told[tool];
    tools.unavailable[tool] = setupTool ?? `${tool} is not on PATH${tool.startsWith('ansible') ? ' (pip install ansible ansible-lint)' : ''}`;
  };
  if (run.terraformRoots.length || run.terraformModules.length || run.envDir) {
    const terraform = findOnPath('terraform', path);
    if (terraform) {
      const out = versionOutput(terraform, run.env);
      const version = parseTerraformVersion(out);
      if (!version) throw new UsageError(`${terraform} does not look like terraform: \`terraform version\` printed ${forLog(out.split('\n')[0] ?? '')}.`);
      tools.terraform = { path: terraform, version };
    } else {
      missing('terraform', `${[...run.terraformRoots, ...run.terraformModules].join(', ') || run.envDir} hold Terraform code`, SETUP_TOOLS);
    }
    tools.tflint = findOnPath('tflint', path);
    if (!tools.tflint && tolerate) tools.unavailable.tflint = told.tflint ?? 'tflint is not on PATH';
  }
  if (run.packer.length) {
    tools.packer = findOnPath('packer', path);
    const templates = run.packer.map(packerWhere);
    if (!tools.packer) missing('packer', `${templates.join(', ')} ${templates.length === 1 ? 'is a Packer template' : 'are Packer templates'}`, `${SETUP_TOOLS.slice(0, -1)}, or narrow "packer-templates".`);
  }
  const install = 'Install them before this step (the reusable workflows pin them with ansible-version and ansible-lint-version), e.g. `pip install ansible ansible-lint`.';
  if (run.ansible?.groups.length || run.deploy?.kind === 'ansible') {
    tools.ansiblePlaybook = findOnPath('ansible-playbook', path);
    if (!tools.ansiblePlaybook) missing('ansible-playbook', '"ansible-playbooks" or "ansible-deploy-playbook" is set', install);
  }
  if (run.ansible?.groups.length) {
    tools.ansibleLint = findOnPath('ansible-lint', path);
    if (!tools.ansibleLint) missing('ansible-lint', '"ansible-playbooks" is set', install);
  }
  if (run.ansible?.requirements.length) {
    tools.ansibleGalaxy = findOnPath('ansible-galaxy', path);
    if (!tools.ansibleGalaxy) missing('ansible-galaxy', '"ansible-requirements" is set', install);
  }
  if (run.deploy?.kind === 'compose' && run.deploy.machine && inputs.command === 'apply') {
    tools.dockerMachine = findOnPath('docker-machine', path);
    if (!tools.dockerMachine) throw new UsageError(`docker-machine is not on PATH, and "docker-host" is ${forLog(run.deploy.host)}, a docker-machine name. ${SETUP_TOOLS.slice(0, -1)} (with tools: docker-machine).`);
  }
  return tools;
}

function versionOutput(path: string, env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(path, ['version'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error: unknown) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

/** `docker compose` (the plugin) or the old `docker-compose`; checked before anything is applied. */
async function composeCommand(env: NodeJS.ProcessEnv): Promise<string[]> {
  if ((await runProcess('docker', ['compose', 'version'], { env })).code === 0) return ['docker', 'compose'];
  const legacy = findOnPath('docker-compose', env.PATH ?? '');
  if (legacy) return [legacy];
  throw new UsageError('Neither `docker compose` nor `docker-compose` is installed on this runner, and "compose-file" needs one.');
}
