import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { parse } from 'yaml';

// Issue 9, problem 5: the reusable workflows pin ansible and ansible-lint (inputs a user can set and
// reproduce), install extra Python packages into the same environment, skip the pip install on a
// local run (SHIPKIT_LOCAL), and give GOOGLE_CREDENTIALS only to the steps that use it (issue 10).
// The install script runs here with bash against a stub python whose pip records its arguments.

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Workflow {
  on: { workflow_call: { inputs: Record<string, { default?: unknown }>; secrets: Record<string, unknown> } };
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}

/** A step's `if:` evaluated as GitHub does (@actions/expressions), with the inputs and env contexts. */
function evaluateIf(condition: string, inputs: Record<string, string>, env: Record<string, string>): boolean {
  const dictionary = (values: Record<string, string>) => {
    const d = new data.Dictionary();
    for (const [key, value] of Object.entries(values)) d.add(key, new data.StringData(value));
    return d;
  };
  const context = new data.Dictionary();
  context.add('inputs', dictionary(inputs));
  context.add('env', dictionary(env));
  const expression = new Parser(new Lexer(condition).lex().tokens, ['inputs', 'env'], []).parse();
  const result = new Evaluator(expression, context).evaluate();
  return result.kind === data.Kind.Boolean ? (result).value : Boolean(result.coerceString());
}

const read = (name: string) => parse(readFileSync(join(process.cwd(), '.github', 'workflows', name), 'utf8')) as Workflow;
const workflows: [string, string][] = [
  ['checks.yml', 'infrastructure'],
  ['deploy-stage.yml', 'plan'],
  ['deploy-stage.yml', 'apply'],
];

/** Runs the install step's script with a stub python; returns pip's arguments and the PATH addition. */
function runInstall(step: Step, inputs: Record<string, string>): { pip: string[]; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shipkit-pip-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  // python -m venv DIR: a venv whose pip records one argument a line, and version-printing tools
  writeFileSync(
    join(bin, 'python'),
    `#!/bin/sh\n[ "$1 $2" = "-m venv" ] || exit 3\nmkdir -p "$3/bin"\nprintf '#!/bin/sh\\nfor a in "$@"; do echo "$a"; done > ${dir}/pip-args\\n' > "$3/bin/pip"\nprintf '#!/bin/sh\\necho stub\\n' > "$3/bin/ansible-playbook"\ncp "$3/bin/ansible-playbook" "$3/bin/ansible-lint"\nchmod +x "$3/bin/"*\n`,
    { mode: 0o755 },
  );
  writeFileSync(join(dir, 'requestss'), ''); // would match the glob requests[socks] if globbing were on
  const env: Record<string, string> = { PATH: `${bin}:/usr/bin:/bin`, RUNNER_TEMP: dir, GITHUB_PATH: join(dir, 'github-path') };
  for (const [name, value] of Object.entries(step.env ?? {})) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)?.[1];
    env[name] = input ? (inputs[input] ?? '') : value;
  }
  execFileSync('bash', ['-e', '-c', step.run!], { cwd: dir, env, stdio: 'pipe' });
  return { pip: readFileSync(join(dir, 'pip-args'), 'utf8').trim().split('\n'), path: readFileSync(env.GITHUB_PATH!, 'utf8').trim() };
}

describe.each(workflows)('%s, job %s', (file, job) => {
  const workflow = read(file);
  const { inputs, secrets } = workflow.on.workflow_call;
  const steps = workflow.jobs[job]!.steps;
  const install = steps.find((s) => s.name === 'Install ansible and ansible-lint')!;
  const python = steps.find((s) => s.uses?.startsWith('actions/setup-python@'))!;
  const deployStage = steps.find((s) => s.uses?.includes('/actions/deploy-stage@'))!;
  const defaults = Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, typeof spec.default === 'string' ? spec.default : JSON.stringify(spec.default ?? '')]));

  test('ansible and ansible-lint are pinned by inputs whose defaults a user can reproduce', () => {
    expect(inputs['ansible-version']?.default).toBe('7.7.0');
    expect(inputs['ansible-lint-version']?.default).toBe('6.13.1');
    expect(inputs['ansible-python-packages']?.default).toBe('');
  });

  test('Python 3.11 (ansible-core 2.14 does not run on 3.12), from setup-python pinned by commit', () => {
    expect(python.uses).toMatch(/^actions\/setup-python@[0-9a-f]{40}$/);
    expect(python.with?.['python-version']).toBe('3.11');
    expect(steps.indexOf(python)).toBeLessThan(steps.indexOf(install));
  });

  test('a local run (SHIPKIT_LOCAL) skips the pip install and uses the ansible on PATH', () => {
    for (const step of [python, install]) {
      expect(evaluateIf(step.if!, { 'ansible-playbooks': 'playbooks/*.yml' }, {})).toBe(true);
      expect(evaluateIf(step.if!, { 'ansible-playbooks': 'playbooks/*.yml' }, { SHIPKIT_LOCAL: 'true' })).toBe(false);
      expect(evaluateIf(step.if!, { 'ansible-playbooks': '', 'ansible-deploy-playbook': 'playbooks/deploy.yml' }, { SHIPKIT_LOCAL: 'true' })).toBe(false);
      expect(evaluateIf(step.if!, { 'ansible-playbooks': '', 'ansible-deploy-playbook': '' }, {})).toBe(false);
    }
  });

  test('the install: the pinned versions and the extra packages, in one venv put on PATH; no glob expansion', () => {
    const pinned = runInstall(install, defaults);
    expect(pinned.pip).toEqual(['install', '--disable-pip-version-check', 'ansible==7.7.0', 'ansible-lint==6.13.1', 'ansible-compat<4']);
    expect(pinned.path).toMatch(/shipkit-ansible\/bin$/);
    const newer = runInstall(install, { ...defaults, 'ansible-version': '10.7.0', 'ansible-lint-version': '24.12.2', 'ansible-python-packages': 'google-auth requests[socks]\nrequests>=2.31' });
    expect(newer.pip).toEqual(['install', '--disable-pip-version-check', 'ansible==10.7.0', 'ansible-lint==24.12.2', 'google-auth', 'requests[socks]', 'requests>=2.31']);
  });

  test("deploy-stage gets the new ansible inputs and the vault password secret", () => {
    expect(secrets['ansible-vault-password']).toBeDefined();
    expect(deployStage.with).toMatchObject({
      'ansible-requirements': '${{ inputs.ansible-requirements }}',
      'ansible-config': '${{ inputs.ansible-config }}',
      'ansible-lint-config': '${{ inputs.ansible-lint-config }}',
      'ansible-vault-password': '${{ secrets.ansible-vault-password }}',
      'packer-working-directory': '${{ inputs.packer-working-directory }}',
    });
  });

  test('GOOGLE_CREDENTIALS reaches no step but the one that plans or applies', () => {
    expect(workflow.jobs[job]!.env?.GOOGLE_CREDENTIALS).toBeUndefined();
    for (const step of steps) {
      if (step === deployStage) continue;
      expect(JSON.stringify(step)).not.toContain('google-credentials');
    }
    if (file === 'deploy-stage.yml') expect(deployStage.env?.GOOGLE_CREDENTIALS).toBe('${{ secrets.google-credentials }}');
  });
});

test("the seed fixture's caller passes only inputs and secrets that checks.yml declares", () => {
  const declared = read('checks.yml').on.workflow_call;
  const caller = parse(readFileSync(join(process.cwd(), 'test', 'fixtures', 'seed-repo', '.github', 'workflows', 'ci.yml'), 'utf8')) as {
    jobs: { checks: { uses: string; with: Record<string, string>; secrets: Record<string, string> } };
  };
  const { checks } = caller.jobs;
  expect(checks.uses).toMatch(/^shipkit\/shipkit\/\.github\/workflows\/checks\.yml@/);
  expect(Object.keys(checks.with).filter((k) => !(k in declared.inputs))).toEqual([]);
  expect(Object.keys(checks.secrets).filter((k) => !(k in declared.secrets))).toEqual([]);
  expect(checks.with['ansible-requirements']).toBe('docker-monolith/ansible/environments/stage/requirements.yml');
  expect(checks.secrets['ansible-vault-password']).toBe('${{ secrets.ANSIBLE_VAULT_PASSWORD }}');
});

// review2 finding 4: the .example placeholders are for the checks, so the reusable workflows let a
// caller turn them off (example-vars), and deploy-stage.yml passes the environment's real variables
// (a terraform-vars secret) to every step that plans: plan, apply and drift.
describe('example-vars and terraform-vars reach deploy-stage', () => {
  const step = (file: string, job: string) => read(file).jobs[job]!.steps.find((s) => s.uses?.includes('/actions/deploy-stage@'))!;

  test.each([
    ['checks.yml', 'infrastructure'],
    ['deploy-stage.yml', 'plan'],
    ['deploy-stage.yml', 'apply'],
  ])('%s, job %s: example-vars', (file, job) => {
    expect(read(file).on.workflow_call.inputs['example-vars']?.default).toBe(true);
    expect(step(file, job).with?.['example-vars']).toBe('${{ inputs.example-vars }}');
  });

  test.each(['plan', 'apply', 'drift'])('deploy-stage.yml, job %s: the terraform-vars secret, as an input (never env)', (job) => {
    expect(read('deploy-stage.yml').on.workflow_call.secrets['terraform-vars']).toBeDefined();
    expect(step('deploy-stage.yml', job).with?.['terraform-vars']).toBe('${{ secrets.terraform-vars }}');
    expect(JSON.stringify(step('deploy-stage.yml', job).env ?? {})).not.toContain('terraform-vars');
  });
});
