import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../../../lib/errors.js';
import { run, tail, type ExecResult } from '../../../lib/exec.js';
import { isPullRequest, readGitContext } from '../../../lib/git-context.js';
import { markdownTable } from '../../../lib/summary.js';
import { findOnPath } from '../../../lib/which.js';
import { runChecks, type CheckRow, type Tools } from './check.js';
import { planComment } from './comments.js';
import { deployApplication } from './deploy.js';
import { StageFailure } from './failure.js';
import type { Finding } from './findings.js';
import { client, repoFromEnv, reviewedPlanHash, upsertPlanComment } from './github.js';
import { getInputs, type Inputs } from './inputs.js';
import { STATE_PLACED } from './state.js';
import { applyArgs, initArgs, parseDiagnosticsText, parseLockError, parseTerraformVersion, planArgs, summarisePlan, type LockInfo, type PlanSummary } from './terraform.js';
import { placeExampleFiles, removePlaced, terraformRoots } from './workspace.js';

interface Report {
  inputs: Inputs;
  rows: CheckRow[];
  plan?: PlanSummary & { dir: string; text: string; path: string };
  reviewed?: { hash: string; from: string };
  lock?: LockInfo;
  notes: string[];
}

export async function main(): Promise<void> {
  const inputs = getInputs();
  const workspace = join(process.env.GITHUB_WORKSPACE ?? process.cwd(), inputs['working-directory']);
  const report: Report = { inputs, rows: [], notes: [] };
  const placed = inputs['example-vars'] ? placeExampleFiles(workspace) : [];
  core.saveState(STATE_PLACED, JSON.stringify(placed.map((p) => join(workspace, p))));
  if (placed.length) core.info(`Copied into place for this run (removed afterwards): ${placed.join(', ')}`);
  const roots = inputs['terraform-dirs'] ?? terraformRoots(workspace);
  const lockFiles = snapshotLockFiles(workspace, roots);
  try {
    await stages(inputs, workspace, roots, report);
  } catch (error: unknown) {
    if (error instanceof StageFailure) core.setOutput('failure-reason', error.reason);
    throw error;
  } finally {
    removePlaced(workspace, placed);
    lockFiles.restore();
    await writeSummary(report);
  }
}

async function stages(inputs: Inputs, workspace: string, roots: string[], report: Report): Promise<void> {
  const tools = findTools(inputs, roots);
  const temp = process.env.RUNNER_TEMP ?? workspace;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    TFLINT_DISABLE_VERSION_CHECK: '1',
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
  };
  const show = (title: string, result: ExecResult) => {
    core.startGroup(`${title}${result.code ? ` (exit ${result.code})` : ''}`);
    core.info(`$ ${result.shown}`);
    if (result.stdout.trim()) core.info(result.stdout.trimEnd());
    if (result.stderr.trim()) core.info(result.stderr.trimEnd());
    core.endGroup();
  };

  // terraform's working data (.terraform/) goes to the runner's temp folder, not the checkout.
  const dataDirs = join(temp, 'shipkit-terraform');
  const inDir = (dir: string): NodeJS.ProcessEnv => ({ ...env, TF_DATA_DIR: join(dataDirs, dir.replace(/[^\w.-]+/g, '_')) });
  await mkdir(dataDirs, { recursive: true });

  const checks = await runChecks({
    workspace,
    roots,
    packerTemplates: inputs['packer-templates'],
    packerVarFiles: inputs['packer-var-files'],
    ansiblePlaybooks: inputs['ansible-playbooks'],
    ansibleInventory: inputs['ansible-inventory'],
    tools,
    env,
    envFor: inDir,
    show,
  });
  report.rows.push(...checks.rows);
  annotate(checks.findings);
  if (checks.reason) {
    const failed = checks.rows.filter((r) => r.result === 'failed').map((r) => `${r.check} in ${r.where}`);
    throw new StageFailure(checks.reason, `${checks.reason === 'validate-failed' ? 'Validation' : 'Lint'} failed: ${failed.join('; ')}. See the annotations and the log groups above.`);
  }
  if (inputs.command === 'check') return;

  const git = readGitContext(process.env, workspace);
  const isPr = isPullRequest(git.eventName);
  if (inputs.command === 'apply' && isPr) {
    throw new UsageError(
      'command: apply is refused on pull_request events: a pull request is planned (command: plan) and reviewed, and applied after it is merged.',
    );
  }
  const dir = inputs['terraform-env-dir'] || roots.find((r) => basename(r) === inputs.environment);
  if (!dir) {
    throw new UsageError(
      `No Terraform folder for environment "${inputs.environment}": no root module is named ${inputs.environment} (found: ${roots.join(', ') || 'none'}). Set "terraform-env-dir".`,
    );
  }
  for (const entry of inputs['backend-config']) {
    const eq = entry.indexOf('=');
    if (eq > 0) core.setSecret(entry.slice(eq + 1));
  }
  const terraform = tools.terraform!.path;
  const tf = async (title: string, args: string[]) => {
    const result = await run(terraform, args, { cwd: join(workspace, dir), env: inDir(`env-${dir}`) });
    show(`${title} (${dir})`, result);
    return result;
  };
  const failOn = (result: ExecResult, reason: 'plan-failed' | 'apply-failed', what: string) => {
    const text = `${result.stderr}\n${result.stdout}`;
    const lock = parseLockError(text);
    if (lock) {
      report.lock = lock;
      throw new StageFailure('state-locked', `The state of ${dir} is locked${lock.who ? ` by ${lock.who}` : ''}${lock.operation ? ` (${lock.operation}` : ''}${lock.created ? `, since ${lock.created}` : ''}${lock.operation ? ')' : ''}${lock.id ? `, lock ID ${lock.id}` : ''}. Wait for that run, or release a stale lock with \`terraform force-unlock ${lock.id ?? '<ID>'}\`.`);
    }
    annotate(parseDiagnosticsText(text, dir, `terraform ${what}`));
    throw new StageFailure(reason, `terraform ${what} failed in ${dir}:\n${tail(result.stderr || result.stdout)}`);
  };

  const init = await tf('terraform init', initArgs(true, inputs['backend-config']));
  if (init.code) failOn(init, 'plan-failed', 'init');
  const planPath = join(temp, `shipkit-${inputs.environment}.tfplan`);
  const plan = await tf('terraform plan', planArgs(planPath, inputs['lock-timeout']));
  if (plan.code === 1) failOn(plan, 'plan-failed', 'plan');
  const showJson = await tf('terraform show -json', ['show', '-json', '-no-color', planPath]);
  if (showJson.code) failOn(showJson, 'plan-failed', 'show');
  const shown = await run(terraform, ['show', '-no-color', planPath], { cwd: join(workspace, dir), env: inDir(`env-${dir}`) });
  const summary = summarisePlan(showJson.stdout);
  report.plan = { ...summary, dir, text: shown.stdout, path: planPath };
  core.info(`Plan for ${dir}: ${summary.add} to add, ${summary.change} to change, ${summary.destroy} to destroy (sha256 ${summary.sha256})`);
  core.setOutput('plan-path', planPath);
  core.setOutput('plan-sha256', summary.sha256);
  core.setOutput('changes', String(summary.add + summary.change + summary.destroy > 0));
  core.setOutput('to-add', String(summary.add));
  core.setOutput('to-change', String(summary.change));
  core.setOutput('to-destroy', String(summary.destroy));

  if (inputs.command === 'plan') {
    if (isPr && git.prNumber) {
      const octokit = await client(inputs['github-token']);
      const runUrl = process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}/actions/runs/${process.env.GITHUB_RUN_ID}` : undefined;
      const body = planComment({ environment: inputs.environment, dir, ...summary, planText: shown.stdout, runUrl });
      const comment = await upsertPlanComment(octokit, repoFromEnv(), git.prNumber, inputs.environment, dir, body);
      core.info(`${comment.updated ? 'Updated' : 'Added'} the plan comment on pull request #${git.prNumber}`);
    }
    return;
  }

  // apply: only the plan that was reviewed
  if (!inputs['auto-approve']) {
    let expected = inputs['plan-sha256'];
    let from = 'the plan-sha256 input';
    if (!expected) {
      const octokit = await client(inputs['github-token']);
      const found = await reviewedPlanHash(octokit, repoFromEnv(), git.sha, inputs.environment, dir);
      if (!found.hash) {
        throw new StageFailure(
          'plan-changed',
          found.pr
            ? `Pull request #${found.pr} has no plan comment for ${inputs.environment} (${dir}), so there is no reviewed plan to apply. Run command: plan on its pull requests, pass plan-sha256, or set auto-approve: true.`
            : `No merged pull request brought ${git.sha.slice(0, 7)} here, so there is no reviewed plan to apply. Pass plan-sha256, or set auto-approve: true.`,
        );
      }
      expected = found.hash;
      from = `the plan comment on pull request #${found.pr}`;
    }
    report.reviewed = { hash: expected, from };
    if (expected !== summary.sha256) {
      throw new StageFailure(
        'plan-changed',
        `The plan differs from the reviewed one (${from}): reviewed sha256 ${expected}, now ${summary.sha256}. Nothing was applied. Re-plan and review again.`,
      );
    }
    core.info(`The plan matches the reviewed one (${from}).`);
  }
  const apply = await tf('terraform apply', applyArgs(planPath, inputs['lock-timeout']));
  if (apply.code) failOn(apply, 'apply-failed', 'apply');
  report.notes.push(`Applied ${dir}: ${summary.add} added, ${summary.change} changed, ${summary.destroy} destroyed.`);

  const deployed = await deployApplication(inputs, workspace, env, show);
  if (deployed) report.notes.push(deployed);
}

function findTools(inputs: Inputs, roots: string[]): Tools {
  const tools: Tools = {};
  const missing = (tool: string, why: string, fix: string) =>
    new UsageError(`${tool} is not on PATH, and ${why}. ${fix}`);
  const setupTools = 'Add `uses: shipkit/shipkit/actions/setup-tools@v1` before this step.';
  if (roots.length) {
    const path = findOnPath('terraform');
    if (!path) throw missing('terraform', `${roots.join(', ')} hold Terraform code`, setupTools);
    const out = spawnVersion(path, ['version']);
    const version = parseTerraformVersion(out);
    if (!version) throw new UsageError(`${path} does not look like terraform: \`terraform version\` printed "${out.split('\n')[0]}".`);
    tools.terraform = { path, version };
    tools.tflint = findOnPath('tflint');
  }
  if (inputs['packer-templates'].length) tools.packer = findOnPath('packer');
  if (inputs['ansible-playbooks'] || inputs['ansible-deploy-playbook']) {
    tools.ansiblePlaybook = findOnPath('ansible-playbook');
    tools.ansibleLint = findOnPath('ansible-lint');
    if (!tools.ansiblePlaybook || (inputs['ansible-playbooks'] && !tools.ansibleLint)) {
      throw missing(
        tools.ansiblePlaybook ? 'ansible-lint' : 'ansible-playbook',
        `"ansible-playbooks" or "ansible-deploy-playbook" is set`,
        'Install them before this step, e.g. `pip install ansible ansible-lint`.',
      );
    }
  }
  return tools;
}

function spawnVersion(path: string, args: string[]): string {
  try {
    return execFileSync(path, args, { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' }, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error: unknown) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

/** `.terraform.lock.hcl` as found, so a check leaves the working tree exactly as it was. */
function snapshotLockFiles(workspace: string, roots: string[]): { restore: () => void } {
  const saved = roots.map((dir) => {
    const path = join(workspace, dir, '.terraform.lock.hcl');
    return { path, content: existsSync(path) ? readFileSync(path) : undefined };
  });
  return {
    restore() {
      for (const { path, content } of saved) {
        if (content === undefined) rmSync(path, { force: true });
        else writeFileSync(path, content);
      }
    },
  };
}

function annotate(findings: Finding[]): void {
  for (const f of findings) {
    const props = { file: f.file, startLine: f.line, startColumn: f.column, title: f.title ?? f.tool };
    if (f.level === 'error') core.error(f.message, props);
    else if (f.level === 'warning') core.warning(f.message, props);
    else core.notice(f.message, props);
  }
}

async function writeSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const { inputs } = report;
  const parts = [`### deploy-stage: \`${inputs.environment}\`, ${inputs.command}`, ''];
  if (report.rows.length) {
    parts.push(markdownTable(['check', 'where', 'result', 'detail'], report.rows.map((r) => [r.check, r.where, r.result === 'failed' ? '**failed**' : r.result, r.detail])), '');
  }
  if (report.plan) {
    const p = report.plan;
    parts.push(`**Plan** for \`${p.dir}\`: ${p.add} to add, ${p.change} to change, ${p.destroy} to destroy (\`sha256:${p.sha256}\`)`, '');
    if (report.reviewed) parts.push(`Reviewed plan: \`sha256:${report.reviewed.hash}\` (${report.reviewed.from}) ${report.reviewed.hash === p.sha256 ? 'matches' : '**differs**'}`, '');
    parts.push('<details><summary>Plan</summary>', '', '```', p.text.trimEnd().slice(0, 60_000), '```', '', '</details>', '');
  }
  if (report.lock) {
    const l = report.lock;
    parts.push(`**State locked**: ID \`${l.id ?? '?'}\`, by ${l.who ?? '?'}, ${l.operation ?? ''}, since ${l.created ?? '?'}`, '');
  }
  parts.push(...report.notes);
  await core.summary.addRaw(`${parts.join('\n')}\n`).write();
}
