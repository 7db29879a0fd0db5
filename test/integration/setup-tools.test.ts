import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { actionDir, inputVariable, readManifest, runAction, type RunResult } from '../../cli/runner.js';
import { makeSigner, ReleaseMirror, sha256 } from '../support/mirror.mjs';
import { publishToolchain } from '../support/toolchain.mjs';
import { standIn } from '../support/standins.mjs';
import { makeZip } from '../support/zip.mjs';
import { actionEnv, NODE24, RUNTIMES, tempDir } from '../support/runner-env.js';

// setup-tools, bundled, run through the local runner exactly as a runner would, against a
// loopback release mirror laid out like releases.hashicorp.com, github.com and api.github.com.
// docker-machine, tflint, hadolint and terraform 0.12.12 are stand-ins (they only print the
// upstream version line); the packer and terraform found on PATH are served for real, re-packed
// (test/support/toolchain.mjs says which). Without a packer on PATH, a padded stand-in takes the
// real packer's place in the large-download tests.

let mirror: ReleaseMirror;
let signer: Awaited<ReturnType<typeof makeSigner>>;
let standInDigests: string;
let keyFile: string;
/** A packer big enough for parallel ranges: the real one from PATH, or a 40 MB stand-in. */
let bigPacker: { version: string; data: Buffer; real: boolean };
/** The newest terraform on the mirror: the real one's version, or 1.11.4 as a stand-in. */
let newestTerraform: string;

beforeAll(async () => {
  signer = await makeSigner();
  mirror = await new ReleaseMirror().start();
  const published = await publishToolchain(mirror, { signer });
  standInDigests = published.checksums;
  newestTerraform = published.real.terraform ?? '1.11.4';
  if (published.real.packer) {
    bigPacker = { version: published.real.packer, data: readFileSync(published.realPaths.packer!), real: true };
  } else {
    bigPacker = { version: '1.6.6', data: standIn('packer', '1.6.6', { padTo: 40_000_000 }), real: false };
    await mirror.publishHashiCorp({ product: 'packer', version: '1.6.6', builds: [{ os: 'linux', arch: 'amd64', binary: bigPacker.data }], signer });
  }
  keyFile = join(tempDir('key'), 'test-release-key.asc');
  writeFileSync(keyFile, signer.publicKey);
});

afterAll(async () => {
  await mirror.close();
});

interface Run {
  inputs?: Record<string, string>;
  toolCache?: string;
  env?: NodeJS.ProcessEnv;
  node?: string;
}

function setupTools({ inputs = {}, toolCache = tempDir('cache'), env = {}, node = NODE24 }: Run = {}): Promise<RunResult> {
  return runAction({
    action: 'setup-tools',
    node,
    toolCache,
    // A GitHub-hosted runner unless a test says otherwise (it decides what `cache-verification: auto` does).
    env: actionEnv({ RUNNER_ENVIRONMENT: 'github-hosted', ...env }),
    workspace: tempDir('ws'),
    inputs: {
      mirrors: mirror.mirrorsInput,
      'github-api-url': mirror.apiUrl,
      'hashicorp-public-key': keyFile,
      ...inputs,
    },
  });
}

/** Whether a process is still running a moment later (a killed one is reaped, or left a zombie, asynchronously). */
async function stillRunning(pid: number): Promise<boolean> {
  const running = () => {
    const stat = `/proc/${pid}/stat`;
    if (!existsSync(stat)) return false;
    return !/^[ZX]/.test(readFileSync(stat, 'utf8').replace(/^.*\) /s, ''));
  };
  for (let i = 0; i < 50 && running(); i++) await sleep(20);
  return running();
}

function errorsOf(result: RunResult): string {
  return result.annotations.filter((a) => a.level === 'error').map((a) => a.message).join('\n');
}

/** Nothing half-installed: no staging folder, no entry without its .complete marker. */
function expectCleanCache(toolCache: string): void {
  const leftovers: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name.includes('.staging-') || name.includes('.replaced-')) leftovers.push(join(dir, name));
      if (depth === 2 && !name.endsWith('.complete') && !existsSync(join(dir, `${name}.complete`))) leftovers.push(join(dir, name));
      if (depth < 2) walk(join(dir, name), depth + 1);
    }
  };
  walk(toolCache, 0);
  expect(leftovers).toEqual([]);
}

describe.each(RUNTIMES)('the five defaults on %s', (_name, node) => {
  const toolCache = tempDir('defaults');

  test('cold: downloaded in parallel, verified, on PATH, with outputs and a summary', async () => {
    const before = mirror.requests.length;
    const result = await setupTools({ toolCache, node, inputs: { checksums: standInDigests } });
    expect(errorsOf(result)).toBe('');
    expect(result.success).toBe(true);
    expect(JSON.parse(result.outputs.versions!)).toEqual({
      'docker-machine': '0.16.0',
      packer: '1.4.4',
      terraform: '0.12.12',
      tflint: '0.12.1',
      hadolint: '1.17.2',
    });
    expect(result.outputs['cache-hit']).toBe('false');
    for (const tool of ['docker-machine', 'packer', 'terraform', 'tflint', 'hadolint']) {
      const path = result.outputs[`${tool}-path`]!;
      expect(path).toBe(join(toolCache, tool, result.outputs[`${tool}-version`]!, 'x64', tool));
      expect(result.path).toContain(join(toolCache, tool, result.outputs[`${tool}-version`]!, 'x64'));
      // the cached binary runs and is the version asked for
      const out = execFileSync(path, [tool === 'tflint' || tool === 'hadolint' ? '--version' : 'version'], { encoding: 'utf8' });
      expect(out).toContain(result.outputs[`${tool}-version`]!);
    }
    // exact pins make no index or API call
    const made = mirror.requests.slice(before);
    expect(made.filter((p) => p.includes('index.json') || p.includes('/api.github.com/'))).toEqual([]);
    expect(made.filter((p) => p.endsWith('.sig'))).toHaveLength(2);
    // A HashiCorp entry: the binary, and beside it the evidence a later run re-proves it from
    const entry = join(toolCache, 'terraform', '0.12.12', 'x64');
    expect(readdirSync(entry).sort()).toEqual(['.shipkit', 'terraform']);
    expect(readdirSync(join(entry, '.shipkit')).sort()).toEqual([
      'record.json',
      'terraform_0.12.12_SHA256SUMS',
      `terraform_0.12.12_SHA256SUMS.${signer.shortId}.sig`,
      'terraform_0.12.12_linux_amd64.zip',
    ]);
    expect(result.summary).toContain('| tool | version | from | verified by | time |');
    expect(result.summary).toMatch(/\| terraform \| 0\.12\.12 \| downloaded from 127\.0\.0\.1:\d+ \| SHA256SUMS signed by [0-9A-F]{8} \|/);
    expect(result.summary).toContain('| tflint | 0.12.1 |');
    expect(result.summary).toMatch(/\| hadolint \| 1\.17\.2 \| [^|]+ \| checksums input \|/);
    expectCleanCache(toolCache);
  });

  test('warm: every tool from the tool cache, no network at all', async () => {
    const before = mirror.requests.length;
    const result = await setupTools({ toolCache, node, inputs: { checksums: standInDigests } });
    expect(result.success).toBe(true);
    expect(result.outputs['cache-hit']).toBe('true');
    expect(mirror.requests.slice(before)).toEqual([]);
    expect(result.summary).toMatch(/\| packer \| 1\.4\.4 \| tool cache \| [^|]*SHA256SUMS signed by [0-9A-F]{8}; cache entry unchanged since then \|/);
    expect(result.path).toHaveLength(5);
  });
});

describe('a large binary end to end', () => {
  test('packer (the real one from PATH when there is one), re-packed as upstream ships it, installs and runs (fetched over parallel ranges)', async () => {
    console.log(`large-download tests use ${bigPacker.real ? 'the real' : 'a stand-in'} packer ${bigPacker.version}`);
    const ranges = mirror.rangeRequests;
    const result = await setupTools({ inputs: { tools: 'packer', 'packer-version': bigPacker.version } });
    expect(mirror.rangeRequests - ranges).toBe(3); // the first response carries segment one
    expect(errorsOf(result)).toBe('');
    const out = execFileSync(result.outputs['packer-path']!, ['version'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    expect(out).toContain(`Packer v${bigPacker.version}`);
    expect(readFileSync(result.outputs['packer-path']!).equals(bigPacker.data)).toBe(true);
  });
});

describe('large downloads', () => {
  test('a server without Range support gets one plain download', async () => {
    mirror.ranges = false;
    try {
      const ranges = mirror.rangeRequests;
      const result = await setupTools({ inputs: { tools: 'packer', 'packer-version': bigPacker.version } });
      expect(errorsOf(result)).toBe('');
      expect(mirror.rangeRequests).toBe(ranges);
      expect(readFileSync(result.outputs['packer-path']!).equals(bigPacker.data)).toBe(true);
    } finally {
      mirror.ranges = true;
    }
  });

  test('a segment cut short is retried and the file still verifies', async () => {
    mirror.fault(`/packer_${bigPacker.version}_linux_amd64.zip`, { truncate: true, times: 1 });
    const result = await setupTools({ inputs: { tools: 'packer', 'packer-version': bigPacker.version } });
    expect(errorsOf(result)).toBe('');
    expect(result.main.log.some((l) => l.includes('retrying'))).toBe(true);
    expect(readFileSync(result.outputs['packer-path']!).equals(bigPacker.data)).toBe(true);
  });
});

describe('latest and ranges', () => {
  test('resolve through the HashiCorp index and the GitHub releases API', async () => {
    const before = mirror.requests.length;
    const result = await setupTools({
      inputs: {
        tools: 'terraform, tflint, hadolint, docker-machine',
        'terraform-version': 'latest',
        'tflint-version': '~0.50',
        'hadolint-version': '2.x',
        'docker-machine-version': 'latest',
      },
    });
    expect(errorsOf(result)).toBe('');
    expect(JSON.parse(result.outputs.versions!)).toEqual({
      terraform: newestTerraform,
      tflint: '0.50.3',
      hadolint: '2.15.1',
      'docker-machine': '0.16.2',
    });
    const made = mirror.requests.slice(before);
    expect(made).toContain('/releases.hashicorp.com/terraform/index.json');
    expect(made).toContain('/api.github.com/repos/docker/machine/releases/latest');
    expect(made.some((p) => p.startsWith('/api.github.com/repos/terraform-linters/tflint/releases?per_page=100&page=1'))).toBe(true);
    // hadolint 2.15.x: lower-case asset verified against checksums.sha256
    expect(result.summary).toMatch(/\| hadolint \| 2\.15\.1 \| [^|]+ \| checksums\.sha256 \|/);
  });

  test('hadolint 2.12.0 is verified against its per-asset .sha256 file', async () => {
    const result = await setupTools({ inputs: { tools: 'hadolint', 'hadolint-version': '2.12.0' } });
    expect(errorsOf(result)).toBe('');
    expect(result.summary).toContain('hadolint-Linux-x86_64.sha256');
  });

  test('a range nothing matches names the input, the value and the newest versions', async () => {
    const result = await setupTools({ inputs: { tools: 'tflint', 'tflint-version': '~0.99' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toContain('Input "tflint-version" is "~0.99": no released tflint version matches it (newest: 0.51.0, 0.50.3, 0.12.1).');
  });

  test('a GitHub rate limit says which limit, when it resets, and how to pass a token', async () => {
    mirror.fault('/api.github.com/repos/hadolint/', {
      status: 403,
      times: 1,
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1790000000' },
      body: JSON.stringify({ message: 'API rate limit exceeded' }),
    });
    const result = await setupTools({ inputs: { tools: 'hadolint', 'hadolint-version': 'latest', 'github-token': '' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toContain(
      "Resolving hadolint-version hit GitHub's API rate limit of 60 requests per hour for unauthenticated calls from this runner. It resets at",
    );
    expect(errorsOf(result)).toContain('Pass a token');
  });

  test('the token goes to the API only, and is masked', async () => {
    const result = await setupTools({ inputs: { tools: 'tflint', 'tflint-version': '0.50.x', 'github-token': 'ghs_SECRETTOKEN123' } });
    expect(result.success).toBe(true);
    expect(result.main.log.join('\n')).not.toContain('ghs_SECRETTOKEN123');
  });
});

describe('verification', () => {
  test('a tampered asset is refused, naming asset, both digests and the source; nothing is cached', async () => {
    const path = '/github.com/wata727/tflint/releases/download/v0.12.1/tflint_linux_amd64.zip';
    const original = mirror.files.get(path)!;
    mirror.put(path, makeZip([{ name: 'tflint', data: standIn('tflint', '0.12.1', { body: 'echo evil' }) }]));
    const toolCache = tempDir('tampered');
    try {
      const result = await setupTools({ toolCache, inputs: { tools: 'tflint' } });
      expect(result.success).toBe(false);
      expect(errorsOf(result)).toMatch(
        /Checksum mismatch for tflint_linux_amd64\.zip: expected sha256 [0-9a-f]{64} \(from http:\/\/127\.0\.0\.1:\d+\/github\.com\/wata727\/tflint\/releases\/download\/v0\.12\.1\/checksums\.txt\), got [0-9a-f]{64}\./,
      );
      expect(existsSync(join(toolCache, 'tflint', '0.12.1', 'x64'))).toBe(false);
      expectCleanCache(toolCache);
    } finally {
      mirror.put(path, original);
    }
  });

  test('SHA256SUMS signed by another key is refused', async () => {
    const stranger = await makeSigner();
    const otherKey = join(tempDir('key'), 'other.asc');
    writeFileSync(otherKey, stranger.publicKey);
    // the mirror's signature file is named after the test key; serve the stranger's under that name
    const sigPath = `/releases.hashicorp.com/terraform/0.12.12/terraform_0.12.12_SHA256SUMS.${stranger.shortId}.sig`;
    mirror.put(sigPath, mirror.files.get(`/releases.hashicorp.com/terraform/0.12.12/terraform_0.12.12_SHA256SUMS.${signer.shortId}.sig`)!);
    const toolCache = tempDir('badsig');
    const result = await setupTools({ toolCache, inputs: { tools: 'terraform', 'hashicorp-public-key': otherKey } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toContain(`terraform_0.12.12_SHA256SUMS is not signed by key ${stranger.shortId}`);
    expectCleanCache(toolCache);
  });

  test("hadolint 1.17.2 publishes no checksum: shipkit's embedded upstream digest refuses the stand-in", async () => {
    const result = await setupTools({ inputs: { tools: 'hadolint' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toContain(
      'Checksum mismatch for hadolint-Linux-x86_64: expected sha256 b23e4d0e8964774cc0f4dd7ff81f1d05b5d7538b0b80dae5235b1239ab60749d (from the digest embedded in shipkit (published upstream))',
    );
  });

  test('no checksum anywhere: refused unless allow-unverified, which warns with the digest', async () => {
    mirror.publishGitHub({ repo: 'hadolint/hadolint', version: '2.9.0', assets: [{ name: 'hadolint-Linux-x86_64', data: standIn('hadolint', '2.9.0') }], checksums: null });
    const refused = await setupTools({ inputs: { tools: 'hadolint', 'hadolint-version': '2.9.0' } });
    expect(errorsOf(refused)).toContain('hadolint 2.9.0 publishes no checksum file, and shipkit embeds no digest for hadolint-Linux-x86_64');
    const allowed = await setupTools({ inputs: { tools: 'hadolint', 'hadolint-version': '2.9.0', 'allow-unverified': 'true' } });
    expect(allowed.success).toBe(true);
    expect(allowed.annotations.find((a) => a.level === 'warning')?.message).toMatch(/installed UNVERIFIED \(allow-unverified: true\); sha256 [0-9a-f]{64}/);
  });

  test('a binary that reports another version is refused and not cached', async () => {
    mirror.publishGitHub({ repo: 'docker/machine', version: '0.15.0', assets: [{ name: 'docker-machine-Linux-x86_64', data: standIn('docker-machine', '0.14.0') }], checksums: { file: 'sha256sum.txt', format: 'stdin' } });
    const toolCache = tempDir('wrongversion');
    const result = await setupTools({ toolCache, inputs: { tools: 'docker-machine', 'docker-machine-version': '0.15.0' } });
    expect(errorsOf(result)).toContain('docker-machine 0.15.0 was requested, but the installed binary reports 0.14.0');
    expect(existsSync(join(toolCache, 'docker-machine', '0.15.0', 'x64'))).toBe(false);
    expectCleanCache(toolCache);
  });

  // The version probe waited for the program's pipes to close: a binary whose version command
  // leaves a child behind (a daemon, an update checker, or anything hostile) hung the step until
  // the child ended; its 30 s timeout killed only the program itself, never what it started.
  test('a version command that leaves a child holding its output does not hang the step, and the child does not outlive it', async () => {
    const pidFile = join(tempDir('probe'), 'child.pid');
    const binary = Buffer.from(
      `#!/bin/sh\n# shipkit test stand-in for tflint 0.13.1: NOT the real tflint. Its version command leaves a child holding stdout.\n` +
        `if [ "$1" = "--version" ]; then\n  echo "TFLint version 0.13.1"\n  sleep 600 &\n  echo $! > ${pidFile}\n  exit 0\nfi\nexit 1\n`,
    );
    mirror.publishGitHub({ repo: 'wata727/tflint', version: '0.13.1', assets: [{ name: 'tflint_linux_amd64.zip', data: makeZip([{ name: 'tflint', data: binary }]) }], checksums: { file: 'checksums.txt' } });
    const result = await setupTools({ inputs: { tools: 'tflint', 'tflint-version': '0.13.1' } });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      expect(errorsOf(result)).toBe('');
      expect(result.outputs['tflint-version']).toBe('0.13.1');
      expect(await stillRunning(pid)).toBe(false);
    } finally {
      if (await stillRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });

});

// Whoever can write the tool cache (another job on a self-hosted runner, a restored cache archive)
// can write every file of an entry. Each test edits an entry on disk as such an attacker would and
// checks that the next run holds the entry to what a cold install would demand.
describe('the tool cache is not trusted', () => {
  const entryOf = (cache: string, tool: string, version: string) => join(cache, tool, version, 'x64');
  const recordOf = (entry: string) => join(entry, '.shipkit', 'record.json');
  const readRecord = (entry: string) => JSON.parse(readFileSync(recordOf(entry), 'utf8')) as Record<string, unknown> & { stamp: unknown; binarySha256: string; asset: { sha256: string } };
  const evil = (tool: string, version: string) => standIn(tool, version, { body: 'echo "EVIL $0" >&2; exit 0' });
  const warnings = (result: RunResult) => result.annotations.filter((a) => a.level === 'warning').map((a) => a.message).join('\n');

  test('a cache copied elsewhere (new file identities) is proved again from its evidence and used', async () => {
    const toolCache = tempDir('original');
    await setupTools({ toolCache, inputs: { tools: 'tflint,terraform' } });
    const copy = tempDir('copied');
    execFileSync('cp', ['-r', `${toolCache}/.`, copy]);
    const before = mirror.requests.length;
    const result = await setupTools({ toolCache: copy, inputs: { tools: 'tflint,terraform' } });
    expect(errorsOf(result)).toBe('');
    expect(result.outputs['cache-hit']).toBe('true');
    // terraform's signed SHA256SUMS is re-verified from the entry's copy; tflint's unsigned checksums.txt
    // proves nothing from a cache anyone can write, so it is fetched again, as a cold install does
    expect(mirror.requests.slice(before)).toEqual(['/github.com/wata727/tflint/releases/download/v0.12.1/checksums.txt']);
    expect(result.summary).toContain('| tflint | 0.12.1 | tool cache | checksums.txt; cache entry re-verified |');
    expect(result.summary).toMatch(/\| terraform \| 0\.12\.12 \| tool cache \| SHA256SUMS signed by [0-9A-F]{8}; cache entry re-verified \|/);
    // the record now holds the copy's identity: the run after is a fast hit
    const third = await setupTools({ toolCache: copy, inputs: { tools: 'tflint,terraform' } });
    expect(third.summary).toContain('| tflint | 0.12.1 | tool cache | checksums.txt; cache entry unchanged since then |');
  });

  test('a cached binary that changed since it was verified is replaced', async () => {
    const toolCache = tempDir('recheck');
    const first = await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    const binary = first.outputs['tflint-path']!;
    writeFileSync(binary, evil('tflint', '0.12.1'));
    const second = await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    expect(second.success).toBe(true);
    expect(second.outputs['cache-hit']).toBe('false');
    expect(warnings(second)).toMatch(/tflint 0\.12\.1: ignoring the cached copy \(.*tflint is not the file that was verified .*is not the tflint of the verified tflint_linux_amd64\.zip/);
    expect(readFileSync(binary, 'utf8')).not.toContain('EVIL');
    expectCleanCache(toolCache);
  });

  test('the record edited alone: its claims are held to the pin, and proved again from the evidence, not believed', async () => {
    const toolCache = tempDir('record');
    await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    const entry = entryOf(toolCache, 'tflint', '0.12.1');
    const genuine = readRecord(entry).asset.sha256;
    const pin = (digest: string) => `${digest}  tflint_linux_amd64.zip`;
    writeFileSync(recordOf(entry), JSON.stringify({ ...readRecord(entry), asset: { ...readRecord(entry).asset, sha256: 'f'.repeat(64) } }));
    const pinned = await setupTools({ toolCache, inputs: { tools: 'tflint', checksums: pin(genuine) } });
    expect(pinned.outputs['cache-hit']).toBe('true');
    expect(pinned.summary).toContain('| tflint | 0.12.1 | tool cache | checksums input + checksums.txt; cache entry re-verified |');
    expect(readRecord(entry).asset.sha256).toBe(genuine);
    // a record rewritten to agree with a wrong pin: `always` proves the entry from its evidence
    const wrong = '0'.repeat(64);
    writeFileSync(recordOf(entry), JSON.stringify({ ...readRecord(entry), asset: { ...readRecord(entry).asset, sha256: wrong } }));
    const strict = await setupTools({ toolCache, inputs: { tools: 'tflint', checksums: pin(wrong), 'cache-verification': 'always' } });
    expect(strict.success).toBe(false);
    expect(errorsOf(strict)).toContain(`Checksum mismatch for tflint_linux_amd64.zip: expected sha256 ${wrong} (from the "checksums" input)`);
  });

  test('binary and record edited together (digests rewritten to match) do not pass as verified', async () => {
    const toolCache = tempDir('both');
    await setupTools({ toolCache, inputs: { tools: 'tflint,docker-machine' } });
    for (const [tool, version] of [['tflint', '0.12.1'], ['docker-machine', '0.16.0']] as const) {
      const entry = entryOf(toolCache, tool, version);
      const bad = evil(tool, version);
      writeFileSync(join(entry, tool), bad);
      const record = readRecord(entry);
      record.binarySha256 = sha256(bad);
      if (tool === 'docker-machine') record.asset.sha256 = sha256(bad); // a raw asset is its binary
      writeFileSync(recordOf(entry), JSON.stringify(record));
    }
    const result = await setupTools({ toolCache, inputs: { tools: 'tflint,docker-machine' } });
    expect(errorsOf(result)).toBe('');
    expect(result.outputs['cache-hit']).toBe('false');
    expect(warnings(result)).toContain('docker-machine 0.16.0: ignoring the cached copy');
    expect(warnings(result)).toContain('tflint 0.12.1: ignoring the cached copy');
    for (const tool of ['tflint', 'docker-machine']) {
      expect(execFileSync(result.outputs[`${tool}-path`]!, [tool === 'tflint' ? '--version' : 'version'], { encoding: 'utf8', stdio: 'pipe' })).not.toContain('EVIL');
      expect(readFileSync(result.outputs[`${tool}-path`]!, 'utf8')).not.toContain('EVIL');
    }
  });

  test('a crafted entry restored from an archive, its record copied from a real one, is refused', async () => {
    const genuine = tempDir('genuine');
    await setupTools({ toolCache: genuine, inputs: { tools: 'terraform' } });
    // The attacker's archive: every file of a genuine entry, the binary swapped; `cp -r` gives new
    // inodes and ctimes, as any restore does.
    const toolCache = tempDir('restored');
    execFileSync('cp', ['-r', `${genuine}/.`, toolCache]);
    const entry = entryOf(toolCache, 'terraform', '0.12.12');
    const original = readRecord(entry);
    writeFileSync(join(entry, 'terraform'), evil('terraform', '0.12.12'));
    writeFileSync(recordOf(entry), JSON.stringify({ ...original, binarySha256: sha256(evil('terraform', '0.12.12')) }));
    const result = await setupTools({ toolCache, inputs: { tools: 'terraform' } });
    expect(errorsOf(result)).toBe('');
    expect(result.outputs['cache-hit']).toBe('false');
    expect(warnings(result)).toMatch(/is not the terraform of the verified terraform_0\.12\.12_linux_amd64\.zip/);
    expect(readFileSync(result.outputs['terraform-path']!, 'utf8')).not.toContain('EVIL');
  });

  /** A genuine tflint entry whose binary, record and recorded identity are then all forged to agree. */
  async function forgedTflint(prefix: string): Promise<string> {
    const toolCache = tempDir(prefix);
    await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    const entry = entryOf(toolCache, 'tflint', '0.12.1');
    writeFileSync(join(entry, 'tflint'), evil('tflint', '0.12.1'));
    const s = lstatSync(join(entry, 'tflint'), { bigint: true });
    const record = readRecord(entry);
    record.stamp = { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs) };
    record.binarySha256 = sha256(evil('tflint', '0.12.1'));
    writeFileSync(recordOf(entry), JSON.stringify(record));
    return toolCache;
  }

  test('binary, record and recorded identity all forged: cache-verification: always proves every byte', async () => {
    const toolCache = await forgedTflint('forged');
    const result = await setupTools({ toolCache, inputs: { tools: 'tflint', 'cache-verification': 'always' } });
    expect(errorsOf(result)).toBe('');
    expect(result.outputs['cache-hit']).toBe('false');
    expect(warnings(result)).toContain('is not the tflint of the verified tflint_linux_amd64.zip');
    expect(readFileSync(result.outputs['tflint-path']!, 'utf8')).not.toContain('EVIL');
    // and a genuine entry passes `always` as a cache hit, proved from its evidence
    const again = await setupTools({ toolCache, inputs: { tools: 'tflint', 'cache-verification': 'always' } });
    expect(again.outputs['cache-hit']).toBe('true');
    expect(again.summary).toContain('| tflint | 0.12.1 | tool cache | checksums.txt; cache entry re-verified |');
  });

  // On a self-hosted runner the tool cache outlives the job, and is often shared by several runners
  // on one volume: a job that ran before can have forged an entry whose record matches its file
  // identity, which only proving the entry from its evidence catches. So that is the default there.
  test.each([
    ['a self-hosted runner', 'self-hosted', 'auto: a self-hosted runner'],
    ['a runner too old to set RUNNER_ENVIRONMENT', undefined, 'auto: a self-hosted runner (RUNNER_ENVIRONMENT is not set)'],
  ])('on %s, the default proves every byte: binary, record and recorded identity all forged are caught', async (_name, environment, why) => {
    const toolCache = await forgedTflint('self-hosted');
    const result = await setupTools({ toolCache, inputs: { tools: 'tflint' }, env: { RUNNER_ENVIRONMENT: environment } });
    expect(errorsOf(result)).toBe('');
    expect(result.outputs['cache-hit']).toBe('false');
    expect(warnings(result)).toContain('is not the tflint of the verified tflint_linux_amd64.zip');
    expect(readFileSync(result.outputs['tflint-path']!, 'utf8')).not.toContain('EVIL');
    const again = await setupTools({ toolCache, inputs: { tools: 'tflint' }, env: { RUNNER_ENVIRONMENT: environment } });
    expect(again.summary).toContain('| tflint | 0.12.1 | tool cache | checksums.txt; cache entry re-verified |');
    expect(again.summary).toContain(`Tool cache: every cached tool was proved again from the archive and checksum file kept with it (cache-verification: always; ${why}).`);
  });

  test('on a GitHub-hosted runner, where only the job itself writes the cache, the default checks file identities only', async () => {
    const toolCache = tempDir('hosted');
    await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    const before = mirror.requests.length;
    const warm = await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    expect(warm.summary).toContain('| tflint | 0.12.1 | tool cache | checksums.txt; cache entry unchanged since then |');
    expect(warm.summary).toContain('(cache-verification: on-change; auto: a GitHub-hosted runner)');
    expect(mirror.requests.slice(before)).toEqual([]);
    // `on-change` asked for on a self-hosted runner (one job per fresh machine, say) is what it gets
    const asked = await setupTools({ toolCache, inputs: { tools: 'tflint', 'cache-verification': 'on-change' }, env: { RUNNER_ENVIRONMENT: 'self-hosted' } });
    expect(asked.summary).toContain('(cache-verification: on-change; as set)');
  });

  // The entry's folder goes on PATH: a `git` planted there would run instead of the runner's for
  // every later step, and terraform 0.12 and packer load plugins from their binary's folder.
  test('files planted beside a cached tool are removed, with a warning naming them, and the proved binary is used', async () => {
    const toolCache = tempDir('planted');
    await setupTools({ toolCache, inputs: { tools: 'terraform' } });
    const entry = entryOf(toolCache, 'terraform', '0.12.12');
    writeFileSync(join(entry, 'git'), '#!/bin/sh\necho PLANTED\n', { mode: 0o755 });
    mkdirSync(join(entry, 'linux_amd64'));
    writeFileSync(join(entry, 'linux_amd64', 'terraform-provider-google_v2.20.0_x4'), '#!/bin/sh\necho PLANTED\n', { mode: 0o755 });
    const result = await setupTools({ toolCache, inputs: { tools: 'terraform' } });
    expect(errorsOf(result)).toBe('');
    expect(result.outputs['cache-hit']).toBe('true');
    expect(warnings(result)).toContain(`terraform 0.12.12: removed 2 files shipkit did not put there ("git", "linux_amd64") from its cache entry ${entry}: that folder goes on PATH.`);
    expect(readdirSync(entry).sort()).toEqual(['.shipkit', 'terraform']);
    expect(result.summary).toMatch(/\| terraform \| 0\.12\.12 \| tool cache \| SHA256SUMS signed by [0-9A-F]{8}; cache entry re-verified \|/);
  });

  test('a path in the record cannot become terraform-path', async () => {
    const toolCache = tempDir('path');
    await setupTools({ toolCache, inputs: { tools: 'terraform' } });
    const entry = entryOf(toolCache, 'terraform', '0.12.12');
    writeFileSync(recordOf(entry), JSON.stringify({ ...readRecord(entry), binary: '../../../../../../bin/sh' }));
    const result = await setupTools({ toolCache, inputs: { tools: 'terraform' } });
    expect(errorsOf(result)).toBe('');
    expect(result.outputs['terraform-path']).toBe(join(entry, 'terraform'));
    expect(warnings(result)).toContain('does not describe terraform from terraform_0.12.12_linux_amd64.zip');
  });

  test('a binary swapped for a symlink out of the cache is not used', async () => {
    const toolCache = tempDir('symlink');
    await setupTools({ toolCache, inputs: { tools: 'docker-machine' } });
    const entry = entryOf(toolCache, 'docker-machine', '0.16.0');
    rmSync(join(entry, 'docker-machine'));
    symlinkSync('/bin/sh', join(entry, 'docker-machine'));
    const result = await setupTools({ toolCache, inputs: { tools: 'docker-machine' } });
    expect(errorsOf(result)).toBe('');
    expect(warnings(result)).toContain('docker-machine is not a regular file');
    expect(lstatSync(result.outputs['docker-machine-path']!).isSymbolicLink()).toBe(false);
  });

  test.each([
    ['an entry', (toolCache: string) => join(toolCache, 'hadolint', '2.15.1', 'x64'), 'is a symbolic link'],
    ['a version', (toolCache: string) => join(toolCache, 'hadolint', '2.15.1'), 'leads to'],
  ])('%s folder that is a symlink to a crafted folder elsewhere is not used, nor written through', async (_name, folderOf, message) => {
    const toolCache = tempDir('linked');
    await setupTools({ toolCache, inputs: { tools: 'hadolint', 'hadolint-version': '2.15.1' } });
    const folder = folderOf(toolCache);
    const elsewhere = join(tempDir('elsewhere'), 'moved');
    renameSync(folder, elsewhere);
    symlinkSync(elsewhere, folder);
    const binary = join(toolCache, 'hadolint', '2.15.1', 'x64', 'hadolint');
    writeFileSync(binary, evil('hadolint', '2.15.1')); // through the link, into the crafted folder
    const result = await setupTools({ toolCache, inputs: { tools: 'hadolint', 'hadolint-version': '2.15.1' } });
    expect(errorsOf(result)).toBe('');
    expect(warnings(result)).toContain(message);
    expect(lstatSync(folder).isSymbolicLink()).toBe(false);
    expect(readFileSync(result.outputs['hadolint-path']!, 'utf8')).not.toContain('EVIL');
    expect((await setupTools({ toolCache, inputs: { tools: 'hadolint', 'hadolint-version': '2.15.1' } })).outputs['cache-hit']).toBe('true');
  });

  test('a wrong "checksums" pin is refused warm as it is cold', async () => {
    const toolCache = tempDir('pin');
    await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    const wrong = `${'0'.repeat(64)}  tflint_linux_amd64.zip`;
    const cold = await setupTools({ inputs: { tools: 'tflint', checksums: wrong } });
    const warm = await setupTools({ toolCache, inputs: { tools: 'tflint', checksums: wrong } });
    for (const result of [cold, warm]) {
      expect(result.success).toBe(false);
      expect(errorsOf(result)).toContain(`Checksum mismatch for tflint_linux_amd64.zip: expected sha256 ${'0'.repeat(64)} (from the "checksums" input)`);
    }
    // the right pin is a fast hit, and the summary says the pin was checked
    const right = `${sha256(mirror.files.get('/github.com/wata727/tflint/releases/download/v0.12.1/tflint_linux_amd64.zip')!)}  tflint_linux_amd64.zip`;
    const pinned = await setupTools({ toolCache, inputs: { tools: 'tflint', checksums: right } });
    expect(pinned.outputs['cache-hit']).toBe('true');
    expect(pinned.summary).toContain('| tflint | 0.12.1 | tool cache | checksums input + checksums.txt; cache entry unchanged since then |');
  });

  test("shipkit's embedded digest holds warm: an entry accepted under a pin is refused without it", async () => {
    const toolCache = tempDir('embedded');
    const pinned = await setupTools({ toolCache, inputs: { tools: 'hadolint', checksums: standInDigests } });
    expect(pinned.success).toBe(true);
    const unpinned = await setupTools({ toolCache, inputs: { tools: 'hadolint' } });
    expect(unpinned.success).toBe(false);
    expect(errorsOf(unpinned)).toContain('Checksum mismatch for hadolint-Linux-x86_64: expected sha256 b23e4d0e8964774cc0f4dd7ff81f1d05b5d7538b0b80dae5235b1239ab60749d (from the digest embedded in shipkit');
  });

  test('a hashicorp-public-key refused cold is refused warm; the key that verified is recorded', async () => {
    const toolCache = tempDir('key');
    await setupTools({ toolCache, inputs: { tools: 'terraform' } });
    const stranger = await makeSigner();
    const otherKey = join(tempDir('key'), 'other.asc');
    writeFileSync(otherKey, stranger.publicKey);
    const cold = await setupTools({ inputs: { tools: 'terraform', 'hashicorp-public-key': otherKey } });
    const warm = await setupTools({ toolCache, inputs: { tools: 'terraform', 'hashicorp-public-key': otherKey } });
    for (const result of [cold, warm]) {
      expect(result.success).toBe(false);
      expect(errorsOf(result)).toContain(`terraform_0.12.12_SHA256SUMS.${stranger.shortId}.sig`); // no signature by that key
    }
    const record = readRecord(entryOf(toolCache, 'terraform', '0.12.12'));
    expect(record.checksumFile).toMatchObject({ label: 'SHA256SUMS', key: { fingerprint: expect.stringMatching(new RegExp(`${signer.shortId}$`)) } });
  });

  test('an entry installed with allow-unverified is not used by a run that requires verification', async () => {
    mirror.publishGitHub({ repo: 'hadolint/hadolint', version: '2.9.1', assets: [{ name: 'hadolint-Linux-x86_64', data: standIn('hadolint', '2.9.1') }], checksums: null });
    const toolCache = tempDir('unverified');
    const allowed = await setupTools({ toolCache, inputs: { tools: 'hadolint', 'hadolint-version': '2.9.1', 'allow-unverified': 'true' } });
    expect(allowed.success).toBe(true);
    const strict = await setupTools({ toolCache, inputs: { tools: 'hadolint', 'hadolint-version': '2.9.1' } });
    expect(strict.success).toBe(false);
    expect(errorsOf(strict)).toContain('hadolint 2.9.1 publishes no checksum file, and shipkit embeds no digest for hadolint-Linux-x86_64');
  });
});

// Archives are verified before they are opened, but the reader still does not believe them.
describe('crafted archives', () => {
  async function publishCrafted(version: string, zip: Buffer) {
    await mirror.publishHashiCorp({ product: 'terraform', version, builds: [{ os: 'linux', arch: 'amd64', zip }], signer });
  }

  test('a symlink entry is refused, not written as a file and run', async () => {
    await publishCrafted('1.0.1', makeZip([{ name: 'terraform', data: Buffer.from('/bin/busybox'), mode: 0o120777 }]));
    const toolCache = tempDir('zip-symlink');
    const result = await setupTools({ toolCache, inputs: { tools: 'terraform', 'terraform-version': '1.0.1' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toContain('terraform 1.0.1: terraform_1.0.1_linux_amd64.zip from');
    expect(errorsOf(result)).toContain('terraform in the archive is a symbolic link; only a regular file is installed. Nothing was installed.');
    expect(existsSync(join(toolCache, 'terraform', '1.0.1', 'x64'))).toBe(false);
    expectCleanCache(toolCache);
  });

  test('a zip bomb is refused before a byte is written', async () => {
    // 64 MB of zeros deflate to about 64 KB: 1000 times, where real binaries are about 3
    const bomb = makeZip([{ name: 'terraform', data: Buffer.alloc(64 * 1024 * 1024) }], { deflate: true });
    expect(bomb.length).toBeLessThan(200_000);
    await publishCrafted('1.0.2', bomb);
    const toolCache = tempDir('zip-bomb');
    const result = await setupTools({ toolCache, inputs: { tools: 'terraform', 'terraform-version': '1.0.2' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toMatch(/terraform would inflate to 67108864 bytes from \d+ \(limits: 1073741824 bytes, 50 times its compressed size\); refusing what looks like a zip bomb/);
    expectCleanCache(toolCache);
  });

  test('an entry that inflates past the size its header declares is cut off', async () => {
    const data = Buffer.concat([standIn('terraform', '1.0.3'), Buffer.alloc(4 * 1024 * 1024)]);
    await publishCrafted('1.0.3', makeZip([{ name: 'terraform', data, declaredSize: 1000 }], { deflate: true }));
    const toolCache = tempDir('zip-liar');
    const result = await setupTools({ toolCache, inputs: { tools: 'terraform', 'terraform-version': '1.0.3' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toMatch(/terraform_1\.0\.3_linux_amd64\.zip from .*(inflates past the 1000 bytes its archive declares|too many bytes)/);
    expectCleanCache(toolCache);
  });
});

describe('network trouble', () => {
  test('503 twice, then success', async () => {
    mirror.fault('/docker/machine/releases/download/v0.16.0/docker-machine-Linux-x86_64', { status: 503, times: 2 });
    const result = await setupTools({ inputs: { tools: 'docker-machine' } });
    expect(errorsOf(result)).toBe('');
    expect(result.main.log.filter((l) => l.includes('HTTP 503; retrying'))).toHaveLength(2);
  });

  test('404 says the version or asset does not exist, with the URL', async () => {
    const result = await setupTools({ inputs: { tools: 'terraform', 'terraform-version': '0.12.99' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toMatch(
      /terraform 0\.12\.99 has no terraform_0\.12\.99_linux_amd64\.zip for linux\/x64: http:\/\/127\.0\.0\.1:\d+\/releases\.hashicorp\.com\/terraform\/0\.12\.99\/terraform_0\.12\.99_linux_amd64\.zip answered 404\./,
    );
  });

  test('a download cut short is retried', async () => {
    mirror.fault('/hadolint/releases/download/v2.15.1/hadolint-linux-x86_64', { truncate: true, times: 1 });
    const result = await setupTools({ inputs: { tools: 'hadolint', 'hadolint-version': '2.15.1' } });
    expect(errorsOf(result)).toBe('');
    expect(result.main.log.some((l) => l.includes('retrying'))).toBe(true);
  });

  test('a download always cut short fails clearly and leaves nothing behind', async () => {
    mirror.fault('/docker/machine/releases/download/v0.16.2/docker-machine-Linux-x86_64', { truncate: true, times: 4 });
    const toolCache = tempDir('truncated');
    const result = await setupTools({ toolCache, inputs: { tools: 'docker-machine', 'docker-machine-version': '0.16.2' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toMatch(/docker-machine-Linux-x86_64 failed 4 times; last: the connection broke after \d+ bytes .*re-run the job, or set "mirrors" to a closer copy/);
    expectCleanCache(toolCache);
  });
});

describe('platforms', () => {
  test('terraform 0.12.12 has no arm64 build: named tool, version and platform', async () => {
    const result = await setupTools({ inputs: { tools: 'terraform,hadolint' }, env: { RUNNER_ARCH: 'ARM64', RUNNER_OS: 'Linux' } });
    expect(result.success).toBe(false);
    const errors = errorsOf(result);
    expect(errors).toContain('terraform 0.12.12 has no linux/arm64 build. terraform 0.12 and older published no arm64 builds.');
    expect(errors).toContain('hadolint 1.17.2 has no linux/arm64 build. The first version with one is 2.10.0.');
  });

  test('docker-machine on Apple Silicon', async () => {
    const result = await setupTools({ inputs: { tools: 'docker-machine' }, env: { RUNNER_ARCH: 'ARM64', RUNNER_OS: 'macOS' } });
    expect(errorsOf(result)).toContain('docker-machine 0.16.0 has no darwin/arm64 build. Apple Silicon Macs run the Darwin-x86_64 build under Rosetta 2');
  });
});

describe('shared tool cache', () => {
  test('two concurrent installs into one cache both succeed and leave one whole entry', async () => {
    const toolCache = tempDir('concurrent');
    const inputs = { tools: 'terraform,tflint,docker-machine' };
    const [a, b] = await Promise.all([setupTools({ toolCache, inputs }), setupTools({ toolCache, inputs })]);
    expect(errorsOf(a)).toBe('');
    expect(errorsOf(b)).toBe('');
    expect(a.outputs['terraform-path']).toBe(b.outputs['terraform-path']);
    expectCleanCache(toolCache);
    const third = await setupTools({ toolCache, inputs });
    expect(third.outputs['cache-hit']).toBe('true');
  });

  test('an entry another job has just renamed into place (its .complete marker not written yet) is used, not moved aside and deleted', async () => {
    const toolCache = tempDir('unmarked');
    await setupTools({ toolCache, inputs: { tools: 'terraform' } });
    const entry = join(toolCache, 'terraform', '0.12.12', 'x64');
    rmSync(`${entry}.complete`);
    const inode = lstatSync(join(entry, 'terraform')).ino;
    const before = mirror.requests.length;
    const result = await setupTools({ toolCache, inputs: { tools: 'terraform' } });
    expect(errorsOf(result)).toBe('');
    expect(result.outputs['cache-hit']).toBe('true');
    expect(lstatSync(join(entry, 'terraform')).ino).toBe(inode);
    expect(mirror.requests.slice(before)).toEqual([]);
  });

  test('six processes installing into an empty cache at once: all succeed, one whole entry stays', async () => {
    for (let round = 0; round < 3; round++) {
      const toolCache = tempDir('race-empty');
      const inputs = { tools: 'terraform,tflint' };
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => setupTools({ toolCache, inputs })));
      for (const result of results) expect(errorsOf(result)).toBe('');
      expect(execFileSync(results[0]!.outputs['terraform-path']!, ['version'], { encoding: 'utf8' })).toBe('Terraform v0.12.12\n');
      expectCleanCache(toolCache);
      expect((await setupTools({ toolCache, inputs })).outputs['cache-hit']).toBe('true');
    }
  });

  // Four jobs find the same broken entry and all replace it at once: none may fail, none may move
  // aside (and delete) the whole entry another one just put in place, and what stays is whole.
  test.each([
    ['written by another tool (no shipkit record)', (entry: string) => rmSync(join(entry, '.shipkit'), { recursive: true, force: true })],
    ['whose binary was edited', (entry: string) => writeFileSync(join(entry, 'terraform'), standIn('terraform', '0.12.12', { body: 'echo EVIL' }))],
  ])('four processes replacing an entry %s', async (_name, spoil) => {
    const toolCache = tempDir('race');
    const inputs = { tools: 'terraform' };
    expect((await setupTools({ toolCache, inputs })).success).toBe(true);
    const entry = join(toolCache, 'terraform', '0.12.12', 'x64');
    for (let round = 0; round < 3; round++) {
      spoil(entry);
      const results = await Promise.all([1, 2, 3, 4].map(() => setupTools({ toolCache, inputs })));
      for (const result of results) {
        expect(errorsOf(result)).toBe('');
        expect(result.outputs['terraform-path']).toBe(join(entry, 'terraform'));
      }
      expect(execFileSync(join(entry, 'terraform'), ['version'], { encoding: 'utf8' })).toBe('Terraform v0.12.12\n');
      expect(readdirSync(join(entry, '.shipkit'))).toContain('record.json');
      expectCleanCache(toolCache);
      const after = await setupTools({ toolCache, inputs });
      expect(after.outputs['cache-hit']).toBe('true');
    }
  });
});

/** The bundled step as its own process, the way the runner starts it, so the test can signal it. */
function startStep(inputs: Record<string, string>, toolCache: string) {
  const dir = actionDir('setup-tools');
  const manifest = readManifest(dir);
  const home = tempDir('step');
  const env = actionEnv({ RUNNER_TOOL_CACHE: toolCache, RUNNER_TEMP: home, GITHUB_WORKSPACE: tempDir('ws') });
  for (const file of ['GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE']) {
    env[file] = join(home, file.toLowerCase());
    writeFileSync(env[file], '');
  }
  for (const [name, spec] of Object.entries(manifest.inputs ?? {})) {
    env[inputVariable(name)] = inputs[name] ?? (String(spec.default ?? '').includes('${{') ? '' : String(spec.default ?? ''));
  }
  const child = spawn(NODE24, [join(dir, manifest.runs.main!)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => out };
}

function stagingFolders(toolCache: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (!existsSync(dir) || depth > 3) return;
    for (const name of readdirSync(dir)) {
      if (name.includes('.staging-') || name.includes('.replaced-')) found.push(join(dir, name));
      if (lstatSync(join(dir, name)).isDirectory()) walk(join(dir, name), depth + 1);
    }
  };
  walk(toolCache, 0);
  return found;
}

describe('a cancelled run', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('%s in the middle of a download leaves no staging folder', async (signal) => {
    const version = signal === 'SIGINT' ? '0.15.1' : '0.15.2';
    const data = standIn('docker-machine', version, { padTo: 4_000_000 });
    mirror.publishGitHub({ repo: 'docker/machine', version, assets: [{ name: 'docker-machine-Linux-x86_64', data }], checksums: { file: 'sha256sum.txt' } });
    const toolCache = tempDir('cancel');
    mirror.throttle.bytesPerSecond = 256 * 1024;
    try {
      const step = startStep({ tools: 'docker-machine', 'docker-machine-version': version, mirrors: mirror.mirrorsInput, 'github-api-url': mirror.apiUrl }, toolCache);
      // wait until the download is under way: a staging folder holding part of the binary
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const staging = stagingFolders(toolCache)[0];
        if (staging && existsSync(join(staging, 'docker-machine')) && lstatSync(join(staging, 'docker-machine')).size > 0) break;
        await sleep(50);
      }
      expect(stagingFolders(toolCache)).toHaveLength(1);
      step.child.kill(signal);
      const { code, signal: by } = await step.exited;
      expect(by ?? code).toBe(by ? signal : 128 + (signal === 'SIGINT' ? 2 : 15));
      expect(stagingFolders(toolCache)).toEqual([]);
      expect(existsSync(join(toolCache, 'docker-machine', version, 'x64'))).toBe(false);
    } finally {
      mirror.throttle.bytesPerSecond = 0;
    }
  });
});

describe('a cancelled run, while a version command hangs', () => {
  // The probe runs in a process group of its own so that it can be killed whole; the runner's
  // cancel (SIGINT, SIGTERM to the step) then no longer reaches it, so the step must end it.
  test('SIGTERM to the step ends the version command and what it started, and leaves no staging folder', async () => {
    const pidFile = join(tempDir('probe'), 'pids');
    const binary = Buffer.from(
      `#!/bin/sh\n# shipkit test stand-in for tflint 0.13.2: NOT the real tflint. Its version command ignores SIGTERM and never answers.\n` +
        `trap '' TERM INT\nsleep 600 &\necho "$$ $!" > ${pidFile}.tmp\nmv ${pidFile}.tmp ${pidFile}\nwait\n`,
    );
    mirror.publishGitHub({ repo: 'wata727/tflint', version: '0.13.2', assets: [{ name: 'tflint_linux_amd64.zip', data: makeZip([{ name: 'tflint', data: binary }]) }], checksums: { file: 'checksums.txt' } });
    const toolCache = tempDir('cancel-probe');
    const step = startStep({ tools: 'tflint', 'tflint-version': '0.13.2', mirrors: mirror.mirrorsInput, 'github-api-url': mirror.apiUrl }, toolCache);
    const deadline = Date.now() + 20_000;
    while (!existsSync(pidFile) && Date.now() < deadline) await sleep(20);
    const pids = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
    try {
      step.child.kill('SIGTERM');
      const { code, signal } = await step.exited;
      expect(signal ?? code).toBe(signal ? 'SIGTERM' : 143);
      const running = [];
      for (const pid of pids) if (await stillRunning(pid)) running.push(pid);
      expect(running).toEqual([]);
      expect(stagingFolders(toolCache)).toEqual([]);
    } finally {
      for (const pid of pids) if (await stillRunning(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});

describe('bad input through the runner', () => {
  test('fails the step with one clear message, no stack trace', async () => {
    const result = await setupTools({ inputs: { tools: 'terraform', 'terraform-version': 'newest' } });
    expect(result.success).toBe(false);
    expect(errorsOf(result)).toBe(
      'Input "terraform-version" is "newest": expected an exact version (1.5.7 or v1.5.7), "latest", or a semver range (~1.5, 1.x, >=1.5 <1.7).',
    );
    expect(result.main.log.join('\n')).not.toMatch(/\n\s+at /);
  });
});
