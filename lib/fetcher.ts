import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ToolError } from './errors.js';
import {
  checkLength,
  expectLength,
  Http,
  HttpStatusError,
  retryable,
  streamFailure,
  type Deadline,
  type Exchange,
  type Plan,
  type Timeouts,
  urlForMessage,
} from './http.js';
import type { Mirror } from './mirrors.js';

/**
 * Downloads and small reads for the tool installer (assets, checksum files, signatures, indexes,
 * the releases API), on the one HTTP layer: its retries, timeouts, deadline, mirrors and token rule.
 */

export interface FetcherOptions {
  mirrors?: readonly Mirror[];
  /** Bearer token sent only to URLs under `tokenOrigin` (the GitHub API base), never to download hosts. */
  token?: string;
  tokenOrigin?: string;
  /** Back-off before each retry, in ms; its length bounds the retries. */
  retryDelays?: readonly number[];
  /** Parallel Range requests for one large download; 1 turns splitting off. */
  segments?: number;
  timeouts?: Partial<Timeouts>;
  log?: (line: string) => void;
}

export interface Downloaded {
  path: string;
  /** Where it came from, as messages and records show it (a mirror's password hidden). */
  url: string;
  sha256: string;
  bytes: number;
}

/** Below this size a second connection costs more than it saves. */
const SPLIT_ABOVE = 8 * 1024 * 1024;
const DEFAULT_SEGMENTS = 4;

export class Fetcher {
  private readonly http: Http;

  constructor(private readonly options: FetcherOptions = {}) {
    this.http = new Http({
      mirrors: options.mirrors,
      credentials: options.token && options.tokenOrigin ? [{ scope: options.tokenOrigin, authorization: `Bearer ${options.token}` }] : [],
      retryDelays: options.retryDelays,
      timeouts: options.timeouts,
      log: options.log,
      hint: 'The server or the network is having trouble: re-run the job, or set "mirrors" to a closer copy.',
    });
  }

  /** The URL that is really fetched for an upstream URL, as messages show it (a mirror's password hidden). */
  resolve(url: string): string {
    return urlForMessage(this.http.resolve(url));
  }

  async text(upstreamUrl: string, headers: Record<string, string> = {}): Promise<string> {
    return (await this.buffer(upstreamUrl, headers)).toString('utf8');
  }

  async json<T>(upstreamUrl: string, headers: Record<string, string> = {}): Promise<T> {
    const body = await this.text(upstreamUrl, { accept: 'application/json', ...headers });
    try {
      return JSON.parse(body) as T;
    } catch {
      throw new ToolError(`${this.resolve(upstreamUrl)} did not answer with JSON (got ${JSON.stringify(body.slice(0, 80))}).`);
    }
  }

  async buffer(upstreamUrl: string, headers: Record<string, string> = {}): Promise<Buffer> {
    const response = await this.http.request({ url: upstreamUrl, headers });
    if (response.status >= 200 && response.status < 300) return response.body;
    // Rate limits (429, 403) stay HTTP answers so the caller can say which limit and when it resets.
    if (response.failure && response.status !== 429 && response.status !== 403) throw response.failure;
    throw new HttpStatusError(urlForMessage(response.url), response.status, response.headers, response.body.toString('utf8'));
  }

  /**
   * Downloads to `dest` and returns its SHA-256. A large file from a server that accepts ranges is
   * fetched over several connections at once (CDNs limit each connection, not the client); the
   * first response carries the first segment. Anything else streams whole, hashed on the way. One
   * deadline covers each attempt, segments included.
   */
  async download(upstreamUrl: string, dest: string): Promise<Downloaded> {
    const plan = this.http.plan({ url: upstreamUrl });
    return this.http.retrying(plan, async () => {
      const deadline = this.http.deadline(plan);
      try {
        const first = await this.http.open(plan, deadline);
        if (first.status !== 200) throw await this.http.failureOf(plan, first, deadline);
        expectLength(deadline, first);
        const total = Number(first.headers['content-length']);
        const segments = this.options.segments ?? DEFAULT_SEGMENTS;
        const splittable = first.headers['accept-ranges'] === 'bytes' && total >= SPLIT_ABOVE && segments > 1;
        return splittable
          ? await this.downloadSegments(plan, first, deadline, total, segments, dest)
          : await downloadWhole(plan, first, deadline, dest);
      } finally {
        deadline.stop();
      }
    });
  }

  private async downloadSegments(plan: Plan, first: Exchange, deadline: Deadline, total: number, segments: number, dest: string): Promise<Downloaded> {
    const size = Math.ceil(total / segments);
    const file = await open(dest, 'w');
    try {
      const rest = Array.from({ length: segments - 1 }, (_, i) => (i + 1) * size).filter((start) => start < total);
      // Every segment settles before the file closes, so a retry never races a stale writer.
      const results = await Promise.allSettled([
        writeSegment(plan, first, deadline, file, 0, size),
        ...rest.map(async (start) => {
          const end = Math.min(total, start + size) - 1;
          const part = await this.http.open(plan, deadline, { range: `bytes=${start}-${end}` });
          const range = String(part.headers['content-range'] ?? '');
          if (part.status !== 206 || !range.startsWith(`bytes ${start}-${end}/`)) {
            part.body.destroy();
            throw retryable(`asked for bytes ${start}-${end} but got status ${part.status} ${range}`);
          }
          await writeSegment(plan, part, deadline, file, start, end - start + 1);
        }),
      ]);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    } finally {
      await file.close();
    }
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(dest)) hash.update(chunk as Buffer);
    return { path: dest, url: plan.shown, sha256: hash.digest('hex'), bytes: total };
  }
}

async function downloadWhole(plan: Plan, response: Exchange, deadline: Deadline, dest: string): Promise<Downloaded> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      deadline.count(chunk.length);
      done(null, chunk);
    },
  });
  try {
    await pipeline(response.body, tap, createWriteStream(dest));
  } catch (error: unknown) {
    throw streamFailure(error, plan.label, bytes);
  }
  checkLength(response, bytes, plan.shown);
  return { path: dest, url: plan.shown, sha256: hash.digest('hex'), bytes };
}

/** Writes the first `length` bytes of a response at `position`, then lets the connection go. */
async function writeSegment(plan: Plan, response: Exchange, deadline: Deadline, file: FileHandle, position: number, length: number): Promise<void> {
  let written = 0;
  try {
    for await (const chunk of response.body) {
      const data = (chunk as Buffer).subarray(0, length - written);
      await file.write(data, 0, data.length, position + written);
      written += data.length;
      deadline.count(data.length);
      if (written >= length) break;
    }
  } catch (error: unknown) {
    throw streamFailure(error, plan.label, written);
  } finally {
    response.body.destroy();
  }
  if (written < length) {
    throw retryable(`a segment was cut short: ${written} of ${length} bytes arrived`);
  }
}
