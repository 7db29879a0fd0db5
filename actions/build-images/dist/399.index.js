export const id = 399;
export const ids = [399,880];
export const modules = {

/***/ 6880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fetcher: () => (/* binding */ Fetcher),
/* harmony export */   HttpStatusError: () => (/* binding */ HttpStatusError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4942);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8115);
/* harmony import */ var _mirrors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(294);









/** An HTTP answer that retrying cannot change (404, 403, ...), with what the server said. */
class HttpStatusError extends _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ToolError */ .v4 {
    url;
    status;
    headers;
    body;
    constructor(url, status, headers, body) {
        super(`GET ${url} answered ${status}`);
        this.url = url;
        this.status = status;
        this.headers = headers;
        this.body = body;
    }
}
class TransientError extends Error {
}
const DEFAULT_DELAYS = [250, 1000, 3000];
/** Below this size a second connection costs more than it saves. */
const SPLIT_ABOVE = 8 * 1024 * 1024;
const DEFAULT_SEGMENTS = 4;
const MAX_RETRY_AFTER_MS = 10_000;
/**
 * Every network read of the kit goes through here, so the mirror mapping, the token policy and the
 * retry policy apply to all of them alike: assets, checksum files, signatures and indexes.
 */
class Fetcher {
    options;
    client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_6__/* .HttpClient */ .Qq('shipkit', undefined, { socketTimeout: 60_000, keepAlive: true });
    delays;
    constructor(options = {}) {
        this.options = options;
        this.delays = options.retryDelays ?? DEFAULT_DELAYS;
    }
    /** The URL that is really fetched for an upstream URL. */
    resolve(url) {
        return (0,_mirrors_js__WEBPACK_IMPORTED_MODULE_8__/* .mapUrl */ .E)(url, this.options.mirrors ?? []);
    }
    async text(upstreamUrl, headers = {}) {
        return this.withRetries(upstreamUrl, async (url) => {
            const response = await this.get(url, headers);
            return response.readBody();
        });
    }
    async json(upstreamUrl, headers = {}) {
        const body = await this.text(upstreamUrl, { accept: 'application/json', ...headers });
        try {
            return JSON.parse(body);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ToolError */ .v4(`${this.resolve(upstreamUrl)} did not answer with JSON (got "${body.slice(0, 80)}").`);
        }
    }
    async buffer(upstreamUrl) {
        return this.withRetries(upstreamUrl, async (url) => {
            const response = await this.get(url, {});
            const chunks = [];
            try {
                for await (const chunk of response.message)
                    chunks.push(chunk);
            }
            catch (error) {
                throw new TransientError(`the connection broke (${error.message})`);
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
    async download(upstreamUrl, dest) {
        return this.withRetries(upstreamUrl, async (url) => {
            const response = await this.get(url, {});
            const total = Number(response.message.headers['content-length']);
            const segments = this.options.segments ?? DEFAULT_SEGMENTS;
            const splittable = response.message.headers['accept-ranges'] === 'bytes' && total >= SPLIT_ABOVE && segments > 1;
            return splittable ? this.downloadSegments(url, response, total, segments, dest) : this.downloadWhole(url, response, dest);
        });
    }
    async downloadWhole(url, response, dest) {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let bytes = 0;
        const tap = new node_stream__WEBPACK_IMPORTED_MODULE_3__.Transform({
            transform(chunk, _encoding, done) {
                hash.update(chunk);
                bytes += chunk.length;
                done(null, chunk);
            },
        });
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)(response.message, tap, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest));
        }
        catch (error) {
            throw classifyStreamError(error, dest, bytes);
        }
        checkLength(response, bytes, url);
        return { path: dest, url, sha256: hash.digest('hex'), bytes };
    }
    async downloadSegments(url, first, total, segments, dest) {
        const size = Math.ceil(total / segments);
        const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(dest, 'w');
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
            if (failed)
                throw failed.reason;
        }
        finally {
            await file.close();
        }
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(dest))
            hash.update(chunk);
        return { path: dest, url, sha256: hash.digest('hex'), bytes: total };
    }
    async get(url, headers) {
        const all = { ...headers };
        const { token, tokenOrigin } = this.options;
        if (token && tokenOrigin && new URL(url).origin === new URL(tokenOrigin).origin) {
            all.authorization = `Bearer ${token}`;
        }
        let response;
        try {
            response = await this.client.get(url, all);
        }
        catch (error) {
            throw new TransientError(String(error?.message ?? error));
        }
        const status = response.message.statusCode ?? 0;
        if (status >= 200 && status < 300)
            return response;
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
    async withRetries(upstreamUrl, attempt) {
        const url = this.resolve(upstreamUrl);
        for (let i = 0;; i++) {
            try {
                return await attempt(url);
            }
            catch (error) {
                if (!(error instanceof TransientError))
                    throw error;
                const delay = this.delays[i];
                const details = error;
                if (delay === undefined) {
                    if (details.final && details.final.status === 429)
                        throw details.final;
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ToolError */ .v4(`GET ${url} failed ${i + 1} times; last: ${error.message}. The server or the network is having trouble: re-run the job, or set "mirrors" to a closer copy.`);
                }
                const wait = Math.max(delay, details.retryAfterMs ?? 0);
                this.options.log?.(`GET ${url}: ${error.message}; retrying in ${wait} ms (${i + 1}/${this.delays.length})`);
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_5__.setTimeout)(wait);
            }
        }
    }
}
function checkLength(response, bytes, url) {
    const declared = Number(response.message.headers['content-length']);
    if (Number.isFinite(declared) && declared !== bytes) {
        throw new TransientError(`the download of ${url} was cut short: ${bytes} of ${declared} bytes arrived`);
    }
}
function classifyStreamError(error, dest, bytes) {
    // A local disk problem (full, gone, read-only) is not the network's: retrying cannot help.
    if (error.syscall)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ToolError */ .v4(`cannot write ${dest}: ${error.message}`);
    return new TransientError(`the connection broke after ${bytes} bytes (${error.message})`);
}
/** Writes the first `length` bytes of a response at `position`, then lets the connection go. */
async function writeSegment(response, file, position, length, dest) {
    let written = 0;
    try {
        for await (const chunk of response.message) {
            const data = chunk.subarray(0, length - written);
            await file.write(data, 0, data.length, position + written);
            written += data.length;
            if (written >= length)
                break;
        }
    }
    catch (error) {
        throw classifyStreamError(error, dest, written);
    }
    finally {
        response.message.destroy();
    }
    if (written < length)
        throw new TransientError(`a segment was cut short: ${written} of ${length} bytes arrived`);
}


/***/ }),

/***/ 6898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ checkDigests),
  e: () => (/* binding */ expectedDigests)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/checksums.ts
/**
 * Reads the checksum files that release pages publish. Formats seen upstream:
 *   GNU coreutils   `<hex>  name` or `<hex> *name` (binary mode)
 *   BSD / openssl   `SHA256 (name) = <hex>`, `SHA256(name)= <hex>`
 *   piped openssl   `(stdin)= <hex>  name`
 *   bare digest     `<hex>` alone, in a per-asset `.sha256` file
 * A name is compared exactly, case included: hadolint 2.13.1 renamed `hadolint-Linux-x86_64` to
 * `hadolint-linux-x86_64`, and a line for one must never vouch for the other. A leading `./` or
 * directory (as `sha256sum dist/*` prints) is dropped; a name listed twice with two digests is
 * ambiguous and matches nothing.
 */
const HEX64 = /^[0-9a-f]{64}$/i;
const AMBIGUOUS = 'ambiguous';
function baseName(name) {
    return name.trim().replace(/^.*[\\/]/, '');
}
function parseChecksums(text) {
    const digests = new Map();
    const add = (name, digest) => {
        const key = baseName(name);
        const value = digest.toLowerCase();
        const seen = digests.get(key);
        digests.set(key, seen === undefined || seen === value ? value : AMBIGUOUS);
    };
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim().replace(/^\(stdin\)=\s*/, '');
        if (!line || line.startsWith('#'))
            continue;
        const bsd = /^SHA256\s*\((.+)\)\s*=\s*([0-9a-f]{64})$/i.exec(line);
        if (bsd) {
            add(bsd[1], bsd[2]);
            continue;
        }
        const gnu = /^([0-9a-f]{64})\s+\*?(.+)$/i.exec(line);
        if (gnu) {
            add(gnu[2], gnu[1]);
            continue;
        }
        if (HEX64.test(line))
            add('', line);
    }
    return digests;
}
/**
 * The digest for `asset` in a checksum file, or undefined. A file holding one bare digest answers
 * for whatever asset it was published beside.
 */
function findChecksum(text, asset) {
    const digests = parseChecksums(text);
    const found = digests.get(asset) ?? (digests.size === 1 ? digests.get('') : undefined);
    return found === AMBIGUOUS ? undefined : found;
}
function isSha256(value) {
    return HEX64.test(value);
}

// EXTERNAL MODULE: ./lib/errors.ts
var errors = __webpack_require__(8115);
// EXTERNAL MODULE: ./lib/http.ts
var http = __webpack_require__(6880);
// EXTERNAL MODULE: ./lib/log.ts
var log = __webpack_require__(2844);
// EXTERNAL MODULE: ./lib/pgp.ts
var pgp = __webpack_require__(9693);
// EXTERNAL MODULE: ./lib/tools/install.ts
var install = __webpack_require__(2321);
;// CONCATENATED MODULE: ./lib/tools/verify.ts








async function expectedDigests(plan, ctx, source) {
    const { tool, version, asset } = plan;
    const digests = plan.expect.digests.map((d) => ({ ...d }));
    const file = tool.checksumFile(version, asset);
    const found = file ? await checksumFromFile(plan, file, ctx, source) : undefined;
    if (found)
        digests.push(found.expected);
    if (!digests.length && !ctx.allowUnverified) {
        const fetcher = await ctx.fetcher();
        const where = file
            ? `${tool.name} ${version} publishes no ${file.label} (${fetcher.resolve(file.url)} answered 404)`
            : `${tool.name} ${version} publishes no checksum file`;
        throw new errors/* ToolError */.v4(`${where}, and shipkit embeds no digest for ${asset.name}, so the download cannot be verified. ` +
            `Give its sha256 in "checksums" ("<sha256>  ${asset.name}"), pick a version that publishes checksums, or set allow-unverified: true to accept it unverified.`);
    }
    return {
        digests,
        label: (0,install/* verificationLabel */.MP)(plan.expect, found?.checksumFile, ctx),
        checksumFile: found?.checksumFile,
        keep: found?.keep ?? [],
    };
}
async function checksumFromFile(plan, file, ctx, source) {
    const { tool, version, asset } = plan;
    const name = (0,external_node_path_.basename)(new URL(file.url).pathname);
    let sums;
    let where;
    let signature;
    if (file.signed && source.from === 'evidence') {
        where = `the ${file.label} kept in the cache entry`;
        sums = await (0,promises_.readFile)((0,external_node_path_.join)(source.dir, name));
        signature = await readKeptSignature(source.dir, name, ctx);
    }
    else {
        const fetcher = await ctx.fetcher();
        where = fetcher.resolve(file.url);
        try {
            sums = await fetcher.buffer(file.url);
        }
        catch (error) {
            if (error instanceof http.HttpStatusError && error.status === 404)
                return undefined;
            throw error;
        }
        if (file.signed)
            signature = await fetchSignature(file.url, ctx);
    }
    if (signature)
        await verifySums(sums, signature.data, where, ctx);
    const digest = findChecksum(sums.toString('utf8'), asset.name);
    if (!digest)
        throw new errors/* ToolError */.v4(`${tool.name} ${version}: ${where} has no line for ${asset.name}; refusing an asset its own checksum file does not list.`);
    const key = signature ? { fingerprint: ctx.hashicorpKey.identity.fingerprint, blockSha256: ctx.hashicorpKey.identity.blockSha256 } : undefined;
    return {
        expected: { digest, from: signature ? `${where} (signature verified)` : where },
        checksumFile: { name, label: file.label, ...(signature ? { signature: signature.name, key } : {}) },
        keep: signature ? [{ name, data: sums }, signature] : [],
    };
}
function signatureNames(sumsName, ctx) {
    return [`${sumsName}.${ctx.hashicorpKey.identity.shortId}.sig`, `${sumsName}.sig`];
}
async function readKeptSignature(dir, sumsName, ctx) {
    for (const name of signatureNames(sumsName, ctx)) {
        const data = await (0,promises_.readFile)((0,external_node_path_.join)(dir, name)).catch(() => undefined);
        if (data)
            return { name, data };
    }
    throw new errors/* ToolError */.v4(`the cache entry keeps no signature of ${sumsName} by key ${ctx.hashicorpKey.identity.shortId}`);
}
/** HashiCorp names the signature after the signing key: `<file>.72D7468F.sig`; older ones `<file>.sig`. */
async function fetchSignature(url, ctx) {
    const fetcher = await ctx.fetcher();
    const base = url.slice(0, url.lastIndexOf('/') + 1);
    const names = signatureNames((0,external_node_path_.basename)(new URL(url).pathname), ctx);
    for (const name of names) {
        try {
            return { name, data: await fetcher.buffer(base + name) };
        }
        catch (error) {
            if (!(error instanceof http.HttpStatusError && error.status === 404))
                throw error;
        }
    }
    throw new errors/* ToolError */.v4(`No signature for ${fetcher.resolve(url)}: neither ${names.map((n) => fetcher.resolve(base + n)).join(' nor ')} exists. ` +
        'A SHA256SUMS file is only trusted when signed by "hashicorp-public-key"; if your mirror drops signatures, copy the .sig files too.');
}
async function verifySums(sums, signature, where, ctx) {
    try {
        await (0,pgp/* verifyDetached */.kA)(sums, signature, ctx.hashicorpKey.armored);
    }
    catch (error) {
        throw new errors/* ToolError */.v4(`${where} is not signed by key ${ctx.hashicorpKey.identity.shortId}: ${error.message}. Nothing was installed.`);
    }
}
/** The asset's digest must equal every expected one. */
function checkDigests(actual, expected, assetName) {
    for (const e of expected) {
        if (e.digest !== actual) {
            throw new errors/* ToolError */.v4(`Checksum mismatch for ${(0,log/* nameForLog */.jd)(assetName)}: expected sha256 ${e.digest} (from ${e.from}), got ${actual}. ` +
                'The download was discarded and nothing was cached. A mirror serving a different file, or a tampered download, causes this.');
        }
    }
}


/***/ }),

/***/ 5044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ extractEntry)
/* harmony export */ });
/* unused harmony export DEFAULT_LIMITS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yauzl__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(663);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8115);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2844);







/** Real release binaries: up to a few hundred MB, compressed about 3:1 (Go) or not at all. */
const DEFAULT_LIMITS = { maxBytes: 1024 * 1024 * 1024, maxRatio: 50 };
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const MADE_BY_UNIX = 3;
/**
 * Writes the entry to `dest` (a new file, mode 0755; never an existing one) and returns its
 * SHA-256; with `dest` undefined it only hashes the entry.
 */
async function extractEntry(zipPath, entryName, dest, limits = DEFAULT_LIMITS) {
    const zip = await new Promise((resolve, reject) => yauzl__WEBPACK_IMPORTED_MODULE_4__.open(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, file) => err || !file ? reject(new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`it is not a readable zip archive (${err?.message ?? 'empty'})`)) : resolve(file)));
    try {
        const entry = await findEntry(zip, entryName);
        checkEntry(entry, entryName, limits);
        const stream = await new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))));
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let bytes = 0;
        const count = new node_stream__WEBPACK_IMPORTED_MODULE_2__.Transform({
            transform(chunk, _encoding, done) {
                bytes += chunk.length;
                if (bytes > entry.uncompressedSize) {
                    done(new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${(0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .nameForLog */ .jd)(entryName)} inflates past the ${entry.uncompressedSize} bytes its archive declares`));
                    return;
                }
                hash.update(chunk);
                done(null, chunk);
            },
        });
        const sink = dest ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest, { flags: 'wx', mode: 0o755 }) : new node_stream__WEBPACK_IMPORTED_MODULE_2__.Writable({ write: (_c, _e, done) => done() });
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(stream, count, sink);
        return { sha256: hash.digest('hex'), bytes };
    }
    finally {
        zip.close();
    }
}
async function findEntry(zip, entryName) {
    const names = [];
    const entry = await new Promise((resolve, reject) => {
        zip.on('entry', (e) => {
            if (e.fileName === entryName || e.fileName === `${entryName}/`)
                resolve(e);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`the archive holds no ${(0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .nameForLog */ .jd)(entryName)} (it holds: ${names.map(_log_js__WEBPACK_IMPORTED_MODULE_5__/* .nameForLog */ .jd).join(', ') || 'nothing'})`);
    }
    return entry;
}
function checkEntry(entry, entryName, limits) {
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    const unix = entry.versionMadeBy >> 8 === MADE_BY_UNIX;
    if (entry.fileName.endsWith('/') || (unix && type !== 0 && type !== S_IFREG)) {
        const what = type === S_IFLNK ? 'a symbolic link' : entry.fileName.endsWith('/') ? 'a folder' : 'not a regular file';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${(0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .nameForLog */ .jd)(entryName)} in the archive is ${what}; only a regular file is installed`);
    }
    const size = entry.uncompressedSize;
    const packed = Math.max(entry.compressedSize, 1);
    // A small entry cannot do harm whatever its ratio; a big one must look like a real binary.
    if (size > limits.maxBytes || (size > 1024 * 1024 && size / packed > limits.maxRatio)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${(0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .nameForLog */ .jd)(entryName)} would inflate to ${size} bytes from ${entry.compressedSize} ` +
            `(limits: ${limits.maxBytes} bytes, ${limits.maxRatio} times its compressed size); refusing what looks like a zip bomb`);
    }
}


/***/ })

};
