import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { findDirs, globFiles } from '../../lib/glob.js';
import type { Octokit } from '../../lib/github.js';
import { packerValidateArgs } from '../../actions/deploy-stage/src/argv.js';
import { findPlanHash, findPlanKind, planComment, planMarker } from '../../actions/deploy-stage/src/comments.js';
import { lastWriters, pullOf, restLogin } from '../../actions/deploy-stage/src/github.js';
import { moduleCalls } from '../../actions/deploy-stage/src/planhash.js';
import { planView, type ShowJson } from '../../actions/deploy-stage/src/planjson.js';
import { packerWhere } from '../../actions/deploy-stage/src/run.js';
import { planArgs, refreshOnlyArgs, summarisePlan } from '../../actions/deploy-stage/src/terraform.js';
import { terraformModuleDirs, terraformRoots } from '../../actions/deploy-stage/src/workspace.js';

// The deployfix branch's fixes of review2's findings, at the unit level (the red tests of the review
// itself are in review2-deploy-stage.test.ts; these cover the cases around them).

describe('the plan hash: where values come from (finding 6)', () => {
  // The shapes are those of terraform 1.11.4's show -json (checked on this machine: a module called
  // with for_each, its resource with count, references in module_calls[].expressions).
  const plan = (src: string, extra: Partial<ShowJson> = {}): ShowJson => ({
    resource_changes: [
      { address: 'module.app["a"].terraform_data.inst[0]', module_address: 'module.app["a"]', mode: 'managed', type: 'terraform_data', name: 'inst', change: { actions: ['create'], after: {}, after_unknown: { input: true } } },
    ],
    configuration: {
      provider_config: { terraform: { name: 'terraform', full_name: 'terraform.io/builtin/terraform' } },
      root_module: {
        module_calls: {
          app: {
            source: './mod',
            expressions: { src: { references: [`terraform_data.${src}.output`, `terraform_data.${src}`] } },
            module: { resources: [{ address: 'terraform_data.inst', mode: 'managed', type: 'terraform_data', name: 'inst', provider_config_key: 'terraform', expressions: { input: { references: ['var.src'] } } }] },
          },
        },
      },
    },
    ...extra,
  });

  test('a resource in a module: the module call says where its unknown input comes from', () => {
    expect(summarisePlan(plan('public')).sha256).not.toBe(summarisePlan(plan('secret')).sha256);
    expect(summarisePlan(plan('public')).sha256).toBe(summarisePlan(plan('public')).sha256);
  });

  test("a provider configuration's root variables are part of it (the same resource in another region)", () => {
    const withRegion = (region: string): ShowJson => {
      const p = plan('public', { variables: { region: { value: region }, unrelated: { value: region } } });
      p.configuration!.provider_config!.terraform!.expressions = { region: { references: ['var.region'] } };
      return p;
    };
    expect(summarisePlan(withRegion('europe-west1')).sha256).not.toBe(summarisePlan(withRegion('us-east1')).sha256);
    // every root variable counts, even one nothing seems to read: a local (absent from the plan
    // JSON) can pick a source by it (review3); a plan made with other inputs is another plan
    const unrelated = (value: string): ShowJson => plan('public', { variables: { unrelated: { value } } });
    expect(summarisePlan(unrelated('a')).sha256).not.toBe(summarisePlan(unrelated('b')).sha256);
  });

  test('an output known only after apply: its expression says from what', () => {
    const out = (ref: string): ShowJson => ({
      output_changes: { db: { actions: ['create'], after_unknown: true } },
      configuration: { root_module: { outputs: { db: { expression: { references: [ref] } } } } },
    });
    expect(summarisePlan(out('aws_db_instance.a.password')).sha256).not.toBe(summarisePlan(out('aws_db_instance.b.password')).sha256);
  });

  test('destroying the deposed object is not destroying the current one', () => {
    const gone = (deposed?: string): ShowJson => ({ resource_changes: [{ address: 'a.b', ...(deposed ? { deposed } : {}), change: { actions: ['delete'] } }] });
    expect(summarisePlan(gone('00000001')).sha256).not.toBe(summarisePlan(gone()).sha256);
  });

  test.each([
    [undefined, []],
    ['module.app', ['app']],
    ['module.app["a.b]"].module.db[0]', ['app', 'db']],
    ['module.app["x\\"y"]', ['app']],
    ['not a module', undefined],
  ])('module calls of %j', (address, calls) => {
    expect(moduleCalls(address)).toEqual(calls);
  });

  test('counts as terraform says them, moves and imports apart; outputs to-import and to-move', () => {
    const s = summarisePlan({
      resource_changes: [
        { address: 'a.moved', previous_address: 'a.old', change: { actions: ['update'] } },
        { address: 'a.imported', change: { actions: ['no-op'], importing: { id: 'i-1' } } },
        { address: 'a.kept', change: { actions: ['no-op'] } },
      ],
    });
    expect(s).toMatchObject({ add: 0, change: 1, destroy: 0, move: 1, import: 1, changes: true });
  });
});

describe('plan comments: the marker is the first line, the hash the second (finding 8)', () => {
  const view = planView({ resource_changes: [{ address: 'a.b', change: { actions: ['create'] } }] });
  const body = planComment({ environment: 'prod', dir: 'terraform/prod', sha256: 'c'.repeat(64), view, planText: 'x' });

  test('read back from their places, with GitHub\'s CRLF too', () => {
    expect(planMarker(body)).toBe('<!-- shipkit:plan environment=prod dir=terraform/prod -->');
    expect(findPlanHash(body)).toBe('c'.repeat(64));
    expect(findPlanHash(body.replace(/\n/g, '\r\n'))).toBe('c'.repeat(64));
    expect(findPlanKind(body)).toBe('changes');
  });

  test('a hash further down, or a comment that only quotes a marker, is not read', () => {
    const quoted = `Looks fine.\n${body}`;
    expect(planMarker(quoted)).toBeUndefined();
    expect(findPlanHash(quoted)).toBeUndefined();
    const moved = body.replace(/^(.*)\n(.*)\n/, '$1\nsomething else\n$2\n');
    expect(findPlanHash(moved)).toBeUndefined();
  });
});

describe('who last wrote a plan comment (finding 2)', () => {
  test('GraphQL spells a bot without REST\'s [bot]; the kit compares REST spellings', () => {
    expect(restLogin({ __typename: 'Bot', login: 'github-actions' })).toBe('github-actions[bot]');
    expect(restLogin({ __typename: 'User', login: 'github-actions' })).toBe('github-actions'); // a user may have the app's name
    expect(restLogin({ __typename: 'Bot', login: 'my-app[bot]' })).toBe('my-app[bot]');
    expect(restLogin(null)).toBeUndefined();
  });

  const bot = { __typename: 'Bot', login: 'github-actions' };
  const alice = { __typename: 'User', login: 'alice' };
  const edits = (...who: (typeof bot)[]) => who.map((editor, i) => ({ editor, editedAt: `2026-12-02T10:00:0${i}Z` }));
  const octokit = (node: object) => ({ graphql: () => Promise.resolve({ nodes: [{ databaseId: 1, ...node }] }) }) as unknown as Octokit;
  const writer = async (node: object) => (await lastWriters(octokit(node), [{ id: 1, node_id: 'IC_1' }])).get(1);

  test.each([
    ['never edited: its author', { author: bot, editor: null, lastEditedAt: null }, 'github-actions[bot]'],
    ['edited by alice', { author: bot, editor: alice, lastEditedAt: '2026-12-02T10:00:01Z', head: { nodes: edits(bot, alice) } }, 'alice'],
    ['edited by alice, then re-planned by the bot', { author: bot, editor: bot, lastEditedAt: '2026-12-02T10:00:02Z', head: { nodes: edits(bot, alice, bot) } }, 'github-actions[bot]'],
    // whichever end of the history GitHub lists first, the newest edit decides
    ['history newest first', { author: bot, editor: bot, lastEditedAt: '2026-12-02T10:00:02Z', tail: { nodes: edits(bot, alice, bot).reverse() } }, 'github-actions[bot]'],
    ['editor and history disagree', { author: bot, editor: bot, lastEditedAt: '2026-12-02T10:00:01Z', head: { nodes: edits(bot, alice) } }, undefined],
    ['edited by a deleted account (no editor)', { author: bot, editor: null, lastEditedAt: '2026-12-02T10:00:01Z' }, undefined],
  ])('%s', async (_name, node, expected) => {
    expect(await writer(node)).toBe(expected);
  });

  test('a comment without a node id is written by nobody the kit can name', async () => {
    const none = { graphql: () => Promise.reject(new Error('not asked')) } as unknown as Octokit;
    expect((await lastWriters(none, [{ id: 1 }])).get(1)).toBeUndefined();
  });

  test('GraphQL failing: the step fails saying why, nothing is trusted', async () => {
    const failing = { graphql: () => Promise.reject(new Error('Resource not accessible by integration')) } as unknown as Octokit;
    await expect(lastWriters(failing, [{ id: 1, node_id: 'IC_1' }])).rejects.toThrow('Could not ask GitHub (GraphQL) who last edited the plan comments: Resource not accessible by integration.');
  });
});

describe('the pull request that brought a commit to the branch being applied (also seen: merged[0])', () => {
  const pull = (number: number, base: string, merge: string, at: string) => ({ number, merged_at: at, merge_commit_sha: merge, base: { ref: base } });

  test('a pull request merged into another branch is not the reviewed one', () => {
    const pulls = [pull(3, 'release/1.x', 'aaa', '2026-12-01T10:00:00Z')];
    expect(pullOf(pulls, 'bbb', 'main')).toEqual({ pr: undefined, elsewhere: [{ number: 3, base: 'release/1.x' }] });
  });

  test('the one whose merge commit it is, else the last merged into the branch', () => {
    const pulls = [pull(1, 'main', 'x1', '2026-12-01T10:00:00Z'), pull(2, 'main', 'x2', '2026-12-01T11:00:00Z'), pull(3, 'feature', 'x3', '2026-12-01T12:00:00Z')];
    expect(pullOf(pulls, 'x1', 'main').pr?.number).toBe(1);
    expect(pullOf(pulls, 'other', 'main').pr?.number).toBe(2);
    expect(pullOf(pulls, 'x3', 'main').pr?.number).toBe(2); // #3's merge commit, but #3 went into feature
    expect(pullOf([{ ...pull(4, 'main', 'x4', ''), merged_at: null }], 'x4', 'main').pr).toBeUndefined();
  });

  test('without a branch (a run on a tag): only the pull request whose merge commit it is', () => {
    const pulls = [pull(1, 'main', 'x1', '2026-12-01T10:00:00Z')];
    expect(pullOf(pulls, 'x1', undefined).pr?.number).toBe(1);
    expect(pullOf(pulls, 'x9', undefined).pr).toBeUndefined();
  });
});

describe('terraform-vars as a private -var-file (finding 4)', () => {
  test('plan and refresh-only plan take var files; none by default', () => {
    expect(planArgs('/t/p', '0s', ['/t/secrets/terraform-vars.tfvars'])).toEqual(['plan', '-input=false', '-no-color', '-detailed-exitcode', '-lock-timeout=0s', '-var-file=/t/secrets/terraform-vars.tfvars', '-out=/t/p']);
    expect(refreshOnlyArgs('/t/p', '0s', ['/t/v.tfvars'])).toContain('-var-file=/t/v.tfvars');
    expect(planArgs('/t/p', '0s')).not.toContainEqual(expect.stringMatching(/^-var-file/));
  });
});

describe('HCL2 packer templates by folder (finding 9)', () => {
  test.each([
    [{ template: 'docker-monolith/packer', folder: true, cwd: '.', varFiles: [] }, ['validate', 'docker-monolith/packer'], 'docker-monolith/packer/*.pkr.hcl'],
    [{ template: 'docker-monolith/packer', folder: true, cwd: 'docker-monolith/packer', varFiles: ['docker-monolith/packer/prod.pkrvars.hcl'] }, ['validate', '-var-file=prod.pkrvars.hcl', '.'], 'docker-monolith/packer/*.pkr.hcl'],
    [{ template: '.', folder: true, cwd: '.', varFiles: [] }, ['validate', '.'], '*.pkr.hcl'],
  ])('%j', (target, argv, where) => {
    expect(packerValidateArgs(target)).toEqual(argv);
    expect(packerWhere(target)).toBe(where);
  });
});

describe('folders found in a repository with symlink loops (also seen: findDirs)', () => {
  const repo = () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-loop-'));
    mkdirSync(join(dir, 'infra/stage'), { recursive: true });
    writeFileSync(join(dir, 'infra/stage/main.tf'), '');
    symlinkSync('.', join(dir, 'x')); // x -> .
    symlinkSync('..', join(dir, 'infra/up')); // infra/up -> the repository
    symlinkSync('../stage', join(dir, 'infra/stage/again')); // a link to the folder it is in
    return dir;
  };

  test('findDirs enters no folder twice on one path, and ends', () => {
    const dir = repo();
    expect(terraformRoots(dir, '.')).toEqual(['infra/stage']);
    expect(findDirs(dir, () => true)).toEqual(['.', 'infra', 'infra/stage']);
  });

  test('a ** pattern ends too', () => {
    expect(globFiles(repo(), '**/main.tf')).toEqual(['infra/stage/main.tf']);
  });

  test('a link to a sibling folder is no loop, and the folder is one root, found by its own path (review3)', () => {
    const dir = repo();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared/main.tf'), '');
    symlinkSync('../shared', join(dir, 'infra/shared'));
    expect(terraformRoots(dir, '.')).toEqual(['infra/stage', 'shared']);
  });

  test('a folder reached only through a link (its own path is hidden) is found by the link', () => {
    const dir = repo();
    mkdirSync(join(dir, '.modules/net'), { recursive: true });
    writeFileSync(join(dir, '.modules/net/main.tf'), '');
    symlinkSync('../.modules/net', join(dir, 'infra/net'));
    expect(terraformRoots(dir, '.')).toEqual(['infra/net', 'infra/stage']);
  });
});

describe('terraform fmt reaches the modules (also seen: modules never format-checked)', () => {
  test('module folders that no root module holds, the top-most of each tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipkit-modules-'));
    for (const folder of ['infra/stage', 'infra/modules/app', 'infra/modules/app/modules/part', 'infra/stage/modules/local', 'lib/modules/net']) {
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, 'main.tf'), '');
    }
    const roots = terraformRoots(dir, '.');
    expect(roots).toEqual(['infra/stage']);
    expect(terraformModuleDirs(dir, '.', roots)).toEqual(['infra/modules/app', 'lib/modules/net']);
  });
});
