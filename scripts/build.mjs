// Bundles every action (actions/<name>/src/index.ts) and the CLI with ncc, in parallel, one ncc
// process each. Transpile-only: `npm run typecheck` does the type checking.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const entries = readdirSync('actions')
  .filter((name) => existsSync(join('actions', name, 'src', 'index.ts')))
  .map((name) => ({ input: join('actions', name, 'src', 'index.ts'), out: join('actions', name, 'dist') }));
entries.push({ input: join('cli', 'shipkit.ts'), out: join('cli', 'dist') });

const ncc = join('node_modules', '.bin', 'ncc');
const build = ({ input, out }) =>
  new Promise((resolve, reject) => {
    rmSync(out, { recursive: true, force: true });
    const child = spawn(ncc, ['build', input, '-o', out, '-t', '-q', '--license', 'licenses.txt'], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`ncc failed for ${input} (exit ${code})`))));
  });

const started = Date.now();
const built = await Promise.all(entries.map(build));
console.log(`built ${built.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
