export const id = 294;
export const ids = [294];
export const modules = {

/***/ 294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ parseMirrors),
/* harmony export */   E: () => (/* binding */ mapUrl)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8115);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(453);


function normalisePrefix(prefix) {
    return prefix.replace(/\/+$/, '');
}
/** Parses `UPSTREAM_PREFIX=MIRROR_PREFIX` lines (the `mirrors` input). */
function parseMirrors(lines, inputName = 'mirrors') {
    return lines.map((line) => {
        const eq = line.indexOf('=');
        const upstream = normalisePrefix(eq > 0 ? line.slice(0, eq).trim() : '');
        const mirror = normalisePrefix(eq > 0 ? line.slice(eq + 1).trim() : '');
        if (!(0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .isHttpUrl */ .q$)(upstream) || !(0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .isHttpUrl */ .q$)(mirror)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Input "${inputName}" has the line "${line}": expected UPSTREAM_PREFIX=MIRROR_PREFIX with two http(s) URLs, ` +
                'e.g. https://releases.hashicorp.com=https://artifacts.example/hashicorp.');
        }
        return { upstream, mirror };
    });
}
/**
 * Rewrites an upstream URL through the longest matching mirror prefix. A prefix matches whole path
 * segments only, so `https://github.com/docker` does not capture `https://github.com/dockerx`.
 */
function mapUrl(url, mirrors) {
    let best;
    for (const m of mirrors) {
        const matches = url === m.upstream || url.startsWith(`${m.upstream}/`) || url.startsWith(`${m.upstream}?`);
        if (matches && (!best || m.upstream.length > best.upstream.length))
            best = m;
    }
    return best ? best.mirror + url.slice(best.upstream.length) : url;
}


/***/ })

};
