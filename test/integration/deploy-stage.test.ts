import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { findOnPath } from '../../lib/which.js';
import { installTools, needsReal, tempProbe, type DeployTools } from '../support/deploy-tools.js';
import { dockerAvailable, dockerRequired, localImage } from '../support/docker.mjs';
import { GitHubApi } from '../support/github-api.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// deploy-stage, bundled, through the local runner. Tools as users get them: setup-tools installs
// terraform and packer from the loopback mirror (the machine's real binaries, re-packed as
// HashiCorp ships them, when it has them: the test output says which), and tflint (a stand-in: two
// of its terraform rules, its JSON format and exit codes). ansible-playbook and ansible-lint are the
// machine's. GitHub's REST API: a loopback server that treats tokens as GitHub does.

const FIXTURE = join(process.cwd(), 'examples', 'microservices');
const STAGE = 'docker-monolith/terraform/stage';

let tools: DeployTools;
let github: GitHubApi;
let path: string;
let repo: FixtureRepo;
let stateFile: string;
const machines = tempDir('machines');

beforeAll(async () => {
  tools = await installTools(['terraform', 'tflint', 'packer', 'docker-machine']);
  console.log(`deploy-stage tests run ${tools.describe}, and the tflint and docker-machine stand-ins`);
  path = tools.path;
  github = await new GitHubApi().start();
  repo = new FixtureRepo(FIXTURE);
  stateFile = join(tempDir('state'), 'stage-SECRETPATH.tfstate');
}, 180_000);

afterAll(async () => {
  await tools?.mirror.close();
  await github?.close();
});

interface Run {
  inputs?: Record<string, string>;
  eventName?: string;
  event?: object;
  sha?: string;
  token?: string;
  node?: string;
  envPath?: string;
}

function deployStage({ inputs = {}, eventName = 'push', event = {}, sha, token = 'ghs_TESTTOKEN', node = NODE24, envPath = path }: Run = {}): Promise<RunResult> {
  return runAction({
    action: 'deploy-stage',
    node,
    toolCache: tools.toolCache,
    workspace: repo.dir,
    eventName,
    event,
    env: actionEnv({
      PATH: envPath,
      GITHUB_SHA: sha ?? repo.git('rev-parse', 'HEAD'),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'vscoder/microservices',
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: token,
      MACHINE_STORAGE_PATH: machines,
    }),
    inputs: {
      'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml',
      'ansible-inventory': 'docker-monolith/ansible/environments/stage/inventory',
      'backend-config': `path=${stateFile}`,
      // the stage's variables, as the workflow passes them (the .example placeholders are for the checks)
      'terraform-vars': 'image_tag = "1.0.0"\n',
      ...inputs,
    },
  });
}

const errors = (r: RunResult) => r.annotations.filter((a) => a.level === 'error');
const messages = (r: RunResult) => errors(r).map((a) => a.message).join('\n');
const log = (r: RunResult) => [...r.main.log, ...(r.post?.log ?? [])].join('\n');

/** Every file of the working tree (tracked or not) with its content hash; a symlink as its target. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const full = join(d, name);
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(full);
      else files[relative(dir, full)] = stat.isSymbolicLink() ? `-> ${readlinkSync(full)}` : createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

describe('check', () => {
  test('validates and lints everything with the .example files in place, and leaves the tree as it was', async () => {
    const before = tree(repo.dir);
    const result = await deployStage();
    expect(errors(result)).toEqual([]);
    expect(result.success).toBe(true);
    expect(result.outputs['failure-reason']).toBeUndefined();
    expect(tree(repo.dir)).toEqual(before);
    expect(log(result)).toContain('Copied into place for the checks (removed after them): docker-monolith/packer/variables.json');
    for (const row of [
      '| packer validate | `docker-monolith/packer/*.pkr.hcl` | passed |',
      '| packer validate | `docker-monolith/packer/docker.json` | passed |',
      '| terraform validate | `docker-monolith/terraform` | passed |',
      `| terraform validate | \`${STAGE}\` | passed |`,
      `| terraform fmt | \`${STAGE}\` | passed |`,
      `| tflint | \`${STAGE}\` | passed |`,
      '| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/reddit-app.yml` | passed |',
      '| ansible-lint |',
    ]) {
      expect(result.summary).toContain(row);
    }
    expect(result.summary).not.toContain('modules/instance');
  });

  const breakages: [string, string, string, string, RegExp, { file: string; line?: number }][] = [
    ['an HCL packer template with an unknown argument', 'docker-monolith/packer/app.pkr.hcl', 'zone                = "europe-west1-b"', 'zone = "europe-west1-b"\n  colour = "blue"', /colour|Unsupported argument/, { file: 'docker-monolith/packer/app.pkr.hcl', line: 10 }],
    ['terraform with an unknown argument', `${STAGE}/main.tf`, '  image_tag = var.image_tag', '  image_tag = var.image_tag\n  colour    = "blue"', /Unsupported argument/, { file: `${STAGE}/main.tf`, line: 9 }],
    ['an ansible playbook that does not parse', 'docker-monolith/ansible/playbooks/reddit-app.yml', '  tasks:', '  tasks:\n    - name x', /malformed|should be a dict/, { file: 'docker-monolith/ansible/playbooks/reddit-app.yml' }],
  ];
  test.each(breakages)('%s: validate-failed, annotated on the file', async (_name, file, from, to, message, where) => {
    const original = readFileSync(join(repo.dir, file), 'utf8');
    writeFileSync(join(repo.dir, file), original.replace(from, to));
    try {
      const result = await deployStage();
      expect(result.success).toBe(false);
      expect(result.outputs['failure-reason']).toBe('validate-failed');
      const hit = errors(result).find((a) => a.file === where.file && message.test(a.message));
      expect(hit).toBeDefined();
      if (where.line) expect(hit!.line).toBe(where.line);
      expect(result.summary).toContain('**failed**');
    } finally {
      writeFileSync(join(repo.dir, file), original);
    }
  });

  const lintBreakages: [string, string, string, string, string, { file: string; line: number }][] = [
    ['an unformatted file', `${STAGE}/main.tf`, '  source    = "../modules/instance"', '  source = "../modules/instance"', 'is not formatted', { file: `${STAGE}/main.tf`, line: 0 }],
    ['tflint: an interpolation-only expression', `${STAGE}/main.tf`, '  image_tag = var.image_tag', '  image_tag = "${var.image_tag}"', 'Interpolation-only expressions are deprecated', { file: `${STAGE}/main.tf`, line: 8 }],
    ['ansible-lint: a task without a name', 'docker-monolith/ansible/playbooks/reddit-app.yml', '    - name: Say where the application runs\n      ansible.builtin.debug:', '    - ansible.builtin.debug:', 'name[missing]', { file: 'docker-monolith/ansible/playbooks/reddit-app.yml', line: 6 }],
  ];
  test.each(lintBreakages)('%s: lint-failed, annotated', async (_name, file, from, to, message, where) => {
    const original = readFileSync(join(repo.dir, file), 'utf8');
    expect(original).toContain(from);
    writeFileSync(join(repo.dir, file), original.replace(from, to));
    try {
      const result = await deployStage();
      expect(result.outputs['failure-reason']).toBe('lint-failed');
      const hit = result.annotations.find((a) => a.file === where.file && a.message.includes(message));
      expect(hit).toBeDefined();
      if (where.line) expect(hit!.line).toBe(where.line);
    } finally {
      writeFileSync(join(repo.dir, file), original);
    }
  });
});

describe('plan and apply', () => {
  const pr = 12;
  const prEvent = () => ({ pull_request: { number: pr, head: { sha: repo.git('rev-parse', 'HEAD'), ref: 'feature/stage' } }, repository: { default_branch: 'main' } });

  test('apply is refused on pull_request events', async () => {
    const result = await deployStage({ eventName: 'pull_request', event: prEvent(), inputs: { command: 'apply' } });
    expect(result.success).toBe(false);
    expect(errors(result).map((a) => a.message).join('\n')).toContain('command: apply is refused on pull_request events');
    expect(existsSync(stateFile)).toBe(false);
  });

  test('plan on a pull request: outputs, summary and one plan comment, updated in place on the next run', async () => {
    const first = await deployStage({ eventName: 'pull_request', event: prEvent(), inputs: { command: 'plan' } });
    expect(errors(first)).toEqual([]);
    expect(first.outputs).toMatchObject({ changes: 'true', 'to-add': '1', 'to-change': '0', 'to-destroy': '0' });
    expect(first.outputs['plan-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect(first.outputs['plan-path']).toBeUndefined(); // removed at the end: keep-plan keeps it
    expect(first.summary).toContain(`**Plan** for \`${STAGE}\`: 1 to add, 0 to change, 0 to destroy`);
    expect(first.summary).toContain('module.app.terraform_data.instance will be created');
    const comments = github.comments.get(pr)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`<!-- shipkit:plan environment=stage dir=${STAGE} -->`);
    expect(comments[0]!.body).toContain(`<!-- shipkit:plan-sha256 ${first.outputs['plan-sha256']} -->`);
    expect(comments[0]!.body).toContain('**1 to add, 0 to change, 0 to destroy.**');
    // the backend-config value is a secret: not in the log, not in the comment
    expect(log(first)).not.toContain('SECRETPATH');
    expect(comments[0]!.body).not.toContain('SECRETPATH');
    expect(github.requests.find((r) => r.method === 'POST')?.authorization).toBe('token ghs_TESTTOKEN');

    const second = await deployStage({ eventName: 'pull_request', event: prEvent(), inputs: { command: 'plan' } });
    expect(second.outputs['plan-sha256']).toBe(first.outputs['plan-sha256']);
    expect(github.comments.get(pr)).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(log(second)).toContain(`Updated the plan comment on pull request #${pr}`);
  });

  test('a stale plan is refused with plan-changed and nothing is applied', async () => {
    const merge = repo.commit('merge #12');
    github.commitPulls.set(merge, [{ number: pr, merged_at: '2026-11-23T10:00:00Z', merge_commit_sha: merge }]);
    // the workflow now passes another image than the one reviewed
    const result = await deployStage({ inputs: { command: 'apply', 'terraform-vars': 'image_tag = "2.0.0"\n' } });
    expect(result.success).toBe(false);
    expect(result.outputs['failure-reason']).toBe('plan-changed');
    expect(errors(result).map((a) => a.message).join('\n')).toMatch(/The plan differs from the reviewed one \(the plan comment on pull request #12\): reviewed sha256 [0-9a-f]{64}, now [0-9a-f]{64}\. Nothing was applied\./);
    expect(result.summary).toContain('**differs**');
    expect(existsSync(stateFile)).toBe(false);
  });

  test('apply after merge: the reviewed plan is found through the merged pull request and applied', async () => {
    const result = await deployStage({ inputs: { command: 'apply' } });
    expect(errors(result)).toEqual([]);
    expect(result.summary).toMatch(/Reviewed plan: `sha256:[0-9a-f]{64}` \(the plan comment on pull request #12\) matches/);
    expect(result.summary).toContain(`Applied ${STAGE}: 1 added, 0 changed, 0 destroyed.`);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { resources: { module?: string; type: string }[] };
    expect(state.resources.map((r) => `${r.module}.${r.type}`)).toEqual(['module.app.terraform_data']);
  });

  test('nothing to change: changes=false; apply with plan-sha256 given', async () => {
    const plan = await deployStage({ inputs: { command: 'plan' } });
    expect(plan.outputs).toMatchObject({ changes: 'false', 'to-add': '0' });
    const apply = await deployStage({ inputs: { command: 'apply', 'plan-sha256': plan.outputs['plan-sha256']! } });
    expect(errors(apply)).toEqual([]);
    expect(apply.summary).toContain('(the plan-sha256 input) matches');
  });

  test('a locked state: state-locked with the lock holder', async () => {
    writeFileSync(`${dirname(stateFile)}/.${'stage-SECRETPATH.tfstate'}.lock.info`, JSON.stringify({ ID: 'f00d-1234', Operation: 'OperationTypeApply', Who: 'alice@laptop', Version: '1.11.4', Created: '2026-11-23T09:00:00Z', Path: stateFile, Info: '' }));
    const holder: ChildProcess = spawn('python3', ['-c', `import fcntl,time,sys\nf=open(sys.argv[1],'r+')\nfcntl.lockf(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)`, stateFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => holder.stdout!.once('data', resolve));
    try {
      const result = await deployStage({ inputs: { command: 'plan' } });
      expect(result.outputs['failure-reason']).toBe('state-locked');
      expect(errors(result).map((a) => a.message).join('\n')).toContain(`The state of ${STAGE} is locked by alice@laptop (OperationTypeApply, since 2026-11-23 09:00:00 +0000 UTC), lock ID f00d-1234.`);
      expect(result.summary).toContain('**State locked**: ID `f00d-1234`, by `alice@laptop`, `OperationTypeApply`');
    } finally {
      holder.kill();
      execFileSync('rm', ['-f', `${dirname(stateFile)}/.stage-SECRETPATH.tfstate.lock.info`]);
    }
  });

  test('the ansible deploy playbook runs after a successful apply', async () => {
    const result = await deployStage({
      inputs: { command: 'apply', 'auto-approve': 'true', 'ansible-deploy-playbook': 'docker-monolith/ansible/playbooks/reddit-app.yml' },
    });
    expect(errors(result)).toEqual([]);
    expect(log(result)).toContain('reddit runs on localhost');
    expect(result.summary).toContain('Deployed with ansible-playbook docker-monolith/ansible/playbooks/reddit-app.yml.');
  });
});

describe('the reviewed-plan gate trusts only the comments of the token\'s own identity (issue 10)', () => {
  const forged = 'f'.repeat(64);
  const markerBody = (hash: string) => `<!-- shipkit:plan environment=stage dir=${STAGE} -->\n<!-- shipkit:plan-sha256 ${hash} -->\nLooks reviewed to me.`;
  const mallory = { login: 'mallory', id: 666, type: 'User' };
  const prEvent = (pr: number) => ({ pull_request: { number: pr, head: { sha: repo.git('rev-parse', 'HEAD'), ref: `feature/${pr}` } }, repository: { default_branch: 'main' } });
  let state: string;
  const since = (mark: number) => github.requests.slice(mark);

  beforeAll(() => {
    state = join(tempDir('state-trust'), 'stage.tfstate');
  });

  test('plan: a marker comment by another user is neither edited nor trusted; the bot adds its own, and the log says so', async () => {
    const pr = 31;
    github.comments.set(pr, [{ id: 1, body: markerBody(forged), user: mallory }]);
    const mark = github.requests.length;
    const result = await deployStage({ eventName: 'pull_request', event: prEvent(pr), inputs: { command: 'plan', 'backend-config': `path=${state}` } });
    expect(errors(result)).toEqual([]);
    const comments = github.comments.get(pr)!;
    expect(comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(comments[0]!.body).toBe(markerBody(forged));
    expect(since(mark).filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(log(result)).toContain(`Ignored comment 1 by mallory on pull request #${pr}: it carries the plan marker, but only comments by github-actions[bot] (who github-token is) are trusted.`);
    // who the token is was asked once: GET /user (403 for an installation token), then GraphQL
    expect(since(mark).filter((r) => r.path === '/user' || r.path === '/graphql').map((r) => r.path)).toEqual(['/user', '/graphql']);
  });

  test('apply: a newer foreign comment with another hash is ignored; the plan the bot recorded is the reviewed one', async () => {
    const pr = 31;
    github.comments.get(pr)!.push({ id: 2, body: markerBody(forged), user: mallory });
    const merge = repo.commit('merge #31');
    github.commitPulls.set(merge, [{ number: pr, merged_at: '2026-11-23T10:00:00Z', merge_commit_sha: merge }]);
    const result = await deployStage({ inputs: { command: 'apply', 'backend-config': `path=${state}` } });
    expect(errors(result)).toEqual([]);
    expect(result.summary).toMatch(/Reviewed plan: `sha256:[0-9a-f]{64}` \(the plan comment on pull request #31\) matches/);
    expect(log(result)).toContain(`Ignored comment 2 by mallory on pull request #${pr}`);
    expect(existsSync(state)).toBe(true);
  });

  test('apply: when only a foreign comment carries the hash, nothing is applied', async () => {
    const pr = 32;
    const fresh = join(tempDir('state-trust'), 'stage.tfstate');
    const plan = await deployStage({ inputs: { command: 'plan', 'backend-config': `path=${fresh}` } });
    const hash = plan.outputs['plan-sha256']!;
    github.comments.set(pr, [{ id: 3, body: markerBody(hash), user: mallory }]);
    const merge = repo.commit('merge #32');
    github.commitPulls.set(merge, [{ number: pr, merged_at: '2026-11-23T11:00:00Z', merge_commit_sha: merge }]);
    const result = await deployStage({ inputs: { command: 'apply', 'backend-config': `path=${fresh}` } });
    expect(result.success).toBe(false);
    expect(result.outputs['failure-reason']).toBe('plan-changed');
    expect(messages(result)).toContain(`Pull request #${pr} has no plan comment by github-actions[bot] for stage (${STAGE}), so there is no reviewed plan to apply.`);
    expect(log(result)).toContain(`Ignored comment 3 by mallory on pull request #${pr}`);
    expect(existsSync(fresh)).toBe(false);
  });

  test("a personal access token: its user's comments are the trusted ones, the bot's are not", async () => {
    const pr = 33;
    github.comments.set(pr, [{ id: 4, body: markerBody(forged), user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } }]);
    const mark = github.requests.length;
    // a state nothing was applied to: the plan has changes, so a comment is written (a plan without changes writes none)
    const fresh = join(tempDir('state-trust'), 'stage.tfstate');
    const result = await deployStage({ eventName: 'pull_request', event: prEvent(pr), token: 'ghp_ALICE', inputs: { command: 'plan', 'backend-config': `path=${fresh}` } });
    expect(errors(result)).toEqual([]);
    expect(github.comments.get(pr)!.map((c) => c.user.login)).toEqual(['github-actions[bot]', 'alice']);
    expect(since(mark).filter((r) => r.path === '/user' || r.path === '/graphql').map((r) => r.path)).toEqual(['/user']);
    expect(log(result)).toContain('Ignored comment 4 by github-actions[bot]');
  });
});

describe('which pull request was reviewed (review2, also seen)', () => {
  // A state nothing was applied to, so the plan has changes and needs a reviewed one.
  const apply = (merge: string, pulls: object[]) => {
    github.commitPulls.set(merge, pulls as never);
    return deployStage({ inputs: { command: 'apply', 'backend-config': `path=${join(tempDir('state-which'), 'stage.tfstate')}` } });
  };

  test('a pull request merged into another branch is not the reviewed one for main: nothing applied, the message says where it went', async () => {
    if (!needsReal(tools, 'terraform')) return;
    const merge = repo.commit('a release branch merge reaching main');
    const result = await apply(merge, [{ number: 61, merged_at: '2026-12-02T09:00:00Z', merge_commit_sha: merge, base: { ref: 'release/1.x' } }]);
    expect(result.outputs['failure-reason']).toBe('plan-changed');
    expect(messages(result)).toContain(`No pull request merged into main brought ${merge.slice(0, 7)} here (#61 was merged into release/1.x: a plan reviewed for another branch is not one for main)`);
  });

  test('a pull request from a fork: named as such, not "run command: plan on its pull requests"', async () => {
    if (!needsReal(tools, 'terraform')) return;
    const merge = repo.commit('merge #62 from a fork');
    const result = await apply(merge, [{ number: 62, merged_at: '2026-12-02T09:00:00Z', merge_commit_sha: merge, head: { repo: { full_name: 'mallory/microservices' } } }]);
    expect(result.outputs['failure-reason']).toBe('plan-changed');
    expect(messages(result)).toContain('Pull request #62 came from the fork mallory/microservices: a pull request from a fork is planned without secrets and with a read-only token, so it has no plan comment');
    expect(messages(result)).not.toContain('Run command: plan on its pull requests');
  });
});

describe('terraform fmt reaches the modules; a symlink loop does not break the check (review2, also seen)', () => {
  test('unformatted files in a module, a root and a module no root holds: each reported once, in its own row; x -> . is walked once', async () => {
    const pr = new FixtureRepo(FIXTURE);
    const module = 'docker-monolith/terraform/modules/instance/main.tf';
    pr.write(module, readFileSync(join(pr.dir, module), 'utf8').replace('  type = string', '  type=string'));
    pr.write(`${STAGE}/main.tf`, readFileSync(join(pr.dir, STAGE, 'main.tf'), 'utf8').replace('  source    = "../modules/instance"', '  source = "../modules/instance"'));
    mkdirSync(join(pr.dir, 'infra/modules/net'), { recursive: true });
    pr.write('infra/modules/net/main.tf', 'variable "cidr" {\ntype = string\n}\n');
    symlinkSync('.', join(pr.dir, 'x'));
    pr.commit('unformatted module files, and a link to the repository itself');
    const result = await runAction({ action: 'deploy-stage', node: NODE24, toolCache: tools.toolCache, workspace: pr.dir, env: actionEnv({ PATH: path }), inputs: { 'packer-templates': 'none/*.json' } });
    expect(result.outputs['failure-reason']).toBe('lint-failed');
    const unformatted = errors(result).filter((a) => a.message.includes('is not formatted')).map((a) => a.file).sort();
    expect(unformatted).toEqual([module, `${STAGE}/main.tf`, 'infra/modules/net/main.tf'].sort());
    for (const row of ['| terraform fmt | `docker-monolith/terraform` | **failed** |', `| terraform fmt | \`${STAGE}\` | **failed** |`, '| terraform fmt | `infra/modules/net` | **failed** |']) expect(result.summary).toContain(row);
    // the loop: found once, not as x/docker-monolith/terraform/stage
    expect(result.summary).not.toContain('x/docker-monolith');
  });
});

describe('.example copies never follow a symlink (issue 10)', () => {
  test('a pull request with X.example and a link X pointing out of the tree: nothing written outside, every link kept', async () => {
    const outside = tempDir('outside');
    const keys = join(outside, 'authorized_keys');
    writeFileSync(keys, 'ssh-ed25519 AAAA the owner\n');
    const pr = new FixtureRepo(FIXTURE);
    writeFileSync(join(pr.dir, 'notes.txt.example'), 'ssh-ed25519 AAAA the attacker\n');
    symlinkSync(keys, join(pr.dir, 'notes.txt'));
    writeFileSync(join(pr.dir, 'docker-monolith/todo.txt.example'), 'ssh-ed25519 AAAA the attacker\n');
    symlinkSync(join(outside, 'not-there-yet'), join(pr.dir, 'docker-monolith/todo.txt'));
    symlinkSync('/etc/hostname', join(pr.dir, 'docker-monolith/hostname.example'));
    pr.commit('a pull request with links');
    const before = tree(pr.dir);
    const result = await runAction({
      action: 'deploy-stage',
      node: NODE24,
      toolCache: tools.toolCache,
      workspace: pr.dir,
      env: actionEnv({ PATH: path }),
      inputs: { 'terraform-dirs': STAGE, 'packer-templates': 'none/*.json' },
    });
    expect(errors(result)).toEqual([]);
    expect(readFileSync(keys, 'utf8')).toBe('ssh-ed25519 AAAA the owner\n');
    expect(existsSync(join(outside, 'not-there-yet'))).toBe(false);
    expect(tree(pr.dir)).toEqual(before);
    expect(lstatSync(join(pr.dir, 'docker-monolith/todo.txt')).isSymbolicLink()).toBe(true);
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
    expect(warnings).toContain('Not copying notes.txt.example onto notes.txt: notes.txt is a symlink, and .example copies never write through one.');
    expect(warnings).toContain('Not copying docker-monolith/todo.txt.example onto docker-monolith/todo.txt: docker-monolith/todo.txt is a symlink, and .example copies never write through one.');
    expect(warnings).toContain('Not copying docker-monolith/hostname.example: it is a symlink, and .example copies are made only from files in the repository.');
  });
});

/**
 * A terraform WRAPPER STAND-IN: records what any process on the machine can read about the terraform
 * process (/proc/<pid>/cmdline, and whether /proc/<pid>/environ holds `secret`) and the mode of every
 * -backend-config and -var-file file, then execs the real terraform.
 */
function terraformWrapper(secret: string): { dir: string; record: string } {
  const real = findOnPath('terraform', path)!;
  const dir = tempDir('tf-wrapper');
  const record = join(dir, 'record');
  writeFileSync(
    join(dir, 'terraform'),
    `#!/bin/sh
{
  printf 'cmdline:'; tr '\\0' ' ' < /proc/$$/cmdline; echo
  echo "environ holds the secret: $(tr '\\0' '\\n' < /proc/$$/environ | grep -c ${secret})"
  for a in "$@"; do case "$a" in
    -backend-config=*) f="\${a#-backend-config=}"; [ -f "$f" ] && echo "backend-config file mode $(stat -c %a "$f")";;
    -var-file=*) f="\${a#-var-file=}"; [ -f "$f" ] && echo "var file mode $(stat -c %a "$f")";;
  esac; done
} >> "${record}"
exec "${real}" "$@"
`,
    { mode: 0o755 },
  );
  return { dir, record };
}

describe('backend-config is a secret (issue 10)', () => {
  const secret = 'SECRETPATH';
  test('never in argv or a child environment; a private 0600 file; nothing holding it left under RUNNER_TEMP', async () => {
    if (!needsReal(tools, 'terraform')) return;
    const wrapper = terraformWrapper(secret);
    const state = join(tempDir('state-secret'), `stage-${secret}.tfstate`);
    const probe = tempProbe([secret]);
    const result = await deployStage({ node: probe.node, envPath: [wrapper.dir, path].join(delimiter), inputs: { command: 'plan', 'backend-config': `path=${state}` } });
    expect(errors(result)).toEqual([]);
    const record = readFileSync(wrapper.record, 'utf8');
    expect(record).toMatch(/cmdline:.* init -input=false -no-color -backend-config=\S+backend-1\.tfbackend/);
    expect(record).not.toMatch(new RegExp(`cmdline:.*${secret}`));
    expect(record).not.toMatch(/environ holds the secret: [1-9]/);
    expect(record).toContain('backend-config file mode 600');
    expect(log(result)).not.toContain(secret);
    const [afterMain] = probe.records();
    expect(afterMain).toEqual({ step: 'main', entries: [], holding: [] });
  });

  test('keep-plan: the saved plan stays (0600, it holds the backend configuration) and the step says where', async () => {
    if (!needsReal(tools, 'terraform')) return;
    const state = join(tempDir('state-secret'), `stage-${secret}.tfstate`);
    const probe = tempProbe([secret]);
    const result = await deployStage({ node: probe.node, inputs: { command: 'plan', 'backend-config': `path=${state}`, 'keep-plan': 'true' } });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['plan-path']).toMatch(/[\\/]temp[\\/]shipkit-stage\.tfplan$/);
    expect(log(result)).toContain(`Kept the saved plan at ${result.outputs['plan-path']} (keep-plan): it holds the backend configuration and every value of terraform-vars in clear, so treat it as a secret.`);
    const [afterMain] = probe.records();
    expect(afterMain!.entries).toEqual(['shipkit-stage.tfplan 600']);
  });
});

describe("the environment's variables: terraform-vars, never the .example placeholders (review2 finding 4)", () => {
  const marker = 'TFVARS-MARKER-7F3';
  test('the values planned come from terraform-vars, through a private 0600 -var-file: not argv, not a child environment, nothing left under RUNNER_TEMP', async () => {
    if (!needsReal(tools, 'terraform')) return;
    const wrapper = terraformWrapper(marker);
    const state = join(tempDir('state-vars'), 'stage.tfstate');
    const probe = tempProbe([marker]);
    const vars = `# ${marker}: the file is a secret as a whole\nimage_tag = "3.1.4"\n`;
    const result = await deployStage({ node: probe.node, envPath: [wrapper.dir, path].join(delimiter), inputs: { command: 'plan', 'backend-config': `path=${state}`, 'terraform-vars': vars } });
    expect(errors(result)).toEqual([]);
    expect(result.summary).toContain('reddit-app-stage:3.1.4');
    expect(result.summary).not.toContain('reddit-app-stage:1.0.0'); // the placeholder of terraform.tfvars.example
    expect(log(result)).toContain(`Not used for the plan: ${STAGE}/terraform.tfvars.example (.example files hold placeholders, copied only for the checks).`);
    expect(result.summary).toContain(`Not used for the plan: ${STAGE}/terraform.tfvars.example`);
    const record = readFileSync(wrapper.record, 'utf8');
    expect(record).toMatch(/cmdline:.* plan .*-var-file=\S+terraform-vars\.tfvars /);
    expect(record).toContain('var file mode 600');
    expect(record).not.toMatch(new RegExp(`cmdline:.*${marker}`));
    expect(record).not.toMatch(/environ holds the secret: [1-9]/);
    expect(log(result)).not.toContain(marker);
    const [afterMain] = probe.records();
    expect(afterMain).toEqual({ step: 'main', entries: [], holding: [] });
  });

  test('terraform-vars as JSON (a .tfvars.json)', async () => {
    if (!needsReal(tools, 'terraform')) return;
    const state = join(tempDir('state-vars'), 'stage.tfstate');
    const result = await deployStage({ inputs: { command: 'plan', 'backend-config': `path=${state}`, 'terraform-vars': '{\n  "image_tag": "4.0.0"\n}\n' } });
    expect(errors(result)).toEqual([]);
    expect(result.summary).toContain('reddit-app-stage:4.0.0');
  });

  test('no value for a variable: the plan fails saying how to pass one, and the placeholder is not taken instead', async () => {
    if (!needsReal(tools, 'terraform')) return;
    const before = tree(repo.dir);
    const state = join(tempDir('state-vars'), 'stage.tfstate');
    const result = await deployStage({ inputs: { command: 'plan', 'backend-config': `path=${state}`, 'terraform-vars': '' } });
    expect(result.success).toBe(false);
    expect(result.outputs['failure-reason']).toBe('plan-failed');
    expect(messages(result)).toContain('No value for required variable');
    expect(messages(result)).toContain("A variable has no value: give the environment's values with terraform-vars (a secret, passed as a private -var-file) or TF_VAR_<name> in the step's env.");
    expect(result.outputs['plan-sha256']).toBeUndefined();
    // the checks had their placeholders, and the tree is as it was
    expect(result.summary).toContain(`| terraform validate | \`${STAGE}\` | passed |`);
    expect(tree(repo.dir)).toEqual(before);
  });
});

describe('missing tools', () => {
  test('packer templates without packer on PATH: one clear error naming the templates and the fix', async () => {
    const withoutPacker = path.split(delimiter).filter((dir) => !existsSync(join(dir, 'packer'))).join(delimiter);
    const result = await runAction({
      action: 'deploy-stage',
      node: NODE24,
      toolCache: tools.toolCache,
      workspace: repo.dir,
      env: actionEnv({ PATH: withoutPacker }),
      inputs: {},
    });
    expect(result.success).toBe(false);
    expect(errors(result).map((a) => a.message)).toEqual([
      'packer is not on PATH, and docker-monolith/packer/*.pkr.hcl, docker-monolith/packer/docker.json are Packer templates. Add `uses: shipkit/shipkit/actions/setup-tools@v1` before this step, or narrow "packer-templates".',
    ]);
  });
});

describe('bad input', () => {
  test.each([
    [{ command: 'destroy' }, 'Input "command" is "destroy": expected one of check, plan, apply, drift.'],
    [{ 'plan-sha256': 'abc' }, 'Input "plan-sha256" is "abc": expected the 64-hex plan-sha256 output of a plan run.'],
    [{ 'lock-timeout': 'forever' }, 'Input "lock-timeout" is "forever": expected a duration such as 0s, 30s or 5m.'],
    [{ command: 'plan', environment: 'prod' }, 'No Terraform folder for environment "prod": no root module is named prod (found: docker-monolith/terraform, docker-monolith/terraform/stage). Set "terraform-env-dir".'],
  ])('%j', async (inputs, message) => {
    const result = await deployStage({ inputs });
    expect(result.success).toBe(false);
    expect(errors(result).map((a) => a.message).join('\n')).toContain(message);
  });
});

const hasDocker = dockerAvailable();
if (!hasDocker && dockerRequired()) {
  test('a Docker engine is running (CI asked for one)', () => {
    throw new Error('No Docker engine answers `docker info`; .ci/run installs docker.io and starts dockerd.');
  });
}

(hasDocker ? describe : describe.skip)('application deploy with compose (real engine, docker-compose, docker-machine stand-in)', () => {
  const compose = 'docker-monolith/deploy/docker-compose.yml';
  // a project name of this run: the engine is shared, and other checkouts deploy the same compose file
  const project = `shipkit-ds-${process.pid}`;
  // by the project's label, not through compose: the compose file needs variables a clean-up does not have
  const composeDown = () => {
    const ids = execFileSync('docker', ['ps', '--all', '--quiet', '--filter', `label=com.docker.compose.project=${project}`], { encoding: 'utf8' }).split('\n').filter(Boolean);
    if (ids.length) execFileSync('docker', ['rm', '--force', ...ids], { stdio: 'ignore' });
    const networks = execFileSync('docker', ['network', 'ls', '--quiet', '--filter', `label=com.docker.compose.project=${project}`], { encoding: 'utf8' }).split('\n').filter(Boolean);
    if (networks.length) execFileSync('docker', ['network', 'rm', ...networks], { stdio: 'ignore' });
  };
  const running = () =>
    execFileSync('docker', ['ps', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Label "com.docker.compose.service"}} {{.Image}}'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .sort();
  const deploy = (extra: Record<string, string>) =>
    deployStage({ inputs: { command: 'apply', 'auto-approve': 'true', 'compose-file': compose, 'docker-host': 'stage-host', 'deploy-timeout': '20', ...extra, 'compose-env': `COMPOSE_PROJECT_NAME=${project}\nIMAGE_PREFIX=shipkit-test\n${extra['compose-env'] ?? ''}` } });

  beforeAll(() => {
    localImage('shipkit-test/ui:1', 'shipkit-test/ui:2', 'shipkit-test/post:1', 'shipkit-test/post:2');
  });
  afterAll(() => {
    composeDown();
  });

  test('first deploy creates the docker-machine, starts every service and waits until healthy', async () => {
    const result = await deploy({ 'compose-env': 'TAG=1', 'docker-machine-create-args': '--driver google --google-project "example project"' });
    expect(errors(result)).toEqual([]);
    expect(existsSync(join(machines, 'machines', 'stage-host'))).toBe(true);
    expect(running()).toEqual(['post shipkit-test/post:1', 'ui shipkit-test/ui:1']);
    expect(result.summary).toMatch(/Deployed (ui, post|post, ui) to unix:\/\/\/var\/run\/docker\.sock with docker-compose\.yml: all running and healthy\./);
  });

  test('re-deploy with a new tag replaces the containers', async () => {
    const result = await deploy({ 'compose-env': 'TAG=2' });
    expect(errors(result)).toEqual([]);
    expect(running()).toEqual(['post shipkit-test/post:2', 'ui shipkit-test/ui:2']);
  });

  test('a service that never becomes healthy: deploy-failed, the others left running', async () => {
    const file = join(repo.dir, compose);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}  worker:\n    image: \${IMAGE_PREFIX}/ui:\${TAG}\n    command: ["sleep", "3600"]\n    healthcheck:\n      test: ["CMD", "false"]\n      interval: 1s\n      retries: 1\n`);
    try {
      const result = await deploy({ 'compose-env': 'TAG=2', 'deploy-timeout': '6' });
      expect(result.success).toBe(false);
      expect(result.outputs['failure-reason']).toBe('deploy-failed');
      expect(errors(result).map((a) => a.message).join('\n')).toMatch(/Not every service was up within deploy-timeout \(6 s\): worker \(running, (unhealthy|starting)\)\. The other services are left running as they are\./);
      expect(running()).toEqual(['post shipkit-test/post:2', 'ui shipkit-test/ui:2', 'worker shipkit-test/ui:2']);
    } finally {
      writeFileSync(file, original);
    }
  });

  test('an unknown docker-machine without create args: deploy-failed naming it', async () => {
    const result = await deploy({ 'compose-env': 'TAG=2', 'docker-host': 'prod-host' });
    expect(result.outputs['failure-reason']).toBe('deploy-failed');
    expect(errors(result).map((a) => a.message).join('\n')).toContain('docker-machine env prod-host failed: Host does not exist: "prod-host"');
  });
});
