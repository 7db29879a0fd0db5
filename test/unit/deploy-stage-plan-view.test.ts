import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { collapsed, findPlanHash, findPlanKind, planComment } from '../../actions/deploy-stage/src/comments.js';
import { advice, driftBody } from '../../actions/deploy-stage/src/drift-issue.js';
import { parsePlan, planView, type PlanView } from '../../actions/deploy-stage/src/planjson.js';
import { planMarkdown, refreshMarkdown, resourceGroups } from '../../actions/deploy-stage/src/render.js';
import { maskable, redact, sensitiveValues } from '../../actions/deploy-stage/src/sensitive.js';
import { hasRefreshOnly } from '../../actions/deploy-stage/src/terraform.js';

// Fixtures in test/fixtures/plans:
// - mixed.json / mixed.txt: recorded from the real terraform 1.11.4 (`show -json` and `show` of one
//   saved plan) on a module of terraform_data resources after `apply`, re-planned with a sensitive
//   variable changed (HUNTER2-SECRET-VALUE -> NEWSECRET-XYZ), one resource out of its count, one
//   replaced by triggers_replace, one updated, and a sensitive output.
// - refresh-output-drift.json / .txt: recorded from terraform 1.11.4, `plan -refresh-only` of a
//   module whose output reads another state (terraform_remote_state) that changed.
// - google-refresh-drift.json: CONSTRUCTED in terraform's JSON format (see its _note): the Google
//   provider cannot be had offline, so this stands in for real resource drift.

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test', 'fixtures', 'plans', name), 'utf8');
const mixed = parsePlan(fixture('mixed.json'));
const mixedText = fixture('mixed.txt');

describe('the plan as reviewers read it, from show -json', () => {
  const view = planView(mixed);

  test('every resource by action, destroys and replacements first, with terraform\'s reasons', () => {
    expect(view.resources).toEqual([
      { address: 'terraform_data.doomed[0]', action: 'destroy', reason: 'its count index is out of range' },
      { address: 'terraform_data.replace_me', action: 'replace', reason: 'a change forces replacement', forcedBy: ['triggers_replace'] },
      { address: 'terraform_data.keep', action: 'update' },
      { address: 'terraform_data.with_secret', action: 'update' },
    ]);
    expect(view.counts).toMatchObject({ add: 1, change: 2, destroy: 2, replace: 1 });
    expect(view.outputs).toEqual([
      { name: 'keep', action: 'update', sensitive: false },
      { name: 'secret_out', action: 'update', sensitive: true },
    ]);
    expect(view.kind).toBe('destroy');
    expect(view.changes).toBe(true);
  });

  test('markdown: headline, a caution, the destroy group before every other, outputs last', () => {
    const md = planMarkdown(view);
    expect(md.split('\n\n')[0]).toBe('**1 to add, 2 to change, 2 to destroy.**');
    expect(md).toContain('> [!CAUTION]\n> This plan destroys 2 resources: 1 destroyed, 1 replaced (destroyed and created again). They are listed first.');
    const order = ['**⚠️ Destroy** (1)', '- `terraform_data.doomed[0]`: its count index is out of range', '**⚠️ Replace** (1)', '- `terraform_data.replace_me`: a change forces replacement; forced by `triggers_replace`; destroyed, then created', '**Update in place** (2)', '**Outputs** (2)', '- `secret_out` changes (sensitive: the value is not shown)'];
    const at = order.map((line) => md.indexOf(line));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('no attribute value reaches the markdown, sensitive or not', () => {
    const md = planMarkdown(view);
    for (const value of ['HUNTER2', 'NEWSECRET', 'keep-1', 'keep-2', '8f7c62ae']) expect(md).not.toContain(value);
  });

  test('addresses from the configuration are code spans; a backtick in a for_each key cannot close one', () => {
    const md = resourceGroups([{ address: 'module.x["a`b <img src=x>"].y', action: 'create' }]);
    expect(md).toContain('- ``module.x["a`b <img src=x>"].y``');
  });

  test('a plan too long to list: the destroys are listed, the rest counted', () => {
    const many: PlanView['resources'] = [
      { address: 'terraform_data.gone', action: 'destroy' },
      ...Array.from({ length: 400 }, (_, i) => ({ address: `terraform_data.new_${i}`, action: 'create' as const })),
    ];
    const md = resourceGroups(many, 2_000);
    expect(md.length).toBeLessThan(2_300);
    expect(md).toContain('- `terraform_data.gone`');
    expect(md).toMatch(/_Not listed here for length: \d+ more to create\. The plan in the job log has every one\._/);
  });

  test('no changes', () => {
    const none = planView({ resource_changes: [{ address: 'a.b', change: { actions: ['no-op'] } }], output_changes: { x: { actions: ['no-op'] } } });
    expect(none).toMatchObject({ changes: false, kind: 'no-changes', resources: [] });
    expect(planMarkdown(none)).toBe('No changes. The infrastructure matches the configuration.');
  });

  test('imports, forgets, moves and reads have their own groups and counts', () => {
    const view2 = planView({
      resource_changes: [
        { address: 'a.imported', change: { actions: ['no-op'], importing: { id: 'x' } } },
        { address: 'a.forgotten', change: { actions: ['forget'] } },
        { address: 'a.new_name', previous_address: 'a.old_name', change: { actions: ['no-op'] } },
        { address: 'data.a.read', action_reason: 'read_because_config_unknown', change: { actions: ['read'] } },
        { address: 'a.cbd', change: { actions: ['create', 'delete'] } },
        { address: 'a.renamed_and_changed', previous_address: 'a.before', change: { actions: ['update'] } },
      ],
    });
    expect(view2.resources.map((r) => r.action)).toEqual(['replace', 'forget', 'import', 'update', 'move', 'read']);
    expect(view2.resources[0]).toMatchObject({ createFirst: true });
    // moves are counted like imports: every object that gets a new address, changed or not
    expect(view2.counts).toMatchObject({ import: 1, move: 2, change: 1 });
    expect(planMarkdown(view2).split('\n')[0]).toBe('**1 to import, 1 to forget, 1 to add, 1 to change, 1 to destroy, 2 to move.**');
    expect(planMarkdown(view2)).toContain('- `a.new_name`: moved from `a.old_name`');
  });
});

describe('sensitive values: found in the JSON, taken out of the text plan', () => {
  const values = sensitiveValues(mixed);

  test('the old and the new value of a sensitive variable, from every place the JSON holds them', () => {
    expect(values).toContain('HUNTER2-SECRET-VALUE');
    expect(values).toContain('NEWSECRET-XYZ');
    expect(values).not.toContain('keep-1');
  });

  test("terraform 1.11.4's own text plan leaks the old value through terraform_data's output; redacted it does not", () => {
    // what terraform really prints (recorded): the computed `output` carries no sensitive mark
    expect(mixedText).toContain('~ output = "HUNTER2-SECRET-VALUE" -> (known after apply)');
    const clean = redact(mixedText, values);
    expect(clean).not.toContain('HUNTER2');
    expect(clean).not.toContain('NEWSECRET');
    expect(clean).toContain('~ output = (sensitive value) -> (known after apply)');
    expect(clean).toContain('~ input  = keep-1'.replace('keep-1', '"keep-1" -> "keep-2"'));
  });

  test('multi-line values (a key in a heredoc) are taken out line by line; short values only as whole strings', () => {
    const key = '-----BEGIN KEY-----\nMIIBVwIBADANBgkqhkiG\n-----END KEY-----';
    const text = `  + private_key = <<-EOT\n        -----BEGIN KEY-----\n        MIIBVwIBADANBgkqhkiG\n        -----END KEY-----\n    EOT\n  + pin = "42"\n  + name = "app-42"`;
    const clean = redact(text, [key, '42']);
    expect(clean).not.toContain('MIIBVwIBADANBgkqhkiG');
    expect(clean).toContain('+ pin = (sensitive value)');
    expect(clean).toContain('+ name = "app-42"');
    expect(maskable([key, '42'])).toEqual(expect.arrayContaining(['MIIBVwIBADANBgkqhkiG', '-----BEGIN KEY-----']));
    expect(maskable([key, '42'])).not.toContain('42');
  });

  test('a value inside another, or inside the replacement text, does not garble it', () => {
    expect(redact('a = "sensitive-thing"', ['sensitive-thing', 'sensitive'])).toBe('a = (sensitive value)');
  });

  test('a Google drift (constructed stand-in): the sensitive secret_data is found in before, after and the state', () => {
    const google = parsePlan(fixture('google-refresh-drift.json'));
    const found = sensitiveValues(google);
    expect(found).toEqual(expect.arrayContaining(['OLD-DB-PASSWORD-4711', 'NEW-DB-PASSWORD-0815']));
    expect(found).not.toContain('console-edit');
  });
});

describe('refresh-only plans: what changed outside Terraform', () => {
  test('resource drift (Google, constructed stand-in): changed and deleted objects, no values', () => {
    const view = planView(parsePlan(fixture('google-refresh-drift.json')));
    expect(view.drift).toEqual([
      { address: 'google_compute_firewall.ssh', action: 'delete' },
      { address: 'google_compute_instance.app', action: 'update' },
      { address: 'google_secret_manager_secret_version.db', action: 'update' },
    ]);
    const md = refreshMarkdown(view);
    expect(md).toContain('- `google_compute_firewall.ssh`: deleted outside Terraform');
    expect(md).toContain('- `google_compute_instance.app`: changed outside Terraform');
    for (const value of ['PASSWORD', 'console-edit', 'e2-medium']) expect(md).not.toContain(value);
  });

  test('an output that changed outside (recorded, terraform_remote_state)', () => {
    const view = planView(parsePlan(fixture('refresh-output-drift.json')));
    expect(view.drift).toEqual([]);
    expect(view.outputs).toEqual([{ name: 'subnet', action: 'update', sensitive: false }]);
    expect(refreshMarkdown(view)).toBe('No object in the state changed outside Terraform.\n\n**Outputs a refresh would change** (1)\n- `subnet` changes');
  });

  test('nothing changed outside', () => {
    expect(refreshMarkdown(planView({}))).toBe('Nothing: every object in the state matches the real infrastructure.');
  });

  test('terraform before 0.15.4 has no refresh-only plan: the body says what was not checked', () => {
    expect([[0, 12, 12], [0, 15, 3], [0, 15, 4], [1, 0, 0]].map((v) => hasRefreshOnly(v as [number, number, number]))).toEqual([false, false, true, true]);
    const body = driftBody({ environment: 'stage', dir: 'infra/stage', hash: 'c'.repeat(64), plan: { view: planView(mixed), text: 'plan text' }, terraformVersion: '0.12.12', checkedAt: '2026-12-02 03:17 UTC' });
    expect(body).toContain('Not checked: terraform 0.12.12 has no refresh-only plan (0.15.4 and later do).');
    expect(body).toContain('The configuration and the real infrastructure differ (without a refresh-only plan there is no telling whether something changed outside Terraform).');
    expect(body).not.toContain('Refresh-only plan</summary>');
    expect(body).toContain('<details><summary>Plan</summary>');
  });

  test('the advice says which plan shows the difference and what resolves it', () => {
    const google = planView(parsePlan(fixture('google-refresh-drift.json')));
    const outputs = planView(parsePlan(fixture('refresh-output-drift.json')));
    const none = planView({});
    const changes = planView(mixed);
    expect(advice(google, changes)).toMatch(/^Something changed outside Terraform \(section 1\)\. To keep it, change the configuration to match and apply; to undo it, apply/);
    expect(advice(google, none)).toBe('Something changed outside Terraform (section 1), and the configuration already agrees with it. `terraform apply -refresh-only` records it in the state.');
    expect(advice(outputs, changes)).toMatch(/^No object changed outside Terraform, but outputs would change \(section 1\): a data source reads something new/);
    expect(advice(none, changes)).toMatch(/^Nothing changed outside Terraform, so the configuration and the state differ: a merged change that was not applied, or the state edited by hand/);
  });
});

describe('plan comment', () => {
  const view = planView(mixed);
  const input = { environment: 'stage', dir: 'infra/stage', sha256: 'a'.repeat(64), view, planText: redact(mixedText, sensitiveValues(mixed)), commit: '0123456789abcdef' };

  test('markers for the environment, the hash and the kind; the rendered plan; the commit', () => {
    const body = planComment(input);
    expect(body).toContain('<!-- shipkit:plan environment=stage dir=infra/stage -->');
    expect(findPlanHash(body)).toBe('a'.repeat(64));
    expect(findPlanKind(body)).toBe('destroy');
    expect(body).toContain('### Terraform plan for `stage` (`infra/stage`) at `0123456`');
    expect(body).toContain('**1 to add, 2 to change, 2 to destroy.**');
    expect(body.indexOf('**⚠️ Destroy** (1)')).toBeLessThan(body.indexOf('<details><summary>Plan</summary>'));
    expect(body).not.toContain('HUNTER2');
  });

  test('a long plan is truncated under the limit with a pointer to the log, and the fence still closes', () => {
    const body = planComment({ ...input, planText: `${'x'.repeat(100_000)}\n\`\`\`\n${'y'.repeat(100_000)}`, runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('The full text is in the job log: https://github.com/o/r/actions/runs/1');
    expect(body).toMatch(/\n```\n\n<\/details>/);
    expect(findPlanHash(body)).toBe('a'.repeat(64));
  });

  test('no changes', () => {
    const body = planComment({ ...input, view: planView({}) });
    expect(body).toContain('No changes. The infrastructure matches the configuration.');
    expect(findPlanKind(body)).toBe('no-changes');
  });

  test('plan text and folder names cannot break out of the code block or the hidden marker', () => {
    const body = planComment({ ...input, dir: 'infra/x --> <b>y', planText: 'a\n```\n@team <!channel>\n' });
    expect(body).toContain('<!-- shipkit:plan environment=stage dir=infra/x -%2D%3E %3Cb%3Ey -->');
    for (const line of body.split('\n').slice(0, 3)) expect(line.match(/-->/g)).toHaveLength(1);
    expect(body).toContain('(`infra/x --> <b>y`)');
    expect(body).toContain('````\na\n```\n@team <!channel>\n````');
  });

  test('collapsed: the summary names what was cut', () => {
    expect(collapsed('Refresh-only plan', 'abcdef', 3)).toContain('_The refresh-only plan is 6 characters; this shows the first 3. The full text is in the job log._');
  });
});
