import { constants, copyFileSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { findDirs, globFiles } from '../../../lib/glob.js';

/**
 * The working tree, read and restored. A pull request controls every file and link in it, so
 * nothing here follows a symlink it did not check: `.example` copies are neither made from one
 * nor written through one, and what is restored or removed is exactly what was found or made.
 */

export interface ExamplePlan {
  /** Copies to make, repository-relative: `source` is `target` + `.example`. */
  copies: { source: string; target: string }[];
  /** Why a copy is not made, one warning each. */
  skipped: string[];
}

function lstat(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const under = (dir: string, rel: string) => (dir === '.' ? rel : rel === '.' ? dir : `${dir}/${rel}`);

/**
 * What the seed's before_script did ("fake variables"): every `X.example` under `workdir` whose `X`
 * is missing is copied into place for the run. Worked out before anything is written; a link on
 * either side is skipped with a warning.
 */
export function planExampleFiles(root: string, workdir: string): ExamplePlan {
  const plan: ExamplePlan = { copies: [], skipped: [] };
  for (const dir of findDirs(join(root, workdir), () => true)) {
    const folder = under(workdir, dir);
    for (const name of readdirSync(join(root, folder)).sort()) {
      if (!name.endsWith('.example') || name === '.example') continue;
      const source = under(folder, name);
      const target = source.slice(0, -'.example'.length);
      const from = lstat(join(root, source));
      if (from?.isSymbolicLink()) {
        plan.skipped.push(`Not copying ${source}: it is a symlink, and .example copies are made only from files in the repository.`);
        continue;
      }
      if (!from?.isFile()) continue;
      const to = lstat(join(root, target));
      if (to?.isSymbolicLink()) {
        plan.skipped.push(`Not copying ${source} onto ${target}: ${target} is a symlink, and .example copies never write through one.`);
        continue;
      }
      if (!to) plan.copies.push({ source, target });
    }
  }
  return plan;
}

/**
 * Makes the planned copies. COPYFILE_EXCL creates the target with O_EXCL, which fails on anything
 * already there, a dangling symlink included: a link that appeared since the plan is not followed.
 * Returns the copies made.
 */
export function placeExampleFiles(root: string, plan: ExamplePlan, onPlaced: (placed: string[]) => void): string[] {
  const placed: string[] = [];
  for (const { source, target } of plan.copies) {
    try {
      copyFileSync(join(root, source), join(root, target), constants.COPYFILE_EXCL);
    } catch {
      continue;
    }
    placed.push(target);
    onPlaced(placed);
  }
  return placed;
}

/** Removes the copies made; a copy replaced by a link meanwhile goes as a link (rm never follows it). */
export function removePlaced(root: string, placed: readonly string[]): void {
  for (const rel of placed) rmSync(join(root, rel), { force: true });
}

/** Root modules under `workdir`: folders holding `*.tf` that are not under a `modules/` folder. */
export function terraformRoots(root: string, workdir: string): string[] {
  return findDirs(join(root, workdir), (rel, entries) => entries.some((e) => e.endsWith('.tf')) && !rel.split('/').includes('modules')).map((rel) => under(workdir, rel));
}

/** `path` is `dir` or inside it (both repository-relative, forward slashes). */
export function isUnder(path: string, dir: string): boolean {
  return dir === '.' || path === dir || path.startsWith(`${dir}/`);
}

/**
 * Module folders (`*.tf` under a `modules/` folder) that no root module holds: `terraform fmt
 * -recursive` from the roots never reaches them (`infra/modules/x` beside `infra/stage`). The
 * top-most of each tree only, since fmt recurses from it.
 */
export function terraformModuleDirs(root: string, workdir: string, roots: readonly string[]): string[] {
  const modules = findDirs(join(root, workdir), (rel, entries) => entries.some((e) => e.endsWith('.tf')) && rel.split('/').includes('modules')).map((rel) => under(workdir, rel));
  const outside = modules.filter((m) => !roots.some((r) => isUnder(m, r)));
  return outside.filter((m) => !outside.some((other) => other !== m && isUnder(m, other)));
}

/** True when the JSON file is a Packer template (has `builders`), not a var file beside one. */
export function isPackerTemplate(root: string, file: string): boolean {
  if (!file.endsWith('.json')) return true;
  try {
    const parsed = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
    return Boolean(parsed && typeof parsed === 'object' && 'builders' in parsed);
  } catch {
    return true; // not JSON: packer validate will say so
  }
}

/** Packer templates a repository-relative pattern matches. */
export function packerTemplates(root: string, pattern: string): string[] {
  return globFiles(root, pattern).filter((file) => isPackerTemplate(root, file));
}

/** `.terraform.lock.hcl` of each folder as found (content, link or absent), to put back after the run. */
export type LockFileSnapshot = { path: string; kind: 'absent' | 'file' | 'link'; content?: Buffer; target?: string }[];

export function snapshotLockFiles(root: string, dirs: readonly string[]): LockFileSnapshot {
  return dirs.map((dir) => {
    const path = join(root, dir, '.terraform.lock.hcl');
    const stat = lstat(path);
    if (stat?.isSymbolicLink()) return { path, kind: 'link', target: readlinkSync(path) };
    if (stat?.isFile()) return { path, kind: 'file', content: readFileSync(path) };
    return { path, kind: 'absent' };
  });
}

/** Puts every lock file back as it was: removed first (never written through a link), then recreated. */
export function restoreLockFiles(snapshot: LockFileSnapshot): void {
  for (const entry of snapshot) {
    const now = lstat(entry.path);
    const same =
      (entry.kind === 'absent' && !now) ||
      (entry.kind === 'link' && now?.isSymbolicLink() && readlinkSync(entry.path) === entry.target) ||
      (entry.kind === 'file' && now?.isFile() && readFileSync(entry.path).equals(entry.content!));
    if (same) continue;
    rmSync(entry.path, { force: true });
    if (entry.kind === 'file') writeFileSync(entry.path, entry.content!, { flag: 'wx' });
    if (entry.kind === 'link') symlinkSync(entry.target!, entry.path);
  }
}
