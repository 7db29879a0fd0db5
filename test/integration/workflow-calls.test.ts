import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { FixtureRepo } from '../support/repo.js';
import { shipkit } from '../support/workflow.js';

// What GitHub refuses before a run starts, refused the same way by `shipkit workflow` (GitHub's own
// parser checks each call's with: and secrets: against on.workflow_call): nothing runs, and the
// message names the input or secret. Also the commands' --help.

const EXAMPLE = join(process.cwd(), 'examples', 'microservices');

function edit(repo: FixtureRepo, file: string, from: string, to: string): void {
  const path = join(repo.dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('calls checked before any job runs', () => {
  test('a caller with a misspelled input', async () => {
    const repo = new FixtureRepo(EXAMPLE);
    edit(repo, '.github/workflows/images.yml', 'image-names: post-py=post', 'image-name: post-py=post');
    const { code, out } = await shipkit(['workflow', 'images', repo.dir, '--event', 'push']);
    expect(out).toContain('.github/workflows/images.yml is not a valid workflow; GitHub would refuse it:');
    expect(out).toContain('Invalid input, image-name is not defined in the referenced workflow.');
    expect(out).not.toContain('▶');
    expect(code).toBe(2);
  });

  test('a caller that misses a required secret of the workflow it calls', async () => {
    const repo = new FixtureRepo(EXAMPLE);
    mkdirSync(join(repo.dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(repo.dir, '.github/workflows/publish.yml'),
      `on:
  workflow_call:
    secrets:
      deploy-token:
        required: true
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: echo publishing
`,
    );
    // Run directly, the --secret options are the call's secrets.
    const direct = await shipkit(['workflow', 'publish.yml', repo.dir]);
    expect(direct.out).toContain('Secret deploy-token is required, but not provided while calling.');
    expect(direct.out).not.toContain('publishing');
    expect(direct.code).toBe(2);
    const given = await shipkit(['workflow', 'publish.yml', repo.dir, '--secret', 'deploy-token', '--verbose'], { 'deploy-token': 't0ken-value' });
    expect(given.out).toContain('publish › Run echo publishing');
    expect(given.out).toMatch(/│ publish \/ publish: publishing$/m);
    expect(given.code).toBe(0);

    // Called by a workflow of the repository that does not pass it.
    writeFileSync(
      join(repo.dir, '.github/workflows/release.yml'),
      `on: push
jobs:
  release:
    uses: ./.github/workflows/publish.yml
`,
    );
    const { code, out } = await shipkit(['workflow', 'release.yml', repo.dir, '--event', 'push']);
    expect(out).toContain('Secret deploy-token is required, but not provided while calling.');
    expect(out).not.toContain('publishing');
    expect(code).toBe(2);
  });

  test('--with of a kit workflow: an unknown input and a value of the wrong type', async () => {
    const unknown = await shipkit(['workflow', 'checks', EXAMPLE, '--with', 'image-name=post-py=post']);
    expect(unknown.out).toContain('--with image-name: Invalid input, image-name is not defined in the referenced workflow');
    expect(unknown.code).toBe(2);
    const wrongType = await shipkit(['workflow', 'deploy-stage', EXAMPLE, '--with', 'auto-approve=yes']);
    expect(wrongType.out).toContain('--with auto-approve="yes": input "auto-approve" of deploy-stage.yml is a boolean; use true or false.');
    expect(wrongType.code).toBe(2);
  });

  test('--job naming no job', async () => {
    const { code, out } = await shipkit(['workflow', 'checks', EXAMPLE, '--job', 'lint']);
    expect(out).toContain('--job lint: .github/workflows/ci.yml has no such job; its jobs: checks, checks/hadolint, checks/infrastructure, checks/images, checks/notify.');
    expect(code).toBe(2);
  });
});

describe('usage', () => {
  test.each([['check'], ['run'], ['workflow']])('shipkit %s --help prints the usage and exits 0', async (command) => {
    const { code, out } = await shipkit([command, '--help']);
    expect(out).toContain(`Usage: shipkit ${command}`);
    expect(code).toBe(0);
  });
});
