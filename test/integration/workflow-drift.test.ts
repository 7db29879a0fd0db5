import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction } from '../../cli/runner.js';
import { installTools, type DeployTools } from '../support/deploy-tools.js';
import { GitHubApi } from '../support/github-api.mjs';
import { FixtureRepo } from '../support/repo.js';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';
import { shipkit, toolMirror, type ToolMirror } from '../support/workflow.js';

// deploy-stage.yml in drift mode end to end through `shipkit workflow`, called by the example's own
// drift.yml on a schedule event: setup-tools installs the real terraform 1.11.4 from the loopback
// mirror, the provider cache steps are reported as not run locally (actions/cache is GitHub's
// service), deploy-stage checks the stage for drift and keeps its issue in the loopback GitHub API,
// and notify says Drifted, then Back in sync.

const EXAMPLE = join(process.cwd(), 'examples', 'microservices');
const STAGE = 'docker-monolith/terraform/stage';

describe('deploy-stage.yml, mode: drift', () => {
  let mirror: ToolMirror;
  let tools: DeployTools;
  let github: GitHubApi;
  let repo: FixtureRepo;
  const stateFile = join(tempDir('wf-drift-state'), 'stage.tfstate');
  const toolCache = tempDir('wf-drift-cache');

  beforeAll(async () => {
    mirror = await toolMirror(toolCache);
    tools = await installTools(['terraform']);
    github = await new GitHubApi().start();
    repo = new FixtureRepo(EXAMPLE);
  }, 180_000);
  afterAll(async () => {
    await mirror?.mirror.close();
    await tools?.mirror.close();
    await github?.close();
  });

  const drift = () =>
    shipkit(['workflow', 'drift.yml', repo.dir, '--event', 'schedule', '--secret', 'GITHUB_TOKEN', '--secret', 'TF_BACKEND_CONFIG', '--secret', 'TERRAFORM_VARS', ...mirror.args], {
      GITHUB_TOKEN: 'ghs_TESTTOKEN',
      TF_BACKEND_CONFIG: `path=${stateFile}`,
      TERRAFORM_VARS: 'image_tag = "1.0.0"\n',
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'vscoder/microservices',
    });

  test('a stage never applied has drifted: the drift job opens the issue, notify says Drifted; plan and apply do not run', async () => {
    const { code, out } = await drift();
    expect(out).toMatch(/^✓ stage \/ drift stage \(/m);
    expect(out).toMatch(/^- stage \/ plan stage skipped: /m);
    expect(out).toMatch(/^- stage \/ apply stage skipped: /m);
    expect(out).toMatch(/^- stage \/ mode skipped: /m);
    expect(out).toMatch(/Restore Terraform providers: not run locally: actions\/cache\/restore@27d5ce7f107fe9357f9df03efb73ab90386fccae is not one of shipkit's actions/);
    expect(out).toContain('concurrency group shipkit-apply-vscoder/microservices-stage (cancel-in-progress: false)');
    const issues = [...github.issues.values()];
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ title: 'Terraform drift in stage', state: 'open', user: { login: 'github-actions[bot]' } });
    expect(issues[0]!.body).toContain('**Create** (1)\n- `module.app.terraform_data.instance`');
    // a stage never applied: its output is new to the refresh too
    expect(issues[0]!.body).toContain('No object changed outside Terraform, but outputs would change (section 1)');
    expect(out).toMatch(/── stage \/ notify ──\n### Drifted\n/);
    expect(out).not.toContain('ghs_TESTTOKEN');
    expect(code).toBe(0);
  });

  test('applied, the next scheduled check closes the issue, and notify says Back in sync', async () => {
    const applied = await runAction({
      action: 'deploy-stage',
      node: NODE24,
      toolCache: tools.toolCache,
      workspace: repo.dir,
      env: actionEnv({ PATH: tools.path, GITHUB_SHA: repo.git('rev-parse', 'HEAD'), GITHUB_REF: 'refs/heads/main', GITHUB_REPOSITORY: 'vscoder/microservices' }),
      // the stage's variables, as the drift job gets them (TERRAFORM_VARS above)
      inputs: { command: 'apply', 'auto-approve': 'true', 'terraform-dirs': STAGE, 'packer-templates': 'none/*.json', 'backend-config': `path=${stateFile}`, 'terraform-vars': 'image_tag = "1.0.0"\n' },
    });
    expect(applied.success).toBe(true);
    const { code, out } = await drift();
    const [issue] = [...github.issues.values()];
    expect(issue!.state).toBe('closed');
    expect(github.comments.get(issue!.number)!.at(-1)!.body).toMatch(/^Back in sync: `stage`/);
    expect(out).toMatch(/── stage \/ notify ──\n### Back in sync\n/);
    expect(code).toBe(0);
  });
});
