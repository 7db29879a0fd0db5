import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { FixtureRepo } from '../support/repo.js';
import { tempDir } from '../support/runner-env.js';
import { shipkit } from '../support/workflow.js';

// The runner's semantics on a fixture workflow of run: steps (test/fixtures/workflows/semantics.yml):
// a matrix from fromJSON(needs.x.outputs.y), fail-fast, max-parallel, job outputs, needs.<job>.result,
// continue-on-error with steps.<id>.outcome and conclusion, GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT,
// defaults.run.working-directory, workflow env, SHIPKIT_LOCAL, if: failure() and always(), a job
// skipped because a job it needs failed, a third-party action reported as not run locally.

describe('workflow semantics', () => {
  test('the fixture workflow runs as GitHub would run it', async () => {
    const dir = tempDir('semantics');
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', '.keep'), '');
    cpSync(join('test', 'fixtures', 'workflows', 'semantics.yml'), join(dir, '.github', 'workflows', 'semantics.yml'));
    cpSync(join('test', 'fixtures', 'actions', 'probe'), join(dir, 'actions', 'probe'), { recursive: true });
    const repo = new FixtureRepo(dir);
    const { code, out } = await shipkit(['workflow', 'semantics.yml', repo.dir, '--event', 'push', '--verbose']);

    // matrix from the plan job's output, one leg at a time: a passes, b fails, c is cancelled
    expect(out).toMatch(/^✓ legs \(a\) \(/m);
    expect(out).toMatch(/^ {2}✗ legs \(b\) › Leg b \(/m);
    expect(out).toMatch(/^⊘ legs \(c\) cancelled: cancelled by fail-fast: legs \(b\) failed$/m);
    expect(out).not.toContain('› Leg c');

    // file commands and step results carried from step to step
    expect(out).toContain('carry: env=one top=top local=true dir=sub flaky=failure/success');
    expect(out).toContain('carry: tool-on-path');
    expect(out).toMatch(/^ {2}✗ carry › Run exit 3 \(\d+\.\d s\): failed; continue-on-error let the job go on$/m);
    expect(out).toMatch(/^ {2}- carry › Run echo this never runs: if: failure\(\) was false$/m);
    expect(out).toMatch(/^ {2}○ carry › actions\/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020: not run locally: actions\/setup-node@.* is not one of shipkit's actions$/m);
    expect(out).toMatch(/^✓ carry \(/m);

    // needs results and outputs; a job whose need failed is skipped, saying why
    expect(out).toContain('report: legs=failure carry=success said=hello from carry');
    expect(out).toMatch(/^- after-legs skipped: a job it needs did not succeed \(legs: failure\)$/m);

    // a JavaScript action of the repository (uses: ./actions/probe): outputs, GITHUB_ENV, and its post
    // step at the end of the job, after the steps that follow it
    const log = out.split('\n');
    const used = log.findIndex((l) => l.includes('local-action: greeting=hi probe-env=1'));
    const post = log.findIndex((l) => l.includes('local-action: post: cleanup=/tmp/probe-state'));
    expect(used).toBeGreaterThan(-1);
    expect(post).toBeGreaterThan(used);

    expect(out).toContain('Not run locally:');
    expect(out).toMatch(/semantics\.yml \(push\): failure — jobs: 5 passed, 1 failed, 1 skipped, 1 cancelled; 1 step\(s\) not run locally$/m);
    expect(code).toBe(1);
  });
});
