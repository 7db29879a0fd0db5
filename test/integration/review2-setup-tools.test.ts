import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { makeSigner, ReleaseMirror } from '../support/mirror.mjs';
import { standIn } from '../support/standins.mjs';
import { publishToolchain } from '../support/toolchain.mjs';
import { actionEnv, NODE24, tempDir } from '../support/runner-env.js';

// review2: a hostile review of setup-tools' cache trust, as someone who can write the tool cache
// meets it (another job on a shared self-hosted runner, or a cache archive restored into
// RUNNER_TOOL_CACHE). setup-tools bundled, through the local runner, against the loopback release
// mirror; tflint 0.12.1 and terraform 0.12.12 are the tests' STAND-INS (they print the upstream
// version line). Every test here is RED on the code as it landed; each says what is correct.

let mirror: ReleaseMirror;
let keyFile: string;

beforeAll(async () => {
  const signer = await makeSigner();
  mirror = await new ReleaseMirror().start();
  await publishToolchain(mirror, { signer });
  keyFile = join(tempDir('r2-key'), 'key.asc');
  writeFileSync(keyFile, signer.publicKey);
});

afterAll(async () => {
  await mirror.close();
});

function setupTools(toolCache: string, inputs: Record<string, string>): Promise<RunResult> {
  return runAction({
    action: 'setup-tools',
    node: NODE24,
    toolCache,
    env: actionEnv(),
    workspace: tempDir('r2-ws'),
    inputs: { mirrors: mirror.mirrorsInput, 'github-api-url': mirror.apiUrl, 'hashicorp-public-key': keyFile, ...inputs },
  });
}

/** What the step put on PATH for later steps: every executable name in the folders it added. */
function onPath(result: RunResult): string[] {
  return result.path.flatMap((dir) => readdirSync(dir).filter((name) => !name.startsWith('.'))).sort();
}

const planted = '#!/bin/sh\necho "PLANTED $0 $*" >&2\nexit 0\n';
const entryOf = (cache: string, tool: string, version: string) => join(cache, tool, version, 'x64');

describe('review2: only the verified binary of a cache entry reaches PATH', () => {
  // core.addPath(entry folder) puts every file of the entry folder on PATH, in front of the
  // runner's own tools; the fast check and the recheck look at the tool's binary and the evidence
  // only. Correct: what a hit puts on PATH holds the verified binary and nothing else the cache
  // writer chose (an entry with anything else in its folder is not a hit; or the binary is exposed
  // from a folder the step itself controls).
  test('warm hit: a `git` planted beside the cached tflint is not put on PATH', async () => {
    const toolCache = tempDir('r2-planted');
    const first = await setupTools(toolCache, { tools: 'tflint' });
    expect(first.success).toBe(true);
    writeFileSync(join(dirname(first.outputs['tflint-path']!), 'git'), planted, { mode: 0o755 });

    const warm = await setupTools(toolCache, { tools: 'tflint' });
    expect(warm.success).toBe(true);
    expect(onPath(warm)).toEqual(['tflint']);
  });

  // The case lib/toolcache.ts says it defends (a cache restored from an archive: new inodes and
  // ctimes), with the strictest setting: the recheck proves terraform byte for byte from the signed
  // SHA256SUMS kept in the entry, rewrites the record, and the planted `docker` rides along onto PATH.
  test('restored archive, cache-verification: always: a `docker` planted in the terraform entry is not put on PATH', async () => {
    const genuine = tempDir('r2-genuine');
    expect((await setupTools(genuine, { tools: 'terraform' })).success).toBe(true);
    const restored = tempDir('r2-restored');
    execFileSync('cp', ['-r', `${genuine}/.`, restored]);
    writeFileSync(join(entryOf(restored, 'terraform', '0.12.12'), 'docker'), planted, { mode: 0o755 });

    const result = await setupTools(restored, { tools: 'terraform', 'cache-verification': 'always' });
    expect(result.success).toBe(true);
    expect(result.summary).toMatch(/\| terraform \| 0\.12\.12 \| tool cache \| .*cache entry re-verified \|/);
    expect(onPath(result)).toEqual(['terraform']);
  });
});

describe('review2: cache-verification: always never adopts an entry it did not prove', () => {
  // commit() finds the entry's place taken when it renames its verified staging folder, and keeps
  // whatever is there if it passes the *fast* check (record + stat identity, which a process that
  // can write the cache forges by writing the record after the binary). So a job that asked for
  // `always`, downloaded and verified tflint itself, throws its verified copy away and puts the
  // planted binary on PATH, while its summary says "downloaded ... verified". Correct: a job never
  // trades the copy it verified for one it did not prove (compare the entry's binary with its own
  // verified digest, or re-prove it, before keeping it).
  test('a forged entry planted while the job downloads is not kept in place of the verified download', async () => {
    const genuine = tempDir('r2-race-genuine');
    expect((await setupTools(genuine, { tools: 'tflint' })).success).toBe(true);
    const genuineRecord = JSON.parse(readFileSync(join(entryOf(genuine, 'tflint', '0.12.1'), '.shipkit', 'record.json'), 'utf8')) as Record<string, unknown>;

    const toolCache = tempDir('r2-race');
    const version = join(toolCache, 'tflint', '0.12.1');
    // a slow mirror, so the download takes a while (a real one takes seconds)
    mirror.throttle.latencyMs = 600;
    try {
      const victim = setupTools(toolCache, { tools: 'tflint', 'cache-verification': 'always' });
      // the attacker waits for the job's staging folder, then puts a whole entry in place
      const deadline = Date.now() + 20_000;
      while (!(existsSync(version) && readdirSync(version).some((n) => n.includes('.staging-')))) {
        if (Date.now() > deadline) throw new Error('the job never staged');
        await sleep(2);
      }
      const forged = join(version, '.forged');
      mkdirSync(join(forged, '.shipkit'), { recursive: true });
      writeFileSync(join(forged, 'tflint'), standIn('tflint', '0.12.1', { body: 'echo EVIL >&2; exit 0' }), { mode: 0o755 });
      const s = lstatSync(join(forged, 'tflint'), { bigint: true });
      const stamp = { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs) };
      writeFileSync(join(forged, '.shipkit', 'record.json'), JSON.stringify({ ...genuineRecord, stamp }));
      renameSync(forged, join(version, 'x64'));

      const result = await victim;
      expect(result.success).toBe(true);
      expect(readFileSync(result.outputs['tflint-path']!, 'utf8')).not.toContain('EVIL');
    } finally {
      mirror.throttle.latencyMs = 0;
    }
  });
});
