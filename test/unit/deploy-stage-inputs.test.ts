import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { UsageError } from '../../lib/errors.js';

// Every deploy-stage input with its bad values, through main() as the runner starts it (INPUT_*
// variables, GITHUB_WORKSPACE, RUNNER_TEMP): the message names the input and the value, and nothing
// happened: no .example copy, nothing under RUNNER_TEMP, no output or state, and no tool ran
// (the tools on PATH are stubs that record every call; only `terraform version` may run, to check it is terraform).

const { main } = await import('../../actions/deploy-stage/src/main.js');
const { prepare } = await import('../../actions/deploy-stage/src/prepare.js');
const { getInputs } = await import('../../actions/deploy-stage/src/inputs.js');

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'seed-repo');
let workspace: string;
let bin: string;
let calls: string;
let files: { temp: string; output: string; state: string; summary: string };
const saved = { ...process.env };

function stub(name: string, body = ''): void {
  writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${calls}"\n${body}\nexit 0\n`, { mode: 0o755 });
}

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'shipkit-ds-inputs-'));
  workspace = join(base, 'repo');
  cpSync(FIXTURE, workspace, { recursive: true });
  writeFileSync(join(workspace, 'docker-monolith', 'not-a-folder.txt'), 'x\n');
  mkdirSync(join(workspace, 'docker-monolith', 'empty'));
  bin = join(base, 'bin');
  mkdirSync(bin);
  calls = join(base, 'calls.log');
  stub('terraform', '[ "$1" = version ] && echo "Terraform v1.11.4"');
  for (const tool of ['packer', 'tflint', 'ansible-playbook', 'ansible-lint', 'ansible-galaxy', 'docker', 'docker-compose']) stub(tool);
});

afterAll(() => {
  process.env = saved;
});

beforeEach(() => {
  const base = mkdtempSync(join(tmpdir(), 'shipkit-ds-runner-'));
  files = { temp: join(base, 'temp'), output: join(base, 'output'), state: join(base, 'state'), summary: join(base, 'summary') };
  mkdirSync(files.temp);
  for (const file of [files.output, files.state, files.summary]) writeFileSync(file, '');
  writeFileSync(calls, '');
});

function setInputs(inputs: Record<string, string>, event = 'push'): void {
  process.env = {
    ...Object.fromEntries(Object.entries(saved).filter(([key]) => !key.startsWith('INPUT_'))),
    PATH: `${bin}:/usr/bin:/bin`,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: files.temp,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: event,
    GITHUB_REPOSITORY: 'vscoder/microservices',
    GITHUB_SHA: 'a'.repeat(40),
    'INPUT_GITHUB-TOKEN': 'ghs_x',
  };
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

/** The working tree: every file and link with its content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else out[relative(dir, full)] = stat.isSymbolicLink() ? `-> ${readlinkSync(full)}` : createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

// A valid base for each command, so that only the input under test is wrong.
const check = { 'packer-templates': 'none/*.json', 'ansible-playbooks': '' };
const plan = { ...check, command: 'plan' };
const apply = { ...check, command: 'apply', 'auto-approve': 'true' };
const drift = { ...check, command: 'drift' };

const cases: [string, Record<string, string>, string][] = [
  ['environment', { ...plan, environment: 'stage prod' }, 'Input "environment" is "stage prod": expected a name of letters, digits'],
  ['environment', { ...plan, environment: 'prod' }, 'No Terraform folder for environment "prod": no root module is named prod'],
  ['command', { command: 'destroy' }, 'Input "command" is "destroy": expected one of check, plan, apply, drift.'],
  ['working-directory', { ...check, 'working-directory': 'nope' }, 'Input "working-directory" is "nope", but "nope" does not exist in the repository: expected a folder.'],
  ['working-directory', { ...check, 'working-directory': '../..' }, 'Input "working-directory" is "../..", which resolves to'],
  ['working-directory', { ...check, 'working-directory': '/etc' }, 'Input "working-directory" is "/etc", which resolves to "/etc", outside the repository'],
  ['working-directory', { ...check, 'working-directory': 'docker-monolith/not-a-folder.txt' }, 'Input "working-directory" is "docker-monolith/not-a-folder.txt", but "docker-monolith/not-a-folder.txt" is not a folder: expected a folder.'],
  ['working-directory', { ...check, 'working-directory': 'docker\n::error::pwned' }, 'Input "working-directory" is "docker\\n::error::pwned": expected a single line.'],
  ['packer-templates', { 'packer-templates': '../*.json' }, 'Input "packer-templates" has the pattern "../*.json", which leads out of the workspace'],
  ['packer-templates', { 'packer-templates': '/etc/*.json' }, 'Input "packer-templates" has the pattern "/etc/*.json", outside the workspace'],
  ['packer-var-files', { 'packer-var-files': 'docker-monolith/packer/missing.json' }, 'Input "packer-var-files" is "docker-monolith/packer/missing.json", but "docker-monolith/packer/missing.json" does not exist'],
  ['packer-var-files', { 'packer-var-files': '../secrets.json' }, 'Input "packer-var-files" is "../secrets.json", which resolves to'],
  ['packer-var-files', { 'packer-var-files': './docker-monolith/terraform/terraform.tfvars.example' }, 'Input "packer-var-files" has "./docker-monolith/terraform/terraform.tfvars.example", but no Packer template is in docker-monolith/terraform'],
  ['packer-working-directory', { 'packer-working-directory': 'nope' }, 'Input "packer-working-directory" is "nope", but "nope" does not exist in the repository: expected a folder.'],
  ['packer-working-directory', { 'packer-working-directory': '..' }, 'Input "packer-working-directory" is "..", which resolves to'],
  ['terraform-dirs', { ...check, 'terraform-dirs': 'docker-monolith/terraform/prod' }, 'Input "terraform-dirs" is "docker-monolith/terraform/prod", but "docker-monolith/terraform/prod" does not exist in the repository: expected a folder.'],
  ['terraform-dirs', { ...check, 'terraform-dirs': '../../etc' }, 'Input "terraform-dirs" is "../../etc", which resolves to'],
  ['terraform-dirs', { ...check, 'terraform-dirs': 'docker-monolith/empty' }, 'Input "terraform-dirs" names "docker-monolith/empty", which holds no *.tf file: expected Terraform root modules.'],
  ['terraform-env-dir', { ...plan, 'terraform-env-dir': 'docker-monolith/terraform/prod' }, 'Input "terraform-env-dir" is "docker-monolith/terraform/prod", but "docker-monolith/terraform/prod" does not exist'],
  ['terraform-env-dir', { ...plan, 'terraform-env-dir': '/tmp' }, 'Input "terraform-env-dir" is "/tmp", which resolves to'],
  ['terraform-env-dir', { ...check, 'terraform-env-dir': 'stage' }, 'Input "terraform-env-dir" is "stage", but "stage" does not exist in the repository: expected a folder.'],
  ['backend-config', { ...plan, 'backend-config': 'bucket name=s3cret-value' }, 'Input "backend-config" has a line whose key is "bucket name": expected key=value'],
  ['backend-config', { ...plan, 'backend-config': 'backend/stage.hcl' }, 'Input "backend-config" is "backend/stage.hcl", but "backend/stage.hcl" does not exist in the repository: expected a file.'],
  ['backend-config', { ...plan, 'backend-config': '/etc/passwd' }, 'Input "backend-config" is "/etc/passwd", which resolves to "/etc/passwd", outside the repository'],
  ['backend-config', { ...check, 'backend-config': '../backend.hcl' }, 'Input "backend-config" is "../backend.hcl", which resolves to'],
  ['keep-plan', { ...plan, 'keep-plan': 'maybe' }, 'Input "keep-plan" is "maybe": expected true or false.'],
  ['example-vars', { 'example-vars': 'sometimes' }, 'Input "example-vars" is "sometimes": expected true or false.'],
  ['comment-on-no-changes', { ...plan, 'comment-on-no-changes': 'sometimes' }, 'Input "comment-on-no-changes" is "sometimes": expected true or false.'],
  ['label-plan', { ...plan, 'label-plan': 'plan:destroy' }, 'Input "label-plan" is "plan:destroy": expected true or false.'],
  ['fail-on-drift', { ...drift, 'fail-on-drift': 'when it drifts' }, 'Input "fail-on-drift" is "when it drifts": expected true or false.'],
  ['provider-cache', { ...plan, 'provider-cache': '~/.terraform.d/plugin-cache' }, 'Input "provider-cache" is "~/.terraform.d/plugin-cache": expected true or false.'],
  ['environment', { ...drift, environment: 'prod' }, 'No Terraform folder for environment "prod": no root module is named prod'],
  ['ansible-playbooks', { 'ansible-playbooks': '../../*.yml' }, 'Input "ansible-playbooks" has the pattern "../../*.yml", which leads out of the workspace'],
  ['ansible-config', { 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml', 'ansible-config': 'ci/ansible.cfg' }, 'Input "ansible-config" is "ci/ansible.cfg", but "ci/ansible.cfg" does not exist in the repository: expected a file.'],
  ['ansible-config', { 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml', 'ansible-config': 'docker-monolith/ansible' }, 'Input "ansible-config" is "docker-monolith/ansible", but "docker-monolith/ansible" is a folder: expected a file.'],
  ['ansible-config', { 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml', 'ansible-config': '/etc/ansible/ansible.cfg' }, 'Input "ansible-config" is "/etc/ansible/ansible.cfg", which resolves to'],
  ['ansible-inventory', { 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml', 'ansible-inventory': 'inventories/prod' }, 'Input "ansible-inventory" is "inventories/prod", but "inventories/prod" does not exist in the repository: expected a file or folder.'],
  ['ansible-requirements', { 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml', 'ansible-requirements': 'roles/requirements.yml' }, 'Input "ansible-requirements" has the pattern "roles/requirements.yml", which matches no file'],
  ['ansible-requirements', { 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml', 'ansible-requirements': '../*.yml' }, 'Input "ansible-requirements" has the pattern "../*.yml", which leads out of the workspace'],
  ['ansible-requirements', { 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml', 'ansible-requirements': 'docker-monolith/packer/docker.json' }, 'Input "ansible-requirements" matches docker-monolith/packer/docker.json, which is not a requirements file'],
  ['ansible-lint-config', { 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml', 'ansible-lint-config': '.ansible-lint' }, 'Input "ansible-lint-config" is ".ansible-lint", but ".ansible-lint" does not exist in the repository: expected a file.'],
  ['plan-sha256', { ...apply, 'auto-approve': 'false', 'plan-sha256': 'abc' }, 'Input "plan-sha256" is "abc": expected the 64-hex plan-sha256 output of a plan run.'],
  ['auto-approve', { ...apply, 'auto-approve': 'perhaps' }, 'Input "auto-approve" is "perhaps": expected true or false.'],
  ['lock-timeout', { ...plan, 'lock-timeout': 'forever' }, 'Input "lock-timeout" is "forever": expected a duration such as 0s, 30s or 5m.'],
  ['github-token', { ...apply, 'auto-approve': 'false', 'github-token': '' }, 'Input "github-token" is empty: finding the reviewed plan needs it (or pass plan-sha256)'],
  ['github-token', { ...drift, 'github-token': '' }, 'Input "github-token" is empty: the drift issue needs it; the default `${{ github.token }}` works with `permissions: issues: write`.'],
  ['ansible-deploy-playbook', { ...apply, 'ansible-deploy-playbook': 'docker-monolith/ansible/playbooks/deploy.yml' }, 'Input "ansible-deploy-playbook" is "docker-monolith/ansible/playbooks/deploy.yml", but "docker-monolith/ansible/playbooks/deploy.yml" does not exist'],
  ['ansible-deploy-playbook', { ...apply, 'ansible-deploy-playbook': 'docker-monolith/ansible/playbooks/reddit-app.yml', 'compose-file': 'docker-compose.yml', 'docker-host': 'tcp://h:2376' }, 'Inputs "compose-file" ("docker-compose.yml") and "ansible-deploy-playbook" ("docker-monolith/ansible/playbooks/reddit-app.yml") are both set'],
  ['compose-file', { ...apply, 'compose-file': 'docker-compose.yml', 'docker-host': 'tcp://h:2376' }, 'Input "compose-file" is "docker-compose.yml", but "docker-compose.yml" does not exist in the repository: expected a file.'],
  ['compose-file', { ...apply, 'compose-file': 'docker-monolith/Dockerfile' }, 'Input "compose-file" is "docker-monolith/Dockerfile" but "docker-host" is empty'],
  ['compose-env', { ...apply, 'compose-env': 'TAG 1.2.0' }, 'Input "compose-env" has the line "TAG 1.2.0": expected KEY=value'],
  ['compose-env', { ...apply, 'compose-env': '1TAG=1.2.0' }, 'Input "compose-env" has the line "1TAG=1.2.0": expected KEY=value'],
  ['docker-host', { ...apply, 'compose-file': 'docker-monolith/Dockerfile', 'docker-host': 'stage host!' }, 'Input "docker-host" is "stage host!": expected a DOCKER_HOST URL'],
  ['docker-host', { ...apply, 'docker-host': 'stage-host' }, 'Input "docker-host" is "stage-host" but "compose-file" is empty'],
  ['docker-host', { ...apply, 'compose-file': 'docker-monolith/Dockerfile', 'docker-host': 'stage-host' }, 'docker-machine is not on PATH, and "docker-host" is "stage-host", a docker-machine name.'],
  ['docker-machine-create-args', { ...apply, 'compose-file': 'docker-monolith/Dockerfile', 'docker-host': 'ssh://deploy@h', 'docker-machine-create-args': '--driver google' }, 'Input "docker-machine-create-args" is set but "docker-host" is "ssh://deploy@h"'],
  ['deploy-timeout', { ...apply, 'deploy-timeout': '0' }, 'Input "deploy-timeout" is "0": expected a whole number of 1 or more.'],
  ['deploy-timeout', { ...apply, 'deploy-timeout': 'soon' }, 'Input "deploy-timeout" is "soon": expected a whole number of 1 or more.'],
];

describe('every deploy-stage input with a bad value: a UsageError naming it, and nothing happened', () => {
  test.each(cases)('%s: %j', async (_input, inputs, message) => {
    const before = tree(workspace);
    setInputs(inputs);
    const error = await main().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
    expect(tree(workspace)).toEqual(before);
    expect(readdirSync(files.temp)).toEqual([]);
    expect(readFileSync(files.output, 'utf8')).toBe('');
    expect(readFileSync(files.state, 'utf8')).toBe('');
    expect(readFileSync(calls, 'utf8').split('\n').filter((line) => line && line !== 'terraform version')).toEqual([]);
  });

  test('command: drift on a pull request is refused: drift is checked on the default branch', async () => {
    const before = tree(workspace);
    setInputs(drift, 'pull_request');
    const error = (await main().catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      'command: drift is refused on pull_request events: it checks the infrastructure against the configuration that was applied, from a schedule: or workflow_dispatch run on the default branch; a pull request is planned with command: plan.',
    );
    expect(tree(workspace)).toEqual(before);
    expect(readdirSync(files.temp)).toEqual([]);
  });

  test('command: drift needs neither packer nor ansible: their checks do not run', async () => {
    rmSync(join(bin, 'packer'));
    try {
      setInputs({ command: 'drift', 'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml' });
      const run = await prepare(getInputs());
      expect(run.packer).toEqual([]);
      expect(run.ansible).toBeUndefined();
      expect(run.tools.packer).toBeUndefined();
      expect(run.envDir).toBe('docker-monolith/terraform/stage');
      expect(run.terraformRoots).toEqual(['docker-monolith/terraform/stage']);
    } finally {
      stub('packer');
    }
  });

  test('a secret in a bad backend-config line is not in the message', async () => {
    setInputs({ ...plan, 'backend-config': 'bucket name=s3cret-value' });
    const error = (await main().catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain('s3cret-value');
  });

  test('the same inputs without the mistake get past prepare', async () => {
    setInputs({ ...check, 'terraform-dirs': 'docker-monolith/terraform/stage', 'example-vars': 'false' });
    await main();
    expect(readFileSync(calls, 'utf8')).toContain('terraform init -input=false -no-color -backend=false');
  });
});

describe('issue 10 item 11: packer-var-files written with ./, and patterns that match nothing', () => {
  test('a var file written "./x" is used, not dropped; the template runs from the repository root', async () => {
    setInputs({ 'packer-var-files': './docker-monolith/packer/variables.json', 'terraform-dirs': 'docker-monolith/terraform/stage', 'ansible-playbooks': '' });
    await main();
    expect(readFileSync(calls, 'utf8')).toContain('packer validate -var-file=docker-monolith/packer/variables.json docker-monolith/packer/docker.json');
  });

  test('packer-templates matching no template: a warning naming the pattern', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0);
    try {
      setInputs({ 'packer-templates': 'images/*.pkr.hcl', 'terraform-dirs': 'docker-monolith/terraform/stage', 'ansible-playbooks': '' });
      await main();
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toContain('::warning::Input "packer-templates" has the pattern "images/*.pkr.hcl", which matches no Packer template');
  });
});

describe('the values of terraform-vars, each masked on its own (review3)', () => {
  test('string literals of .tfvars text, escapes undone; short ones and bare words left alone', async () => {
    const { tfvarsValues } = await import('../../actions/deploy-stage/src/inputs.js');
    const text = 'db_password = "s3cr3t-db-pw-42"\nquoted = "say \\"hi\\" now"\nsize = 3\nflag = true\nzone = "a"\ntags = {\n  team = "infra"\n}\n';
    expect(tfvarsValues(text)).toEqual(['s3cr3t-db-pw-42', 'say "hi" now', 'infra']);
  });
  test('every string and number of the JSON form', async () => {
    const { tfvarsValues } = await import('../../actions/deploy-stage/src/inputs.js');
    expect(tfvarsValues('{"db_password": "s3cr3t-db-pw-42", "port": 54321, "nested": {"list": ["token-abcd", "x"]}, "on": true}')).toEqual(['s3cr3t-db-pw-42', '54321', 'token-abcd']);
  });
});
