import { readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

function segmentRegex(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Folders under `root` matching a slash-separated pattern: `*` and `?` within a segment, `**` for
 * any depth. Hidden folders and node_modules are not entered by wildcards. Sorted, relative, posix.
 */
export function globDirs(root: string, pattern: string): string[] {
  const segments = posix.normalize(pattern.replace(/\\/g, '/')).replace(/^\.\/|\/$/g, '').split('/').filter(Boolean);
  const found = new Set<string>();
  const walk = (rel: string, i: number) => {
    if (i === segments.length) {
      if (isDir(join(root, rel))) found.add(rel || '.');
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
    const children = entries.filter((e) => !e.startsWith('.') && e !== 'node_modules' && isDir(join(root, rel, e)));
    if (segment === '**') {
      walk(rel, i + 1);
      for (const child of children) walk(rel ? `${rel}/${child}` : child, i);
      return;
    }
    const re = segmentRegex(segment);
    for (const child of children) if (re.test(child)) walk(rel ? `${rel}/${child}` : child, i + 1);
  };
  walk('', 0);
  return [...found].sort();
}
