import { UsageError } from './errors.js';
import { isHttpUrl } from './inputs.js';

export interface Mirror {
  upstream: string;
  mirror: string;
}

function normalisePrefix(prefix: string): string {
  return prefix.replace(/\/+$/, '');
}


/** Parses `UPSTREAM_PREFIX=MIRROR_PREFIX` lines (the `mirrors` input). */
export function parseMirrors(lines: string[], inputName = 'mirrors'): Mirror[] {
  return lines.map((line) => {
    const eq = line.indexOf('=');
    const upstream = normalisePrefix(eq > 0 ? line.slice(0, eq).trim() : '');
    const mirror = normalisePrefix(eq > 0 ? line.slice(eq + 1).trim() : '');
    if (!isHttpUrl(upstream) || !isHttpUrl(mirror)) {
      throw new UsageError(
        `Input "${inputName}" has the line "${line}": expected UPSTREAM_PREFIX=MIRROR_PREFIX with two http(s) URLs, ` +
          'e.g. https://releases.hashicorp.com=https://artifacts.example/hashicorp.',
      );
    }
    return { upstream, mirror };
  });
}

/**
 * Rewrites an upstream URL through the longest matching mirror prefix. A prefix matches whole path
 * segments only, so `https://github.com/docker` does not capture `https://github.com/dockerx`.
 */
export function mapUrl(url: string, mirrors: readonly Mirror[]): string {
  let best: Mirror | undefined;
  for (const m of mirrors) {
    const matches = url === m.upstream || url.startsWith(`${m.upstream}/`) || url.startsWith(`${m.upstream}?`);
    if (matches && (!best || m.upstream.length > best.upstream.length)) best = m;
  }
  return best ? best.mirror + url.slice(best.upstream.length) : url;
}
