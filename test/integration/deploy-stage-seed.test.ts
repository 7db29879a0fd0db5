import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { installTools, needsReal, tempProbe, type DeployTools } from '../support/deploy-tools.js';
import { GalaxySource } from '../support/galaxy.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// Issue 9: deploy-stage, bundled, on a repository laid out like the seed (test/fixtures/seed-repo):
// packer paths from the repository root, docker-monolith/ansible/ansible.cfg with roles_path, a
// Galaxy role from requirements.yml (a STAND-IN role tarball served on 127.0.0.1), a vaulted vars
// file. Real packer, terraform, ansible-playbook, ansible-galaxy and ansible-lint; tflint is the
// stand-in. Tools come from the kit's setup-tools and the loopback mirror.

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'seed-repo');
const VAULT_PASSWORD = 'shipkit-seed-vault';
const REQUIREMENTS = 'docker-monolith/ansible/environments/stage/requirements.yml';
const PLAYBOOKS = 'docker-monolith/ansible/playbooks/*.yml';

let tools: DeployTools;
let galaxy: GalaxySource;
let repo: FixtureRepo;

beforeAll(async () => {
  tools = await installTools(['packer', 'terraform', 'tflint']);
  console.log(`deploy-stage seed tests run ${tools.describe}, the tflint stand-in, and this machine's ansible`);
  galaxy = await new GalaxySource().start();
  repo = new FixtureRepo(FIXTURE);
  galaxy.rewrite(join(repo.dir, REQUIREMENTS));
  repo.commit('the role source on this test run');
}, 180_000);

afterAll(async () => {
  await tools?.mirror.close();
  await galaxy?.close();
});

/** The seed team's inputs: what their Travis file did, as deploy-stage inputs. */
const seedInputs = {
  'ansible-playbooks': PLAYBOOKS,
  'ansible-requirements': 'docker-monolith/ansible/environments/*/requirements.yml',
  'ansible-vault-password': VAULT_PASSWORD,
};

function deployStage(inputs: Record<string, string> = {}, workspace = repo.dir): Promise<RunResult> {
  return runAction({
    action: 'deploy-stage',
    node: NODE24,
    toolCache: tools.toolCache,
    workspace,
    env: actionEnv({ PATH: tools.path, GITHUB_SHA: repo.git('rev-parse', 'HEAD'), GITHUB_REF: 'refs/heads/main', GITHUB_REPOSITORY: 'vscoder/microservices' }),
    inputs,
  });
}

const errors = (r: RunResult) => r.annotations.filter((a) => a.level === 'error');
const messages = (r: RunResult) => errors(r).map((a) => a.message).join('\n');
const log = (r: RunResult) => [...r.main.log, ...(r.post?.log ?? [])].join('\n');

/** Every file of the working tree (tracked or not, links as links) with its content hash. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const full = join(d, name);
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else files[relative(dir, full)] = stat.isSymbolicLink() ? 'link' : createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

function edit(file: string, from: string, to: string): () => void {
  const path = join(repo.dir, file);
  const original = readFileSync(path, 'utf8');
  expect(original).toContain(from);
  writeFileSync(path, original.replace(from, to));
  return () => writeFileSync(path, original);
}

describe('the seed layout, everything right', () => {
  test('green: packer from the root, ansible from its ansible.cfg folder, Galaxy role installed outside the tree, vault opened', async () => {
    if (!needsReal(tools, 'packer') || !needsReal(tools, 'terraform')) return;
    const before = tree(repo.dir);
    const result = await deployStage(seedInputs);
    expect(errors(result)).toEqual([]);
    expect(result.success).toBe(true);
    for (const row of [
      '| packer validate | `docker-monolith/packer/docker.json` | passed |',
      '| terraform validate | `docker-monolith/terraform` | passed |',
      '| terraform validate | `docker-monolith/terraform/stage` | passed |',
      '| tflint | `docker-monolith/terraform/stage` | passed |',
      `| ansible-galaxy install | \`${REQUIREMENTS}\` | passed | geerlingguy.docker |`,
      '| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/docker.yml` | passed |',
      '| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/reddit-app.yml` | passed |',
      '| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/site.yml` | passed |',
      '| ansible-lint |',
    ]) {
      expect(result.summary).toContain(row);
    }
    expect(result.summary).toContain('ansible ran in `docker-monolith/ansible` with `docker-monolith/ansible/ansible.cfg` (the nearest above the playbooks)');
    expect(galaxy.requests.map((r) => r.path)).toContain('/geerlingguy/ansible-role-docker/archive/2.5.3.tar.gz');
    // nothing written into the tree: no roles_imported, no variables.json or tfvars left, no .terraform
    expect(tree(repo.dir)).toEqual(before);
    expect(log(result)).not.toContain(VAULT_PASSWORD);
  });
});

describe("issue 9's seven problems, each on the seed layout", () => {
  test('1. packer runs from the repository root, where the provisioner path from the root resolves', async () => {
    if (!needsReal(tools, 'packer')) return;
    const result = await deployStage({ ...seedInputs, 'packer-templates': 'docker-monolith/packer/*.json' });
    expect(result.summary).toContain('| packer validate | `docker-monolith/packer/docker.json` | passed |');
    expect(log(result)).toMatch(/\$ \S*packer validate -var-file=docker-monolith\/packer\/variables\.json docker-monolith\/packer\/docker\.json/);
  });

  test("1. packer-working-directory: template-dir runs it from the template's folder (the other convention)", async () => {
    if (!needsReal(tools, 'packer')) return;
    const result = await deployStage({ ...seedInputs, 'packer-working-directory': 'template-dir' });
    expect(result.outputs['failure-reason']).toBe('validate-failed');
    // 7. unwrapped: packer cuts this message at 80 columns, after "stat"
    const hit = errors(result).find((a) => a.file === 'docker-monolith/packer/docker.json');
    expect(hit?.message).toBe('playbook_file: docker-monolith/ansible/playbooks/docker.yml is invalid: stat docker-monolith/ansible/playbooks/docker.yml: no such file or directory');
  });

  test("2. ansible runs from the folder of the nearest ansible.cfg: the repository's roles_path finds the local role", async () => {
    const result = await deployStage({ ...seedInputs, 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' });
    expect(result.summary).toContain('| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/reddit-app.yml` | passed |');
    expect(messages(result)).not.toContain("the role 'monolith_app' was not found");
  });

  test('2. ansible-config names the config; the summary says which one was used', async () => {
    const restore = edit('docker-monolith/ansible/ansible.cfg', 'roles_path = ./roles_imported:./roles', 'roles_path = ./roles_elsewhere');
    try {
      const broken = await deployStage({ ...seedInputs, 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' });
      expect(broken.outputs['failure-reason']).toBe('validate-failed');
      expect(messages(broken)).toContain("the role 'monolith_app' was not found");
      writeFileSync(join(repo.dir, 'docker-monolith/ci.ansible.cfg'), '[defaults]\ninventory = ./ansible/environments/stage/inventory\nroles_path = ./ansible/roles\nvault_password_file = ./ansible/vault.key\n');
      const named = await deployStage({ ...seedInputs, 'ansible-config': 'docker-monolith/ci.ansible.cfg', 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' });
      expect(errors(named)).toEqual([]);
      expect(named.summary).toContain('ansible ran in `docker-monolith` with `docker-monolith/ci.ansible.cfg` (the ansible-config input)');
    } finally {
      restore();
      repo.git('clean', '-fdq');
    }
  });

  test('3. without ansible-requirements the Galaxy role is missing; with it, installed before the syntax check', async () => {
    const without = await deployStage({ ...seedInputs, 'ansible-requirements': '', 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' });
    expect(without.outputs['failure-reason']).toBe('validate-failed');
    expect(errors(without).find((a) => a.file === 'docker-monolith/ansible/playbooks/docker.yml')?.message).toContain("the role 'geerlingguy.docker' was not found");
  });

  test('3. collections too: the mapping form of requirements.yml, a collection from a URL, found through the collections path', async () => {
    const req = join(repo.dir, REQUIREMENTS);
    const original = readFileSync(req, 'utf8');
    const role = /- name: geerlingguy\.docker\n {2}src: (\S+)/.exec(original)![1]!;
    writeFileSync(
      req,
      `---\nroles:\n  - name: geerlingguy.docker\n    src: ${role}\n    version: 2.5.3\ncollections:\n  - name: ${galaxy.url!}/collections/shipkit-demo-1.0.0.tar.gz\n    type: url\n`,
    );
    const restoreReq = () => writeFileSync(req, original);
    writeFileSync(join(repo.dir, 'docker-monolith/ansible/playbooks/hello.yml'), '---\n- name: Greet from the collection\n  hosts: all\n  gather_facts: false\n  tasks:\n    - name: Say hello\n      shipkit.demo.hello:\n        name: stage\n');
    try {
      const result = await deployStage({ ...seedInputs, 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' });
      expect(errors(result)).toEqual([]);
      expect(result.summary).toContain(`| ansible-galaxy install | \`${REQUIREMENTS}\` | passed | geerlingguy.docker, ${galaxy.url!}/collections/shipkit-demo-1.0.0.tar.gz |`);
      expect(result.summary).toContain('| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/hello.yml` | passed |');
    } finally {
      restoreReq();
      repo.git('clean', '-fdq');
    }
  });

  test('3. a role source that cannot be reached: a clear error naming the requirements file and the role', async () => {
    const restore = edit(REQUIREMENTS, galaxy.url!, 'http://127.0.0.1:9');
    try {
      const result = await deployStage({ ...seedInputs, 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' });
      expect(result.success).toBe(false);
      expect(result.outputs['failure-reason']).toBe('requirements-failed');
      const hit = errors(result).find((a) => a.file === REQUIREMENTS);
      expect(hit?.line).toBe(4);
      expect(hit?.message).toMatch(/^ansible-galaxy could not install geerlingguy\.docker \(docker-monolith\/ansible\/environments\/stage\/requirements\.yml\): failed to download the file: <urlopen error \[Errno 111\] Connection refused>$/);
      expect(result.summary).toContain('| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/*.yml` | not run | ansible-galaxy install failed |');
      expect(result.summary).toContain(`| ansible-galaxy install | \`${REQUIREMENTS}\` | **failed** | could not install geerlingguy.docker |`);
    } finally {
      restore();
    }
  });

  test('4. the vault: without a password the config\'s missing vault.key gets a placeholder, and what needs the vault says so; with ansible-vault-password it opens, and the file is gone after', async () => {
    const probeWithout = tempProbe(['shipkit-placeholder-']);
    const without = await runAction({
      action: 'deploy-stage',
      node: probeWithout.node,
      toolCache: tools.toolCache,
      workspace: repo.dir,
      env: actionEnv({ PATH: tools.path }),
      inputs: { ...seedInputs, 'ansible-vault-password': '', 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' },
    });
    expect(without.outputs['failure-reason']).toBe('validate-failed');
    // review2 finding 10: docker.yml reads no vaulted data, so it is checked; reddit-app.yml (and site.yml, which imports it) names the input
    expect(messages(without)).not.toContain('vault.key was not found');
    expect(without.summary).toContain('| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/docker.yml` | passed |');
    expect(without.summary).toContain('| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/reddit-app.yml` | **failed** | needs the vault password |');
    expect(without.summary).toContain('| ansible-lint | `docker-monolith/ansible/playbooks/reddit-app.yml, docker-monolith/ansible/playbooks/site.yml` | not run | needs the vault password |');
    expect(without.summary).toContain('| ansible-lint | `docker-monolith/ansible/playbooks/docker.yml` | passed |');
    expect(errors(without).find((a) => a.file === 'docker-monolith/ansible/playbooks/reddit-app.yml')?.message).toBe(
      'docker-monolith/ansible/playbooks/reddit-app.yml reads vaulted data (docker-monolith/ansible/environments/stage/credentials.yml), and input "ansible-vault-password" is empty, so it cannot be checked: pass the vault password as a secret (pull requests from forks get no secrets).',
    );
    expect(log(without)).toContain('docker-monolith/ansible/ansible.cfg names a vault_password_file that is not in the checkout, and "ansible-vault-password" is empty: a placeholder password stands in');
    // the placeholder lives in the run's private folder, gone with it; nothing written into the repository (no vault.key)
    expect(probeWithout.records()[0]).toEqual({ step: 'main', entries: [], holding: [] });
    expect(existsSync(join(repo.dir, 'docker-monolith/ansible/vault.key'))).toBe(false);

    const probe = tempProbe([VAULT_PASSWORD]);
    const withPassword = await runAction({
      action: 'deploy-stage',
      node: probe.node,
      toolCache: tools.toolCache,
      workspace: repo.dir,
      env: actionEnv({ PATH: tools.path }),
      inputs: { ...seedInputs, 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' },
    });
    expect(errors(withPassword)).toEqual([]);
    expect(log(withPassword)).toMatch(/ansible-playbook --syntax-check --vault-password-file \S+ /);
    expect(log(withPassword)).not.toContain(VAULT_PASSWORD);
    // after main (not only after post): no file under RUNNER_TEMP holds the password, nothing of the run is left
    const [afterMain] = probe.records();
    expect(afterMain).toEqual({ step: 'main', entries: [], holding: [] });
  });

  test('4. main killed mid-run (a cancelled job): the post step removes the password file, the private folder and the .example copies', async () => {
    const killer = tempDir('killer');
    writeFileSync(join(killer, 'packer'), '#!/bin/sh\n# a packer STAND-IN that kills the step running it, as a cancelled job does\nkill -9 $PPID\nsleep 5\n', { mode: 0o755 });
    const probe = tempProbe([VAULT_PASSWORD]);
    const before = tree(repo.dir);
    const result = await runAction({
      action: 'deploy-stage',
      node: probe.node,
      toolCache: tools.toolCache,
      workspace: repo.dir,
      env: actionEnv({ PATH: [killer, tools.path].join(delimiter) }),
      inputs: { ...seedInputs, 'terraform-dirs': 'docker-monolith/terraform/stage' },
    });
    expect(result.main.exitCode).not.toBe(0);
    const [afterMain, afterPost] = probe.records();
    expect(afterMain!.holding).toEqual([expect.stringMatching(/^shipkit-deploy-\w+\/secrets\/vault-password$/)]);
    expect(afterMain!.entries).toContainEqual(expect.stringMatching(/^shipkit-deploy-\w+ 700$/));
    expect(afterMain!.entries).toContainEqual(expect.stringMatching(/\/secrets\/vault-password 600$/));
    expect(afterPost).toEqual({ step: 'post', entries: [], holding: [] });
    expect(tree(repo.dir)).toEqual(before);
    expect(log(result)).toContain('Removed 3 copied .example file(s) left behind');
    expect(log(result)).toMatch(/Removed the run's private folder left behind: \S+shipkit-deploy-\w+/);
  });

  test('6. annotation paths are relative to the repository root, also with working-directory', async () => {
    const restoreTf = edit('docker-monolith/terraform/stage/main.tf', '  name_prefix         = var.docker_app_name_prefix', '  name_prefix         = var.docker_app_name_prefix\n  colour              = "blue"');
    const restoreLint = edit('docker-monolith/ansible/roles/monolith_app/tasks/main.yml', '- name: Run the application container\n  community.docker.docker_container:', '- community.docker.docker_container:');
    try {
      const result = await deployStage({ ...seedInputs, 'working-directory': 'docker-monolith', 'ansible-playbooks': 'ansible/playbooks/*.yml', 'ansible-requirements': 'ansible/environments/*/requirements.yml', 'packer-templates': 'none/*.json' });
      expect(result.success).toBe(false);
      const files = result.annotations.map((a) => `${a.file}:${a.line ?? ''}`);
      expect(files).toContain('docker-monolith/terraform/stage/main.tf:5');
      expect(files).toContain('docker-monolith/ansible/roles/monolith_app/tasks/main.yml:8');
    } finally {
      restoreTf();
      restoreLint();
    }
  });

  test('ansible-lint-config is passed to ansible-lint (-c): its skip_list applies', async () => {
    const restore = edit('docker-monolith/ansible/roles/monolith_app/tasks/main.yml', '- name: Run the application container\n  community.docker.docker_container:', '- community.docker.docker_container:');
    writeFileSync(join(repo.dir, 'docker-monolith/ansible/lint.yml'), '---\nskip_list:\n  - name[missing]\n');
    try {
      const inputs = { ...seedInputs, 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage' };
      const without = await deployStage(inputs);
      expect(without.outputs['failure-reason']).toBe('lint-failed');
      const withConfig = await deployStage({ ...inputs, 'ansible-lint-config': 'docker-monolith/ansible/lint.yml' });
      expect(errors(withConfig)).toEqual([]);
      expect(log(withConfig)).toMatch(/ansible-lint -p --nocolor --offline -c \S+\/docker-monolith\/ansible\/lint\.yml playbooks\/docker\.yml/);
    } finally {
      restore();
      repo.git('clean', '-fdq');
    }
  });

  test('7. after a failed terraform init the validate, fmt and tflint rows say why they did not run; no box drawing in messages', async () => {
    const restore = edit('docker-monolith/terraform/stage/main.tf', 'source              = "../modules/instance"', 'source              = "../modules/nowhere"');
    try {
      const result = await deployStage({ ...seedInputs, 'packer-templates': 'none/*.json', 'terraform-dirs': 'docker-monolith/terraform/stage', 'ansible-playbooks': '' });
      expect(result.outputs['failure-reason']).toBe('validate-failed');
      expect(result.summary).toContain('| terraform init | `docker-monolith/terraform/stage` | **failed** |');
      for (const check of ['terraform validate', 'terraform fmt', 'tflint']) {
        expect(result.summary).toContain(`| ${check} | \`docker-monolith/terraform/stage\` | not run | init failed |`);
      }
      for (const a of result.annotations) expect(a.message).not.toMatch(/[╷│╵]/);
      expect(errors(result).find((a) => a.file === 'docker-monolith/terraform/stage/main.tf')?.message).toContain('Unreadable module directory');
    } finally {
      restore();
    }
  });
});
