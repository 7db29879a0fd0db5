import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ToolError } from './errors.js';
import { nameForLog } from './log.js';

/**
 * Reads the one entry named `entryName` (at the archive's top level) out of a zip, streaming, and
 * ignores everything else (HashiCorp zips also carry LICENSE.txt from some versions on).
 * In-process, so no `unzip` binary is needed on minimal images or Windows.
 *
 * The archive was verified against its checksums before it gets here, but the reader still does
 * not believe it: an entry that is a symlink or a folder is refused (never written as a file and
 * executed), and an entry may not inflate past `maxBytes` or `maxRatio` times its compressed size,
 * checked on the declared sizes before a byte is written and on the bytes as they come.
 */

export interface ExtractLimits {
  maxBytes: number;
  maxRatio: number;
}

/** Real release binaries: up to a few hundred MB, compressed about 3:1 (Go) or not at all. */
export const DEFAULT_LIMITS: ExtractLimits = { maxBytes: 1024 * 1024 * 1024, maxRatio: 50 };

export interface Extracted {
  sha256: string;
  bytes: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const MADE_BY_UNIX = 3;

/**
 * Writes the entry to `dest` (a new file, mode 0755; never an existing one) and returns its
 * SHA-256; with `dest` undefined it only hashes the entry.
 */
export async function extractEntry(zipPath: string, entryName: string, dest: string | undefined, limits = DEFAULT_LIMITS): Promise<Extracted> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, file) =>
      err || !file ? reject(new ToolError(`it is not a readable zip archive (${err?.message ?? 'empty'})`)) : resolve(file),
    ),
  );
  try {
    const entry = await findEntry(zip, entryName);
    checkEntry(entry, entryName, limits);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
    );
    const hash = createHash('sha256');
    let bytes = 0;
    const take = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > entry.uncompressedSize) throw new ToolError(`${nameForLog(entryName)} inflates past the ${entry.uncompressedSize} bytes its archive declares`);
      hash.update(chunk);
    };
    if (dest) {
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          try {
            take(chunk);
            done(null, chunk);
          } catch (error: unknown) {
            done(error as Error);
          }
        },
      });
      await pipeline(stream, count, createWriteStream(dest, { flags: 'wx', mode: 0o755 }));
    } else {
      // Hashing only (the recheck of a cache entry, on every run with cache-verification: always):
      // no stream machinery between the inflater and the hash.
      for await (const chunk of stream as AsyncIterable<Buffer>) take(chunk);
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    zip.close();
  }
}

async function findEntry(zip: yauzl.ZipFile, entryName: string): Promise<yauzl.Entry> {
  const names: string[] = [];
  const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (e.fileName === entryName || e.fileName === `${entryName}/`) resolve(e);
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
    throw new ToolError(`the archive holds no ${nameForLog(entryName)} (it holds: ${names.map(nameForLog).join(', ') || 'nothing'})`);
  }
  return entry;
}

function checkEntry(entry: yauzl.Entry, entryName: string, limits: ExtractLimits): void {
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  const unix = entry.versionMadeBy >> 8 === MADE_BY_UNIX;
  if (entry.fileName.endsWith('/') || (unix && type !== 0 && type !== S_IFREG)) {
    const what = type === S_IFLNK ? 'a symbolic link' : entry.fileName.endsWith('/') ? 'a folder' : 'not a regular file';
    throw new ToolError(`${nameForLog(entryName)} in the archive is ${what}; only a regular file is installed`);
  }
  const size = entry.uncompressedSize;
  const packed = Math.max(entry.compressedSize, 1);
  // A small entry cannot do harm whatever its ratio; a big one must look like a real binary.
  if (size > limits.maxBytes || (size > 1024 * 1024 && size / packed > limits.maxRatio)) {
    throw new ToolError(
      `${nameForLog(entryName)} would inflate to ${size} bytes from ${entry.compressedSize} ` +
        `(limits: ${limits.maxBytes} bytes, ${limits.maxRatio} times its compressed size); refusing what looks like a zip bomb`,
    );
  }
}
