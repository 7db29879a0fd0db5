import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors.js';
import { forLog } from './log.js';

/**
 * The kit's one rule for paths that come from inputs or from the repository: they resolve inside
 * the workspace, after symlinks, or they are refused. A pull request can add `..` to an input or a
 * symlink to the tree; neither may make an action read or write outside the checkout.
 */

export interface InsidePath {
  /** Absolute path, as given (symlinks not resolved). */
  absolute: string;
  /** Relative to the workspace, with forward slashes; `.` for the workspace itself. */
  relative: string;
}

/**
 * The real path of `path`: every symlink resolved, also a dangling one (its target is where a write
 * would land), and the part that does not exist yet appended as written.
 */
export function realPathOf(path: string, depth = 0): string {
  const missing: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(realpathSync.native(current), ...missing.reverse());
    } catch {
      const link = readLink(current);
      if (link !== undefined && depth < 40) return realPathOf(join(resolve(dirname(current), link), ...missing.reverse()), depth + 1);
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      missing.push(current.slice(parent.length).replace(/^[\\/]+/, ''));
      current = parent;
    }
  }
}

function readLink(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/** True when `path` (after symlinks) is `root` or below it (after symlinks). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(realPathOf(root), realPathOf(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves an input's path against the workspace and refuses one that leaves it. `input` names the
 * input in the error, e.g. `Input "sarif-file"`, or any phrase (`The version file`).
 */
export function resolveInside(workspace: string, value: string, input: string): InsidePath {
  if (/[\0\r\n]/.test(value)) {
    throw new UsageError(`${label(input)} is ${forLog(value)}: a path cannot hold a line break or NUL.`);
  }
  const absolute = resolve(workspace, value);
  if (!isInside(workspace, absolute)) {
    throw new UsageError(
      `${label(input)} is ${forLog(value)}, which resolves to ${forLog(realPathOf(absolute))}, outside the workspace ${forLog(realPathOf(workspace))}. ` +
        'Paths are relative to the repository and must stay inside it (no "..", no absolute paths elsewhere, no symlinks pointing out).',
    );
  }
  return { absolute, relative: relative(workspace, absolute).split(sep).join('/') || '.' };
}

/**
 * A glob pattern from an input, relative to the workspace: an absolute pattern is accepted only
 * inside the workspace, and no `..` may lead out of it. Returns the pattern relative to the workspace.
 */
export function checkPattern(workspace: string, pattern: string, input: string): string {
  if (/[\0\r\n]/.test(pattern)) throw new UsageError(`${label(input)} has the pattern ${forLog(pattern)}: a pattern cannot hold a line break or NUL.`);
  let rel = pattern.replace(/\\/g, '/');
  if (isAbsolute(rel)) {
    const base = realPathOf(workspace).split(sep).join('/');
    const given = realPathOf(rel.replace(/[*?[].*$/, '') || '/').split(sep).join('/');
    if (given !== base && !given.startsWith(`${base}/`) && !rel.startsWith(`${workspace.split(sep).join('/')}/`)) {
      throw new UsageError(`${label(input)} has the pattern ${forLog(pattern)}, outside the workspace ${forLog(workspace)}: patterns are relative to the repository.`);
    }
    rel = posix.relative(workspace.split(sep).join('/'), rel) || '.';
  }
  const normal = posix.normalize(rel);
  if (normal === '..' || normal.startsWith('../')) {
    throw new UsageError(`${label(input)} has the pattern ${forLog(pattern)}, which leads out of the workspace: patterns are relative to the repository and stay inside it.`);
  }
  return normal;
}

function label(input: string): string {
  return /^[a-z0-9-]+$/.test(input) ? `Input "${input}"` : input;
}
