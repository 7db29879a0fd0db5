export const id = 446;
export const ids = [446];
export const modules = {

/***/ 1065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeOnPath: () => (/* binding */ describeOnPath),
/* harmony export */   installLocally: () => (/* binding */ installLocally)
/* harmony export */ });
/* unused harmony export findInstalled */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _local_run_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7685);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(634);
/* harmony import */ var _which_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(431);
/* harmony import */ var _install_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2321);
/* harmony import */ var _probe_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1144);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4909);
/* harmony import */ var _versions_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1341);









/** How the log and the summary name a tool from PATH: `terraform 1.11.4 from /usr/local/bin (on PATH; not verified: offline)`. */
function describeOnPath(found) {
    return `${found.tool} ${found.version} from ${found.dir} (on PATH; not verified: ${found.why})`;
}
function satisfies(version, spec) {
    if (spec.kind === 'exact')
        return version === spec.version;
    // Without the network "latest" cannot be known: the one installed is the best there is.
    if (spec.kind === 'latest')
        return true;
    return semver__WEBPACK_IMPORTED_MODULE_1___default().satisfies(version, spec.range);
}
/** The version command, with the basics of the environment only (no inputs, tokens or secrets). */
async function versionOf(path, tool, env) {
    try {
        return (0,_tools_js__WEBPACK_IMPORTED_MODULE_6__/* .parseVersionOutput */ .ft)(await (0,_probe_js__WEBPACK_IMPORTED_MODULE_5__/* .askVersion */ .qN)(path, tool.versionArgs, { env: (0,_probe_js__WEBPACK_IMPORTED_MODULE_5__/* .probeEnv */ .MV)(env) }));
    }
    catch {
        return undefined;
    }
}
/**
 * The tool on PATH, outside the tool cache's own folders (those are setup-tools' verified copies,
 * found the normal way), when its version fits the request; otherwise why not.
 */
async function findInstalled(tool, spec, env) {
    const toolCache = env.RUNNER_TOOL_CACHE;
    const path = (env.PATH ?? '')
        .split(node_path__WEBPACK_IMPORTED_MODULE_0__.delimiter)
        .filter((dir) => dir && !(toolCache && (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(toolCache, dir)))
        .join(node_path__WEBPACK_IMPORTED_MODULE_0__.delimiter);
    const binary = (0,_which_js__WEBPACK_IMPORTED_MODULE_3__/* .findOnPath */ .a)(tool.binary, path);
    if (!binary)
        return { why: 'none is on PATH' };
    const version = await versionOf(binary, tool, env);
    if (!version)
        return { why: `${binary} on PATH does not say its version` };
    if (!satisfies(version, spec))
        return { why: `${binary} on PATH is ${version}, not ${(0,_versions_js__WEBPACK_IMPORTED_MODULE_7__/* .describeSpec */ .l)(spec)}` };
    return { found: { tool: tool.name, version, path: binary, dir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(binary) }, why: '' };
}
/**
 * One tool in a local run: with --prefer-installed the one on PATH when it fits; else the verified
 * install, and when that cannot reach the network, the one on PATH when it fits; else unavailable,
 * with the reason. A 404, a checksum or a signature failure still fails, as on a runner.
 */
async function installLocally(tool, spec, options) {
    if (options.preferInstalled) {
        const { found } = await findInstalled(tool, spec, options.env);
        if (found)
            return { kind: 'on-path', found: { ...found, why: '--prefer-installed' } };
    }
    try {
        return { kind: 'installed', installed: await (0,_install_js__WEBPACK_IMPORTED_MODULE_4__/* .install */ .ai)(tool, spec, options.fast) };
    }
    catch (error) {
        if ((0,_local_run_js__WEBPACK_IMPORTED_MODULE_8__/* .isUnreachable */ .R0)(error)) {
            const { found, why } = await findInstalled(tool, spec, options.env);
            if (found)
                return { kind: 'on-path', found: { ...found, why: 'offline' } };
            return { kind: 'unavailable', reason: `${tool.name} ${(0,_versions_js__WEBPACK_IMPORTED_MODULE_7__/* .describeSpec */ .l)(spec)} could not be downloaded (offline) and ${why}` };
        }
        // What the runner's retries would have cured (a timeout, a reset, a 503) gets them.
        if (['timeout', 'broken', 'status'].includes((0,_local_run_js__WEBPACK_IMPORTED_MODULE_8__/* .networkProblem */ .Wo)(error) ?? ''))
            return { kind: 'installed', installed: await (0,_install_js__WEBPACK_IMPORTED_MODULE_4__/* .install */ .ai)(tool, spec, options.full) };
        throw error;
    }
}


/***/ })

};
