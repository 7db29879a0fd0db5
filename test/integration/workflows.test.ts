import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { tempDir } from '../support/runner-env.js';

// The workflow validator (scripts/validate-workflows.mjs): GitHub's parser, actionlint and the kit's
// cross-checks, on this repository and on copies with one mistake each.

function validate(root: string): { code: number; output: string } {
  const run = spawnSync(process.execPath, ['scripts/validate-workflows.mjs', root], { encoding: 'utf8' });
  return { code: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}

/** A copy of what the validator reads: workflows, example callers and action.yml files. */
function copyKit(): string {
  const root = tempDir('wf');
  cpSync('.github', join(root, '.github'), { recursive: true });
  cpSync('examples', join(root, 'examples'), { recursive: true });
  for (const action of ['setup-tools', 'build-images', 'deploy-stage', 'notify']) {
    mkdirSync(join(root, 'actions', action), { recursive: true });
    cpSync(join('actions', action, 'action.yml'), join(root, 'actions', action, 'action.yml'));
  }
  return root;
}

function edit(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('workflow validation', () => {
  test("every workflow of the kit and its examples passes GitHub's parser, actionlint and the cross-checks", () => {
    const { code, output } = validate('.');
    expect(output).toMatch(/workflows: \d+ workflows and 4 action.yml files valid/);
    expect(code).toBe(0);
  });

  test.each([
    ['a caller passes an input checks.yml does not have', 'examples/microservices/.github/workflows/ci.yml', 'image-names: post-py=post', 'image-names: post-py=post\n      image-name: ui', 'Invalid input, image-name is not defined in the referenced workflow'],
    ['a caller passes an undeclared secret', 'examples/microservices/.github/workflows/images.yml', 'registry-username:', 'registry-user:', '"registry-user" is not a secret of shipkit/shipkit/.github/workflows/images.yml@main'],
    ['a kit action gets an unknown with: key', '.github/workflows/checks.yml', '          lint-only: true', '          lint-only: true\n          lint_only: true', '"lint_only" is not an input of shipkit/shipkit/actions/build-images@main'],
    ['a job output names a step output that does not exist', '.github/workflows/images.yml', 'matrix: ${{ steps.find.outputs.matrix }}', 'matrix: ${{ steps.find.outputs.matrixx }}', 'steps.find.outputs.matrixx: that action has no output "matrixx"'],
    ['needs.*.outputs.* of a job that is not needed', '.github/workflows/images.yml', "if: fromJSON(needs.discover.outputs.matrix).include[0] != null", "if: fromJSON(needs.summary.outputs.matrix).include[0] != null", 'needs.summary.outputs.matrix: "summary" is not in this job\'s needs'],
    ['an input the reusable workflow does not declare', '.github/workflows/deploy-stage.yml', 'environment: ${{ inputs.environment }}\n    permissions', 'environment: ${{ inputs.env }}\n    permissions', 'inputs.env is not an input of this workflow'],
    ['an action.yml description holding an expression (GitHub rejects the action)', 'actions/notify/action.yml', "description: 'The jobs to report on", "description: 'The jobs to report on: `${{ toJSON(needs) }}`", "actions/notify/action.yml: action schema: actions/notify/action.yml (Line: 12, Col: 18): Unrecognized named-value: 'needs'"],
    ['a broken expression', '.github/workflows/checks.yml', 'if: inputs.build-images', 'if: inputs.build-images ==', 'actionlint'],
    // ubuntu-24.04 (the kit's CI) is newer than actionlint's label list and passes; a typo does not
    ['a runner label that no runner has', '.github/workflows/ci.yml', 'runs-on: ubuntu-24.04\n    timeout-minutes: 60', 'runs-on: ubuntu-24.4\n    timeout-minutes: 60', 'label "ubuntu-24.4" is unknown'],
  ])('%s', (_name, file, from, to, message) => {
    const root = copyKit();
    edit(root, file, from, to);
    const { code, output } = validate(root);
    expect(code).toBe(1);
    expect(output).toContain(message);
  });
});
