export const id = 801;
export const ids = [801];
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

/***/ 7801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recheck: () => (/* binding */ recheck)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8115);
/* harmony import */ var _toolcache_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7926);
/* harmony import */ var _unzip_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5044);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4709);






/**
 * Proves a cache entry again, the way a cold install proves a download, from the evidence the
 * entry keeps instead of the network, and believing nothing its record says (see lib/toolcache.ts):
 * the asset (the kept archive, or the binary itself for a raw asset) is hashed and must match the
 * `checksums` pin, the embedded digest and the checksum file (a signed one from the entry,
 * re-verified with the configured key; an unsigned one fetched again); for a zip, the binary must
 * be byte for byte the archive's entry. Anything else in the entry's folder is deleted (the folder
 * goes on PATH). Then the record is rewritten with what was observed.
 * Throws when the entry does not hold up; the caller then installs afresh.
 */
async function recheck(plan, entry, ctx) {
    const { asset, binary } = plan;
    const assetPath = asset.archive === 'raw' ? entry.binaryPath : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(entry.evidence, asset.name);
    const kept = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(assetPath).catch(() => undefined);
    if (!kept?.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ToolError */ .v4(`the entry keeps no ${asset.name} to verify it against`);
    const before = _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .stampOf */ .Zs(entry.binaryPath);
    const [assetSha256, verification, binarySha256, fromArchive] = await Promise.all([
        _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3(assetPath),
        (0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .expectedDigests */ .e)(plan, ctx, { from: 'evidence', dir: entry.evidence }),
        asset.archive === 'raw' ? undefined : _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3(entry.binaryPath),
        asset.archive === 'raw' ? undefined : (0,_unzip_js__WEBPACK_IMPORTED_MODULE_3__/* .extractEntry */ .g)(assetPath, binary, undefined),
    ]);
    (0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .checkDigests */ .i)(assetSha256, verification.digests, asset.name, 'The cached copy is not used.');
    if (fromArchive && fromArchive.sha256 !== binarySha256) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ToolError */ .v4(`${entry.binaryPath} is not the ${binary} of the verified ${asset.name} (sha256 ${binarySha256}, the archive's is ${fromArchive.sha256})`);
    }
    const stamp = _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .stampOf */ .Zs(entry.binaryPath);
    if (JSON.stringify(stamp) !== JSON.stringify(before))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ToolError */ .v4(`${entry.binaryPath} changed while it was being verified`);
    // The folder goes on PATH: the proved binary may, nothing planted beside it.
    const removed = await _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .removeForeign */ .vc(entry);
    if (removed.length) {
        ctx.warn(`${plan.tool.name} ${plan.version}: removed ${_toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .describeForeign */ .eQ(removed)} from its cache entry ${entry.dir}: that folder goes on PATH.`);
    }
    const record = {
        schema: 2,
        tool: plan.tool.name,
        version: plan.version,
        arch: plan.expect.arch,
        binary,
        // The download URL is kept for the reader only; no decision depends on it.
        asset: { name: asset.name, sha256: assetSha256, url: entry.record?.asset.url ?? asset.url, archive: asset.archive },
        binarySha256: binarySha256 ?? assetSha256,
        checksumFile: verification.checksumFile,
        unverified: verification.digests.length === 0,
        verifiedBy: verification.label,
        stamp,
    };
    // Rewritten only when something differs (cache-verification: always proves unchanged entries too).
    if (JSON.stringify(record) !== JSON.stringify(entry.record))
        await _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .writeRecord */ .rh(entry.evidence, record);
    return { ...entry, record };
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
