import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { installTools, needsReal, type DeployTools } from '../support/deploy-tools.js';
import { GalaxySource } from '../support/galaxy.mjs';
import { GitHubApi } from '../support/github-api.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// review2: a hostile review of deploy-stage as it landed: the reviewed-plan gate, the variables a
// plan is made with, and repositories laid out like the seed in ways the fixtures do not exercise.
// deploy-stage bundled, through the local runner; terraform and packer from the kit's setup-tools
// and the loopback mirror (the machine's real binaries, re-packed), tflint the tests' STAND-IN,
// ansible the machine's, GitHub a loopback stand-in (test/support/github-api.mjs) that also records
// who last edited a comment, as GitHub does (GraphQL `IssueComment.editor` / `userContentEdits`).
// Every test here is RED on the code as it landed; each says what is correct.

const EXAMPLE = join(process.cwd(), 'examples', 'microservices');
const SEED = join(process.cwd(), 'test', 'fixtures', 'seed-repo');
const STAGE = 'docker-monolith/terraform/stage';

interface StoredComment {
  id: number;
  body: string;
  user: { login: string };
  /** Who last wrote the body: GitHub keeps it (GraphQL `editor`), REST does not show it. */
  editor?: string;
}

/** The loopback GitHub, recording who edited a comment (anyone with write access may edit any comment). */
class GitHubRecordingEdits extends GitHubApi {
  override handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const id = /\/issues\/comments\/(\d+)$/.exec(new URL(req.url ?? '/', this.url).pathname)?.[1];
    super.handle(req, res, raw);
    if (req.method !== 'PATCH' || !id) return;
    const who = this.identity(req.headers.authorization) as { account: { login: string } } | undefined;
    for (const list of this.comments.values() as Iterable<StoredComment[]>) {
      const comment = list.find((c) => c.id === Number(id));
      if (comment && who) comment.editor = who.account.login;
    }
  }
}

let tools: DeployTools;
let github: GitHubRecordingEdits;

beforeAll(async () => {
  tools = await installTools(['terraform', 'tflint', 'packer']);
  console.log(`review2 deploy-stage tests run ${tools.describe}, and the tflint stand-in`);
  github = await new GitHubRecordingEdits().start();
}, 180_000);

afterAll(async () => {
  await tools?.mirror.close();
  await github?.close();
});

interface Step {
  repo: FixtureRepo;
  inputs?: Record<string, string>;
  eventName?: string;
  event?: object;
  env?: NodeJS.ProcessEnv;
}

function deployStage({ repo, inputs = {}, eventName = 'push', event = {}, env = {} }: Step): Promise<RunResult> {
  return runAction({
    action: 'deploy-stage',
    node: NODE24,
    toolCache: tools.toolCache,
    workspace: repo.dir,
    eventName,
    event,
    env: actionEnv({
      PATH: tools.path,
      GITHUB_SHA: repo.git('rev-parse', 'HEAD'),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'vscoder/microservices',
      GITHUB_API_URL: github.url,
      ...env,
    }),
    // only what a test is about: the stage root module, no packer, no ansible
    inputs: { 'terraform-dirs': STAGE, 'packer-templates': 'none/*.json', 'github-token': 'ghs_TESTTOKEN', ...inputs },
  });
}

const errors = (r: RunResult) => r.annotations.filter((a) => a.level === 'error');
const messages = (r: RunResult) => errors(r).map((a) => a.message).join('\n');

describe('review2: the reviewed-plan gate', () => {
  // Anyone with write access to a repository may edit any comment in it, the bot's plan comment
  // included, and the comment's author stays the bot. The hash line is an HTML comment: invisible
  // in the rendered comment. Here the PR author changes the code after review and puts the new
  // plan's hash into the bot's comment; reviewers still see the plan they approved.
  // Correct: a plan comment whose body was last written by anyone but the token's identity is not
  // trusted (GraphQL `IssueComment.editor` / `lastEditedAt` / `userContentEdits`), so the apply
  // fails with plan-changed and nothing is applied.
  test("a hash line edited into the bot's plan comment by another user is not trusted", async () => {
    if (!needsReal(tools, 'terraform')) return;
    const repo = new FixtureRepo(EXAMPLE);
    const state = join(tempDir('r2-state'), 'stage.tfstate');
    const backend = { 'backend-config': `path=${state}` };
    const pr = 41;
    const prEvent = { pull_request: { number: pr, head: { sha: repo.git('rev-parse', 'HEAD'), ref: 'feature/tag' } }, repository: { default_branch: 'main' } };

    // deployfix: the variable as the workflow gives it (plans no longer read the .example placeholders, finding 4)
    const env = { TF_VAR_image_tag: '1.0.0' };
    const reviewed = await deployStage({ repo, env, eventName: 'pull_request', event: prEvent, inputs: { command: 'plan', ...backend } });
    expect(errors(reviewed)).toEqual([]);
    const reviewedHash = reviewed.outputs['plan-sha256']!;
    const comment = (github.comments.get(pr) as StoredComment[])[0]!;
    expect(comment.body).toContain('reddit-app-stage:1.0.0');

    // after review: another image, and the hash of that plan (any plan run on the branch prints it)
    // (deployfix: committed as an auto.tfvars, which outranks TF_VAR_*, where the review changed the .example)
    repo.write(`${STAGE}/image.auto.tfvars`, 'image_tag = "6.6.6"\n');
    repo.commit('after review');
    const unreviewed = await deployStage({ repo, env, inputs: { command: 'plan', ...backend } });
    const unreviewedHash = unreviewed.outputs['plan-sha256']!;
    expect(unreviewedHash).not.toBe(reviewedHash);

    const edited = await fetch(`${github.url}/repos/vscoder/microservices/issues/comments/${comment.id}`, {
      method: 'PATCH',
      headers: { authorization: 'token ghp_ALICE', 'content-type': 'application/json' },
      body: JSON.stringify({ body: comment.body.replace(`<!-- shipkit:plan-sha256 ${reviewedHash} -->`, `<!-- shipkit:plan-sha256 ${unreviewedHash} -->`) }),
    });
    expect(edited.status).toBe(200);
    expect(comment.user.login).toBe('github-actions[bot]');
    expect(comment.editor).toBe('alice');
    expect(comment.body).toContain('reddit-app-stage:1.0.0'); // what reviewers see

    const merge = repo.commit(`merge #${pr}`);
    github.commitPulls.set(merge, [{ number: pr, merged_at: '2026-12-02T10:00:00Z', merge_commit_sha: merge }]);
    const apply = await deployStage({ repo, env, inputs: { command: 'apply', ...backend } });
    expect(apply.success).toBe(false);
    expect(apply.outputs['failure-reason']).toBe('plan-changed');
    expect(existsSync(state)).toBe(false);
  });
});

describe('review2: plan and apply use the variables the workflow gives', () => {
  // terraform.tfvars outranks TF_VAR_* (terraform's precedence), and deploy-stage copies
  // terraform.tfvars.example into place for plan and apply too (example-vars defaults to true, and
  // the reusable deploy-stage.yml cannot turn it off). The seed git-ignores terraform.tfvars, so the
  // real values come from the workflow; today the placeholders win, silently, in the plan comment
  // and in the apply. Correct: the seed's "fake variables" are for checks; plan and apply never
  // make a copy that shadows the values the workflow passes (TF_VAR_*), and say so when they skip one.
  test('TF_VAR_image_tag from the workflow is the value planned, not the .example placeholder', async () => {
    if (!needsReal(tools, 'terraform')) return;
    const repo = new FixtureRepo(EXAMPLE);
    const state = join(tempDir('r2-state'), 'stage.tfstate');
    const result = await deployStage({ repo, env: { TF_VAR_image_tag: '2.5.0' }, inputs: { command: 'plan', 'backend-config': `path=${state}` } });
    expect(errors(result)).toEqual([]);
    expect(result.summary).toContain('reddit-app-stage:2.5.0');
    expect(result.summary).not.toContain('reddit-app-stage:1.0.0');
  });
});

describe('review2: repositories laid out like the seed, beyond the fixture', () => {
  // Two root modules named after the environment (a second stack, e.g. kubernetes/terraform/stage
  // beside docker-monolith/terraform/stage): run.envDir is the first in sort order, silently.
  // Correct: a UsageError naming both folders and "terraform-env-dir", before anything runs.
  test('two root modules named stage: refused, naming both, not one picked silently', async () => {
    const repo = new FixtureRepo(EXAMPLE);
    mkdirSync(join(repo.dir, 'app/terraform/stage'), { recursive: true });
    repo.write('app/terraform/stage/main.tf', 'resource "terraform_data" "other" {\n  input = "other stack"\n}\n');
    repo.commit('a second stack with a stage environment');
    const state = join(tempDir('r2-state'), 'stage.tfstate');
    const result = await deployStage({ repo, inputs: { command: 'plan', 'terraform-dirs': '', 'backend-config': `path=${state}` } });
    expect(result.success).toBe(false);
    expect(result.outputs['plan-sha256']).toBeUndefined();
    expect(messages(result)).toContain('app/terraform/stage');
    expect(messages(result)).toContain(STAGE);
    expect(messages(result)).toContain('terraform-env-dir');
  });

  // Packer HCL2 reads a folder: every *.pkr.hcl in it plus *.auto.pkrvars.hcl, and most real
  // templates split variables, sources and builds into files (`packer validate .`). deploy-stage
  // runs `packer validate <file>` on each *.pkr.hcl alone, so a valid split template fails: the file
  // with the source says `Unsupported attribute` for var.project_id (a variable without a default
  // fails the other file too: "Unset variable"), and *.auto.pkrvars.hcl are never read.
  // Correct: HCL2 templates are validated per folder (`packer validate <folder>`, one row per folder).
  test('an HCL2 template split into variables.pkr.hcl and app.pkr.hcl validates (packer validates the folder)', async () => {
    if (!needsReal(tools, 'packer')) return;
    const repo = new FixtureRepo(EXAMPLE);
    const template = readFileSync(join(repo.dir, 'docker-monolith/packer/app.pkr.hcl'), 'utf8');
    const variables = 'variable "project_id" {\n  type    = string\n  default = "example-project"\n}\n';
    expect(template).toContain(variables);
    repo.write('docker-monolith/packer/variables.pkr.hcl', variables);
    repo.write('docker-monolith/packer/app.pkr.hcl', template.replace(`${variables}\n`, ''));
    repo.commit('the template split as packer hcl2 layouts do');
    const result = await deployStage({ repo, inputs: { 'packer-templates': 'docker-monolith/packer/*.pkr.hcl' } });
    expect(messages(result)).toBe('');
    expect(result.success).toBe(true);
  });
});

describe('review2: the seed without its vault password (every pull request from a fork)', () => {
  // Secrets are not passed to workflows of pull requests from forks, so ansible-vault-password is
  // empty there. The seed's ansible.cfg names `vault_password_file = vault.key` (git-ignored; the
  // seed's Travis wrote a fake one), and ansible refuses to start without that file: every playbook
  // fails its syntax check with "The vault password file ... was not found", docker.yml too, which
  // reads no vaulted data; the step says validate-failed, as if the playbooks were broken.
  // Correct: without ansible-vault-password the config's missing vault_password_file does not fail
  // the playbooks that need no vault (a placeholder password file, as the seed's before_script
  // wrote), and a playbook that does need it fails or is skipped saying "ansible-vault-password" is empty.
  let galaxy: GalaxySource;
  beforeAll(async () => {
    galaxy = await new GalaxySource().start();
  });
  afterAll(async () => {
    await galaxy?.close();
  });

  test('docker.yml passes its syntax check, and what needs the vault names the empty input', async () => {
    const repo = new FixtureRepo(SEED);
    galaxy.rewrite(join(repo.dir, 'docker-monolith/ansible/environments/stage/requirements.yml'));
    repo.commit('the role source on this test run');
    const result = await deployStage({
      repo,
      inputs: {
        'terraform-dirs': 'docker-monolith/terraform/stage',
        'ansible-playbooks': 'docker-monolith/ansible/playbooks/*.yml',
        'ansible-requirements': 'docker-monolith/ansible/environments/*/requirements.yml',
      },
    });
    expect(result.summary).toContain('| ansible-playbook --syntax-check | `docker-monolith/ansible/playbooks/docker.yml` | passed |');
    expect(messages(result)).not.toContain('vault.key was not found');
    expect(messages(result)).toContain('ansible-vault-password');
  });
});
