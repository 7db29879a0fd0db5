export const id = 106;
export const ids = [106];
export const modules = {

/***/ 106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveVersion: () => (/* binding */ resolveVersion)
/* harmony export */ });
/* unused harmony export explainGitHubError */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8115);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8288);
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
