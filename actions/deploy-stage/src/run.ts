import { join } from 'node:path';
import * as core from '@actions/core';
import { run as runProcess, type ExecResult } from '../../../lib/exec.js';
import type { GitContext } from '../../../lib/git-context.js';
import { info } from '../../../lib/log.js';
import type { AnsibleConfig, RequirementsFile } from './ansible.js';
import type { Finding } from './findings.js';
import type { Repo } from './github.js';
import type { Inputs } from './inputs.js';
import type { PlanView } from './planjson.js';
import { moduleUsesCache } from './providers.js';
import type { LockInfo, PlanSummary } from './terraform.js';
import type { ExamplePlan, LockFileSnapshot } from './workspace.js';

/**
 * The one object the stages pass forward (check, plan, review, apply, deploy): what prepare()
 * worked out before the first side effect, the resources set up for the run, and the report.
 * Every path in it is relative to the repository root (GITHUB_WORKSPACE), with forward slashes,
 * unless its name says absolute.
 */
export interface Run {
  inputs: Inputs;
  /** GITHUB_WORKSPACE, absolute. */
  root: string;
  /** working-directory, relative to the root. */
  workdir: string;
  /** RUNNER_TEMP, absolute. */
  temp: string;
  /** The environment of every child process: the step's, without INPUT_* and the runner's tokens. */
  env: NodeJS.ProcessEnv;
  tools: Tools;
  examples: ExamplePlan;
  packer: PackerTarget[];
  terraformRoots: string[];
  /** Module folders no root holds, for `terraform fmt` only (workspace.ts terraformModuleDirs). */
  terraformModules: string[];
  ansible?: AnsiblePlan;
  /** From ansible-inventory: an absolute path or a host list (`a,b,`); undefined: the config's, else `localhost,`. */
  inventory?: string;
  /** The environment's root module, for plan and apply. */
  envDir?: string;
  deploy?: DeployPlan;
  git?: GitContext;
  repo?: Repo;
  report: Report;
  /** Set up by setUp() and removed by cleanUp() (and by the post step if main was killed). */
  resources: Resources;
  /** TF_PLUGIN_CACHE_DIR for terraform, kept across runs (providers.ts says when it is used). */
  providerCache?: string;
}

export interface Tools {
  /**
   * In a local check run (lib/local-run.ts), the tools that could not be had, with why: their checks
   * are reported "not run" instead of failing the step. Empty on a runner, where a missing tool fails.
   */
  unavailable: Partial<Record<ToolKey, string>>;
  terraform?: { path: string; version: [number, number, number] };
  tflint?: string;
  packer?: string;
  ansiblePlaybook?: string;
  ansibleLint?: string;
  ansibleGalaxy?: string;
  dockerMachine?: string;
}

export type ToolKey = 'terraform' | 'tflint' | 'packer' | 'ansible-playbook' | 'ansible-lint' | 'ansible-galaxy';

export interface PackerTarget {
  /** A JSON template, or with `folder` the folder of HCL2 templates, which packer reads as one. */
  template: string;
  folder?: boolean;
  /** The folder packer runs in. */
  cwd: string;
  varFiles: string[];
}

/** How a target reads in rows and messages: a folder of HCL2 templates as `dir/*.pkr.hcl`. */
export function packerWhere(target: PackerTarget): string {
  return target.folder ? `${target.template === '.' ? '' : `${target.template}/`}*.pkr.hcl` : target.template;
}

export interface AnsibleGroup {
  /** The config that governs these playbooks; none: ansible's defaults. */
  config?: AnsibleConfig;
  /** The folder ansible runs in: the config's, else working-directory. */
  cwd: string;
  playbooks: string[];
}

export interface AnsiblePlan {
  patterns: string[];
  groups: AnsibleGroup[];
  requirements: RequirementsFile[];
  /** Absolute path of ansible-lint-config. */
  lintConfig?: string;
}

export type DeployPlan =
  | { kind: 'ansible'; playbook: string; group: AnsibleGroup }
  | { kind: 'compose'; file: string; host: string; machine: boolean; createArgs: string[]; env: [string, string][]; compose?: string[] };

export interface Row {
  check: string;
  where: string;
  result: 'passed' | 'failed' | 'skipped' | 'not run';
  detail: string;
}

/** Rows the stage cannot run because a tool is missing (a local check run only): counted, never failed. */
export function notRunRows(run: Run, checks: string[], where: string, detail: string): void {
  for (const check of checks) run.report.rows.push({ check, where, result: 'not run', detail });
}

export interface Report {
  rows: Row[];
  findings: Finding[];
  /** Which checks failed, for failure-reason. */
  failed: Set<'validate' | 'lint' | 'requirements'>;
  /** One line per ansible group: where ansible ran and with which config. */
  ansible: string[];
  /** The environment's plan: counts and hash, the view rendered from its JSON, the text with sensitive values taken out. */
  plan?: PlanSummary & { dir: string; text: string; view: PlanView };
  /** command: drift: what was found, the issue, and the rendered body. */
  drift?: DriftReport;
  reviewed?: { hash: string; from: string };
  lock?: LockInfo;
  notes: string[];
}

/** drifted: a new issue; still-drifted: its issue updated; back-in-sync: its issue closed; in-sync: nothing to say. */
export type DriftStatus = 'drifted' | 'still-drifted' | 'back-in-sync' | 'in-sync';

export interface DriftReport {
  status: DriftStatus;
  issue?: { number: number; url?: string };
  /** The issue body, for the step summary too. */
  body: string;
}

export interface Resources {
  /** The run's private folder (0700) under RUNNER_TEMP: secrets, terraform data, Galaxy installs, the plan. */
  dir?: string;
  vaultFile?: string;
  /**
   * Without ansible-vault-password, a stand-in password file for configs whose vault_password_file
   * is not in the checkout (ansible refuses to start without it, vaulted data or not).
   */
  vaultPlaceholder?: string;
  /** terraform-vars, for `-var-file` of plan (0600, in the private folder). */
  varFile?: string;
  galaxyRoles?: string;
  galaxyCollections?: string;
  /** .example copies made for the run (repository-relative). */
  placed: string[];
  lockFiles?: LockFileSnapshot;
  planFile?: string;
}

/** Shows a finished command and its output, grouped. Output is outside text: lib/log fences it. */
export function show(title: string, result: ExecResult): void {
  core.startGroup(`${title}${result.code ? ` (exit ${result.code})` : ''}`);
  info(`$ ${result.shown}`);
  if (result.stdout.trim()) info(result.stdout.trimEnd());
  if (result.stderr.trim()) info(result.stderr.trimEnd());
  core.endGroup();
}

/** Runs a tool in a repository folder and shows its result: the one way the stages run commands. */
export async function exec(run: Run, title: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = run.env): Promise<ExecResult> {
  const result = await runProcess(command, args, { cwd: join(run.root, cwd), env });
  show(title, result);
  return result;
}

/** A row for the summary, with its findings; a failed row marks its kind of check as failed. */
export function record(run: Run, row: Row, kind: 'validate' | 'lint' | 'requirements', findings: Finding[] = []): void {
  run.report.rows.push(row);
  run.report.findings.push(...findings);
  if (row.result === 'failed') run.report.failed.add(kind);
}

/** The row of a finished check: passed or failed, counting what the tool found. */
export function checkRow(check: string, where: string, ok: boolean, found: Finding[], fallback: string): Row {
  const errors = found.filter((f) => f.level === 'error').length;
  const warnings = found.length - errors;
  return {
    check,
    where,
    result: ok ? 'passed' : 'failed',
    detail: ok ? (warnings ? `${warnings} warning(s)` : '') : errors ? `${errors} error(s)` : fallback,
  };
}

/**
 * The terraform environment for one module folder: its own TF_DATA_DIR in the run's private folder,
 * and the provider cache where terraform can check what it takes from it (providers.ts).
 */
export function terraformEnv(run: Run, dir: string, purpose: 'check' | 'env'): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...run.env, TF_DATA_DIR: join(run.resources.dir!, 'terraform', `${purpose}-${dir.replace(/[^\w.-]+/g, '_')}`) };
  const version = run.tools.terraform?.version;
  if (run.providerCache && version) {
    // whether the module had a lock file when the run began: one that init wrote for this run was not reviewed
    const found = run.resources.lockFiles?.find((f) => f.path === join(run.root, dir, '.terraform.lock.hcl'));
    if (moduleUsesCache(version, Boolean(found && found.kind !== 'absent'))) env.TF_PLUGIN_CACHE_DIR = run.providerCache;
  }
  return env;
}
