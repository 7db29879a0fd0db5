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

/** The folder's real path, by which a walk knows a folder it has already been in. */
function realDir(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
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
  // `**` enters each real folder once (per place in the pattern): a link back up cannot loop, and
  // links between folders cannot multiply the walk. Links are followed after the tree itself, so a
  // folder is found by its own path when it has one.
  const entered = new Set<string>();
  const links: [string, number][] = [];
  const walk = (rel: string, i: number) => {
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
      const real = realDir(join(root, rel));
      if (!real || entered.has(`${i}\0${real}`)) return;
      entered.add(`${i}\0${real}`);
      walk(rel, i + 1);
      for (const e of entries) {
        if (skipped(e) || kindOf(root, join(root, rel, e)) !== 'dir') continue;
        const child = rel ? `${rel}/${e}` : e;
        if (isLink(join(root, child))) links.push([child, i]);
        else walk(child, i);
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
  for (let next = links.shift(); next; next = links.shift()) walk(...next);
  return [...found].sort();
}

export function globDirs(root: string, pattern: string): string[] {
  return glob(root, pattern, 'dir');
}

export function globFiles(root: string, pattern: string): string[] {
  return glob(root, pattern, 'file');
}

/**
 * Every folder under `root` (itself included) for which `accept` says yes; wildcard rules apply.
 * Each real folder is visited once, by its own path when it has one (links are followed after the
 * tree itself), so neither a link back up (`x -> .`) nor links between folders can loop or repeat.
 */
export function findDirs(root: string, accept: (rel: string, entries: string[]) => boolean): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const links: string[] = [];
  const walk = (rel: string) => {
    const real = realDir(join(root, rel));
    if (!real || visited.has(real)) return;
    visited.add(real);
    const entries = readdirSync(join(root, rel));
    if (accept(rel || '.', entries)) found.push(rel || '.');
    for (const e of entries) {
      if (skipped(e) || kindOf(root, join(root, rel, e)) !== 'dir') continue;
      const child = rel ? `${rel}/${e}` : e;
      if (isLink(join(root, child))) links.push(child);
      else walk(child);
    }
  };
  walk('');
  for (let next = links.shift(); next !== undefined; next = links.shift()) walk(next);
  return found.sort();
}
