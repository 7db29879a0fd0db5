import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { GitHubApi } from '../support/github-api.mjs';
import { FixtureRepo } from '../support/repo.js';
import { tempDir } from '../support/runner-env.js';
import { shipkit, toolMirror, type ToolMirror } from '../support/workflow.js';

// deploy-stage.yml end to end through `shipkit workflow`, called by the example's own deploy.yml:
// plan on a pull request writes the plan comment (GitHub's REST API is the loopback fake), apply on
// a push to the default branch finds that reviewed plan through the merged pull request and applies
// it. Real terraform 1.11.4 and packer 1.6.6 from the mirror, real ansible; tflint and
// docker-machine are the mirror's stand-ins.

const EXAMPLE = join(process.cwd(), 'examples', 'microservices');
const STAGE = 'docker-monolith/terraform/stage';
const PR = 12;

describe('deploy-stage.yml', () => {
  let tools: ToolMirror;
  let github: GitHubApi;
  let repo: FixtureRepo;
  const stateFile = join(tempDir('wf-state'), 'stage-SECRETPATH.tfstate');
  const toolCache = tempDir('wf-deploy-cache');

  beforeAll(async () => {
    tools = await toolMirror(toolCache);
    github = await new GitHubApi().start();
    repo = new FixtureRepo(EXAMPLE);
  }, 120_000);
  afterAll(async () => {
    await tools?.mirror.close();
    await github?.close();
  });

  const deploy = (event: string, extra: string[] = []) =>
    shipkit(['workflow', 'deploy-stage', repo.dir, '--event', event, '--secret', 'GITHUB_TOKEN', '--secret', 'TF_BACKEND_CONFIG', '--secret', 'TERRAFORM_VARS', ...tools.args, ...extra], {
      GITHUB_TOKEN: 'ghs_TESTTOKEN',
      TF_BACKEND_CONFIG: `path=${stateFile}`,
      TERRAFORM_VARS: 'image_tag = "1.0.0"\n',
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'vscoder/microservices',
    });

  test('plan on pull_request: the plan comment is written; apply is skipped; concurrency is reported', async () => {
    const { code, out } = await deploy('pull_request', ['--pull-request', String(PR)]);
    expect(out).toContain('inputs from the with: of .github/workflows/deploy.yml (job stage)');
    expect(out).toMatch(/^✓ stage \/ plan stage \(/m);
    expect(out).toMatch(/^- stage \/ apply stage skipped: if: .*github\.event_name == 'push'.* was false$/m);
    expect(out).toContain(`concurrency group shipkit-plan-stage-${PR} (cancel-in-progress: true)`);
    expect(out).toMatch(/Install ansible and ansible-lint: skipped locally/);
    const comments = github.comments.get(PR)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`<!-- shipkit:plan environment=stage dir=${STAGE} -->`);
    expect(comments[0]!.body).toContain('**1 to add, 0 to change, 0 to destroy.**');
    expect(github.requests.find((r) => r.method === 'POST')?.authorization).toBe('token ghs_TESTTOKEN');
    expect(out).not.toContain('ghs_TESTTOKEN');
    expect(out).not.toContain('SECRETPATH'); // backend-config is a secret: masked
    expect(code).toBe(0);
  });

  test('apply on push to the default branch: the reviewed plan is applied inside the environment', async () => {
    const sha = repo.git('rev-parse', 'HEAD');
    github.commitPulls.set(sha, [{ number: PR, merged_at: '2026-12-01T10:00:00Z', merge_commit_sha: sha }]);
    const { code, out } = await deploy('push');
    expect(out).toMatch(/^- stage \/ plan stage skipped: /m);
    expect(out).toMatch(/^✓ stage \/ apply stage \(/m);
    expect(out).toContain('environment stage: a local run has no required reviewers');
    expect(out).toContain('concurrency group shipkit-apply-vscoder/microservices-stage (cancel-in-progress: false)');
    expect(out).toMatch(new RegExp(`Reviewed plan: \`sha256:[0-9a-f]{64}\` \\(the plan comment on pull request #${PR}\\) matches`));
    expect(out).toContain(`Applied ${STAGE}: 1 added, 0 changed, 0 destroyed.`);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { resources: { module?: string; type: string }[] };
    expect(state.resources.map((r) => `${r.module}.${r.type}`)).toEqual(['module.app.terraform_data']);
    expect(code).toBe(0);
  });
});
