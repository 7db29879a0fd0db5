import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, jest, test } from '@jest/globals';
import { configPaths, iniDefaults, nearestConfig, readRequirements } from '../../actions/deploy-stage/src/ansible.js';
import { ansibleLintArgs, galaxyInstallArgs, packerValidateArgs, playbookArgs, syntaxCheckArgs } from '../../actions/deploy-stage/src/argv.js';
import { splitArgs } from '../../actions/deploy-stage/src/deploy.js';
import { lineOf, parseAnsibleLint, parseAnsibleSyntax, parseGalaxyFailures, parsePackerValidate, parseTflintJson } from '../../actions/deploy-stage/src/lint.js';
import { childEnv } from '../../actions/deploy-stage/src/prepare.js';
import { show } from '../../actions/deploy-stage/src/run.js';
import {
  backendConfigFile,
  hclString,
  initArgs,
  parseDiagnosticsText,
  parseFmtCheck,
  parseLockError,
  parseTerraformVersion,
  planArgs,
  summarisePlan,
  validateHasJson,
} from '../../actions/deploy-stage/src/terraform.js';
import { placeExampleFiles, planExampleFiles, removePlaced, restoreLockFiles, snapshotLockFiles } from '../../actions/deploy-stage/src/workspace.js';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `shipkit-${prefix}-`));

describe('terraform argv', () => {
  test('init for checks and for plans: backend config only as files', () => {
    expect(initArgs(false, [])).toEqual(['init', '-input=false', '-no-color', '-backend=false']);
    expect(initArgs(true, ['/run/secrets/backend-1.tfbackend', '/ws/backend.hcl'])).toEqual(['init', '-input=false', '-no-color', '-backend-config=/run/secrets/backend-1.tfbackend', '-backend-config=/ws/backend.hcl']);
  });

  test('the backend config file: HCL strings that no value can break out of or template', () => {
    expect(backendConfigFile([{ key: 'bucket', value: 'tf-state' }, { key: 'skip_credentials_validation', value: 'true' }])).toBe('bucket = "tf-state"\nskip_credentials_validation = "true"\n');
    expect(hclString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(hclString('${file("/etc/passwd")}')).toBe('"$${file(\\"/etc/passwd\\")}"');
    expect(hclString('%{ if true }x%{ endif }')).toBe('"%%{ if true }x%%{ endif }"');
    expect(hclString('tab\there')).toBe('"tab\\there"');
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

describe('packer and ansible argv: paths as seen from the folder each tool runs in', () => {
  test.each([
    [{ template: 'docker-monolith/packer/docker.json', cwd: '.', varFiles: ['docker-monolith/packer/variables.json'] }, ['validate', '-var-file=docker-monolith/packer/variables.json', 'docker-monolith/packer/docker.json']],
    [{ template: 'docker-monolith/packer/docker.json', cwd: 'docker-monolith/packer', varFiles: ['docker-monolith/packer/variables.json'] }, ['validate', '-var-file=variables.json', 'docker.json']],
    [{ template: 'images/app.pkr.hcl', cwd: 'images', varFiles: [] }, ['validate', 'app.pkr.hcl']],
  ])('packer %j', (target, argv) => {
    expect(packerValidateArgs(target)).toEqual(argv);
  });

  test.each([
    [{ cwd: 'docker-monolith/ansible', playbook: 'docker-monolith/ansible/playbooks/docker.yml' }, ['--syntax-check', 'playbooks/docker.yml']],
    [{ cwd: '.', playbook: 'site.yml', inventory: 'localhost,' }, ['--syntax-check', '-i', 'localhost,', 'site.yml']],
    [{ cwd: 'ansible', playbook: 'ansible/site.yml', inventory: '/ws/inv', vaultFile: '/tmp/run/secrets/vault-password' }, ['--syntax-check', '-i', '/ws/inv', '--vault-password-file', '/tmp/run/secrets/vault-password', 'site.yml']],
  ])('ansible-playbook %j', (run, argv) => {
    expect(syntaxCheckArgs(run)).toEqual(argv);
    expect(playbookArgs(run)).toEqual(argv.slice(1));
  });

  test('ansible-lint and ansible-galaxy', () => {
    expect(ansibleLintArgs('docker-monolith/ansible', ['docker-monolith/ansible/playbooks/a.yml', 'docker-monolith/other.yml'], '/ws/.ansible-lint')).toEqual([
      '-p', '--nocolor', '--offline', '-c', '/ws/.ansible-lint', 'playbooks/a.yml', '../other.yml',
    ]);
    expect(galaxyInstallArgs('role', '/ws/requirements.yml', '/tmp/run/galaxy/roles')).toEqual(['role', 'install', '-r', '/ws/requirements.yml', '-p', '/tmp/run/galaxy/roles']);
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

  test("terraform 1.11's framed, coloured init errors: frame and colour gone, the location found", () => {
    // recorded from terraform 1.11.4 `init -backend=false` (colour on) of a module with `input = ` and no value
    const text =
      '\u001b[31m\u2577\u001b[0m\u001b[0m\n\u001b[31m\u2502\u001b[0m \u001b[0m\u001b[1m\u001b[31mError: \u001b[0m\u001b[0m\u001b[1mInvalid expression\u001b[0m\n\u001b[31m\u2502\u001b[0m \u001b[0m\n' +
      '\u001b[31m\u2502\u001b[0m \u001b[0m\u001b[0m  on main.tf line 2, in resource "terraform_data" "a":\n\u001b[31m\u2502\u001b[0m \u001b[0m   2:   input = \u001b[4m\n\u001b[31m\u2502\u001b[0m \u001b[0m   3: \u001b[0m}\u001b[0m\n' +
      '\u001b[31m\u2502\u001b[0m \u001b[0m\n\u001b[31m\u2502\u001b[0m \u001b[0mExpected the start of an expression, but found an invalid expression token.\n\u001b[31m\u2575\u001b[0m\u001b[0m\n';
    expect(parseDiagnosticsText(text, 'infra/stage', 'terraform init')).toEqual([
      { tool: 'terraform', level: 'error', message: 'Invalid expression: Expected the start of an expression, but found an invalid expression token.', file: 'infra/stage/main.tf', line: 2, title: 'terraform init' },
    ]);
  });

  test('a module that cannot be read: located by "at main.tf:1", the wrapped detail joined', () => {
    const text = 'Error: Unreadable module directory\n\nThe directory  could not be read for module "docker_app" at\nmain.tf:1.\n';
    expect(parseDiagnosticsText(text, 'stage', 'terraform init')).toEqual([
      expect.objectContaining({ message: 'Unreadable module directory: The directory could not be read for module "docker_app" at main.tf:1.', file: 'stage/main.tf', line: 1 }),
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

  test('packer validate: a bullet that packer wrapped at 80 columns is joined again', () => {
    // recorded from packer 1.6.6, a JSON template whose ansible playbook path does not resolve
    const out = 'Error: Failed to prepare build: "googlecompute"\n\n1 error(s) occurred:\n\n* playbook_file: docker-monolith/ansible/playbooks/docker.yml is invalid: stat\ndocker-monolith/ansible/playbooks/docker.yml: no such file or directory\n\n\n';
    expect(parsePackerValidate(out, 'docker-monolith/packer/docker.json')).toEqual([
      {
        tool: 'packer',
        level: 'error',
        message: 'playbook_file: docker-monolith/ansible/playbooks/docker.yml is invalid: stat docker-monolith/ansible/playbooks/docker.yml: no such file or directory',
        file: 'docker-monolith/packer/docker.json',
        title: 'packer validate',
      },
    ]);
  });

  test('packer validate: an HCL error names its file relative to where packer ran, and its detail', () => {
    const out = 'Error: Unsupported argument\n\n  on packer/app.pkr.hcl line 10:\n  (source code not available)\n\nAn argument named "colour" is not expected here.\n';
    expect(parsePackerValidate(out, 'infra/packer/app.pkr.hcl', 'infra', '/ws')).toEqual([
      expect.objectContaining({ message: 'Unsupported argument: An argument named "colour" is not expected here.', file: 'infra/packer/app.pkr.hcl', line: 10 }),
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

describe('ansible-galaxy', () => {
  // recorded from ansible-galaxy 2.14.18 `role install -r`, wrapped at 80 columns as it prints
  test('a source that refuses the connection: the role and the reason, joined', () => {
    const out = 'Starting galaxy role install process\n- downloading role from http://127.0.0.1:1/docker-2.5.3.tar.gz\n [ERROR]: failed to download the file: <urlopen error [Errno 111] Connection\nrefused>\n[WARNING]: - geerlingguy.docker was NOT installed successfully.\nERROR! - you can use --ignore-errors to skip failed roles and finish processing the list.\n';
    expect(parseGalaxyFailures(out)).toEqual([{ role: 'geerlingguy.docker', reason: 'failed to download the file: <urlopen error [Errno 111] Connection refused>' }]);
  });

  test('a Galaxy server that cannot be reached: the reason after "successfully:"', () => {
    const out = "Starting galaxy role install process\n[WARNING]: - geerlingguy.docker was NOT installed successfully: Unknown error\nwhen attempting to call Galaxy at 'https://galaxy.ansible.com/api/': <urlopen\nerror [Errno -2] Name or service not known>. <urlopen error [Errno -2] Name or\nservice not known>\nERROR! - you can use --ignore-errors to skip failed roles and finish processing the list.\n";
    expect(parseGalaxyFailures(out)).toEqual([
      { role: 'geerlingguy.docker', reason: "Unknown error when attempting to call Galaxy at 'https://galaxy.ansible.com/api/': <urlopen error [Errno -2] Name or service not known>. <urlopen error [Errno -2] Name or service not known>" },
    ]);
  });

  test('the line of the requirements file that names a role', () => {
    const text = '---\n# roles\n- name: geerlingguy.docker\n  src: http://x/2.5.3.tar.gz\n- src: geerlingguy.pip\n';
    expect(lineOf(text, 'geerlingguy.docker')).toBe(3);
    expect(lineOf(text, 'geerlingguy.pip')).toBe(5);
    expect(lineOf(text, 'geerlingguy.doc')).toBeUndefined();
  });

  test('requirements files: the list form and the roles/collections form', () => {
    const dir = temp('req');
    writeFileSync(join(dir, 'a.yml'), '- name: geerlingguy.docker\n  version: 2.5.3\n- src: https://x/y.tar.gz\n- geerlingguy.pip\n');
    writeFileSync(join(dir, 'b.yml'), 'roles:\n  - name: r1\ncollections:\n  - name: community.docker\n    version: 3.4.0\n');
    writeFileSync(join(dir, 'c.yml'), '{"builders": []}\n');
    expect(readRequirements(dir, 'a.yml')).toEqual({ file: 'a.yml', roles: ['geerlingguy.docker', 'https://x/y.tar.gz', 'geerlingguy.pip'], collections: [] });
    expect(readRequirements(dir, 'b.yml')).toEqual({ file: 'b.yml', roles: ['r1'], collections: ['community.docker'] });
    expect(() => readRequirements(dir, 'c.yml')).toThrow('expected a list of roles, or a mapping with "roles:" and "collections:" lists');
  });
});

describe('ansible.cfg', () => {
  test('the nearest one above a playbook, up to the repository root', () => {
    const root = temp('cfg');
    mkdirSync(join(root, 'infra/ansible/playbooks/nested'), { recursive: true });
    writeFileSync(join(root, 'infra/ansible/ansible.cfg'), '[defaults]\n');
    expect(nearestConfig(root, 'infra/ansible/playbooks/nested/site.yml')).toBe('infra/ansible/ansible.cfg');
    expect(nearestConfig(root, 'infra/other.yml')).toBeUndefined();
    writeFileSync(join(root, 'ansible.cfg'), '[defaults]\n');
    expect(nearestConfig(root, 'infra/other.yml')).toBe('ansible.cfg');
  });

  test('[defaults] as configparser reads it; paths as ansible resolves them from the config folder', () => {
    const values = iniDefaults('# seed\n[defaults]\ninventory = ./environments/stage/inventory\nroles_path = ./roles_imported:./roles   ; comment\nvault_password_file: vault.key\n\n[diff]\nalways = True\n');
    expect(values).toEqual({ inventory: './environments/stage/inventory', roles_path: './roles_imported:./roles', vault_password_file: 'vault.key' });
    expect(configPaths(values.roles_path, '/ws/infra/ansible', { HOME: '/home/u' })).toEqual(['/ws/infra/ansible/roles_imported', '/ws/infra/ansible/roles']);
    expect(configPaths('~/.ansible/roles:$EXTRA/roles:/etc/ansible/roles', '/x', { HOME: '/home/u', EXTRA: '/opt' })).toEqual(['/home/u/.ansible/roles', '/opt/roles', '/etc/ansible/roles']);
    expect(configPaths(undefined, '/x', {})).toBeUndefined();
  });
});

describe('.example copies and lock files never follow a symlink', () => {
  test('a link on either side is skipped with a warning; a copy is made with O_EXCL and removed again', () => {
    const root = temp('examples');
    const outside = temp('outside');
    mkdirSync(join(root, 'infra'));
    writeFileSync(join(root, 'infra/vars.json.example'), '{}');
    writeFileSync(join(root, 'notes.txt.example'), 'attacker');
    symlinkSync(join(outside, 'authorized_keys'), join(root, 'notes.txt'));
    symlinkSync('/etc/hostname', join(root, 'infra/host.example'));
    const plan = planExampleFiles(root, '.');
    expect(plan.copies).toEqual([{ source: 'infra/vars.json.example', target: 'infra/vars.json' }]);
    expect(plan.skipped).toEqual([
      'Not copying notes.txt.example onto notes.txt: notes.txt is a symlink, and .example copies never write through one.',
      'Not copying infra/host.example: it is a symlink, and .example copies are made only from files in the repository.',
    ]);
    // a link that appears between the plan and the copy is not followed either
    symlinkSync(join(outside, 'late'), join(root, 'infra/vars.json'));
    const placed = placeExampleFiles(root, plan, () => undefined);
    expect(placed).toEqual([]);
    expect(() => lstatSync(join(outside, 'late'))).toThrow();
    removePlaced(root, placed);
    expect(readlinkSync(join(root, 'infra/vars.json'))).toBe(join(outside, 'late'));
  });

  test('lock files: a tracked link is put back as a link, never written through', () => {
    const root = temp('locks');
    const outside = temp('outside');
    mkdirSync(join(root, 'a'));
    mkdirSync(join(root, 'b'));
    writeFileSync(join(outside, 'target'), 'outside');
    symlinkSync(join(outside, 'target'), join(root, 'a/.terraform.lock.hcl'));
    writeFileSync(join(root, 'b/.terraform.lock.hcl'), 'original');
    const snapshot = snapshotLockFiles(root, ['a', 'b']);
    // terraform init replaces both with regular files
    for (const dir of ['a', 'b']) {
      const path = join(root, dir, '.terraform.lock.hcl');
      rmSync(path);
      writeFileSync(path, 'rewritten by init');
    }
    restoreLockFiles(snapshot);
    expect(readlinkSync(join(root, 'a/.terraform.lock.hcl'))).toBe(join(outside, 'target'));
    expect(readFileSync(join(outside, 'target'), 'utf8')).toBe('outside');
    expect(readFileSync(join(root, 'b/.terraform.lock.hcl'), 'utf8')).toBe('original');
  });
});

describe('what reaches child processes and the log', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test('child processes get no INPUT_* (secrets among them) and none of the runner\'s tokens', () => {
    const env = childEnv({ PATH: '/bin', 'INPUT_BACKEND-CONFIG': 'password=x', 'INPUT_ANSIBLE-VAULT-PASSWORD': 'v', ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'o', STATE_x: 'y', GOOGLE_CREDENTIALS: '{}' });
    expect(Object.keys(env).filter((k) => k.startsWith('INPUT_') || k.startsWith('ACTIONS_') || k.startsWith('STATE_'))).toEqual([]);
    expect(env).toMatchObject({ PATH: '/bin', GOOGLE_CREDENTIALS: '{}', CHECKPOINT_DISABLE: '1', ANSIBLE_NOCOLOR: '1' });
  });

  test('tool output that reads as workflow commands is fenced, so the runner obeys none of it', () => {
    const written: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    show('ansible-lint (evil\n::error::title)', { code: 2, stdout: 'ok\n::set-output name=plan-sha256::0000\n::add-mask::x', stderr: '##[error]boom', shown: "ansible-lint 'a\n::warning::b'" });
    const lines = written.join('').split('\n');
    let fence: string | undefined;
    for (const line of lines) {
      const open = /^::stop-commands::(\w+)$/.exec(line);
      if (open) fence = open[1];
      else if (fence && line === `::${fence}::`) fence = undefined;
      else if (!fence && /^::(?!group|endgroup)|^##\[/.test(line)) throw new Error(`unfenced command-like line: ${line}`);
    }
    expect(lines[0]).toBe('::group::ansible-lint (evil%0A::error::title) (exit 2)');
    expect(written.join('')).toContain('::set-output name=plan-sha256::0000');
  });
});
