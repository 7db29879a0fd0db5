import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { findDirs, globFiles } from '../../../lib/glob.js';

/**
 * What the seed's before_script did: every `X.example` whose `X` is missing is copied into place
 * ("fake variables"). Returns the copies made, so they can be removed again afterwards.
 */
export function placeExampleFiles(workspace: string): string[] {
  const placed: string[] = [];
  for (const dir of findDirs(workspace, () => true)) {
    for (const name of readdirSync(join(workspace, dir))) {
      if (!name.endsWith('.example') || name === '.example') continue;
      const source = join(workspace, dir, name);
      const target = source.slice(0, -'.example'.length);
      if (statSync(source).isFile() && !existsSync(target)) {
        copyFileSync(source, target);
        placed.push(posix.join(dir === '.' ? '' : dir, basename(target)));
      }
    }
  }
  return placed;
}

export function removePlaced(workspace: string, placed: string[]): void {
  for (const rel of placed) rmSync(join(workspace, rel), { force: true });
}

/** Root modules: folders holding `*.tf` that are not under a `modules/` folder. */
export function terraformRoots(workspace: string): string[] {
  return findDirs(workspace, (rel, entries) => entries.some((e) => e.endsWith('.tf')) && !rel.split('/').includes('modules'));
}

/**
 * Packer templates matching the patterns. A `.json` match must have `builders` at its top level,
 * so var files (`variables.json`) beside templates are not taken for templates.
 */
export function packerTemplates(workspace: string, patterns: string[]): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const file of globFiles(workspace, pattern)) {
      if (file.endsWith('.json')) {
        try {
          const parsed = JSON.parse(readFileSync(join(workspace, file), 'utf8')) as Record<string, unknown>;
          if (!parsed || !('builders' in parsed)) continue;
        } catch {
          // Not JSON: packer validate will say so.
        }
      }
      found.add(file);
    }
  }
  return [...found].sort();
}

/**
 * Where packer runs for a template: the folder above `packer/` (the seed's layout, whose templates
 * name provisioner files relative to it), else the template's own folder.
 */
export function packerWorkingDir(template: string): string {
  const dir = posix.dirname(template);
  return basename(dir) === 'packer' ? posix.dirname(dir) : dir;
}

/**
 * Var files for a template: the `packer-var-files` entries in its folder, or by default the
 * `variables.json` beside a JSON template.
 */
export function packerVarFiles(workspace: string, template: string, configured: string[]): string[] {
  const dir = posix.dirname(template);
  if (configured.length) return configured.filter((f) => posix.dirname(f) === dir);
  const beside = posix.join(dir, 'variables.json');
  return template.endsWith('.json') && existsSync(join(workspace, beside)) ? [beside] : [];
}
