import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isInside } from './paths.js';

function segmentRegex(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/** What `path` is; a symlink counts only when it points inside `root` (after every link). */
function kindOf(root: string, path: string): 'dir' | 'file' | undefined {
  try {
    if (lstatSync(path).isSymbolicLink() && !isInside(root, path)) return undefined;
    const s = statSync(path);
    return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** The folder's real path: a symlink to one of the folders a walk is inside of would make it loop. */
function realDir(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Folders a wildcard never enters: hidden ones (.git, .terraform), node_modules. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Paths under `root` matching a slash-separated pattern: `*` and `?` within a segment, `**` for
 * any depth. Sorted, relative, with forward slashes. Nothing outside `root` is ever returned: not
 * through `..`, not through a symlink (check the pattern itself with `checkPattern` to say why).
 */
export function glob(root: string, pattern: string, kind: 'dir' | 'file'): string[] {
  const segments = posix.normalize(pattern.replace(/\\/g, '/')).replace(/^\.\/|\/$/g, '').split('/').filter(Boolean);
  if (segments.includes('..')) return [];
  const found = new Set<string>();
  // `inside`: the real paths of the folders `**` has entered on the way here (a link back to one is a loop)
  const walk = (rel: string, i: number, inside: readonly string[] = []) => {
    if (i === segments.length) {
      if (kindOf(root, join(root, rel)) === kind && isInside(root, join(root, rel))) found.add(rel || '.');
      return;
    }
    const segment = segments[i]!;
    if (!/[*?]/.test(segment)) {
      walk(rel ? `${rel}/${segment}` : segment, i + 1);
      return;
    }
    let entries: string[];
    try {
      entries = readdirSync(join(root, rel));
    } catch {
      return;
    }
    const last = i === segments.length - 1;
    if (segment === '**') {
      walk(rel, i + 1);
      const here = [...inside, realDir(join(root, rel)) ?? ''];
      for (const e of entries) {
        if (skipped(e) || kindOf(root, join(root, rel, e)) !== 'dir') continue;
        const real = realDir(join(root, rel, e));
        if (real && !here.includes(real)) walk(rel ? `${rel}/${e}` : e, i, here);
      }
      return;
    }
    const re = segmentRegex(segment);
    for (const e of entries) {
      if (skipped(e) || !re.test(e)) continue;
      const k = kindOf(root, join(root, rel, e));
      if (k === 'dir' || (last && k === kind)) walk(rel ? `${rel}/${e}` : e, i + 1);
    }
  };
  walk('', 0);
  return [...found].sort();
}

export function globDirs(root: string, pattern: string): string[] {
  return glob(root, pattern, 'dir');
}

export function globFiles(root: string, pattern: string): string[] {
  return glob(root, pattern, 'file');
}

/** Every folder under `root` (itself included) for which `accept` says yes; wildcard rules apply. */
export function findDirs(root: string, accept: (rel: string, entries: string[]) => boolean): string[] {
  const found: string[] = [];
  // `inside`: the real paths of the folders above; a symlink back to one of them (`x -> .`) is not entered
  const walk = (rel: string, inside: readonly string[]) => {
    const entries = readdirSync(join(root, rel));
    if (accept(rel || '.', entries)) found.push(rel || '.');
    for (const e of entries) {
      if (skipped(e) || kindOf(root, join(root, rel, e)) !== 'dir') continue;
      const real = realDir(join(root, rel, e));
      if (real && !inside.includes(real)) walk(rel ? `${rel}/${e}` : e, [...inside, real]);
    }
  };
  walk('', [realDir(root) ?? root]);
  return found.sort();
}
