import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { check } from '../../cli/check.js';
import { dockerAvailable, dockerRequired, localImage } from '../support/docker.mjs';
import { makeSigner, ReleaseMirror } from '../support/mirror.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';
import { publishToolchain } from '../support/toolchain.mjs';

// `shipkit check` (npm start) on the bundled examples/microservices: the checks.yml chain through
// the CLI, with tools from the loopback mirror (real packer 1.6.6 and terraform 1.11.4, stand-in
// tflint and hadolint), the real Docker engine, real ansible.

const EXAMPLE = join(process.cwd(), 'examples', 'microservices');
const BASE = 'shipkit-test/busybox:1';
const hasDocker = dockerAvailable();

if (!hasDocker && dockerRequired()) {
  test('a Docker engine is running (CI asked for one)', () => {
    throw new Error('No Docker engine answers `docker info`; .ci/run installs docker.io and starts dockerd.');
  });
}

(hasDocker ? describe : describe.skip)('shipkit check', () => {
  let mirror: ReleaseMirror;
  let keyFile: string;
  const toolCache = tempDir('check-cache');

  beforeAll(async () => {
    localImage(BASE);
    mirror = await new ReleaseMirror().start();
    const signer = await makeSigner();
    await publishToolchain(mirror, { signer });
    keyFile = join(tempDir('key'), 'key.asc');
    writeFileSync(keyFile, signer.publicKey);
  });
  afterAll(async () => {
    await mirror?.close();
  });

  const args = (path: string) => [path, '--mirrors', mirror.mirrorsInput, '--hashicorp-public-key', keyFile, '--build-arg', `BASE_IMAGE=${BASE}`, '--tool-cache', toolCache];
  // Asynchronous: the mirror it downloads from is served by this very process.
  const cli = (path: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['cli/dist/index.js', 'check', ...args(path)], { env: actionEnv({ SHIPKIT_NODE: NODE24 }) });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });

  test('passes end to end on the example, with the inputs of its own ci.yml', async () => {
    const { code, out } = await cli(EXAMPLE);
    expect(out).toContain(`shipkit check ${EXAMPLE} (inputs from .github/workflows/ci.yml)`);
    for (const step of ['tools', 'hadolint', 'validate & lint', 'images']) expect(out).toMatch(new RegExp(`✓ ${step} \\(\\d+\\.\\d s\\)`));
    expect(out).toContain('| ansible-lint |'); // ansible-playbooks came from the example's ci.yml
    expect(out).toContain('| post-py |');
    expect(out).toContain('shipkit check: all 4 steps passed');
    expect(code).toBe(0);
  });

  const breakages: [string, string, string, string, string, string][] = [
    ['hadolint', 'src/ui/Dockerfile', 'WORKDIR /app', 'MAINTAINER someone\nWORKDIR /app', 'hadolint', 'src/ui/Dockerfile:4: MAINTAINER is deprecated'],
    ['packer', 'docker-monolith/packer/app.pkr.hcl', 'zone                = "europe-west1-b"', 'zone = "europe-west1-b"\n  colour = "blue"', 'validate & lint', 'docker-monolith/packer/app.pkr.hcl:10'],
    ['terraform', 'docker-monolith/terraform/stage/main.tf', '  image_tag = var.image_tag', '  image_tag = var.image_tag\n  colour    = "blue"', 'validate & lint', 'docker-monolith/terraform/stage/main.tf:9: Unsupported argument'],
    ['tflint', 'docker-monolith/terraform/stage/main.tf', '  image_tag = var.image_tag', '  image_tag = "${var.image_tag}"', 'validate & lint', 'Interpolation-only expressions are deprecated'],
    ['docker build', 'src/comment/Dockerfile', 'COPY . /app', 'COPY . /app\nRUN exit 3', 'images', 'comment: the build failed at line 6 (RUN exit 3)'],
  ];
  test.each(breakages)('a broken %s fails the check naming the step', async (_tool, file, from, to, step, message) => {
    const repo = new FixtureRepo(EXAMPLE);
    const text = readFileSync(join(repo.dir, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(repo.dir, file), text.replace(from, to));
    const { code, out } = await cli(repo.dir);
    expect(code).toBe(1);
    expect(out).toContain(`✗ ${step}`);
    expect(out).toContain(message);
    expect(out).toMatch(new RegExp(`shipkit check: FAILED at ${step.replace(/[&]/g, '\\$&')}`));
  });

  test('on a terminal: a live progress line per step', async () => {
    const written: string[] = [];
    const code = await check({
      path: EXAMPLE,
      mirrors: mirror.mirrorsInput,
      hashicorpKey: keyFile,
      buildArgs: [`BASE_IMAGE=${BASE}`],
      toolCache,
      verbose: false,
      env: actionEnv({ SHIPKIT_NODE: NODE24 }),
      out: { isTTY: true, write: (s: string) => written.push(s) > 0 },
    });
    const text = written.join('');
    expect(code).toBe(0);
    expect(text).toMatch(/\r[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] validate & lint \d+\.\d s/);
    expect(text).toContain('\r\x1b[2K✓ validate & lint');
  });
});
