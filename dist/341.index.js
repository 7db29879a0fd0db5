export const id = 341;
export const ids = [341,294];
export const modules = {

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

/***/ 453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ getString),
/* harmony export */   F6: () => (/* binding */ getPositiveInt),
/* harmony export */   GV: () => (/* binding */ getEnum),
/* harmony export */   iv: () => (/* binding */ getLines),
/* harmony export */   pW: () => (/* binding */ getBoolean),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   q4: () => (/* binding */ getText),
/* harmony export */   r6: () => (/* binding */ getSecret),
/* harmony export */   vS: () => (/* binding */ getList)
/* harmony export */ });
/* unused harmony exports getRequired, parseList, parseLines */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8115);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2844);



/**
 * Strict readers for action inputs. Every reader takes the input's name as written in action.yml,
 * so an error can name it, the bad value, and what would have been accepted.
 */
/** A single-line input, trimmed. A line break in it is refused: names, paths and flags have none. */
function getString(name) {
    const value = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name).trim();
    if (/[\r\n\0]/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Input "${name}" is ${(0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(value)}: expected a single line.`);
    }
    return value;
}
/**
 * A secret input (a token, a password, a webhook URL): masked before anything else can print it,
 * single-line, and a refusal never repeats the value.
 */
function getSecret(name, what = 'a token or password is one line') {
    const value = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name).trim();
    if (value)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
    if (/[\r\n\0]/.test(value)) {
        for (const line of value.split(/[\r\n\0]+/))
            if (line.trim())
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(line.trim());
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Input "${name}" has a line break (its value is not shown: it is a secret): ${what}.`);
    }
    return value;
}
/** A free-text input that may span lines (a key, a template, JSON), trimmed. */
function getText(name) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name).trim();
}
function getRequired(name, hint = '') {
    const value = getString(name);
    if (!value)
        throw new UsageError(`Input "${name}" is required${hint ? `: ${hint}` : '.'}`);
    return value;
}
const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0', '']);
function getBoolean(name, fallback = false) {
    const raw = getString(name);
    if (raw === '')
        return fallback;
    const value = raw.toLowerCase();
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Input "${name}" is ${(0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(raw)}: expected true or false.`);
}
/** Items separated by commas or newlines, trimmed, empty items and `#` comment lines dropped. */
function parseList(raw) {
    return raw
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith('#'))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}
/** Like parseList but only newlines separate items, for values that may hold commas. */
function parseLines(raw) {
    return raw
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0 && !line.startsWith('#'));
}
function getList(name) {
    return parseList(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name));
}
function getLines(name) {
    return parseLines(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name));
}
function getEnum(name, allowed, fallback) {
    const raw = getString(name);
    if (raw === '')
        return fallback;
    const value = raw.toLowerCase();
    if (allowed.includes(value))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Input "${name}" is ${(0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(raw)}: expected one of ${allowed.join(', ')}.`);
}
function getPositiveInt(name, fallback) {
    const raw = getString(name);
    if (raw === '')
        return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Input "${name}" is ${(0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(raw)}: expected a whole number of 1 or more.`);
    }
    return Number(raw);
}
/** True for an absolute http(s) URL. */
function isHttpUrl(value) {
    try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 7685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O$: () => (/* binding */ prefersInstalled),
/* harmony export */   R0: () => (/* binding */ isUnreachable),
/* harmony export */   T3: () => (/* binding */ UNAVAILABLE_TOOLS),
/* harmony export */   Wo: () => (/* binding */ networkProblem),
/* harmony export */   bp: () => (/* binding */ isUnreachableRegistryMessage),
/* harmony export */   fd: () => (/* binding */ isLocalRun),
/* harmony export */   uw: () => (/* binding */ unavailableTools)
/* harmony export */ });
/* unused harmony exports LOCAL_RUN, PREFER_INSTALLED */
/**
 * The contract between the shipkit CLI and the kit's actions for runs on a developer's machine.
 *
 * `shipkit check`, `shipkit workflow` and `shipkit run` start every action with
 * SHIPKIT_LOCAL_RUN=1, and with SHIPKIT_PREFER_INSTALLED=1 when given `--prefer-installed`. On a
 * runner neither is set and every action behaves as it always does. In a local run:
 * - a tool whose download cannot reach the network at all (no DNS answer, refused, no route) is
 *   taken from PATH when its version fits the request, and said so; with SHIPKIT_PREFER_INSTALLED
 *   such a tool is taken even online;
 * - a tool neither way can provide is not installed, and setup-tools names it, with the reason, in
 *   SHIPKIT_UNAVAILABLE_TOOLS (JSON `{tool: reason}`) for the job's later steps;
 * - a check whose tool (or base image) cannot be had is reported "not run" (the `checks` output)
 *   instead of failing the step; the CLI counts those rows and `--strict` (or CI=true) fails them.
 */
const LOCAL_RUN = 'SHIPKIT_LOCAL_RUN';
const PREFER_INSTALLED = 'SHIPKIT_PREFER_INSTALLED';
const UNAVAILABLE_TOOLS = 'SHIPKIT_UNAVAILABLE_TOOLS';
function isLocalRun(env = process.env) {
    return env[LOCAL_RUN] === '1';
}
/** `--prefer-installed`: only in a local run. */
function prefersInstalled(env = process.env) {
    return isLocalRun(env) && env[PREFER_INSTALLED] === '1';
}
/** The tools an earlier setup-tools of this job could not provide, with why; `{}` outside a local run. */
function unavailableTools(env = process.env) {
    if (!isLocalRun(env) || !env[UNAVAILABLE_TOOLS])
        return {};
    try {
        const parsed = JSON.parse(env[UNAVAILABLE_TOOLS]);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            return {};
        return Object.fromEntries(Object.entries(parsed).filter((entry) => typeof entry[1] === 'string'));
    }
    catch {
        return {};
    }
}
/**
 * True for a failure of the HTTP layer that never reached a server (lib/http.ts NetworkError with
 * problem `unreachable`). Read by shape, so the warm path need not load the HTTP layer to ask.
 */
function isUnreachable(error) {
    return networkProblem(error) === 'unreachable';
}
/** A NetworkError's `problem` (it also carries `url` and `attempts`), or undefined for any other error. */
function networkProblem(error) {
    if (!(error instanceof Error))
        return undefined;
    const { problem, attempts, url } = error;
    return typeof problem === 'string' && typeof attempts === 'number' && typeof url === 'string' ? problem : undefined;
}
/**
 * What docker says when a registry cannot be reached at all (a pull in a local run without network):
 * no DNS answer, refused, no route, network down.
 */
function isUnreachableRegistryMessage(text) {
    return /no such host|server misbehaving|Temporary failure in name resolution|connection refused|network is unreachable|no route to host|dial tcp[^\n]*i\/o timeout/i.test(text);
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


/***/ }),

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


/***/ }),

/***/ 634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   LI: () => (/* binding */ resolveInside),
/* harmony export */   dN: () => (/* binding */ realPathOf),
/* harmony export */   rg: () => (/* binding */ checkPattern)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8115);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2844);




/**
 * The real path of `path`: every symlink resolved, also a dangling one (its target is where a write
 * would land), and the part that does not exist yet appended as written.
 */
function realPathOf(path, depth = 0) {
    const missing = [];
    let current = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
    for (;;) {
        try {
            return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(current), ...missing.reverse());
        }
        catch {
            const link = readLink(current);
            if (link !== undefined && depth < 40)
                return realPathOf((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(current), link), ...missing.reverse()), depth + 1);
            const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(current);
            if (parent === current)
                return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path);
            missing.push(current.slice(parent.length).replace(/^[\\/]+/, ''));
            current = parent;
        }
    }
}
function readLink(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isSymbolicLink() ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(path) : undefined;
    }
    catch {
        return undefined;
    }
}
/** True when `path` (after symlinks) is `root` or below it (after symlinks). */
function isInside(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(realPathOf(root), realPathOf(path));
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/**
 * Resolves an input's path against the workspace and refuses one that leaves it. `input` names the
 * input in the error, e.g. `Input "sarif-file"`, or any phrase (`The version file`).
 */
function resolveInside(workspace, value, input) {
    if (/[\0\r\n]/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${label(input)} is ${(0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .Ig)(value)}: a path cannot hold a line break or NUL.`);
    }
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, value);
    if (!isInside(workspace, absolute)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${label(input)} is ${(0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .Ig)(value)}, which resolves to ${(0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .Ig)(realPathOf(absolute))}, outside the workspace ${(0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .Ig)(realPathOf(workspace))}. ` +
            'Paths are relative to the repository and must stay inside it (no "..", no absolute paths elsewhere, no symlinks pointing out).');
    }
    return { absolute, relative: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(workspace, absolute).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') || '.' };
}
/**
 * A glob pattern from an input, relative to the workspace: an absolute pattern is accepted only
 * inside the workspace, and no `..` may lead out of it. Returns the pattern relative to the workspace.
 */
function checkPattern(workspace, pattern, input) {
    if (/[\0\r\n]/.test(pattern))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${label(input)} has the pattern ${(0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .Ig)(pattern)}: a pattern cannot hold a line break or NUL.`);
    let rel = pattern.replace(/\\/g, '/');
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel)) {
        const base = realPathOf(workspace).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
        const given = realPathOf(rel.replace(/[*?[].*$/, '') || '/').split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
        if (given !== base && !given.startsWith(`${base}/`) && !rel.startsWith(`${workspace.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/')}/`)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${label(input)} has the pattern ${(0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .Ig)(pattern)}, outside the workspace ${(0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .Ig)(workspace)}: patterns are relative to the repository.`);
        }
        rel = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.relative(workspace.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'), rel) || '.';
    }
    const normal = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(rel);
    if (normal === '..' || normal.startsWith('../')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${label(input)} has the pattern ${(0,_log_js__WEBPACK_IMPORTED_MODULE_2__/* .forLog */ .Ig)(pattern)}, which leads out of the workspace: patterns are relative to the repository and stay inside it.`);
    }
    return normal;
}
function label(input) {
    return /^[a-z0-9-]+$/.test(input) ? `Input "${input}"` : input;
}


/***/ }),

/***/ 9693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ keyIdentity),
/* harmony export */   YT: () => (/* binding */ readKeyInput),
/* harmony export */   kA: () => (/* binding */ verifyDetached)
/* harmony export */ });
/* unused harmony export dearmorKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8115);



const BEGIN = '-----BEGIN PGP PUBLIC KEY BLOCK-----';
const END = '-----END PGP PUBLIC KEY BLOCK-----';
function notAKey(why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Input "hashicorp-public-key" is not an ASCII-armored OpenPGP public key (${why}); ` +
        'give the key text itself or the path of a file holding it, or leave it empty for the HashiCorp key shipkit embeds.');
}
/**
 * The binary key block inside the armor. A CRC-24 line, if any, is skipped, not checked: RFC 9580
 * (section 6.1) says a reader must not reject armor over it, and a damaged key fails on its packets.
 */
function dearmorKey(armored) {
    const lines = armored.split(/\r?\n/).map((line) => line.trim());
    const begin = lines.indexOf(BEGIN);
    const end = lines.indexOf(END, begin + 1);
    if (begin < 0 || end < 0)
        throw notAKey(`no "${BEGIN}" ... "${END}" block`);
    let body = lines.slice(begin + 1, end);
    // Armor headers (`Comment: ...`) end at the first blank line.
    const blank = body.indexOf('');
    if (blank >= 0 && body.slice(0, blank).every((line) => /^[\w-]+: /.test(line)))
        body = body.slice(blank + 1);
    body = body.filter((line) => line && !/^=[A-Za-z0-9+/]{4}$/.test(line));
    const text = body.join('');
    if (!text || !/^[A-Za-z0-9+/]+={0,2}$/.test(text))
        throw notAKey('its armored body is not base64');
    return Buffer.from(text, 'base64');
}
/** Tag and body of the first packet (old or new header format). */
function firstPacket(data) {
    const head = data[0];
    if (head === undefined || !(head & 0x80))
        throw notAKey('it does not start with an OpenPGP packet');
    let tag;
    let offset;
    let length;
    if (head & 0x40) {
        tag = head & 0x3f;
        const first = data[1] ?? 0;
        if (first < 192)
            [offset, length] = [2, first];
        else if (first < 224)
            [offset, length] = [3, ((first - 192) << 8) + (data[2] ?? 0) + 192];
        else if (first === 255)
            [offset, length] = [6, data.readUInt32BE(2)];
        else
            throw notAKey('its key packet has a partial length');
    }
    else {
        tag = (head >> 2) & 0x0f;
        const type = head & 3;
        if (type === 0)
            [offset, length] = [2, data[1] ?? 0];
        else if (type === 1)
            [offset, length] = [3, data.readUInt16BE(1)];
        else if (type === 2)
            [offset, length] = [5, data.readUInt32BE(1)];
        else
            throw notAKey('its key packet has an indeterminate length');
    }
    if (offset + length > data.length)
        throw notAKey('its key packet is cut short');
    return { tag, body: data.subarray(offset, offset + length) };
}
/**
 * Who a key is, computed from its primary key packet as RFC 4880 (v4) and RFC 9580 (v6) define the
 * fingerprint: cheap enough for every warm run, which compares it with the key a cache entry was
 * verified with.
 */
function keyIdentity(armored) {
    const data = dearmorKey(armored);
    const { tag, body } = firstPacket(data);
    if (tag !== 6)
        throw notAKey(`its first packet is of type ${tag}, not a public key`);
    const version = body[0];
    let fingerprint;
    let keyId;
    if (version === 4) {
        const prefix = Buffer.from([0x99, body.length >> 8, body.length & 0xff]);
        fingerprint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(prefix).update(body).digest();
        keyId = fingerprint.subarray(-8);
    }
    else if (version === 5 || version === 6) {
        const prefix = Buffer.alloc(5);
        prefix[0] = version === 6 ? 0x9b : 0x9a;
        prefix.writeUInt32BE(body.length, 1);
        fingerprint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(prefix).update(body).digest();
        keyId = fingerprint.subarray(0, 8);
    }
    else {
        throw notAKey(`it is a version ${version ?? '?'} key; expected version 4 or 6`);
    }
    return {
        fingerprint: fingerprint.toString('hex').toUpperCase(),
        shortId: keyId.toString('hex').slice(-8).toUpperCase(),
        blockSha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex'),
    };
}
/**
 * Checks a detached binary OpenPGP signature over `data`. openpgp is imported on demand: only a
 * cold install of a HashiCorp tool (or the re-check of a cache entry that changed) pays for loading it.
 */
async function verifyDetached(data, signature, armoredKey) {
    const openpgp = await __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 3074));
    let key;
    try {
        key = await openpgp.readKey({ armoredKey });
    }
    catch (error) {
        throw notAKey(error.message);
    }
    let parsed;
    try {
        parsed = await openpgp.readSignature({ binarySignature: new Uint8Array(signature) });
    }
    catch {
        // Some mirrors serve an ASCII-armored copy under the same name.
        try {
            parsed = await openpgp.readSignature({ armoredSignature: signature.toString('utf8') });
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ToolError */ .v4(`the signature file is not an OpenPGP signature (${error.message})`);
        }
    }
    const message = await openpgp.createMessage({ binary: new Uint8Array(data) });
    const result = await openpgp.verify({ message, signature: parsed, verificationKeys: key });
    const first = result.signatures[0];
    if (!first)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ToolError */ .v4('the signature file holds no signature');
    try {
        await first.verified;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ToolError */ .v4(`the signature does not verify against key ${key.getKeyID().toHex().toUpperCase()}: ${error.message}`);
    }
    return { keyId: first.keyID.toHex().toUpperCase() };
}
/** The key text of the input: its value if it is armored, else the file it names. */
function readKeyInput(value) {
    if (!value)
        return undefined;
    if (value.includes(BEGIN))
        return value;
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(value))
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(value, 'utf8');
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Input "hashicorp-public-key" is neither an armored public key nor the path of an existing file (got ${JSON.stringify(value.slice(0, 60))}).`);
}


/***/ }),

/***/ 8535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jt: () => (/* binding */ goArch),
/* harmony export */   Kl: () => (/* binding */ exeSuffix),
/* harmony export */   d5: () => (/* binding */ describePlatform),
/* harmony export */   jN: () => (/* binding */ currentPlatform)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8115);

const RUNNER_OS = { linux: 'linux', macos: 'darwin', windows: 'windows' };
const RUNNER_ARCH = { x64: 'x64', arm64: 'arm64', arm: 'arm', x86: 'x86' };
const NODE_OS = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const NODE_ARCH = { x64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'x86' };
/**
 * The platform to install for. The runner's own RUNNER_OS / RUNNER_ARCH win over Node's view, so a
 * job runs exactly what its runner label promises (and the local runner can ask for another one).
 */
function currentPlatform(env = process.env) {
    const osName = env.RUNNER_OS?.toLowerCase();
    const archName = env.RUNNER_ARCH?.toLowerCase();
    const os = osName ? RUNNER_OS[osName] : NODE_OS[process.platform];
    const arch = archName ? RUNNER_ARCH[archName] : NODE_ARCH[process.arch];
    if (!os) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`This runner's operating system (${osName ?? process.platform}) is not supported: shipkit installs for Linux, macOS and Windows.`);
    }
    if (!arch) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`This runner's architecture (${archName ?? process.arch}) is not supported: shipkit installs for X64, ARM64, ARM and X86.`);
    }
    return { os, arch };
}
function describePlatform(platform) {
    return `${platform.os}/${platform.arch}`;
}
/** Go's names, as used by HashiCorp and tflint release assets. */
function goArch(arch) {
    return { x64: 'amd64', arm64: 'arm64', arm: 'arm', x86: '386' }[arch];
}
function exeSuffix(platform) {
    return platform.os === 'windows' ? '.exe' : '';
}


/***/ }),

/***/ 1262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   md: () => (/* binding */ md)
/* harmony export */ });
/**
 * Text for GitHub markdown (step summaries, PR and issue comments). Values from outside (names,
 * commit subjects, tool messages) go through `md` or `code`, so they cannot open HTML, links,
 * mentions or formatting; the kit's own markup is written around them.
 */
/**
 * Escapes a value for inline markdown: HTML, emphasis, links and images (no `[` can open one), code,
 * tables, `@mentions` and `#refs`. Parentheses and the like stay as written: without a `[` before
 * them they are plain text, and a terminal shows the summary as it is.
 */
function md(value) {
    return value
        .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
        .replace(/&/g, '&amp;')
        .replace(/@/g, '@\u200b')
        .replace(/\r?\n/g, ' ');
}
/** A value as an inline code span, whatever backticks it holds. */
function code(value) {
    const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${value.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}
/** A fenced code block that the text cannot close early. */
function codeBlock(text, language = '') {
    const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${language}\n${text}\n${fence}`;
}
/** A GitHub-flavoured markdown table; cells are escaped so a `|` or newline cannot break a row.
 * Cells are markdown: pass outside values through `md` or `code` first. */
function markdownTable(header, rows) {
    const cell = (value) => value.replace(/(?<!\\)\|/g, '\\|').replace(/\r?\n/g, '<br>');
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}


/***/ }),

/***/ 7926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ao: () => (/* binding */ onCancel),
/* harmony export */   Ms: () => (/* binding */ entryOf),
/* harmony export */   Nn: () => (/* binding */ inspect),
/* harmony export */   Q3: () => (/* binding */ sha256File),
/* harmony export */   S4: () => (/* binding */ EVIDENCE),
/* harmony export */   Zs: () => (/* binding */ stampOf),
/* harmony export */   ac: () => (/* binding */ unstage),
/* harmony export */   cd: () => (/* binding */ commit),
/* harmony export */   dw: () => (/* binding */ stage),
/* harmony export */   eQ: () => (/* binding */ describeForeign),
/* harmony export */   rh: () => (/* binding */ writeRecord),
/* harmony export */   vc: () => (/* binding */ removeForeign)
/* harmony export */ });
/* unused harmony exports cacheRoot, foreignFiles, parseRecord */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8115);





const EVIDENCE = '.shipkit';
const RECORD = 'record.json';
/** Far above any record shipkit writes; a bigger file is not read. */
const MAX_RECORD_BYTES = 64 * 1024;
function cacheRoot() {
    const root = process.env.RUNNER_TOOL_CACHE;
    if (!root)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ToolError */ .v4('RUNNER_TOOL_CACHE is not set: the runner (or `shipkit run`) sets it.');
    return root;
}
function entryOf(expect) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(cacheRoot(), expect.tool, expect.version, expect.arch);
    return { dir, binaryPath: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, expect.binary), evidence: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, EVIDENCE) };
}
function stampOf(path) {
    const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path, { bigint: true });
    return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs) };
}
function sameStamp(a, b) {
    return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}
/**
 * What else is in an entry's folder. The folder goes on PATH, so anything beside the binary would
 * be found there ahead of the runner's own tools (a `git`, a `docker`), and terraform 0.12 and
 * packer load plugins from their binary's folder: an entry holds the binary and `.shipkit`, nothing else.
 */
function foreignFiles(entry) {
    const binary = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(entry.binaryPath);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(entry.dir).filter((name) => name !== binary && name !== EVIDENCE);
}
function describeForeign(names) {
    const shown = names.slice(0, 5).map((name) => JSON.stringify(name)).join(', ');
    return `${names.length === 1 ? 'a file' : `${names.length} files`} shipkit did not put there (${shown}${names.length > 5 ? ', ...' : ''})`;
}
/** Deletes what foreignFiles() found (a folder with all it holds; a symlink, not its target). */
async function removeForeign(entry) {
    const names = foreignFiles(entry);
    for (const name of names)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(entry.dir, name), { recursive: true, force: true });
    return names;
}
/**
 * Reads through one reused 1 MiB buffer: a read stream's fresh 64 KiB chunks cost twice the CPU in
 * allocation and garbage collection, and `cache-verification: always` hashes every entry on every run.
 */
async function sha256File(path) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'r');
    try {
        const buffer = Buffer.allocUnsafe(1024 * 1024);
        for (;;) {
            const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
            if (!bytesRead)
                break;
            hash.update(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await file.close();
    }
    return hash.digest('hex');
}
const HEX64 = /^[0-9a-f]{64}$/;
/** The record, if it is one shipkit wrote in this format; undefined for anything else. */
function parseRecord(text) {
    let r;
    try {
        r = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const o = r;
    const str = (v) => typeof v === 'string' && v.length > 0;
    if (!o || typeof o !== 'object' || o.schema !== 2)
        return undefined;
    if (![o.tool, o.version, o.arch, o.binary, o.verifiedBy].every(str))
        return undefined;
    const a = o.asset;
    if (!a || !str(a.name) || !str(a.url) || !HEX64.test(String(a.sha256)) || (a.archive !== 'zip' && a.archive !== 'raw'))
        return undefined;
    if (!HEX64.test(String(o.binarySha256)) || typeof o.unverified !== 'boolean')
        return undefined;
    const s = o.stamp;
    if (!s || ![s.dev, s.ino, s.size, s.mtimeNs, s.ctimeNs].every(str))
        return undefined;
    const c = o.checksumFile;
    if (c !== undefined && (!str(c.name) || !str(c.label)))
        return undefined;
    return o;
}
/** Why the record's claims do not meet this run's expectation, or undefined when they do. */
function unmetClaim(record, expect) {
    for (const { digest, from } of expect.digests) {
        if (digest !== record.asset.sha256)
            return `it was verified as sha256 ${record.asset.sha256}, but ${from} expects ${digest}`;
    }
    if (expect.key && record.checksumFile?.key?.blockSha256 !== expect.key.blockSha256) {
        const by = record.checksumFile?.key?.fingerprint ?? 'no key';
        return `its checksum file was verified with ${by}, not with the configured key ${expect.key.fingerprint}`;
    }
    if (record.unverified && !expect.allowUnverified)
        return 'it was installed unverified (allow-unverified), which this run does not allow';
    // A raw asset is its binary: a record that says otherwise was not written by a verification.
    if (record.asset.archive === 'raw' && record.asset.sha256 !== record.binarySha256)
        return 'its record gives the binary and the asset different digests';
    return undefined;
}
/**
 * The fast check of a cache entry against this run's expectation (see the top of this file): a
 * hit, a recheck from evidence, or an entry that cannot be used at all.
 */
function inspect(expect) {
    // Another job may be replacing the entry while this one reads it (moved aside, then renamed into
    // place): a file gone between two reads is read again, and an entry that keeps vanishing is absent.
    for (let attempt = 0; attempt < 3; attempt++) {
        try {
            return inspectOnce(expect);
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                throw error;
        }
    }
    return { state: 'absent' };
}
function inspectOnce(expect) {
    // Synchronous on purpose: a handful of stat() calls per tool cost less than as many trips
    // through the thread pool, and a warm run is mostly this.
    const entry = entryOf(expect);
    const dirStat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(entry.dir, { throwIfNoEntry: false });
    if (!dirStat)
        return { state: 'absent' };
    const unusable = (why) => ({ state: 'unusable', entry, why });
    if (!dirStat.isDirectory())
        return unusable(`${entry.dir} is ${dirStat.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}`);
    // The entry must be where it claims to be: no symlinked tool, version or arch folder leads elsewhere.
    const realDir = node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync.native(entry.dir);
    if (realDir !== (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync.native(cacheRoot()), expect.tool, expect.version, expect.arch))
        return unusable(`${entry.dir} leads to ${realDir}`);
    const recordPath = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(entry.evidence, RECORD);
    const recordStat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(recordPath, { throwIfNoEntry: false });
    if (!recordStat?.isFile() || recordStat.size > MAX_RECORD_BYTES)
        return unusable(`${entry.dir} holds no shipkit record`);
    const record = parseRecord((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(recordPath, 'utf8'));
    if (!record)
        return unusable(`${recordPath} is not a record this shipkit version wrote`);
    const described = record.tool === expect.tool && record.version === expect.version && record.arch === expect.arch;
    if (!described || record.binary !== expect.binary || record.asset.name !== expect.asset || record.asset.archive !== expect.archive) {
        return unusable(`${recordPath} does not describe ${expect.binary} from ${expect.asset}`);
    }
    const binaryStat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(entry.binaryPath, { throwIfNoEntry: false });
    if (!binaryStat?.isFile())
        return unusable(`${entry.binaryPath} is ${binaryStat ? 'not a regular file' : 'missing'}`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(entry.evidence).isDirectory())
        return unusable(`${entry.evidence} is not a folder`);
    const withRecord = { ...entry, record };
    const claim = unmetClaim(record, expect);
    if (claim)
        return { state: 'recheck', entry: withRecord, why: claim };
    const foreign = foreignFiles(entry);
    if (foreign.length)
        return { state: 'recheck', entry: withRecord, why: `${entry.dir} holds ${describeForeign(foreign)} beside ${expect.binary}` };
    if (!sameStamp(stampOf(entry.binaryPath), record.stamp)) {
        return { state: 'recheck', entry: withRecord, why: `${entry.binaryPath} is not the file that was verified (copied, restored or changed since)` };
    }
    return { state: 'hit', entry: withRecord };
}
/** Replaces the record in one step, so a concurrent reader sees the old one or the new one. */
async function writeRecord(evidence, record) {
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(evidence, `.${RECORD}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
    track(temp);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(temp, JSON.stringify(record, null, 2), { flag: 'wx', mode: 0o644 });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(evidence, RECORD));
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true });
        untrack(temp);
    }
}
// Staging folders (and entries moved aside) that must not outlive this process, even when the
// runner cancels the step: it sends SIGINT, then SIGTERM, before it kills. Child processes in a
// process group of their own (lib/tools/probe.ts) are ended too: the runner's last kill no longer
// reaches them once this process is gone.
const pending = new Set();
const cancellers = new Set();
const SIGNALS = ['SIGINT', 'SIGTERM'];
let armed = false;
function onSignal(signal) {
    for (const cancel of cancellers)
        cancel();
    for (const dir of pending)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
    pending.clear();
    cancellers.clear();
    disarm();
    // With no other handler, end as the signal would have ended the process.
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
function arm() {
    if (armed)
        return;
    for (const s of SIGNALS)
        process.on(s, onSignal);
    armed = true;
}
function disarm() {
    if (!armed || pending.size || cancellers.size)
        return;
    for (const s of SIGNALS)
        process.off(s, onSignal);
    armed = false;
}
function track(dir) {
    pending.add(dir);
    arm();
}
function untrack(dir) {
    pending.delete(dir);
    disarm();
}
/** Runs `cancel` if the step is cancelled before the returned function is called. */
function onCancel(cancel) {
    cancellers.add(cancel);
    arm();
    return () => {
        cancellers.delete(cancel);
        disarm();
    };
}
/** A private folder on the cache's own file system to build an entry in, removed on cancel. */
async function stage(expect) {
    const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(cacheRoot(), expect.tool, expect.version);
    // A tool or version folder that is a symlink would put the new entry wherever it points.
    for (const folder of [(0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(parent), parent]) {
        if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(folder).catch(() => undefined))?.isSymbolicLink())
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(folder, { force: true });
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(parent, { recursive: true });
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(parent, `.${expect.arch}.staging-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
    track(dir);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, EVIDENCE), { recursive: true });
    return dir;
}
/**
 * Removes a staging folder (a no-op once commit() moved it into place), and the version and tool
 * folders above it when that leaves them empty, so a failed install leaves no trace.
 */
async function unstage(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(dir, { recursive: true, force: true });
    untrack(dir);
    const version = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(dir);
    // rmdir refuses a folder that is not empty: another job's staging or entry keeps it.
    if (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)(version).then(() => true, () => false))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(version)).catch(() => undefined);
}
/**
 * Moves a verified staging folder (binary and evidence in place) into the cache and returns the
 * live entry, which is another job's when that job got there first with the very same binary.
 *
 * Safe against concurrent jobs on one cache: the `.complete` marker is written before the entry
 * appears (tc.find never sees an entry without it; a marker without an entry reads as absent); an
 * entry that holds the binary this job verified is never moved; any other is moved aside in one
 * rename, looked at again where no one else touches it, and only then deleted, or put back if it
 * turns out to hold that binary after all (another job renamed it in meanwhile).
 */
async function commit(staging, record, expect, distrust) {
    const full = { schema: 2, ...record, stamp: stampOf((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(staging, record.binary)) };
    // Passing the fast check proves nothing about an entry that appeared while this job downloaded:
    // whoever can write the cache can write a record to match any file. This job holds a verified
    // copy, and keeps another only when its binary hashes the same. One this job proved bad is never kept.
    const keep = async (found) => found.state === 'hit' && !(distrust && sameStamp(found.entry.record.stamp, distrust)) && (await holdsBinary(found.entry, full));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(staging, EVIDENCE, RECORD), JSON.stringify(full, null, 2), { flag: 'wx', mode: 0o644 });
    const { dir } = entryOf(expect);
    await touchMarker(`${dir}.complete`);
    for (let attempt = 0; attempt < 8; attempt++) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(staging, dir);
            untrack(staging);
            return dir;
        }
        catch (error) {
            if (!isOccupied(error))
                throw error;
        }
        if (await keep(inspect(expect))) {
            await unstage(staging);
            return dir;
        }
        const aside = `${dir}.replaced-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
        track(aside);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(dir, aside);
        }
        catch (error) {
            untrack(aside);
            if (error.code === 'ENOENT')
                continue; // someone else moved it
            throw error;
        }
        if (await keep(await inspectAt(aside, expect))) {
            // A valid entry appeared between the look and the move: put it back if its place is free.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(aside, dir).catch(() => undefined);
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(aside, { recursive: true, force: true });
        untrack(aside);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ToolError */ .v4(`${dir} kept changing while this job tried to cache ${record.tool} ${record.version}; another job is rewriting it.`);
}
/** True when the entry's binary is, byte for byte, the one `verified` describes, and stays so while it is hashed. */
async function holdsBinary(entry, verified) {
    const claims = entry.record.binarySha256 === verified.binarySha256 && entry.record.asset.sha256 === verified.asset.sha256;
    if (!claims)
        return false;
    const digest = await sha256File(entry.binaryPath).catch(() => undefined);
    const stamp = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(entry.binaryPath, { throwIfNoEntry: false })?.isFile() ? stampOf(entry.binaryPath) : undefined;
    return digest === verified.binarySha256 && stamp !== undefined && sameStamp(stamp, entry.record.stamp);
}
/** Creates the marker, never following a symlink planted in its place (that would truncate its target). */
async function touchMarker(path) {
    const flags = node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW === undefined ? 'a' : node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(path, '', { flag: flags });
    }
    catch (error) {
        if (error.code !== 'ELOOP')
            throw error;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(path, { force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(path, '', { flag: flags });
    }
}
function isOccupied(error) {
    const code = error.code;
    return code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' || code === 'EISDIR' || code === 'ENOTDIR';
}
/** inspect() of an entry moved to another path: the same checks, its folder given explicitly. */
async function inspectAt(dir, expect) {
    if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(dir)).isDirectory())
        return { state: 'unusable', entry: { dir, binaryPath: '', evidence: '' }, why: 'not a folder' };
    const record = parseRecord(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, EVIDENCE, RECORD), 'utf8').catch(() => ''));
    const entry = { dir, binaryPath: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, expect.binary), evidence: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, EVIDENCE) };
    if (!record || record.binary !== expect.binary || record.asset.name !== expect.asset)
        return { state: 'unusable', entry, why: 'no record' };
    const binary = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(entry.binaryPath).catch(() => undefined);
    if (!binary?.isFile() || unmetClaim(record, expect) || foreignFiles(entry).length)
        return { state: 'unusable', entry, why: 'does not qualify' };
    const same = sameStamp(stampOf(entry.binaryPath), record.stamp);
    return same ? { state: 'hit', entry: { ...entry, record } } : { state: 'unusable', entry, why: 'changed' };
}


/***/ }),

/***/ 9093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ cacheVerificationFor),
  R: () => (/* binding */ installContext)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./lib/local-run.ts
var local_run = __webpack_require__(7685);
// EXTERNAL MODULE: ./lib/log.ts
var log = __webpack_require__(2844);
// EXTERNAL MODULE: ./lib/pgp.ts
var pgp = __webpack_require__(9693);
// EXTERNAL MODULE: ./lib/platform.ts
var platform = __webpack_require__(8535);
;// CONCATENATED MODULE: ./lib/tools/hashicorp-key.ts
// HashiCorp's release signing key, fingerprint C874 011F 0AB4 0511 0D02 1055 3436 5D94 72D7 468F,
// expires 2030-03-01. Where it came from and how it was checked: README.md in this folder.
// Used when "hashicorp-public-key" is empty.
const HASHICORP_RELEASE_KEY = `
-----BEGIN PGP PUBLIC KEY BLOCK-----

mQINBGB9+xkBEACabYZOWKmgZsHTdRDiyPJxhbuUiKX65GUWkyRMJKi/1dviVxOX
PG6hBPtF48IFnVgxKpIb7G6NjBousAV+CuLlv5yqFKpOZEGC6sBV+Gx8Vu1CICpl
Zm+HpQPcIzwBpN+Ar4l/exCG/f/MZq/oxGgH+TyRF3XcYDjG8dbJCpHO5nQ5Cy9h
QIp3/Bh09kET6lk+4QlofNgHKVT2epV8iK1cXlbQe2tZtfCUtxk+pxvU0UHXp+AB
0xc3/gIhjZp/dePmCOyQyGPJbp5bpO4UeAJ6frqhexmNlaw9Z897ltZmRLGq1p4a
RnWL8FPkBz9SCSKXS8uNyV5oMNVn4G1obCkc106iWuKBTibffYQzq5TG8FYVJKrh
RwWB6piacEB8hl20IIWSxIM3J9tT7CPSnk5RYYCTRHgA5OOrqZhC7JefudrP8n+M
pxkDgNORDu7GCfAuisrf7dXYjLsxG4tu22DBJJC0c/IpRpXDnOuJN1Q5e/3VUKKW
mypNumuQpP5lc1ZFG64TRzb1HR6oIdHfbrVQfdiQXpvdcFx+Fl57WuUraXRV6qfb
4ZmKHX1JEwM/7tu21QE4F1dz0jroLSricZxfaCTHHWNfvGJoZ30/MZUrpSC0IfB3
iQutxbZrwIlTBt+fGLtm3vDtwMFNWM+Rb1lrOxEQd2eijdxhvBOHtlIcswARAQAB
tERIYXNoaUNvcnAgU2VjdXJpdHkgKGhhc2hpY29ycC5jb20vc2VjdXJpdHkpIDxz
ZWN1cml0eUBoYXNoaWNvcnAuY29tPokCVAQTAQoAPgIbAwULCQgHAgYVCgkICwIE
FgIDAQIeAQIXgBYhBMh0AR8KtAURDQIQVTQ2XZRy10aPBQJplkfQBQkQrOy3AAoJ
EDQ2XZRy10aPw6gP/3GUEMUa6mCRuuSOT9UnziPIvXYd63mcN6A6Jwmwj8JaB2qu
OCijvJkw56UbZK3x1FZIbe0hA6VUAwNSNmSIxVJkilgwIYYFO0tnL79XhIeP7jYF
ydXLZ4rTi1FDl8lltAujTNARdY8UGg4hGlcM9OrEeXEFLWugJNiChL15FVoxZqIS
jeduaEqyxGfJnyVwy8z3pZfgODeFr7xs2NkUIMSfuRg24VcL4aW8Frt3jW8P45y3
o/5fsi6Aw2tZ0wD9NSgkVc8VD1NRV9eSZ95Bv+Awf9IXa+Cn5OCjc8Jc+XF+nLfB
oPswOO7E8dLiuBUw6/GzSLMbVs8qf8BNXB92dOe1VccVTqjCxK2sEpVaHh7e+co8
d8lDGBIWMGh7NS6XlGORpFb/T6gxjjOYUV3SKd4QDebUUG8kMkb5juLljOoq+YOP
vgNLDZLZteFpmH+zB9DpOY1YtHZB/OD+DtzLMaSl6VPF2Ln0j5aQGwNDt7sheyAe
sXbu0qn2H5FxojSfvhT0kUDKZ0mgg5y3Oflg49MiAOhjLGY0JocFpBeMILw27fbw
fpIBP7siQWFTFJ1O+l2NQiWAwC2x5fX2EakyCBJmrkPV2hr4nEogNqg9/RDskIUq
cpcOOd/0BntiXMyUCCH2AoCt5acaTQ0WU6CAosZPojOYhtGGgOgeQSdflpMSuQIN
BGB9+xkBEACoklYsfvWRCjOwS8TOKBTfl8myuP9V9uBNbyHufzNETbhYeT33Cj0M
GCNd9GdoaknzBQLbQVSQogA+spqVvQPz1MND18GIdtmr0BXENiZE7SRvu76jNqLp
KxYALoK2Pc3yK0JGD30HcIIgx+lOofrVPA2dfVPTj1wXvm0rbSGA4Wd4Ng3d2AoR
G/wZDAQ7sdZi1A9hhfugTFZwfqR3XAYCk+PUeoFrkJ0O7wngaon+6x2GJVedVPOs
2x/XOR4l9ytFP3o+5ILhVnsK+ESVD9AQz2fhDEU6RhvzaqtHe+sQccR3oVLoGcat
ma5rbfzH0Fhj0JtkbP7WreQf9udYgXxVJKXLQFQgel34egEGG+NlbGSPG+qHOZtY
4uWdlDSvmo+1P95P4VG/EBteqyBbDDGDGiMs6lAMg2cULrwOsbxWjsWka8y2IN3z
1stlIJFvW2kggU+bKnQ+sNQnclq3wzCJjeDBfucR3a5WRojDtGoJP6Fc3luUtS7V
5TAdOx4dhaMFU9+01OoH8ZdTRiHZ1K7RFeAIslSyd4iA/xkhOhHq89F4ECQf3Bt4
ZhGsXDTaA/VgHmf3AULbrC94O7HNqOvTWzwGiWHLfcxXQsr+ijIEQvh6rHKmJK8R
9NMHqc3L18eMO6bqrzEHW0Xoiu9W8Yj+WuB3IKdhclT3w0pO4Pj8gQARAQABiQI8
BBgBCgAmAhsMFiEEyHQBHwq0BRENAhBVNDZdlHLXRo8FAmmWR+0FCRCs7NQACgkQ
NDZdlHLXRo/R0A//QW1opBlzWSmWww1q9QuJA2WCIIs8tJKRDOsmgJPscNpzwZFU
N1Df0wWNjqi1BDReei7lZTHwUk+ebBn0bkI3ANmmgYg7LBueAt5UWSingOc+rvKA
N32BDzBYkMckRzJSQsmeC5hm3J3wLSy90uaIlrJJE9GJZkf/W2Ob+4SQZZ+dnnRP
JokDdW1DuZS9PbxSLJKD5eIWHBxJnFM1CmHfOfrjTJ+MYvVGM5sxSY8R7E+GADj5
L/i4N+tTFJLuTMYARGfA6d+KPKcMJtgpUPjSMAg8nGUhukctpuBs27mOKW0CBtmJ
82X/qYROTL0+vGTvUYflYiuceVlhX/kw0JZnMaG5V/mpHq8SwD07pCGOf69j/mNa
5EL3++Pmzg0s0stw3Ea5pCN0cL/nKkoWchHBfW15W4JOnKAIspyD1vH670P4WfeV
E9B9d6tgKSbM/9JlXoQS5ZdG+kbdosieELhmVWmvojyK7K+Ry6C9wgd+UfnW5jXd
iNwKW3KHuautQwlFhHRNMyDg08c+pI5emTMT3IUQyGWo+Gska3TqGujFcABx7Ip+
mHNmMrCkSD+XC2bvzvRR7FcM0/B9fsjLX/Wttm5vRJ1d2oAoEPvw2IZnJIXpOt2z
zo55sJTztNu4lWGgDVgtp9SXO5a0E5YvFHQNZN5QLeVTTFu6I7qG+ME1E/K5Ag0E
YH3+JQEQALivllTjMolxUW2OxrXb+a2Pt6vjCBsiJzrUj0Pa63U+lT9jldbCCfgP
wDpcDuO1O05Q8k1MoYZ6HddjWnqKG7S3eqkV5c3ct3amAXp513QDKZUfIDylOmhU
qvxjEgvGjdRjz6kECFGYr6Vnj/p6AwWv4/FBRFlrq7cnQgPynbIH4hrWvewp3Tqw
GVgqm5RRofuAugi8iZQVlAiQZJo88yaztAQ/7VsXBiHTn61ugQ8bKdAsr8w/ZZU5
HScHLqRolcYg0cKN91c0EbJq9k1LUC//CakPB9mhi5+aUVUGusIM8ECShUEgSTCi
KQiJUPZ2CFbbPE9L5o9xoPCxjXoX+r7L/WyoCPTeoS3YRUMEnWKvc42Yxz3meRb+
BmaqgbheNmzOah5nMwPupJYmHrjWPkX7oyyHxLSFw4dtoP2j6Z7GdRXKa2dUYdk2
x3JYKocrDoPHh3Q0TAZujtpdjFi1BS8pbxYFb3hHmGSdvz7T7KcqP7ChC7k2RAKO
GiG7QQe4NX3sSMgweYpl4OwvQOn73t5CVWYp/gIBNZGsU3Pto8g27vHeWyH9mKr4
cSepDhw+/X8FGRNdxNfpLKm7Vc0Sm9Sof8TRFrBTqX+vIQupYHRi5QQCuYaV6OVr
ITeegNK3So4m39d6ajCR9QxRbmjnx9UcnSYYDmIB6fpBuwT0ogNtABEBAAGJBHIE
GAEKACYCGwIWIQTIdAEfCrQFEQ0CEFU0Nl2UctdGjwUCYH4bgAUJAeFQ2wJAwXQg
BBkBCgAdFiEEs2y6kaLAcwxDX8KAsLRBCXaFtnYFAmB9/iUACgkQsLRBCXaFtnYX
BhAAlxejyFXoQwyGo9U+2g9N6LUb/tNtH29RHYxy4A3/ZUY7d/FMkArmh4+dfjf0
p9MJz98Zkps20kaYP+2YzYmaizO6OA6RIddcEXQDRCPHmLts3097mJ/skx9qLAf6
rh9J7jWeSqWO6VW6Mlx8j9m7sm3Ae1OsjOx/m7lGZOhY4UYfY627+Jf7WQ5103Qs
lgQ09es/vhTCx0g34SYEmMW15Tc3eCjQ21b1MeJD/V26npeakV8iCZ1kHZHawPq/
aCCuYEcCeQOOteTWvl7HXaHMhHIx7jjOd8XX9V+UxsGz2WCIxX/j7EEEc7CAxwAN
nWp9jXeLfxYfjrUB7XQZsGCd4EHHzUyCf7iRJL7OJ3tz5Z+rOlNjSgci+ycHEccL
YeFAEV+Fz+sj7q4cFAferkr7imY1XEI0Ji5P8p/uRYw/n8uUf7LrLw5TzHmZsTSC
UaiL4llRzkDC6cVhYfqQWUXDd/r385OkE4oalNNE+n+txNRx92rpvXWZ5qFYfv7E
95fltvpXc0iOugPMzyof3lwo3Xi4WZKc1CC/jEviKTQhfn3WZukuF5lbz3V1PQfI
xFsYe9WYQmp25XGgezjXzp89C/OIcYsVB1KJAKihgbYdHyUN4fRCmOszmOUwEAKR
3k5j4X8V5bk08sA69NVXPn2ofxyk3YYOMYWW8ouObnXoS8QJEDQ2XZRy10aPMpsQ
AIbwX21erVqUDMPn1uONP6o4NBEq4MwG7d+fT85rc1U0RfeKBwjucAE/iStZDQoM
ZKWvGhFR+uoyg1LrXNKuSPB82unh2bpvj4zEnJsJadiwtShTKDsikhrfFEK3aCK8
Zuhpiu3jxMFDhpFzlxsSwaCcGJqcdwGhWUx0ZAVD2X71UCFoOXPjF9fNnpy80YNp
flPjj2RnOZbJyBIM0sWIVMd8F44qkTASf8K5Qb47WFN5tSpePq7OCm7s8u+lYZGK
wR18K7VliundR+5a8XAOyUXOL5UsDaQCK4Lj4lRaeFXunXl3DJ4E+7BKzZhReJL6
EugV5eaGonA52TWtFdB8p+79wPUeI3KcdPmQ9Ll5Zi/jBemY4bzasmgKzNeMtwWP
fk6WgrvBwptqohw71HDymGxFUnUP7XYYjic2sVKhv9AevMGycVgwWBiWroDCQ9Ja
btKfxHhI2p+g+rcywmBobWJbZsujTNjhtme+kNn1mhJsD3bKPjKQfAxaTskBLb0V
wgV21891TS1Dq9kdPLwoS4XNpYg2LLB4p9hmeG3fu9+OmqwY5oKXsHiWc43dei9Y
yxZ1AAUOIaIdPkq+YG/PhlGE4YcQZ4RPpltAr0HfGgZhmXWigbGS+66pUj+Ojysc
j0K5tCVxVu0fhhFpOlHv0LWaxCbnkgkQH9jfMEJkAWMOuQINBGCAXCYBEADW6RNr
ZVGNXvHVBqSiOWaxl1XOiEoiHPt50Aijt25yXbG+0kHIFSoR+1g6Lh20JTCChgfQ
kGGjzQvEuG1HTw07YhsvLc0pkjNMfu6gJqFox/ogc53mz69OxXauzUQ/TZ27GDVp
UBu+EhDKt1s3OtA6Bjz/csop/Um7gT0+ivHyvJ/jGdnPEZv8tNuSE/Uo+hn/Q9hg
8SbveZzo3C+U4KcabCESEFl8Gq6aRi9vAfa65oxD5jKaIz7cy+pwb0lizqlW7H9t
Qlr3dBfdIcdzgR55hTFC5/XrcwJ6/nHVH/xGskEasnfCQX8RYKMuy0UADJy72TkZ
bYaCx+XXIcVB8GTOmJVoAhrTSSVLAZspfCnjwnSxisDn3ZzsYrq3cV6sU8b+QlIX
7VAjurE+5cZiVlaxgCjyhKqlGgmonnReWOBacCgL/UvuwMmMp5TTLmiLXLT7uxeG
ojEyoCk4sMrqrU1jevHyGlDJH9Taux15GILDwnYFfAvPF9WCid4UZ4Ouwjcaxfys
3LxNiZIlUsXNKwS3mhiMRL4TRsbs4k4QE+LIMOsauIvcvm8/frydvQ/kUwIhVTH8
0XGOH909bYtJvY3fudK7ShIwm7ZFTduBJUG473E/Fn3VkhTmBX6+PjOC50HR/Hyb
waRCzfDruMe3TAcE/tSP5CUOb9C7+P+hPzQcDwARAQABiQRyBBgBCgAmAhsCFiEE
yHQBHwq0BRENAhBVNDZdlHLXRo8FAmmWSAoFCRCqi+QCQMF0IAQZAQoAHRYhBDdO
x1tIWRNgSoMcx8ggxtXNJ6uHBQJggFwmAAoJEMggxtXNJ6uHRfAP/2CGdSyg0K7U
66Vygl0dugxrMm8O3/Oe211BKdQsFUSWAznOTRTK/zvMUHO4LJAlYvdtZ6xDa4XH
l9FYQ8MR9ZV0OuOlAZvU4IJDLPVCU09X/UzX/GEoZL0R5esvwPAXopMaRHCfXJeI
/gEaB94UhAeYlwpcRn0eSuk1vyZx7GRE6/hog8DCf4hoT40dW20gGe58xcvJ+mRY
lC0lr16WH08wuUcee6+dgu+4Cg6SG6+zt9cMyl8VnTUL5BK/V3MebnYZJK0RFDNn
nXDhzStgOd5gOeIL+xBPXHd0/ld/rDM74SFExpuS+hNsyo+xMQ/HJavak21MFinu
l9COwfGEmlAXTGMY30Lf3Pt/eAkbwgmGc966VSoRmOFEXJVlDr+yJR6ru+7j50z8
lAv6Lsop7sun1Qysbo0swf6W1qgPf6VWbx91NTFLkw0+gD8jxwrU5ZMkeSuntX9d
pjuZS29CflXXIRPlvhuiDPicwTpYuIUx37vHveAH5gnowZg247x780Urrsx8duTX
8CI9MAnqzm4dFAiRlwE8bvLk+l9wekiXA9gIMZiVNqNlduXIqvAG21Wdgq8qyeXK
y/XWCVKDQOmEbFAltfNam8E3KEw0fl199x+93d5ckDGcPzUYPbNkCuIwngC/ZN96
pDafF3Z12fSNfhZUe0C8td8KAszYa96GCRA0Nl2UctdGj1gKD/4jOGhEGTg88Vyu
PVjeK+zkwrTIZSvHdUHfTt/+rTLSNb/RQiBCUQuEZvafj6FrntS7bAEhccGqH894
T3St5K0AXWkvsLd6K+cbIQdlnFA2zb6geJUCk6qx5NgWpRc3i0DS7CheGwl+Bwu7
+n9pNjNjiHV+rYDgqbQXG0dtGysB0/3qIRgEDHFO0HJu/dcte4oXrQIqrZrpOwe8
WxqFqdU918JpSUcc8coiFp9YtwpgqQNxGVZ+rhgnTGdZzk1f/Yhhimh+2B0ReaFv
k3UzVBj3HQ9C6+Ot3MyDEhSgdhjr9e25Tm9S5YfhwtWmghRw9RKPyLMSXSxm/Uc0
mK1NucAp8TQBwKqKzNpCk5IdrBSWRUbjOoOFyzyCsY6gS285GCpSIzI39hTf+3gd
wYPlE6fj+F2TZzdhx62DPnzBzBHnByYTVdJ649bx0FFp4Q+5TbIWtxu/AQkRDxmW
NQfE+6GgeshlrhXWsh6+PGDzt+2raG6zUT913sdz7Ctw4fLjmsKOTdTz3Xa9pr8l
xfI/JuukSgt9o/n3GirhTB3zE1w/I/Xt6k7oASiP3zQSuHtB/CYKYHDtOCWwjo7J
PEGtb/FkreKNxsk/p20jnlrB8WZxxswdr2Vri9NmFeyMDVX7qF3WqT+8aCV9GtS1
GCHx/5nGBdDwoxEsXqpI3IUqPb6FDg==
=wtp+
-----END PGP PUBLIC KEY BLOCK-----
`;

;// CONCATENATED MODULE: ./lib/tools/context.ts






/**
 * What `auto` means on this runner, and why. A GitHub-hosted runner is a fresh machine per job: only
 * this job's own steps can write its tool cache, and they could as well rewrite PATH or the runner,
 * so checking an entry's file identity (`on-change`) is enough; a local run uses its user's own
 * cache. A self-hosted runner keeps its tool cache from job to job, often shared by several runners
 * on one volume: a job that ran before (a pull request's build, say) can have replaced a binary and
 * rewritten its record to match, which only proving the entry from its evidence (`always`) catches.
 * RUNNER_ENVIRONMENT is unset only on runners too old to set it, all of them self-hosted.
 */
function cacheVerificationFor(setting = 'auto', env = process.env) {
    if (setting !== 'auto')
        return { mode: setting, why: 'as set' };
    if ((0,local_run/* isLocalRun */.fd)(env))
        return { mode: 'on-change', why: 'auto: a local run of the shipkit CLI' };
    if (env.RUNNER_ENVIRONMENT === 'github-hosted')
        return { mode: 'on-change', why: 'auto: a GitHub-hosted runner' };
    return { mode: 'always', why: `auto: a self-hosted runner${env.RUNNER_ENVIRONMENT ? '' : ' (RUNNER_ENVIRONMENT is not set)'}` };
}
/**
 * Everything the install flow needs from the runner, built once per step and shared by all tools.
 * (A promise for the callers written when it had to load openpgp; it no longer waits for anything.)
 */
function installContext(settings) {
    if (settings.githubToken)
        core/* setSecret */.Pq(settings.githubToken);
    const armored = settings.hashicorpKey ?? HASHICORP_RELEASE_KEY;
    let fetcher;
    return Promise.resolve({
        platform: (0,platform/* currentPlatform */.jN)(),
        // The HTTP layer is loaded on the first cache miss: a warm run never pays for it.
        fetcher: () => (fetcher ??= __webpack_require__.e(/* import() */ 288).then(__webpack_require__.bind(__webpack_require__, 8288)).then(({ Fetcher }) => new Fetcher({
            mirrors: settings.mirrors,
            token: settings.githubToken,
            tokenOrigin: settings.githubApiUrl,
            retryDelays: settings.retryDelays,
            log: (line) => (0,log/* info */.pq)(line),
        }))),
        github: { url: settings.githubApiUrl, hasToken: Boolean(settings.githubToken) },
        // Read without openpgp (lib/pgp.ts): a malformed key is refused here, before any download.
        hashicorpKey: { armored, identity: (0,pgp/* keyIdentity */.CP)(armored) },
        userDigests: settings.checksums ?? new Map(),
        allowUnverified: settings.allowUnverified ?? false,
        cacheVerification: cacheVerificationFor(settings.cacheVerification).mode,
        log: (line) => (0,log/* info */.pq)(line),
        warn: (line) => core/* warning */.$e(line),
    });
}


/***/ }),

/***/ 2321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MP: () => (/* binding */ verificationLabel),
/* harmony export */   ai: () => (/* binding */ install)
/* harmony export */ });
/* unused harmony export planInstall */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8115);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8535);
/* harmony import */ var _toolcache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7926);
/* harmony import */ var _tools_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4909);
/* harmony import */ var _versions_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1341);





/**
 * find in cache -> (on a miss) resolve, download, verify, extract, probe, cache: the same for every
 * tool. What a miss needs (the HTTP layer, openpgp, the zip reader) is loaded only on a miss.
 */
async function install(tool, spec, ctx) {
    const started = performance.now();
    let version;
    if (spec.kind === 'exact') {
        version = spec.version;
    }
    else {
        const { resolveVersion } = await Promise.all(/* import() */[__webpack_require__.e(288), __webpack_require__.e(106)]).then(__webpack_require__.bind(__webpack_require__, 106));
        version = await resolveVersion(tool, spec, await ctx.fetcher(), ctx.github);
        ctx.log(`${tool.name}: "${(0,_versions_js__WEBPACK_IMPORTED_MODULE_3__/* .describeSpec */ .l)(spec)}" resolved to ${version}`);
    }
    const plan = planInstall(tool, version, ctx, started);
    const found = inspectCache(plan);
    if (found.state === 'hit' && ctx.cacheVerification !== 'always') {
        return fromCache(plan, found.entry, ctx, 'cache entry unchanged since then');
    }
    if (found.state === 'hit' || found.state === 'recheck') {
        try {
            const { recheck } = await Promise.all(/* import() */[__webpack_require__.e(663), __webpack_require__.e(288), __webpack_require__.e(801)]).then(__webpack_require__.bind(__webpack_require__, 7801));
            const entry = await recheck(plan, found.entry, ctx);
            return fromCache(plan, entry, ctx, 'cache entry re-verified');
        }
        catch (error) {
            const why = found.state === 'recheck' ? `${found.why}; ` : '';
            ctx.warn(`${tool.name} ${version}: ignoring the cached copy (${why}${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error)}); installing afresh.`);
            if (found.state === 'hit')
                plan.distrust = found.entry.record.stamp;
        }
    }
    else if (found.state === 'unusable') {
        ctx.warn(`${tool.name} ${version}: ignoring the cached copy (${found.why}); installing afresh.`);
    }
    const { installFresh } = await Promise.all(/* import() */[__webpack_require__.e(663), __webpack_require__.e(288), __webpack_require__.e(222)]).then(__webpack_require__.bind(__webpack_require__, 9222));
    return installFresh(plan, ctx);
}
/** The cache's verdict on this install's entry; an entry that cannot even be looked at is not used. */
function inspectCache(plan) {
    try {
        return _toolcache_js__WEBPACK_IMPORTED_MODULE_1__/* .inspect */ .Nn(plan.expect);
    }
    catch (error) {
        return { state: 'unusable', entry: _toolcache_js__WEBPACK_IMPORTED_MODULE_1__/* .entryOf */ .Ms(plan.expect), why: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .messageOf */ .bD)(error) };
    }
}
function planInstall(tool, version, ctx, started = performance.now()) {
    const gap = (0,_tools_js__WEBPACK_IMPORTED_MODULE_2__/* .findGap */ .UU)(tool, version, ctx.platform);
    if (gap) {
        const first = gap.firstWith ? ` The first version with one is ${gap.firstWith}.` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ToolError */ .v4(`${tool.name} ${version} has no ${(0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .describePlatform */ .d5)(ctx.platform)} build.${first}${gap.hint ? ` ${gap.hint}` : ''}`);
    }
    const asset = tool.asset(version, ctx.platform);
    const binary = tool.binary + (0,_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .exeSuffix */ .Kl)(ctx.platform);
    // The `checksums` input replaces the embedded digest of its asset (a mirror may re-sign, a test
    // may serve a stand-in); either way every source that exists must agree.
    const user = ctx.userDigests.get(asset.name);
    const embedded = user ? undefined : (0,_tools_js__WEBPACK_IMPORTED_MODULE_2__/* .embeddedDigest */ .rY)(tool.name, version, asset.name);
    const digests = [
        ...(user ? [{ digest: user, from: 'the "checksums" input', label: 'checksums input' }] : []),
        ...(embedded ? [{ digest: embedded, from: 'the digest embedded in shipkit (published upstream)', label: 'embedded digest' }] : []),
    ];
    const signed = tool.checksumFile(version, asset)?.signed ?? false;
    const { fingerprint, blockSha256 } = ctx.hashicorpKey.identity;
    return {
        tool,
        version,
        asset,
        binary,
        started,
        expect: {
            tool: tool.name,
            version,
            arch: ctx.platform.arch,
            binary,
            asset: asset.name,
            archive: asset.archive,
            digests,
            key: signed ? { fingerprint, blockSha256 } : undefined,
            allowUnverified: ctx.allowUnverified,
        },
    };
}
/** How an install was verified, for the log and the summary: `checksums input + SHA256SUMS signed by 72D7468F`. */
function verificationLabel(expect, file, ctx) {
    const labels = expect.digests.map((d) => d.label);
    if (file)
        labels.push(file.key ? `${file.label} signed by ${ctx.hashicorpKey.identity.shortId}` : file.label);
    return labels.join(' + ') || 'unverified (allowed)';
}
function fromCache(plan, entry, ctx, how) {
    return {
        tool: plan.tool.name,
        version: plan.version,
        path: entry.binaryPath,
        dir: entry.dir,
        fromCache: true,
        source: 'tool cache',
        verifiedBy: `${verificationLabel(plan.expect, entry.record.checksumFile, ctx)}; ${how}`,
        ms: performance.now() - plan.started,
    };
}


/***/ }),

/***/ 4909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ TOOLS),
/* harmony export */   K2: () => (/* binding */ TOOL_NAMES),
/* harmony export */   UU: () => (/* binding */ findGap),
/* harmony export */   ft: () => (/* binding */ parseVersionOutput),
/* harmony export */   rY: () => (/* binding */ embeddedDigest)
/* harmony export */ });
/* unused harmony export EMBEDDED_DIGESTS */
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8535);


/**
 * What setup-tools knows about each tool: where its releases live, how an asset is named for a
 * version and platform, where its checksums are, and how it reports its version. The install flow
 * in install.ts is the same for all five; adding a tool is adding an entry here.
 * Asset names, layouts and gaps follow each tool's own release scripts and release pages.
 */
const TOOL_NAMES = ['docker-machine', 'packer', 'terraform', 'tflint', 'hadolint'];
const HASHICORP = 'https://releases.hashicorp.com';
const GITHUB = 'https://github.com';
function hashicorpTool(name, defaultVersion, gaps) {
    return {
        name,
        defaultVersion,
        binary: name,
        releases: { kind: 'hashicorp', product: name },
        gaps,
        asset(version, platform) {
            const file = `${name}_${version}_${platform.os}_${(0,_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .goArch */ .Jt)(platform.arch)}.zip`;
            return { name: file, url: `${HASHICORP}/${name}/${version}/${file}`, archive: 'zip' };
        },
        checksumFile(version) {
            return { url: `${HASHICORP}/${name}/${version}/${name}_${version}_SHA256SUMS`, label: 'SHA256SUMS', signed: true };
        },
        versionArgs: ['version'],
    };
}
const dockerMachine = {
    name: 'docker-machine',
    defaultVersion: '0.16.0',
    binary: 'docker-machine',
    releases: { kind: 'github', repo: 'docker/machine' },
    gaps: [
        {
            os: 'darwin',
            arch: 'arm64',
            versions: '*',
            hint: 'Apple Silicon Macs run the Darwin-x86_64 build under Rosetta 2; use a macOS X64 runner for it.',
        },
    ],
    asset(version, platform) {
        const os = { linux: 'Linux', darwin: 'Darwin', windows: 'Windows' }[platform.os];
        const arch = { x64: 'x86_64', arm64: 'aarch64', arm: 'armhf', x86: 'i386' }[platform.arch];
        const file = `docker-machine-${os}-${arch}${(0,_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .exeSuffix */ .Kl)(platform)}`;
        return { name: file, url: `${GITHUB}/docker/machine/releases/download/v${version}/${file}`, archive: 'raw' };
    },
    checksumFile(version) {
        return { url: `${GITHUB}/docker/machine/releases/download/v${version}/sha256sum.txt`, label: 'sha256sum.txt', signed: false };
    },
    versionArgs: ['version'],
};
/** tflint moved from wata727/tflint to terraform-linters/tflint with 0.14.0. */
function tflintOwner(version) {
    return semver__WEBPACK_IMPORTED_MODULE_0___default().lt(version, '0.14.0') ? 'wata727' : 'terraform-linters';
}
const tflint = {
    name: 'tflint',
    defaultVersion: '0.12.1',
    binary: 'tflint',
    releases: { kind: 'github', repo: 'terraform-linters/tflint' },
    gaps: [{ arch: 'arm64', versions: '<=0.29.0', hint: 'tflint published no arm64 builds up to 0.29.0.' }],
    asset(version, platform) {
        const file = `tflint_${platform.os}_${(0,_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .goArch */ .Jt)(platform.arch)}.zip`;
        return { name: file, url: `${GITHUB}/${tflintOwner(version)}/tflint/releases/download/v${version}/${file}`, archive: 'zip' };
    },
    checksumFile(version) {
        return { url: `${GITHUB}/${tflintOwner(version)}/tflint/releases/download/v${version}/checksums.txt`, label: 'checksums.txt', signed: false };
    },
    versionArgs: ['--version'],
};
/** hadolint renamed its assets to lower case (and Darwin to macos) in 2.13.1. */
function hadolintAssetName(version, platform) {
    const arch = platform.arch === 'arm64' ? 'arm64' : 'x86_64';
    if (semver__WEBPACK_IMPORTED_MODULE_0___default().gte(version, '2.13.1')) {
        const os = { linux: 'linux', darwin: 'macos', windows: 'windows' }[platform.os];
        return `hadolint-${os}-${arch}${(0,_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .exeSuffix */ .Kl)(platform)}`;
    }
    const os = { linux: 'Linux', darwin: 'Darwin', windows: 'Windows' }[platform.os];
    return `hadolint-${os}-${arch}${(0,_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .exeSuffix */ .Kl)(platform)}`;
}
const hadolint = {
    name: 'hadolint',
    defaultVersion: '1.17.2',
    binary: 'hadolint',
    releases: { kind: 'github', repo: 'hadolint/hadolint' },
    gaps: [
        { arch: ['arm', 'x86'], versions: '*', hint: 'hadolint publishes x86_64 and arm64 builds only.' },
        { os: 'windows', arch: 'arm64', versions: '*' },
        { os: 'linux', arch: 'arm64', versions: '<2.10.0', firstWith: '2.10.0' },
        { os: 'darwin', arch: 'arm64', versions: '<2.13.1', firstWith: '2.13.1' },
    ],
    asset(version, platform) {
        const file = hadolintAssetName(version, platform);
        return { name: file, url: `${GITHUB}/hadolint/hadolint/releases/download/v${version}/${file}`, archive: 'raw' };
    },
    checksumFile(version, asset) {
        const base = `${GITHUB}/hadolint/hadolint/releases/download/v${version}`;
        if (semver__WEBPACK_IMPORTED_MODULE_0___default().lt(version, '2.11.0'))
            return undefined; // nothing published: embedded digests only
        if (semver__WEBPACK_IMPORTED_MODULE_0___default().lt(version, '2.15.0'))
            return { url: `${base}/${asset.name}.sha256`, label: `${asset.name}.sha256`, signed: false };
        return { url: `${base}/checksums.sha256`, label: 'checksums.sha256', signed: false };
    },
    versionArgs: ['--version'],
};
const TOOLS = {
    'docker-machine': dockerMachine,
    packer: hashicorpTool('packer', '1.4.4', [
        { os: 'windows', arch: 'arm64', versions: '*' },
        { os: 'darwin', arch: 'arm64', versions: '<1.7.0', hint: 'Apple Silicon builds start with the 1.7 series.' },
    ]),
    terraform: hashicorpTool('terraform', '0.12.12', [
        { arch: 'arm64', versions: '<0.13.0', hint: 'terraform 0.12 and older published no arm64 builds.' },
        { os: 'darwin', arch: 'arm64', versions: '<1.0.2', firstWith: '1.0.2' },
        { os: 'windows', arch: 'arm64', versions: '<1.15.0', firstWith: '1.15.0' },
    ]),
    tflint,
    hadolint,
};
/**
 * Published digests for assets whose upstream has no checksum file (hadolint before 2.11.0), plus
 * the default packer as a second, independent check of the signed SHA256SUMS. Where each came from
 * and how it was checked: README.md in this folder (a test keeps the two in step).
 */
const EMBEDDED_DIGESTS = {
    'packer@1.4.4/packer_1.4.4_linux_amd64.zip': 'b4dc37877a0fd00fc72ebda98977c2133be9ba6b26bcdd13b1b14a369e508948',
    'hadolint@1.17.2/hadolint-Linux-x86_64': 'b23e4d0e8964774cc0f4dd7ff81f1d05b5d7538b0b80dae5235b1239ab60749d',
    'hadolint@1.17.2/hadolint-Darwin-x86_64': 'da3bd1fae47f1ba4c4bca6a86d2c70bdbd6705308bd300d1f897c162bc32189a',
    'hadolint@1.17.2/hadolint-Windows-x86_64.exe': '8ba81d1fe79b91afb7ee16ac4e9fc6635646c2f770071d1ba924a8d26debe298',
};
function embeddedDigest(tool, version, asset) {
    return EMBEDDED_DIGESTS[`${tool}@${version}/${asset}`];
}
/** The gap that rules out this version on this platform, if any. */
function findGap(tool, version, platform) {
    return tool.gaps.find((gap) => {
        if (gap.os && gap.os !== platform.os)
            return false;
        const arches = gap.arch === undefined ? undefined : [].concat(gap.arch);
        if (arches && !arches.includes(platform.arch))
            return false;
        return semver__WEBPACK_IMPORTED_MODULE_0___default().satisfies(version, gap.versions, { includePrerelease: true });
    });
}
/**
 * The version a tool prints, from the first line of its version command: `Terraform v0.12.12`,
 * `Packer v1.4.4`, `TFLint version 0.12.1`, `docker-machine version 0.16.0, build 702c267f`,
 * `Haskell Dockerfile Linter v1.17.2-0-g574b169` (a `git describe` suffix, dropped).
 */
function parseVersionOutput(output) {
    const first = output.split(/\r?\n/).find((line) => line.trim()) ?? '';
    const match = /v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(first);
    return match?.[1]?.replace(/-\d+-g[0-9a-f]+$/, '');
}


/***/ }),

/***/ 1341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ parseVersionSpec),
/* harmony export */   l: () => (/* binding */ describeSpec)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8115);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2844);



/** Parses a `*-version` value: `1.5.7`, `v1.5.7`, `latest`, or a semver range. */
function parseVersionSpec(inputName, raw) {
    const value = raw.trim();
    if (value.toLowerCase() === 'latest')
        return { kind: 'latest' };
    const exact = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(value.replace(/^v(?=\d)/, ''));
    if (exact)
        return { kind: 'exact', version: exact };
    if (value && semver__WEBPACK_IMPORTED_MODULE_0___default().validRange(value))
        return { kind: 'range', range: value };
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`Input "${inputName}" is ${(0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(raw)}: expected an exact version (1.5.7 or v1.5.7), "latest", or a semver range (~1.5, 1.x, >=1.5 <1.7).`);
}
function describeSpec(spec) {
    return spec.kind === 'exact' ? spec.version : spec.kind === 'latest' ? 'latest' : spec.range;
}


/***/ })

};
