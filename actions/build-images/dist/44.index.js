export const id = 44;
export const ids = [44];
export const modules = {

/***/ 5044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   extractEntry: () => (/* binding */ extractEntry)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yauzl__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(663);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8115);




/**
 * Extracts the one entry named `entryName` (at the archive's top level) to `dest`, streaming, and
 * ignores everything else (HashiCorp zips also carry LICENSE.txt from some versions on). In-process,
 * so no `unzip` binary is needed on minimal images or Windows.
 */
async function extractEntry(zipPath, entryName, dest) {
    const zip = await new Promise((resolve, reject) => yauzl__WEBPACK_IMPORTED_MODULE_2__.open(zipPath, { lazyEntries: true, autoClose: false }, (err, file) => err || !file ? reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4(`${zipPath} is not a readable zip archive (${err?.message ?? 'empty'})`)) : resolve(file)));
    try {
        const names = [];
        const entry = await new Promise((resolve, reject) => {
            zip.on('entry', (e) => {
                if (e.fileName === entryName)
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ToolError */ .v4(`the archive holds no "${entryName}" (it holds: ${names.join(', ') || 'nothing'})`);
        }
        const stream = await new Promise((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))));
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(stream, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(dest, { mode: 0o755 }));
    }
    finally {
        zip.close();
    }
}


/***/ })

};
