import type { Agent, ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ToolError } from './errors.js';
import { info } from './log.js';
import { mapUrl, type Mirror } from './mirrors.js';

/**
 * The kit's one outbound HTTP layer: tool downloads, the registry API, the GitHub API (Octokit's
 * fetch) and Slack all go through `Http`, so one policy holds for all of them:
 *
 * - Retries: transient failures (5xx, 408, 429, resets, timeouts, cut-short bodies) are tried again
 *   after 250 ms, 1 s and 3 s, or after the server's `Retry-After` (up to 60 s; a longer wait is not
 *   taken). A request that changes something is only retried where the caller says it is safe
 *   (`retry`): a POST is by default only sent again when the server surely did not act on it (no
 *   connection, or a rate limit refused it).
 * - Timeouts: 30 s to connect, 60 s without a byte, and an overall deadline per request (see
 *   DEADLINE) so a server trickling 2 B/s cannot hold a step for ever. A missed deadline is final.
 * - Credentials belong to one place: `auth` to the request URL's own origin, `credentials` to a URL
 *   prefix. Neither goes to a mirror, nor along a redirect to another origin (GitHub's release
 *   downloads redirect to a storage host; registries redirect blobs to a CDN).
 * - Mirrors: the `mirrors` mapping rewrites upstream URLs before anything is sent.
 * - Proxies: HTTPS_PROXY/HTTP_PROXY/NO_PROXY as every @actions tool reads them.
 *
 * node:http and node:https are loaded on the first request, so importing this module costs a step
 * almost nothing until it goes to the network.
 */

export type Retry = 'transient' | 'unsent' | 'never';

export interface DeadlineRule {
  /** Time every request has, whatever its size. */
  baseMs: number;
  /** Plus one second per this many bytes of the body that have arrived. */
  bytesPerSecond: number;
  /** Never more than this. */
  maxMs: number;
}

/**
 * 2 minutes plus 1 s per 64 KiB, at most 30 minutes: a 35 MB terraform zip gets 11 min 20 s, enough
 * on a 512 kbit/s link. The allowance counts what has arrived, so a body must keep averaging 64 KiB/s
 * after its first 2 minutes: a server sending 2 B/s is dropped after about 2 minutes, whatever size
 * it announced.
 */
export const DEADLINE: DeadlineRule = { baseMs: 120_000, bytesPerSecond: 64 * 1024, maxMs: 30 * 60_000 };

export interface Timeouts {
  connectMs: number;
  idleMs: number;
  deadline: DeadlineRule;
}

const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 30_000, idleMs: 60_000, deadline: DEADLINE };
export const RETRY_DELAYS_MS: readonly number[] = [250, 1000, 3000];
const MAX_RETRY_AFTER_MS = 60_000;
const MAX_REDIRECTS = 5;
/** Bodies read into memory (API answers, checksum files, manifests) are small; this bounds a rogue one. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface Credential {
  /** The URL prefix the credential belongs to (whole path segments), e.g. the GitHub API base. */
  scope: string;
  authorization: string;
}

export interface HttpOptions {
  mirrors?: readonly Mirror[];
  credentials?: readonly Credential[];
  /** Back-off before each retry, in ms; its length bounds the retries. */
  retryDelays?: readonly number[];
  timeouts?: Partial<Timeouts>;
  /** Where retries are reported; lib/log.ts `info` by default. */
  log?: (line: string) => void;
  /** The advice ending a message about a network failure. */
  hint?: string;
}

export interface RequestSpec {
  method?: string;
  /** The upstream URL; the mirror mapping applies. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** An Authorization value for the URL's own origin (an `authorization` header is treated alike). */
  auth?: string;
  /**
   * When a failed attempt may be sent again: 'transient' for reads and idempotent writes, 'unsent'
   * where a duplicate would matter (only failures that prove the server never acted on the request:
   * no connection, or a rate limit: 429, or 403 with Retry-After), 'never'. Default: 'transient' for GET/HEAD/PUT/DELETE, else 'unsent'.
   */
  retry?: Retry;
  /** How messages and logs name the request when its URL is a secret (a Slack webhook). */
  label?: string;
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL requested (after the mirror mapping, before redirects). */
  url: string;
  /** The URL that answered: `url` after redirects (a registry's blob store, a release's CDN). */
  answeredBy: string;
  /** Set when this is a transient failure (5xx, 408, 429) given back after the retries allowed. */
  failure?: NetworkError;
}

/** An HTTP answer that retrying cannot change (404, 403, ...), with what the server said. */
export class HttpStatusError extends ToolError {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: Record<string, string | string[] | undefined>,
    readonly body: string,
    method = 'GET',
  ) {
    super(`${method} ${url} answered ${status}`);
  }
}

/**
 * What went wrong on the way: `unreachable` (no DNS answer, refused, no route: nothing was sent),
 * `timeout`, `deadline`, `broken` (reset or cut short), `status` (a transient HTTP status that
 * outlasted the retries), `protocol` (TLS, redirects, a body too large).
 */
export type NetworkProblem = 'unreachable' | 'timeout' | 'deadline' | 'broken' | 'status' | 'protocol';

export class NetworkError extends ToolError {
  constructor(
    message: string,
    readonly url: string,
    readonly problem: NetworkProblem,
    readonly attempts: number,
    /** For `status`: the last answer, which callers may still want to read. */
    readonly response?: HttpResponse,
  ) {
    super(message);
  }
}

/** A failure another attempt may cure. Internal: callers see NetworkError once retries are spent. */
class Transient extends Error {
  constructor(
    message: string,
    readonly problem: NetworkProblem,
    /** True when the server cannot have acted on the request (no connection, or a rate limit). */
    readonly unsent = false,
    readonly retryAfterMs?: number,
    readonly response?: HttpResponse,
  ) {
    super(message);
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Sorts an error from a socket or stream: a Transient to retry, or a final error. */
function classify(error: unknown, label: string, received?: number): Error {
  if (error instanceof Transient || error instanceof NetworkError || error instanceof ToolError) return error;
  const e = error as NodeJS.ErrnoException;
  // A local disk problem (full, gone, read-only) is not the network's: retrying cannot help.
  if (typeof e?.path === 'string') return new ToolError(`cannot write ${e.path}: ${e.message}`);
  const code = e?.code;
  // Without a code it is no network failure but a bug: let it surface with its stack.
  if (typeof code !== 'string') return error instanceof Error ? error : new Error(String(error));
  if (UNREACHABLE.has(code)) return new Transient(`cannot connect (${e.message})`, 'unreachable', true);
  const after = received === undefined ? '' : ` after ${received} bytes`;
  if (BROKEN.has(code) || e?.message === 'aborted') return new Transient(`the connection broke${after} (${e.message})`, 'broken');
  return new NetworkError(`${label}: ${e.message}`, label, 'protocol', 1);
}

function isTransientStatus(status: number, headers: IncomingHttpHeaders): boolean {
  // GitHub's secondary rate limit answers 403 with Retry-After: the same "come back later" as 429.
  return status >= 500 || status === 408 || status === 429 || (status === 403 && headers['retry-after'] !== undefined);
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** The milliseconds the deadline rule allows for a body of `bytes`. */
export function allowedMs(rule: DeadlineRule, bytes: number): number {
  return Math.min(rule.maxMs, rule.baseMs + Math.floor((bytes / rule.bytesPerSecond) * 1000));
}

export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${s} s`;
  return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A URL for messages: user and password of a mirror URL (Artifactory's style) are not printed. */
export function urlForMessage(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = parsed.username ? '***' : '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * The overall time limit of one attempt (a download's segments share one). A body of N bytes has
 * `allowedMs(rule, N)`; the attempt is stopped as soon as it falls behind that pace, i.e. when the
 * time since it started exceeds the allowance of what has arrived so far, so a server trickling
 * 2 B/s is dropped after the base time whatever size it announced. Consumers report the bytes they
 * receive; whatever is watched is destroyed with the explanation.
 */
export class Deadline {
  private readonly started = Date.now();
  private expected?: number;
  private received = 0;
  private timer?: NodeJS.Timeout;
  private readonly watched = new Set<{ destroy(error?: Error): unknown }>();
  failure?: NetworkError;

  constructor(
    private readonly rule: DeadlineRule,
    private readonly what: string,
    private readonly hint: string,
  ) {
    this.arm();
  }

  /** The body's announced size (Content-Length), for the message. */
  expect(bytes: number): void {
    this.expected = bytes;
  }

  count(bytes: number): void {
    this.received += bytes;
  }

  watch(target: { destroy(error?: Error): unknown }): void {
    if (this.failure) target.destroy(this.failure);
    else this.watched.add(target);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.watched.clear();
  }

  private arm(): void {
    const left = allowedMs(this.rule, this.received) - (Date.now() - this.started);
    this.timer = setTimeout(() => this.check(), Math.max(0, left));
    this.timer.unref();
  }

  private check(): void {
    if (Date.now() - this.started < allowedMs(this.rule, this.received)) {
      this.arm();
      return;
    }
    this.failure = this.explain();
    // Newest first: a response must see this reason before its request's reset reaches it.
    for (const target of [...this.watched].reverse()) target.destroy(this.failure);
    this.watched.clear();
  }

  private explain(): NetworkError {
    const elapsed = Date.now() - this.started;
    const rate = `${formatBytes(Math.round(this.received / Math.max(elapsed / 1000, 0.001)))}/s`;
    const pace = `${formatMs(this.rule.baseMs)} plus 1 s per ${formatBytes(this.rule.bytesPerSecond)}`;
    const rule =
      this.expected === undefined
        ? `A request has ${pace} that arrives, at most ${formatMs(this.rule.maxMs)}, and this one gave no size`
        : `Its deadline is ${formatMs(allowedMs(this.rule, this.expected))} (${pace} of its ${formatBytes(this.expected)}, at most ${formatMs(this.rule.maxMs)}), and it fell behind that pace`;
    return new NetworkError(
      `${this.what} is too slow: ${formatBytes(this.received)}${this.expected === undefined ? '' : ` of ${formatBytes(this.expected)}`} ` +
        `arrived in ${formatMs(elapsed)} (about ${rate}). ${rule}; stopped rather than wait on a server this slow. ${this.hint}`,
      this.what,
      'deadline',
      1,
    );
  }
}

/** One request's answer before its body is read, after redirects. */
export interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  url: string;
  body: IncomingMessage;
}

/** A request with everything decided: where it goes, who may see its credentials, how it retries. */
export interface Plan {
  method: string;
  url: string;
  /** The URL as errors and records show it: the label, or the URL without a password. */
  shown: string;
  label: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  auth?: { origin: string; value: string };
  retry: Retry;
  maxBytes: number;
}

type Transport = { request: typeof import('node:http').request; agent: Agent };
const transports = new Map<string, Promise<Transport>>();

/** Keep-alive agents shared by every Http of the process; a tunnelling agent when a proxy applies. */
async function transportFor(url: URL): Promise<Transport> {
  const proxied = Boolean(process.env.https_proxy || process.env.HTTPS_PROXY || process.env.http_proxy || process.env.HTTP_PROXY);
  let key = url.protocol;
  if (proxied) {
    const { getProxyUrl } = await import('@actions/http-client');
    if (getProxyUrl(url.href)) key = `${url.protocol}proxy`;
  }
  let transport = transports.get(key);
  if (!transport) {
    transport = (async () => {
      const mod = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
      if (!key.endsWith('proxy')) return { request: mod.request, agent: new mod.Agent({ keepAlive: true }) };
      // @actions/http-client's agent tunnels through the proxy as the runner's own tools do.
      const { HttpClient } = await import('@actions/http-client');
      return { request: mod.request, agent: new HttpClient('shipkit', [], { keepAlive: true }).getAgent(url.href) };
    })();
    transports.set(key, transport);
  }
  return transport;
}

function withinScope(url: URL, scope: string): boolean {
  let base: URL;
  try {
    base = new URL(scope);
  } catch {
    return false;
  }
  if (url.origin !== base.origin) return false;
  const prefix = base.pathname.replace(/\/+$/, '');
  return !prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}

export class Http {
  private readonly timeouts: Timeouts;
  private readonly delays: readonly number[];
  private readonly log: (line: string) => void;
  private readonly hint: string;

  constructor(private readonly options: HttpOptions = {}) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.delays = options.retryDelays ?? RETRY_DELAYS_MS;
    this.log = options.log ?? info;
    this.hint = options.hint ?? 'The server or the network is having trouble: re-run the job.';
  }

  /** The URL that is really fetched for an upstream URL. */
  resolve(url: string): string {
    return mapUrl(url, this.options.mirrors ?? []);
  }

  /**
   * Sends a request and reads its whole answer. Transient failures are retried per `spec.retry`;
   * any HTTP status comes back as a response (a transient one once the retries are spent), and
   * only failures without an answer throw (NetworkError).
   */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    const plan = this.plan(spec);
    try {
      return await this.retrying(plan, async () => {
        const deadline = this.deadline(plan);
        try {
          const exchange = await this.open(plan, deadline);
          expectLength(deadline, exchange);
          const body = await this.readBody(plan, exchange, deadline);
          const response: HttpResponse = { status: exchange.status, headers: exchange.headers, body, url: plan.url, answeredBy: exchange.url };
          if (isTransientStatus(response.status, response.headers)) throw transientStatus(response);
          return response;
        } finally {
          deadline.stop();
        }
      });
    } catch (error: unknown) {
      if (error instanceof NetworkError && error.response) return { ...error.response, failure: error };
      throw error;
    }
  }

  /**
   * The error for an answer that is not the one wanted, read from an unread exchange (a streamed
   * download): transient statuses are retried by `retrying`, the others fail as HttpStatusError.
   */
  async failureOf(plan: Plan, exchange: Exchange, deadline: Deadline): Promise<Error> {
    const body = await this.readBody({ ...plan, maxBytes: 64 * 1024 }, exchange, deadline).catch(() => Buffer.alloc(0));
    const response: HttpResponse = { status: exchange.status, headers: exchange.headers, body, url: plan.url, answeredBy: exchange.url };
    if (isTransientStatus(response.status, response.headers)) return transientStatus(response);
    return new HttpStatusError(plan.shown, response.status, response.headers, body.toString('utf8'), plan.method);
  }

  /** A plan for a streamed request (downloads): `retrying` around `open` is the caller's. */
  plan(spec: RequestSpec): Plan {
    const method = (spec.method ?? 'GET').toUpperCase();
    const url = this.resolve(spec.url);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ToolError(`Cannot request ${spec.label ?? urlForMessage(url)}: it is not a URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ToolError(`Cannot request ${spec.label ?? urlForMessage(url)}: only http and https URLs are supported.`);
    }
    const headers: Record<string, string> = {};
    let auth = spec.auth;
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
      if (name.toLowerCase() === 'authorization') auth = value;
      else headers[name.toLowerCase()] = value;
    }
    // The credential belongs to the upstream URL's origin: a mirror is another origin.
    const upstreamOrigin = new URL(spec.url).origin;
    const shown = spec.label ?? urlForMessage(url);
    return {
      method,
      url,
      shown,
      label: `${method} ${shown}`,
      headers,
      body: spec.body,
      auth: auth ? { origin: upstreamOrigin, value: auth } : undefined,
      retry: spec.retry ?? (['GET', 'HEAD', 'PUT', 'DELETE'].includes(method) ? 'transient' : 'unsent'),
      maxBytes: spec.maxBytes ?? MAX_BUFFERED_BYTES,
    };
  }

  deadline(plan: Plan): Deadline {
    return new Deadline(this.timeouts.deadline, plan.label, this.hint);
  }

  /** Runs `attempt` until it succeeds, fails for good, or the retries allowed for `plan` are spent. */
  async retrying<T>(plan: Plan, attempt: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt();
      } catch (caught: unknown) {
        const error = classify(caught, plan.label);
        if (!(error instanceof Transient)) throw error;
        const wait = this.nextWait(plan, error, i);
        if (typeof wait === 'string') throw new NetworkError(`${plan.label} ${wait}`, plan.shown, error.problem, i + 1, error.response);
        this.log(`${plan.label}: ${error.message}; retrying in ${wait} ms (${i + 1}/${this.delays.length})`);
        await sleep(wait);
      }
    }
  }

  /** The wait before the next attempt, or why there is none (the end of the message). */
  private nextWait(plan: Plan, error: Transient, done: number): number | string {
    if (plan.retry === 'never' || (plan.retry === 'unsent' && !error.unsent)) {
      return `failed: ${error.message}. Not sent again: the server may have acted on it already.`;
    }
    const delay = this.delays[done];
    if (delay === undefined) {
      return done ? `failed ${done + 1} times; last: ${error.message}. ${this.hint}` : `failed: ${error.message}. ${this.hint}`;
    }
    if ((error.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) {
      return `answered ${error.message} and asks to retry after ${formatMs(error.retryAfterMs!)}, longer than shipkit waits (${formatMs(MAX_RETRY_AFTER_MS)}).`;
    }
    // Jitter keeps the jobs of one matrix from retrying in step.
    const backoff = Math.round(delay * (0.8 + Math.random() * 0.4));
    return Math.max(backoff, error.retryAfterMs ?? 0);
  }

  /** One attempt: sends the request, follows redirects, and returns the answer unread. */
  async open(plan: Plan, deadline: Deadline, extraHeaders: Record<string, string> = {}): Promise<Exchange> {
    let url = new URL(plan.url);
    let method = plan.method;
    let body = plan.body;
    for (let hop = 0; ; hop++) {
      const response = await this.send(method, url, this.headersFor(url, plan, body, extraHeaders), body, deadline);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (!REDIRECTS.has(status) || !location) return { status, headers: response.headers, url: url.href, body: response };
      response.resume();
      const next = new URL(location, url);
      if (hop >= MAX_REDIRECTS) throw new NetworkError(`${plan.label} was redirected more than ${MAX_REDIRECTS} times.`, plan.shown, 'protocol', 1);
      if (next.protocol !== 'https:' && !(next.protocol === 'http:' && url.protocol === 'http:')) {
        throw new NetworkError(`${plan.label} was redirected to a ${next.protocol} URL; only https (or http from http) is followed.`, plan.shown, 'protocol', 1);
      }
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = next;
    }
  }

  /** The headers for one hop: credentials only where they belong. */
  private headersFor(url: URL, plan: Plan, body: Plan['body'], extra: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = { 'user-agent': 'shipkit', ...plan.headers, ...extra };
    if (body === undefined) {
      delete headers['content-type'];
    } else {
      headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    }
    const credential = this.options.credentials?.find((c) => withinScope(url, c.scope));
    if (plan.auth && url.origin === plan.auth.origin) headers.authorization = plan.auth.value;
    else if (credential) headers.authorization = credential.authorization;
    return headers;
  }

  private async send(method: string, url: URL, headers: Record<string, string>, body: Plan['body'], deadline: Deadline): Promise<IncomingMessage> {
    const { request, agent } = await transportFor(url);
    const { connectMs, idleMs } = this.timeouts;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const req: ClientRequest = request(url, { method, headers, agent });
      deadline.watch(req);
      // Covers DNS and the TCP connect; a socket reused from the pool is connected already.
      const connectTimer = setTimeout(() => req.destroy(new Transient(`no connection within ${formatMs(connectMs)}`, 'unreachable', true)), connectMs);
      req.on('socket', (socket) => {
        if (!socket.connecting) clearTimeout(connectTimer);
        else socket.once('connect', () => clearTimeout(connectTimer));
      });
      let answer: IncomingMessage | undefined;
      req.setTimeout(idleMs, () => {
        // The body's reader must see this reason, not the reset that destroying the request causes.
        const reason = new Transient(`no data for ${formatMs(idleMs)}`, 'timeout');
        answer?.destroy(reason);
        req.destroy(reason);
      });
      req.on('error', (error) => {
        clearTimeout(connectTimer);
        reject(error);
      });
      req.on('response', (response) => {
        answer = response;
        clearTimeout(connectTimer);
        // Errors while the body streams reach its reader; this keeps an unread one from crashing.
        response.on('error', () => undefined);
        deadline.watch(response);
        resolve(response);
      });
      req.end(body);
    });
  }

  private async readBody(plan: Plan, exchange: Exchange, deadline: Deadline): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let bytes = 0;
    try {
      // Events rather than an async iterator: a third less time per small API answer.
      await new Promise<void>((resolve, reject) => {
        exchange.body.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          deadline.count(chunk.length);
          if (bytes > plan.maxBytes) {
            exchange.body.destroy(new NetworkError(`${plan.label} sent more than ${formatBytes(plan.maxBytes)}; refusing to hold that in memory.`, plan.shown, 'protocol', 1));
          } else {
            chunks.push(chunk);
          }
        });
        exchange.body.on('end', resolve);
        exchange.body.on('error', reject);
        exchange.body.on('close', () => {
          if (!exchange.body.complete) reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        });
      });
    } catch (error: unknown) {
      throw classify(error, plan.label, bytes);
    }
    // A HEAD answer (and a 204 or 304) declares a length it does not send.
    if (plan.method !== 'HEAD' && exchange.status !== 204 && exchange.status !== 304) checkLength(exchange, bytes, plan.shown);
    return Buffer.concat(chunks);
  }
}

function transientStatus(response: HttpResponse): Transient {
  const wait = retryAfterMs(header(response.headers, 'retry-after'));
  // A rate limit (429, or GitHub's secondary limit: 403 with Retry-After) refuses the request before
  // acting on it, so even a POST may go again once the wait is over. A 5xx may come after the work.
  const rateLimited = response.status === 429 || response.status === 403;
  return new Transient(`HTTP ${response.status}`, 'status', rateLimited, wait, response);
}

/** A Content-Length fixes the deadline of the rest of the attempt. */
export function expectLength(deadline: Deadline, exchange: Pick<Exchange, 'headers'>): void {
  const length = Number(exchange.headers['content-length']);
  if (Number.isFinite(length)) deadline.expect(length);
}

/** A body shorter (or longer) than its Content-Length was cut: worth another attempt. */
export function checkLength(exchange: Pick<Exchange, 'headers'>, bytes: number, url: string): void {
  const declared = Number(exchange.headers['content-length']);
  if (Number.isFinite(declared) && declared !== bytes) {
    throw new Transient(`the download of ${url} was cut short: ${bytes} of ${declared} bytes arrived`, 'broken');
  }
}

/** A failure of a streamed body that another attempt may cure (a short segment, a wrong range). */
export function retryable(message: string): Error {
  return new Transient(message, 'broken');
}

/** Marks a stream failure as worth another attempt (used by readers of streamed bodies). */
export function streamFailure(error: unknown, label: string, received: number): Error {
  return classify(error, label, received);
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export { Fetcher, type Downloaded, type FetcherOptions } from './fetcher.js';
