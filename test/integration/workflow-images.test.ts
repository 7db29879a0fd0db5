import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { dockerAvailable, dockerRequired, makeBaseImage, registryImage, registryTags, startRegistry } from '../support/docker.mjs';
import { FixtureRepo } from '../support/repo.js';
import { tempDir } from '../support/runner-env.js';
import { SlackServer } from '../support/slack.mjs';
import { shipkit, toolMirror, type ToolMirror } from '../support/workflow.js';

// images.yml end to end through `shipkit workflow`, called the way the example's own
// .github/workflows/images.yml calls it (namespace vscoder, image-names post-py=post): the discover
// job, one matrix job per service, the artifacts, the summary job's table, notify. Real Docker
// engine and distribution registry on 127.0.0.1; hadolint is the mirror's stand-in.

const EXAMPLE = join(process.cwd(), 'examples', 'microservices');
const hasDocker = dockerAvailable();

if (!hasDocker && dockerRequired()) {
  test('a Docker engine is running (CI asked for one)', () => {
    throw new Error('No Docker engine answers `docker info`; .ci/run installs docker.io and starts dockerd.');
  });
}

(hasDocker ? describe : describe.skip)('images.yml', () => {
  let tools: ToolMirror;
  let registry: Awaited<ReturnType<typeof startRegistry>>;
  let slack: SlackServer;
  let base: string;
  const toolCache = tempDir('wf-images-cache');

  beforeAll(async () => {
    tools = await toolMirror(toolCache);
    registry = await startRegistry({ user: 'vscoder-ci', password: 'hub-token-5e3c' });
    base = makeBaseImage(registry);
    slack = await new SlackServer().start();
  }, 120_000);
  afterAll(async () => {
    await tools?.mirror.close();
    await registry?.stop();
    await slack?.close();
  });

  /** The example's caller with the registry pointed here; the credentials come from the environment (--secret NAME). */
  const images = (repo: FixtureRepo, event: string, extra: string[] = []) =>
    shipkit(
      [
        'workflow', 'images', repo.dir, '--event', event,
        '--with', `registry=${registry.host}`, '--with', `build-args=BASE_IMAGE=${base}`, '--with', 'on-success=always',
        '--secret', 'DOCKERHUB_USERNAME', '--secret', 'DOCKERHUB_TOKEN', '--secret', 'SLACK_WEBHOOK_URL',
        ...tools.args, ...extra,
      ],
      { DOCKERHUB_USERNAME: registry.user, DOCKERHUB_TOKEN: registry.password, SLACK_WEBHOOK_URL: `${slack.url}/services/T0/B0/images` },
    );

  test('on push: every service published under its mapped name with its tags, one summary table, notify once', async () => {
    const repo = new FixtureRepo(EXAMPLE);
    const sha = repo.git('rev-parse', 'HEAD').slice(0, 7);
    slack.received.length = 0;
    const { code, out } = await images(repo, 'push');
    expect(out).toContain('inputs from the with: of .github/workflows/images.yml (job images)');
    expect(out).toMatch(/✓ images \/ discover services/);
    for (const service of ['comment', 'post-py', 'ui']) expect(out).toMatch(new RegExp(`✓ images / ${service} \\(`));
    for (const [name, version] of [['comment', '0.2.0'], ['post', '0.1.0'], ['ui', '1.0.3']]) {
      expect(await registryTags(registry, `vscoder/${name}`)).toEqual([version, 'latest', 'main', `sha-${sha}`].sort());
      const table = new RegExp(`\\| ${name === 'post' ? 'post-py' : name} \\| ${registry.host.replace(/\./g, '\\.')}/vscoder/${name} \\| ${version}, sha-${sha}, main, latest \\| sha256:[0-9a-f]{12} \\| built \\| true \\|`);
      expect(out).toMatch(table);
    }
    expect(await registryImage(registry, 'vscoder/post-py', 'latest')).toBeUndefined();
    expect(out).toContain('✓ images / images summary');
    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]!.body.text).toContain('Passed');
    expect(out).not.toContain(registry.password);
    expect(repo.git('status', '--porcelain')).toBe(''); // nothing written into the working tree
    expect(out).toMatch(/images\.yml \(push\): success — jobs: 6 passed, 0 failed; checks: 6 ran \(6 passed, 0 failed\)$/m);
    expect(code).toBe(0);
  });

  test('on pull_request: built and linted, nothing pushed', async () => {
    const repo = new FixtureRepo(EXAMPLE);
    repo.write('src/ui/VERSION', '9.9.9-pr\n').commit('ui 9.9.9-pr');
    const { code, out } = await images(repo, 'pull_request');
    expect(out).toMatch(/\| ui \| .*\/vscoder\/ui \| 9\.9\.9-pr, .* \| built \| false \|/);
    expect(await registryTags(registry, 'vscoder/ui')).not.toContain('9.9.9-pr');
    expect(code).toBe(0);
  });

  test('on schedule: rebuild is on (--pull --no-cache) and the nightly tags are pushed', async () => {
    const repo = new FixtureRepo(EXAMPLE);
    const { code, out } = await images(repo, 'schedule', ['--verbose']);
    expect(out).toMatch(/│ images \/ comment: {3}rebuild: true$/m); // the step's with:, as --verbose shows it
    expect(out).toMatch(/\| comment \| .*\/vscoder\/comment \| .*nightly.* \| built \| true \|/); // rebuilt, not reused
    expect(await registryTags(registry, 'vscoder/comment')).toContain('nightly');
    expect(code).toBe(0);
  });
});
