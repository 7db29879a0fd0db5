export const id = 466;
export const ids = [466];
export const modules = {

/***/ 9798:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ dockerEnvironment),
/* harmony export */   j: () => (/* binding */ hadolintEnvironment)
/* harmony export */ });
/**
 * The environments of the step's child processes, built from a list instead of copied: the runner
 * hands an action every input as INPUT_* (INPUT_PASSWORD among them) and the job's env (often more
 * secrets); docker and hadolint need none of it. A variable reaches a child only when that child reads it.
 */
/** What any program needs to run: where programs are, the home folder, language, time zone, temp. */
const BASE = /^(PATH|HOME|USER|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR)$/;
/**
 * What the docker CLI and its plugins (buildx) read: the engine's address and TLS, the context,
 * proxies and CA bundles, ssh agents for ssh:// hosts, kubeconfig for the kubernetes driver, and
 * buildx's and BuildKit's own settings. DOCKER_CONFIG and DOCKER_BUILDKIT are set by the kit.
 */
const DOCKER = /^(DOCKER_(HOST|CONTEXT|TLS|TLS_VERIFY|CERT_PATH|API_VERSION|DEFAULT_PLATFORM|CONTENT_TRUST|CONTENT_TRUST_SERVER|CLI_HINTS|CLI_EXPERIMENTAL)|BUILDX_[A-Z0-9_]+|BUILDKIT_[A-Z0-9_]+|(HTTPS?|NO|ALL|FTP)_PROXY|(https?|no|all|ftp)_proxy|SSL_CERT_(FILE|DIR)|SSH_AUTH_SOCK|XDG_RUNTIME_DIR|KUBECONFIG)$/;
function pick(env, ...patterns) {
    const out = {};
    for (const [key, value] of Object.entries(env)) {
        if (value !== undefined && patterns.some((p) => p.test(key)))
            out[key] = value;
    }
    return out;
}
function dockerEnvironment(env, options = {}) {
    const out = pick(env, BASE, DOCKER, ...(options.extra ?? []));
    out.DOCKER_CONFIG = options.dockerConfig ?? env.DOCKER_CONFIG;
    if (out.DOCKER_CONFIG === undefined)
        delete out.DOCKER_CONFIG;
    if (options.buildkit)
        out.DOCKER_BUILDKIT = options.buildkit;
    else if (env.DOCKER_BUILDKIT !== undefined)
        out.DOCKER_BUILDKIT = env.DOCKER_BUILDKIT;
    return out;
}
/** hadolint reads its config from XDG_CONFIG_HOME or HOME, and HADOLINT_* settings. */
function hadolintEnvironment(env) {
    return pick(env, BASE, /^XDG_CONFIG_HOME$/, /^HADOLINT_[A-Z_]+$/);
}


/***/ }),

/***/ 5466:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lib_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2101);


await (0,_lib_action_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)(_post_js__WEBPACK_IMPORTED_MODULE_1__/* .post */ .b);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3838);
/* harmony import */ var _lib_exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3361);
/* harmony import */ var _lib_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2844);
/* harmony import */ var _environment_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9798);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3790);






/**
 * Logs out and deletes the step's DOCKER_CONFIG, so no credential outlives the step. The links in it
 * to the runner's buildx, contexts and plugins go with it; what they point at stays (rm does not
 * follow symlinks).
 */
async function post() {
    const dir = _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu(_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE_DOCKER_CONFIG */ .i);
    if (!dir)
        return;
    const registry = _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .getState */ .Gu(_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE_REGISTRY */ .o);
    const logout = await (0,_lib_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .eF)('docker', ['logout', registry], { env: (0,_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .dockerEnvironment */ .O)(process.env, { dockerConfig: dir }) });
    if (logout.code)
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`docker logout ${registry} failed: ${logout.stderr.trim()}; deleting the credentials anyway.`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    (0,_lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`Logged out of ${registry} and deleted ${dir}`);
}


/***/ }),

/***/ 3790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ STATE_DOCKER_CONFIG),
/* harmony export */   o: () => (/* binding */ STATE_REGISTRY)
/* harmony export */ });
/** Names of the values main saves for the post step (GITHUB_STATE). */
const STATE_DOCKER_CONFIG = 'docker-config';
const STATE_REGISTRY = 'registry';


/***/ }),

/***/ 5490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ runStep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8115);


/**
 * The one place an action meets the runner's failure handling: anything thrown (not only Errors)
 * fails the step with a message a user can act on. Unexpected errors also print their stack, so a
 * bug report has it, but the message is never only a stack trace.
 */
async function runStep(main) {
    try {
        await main();
    }
    catch (error) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpected */ .Dn)(error) && error instanceof Error && error.stack) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`shipkit internal error, please report it with this trace:\n${error.stack}`);
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error));
    }
}


/***/ }),

/***/ 8115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dn: () => (/* binding */ isExpected),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   v4: () => (/* binding */ ToolError)
/* harmony export */ });
/**
 * A mistake the user can fix in their workflow file or repository: a bad input value, a missing
 * file, a version that does not exist. Its message is the whole story (input, value, what is
 * accepted) and is shown without a stack trace.
 */
class UsageError extends Error {
    name = 'UsageError';
}
/** The outside world said no: a download that does not exist, a checksum that does not match. */
class ToolError extends Error {
    name = 'ToolError';
}
/** Text for anything thrown, including non-Error values (a thrown string must still fail the step). */
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}
/** True when the error is one we wrote for the user, as opposed to a bug in the kit. */
function isExpected(error) {
    return error instanceof UsageError || error instanceof ToolError;
}


/***/ }),

/***/ 3361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RT: () => (/* binding */ tail),
/* harmony export */   eF: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony exports quote, commandLine */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1260);

/** Quotes one argument for display the way a POSIX shell would need it. */
function quote(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function commandLine(command, args) {
    return [command, ...args].map(quote).join(' ');
}
/**
 * The kit's one seam to child processes: no shell ever sees an argument, output is captured (so
 * parallel work can print it grouped), and a non-zero exit is returned, not thrown.
 */
async function run(command, args, options = {}) {
    const shown = commandLine(command, args);
    const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(command, [...args], {
        cwd: options.cwd,
        env: options.env,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        silent: true,
        ignoreReturnCode: true,
    });
    return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr, shown };
}
/** The last lines of a tool's output, for an error message that fits in an annotation. */
function tail(text, lines = 12) {
    return text.trimEnd().split('\n').slice(-lines).join('\n');
}


/***/ }),

/***/ 2844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ig: () => (/* binding */ forLog),
/* harmony export */   jd: () => (/* binding */ nameForLog),
/* harmony export */   pq: () => (/* binding */ info)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * The runner obeys workflow commands (`::set-output`, `::add-mask::`, `::error`, legacy `##[...]`)
 * at the start of any line a step prints. Text the kit did not write itself (tool output, file and
 * folder names, input values) must never become one. Everything an action prints goes through here.
 */
const COMMAND_LIKE = /::|##\[/;
/** Prints a block of text. When any of it could read as a workflow command, the runner is told to
 * ignore commands for exactly that block (`::stop-commands::<random token>`). */
function info(text) {
    if (!COMMAND_LIKE.test(text)) {
        process.stdout.write(`${text}\n`);
        return;
    }
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex');
    process.stdout.write(`::stop-commands::${token}\n${text}\n::${token}::\n`);
}
/**
 * A value from outside, for use inside one line of the kit's own messages: quoted, with line breaks
 * and other control characters written as escapes, so it stays on its line and cannot start one.
 */
function forLog(value) {
    return JSON.stringify(value);
}
/** Like forLog, but bare (no quotes) when the value is plainly harmless: a name of word characters,
 * dots, slashes, dashes, `@`, `:`, `=`, `+` or `,` with no `::`. */
function nameForLog(value) {
    return /^[\w./@=+,-]+(:[\w./@=+,-]+)*$/.test(value) ? value : forLog(value);
}


/***/ })

};
