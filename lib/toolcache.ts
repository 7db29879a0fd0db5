import { createHash, randomBytes } from 'node:crypto';
import { constants, lstatSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { lstat, mkdir, open, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ToolError } from './errors.js';

/**
 * The runner's tool cache, in @actions/tool-cache's layout (`<root>/<tool>/<version>/<arch>` plus an
 * `<arch>.complete` marker) so other actions' `tc.find` sees shipkit's entries.
 *
 * Trust. Whoever can write the tool cache (a job on a shared self-hosted runner, a cache restored
 * from an archive) can write the binary, the record beside it and anything else in the entry. So
 * the record only says what was observed when the entry was verified; what a hit must satisfy is
 * computed afresh on every run from what the cache cannot hold: the `checksums` input, the digests
 * embedded in shipkit, and the configured HashiCorp key (an `Expectation`). An entry is kept as
 * evidence: the verified archive (for zips) and the signed SHA256SUMS with its signature.
 *
 * - Fast path (every warm run): the record must describe this very entry (tool, version, arch,
 *   binary and asset names are computed, never read from it: no `../..` can steer a path), its
 *   asset digest must equal every pin and embedded digest, its checksum file must have been verified
 *   with the key configured now, the binary's identity (device, inode, size, mtime and ctime in ns)
 *   must be the one recorded, and the folder, which goes on PATH, must hold nothing but the binary
 *   and the evidence. A copy, a restore from an archive or any edit gives the file a new inode or
 *   ctime, which cannot be set back; only stat() calls and small reads, no hashing.
 * - Recheck (identity or claim changed, or something beside the binary): the entry is proved again
 *   like a cold install, from the evidence rather than the network (lib/tools/recheck.ts): the
 *   archive is hashed against pins, embedded digests and the checksum file (a signed one re-verified
 *   with the configured key, an unsigned one fetched again, as cold does), and the binary must be
 *   byte for byte the archive's. Nothing the record claims is believed; only then are other files
 *   removed from the folder and the record rewritten with the new identity.
 * - What the fast path cannot stop: a process that rewrites the binary and then the recorded
 *   identity to match. On a GitHub-hosted runner only the job's own steps can, and they can as well
 *   rewrite PATH or the runner. A self-hosted runner's cache outlives the job (and is often shared
 *   by runners on one volume), so there `cache-verification` defaults to `always`, which proves
 *   every entry from its evidence on every run (lib/tools/context.ts cacheVerificationFor).
 * - A job that downloads and verifies a tool never trades its copy for an entry that appeared in
 *   the meantime unless that entry's binary hashes the same (commit()).
 */

export interface Stamp {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

export interface KeyRef {
  fingerprint: string;
  /** SHA-256 of the dearmored key block that verified the signature. */
  blockSha256: string;
}

export interface CacheRecord {
  schema: 2;
  tool: string;
  version: string;
  arch: string;
  /** Executable file name, in the entry's folder. */
  binary: string;
  asset: { name: string; sha256: string; url: string; archive: 'zip' | 'raw' };
  /** SHA-256 of the executable. */
  binarySha256: string;
  /** The checksum file the asset was found in; a signed one is kept in the entry with its signature. */
  checksumFile?: { name: string; label: string; signature?: string; key?: KeyRef };
  /** No digest from any source: installed with allow-unverified. */
  unverified: boolean;
  /** How it was verified, for the log and the summary. */
  verifiedBy: string;
  stamp: Stamp;
}

/** What an entry must satisfy on this run, from sources outside the cache. */
export interface Expectation {
  tool: string;
  version: string;
  arch: string;
  binary: string;
  asset: string;
  archive: 'zip' | 'raw';
  /** Digests of the asset from the `checksums` input and shipkit's embedded table; `label` for the summary. */
  digests: { digest: string; from: string; label: string }[];
  /** The key a signed checksum file must be verified with, when the tool's file is signed. */
  key?: KeyRef;
  allowUnverified: boolean;
}

export interface Entry {
  dir: string;
  binaryPath: string;
  /** `.shipkit` folder: the record and the evidence. */
  evidence: string;
  record?: CacheRecord;
}

export type Inspection =
  | { state: 'absent' }
  | { state: 'hit'; entry: Entry & { record: CacheRecord } }
  | { state: 'recheck'; entry: Entry & { record: CacheRecord }; why: string }
  | { state: 'unusable'; entry: Entry; why: string };

export const EVIDENCE = '.shipkit';
const RECORD = 'record.json';
/** Far above any record shipkit writes; a bigger file is not read. */
const MAX_RECORD_BYTES = 64 * 1024;

export function cacheRoot(): string {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root) throw new ToolError('RUNNER_TOOL_CACHE is not set: the runner (or `shipkit run`) sets it.');
  return root;
}

export function entryOf(expect: Pick<Expectation, 'tool' | 'version' | 'arch' | 'binary'>): Entry {
  const dir = join(cacheRoot(), expect.tool, expect.version, expect.arch);
  return { dir, binaryPath: join(dir, expect.binary), evidence: join(dir, EVIDENCE) };
}

export function stampOf(path: string): Stamp {
  const s = statSync(path, { bigint: true });
  return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs) };
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/**
 * What else is in an entry's folder. The folder goes on PATH, so anything beside the binary would
 * be found there ahead of the runner's own tools (a `git`, a `docker`), and terraform 0.12 and
 * packer load plugins from their binary's folder: an entry holds the binary and `.shipkit`, nothing else.
 */
export function foreignFiles(entry: Pick<Entry, 'dir' | 'binaryPath'>): string[] {
  const binary = basename(entry.binaryPath);
  return readdirSync(entry.dir).filter((name) => name !== binary && name !== EVIDENCE);
}

export function describeForeign(names: string[]): string {
  const shown = names.slice(0, 5).map((name) => JSON.stringify(name)).join(', ');
  return `${names.length === 1 ? 'a file' : `${names.length} files`} shipkit did not put there (${shown}${names.length > 5 ? ', ...' : ''})`;
}

/** Deletes what foreignFiles() found (a folder with all it holds; a symlink, not its target). */
export async function removeForeign(entry: Pick<Entry, 'dir' | 'binaryPath'>): Promise<string[]> {
  const names = foreignFiles(entry);
  for (const name of names) await rm(join(entry.dir, name), { recursive: true, force: true });
  return names;
}

/**
 * Reads through one reused 1 MiB buffer: a read stream's fresh 64 KiB chunks cost twice the CPU in
 * allocation and garbage collection, and `cache-verification: always` hashes every entry on every run.
 */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (!bytesRead) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

const HEX64 = /^[0-9a-f]{64}$/;

/** The record, if it is one shipkit wrote in this format; undefined for anything else. */
export function parseRecord(text: string): CacheRecord | undefined {
  let r: unknown;
  try {
    r = JSON.parse(text);
  } catch {
    return undefined;
  }
  const o = r as Partial<CacheRecord> | null;
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (!o || typeof o !== 'object' || o.schema !== 2) return undefined;
  if (![o.tool, o.version, o.arch, o.binary, o.verifiedBy].every(str)) return undefined;
  const a = o.asset;
  if (!a || !str(a.name) || !str(a.url) || !HEX64.test(String(a.sha256)) || (a.archive !== 'zip' && a.archive !== 'raw')) return undefined;
  if (!HEX64.test(String(o.binarySha256)) || typeof o.unverified !== 'boolean') return undefined;
  const s = o.stamp;
  if (!s || ![s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].every(str)) return undefined;
  const c = o.checksumFile;
  if (c !== undefined && (!str(c.name) || !str(c.label))) return undefined;
  return o as CacheRecord;
}

/** Why the record's claims do not meet this run's expectation, or undefined when they do. */
function unmetClaim(record: CacheRecord, expect: Expectation): string | undefined {
  for (const { digest, from } of expect.digests) {
    if (digest !== record.asset.sha256) return `it was verified as sha256 ${record.asset.sha256}, but ${from} expects ${digest}`;
  }
  if (expect.key && record.checksumFile?.key?.blockSha256 !== expect.key.blockSha256) {
    const by = record.checksumFile?.key?.fingerprint ?? 'no key';
    return `its checksum file was verified with ${by}, not with the configured key ${expect.key.fingerprint}`;
  }
  if (record.unverified && !expect.allowUnverified) return 'it was installed unverified (allow-unverified), which this run does not allow';
  // A raw asset is its binary: a record that says otherwise was not written by a verification.
  if (record.asset.archive === 'raw' && record.asset.sha256 !== record.binarySha256) return 'its record gives the binary and the asset different digests';
  return undefined;
}

/**
 * The fast check of a cache entry against this run's expectation (see the top of this file): a
 * hit, a recheck from evidence, or an entry that cannot be used at all.
 */
export function inspect(expect: Expectation): Inspection {
  // Another job may be replacing the entry while this one reads it (moved aside, then renamed into
  // place): a file gone between two reads is read again, and an entry that keeps vanishing is absent.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return inspectOnce(expect);
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return { state: 'absent' };
}

function inspectOnce(expect: Expectation): Inspection {
  // Synchronous on purpose: a handful of stat() calls per tool cost less than as many trips
  // through the thread pool, and a warm run is mostly this.
  const entry = entryOf(expect);
  const dirStat = lstatSync(entry.dir, { throwIfNoEntry: false });
  if (!dirStat) return { state: 'absent' };
  const unusable = (why: string): Inspection => ({ state: 'unusable', entry, why });
  if (!dirStat.isDirectory()) return unusable(`${entry.dir} is ${dirStat.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}`);
  // The entry must be where it claims to be: no symlinked tool, version or arch folder leads elsewhere.
  const realDir = realpathSync.native(entry.dir);
  if (realDir !== join(realpathSync.native(cacheRoot()), expect.tool, expect.version, expect.arch)) return unusable(`${entry.dir} leads to ${realDir}`);

  const recordPath = join(entry.evidence, RECORD);
  const recordStat = lstatSync(recordPath, { throwIfNoEntry: false });
  if (!recordStat?.isFile() || recordStat.size > MAX_RECORD_BYTES) return unusable(`${entry.dir} holds no shipkit record`);
  const record = parseRecord(readFileSync(recordPath, 'utf8'));
  if (!record) return unusable(`${recordPath} is not a record this shipkit version wrote`);
  const described = record.tool === expect.tool && record.version === expect.version && record.arch === expect.arch;
  if (!described || record.binary !== expect.binary || record.asset.name !== expect.asset || record.asset.archive !== expect.archive) {
    return unusable(`${recordPath} does not describe ${expect.binary} from ${expect.asset}`);
  }

  const binaryStat = lstatSync(entry.binaryPath, { throwIfNoEntry: false });
  if (!binaryStat?.isFile()) return unusable(`${entry.binaryPath} is ${binaryStat ? 'not a regular file' : 'missing'}`);
  if (!lstatSync(entry.evidence).isDirectory()) return unusable(`${entry.evidence} is not a folder`);
  const withRecord = { ...entry, record };
  const claim = unmetClaim(record, expect);
  if (claim) return { state: 'recheck', entry: withRecord, why: claim };
  const foreign = foreignFiles(entry);
  if (foreign.length) return { state: 'recheck', entry: withRecord, why: `${entry.dir} holds ${describeForeign(foreign)} beside ${expect.binary}` };
  if (!sameStamp(stampOf(entry.binaryPath), record.stamp)) {
    return { state: 'recheck', entry: withRecord, why: `${entry.binaryPath} is not the file that was verified (copied, restored or changed since)` };
  }
  return { state: 'hit', entry: withRecord };
}

/** Replaces the record in one step, so a concurrent reader sees the old one or the new one. */
export async function writeRecord(evidence: string, record: CacheRecord): Promise<void> {
  const temp = join(evidence, `.${RECORD}.${randomBytes(4).toString('hex')}`);
  track(temp);
  try {
    await writeFile(temp, JSON.stringify(record, null, 2), { flag: 'wx', mode: 0o644 });
    await rename(temp, join(evidence, RECORD));
  } finally {
    await rm(temp, { force: true });
    untrack(temp);
  }
}

// Staging folders (and entries moved aside) that must not outlive this process, even when the
// runner cancels the step: it sends SIGINT, then SIGTERM, before it kills. Child processes in a
// process group of their own (lib/tools/probe.ts) are ended too: the runner's last kill no longer
// reaches them once this process is gone.
const pending = new Set<string>();
const cancellers = new Set<() => void>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let armed = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const cancel of cancellers) cancel();
  for (const dir of pending) rmSync(dir, { recursive: true, force: true });
  pending.clear();
  cancellers.clear();
  disarm();
  // With no other handler, end as the signal would have ended the process.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function arm(): void {
  if (armed) return;
  for (const s of SIGNALS) process.on(s, onSignal);
  armed = true;
}

function disarm(): void {
  if (!armed || pending.size || cancellers.size) return;
  for (const s of SIGNALS) process.off(s, onSignal);
  armed = false;
}

function track(dir: string): void {
  pending.add(dir);
  arm();
}

function untrack(dir: string): void {
  pending.delete(dir);
  disarm();
}

/** Runs `cancel` if the step is cancelled before the returned function is called. */
export function onCancel(cancel: () => void): () => void {
  cancellers.add(cancel);
  arm();
  return () => {
    cancellers.delete(cancel);
    disarm();
  };
}

/** A private folder on the cache's own file system to build an entry in, removed on cancel. */
export async function stage(expect: Pick<Expectation, 'tool' | 'version' | 'arch'>): Promise<string> {
  const parent = join(cacheRoot(), expect.tool, expect.version);
  // A tool or version folder that is a symlink would put the new entry wherever it points.
  for (const folder of [dirname(parent), parent]) {
    if ((await lstat(folder).catch(() => undefined))?.isSymbolicLink()) await rm(folder, { force: true });
  }
  await mkdir(parent, { recursive: true });
  const dir = join(parent, `.${expect.arch}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  track(dir);
  await mkdir(join(dir, EVIDENCE), { recursive: true });
  return dir;
}

/**
 * Removes a staging folder (a no-op once commit() moved it into place), and the version and tool
 * folders above it when that leaves them empty, so a failed install leaves no trace.
 */
export async function unstage(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  untrack(dir);
  const version = dirname(dir);
  // rmdir refuses a folder that is not empty: another job's staging or entry keeps it.
  if (await rmdir(version).then(() => true, () => false)) await rmdir(dirname(version)).catch(() => undefined);
}

/**
 * Moves a verified staging folder (binary and evidence in place) into the cache and returns the
 * live entry, which is another job's when that job got there first with the very same binary.
 *
 * Safe against concurrent jobs on one cache: the `.complete` marker is written before the entry
 * appears (tc.find never sees an entry without it; a marker without an entry reads as absent); an
 * entry that holds the binary this job verified is never moved; any other is moved aside in one
 * rename, looked at again where no one else touches it, and only then deleted, or put back if it
 * turns out to hold that binary after all (another job renamed it in meanwhile).
 */
export async function commit(
  staging: string,
  record: Omit<CacheRecord, 'stamp' | 'schema'>,
  expect: Expectation,
  distrust?: Stamp,
): Promise<string> {
  const full: CacheRecord = { schema: 2, ...record, stamp: stampOf(join(staging, record.binary)) };
  // Passing the fast check proves nothing about an entry that appeared while this job downloaded:
  // whoever can write the cache can write a record to match any file. This job holds a verified
  // copy, and keeps another only when its binary hashes the same. One this job proved bad is never kept.
  const keep = async (found: Inspection) =>
    found.state === 'hit' && !(distrust && sameStamp(found.entry.record.stamp, distrust)) && (await holdsBinary(found.entry, full));
  await writeFile(join(staging, EVIDENCE, RECORD), JSON.stringify(full, null, 2), { flag: 'wx', mode: 0o644 });
  const { dir } = entryOf(expect);
  await touchMarker(`${dir}.complete`);
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      await rename(staging, dir);
      untrack(staging);
      return dir;
    } catch (error: unknown) {
      if (!isOccupied(error)) throw error;
    }
    if (await keep(inspect(expect))) {
      await unstage(staging);
      return dir;
    }
    const aside = `${dir}.replaced-${process.pid}-${randomBytes(4).toString('hex')}`;
    track(aside);
    try {
      await rename(dir, aside);
    } catch (error: unknown) {
      untrack(aside);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // someone else moved it
      throw error;
    }
    if (await keep(await inspectAt(aside, expect))) {
      // A valid entry appeared between the look and the move: put it back if its place is free.
      await rename(aside, dir).catch(() => undefined);
    }
    await rm(aside, { recursive: true, force: true });
    untrack(aside);
  }
  throw new ToolError(`${dir} kept changing while this job tried to cache ${record.tool} ${record.version}; another job is rewriting it.`);
}

/** True when the entry's binary is, byte for byte, the one `verified` describes, and stays so while it is hashed. */
async function holdsBinary(entry: Entry & { record: CacheRecord }, verified: CacheRecord): Promise<boolean> {
  const claims = entry.record.binarySha256 === verified.binarySha256 && entry.record.asset.sha256 === verified.asset.sha256;
  if (!claims) return false;
  const digest = await sha256File(entry.binaryPath).catch(() => undefined);
  const stamp = lstatSync(entry.binaryPath, { throwIfNoEntry: false })?.isFile() ? stampOf(entry.binaryPath) : undefined;
  return digest === verified.binarySha256 && stamp !== undefined && sameStamp(stamp, entry.record.stamp);
}

/** Creates the marker, never following a symlink planted in its place (that would truncate its target). */
async function touchMarker(path: string): Promise<void> {
  const flags = constants.O_NOFOLLOW === undefined ? 'a' : constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW;
  try {
    await writeFile(path, '', { flag: flags });
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOOP') throw error;
    await rm(path, { force: true });
    await writeFile(path, '', { flag: flags });
  }
}

function isOccupied(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** inspect() of an entry moved to another path: the same checks, its folder given explicitly. */
async function inspectAt(dir: string, expect: Expectation): Promise<Inspection> {
  if (!(await lstat(dir)).isDirectory()) return { state: 'unusable', entry: { dir, binaryPath: '', evidence: '' }, why: 'not a folder' };
  const record = parseRecord(await readFile(join(dir, EVIDENCE, RECORD), 'utf8').catch(() => ''));
  const entry = { dir, binaryPath: join(dir, expect.binary), evidence: join(dir, EVIDENCE) };
  if (!record || record.binary !== expect.binary || record.asset.name !== expect.asset) return { state: 'unusable', entry, why: 'no record' };
  const binary = await lstat(entry.binaryPath).catch(() => undefined);
  if (!binary?.isFile() || unmetClaim(record, expect) || foreignFiles(entry).length) return { state: 'unusable', entry, why: 'does not qualify' };
  const same = sameStamp(stampOf(entry.binaryPath), record.stamp);
  return same ? { state: 'hit', entry: { ...entry, record } } : { state: 'unusable', entry, why: 'changed' };
}
