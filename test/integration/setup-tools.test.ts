import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runAction, type RunResult } from '../../cli/runner.js';
import { makeSigner, ReleaseMirror } from '../support/mirror.mjs';
import { publishToolchain, REAL_PACKER } from '../support/toolchain.mjs';
import { standIn } from '../support/standins.mjs';
import { makeZip } from '../support/zip.mjs';
import { actionEnv, NODE24, RUNTIMES, tempDir } from '../support/runner-env.js';

// setup-tools, bundled, run through the local runner exactly as a runner would, against a
// loopback release mirror laid out like releases.hashicorp.com, github.com and api.github.com.
// docker-machine, tflint, hadolint and terraform 0.12.12 are stand-ins (they only print the
// upstream version line); packer 1.6.6 and terraform 1.11.4 are the real binaries, re-packed.

let mirror: ReleaseMirror;
let signer: Awaited<ReturnType<typeof makeSigner>>;
let standInDigests: string;
let realVersions: Record<string, string>;
let keyFile: string;

beforeAll(async () => {
  signer = await makeSigner();
  mirror = await new ReleaseMirror().start();
  ({ checksums: standInDigests, real: realVersions } = await publishToolchain(mirror, { signer }));
  keyFile = join(tempDir('key'), 'test-release-key.asc');
  writeFileSync(keyFile, signer.publicKey);
  console.log(`real binaries served: ${JSON.stringify(realVersions)}; the rest are stand-ins`);
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
    env: actionEnv(env),
    workspace: tempDir('ws'),
    inputs: {
      mirrors: mirror.mirrorsInput,
      'github-api-url': mirror.apiUrl,
      'hashicorp-public-key': keyFile,
      ...inputs,
    },
  });
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
    // HashiCorp zips carry only the binary into the cache
    expect(readdirSync(join(toolCache, 'terraform', '0.12.12', 'x64')).sort()).toEqual(['.shipkit.json', 'terraform']);
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

describe('real binaries end to end', () => {
  test('the real packer, re-packed as upstream ships it, installs and runs (fetched over parallel ranges)', async () => {
    expect(realVersions.packer).toBeDefined(); // Debian's packer is installed by .ci/run
    const ranges = mirror.rangeRequests;
    const result = await setupTools({ inputs: { tools: 'packer', 'packer-version': realVersions.packer! } });
    expect(mirror.rangeRequests - ranges).toBe(3); // the first response carries segment one
    expect(errorsOf(result)).toBe('');
    const out = execFileSync(result.outputs['packer-path']!, ['version'], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    expect(out).toContain(`Packer v${realVersions.packer}`);
    expect(readFileSync(result.outputs['packer-path']!).equals(readFileSync(REAL_PACKER))).toBe(true);
  });
});

describe('large downloads', () => {
  test('a server without Range support gets one plain download', async () => {
    mirror.ranges = false;
    try {
      const ranges = mirror.rangeRequests;
      const result = await setupTools({ inputs: { tools: 'packer', 'packer-version': realVersions.packer! } });
      expect(errorsOf(result)).toBe('');
      expect(mirror.rangeRequests).toBe(ranges);
      expect(readFileSync(result.outputs['packer-path']!).equals(readFileSync(REAL_PACKER))).toBe(true);
    } finally {
      mirror.ranges = true;
    }
  });

  test('a segment cut short is retried and the file still verifies', async () => {
    mirror.fault(`/packer_${realVersions.packer!}_linux_amd64.zip`, { truncate: true, times: 1 });
    const result = await setupTools({ inputs: { tools: 'packer', 'packer-version': realVersions.packer! } });
    expect(errorsOf(result)).toBe('');
    expect(result.main.log.some((l) => l.includes('retrying'))).toBe(true);
    expect(readFileSync(result.outputs['packer-path']!).equals(readFileSync(REAL_PACKER))).toBe(true);
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
      terraform: realVersions.terraform ?? '1.11.4',
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

  test('a cache copied elsewhere (new file identities) is re-hashed, matches, and used', async () => {
    const toolCache = tempDir('original');
    await setupTools({ toolCache, inputs: { tools: 'tflint,terraform' } });
    const copy = tempDir('copied');
    execFileSync('cp', ['-r', `${toolCache}/.`, copy]);
    const before = mirror.requests.length;
    const result = await setupTools({ toolCache: copy, inputs: { tools: 'tflint,terraform' } });
    expect(result.outputs['cache-hit']).toBe('true');
    expect(mirror.requests.slice(before)).toEqual([]);
    expect(result.summary).toContain('| tflint | 0.12.1 | tool cache | checksums.txt; re-hashed, matches the recorded sha256 |');
  });

  test('a cached binary that changed since it was verified is replaced', async () => {
    const toolCache = tempDir('recheck');
    const first = await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    const binary = first.outputs['tflint-path']!;
    writeFileSync(binary, standIn('tflint', '0.12.1', { body: 'echo injected' }));
    const second = await setupTools({ toolCache, inputs: { tools: 'tflint' } });
    expect(second.success).toBe(true);
    expect(second.outputs['cache-hit']).toBe('false');
    expect(second.annotations.some((a) => a.level === 'warning' && a.message.includes('ignoring the cached copy'))).toBe(true);
    expect(readFileSync(binary, 'utf8')).not.toContain('injected');
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
