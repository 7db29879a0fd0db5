export const id = 801;
export const ids = [801];
export const modules = {

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
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6898);






/**
 * Proves a cache entry again, the way a cold install proves a download, from the evidence the
 * entry keeps instead of the network, and believing nothing its record says (see lib/toolcache.ts):
 * the asset (the kept archive, or the binary itself for a raw asset) is hashed and must match the
 * `checksums` pin, the embedded digest and the checksum file (a signed one from the entry,
 * re-verified with the configured key; an unsigned one fetched again); for a zip, the binary must
 * be byte for byte the archive's entry. Then the record is rewritten with what was observed.
 * Throws when the entry does not hold up; the caller then installs afresh.
 */
async function recheck(plan, entry, ctx) {
    const { asset, binary } = plan;
    const assetPath = asset.archive === 'raw' ? entry.binaryPath : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(entry.evidence, asset.name);
    const kept = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(assetPath).catch(() => undefined);
    if (!kept?.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ToolError */ .v4(`the entry keeps no ${asset.name} to verify it against`);
    const before = await _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .stampOf */ .Zs(entry.binaryPath);
    const [assetSha256, verification, binarySha256, fromArchive] = await Promise.all([
        _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3(assetPath),
        (0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .expectedDigests */ .e)(plan, ctx, { from: 'evidence', dir: entry.evidence }),
        asset.archive === 'raw' ? undefined : _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256File */ .Q3(entry.binaryPath),
        asset.archive === 'raw' ? undefined : (0,_unzip_js__WEBPACK_IMPORTED_MODULE_3__/* .extractEntry */ .g)(assetPath, binary, undefined),
    ]);
    (0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .checkDigests */ .i)(assetSha256, verification.digests, asset.name);
    if (fromArchive && fromArchive.sha256 !== binarySha256) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ToolError */ .v4(`${entry.binaryPath} is not the ${binary} of the verified ${asset.name} (sha256 ${binarySha256}, the archive's is ${fromArchive.sha256})`);
    }
    const stamp = await _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .stampOf */ .Zs(entry.binaryPath);
    if (JSON.stringify(stamp) !== JSON.stringify(before))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ToolError */ .v4(`${entry.binaryPath} changed while it was being verified`);
    const record = {
        schema: 2,
        tool: plan.tool.name,
        version: plan.version,
        arch: plan.expect.arch,
        binary,
        asset: { name: asset.name, sha256: assetSha256, url: asset.url, archive: asset.archive },
        binarySha256: binarySha256 ?? assetSha256,
        checksumFile: verification.checksumFile,
        unverified: verification.digests.length === 0,
        verifiedBy: verification.label,
        stamp,
    };
    await _toolcache_js__WEBPACK_IMPORTED_MODULE_2__/* .writeRecord */ .rh(entry.evidence, record);
    return { ...entry, record };
}


/***/ })

};
