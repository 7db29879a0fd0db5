import { posix } from 'node:path';
import type { PackerTarget } from './run.js';

/** argv of packer and the ansible tools, pure. Paths are repository-relative unless absolute. */

/** A path as seen from the folder a tool runs in. */
export function from(cwd: string, path: string): string {
  return posix.isAbsolute(path) ? path : posix.relative(cwd === '.' ? '' : cwd, path === '.' ? '' : path) || '.';
}

export function packerValidateArgs(target: PackerTarget): string[] {
  return ['validate', ...target.varFiles.map((f) => `-var-file=${from(target.cwd, f)}`), from(target.cwd, target.template)];
}

export interface PlaybookRun {
  cwd: string;
  playbook: string;
  /** A path (absolute) or a host list; none: the config's inventory. */
  inventory?: string;
  /** Absolute path of the private password file. */
  vaultFile?: string;
}

export function syntaxCheckArgs(run: PlaybookRun): string[] {
  return ['--syntax-check', ...playbookArgs(run)];
}

export function playbookArgs({ cwd, playbook, inventory, vaultFile }: PlaybookRun): string[] {
  return [...(inventory ? ['-i', inventory] : []), ...(vaultFile ? ['--vault-password-file', vaultFile] : []), from(cwd, playbook)];
}

export function ansibleLintArgs(cwd: string, playbooks: string[], config?: string): string[] {
  return ['-p', '--nocolor', '--offline', ...(config ? ['-c', config] : []), ...playbooks.map((p) => from(cwd, p))];
}

export function galaxyInstallArgs(kind: 'role' | 'collection', requirements: string, into: string): string[] {
  return [kind, 'install', '-r', requirements, '-p', into];
}
