import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { check } from '../../cli/check.js';
import { parseCheckArgs } from '../../cli/args.js';
import { dockerAvailable, dockerRequired, localImage } from '../support/docker.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';
import { shipkit, toolMirror, type ToolMirror } from '../support/workflow.js';

// checks.yml on pull_request, end to end: `shipkit check` (npm start) and `shipkit workflow
// checks.yml` on the bundled examples/microservices, with the with: of its own ci.yml. Tools from
// the loopback mirror (real packer 1.6.6 and terraform 1.11.4, stand-in tflint and hadolint), the
// real Docker engine, real ansible (the pipx install step is skipped locally).

const EXAMPLE = join(process.cwd(), 'examples', 'microservices');
const BASE = 'shipkit-test/busybox:1';
const hasDocker = dockerAvailable();

if (!hasDocker && dockerRequired()) {
  test('a Docker engine is running (CI asked for one)', () => {
    throw new Error('No Docker engine answers `docker info`; .ci/run installs docker.io and starts dockerd.');
  });
}

(hasDocker ? describe : describe.skip)('checks.yml', () => {
  let tools: ToolMirror;
  const toolCache = tempDir('check-cache');

  beforeAll(async () => {
    localImage(BASE);
    tools = await toolMirror(toolCache);
  }, 120_000);
  afterAll(async () => {
    await tools?.mirror.close();
  });

  const args = (path: string) => [path, ...tools.args, '--build-arg', `BASE_IMAGE=${BASE}`];
  const workflowArgs = (path: string) => [path, ...tools.args, '--with', `build-args=BASE_IMAGE=${BASE}`];

  test('shipkit check passes on the example: hadolint, validate and lint, image builds, notify', async () => {
    const { code, out } = await shipkit(['check', ...args(EXAMPLE)]);
    expect(out).toContain(`shipkit workflow .github/workflows/ci.yml on ${EXAMPLE} (event pull_request; inputs from the with: of .github/workflows/ci.yml (job checks))`);
    for (const job of ['hadolint', 'validate and lint', 'build images', 'notify']) expect(out).toMatch(new RegExp(`^✓ checks / ${job} \\(\\d+\\.\\d s\\)$`, 'm'));
    expect(out).toMatch(/- checks \/ validate and lint › Install ansible and ansible-lint: skipped locally: .*SHIPKIT_LOCAL/);
    expect(out).toContain('| ansible-lint |'); // ansible-playbooks came from the example's ci.yml
    expect(out).toContain('| post-py | `docker.io/post` |'); // image-names: post-py=post
    // 3 hadolint, 2 packer validate, 2 x (terraform validate, fmt, tflint), 2 syntax checks, ansible-lint, 3 builds
    expect(out).toMatch(/ci\.yml \(pull_request\): success — jobs: 4 passed, 0 failed; checks: 17 ran \(17 passed, 0 failed\)$/m);
    expect(code).toBe(0);
  });

  const breakages: [string, string, string, string, string, string, string][] = [
    ['hadolint', 'src/ui/Dockerfile', 'WORKDIR /app', 'MAINTAINER someone\nWORKDIR /app', 'hadolint', 'shipkit/shipkit/actions/build-images@main', 'src/ui/Dockerfile:4: MAINTAINER is deprecated'],
    ['packer', 'docker-monolith/packer/app.pkr.hcl', 'zone                = "europe-west1-b"', 'zone = "europe-west1-b"\n  colour = "blue"', 'validate and lint', 'shipkit/shipkit/actions/deploy-stage@main', 'docker-monolith/packer/app.pkr.hcl:10'],
    ['terraform', 'docker-monolith/terraform/stage/main.tf', '  image_tag = var.image_tag', '  image_tag = var.image_tag\n  colour    = "blue"', 'validate and lint', 'shipkit/shipkit/actions/deploy-stage@main', 'docker-monolith/terraform/stage/main.tf:9: Unsupported argument'],
    ['tflint', 'docker-monolith/terraform/stage/main.tf', '  image_tag = var.image_tag', '  image_tag = "${var.image_tag}"', 'validate and lint', 'shipkit/shipkit/actions/deploy-stage@main', 'Interpolation-only expressions are deprecated'],
    ['docker build', 'src/comment/Dockerfile', 'COPY . /app', 'COPY . /app\nRUN exit 3', 'build images', 'shipkit/shipkit/actions/build-images@main', 'comment: the build failed at line 6 (RUN exit 3)'],
  ];
  test.each(breakages)('a broken %s fails the run naming the job and the step', async (_tool, file, from, to, job, step, message) => {
    const repo = new FixtureRepo(EXAMPLE);
    const text = readFileSync(join(repo.dir, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(repo.dir, file), text.replace(from, to));
    const { code, out } = await shipkit(['workflow', 'checks.yml', ...workflowArgs(repo.dir)]);
    expect(out).toContain(`✗ checks / ${job} › ${step}`);
    expect(out).toContain(message);
    expect(out).toContain(`✗ checks / ${job} failed at ${step}`);
    expect(out).toMatch(/ci\.yml \(pull_request\): failure — jobs: 3 passed, 1 failed; checks: \d+ ran \(\d+ passed, [1-9]\d* failed\)$/m);
    expect(code).toBe(1);
  });

  test('on a terminal: a live line per running job with its step, replaced as steps finish', async () => {
    const written: string[] = [];
    const code = await check(parseCheckArgs(args(EXAMPLE)), { isTTY: true, write: (s: string) => written.push(s) > 0 }, actionEnv({ SHIPKIT_NODE: NODE24 }));
    const text = written.join('');
    expect(code).toBe(0);
    expect(text).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] checks \/ validate and lint › shipkit\/shipkit\/actions\/deploy-stage@main \d+\.\d s\n/);
    expect(text).toMatch(new RegExp(`${String.fromCharCode(27)}\\[\\d+A\\r${String.fromCharCode(27)}\\[J`)); // the live block is redrawn in place
    expect(text).toContain('✓ checks / validate and lint');
  });
});
