import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { PROVIDER_CACHE_FOLDER } from '../../actions/deploy-stage/src/providers.js';
import { findOnPath } from '../../lib/which.js';
import { installTools, needsReal, type DeployTools } from '../support/deploy-tools.js';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';
import { makeZip } from '../support/zip.mjs';

// Issue 13, the provider cache. Two halves:
// 1. What the kit relies on: terraform (the real 1.11.4, installed by the kit's setup-tools from the
//    loopback mirror) takes a provider from TF_PLUGIN_CACHE_DIR only when it matches the lock file.
//    No provider can be downloaded offline, so a STAND-IN provider package (a zip holding a script,
//    laid out as a provider release) is served from a filesystem mirror, terraform's own offline
//    install method; `terraform init` installs providers without running them, so the stand-in
//    never needs to speak the plugin protocol. The cache is then poisoned as a pull request or a
//    compromised run could poison a shared one.
// 2. What deploy-stage does: every terraform it runs gets TF_PLUGIN_CACHE_DIR in the tool cache
//    (the folder the workflows carry across runs), unless provider-cache is false or the step's
//    environment already names one. A terraform WRAPPER STAND-IN records the variable and execs
//    the real terraform.

const PROVIDER = 'registry.terraform.io/shipkit/standin';
const BINARY = 'terraform-provider-standin_v1.0.0';
const genuine = '#!/bin/sh\necho genuine\n';
const poison = '#!/bin/sh\necho POISONED\n';

let tools: DeployTools;
let terraform: string;
let real = true;

beforeAll(async () => {
  tools = await installTools(['terraform', 'tflint']);
  console.log(`provider cache tests run ${tools.describe}`);
  terraform = findOnPath('terraform', tools.path)!;
}, 180_000);

afterAll(async () => {
  await tools?.mirror.close();
});

describe("terraform checks what it takes from the provider cache against the lock file (the kit's assumption)", () => {
  const base = tempDir('provider-cache');
  const mirror = join(base, 'mirror');
  const cache = join(base, 'cache');
  const cached = join(cache, PROVIDER, '1.0.0', 'linux_amd64', BINARY);
  const config = join(base, 'cli.tfrc');
  const reviewed = join(base, 'reviewed'); // a module whose .terraform.lock.hcl is committed
  const fresh = join(base, 'fresh'); // a module without one
  let runs = 0;

  beforeAll(() => {
    mkdirSync(join(mirror, PROVIDER), { recursive: true });
    writeFileSync(join(mirror, PROVIDER, 'terraform-provider-standin_1.0.0_linux_amd64.zip'), makeZip([{ name: BINARY, data: Buffer.from(genuine), mode: 0o755 }]));
    mkdirSync(cache);
    writeFileSync(
      config,
      `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/shipkit/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/shipkit/*"]\n  }\n}\n`,
    );
    for (const dir of [reviewed, fresh]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'main.tf'), 'terraform {\n  required_providers {\n    standin = {\n      source  = "shipkit/standin"\n      version = "1.0.0"\n    }\n  }\n}\n');
    }
  });

  /** `terraform init` in a clean data folder; returns its output and the provider it installed. */
  function init(dir: string): { code: number | null; out: string; installed?: string } {
    const data = join(base, `data-${++runs}`);
    const run = spawnSync(terraform, ['init', '-input=false', '-no-color'], {
      cwd: dir,
      encoding: 'utf8',
      env: actionEnv({ TF_CLI_CONFIG_FILE: config, TF_PLUGIN_CACHE_DIR: cache, TF_DATA_DIR: data }),
    });
    const binary = join(data, 'providers', PROVIDER, '1.0.0', 'linux_amd64', BINARY);
    return { code: run.status, out: `${run.stdout}${run.stderr}`, installed: existsSync(binary) ? readFileSync(realpathSync(binary), 'utf8') : undefined };
  }

  const poisonCache = () => {
    writeFileSync(cached, poison);
    chmodSync(cached, 0o755);
  };

  test('the first init fills the cache and writes the lock file; the next one takes the provider from the cache', () => {
    if (!(real = needsReal(tools, 'terraform'))) return;
    const first = init(reviewed);
    expect(first.code).toBe(0);
    expect(readFileSync(join(reviewed, '.terraform.lock.hcl'), 'utf8')).toMatch(/provider "registry\.terraform\.io\/shipkit\/standin" \{[\s\S]*"h1:[A-Za-z0-9+/=]+"/);
    expect(readFileSync(cached, 'utf8')).toBe(genuine);
    const second = init(reviewed);
    expect(second.out).toContain('Using shipkit/standin v1.0.0 from the shared cache directory');
    expect(second.installed).toBe(genuine);
  });

  test('a poisoned cache entry does not match the lock file: terraform installs the provider again from its source, and the poison never runs', () => {
    if (!real) return;
    poisonCache();
    const result = init(reviewed);
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('from the shared cache directory');
    expect(result.installed).toBe(genuine);
  });

  test('poisoned, with the source out of reach: init fails rather than take the cached provider', () => {
    if (!real) return;
    poisonCache();
    const moved = `${mirror}.off`;
    execFileSync('mv', [mirror, moved]);
    try {
      const result = init(reviewed);
      expect(result.code).not.toBe(0);
      expect(result.installed).toBeUndefined();
    } finally {
      execFileSync('mv', [moved, mirror]);
    }
  });

  test('without a lock file terraform 1.11.4 ignores the cache: it installs from the source and writes the lock file from that', () => {
    if (!real) return;
    poisonCache();
    const result = init(fresh);
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('from the shared cache directory');
    expect(result.installed).toBe(genuine);
    expect(readFileSync(join(fresh, '.terraform.lock.hcl'), 'utf8')).toBe(readFileSync(join(reviewed, '.terraform.lock.hcl'), 'utf8'));
  });
});

describe('deploy-stage gives terraform the provider cache in the tool cache', () => {
  const FIXTURE = join(process.cwd(), 'examples', 'microservices');
  const STAGE = 'docker-monolith/terraform/stage';
  let repo: FixtureRepo;
  let wrapper: { dir: string; record: string };

  beforeAll(() => {
    repo = new FixtureRepo(FIXTURE);
    const dir = tempDir('tf-env-wrapper');
    const record = join(dir, 'record');
    writeFileSync(join(dir, 'terraform'), `#!/bin/sh\necho "$1 TF_PLUGIN_CACHE_DIR=\${TF_PLUGIN_CACHE_DIR-unset}" >> "${record}"\nexec "${terraform}" "$@"\n`, { mode: 0o755 });
    wrapper = { dir, record };
  });

  function deployStage(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    writeFileSync(wrapper.record, '');
    return runAction({
      action: 'deploy-stage',
      node: NODE24,
      toolCache: tools.toolCache,
      workspace: repo.dir,
      env: actionEnv({ PATH: [wrapper.dir, tools.path].join(delimiter), GITHUB_SHA: repo.git('rev-parse', 'HEAD'), GITHUB_REF: 'refs/heads/main', GITHUB_REPOSITORY: 'vscoder/microservices', ...env }),
      inputs: { 'terraform-dirs': STAGE, 'packer-templates': 'none/*.json', 'backend-config': `path=${join(tempDir('pc-state'), 'stage.tfstate')}`, 'terraform-vars': 'image_tag = "1.0.0"\n', ...inputs },
    });
  }
  const calls = () => readFileSync(wrapper.record, 'utf8').trim().split('\n');

  test('every init, validate and plan gets TF_PLUGIN_CACHE_DIR in the tool cache, which exists; the log says how it is checked', async () => {
    if (!real) return;
    const result = await deployStage({ command: 'plan' });
    expect(result.success).toBe(true);
    const folder = join(tools.toolCache, PROVIDER_CACHE_FOLDER);
    const used = calls().filter((line) => !line.startsWith('version '));
    expect(used.length).toBeGreaterThanOrEqual(5); // init, validate, fmt, init, plan, show
    for (const line of used) expect(line).toMatch(new RegExp(` TF_PLUGIN_CACHE_DIR=${folder}$`));
    expect(existsSync(folder)).toBe(true);
    expect(result.main.log.join('\n')).toContain(`Terraform providers are cached in ${folder}: terraform 1.11.4 takes a cached provider only when it matches the module's .terraform.lock.hcl, and downloads (verified) otherwise.`);
  });

  test('provider-cache: false, and a TF_PLUGIN_CACHE_DIR of the step\'s own, are left alone', async () => {
    if (!real) return;
    const off = await deployStage({ 'provider-cache': 'false' });
    expect(off.success).toBe(true);
    for (const line of calls().filter((l) => !l.startsWith('version '))) expect(line).toMatch(/ TF_PLUGIN_CACHE_DIR=unset$/);
    expect(off.main.log.join('\n')).toContain('Terraform providers are not cached across runs (provider-cache: false).');

    const own = tempDir('own-cache');
    const theirs = await deployStage({}, { TF_PLUGIN_CACHE_DIR: own });
    expect(theirs.success).toBe(true);
    for (const line of calls().filter((l) => !l.startsWith('version '))) expect(line).toMatch(new RegExp(` TF_PLUGIN_CACHE_DIR=${own}$`));
  });
});
