import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeSigner, ReleaseMirror } from './mirror.mjs';
import { actionEnv, NODE24, tempDir } from './runner-env.js';
import { publishToolchain } from './toolchain.mjs';

/** The bundled CLI (cli/dist), run as users run it. Asynchronous: the servers it talks to live in this process. */
export function shipkit(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'cli', 'dist', 'index.js'), ...args], {
      env: actionEnv({ SHIPKIT_NODE: NODE24, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

export interface ToolMirror {
  mirror: ReleaseMirror;
  keyFile: string;
  /** The options that send the kit's downloads to the loopback mirror and trust its test key. */
  args: string[];
}

/** The loopback release mirror with the five tools, and the CLI options that point the actions at it. */
export async function toolMirror(toolCache: string): Promise<ToolMirror> {
  const mirror = await new ReleaseMirror().start();
  const signer = await makeSigner();
  await publishToolchain(mirror, { signer });
  const keyFile = join(tempDir('key'), 'key.asc');
  writeFileSync(keyFile, signer.publicKey);
  return { mirror, keyFile, args: ['--mirrors', mirror.mirrorsInput, '--hashicorp-public-key', keyFile, '--tool-cache', toolCache] };
}
