import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';

/**
 * The runner's tool cache, in @actions/tool-cache's layout (`<root>/<tool>/<version>/<arch>` plus an
 * `<arch>.complete` marker) so `tc.find` and other actions see our entries. Writing is our own:
 * `tc.cacheDir` deletes the destination and copies into it in place, so two jobs sharing a cache
 * (self-hosted runners) can interleave and leave a half-written tool. Here an entry is staged in
 * a private folder next to its final place and renamed in whole; the loser of a race keeps the
 * winner's entry.
 */

/** Written beside the binary when it was verified; a cache hit is checked against it. */
export interface CacheRecord {
  tool: string;
  version: string;
  binary: string;
  /** SHA-256 of the installed executable. */
  sha256: string;
  asset: string;
  source: string;
  verifiedBy: string;
  /** File identity when recorded: an unchanged inode, size, mtime and ctime skips re-hashing. */
  stamp: Stamp;
}

interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

const RECORD = '.shipkit.json';

export interface CacheHit {
  dir: string;
  binaryPath: string;
  record: CacheRecord;
  /** True when the stamp differed and the binary was hashed again. */
  rehashed: boolean;
}

export type Lookup = { hit: CacheHit } | { miss: 'absent' | 'foreign' | 'tampered'; detail?: string };

export function cacheRoot(): string {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root) throw new Error('RUNNER_TOOL_CACHE is not set: the runner (or `shipkit run`) sets it.');
  return root;
}

async function stampOf(path: string): Promise<Stamp> {
  const s = await stat(path);
  return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function lookup(tool: string, version: string, arch: string): Promise<Lookup> {
  const dir = tc.find(tool, version, arch);
  if (!dir) return { miss: 'absent' };
  let record: CacheRecord;
  try {
    record = JSON.parse(await readFile(join(dir, RECORD), 'utf8')) as CacheRecord;
  } catch {
    return { miss: 'foreign', detail: `${dir} was cached without a shipkit record` };
  }
  const binaryPath = join(dir, record.binary);
  let stamp: Stamp;
  try {
    stamp = await stampOf(binaryPath);
  } catch {
    return { miss: 'tampered', detail: `${binaryPath} is missing` };
  }
  if (sameStamp(stamp, record.stamp)) return { hit: { dir, binaryPath, record, rehashed: false } };
  // Restored from an archive, copied, or touched: prove the content is still what was verified.
  const actual = await sha256File(binaryPath);
  if (actual !== record.sha256) {
    return { miss: 'tampered', detail: `${binaryPath} has sha256 ${actual}, but ${record.sha256} was verified` };
  }
  const refreshed = { ...record, stamp };
  await writeFile(join(dir, RECORD), JSON.stringify(refreshed, null, 2)).catch(() => undefined);
  return { hit: { dir, binaryPath, record: refreshed, rehashed: true } };
}

/** A private folder on the cache's own file system, to build an entry in before it goes live. */
export async function stagingDir(tool: string, version: string, arch: string): Promise<string> {
  const dir = join(cacheRoot(), tool, version, `.${arch}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Moves a verified staging folder into place. Returns the live folder, which may be another job's
 * equally verified entry when that job won the race.
 */
export async function commit(
  staging: string,
  record: Omit<CacheRecord, 'stamp'>,
  arch: string,
): Promise<string> {
  const stamp = await stampOf(join(staging, record.binary));
  await writeFile(join(staging, RECORD), JSON.stringify({ ...record, stamp }, null, 2));
  const dir = join(cacheRoot(), record.tool, record.version, arch);
  try {
    await rename(staging, dir);
  } catch (error: unknown) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
    const existing = await lookup(record.tool, record.version, arch);
    if ('hit' in existing && existing.hit.record.sha256 === record.sha256) {
      await rm(staging, { recursive: true, force: true });
      return existing.hit.dir;
    }
    // A foreign, broken or half-written entry: move it aside in one step, then take its place.
    const aside = `${dir}.replaced-${randomBytes(4).toString('hex')}`;
    await rename(dir, aside).catch(() => undefined);
    await rename(staging, dir);
    void rm(aside, { recursive: true, force: true });
  }
  await writeFile(`${dir}.complete`, '');
  return dir;
}

