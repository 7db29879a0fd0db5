export const id = 961;
export const ids = [961];
export const modules = {

/***/ 3961:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lib_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3554);


await (0,_lib_action_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)(_post_js__WEBPACK_IMPORTED_MODULE_1__/* .post */ .b);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3838);
/* harmony import */ var _lib_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2844);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8515);





/**
 * A safety net for a main step that was killed before its own clean-up: the `.example` copies and
 * the run's private folder (vault password, backend config, terraform data, plan) still go.
 */
function post() {
    const placed = JSON.parse(_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .getState */ .Gu(_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE_PLACED */ .e) || '[]');
    const left = placed.filter((path) => exists(path));
    for (const path of left)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true });
    if (left.length)
        (0,_lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`Removed ${left.length} copied .example file(s) left behind: ${left.join(', ')}`);
    const dir = _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .getState */ .Gu(_state_js__WEBPACK_IMPORTED_MODULE_4__/* .STATE_PRIVATE */ .K);
    // only the folder main made: a shipkit-deploy-* folder directly in RUNNER_TEMP
    if (dir && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(dir).startsWith('shipkit-deploy-') && (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir) === (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(process.env.RUNNER_TEMP ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir)) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(dir)) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
        (0,_lib_log_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`Removed the run's private folder left behind: ${dir}`);
    }
    return Promise.resolve();
}
function exists(path) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 8515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ STATE_PRIVATE),
/* harmony export */   e: () => (/* binding */ STATE_PLACED)
/* harmony export */ });
/** Names of the values main saves for the post step (GITHUB_STATE). */
const STATE_PLACED = 'placed-example-files';
/** The run's private folder (secrets, terraform data, Galaxy installs, the plan). */
const STATE_PRIVATE = 'private-folder';


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
