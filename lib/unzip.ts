import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ToolError } from './errors.js';

/**
 * Extracts the one entry named `entryName` (at the archive's top level) to `dest`, streaming, and
 * ignores everything else (HashiCorp zips also carry LICENSE.txt from some versions on). In-process,
 * so no `unzip` binary is needed on minimal images or Windows.
 */
export async function extractEntry(zipPath: string, entryName: string, dest: string): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (err, file) =>
      err || !file ? reject(new ToolError(`${zipPath} is not a readable zip archive (${err?.message ?? 'empty'})`)) : resolve(file),
    ),
  );
  try {
    const names: string[] = [];
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName === entryName) resolve(e);
        else {
          names.push(e.fileName);
          zip.readEntry();
        }
      });
      zip.on('end', () => resolve(undefined));
      zip.on('error', reject);
      zip.readEntry();
    });
    if (!entry) {
      throw new ToolError(`the archive holds no "${entryName}" (it holds: ${names.join(', ') || 'nothing'})`);
    }
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
    );
    await pipeline(stream, createWriteStream(dest, { mode: 0o755 }));
  } finally {
    zip.close();
  }
}
