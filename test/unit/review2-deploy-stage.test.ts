import { describe, expect, test } from '@jest/globals';
import { planComment } from '../../actions/deploy-stage/src/comments.js';
import { reviewedPlanHash, upsertPlanComment, type Identity } from '../../actions/deploy-stage/src/github.js';
import { planView } from '../../actions/deploy-stage/src/planjson.js';
import { summarisePlan } from '../../actions/deploy-stage/src/terraform.js';
import type { Octokit } from '../../lib/github.js';

// review2: a hostile review of deploy-stage's reviewed-plan gate. Every test here is RED on the code
// as it landed; each says what the correct behaviour is. The gate applies a plan when its
// plan-sha256 equals the reviewed one, so whatever the hash does not cover, or whichever comment the
// look-up wrongly picks, is a way to get a plan applied that nobody reviewed.

// Recorded with the real terraform 1.11.4 of this machine (`terraform show -json` of a saved plan,
// resources of the built-in terraform_data type, local state), only `timestamp` removed. The
// configurations are given beside each one.

/* state: terraform_data.a (input "x"); configuration: the same resource, unchanged. */
const NO_CHANGES = {"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[{"address":"terraform_data.a","mode":"managed","type":"terraform_data","name":"a","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"id":"820ee497-aec8-67b7-1440-dbdaffb8d1b3","input":"x","output":"x","triggers_replace":null},"sensitive_values":{}}]}},"resource_changes":[{"address":"terraform_data.a","mode":"managed","type":"terraform_data","name":"a","provider_name":"terraform.io/builtin/terraform","change":{"actions":["no-op"],"before":{"id":"820ee497-aec8-67b7-1440-dbdaffb8d1b3","input":"x","output":"x","triggers_replace":null},"after":{"id":"820ee497-aec8-67b7-1440-dbdaffb8d1b3","input":"x","output":"x","triggers_replace":null},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}}],"prior_state":{"format_version":"1.0","terraform_version":"1.11.4","values":{"root_module":{"resources":[{"address":"terraform_data.a","mode":"managed","type":"terraform_data","name":"a","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"id":"820ee497-aec8-67b7-1440-dbdaffb8d1b3","input":"x","output":"x","triggers_replace":null},"sensitive_values":{}}]}}},"configuration":{"provider_config":{"terraform":{"name":"terraform","full_name":"terraform.io/builtin/terraform"}},"root_module":{"resources":[{"address":"terraform_data.a","mode":"managed","type":"terraform_data","name":"a","provider_config_key":"terraform","expressions":{"input":{"constant_value":"x"}},"schema_version":0}]}},"applyable":false,"complete":true,"errored":false};

/* state: terraform_data.a; configuration renames it:
 *   resource "terraform_data" "b" { input = "x" }
 *   moved { from = terraform_data.a  to = terraform_data.b }
 * terraform prints "terraform_data.a has moved to terraform_data.b" and exits 2 (changes) with -detailed-exitcode. */
const MOVED = {"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[{"address":"terraform_data.b","mode":"managed","type":"terraform_data","name":"b","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"id":"820ee497-aec8-67b7-1440-dbdaffb8d1b3","input":"x","output":"x","triggers_replace":null},"sensitive_values":{}}]}},"resource_changes":[{"address":"terraform_data.b","previous_address":"terraform_data.a","mode":"managed","type":"terraform_data","name":"b","provider_name":"terraform.io/builtin/terraform","change":{"actions":["no-op"],"before":{"id":"820ee497-aec8-67b7-1440-dbdaffb8d1b3","input":"x","output":"x","triggers_replace":null},"after":{"id":"820ee497-aec8-67b7-1440-dbdaffb8d1b3","input":"x","output":"x","triggers_replace":null},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}}],"prior_state":{"format_version":"1.0","terraform_version":"1.11.4","values":{"root_module":{"resources":[{"address":"terraform_data.b","mode":"managed","type":"terraform_data","name":"b","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"id":"820ee497-aec8-67b7-1440-dbdaffb8d1b3","input":"x","output":"x","triggers_replace":null},"sensitive_values":{}}]}}},"configuration":{"provider_config":{"terraform":{"name":"terraform","full_name":"terraform.io/builtin/terraform"}},"root_module":{"resources":[{"address":"terraform_data.b","mode":"managed","type":"terraform_data","name":"b","provider_config_key":"terraform","expressions":{"input":{"constant_value":"x"}},"schema_version":0}]}},"applyable":true,"complete":true,"errored":false};

/* empty state; configuration adopts an object terraform did not manage:
 *   resource "terraform_data" "x" {}
 *   import { to = terraform_data.x  id = "someid" }
 * terraform prints "Plan: 1 to import, 0 to add, 0 to change, 0 to destroy." */
const IMPORT_ONLY = {"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[{"address":"terraform_data.x","mode":"managed","type":"terraform_data","name":"x","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"id":"someid","input":null,"output":null,"triggers_replace":null},"sensitive_values":{}}]}},"resource_changes":[{"address":"terraform_data.x","mode":"managed","type":"terraform_data","name":"x","provider_name":"terraform.io/builtin/terraform","change":{"actions":["no-op"],"before":{"id":"someid","input":null,"output":null,"triggers_replace":null},"after":{"id":"someid","input":null,"output":null,"triggers_replace":null},"after_unknown":{},"before_sensitive":{},"after_sensitive":{},"importing":{"id":"someid"}}}],"prior_state":{"format_version":"1.0","terraform_version":"1.11.4","values":{"root_module":{"resources":[{"address":"terraform_data.x","mode":"managed","type":"terraform_data","name":"x","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"id":"someid","input":null,"output":null,"triggers_replace":null},"sensitive_values":{}}]}}},"configuration":{"provider_config":{"terraform":{"name":"terraform","full_name":"terraform.io/builtin/terraform"}},"root_module":{"resources":[{"address":"terraform_data.x","mode":"managed","type":"terraform_data","name":"x","provider_config_key":"terraform","schema_version":0}]}},"applyable":true,"complete":true,"errored":false};

/* empty state; three new resources, and `app` takes its input from one of the other two:
 *   resource "terraform_data" "public" { input = "public" }
 *   resource "terraform_data" "secret" { input = "secret" }
 *   resource "terraform_data" "app"    { input = terraform_data.public.output }   (WIRED_PUBLIC)
 *                                      { input = terraform_data.secret.output }   (WIRED_SECRET) */
const WIRED_PUBLIC = {"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[{"address":"terraform_data.app","mode":"managed","type":"terraform_data","name":"app","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"triggers_replace":null},"sensitive_values":{}},{"address":"terraform_data.public","mode":"managed","type":"terraform_data","name":"public","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"input":"public","triggers_replace":null},"sensitive_values":{}},{"address":"terraform_data.secret","mode":"managed","type":"terraform_data","name":"secret","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"input":"secret","triggers_replace":null},"sensitive_values":{}}]}},"resource_changes":[{"address":"terraform_data.app","mode":"managed","type":"terraform_data","name":"app","provider_name":"terraform.io/builtin/terraform","change":{"actions":["create"],"before":null,"after":{"triggers_replace":null},"after_unknown":{"id":true,"input":true,"output":true},"before_sensitive":false,"after_sensitive":{}}},{"address":"terraform_data.public","mode":"managed","type":"terraform_data","name":"public","provider_name":"terraform.io/builtin/terraform","change":{"actions":["create"],"before":null,"after":{"input":"public","triggers_replace":null},"after_unknown":{"id":true,"output":true},"before_sensitive":false,"after_sensitive":{}}},{"address":"terraform_data.secret","mode":"managed","type":"terraform_data","name":"secret","provider_name":"terraform.io/builtin/terraform","change":{"actions":["create"],"before":null,"after":{"input":"secret","triggers_replace":null},"after_unknown":{"id":true,"output":true},"before_sensitive":false,"after_sensitive":{}}}],"configuration":{"provider_config":{"terraform":{"name":"terraform","full_name":"terraform.io/builtin/terraform"}},"root_module":{"resources":[{"address":"terraform_data.app","mode":"managed","type":"terraform_data","name":"app","provider_config_key":"terraform","expressions":{"input":{"references":["terraform_data.public.output","terraform_data.public"]}},"schema_version":0},{"address":"terraform_data.public","mode":"managed","type":"terraform_data","name":"public","provider_config_key":"terraform","expressions":{"input":{"constant_value":"public"}},"schema_version":0},{"address":"terraform_data.secret","mode":"managed","type":"terraform_data","name":"secret","provider_config_key":"terraform","expressions":{"input":{"constant_value":"secret"}},"schema_version":0}]}},"relevant_attributes":[{"resource":"terraform_data.public","attribute":["output"]}],"applyable":true,"complete":true,"errored":false};
const WIRED_SECRET = {"format_version":"1.2","terraform_version":"1.11.4","planned_values":{"root_module":{"resources":[{"address":"terraform_data.app","mode":"managed","type":"terraform_data","name":"app","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"triggers_replace":null},"sensitive_values":{}},{"address":"terraform_data.public","mode":"managed","type":"terraform_data","name":"public","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"input":"public","triggers_replace":null},"sensitive_values":{}},{"address":"terraform_data.secret","mode":"managed","type":"terraform_data","name":"secret","provider_name":"terraform.io/builtin/terraform","schema_version":0,"values":{"input":"secret","triggers_replace":null},"sensitive_values":{}}]}},"resource_changes":[{"address":"terraform_data.app","mode":"managed","type":"terraform_data","name":"app","provider_name":"terraform.io/builtin/terraform","change":{"actions":["create"],"before":null,"after":{"triggers_replace":null},"after_unknown":{"id":true,"input":true,"output":true},"before_sensitive":false,"after_sensitive":{}}},{"address":"terraform_data.public","mode":"managed","type":"terraform_data","name":"public","provider_name":"terraform.io/builtin/terraform","change":{"actions":["create"],"before":null,"after":{"input":"public","triggers_replace":null},"after_unknown":{"id":true,"output":true},"before_sensitive":false,"after_sensitive":{}}},{"address":"terraform_data.secret","mode":"managed","type":"terraform_data","name":"secret","provider_name":"terraform.io/builtin/terraform","change":{"actions":["create"],"before":null,"after":{"input":"secret","triggers_replace":null},"after_unknown":{"id":true,"output":true},"before_sensitive":false,"after_sensitive":{}}}],"configuration":{"provider_config":{"terraform":{"name":"terraform","full_name":"terraform.io/builtin/terraform"}},"root_module":{"resources":[{"address":"terraform_data.app","mode":"managed","type":"terraform_data","name":"app","provider_config_key":"terraform","expressions":{"input":{"references":["terraform_data.secret.output","terraform_data.secret"]}},"schema_version":0},{"address":"terraform_data.public","mode":"managed","type":"terraform_data","name":"public","provider_config_key":"terraform","expressions":{"input":{"constant_value":"public"}},"schema_version":0},{"address":"terraform_data.secret","mode":"managed","type":"terraform_data","name":"secret","provider_config_key":"terraform","expressions":{"input":{"constant_value":"secret"}},"schema_version":0}]}},"relevant_attributes":[{"resource":"terraform_data.secret","attribute":["output"]}],"applyable":true,"complete":true,"errored":false};

const hash = (plan: object) => summarisePlan(JSON.stringify(plan));

describe('review2: the plan hash covers what the apply will do', () => {
  // Correct: a plan that moves state (moved blocks) is not the empty plan. Its hash differs from the
  // hash of "no changes", and `changes` is true (terraform itself exits 2). Today the no-op entry with
  // `previous_address` is filtered out: the plan hashes exactly like a plan that does nothing, so a
  // reviewed "No changes" comment lets any set of moves be applied, and the comment says
  // "No changes. The infrastructure matches the configuration."
  test('a plan that only moves a resource does not hash like the plan that does nothing', () => {
    const moved = hash(MOVED);
    expect(moved.sha256).not.toBe(hash(NO_CHANGES).sha256);
    // deployfix: the review asked for add + change + destroy > 0. terraform's own counts leave moves
    // and imports out ("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."), and the outputs
    // to-add/to-change/to-destroy say what terraform says, as reviewers read it in the plan text; the
    // kit counts moves and imports apart (outputs to-move, to-import) and `changes` is true.
    expect(moved.move).toBe(1);
    expect(moved.changes).toBe(true);
  });

  // Correct: an import (terraform takes over an object it did not manage, and will destroy it with
  // the next `destroy` or removal) is part of what the plan does: it is in the hash and counted.
  // Today `importing` is not hashed and a no-op import is dropped altogether.
  test('a plan that only imports a resource does not hash like the plan that does nothing', () => {
    const imported = hash(IMPORT_ONLY);
    expect(imported.sha256).not.toBe(hash(NO_CHANGES).sha256);
    // deployfix: as above, counted apart (to-import) rather than in terraform's add/change/destroy
    expect(imported.import).toBe(1);
    expect(imported.changes).toBe(true);
  });

  // Correct: two plans that create the same resources but give `app` a value from a different source
  // are different plans; their hashes differ. Today only `after` and `after_unknown` are hashed, and a
  // value known only after apply is just `true` in after_unknown, whatever it will be computed from:
  // a reviewed plan wiring an instance to the public subnet / key / bucket hashes like one wiring it
  // to another. The configuration's references for each changed resource (show -json
  // `configuration`) belong in the hash.
  test('two plans whose unknown values come from different resources hash differently', () => {
    expect(hash(WIRED_PUBLIC).sha256).not.toBe(hash(WIRED_SECRET).sha256);
  });
});

/**
 * A stand-in for the few Octokit calls github.ts makes, over a list of issue comments. (deployfix:
 * it also answers the GraphQL question of who last wrote each comment, which the gate now asks: none
 * of these comments was edited, so its author, spelled as GraphQL spells a bot.)
 */
function fakeOctokit(comments: { id: number; body: string; user: { login: string } }[], pulls: { number: number; merged_at: string | null; merge_commit_sha: string }[] = []) {
  const updated: number[] = [];
  const created: string[] = [];
  const actor = (login: string) => (login.endsWith('[bot]') ? { __typename: 'Bot', login: login.slice(0, -'[bot]'.length) } : { __typename: 'User', login });
  const octokit = {
    paginate: () => Promise.resolve(comments.map((c) => ({ ...c, node_id: `IC_${c.id}` }))),
    graphql: (_query: string, { ids }: { ids: string[] }) =>
      Promise.resolve({
        nodes: ids.map((id) => {
          const c = comments.find((x) => `IC_${x.id}` === id)!;
          return { databaseId: c.id, author: actor(c.user.login), editor: null, lastEditedAt: null, head: { nodes: [] }, tail: { nodes: [] } };
        }),
      }),
    rest: {
      issues: {
        listComments: () => undefined,
        updateComment: ({ comment_id, body }: { comment_id: number; body: string }) => {
          updated.push(comment_id);
          const c = comments.find((x) => x.id === comment_id)!;
          c.body = body;
          return Promise.resolve({ data: c });
        },
        createComment: ({ body }: { body: string }) => {
          created.push(body);
          return Promise.resolve({ data: { id: 999 } });
        },
      },
      repos: { listPullRequestsAssociatedWithCommit: () => Promise.resolve({ data: pulls }) },
    },
  };
  return { octokit: octokit as unknown as Octokit, updated, created };
}

describe("review2: a plan comment is found by its own marker, not by a marker quoted in another one's plan", () => {
  const bot: Identity = { login: 'github-actions[bot]', via: 'GraphQL viewer' };
  const repo = { owner: 'o', repo: 'r' };
  const prodHash = 'a'.repeat(64);
  const stageHash = 'b'.repeat(64);
  // deployfix: planComment takes the plan's view since issue 13 (this file was written against the one before)
  const view = planView({ resource_changes: [{ address: 'terraform_data.note', change: { actions: ['create'] } }] });
  const comment = (environment: string, dir: string, sha256: string, planText: string) => planComment({ environment, dir, view, sha256, planText });
  // The stage plan shows a value from the pull request's own code, as terraform prints it; that value
  // happens to be the prod comment's marker (any string a PR author puts in a resource argument).
  const stagePlanText = [
    '  # terraform_data.note will be created',
    '  + resource "terraform_data" "note" {',
    '      + input  = "<!-- shipkit:plan environment=prod dir=terraform/prod -->"',
    '    }',
  ].join('\n');
  const comments = () => [
    { id: 1, body: comment('prod', 'terraform/prod', prodHash, '  + resource "terraform_data" "prod" {}'), user: { login: bot.login } },
    { id: 2, body: comment('stage', 'terraform/stage', stageHash, stagePlanText), user: { login: bot.login } },
  ];

  // Correct: the prod apply compares with the prod comment's hash (the marker is the comment's first
  // line, and the hash line the second); today `body.includes(marker)` also matches the stage comment,
  // which is newer, so prod is held to the stage plan's hash.
  test("apply of prod reads the prod comment's hash, not the stage comment that quotes prod's marker", async () => {
    const { octokit } = fakeOctokit(comments(), [{ number: 7, merged_at: '2026-12-01T10:00:00Z', merge_commit_sha: 'c0ffee' }]);
    const found = await reviewedPlanHash(octokit, repo, 'c0ffee', bot, 'prod', 'terraform/prod');
    expect(found.hash).toBe(prodHash);
  });

  // Correct: re-planning prod updates the prod comment (id 1); today it overwrites the stage comment
  // (id 2) with the prod plan, so the stage plan reviewers were reading disappears from the PR.
  test('re-planning prod updates the prod comment and leaves the stage comment alone', async () => {
    const list = comments();
    const stageBody = list[1]!.body;
    const { octokit, updated } = fakeOctokit(list);
    await upsertPlanComment(octokit, repo, 7, bot, 'prod', 'terraform/prod', comment('prod', 'terraform/prod', prodHash, 'new prod plan'));
    expect(updated).toEqual([1]);
    expect(list[1]!.body).toBe(stageBody);
  });
});
