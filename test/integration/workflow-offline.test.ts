import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction } from '../../cli/runner.js';
import { dockerAvailable, dockerRequired } from '../support/docker.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';
import { HADOLINT_LINT, standIn, TFLINT_LINT } from '../support/standins.mjs';
import { findReal, realVersion } from '../support/toolchain.mjs';
import { shipkit, toolMirror, type ToolMirror } from '../support/workflow.js';

// Local runs without network (issue 12): `shipkit check` (what `npm start` runs) on the bundled
// example with every download pointed at a closed port on 127.0.0.1 and no proxy, so nothing can
// be fetched, as on a laptop on a plane. The PATH is the test's own: the machine's basic utilities
// (git, docker, a shell and coreutils) and, for the "installed" case, stand-ins of hadolint and
// tflint (NOT the real tools) and terraform (the real one when this machine has the pinned
// version, else a stand-in); packer and ansible are absent whatever this machine has. The base
// images are named on a closed port too, so their pulls cannot reach a registry either.

const EXAMPLE = join(process.cwd(), 'examples', 'microservices');
const hasDocker = dockerAvailable();

/** The example's pins, as setup-tools reads them from its .tool-versions. */
const PINS = Object.fromEntries(
  readFileSync(join(EXAMPLE, '.tool-versions'), 'utf8')
    .split('\n')
    .filter((line) => /^\w/.test(line))
    .map((line) => line.trim().split(/\s+/) as [string, string]),
);

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Every command the run needs that is not a tool under test, linked from this machine (never packer, terraform, tflint, hadolint, ansible). */
const BASICS = ['sh', 'bash', 'env', 'awk', 'sed', 'grep', 'cat', 'paste', 'tr', 'head', 'tail', 'sort', 'uniq', 'cut', 'wc', 'mkdir', 'rm', 'cp', 'mv', 'ls', 'ln', 'chmod', 'touch', 'mktemp', 'dirname', 'basename', 'readlink', 'realpath', 'find', 'xargs', 'date', 'uname', 'id', 'sleep', 'git', 'docker'];

function basicsDir(): string {
  const dir = tempDir('offline-basics');
  for (const name of BASICS) {
    const found = findReal(name);
    if (found) symlinkSync(found, join(dir, name));
  }
  return dir;
}

function writeTool(dir: string, name: string, content: Buffer | string): void {
  writeFileSync(join(dir, name), content);
  chmodSync(join(dir, name), 0o755);
}

/** The answers deploy-stage reads from terraform, for the stand-in: init, validate -json and fmt -check succeed. */
const TERRAFORM_CHECKS = `case "$1" in
  init) echo "Terraform has been successfully initialized!"; exit 0 ;;
  validate) echo '{"format_version":"1.0","valid":true,"error_count":0,"warning_count":0,"diagnostics":[]}'; exit 0 ;;
  fmt) exit 0 ;;
esac`;

/** hadolint and tflint stand-ins at the example's pins; terraform real when this machine has the pinned one. */
function installedDir(): { dir: string; terraform: string } {
  const dir = tempDir('offline-installed');
  writeTool(dir, 'hadolint', standIn('hadolint', PINS.hadolint!, { body: HADOLINT_LINT }));
  writeTool(dir, 'tflint', standIn('tflint', PINS.tflint!, { body: TFLINT_LINT }));
  const real = findReal('terraform');
  if (real && realVersion(real) === PINS.terraform) {
    symlinkSync(real, join(dir, 'terraform'));
    return { dir, terraform: `the real terraform ${PINS.terraform} (${real})` };
  }
  writeTool(dir, 'terraform', standIn('terraform', PINS.terraform!, { body: TERRAFORM_CHECKS }));
  return { dir, terraform: `a terraform ${PINS.terraform} stand-in` };
}

if (!hasDocker && dockerRequired()) {
  test('a Docker engine is running (CI asked for one)', () => {
    throw new Error('No Docker engine answers `docker info`; .ci/run installs docker.io and starts dockerd.');
  });
}

(hasDocker ? describe : describe.skip)('shipkit check without network', () => {
  let port: number;
  let path: string;
  let installed: ReturnType<typeof installedDir>;
  const repo = new FixtureRepo(EXAMPLE).dir;

  beforeAll(async () => {
    port = await closedPort();
    installed = installedDir();
    path = [installed.dir, basicsDir()].join(delimiter);
    console.log(`offline check: terraform is ${installed.terraform}; hadolint and tflint are stand-ins`);
  });

  const offline = (...extra: string[]) =>
    shipkit(
      [
        'check',
        repo,
        '--mirrors',
        `https://releases.hashicorp.com=http://127.0.0.1:${port}/releases.hashicorp.com\nhttps://github.com=http://127.0.0.1:${port}/github.com`,
        '--tool-cache',
        tempDir('offline-cache'),
        '--build-arg',
        `BASE_IMAGE=127.0.0.1:${port}/busybox:1`,
        ...extra,
      ],
      { PATH: path },
    );

  test('runs every check it can, names each one it could not and why, and exits 0', async () => {
    const { code, out } = await offline();
    // tools that fit, found on PATH because their download could not reach the network
    expect(out).toMatch(/\| hadolint \| 2\.12\.0 \| on PATH: [^|]+ \| not verified: offline \|/);
    expect(out).toMatch(/\| terraform \| 1\.11\.4 \| on PATH: [^|]+ \| not verified: offline \|/);
    expect(out).toMatch(/\| packer \| {2}\| \*\*not installed\*\* \| packer 1\.6\.6 could not be downloaded \(offline\) and none is on PATH \|/);
    expect(out).not.toContain('retrying'); // an offline run does not wait on retries
    const notRun = out.slice(out.indexOf('Checks not run on this machine:'));
    expect(notRun).toContain('○ checks / validate and lint › packer validate (docker-monolith/packer/*.pkr.hcl): packer 1.6.6 could not be downloaded (offline) and none is on PATH');
    expect(notRun).toContain('○ checks / validate and lint › ansible-playbook --syntax-check (docker-monolith/ansible/playbooks/docker.yml): ansible-playbook is not on PATH');
    expect(notRun).toContain('○ checks / validate and lint › ansible-lint (docker-monolith/ansible/playbooks/docker.yml, docker-monolith/ansible/playbooks/reddit-app.yml): ansible-lint is not on PATH');
    for (const service of ['comment', 'post-py', 'ui']) {
      expect(notRun).toContain(`○ checks / build images › docker build (src/${service}): could not pull the base image 127.0.0.1:${port}/busybox:1 (its registry cannot be reached from here)`);
    }
    // what ran: hadolint on 3 Dockerfiles; terraform validate, fmt and tflint on 2 modules
    expect(notRun).not.toMatch(/› (hadolint|tflint|terraform validate|terraform fmt) /);
    expect(out).toMatch(/^ {2}To run them: give --mirrors UPSTREAM=MIRROR lines .*--prefer-installed; pull the base images/m);
    expect(out.trimEnd().split('\n').at(-1)).toBe(
      'shipkit workflow .github/workflows/ci.yml (pull_request): success — jobs: 4 passed, 0 failed; checks: 9 ran (9 passed, 0 failed), 8 not run — to run them: --mirrors or --prefer-installed; pull the base images',
    );
    expect(code).toBe(0);
  }, 180_000);

  test('--strict makes a check that was not run a failure, naming each', async () => {
    const { code, out } = await offline('--strict');
    const last = out.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^shipkit workflow \.github\/workflows\/ci\.yml \(pull_request\): failure \(--strict: the checks not run count as failed: /);
    for (const check of ['packer validate (docker-monolith/packer/*.pkr.hcl)', 'packer validate (docker-monolith/packer/docker.json)', 'ansible-lint (', 'docker build (src/ui)']) expect(last).toContain(check);
    expect(last).toMatch(/; checks: 9 ran \(9 passed, 0 failed\), 8 not run$/);
    expect(code).toBe(1);
  }, 180_000);
});

describe('setup-tools in a local run (shipkit run)', () => {
  let tools: ToolMirror;
  let port: number;
  const toolCache = tempDir('local-cache');

  beforeAll(async () => {
    tools = await toolMirror(toolCache);
    port = await closedPort();
  }, 120_000);
  afterAll(async () => {
    await tools?.mirror.close();
  });

  /** A PATH holding a tflint stand-in of `version` before this machine's PATH (which has no tflint). */
  const withTflint = (version: string) => {
    const dir = tempDir('local-tflint');
    writeTool(dir, 'tflint', standIn('tflint', version));
    return { dir, PATH: [dir, process.env.PATH].join(delimiter) };
  };
  const offlineMirrors = () => `https://github.com=http://127.0.0.1:${port}/github.com`;
  const run = (inputs: string[], env: NodeJS.ProcessEnv, ...flags: string[]) =>
    shipkit(['run', 'setup-tools', '--tool-cache', tempDir('local-run-cache'), ...inputs.flatMap((i) => ['--with', i]), ...flags], env);

  test('offline, a tool on PATH whose version fits is used and said so; one that does not fit is reported, the step passes', async () => {
    const fits = withTflint('0.50.3');
    const used = await run(['tools=tflint', 'tflint-version=0.50.3', `mirrors=${offlineMirrors()}`], { PATH: fits.PATH });
    expect(used.out).toContain(`tflint 0.50.3 from ${fits.dir} (on PATH; not verified: offline)`);
    expect(used.out).toContain(`tflint-path = ${join(fits.dir, 'tflint')}`);
    expect(used.out).toContain('unavailable = {}');
    expect(used.code).toBe(0);

    const old = withTflint('0.40.0');
    const missing = await run(['tools=tflint', 'tflint-version=0.50.3', `mirrors=${offlineMirrors()}`], { PATH: old.PATH });
    const reason = `tflint 0.50.3 could not be downloaded (offline) and ${join(old.dir, 'tflint')} on PATH is 0.40.0, not 0.50.3`;
    expect(missing.out).toContain(`Warning: tflint: not installed: ${reason}`);
    expect(missing.out).toContain(`unavailable = ${JSON.stringify({ tflint: reason })}`);
    expect(missing.out).not.toContain('tflint-path');
    expect(missing.code).toBe(0);
  }, 60_000);

  test('--prefer-installed takes the tool on PATH even online; without it the verified download is used', async () => {
    const fits = withTflint('0.50.3');
    const online = ['tools=tflint', 'tflint-version=0.50.3', `mirrors=${tools.mirror.mirrorsInput}`];
    const before = tools.mirror.requests.length;
    const preferred = await run(online, { PATH: fits.PATH }, '--prefer-installed');
    expect(preferred.out).toContain(`tflint 0.50.3 from ${fits.dir} (on PATH; not verified: --prefer-installed)`);
    expect(tools.mirror.requests.length).toBe(before);
    expect(preferred.code).toBe(0);

    const downloaded = await run(online, { PATH: fits.PATH });
    expect(downloaded.out).toMatch(/tflint 0\.50\.3 from 127\.0\.0\.1:\d+, /);
    expect(downloaded.code).toBe(0);
  }, 60_000);

  test('a download the network answers (404) still fails, even with a fitting tool on PATH', async () => {
    const fits = withTflint('0.49.9');
    const result = await run(['tools=tflint', 'tflint-version=0.49.9', `mirrors=${tools.mirror.mirrorsInput}`], { PATH: fits.PATH });
    expect(result.out).toMatch(/tflint 0\.49\.9 has no .* answered 404/);
    expect(result.out).not.toContain('on PATH;');
    expect(result.code).toBe(1);
  }, 60_000);

  test('on a runner (no SHIPKIT_LOCAL_RUN) an unreachable download fails the step as always', async () => {
    const fits = withTflint('0.50.3');
    const result = await runAction({
      action: 'setup-tools',
      node: NODE24,
      toolCache: tempDir('runner-cache'),
      workspace: tempDir('runner-ws'),
      env: actionEnv({ PATH: fits.PATH }),
      inputs: { tools: 'tflint', 'tflint-version': '0.50.3', mirrors: offlineMirrors() },
    });
    expect(result.success).toBe(false);
    expect(result.annotations.map((a) => a.message).join('\n')).toMatch(/tflint: GET .* failed 4 times; last: cannot connect/);
    expect(result.outputs.unavailable).toBeUndefined();
  }, 60_000);
});

