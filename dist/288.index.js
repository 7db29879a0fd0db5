export const id = 288;
export const ids = [288];
export const modules = {

/***/ 8288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEADLINE: () => (/* binding */ DEADLINE),
  Deadline: () => (/* binding */ Deadline),
  Fetcher: () => (/* reexport */ Fetcher),
  Http: () => (/* binding */ Http),
  HttpStatusError: () => (/* binding */ HttpStatusError),
  NetworkError: () => (/* binding */ NetworkError),
  RETRY_DELAYS_MS: () => (/* binding */ RETRY_DELAYS_MS),
  allowedMs: () => (/* binding */ allowedMs),
  checkLength: () => (/* binding */ checkLength),
  expectLength: () => (/* binding */ expectLength),
  formatBytes: () => (/* binding */ formatBytes),
  formatMs: () => (/* binding */ formatMs),
  header: () => (/* binding */ header),
  retryAfterMs: () => (/* binding */ retryAfterMs),
  retryable: () => (/* binding */ retryable),
  streamFailure: () => (/* binding */ streamFailure),
  urlForMessage: () => (/* binding */ urlForMessage)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./lib/errors.ts
var errors = __webpack_require__(8115);
// EXTERNAL MODULE: ./lib/log.ts
var log = __webpack_require__(2844);
// EXTERNAL MODULE: ./lib/mirrors.ts
var mirrors = __webpack_require__(294);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./lib/fetcher.ts







/** Below this size a second connection costs more than it saves. */
const SPLIT_ABOVE = 8 * 1024 * 1024;
const DEFAULT_SEGMENTS = 4;
class Fetcher {
    options;
    http;
    constructor(options = {}) {
        this.options = options;
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
    resolve(url) {
        return urlForMessage(this.http.resolve(url));
    }
    async text(upstreamUrl, headers = {}) {
        return (await this.buffer(upstreamUrl, headers)).toString('utf8');
    }
    async json(upstreamUrl, headers = {}) {
        const body = await this.text(upstreamUrl, { accept: 'application/json', ...headers });
        try {
            return JSON.parse(body);
        }
        catch {
            throw new errors/* ToolError */.v4(`${this.resolve(upstreamUrl)} did not answer with JSON (got ${JSON.stringify(body.slice(0, 80))}).`);
        }
    }
    async buffer(upstreamUrl, headers = {}) {
        const response = await this.http.request({ url: upstreamUrl, headers });
        if (response.status >= 200 && response.status < 300)
            return response.body;
        // Rate limits (429, 403) stay HTTP answers so the caller can say which limit and when it resets.
        if (response.failure && response.status !== 429 && response.status !== 403)
            throw response.failure;
        throw new HttpStatusError(urlForMessage(response.url), response.status, response.headers, response.body.toString('utf8'));
    }
    /**
     * Downloads to `dest` and returns its SHA-256. A large file from a server that accepts ranges is
     * fetched over several connections at once (CDNs limit each connection, not the client); the
     * first response carries the first segment. Anything else streams whole, hashed on the way. One
     * deadline covers each attempt, segments included.
     */
    async download(upstreamUrl, dest) {
        const plan = this.http.plan({ url: upstreamUrl });
        return this.http.retrying(plan, async () => {
            const deadline = this.http.deadline(plan);
            try {
                const first = await this.http.open(plan, deadline);
                if (first.status !== 200)
                    throw await this.http.failureOf(plan, first, deadline);
                expectLength(deadline, first);
                const total = Number(first.headers['content-length']);
                const segments = this.options.segments ?? DEFAULT_SEGMENTS;
                const splittable = first.headers['accept-ranges'] === 'bytes' && total >= SPLIT_ABOVE && segments > 1;
                return splittable
                    ? await this.downloadSegments(plan, first, deadline, total, segments, dest)
                    : await downloadWhole(plan, first, deadline, dest);
            }
            finally {
                deadline.stop();
            }
        });
    }
    async downloadSegments(plan, first, deadline, total, segments, dest) {
        const size = Math.ceil(total / segments);
        const file = await (0,external_node_fs_promises_.open)(dest, 'w');
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
            if (failed)
                throw failed.reason;
        }
        finally {
            await file.close();
        }
        const hash = (0,external_node_crypto_.createHash)('sha256');
        for await (const chunk of (0,external_node_fs_.createReadStream)(dest))
            hash.update(chunk);
        return { path: dest, url: plan.shown, sha256: hash.digest('hex'), bytes: total };
    }
}
async function downloadWhole(plan, response, deadline, dest) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    const tap = new external_node_stream_.Transform({
        transform(chunk, _encoding, done) {
            hash.update(chunk);
            bytes += chunk.length;
            deadline.count(chunk.length);
            done(null, chunk);
        },
    });
    try {
        await (0,external_node_stream_promises_.pipeline)(response.body, tap, (0,external_node_fs_.createWriteStream)(dest));
    }
    catch (error) {
        throw streamFailure(error, plan.label, bytes);
    }
    checkLength(response, bytes, plan.shown);
    return { path: dest, url: plan.shown, sha256: hash.digest('hex'), bytes };
}
/** Writes the first `length` bytes of a response at `position`, then lets the connection go. */
async function writeSegment(plan, response, deadline, file, position, length) {
    let written = 0;
    try {
        for await (const chunk of response.body) {
            const data = chunk.subarray(0, length - written);
            await file.write(data, 0, data.length, position + written);
            written += data.length;
            deadline.count(data.length);
            if (written >= length)
                break;
        }
    }
    catch (error) {
        throw streamFailure(error, plan.label, written);
    }
    finally {
        response.body.destroy();
    }
    if (written < length) {
        throw retryable(`a segment was cut short: ${written} of ${length} bytes arrived`);
    }
}

;// CONCATENATED MODULE: ./lib/http.ts




/**
 * 2 minutes plus 1 s per 64 KiB, at most 30 minutes: a 35 MB terraform zip gets 11 min 20 s, enough
 * on a 512 kbit/s link. The allowance counts what has arrived, so a body must keep averaging 64 KiB/s
 * after its first 2 minutes: a server sending 2 B/s is dropped after about 2 minutes, whatever size
 * it announced.
 */
const DEADLINE = { baseMs: 120_000, bytesPerSecond: 64 * 1024, maxMs: 30 * 60_000 };
const DEFAULT_TIMEOUTS = { connectMs: 30_000, idleMs: 60_000, deadline: DEADLINE };
const RETRY_DELAYS_MS = [250, 1000, 3000];
const MAX_RETRY_AFTER_MS = 60_000;
const MAX_REDIRECTS = 5;
/** Bodies read into memory (API answers, checksum files, manifests) are small; this bounds a rogue one. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** An HTTP answer that retrying cannot change (404, 403, ...), with what the server said. */
class HttpStatusError extends errors/* ToolError */.v4 {
    url;
    status;
    headers;
    body;
    constructor(url, status, headers, body, method = 'GET') {
        super(`${method} ${url} answered ${status}`);
        this.url = url;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }
}
class NetworkError extends errors/* ToolError */.v4 {
    url;
    problem;
    attempts;
    response;
    constructor(message, url, problem, attempts, 
    /** For `status`: the last answer, which callers may still want to read. */
    response) {
        super(message);
        this.url = url;
        this.problem = problem;
        this.attempts = attempts;
        this.response = response;
    }
}
/** A failure another attempt may cure. Internal: callers see NetworkError once retries are spent. */
class Transient extends Error {
    problem;
    unsent;
    retryAfterMs;
    response;
    constructor(message, problem, 
    /** True when the server cannot have acted on the request (no connection, or a rate limit). */
    unsent = false, retryAfterMs, response) {
        super(message);
        this.problem = problem;
        this.unsent = unsent;
        this.retryAfterMs = retryAfterMs;
        this.response = response;
    }
}
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE']);
/** Sorts an error from a socket or stream: a Transient to retry, or a final error. */
function classify(error, label, received) {
    if (error instanceof Transient || error instanceof NetworkError || error instanceof errors/* ToolError */.v4)
        return error;
    const e = error;
    // A local disk problem (full, gone, read-only) is not the network's: retrying cannot help.
    if (typeof e?.path === 'string')
        return new errors/* ToolError */.v4(`cannot write ${e.path}: ${e.message}`);
    const code = e?.code;
    // Without a code it is no network failure but a bug: let it surface with its stack.
    if (typeof code !== 'string')
        return error instanceof Error ? error : new Error(String(error));
    if (UNREACHABLE.has(code))
        return new Transient(`cannot connect (${e.message})`, 'unreachable', true);
    const after = received === undefined ? '' : ` after ${received} bytes`;
    if (BROKEN.has(code) || e?.message === 'aborted')
        return new Transient(`the connection broke${after} (${e.message})`, 'broken');
    return new NetworkError(`${label}: ${e.message}`, label, 'protocol', 1);
}
function isTransientStatus(status, headers) {
    // GitHub's secondary rate limit answers 403 with Retry-After: the same "come back later" as 429.
    return status >= 500 || status === 408 || status === 429 || (status === 403 && headers['retry-after'] !== undefined);
}
/** `Retry-After` as delay-seconds or an HTTP date, in ms. */
function retryAfterMs(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value) * 1000;
    const at = Date.parse(value);
    return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}
/** The milliseconds the deadline rule allows for a body of `bytes`. */
function allowedMs(rule, bytes) {
    return Math.min(rule.maxMs, rule.baseMs + Math.floor((bytes / rule.bytesPerSecond) * 1000));
}
function formatMs(ms) {
    const s = Math.round(ms / 1000);
    if (s < 60)
        return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${s} s`;
    return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
/** A URL for messages: user and password of a mirror URL (Artifactory's style) are not printed. */
function urlForMessage(url) {
    try {
        const parsed = new URL(url);
        if (!parsed.username && !parsed.password)
            return url;
        parsed.username = parsed.username ? '***' : '';
        parsed.password = '';
        return parsed.href;
    }
    catch {
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
class Deadline {
    rule;
    what;
    hint;
    started = Date.now();
    expected;
    received = 0;
    timer;
    watched = new Set();
    failure;
    constructor(rule, what, hint) {
        this.rule = rule;
        this.what = what;
        this.hint = hint;
        this.arm();
    }
    /** The body's announced size (Content-Length), for the message. */
    expect(bytes) {
        this.expected = bytes;
    }
    count(bytes) {
        this.received += bytes;
    }
    watch(target) {
        if (this.failure)
            target.destroy(this.failure);
        else
            this.watched.add(target);
    }
    stop() {
        clearTimeout(this.timer);
        this.watched.clear();
    }
    arm() {
        const left = allowedMs(this.rule, this.received) - (Date.now() - this.started);
        this.timer = setTimeout(() => this.check(), Math.max(0, left));
        this.timer.unref();
    }
    check() {
        if (Date.now() - this.started < allowedMs(this.rule, this.received)) {
            this.arm();
            return;
        }
        this.failure = this.explain();
        // Newest first: a response must see this reason before its request's reset reaches it.
        for (const target of [...this.watched].reverse())
            target.destroy(this.failure);
        this.watched.clear();
    }
    explain() {
        const elapsed = Date.now() - this.started;
        const rate = `${formatBytes(Math.round(this.received / Math.max(elapsed / 1000, 0.001)))}/s`;
        const pace = `${formatMs(this.rule.baseMs)} plus 1 s per ${formatBytes(this.rule.bytesPerSecond)}`;
        const rule = this.expected === undefined
            ? `A request has ${pace} that arrives, at most ${formatMs(this.rule.maxMs)}, and this one gave no size`
            : `Its deadline is ${formatMs(allowedMs(this.rule, this.expected))} (${pace} of its ${formatBytes(this.expected)}, at most ${formatMs(this.rule.maxMs)}), and it fell behind that pace`;
        return new NetworkError(`${this.what} is too slow: ${formatBytes(this.received)}${this.expected === undefined ? '' : ` of ${formatBytes(this.expected)}`} ` +
            `arrived in ${formatMs(elapsed)} (about ${rate}). ${rule}; stopped rather than wait on a server this slow. ${this.hint}`, this.what, 'deadline', 1);
    }
}
const transports = new Map();
/** Keep-alive agents shared by every Http of the process; a tunnelling agent when a proxy applies. */
async function transportFor(url) {
    const proxied = Boolean(process.env.https_proxy || process.env.HTTPS_PROXY || process.env.http_proxy || process.env.HTTP_PROXY);
    let key = url.protocol;
    if (proxied) {
        const { getProxyUrl } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 4942));
        if (getProxyUrl(url.href))
            key = `${url.protocol}proxy`;
    }
    let transport = transports.get(key);
    if (!transport) {
        transport = (async () => {
            const mod = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
            if (!key.endsWith('proxy'))
                return { request: mod.request, agent: new mod.Agent({ keepAlive: true }) };
            // @actions/http-client's agent tunnels through the proxy as the runner's own tools do.
            const { HttpClient } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(942)]).then(__webpack_require__.bind(__webpack_require__, 4942));
            return { request: mod.request, agent: new HttpClient('shipkit', [], { keepAlive: true }).getAgent(url.href) };
        })();
        transports.set(key, transport);
    }
    return transport;
}
function withinScope(url, scope) {
    let base;
    try {
        base = new URL(scope);
    }
    catch {
        return false;
    }
    if (url.origin !== base.origin)
        return false;
    const prefix = base.pathname.replace(/\/+$/, '');
    return !prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
}
class Http {
    options;
    timeouts;
    delays;
    log;
    hint;
    constructor(options = {}) {
        this.options = options;
        this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
        this.delays = options.retryDelays ?? RETRY_DELAYS_MS;
        this.log = options.log ?? log/* info */.pq;
        this.hint = options.hint ?? 'The server or the network is having trouble: re-run the job.';
    }
    /** The URL that is really fetched for an upstream URL. */
    resolve(url) {
        return (0,mirrors/* mapUrl */.E)(url, this.options.mirrors ?? []);
    }
    /**
     * Sends a request and reads its whole answer. Transient failures are retried per `spec.retry`;
     * any HTTP status comes back as a response (a transient one once the retries are spent), and
     * only failures without an answer throw (NetworkError).
     */
    async request(spec) {
        const plan = this.plan(spec);
        try {
            return await this.retrying(plan, async () => {
                const deadline = this.deadline(plan);
                try {
                    const exchange = await this.open(plan, deadline);
                    expectLength(deadline, exchange);
                    const body = await this.readBody(plan, exchange, deadline);
                    const response = { status: exchange.status, headers: exchange.headers, body, url: plan.url, answeredBy: exchange.url };
                    if (isTransientStatus(response.status, response.headers))
                        throw transientStatus(response);
                    return response;
                }
                finally {
                    deadline.stop();
                }
            });
        }
        catch (error) {
            if (error instanceof NetworkError && error.response)
                return { ...error.response, failure: error };
            throw error;
        }
    }
    /**
     * The error for an answer that is not the one wanted, read from an unread exchange (a streamed
     * download): transient statuses are retried by `retrying`, the others fail as HttpStatusError.
     */
    async failureOf(plan, exchange, deadline) {
        const body = await this.readBody({ ...plan, maxBytes: 64 * 1024 }, exchange, deadline).catch(() => Buffer.alloc(0));
        const response = { status: exchange.status, headers: exchange.headers, body, url: plan.url, answeredBy: exchange.url };
        if (isTransientStatus(response.status, response.headers))
            return transientStatus(response);
        return new HttpStatusError(plan.shown, response.status, response.headers, body.toString('utf8'), plan.method);
    }
    /** A plan for a streamed request (downloads): `retrying` around `open` is the caller's. */
    plan(spec) {
        const method = (spec.method ?? 'GET').toUpperCase();
        const url = this.resolve(spec.url);
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            throw new errors/* ToolError */.v4(`Cannot request ${spec.label ?? urlForMessage(url)}: it is not a URL.`);
        }
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
            throw new errors/* ToolError */.v4(`Cannot request ${spec.label ?? urlForMessage(url)}: only http and https URLs are supported.`);
        }
        const headers = {};
        let auth = spec.auth;
        for (const [name, value] of Object.entries(spec.headers ?? {})) {
            if (name.toLowerCase() === 'authorization')
                auth = value;
            else
                headers[name.toLowerCase()] = value;
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
    deadline(plan) {
        return new Deadline(this.timeouts.deadline, plan.label, this.hint);
    }
    /** Runs `attempt` until it succeeds, fails for good, or the retries allowed for `plan` are spent. */
    async retrying(plan, attempt) {
        for (let i = 0;; i++) {
            try {
                return await attempt();
            }
            catch (caught) {
                const error = classify(caught, plan.label);
                if (!(error instanceof Transient))
                    throw error;
                const wait = this.nextWait(plan, error, i);
                if (typeof wait === 'string')
                    throw new NetworkError(`${plan.label} ${wait}`, plan.shown, error.problem, i + 1, error.response);
                this.log(`${plan.label}: ${error.message}; retrying in ${wait} ms (${i + 1}/${this.delays.length})`);
                await (0,promises_.setTimeout)(wait);
            }
        }
    }
    /** The wait before the next attempt, or why there is none (the end of the message). */
    nextWait(plan, error, done) {
        if (plan.retry === 'never' || (plan.retry === 'unsent' && !error.unsent)) {
            return `failed: ${error.message}. Not sent again: the server may have acted on it already.`;
        }
        const delay = this.delays[done];
        if (delay === undefined) {
            return done ? `failed ${done + 1} times; last: ${error.message}. ${this.hint}` : `failed: ${error.message}. ${this.hint}`;
        }
        if ((error.retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) {
            return `answered ${error.message} and asks to retry after ${formatMs(error.retryAfterMs)}, longer than shipkit waits (${formatMs(MAX_RETRY_AFTER_MS)}).`;
        }
        // Jitter keeps the jobs of one matrix from retrying in step.
        const backoff = Math.round(delay * (0.8 + Math.random() * 0.4));
        return Math.max(backoff, error.retryAfterMs ?? 0);
    }
    /** One attempt: sends the request, follows redirects, and returns the answer unread. */
    async open(plan, deadline, extraHeaders = {}) {
        let url = new URL(plan.url);
        let method = plan.method;
        let body = plan.body;
        for (let hop = 0;; hop++) {
            const response = await this.send(method, url, this.headersFor(url, plan, body, extraHeaders), body, deadline);
            const status = response.statusCode ?? 0;
            const location = response.headers.location;
            if (!REDIRECTS.has(status) || !location)
                return { status, headers: response.headers, url: url.href, body: response };
            response.resume();
            const next = new URL(location, url);
            if (hop >= MAX_REDIRECTS)
                throw new NetworkError(`${plan.label} was redirected more than ${MAX_REDIRECTS} times.`, plan.shown, 'protocol', 1);
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
    headersFor(url, plan, body, extra) {
        const headers = { 'user-agent': 'shipkit', ...plan.headers, ...extra };
        if (body === undefined) {
            delete headers['content-type'];
        }
        else {
            headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
        }
        const credential = this.options.credentials?.find((c) => withinScope(url, c.scope));
        if (plan.auth && url.origin === plan.auth.origin)
            headers.authorization = plan.auth.value;
        else if (credential)
            headers.authorization = credential.authorization;
        return headers;
    }
    async send(method, url, headers, body, deadline) {
        const { request, agent } = await transportFor(url);
        const { connectMs, idleMs } = this.timeouts;
        return new Promise((resolve, reject) => {
            const req = request(url, { method, headers, agent });
            deadline.watch(req);
            // Covers DNS and the TCP connect; a socket reused from the pool is connected already.
            const connectTimer = setTimeout(() => req.destroy(new Transient(`no connection within ${formatMs(connectMs)}`, 'unreachable', true)), connectMs);
            req.on('socket', (socket) => {
                if (!socket.connecting)
                    clearTimeout(connectTimer);
                else
                    socket.once('connect', () => clearTimeout(connectTimer));
            });
            let answer;
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
    async readBody(plan, exchange, deadline) {
        const chunks = [];
        let bytes = 0;
        try {
            // Events rather than an async iterator: a third less time per small API answer.
            await new Promise((resolve, reject) => {
                exchange.body.on('data', (chunk) => {
                    bytes += chunk.length;
                    deadline.count(chunk.length);
                    if (bytes > plan.maxBytes) {
                        exchange.body.destroy(new NetworkError(`${plan.label} sent more than ${formatBytes(plan.maxBytes)}; refusing to hold that in memory.`, plan.shown, 'protocol', 1));
                    }
                    else {
                        chunks.push(chunk);
                    }
                });
                exchange.body.on('end', resolve);
                exchange.body.on('error', reject);
                exchange.body.on('close', () => {
                    if (!exchange.body.complete)
                        reject(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
                });
            });
        }
        catch (error) {
            throw classify(error, plan.label, bytes);
        }
        // A HEAD answer (and a 204 or 304) declares a length it does not send.
        if (plan.method !== 'HEAD' && exchange.status !== 204 && exchange.status !== 304)
            checkLength(exchange, bytes, plan.shown);
        return Buffer.concat(chunks);
    }
}
function transientStatus(response) {
    const wait = retryAfterMs(header(response.headers, 'retry-after'));
    // A rate limit (429, or GitHub's secondary limit: 403 with Retry-After) refuses the request before
    // acting on it, so even a POST may go again once the wait is over. A 5xx may come after the work.
    const rateLimited = response.status === 429 || response.status === 403;
    return new Transient(`HTTP ${response.status}`, 'status', rateLimited, wait, response);
}
/** A Content-Length fixes the deadline of the rest of the attempt. */
function expectLength(deadline, exchange) {
    const length = Number(exchange.headers['content-length']);
    if (Number.isFinite(length))
        deadline.expect(length);
}
/** A body shorter (or longer) than its Content-Length was cut: worth another attempt. */
function checkLength(exchange, bytes, url) {
    const declared = Number(exchange.headers['content-length']);
    if (Number.isFinite(declared) && declared !== bytes) {
        throw new Transient(`the download of ${url} was cut short: ${bytes} of ${declared} bytes arrived`, 'broken');
    }
}
/** A failure of a streamed body that another attempt may cure (a short segment, a wrong range). */
function retryable(message) {
    return new Transient(message, 'broken');
}
/** Marks a stream failure as worth another attempt (used by readers of streamed bodies). */
function streamFailure(error, label, received) {
    return classify(error, label, received);
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}



/***/ })

};
