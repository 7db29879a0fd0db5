import { createHash } from 'node:crypto';
import { createReadStream, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import dockerignore from '@balena/dockerignore';

/** The label on every image that records what it was built from. */
export const CONTEXT_DIGEST_LABEL = 'dev.shipkit.context-digest';

export interface BuildInputs {
  dockerfile: string;
  buildArgs: string[];
  labels: string[];
  target: string;
  platforms: string[];
}

/**
 * A digest of everything that decides what an image holds: the files Docker would send as the
 * build context (after .dockerignore), the Dockerfile, build args, labels, target and platforms.
 * Two equal digests mean a rebuild would produce the same image, so the old one can be re-tagged.
 */
export async function contextDigest(contextDir: string, inputs: BuildInputs): Promise<string> {
  const hash = createHash('sha256');
  hash.update('shipkit-context-v1\0');
  const ignoreFile = join(contextDir, '.dockerignore');
  const ignore = dockerignore({ ignorecase: false });
  if (existsSync(ignoreFile)) ignore.add(readFileSync(ignoreFile, 'utf8'));

  for (const file of listFiles(contextDir, ignore)) {
    const full = join(contextDir, file);
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) {
      hash.update(`L ${file}\0${readlinkSync(full)}\0`);
    } else {
      hash.update(`F ${file}\0${stat.mode & 0o111 ? 'x' : '-'}\0`);
      for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
      hash.update('\0');
    }
  }
  hash.update('D\0');
  hash.update(readFileSync(inputs.dockerfile));
  hash.update('\0');
  hash.update(`A\0${[...inputs.buildArgs].sort().join('\n')}\0`);
  hash.update(`B\0${[...inputs.labels].sort().join('\n')}\0`);
  hash.update(`T\0${inputs.target}\0P\0${[...inputs.platforms].sort().join(',')}\0`);
  return hash.digest('hex');
}

function listFiles(root: string, ignore: ReturnType<typeof dockerignore>): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = relative(root, full).split(sep).join('/');
      const stat = lstatSync(full);
      if (stat.isDirectory()) {
        // A folder can be ignored while a file inside is re-included (`!dir/keep`), so walk it anyway.
        walk(full);
      } else if (!ignore.ignores(rel)) {
        files.push(rel);
      }
    }
  };
  walk(root);
  return files;
}
