export const id = 222;
export const ids = [222];
export const modules = {

/***/ 4686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZQ: () => (/* binding */ findChecksum),
/* harmony export */   _h: () => (/* binding */ isSha256)
/* harmony export */ });
/* unused harmony export parseChecksums */
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


/***/ }),

/***/ 9222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   installFresh: () => (/* binding */ installFresh)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8115);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8288);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2844);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8535);
/* harmony import */ var _toolcache_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7926);
/* harmony import */ var _unzip_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5044);
/* harmony import */ var _probe_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1144);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4909);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4709);











async function installFresh(plan, ctx) {
    const staging = await _toolcache_js__WEBPACK_IMPORTED_MODULE_5__/* .stage */ .dw(plan.expect);
    try {
        const fetched = await downloadVerified(plan, ctx, staging);
        const binarySha256 = await unpack(plan, fetched, staging);
        const { tool, version, asset, binary } = plan;
        const dir = await _toolcache_js__WEBPACK_IMPORTED_MODULE_5__/* .commit */ .cd(staging, {
            tool: tool.name,
            version,
            arch: plan.expect.arch,
            binary,
            asset: { name: asset.name, sha256: fetched.sha256, url: fetched.url, archive: asset.archive },
            binarySha256,
            checksumFile: fetched.verification.checksumFile,
            unverified: fetched.verification.digests.length === 0,
            verifiedBy: fetched.verification.label,
        }, plan.expect, plan.distrust);
        return {
            tool: tool.name,
            version,
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, binary),
            dir,
            fromCache: false,
            source: new URL(fetched.url).host,
            verifiedBy: fetched.verification.label,
            ms: performance.now() - plan.started,
        };
    }
    finally {
        // On success the staging folder was renamed away; on failure nothing of it may remain.
        await _toolcache_js__WEBPACK_IMPORTED_MODULE_5__/* .unstage */ .ac(staging);
    }
}
/** Downloads the asset into the staging folder and checks it against every expected digest. */
async function downloadVerified(plan, ctx, staging) {
    const { tool, version, asset, binary } = plan;
    const fetcher = await ctx.fetcher();
    // A zip is kept in the entry as evidence; a raw asset is the binary itself.
    const path = asset.archive === 'raw' ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(staging, binary) : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(staging, _toolcache_js__WEBPACK_IMPORTED_MODULE_5__/* .EVIDENCE */ .S4, asset.name);
    // Both run at once; both settle before anything is cleaned up, so no write outlives a failure.
    const [downloaded, expected] = await Promise.allSettled([fetcher.download(asset.url, path), (0,_verify_js__WEBPACK_IMPORTED_MODULE_9__/* .expectedDigests */ .e)(plan, ctx, { from: 'network' })]);
    if (downloaded.status === 'rejected')
        throw explainDownloadError(downloaded.reason, plan, ctx);
    if (expected.status === 'rejected')
        throw expected.reason;
    const { url, sha256 } = downloaded.value;
    const verification = expected.value;
    (0,_verify_js__WEBPACK_IMPORTED_MODULE_9__/* .checkDigests */ .i)(sha256, verification.digests, asset.name);
    if (!verification.digests.length) {
        ctx.warn(`${tool.name} ${version}: ${asset.name} installed UNVERIFIED (allow-unverified: true); sha256 ${sha256}.`);
    }
    return { path, url, sha256, verification };
}
/** Puts the executable (and the evidence) in place in the staging folder; returns the executable's SHA-256. */
async function unpack(plan, fetched, staging) {
    const { tool, version, asset, binary } = plan;
    const binaryPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(staging, binary);
    let binarySha256 = fetched.sha256;
    if (asset.archive === 'zip') {
        const extracted = await (0,_unzip_js__WEBPACK_IMPORTED_MODULE_6__/* .extractEntry */ .g)(fetched.path, binary, binaryPath).catch((e) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .ToolError */ .v4(`${tool.name} ${version}: ${asset.name} from ${fetched.url}: ${e.message}. Nothing was installed.`);
        });
        binarySha256 = extracted.sha256;
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(binaryPath, 0o755);
    await probeVersion(plan, binaryPath);
    for (const file of fetched.verification.keep)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(staging, _toolcache_js__WEBPACK_IMPORTED_MODULE_5__/* .EVIDENCE */ .S4, file.name), file.data, { flag: 'wx' });
    return binarySha256;
}
function explainDownloadError(error, plan, ctx) {
    const { tool, version, asset } = plan;
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__.HttpStatusError && (error.status === 404 || error.status === 410)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .ToolError */ .v4(`${tool.name} ${version} has no ${asset.name} for ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_4__/* .describePlatform */ .d5)(ctx.platform)}: ${error.url} answered ${error.status}. ` +
            `Check that ${version} is a released ${tool.name} version (and that any mirror holds it).`);
    }
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__.HttpStatusError) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .ToolError */ .v4(`Downloading ${tool.name} ${version}: ${error.url} answered ${error.status}.`);
    }
    return error;
}
/** The installed binary must say it is the version asked for, before it is cached. */
async function probeVersion(plan, binaryPath) {
    const { tool, version } = plan;
    let output;
    try {
        output = await (0,_probe_js__WEBPACK_IMPORTED_MODULE_7__/* .askVersion */ .qN)(binaryPath, tool.versionArgs);
    }
    catch (error) {
        const said = error instanceof _probe_js__WEBPACK_IMPORTED_MODULE_7__/* .ProbeFailure */ .BU ? error.stderr.trim().split('\n')[0] : undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .ToolError */ .v4(`${tool.name} ${version} was downloaded and verified but does not run here: \`${tool.binary} ${tool.versionArgs.join(' ')}\` failed: ` +
            `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_10__/* .messageOf */ .bD)(error)}${said ? ` (${(0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .nameForLog */ .jd)(said)})` : ''}. Nothing was cached.`);
    }
    const reported = (0,_tools_js__WEBPACK_IMPORTED_MODULE_8__/* .parseVersionOutput */ .ft)(output);
    if (reported !== version) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_10__/* .ToolError */ .v4(`${tool.name} ${version} was requested, but the installed binary reports ${reported ?? 'no version'} (${JSON.stringify(output.split('\n')[0]?.trim() ?? '')}). Nothing was cached.`);
    }
}


/***/ }),

/***/ 1144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ ProbeFailure),
/* harmony export */   MV: () => (/* binding */ probeEnv),
/* harmony export */   qN: () => (/* binding */ askVersion)
/* harmony export */ });
/* unused harmony export runBounded */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _toolcache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7926);



const TIMEOUT_MS = 30_000;
/** A version line is short; what a program prints beyond this is dropped, not buffered. */
const MAX_OUTPUT = 64 * 1024;
/** After the program exits, how long its pipes may stay open (held by a child that left its group). */
const CLOSE_GRACE_MS = 500;
const POSIX = process.platform !== 'win32';
/**
 * The environment a probe runs with: the basics only. None of the step's inputs (the GitHub token
 * is one), runner tokens or other secrets; no call home.
 */
function probeEnv(env = process.env) {
    const clean = { CHECKPOINT_DISABLE: '1', TFLINT_DISABLE_VERSION_CHECK: '1' };
    for (const key of ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'LANG', 'LC_ALL']) {
        const value = env[key]; // case-insensitive on Windows
        if (value !== undefined)
            clean[key] = value;
    }
    return clean;
}
/**
 * Ends the program and everything it started in its process group (its own, see runBounded). On
 * Windows, where there are no process groups, taskkill ends the tree.
 */
function killGroup(child) {
    if (child.pid === undefined)
        return;
    try {
        if (POSIX)
            process.kill(-child.pid, 'SIGKILL');
        else
            (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    }
    catch {
        // ESRCH: nothing of it is left
    }
}
/**
 * Runs a program in a process group of its own and settles within the timeout (plus a short grace
 * for its pipes): on the deadline, on a cancelled step, and once the program has exited, whatever
 * is left of its group is killed, and pipes still held open by something outside it are closed
 * from this side. Rejects only when the program cannot be started (ENOENT, EACCES, ETXTBSY).
 */
function runBounded(file, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, [...args], { env: options.env ?? probeEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: POSIX, windowsHide: true });
        const result = { stdout: '', stderr: '', code: null, signal: null, timedOut: false };
        const forget = (0,_toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .onCancel */ .Ao)(() => killGroup(child));
        let grace;
        let settled = false;
        const settle = (error) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(deadline);
            clearTimeout(grace);
            forget();
            // Something that left the group may still hold the pipes: they are closed from this side.
            child.stdout?.destroy();
            child.stderr?.destroy();
            if (error)
                reject(error);
            else
                resolve(result);
        };
        const deadline = setTimeout(() => {
            result.timedOut = true;
            killGroup(child);
            settle();
        }, options.timeoutMs ?? TIMEOUT_MS);
        for (const stream of ['stdout', 'stderr']) {
            child[stream]?.setEncoding('utf8');
            child[stream]?.on('data', (chunk) => {
                if (result[stream].length < MAX_OUTPUT)
                    result[stream] += chunk.slice(0, MAX_OUTPUT - result[stream].length);
            });
        }
        child.on('error', (error) => settle(error));
        child.on('exit', (code, signal) => {
            result.code = code;
            result.signal = signal;
            // What it started is no part of a version answer.
            killGroup(child);
            grace = setTimeout(() => settle(), CLOSE_GRACE_MS);
        });
        child.on('close', () => settle());
    });
}
/** A version command that did not answer cleanly; `stderr` holds what it printed there, if anything. */
class ProbeFailure extends Error {
    stderr;
    name = 'ProbeFailure';
    constructor(message, stderr) {
        super(message);
        this.stderr = stderr;
    }
}
/**
 * The program's answer to its version command: what it printed (stdout, else stderr) on a clean
 * exit. While tools are installed in parallel, a child forked for one probe briefly holds the write
 * descriptor of another binary being written, and exec of that binary then fails with ETXTBSY
 * ("text file busy"): that is retried, it clears within moments.
 */
async function askVersion(binaryPath, args, options = {}) {
    for (let attempt = 1;; attempt++) {
        let result;
        try {
            result = await runBounded(binaryPath, args, options);
        }
        catch (error) {
            if (error.code !== 'ETXTBSY' || attempt >= 10)
                throw error;
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(20 * attempt);
            continue;
        }
        const { stdout, stderr, code, signal, timedOut } = result;
        if (timedOut) {
            const seconds = (options.timeoutMs ?? TIMEOUT_MS) / 1000;
            throw new ProbeFailure(`it did not answer within ${seconds} s; it and every process it started were killed`, '');
        }
        if (code !== 0)
            throw new ProbeFailure(signal ? `it was ended by ${signal}` : `it exited with code ${code}`, stderr);
        return stdout || stderr;
    }
}


/***/ }),

/***/ 4709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ expectedDigests),
/* harmony export */   i: () => (/* binding */ checkDigests)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _checksums_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4686);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8115);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8288);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2844);
/* harmony import */ var _pgp_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9693);
/* harmony import */ var _install_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2321);








async function expectedDigests(plan, ctx, source) {
    const { tool, version, asset } = plan;
    const digests = plan.expect.digests.map(({ digest, from }) => ({ digest, from }));
    const file = tool.checksumFile(version, asset);
    const found = file ? await checksumFromFile(plan, file, ctx, source) : undefined;
    if (found)
        digests.push(found.expected);
    if (!digests.length && !ctx.allowUnverified) {
        const fetcher = await ctx.fetcher();
        const where = file
            ? `${tool.name} ${version} publishes no ${file.label} (${fetcher.resolve(file.url)} answered 404)`
            : `${tool.name} ${version} publishes no checksum file`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${where}, and shipkit embeds no digest for ${asset.name}, so the download cannot be verified. ` +
            `Give its sha256 in "checksums" ("<sha256>  ${asset.name}"), pick a version that publishes checksums, or set allow-unverified: true to accept it unverified.`);
    }
    return {
        digests,
        label: (0,_install_js__WEBPACK_IMPORTED_MODULE_5__/* .verificationLabel */ .MP)(plan.expect, found?.checksumFile, ctx),
        checksumFile: found?.checksumFile,
        keep: found?.keep ?? [],
    };
}
async function checksumFromFile(plan, file, ctx, source) {
    const { tool, version, asset } = plan;
    const name = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(new URL(file.url).pathname);
    let sums;
    let where;
    let signature;
    if (file.signed && source.from === 'evidence') {
        where = `the ${file.label} kept in the cache entry`;
        sums = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(source.dir, name));
        signature = await readKeptSignature(source.dir, name, ctx);
    }
    else {
        const fetcher = await ctx.fetcher();
        where = fetcher.resolve(file.url);
        try {
            sums = await fetcher.buffer(file.url);
        }
        catch (error) {
            if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__.HttpStatusError && error.status === 404)
                return undefined;
            throw error;
        }
        if (file.signed)
            signature = await fetchSignature(file.url, ctx);
    }
    if (signature)
        await verifySums(sums, signature.data, where, ctx);
    const digest = (0,_checksums_js__WEBPACK_IMPORTED_MODULE_7__/* .findChecksum */ .ZQ)(sums.toString('utf8'), asset.name);
    if (!digest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${tool.name} ${version}: ${where} has no line for ${asset.name}; refusing an asset its own checksum file does not list.`);
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
        const data = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name)).catch(() => undefined);
        if (data)
            return { name, data };
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`the cache entry keeps no signature of ${sumsName} by key ${ctx.hashicorpKey.identity.shortId}`);
}
/** HashiCorp names the signature after the signing key: `<file>.72D7468F.sig`; older ones `<file>.sig`. */
async function fetchSignature(url, ctx) {
    const fetcher = await ctx.fetcher();
    const base = url.slice(0, url.lastIndexOf('/') + 1);
    const names = signatureNames((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(new URL(url).pathname), ctx);
    for (const name of names) {
        try {
            return { name, data: await fetcher.buffer(base + name) };
        }
        catch (error) {
            if (!(error instanceof _http_js__WEBPACK_IMPORTED_MODULE_2__.HttpStatusError && error.status === 404))
                throw error;
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`No signature for ${fetcher.resolve(url)}: neither ${names.map((n) => fetcher.resolve(base + n)).join(' nor ')} exists. ` +
        'A SHA256SUMS file is only trusted when signed by "hashicorp-public-key"; if your mirror drops signatures, copy the .sig files too.');
}
async function verifySums(sums, signature, where, ctx) {
    try {
        await (0,_pgp_js__WEBPACK_IMPORTED_MODULE_4__/* .verifyDetached */ .kA)(sums, signature, ctx.hashicorpKey.armored);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${where} is not signed by key ${ctx.hashicorpKey.identity.shortId}: ${error.message}. Nothing was installed.`);
    }
}
const DOWNLOAD_DISCARDED = 'The download was discarded and nothing was cached. A mirror serving a different file, or a tampered download, causes this.';
/** The asset's digest must equal every expected one; `consequence` ends the message. */
function checkDigests(actual, expected, assetName, consequence = DOWNLOAD_DISCARDED) {
    for (const e of expected) {
        if (e.digest !== actual) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`Checksum mismatch for ${(0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .nameForLog */ .jd)(assetName)}: expected sha256 ${e.digest} (from ${e.from}), got ${actual}. ${consequence}`);
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
        const take = (chunk) => {
            bytes += chunk.length;
            if (bytes > entry.uncompressedSize)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ToolError */ .v4(`${(0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .nameForLog */ .jd)(entryName)} inflates past the ${entry.uncompressedSize} bytes its archive declares`);
            hash.update(chunk);
        };
        if (dest) {
            const count = new node_stream__WEBPACK_IMPORTED_MODULE_2__.Transform({
                transform(chunk, _encoding, done) {
                    try {
                        take(chunk);
                        done(null, chunk);
                    }
                    catch (error) {
                        done(error);
                    }
                },
            });
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(stream, count, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(dest, { flags: 'wx', mode: 0o755 }));
        }
        else {
            // Hashing only (the recheck of a cache entry, on every run with cache-verification: always):
            // no stream machinery between the inflater and the hash.
            for await (const chunk of stream)
                take(chunk);
        }
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
