export const id = 222;
export const ids = [222];
export const modules = {

/***/ 9222:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   installFresh: () => (/* binding */ installFresh)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8115);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6880);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2844);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8535);
/* harmony import */ var _toolcache_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7926);
/* harmony import */ var _unzip_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5044);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4909);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6898);












// A cache miss: download, verify, extract, probe, cache. Loaded only on a miss.
const execFileAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
async function installFresh(plan, ctx) {
    const { tool, version, asset, binary } = plan;
    const staging = await _toolcache_js__WEBPACK_IMPORTED_MODULE_7__/* .stage */ .dw(plan.expect);
    try {
        const fetcher = await ctx.fetcher();
        // A zip is kept in the entry as evidence; a raw asset is the binary itself.
        const download = asset.archive === 'raw' ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, binary) : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, _toolcache_js__WEBPACK_IMPORTED_MODULE_7__/* .EVIDENCE */ .S4, asset.name);
        // Both run at once; both settle before anything is cleaned up, so no write outlives a failure.
        const [downloaded, expected] = await Promise.allSettled([
            fetcher.download(asset.url, download),
            (0,_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .expectedDigests */ .e)(plan, ctx, { from: 'network' }),
        ]);
        if (downloaded.status === 'rejected')
            throw explainDownloadError(downloaded.reason, plan, ctx);
        if (expected.status === 'rejected')
            throw expected.reason;
        const got = downloaded.value;
        const verification = expected.value;
        (0,_verify_js__WEBPACK_IMPORTED_MODULE_10__/* .checkDigests */ .i)(got.sha256, verification.digests, asset.name);
        if (!verification.digests.length) {
            ctx.warn(`${tool.name} ${version}: ${asset.name} installed UNVERIFIED (allow-unverified: true); sha256 ${got.sha256}.`);
        }
        const binaryPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, binary);
        let binarySha256 = got.sha256;
        if (asset.archive === 'zip') {
            const extracted = await (0,_unzip_js__WEBPACK_IMPORTED_MODULE_8__/* .extractEntry */ .g)(download, binary, binaryPath).catch((e) => {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .ToolError */ .v4(`${tool.name} ${version}: ${asset.name} from ${got.url}: ${e.message}. Nothing was installed.`);
            });
            binarySha256 = extracted.sha256;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.chmod)(binaryPath, 0o755);
        await probeVersion(plan, binaryPath);
        for (const file of verification.keep)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, _toolcache_js__WEBPACK_IMPORTED_MODULE_7__/* .EVIDENCE */ .S4, file.name), file.data, { flag: 'wx' });
        const dir = await _toolcache_js__WEBPACK_IMPORTED_MODULE_7__/* .commit */ .cd(staging, {
            tool: tool.name,
            version,
            arch: plan.expect.arch,
            binary,
            asset: { name: asset.name, sha256: got.sha256, url: got.url, archive: asset.archive },
            binarySha256,
            checksumFile: verification.checksumFile,
            unverified: verification.digests.length === 0,
            verifiedBy: verification.label,
        }, plan.expect, plan.distrust);
        return {
            tool: tool.name,
            version,
            path: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, binary),
            dir,
            fromCache: false,
            source: new URL(got.url).host,
            verifiedBy: verification.label,
            ms: performance.now() - plan.started,
        };
    }
    finally {
        // On success the staging folder was renamed away; on failure nothing of it may remain.
        await _toolcache_js__WEBPACK_IMPORTED_MODULE_7__/* .unstage */ .ac(staging);
    }
}
function explainDownloadError(error, plan, ctx) {
    const { tool, version, asset } = plan;
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_4__.HttpStatusError && (error.status === 404 || error.status === 410)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .ToolError */ .v4(`${tool.name} ${version} has no ${asset.name} for ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_6__/* .describePlatform */ .d5)(ctx.platform)}: ${error.url} answered ${error.status}. ` +
            `Check that ${version} is a released ${tool.name} version (and that any mirror holds it).`);
    }
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_4__.HttpStatusError) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .ToolError */ .v4(`Downloading ${tool.name} ${version}: ${error.url} answered ${error.status}.`);
    }
    return error;
}
/**
 * A freshly downloaded binary runs with the basics only: none of the step's inputs (the GitHub
 * token is one), runner tokens or other secrets; no call home.
 */
function probeEnv() {
    const env = { CHECKPOINT_DISABLE: '1', TFLINT_DISABLE_VERSION_CHECK: '1' };
    for (const key of ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'LANG', 'LC_ALL']) {
        const value = process.env[key]; // case-insensitive on Windows
        if (value !== undefined)
            env[key] = value;
    }
    return env;
}
/** The installed binary must say it is the version asked for, before it is cached. */
async function probeVersion(plan, binaryPath) {
    const { tool, version } = plan;
    let output;
    try {
        const result = await execFileAsync(binaryPath, tool.versionArgs, {
            env: probeEnv(),
            timeout: 30_000,
        });
        output = result.stdout || result.stderr;
    }
    catch (error) {
        const e = error;
        const first = (e.stderr || e.message).trim().split('\n')[0] ?? '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .ToolError */ .v4(`${tool.name} ${version} was downloaded and verified but does not run here: \`${tool.binary} ${tool.versionArgs.join(' ')}\` failed (${(0,_log_js__WEBPACK_IMPORTED_MODULE_5__/* .nameForLog */ .jd)(first)}).`);
    }
    const reported = (0,_tools_js__WEBPACK_IMPORTED_MODULE_9__/* .parseVersionOutput */ .ft)(output);
    if (reported !== version) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_11__/* .ToolError */ .v4(`${tool.name} ${version} was requested, but the installed binary reports ${reported ?? 'no version'} (${JSON.stringify(output.split('\n')[0]?.trim() ?? '')}). Nothing was cached.`);
    }
}


/***/ })

};
