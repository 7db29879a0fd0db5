import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import * as openpgp from 'openpgp';
import { makeZip } from '../support/zip.mjs';

// The tool cache's own rules, in process: the record format, the order in which an entry goes
// live, concurrent commits, the zip reader's refusals and the key identity read without openpgp.
// (The attacks on a cache entry run end to end in test/integration/setup-tools.test.ts.)

/** Every rename that happened, with whether the marker existed and whether a shipkit entry moved. */
const renames: { from: string; to: string; markerExisted: boolean; movedAnEntry: boolean }[] = [];
jest.unstable_mockModule('node:fs/promises', () => ({
  ...fsPromises,
  rename: async (from: string, to: string) => {
    const markerExisted = existsSync(`${to}.complete`);
    await fsPromises.rename(from, to);
    renames.push({ from, to, markerExisted, movedAnEntry: existsSync(join(to, '.shipkit', 'record.json')) });
  },
}));
const cache = await import('../../lib/toolcache.js');
const { extractEntry } = await import('../../lib/unzip.js');
const { keyIdentity, dearmorKey } = await import('../../lib/pgp.js');
const { HASHICORP_RELEASE_KEY } = await import('../../lib/tools/hashicorp-key.js');
const BEGIN = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
const END = '-----END PGP PUBLIC KEY BLOCK-----';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shipkit-tc-'));
  process.env.RUNNER_TOOL_CACHE = root;
  renames.length = 0;
});
afterEach(() => {
  delete process.env.RUNNER_TOOL_CACHE;
});

const expectation = {
  tool: 'tflint',
  version: '0.12.1',
  arch: 'x64',
  binary: 'tflint',
  asset: 'tflint_linux_amd64.zip',
  archive: 'zip' as const,
  digests: [],
  allowUnverified: false,
};

const GENUINE = '#!/bin/sh\necho TFLint version 0.12.1\n';
const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');

async function staged(content = GENUINE): Promise<string> {
  const staging = await cache.stage(expectation);
  writeFileSync(join(staging, 'tflint'), content, { mode: 0o755 });
  return staging;
}

/** What a job that verified GENUINE hands commit(). */
const record = {
  tool: 'tflint',
  version: '0.12.1',
  arch: 'x64',
  binary: 'tflint',
  asset: { name: 'tflint_linux_amd64.zip', sha256: 'a'.repeat(64), url: 'https://github.com/x', archive: 'zip' as const },
  binarySha256: digestOf(GENUINE),
  unverified: false,
  verifiedBy: 'checksums.txt',
};

/** An entry written straight into the cache, as anyone who can write it could: its record made to match its binary's identity. */
function plantEntry(content: string, extra: Record<string, string> = {}): string {
  const entry = join(root, 'tflint', '0.12.1', 'x64');
  mkdirSync(join(entry, '.shipkit'), { recursive: true });
  writeFileSync(join(entry, 'tflint'), content, { mode: 0o755 });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(entry, name), text, { mode: 0o755 });
  writeFileSync(join(root, 'tflint', '0.12.1', 'x64.complete'), '');
  writeFileSync(join(entry, '.shipkit', 'record.json'), JSON.stringify({ schema: 2, ...record, stamp: cache.stampOf(join(entry, 'tflint')) }));
  return entry;
}

describe('commit', () => {
  test('the .complete marker exists before the entry appears, so tc.find never sees an unmarked entry', async () => {
    const dir = await cache.commit(await staged(), record, expectation);
    expect(dir).toBe(join(root, 'tflint', '0.12.1', 'x64'));
    expect(renames).toMatchObject([{ to: dir, markerExisted: true }]);
    expect(cache.inspect(expectation).state).toBe('hit');
  });

  test('eight concurrent commits into an empty cache: all return the one entry, nothing else remains', async () => {
    const stagings = await Promise.all(Array.from({ length: 8 }, () => staged()));
    const dirs = await Promise.all(stagings.map((s) => cache.commit(s, record, expectation)));
    expect(new Set(dirs).size).toBe(1);
    expect(readdirSync(join(root, 'tflint', '0.12.1')).sort()).toEqual(['x64', 'x64.complete']);
    expect(cache.inspect(expectation).state).toBe('hit');
  });

  test('eight concurrent commits over a foreign entry: it is replaced once; no valid entry is moved aside', async () => {
    const entry = join(root, 'tflint', '0.12.1', 'x64');
    mkdirSync(entry, { recursive: true });
    writeFileSync(join(entry, 'tflint'), 'someone else’s');
    const stagings = await Promise.all(Array.from({ length: 8 }, () => staged()));
    const dirs = await Promise.all(stagings.map((s) => cache.commit(s, record, expectation)));
    expect(new Set(dirs)).toEqual(new Set([entry]));
    const inspected = cache.inspect(expectation);
    expect(inspected.state).toBe('hit');
    expect(readdirSync(join(root, 'tflint', '0.12.1')).sort()).toEqual(['x64', 'x64.complete']);
    // the foreign entry was moved aside once; a valid entry moved aside in a race was put back
    const aside = renames.filter((r) => r.from === entry && r.to.includes('.replaced-'));
    expect(aside.filter((r) => !r.movedAnEntry)).toHaveLength(1);
    for (const moved of aside.filter((r) => r.movedAnEntry)) {
      expect(renames).toContainEqual(expect.objectContaining({ from: moved.to, to: entry }));
    }
  });

  test('a marker that is a symlink is replaced, not written through', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'shipkit-victim-')), 'authorized_keys');
    writeFileSync(target, 'ssh-ed25519 AAAA precious');
    mkdirSync(join(root, 'tflint', '0.12.1'), { recursive: true });
    await fsPromises.symlink(target, join(root, 'tflint', '0.12.1', 'x64.complete'));
    await cache.commit(await staged(), record, expectation);
    expect(await fsPromises.readFile(target, 'utf8')).toBe('ssh-ed25519 AAAA precious');
    expect(lstatSync(join(root, 'tflint', '0.12.1', 'x64.complete')).isFile()).toBe(true);
  });

  // review2 finding 5: a job that verified its own download must not swap it for an entry that
  // appeared meanwhile and only passes the fast check (its record written to match its binary).
  test('an entry planted while the job downloaded is replaced by the verified copy, though its record passes the fast check', async () => {
    const entry = plantEntry('#!/bin/sh\necho EVIL\n');
    expect(cache.inspect(expectation).state).toBe('hit');
    const dir = await cache.commit(await staged(), record, expectation);
    expect(dir).toBe(entry);
    expect(readFileSync(join(entry, 'tflint'), 'utf8')).toBe(GENUINE);
    expect(readdirSync(join(root, 'tflint', '0.12.1')).sort()).toEqual(['x64', 'x64.complete']);
  });

  test("another job's entry holding the very binary this job verified is kept, not moved", async () => {
    const entry = plantEntry(GENUINE);
    const ino = lstatSync(join(entry, 'tflint')).ino;
    await cache.commit(await staged(), record, expectation);
    expect(lstatSync(join(entry, 'tflint')).ino).toBe(ino);
    expect(renames.filter((r) => r.from === entry)).toEqual([]);
    expect(readdirSync(join(root, 'tflint', '0.12.1')).sort()).toEqual(['x64', 'x64.complete']);
  });

  test('an entry with the same binary but a file planted beside it is replaced', async () => {
    const entry = plantEntry(GENUINE, { git: '#!/bin/sh\necho PLANTED\n' });
    await cache.commit(await staged(), record, expectation);
    expect(readdirSync(entry).sort()).toEqual(['.shipkit', 'tflint']);
  });

  test('a failed install leaves no staging folder, nor the empty version and tool folders it made', async () => {
    const staging = await staged();
    await cache.unstage(staging);
    expect(readdirSync(root)).toEqual([]);
  });
});

// review2 finding 1: the entry's folder goes on PATH, so nothing but the binary may be in it.
describe('what else is in an entry folder', () => {
  test('a file beside the binary makes the entry a recheck, naming it', () => {
    const entry = plantEntry(GENUINE, { git: 'x' });
    const found = cache.inspect(expectation);
    expect(found).toMatchObject({ state: 'recheck', why: `${entry} holds a file shipkit did not put there ("git") beside tflint` });
  });

  test('hidden files count too; more than five are summed up', () => {
    plantEntry(GENUINE, Object.fromEntries(['.profile', 'a', 'b', 'c', 'd', 'e'].map((n) => [n, 'x'])));
    const found = cache.inspect(expectation);
    expect(found.state === 'recheck' && found.why).toContain('6 files shipkit did not put there (".profile", "a", "b", "c", "d", ...)');
  });

  test('removeForeign deletes planted files, folders and symlinks (not what a symlink points to), and keeps the binary and evidence', async () => {
    const entry = plantEntry(GENUINE, { docker: 'x' });
    mkdirSync(join(entry, 'plugins', 'deep'), { recursive: true });
    writeFileSync(join(entry, 'plugins', 'deep', 'terraform-provider-x'), 'x');
    const outside = join(mkdtempSync(join(tmpdir(), 'shipkit-outside-')), 'precious');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, join(entry, 'link'));
    const removed = await cache.removeForeign({ dir: entry, binaryPath: join(entry, 'tflint') });
    expect(removed.sort()).toEqual(['docker', 'link', 'plugins']);
    expect(readdirSync(entry).sort()).toEqual(['.shipkit', 'tflint']);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
    expect(cache.inspect(expectation).state).toBe('hit');
  });

  test('an evidence folder that is a symlink makes the entry unusable', () => {
    const entry = plantEntry(GENUINE);
    const elsewhere = mkdtempSync(join(tmpdir(), 'shipkit-evidence-'));
    writeFileSync(join(elsewhere, 'record.json'), readFileSync(join(entry, '.shipkit', 'record.json')));
    rmSync(join(entry, '.shipkit'), { recursive: true });
    symlinkSync(elsewhere, join(entry, '.shipkit'));
    expect(cache.inspect(expectation)).toMatchObject({ state: 'unusable', why: `${join(entry, '.shipkit')} is not a folder` });
  });
});

describe('records', () => {
  const good = { schema: 2, ...record, stamp: { dev: '1', ino: '2', size: '3', mtimeNs: '4', ctimeNs: '5' } };

  test('a record shipkit wrote parses', () => {
    expect(cache.parseRecord(JSON.stringify(good))).toEqual(good);
  });

  test.each([
    ['not JSON', 'nope'],
    ['an older format', JSON.stringify({ ...good, schema: 1 })],
    ['a digest that is not sha256', JSON.stringify({ ...good, binarySha256: 'xyz' })],
    ['no stamp', JSON.stringify({ ...good, stamp: undefined })],
    ['an archive kind shipkit does not write', JSON.stringify({ ...good, asset: { ...good.asset, archive: 'tar' } })],
  ])('%s is not a record', (_name, text) => {
    expect(cache.parseRecord(text)).toBeUndefined();
  });
});

describe('zip entries', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'shipkit-zip-'));
  const zipFile = (entries: Parameters<typeof makeZip>[0], options?: Parameters<typeof makeZip>[1]) => {
    const path = join(dir(), 'a.zip');
    writeFileSync(path, makeZip(entries, options));
    return path;
  };

  test('the named entry is written (0755) and hashed; others are ignored', async () => {
    const path = zipFile([{ name: 'LICENSE.txt', data: Buffer.from('text') }, { name: 'tool', data: Buffer.from('binary') }], { deflate: true });
    const dest = join(dir(), 'tool');
    const got = await extractEntry(path, 'tool', dest);
    expect(got).toEqual({ sha256: '9a3a45d01531a20e89ac6ae10b0b0beb0492acd7216a368aa062d1a5fecaf9cd', bytes: 6 });
    expect((lstatSync(dest).mode & 0o777).toString(8)).toBe('755');
  });

  test('with no destination, only the hash', async () => {
    const path = zipFile([{ name: 'tool', data: Buffer.from('binary') }]);
    expect((await extractEntry(path, 'tool', undefined)).bytes).toBe(6);
  });

  test.each([
    ['a symlink', [{ name: 'tool', data: Buffer.from('/bin/busybox'), mode: 0o120777 }], '"tool" in the archive is a symbolic link|tool in the archive is a symbolic link'],
    ['a folder', [{ name: 'tool/', data: Buffer.alloc(0), mode: 0o40755 }], 'tool in the archive is a folder'],
    ['a fifo', [{ name: 'tool', data: Buffer.alloc(0), mode: 0o10644 }], 'tool in the archive is not a regular file'],
    ['missing', [{ name: 'other', data: Buffer.from('x') }], 'the archive holds no tool \\(it holds: other\\)'],
  ])('an entry that is %s is refused', async (_name, entries, message) => {
    await expect(extractEntry(zipFile(entries), 'tool', join(dir(), 'tool'))).rejects.toThrow(new RegExp(message));
  });

  test('a zip bomb is refused before anything is written', async () => {
    const dest = join(dir(), 'tool');
    const path = zipFile([{ name: 'tool', data: Buffer.alloc(16 * 1024 * 1024) }], { deflate: true });
    await expect(extractEntry(path, 'tool', dest)).rejects.toThrow(/would inflate to 16777216 bytes from \d+ .*refusing what looks like a zip bomb/);
    expect(existsSync(dest)).toBe(false);
  });

  test('an entry bigger than the size limit is refused', async () => {
    const path = zipFile([{ name: 'tool', data: Buffer.from('x'.repeat(2000)) }]);
    await expect(extractEntry(path, 'tool', undefined, { maxBytes: 1000, maxRatio: 50 })).rejects.toThrow('would inflate to 2000 bytes');
  });

  test('an entry inflating past its declared size is cut off', async () => {
    const path = zipFile([{ name: 'tool', data: Buffer.alloc(100_000, 1), declaredSize: 10 }], { deflate: true });
    await expect(extractEntry(path, 'tool', undefined)).rejects.toThrow(/inflates past the 10 bytes its archive declares|too many bytes/);
  });

  test('an existing file at the destination is never overwritten (or followed)', async () => {
    const dest = join(dir(), 'tool');
    writeFileSync(dest, 'mine');
    await expect(extractEntry(zipFile([{ name: 'tool', data: Buffer.from('x') }]), 'tool', dest)).rejects.toThrow(/EEXIST/);
  });
});

describe('OpenPGP key identity, read without openpgp', () => {
  test("HashiCorp's embedded release key is C874 011F 0AB4 0511 0D02 1055 3436 5D94 72D7 468F", () => {
    const id = keyIdentity(HASHICORP_RELEASE_KEY);
    expect(id.fingerprint).toBe('C874011F0AB405110D02105534365D9472D7468F');
    expect(id.shortId).toBe('72D7468F');
  });

  test.each([
    ['v4 ecc', { type: 'ecc', curve: 'curve25519Legacy' }],
    ['v4 rsa', { type: 'rsa', rsaBits: 2048 }],
    ['v6', { type: 'curve25519', config: { v6Keys: true } }],
  ] as const)('%s keys: the fingerprint and key id openpgp computes', async (_name, options) => {
    const { publicKey } = await openpgp.generateKey({ ...options, userIDs: [{ name: 't', email: 't@example.invalid' }], format: 'object' } as Parameters<typeof openpgp.generateKey>[0] & { format: 'object' });
    const id = keyIdentity(publicKey.armor());
    expect(id.fingerprint).toBe(publicKey.getFingerprint().toUpperCase());
    expect(id.shortId).toBe(publicKey.getKeyID().toHex().slice(-8).toUpperCase());
  });

  const armor = (block: Buffer) =>
    `-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: re-exported\n\n${block.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PGP PUBLIC KEY BLOCK-----\n`;

  test('an armor checksum is not held against a key (RFC 9580 6.1)', () => {
    expect(keyIdentity(HASHICORP_RELEASE_KEY.replace('=wtp+', '=AAAA')).fingerprint).toBe('C874011F0AB405110D02105534365D9472D7468F');
  });

  test('the same key armored again has the same identity; the same key with other packets is another block', () => {
    const block = dearmorKey(HASHICORP_RELEASE_KEY);
    expect(keyIdentity(armor(block))).toEqual(keyIdentity(HASHICORP_RELEASE_KEY));
    const withUserId = keyIdentity(armor(Buffer.concat([block, Buffer.from([0xc0 | 13, 3, 0x61, 0x62, 0x63])])));
    expect(withUserId.fingerprint).toBe('C874011F0AB405110D02105534365D9472D7468F');
    expect(withUserId.blockSha256).not.toBe(keyIdentity(HASHICORP_RELEASE_KEY).blockSha256);
  });

  test.each([
    ['text that is no armor', 'hello', 'no "-----BEGIN PGP PUBLIC KEY BLOCK-----"'],
    ['a block cut inside the key packet', `${BEGIN}\n\n${dearmorKey(HASHICORP_RELEASE_KEY).subarray(0, 99).toString('base64')}\n${END}`, 'its key packet is cut short'],
    ['a signature instead of a key', `${BEGIN}\n\n${Buffer.from([0xc2, 1, 4]).toString('base64')}\n${END}`, 'its first packet is of type 2, not a public key'],
    ['a body that is not base64', HASHICORP_RELEASE_KEY.replace('mQINBG', 'mQ!NBG'), 'its armored body is not base64'],
  ])('%s is refused naming the input', (_name, text, message) => {
    expect(() => keyIdentity(text)).toThrow(`Input "hashicorp-public-key" is not an ASCII-armored OpenPGP public key (${message}`);
  });
});
