export const id = 65;
export const ids = [65,446];
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

/***/ 431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ findOnPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The first executable called `name` on PATH (with Windows' extensions), or undefined. */
function findOnPath(name, path = process.env.PATH ?? '') {
    const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
    for (const dir of path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
        if (!dir)
            continue;
        for (const ext of exts) {
            const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name + ext);
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
                return candidate;
            }
            catch {
                // keep looking
            }
        }
    }
    return undefined;
}


/***/ })

};
