import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { findOnPath } from '../../lib/which.js';
import { installTools, needsReal, type DeployTools } from '../support/deploy-tools.js';
import { GitHubApi } from '../support/github-api.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// Issue 13, plan review: the plan comment and the step summary rendered from `terraform show -json`
// (destroys and replacements first), sensitive values absent from the comment, the summary and the
// log, no noise for plans without changes, and the plan:* labels. deploy-stage, bundled, through the
// local runner, with the real terraform 1.11.4 installed by the kit's setup-tools from the loopback
// mirror (the tflint stand-in from the same mirror), on a copy of the seed-shaped repository whose
// stage module is made of terraform_data resources (no provider download offline). Its gcs backend
// is overridden with a local one (`backend_override.tf`, as teams do for local runs). GitHub's API
// is the loopback fake, which treats tokens, comments and labels as GitHub does.

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'seed-repo');
const STAGE = 'docker-monolith/terraform/stage';
const FIRST_SECRET = 'S3NSITIVE-first-db-password-4711';
const SECOND_SECRET = 'S3NSITIVE-second-db-password-0815';

let tools: DeployTools;
let github: GitHubApi;
let repo: FixtureRepo;
let terraform: string;
let real = true;
const state = join(tempDir('review-state'), 'stage.tfstate');

/** A database user whose password is a sensitive variable; rotating it recreates the user. */
const DATABASE = `variable "db_password" {
  type        = string
  description = "Password of the application's database user"
  sensitive   = true
}

resource "terraform_data" "db_user" {
  input = {
    name     = "reddit"
    password = var.db_password
  }
  triggers_replace = [var.db_password]
}
`;

beforeAll(async () => {
  tools = await installTools(['terraform', 'tflint']);
  console.log(`deploy-stage review tests run ${tools.describe} and the tflint stand-in`);
  real = Boolean(tools.real.terraform);
  terraform = findOnPath('terraform', tools.path)!;
  github = await new GitHubApi().start();
  repo = new FixtureRepo(FIXTURE);
  repo.write(`${STAGE}/backend_override.tf`, 'terraform {\n  backend "local" {}\n}\n');
  repo.write(`${STAGE}/database.tf`, DATABASE);
  tfvars({ count: 1, ports: ['9292'], image: 'monolith-docker-host' });
  repo.commit('stage with a database user, on a local backend');
}, 180_000);

afterAll(async () => {
  await tools?.mirror.close();
  await github?.close();
});

/** The stage's terraform.tfvars, formatted by terraform itself (the check stage runs fmt -check). */
function tfvars(v: { count: number; ports: string[]; image: string }): void {
  repo.write(`${STAGE}/terraform.tfvars`, `project = "monolith-stage-000000"\ndocker_app_instance_count = ${v.count}\ndocker_app_tcp_ports = ${JSON.stringify(v.ports)}\ndocker_app_image = "${v.image}"\n`);
  execFileSync(terraform, ['fmt', join(repo.dir, STAGE)], { env: actionEnv() });
}

interface Step {
  inputs?: Record<string, string>;
  pr?: number;
  secret?: string;
  node?: string;
}

function deployStage({ inputs = {}, pr, secret = FIRST_SECRET, node = NODE24 }: Step): Promise<RunResult> {
  const sha = repo.git('rev-parse', 'HEAD');
  return runAction({
    action: 'deploy-stage',
    node,
    toolCache: tools.toolCache,
    workspace: repo.dir,
    eventName: pr ? 'pull_request' : 'push',
    event: pr ? { pull_request: { number: pr, head: { sha, ref: `feature/${pr}` } }, repository: { default_branch: 'main' } } : { repository: { default_branch: 'main' } },
    env: actionEnv({
      PATH: tools.path,
      GITHUB_SHA: sha,
      GITHUB_REF: pr ? `refs/pull/${pr}/merge` : 'refs/heads/main',
      GITHUB_REPOSITORY: 'vscoder/microservices',
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: '4242',
      GITHUB_TOKEN: 'ghs_TESTTOKEN',
      // how a workflow hands a secret to terraform (env: TF_VAR_db_password: secrets.DB_PASSWORD);
      // not registered as a mask here: only the action's own masking and redaction keep it out
      TF_VAR_db_password: secret,
    }),
    inputs: {
      command: 'plan',
      'terraform-dirs': STAGE,
      'packer-templates': 'none/*.json',
      'backend-config': `path=${state}`,
      ...inputs,
    },
  });
}

const errors = (r: RunResult) => r.annotations.filter((a) => a.level === 'error');
const log = (r: RunResult) => [...r.main.log, ...(r.post?.log ?? [])].join('\n');
const comment = (pr: number) => github.comments.get(pr)?.find((c) => c.body.includes(`environment=stage dir=${STAGE} `));

/**
 * A Node for runAction that keeps the step's raw stdout, before the runner's masking: what reached
 * the log must not hold a secret except in the `::add-mask::` commands that hide it.
 */
function rawStdout(): { node: string; text: () => string } {
  const dir = tempDir('raw');
  const file = join(dir, 'stdout');
  writeFileSync(file, '');
  const node = join(dir, 'node');
  writeFileSync(
    node,
    `#!${NODE24}
const { spawnSync } = require('node:child_process');
const { appendFileSync } = require('node:fs');
const run = spawnSync(${JSON.stringify(NODE24)}, process.argv.slice(2), { stdio: ['inherit', 'pipe', 'inherit'], env: process.env, maxBuffer: 1 << 28 });
appendFileSync(${JSON.stringify(file)}, run.stdout);
process.stdout.write(run.stdout);
process.exit(run.status ?? 1);
`,
    { mode: 0o755 },
  );
  return { node, text: () => readFileSync(file, 'utf8') };
}

describe('the plan comment and summary, rendered from show -json', () => {
  test('first apply of the stage (so that the next plan destroys, replaces, creates and updates)', async () => {
    if (!(real = needsReal(tools, 'terraform'))) return;
    const result = await deployStage({ inputs: { command: 'apply', 'auto-approve': 'true' } });
    expect(errors(result)).toEqual([]);
    expect(result.summary).toContain(`Applied ${STAGE}: 3 added, 0 changed, 0 destroyed.`);
  });

  test('a pull request that destroys: the caution, then destroy and replace before create and update; every address; no value', async () => {
    if (!real) return;
    tfvars({ count: 2, ports: [], image: 'monolith-docker-host-v2' });
    repo.commit('two docker hosts from the new image; no firewall rule');
    const raw = rawStdout();
    const result = await deployStage({ pr: 21, secret: SECOND_SECRET, node: raw.node, inputs: { 'label-plan': 'true' } });
    expect(errors(result)).toEqual([]);
    expect(result.outputs).toMatchObject({ changes: 'true', 'to-add': '2', 'to-change': '1', 'to-destroy': '2' });

    const body = comment(21)!.body;
    const order = [
      '**2 to add, 1 to change, 2 to destroy.**',
      '> [!CAUTION]\n> This plan destroys 2 resources: 1 destroyed, 1 replaced (destroyed and created again). They are listed first.',
      '**⚠️ Destroy** (1)\n- `module.docker_app.terraform_data.firewall[0]`: its count index is out of range',
      '**⚠️ Replace** (1)\n- `terraform_data.db_user`: a change forces replacement; forced by `triggers_replace`; destroyed, then created',
      '**Create** (1)\n- `module.docker_app.terraform_data.instance[1]`',
      '**Update in place** (1)\n- `module.docker_app.terraform_data.instance[0]`',
      '**Outputs** (1)\n- `docker_hosts` changes',
      '<details><summary>Plan</summary>',
    ];
    const at = order.map((part) => body.indexOf(part));
    expect(at.filter((i) => i < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // the summary shows the same list under its own counts line, above the text plan
    expect(result.summary).toMatch(new RegExp(`\\*\\*Plan\\*\\* for \`${STAGE}\`: 2 to add, 1 to change, 2 to destroy \\(\`sha256:[0-9a-f]{64}\`\\)\\n\\n> \\[!CAUTION\\]`));
    expect(result.summary).toContain('**⚠️ Destroy** (1)\n- `module.docker_app.terraform_data.firewall[0]`');
    expect(result.summary.indexOf('**⚠️ Destroy**')).toBeLessThan(result.summary.indexOf('<details><summary>Plan</summary>'));

    // terraform's own text plan would print the old password through the user's computed output
    for (const secret of [FIRST_SECRET, SECOND_SECRET]) {
      expect(body).not.toContain(secret);
      expect(result.summary).not.toContain(secret);
      expect(log(result)).not.toContain(secret);
      const rawLines = raw.text().split('\n').filter((line) => line.includes(secret));
      expect(rawLines.every((line) => line.startsWith('::add-mask::'))).toBe(true);
    }
    expect(body).toContain('(sensitive value)');
    expect(github.labelNames(21)).toEqual(['plan:destroy']);
    expect(github.labels.get('plan:destroy')).toMatchObject({ color: 'b60205', description: expect.stringContaining('destroys') });
  });

  test('the same plan again: the comment is updated in place and the label stays', async () => {
    if (!real) return;
    const result = await deployStage({ pr: 21, secret: SECOND_SECRET, inputs: { 'label-plan': 'true' } });
    expect(errors(result)).toEqual([]);
    expect(github.comments.get(21)).toHaveLength(1);
    expect(log(result)).toContain('Updated the plan comment on pull request #21');
    expect(log(result)).toContain('Pull request #21 is labelled plan:destroy (already).');
  });

  test('after the apply, a plan without changes updates the comment to say so, and the label becomes plan:no-changes', async () => {
    if (!real) return;
    const applied = await deployStage({ secret: SECOND_SECRET, inputs: { command: 'apply', 'auto-approve': 'true' } });
    expect(errors(applied)).toEqual([]);
    const requests = github.requests.length;
    const result = await deployStage({ pr: 21, secret: SECOND_SECRET, inputs: { 'label-plan': 'true' } });
    expect(errors(result)).toEqual([]);
    expect(result.outputs.changes).toBe('false');
    const body = comment(21)!.body;
    expect(body).toContain('No changes. The infrastructure matches the configuration.');
    expect(body).not.toContain('Destroy');
    expect(github.comments.get(21)).toHaveLength(1);
    expect(github.requests.slice(requests).filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/'))).toHaveLength(1);
    expect(github.labelNames(21)).toEqual(['plan:no-changes']);
    expect(log(result)).toContain('Pull request #21 is labelled plan:no-changes (added plan:no-changes, removed plan:destroy).');
  });

  test('a plan without changes on a pull request without a comment writes nothing; comment-on-no-changes writes one', async () => {
    if (!real) return;
    const quiet = await deployStage({ pr: 22, secret: SECOND_SECRET });
    expect(errors(quiet)).toEqual([]);
    expect(github.comments.get(22)).toBeUndefined();
    expect(log(quiet)).toContain('The plan has no changes and pull request #22 has no plan comment yet: none written (comment-on-no-changes: true writes one).');
    expect(quiet.summary).toContain('No changes. The infrastructure matches the configuration.');

    const asked = await deployStage({ pr: 22, secret: SECOND_SECRET, inputs: { 'comment-on-no-changes': 'true' } });
    expect(errors(asked)).toEqual([]);
    expect(comment(22)!.body).toContain('No changes. The infrastructure matches the configuration.');
  });

  test("several environments on one pull request: the label is the worst of the token's own plan comments, a forged one does not count", async () => {
    if (!real) return;
    const prodMarker = (kind: string) => `<!-- shipkit:plan environment=prod dir=docker-monolith/terraform/prod -->\n<!-- shipkit:plan-sha256 ${'b'.repeat(64)} -->\n<!-- shipkit:plan-kind ${kind} -->\nprod plan`;
    github.comments.set(23, [
      { id: 9001, body: prodMarker('changes'), user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } },
      { id: 9002, body: prodMarker('destroy'), user: { login: 'mallory', id: 666, type: 'User' } },
    ]);
    github.addLabels(23, ['plan:destroy', 'needs-review']);
    const result = await deployStage({ pr: 23, secret: SECOND_SECRET, inputs: { 'label-plan': 'true' } });
    expect(errors(result)).toEqual([]);
    expect(github.labelNames(23).sort()).toEqual(['needs-review', 'plan:changes']);
  });

  test('apply of a plan without changes needs no reviewed plan, and applies nothing', async () => {
    if (!real) return;
    const sha = repo.commit('merge #22');
    github.commitPulls.set(sha, [{ number: 22, merged_at: '2026-12-02T10:00:00Z', merge_commit_sha: sha }]);
    github.comments.delete(22);
    const serial = () => (JSON.parse(readFileSync(state, 'utf8')) as { serial: number }).serial;
    const before = serial();
    const result = await deployStage({ secret: SECOND_SECRET, inputs: { command: 'apply' } });
    expect(errors(result)).toEqual([]);
    expect(log(result)).toContain('The plan has no changes: nothing is applied, so no reviewed plan is needed.');
    expect(result.summary).toContain(`Nothing to apply in ${STAGE}: the plan has no changes.`);
    expect(serial()).toBe(before);
  });
});
