export const id = 150;
export const ids = [150];
export const modules = {

/***/ 8150:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lib_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7094);


await (0,_lib_action_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)(_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/annotate.ts
var annotate = __webpack_require__(6484);
// EXTERNAL MODULE: ./lib/summary.ts
var lib_summary = __webpack_require__(1262);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/ansible.ts




/** The nearest `ansible.cfg` above `file` (repository-relative), up to the repository root. */
function nearestConfig(root, file) {
    let dir = external_node_path_.posix.dirname(file);
    for (;;) {
        const candidate = dir === '.' ? 'ansible.cfg' : `${dir}/ansible.cfg`;
        if (isFile((0,external_node_path_.join)(root, candidate)))
            return candidate;
        if (dir === '.')
            return undefined;
        dir = external_node_path_.posix.dirname(dir);
    }
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
/** The `[defaults]` section of an INI file, as Python's configparser reads it (no interpolation). */
function iniDefaults(text) {
    const values = {};
    let section = '';
    let last;
    for (const raw of text.split(/\r?\n/)) {
        if (/^\s*[#;]/.test(raw) || !raw.trim()) {
            last = undefined;
            continue;
        }
        const header = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
        if (header) {
            section = header[1].trim().toLowerCase();
            last = undefined;
            continue;
        }
        if (section !== 'defaults')
            continue;
        if (/^\s/.test(raw) && last) {
            values[last] += `\n${raw.trim()}`;
            continue;
        }
        const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
        if (!kv)
            continue;
        last = kv[1].trim().toLowerCase();
        values[last] = kv[2].replace(/\s+[#;].*$/, '').trim();
    }
    return values;
}
/**
 * A path list from ansible.cfg, resolved as ansible does for paths read from a config file: `~`
 * and `$VARS` expanded, relative entries taken from the config file's folder.
 */
function configPaths(value, configDir, env) {
    if (value === undefined || !value.trim())
        return undefined;
    return value
        .split(/[:,]/)
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
        const expanded = entry
            .replace(/^~(?=$|\/)/, env.HOME ?? (0,external_node_os_.homedir)())
            .replace(/\$\{(\w+)\}|\$(\w+)/g, (_all, a, b) => env[(a ?? b)] ?? '');
        return (0,external_node_path_.isAbsolute)(expanded) ? expanded : (0,external_node_path_.resolve)(configDir, expanded);
    });
}
function readConfig(root, file, source, env) {
    const values = iniDefaults((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), 'utf8'));
    const dir = (0,external_node_path_.join)(root, external_node_path_.posix.dirname(file));
    return {
        file,
        source,
        inventory: configPaths(values.inventory ?? values.hostfile, dir, env),
        rolesPath: configPaths(values.roles_path, dir, env),
        collectionsPath: configPaths(values.collections_path ?? values.collections_paths, dir, env),
        vaultPasswordFile: configPaths(values.vault_password_file, dir, env)?.[0],
    };
}
/** ansible's own defaults, which a config without roles_path or collections_path keeps. */
function defaultRolesPath(env) {
    const home = env.HOME ?? (0,external_node_os_.homedir)();
    return [`${home}/.ansible/roles`, '/usr/share/ansible/roles', '/etc/ansible/roles'];
}
function defaultCollectionsPath(env) {
    return [`${env.HOME ?? (0,external_node_os_.homedir)()}/.ansible/collections`, '/usr/share/ansible/collections'];
}
/**
 * What a requirements.yml asks for: the old form is a list of roles, the newer one a mapping with
 * `roles:` and `collections:`. A role is named by `name`, else by `src`.
 */
function readRequirements(root, file) {
    const parsed = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), 'utf8'));
    const nameOf = (entry) => {
        if (typeof entry === 'string')
            return entry;
        const { name, src } = (entry ?? {});
        return typeof name === 'string' ? name : typeof src === 'string' ? src : '?';
    };
    if (Array.isArray(parsed))
        return { file, roles: parsed.map(nameOf), collections: [] };
    const doc = (parsed ?? {});
    const list = (value) => (Array.isArray(value) ? value.map(nameOf) : []);
    if (typeof parsed !== 'object' || !(Array.isArray(doc.roles) || Array.isArray(doc.collections))) {
        throw new Error('expected a list of roles, or a mapping with "roles:" and "collections:" lists');
    }
    return { file, roles: list(doc.roles), collections: list(doc.collections) };
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/argv.ts

/** argv of packer and the ansible tools, pure. Paths are repository-relative unless absolute. */
/** A path as seen from the folder a tool runs in. */
function from(cwd, path) {
    return external_node_path_.posix.isAbsolute(path) ? path : external_node_path_.posix.relative(cwd === '.' ? '' : cwd, path === '.' ? '' : path) || '.';
}
function packerValidateArgs(target) {
    return ['validate', ...target.varFiles.map((f) => `-var-file=${from(target.cwd, f)}`), from(target.cwd, target.template)];
}
function syntaxCheckArgs(run) {
    return ['--syntax-check', ...playbookArgs(run)];
}
function playbookArgs({ cwd, playbook, inventory, vaultFile }) {
    return [...(inventory ? ['-i', inventory] : []), ...(vaultFile ? ['--vault-password-file', vaultFile] : []), from(cwd, playbook)];
}
function ansibleLintArgs(cwd, playbooks, config) {
    return ['-p', '--nocolor', '--offline', ...(config ? ['-c', config] : []), ...playbooks.map((p) => from(cwd, p))];
}
function galaxyInstallArgs(kind, requirements, into) {
    return [kind, 'install', '-r', requirements, '-p', into];
}

// EXTERNAL MODULE: ./lib/errors.ts
var errors = __webpack_require__(8115);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/failure.ts

const FAILURE_REASONS = (/* unused pure expression or super */ null && (['requirements-failed', 'validate-failed', 'lint-failed', 'plan-failed', 'plan-changed', 'state-locked', 'apply-failed', 'deploy-failed', 'drifted']));
/** A failed stage, with the machine-readable reason a workflow can branch on. */
class StageFailure extends errors/* ToolError */.v4 {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
    }
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/text.ts
/**
 * Tool output on its way to a message: colour codes and terraform's diagnostic frame (`╷ │ ╵`)
 * removed, and lines that a tool wrapped at its column limit joined again, so an annotation holds
 * the whole cause (packer cuts `... is invalid: stat` from `<path>: no such file or directory`).
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
const FRAME = /^[╷│╵] ?/;
/** Without colour codes, carriage returns and terraform's frame characters at line starts. */
function cleanText(text) {
    return text
        .replace(ANSI, '')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => line.replace(FRAME, ''))
        .join('\n');
}
/**
 * Joins a paragraph that a tool wrapped: every line up to the next blank line or the next line
 * that `starts` says begins a new item. The wrap replaced a space, so lines are joined with one.
 */
function unwrap(lines, from, starts) {
    const parts = [lines[from].trim()];
    let i = from + 1;
    for (; i < lines.length; i++) {
        const line = lines[i];
        if (!line.trim() || starts(line))
            break;
        parts.push(line.trim());
    }
    return { text: parts.join(' '), next: i };
}
/** The last non-empty lines of a tool's output, cleaned, for a message that fits an annotation. */
function lastLines(text, lines = 12) {
    return cleanText(text)
        .trimEnd()
        .split('\n')
        .slice(-lines)
        .join('\n');
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/lint.ts


/**
 * tflint, ansible and packer output parsing, pure. Every file in a finding is made relative to the
 * repository root (`root`, absolute): tools print paths relative to the folder they ran in (`cwd`,
 * relative to the root) or absolute.
 */
/** A path a tool printed, relative to the repository root. */
function fromTool(path, cwd, root) {
    if ((0,external_node_path_.isAbsolute)(path))
        return (0,external_node_path_.relative)(root, path).split(external_node_path_.sep).join('/');
    return external_node_path_.posix.normalize(external_node_path_.posix.join(cwd, path.replace(/\\/g, '/')));
}
/**
 * `tflint --format json`: `{"issues": [...], "errors": [...]}`; versions before the issues/errors
 * split printed a bare list of `{"type","message","line","file","detector"}`.
 */
function parseTflintJson(stdout, dir) {
    const parsed = JSON.parse(stdout || '{}');
    const level = (severity = '') => {
        const s = severity.toLowerCase();
        return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice';
    };
    if (Array.isArray(parsed)) {
        return parsed.map((i) => ({
            tool: 'tflint',
            level: level(i.type),
            message: i.detector ? `${i.message ?? ''} (${i.detector})` : (i.message ?? ''),
            file: i.file ? external_node_path_.posix.join(dir, i.file) : undefined,
            line: i.line,
            title: `tflint ${i.detector ?? ''}`.trim(),
        }));
    }
    const { issues = [], errors = [] } = parsed;
    return [
        ...issues.map((i) => ({
            tool: 'tflint',
            level: level(i.rule?.severity),
            message: `${i.message ?? ''} (${i.rule?.name ?? 'tflint'})`,
            file: i.range?.filename ? external_node_path_.posix.join(dir, i.range.filename) : undefined,
            line: i.range?.start?.line,
            column: i.range?.start?.column,
            title: `tflint ${i.rule?.name ?? ''}`.trim(),
        })),
        ...errors.map((e) => ({
            tool: 'tflint',
            level: 'error',
            message: e.message ?? 'tflint failed',
            file: e.range?.filename ? external_node_path_.posix.join(dir, e.range.filename) : undefined,
            line: e.range?.start?.line,
            title: 'tflint',
        })),
    ];
}
/** `ansible-lint -p`, run in `cwd`: `roles/app/tasks/main.yml:5: rule-id: message` */
function parseAnsibleLint(stdout, cwd, root) {
    const findings = [];
    for (const line of cleanText(stdout).split('\n')) {
        const m = /^(.+?):(\d+)(?::\d+)?: ([\w[\]-]+): (.*)$/.exec(line.trim());
        if (m)
            findings.push({ tool: 'ansible-lint', level: 'error', message: `${m[4]} (${m[3]})`, file: fromTool(m[1], cwd, root), line: Number(m[2]), title: `ansible-lint ${m[3]}` });
    }
    return findings;
}
/**
 * `ansible-playbook --syntax-check` errors: `ERROR! ...` (its first paragraph) and, when known,
 * `The error appears to be in '/abs/x.yml': line 4`. `playbook` is repository-relative.
 */
function parseAnsibleSyntax(output, playbook, cwd, root) {
    const lines = cleanText(output).split('\n');
    const at = lines.findIndex((l) => l.startsWith('ERROR! '));
    if (at < 0)
        return [];
    const message = unwrap(lines, at, () => false).text.slice('ERROR! '.length);
    const where = /The error appears to be in '([^']+)': line (\d+)/.exec(lines.join('\n'));
    return [
        {
            tool: 'ansible-playbook',
            level: 'error',
            message,
            file: where ? fromTool(where[1], cwd, root) : playbook,
            line: where ? Number(where[2]) : undefined,
            title: 'ansible-playbook --syntax-check',
        },
    ];
}
/**
 * packer validate errors. JSON templates list them as `* ...` bullets that packer wraps at 80
 * columns (joined again here); HCL ones name their file and line (`on x.pkr.hcl line 3`), relative
 * to the folder packer ran in (`cwd`).
 */
function parsePackerValidate(output, template, cwd = '.', root = '') {
    const text = cleanText(output);
    const lines = text.split('\n');
    const findings = [];
    for (let i = 0; i < lines.length; i++) {
        const head = /^Error: (.+)$/.exec(lines[i]);
        const on = head ? /^\s*on (\S+) line (\d+)/.exec(lines[i + 2] ?? '') : null;
        if (!head || !on)
            continue;
        // after `on ...` come source lines, a blank line, then the detail paragraph
        let j = i + 3;
        while (j < lines.length && lines[j].trim())
            j++;
        const detail = j + 1 < lines.length && lines[j + 1].trim() && !lines[j + 1].startsWith('Error: ') ? unwrap(lines, j + 1, (l) => l.startsWith('Error: ')).text : '';
        findings.push({
            tool: 'packer',
            level: 'error',
            message: detail ? `${head[1].trim()}: ${detail}` : head[1].trim(),
            file: root ? fromTool(on[1], cwd, root) : template,
            line: Number(on[2]),
            title: 'packer validate',
        });
    }
    if (findings.length)
        return findings;
    const bullets = [];
    for (let i = 0; i < lines.length; i++) {
        if (!/^\s*\* /.test(lines[i]))
            continue;
        const item = unwrap(lines, i, (l) => /^\s*\* /.test(l));
        bullets.push(item.text.replace(/^\* /, ''));
        i = item.next - 1;
    }
    const errors = bullets.length ? bullets : [...text.matchAll(/^Error: (.+)$/gm)].map((m) => m[1].trim());
    for (const message of errors.length ? errors : [text.trim().split('\n').slice(-1)[0] || 'packer validate failed']) {
        findings.push({ tool: 'packer', level: 'error', message, file: template, title: 'packer validate' });
    }
    return findings;
}
/**
 * Why `ansible-galaxy role install -r` failed, per role. It prints (wrapped at 80 columns):
 *    [ERROR]: failed to download the file: <urlopen error [Errno 111] Connection
 *   refused>
 *   [WARNING]: - geerlingguy.docker was NOT installed successfully.
 * or the reason after "successfully:" when it asked a Galaxy server.
 */
function parseGalaxyFailures(output) {
    const lines = cleanText(output).split('\n');
    const starts = (l) => /^\s*\[(ERROR|WARNING)\]:|^ERROR!|^- |^Starting /.test(l);
    const failures = [];
    let lastError = '';
    for (let i = 0; i < lines.length; i++) {
        const tag = /^\s*\[(ERROR|WARNING)\]: (.*)$/.exec(lines[i]);
        if (!tag)
            continue;
        const block = unwrap(lines, i, starts);
        i = block.next - 1;
        const text = block.text.replace(/^\[(ERROR|WARNING)\]: /, '');
        const failed = /^- (\S+) was NOT installed successfully(?::\s*(.*?))?\.?$/.exec(text);
        if (failed)
            failures.push({ role: failed[1], reason: failed[2] || lastError || 'ansible-galaxy did not say why' });
        else if (tag[1] === 'ERROR')
            lastError = text;
    }
    return failures;
}
/** The 1-based line of a requirements file that names `role`, for the annotation. */
function lineOf(text, role) {
    const escaped = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[\\s:'"-])${escaped}(['"\\s,]|$)`);
    const index = text.split('\n').findIndex((line) => re.test(line));
    return index < 0 ? undefined : index + 1;
}

// EXTERNAL MODULE: ./lib/exec.ts
var exec = __webpack_require__(3361);
// EXTERNAL MODULE: ./lib/log.ts
var log = __webpack_require__(2844);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/providers.ts

/**
 * Terraform's provider plugin cache (TF_PLUGIN_CACHE_DIR), kept in the runner's tool cache so the
 * workflows can carry it across runs with actions/cache (saved only by default-branch runs).
 *
 * A cache is outside input, so it is used only where terraform itself checks what it takes from it:
 * - 1.4 and later take a cached provider only when it matches a checksum in the module's
 *   `.terraform.lock.hcl`, which is reviewed code; without a lock file (or a lock entry) they
 *   ignore the cache and download from the registry, verified against its signed checksums;
 * - 0.14 to 1.3 check a cached provider against the lock file when there is one, but without one
 *   they take whatever the cache holds and record its hash: no cache for such a module;
 * - before 0.14 there is no lock file at all, nothing to check a cached provider against: no cache.
 */
/** The folder under RUNNER_TOOL_CACHE; the reusable workflows cache `${{ runner.tool_cache }}/` + this. */
const PROVIDER_CACHE_FOLDER = 'shipkit-terraform-providers';
const atLeast = (v, major, minor) => v[0] > major || (v[0] === major && v[1] >= minor);
function providerCache(enabled, env, version) {
    const shown = version.join('.');
    if (!enabled)
        return { note: 'Terraform providers are not cached across runs (provider-cache: false).' };
    if (env.TF_PLUGIN_CACHE_DIR)
        return { note: 'TF_PLUGIN_CACHE_DIR is set in the environment: terraform uses that provider cache as it is.' };
    if (!atLeast(version, 0, 14)) {
        return { note: `Terraform providers are not cached across runs: terraform ${shown} has no dependency lock file (0.14 and later do), so nothing could check a cached provider before it runs.` };
    }
    if (!env.RUNNER_TOOL_CACHE)
        return { note: 'Terraform providers are not cached across runs: RUNNER_TOOL_CACHE is not set.' };
    const dir = (0,external_node_path_.join)(env.RUNNER_TOOL_CACHE, PROVIDER_CACHE_FOLDER);
    return {
        dir,
        note: atLeast(version, 1, 4)
            ? `Terraform providers are cached in ${dir}: terraform ${shown} takes a cached provider only when it matches the module's .terraform.lock.hcl, and downloads (verified) otherwise.`
            : `Terraform providers are cached in ${dir} for modules with a .terraform.lock.hcl, which terraform ${shown} checks every cached provider against; modules without one download theirs (verified).`,
    };
}
/** Whether one module's terraform gets the cache: always from 1.4, else only with a lock file. */
function moduleUsesCache(version, hasLockFile) {
    return atLeast(version, 1, 4) || (atLeast(version, 0, 14) && hasLockFile);
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/run.ts





/** How a target reads in rows and messages: a folder of HCL2 templates as `dir/*.pkr.hcl`. */
function packerWhere(target) {
    return target.folder ? `${target.template === '.' ? '' : `${target.template}/`}*.pkr.hcl` : target.template;
}
/** Rows the stage cannot run because a tool is missing (a local check run only): counted, never failed. */
function notRunRows(run, checks, where, detail) {
    for (const check of checks)
        run.report.rows.push({ check, where, result: 'not run', detail });
}
/** Shows a finished command and its output, grouped. Output is outside text: lib/log fences it. */
function show(title, result) {
    core/* startGroup */.Oh(`${title}${result.code ? ` (exit ${result.code})` : ''}`);
    (0,log/* info */.pq)(`$ ${result.shown}`);
    if (result.stdout.trim())
        (0,log/* info */.pq)(result.stdout.trimEnd());
    if (result.stderr.trim())
        (0,log/* info */.pq)(result.stderr.trimEnd());
    core/* endGroup */.N4();
}
/** Runs a tool in a repository folder and shows its result: the one way the stages run commands. */
async function run_exec(run, title, command, args, cwd, env = run.env) {
    const result = await (0,exec/* run */.eF)(command, args, { cwd: (0,external_node_path_.join)(run.root, cwd), env });
    show(title, result);
    return result;
}
/** A row for the summary, with its findings; a failed row marks its kind of check as failed. */
function record(run, row, kind, findings = []) {
    run.report.rows.push(row);
    run.report.findings.push(...findings);
    if (row.result === 'failed')
        run.report.failed.add(kind);
}
/** The row of a finished check: passed or failed, counting what the tool found. */
function checkRow(check, where, ok, found, fallback) {
    const errors = found.filter((f) => f.level === 'error').length;
    const warnings = found.length - errors;
    return {
        check,
        where,
        result: ok ? 'passed' : 'failed',
        detail: ok ? (warnings ? `${warnings} warning(s)` : '') : errors ? `${errors} error(s)` : fallback,
    };
}
/**
 * The terraform environment for one module folder: its own TF_DATA_DIR in the run's private folder,
 * and the provider cache where terraform can check what it takes from it (providers.ts).
 */
function terraformEnv(run, dir, purpose) {
    const env = { ...run.env, TF_DATA_DIR: (0,external_node_path_.join)(run.resources.dir, 'terraform', `${purpose}-${dir.replace(/[^\w.-]+/g, '_')}`) };
    const version = run.tools.terraform?.version;
    if (run.providerCache && version) {
        // whether the module had a lock file when the run began: one that init wrote for this run was not reviewed
        const found = run.resources.lockFiles?.find((f) => f.path === (0,external_node_path_.join)(run.root, dir, '.terraform.lock.hcl'));
        if (moduleUsesCache(version, Boolean(found && found.kind !== 'absent')))
            env.TF_PLUGIN_CACHE_DIR = run.providerCache;
    }
    return env;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/planhash.ts

/**
 * What a plan does, as the reviewed-plan gate compares it: every resource change that does
 * anything (moves and imports included), where the values it will get come from, and the output
 * changes. Pure. The plan file itself is not hashed: it records when it was made, so two plans of
 * the same change differ byte for byte.
 *
 * A value known only after apply is just `true` in `after_unknown`, whatever it will be computed
 * from; the configuration says from what (an instance wired to one subnet or another, a module
 * given one bucket or another, a resource of one provider configuration or another). So each
 * changed resource carries its configuration: its expressions and references, its count and
 * for_each, the calls of the modules it sits in, and its provider configuration with the root
 * variables that configuration reads. The configuration JSON has no locals and shows a module
 * output only as an expression, so the hash also takes terraform's own answer to "what do these
 * changes read" (`relevant_attributes`) and the value of every root variable (a condition on one
 * can pick the source). Values are compared as the plan JSON holds them: sensitive ones included,
 * as they already are in `before` and `after`; only the digest leaves the runner.
 */
/** Sorted keys, so equal content always serialises the same way. */
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value)
            .sort()
            .map((k) => [k, canonical(value[k])]));
    }
    return value;
}
function sha256Of(value) {
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}
function isNoop(actions) {
    return actions.length === 0 || (actions.length === 1 && actions[0] === 'no-op');
}
/** A change the apply carries out: any action, or a no-op that moves or imports the object. */
function doesSomething(change) {
    if (!isNoop(change.change.actions))
        return true;
    return Boolean(change.change.importing) || Boolean(change.previous_address && change.previous_address !== change.address);
}
/** `module.a["x"].module.b[0]` -> ['a', 'b']: the module calls, without instance keys. */
function moduleCalls(moduleAddress) {
    const calls = [];
    let rest = moduleAddress ?? '';
    while (rest) {
        const m = /^module\.([A-Za-z_][\w-]*)(?:\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?(?:\.|$)/.exec(rest);
        if (!m)
            return undefined; // a shape this parser does not know: hashed as "configuration unknown"
        calls.push(m[1]);
        rest = rest.slice(m[0].length);
    }
    return calls;
}
const pick = (from, keys) => from ? Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) : null;
const CALL_KEYS = ['source', 'expressions', 'count_expression', 'for_each_expression', 'depends_on', 'version_constraint'];
const RESOURCE_KEYS = ['provider_config_key', 'expressions', 'count_expression', 'for_each_expression', 'depends_on'];
/** `var.region` and the like, anywhere in an expressions object. */
function rootVariables(value, out) {
    if (Array.isArray(value)) {
        for (const v of value)
            rootVariables(v, out);
        return;
    }
    if (!value || typeof value !== 'object')
        return;
    for (const [key, v] of Object.entries(value)) {
        if (key === 'references' && Array.isArray(v)) {
            for (const ref of v) {
                const m = typeof ref === 'string' ? /^var\.([A-Za-z_][\w-]*)$/.exec(ref) : null;
                if (m)
                    out.add(m[1]);
            }
        }
        else {
            rootVariables(v, out);
        }
    }
}
/** The provider configuration a resource uses, and the values of the root variables it reads. */
function providerOf(plan, key) {
    const provider = key ? plan.configuration?.provider_config?.[key] : undefined;
    if (!provider)
        return key ?? null;
    const variables = new Set();
    if (!provider.module_address)
        rootVariables(provider.expressions, variables);
    const values = Object.fromEntries([...variables].sort().map((name) => [name, plan.variables?.[name]?.value ?? null]));
    return { key, ...pick(provider, ['name', 'full_name', 'alias', 'module_address', 'expressions']), variables: values };
}
/** The configuration behind one resource change: the module calls down to it, the resource block, its provider. */
function configurationOf(plan, change) {
    const path = moduleCalls(change.module_address);
    if (!path)
        return { unknown: change.module_address };
    let module = plan.configuration?.root_module;
    const calls = [];
    for (const name of path) {
        const call = module?.module_calls?.[name];
        calls.push({ name, ...pick(call, CALL_KEYS) });
        module = call?.module;
    }
    const resource = module?.resources?.find((r) => r.mode === change.mode && r.type === change.type && r.name === change.name);
    return { calls, resource: pick(resource, RESOURCE_KEYS), provider: providerOf(plan, resource?.provider_config_key) };
}
/** The content the plan hash is taken of. */
function planContent(plan) {
    const resources = (plan.resource_changes ?? [])
        .filter(doesSomething)
        .map((r) => ({
        address: r.address,
        previous_address: r.previous_address ?? null,
        deposed: r.deposed ?? null,
        actions: r.change.actions,
        before: r.change.before ?? null,
        after: r.change.after ?? null,
        after_unknown: r.change.after_unknown ?? null,
        importing: r.change.importing ?? null,
        configuration: configurationOf(plan, r),
    }))
        .sort((x, y) => byCodePoint(x.address, y.address) || byCodePoint(String(x.deposed), String(y.deposed)));
    const outputs = Object.entries(plan.output_changes ?? {})
        .filter(([, c]) => !isNoop(c.actions))
        .map(([name, c]) => ({
        name,
        actions: c.actions,
        after: c.after ?? null,
        after_unknown: c.after_unknown ?? null,
        expression: plan.configuration?.root_module?.outputs?.[name]?.expression ?? null,
    }));
    const reads = (plan.relevant_attributes ?? []).map((r) => JSON.stringify(canonical(r))).sort(byCodePoint);
    const variables = Object.fromEntries(Object.entries(plan.variables ?? {}).map(([name, v]) => [name, v?.value ?? null]));
    return { resources, outputs, reads, variables };
}
/** Not localeCompare: the order, and so the hash, must not depend on the runner's locale. */
function byCodePoint(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/planjson.ts
/**
 * A plan as reviewers read it, from `terraform show -json`: addresses, actions and the reasons
 * terraform gives, never an attribute value (values may be sensitive, and the text plan in the
 * collapsed section is where values are read). Pure: no I/O.
 */
const ACTION_ORDER = ['destroy', 'replace', 'forget', 'create', 'import', 'update', 'move', 'read'];
/** terraform's `action_reason` values (internal/command/jsonplan), as a reviewer would say them. */
const REASONS = {
    replace_because_tainted: 'tainted (marked for replacement)',
    replace_because_cannot_update: 'a change forces replacement',
    replace_by_request: 'replacement requested (-replace)',
    replace_by_triggers: 'replace_triggered_by',
    delete_because_no_resource_config: 'no longer in the configuration',
    delete_because_no_module: 'its module is no longer in the configuration',
    delete_because_wrong_repetition: 'count or for_each changed how it is repeated',
    delete_because_count_index: 'its count index is out of range',
    delete_because_each_key: 'its for_each key is gone',
    delete_because_no_move_target: 'moved to an address that is not in the configuration',
    read_because_config_unknown: 'its configuration is known only after apply',
    read_because_dependency_pending: 'a dependency has changes pending',
    read_because_check_nested: 'a check block reads it',
};
function parsePlan(showJson) {
    return JSON.parse(showJson);
}
function planjson_isNoop(actions) {
    return actions.length === 0 || (actions.length === 1 && actions[0] === 'no-op');
}
function actionOf(change) {
    const a = change.change.actions;
    if (a.includes('delete') && a.includes('create'))
        return 'replace';
    if (a.includes('delete'))
        return 'destroy';
    if (a.includes('forget'))
        return 'forget';
    if (a.includes('create'))
        return 'create';
    if (a.includes('update'))
        return 'update';
    if (a.includes('read'))
        return 'read';
    if (planjson_isNoop(a) && change.change.importing)
        return 'import';
    if (planjson_isNoop(a) && change.previous_address && change.previous_address !== change.address)
        return 'move';
    return undefined;
}
/** The first step of each replace path when it is an attribute name (a later step may be a map key, from the configuration). */
function forcedBy(paths) {
    const names = [...new Set((paths ?? []).map((p) => p[0]).filter((step) => typeof step === 'string'))];
    return names.length ? names.sort() : undefined;
}
function resourceEntry(change, action) {
    const entry = { address: change.address, action };
    const reason = change.action_reason ? REASONS[change.action_reason] : undefined;
    if (reason)
        entry.reason = reason;
    if (action === 'replace') {
        entry.forcedBy = forcedBy(change.change.replace_paths);
        if (change.change.actions[0] === 'create')
            entry.createFirst = true;
    }
    if (change.previous_address && change.previous_address !== change.address)
        entry.movedFrom = change.previous_address;
    if (change.deposed)
        entry.deposed = true;
    return entry;
}
const byOrder = (x, y) => ACTION_ORDER.indexOf(x.action) - ACTION_ORDER.indexOf(y.action) || x.address.localeCompare(y.address);
/** What the plan does, for the comment, the summary, the drift issue and the labels. */
function planView(plan) {
    const counts = { add: 0, change: 0, destroy: 0, replace: 0, import: 0, forget: 0, move: 0, read: 0 };
    const resources = [];
    for (const change of plan.resource_changes ?? []) {
        const a = change.change.actions;
        if (a.includes('create'))
            counts.add++;
        if (a.includes('delete'))
            counts.destroy++;
        if (a.includes('update'))
            counts.change++;
        if (change.change.importing)
            counts.import++;
        // as imports: a move is counted whatever else happens to the object
        if (change.previous_address && change.previous_address !== change.address)
            counts.move++;
        const action = actionOf(change);
        if (!action)
            continue;
        if (action === 'replace')
            counts.replace++;
        if (action === 'forget')
            counts.forget++;
        if (action === 'read')
            counts.read++;
        resources.push(resourceEntry(change, action));
    }
    resources.sort(byOrder);
    const drift = (plan.resource_drift ?? [])
        .filter((d) => !planjson_isNoop(d.change.actions))
        .map((d) => ({ address: d.address, action: d.change.actions.includes('delete') ? 'delete' : 'update' }))
        .sort((x, y) => x.address.localeCompare(y.address));
    const outputs = Object.entries(plan.output_changes ?? {})
        .filter(([, c]) => !planjson_isNoop(c.actions))
        .map(([name, c]) => ({
        name,
        action: c.actions.includes('create') && !c.actions.includes('delete') ? 'create' : c.actions.includes('delete') && !c.actions.includes('create') ? 'delete' : 'update',
        sensitive: c.before_sensitive === true || c.after_sensitive === true || plan.configuration?.root_module?.outputs?.[name]?.sensitive === true,
    }))
        .sort((x, y) => x.name.localeCompare(y.name));
    const changes = resources.length > 0 || outputs.length > 0;
    return { resources, drift, outputs, counts, changes, kind: counts.destroy > 0 ? 'destroy' : changes ? 'changes' : 'no-changes' };
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/terraform.ts




/** terraform argv and output parsing, pure. `dir` is the module folder relative to the repository root. */
/** `backendFiles` are paths: key=value pairs travel in a private file (backendConfigFile), never in argv. */
function initArgs(backend, backendFiles) {
    const args = ['init', '-input=false', '-no-color'];
    if (!backend)
        args.push('-backend=false');
    for (const file of backendFiles)
        args.push(`-backend-config=${file}`);
    return args;
}
/**
 * The text of a backend config file (`-backend-config=<file>`): one HCL attribute per pair, every
 * value a quoted string (terraform converts it to the attribute's type, as it does for a
 * `-backend-config=key=value` argument).
 */
function backendConfigFile(pairs) {
    return pairs.map(({ key, value }) => `${key} = ${hclString(value)}\n`).join('');
}
/** An HCL quoted string: escapes, and `${` / `%{` doubled so no template sequence is evaluated. */
function hclString(value) {
    const escaped = value
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t')
        .replace(/\$\{/g, () => '$${')
        .replace(/%\{/g, '%%{');
    return `"${escaped}"`;
}
/** `varFiles` are paths of private files (terraform-vars): the values never travel in argv. */
function planArgs(planFile, lockTimeout, varFiles = []) {
    return ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-lock-timeout=${lockTimeout}`, ...varFiles.map((f) => `-var-file=${f}`), `-out=${planFile}`];
}
/** `plan -refresh-only` arrived in terraform 0.15.4 (before it, refreshing meant writing the state). */
function hasRefreshOnly(version) {
    const [major, minor, patch] = version;
    return major > 0 || minor > 15 || (minor === 15 && patch >= 4);
}
/** A refresh-only plan: the state compared with the real infrastructure, nothing planned from the configuration. */
function refreshOnlyArgs(planFile, lockTimeout, varFiles = []) {
    return ['plan', '-refresh-only', '-input=false', '-no-color', '-detailed-exitcode', `-lock-timeout=${lockTimeout}`, ...varFiles.map((f) => `-var-file=${f}`), `-out=${planFile}`];
}
function applyArgs(planFile, lockTimeout) {
    return ['apply', '-input=false', '-no-color', `-lock-timeout=${lockTimeout}`, planFile];
}
/** `Terraform v0.12.12` -> [0, 12, 12] */
function parseTerraformVersion(output) {
    const m = /Terraform v(\d+)\.(\d+)\.(\d+)/.exec(output);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}
/** `validate -json` arrived with 0.12.0 but its diagnostics only settled in 0.13; 0.12 is read as text. */
function validateHasJson(version) {
    return version[0] > 0 || version[1] >= 13;
}
function parseValidateJson(stdout, dir) {
    const parsed = JSON.parse(stdout);
    return (parsed.diagnostics ?? []).map((d) => ({
        tool: 'terraform',
        level: d.severity === 'error' ? 'error' : 'warning',
        message: d.detail ? `${d.summary}: ${d.detail}` : d.summary,
        file: d.range ? external_node_path_.posix.join(dir, d.range.filename) : undefined,
        line: d.range?.start.line,
        column: d.range?.start.column,
        title: 'terraform validate',
    }));
}
/**
 * terraform's human diagnostics (0.12 validate, and every init, plan or apply error), framed with
 * `╷ │ ╵` from 0.15 and wrapped at 78 columns:
 *   Error: Unsupported argument
 *
 *     on main.tf line 3, in resource "x" "y":
 *      3:   bogus = true
 *
 *   An argument named "bogus" is not expected here.
 * `dir` is the module folder relative to the repository root; files are made relative to it too.
 */
function parseDiagnosticsText(text, dir, title) {
    const findings = [];
    const blocks = cleanText(text).split(/\n(?=\s*(?:Error|Warning): )/);
    for (const block of blocks) {
        const head = /^\s*(Error|Warning): (.+)$/m.exec(block);
        if (!head)
            continue;
        const where = /on (\S+) line (\d+)/.exec(block) ?? /\bat\s+([^\s:]+\.tf(?:\.json)?):(\d+)/.exec(block);
        const detail = block
            .slice((head.index ?? 0) + head[0].length)
            .split('\n')
            .filter((l) => l.trim() && !/^\s*(on \S+ line \d+|\d+:)/.test(l))
            .map((l) => l.replace(/[├│└─]+/g, ' ').trim())
            .filter(Boolean)
            .join(' ')
            .replace(/\s+/g, ' ');
        findings.push({
            tool: 'terraform',
            level: head[1] === 'Error' ? 'error' : 'warning',
            message: detail ? `${head[2].trim()}: ${detail}` : head[2].trim(),
            file: where ? external_node_path_.posix.join(dir, where[1]) : undefined,
            line: where ? Number(where[2]) : undefined,
            title,
        });
    }
    return findings;
}
/** `terraform fmt -check -list=true` prints one file a line that needs formatting (relative to `dir`, where it ran). */
function parseFmtCheck(stdout, dir) {
    return stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((file) => ({
        tool: 'terraform',
        level: 'error',
        message: `${external_node_path_.posix.join(dir, file)} is not formatted: run \`terraform fmt\` in ${external_node_path_.posix.dirname(external_node_path_.posix.join(dir, file))}`,
        file: external_node_path_.posix.join(dir, file),
        title: 'terraform fmt',
    }));
}
/** The lock holder from "Error acquiring the state lock ... Lock Info:" output, or undefined when not a lock error. */
function parseLockError(text) {
    if (!/Error acquiring the state lock/.test(text))
        return undefined;
    const field = (name) => new RegExp(`^\\s*${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() || undefined;
    return { id: field('ID'), who: field('Who'), operation: field('Operation'), created: field('Created'), path: field('Path') };
}
/**
 * What a drift check found, as a hash: the refresh-only plan's drifted objects and outputs, and
 * the normal plan's own hash. Equal when a later check finds the same drift.
 */
function driftSha256(refreshJson, plan) {
    const refresh = parsePlan(refreshJson);
    const drift = (refresh.resource_drift ?? []).map((r) => ({ address: r.address, actions: r.change.actions, before: r.change.before, after: r.change.after })).sort((x, y) => x.address.localeCompare(y.address));
    const outputs = Object.entries(refresh.output_changes ?? {})
        .filter(([, c]) => !(c.actions.length === 1 && c.actions[0] === 'no-op'))
        .map(([name, c]) => ({ name, actions: c.actions, after: c.after }));
    return sha256Of({ drift, outputs, plan: plan.sha256 });
}
/** Counts and the content hash of a plan, from `terraform show -json`. */
function summarisePlan(showJson) {
    const plan = typeof showJson === 'string' ? parsePlan(showJson) : showJson;
    const { counts, changes } = planView(plan);
    return { add: counts.add, change: counts.change, destroy: counts.destroy, import: counts.import, move: counts.move, changes, sha256: sha256Of(planContent(plan)) };
}

// EXTERNAL MODULE: ./lib/glob.ts
var glob = __webpack_require__(6966);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/workspace.ts



function lstat(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
const under = (dir, rel) => (dir === '.' ? rel : rel === '.' ? dir : `${dir}/${rel}`);
/**
 * What the seed's before_script did ("fake variables"): every `X.example` under `workdir` whose `X`
 * is missing is copied into place for the run. Worked out before anything is written; a link on
 * either side is skipped with a warning.
 */
function planExampleFiles(root, workdir) {
    const plan = { copies: [], skipped: [] };
    for (const dir of (0,glob/* findDirs */.I4)((0,external_node_path_.join)(root, workdir), () => true)) {
        const folder = under(workdir, dir);
        for (const name of (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(root, folder)).sort()) {
            if (!name.endsWith('.example') || name === '.example')
                continue;
            const source = under(folder, name);
            const target = source.slice(0, -'.example'.length);
            const from = lstat((0,external_node_path_.join)(root, source));
            if (from?.isSymbolicLink()) {
                plan.skipped.push(`Not copying ${source}: it is a symlink, and .example copies are made only from files in the repository.`);
                continue;
            }
            if (!from?.isFile())
                continue;
            const to = lstat((0,external_node_path_.join)(root, target));
            if (to?.isSymbolicLink()) {
                plan.skipped.push(`Not copying ${source} onto ${target}: ${target} is a symlink, and .example copies never write through one.`);
                continue;
            }
            if (!to)
                plan.copies.push({ source, target });
        }
    }
    return plan;
}
/**
 * Makes the planned copies. COPYFILE_EXCL creates the target with O_EXCL, which fails on anything
 * already there, a dangling symlink included: a link that appeared since the plan is not followed.
 * Returns the copies made.
 */
function placeExampleFiles(root, plan, onPlaced) {
    const placed = [];
    for (const { source, target } of plan.copies) {
        try {
            (0,external_node_fs_.copyFileSync)((0,external_node_path_.join)(root, source), (0,external_node_path_.join)(root, target), external_node_fs_.constants.COPYFILE_EXCL);
        }
        catch {
            continue;
        }
        placed.push(target);
        onPlaced(placed);
    }
    return placed;
}
/** Removes the copies made; a copy replaced by a link meanwhile goes as a link (rm never follows it). */
function removePlaced(root, placed) {
    for (const rel of placed)
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(root, rel), { force: true });
}
/** Root modules under `workdir`: folders holding `*.tf` that are not under a `modules/` folder. */
function terraformRoots(root, workdir) {
    return (0,glob/* findDirs */.I4)((0,external_node_path_.join)(root, workdir), (rel, entries) => entries.some((e) => e.endsWith('.tf')) && !rel.split('/').includes('modules')).map((rel) => under(workdir, rel));
}
/** `path` is `dir` or inside it (both repository-relative, forward slashes). */
function isUnder(path, dir) {
    return dir === '.' || path === dir || path.startsWith(`${dir}/`);
}
/**
 * Module folders (`*.tf` under a `modules/` folder) that no root module holds: `terraform fmt
 * -recursive` from the roots never reaches them (`infra/modules/x` beside `infra/stage`). The
 * top-most of each tree only, since fmt recurses from it.
 */
function terraformModuleDirs(root, workdir, roots) {
    const modules = (0,glob/* findDirs */.I4)((0,external_node_path_.join)(root, workdir), (rel, entries) => entries.some((e) => e.endsWith('.tf')) && rel.split('/').includes('modules')).map((rel) => under(workdir, rel));
    const outside = modules.filter((m) => !roots.some((r) => isUnder(m, r)));
    return outside.filter((m) => !outside.some((other) => other !== m && isUnder(m, other)));
}
/** True when the JSON file is a Packer template (has `builders`), not a var file beside one. */
function isPackerTemplate(root, file) {
    if (!file.endsWith('.json'))
        return true;
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), 'utf8'));
        return Boolean(parsed && typeof parsed === 'object' && 'builders' in parsed);
    }
    catch {
        return true; // not JSON: packer validate will say so
    }
}
/** Packer templates a repository-relative pattern matches. */
function packerTemplates(root, pattern) {
    return (0,glob/* globFiles */.CJ)(root, pattern).filter((file) => isPackerTemplate(root, file));
}
function snapshotLockFiles(root, dirs) {
    return dirs.map((dir) => {
        const path = (0,external_node_path_.join)(root, dir, '.terraform.lock.hcl');
        const stat = lstat(path);
        if (stat?.isSymbolicLink())
            return { path, kind: 'link', target: (0,external_node_fs_.readlinkSync)(path) };
        if (stat?.isFile())
            return { path, kind: 'file', content: (0,external_node_fs_.readFileSync)(path) };
        return { path, kind: 'absent' };
    });
}
/** Puts every lock file back as it was: removed first (never written through a link), then recreated. */
function restoreLockFiles(snapshot) {
    for (const entry of snapshot) {
        const now = lstat(entry.path);
        const same = (entry.kind === 'absent' && !now) ||
            (entry.kind === 'link' && now?.isSymbolicLink() && (0,external_node_fs_.readlinkSync)(entry.path) === entry.target) ||
            (entry.kind === 'file' && now?.isFile() && (0,external_node_fs_.readFileSync)(entry.path).equals(entry.content));
        if (same)
            continue;
        (0,external_node_fs_.rmSync)(entry.path, { force: true });
        if (entry.kind === 'file')
            (0,external_node_fs_.writeFileSync)(entry.path, entry.content, { flag: 'wx' });
        if (entry.kind === 'link')
            (0,external_node_fs_.symlinkSync)(entry.target, entry.path);
    }
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/check.ts












/** The check stage: validate and lint everything, touching no cloud state. */
async function check(run) {
    await checkPacker(run);
    for (const dir of run.terraformRoots)
        await checkTerraform(run, dir);
    for (const dir of run.terraformModules)
        await checkFormat(run, dir, terraformEnv(run, dir, 'check'));
    if (run.ansible)
        await checkAnsible(run);
    (0,annotate/* annotate */.f)(run.report.findings);
    const { failed, rows } = run.report;
    if (!failed.size)
        return;
    const reason = failed.has('requirements') ? 'requirements-failed' : failed.has('validate') ? 'validate-failed' : 'lint-failed';
    const what = reason === 'requirements-failed' ? 'Installing the Galaxy requirements' : reason === 'validate-failed' ? 'Validation' : 'Lint';
    const list = rows.filter((r) => r.result === 'failed').map((r) => `${r.check} in ${r.where}`);
    throw new StageFailure(reason, `${what} failed: ${list.join('; ')}. See the annotations and the log groups above.`);
}
async function checkPacker(run) {
    for (const target of run.packer) {
        const where = packerWhere(target);
        if (!run.tools.packer) {
            notRunRows(run, ['packer validate'], where, run.tools.unavailable.packer ?? 'packer is not on PATH');
            continue;
        }
        const result = await run_exec(run, `packer validate ${where} (in ${target.cwd})`, run.tools.packer, packerValidateArgs(target), target.cwd);
        const found = result.code ? parsePackerValidate(`${result.stdout}\n${result.stderr}`, target.template, target.cwd, run.root) : [];
        record(run, checkRow('packer validate', where, result.code === 0, found, 'failed'), 'validate', found);
    }
}
async function checkTerraform(run, dir) {
    const terraform = run.tools.terraform;
    if (!terraform) {
        notRunRows(run, ['terraform init', 'terraform validate', 'terraform fmt'], dir, run.tools.unavailable.terraform ?? 'terraform is not on PATH');
        notRunRows(run, ['tflint'], dir, run.tools.unavailable.tflint ?? 'it runs after terraform init, which did not run');
        return;
    }
    const env = terraformEnv(run, dir, 'check');
    const init = await run_exec(run, `terraform init -backend=false (${dir})`, terraform.path, initArgs(false, []), dir, env);
    if (init.code) {
        const found = parseDiagnosticsText(init.stderr || init.stdout, dir, 'terraform init');
        record(run, checkRow('terraform init', dir, false, found, 'init failed'), 'validate', found);
        for (const check of ['terraform validate', 'terraform fmt', 'tflint'])
            run.report.rows.push({ check, where: dir, result: 'not run', detail: 'init failed' });
        return;
    }
    const json = validateHasJson(terraform.version);
    const validate = await run_exec(run, `terraform validate (${dir})`, terraform.path, json ? ['validate', '-json', '-no-color'] : ['validate', '-no-color'], dir, env);
    let found;
    try {
        found = json ? parseValidateJson(validate.stdout, dir) : parseDiagnosticsText(validate.stderr || validate.stdout, dir, 'terraform validate');
    }
    catch {
        found = parseDiagnosticsText(validate.stderr || validate.stdout, dir, 'terraform validate');
    }
    record(run, checkRow('terraform validate', dir, validate.code === 0, found, 'invalid'), 'validate', found);
    await checkFormat(run, dir, env);
    if (!run.tools.tflint) {
        // A local run says why it could not run; on a runner tflint is optional.
        const unavailable = run.tools.unavailable.tflint;
        if (unavailable)
            notRunRows(run, ['tflint'], dir, unavailable);
        else
            run.report.rows.push({ check: 'tflint', where: dir, result: 'skipped', detail: 'tflint is not on PATH (setup-tools installs it)' });
        return;
    }
    const tflint = await run_exec(run, `tflint (${dir})`, run.tools.tflint, ['--format', 'json'], dir, env);
    let issues;
    try {
        issues = parseTflintJson(tflint.stdout, dir);
    }
    catch {
        issues = [{ tool: 'tflint', level: 'error', message: lastLines(tflint.stderr || tflint.stdout, 1) || 'tflint failed', title: 'tflint' }];
    }
    const failing = issues.some((f) => f.level === 'error' || f.level === 'warning') || (tflint.code !== 0 && tflint.code !== 2);
    record(run, checkRow('tflint', dir, !failing, issues, 'failed'), 'lint', issues);
}
/**
 * `terraform fmt -check -recursive` from a root or module folder, so the modules below it are
 * checked too. A file is reported once, in the row of the deepest checked folder that holds it: a
 * root inside another (`terraform/stage` in `terraform`) has its own row.
 */
async function checkFormat(run, dir, env) {
    if (!run.tools.terraform) {
        notRunRows(run, ['terraform fmt'], dir, run.tools.unavailable.terraform ?? 'terraform is not on PATH');
        return;
    }
    const fmt = await run_exec(run, `terraform fmt -check -recursive (${dir})`, run.tools.terraform.path, ['fmt', '-check', '-recursive', '-list=true', '-no-color'], dir, env);
    const checked = [...run.terraformRoots, ...run.terraformModules];
    const owner = (file) => checked.filter((d) => isUnder(file, d)).sort((a, b) => b.length - a.length)[0];
    const unformatted = parseFmtCheck(fmt.stdout, dir).filter((f) => owner(f.file) === dir);
    // exit 3: files to format (perhaps only in a deeper folder's row); anything else non-zero: terraform could not read a file
    const ok = fmt.code === 0 || (fmt.code === 3 && !unformatted.length);
    const found = ok || unformatted.length ? unformatted : parseDiagnosticsText(fmt.stderr || fmt.stdout, dir, 'terraform fmt');
    record(run, checkRow('terraform fmt', dir, ok, found, 'not formatted'), 'lint', found);
}
/** Galaxy requirements first (the playbooks need them), then the syntax check and ansible-lint. */
async function checkAnsible(run) {
    const plan = run.ansible;
    if (!plan.groups.length) {
        run.report.rows.push({ check: 'ansible', where: plan.patterns.join(', '), result: 'skipped', detail: 'no playbook matches' });
        return;
    }
    for (const group of plan.groups)
        run.report.ansible.push(describeGroup(group));
    const { unavailable } = run.tools;
    const galaxyMissing = Boolean(unavailable['ansible-galaxy'] && plan.requirements.length);
    if (galaxyMissing)
        for (const req of plan.requirements)
            notRunRows(run, ['ansible-galaxy install'], req.file, unavailable['ansible-galaxy']);
    if (galaxyMissing || !(await installRequirements(run))) {
        const where = plan.patterns.join(', ');
        const why = galaxyMissing ? 'the Galaxy requirements could not be installed (ansible-galaxy is missing)' : 'ansible-galaxy install failed';
        for (const check of ['ansible-playbook --syntax-check', 'ansible-lint'])
            run.report.rows.push({ check, where, result: 'not run', detail: why });
        return;
    }
    for (const group of plan.groups)
        await checkGroup(run, group);
}
/**
 * The syntax check of each playbook of a group, then ansible-lint over them, from the group's
 * folder. A playbook that could not be read for want of the vault password (its own row says so)
 * is left out of ansible-lint, which would only fail on it again with an "internal-error".
 */
async function checkGroup(run, group) {
    const { unavailable } = run.tools;
    const env = ansibleEnv(run, group);
    // without an inventory input, the config's own; without either, the implicit localhost
    const inventory = run.inventory ?? (group.config?.inventory ? undefined : 'localhost,');
    const locked = [];
    for (const playbook of group.playbooks) {
        if (!run.tools.ansiblePlaybook) {
            notRunRows(run, ['ansible-playbook --syntax-check'], playbook, unavailable['ansible-playbook'] ?? 'ansible-playbook is not on PATH');
            continue;
        }
        const args = syntaxCheckArgs({ cwd: group.cwd, playbook, inventory, vaultFile: run.resources.vaultFile });
        const syntax = await run_exec(run, `ansible-playbook --syntax-check ${playbook}`, run.tools.ansiblePlaybook, args, group.cwd, env);
        const output = `${syntax.stdout}\n${syntax.stderr}`;
        if (syntax.code && lockedVault(run, output)) {
            locked.push(playbook);
            const found = vaultFindings(run, playbook, output);
            record(run, { ...checkRow('ansible-playbook --syntax-check', playbook, false, found, ''), detail: 'needs the vault password' }, 'validate', found);
            continue;
        }
        const found = syntax.code ? parseAnsibleSyntax(output, playbook, group.cwd, run.root) : [];
        record(run, checkRow('ansible-playbook --syntax-check', playbook, syntax.code === 0, found, 'syntax error'), 'validate', found);
    }
    const playbooks = group.playbooks.filter((p) => !locked.includes(p));
    if (locked.length)
        run.report.rows.push({ check: 'ansible-lint', where: locked.join(', '), result: 'not run', detail: 'needs the vault password' });
    if (!playbooks.length)
        return;
    if (!run.tools.ansibleLint) {
        notRunRows(run, ['ansible-lint'], playbooks.join(', '), unavailable['ansible-lint'] ?? 'ansible-lint is not on PATH');
        return;
    }
    const lint = await run_exec(run, `ansible-lint (${group.cwd})`, run.tools.ansibleLint, ansibleLintArgs(group.cwd, playbooks, run.ansible.lintConfig), group.cwd, env);
    const found = parseAnsibleLint(lint.stdout, group.cwd, run.root);
    record(run, checkRow('ansible-lint', playbooks.join(', '), lint.code === 0, found, lint.code ? lastLines(lint.stderr, 1) || 'failed' : ''), 'lint', found);
}
/** A markdown line for the summary: where ansible ran and with which config. */
function describeGroup(group) {
    if (!group.config)
        return `ansible ran in ${(0,lib_summary/* code */.aY)(group.cwd)} without an ansible.cfg (none above the playbooks): ansible's defaults.`;
    const why = group.config.source === 'input' ? 'the ansible-config input' : 'the nearest above the playbooks';
    return `ansible ran in ${(0,lib_summary/* code */.aY)(group.cwd)} with ${(0,lib_summary/* code */.aY)(group.config.file)} (${why}).`;
}
/**
 * ansible's environment for a group: its config named explicitly (ansible skips an ansible.cfg in a
 * world-writable folder), the Galaxy installs put in front of the config's own roles and
 * collections paths (so `roles_path = ./roles_imported:./roles` keeps working), and the vault
 * password file also for ansible-lint, which takes no option for it.
 */
function ansibleEnv(run, group) {
    const env = { ...run.env };
    if (group.config)
        env.ANSIBLE_CONFIG = (0,external_node_path_.join)(run.root, group.config.file);
    const listed = (value) => value?.split(':').filter(Boolean);
    if (run.resources.galaxyRoles) {
        const own = listed(run.env.ANSIBLE_ROLES_PATH) ?? group.config?.rolesPath ?? defaultRolesPath(run.env);
        env.ANSIBLE_ROLES_PATH = [run.resources.galaxyRoles, ...own].join(':');
    }
    if (run.resources.galaxyCollections) {
        const own = listed(run.env.ANSIBLE_COLLECTIONS_PATH) ?? group.config?.collectionsPath ?? defaultCollectionsPath(run.env);
        env.ANSIBLE_COLLECTIONS_PATH = [run.resources.galaxyCollections, ...own].join(':');
    }
    if (run.resources.vaultFile)
        env.ANSIBLE_VAULT_PASSWORD_FILE = run.resources.vaultFile;
    else if (run.resources.vaultPlaceholder && group.config?.vaultPasswordFile && !(0,external_node_fs_.existsSync)(group.config.vaultPasswordFile))
        env.ANSIBLE_VAULT_PASSWORD_FILE = run.resources.vaultPlaceholder;
    return env;
}
/** ansible failed on vaulted data while no password was given (wrong password, or none at all). */
function lockedVault(run, output) {
    return !run.inputs['ansible-vault-password'] && /Decryption failed|no vault secrets/.test(output);
}
/**
 * The finding for a playbook that failed on vaulted data while no password was given: it names the
 * empty input (a pull request from a fork gets no secrets), where ansible says "Decryption failed".
 */
function vaultFindings(run, playbook, output) {
    const file = /(?:Decryption failed|no vault secrets)[^\n]*? on (\S+)/.exec(output)?.[1];
    const what = file ? ` (${fromTool(file, '.', run.root)})` : '';
    return [
        {
            tool: 'ansible-playbook',
            level: 'error',
            message: `${playbook} reads vaulted data${what}, and input "ansible-vault-password" is empty, so it cannot be checked: pass the vault password as a secret (pull requests from forks get no secrets).`,
            file: playbook,
            title: 'ansible-playbook --syntax-check',
        },
    ];
}
/** `ansible-galaxy install -r` of every requirements file into the run's private folder. */
async function installRequirements(run) {
    const plan = run.ansible;
    let ok = true;
    for (const req of plan.requirements) {
        // ansible-galaxy reads the config that governs the requirements file (its Galaxy servers)
        const config = nearestConfig(run.root, req.file);
        const cwd = config ? external_node_path_.posix.dirname(config) : run.workdir;
        const env = config ? { ...run.env, ANSIBLE_CONFIG: (0,external_node_path_.join)(run.root, config) } : run.env;
        const file = (0,external_node_path_.join)(run.root, req.file);
        const found = [];
        const notInstalled = [];
        const kinds = [
            { kind: 'role', names: req.roles, into: run.resources.galaxyRoles },
            { kind: 'collection', names: req.collections, into: run.resources.galaxyCollections },
        ];
        for (const { kind, names, into } of kinds) {
            if (!names.length)
                continue;
            const result = await run_exec(run, `ansible-galaxy ${kind} install -r ${req.file}`, run.tools.ansibleGalaxy, galaxyInstallArgs(kind, file, into), cwd, env);
            if (!result.code)
                continue;
            const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
            const failures = parseGalaxyFailures(`${result.stdout}\n${result.stderr}`);
            for (const f of failures.length ? failures : [{ role: names.join(', '), reason: lastLines(result.stderr || result.stdout, 1) }]) {
                notInstalled.push(f.role);
                found.push({ tool: 'ansible-galaxy', level: 'error', message: `ansible-galaxy could not install ${f.role} (${req.file}): ${f.reason}`, file: req.file, line: lineOf(text, f.role), title: 'ansible-galaxy install' });
            }
        }
        const failed = notInstalled.length > 0;
        const detail = failed ? `could not install ${notInstalled.join(', ')}` : [...req.roles, ...req.collections].join(', ');
        record(run, { check: 'ansible-galaxy install', where: req.file, result: failed ? 'failed' : 'passed', detail }, 'requirements', found);
        ok &&= !failed;
    }
    return ok;
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/deploy.ts








/**
 * The deploy stage, after a successful apply: the seed's reddit-app.yml playbook, or the service
 * images on a Docker host with compose. Every input was checked by prepare(), before the apply.
 */
async function deploy(run) {
    const plan = run.deploy;
    if (!plan)
        return;
    if (plan.kind === 'ansible') {
        const { group } = plan;
        const inventory = run.inventory;
        const args = playbookArgs({ cwd: group.cwd, playbook: plan.playbook, inventory, vaultFile: run.resources.vaultFile });
        const result = await run_exec(run, `ansible-playbook ${plan.playbook}`, run.tools.ansiblePlaybook, args, group.cwd, ansibleEnv(run, group));
        if (result.code) {
            const vault = lockedVault(run, `${result.stdout}\n${result.stderr}`) ? '\nIt reads vaulted data, and input "ansible-vault-password" is empty: pass the vault password as a secret.' : '';
            throw new StageFailure('deploy-failed', `ansible-playbook ${plan.playbook} failed (exit ${result.code}):\n${lastLines(result.stdout || result.stderr)}${vault}`);
        }
        run.report.notes.push(`Deployed with ansible-playbook ${plan.playbook}.`);
        return;
    }
    const hostEnv = await dockerHostEnv(run);
    const env = { ...run.env, ...hostEnv, ...Object.fromEntries(plan.env) };
    const compose = plan.compose;
    const base = [...compose.slice(1), '--file', plan.file];
    const up = await run_exec(run, `compose up (${plan.file})`, compose[0], [...base, 'up', '--detach', '--remove-orphans'], '.', env);
    if (up.code)
        throw new StageFailure('deploy-failed', `compose up failed (exit ${up.code}):\n${lastLines(up.stderr || up.stdout)}`);
    const timeout = run.inputs['deploy-timeout'];
    const deadline = Date.now() + timeout * 1000;
    let states;
    for (;;) {
        states = await serviceStates(run, compose, base, env);
        if (states.length && states.every((s) => s.ready))
            break;
        if (Date.now() > deadline) {
            const bad = states.filter((s) => !s.ready).map((s) => `${s.service} (${s.status}${s.health ? `, ${s.health}` : ''})`);
            throw new StageFailure('deploy-failed', `Not every service was up within deploy-timeout (${timeout} s): ${bad.join(', ') || 'no container started'}. The other services are left running as they are.`);
        }
        await (0,promises_.setTimeout)(1000);
    }
    const healthy = states.some((s) => s.health) ? ' and healthy' : '';
    run.report.notes.push(`Deployed ${states.map((s) => s.service).join(', ')} to ${hostEnv.DOCKER_HOST ?? plan.host} with ${external_node_path_.posix.basename(plan.file)}: all running${healthy}.`);
}
async function serviceStates(run, compose, base, env) {
    const ids = await (0,exec/* run */.eF)(compose[0], [...base, 'ps', '--quiet'], { cwd: run.root, env });
    const list = ids.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!list.length)
        return [];
    const format = '{{index .Config.Labels "com.docker.compose.service"}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}';
    const inspect = await (0,exec/* run */.eF)('docker', ['inspect', '--format', format, ...list], { env });
    return inspect.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => {
        const [service = '?', status = '?', health = ''] = line.split('|');
        return { service, status, health: health || undefined, ready: status === 'running' && (!health || health === 'healthy') };
    });
}
/** DOCKER_HOST for the deploy: a URL as given, or what `docker-machine env` says (creating the machine when asked). */
async function dockerHostEnv(run) {
    const plan = run.deploy;
    if (plan.kind !== 'compose' || !plan.machine)
        return { DOCKER_HOST: plan.kind === 'compose' ? plan.host : '' };
    const machine = run.tools.dockerMachine;
    const host = plan.host;
    let result = await run_exec(run, `docker-machine env ${host}`, machine, ['env', '--shell', 'bash', host], '.');
    if (result.code && /does not exist/i.test(result.stderr + result.stdout) && plan.createArgs.length) {
        const create = await run_exec(run, `docker-machine create ${host}`, machine, ['create', ...plan.createArgs, host], '.');
        if (create.code)
            throw new StageFailure('deploy-failed', `docker-machine create ${host} failed (exit ${create.code}):\n${lastLines(create.stderr || create.stdout)}`);
        result = await run_exec(run, `docker-machine env ${host}`, machine, ['env', '--shell', 'bash', host], '.');
    }
    if (result.code)
        throw new StageFailure('deploy-failed', `docker-machine env ${host} failed: ${lastLines(result.stderr || result.stdout, 3)}`);
    const vars = {};
    for (const m of result.stdout.matchAll(/^export (\w+)="([^"]*)"$/gm))
        vars[m[1]] = m[2];
    if (!vars.DOCKER_HOST)
        throw new StageFailure('deploy-failed', `docker-machine env ${host} gave no DOCKER_HOST.`);
    return vars;
}
/** Whitespace-separated arguments with '...' and "..." quoting; no shell ever sees them. */
function splitArgs(text) {
    const args = [];
    for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
        args.push(m[1] ?? m[2] ?? m[3]);
    return args;
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/render.ts

/**
 * Markdown of a plan for the pull request comment, the step summary and the drift issue: the
 * counts, then every resource by action with destroys and replacements first, then the outputs.
 * Addresses and names come from the repository (for_each keys, module names): code spans only.
 * No attribute value is ever written here.
 */
const TITLES = {
    destroy: '⚠️ Destroy',
    replace: '⚠️ Replace',
    forget: 'Forget (removed from the state, not destroyed)',
    create: 'Create',
    import: 'Import',
    update: 'Update in place',
    move: 'Move (new address, no change)',
    read: 'Read during apply (data sources)',
};
/** `1 to import, 1 to add, 0 to change, 0 to destroy, 1 to move` as terraform counts, with imports, forgets and moves when there are any. */
function countsText(counts) {
    const some = (n, what) => (n ? `${n} ${what}` : '');
    return [some(counts.import, 'to import'), some(counts.forget, 'to forget'), `${counts.add} to add`, `${counts.change} to change`, `${counts.destroy} to destroy`, some(counts.move, 'to move')].filter(Boolean).join(', ');
}
/** `**1 to add, 0 to change, 0 to destroy.**` */
function headline(counts) {
    return `**${countsText(counts)}.**`;
}
/** A caution a reviewer cannot scroll past, when anything is destroyed. */
function destroyWarning(view) {
    const destroyed = view.resources.filter((r) => r.action === 'destroy').length;
    const replaced = view.counts.replace;
    if (!destroyed && !replaced)
        return undefined;
    const parts = [destroyed ? `${destroyed} destroyed` : '', replaced ? `${replaced} replaced (destroyed and created again)` : ''].filter(Boolean);
    return `> [!CAUTION]\n> This plan destroys ${plural(destroyed + replaced, 'resource')}: ${parts.join(', ')}. They are listed first.`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function resourceLine(r) {
    const notes = [];
    if (r.reason)
        notes.push(r.reason);
    if (r.forcedBy?.length)
        notes.push(`forced by ${r.forcedBy.map(lib_summary/* code */.aY).join(', ')}`);
    if (r.action === 'replace')
        notes.push(r.createFirst ? 'the new one is created before the old one is destroyed' : 'destroyed, then created');
    if (r.movedFrom)
        notes.push(`moved from ${(0,lib_summary/* code */.aY)(r.movedFrom)}`);
    if (r.deposed)
        notes.push('a deposed object');
    return `- ${(0,lib_summary/* code */.aY)(r.address)}${notes.length ? `: ${notes.join('; ')}` : ''}`;
}
function outputLine(o) {
    const verb = o.action === 'create' ? 'added' : o.action === 'delete' ? 'removed' : 'changes';
    return `- ${(0,lib_summary/* code */.aY)(o.name)} ${verb}${o.sensitive ? ' (sensitive: the value is not shown)' : ''}`;
}
/**
 * The resources grouped by action, within `budget` characters: lines are added in review order
 * (destroys first), and what does not fit is counted per action instead of listed.
 */
function resourceGroups(resources, budget = Number.POSITIVE_INFINITY) {
    const parts = [];
    let used = 0;
    const left = new Map();
    for (const action of new Set(resources.map((r) => r.action))) {
        const group = resources.filter((r) => r.action === action);
        const title = `**${TITLES[action]}** (${group.length})`;
        const lines = [];
        for (const r of group) {
            const line = resourceLine(r);
            if (used + title.length + line.length + 2 > budget) {
                left.set(action, group.length - lines.length);
                break;
            }
            lines.push(line);
            used += line.length + 1;
        }
        if (lines.length) {
            parts.push(title, ...lines, '');
            used += title.length + 2;
        }
    }
    if (left.size) {
        const counted = [...left].map(([action, n]) => `${n} more to ${action === 'update' ? 'update in place' : action}`).join(', ');
        parts.push(`_Not listed here for length: ${counted}. The plan in the job log has every one._`, '');
    }
    return parts.join('\n').trimEnd();
}
function outputGroup(outputs) {
    return outputs.length ? [`**Outputs** (${outputs.length})`, ...outputs.map(outputLine)].join('\n') : '';
}
/** The whole plan: headline (unless the caller writes its own), caution, resources by action, outputs. */
function planMarkdown(view, budget, withHeadline = true) {
    if (!view.changes)
        return 'No changes. The infrastructure matches the configuration.';
    return [withHeadline ? headline(view.counts) : '', destroyWarning(view), resourceGroups(view.resources, budget), outputGroup(view.outputs)].filter(Boolean).join('\n\n');
}
function driftLine(d) {
    return `- ${(0,lib_summary/* code */.aY)(d.address)}: ${d.action === 'delete' ? 'deleted outside Terraform' : 'changed outside Terraform'}`;
}
/** A refresh-only plan: the objects that changed outside Terraform, and the outputs a refresh would change. */
function refreshMarkdown(view) {
    if (!view.drift.length && !view.outputs.length)
        return 'Nothing: every object in the state matches the real infrastructure.';
    const parts = [];
    parts.push(view.drift.length
        ? [`**Objects changed outside Terraform** (${view.drift.length})`, ...view.drift.map(driftLine)].join('\n')
        : 'No object in the state changed outside Terraform.');
    if (view.outputs.length)
        parts.push([`**Outputs a refresh would change** (${view.outputs.length})`, ...view.outputs.map(outputLine)].join('\n'));
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/comments.ts


/**
 * The plan comment on a pull request: one per environment and folder, found again by a hidden
 * marker and updated in place. The reviewed plan's hash travels in it to the apply, and its kind
 * (destroy, changes, no-changes) to the `plan:*` labels.
 */
const COMMENT_LIMIT = 65_536;
/** `dir` as it can stand inside an HTML comment: nothing in it can end the comment early. */
function safeDir(dir) {
    return dir.replace(/[<>%]/g, (c) => encodeURIComponent(c)).replace(/--/g, '-%2D');
}
const MARKER_PREFIX = '<!-- shipkit:plan environment=';
function marker(environment, dir) {
    return `${MARKER_PREFIX}${environment} dir=${safeDir(dir)} -->`;
}
function hashLine(sha256) {
    return `<!-- shipkit:plan-sha256 ${sha256} -->`;
}
/**
 * The lines the kit reads back, each at its place: the marker is the comment's first line, the
 * hash line the second, the kind line the third. Anything further down is the plan as rendered,
 * which holds text from the pull request (resource arguments, for_each keys): a marker or hash
 * quoted there is not the comment's own.
 */
function headLines(body) {
    return body.split(/\r?\n/, 3);
}
/** The comment's own marker (its first line), when it is a plan comment. */
function planMarker(body) {
    const first = headLines(body)[0] ?? '';
    return first.startsWith(MARKER_PREFIX) && first.endsWith(' -->') ? first : undefined;
}
function findPlanHash(body) {
    if (!planMarker(body))
        return undefined;
    return /^<!-- shipkit:plan-sha256 ([0-9a-f]{64}) -->$/.exec(headLines(body)[1] ?? '')?.[1];
}
function kindLine(kind) {
    return `<!-- shipkit:plan-kind ${kind} -->`;
}
function findPlanKind(body) {
    if (!planMarker(body))
        return undefined;
    return /^<!-- shipkit:plan-kind (destroy|changes|no-changes) -->$/.exec(headLines(body)[2] ?? '')?.[1];
}
/**
 * Text in a collapsed section, cut to `room` characters with a pointer to the log when it is
 * longer. The cut is made before the code block is built, so the fence always closes.
 */
function collapsed(summary, text, room, runUrl) {
    let shown = text.replace(/^\n+/, '').trimEnd();
    let note = '';
    if (shown.length > room) {
        shown = shown.slice(0, Math.max(0, room));
        note = `\n\n_The ${summary.toLowerCase()} is ${text.length.toLocaleString('en')} characters; this shows the first ${Math.max(0, room).toLocaleString('en')}. The full text is in the job log${runUrl ? `: ${runUrl}` : ''}._`;
    }
    return `<details><summary>${summary}</summary>\n\n${(0,lib_summary/* codeBlock */.DV)(shown)}\n\n</details>${note}`;
}
/** The comment body: counts, resources by action (destroys first), and the text plan under GitHub's size limit. */
function planComment(input, limit = COMMENT_LIMIT) {
    const planned = input.commit ? ` at ${(0,lib_summary/* code */.aY)(input.commit.slice(0, 7))}` : '';
    const head = [
        marker(input.environment, input.dir),
        hashLine(input.sha256),
        kindLine(input.view.kind),
        `### Terraform plan for ${(0,lib_summary/* code */.aY)(input.environment)} (${(0,lib_summary/* code */.aY)(input.dir)})${planned}`,
        '',
        planMarkdown(input.view, Math.floor(limit / 2)),
        '',
        `Plan \`sha256:${input.sha256.slice(0, 16)}\`: the apply after merge re-plans and refuses if the plan differs from this one.`,
        '',
    ].join('\n');
    const room = limit - head.length - 600;
    return `${head}\n${collapsed('Plan', input.planText, room, input.runUrl)}`;
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/drift-issue.ts



/**
 * The drift issue: one per environment and folder, opened when a scheduled check finds drift,
 * updated while it remains, closed with a comment when the environment is back in sync. It is
 * found again by a hidden marker, and only issues written by the token's own identity count.
 */
const DRIFT_LABEL = { name: 'drift', color: 'd93f0b', description: 'The real infrastructure no longer matches its Terraform configuration (shipkit deploy-stage)' };
function driftMarker(environment, dir) {
    return `<!-- shipkit:drift environment=${environment} dir=${safeDir(dir)} -->`;
}
function drift_issue_hashLine(hash) {
    return `<!-- shipkit:drift-sha256 ${hash} -->`;
}
function findDriftHash(body) {
    return /<!-- shipkit:drift-sha256 ([0-9a-f]{64}) -->/.exec(body)?.[1];
}
function issueTitle(environment) {
    return `Terraform drift in ${environment}`;
}
function checked(input) {
    const where = [input.branch ? `on ${(0,lib_summary/* code */.aY)(input.branch)}` : '', input.commit ? `at ${(0,lib_summary/* code */.aY)(input.commit.slice(0, 7))}` : ''].filter(Boolean).join(' ');
    return `${input.checkedAt}${where ? ` ${where}` : ''}${input.runUrl ? ` by [this run](${input.runUrl})` : ''}`;
}
/**
 * What to do about it. Which plan shows the difference says where it came from: objects in the
 * refresh-only plan changed outside Terraform; outputs it would change come from a data source that
 * reads something new (another team's state, an image) or from an output the configuration changed;
 * a difference only the normal plan shows is between the configuration and the state.
 */
function advice(refresh, plan) {
    if (!refresh)
        return 'The configuration and the real infrastructure differ (without a refresh-only plan there is no telling whether something changed outside Terraform). Applying the configuration resolves it: section 2 is what that apply would do.';
    const apply = plan.changes ? ' Applying the configuration resolves it: section 2 is what that apply would do.' : ' `terraform apply -refresh-only` records it in the state.';
    if (refresh.drift.length && plan.changes) {
        return 'Something changed outside Terraform (section 1). To keep it, change the configuration to match and apply; to undo it, apply the configuration as it is: section 2 is what that apply would do.';
    }
    if (refresh.drift.length)
        return `Something changed outside Terraform (section 1), and the configuration already agrees with it.${apply}`;
    if (refresh.outputs.length) {
        return `No object changed outside Terraform, but outputs would change (section 1): a data source reads something new (another state, an image, a lookup), or the configuration changed an output.${apply}`;
    }
    return 'Nothing changed outside Terraform, so the configuration and the state differ: a merged change that was not applied, or the state edited by hand (`terraform state rm`, `import`, `mv`). Applying the configuration resolves it: section 2 is what that apply would do.';
}
/** The issue body: both plans rendered from their JSON, what to do, and both text plans collapsed. */
function driftBody(input, limit = COMMENT_LIMIT) {
    const branch = input.branch ? `on ${(0,lib_summary/* code */.aY)(input.branch)}` : '';
    const head = [
        driftMarker(input.environment, input.dir),
        drift_issue_hashLine(input.hash),
        `### Terraform drift in ${(0,lib_summary/* code */.aY)(input.environment)} (${(0,lib_summary/* code */.aY)(input.dir)})`,
        '',
        `The real infrastructure of ${(0,lib_summary/* code */.aY)(input.environment)} no longer matches what Terraform expects. Checked ${checked(input)}. A scheduled check updates this issue while the drift remains and closes it when ${(0,lib_summary/* code */.aY)(input.environment)} is back in sync.`,
        '',
        '#### 1. Changed outside Terraform',
        '',
        '_`terraform plan -refresh-only`: the state compared with the real infrastructure._',
        '',
        input.refresh
            ? refreshMarkdown(input.refresh.view)
            : `Not checked: terraform ${input.terraformVersion} has no refresh-only plan (0.15.4 and later do). A change made outside Terraform shows in section 2, as a change an apply would undo.`,
        '',
        '#### 2. What an apply would change',
        '',
        `_\`terraform plan\`: the configuration${branch ? ` ${branch}` : ''} compared with the real infrastructure._`,
        '',
        planMarkdown(input.plan.view, Math.floor(limit / 4)),
        '',
        advice(input.refresh?.view, input.plan.view),
        '',
    ].join('\n');
    const room = Math.max(0, limit - head.length - 1_200);
    const refreshRoom = input.refresh ? Math.min(input.refresh.text.trimEnd().length, Math.floor(room / 2)) : 0;
    return [
        head,
        ...(input.refresh ? [collapsed('Refresh-only plan', input.refresh.text, refreshRoom, input.runUrl), ''] : []),
        collapsed('Plan', input.plan.text, room - refreshRoom, input.runUrl),
    ].join('\n');
}
/** Said on the issue when a later check finds different drift (an edited body notifies nobody). */
function driftChangedComment(input) {
    return `The drift in ${(0,lib_summary/* code */.aY)(input.environment)} changed: checked ${checked(input)}. The description shows both plans as they are now.`;
}
function backInSyncComment(input) {
    return `Back in sync: ${(0,lib_summary/* code */.aY)(input.environment)} (${(0,lib_summary/* code */.aY)(input.dir)}) matches its configuration again, and nothing changed outside Terraform. Checked ${checked(input)}. Closing.`;
}

// EXTERNAL MODULE: ./lib/github.ts
var github = __webpack_require__(2183);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/github.ts



function repoFromEnv(env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        throw new errors/* UsageError */.eb('GITHUB_REPOSITORY is not set: the plan comment and the reviewed-plan look-up need the repository (the runner sets it).');
    return { owner, repo };
}
async function client(token) {
    if (!token) {
        throw new errors/* UsageError */.eb('Input "github-token" is empty: the plan comment and the reviewed-plan look-up need it (the default `${{ github.token }}` works with `permissions: pull-requests: write`).');
    }
    return (0,github/* octokit */.A8)(token);
}
/**
 * The token's own login, asked once per run. A personal access token answers `GET /user`; an
 * installation token (the workflow's GITHUB_TOKEN, a GitHub App's) gets 403 "Resource not
 * accessible by integration" there, and GraphQL's `viewer` names its bot (`github-actions[bot]`,
 * or `<app-slug>[bot]`), the author GitHub shows on the comments it writes.
 */
async function tokenIdentity(octokit) {
    let restError;
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        if (data.login)
            return { login: data.login, via: 'GET /user' };
    }
    catch (error) {
        restError = error;
    }
    try {
        const data = await octokit.graphql('query { viewer { login } }');
        if (data.viewer?.login)
            return { login: data.viewer.login, via: 'GraphQL viewer' };
    }
    catch {
        // reported below with the REST answer, which says more
    }
    const status = restError?.status;
    throw new errors/* ToolError */.v4(`Could not find out whose token github-token is (GET /user answered ${status ?? 'nothing'}, GraphQL viewer answered nothing): plan comments are trusted only when written by the token's own identity, so there is no way to tell them apart. Check that the token is valid.`);
}
/**
 * The plan comments of a pull request (a plan comment's first line is its marker: `matches` says
 * which markers count), split by author: the token's own, and the foreign ones.
 */
async function planComments(octokit, repo, pr, matches, identity) {
    const comments = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 }));
    const marked = comments.filter((c) => {
        const found = planMarker(c.body ?? '');
        return found !== undefined && matches(found);
    });
    return {
        own: marked.filter((c) => c.user?.login === identity.login),
        foreign: marked.filter((c) => c.user?.login !== identity.login).map((c) => ({ id: c.id, author: c.user?.login ?? '(unknown)' })),
    };
}
function restLogin(actor) {
    if (!actor?.login)
        return undefined;
    return actor.__typename === 'Bot' && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login;
}
// The edit history from both ends: the newest edit is at one of them, whichever order GitHub lists it in.
const WRITERS_QUERY = `query($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on IssueComment {
      databaseId
      author { __typename login }
      editor { __typename login }
      lastEditedAt
      head: userContentEdits(first: 20) { nodes { editedAt editor { __typename login } } }
      tail: userContentEdits(last: 20) { nodes { editedAt editor { __typename login } } }
    }
  }
}`;
/**
 * Who last wrote each comment's body (REST's `user` is only who created it): its author when it
 * was never edited, else its last editor. Anyone with write access can edit any comment, the bot's
 * included, and the kit's lines are hidden in the rendered comment; GraphQL keeps the editor
 * (`editor`, `lastEditedAt`, and the history in `userContentEdits`). A comment whose last writer
 * cannot be told is reported as written by nobody.
 */
async function lastWriters(octokit, comments) {
    const writers = new Map(comments.map((c) => [c.id, undefined]));
    const ids = comments.map((c) => c.node_id).filter((id) => Boolean(id));
    for (let i = 0; i < ids.length; i += 100) {
        let data;
        try {
            data = await octokit.graphql(WRITERS_QUERY, { ids: ids.slice(i, i + 100) });
        }
        catch (error) {
            throw new errors/* ToolError */.v4(`Could not ask GitHub (GraphQL) who last edited the plan comments: ${error instanceof Error ? error.message : String(error)}. A plan comment is trusted only when the token's identity wrote it last.`);
        }
        for (const node of data.nodes ?? []) {
            if (node?.databaseId !== undefined && writers.has(node.databaseId))
                writers.set(node.databaseId, lastWriter(node));
        }
    }
    return writers;
}
function lastWriter(node) {
    if (!node.lastEditedAt)
        return restLogin(node.author);
    const edits = [...(node.head?.nodes ?? []), ...(node.tail?.nodes ?? [])].filter((e) => Boolean(e?.editedAt));
    const newest = edits.sort((a, b) => Date.parse(b.editedAt) - Date.parse(a.editedAt))[0];
    const editor = restLogin(node.editor);
    // `editor` is who made the last edit; the history must agree when it has any
    if (!editor || (newest && restLogin(newest.editor) !== editor))
        return undefined;
    return editor;
}
/**
 * The plan comment for this environment and folder, written: the token's own (the newest) is
 * updated in place, the whole body, so the token is its last writer again whoever edited it
 * meanwhile; else a new one is added, unless `create` is false. Foreign ones are never touched.
 */
async function upsertPlanComment(octokit, repo, pr, identity, environment, dir, body, create = true) {
    const wanted = marker(environment, dir);
    const { own, foreign } = await planComments(octokit, repo, pr, (m) => m === wanted, identity);
    const existing = own[own.length - 1];
    if (existing) {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
        return { written: { id: existing.id, updated: true }, foreign };
    }
    if (!create)
        return { foreign };
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body });
    return { written: { id: created.data.id, updated: false }, foreign };
}
/**
 * The kinds recorded in the token's own plan comments on a pull request, every environment and
 * folder; a comment someone else edited last does not count (its kind line could say anything).
 */
async function planKinds(octokit, repo, pr, identity) {
    const { own } = await planComments(octokit, repo, pr, () => true, identity);
    const writers = own.length ? await lastWriters(octokit, own) : new Map();
    const trusted = own.filter((c) => writers.get(c.id) === identity.login);
    return {
        kinds: trusted.map((c) => findPlanKind(c.body ?? '')).filter((k) => Boolean(k)),
        edited: own.filter((c) => writers.get(c.id) !== identity.login).map((c) => ({ id: c.id, author: writers.get(c.id) ?? '(unknown)' })),
    };
}
/** Creates a repository label when it is missing; a concurrent job creating it first is fine. */
async function ensureLabel(octokit, repo, label) {
    try {
        await octokit.rest.issues.getLabel({ ...repo, name: label.name });
        return;
    }
    catch (error) {
        if (statusOf(error) !== 404)
            throw error;
    }
    try {
        await octokit.rest.issues.createLabel({ ...repo, ...label });
    }
    catch (error) {
        if (statusOf(error) !== 422)
            throw error; // already_exists: another job made it
    }
}
/**
 * Gives an issue or pull request exactly `wanted` out of the labels of `family`: the others of the
 * family are removed, every other label is left alone.
 */
async function replaceLabels(octokit, repo, issue, family, wanted) {
    const current = (await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, { ...repo, issue_number: issue, per_page: 100 }));
    const names = current.map((l) => l.name);
    const removed = names.filter((n) => family.includes(n) && !wanted.includes(n));
    for (const name of removed) {
        try {
            await octokit.rest.issues.removeLabel({ ...repo, issue_number: issue, name });
        }
        catch (error) {
            if (statusOf(error) !== 404)
                throw error; // removed meanwhile
        }
    }
    const added = wanted.filter((n) => !names.includes(n));
    if (added.length)
        await octokit.rest.issues.addLabels({ ...repo, issue_number: issue, labels: added });
    return { added, removed };
}
function statusOf(error) {
    return error?.status;
}
/**
 * Open issues labelled `label` that carry `tag`: the token's own (oldest first), and the foreign
 * ones, which are never edited or closed (anyone who can open an issue could forge the marker).
 */
async function markedIssues(octokit, repo, label, tag, identity) {
    const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: 'open', labels: label, per_page: 100 }));
    const marked = issues.filter((i) => !i.pull_request && i.body?.includes(tag)).sort((a, b) => a.number - b.number);
    return {
        own: marked.filter((i) => i.user?.login === identity.login).map((i) => ({ number: i.number, body: i.body ?? '' })),
        foreign: marked.filter((i) => i.user?.login !== identity.login).map((i) => ({ id: i.number, author: i.user?.login ?? '(unknown)' })),
    };
}
async function openIssue(octokit, repo, title, body, labels) {
    const { data } = await octokit.rest.issues.create({ ...repo, title, body, labels });
    return { number: data.number, body };
}
async function updateIssue(octokit, repo, issue, body) {
    await octokit.rest.issues.update({ ...repo, issue_number: issue, body });
}
async function commentOnIssue(octokit, repo, issue, body) {
    await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body });
}
async function closeIssue(octokit, repo, issue) {
    await octokit.rest.issues.update({ ...repo, issue_number: issue, state: 'closed', state_reason: 'completed' });
}
/** Of the merged pull requests of `sha`, the one that brought it to `branch`: the one it is the merge commit of, else the last merged. */
function pullOf(pulls, sha, branch) {
    const merged = pulls.filter((p) => p.merged_at);
    const into = branch ? merged.filter((p) => p.base?.ref === branch) : merged.filter((p) => p.merge_commit_sha === sha);
    const elsewhere = merged.filter((p) => !into.includes(p)).map((p) => ({ number: p.number, base: p.base?.ref ?? '?' }));
    const latest = [...into].sort((a, b) => Date.parse(b.merged_at) - Date.parse(a.merged_at))[0];
    return { pr: into.find((p) => p.merge_commit_sha === sha) ?? latest, elsewhere };
}
/**
 * The plan hash reviewed on the pull request that brought `sha` to `branch` (the branch being
 * applied: a pull request merged into another branch was reviewed for that one), from the newest
 * plan comment for this environment and folder that the token's identity wrote, and wrote last.
 * Without `branch` (a run on a tag), only the pull request whose merge commit `sha` is counts.
 */
async function reviewedPlanHash(octokit, repo, sha, identity, environment, dir, branch) {
    const pulls = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
    const { pr, elsewhere } = pullOf(pulls.data, sha, branch);
    if (!pr)
        return { foreign: [], elsewhere };
    const headRepo = pr.head?.repo?.full_name;
    const fork = headRepo && headRepo.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase() ? headRepo : undefined;
    const wanted = marker(environment, dir);
    const { own, foreign } = await planComments(octokit, repo, pr.number, (m) => m === wanted, identity);
    const newest = own[own.length - 1];
    const found = { pr: pr.number, foreign, fork, elsewhere };
    if (!newest)
        return found;
    const writer = (await lastWriters(octokit, [newest])).get(newest.id);
    if (writer !== identity.login)
        return { ...found, editedBy: writer ?? '(someone GitHub does not name)' };
    return { ...found, hash: findPlanHash(newest.body ?? '') };
}

// EXTERNAL MODULE: ./actions/deploy-stage/src/state.ts
var state = __webpack_require__(8515);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/resources.ts








/**
 * What a run sets up and takes down again. Secrets live only in the run's private folder under
 * RUNNER_TEMP (0700, files 0600); its path is saved for the post step, which removes it when main
 * was killed before its own clean-up. The working tree ends exactly as it was found.
 */
function setUp(run) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(run.temp, 'shipkit-deploy-'));
    (0,external_node_fs_.chmodSync)(dir, 0o700);
    run.resources.dir = dir;
    core/* saveState */.LZ(state/* STATE_PRIVATE */.K, dir);
    for (const sub of ['secrets', 'terraform', 'plan'])
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(dir, sub), { mode: 0o700 });
    if (run.inputs['ansible-vault-password']) {
        run.resources.vaultFile = (0,external_node_path_.join)(dir, 'secrets', 'vault-password');
        (0,external_node_fs_.writeFileSync)(run.resources.vaultFile, `${run.inputs['ansible-vault-password']}\n`, { mode: 0o600, flag: 'wx' });
    }
    else {
        placeholderVault(run, dir);
    }
    const requirements = run.ansible?.requirements ?? [];
    if (requirements.some((r) => r.roles.length))
        run.resources.galaxyRoles = mkdirIn(dir, 'galaxy/roles');
    if (requirements.some((r) => r.collections.length))
        run.resources.galaxyCollections = mkdirIn(dir, 'galaxy/collections');
    if (run.inputs['terraform-vars'] && run.envDir) {
        // terraform takes a .tfvars.json by its name
        const json = run.inputs['terraform-vars'].trimStart().startsWith('{');
        run.resources.varFile = (0,external_node_path_.join)(dir, 'secrets', json ? 'terraform-vars.tfvars.json' : 'terraform-vars.tfvars');
        (0,external_node_fs_.writeFileSync)(run.resources.varFile, `${run.inputs['terraform-vars'].replace(/\r\n/g, '\n').trimEnd()}\n`, { mode: 0o600, flag: 'wx' });
    }
    const roots = [...new Set([...run.terraformRoots, ...(run.envDir ? [run.envDir] : [])])];
    run.resources.lockFiles = snapshotLockFiles(run.root, roots);
    if (run.tools.terraform && roots.length) {
        const cache = providerCache(run.inputs['provider-cache'], run.env, run.tools.terraform.version);
        if (cache.dir) {
            (0,external_node_fs_.mkdirSync)(cache.dir, { recursive: true }); // terraform refuses a cache folder that does not exist
            run.providerCache = cache.dir;
        }
        (0,log/* info */.pq)(cache.note);
    }
    core/* saveState */.LZ(state/* STATE_PLACED */.e, '[]');
}
/**
 * The `.example` copies (the seed's "fake variables"), for the checks only: made before them,
 * removed after them. They hold placeholders, and a copied terraform.tfvars would outrank the
 * TF_VAR_* values the workflow passes, so a plan, an apply or a drift check never sees one.
 */
async function withExampleCopies(run, checks) {
    for (const warning of run.examples.skipped)
        core/* warning */.$e(warning);
    const absolute = (placed) => JSON.stringify(placed.map((p) => (0,external_node_path_.join)(run.root, p)));
    run.resources.placed = placeExampleFiles(run.root, run.examples, (placed) => core/* saveState */.LZ(state/* STATE_PLACED */.e, absolute(placed)));
    if (run.resources.placed.length)
        (0,log/* info */.pq)(`Copied into place for the checks (removed after them): ${run.resources.placed.join(', ')}`);
    try {
        await checks();
    }
    finally {
        removePlaced(run.root, run.resources.placed);
        run.resources.placed = [];
        core/* saveState */.LZ(state/* STATE_PLACED */.e, '[]');
    }
}
/** Variables files terraform reads by name from the folder it runs in. */
const AUTO_VARS = /^(terraform\.tfvars(\.json)?|.+\.auto\.tfvars(\.json)?)$/;
/**
 * For plan, apply and drift: the placeholders of the environment's folder that the run leaves out,
 * said once (a plan that needs them fails on a variable without a value, which is the point).
 */
function skippedExamples(run) {
    const dir = run.envDir;
    if (!dir)
        return undefined;
    const left = run.examples.copies.filter((c) => external_node_path_.posix.dirname(c.target) === dir && AUTO_VARS.test(external_node_path_.posix.basename(c.target))).map((c) => c.source);
    if (!left.length)
        return undefined;
    return `Not used for the ${run.inputs.command}: ${left.join(', ')} (.example files hold placeholders, copied only for the checks). The environment's variables come from terraform-vars, TF_VAR_* and the repository's own .tfvars files.`;
}
/**
 * What the seed's CI did with its fake vault key: when a config names a vault_password_file the
 * checkout does not have (git-ignored) and no password was given (pull requests from forks get no
 * secrets), a random password stands in, so the playbooks that read no vaulted data are checked;
 * one that does fails to decrypt, and the check says the input is empty.
 */
function placeholderVault(run, dir) {
    if (run.env.ANSIBLE_VAULT_PASSWORD_FILE)
        return; // the step's own setting wins, as it does for ansible
    const configs = [...(run.ansible?.groups ?? []), ...(run.deploy?.kind === 'ansible' ? [run.deploy.group] : [])].map((g) => g.config);
    const missing = [...new Set(configs.filter((c) => c?.vaultPasswordFile && !(0,external_node_fs_.existsSync)(c.vaultPasswordFile)).map((c) => c.file))];
    if (!missing.length)
        return;
    run.resources.vaultPlaceholder = (0,external_node_path_.join)(dir, 'secrets', 'vault-placeholder');
    (0,external_node_fs_.writeFileSync)(run.resources.vaultPlaceholder, `shipkit-placeholder-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    const note = `${missing.join(', ')} name${missing.length === 1 ? 's' : ''} a vault_password_file that is not in the checkout, and "ansible-vault-password" is empty: a placeholder password stands in, so playbooks that read no vaulted data are checked, and those that do fail naming the input.`;
    (0,log/* info */.pq)(note);
    run.report.notes.push(note);
}
function mkdirIn(dir, sub) {
    const path = (0,external_node_path_.join)(dir, sub);
    (0,external_node_fs_.mkdirSync)(path, { recursive: true, mode: 0o700 });
    return path;
}
/** Puts the tree back and removes the private folder; with keep-plan, the plan is moved out first. */
function cleanUp(run) {
    removePlaced(run.root, run.resources.placed);
    if (run.resources.lockFiles)
        restoreLockFiles(run.resources.lockFiles);
    const { dir, planFile } = run.resources;
    if (!dir)
        return;
    if (run.inputs['keep-plan'] && planFile && (0,external_node_fs_.existsSync)(planFile)) {
        const kept = (0,external_node_path_.join)(run.temp, `shipkit-${run.inputs.environment}.tfplan`);
        (0,external_node_fs_.rmSync)(kept, { force: true });
        (0,external_node_fs_.chmodSync)(planFile, 0o600);
        (0,external_node_fs_.renameSync)(planFile, kept);
        core/* setOutput */.uH('plan-path', kept);
        (0,log/* info */.pq)(`Kept the saved plan at ${kept} (keep-plan): it holds the backend configuration and every value of terraform-vars in clear, so treat it as a secret.`);
    }
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/sensitive.ts
/**
 * Values a plan marks sensitive, and text with them taken out. terraform's own text plan is not
 * enough: 1.11.4 prints `output = "<old secret>" -> (known after apply)` for a `terraform_data`
 * whose `input` is sensitive, since the provider-computed `output` carries no mark in the state.
 * The JSON says which values are sensitive (`before_sensitive`/`after_sensitive`,
 * `sensitive_values`, sensitive outputs and variables): every such value is removed from the text
 * plan before it reaches a comment, a summary, an issue or the log, and masked in the log.
 */
const REDACTED = '(sensitive value)';
/** Shorter values are replaced only where they are a whole quoted string: a bare `ab` could be anywhere. */
const MIN_BARE = 4;
/** Every string (and number) under a sensitivity mark: `true` marks the whole value, an object or array marks its members. */
function underMark(value, mark, out) {
    if (mark === true) {
        leaves(value, out);
        return;
    }
    if (!mark || typeof mark !== 'object' || value === null || typeof value !== 'object')
        return;
    if (Array.isArray(mark)) {
        if (Array.isArray(value))
            mark.forEach((m, i) => underMark(value[i], m, out));
        return;
    }
    for (const [key, m] of Object.entries(mark))
        underMark(value[key], m, out);
}
function leaves(value, out) {
    if (typeof value === 'string') {
        if (value)
            out.add(value);
    }
    else if (typeof value === 'number') {
        out.add(String(value));
    }
    else if (Array.isArray(value)) {
        for (const v of value)
            leaves(v, out);
    }
    else if (value && typeof value === 'object') {
        for (const v of Object.values(value))
            leaves(v, out);
    }
}
function stateModule(module, out) {
    for (const resource of module?.resources ?? [])
        underMark(resource.values, resource.sensitive_values, out);
    for (const child of module?.child_modules ?? [])
        stateModule(child, out);
}
function stateValues(values, out) {
    for (const output of Object.values(values?.outputs ?? {}))
        if (output.sensitive)
            leaves(output.value, out);
    stateModule(values?.root_module, out);
}
function configModule(module, out, root, variables) {
    for (const [name, variable] of Object.entries(module?.variables ?? {})) {
        if (!variable.sensitive)
            continue;
        leaves(variable.default, out);
        if (root)
            leaves(variables?.[name]?.value, out);
    }
    for (const call of Object.values(module?.module_calls ?? {}))
        configModule(call.module, out, false, variables);
}
/** Every value the plan marks sensitive, longest first (so a value inside another is replaced after it). */
function sensitiveValues(plan) {
    const out = new Set();
    for (const change of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
        underMark(change.change.before, change.change.before_sensitive, out);
        underMark(change.change.after, change.change.after_sensitive, out);
    }
    for (const change of Object.values(plan.output_changes ?? {})) {
        underMark(change.before, change.before_sensitive, out);
        underMark(change.after, change.after_sensitive, out);
    }
    stateValues(plan.prior_state?.values, out);
    stateValues(plan.planned_values, out);
    configModule(plan.configuration?.root_module, out, true, plan.variables);
    return [...out].sort((a, b) => b.length - a.length || a.localeCompare(b));
}
/** The forms a string takes in terraform's text plan: quoted with its escapes, and each line of a heredoc. */
function sensitive_forms(value) {
    const escaped = JSON.stringify(value).slice(1, -1);
    const bare = [value, escaped, ...value.split(/\r?\n/).map((line) => line.trim())].filter((f) => f.length >= MIN_BARE);
    return { quoted: `"${escaped}"`, bare: [...new Set(bare)].sort((a, b) => b.length - a.length) };
}
/** The text with every sensitive value replaced by `(sensitive value)`, as terraform writes it. */
function redact(text, values) {
    // A placeholder first, so a shorter value cannot match inside a replacement already made.
    const hole = '\u0000';
    let out = text.replaceAll(hole, '');
    for (const value of values) {
        const { quoted, bare } = sensitive_forms(value);
        out = out.split(quoted).join(hole);
        for (const form of bare)
            out = out.split(form).join(hole);
    }
    return out.replaceAll(hole, REDACTED);
}
/** What to mask in the log: values long enough that masking them does not blank out ordinary words. */
function maskable(values) {
    return [...new Set(values.flatMap((v) => sensitive_forms(v).bare))];
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/plan.ts














/**
 * The plan stage: `terraform init` with the backend (its key=value pairs in private 0600 files,
 * never in argv), `terraform plan -out`, and the plan's counts and hash as outputs.
 */
async function plan(run) {
    const dir = run.envDir;
    announceVariables(run);
    await initBackend(run);
    const planFile = (0,external_node_path_.join)(run.resources.dir, 'plan', `${run.inputs.environment}.tfplan`);
    run.resources.planFile = planFile;
    const saved = await savedPlan(run, 'terraform plan', planArgs(planFile, run.inputs['lock-timeout'], varFiles(run)), planFile);
    const summary = saved.summary;
    run.report.plan = { ...summary, dir, text: saved.text, view: saved.view };
    (0,log/* info */.pq)(`Plan for ${dir}: ${countsText(saved.view.counts)} (sha256 ${summary.sha256})`);
    setPlanOutputs(summary);
}
function setPlanOutputs(summary) {
    core/* setOutput */.uH('plan-sha256', summary.sha256);
    core/* setOutput */.uH('changes', String(summary.changes));
    core/* setOutput */.uH('to-add', String(summary.add));
    core/* setOutput */.uH('to-change', String(summary.change));
    core/* setOutput */.uH('to-destroy', String(summary.destroy));
    core/* setOutput */.uH('to-import', String(summary.import));
    core/* setOutput */.uH('to-move', String(summary.move));
}
/** terraform-vars as `-var-file`, and a word on the placeholders the plan leaves out. */
function varFiles(run) {
    return run.resources.varFile ? [run.resources.varFile] : [];
}
/** Said once per run, before the first plan: which placeholders it does not use. */
function announceVariables(run) {
    const skipped = skippedExamples(run);
    if (!skipped)
        return;
    (0,log/* info */.pq)(skipped);
    run.report.notes.push(skipped);
}
/** `terraform init` in the environment's folder, with the backend. */
async function initBackend(run) {
    const init = await terraform(run, 'terraform init', initArgs(true, backendFiles(run)));
    if (init.code)
        failOn(run, init, 'plan-failed', 'init');
}
/**
 * Runs a plan into `planFile`, then reads its JSON before any of its output is shown: every value
 * the JSON marks sensitive is masked in the log and taken out of the text (terraform's own text
 * misses some, see sensitive.ts), and only then is the plan's output printed.
 */
async function savedPlan(run, title, args, planFile) {
    const shownTitle = `${title} (${run.envDir})`;
    const planned = await terraform(run, title, args, false);
    if (planned.code !== 0 && planned.code !== 2) {
        show(shownTitle, planned);
        failOn(run, planned, 'plan-failed', 'plan');
    }
    const json = await terraform(run, 'terraform show -json', ['show', '-json', '-no-color', planFile], false);
    if (json.code) {
        show(shownTitle, planned);
        failOn(run, json, 'plan-failed', 'show');
    }
    const parsed = parsePlan(json.stdout);
    const secrets = sensitiveValues(parsed);
    for (const value of maskable(secrets))
        core/* setSecret */.Pq(value);
    show(shownTitle, { ...planned, stdout: redact(planned.stdout, secrets), stderr: redact(planned.stderr, secrets) });
    const text = await terraform(run, 'terraform show', ['show', '-no-color', planFile], false);
    if (text.code)
        failOn(run, text, 'plan-failed', 'show');
    return { summary: summarisePlan(parsed), view: planView(parsed), text: redact(text.stdout, secrets), exitCode: planned.code, json: json.stdout };
}
/** The apply stage: the saved plan, which review() has compared with the reviewed one. */
async function apply(run) {
    if (!run.report.plan.view.changes) {
        run.report.notes.push(`Nothing to apply in ${run.report.plan.dir}: the plan has no changes.`);
        return;
    }
    const result = await terraform(run, 'terraform apply', applyArgs(run.resources.planFile, run.inputs['lock-timeout']));
    if (result.code)
        failOn(run, result, 'apply-failed', 'apply');
    const p = run.report.plan;
    const more = [p.import ? `${p.import} imported` : '', p.move ? `${p.move} moved` : ''].filter(Boolean).map((x) => `, ${x}`).join('');
    run.report.notes.push(`Applied ${p.dir}: ${p.add} added, ${p.change} changed, ${p.destroy} destroyed${more}.`);
}
/**
 * The backend config files for init, in the order given: each run of key=value lines becomes one
 * private file (0600, in the run's 0700 folder), so later lines still override earlier ones.
 */
function backendFiles(run) {
    const files = [];
    let pairs = [];
    const flush = () => {
        if (!pairs.length)
            return;
        const file = (0,external_node_path_.join)(run.resources.dir, 'secrets', `backend-${files.length + 1}.tfbackend`);
        (0,external_node_fs_.writeFileSync)(file, backendConfigFile(pairs), { mode: 0o600, flag: 'wx' });
        files.push(file);
        pairs = [];
    };
    for (const entry of run.inputs['backend-config']) {
        if (entry.kind === 'pair') {
            pairs.push(entry);
            continue;
        }
        flush();
        files.push(entry.path);
    }
    flush();
    return files;
}
async function terraform(run, title, args, shown = true) {
    const dir = run.envDir;
    const env = terraformEnv(run, dir, 'env');
    if (shown)
        return run_exec(run, `${title} (${dir})`, run.tools.terraform.path, args, dir, env);
    // shown later, or never: a plan's output once its sensitive values are known, `show -json` not at all
    return (0,exec/* run */.eF)(run.tools.terraform.path, args, { cwd: (0,external_node_path_.join)(run.root, dir), env });
}
function failOn(run, result, reason, what) {
    const dir = run.envDir;
    const text = `${result.stderr}\n${result.stdout}`;
    const lock = parseLockError(text);
    if (lock) {
        run.report.lock = lock;
        const operation = lock.operation ? ` (${lock.operation}${lock.created ? `, since ${lock.created}` : ''})` : '';
        throw new StageFailure('state-locked', `The state of ${dir} is locked${lock.who ? ` by ${lock.who}` : ''}${operation}${lock.id ? `, lock ID ${lock.id}` : ''}. Wait for that run, or release a stale lock with \`terraform force-unlock ${lock.id ?? '<ID>'}\`.`);
    }
    (0,annotate/* annotate */.f)(parseDiagnosticsText(text, dir, `terraform ${what}`));
    const unset = /No value for required variable/.test(text)
        ? '\nA variable has no value: give the environment\'s values with terraform-vars (a secret, passed as a private -var-file) or TF_VAR_<name> in the step\'s env. .example placeholders are used only by the checks.'
        : '';
    throw new StageFailure(reason, `terraform ${what} failed in ${dir}:\n${lastLines(result.stderr || result.stdout)}${unset}`);
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/review.ts




/**
 * The review stage. On a pull request's plan: the plan comment that reviewers read (one per
 * environment and folder, updated in place; none for a plan without changes unless asked), and the
 * `plan:*` label. On apply: the plan must be the reviewed one, the hash from plan-sha256 or from the
 * plan comment of the merged pull request; only comments written by the token's own identity
 * count, since anyone who can comment could post a marker.
 */
async function review(run) {
    const { inputs, git } = run;
    if (inputs.command === 'plan') {
        if (run.repo && git?.prNumber)
            await publishPlan(run, git.prNumber);
        return;
    }
    if (inputs['auto-approve']) {
        (0,log/* info */.pq)('auto-approve is on: the plan is applied without comparing it with a reviewed one.');
        return;
    }
    const summary = run.report.plan;
    let expected = inputs['plan-sha256'];
    let from = 'the plan-sha256 input';
    if (!expected && !summary.view.changes) {
        // nothing will be applied, so there is nothing to have reviewed (a plan without changes may have no comment)
        (0,log/* info */.pq)('The plan has no changes: nothing is applied, so no reviewed plan is needed.');
        return;
    }
    if (!expected) {
        const octokit = await client(inputs['github-token']);
        const identity = await identify(octokit, 'plan comments');
        const found = await reviewedPlanHash(octokit, run.repo, git.sha, identity, inputs.environment, run.envDir, git.branch);
        reportForeign(found.foreign, identity, 'comment', ` on pull request #${found.pr}`, 'the plan marker');
        if (!found.hash)
            throw new StageFailure('plan-changed', noReviewedPlan(run, found, identity));
        expected = found.hash;
        from = `the plan comment on pull request #${found.pr}`;
    }
    run.report.reviewed = { hash: expected, from };
    if (expected !== summary.sha256) {
        throw new StageFailure('plan-changed', `The plan differs from the reviewed one (${from}): reviewed sha256 ${expected}, now ${summary.sha256}. Nothing was applied. Re-plan and review again.`);
    }
    (0,log/* info */.pq)(`The plan matches the reviewed one (${from}).`);
}
/** Why there is no reviewed plan to compare with, and what to do: the apply's most common failure, so it names the case. */
function noReviewedPlan(run, found, identity) {
    const { inputs, git } = run;
    const where = `${inputs.environment} (${run.envDir})`;
    const ways = 'pass plan-sha256 (the hash of a plan you reviewed), or set auto-approve: true';
    if (!found.pr) {
        const elsewhere = found.elsewhere.length ? ` (${found.elsewhere.map((p) => `#${p.number} was merged into ${p.base}`).join(', ')}: a plan reviewed for another branch is not one for ${git.branch})` : '';
        return `No pull request merged into ${git.branch ?? 'this branch'} brought ${git.sha.slice(0, 7)} here${elsewhere}, so there is no reviewed plan to apply. ${capital(ways)}.`;
    }
    if (found.editedBy) {
        return `The plan comment for ${where} on pull request #${found.pr} was last edited by ${login(found.editedBy)}, not by ${login(identity.login)} (who github-token is), so its hash is not trusted: anyone with write access can edit a comment, and the hash line is hidden. Nothing was applied. Re-plan and review again, or ${ways}.`;
    }
    if (found.fork) {
        return `Pull request #${found.pr} came from the fork ${repoName(found.fork)}: a pull request from a fork is planned without secrets and with a read-only token, so it has no plan comment and there is no reviewed plan to apply. To deploy it, push its branch to this repository and plan that pull request, or ${ways}.`;
    }
    return `Pull request #${found.pr} has no plan comment by ${login(identity.login)} for ${where}, so there is no reviewed plan to apply. Run command: plan on its pull requests with the same github-token, ${ways}. (A plan without changes writes no comment; this one has changes.)`;
}
function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function runUrl(env) {
    return env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
}
/** The comment on the pull request, written only when there is something to say (no noise). */
async function publishPlan(run, pr) {
    const { inputs } = run;
    const summary = run.report.plan;
    const octokit = await client(inputs['github-token']);
    const identity = await identify(octokit, 'plan comments');
    const body = planComment({ environment: inputs.environment, dir: run.envDir, sha256: summary.sha256, view: summary.view, planText: summary.text, commit: run.git?.sha, runUrl: runUrl(process.env) });
    // a plan without changes updates the comment already there (so it stops showing old changes), and adds none unless asked
    const create = summary.view.changes || inputs['comment-on-no-changes'];
    const { written, foreign } = await upsertPlanComment(octokit, run.repo, pr, identity, inputs.environment, run.envDir, body, create);
    reportForeign(foreign, identity, 'comment', ` on pull request #${pr}`, 'the plan marker');
    if (!written) {
        (0,log/* info */.pq)(`The plan has no changes and pull request #${pr} has no plan comment yet: none written (comment-on-no-changes: true writes one).`);
    }
    else {
        (0,log/* info */.pq)(`${written.updated ? 'Updated' : 'Added'} the plan comment on pull request #${pr} (as ${login(identity.login)})${summary.view.changes ? '' : ': no changes'}`);
    }
    if (inputs['label-plan'])
        await labelPlan(run, octokit, pr, identity, summary.view.kind);
}
const PLAN_LABELS = {
    destroy: { name: 'plan:destroy', color: 'b60205', description: 'The Terraform plan destroys or replaces resources (shipkit deploy-stage)' },
    changes: { name: 'plan:changes', color: 'fbca04', description: 'The Terraform plan changes resources or outputs (shipkit deploy-stage)' },
    'no-changes': { name: 'plan:no-changes', color: '0e8a16', description: 'The Terraform plan changes nothing (shipkit deploy-stage)' },
};
/** The worst kind among this plan and the other environments' plan comments on the same pull request. */
function worstKind(kinds) {
    return kinds.includes('destroy') ? 'destroy' : kinds.includes('changes') ? 'changes' : 'no-changes';
}
/**
 * One `plan:*` label on the pull request, replacing the others. A pull request planned for several
 * environments (or folders) gets the worst of their plans: each run reads the kind recorded in the
 * token's own plan comments, so the stage plan cannot take away the label the prod plan set.
 */
async function labelPlan(run, octokit, pr, identity, kind) {
    const recorded = await planKinds(octokit, run.repo, pr, identity);
    for (const c of recorded.edited)
        (0,log/* info */.pq)(`Ignored the plan kind of comment ${c.id} on pull request #${pr}: it was last edited by ${login(c.author)}, not by ${login(identity.login)}.`);
    const kinds = [kind, ...recorded.kinds];
    const label = PLAN_LABELS[worstKind(kinds)];
    await ensureLabel(octokit, run.repo, label);
    const family = Object.values(PLAN_LABELS).map((l) => l.name);
    const { added, removed } = await replaceLabels(octokit, run.repo, pr, family, [label.name]);
    const change = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join(', ');
    (0,log/* info */.pq)(`Pull request #${pr} is labelled ${label.name}${change ? ` (${change})` : ' (already)'}.`);
}
/** Who github-token is, said once in the log with what that identity is trusted for. */
async function identify(octokit, trusted) {
    const identity = await tokenIdentity(octokit);
    (0,log/* info */.pq)(`github-token is ${login(identity.login)} (${identity.via}): only its ${trusted} are trusted.`);
    return identity;
}
/** Says in the log which comments or issues carried the kit's marker but were not trusted. */
function reportForeign(foreign, identity, noun, where, markerName) {
    for (const f of foreign) {
        const id = noun === 'issue' ? `#${f.id}` : String(f.id);
        (0,log/* info */.pq)(`Ignored ${noun} ${id} by ${login(f.author)}${where}: it carries ${markerName}, but only ${noun}s by ${login(identity.login)} (who github-token is) are trusted.`);
    }
}
/** A GitHub login as it reads in the log: bare when it has the shape GitHub allows, quoted otherwise. */
function login(name) {
    return /^[A-Za-z0-9-]+(\[bot\])?$/.test(name) ? name : (0,log/* forLog */.Ig)(name);
}
/** A repository's owner/name as GitHub allows it, plain; anything else quoted and escaped. */
function repoName(name) {
    return /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(name) ? name : (0,log/* forLog */.Ig)(name);
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/drift.ts









/**
 * command: drift, for scheduled runs on the default branch. Two plans in the environment's folder:
 * `-refresh-only` (the state against the real infrastructure: what changed outside Terraform) and
 * a normal one (the configuration against the real infrastructure: what an apply would do). Either
 * one finding changes is drift. One issue per environment and folder tracks it: opened when drift
 * appears, updated while it remains, closed with a comment when the environment is back in sync.
 * Nothing is applied and no state is written.
 */
async function drift(run) {
    const found = await detect(run);
    const tracked = await track(run, found);
    finish(run, found, tracked);
}
async function detect(run) {
    announceVariables(run);
    await initBackend(run);
    const { refresh, plan } = await bothPlans(run);
    setPlanOutputs(plan.summary);
    const drifted = refresh?.exitCode === 2 || plan.exitCode === 2;
    core/* setOutput */.uH('drifted', String(drifted));
    const found = { drifted, refresh, plan, input: driftInput(run, refresh, plan) };
    // in the summary even when the issue cannot be written
    run.report.drift = { status: drifted ? 'drifted' : 'in-sync', body: driftBody(found.input) };
    (0,log/* info */.pq)(verdict(run, found));
    return found;
}
/** The refresh-only plan (from terraform 0.15.4) and the normal plan, each saved and read back. */
async function bothPlans(run) {
    const { inputs } = run;
    const folder = (0,external_node_path_.join)(run.resources.dir, 'plan');
    const version = run.tools.terraform.version;
    const refreshFile = (0,external_node_path_.join)(folder, `${inputs.environment}-refresh-only.tfplan`);
    const refresh = hasRefreshOnly(version) ? await savedPlan(run, 'terraform plan -refresh-only', refreshOnlyArgs(refreshFile, inputs['lock-timeout'], varFiles(run)), refreshFile) : undefined;
    if (!refresh)
        (0,log/* info */.pq)(`terraform ${version.join('.')} has no refresh-only plan (0.15.4 and later do): only the plan runs, where a change made outside Terraform shows as one an apply would undo.`);
    const planFile = (0,external_node_path_.join)(folder, `${inputs.environment}.tfplan`);
    run.resources.planFile = planFile; // keep-plan keeps the normal plan
    const plan = await savedPlan(run, 'terraform plan', planArgs(planFile, inputs['lock-timeout'], varFiles(run)), planFile);
    return { refresh, plan };
}
function driftInput(run, refresh, plan) {
    return {
        environment: run.inputs.environment,
        dir: run.envDir,
        hash: driftSha256(refresh?.json ?? '{}', plan.summary),
        refresh: refresh ? { view: refresh.view, text: refresh.text } : undefined,
        terraformVersion: run.tools.terraform.version.join('.'),
        plan: { view: plan.view, text: plan.text },
        branch: run.git?.branch,
        commit: run.git?.sha,
        runUrl: runUrl(process.env),
        checkedAt: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    };
}
/** One line for the log: drifted or not, and which plan said so. */
function verdict(run, { drifted, refresh, plan }) {
    const where = `${run.inputs.environment} (${run.envDir})`;
    if (!drifted)
        return `${where} is in sync: nothing changed outside Terraform, and the plan has nothing to apply.`;
    const outside = !refresh
        ? ''
        : refresh.exitCode === 2
            ? `the refresh-only plan would update the state (${refresh.view.drift.length} object(s) changed outside Terraform, ${refresh.view.outputs.length} output(s)), `
            : 'the refresh-only plan finds the state up to date, ';
    return `${where} has drifted: ${outside}the plan ${plan.exitCode === 2 ? 'has changes to apply' : 'has nothing to apply'}.`;
}
/** The issue: opened, updated (with a comment when the drift changed), closed, or left alone. */
async function track(run, found) {
    const { inputs } = run;
    const repo = run.repo;
    const octokit = await client(inputs['github-token']);
    const identity = await identify(octokit, 'drift issues');
    const { own, foreign } = await markedIssues(octokit, repo, DRIFT_LABEL.name, driftMarker(inputs.environment, run.envDir), identity);
    reportForeign(foreign, identity, 'issue', '', 'the drift marker');
    const body = run.report.drift.body;
    if (found.drifted) {
        const existing = own[0];
        if (!existing) {
            await ensureLabel(octokit, repo, DRIFT_LABEL);
            const issue = await openIssue(octokit, repo, issueTitle(inputs.environment), body, [DRIFT_LABEL.name]);
            (0,log/* info */.pq)(`Opened issue #${issue.number} for the drift in ${inputs.environment} (as ${login(identity.login)}).`);
            return { status: 'drifted', issue };
        }
        const changed = findDriftHash(existing.body) !== found.input.hash;
        await updateIssue(octokit, repo, existing.number, body);
        if (changed)
            await commentOnIssue(octokit, repo, existing.number, driftChangedComment(found.input));
        (0,log/* info */.pq)(`The drift in ${inputs.environment} remains: updated issue #${existing.number}${changed ? ', and commented that it changed' : ' (the same drift as before)'}.`);
        return { status: 'still-drifted', issue: existing };
    }
    if (!own.length)
        return { status: 'in-sync' };
    for (const issue of own) {
        await commentOnIssue(octokit, repo, issue.number, backInSyncComment(found.input));
        await closeIssue(octokit, repo, issue.number);
        (0,log/* info */.pq)(`${inputs.environment} is back in sync: closed issue #${issue.number} with a comment.`);
    }
    return { status: 'back-in-sync', issue: own[0] };
}
function finish(run, found, tracked) {
    const { inputs } = run;
    const env = process.env;
    const issue = tracked.issue && { number: tracked.issue.number, url: `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/issues/${tracked.issue.number}` };
    run.report.drift = { ...run.report.drift, status: tracked.status, issue };
    core/* setOutput */.uH('drift', tracked.status);
    core/* setOutput */.uH('issue-number', tracked.issue ? String(tracked.issue.number) : '');
    if (found.drifted && inputs['fail-on-drift']) {
        throw new StageFailure('drifted', `${inputs.environment} (${run.envDir}) has drifted${tracked.issue ? `: see issue #${tracked.issue.number}` : ''}. The step fails because fail-on-drift is true.`);
    }
}

// EXTERNAL MODULE: ./lib/inputs.ts
var lib_inputs = __webpack_require__(453);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/inputs.ts




const COMMANDS = ['check', 'plan', 'apply', 'drift'];
/** The value of packer-working-directory that runs each template from its own folder. */
const TEMPLATE_DIR = 'template-dir';
const DEFAULT_PACKER_TEMPLATES = ['**/packer/*.json', '**/*.pkr.hcl'];
const DOCKER_HOST_URL = /^(tcp|ssh|unix|npipe|fd|http|https):\/\/\S*$/;
const MACHINE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function getInputs() {
    // Secrets first, masked before anything could print them (an error message included).
    const vaultPassword = (0,lib_inputs/* getText */.q4)('ansible-vault-password');
    mask(vaultPassword);
    const terraformVars = (0,lib_inputs/* getText */.q4)('terraform-vars');
    // lines such as `}` or `tags = {` are no secret, and masked they would hide every brace in the log
    mask(terraformVars, (line) => line.trim().length >= 4 && /[A-Za-z0-9]/.test(line));
    // terraform prints a value on its own (`+ input = "..."`, a validation error), never the whole line
    for (const value of tfvarsValues(terraformVars))
        core/* setSecret */.Pq(value);
    const backendConfig = (0,lib_inputs/* getLines */.iv)('backend-config').map(backendEntry);
    const environment = (0,lib_inputs/* getString */.AA)('environment') || 'stage';
    if (!/^[\w.-]+$/.test(environment)) {
        throw new errors/* UsageError */.eb(`Input "environment" is ${(0,log/* forLog */.Ig)(environment)}: expected a name of letters, digits, ".", "_" or "-", e.g. stage.`);
    }
    const planSha = (0,lib_inputs/* getString */.AA)('plan-sha256').replace(/^sha256:/, '').toLowerCase();
    if (planSha && !/^[0-9a-f]{64}$/.test(planSha)) {
        throw new errors/* UsageError */.eb(`Input "plan-sha256" is ${(0,log/* forLog */.Ig)(planSha)}: expected the 64-hex plan-sha256 output of a plan run.`);
    }
    const lockTimeout = (0,lib_inputs/* getString */.AA)('lock-timeout') || '0s';
    if (!/^\d+(ms|s|m|h)$/.test(lockTimeout)) {
        throw new errors/* UsageError */.eb(`Input "lock-timeout" is ${(0,log/* forLog */.Ig)(lockTimeout)}: expected a duration such as 0s, 30s or 5m.`);
    }
    const templates = (0,lib_inputs/* getLines */.iv)('packer-templates');
    const inputs = {
        environment,
        command: (0,lib_inputs/* getEnum */.GV)('command', COMMANDS, 'check'),
        'working-directory': (0,lib_inputs/* getString */.AA)('working-directory') || '.',
        'packer-templates': templates.length ? templates : DEFAULT_PACKER_TEMPLATES,
        'packer-var-files': (0,lib_inputs/* getLines */.iv)('packer-var-files'),
        'packer-working-directory': (0,lib_inputs/* getString */.AA)('packer-working-directory'),
        'terraform-dirs': (0,lib_inputs/* getLines */.iv)('terraform-dirs'),
        'terraform-env-dir': (0,lib_inputs/* getString */.AA)('terraform-env-dir'),
        'backend-config': backendConfig,
        'keep-plan': (0,lib_inputs/* getBoolean */.pW)('keep-plan'),
        'comment-on-no-changes': (0,lib_inputs/* getBoolean */.pW)('comment-on-no-changes'),
        'label-plan': (0,lib_inputs/* getBoolean */.pW)('label-plan'),
        'fail-on-drift': (0,lib_inputs/* getBoolean */.pW)('fail-on-drift'),
        'provider-cache': (0,lib_inputs/* getBoolean */.pW)('provider-cache', true),
        'example-vars': (0,lib_inputs/* getBoolean */.pW)('example-vars', true),
        'terraform-vars': terraformVars,
        'ansible-playbooks': (0,lib_inputs/* getLines */.iv)('ansible-playbooks'),
        'ansible-inventory': (0,lib_inputs/* getString */.AA)('ansible-inventory'),
        'ansible-config': (0,lib_inputs/* getString */.AA)('ansible-config'),
        'ansible-requirements': (0,lib_inputs/* getLines */.iv)('ansible-requirements'),
        'ansible-vault-password': vaultPassword,
        'ansible-lint-config': (0,lib_inputs/* getString */.AA)('ansible-lint-config'),
        'plan-sha256': planSha,
        'auto-approve': (0,lib_inputs/* getBoolean */.pW)('auto-approve'),
        'lock-timeout': lockTimeout,
        'github-token': (0,lib_inputs/* getString */.AA)('github-token'),
        'ansible-deploy-playbook': (0,lib_inputs/* getString */.AA)('ansible-deploy-playbook'),
        'compose-file': (0,lib_inputs/* getString */.AA)('compose-file'),
        'compose-env': (0,lib_inputs/* getLines */.iv)('compose-env').map(composeEnvLine),
        'docker-host': (0,lib_inputs/* getString */.AA)('docker-host'),
        'docker-machine-create-args': (0,lib_inputs/* getString */.AA)('docker-machine-create-args'),
        'deploy-timeout': (0,lib_inputs/* getPositiveInt */.F6)('deploy-timeout', 300),
    };
    checkDeployInputs(inputs);
    return inputs;
}
/** Masks a secret, and each of its lines on its own (those `worth` masking), so no part of it reaches the log. */
function mask(secret, worth = (line) => Boolean(line.trim())) {
    if (!secret)
        return;
    core/* setSecret */.Pq(secret);
    for (const line of secret.split(/\r?\n/))
        if (worth(line) && line !== secret)
            core/* setSecret */.Pq(line);
}
/**
 * The values in a .tfvars text (every string literal) or its JSON form (every string and number),
 * those of four characters or more: shorter ones (`"a"`, `true`) would blank out ordinary words.
 */
function tfvarsValues(text) {
    const values = [];
    if (text.trimStart().startsWith('{')) {
        const leaves = (v) => {
            if (typeof v === 'string' || typeof v === 'number')
                values.push(String(v));
            else if (v && typeof v === 'object')
                Object.values(v).forEach(leaves);
        };
        try {
            leaves(JSON.parse(text));
        }
        catch {
            // not JSON after all: terraform says so later, and the lines are masked already
        }
    }
    else {
        for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g))
            values.push(m[1].replace(/\\(["\\])/g, '$1'));
    }
    return [...new Set(values.filter((v) => v.trim().length >= 4))];
}
/** `key=value` is a pair (its value masked at once); anything else names a file. */
function backendEntry(line) {
    const eq = line.indexOf('=');
    if (eq < 0)
        return { kind: 'file', path: line };
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    mask(value);
    if (!/^[A-Za-z_][\w-]*$/.test(key)) {
        // The value is a secret: the message names the key only.
        throw new errors/* UsageError */.eb(`Input "backend-config" has a line whose key is ${(0,log/* forLog */.Ig)(key)}: expected key=value with a key of letters, digits, "_" or "-" (e.g. bucket=my-state), or the path of a backend config file.`);
    }
    return { kind: 'pair', key, value };
}
function composeEnvLine(line) {
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
        throw new errors/* UsageError */.eb(`Input "compose-env" has the line ${(0,log/* forLog */.Ig)(line)}: expected KEY=value with a variable name for KEY, e.g. TAG=1.2.0.`);
    }
    return [key, line.slice(eq + 1)];
}
/** The application deploy's inputs fit together: checked now, not after terraform apply. */
function checkDeployInputs(inputs) {
    const host = inputs['docker-host'];
    if (inputs['compose-file'] && inputs['ansible-deploy-playbook']) {
        throw new errors/* UsageError */.eb(`Inputs "compose-file" (${(0,log/* forLog */.Ig)(inputs['compose-file'])}) and "ansible-deploy-playbook" (${(0,log/* forLog */.Ig)(inputs['ansible-deploy-playbook'])}) are both set: the application is deployed one way, set one of them.`);
    }
    if (inputs['compose-file'] && !host) {
        throw new errors/* UsageError */.eb(`Input "compose-file" is ${(0,log/* forLog */.Ig)(inputs['compose-file'])} but "docker-host" is empty: give a DOCKER_HOST URL (ssh://user@host, tcp://host:2376) or a docker-machine name.`);
    }
    if (host && !DOCKER_HOST_URL.test(host) && !MACHINE_NAME.test(host)) {
        throw new errors/* UsageError */.eb(`Input "docker-host" is ${(0,log/* forLog */.Ig)(host)}: expected a DOCKER_HOST URL (ssh://user@host, tcp://host:2376, unix:///var/run/docker.sock) or a docker-machine name (letters, digits, ".", "_", "-").`);
    }
    if (inputs['docker-machine-create-args'] && (!host || DOCKER_HOST_URL.test(host))) {
        throw new errors/* UsageError */.eb(`Input "docker-machine-create-args" is set but "docker-host" is ${host ? (0,log/* forLog */.Ig)(host) : 'empty'}: the arguments create the docker-machine that "docker-host" names, so "docker-host" must be a docker-machine name.`);
    }
    if (host && !inputs['compose-file']) {
        throw new errors/* UsageError */.eb(`Input "docker-host" is ${(0,log/* forLog */.Ig)(host)} but "compose-file" is empty: the Docker host is where the compose file is deployed; set "compose-file" too.`);
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./lib/git-context.ts
var git_context = __webpack_require__(2816);
// EXTERNAL MODULE: ./lib/paths.ts
var lib_paths = __webpack_require__(634);
// EXTERNAL MODULE: ./lib/local-run.ts
var local_run = __webpack_require__(7685);
// EXTERNAL MODULE: ./lib/which.ts
var which = __webpack_require__(431);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/prepare.ts




















/**
 * Everything deploy-stage will do, worked out and checked before the first side effect: every path
 * input inside the repository and present, every pattern, every tool, the event. A mistake fails
 * here, naming the input and the value, with nothing copied, installed, planned or applied.
 */
async function prepare(inputs, env = process.env) {
    const root = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE ?? process.cwd());
    const workdir = inputPath(root, '.', inputs['working-directory'], 'working-directory', 'dir');
    const paths = new InputPaths(root, workdir);
    const run = {
        inputs,
        root,
        workdir,
        temp: (0,external_node_path_.resolve)(env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)()),
        env: childEnv(env),
        tools: { unavailable: {} },
        examples: inputs['example-vars'] ? planExampleFiles(root, workdir) : { copies: [], skipped: [] },
        packer: [],
        terraformRoots: [],
        terraformModules: [],
        report: { rows: [], findings: [], failed: new Set(), ansible: [], notes: [] },
        resources: { placed: [] },
    };
    run.packer = packerPlan(run, paths);
    run.terraformRoots = inputs['terraform-dirs'].length ? inputs['terraform-dirs'].map((dir) => terraformDir(paths, dir)) : terraformRoots(root, workdir);
    // named roots are the whole of what is checked; found ones bring the modules no root holds
    run.terraformModules = inputs['terraform-dirs'].length ? [] : terraformModuleDirs(root, workdir, run.terraformRoots);
    const inventory = inputs['ansible-inventory'];
    // a host list ("web1,web2," or "localhost,") is not a path
    run.inventory = !inventory ? undefined : inventory.includes(',') ? inventory : (0,external_node_path_.join)(root, paths.path(inventory, 'ansible-inventory', 'file or dir'));
    run.ansible = ansiblePlan(run, paths);
    environmentPlan(run, paths);
    run.deploy = deployPlan(run, paths);
    if (inputs.command === 'drift')
        onlyDrift(run);
    run.tools = findTools(run);
    if (run.deploy?.kind === 'compose' && inputs.command === 'apply')
        run.deploy.compose = await composeCommand(run.env);
    return run;
}
/** The step's environment for child processes: no INPUT_* (secrets among them), no runner tokens. */
function childEnv(env) {
    const runnerOnly = new Set(['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_URL', 'ACTIONS_CACHE_URL']);
    const child = {};
    for (const [key, value] of Object.entries(env)) {
        if (!key.startsWith('INPUT_') && !key.startsWith('STATE_') && !runnerOnly.has(key))
            child[key] = value;
    }
    return {
        ...child,
        CHECKPOINT_DISABLE: '1',
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        TFLINT_DISABLE_VERSION_CHECK: '1',
        ANSIBLE_NOCOLOR: '1',
        ANSIBLE_FORCE_COLOR: '0',
        PY_COLORS: '0',
    };
}
/**
 * A path from an input: relative to working-directory (`base`), inside the repository after
 * symlinks, and of the expected kind. Returns it relative to the repository root.
 */
function inputPath(root, base, value, input, kind) {
    if (/[\0\r\n]/.test(value))
        throw new errors/* UsageError */.eb(`Input "${input}" is ${(0,log/* forLog */.Ig)(value)}: a path cannot hold a line break or NUL.`);
    const absolute = (0,external_node_path_.resolve)(root, base, value);
    if (!(0,lib_paths/* isInside */.FK)(root, absolute)) {
        throw new errors/* UsageError */.eb(`Input "${input}" is ${(0,log/* forLog */.Ig)(value)}, which resolves to ${(0,log/* forLog */.Ig)((0,lib_paths/* realPathOf */.dN)(absolute))}, outside the repository ${(0,log/* forLog */.Ig)((0,lib_paths/* realPathOf */.dN)(root))}. ` +
            `Paths are relative to ${base === '.' ? 'the repository' : `working-directory (${base})`} and stay inside the repository (no "..", no absolute paths elsewhere, no symlinks pointing out).`);
    }
    const rel = (0,external_node_path_.relative)(root, absolute).split(external_node_path_.sep).join('/') || '.';
    let stat;
    try {
        stat = (0,external_node_fs_.statSync)(absolute);
    }
    catch {
        throw new errors/* UsageError */.eb(`Input "${input}" is ${(0,log/* forLog */.Ig)(value)}, but ${(0,log/* forLog */.Ig)(rel)} does not exist in the repository: expected ${kind === 'dir' ? 'a folder' : kind === 'file' ? 'a file' : 'a file or folder'}.`);
    }
    if ((kind === 'dir' && !stat.isDirectory()) || (kind === 'file' && !stat.isFile())) {
        throw new errors/* UsageError */.eb(`Input "${input}" is ${(0,log/* forLog */.Ig)(value)}, but ${(0,log/* forLog */.Ig)(rel)} is ${stat.isDirectory() ? 'a folder' : 'not a folder'}: expected ${kind === 'dir' ? 'a folder' : 'a file'}.`);
    }
    return rel;
}
/** Paths and patterns of inputs, relative to working-directory. */
class InputPaths {
    root;
    workdir;
    constructor(root, workdir) {
        this.root = root;
        this.workdir = workdir;
    }
    path(value, input, kind) {
        return inputPath(this.root, this.workdir, value, input, kind);
    }
    /** A glob pattern from an input, checked to stay inside the repository; repository-relative. */
    pattern(value, input) {
        return (0,lib_paths/* checkPattern */.rg)(this.root, (0,external_node_path_.isAbsolute)(value) ? value : external_node_path_.posix.join(this.workdir, value), input);
    }
}
function terraformDir(paths, value) {
    const dir = paths.path(value, 'terraform-dirs', 'dir');
    if (!(0,external_node_fs_.readdirSync)((0,external_node_path_.join)(paths.root, dir)).some((name) => name.endsWith('.tf') || name.endsWith('.tf.json')))
        throw new errors/* UsageError */.eb(`Input "terraform-dirs" names ${(0,log/* forLog */.Ig)(value)}, which holds no *.tf file: expected Terraform root modules.`);
    return dir;
}
/** Templates, the folder packer runs in for each, and their var files. */
function packerPlan(run, paths) {
    const { inputs, root } = run;
    const explicit = inputs['packer-templates'].join('\n') !== DEFAULT_PACKER_TEMPLATES.join('\n');
    const templates = new Set();
    for (const pattern of inputs['packer-templates']) {
        const found = packerTemplates(root, paths.pattern(pattern, 'packer-templates'));
        if (!found.length && explicit)
            core/* warning */.$e(`Input "packer-templates" has the pattern ${(0,log/* forLog */.Ig)(pattern)}, which matches no Packer template (a .json template needs "builders").`);
        for (const template of found)
            templates.add(template);
    }
    const placed = new Set(run.examples.copies.map((c) => c.target));
    const varFiles = inputs['packer-var-files'].map((value) => {
        const normal = external_node_path_.posix.normalize(value.replace(/\\/g, '/'));
        const absolute = (0,external_node_path_.resolve)(root, run.workdir, normal);
        const rel = (0,external_node_path_.relative)(root, absolute).split(external_node_path_.sep).join('/');
        // a var file may be one that the run copies from its .example
        return placed.has(rel) && (0,lib_paths/* isInside */.FK)(root, absolute) ? rel : paths.path(normal, 'packer-var-files', 'file');
    });
    const byFolder = new Map();
    for (const template of templates)
        byFolder.set(external_node_path_.posix.dirname(template), [...(byFolder.get(external_node_path_.posix.dirname(template)) ?? []), template]);
    for (const [i, file] of varFiles.entries()) {
        if (!byFolder.has(external_node_path_.posix.dirname(file))) {
            throw new errors/* UsageError */.eb(`Input "packer-var-files" has ${(0,log/* forLog */.Ig)(inputs['packer-var-files'][i])}, but no Packer template is in ${external_node_path_.posix.dirname(file)}: a var file applies to the templates in its folder (templates: ${[...templates].join(', ') || 'none'}).`);
        }
    }
    const cwdInput = inputs['packer-working-directory'];
    const fixedCwd = cwdInput === TEMPLATE_DIR ? undefined : cwdInput ? paths.path(cwdInput, 'packer-working-directory', 'dir') : '.';
    // packer reads an HCL2 template by folder (every *.pkr.hcl in it, and *.auto.pkrvars.hcl): one target per folder
    const targets = new Set([...templates].map((t) => (t.endsWith('.pkr.hcl') ? `${external_node_path_.posix.dirname(t)}/` : t)));
    return [...targets].sort().map((target) => {
        const folder = target.endsWith('/');
        const template = folder ? target.slice(0, -1) : target;
        const dir = folder ? template : external_node_path_.posix.dirname(template);
        const configured = varFiles.filter((f) => external_node_path_.posix.dirname(f) === dir);
        const beside = external_node_path_.posix.join(dir, 'variables.json');
        const besideExists = placed.has(beside) || isFileIn(root, beside);
        return {
            template,
            ...(folder ? { folder: true } : {}),
            cwd: fixedCwd ?? dir,
            varFiles: inputs['packer-var-files'].length ? configured : template.endsWith('.json') && besideExists ? [beside] : [],
        };
    });
}
function isFileIn(root, rel) {
    try {
        return (0,external_node_fs_.statSync)((0,external_node_path_.join)(root, rel)).isFile() && (0,lib_paths/* isInside */.FK)(root, (0,external_node_path_.join)(root, rel));
    }
    catch {
        return false;
    }
}
/** Playbooks grouped by the ansible.cfg that governs them, the inventory, Galaxy requirements. */
function ansiblePlan(run, paths) {
    const { inputs, root } = run;
    if (!inputs['ansible-playbooks'].length)
        return undefined;
    const playbooks = [...new Set(inputs['ansible-playbooks'].flatMap((p) => (0,glob/* globFiles */.CJ)(root, paths.pattern(p, 'ansible-playbooks'))))].sort();
    if (!playbooks.length)
        core/* warning */.$e(`Input "ansible-playbooks" is ${(0,log/* forLog */.Ig)(inputs['ansible-playbooks'].join(', '))}, which matches no file: ansible is not checked.`);
    const named = inputs['ansible-config'] ? readConfig(root, paths.path(inputs['ansible-config'], 'ansible-config', 'file'), 'input', run.env) : undefined;
    const groups = new Map();
    for (const playbook of playbooks) {
        const file = named ? named.file : nearestConfig(root, playbook);
        const config = named ?? (file ? readConfig(root, file, 'nearest', run.env) : undefined);
        const key = config?.file ?? '';
        if (!groups.has(key))
            groups.set(key, { config, cwd: config ? external_node_path_.posix.dirname(config.file) : run.workdir, playbooks: [] });
        groups.get(key).playbooks.push(playbook);
    }
    const requirementFiles = inputs['ansible-requirements'].flatMap((pattern) => {
        const found = (0,glob/* globFiles */.CJ)(root, paths.pattern(pattern, 'ansible-requirements'));
        if (!found.length)
            throw new errors/* UsageError */.eb(`Input "ansible-requirements" has the pattern ${(0,log/* forLog */.Ig)(pattern)}, which matches no file: expected requirements.yml files of Galaxy roles and collections.`);
        return found;
    });
    return {
        patterns: inputs['ansible-playbooks'],
        groups: [...groups.values()],
        requirements: [...new Set(requirementFiles)].sort().map((file) => {
            try {
                return readRequirements(root, file);
            }
            catch (error) {
                throw new errors/* UsageError */.eb(`Input "ansible-requirements" matches ${file}, which is not a requirements file ansible-galaxy can read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            }
        }),
        lintConfig: inputs['ansible-lint-config'] ? (0,external_node_path_.join)(root, paths.path(inputs['ansible-lint-config'], 'ansible-lint-config', 'file')) : undefined,
    };
}
/**
 * The environment's folder and the backend config files (checked for every command: an input is
 * never accepted unchecked), then for plan and apply the event and the GitHub access they need.
 */
function environmentPlan(run, paths) {
    const { inputs } = run;
    for (const entry of inputs['backend-config']) {
        if (entry.kind === 'file')
            entry.path = (0,external_node_path_.join)(run.root, paths.path(entry.path, 'backend-config', 'file'));
    }
    const named = inputs['terraform-env-dir'] ? paths.path(inputs['terraform-env-dir'], 'terraform-env-dir', 'dir') : undefined;
    if (inputs.command === 'check')
        return;
    run.envDir = named ?? environmentDir(run.terraformRoots, inputs.environment);
    run.git = (0,git_context/* readGitContext */.e)(process.env, run.root);
    const isPr = (0,git_context/* isPullRequest */.r)(run.git.eventName);
    if (inputs.command === 'apply' && isPr) {
        throw new errors/* UsageError */.eb('command: apply is refused on pull_request events: a pull request is planned (command: plan) and reviewed, and applied after it is merged.');
    }
    if (inputs.command === 'drift' && isPr) {
        throw new errors/* UsageError */.eb('command: drift is refused on pull_request events: it checks the infrastructure against the configuration that was applied, from a schedule: or workflow_dispatch run on the default branch; a pull request is planned with command: plan.');
    }
    const needsGitHub = (inputs.command === 'plan' && isPr && run.git.prNumber) || (inputs.command === 'apply' && !inputs['auto-approve'] && !inputs['plan-sha256']) || inputs.command === 'drift';
    if (needsGitHub) {
        run.repo = repoFromEnv();
        if (!inputs['github-token']) {
            const why = { plan: 'the plan comment needs it', apply: 'finding the reviewed plan needs it (or pass plan-sha256)', drift: 'the drift issue needs it', check: '' }[inputs.command];
            const permission = inputs.command === 'drift' ? 'issues: write' : 'pull-requests: write';
            throw new errors/* UsageError */.eb(`Input "github-token" is empty: ${why}; the default \`\${{ github.token }}\` works with \`permissions: ${permission}\`.`);
        }
    }
}
/** The one root module named like the environment: none, or several, is the user's to settle with terraform-env-dir. */
function environmentDir(roots, environment) {
    const named = roots.filter((r) => external_node_path_.posix.basename(r) === environment);
    if (named.length === 1)
        return named[0];
    if (!named.length) {
        throw new errors/* UsageError */.eb(`No Terraform folder for environment "${environment}": no root module is named ${environment} (found: ${roots.join(', ') || 'none'}). Set "terraform-env-dir".`);
    }
    throw new errors/* UsageError */.eb(`Environment "${environment}" matches ${named.length} root modules: ${named.join(', ')}. Say which one to plan and apply with "terraform-env-dir" (e.g. terraform-env-dir: ${named[0]}), or narrow "terraform-dirs".`);
}
/**
 * A drift check plans the environment and nothing else: the inputs of the checks and of the
 * application deploy were checked above like every input, but packer, ansible and the deploy
 * are not run, so their tools are not needed either.
 */
function onlyDrift(run) {
    run.packer = [];
    run.ansible = undefined;
    run.deploy = undefined;
    run.terraformRoots = run.terraformRoots.filter((dir) => dir === run.envDir);
    run.terraformModules = [];
}
function deployPlan(run, paths) {
    const { inputs } = run;
    if (inputs['ansible-deploy-playbook']) {
        const playbook = paths.path(inputs['ansible-deploy-playbook'], 'ansible-deploy-playbook', 'file');
        const named = inputs['ansible-config'] ? paths.path(inputs['ansible-config'], 'ansible-config', 'file') : undefined;
        const file = named ?? nearestConfig(run.root, playbook);
        const config = file ? readConfig(run.root, file, named ? 'input' : 'nearest', run.env) : undefined;
        return { kind: 'ansible', playbook, group: { config, cwd: config ? external_node_path_.posix.dirname(config.file) : run.workdir, playbooks: [playbook] } };
    }
    if (!inputs['compose-file'])
        return undefined;
    const host = inputs['docker-host'];
    return {
        kind: 'compose',
        file: paths.path(inputs['compose-file'], 'compose-file', 'file'),
        host,
        machine: !/^[a-z]+:\/\//.test(host),
        createArgs: splitArgs(inputs['docker-machine-create-args']),
        env: inputs['compose-env'],
    };
}
const SETUP_TOOLS = 'Add `uses: shipkit/shipkit/actions/setup-tools@v1` before this step.';
/**
 * The tools the stages will run, from PATH. A missing one fails the step before anything runs,
 * except in a local check run (lib/local-run.ts): there the checks that need it are reported "not
 * run", with the reason setup-tools gave (SHIPKIT_UNAVAILABLE_TOOLS) or that it is not on PATH.
 */
function findTools(run) {
    const { inputs } = run;
    const path = run.env.PATH ?? '';
    const tools = { unavailable: {} };
    const tolerate = (0,local_run/* isLocalRun */.fd)(run.env) && inputs.command === 'check';
    const told = (0,local_run/* unavailableTools */.uw)(run.env);
    const missing = (tool, why, fix) => {
        if (!tolerate)
            throw new errors/* UsageError */.eb(`${tool} is not on PATH, and ${why}. ${fix}`);
        const setupTool = tool.startsWith('ansible') ? undefined : told[tool];
        tools.unavailable[tool] = setupTool ?? `${tool} is not on PATH${tool.startsWith('ansible') ? ' (pip install ansible ansible-lint)' : ''}`;
    };
    if (run.terraformRoots.length || run.terraformModules.length || run.envDir) {
        const terraform = (0,which/* findOnPath */.a)('terraform', path);
        if (terraform) {
            const out = versionOutput(terraform, run.env);
            const version = parseTerraformVersion(out);
            if (!version)
                throw new errors/* UsageError */.eb(`${terraform} does not look like terraform: \`terraform version\` printed ${(0,log/* forLog */.Ig)(out.split('\n')[0] ?? '')}.`);
            tools.terraform = { path: terraform, version };
        }
        else {
            missing('terraform', `${[...run.terraformRoots, ...run.terraformModules].join(', ') || run.envDir} hold Terraform code`, SETUP_TOOLS);
        }
        tools.tflint = (0,which/* findOnPath */.a)('tflint', path);
        if (!tools.tflint && tolerate)
            tools.unavailable.tflint = told.tflint ?? 'tflint is not on PATH';
    }
    if (run.packer.length) {
        tools.packer = (0,which/* findOnPath */.a)('packer', path);
        const templates = run.packer.map(packerWhere);
        if (!tools.packer)
            missing('packer', `${templates.join(', ')} ${templates.length === 1 ? 'is a Packer template' : 'are Packer templates'}`, `${SETUP_TOOLS.slice(0, -1)}, or narrow "packer-templates".`);
    }
    const install = 'Install them before this step (the reusable workflows pin them with ansible-version and ansible-lint-version), e.g. `pip install ansible ansible-lint`.';
    if (run.ansible?.groups.length || run.deploy?.kind === 'ansible') {
        tools.ansiblePlaybook = (0,which/* findOnPath */.a)('ansible-playbook', path);
        if (!tools.ansiblePlaybook)
            missing('ansible-playbook', '"ansible-playbooks" or "ansible-deploy-playbook" is set', install);
    }
    if (run.ansible?.groups.length) {
        tools.ansibleLint = (0,which/* findOnPath */.a)('ansible-lint', path);
        if (!tools.ansibleLint)
            missing('ansible-lint', '"ansible-playbooks" is set', install);
    }
    if (run.ansible?.requirements.length) {
        tools.ansibleGalaxy = (0,which/* findOnPath */.a)('ansible-galaxy', path);
        if (!tools.ansibleGalaxy)
            missing('ansible-galaxy', '"ansible-requirements" is set', install);
    }
    if (run.deploy?.kind === 'compose' && run.deploy.machine && inputs.command === 'apply') {
        tools.dockerMachine = (0,which/* findOnPath */.a)('docker-machine', path);
        if (!tools.dockerMachine)
            throw new errors/* UsageError */.eb(`docker-machine is not on PATH, and "docker-host" is ${(0,log/* forLog */.Ig)(run.deploy.host)}, a docker-machine name. ${SETUP_TOOLS.slice(0, -1)} (with tools: docker-machine).`);
    }
    return tools;
}
function versionOutput(path, env) {
    try {
        return (0,external_node_child_process_.execFileSync)(path, ['version'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] });
    }
    catch (error) {
        return String(error.stdout ?? '');
    }
}
/** `docker compose` (the plugin) or the old `docker-compose`; checked before anything is applied. */
async function composeCommand(env) {
    if ((await (0,exec/* run */.eF)('docker', ['compose', 'version'], { env })).code === 0)
        return ['docker', 'compose'];
    const legacy = (0,which/* findOnPath */.a)('docker-compose', env.PATH ?? '');
    if (legacy)
        return [legacy];
    throw new errors/* UsageError */.eb('Neither `docker compose` nor `docker-compose` is installed on this runner, and "compose-file" needs one.');
}

// EXTERNAL MODULE: ./lib/checks.ts
var checks = __webpack_require__(8937);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/report.ts





/** Room in the summary (GitHub takes up to 1 MiB a step) for the resource list and the text plan. */
const SUMMARY_LIST = 200_000;
const SUMMARY_TEXT = 400_000;
const DRIFT_WORDS = {
    drifted: '**Drifted**: a new drift issue was opened',
    'still-drifted': '**Still drifted**: its drift issue was updated',
    'back-in-sync': '**Back in sync**: its drift issue was closed',
    'in-sync': '**In sync**: nothing changed outside Terraform, and the plan has nothing to apply',
};
function report_driftLine(drift) {
    const issue = drift.issue ? ` (${drift.issue.url ? `[#${drift.issue.number}](${drift.issue.url})` : `#${drift.issue.number}`})` : '';
    return `${DRIFT_WORDS[drift.status]}${issue}.`;
}
/** The summary's rows as the `checks` output (lib/checks.ts), for later steps and the shipkit CLI. */
function writeChecks(report) {
    core/* setOutput */.uH('checks', (0,checks/* checksOutput */.Fo)(report.rows.map((r) => ({ ...r, result: r.result === 'not run' ? 'not-run' : r.result }))));
}
/**
 * The step summary: a row per check and folder, where ansible ran and with which config, the plan
 * (rendered from its JSON, destroys first), the reviewed hash, a drift check, a lock holder. Names and tool text are outside values: escaped for markdown.
 */
async function writeSummary(inputs, report) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const parts = [`### deploy-stage: ${(0,lib_summary/* code */.aY)(inputs.environment)}, ${inputs.command}`, ''];
    if (report.rows.length) {
        const result = (r) => (r.result === 'failed' ? '**failed**' : r.result);
        parts.push((0,lib_summary/* markdownTable */.Qj)(['check', 'where', 'result', 'detail'], report.rows.map((r) => [r.check, (0,lib_summary/* code */.aY)(r.where), result(r), (0,lib_summary.md)(r.detail)])), '');
    }
    // lines written by the kit around names already in code spans
    for (const line of report.ansible)
        parts.push(line, '');
    if (report.plan) {
        const p = report.plan;
        parts.push(`**Plan** for ${(0,lib_summary/* code */.aY)(p.dir)}: ${countsText(p.view.counts)} (\`sha256:${p.sha256}\`)`, '');
        // the line above has the counts
        parts.push(planMarkdown(p.view, SUMMARY_LIST, false), '');
        if (report.reviewed) {
            const r = report.reviewed;
            // `from` is the kit's own words
            parts.push(`Reviewed plan: \`sha256:${r.hash}\` (${r.from}) ${r.hash === p.sha256 ? 'matches' : '**differs**'}`, '');
        }
        parts.push(collapsed('Plan', p.text, SUMMARY_TEXT), '');
    }
    if (report.drift)
        parts.push(report_driftLine(report.drift), '', report.drift.body, '');
    if (report.lock) {
        const l = report.lock;
        parts.push(`**State locked**: ID ${(0,lib_summary/* code */.aY)(l.id ?? '?')}, by ${(0,lib_summary/* code */.aY)(l.who ?? '?')}, ${(0,lib_summary/* code */.aY)(l.operation ?? '?')}, since ${(0,lib_summary/* code */.aY)(l.created ?? '?')}`, '');
    }
    parts.push(...report.notes.map(lib_summary.md));
    await core/* summary */.z.addRaw(`${parts.join('\n')}\n`).write();
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/main.ts











/**
 * deploy-stage: prepare() checks every input before anything happens; then the stages run in
 * order, each taking the one Run object forward: check, plan, review, apply, deploy (or, for a
 * scheduled drift check, only drift). Whatever happens, the tree is put back, the private folder
 * removed, and the summary written.
 */
async function main() {
    const inputs = getInputs();
    const run = await prepare(inputs);
    try {
        setUp(run);
        if (inputs.command === 'drift')
            return await drift(run);
        await withExampleCopies(run, () => check(run));
        if (inputs.command === 'check')
            return;
        await plan(run);
        await review(run);
        if (inputs.command === 'plan')
            return;
        await apply(run);
        await deploy(run);
    }
    catch (error) {
        if (error instanceof StageFailure)
            core/* setOutput */.uH('failure-reason', error.reason);
        throw error;
    }
    finally {
        cleanUp(run);
        writeChecks(run.report);
        await writeSummary(inputs, run.report);
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

/***/ 6484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ annotate)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3838);

/** The one place annotations are written. @actions/core escapes message and properties. */
function annotate(annotations) {
    for (const a of annotations) {
        const props = { title: a.title, file: a.file, startLine: a.line, startColumn: a.column };
        if (a.level === 'error')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(a.message, props);
        else if (a.level === 'warning')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(a.message, props);
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(a.message, props);
    }
}


/***/ }),

/***/ 8937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ checksOutput)
/* harmony export */ });
/* unused harmony exports CHECK_RESULTS, parseChecks */
/**
 * The `checks` output of deploy-stage and build-images: one JSON row per check and place, the same
 * rows as the step summary's table, for a later step (or the shipkit CLI) to read. `not-run` only
 * happens in local runs (lib/local-run.ts): a check whose tool or base image could not be had.
 */
const CHECK_RESULTS = (/* unused pure expression or super */ null && (['passed', 'failed', 'not-run', 'skipped']));
/** The output's value: `core.setOutput('checks', checksOutput(rows))`. */
function checksOutput(rows) {
    return JSON.stringify(rows);
}
/** Reads a `checks` output; anything that is not a list of rows gives no rows. */
function parseChecks(text) {
    if (!text)
        return [];
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return [];
    }
    if (!Array.isArray(parsed))
        return [];
    return parsed.flatMap((item) => {
        const row = item;
        if (!row || typeof row.check !== 'string' || !CHECK_RESULTS.includes(row.result))
            return [];
        return [{ check: row.check, where: typeof row.where === 'string' ? row.where : '', result: row.result, detail: typeof row.detail === 'string' ? row.detail : '' }];
    });
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

/***/ 2816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ readGitContext),
/* harmony export */   r: () => (/* binding */ isPullRequest)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);


/** The one answer to "is this run about a pull request": its code is not reviewed yet. */
function isPullRequest(eventName) {
    return eventName === 'pull_request' || eventName === 'pull_request_target';
}
function git(cwd, args) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
    }
    catch {
        return undefined;
    }
}
function readGitContext(env = process.env, workspace = env.GITHUB_WORKSPACE ?? process.cwd()) {
    let event = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            event = {};
        }
    }
    const eventName = env.GITHUB_EVENT_NAME ?? 'workflow_dispatch';
    const onGitHub = Boolean(env.GITHUB_SHA);
    const ref = env.GITHUB_REF ?? (onGitHub ? '' : localRef(workspace));
    const isPr = isPullRequest(eventName);
    const sha = (isPr ? event.pull_request?.head?.sha : undefined) ?? env.GITHUB_SHA ?? git(workspace, ['rev-parse', 'HEAD']) ?? '';
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return {
        eventName,
        ref,
        sha,
        branch: isPr ? event.pull_request?.head?.ref ?? env.GITHUB_HEAD_REF : ref.startsWith('refs/heads/') ? ref.slice(11) : undefined,
        tag: ref.startsWith('refs/tags/') ? ref.slice(10) : undefined,
        prNumber: isPr ? event.pull_request?.number : undefined,
        defaultBranch: event.repository?.default_branch ?? (onGitHub ? undefined : localDefaultBranch(workspace)),
        repositoryUrl: event.repository?.html_url ?? (env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined),
    };
}
function localRef(workspace) {
    const branch = git(workspace, ['symbolic-ref', '-q', 'HEAD']);
    return branch ?? '';
}
function localDefaultBranch(workspace) {
    const remoteHead = git(workspace, ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD']);
    return remoteHead?.replace(/^origin\//, '');
}


/***/ }),

/***/ 2183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ octokit)
/* harmony export */ });
/* unused harmony exports apiUrlFromEnv, fetchThrough */
function apiUrlFromEnv(env = process.env) {
    return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}
async function octokit(token, options = {}) {
    const [{ getOctokit }, { Http }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413)), Promise.all(/* import() */[__webpack_require__.e(288), __webpack_require__.e(294)]).then(__webpack_require__.bind(__webpack_require__, 8288))]);
    const apiUrl = (options.apiUrl || apiUrlFromEnv()).replace(/\/+$/, '');
    const http = new Http({ retryDelays: options.retryDelays, log: options.log, hint: 'GitHub or the network is having trouble: re-run the job.' });
    return getOctokit(token, { baseUrl: apiUrl, request: { fetch: fetchThrough(http, apiUrl) } });
}
/**
 * A `fetch` for Octokit on the kit's layer. Octokit puts its token in every request's headers; it
 * is kept only for URLs under the API base (a pagination link or redirect elsewhere goes without).
 *
 * Retries by method: GETs, and the PUT/PATCH/DELETE calls the kit makes (updating a comment with
 * the same body, ...), are idempotent and retried on any transient failure. A POST creates
 * something (a PR comment): sent again only when GitHub surely did not act on it (no connection,
 * or a rate limit: 429, or the secondary limit's 403 with Retry-After), since a second one after a
 * 502 could post the comment twice.
 */
function fetchThrough(http, apiUrl) {
    const scope = new URL(apiUrl);
    const prefix = scope.pathname.replace(/\/+$/, '');
    const underApi = (url) => url.origin === scope.origin && (!prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
    return async (input, init = {}) => {
        const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        const method = (init.method ?? 'GET').toUpperCase();
        const headers = {};
        for (const [name, value] of new Headers(init.headers).entries()) {
            if (name !== 'authorization' || underApi(url))
                headers[name] = value;
        }
        const body = init.body;
        if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) {
            throw new TypeError('the kit sends GitHub only string or byte bodies');
        }
        const retry = method === 'POST' ? 'unsent' : 'transient';
        const response = await http.request({ method, url: url.href, headers, body: body ?? undefined, retry });
        // A null-body status may not carry a body in a Response.
        const empty = [101, 204, 205, 304].includes(response.status);
        const answer = new Response(empty ? null : response.body, { status: response.status, headers: toHeaders(response.headers) });
        Object.defineProperty(answer, 'url', { value: response.url });
        return answer;
    };
}
function toHeaders(raw) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(raw)) {
        if (Array.isArray(value))
            for (const v of value)
                headers.append(name, v);
        else if (value !== undefined)
            headers.set(name, value);
    }
    return headers;
}


/***/ }),

/***/ 6966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $g: () => (/* binding */ globDirs),
/* harmony export */   CJ: () => (/* binding */ globFiles),
/* harmony export */   I4: () => (/* binding */ findDirs)
/* harmony export */ });
/* unused harmony export glob */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(634);



function segmentRegex(segment) {
    const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
    return new RegExp(`^${body}$`);
}
/** What `path` is; a symlink counts only when it points inside `root` (after every link). */
function kindOf(root, path) {
    try {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isSymbolicLink() && !(0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(root, path))
            return undefined;
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
        return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
    }
    catch {
        return undefined;
    }
}
/** The folder's real path, by which a walk knows a folder it has already been in. */
function realDir(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    }
    catch {
        return undefined;
    }
}
function isLink(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** Folders a wildcard never enters: hidden ones (.git, .terraform), node_modules. */
function skipped(name) {
    return name.startsWith('.') || name === 'node_modules';
}
/**
 * Paths under `root` matching a slash-separated pattern: `*` and `?` within a segment, `**` for
 * any depth. Sorted, relative, with forward slashes. Nothing outside `root` is ever returned: not
 * through `..`, not through a symlink (check the pattern itself with `checkPattern` to say why).
 */
function glob(root, pattern, kind) {
    const segments = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(pattern.replace(/\\/g, '/')).replace(/^\.\/|\/$/g, '').split('/').filter(Boolean);
    if (segments.includes('..'))
        return [];
    const found = new Set();
    // `**` enters each real folder once (per place in the pattern): a link back up cannot loop, and
    // links between folders cannot multiply the walk. Links are followed after the tree itself, so a
    // folder is found by its own path when it has one.
    const entered = new Set();
    const links = [];
    const walk = (rel, i) => {
        if (i === segments.length) {
            if (kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel)) === kind && (0,_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel)))
                found.add(rel || '.');
            return;
        }
        const segment = segments[i];
        if (!/[*?]/.test(segment)) {
            walk(rel ? `${rel}/${segment}` : segment, i + 1);
            return;
        }
        let entries;
        try {
            entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
        }
        catch {
            return;
        }
        const last = i === segments.length - 1;
        if (segment === '**') {
            const real = realDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
            if (!real || entered.has(`${i}\0${real}`))
                return;
            entered.add(`${i}\0${real}`);
            walk(rel, i + 1);
            for (const e of entries) {
                if (skipped(e) || kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel, e)) !== 'dir')
                    continue;
                const child = rel ? `${rel}/${e}` : e;
                if (isLink((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, child)))
                    links.push([child, i]);
                else
                    walk(child, i);
            }
            return;
        }
        const re = segmentRegex(segment);
        for (const e of entries) {
            if (skipped(e) || !re.test(e))
                continue;
            const k = kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel, e));
            if (k === 'dir' || (last && k === kind))
                walk(rel ? `${rel}/${e}` : e, i + 1);
        }
    };
    walk('', 0);
    for (let next = links.shift(); next; next = links.shift())
        walk(...next);
    return [...found].sort();
}
function globDirs(root, pattern) {
    return glob(root, pattern, 'dir');
}
function globFiles(root, pattern) {
    return glob(root, pattern, 'file');
}
/**
 * Every folder under `root` (itself included) for which `accept` says yes; wildcard rules apply.
 * Each real folder is visited once, by its own path when it has one (links are followed after the
 * tree itself), so neither a link back up (`x -> .`) nor links between folders can loop or repeat.
 */
function findDirs(root, accept) {
    const found = [];
    const visited = new Set();
    const links = [];
    const walk = (rel) => {
        const real = realDir((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
        if (!real || visited.has(real))
            return;
        visited.add(real);
        const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
        if (accept(rel || '.', entries))
            found.push(rel || '.');
        for (const e of entries) {
            if (skipped(e) || kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel, e)) !== 'dir')
                continue;
            const child = rel ? `${rel}/${e}` : e;
            if (isLink((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, child)))
                links.push(child);
            else
                walk(child);
        }
    };
    walk('');
    for (let next = links.shift(); next !== undefined; next = links.shift())
        walk(next);
    return found.sort();
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
