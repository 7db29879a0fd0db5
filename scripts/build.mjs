// Bundles every action (actions/<name>/src/index.ts) and the CLI with ncc, in parallel, one ncc
// process each. Transpile-only: `npm run typecheck` does the type checking.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// actions/<name>/src/index.ts -> dist/index.js (runs.main); src/index-post.ts -> dist/post/index.js (runs.post)
const entries = readdirSync('actions').flatMap((name) => {
  const src = join('actions', name, 'src');
  const found = [];
  if (existsSync(join(src, 'index.ts'))) found.push({ input: join(src, 'index.ts'), out: join('actions', name, 'dist') });
  if (existsSync(join(src, 'index-post.ts'))) found.push({ input: join(src, 'index-post.ts'), out: join('actions', name, 'dist', 'post') });
  return found;
});
entries.push({ input: join('cli', 'shipkit.ts'), out: join('cli', 'dist') });

const ncc = join('node_modules', '.bin', 'ncc');
const build = ({ input, out }) =>
  new Promise((resolve, reject) => {
    rmSync(out, { recursive: true, force: true });
    const child = spawn(ncc, ['build', input, '-o', out, '-t', '-q', '--license', 'licenses.txt'], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`ncc failed for ${input} (exit ${code})`))));
  });

const started = Date.now();
// A main bundle's folder holds its post bundle, so mains (which empty their folder) go first.
const mains = entries.filter((e) => !e.out.endsWith('post'));
const built = await Promise.all(mains.map(build));
built.push(...(await Promise.all(entries.filter((e) => e.out.endsWith('post')).map(build))));
console.log(`built ${built.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
