import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { findOnPath } from '../../lib/which.js';
import { installTools, needsReal, type DeployTools } from '../support/deploy-tools.js';
import { GitHubApi } from '../support/github-api.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// Issue 13, drift: `command: drift` on a schedule, with the real terraform 1.11.4 (installed by the
// kit's setup-tools from the loopback mirror) on a copy of the seed-shaped repository, whose stage
// module is terraform_data resources on a local backend (`backend_override.tf`). Two real kinds of
// drift, made the way they happen:
// - outside Terraform: the stage reads the network team's state (terraform_remote_state); that team
//   applies a new subnet, so the refresh-only plan finds the stage's `subnet` output changed;
// - the state edited by hand: `terraform state rm` of the firewall rule, so the plan would create it
//   again while the refresh-only plan finds nothing (the object still exists, Terraform forgot it).
// (terraform_data objects never change outside Terraform by themselves; resource drift of a real
// provider is covered by the unit tests on a constructed Google plan, deploy-stage-plan-view.test.ts.)
// GitHub's API is the loopback fake: issues, labels and comments as GitHub keeps them.

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'seed-repo');
const STAGE = 'docker-monolith/terraform/stage';
const SECRET = 'S3NSITIVE-drift-db-password-2718';
const mallory = { login: 'mallory', id: 666, type: 'User' };

let tools: DeployTools;
let github: GitHubApi;
let repo: FixtureRepo;
let terraform: string;
let real = true;
const work = tempDir('drift');
const state = join(work, 'stage.tfstate');
const networkState = join(work, 'network.tfstate');
const network = join(work, 'network');

beforeAll(async () => {
  tools = await installTools(['terraform', 'tflint']);
  console.log(`deploy-stage drift tests run ${tools.describe}`);
  terraform = findOnPath('terraform', tools.path)!;
  github = await new GitHubApi().start();
  repo = new FixtureRepo(FIXTURE);
  repo.write(`${STAGE}/backend_override.tf`, 'terraform {\n  backend "local" {}\n}\n');
  repo.write(
    `${STAGE}/network.tf`,
    `# The network is the platform team's: the stage reads its state.
variable "network_state" {
  type        = string
  description = "Where the network's state is"
}

data "terraform_remote_state" "network" {
  backend = "local"
  config = {
    path = var.network_state
  }
}

output "subnet" {
  value = data.terraform_remote_state.network.outputs.subnet
}
`,
  );
  repo.write(
    `${STAGE}/database.tf`,
    `variable "db_password" {
  type      = string
  sensitive = true
}

resource "terraform_data" "db_user" {
  input = {
    name     = "reddit"
    password = var.db_password
  }
}
`,
  );
  repo.write(`${STAGE}/terraform.tfvars`, 'project = "monolith-stage-000000"\n');
  repo.commit('stage reads the network; a database user; a local backend');
  mkdirSync(network);
  writeFileSync(join(network, 'main.tf'), 'terraform {\n  backend "local" {}\n}\n\nvariable "cidr" {\n  type = string\n}\n\nresource "terraform_data" "subnet" {\n  input = var.cidr\n}\n\noutput "subnet" {\n  value = terraform_data.subnet.output\n}\n');
}, 180_000);

afterAll(async () => {
  await tools?.mirror.close();
  await github?.close();
});

/** The network team applies their module (their own state, outside the stage's). */
function applyNetwork(cidr: string): void {
  const env = actionEnv({ PATH: tools.path, TF_DATA_DIR: join(work, 'network-data') });
  execFileSync(terraform, ['init', '-input=false', '-no-color', `-backend-config=path=${networkState}`], { cwd: network, env, stdio: 'pipe' });
  execFileSync(terraform, ['apply', '-auto-approve', '-input=false', '-no-color', `-var=cidr=${cidr}`], { cwd: network, env, stdio: 'pipe' });
}

function deployStage(inputs: Record<string, string> = {}, eventName = 'schedule'): Promise<RunResult> {
  return runAction({
    action: 'deploy-stage',
    node: NODE24,
    toolCache: tools.toolCache,
    workspace: repo.dir,
    eventName,
    event: { schedule: '17 5 * * *', repository: { default_branch: 'main' } },
    env: actionEnv({
      PATH: tools.path,
      GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'vscoder/microservices',
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: '777',
      GITHUB_TOKEN: 'ghs_TESTTOKEN',
      TF_VAR_network_state: networkState,
      TF_VAR_db_password: SECRET,
    }),
    inputs: { command: 'drift', 'terraform-dirs': STAGE, 'packer-templates': 'none/*.json', 'backend-config': `path=${state}`, ...inputs },
  });
}

const errors = (r: RunResult) => r.annotations.filter((a) => a.level === 'error');
const log = (r: RunResult) => [...r.main.log, ...(r.post?.log ?? [])].join('\n');
const ours = () => [...github.issues.values()].filter((i) => i.user.login === 'github-actions[bot]');
const commentsOn = (n: number) => (github.comments.get(n) ?? []).map((c) => c.body);

describe('command: drift keeps one issue per environment: opened, updated, closed', () => {
  let number: number;
  let forged: number;

  test('an environment in sync: drifted=false, no issue', async () => {
    if (!(real = needsReal(tools, 'terraform'))) return;
    applyNetwork('10.132.0.0/20');
    const applied = await deployStage({ command: 'apply', 'auto-approve': 'true' }, 'push');
    expect(errors(applied)).toEqual([]);
    const result = await deployStage();
    expect(errors(result)).toEqual([]);
    expect(result.outputs).toMatchObject({ drifted: 'false', drift: 'in-sync', 'issue-number': '', changes: 'false' });
    expect(github.issues.size).toBe(0);
    expect(log(result)).toContain(`stage (${STAGE}) is in sync: nothing changed outside Terraform, and the plan has nothing to apply.`);
    expect(result.summary).toContain('**In sync**: nothing changed outside Terraform, and the plan has nothing to apply.');
  });

  test('the network changed outside the stage: the refresh-only plan sees it; an issue is opened, labelled drift; a forged one is left alone', async () => {
    if (!real) return;
    forged = github.nextNumber++;
    github.issues.set(forged, { number: forged, title: 'Terraform drift in stage', body: `<!-- shipkit:drift environment=stage dir=${STAGE} -->\nclose me`, state: 'open', state_reason: null, user: mallory });
    github.addLabels(forged, ['drift']);
    applyNetwork('10.164.0.0/20');
    const result = await deployStage();
    expect(errors(result)).toEqual([]);
    expect(result.outputs).toMatchObject({ drifted: 'true', drift: 'drifted' });
    const [issue] = ours();
    number = issue!.number;
    expect(result.outputs['issue-number']).toBe(String(number));
    expect(issue).toMatchObject({ title: 'Terraform drift in stage', state: 'open' });
    expect(github.labelNames(number)).toEqual(['drift']);
    // the repository already had a drift label (on the forged issue): used as it is, not created again
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/labels'))).toEqual([]);
    const body = issue!.body;
    const order = [
      `<!-- shipkit:drift environment=stage dir=${STAGE} -->`,
      `### Terraform drift in \`stage\` (\`${STAGE}\`)`,
      '#### 1. Changed outside Terraform',
      '_`terraform plan -refresh-only`: the state compared with the real infrastructure._',
      'No object in the state changed outside Terraform.\n\n**Outputs a refresh would change** (1)\n- `subnet` changes',
      '#### 2. What an apply would change',
      '_`terraform plan`: the configuration on `main` compared with the real infrastructure._',
      '**Outputs** (1)\n- `subnet` changes',
      'No object changed outside Terraform, but outputs would change (section 1): a data source reads something new (another state, an image, a lookup), or the configuration changed an output. Applying the configuration resolves it',
      '<details><summary>Refresh-only plan</summary>',
      '10.164.0.0/20',
      '<details><summary>Plan</summary>',
    ];
    const at = order.map((part) => body.indexOf(part));
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(body).toContain('by [this run](https://github.com/vscoder/microservices/actions/runs/777)');
    // the forged issue: neither edited nor closed, and the log says why
    expect(github.issues.get(forged)).toMatchObject({ state: 'open', body: `<!-- shipkit:drift environment=stage dir=${STAGE} -->\nclose me` });
    expect(github.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/issues/${forged}`))).toEqual([]);
    expect(log(result)).toContain(`Ignored issue #${forged} by mallory: it carries the drift marker, but only issues by github-actions[bot] (who github-token is) are trusted.`);
    expect(log(result)).toContain(`Opened issue #${number} for the drift in stage (as github-actions[bot]).`);
    expect(result.summary).toContain(`**Drifted**: a new drift issue was opened ([#${number}](https://github.com/vscoder/microservices/issues/${number})).`);
  });

  test('the state edited by hand (terraform state rm): still drifted; the same issue is updated, with a comment that the drift changed', async () => {
    if (!real) return;
    execFileSync(terraform, ['state', 'rm', `-state=${state}`, 'module.docker_app.terraform_data.firewall[0]'], { cwd: work, env: actionEnv({ PATH: tools.path }), stdio: 'pipe' });
    const result = await deployStage();
    expect(errors(result)).toEqual([]);
    expect(result.outputs).toMatchObject({ drifted: 'true', drift: 'still-drifted', 'issue-number': String(number), 'to-add': '1' });
    expect(ours()).toHaveLength(1);
    const body = github.issues.get(number)!.body;
    expect(body).toContain('**Create** (1)\n- `module.docker_app.terraform_data.firewall[0]`');
    expect(commentsOn(number)).toEqual([expect.stringMatching(/^The drift in `stage` changed: checked \d{4}-\d\d-\d\d \d\d:\d\d UTC on `main` at `[0-9a-f]{7}` by \[this run\]\(https:\/\/github\.com\/vscoder\/microservices\/actions\/runs\/777\)\. The description shows both plans as they are now\.$/)]);
    expect(log(result)).toContain(`The drift in stage remains: updated issue #${number}, and commented that it changed.`);
  });

  test('the same drift the next night: the body is refreshed, no new comment (nobody is notified again)', async () => {
    if (!real) return;
    const result = await deployStage();
    expect(result.outputs).toMatchObject({ drift: 'still-drifted', 'issue-number': String(number) });
    expect(commentsOn(number)).toHaveLength(1);
    expect(log(result)).toContain(`The drift in stage remains: updated issue #${number} (the same drift as before).`);
  });

  test('fail-on-drift: the step fails with failure-reason drifted, the outputs and the issue still there', async () => {
    if (!real) return;
    const result = await deployStage({ 'fail-on-drift': 'true' });
    expect(result.success).toBe(false);
    expect(result.outputs).toMatchObject({ 'failure-reason': 'drifted', drifted: 'true', drift: 'still-drifted', 'issue-number': String(number) });
    expect(errors(result).map((a) => a.message)).toEqual([`stage (${STAGE}) has drifted: see issue #${number}. The step fails because fail-on-drift is true.`]);
  });

  test('the sensitive password is nowhere: issue, comments, summary, log', async () => {
    if (!real) return;
    const result = await deployStage();
    const texts = [github.issues.get(number)!.body, ...commentsOn(number), result.summary, log(result)];
    for (const text of texts) expect(text).not.toContain(SECRET);
  });

  test('applied again: back in sync; the issue is closed with a comment', async () => {
    if (!real) return;
    const applied = await deployStage({ command: 'apply', 'auto-approve': 'true' }, 'push');
    expect(errors(applied)).toEqual([]);
    const result = await deployStage();
    expect(errors(result)).toEqual([]);
    expect(result.outputs).toMatchObject({ drifted: 'false', drift: 'back-in-sync', 'issue-number': String(number) });
    expect(github.issues.get(number)).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(commentsOn(number).at(-1)).toMatch(new RegExp(`^Back in sync: \`stage\` \\(\`${STAGE}\`\\) matches its configuration again, and nothing changed outside Terraform\\. Checked .* Closing\\.$`));
    expect(github.issues.get(forged)!.state).toBe('open');
    expect(result.summary).toContain(`**Back in sync**: its drift issue was closed ([#${number}]`);
  });

  test('in sync the night after: nothing is said', async () => {
    if (!real) return;
    const writes = github.requests.filter((r) => r.method !== 'GET').length;
    const result = await deployStage();
    expect(result.outputs).toMatchObject({ drifted: 'false', drift: 'in-sync', 'issue-number': '' });
    // only GraphQL's viewer (who the token is) is a POST, and it writes nothing
    expect(github.requests.filter((r) => r.method !== 'GET').slice(writes).map((r) => r.path)).toEqual(['/graphql']);
  });

  test('drift again later: a new issue, not the closed one reopened; a missing drift label is created', async () => {
    if (!real) return;
    github.labels.delete('drift');
    applyNetwork('10.172.0.0/20');
    const result = await deployStage();
    expect(result.outputs.drift).toBe('drifted');
    expect(Number(result.outputs['issue-number'])).toBeGreaterThan(number);
    expect(github.issues.get(number)!.state).toBe('closed');
    expect(github.labels.get('drift')).toEqual({ name: 'drift', color: 'd93f0b', description: 'The real infrastructure no longer matches its Terraform configuration (shipkit deploy-stage)' });
  });

  test('terraform before 0.15.4 (the seed pins 0.12.12) has no refresh-only plan: only the plan runs, and the issue says so', async () => {
    if (!real) return;
    // a terraform 0.12.12 STAND-IN: says it is 0.12.12, refuses -refresh-only as 0.12 does, runs the real one otherwise
    const dir = tempDir('tf012');
    const record = join(dir, 'record');
    writeFileSync(
      join(dir, 'terraform'),
      `#!/bin/sh
echo "$*" >> "${record}"
[ "$1" = version ] && { echo "Terraform v0.12.12"; exit 0; }
for a in "$@"; do [ "$a" = -refresh-only ] && { echo "flag provided but not defined: -refresh-only" >&2; exit 1; }; done
exec "${terraform}" "$@"
`,
      { mode: 0o755 },
    );
    const result = await runAction({
      action: 'deploy-stage',
      node: NODE24,
      toolCache: tools.toolCache,
      workspace: repo.dir,
      eventName: 'schedule',
      event: { schedule: '17 5 * * *', repository: { default_branch: 'main' } },
      env: actionEnv({ PATH: `${dir}:${tools.path}`, GITHUB_SHA: repo.git('rev-parse', 'HEAD'), GITHUB_REF: 'refs/heads/main', GITHUB_REPOSITORY: 'vscoder/microservices', GITHUB_API_URL: github.url, GITHUB_TOKEN: 'ghs_TESTTOKEN', TF_VAR_network_state: networkState, TF_VAR_db_password: SECRET }),
      inputs: { command: 'drift', 'terraform-dirs': STAGE, 'packer-templates': 'none/*.json', 'backend-config': `path=${state}` },
    });
    expect(errors(result)).toEqual([]);
    expect(result.outputs).toMatchObject({ drifted: 'true', drift: 'still-drifted' });
    expect(readFileSync(record, 'utf8')).not.toContain('-refresh-only');
    const body = github.issues.get(Number(result.outputs['issue-number']))!.body;
    expect(body).toContain('Not checked: terraform 0.12.12 has no refresh-only plan (0.15.4 and later do). A change made outside Terraform shows in section 2, as a change an apply would undo.');
    expect(body).not.toContain('<summary>Refresh-only plan</summary>');
    expect(log(result)).toContain('Terraform providers are not cached across runs: terraform 0.12.12 has no dependency lock file');
  });
});
