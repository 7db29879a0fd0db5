import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpClient, type HttpClientResponse } from '@actions/http-client';
import { ToolError } from './errors.js';
import { mapUrl, type Mirror } from './mirrors.js';

export interface FetcherOptions {
  mirrors?: readonly Mirror[];
  /** Bearer token sent only to URLs under `tokenOrigin` (the GitHub API), never to download hosts. */
  token?: string;
  tokenOrigin?: string;
  /** Back-off before each retry, in ms; its length bounds the retries. */
  retryDelays?: readonly number[];
  /** Parallel Range requests for one large download; 1 turns splitting off. */
  segments?: number;
  log?: (line: string) => void;
}

export interface Downloaded {
  path: string;
  url: string;
  sha256: string;
  bytes: number;
}

/** An HTTP answer that retrying cannot change (404, 403, ...), with what the server said. */
export class HttpStatusError extends ToolError {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: Record<string, string | string[] | undefined>,
    readonly body: string,
  ) {
    super(`GET ${url} answered ${status}`);
  }
}

class TransientError extends Error {}

const DEFAULT_DELAYS = [250, 1000, 3000];
/** Below this size a second connection costs more than it saves. */
const SPLIT_ABOVE = 8 * 1024 * 1024;
const DEFAULT_SEGMENTS = 4;
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * Every network read of the kit goes through here, so the mirror mapping, the token policy and the
 * retry policy apply to all of them alike: assets, checksum files, signatures and indexes.
 */
export class Fetcher {
  private readonly client = new HttpClient('shipkit', undefined, { socketTimeout: 60_000, keepAlive: true });
  private readonly delays: readonly number[];

  constructor(private readonly options: FetcherOptions = {}) {
    this.delays = options.retryDelays ?? DEFAULT_DELAYS;
  }

  /** The URL that is really fetched for an upstream URL. */
  resolve(url: string): string {
    return mapUrl(url, this.options.mirrors ?? []);
  }

  async text(upstreamUrl: string, headers: Record<string, string> = {}): Promise<string> {
    return this.withRetries(upstreamUrl, async (url) => {
      const response = await this.get(url, headers);
      return response.readBody();
    });
  }

  async json<T>(upstreamUrl: string, headers: Record<string, string> = {}): Promise<T> {
    const body = await this.text(upstreamUrl, { accept: 'application/json', ...headers });
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new ToolError(`${this.resolve(upstreamUrl)} did not answer with JSON (got "${body.slice(0, 80)}").`);
    }
  }

  async buffer(upstreamUrl: string): Promise<Buffer> {
    return this.withRetries(upstreamUrl, async (url) => {
      const response = await this.get(url, {});
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of response.message) chunks.push(chunk as Buffer);
      } catch (error: unknown) {
        throw new TransientError(`the connection broke (${(error as Error).message})`);
      }
      const body = Buffer.concat(chunks);
      checkLength(response, body.length, url);
      return body;
    });
  }

  /**
   * Downloads to `dest` and returns its SHA-256. A large file from a server that accepts ranges is
   * fetched over several connections at once (CDNs limit each connection, not the client); the
   * first response carries the first segment. Anything else streams whole, hashed on the way.
   */
  async download(upstreamUrl: string, dest: string): Promise<Downloaded> {
    return this.withRetries(upstreamUrl, async (url) => {
      const response = await this.get(url, {});
      const total = Number(response.message.headers['content-length']);
      const segments = this.options.segments ?? DEFAULT_SEGMENTS;
      const splittable = response.message.headers['accept-ranges'] === 'bytes' && total >= SPLIT_ABOVE && segments > 1;
      return splittable ? this.downloadSegments(url, response, total, segments, dest) : this.downloadWhole(url, response, dest);
    });
  }

  private async downloadWhole(url: string, response: HttpClientResponse, dest: string): Promise<Downloaded> {
    const hash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(response.message, tap, createWriteStream(dest));
    } catch (error: unknown) {
      throw classifyStreamError(error, dest, bytes);
    }
    checkLength(response, bytes, url);
    return { path: dest, url, sha256: hash.digest('hex'), bytes };
  }

  private async downloadSegments(url: string, first: HttpClientResponse, total: number, segments: number, dest: string): Promise<Downloaded> {
    const size = Math.ceil(total / segments);
    const file = await open(dest, 'w');
    try {
      const rest = Array.from({ length: segments - 1 }, (_, i) => (i + 1) * size).filter((start) => start < total);
      // Every segment settles before the file closes, so a retry never races a stale writer.
      const results = await Promise.allSettled([
        writeSegment(first, file, 0, size, dest),
        ...rest.map(async (start) => {
          const end = Math.min(total, start + size) - 1;
          const part = await this.get(url, { range: `bytes=${start}-${end}` });
          const range = String(part.message.headers['content-range'] ?? '');
          if (part.message.statusCode !== 206 || !range.startsWith(`bytes ${start}-${end}/`)) {
            part.message.destroy();
            throw new TransientError(`asked for bytes ${start}-${end} but got status ${part.message.statusCode} ${range}`);
          }
          await writeSegment(part, file, start, end - start + 1, dest);
        }),
      ]);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    } finally {
      await file.close();
    }
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(dest)) hash.update(chunk as Buffer);
    return { path: dest, url, sha256: hash.digest('hex'), bytes: total };
  }

  private async get(url: string, headers: Record<string, string>): Promise<HttpClientResponse> {
    const all: Record<string, string> = { ...headers };
    const { token, tokenOrigin } = this.options;
    if (token && tokenOrigin && new URL(url).origin === new URL(tokenOrigin).origin) {
      all.authorization = `Bearer ${token}`;
    }
    let response: HttpClientResponse;
    try {
      response = await this.client.get(url, all);
    } catch (error: unknown) {
      throw new TransientError(String((error as Error)?.message ?? error));
    }
    const status = response.message.statusCode ?? 0;
    if (status >= 200 && status < 300) return response;
    const body = await response.readBody().catch(() => '');
    if (status >= 500 || status === 408 || status === 429) {
      const retryAfter = Number(response.message.headers['retry-after']);
      throw Object.assign(new TransientError(`HTTP ${status}`), {
        retryAfterMs: Number.isFinite(retryAfter) ? Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS) : undefined,
        final: new HttpStatusError(url, status, response.message.headers, body),
      });
    }
    throw new HttpStatusError(url, status, response.message.headers, body);
  }

  private async withRetries<T>(upstreamUrl: string, attempt: (url: string) => Promise<T>): Promise<T> {
    const url = this.resolve(upstreamUrl);
    for (let i = 0; ; i++) {
      try {
        return await attempt(url);
      } catch (error: unknown) {
        if (!(error instanceof TransientError)) throw error;
        const delay = this.delays[i];
        const details = error as TransientError & { retryAfterMs?: number; final?: HttpStatusError };
        if (delay === undefined) {
          if (details.final && details.final.status === 429) throw details.final;
          throw new ToolError(
            `GET ${url} failed ${i + 1} times; last: ${error.message}. The server or the network is having trouble: re-run the job, or set "mirrors" to a closer copy.`,
          );
        }
        const wait = Math.max(delay, details.retryAfterMs ?? 0);
        this.options.log?.(`GET ${url}: ${error.message}; retrying in ${wait} ms (${i + 1}/${this.delays.length})`);
        await sleep(wait);
      }
    }
  }
}

function checkLength(response: HttpClientResponse, bytes: number, url: string): void {
  const declared = Number(response.message.headers['content-length']);
  if (Number.isFinite(declared) && declared !== bytes) {
    throw new TransientError(`the download of ${url} was cut short: ${bytes} of ${declared} bytes arrived`);
  }
}

function classifyStreamError(error: unknown, dest: string, bytes: number): Error {
  // A local disk problem (full, gone, read-only) is not the network's: retrying cannot help.
  if ((error as NodeJS.ErrnoException).syscall) return new ToolError(`cannot write ${dest}: ${(error as Error).message}`);
  return new TransientError(`the connection broke after ${bytes} bytes (${(error as Error).message})`);
}

/** Writes the first `length` bytes of a response at `position`, then lets the connection go. */
async function writeSegment(response: HttpClientResponse, file: FileHandle, position: number, length: number, dest: string): Promise<void> {
  let written = 0;
  try {
    for await (const chunk of response.message) {
      const data = (chunk as Buffer).subarray(0, length - written);
      await file.write(data, 0, data.length, position + written);
      written += data.length;
      if (written >= length) break;
    }
  } catch (error: unknown) {
    throw classifyStreamError(error, dest, written);
  } finally {
    response.message.destroy();
  }
  if (written < length) throw new TransientError(`a segment was cut short: ${written} of ${length} bytes arrived`);
}
