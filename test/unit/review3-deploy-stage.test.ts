import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { findDirs } from '../../lib/glob.js';
import { octokit } from '../../lib/github.js';
import { reviewedPlanHash, type Identity } from '../../actions/deploy-stage/src/github.js';
import { getInputs } from '../../actions/deploy-stage/src/inputs.js';
import { summarisePlan } from '../../actions/deploy-stage/src/terraform.js';
import { GitHubApi } from '../support/github-api.mjs';

// review3: a hostile review of the deployfix merge (762ae91), which fixed review2's findings. These
// tests were red on that merge (bb31d8a) and say what the correct behaviour is; the one about comments
// written as github-actions[bot] by another workflow was turned into a test of the stricter gate the
// README offers, as explained above it.

const plan = (name: string) => summarisePlan(readFileSync(join(process.cwd(), 'test', 'fixtures', 'plans', 'review3', name), 'utf8'));

// Fixtures in test/fixtures/plans/review3: `terraform show -json` of saved plans, recorded with the
// real terraform 1.11.4 of this machine (built-in terraform_data resources, local state, empty
// state), `timestamp` removed. Each pair plans the same three creations (`public`, `secret`, `app`)
// and differs only in where `app`'s input, known only after apply, comes from:
// - local-public / local-secret: through a local value
//     locals { source_id = terraform_data.public.id }   (local-secret: terraform_data.secret.id)
//     resource "terraform_data" "app" { input = local.source_id }
// - var-public / var-secret: through a condition on a root variable (TF_VAR_use_secret=false / true)
//     variable "use_secret" { type = bool }
//     resource "terraform_data" "app" { input = var.use_secret ? terraform_data.secret.output : terraform_data.public.output }
// - module-public / module-secret: through a module output
//     module "net" { source = "./net" }   (net: public, secret, output "id" { value = terraform_data.public.output } / secret)
//     resource "terraform_data" "app" { input = module.net.id }
describe('review3: where unknown values come from is in the plan hash, whatever the path (review2 finding 6)', () => {
  // Correct: the two plans wire `app` to different resources, so their hashes differ. show -json's
  // `configuration` has no locals at all (app's expression is just `references: ["local.source_id"]`
  // in both), so hashing the resource's own references cannot tell them apart; show -json's
  // `relevant_attributes` does (terraform_data.public vs terraform_data.secret), and so would the
  // configuration's source. Today both hash the same: a reviewed plan wiring the app to `public`
  // lets the apply wire it to `secret`.
  test('a value routed through a local', () => {
    expect(plan('local-public.json').sha256).not.toBe(plan('local-secret.json').sha256);
  });

  // Correct: differ. Both plans reference var.use_secret and both resources; the variable's value
  // (plan `variables`) decides which one app gets, and only provider configurations have their root
  // variables hashed. A terraform-vars secret or a TF_VAR_ changed between review and apply turns a
  // reviewed plan into another one with the same hash.
  test('a value chosen by a root variable', () => {
    expect(plan('var-public.json').sha256).not.toBe(plan('var-secret.json').sha256);
  });

  // Correct: differ. The module call has no arguments in either plan; what module.net.id is lies in
  // the module's `outputs.id.expression`, which is not hashed (only root outputs' expressions are).
  test('a value routed through a module output', () => {
    expect(plan('module-public.json').sha256).not.toBe(plan('module-secret.json').sha256);
  });
});

describe('review3: terraform-vars is a secret, so its values are masked (review2 finding 4 follow-up)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    jest.restoreAllMocks();
  });

  // Correct: every value in terraform-vars (at least every string value long enough to mask) is
  // registered with ::add-mask::, since that is what reaches the log: terraform prints
  // `+ input = "s3cr3t-db-pw-42"` for a variable its module did not declare sensitive, and
  // validation errors quote values. Today only the whole text and each whole line
  // (`db_password = "s3cr3t-db-pw-42"`) are masked; that line never appears in any output, the
  // value alone does, unmasked.
  test('each value of terraform-vars is masked, not only each whole line', () => {
    process.env = Object.fromEntries(Object.entries(saved).filter(([k]) => !k.startsWith('INPUT_')));
    process.env['INPUT_TERRAFORM-VARS'] = 'db_password = "s3cr3t-db-pw-42"\nimage_tag   = "v1.2.3"\n';
    const written: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    getInputs();
    const masked = written.join('').split('\n').filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length));
    expect(masked).toContain('s3cr3t-db-pw-42');
  });
});

describe('review3: the reviewed-plan gate and comments written as the token by another workflow (review2 finding 2)', () => {
  let github: GitHubApi;
  const saved = { ...process.env };
  beforeAll(async () => {
    github = await new GitHubApi().start();
  });
  afterAll(async () => {
    process.env = saved;
    await github?.close();
  });

  // Decided (README, "the reviewed plan"): with the default GITHUB_TOKEN every workflow run of the
  // repository writes as github-actions[bot], so anyone who can push a workflow can also rewrite the
  // bot's comment; the kit does not pretend otherwise. The stricter gate the README offers is a token
  // only the deploy workflow holds (a GitHub App's). This test holds that gate: the app's comment,
  // last edited as github-actions[bot] by a push run on another branch, is not trusted.
  test("with a deploy app's token, its plan comment edited as github-actions[bot] by a push run on another branch is not trusted", async () => {
    const sha = 'b'.repeat(40);
    const head = 'c'.repeat(40);
    const forged = '6'.repeat(64);
    const marker = '<!-- shipkit:plan environment=stage dir=infra/stage -->';
    github.commitPulls.set(sha, [{ number: 7, merged_at: '2026-12-02T12:00:00Z', merge_commit_sha: sha, base: { ref: 'main' }, head: { repo: null } }]);
    // the pull request's plan run ended at 10:05; the bot's comment was then rewritten at 11:00 by a run on `evil`
    github.runs.push(
      { id: 501, workflow_id: 1, name: 'deploy', head_branch: 'feature', status: 'completed', conclusion: 'success', created_at: '2026-12-02T10:00:00Z', run_started_at: '2026-12-02T10:00:00Z' },
      { id: 777, workflow_id: 2, name: 'evil', head_branch: 'evil', status: 'completed', conclusion: 'success', created_at: '2026-12-02T10:59:00Z', run_started_at: '2026-12-02T10:59:00Z' },
    );
    Object.assign(github.runs[0]!, { event: 'pull_request', head_sha: head, updated_at: '2026-12-02T10:05:00Z', pull_requests: [{ number: 7 }] });
    Object.assign(github.runs[1]!, { event: 'push', head_sha: 'e'.repeat(40), updated_at: '2026-12-02T11:01:00Z', pull_requests: [] });
    github.comments.set(7, [
      {
        id: 9001,
        body: `${marker}\n<!-- shipkit:plan-sha256 ${forged} -->\n<!-- shipkit:plan-kind changes -->\n### Terraform plan`,
        user: { login: 'shipkit-deployer[bot]', id: 51898282, type: 'Bot' },
        created_at: '2026-12-02T10:04:00Z',
        updated_at: '2026-12-02T11:00:00Z',
        editor: 'github-actions[bot]',
        lastEditedAt: '2026-12-02T11:00:00Z',
        edits: [
          { editor: 'shipkit-deployer[bot]', editedAt: '2026-12-02T10:04:00Z' },
          { editor: 'github-actions[bot]', editedAt: '2026-12-02T11:00:00Z' },
        ],
      },
    ]);
    const client = await octokit('ghs_x', { apiUrl: github.url, retryDelays: [] });
    const identity: Identity = { login: 'shipkit-deployer[bot]', via: 'GraphQL viewer' };
    let found: Awaited<ReturnType<typeof reviewedPlanHash>> | undefined;
    try {
      found = await reviewedPlanHash(client, { owner: 'o', repo: 'r' }, sha, identity, 'stage', 'infra/stage', 'main');
    } catch {
      found = undefined; // refusing with an error is as correct as returning no hash
    }
    expect(found?.hash).not.toBe(forged);
  });
});

describe('review3: the glob loop guard visits each real folder once (review2 "also seen": symlink loop)', () => {
  // Correct: findDirs (and glob's `**`) enter each real folder once. The guard only refuses links
  // back to an ancestor, so links between siblings multiply the walk: two links per level to the
  // next level make 2^n paths to the deepest folder (n = 25 is 33 million walks of the same folders:
  // a pull request that hangs `check` until the job's timeout), and every path is returned, so the
  // same root module is validated, linted and counted once per path. Here: l0/{a,b} -> l1,
  // l1/{a,b} -> l2, l2/{a,b} -> l3, and l3 holds main.tf: 8 paths to one folder.
  test('a folder reached through several symlinks is found once', () => {
    const root = mkdtempSync(join(tmpdir(), 'shipkit-review3-glob-'));
    for (let i = 0; i <= 3; i++) mkdirSync(join(root, `l${i}`));
    for (let i = 0; i < 3; i++) for (const name of ['a', 'b']) symlinkSync(`../l${i + 1}`, join(root, `l${i}`, name));
    writeFileSync(join(root, 'l3', 'main.tf'), '');
    const found = findDirs(root, (_rel, entries) => entries.includes('main.tf'));
    // one path to the one folder (l3 itself, ideally: the path with no link in it)
    expect(found).toHaveLength(1);
  });
});
