// A loopback HTTP server for the HTTP layer's tests: each test gives the handler, the server records
// every request (method, path, headers, body, arrival time) so tests can assert what was sent.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listen, serveWithBodies, stop } from './loopback.mjs';

export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen, index: number) => unknown;

export class TestServer {
  seen: Seen[] = [];
  url = '';
  private server?: Server;

  constructor(public handler: Handler = (_req, res) => res.end('ok')) {}

  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await serveWithBodies((req, res, body) => {
      const seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, at: Date.now() };
      this.seen.push(seen);
      Promise.resolve(this.handler(req, res, seen, this.seen.length - 1)).catch(() => res.destroy());
    }));
    return this;
  }

  /** Requests whose path starts with `prefix`. */
  to(prefix: string): Seen[] {
    return this.seen.filter((s) => s.path.startsWith(prefix));
  }

  close(): Promise<void> {
    return stop(this.server);
  }
}

/** Sends `body` at `bytesPerSecond`, as a throttled or hostile server would. */
export async function trickle(res: ServerResponse, body: Buffer, bytesPerSecond: number): Promise<void> {
  const interval = Math.max(100, 1000 / bytesPerSecond);
  const step = Math.max(1, Math.round((bytesPerSecond * interval) / 1000));
  for (let sent = 0; sent < body.length && !res.destroyed && !res.socket?.destroyed; sent += step) {
    res.write(body.subarray(sent, sent + step));
    await new Promise((r) => setTimeout(r, interval));
  }
  res.end();
}

/** A loopback URL nothing listens on: connections to it are refused. */
export async function closedPort(): Promise<string> {
  const probe = createServer();
  const url = (await listen(probe));
  await stop(probe);
  return url;
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error: unknown) {
    return error as Error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
