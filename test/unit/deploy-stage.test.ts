import { describe, expect, test } from '@jest/globals';
import { findPlanHash, planComment } from '../../actions/deploy-stage/src/comments.js';
import { splitArgs } from '../../actions/deploy-stage/src/deploy.js';
import { parseAnsibleLint, parseAnsibleSyntax, parsePackerValidate, parseTflintJson } from '../../actions/deploy-stage/src/lint.js';
import { initArgs, parseDiagnosticsText, parseFmtCheck, parseLockError, parseTerraformVersion, planArgs, summarisePlan, validateHasJson } from '../../actions/deploy-stage/src/terraform.js';

describe('terraform argv', () => {
  test('init for checks and for plans', () => {
    expect(initArgs(false, [])).toEqual(['init', '-input=false', '-no-color', '-backend=false']);
    expect(initArgs(true, ['bucket=tf-state', 'backend.hcl'])).toEqual(['init', '-input=false', '-no-color', '-backend-config=bucket=tf-state', '-backend-config=backend.hcl']);
  });
  test('plan', () => {
    expect(planArgs('/tmp/p.tfplan', '30s')).toEqual(['plan', '-input=false', '-no-color', '-detailed-exitcode', '-lock-timeout=30s', '-out=/tmp/p.tfplan']);
  });
  test.each([
    ['Terraform v0.12.12', [0, 12, 12], false],
    ['Terraform v0.13.0\non linux_amd64', [0, 13, 0], true],
    ['Terraform v1.11.4', [1, 11, 4], true],
  ] as const)('%j', (out, version, json) => {
    expect(parseTerraformVersion(out)).toEqual(version);
    expect(validateHasJson([...version])).toBe(json);
  });
});

describe("terraform's human diagnostics (0.12 validate, plan and apply errors)", () => {
  test('errors and warnings with file and line, relative to the workspace', () => {
    const text = `
Error: Unsupported argument

  on main.tf line 3, in resource "google_compute_instance" "app":
   3:   colour = "blue"

An argument named "colour" is not expected here.

Warning: Interpolation-only expressions are deprecated

  on variables.tf line 9:
   9:   default = "\${var.x}"

Terraform 0.11 and earlier required all non-constant expressions.
`;
    expect(parseDiagnosticsText(text, 'infra/stage', 'terraform validate')).toEqual([
      { tool: 'terraform', level: 'error', message: 'Unsupported argument: An argument named "colour" is not expected here.', file: 'infra/stage/main.tf', line: 3, title: 'terraform validate' },
      { tool: 'terraform', level: 'warning', message: 'Interpolation-only expressions are deprecated: Terraform 0.11 and earlier required all non-constant expressions.', file: 'infra/stage/variables.tf', line: 9, title: 'terraform validate' },
    ]);
  });

  test('boxed (1.x) errors without a location', () => {
    expect(parseDiagnosticsText('╷\n│ Error: No configuration files\n│ \n│ Plan requires configuration to be present.\n╵\n', 'x', 'terraform plan')).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining('No configuration files') as unknown, file: undefined }),
    ]);
  });

  test('fmt -check lists files', () => {
    expect(parseFmtCheck('main.tf\nvariables.tf\n', 'stage')).toEqual([
      expect.objectContaining({ file: 'stage/main.tf', message: 'stage/main.tf is not formatted: run `terraform fmt` in stage' }),
      expect.objectContaining({ file: 'stage/variables.tf' }),
    ]);
  });

  test('a state lock and its holder', () => {
    const text = 'Error: Error acquiring the state lock\n\nError message: resource temporarily unavailable\nLock Info:\n  ID:        1234-abcd\n  Path:      terraform.tfstate\n  Operation: OperationTypeApply\n  Who:       alice@ci\n  Version:   1.11.4\n  Created:   2026-11-23 20:00:00 +0000 UTC\n  Info:      \n';
    expect(parseLockError(text)).toEqual({ id: '1234-abcd', who: 'alice@ci', operation: 'OperationTypeApply', created: '2026-11-23 20:00:00 +0000 UTC', path: 'terraform.tfstate' });
    expect(parseLockError('Error: Invalid reference')).toBeUndefined();
  });
});

describe('plan summary and hash', () => {
  const plan = (changes: { address: string; actions: string[]; after?: unknown }[], extra = {}) =>
    JSON.stringify({
      format_version: '1.2',
      timestamp: new Date().toISOString(),
      resource_changes: changes.map((c) => ({ address: c.address, change: { actions: c.actions, before: null, after: c.after ?? null, after_unknown: {} } })),
      ...extra,
    });

  test('counts: create, update, delete, replace; no-op and read ignored', () => {
    const s = summarisePlan(plan([
      { address: 'a', actions: ['create'] },
      { address: 'b', actions: ['update'] },
      { address: 'c', actions: ['delete'] },
      { address: 'd', actions: ['delete', 'create'] },
      { address: 'e', actions: ['no-op'] },
      { address: 'f', actions: ['read'] },
    ]));
    expect(s).toMatchObject({ add: 2, change: 1, destroy: 2 });
  });

  test('the hash ignores when the plan was made and the order of resources, not what it does', () => {
    const one = summarisePlan(plan([{ address: 'a', actions: ['create'], after: { x: 1, y: 2 } }, { address: 'b', actions: ['create'] }]));
    const again = summarisePlan(plan([{ address: 'b', actions: ['create'] }, { address: 'a', actions: ['create'], after: { y: 2, x: 1 } }], { timestamp: '2030-01-01T00:00:00Z' }));
    const other = summarisePlan(plan([{ address: 'a', actions: ['create'], after: { x: 2, y: 2 } }, { address: 'b', actions: ['create'] }]));
    expect(again.sha256).toBe(one.sha256);
    expect(other.sha256).not.toBe(one.sha256);
  });
});

describe('plan comment', () => {
  const input = { environment: 'stage', dir: 'infra/stage', add: 1, change: 0, destroy: 0, sha256: 'a'.repeat(64), planText: 'module.app will be created\n' };

  test('marker, hash and counts; the hash is found again', () => {
    const body = planComment(input);
    expect(body).toContain('<!-- shipkit:plan environment=stage dir=infra/stage -->');
    expect(body).toContain('**1 to add, 0 to change, 0 to destroy.**');
    expect(findPlanHash(body)).toBe('a'.repeat(64));
  });

  test('a long plan is truncated under the limit, with a pointer to the log', () => {
    const body = planComment({ ...input, planText: 'x'.repeat(200_000), runUrl: 'https://github.com/o/r/actions/runs/1' }, 65_536);
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain('The full text is in the job log: https://github.com/o/r/actions/runs/1');
    expect(findPlanHash(body)).toBe('a'.repeat(64));
  });

  test('no changes', () => {
    expect(planComment({ ...input, add: 0 })).toContain('No changes.');
  });
});

describe('linters', () => {
  test('tflint JSON, current format', () => {
    const out = JSON.stringify({
      issues: [{ rule: { name: 'terraform_typed_variables', severity: 'warning' }, message: '`x` variable has no type', range: { filename: 'variables.tf', start: { line: 4, column: 1 } } }],
      errors: [{ message: 'Failed to load configurations', range: { filename: 'main.tf', start: { line: 1 } } }],
    });
    expect(parseTflintJson(out, 'stage')).toEqual([
      expect.objectContaining({ level: 'warning', message: '`x` variable has no type (terraform_typed_variables)', file: 'stage/variables.tf', line: 4 }),
      expect.objectContaining({ level: 'error', message: 'Failed to load configurations', file: 'stage/main.tf', line: 1 }),
    ]);
  });

  test('tflint JSON, the older list format', () => {
    const out = JSON.stringify([{ detector: 'aws_instance_invalid_type', type: 'ERROR', message: '"t1.2xlarge" is invalid instance type.', line: 3, file: 'main.tf' }]);
    expect(parseTflintJson(out, '.')).toEqual([expect.objectContaining({ level: 'error', file: 'main.tf', line: 3 })]);
  });

  test('ansible-lint -p', () => {
    // run in docker-monolith/ansible (the config's folder): paths come back repository-relative
    expect(parseAnsibleLint('roles/app/tasks/main.yml:5: name[missing]: All tasks should be named.\n../other.yml:2: yaml[truthy]: Truthy value\nWARNING  Listing 2 violation(s)\n', 'docker-monolith/ansible', '/ws')).toEqual([
      { tool: 'ansible-lint', level: 'error', message: 'All tasks should be named. (name[missing])', file: 'docker-monolith/ansible/roles/app/tasks/main.yml', line: 5, title: 'ansible-lint name[missing]' },
      { tool: 'ansible-lint', level: 'error', message: 'Truthy value (yaml[truthy])', file: 'docker-monolith/other.yml', line: 2, title: 'ansible-lint yaml[truthy]' },
    ]);
  });

  test('ansible-playbook --syntax-check', () => {
    const out = "ERROR! 'foo' is not a valid attribute for a Play\n\nThe error appears to be in '/ws/ansible/site.yml': line 2, column 3, but may\nbe elsewhere";
    expect(parseAnsibleSyntax(out, 'ansible/site.yml', 'ansible', '/ws')).toEqual([
      expect.objectContaining({ message: "'foo' is not a valid attribute for a Play", file: 'ansible/site.yml', line: 2 }),
    ]);
  });

  test('packer validate: JSON template bullets, HCL lines', () => {
    expect(parsePackerValidate('Error: \n\n2 errors occurred:\n\t* required variable not set: project_id\n\t* required variable not set: zone\n', 'p/docker.json').map((f) => f.message)).toEqual([
      'required variable not set: project_id',
      'required variable not set: zone',
    ]);
    expect(parsePackerValidate('Error: Unsupported argument\n\n  on p/app.pkr.hcl line 10:\n  (source code not available)\n', 'p/app.pkr.hcl')).toEqual([
      expect.objectContaining({ message: 'Unsupported argument', file: 'p/app.pkr.hcl', line: 10 }),
    ]);
  });
});

describe('small helpers', () => {
  test('docker-machine-create-args are split without a shell', () => {
    expect(splitArgs(`--driver google --google-project "my project" --google-tags 'a,b' $(rm -rf /)`)).toEqual([
      '--driver', 'google', '--google-project', 'my project', '--google-tags', 'a,b', '$(rm', '-rf', '/)',
    ]);
  });
});
