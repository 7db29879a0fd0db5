export const id = 106;
export const ids = [106,880];
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

/***/ 106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveVersion: () => (/* binding */ resolveVersion)
/* harmony export */ });
/* unused harmony export explainGitHubError */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8115);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6880);
/* harmony import */ var _versions_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1341);




// Resolving `latest` or a range needs the network; this module is loaded only then.
/**
 * Turns `latest` or a range into one version, through HashiCorp's index.json or the GitHub
 * releases API. Exact versions never come here: pinned runs make no index or API call.
 */
async function resolveVersion(tool, spec, fetcher, github) {
    const versions = await listVersions(tool, fetcher, github, spec.kind === 'latest');
    const picked = spec.kind === 'latest' ? semver__WEBPACK_IMPORTED_MODULE_0___default().maxSatisfying(versions, '*') : semver__WEBPACK_IMPORTED_MODULE_0___default().maxSatisfying(versions, spec.range);
    if (!picked) {
        const newest = semver__WEBPACK_IMPORTED_MODULE_0___default().rsort([...versions]).slice(0, 5).join(', ');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`Input "${tool.name}-version" is "${(0,_versions_js__WEBPACK_IMPORTED_MODULE_2__/* .describeSpec */ .l)(spec)}": no released ${tool.name} version matches it` +
            (newest ? ` (newest: ${newest}).` : '.'));
    }
    return picked;
}
async function listVersions(tool, fetcher, github, latestOnly) {
    const source = tool.releases;
    if (source.kind === 'hashicorp') {
        const index = await fetcher.json(`https://releases.hashicorp.com/${source.product}/index.json`);
        return Object.keys(index.versions ?? {}).filter((v) => semver__WEBPACK_IMPORTED_MODULE_0___default().valid(v));
    }
    const api = github.url.replace(/\/+$/, '');
    const headers = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
    try {
        if (latestOnly) {
            const latest = await fetcher.json(`${api}/repos/${source.repo}/releases/latest`, headers);
            const version = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(latest.tag_name.replace(/^v/, ''));
            return version ? [version] : [];
        }
        const versions = [];
        for (let page = 1; page <= 10; page++) {
            const releases = await fetcher.json(`${api}/repos/${source.repo}/releases?per_page=100&page=${page}`, headers);
            for (const r of releases) {
                const v = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(r.tag_name.replace(/^v/, ''));
                if (v && !r.draft)
                    versions.push(v);
            }
            if (releases.length < 100)
                break;
        }
        return versions;
    }
    catch (error) {
        throw explainGitHubError(error, tool, github);
    }
}
function header(error, name) {
    const value = error.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** Rate limits get their own message: which limit, when it resets, and how to avoid it. */
function explainGitHubError(error, tool, github) {
    if (!(error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__.HttpStatusError))
        return error;
    const remaining = header(error, 'x-ratelimit-remaining');
    const secondary = /secondary rate limit/i.test(error.body);
    if ((error.status === 403 || error.status === 429) && (remaining === '0' || secondary)) {
        const limit = header(error, 'x-ratelimit-limit');
        const reset = Number(header(error, 'x-ratelimit-reset'));
        const when = Number.isFinite(reset) && reset > 0 ? ` It resets at ${new Date(reset * 1000).toISOString().slice(11, 16)} UTC.` : '';
        const which = secondary
            ? "GitHub's secondary (abuse) rate limit"
            : `GitHub's API rate limit of ${limit ?? '?'} requests per hour ${github.hasToken ? 'for this token' : 'for unauthenticated calls from this runner'}`;
        const fix = github.hasToken
            ? 'Wait for the reset, use a token with a larger allowance, or pin an exact version (pinned versions make no API call).'
            : 'Pass a token (the default `github-token: ${{ github.token }}` gives 1,000 requests per hour per repository), or pin an exact version (pinned versions make no API call).';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4(`Resolving ${tool.name}-version hit ${which}.${when} ${fix}`);
    }
    if (error.status === 401) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`The GitHub API at ${github.url} refused "github-token" (401) while resolving ${tool.name}-version. On GitHub Enterprise Server, set github-api-url: https://api.github.com with a github.com token, or pin an exact version.`);
    }
    if (error.status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4(`The GitHub API has no releases at ${error.url} (404) while resolving ${tool.name}-version; check "github-api-url" and "mirrors".`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4(`${error.message} while resolving ${tool.name}-version.`);
}


/***/ })

};
