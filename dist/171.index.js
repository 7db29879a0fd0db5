export const id = 171;
export const ids = [171];
export const modules = {

/***/ 7171:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lib_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1897);


await (0,_lib_action_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)(_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1897:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./lib/errors.ts
var errors = __webpack_require__(8115);
// EXTERNAL MODULE: ./lib/local-run.ts
var local_run = __webpack_require__(7685);
// EXTERNAL MODULE: ./lib/log.ts
var log = __webpack_require__(2844);
// EXTERNAL MODULE: ./lib/summary.ts
var summary = __webpack_require__(1262);
// EXTERNAL MODULE: ./lib/tools/context.ts + 1 modules
var context = __webpack_require__(9093);
// EXTERNAL MODULE: ./lib/tools/install.ts
var install = __webpack_require__(2321);
// EXTERNAL MODULE: ./lib/tools/tools.ts
var tools_tools = __webpack_require__(4909);
// EXTERNAL MODULE: ./lib/inputs.ts
var inputs = __webpack_require__(453);
// EXTERNAL MODULE: ./lib/mirrors.ts
var mirrors = __webpack_require__(294);
// EXTERNAL MODULE: ./lib/checksums.ts
var checksums = __webpack_require__(4686);
// EXTERNAL MODULE: ./lib/paths.ts
var paths = __webpack_require__(634);
// EXTERNAL MODULE: ./lib/pgp.ts
var pgp = __webpack_require__(9693);
// EXTERNAL MODULE: ./lib/tools/versions.ts
var tools_versions = __webpack_require__(1341);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./actions/setup-tools/src/version-file.ts





/**
 * Versions pinned in a repository file:
 *   `.terraform-version` (tfenv): one line, the terraform version;
 *   anything else is read as asdf's `.tool-versions`: `<tool> <version> [fallbacks...]` per line.
 * Tools shipkit does not install (nodejs, python...) are ignored; the first version of a line wins.
 */
function readVersionFile(path, given = path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* UsageError */.eb(`Input "version-file" is ${(0,log/* forLog */.Ig)(given)}, which cannot be read (${error.code ?? String(error)}). ` +
            'Give a path relative to the workspace, e.g. .tool-versions or .terraform-version.');
    }
    return parseVersionFile((0,external_node_path_.basename)(path), text);
}
function parseVersionFile(fileName, text) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.replace(/#.*$/, '').trim())
        .filter(Boolean);
    if (fileName === '.terraform-version') {
        const version = lines[0];
        if (!version)
            throw new errors/* UsageError */.eb(`The version file ${fileName} is empty: expected a terraform version such as 1.5.7.`);
        return { terraform: version };
    }
    const versions = {};
    for (const line of lines) {
        const [name, version] = line.split(/\s+/);
        if (name && version && tools_tools/* TOOL_NAMES */.K2.includes(name)) {
            versions[name] ??= version;
        }
    }
    return versions;
}

;// CONCATENATED MODULE: ./actions/setup-tools/src/inputs.ts










function getInputs() {
    const tools = parseTools((0,inputs/* getList */.vS)('tools'));
    const versionFile = (0,inputs/* getString */.AA)('version-file');
    const fromFile = versionFile ? readVersionFile((0,paths/* resolveInside */.LI)(workspace(), versionFile, 'version-file').absolute, versionFile) : {};
    const versions = {};
    for (const name of tools_tools/* TOOL_NAMES */.K2) {
        const input = `${name}-version`;
        const explicit = (0,inputs/* getString */.AA)(input);
        // An explicit input wins over the file, the file over shipkit's default pin.
        const [raw, origin] = explicit
            ? [explicit, `Input "${input}"`]
            : fromFile[name]
                ? [fromFile[name], `The ${name} entry of ${(0,log/* forLog */.Ig)(versionFile)}`]
                : [tools_tools/* TOOLS */.It[name].defaultVersion, input];
        try {
            versions[name] = (0,tools_versions/* parseVersionSpec */.Z)(input, raw);
        }
        catch (error) {
            if (!explicit && fromFile[name]) {
                throw new errors/* UsageError */.eb(`${origin} is ${(0,log/* forLog */.Ig)(raw)}: expected an exact version, "latest", or a semver range.`);
            }
            throw error;
        }
    }
    return {
        tools,
        versions,
        'version-file': versionFile,
        mirrors: (0,mirrors/* parseMirrors */.C)((0,inputs/* getLines */.iv)('mirrors')),
        checksums: parseChecksumsInput((0,inputs/* getLines */.iv)('checksums')),
        'github-token': (0,inputs/* getString */.AA)('github-token'),
        'github-api-url': parseApiUrl((0,inputs/* getString */.AA)('github-api-url') || process.env.GITHUB_API_URL || 'https://api.github.com'),
        'hashicorp-public-key': (0,pgp/* readKeyInput */.YT)((0,inputs/* getText */.q4)('hashicorp-public-key')),
        'allow-unverified': (0,inputs/* getBoolean */.pW)('allow-unverified'),
        'cache-verification': (0,inputs/* getEnum */.GV)('cache-verification', ['auto', 'on-change', 'always'], 'auto'),
    };
}
function workspace() {
    return process.env.GITHUB_WORKSPACE || process.cwd();
}
function parseTools(items) {
    if (!items.length)
        return [...tools_tools/* TOOL_NAMES */.K2];
    const tools = [];
    for (const item of items) {
        const name = item.toLowerCase();
        if (!tools_tools/* TOOL_NAMES */.K2.includes(name)) {
            throw new errors/* UsageError */.eb(`Input "tools" names ${(0,log/* forLog */.Ig)(item)}: expected any of ${tools_tools/* TOOL_NAMES */.K2.join(', ')} (comma or newline separated).`);
        }
        if (!tools.includes(name))
            tools.push(name);
    }
    return tools;
}
/**
 * `<sha256>  <asset>` lines, as sha256sum prints them. The name is the release asset's file name,
 * exactly as published (case included): a path is refused, not silently matched against nothing.
 */
function parseChecksumsInput(lines) {
    const digests = new Map();
    for (const line of lines) {
        const match = /^([0-9A-Fa-f]+)\s+\*?(\S+)$/.exec(line);
        const [, digest, name] = match ?? [];
        if (!digest || !name || !(0,checksums/* isSha256 */._h)(digest)) {
            throw new errors/* UsageError */.eb(`Input "checksums" has the line ${(0,log/* forLog */.Ig)(line)}: expected "<64 hex sha256>  <asset file name>", as sha256sum prints it.`);
        }
        if (/[\\/]/.test(name)) {
            throw new errors/* UsageError */.eb(`Input "checksums" has the line ${(0,log/* forLog */.Ig)(line)}, whose name is a path: give the release asset's file name alone, e.g. "${digest}  ${name.replace(/^.*[\\/]/, '')}".`);
        }
        const seen = digests.get(name);
        if (seen && seen !== digest.toLowerCase()) {
            throw new errors/* UsageError */.eb(`Input "checksums" gives ${(0,log/* forLog */.Ig)(name)} two different digests (${seen} and ${digest.toLowerCase()}): keep the right one.`);
        }
        digests.set(name, digest.toLowerCase());
    }
    return digests;
}
function parseApiUrl(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
        throw new errors/* UsageError */.eb(`Input "github-api-url" is ${(0,log/* forLog */.Ig)(value)}: expected the http(s) base URL of a GitHub API, e.g. https://api.github.com or https://github.example.com/api/v3 (empty: the runner's GITHUB_API_URL).`);
    }
    return value.replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./actions/setup-tools/src/main.ts









async function main() {
    const inputs = getInputs();
    const outcomes = (0,local_run/* isLocalRun */.fd)() ? await installLocal(inputs) : await installAll(inputs);
    const { installed, onPath, unavailable, failures } = outcomes;
    for (const tool of installed) {
        (0,log/* info */.pq)(`${tool.tool} ${tool.version} ${tool.fromCache ? 'from the tool cache' : `from ${tool.source}`}, ${tool.verifiedBy} (${Math.round(tool.ms)} ms)`);
    }
    const cacheNote = installed.some((t) => t.fromCache) ? describeCacheVerification(inputs) : '';
    if (cacheNote)
        (0,log/* info */.pq)(cacheNote);
    if (onPath.length) {
        const { describeOnPath } = await __webpack_require__.e(/* import() */ 65).then(__webpack_require__.bind(__webpack_require__, 1065));
        for (const found of onPath)
            (0,log/* info */.pq)(describeOnPath(found));
    }
    for (const [tool, reason] of Object.entries(unavailable))
        core/* warning */.$e(`${tool}: not installed: ${reason}`);
    await writeSummary(outcomes, cacheNote);
    if (failures.length) {
        // All or nothing: a partly set-up toolchain would only fail later, further from the cause.
        for (const failure of failures)
            core/* error */.z3(failure);
        throw new errors/* ToolError */.v4(`setup-tools could not install ${failures.length} of ${inputs.tools.length} tools; see the errors above.`);
    }
    const versions = {};
    for (const tool of installed) {
        core/* addPath */.fM(tool.dir);
        core/* setOutput */.uH(`${tool.tool}-version`, tool.version);
        core/* setOutput */.uH(`${tool.tool}-path`, tool.path);
        versions[tool.tool] = tool.version;
    }
    // Already on PATH, where the later steps find it: not put in front of everything else.
    for (const tool of onPath) {
        core/* setOutput */.uH(`${tool.tool}-version`, tool.version);
        core/* setOutput */.uH(`${tool.tool}-path`, tool.path);
        versions[tool.tool] = tool.version;
    }
    core/* setOutput */.uH('versions', JSON.stringify(versions));
    core/* setOutput */.uH('cache-hit', String(!onPath.length && installed.every((t) => t.fromCache)));
    core/* setOutput */.uH('unavailable', JSON.stringify(unavailable));
    if ((0,local_run/* isLocalRun */.fd)())
        exportUnavailable(inputs.tools, unavailable);
}
function settingsOf(inputs) {
    return {
        tools: inputs.tools,
        mirrors: inputs.mirrors,
        githubToken: inputs['github-token'],
        githubApiUrl: inputs['github-api-url'],
        hashicorpKey: inputs['hashicorp-public-key'],
        checksums: inputs.checksums,
        allowUnverified: inputs['allow-unverified'],
        cacheVerification: inputs['cache-verification'],
    };
}
/** On a runner: every tool verified, from the cache or the network, or the step fails. */
async function installAll(inputs) {
    const ctx = await (0,context/* installContext */.R)(settingsOf(inputs));
    const results = await Promise.allSettled(inputs.tools.map((name) => (0,install/* install */.ai)(tools_tools/* TOOLS */.It[name], inputs.versions[name], ctx)));
    const outcomes = { installed: [], onPath: [], unavailable: {}, failures: [] };
    results.forEach((result, i) => {
        if (result.status === 'fulfilled')
            outcomes.installed.push(result.value);
        else
            outcomes.failures.push(`${inputs.tools[i]}: ${(0,errors/* messageOf */.bD)(result.reason)}`);
    });
    return outcomes;
}
/** In a local run (lib/local-run.ts): offline, the tools on PATH that fit; what none provides is reported, not fatal. */
async function installLocal(inputs) {
    const { installLocally } = await __webpack_require__.e(/* import() */ 65).then(__webpack_require__.bind(__webpack_require__, 1065));
    const fast = await (0,context/* installContext */.R)({ ...settingsOf(inputs), retryDelays: [] });
    const full = await (0,context/* installContext */.R)(settingsOf(inputs));
    const options = { fast, full, preferInstalled: (0,local_run/* prefersInstalled */.O$)(), env: process.env };
    const results = await Promise.allSettled(inputs.tools.map((name) => installLocally(tools_tools/* TOOLS */.It[name], inputs.versions[name], options)));
    const outcomes = { installed: [], onPath: [], unavailable: {}, failures: [] };
    results.forEach((result, i) => {
        const name = inputs.tools[i];
        if (result.status === 'rejected')
            outcomes.failures.push(`${name}: ${(0,errors/* messageOf */.bD)(result.reason)}`);
        else
            sortLocal(result.value, name, outcomes);
    });
    return outcomes;
}
function sortLocal(result, name, outcomes) {
    if (result.kind === 'installed')
        outcomes.installed.push(result.installed);
    else if (result.kind === 'on-path')
        outcomes.onPath.push(result.found);
    else
        outcomes.unavailable[name] = result.reason;
}
/** For the job's later steps: what is still missing, after this step (an earlier setup-tools may have listed others). */
function exportUnavailable(tools, unavailable) {
    const known = (0,local_run/* unavailableTools */.uw)();
    for (const tool of tools)
        delete known[tool];
    const merged = { ...known, ...unavailable };
    if (Object.keys(merged).length || process.env[local_run/* UNAVAILABLE_TOOLS */.T3])
        core/* exportVariable */.dN(local_run/* UNAVAILABLE_TOOLS */.T3, JSON.stringify(merged));
}
/** How cached tools were held to account this run, and why: `always` costs a second or so, and says so. */
function describeCacheVerification(inputs) {
    const { mode, why } = (0,context/* cacheVerificationFor */.b)(inputs['cache-verification']);
    const what = mode === 'always'
        ? 'every cached tool was proved again from the archive and checksum file kept with it'
        : 'a cached tool was proved again only where its file changed since it was verified';
    return `Tool cache: ${what} (cache-verification: ${mode}; ${why}).`;
}
async function writeSummary(outcomes, cacheNote) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const { installed, onPath, unavailable, failures } = outcomes;
    const rows = [
        ...installed.map((t) => [
            t.tool,
            t.version,
            t.fromCache ? 'tool cache' : `downloaded from ${(0,summary.md)(t.source)}`,
            t.verifiedBy, // the kit's own words and computed asset names
            `${(t.ms / 1000).toFixed(2)} s`,
        ]),
        ...onPath.map((t) => [t.tool, t.version, `on PATH: ${(0,summary.md)(t.dir)}`, `not verified: ${t.why}`, '']),
        ...Object.entries(unavailable).map(([tool, reason]) => [tool, '', '**not installed**', (0,summary.md)(reason), '']),
    ];
    let text = `### setup-tools\n\n${(0,summary/* markdownTable */.Qj)(['tool', 'version', 'from', 'verified by', 'time'], rows)}\n`;
    if (cacheNote)
        text += `\n${cacheNote}\n`;
    if (failures.length)
        text += `\n**Failed:**\n\n${failures.map((f) => `- ${(0,summary.md)(f)}`).join('\n')}\n`;
    await core/* summary */.z.addRaw(text).write();
}


/***/ }),

/***/ 4686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZQ: () => (/* binding */ findChecksum),
/* harmony export */   _h: () => (/* binding */ isSha256)
/* harmony export */ });
/* unused harmony export parseChecksums */
/**
 * Reads the checksum files that release pages publish. Formats seen upstream:
 *   GNU coreutils   `<hex>  name` or `<hex> *name` (binary mode)
 *   BSD / openssl   `SHA256 (name) = <hex>`, `SHA256(name)= <hex>`
 *   piped openssl   `(stdin)= <hex>  name`
 *   bare digest     `<hex>` alone, in a per-asset `.sha256` file
 * A name is compared exactly, case included: hadolint 2.13.1 renamed `hadolint-Linux-x86_64` to
 * `hadolint-linux-x86_64`, and a line for one must never vouch for the other. A leading `./` or
 * directory (as `sha256sum dist/*` prints) is dropped; a name listed twice with two digests is
 * ambiguous and matches nothing.
 */
const HEX64 = /^[0-9a-f]{64}$/i;
const AMBIGUOUS = 'ambiguous';
function baseName(name) {
    return name.trim().replace(/^.*[\\/]/, '');
}
function parseChecksums(text) {
    const digests = new Map();
    const add = (name, digest) => {
        const key = baseName(name);
        const value = digest.toLowerCase();
        const seen = digests.get(key);
        digests.set(key, seen === undefined || seen === value ? value : AMBIGUOUS);
    };
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim().replace(/^\(stdin\)=\s*/, '');
        if (!line || line.startsWith('#'))
            continue;
        const bsd = /^SHA256\s*\((.+)\)\s*=\s*([0-9a-f]{64})$/i.exec(line);
        if (bsd) {
            add(bsd[1], bsd[2]);
            continue;
        }
        const gnu = /^([0-9a-f]{64})\s+\*?(.+)$/i.exec(line);
        if (gnu) {
            add(gnu[2], gnu[1]);
            continue;
        }
        if (HEX64.test(line))
            add('', line);
    }
    return digests;
}
/**
 * The digest for `asset` in a checksum file, or undefined. A file holding one bare digest answers
 * for whatever asset it was published beside.
 */
function findChecksum(text, asset) {
    const digests = parseChecksums(text);
    const found = digests.get(asset) ?? (digests.size === 1 ? digests.get('') : undefined);
    return found === AMBIGUOUS ? undefined : found;
}
function isSha256(value) {
    return HEX64.test(value);
}


/***/ })

};
