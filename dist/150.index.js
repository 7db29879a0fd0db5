export const id = 150;
export const ids = [150];
export const modules = {

/***/ 8150:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lib_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7088);


await (0,_lib_action_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)(_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/annotate.ts
var annotate = __webpack_require__(6484);
// EXTERNAL MODULE: ./lib/summary.ts
var summary = __webpack_require__(1262);
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
    return external_node_path_.posix.isAbsolute(path) ? path : external_node_path_.posix.relative(cwd === '.' ? '' : cwd, path);
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

const FAILURE_REASONS = (/* unused pure expression or super */ null && (['requirements-failed', 'validate-failed', 'lint-failed', 'plan-failed', 'plan-changed', 'state-locked', 'apply-failed', 'deploy-failed']));
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
;// CONCATENATED MODULE: ./actions/deploy-stage/src/run.ts




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
/** The terraform environment for one module folder: its own TF_DATA_DIR in the run's private folder. */
function terraformEnv(run, dir, purpose) {
    return { ...run.env, TF_DATA_DIR: (0,external_node_path_.join)(run.resources.dir, 'terraform', `${purpose}-${dir.replace(/[^\w.-]+/g, '_')}`) };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
function planArgs(planFile, lockTimeout) {
    return ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-lock-timeout=${lockTimeout}`, `-out=${planFile}`];
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
/** `terraform fmt -check -list=true` prints one file a line that needs formatting. */
function parseFmtCheck(stdout, dir) {
    return stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((file) => ({
        tool: 'terraform',
        level: 'error',
        message: `${external_node_path_.posix.join(dir, file)} is not formatted: run \`terraform fmt\` in ${dir}`,
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
/** Sorted keys, so equal content always serialises the same way. */
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
    }
    return value;
}
/**
 * Counts and a content hash of a plan from `terraform show -json`. The plan file itself is not
 * hashed: it records when it was made, so two plans of the same change differ byte for byte.
 */
function summarisePlan(showJson) {
    const plan = JSON.parse(showJson);
    let add = 0;
    let change = 0;
    let destroy = 0;
    const resources = (plan.resource_changes ?? [])
        .filter((r) => !(r.change.actions.length === 1 && (r.change.actions[0] === 'no-op' || r.change.actions[0] === 'read')))
        .map((r) => {
        const a = r.change.actions;
        if (a.includes('create'))
            add++;
        if (a.includes('delete'))
            destroy++;
        if (a.includes('update'))
            change++;
        return { address: r.address, actions: a, before: r.change.before, after: r.change.after, after_unknown: r.change.after_unknown };
    })
        .sort((x, y) => x.address.localeCompare(y.address));
    const outputs = Object.entries(plan.output_changes ?? {})
        .filter(([, c]) => !(c.actions.length === 1 && c.actions[0] === 'no-op'))
        .map(([name, c]) => ({ name, actions: c.actions, after: c.after, after_unknown: c.after_unknown }));
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(canonical({ resources, outputs }))).digest('hex');
    return { add, change, destroy, sha256 };
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/check.ts











/** The check stage: validate and lint everything, touching no cloud state. */
async function check(run) {
    await checkPacker(run);
    for (const dir of run.terraformRoots)
        await checkTerraform(run, dir);
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
        const result = await run_exec(run, `packer validate ${target.template} (in ${target.cwd})`, run.tools.packer, packerValidateArgs(target), target.cwd);
        const found = result.code ? parsePackerValidate(`${result.stdout}\n${result.stderr}`, target.template, target.cwd, run.root) : [];
        record(run, checkRow('packer validate', target.template, result.code === 0, found, 'failed'), 'validate', found);
    }
}
async function checkTerraform(run, dir) {
    const terraform = run.tools.terraform;
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
    const fmt = await run_exec(run, `terraform fmt -check (${dir})`, terraform.path, ['fmt', '-check', '-list=true', '-no-color'], dir, env);
    const unformatted = parseFmtCheck(fmt.stdout, dir);
    record(run, checkRow('terraform fmt', dir, fmt.code === 0, unformatted, 'not formatted'), 'lint', unformatted);
    if (!run.tools.tflint) {
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
/** Galaxy requirements first (the playbooks need them), then the syntax check and ansible-lint. */
async function checkAnsible(run) {
    const plan = run.ansible;
    if (!plan.groups.length) {
        run.report.rows.push({ check: 'ansible', where: plan.patterns.join(', '), result: 'skipped', detail: 'no playbook matches' });
        return;
    }
    for (const group of plan.groups)
        run.report.ansible.push(describeGroup(group));
    if (!(await installRequirements(run))) {
        const where = plan.patterns.join(', ');
        for (const check of ['ansible-playbook --syntax-check', 'ansible-lint'])
            run.report.rows.push({ check, where, result: 'not run', detail: 'ansible-galaxy install failed' });
        return;
    }
    for (const group of plan.groups) {
        const env = ansibleEnv(run, group);
        // without an inventory input, the config's own; without either, the implicit localhost
        const inventory = run.inventory ?? (group.config?.inventory ? undefined : 'localhost,');
        for (const playbook of group.playbooks) {
            const args = syntaxCheckArgs({ cwd: group.cwd, playbook, inventory, vaultFile: run.resources.vaultFile });
            const syntax = await run_exec(run, `ansible-playbook --syntax-check ${playbook}`, run.tools.ansiblePlaybook, args, group.cwd, env);
            const found = syntax.code ? parseAnsibleSyntax(`${syntax.stdout}\n${syntax.stderr}`, playbook, group.cwd, run.root) : [];
            record(run, checkRow('ansible-playbook --syntax-check', playbook, syntax.code === 0, found, 'syntax error'), 'validate', found);
        }
        const lint = await run_exec(run, `ansible-lint (${group.cwd})`, run.tools.ansibleLint, ansibleLintArgs(group.cwd, group.playbooks, plan.lintConfig), group.cwd, env);
        const found = parseAnsibleLint(lint.stdout, group.cwd, run.root);
        record(run, checkRow('ansible-lint', group.playbooks.join(', '), lint.code === 0, found, lint.code ? lastLines(lint.stderr, 1) || 'failed' : ''), 'lint', found);
    }
}
/** A markdown line for the summary: where ansible ran and with which config. */
function describeGroup(group) {
    if (!group.config)
        return `ansible ran in ${(0,summary/* code */.aY)(group.cwd)} without an ansible.cfg (none above the playbooks): ansible's defaults.`;
    const why = group.config.source === 'input' ? 'the ansible-config input' : 'the nearest above the playbooks';
    return `ansible ran in ${(0,summary/* code */.aY)(group.cwd)} with ${(0,summary/* code */.aY)(group.config.file)} (${why}).`;
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
    return env;
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
        if (result.code)
            throw new StageFailure('deploy-failed', `ansible-playbook ${plan.playbook} failed (exit ${result.code}):\n${lastLines(result.stdout || result.stderr)}`);
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

// EXTERNAL MODULE: ./lib/inputs.ts
var lib_inputs = __webpack_require__(453);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/inputs.ts




const COMMANDS = ['check', 'plan', 'apply'];
/** The value of packer-working-directory that runs each template from its own folder. */
const TEMPLATE_DIR = 'template-dir';
const DEFAULT_PACKER_TEMPLATES = ['**/packer/*.json', '**/*.pkr.hcl'];
const DOCKER_HOST_URL = /^(tcp|ssh|unix|npipe|fd|http|https):\/\/\S*$/;
const MACHINE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function getInputs() {
    // Secrets first, masked before anything could print them (an error message included).
    const vaultPassword = (0,lib_inputs/* getText */.q4)('ansible-vault-password');
    mask(vaultPassword);
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
        'example-vars': (0,lib_inputs/* getBoolean */.pW)('example-vars', true),
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
/** Masks a secret, and each of its lines on its own, so no part of it reaches the log. */
function mask(secret) {
    if (!secret)
        return;
    core/* setSecret */.Pq(secret);
    for (const line of secret.split(/\r?\n/))
        if (line.trim() && line !== secret)
            core/* setSecret */.Pq(line);
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

;// CONCATENATED MODULE: ./actions/deploy-stage/src/plan.ts










/**
 * The plan stage: `terraform init` with the backend (its key=value pairs in private 0600 files,
 * never in argv), `terraform plan -out`, and the plan's counts and hash as outputs.
 */
async function plan(run) {
    const dir = run.envDir;
    const init = await terraform(run, 'terraform init', initArgs(true, backendFiles(run)));
    if (init.code)
        failOn(run, init, 'plan-failed', 'init');
    const planFile = (0,external_node_path_.join)(run.resources.dir, 'plan', `${run.inputs.environment}.tfplan`);
    run.resources.planFile = planFile;
    const planned = await terraform(run, 'terraform plan', planArgs(planFile, run.inputs['lock-timeout']));
    if (planned.code === 1)
        failOn(run, planned, 'plan-failed', 'plan');
    const json = await terraform(run, 'terraform show -json', ['show', '-json', '-no-color', planFile], false);
    if (json.code)
        failOn(run, json, 'plan-failed', 'show');
    const text = await terraform(run, 'terraform show', ['show', '-no-color', planFile]);
    const summary = summarisePlan(json.stdout);
    run.report.plan = { ...summary, dir, text: text.stdout };
    (0,log/* info */.pq)(`Plan for ${dir}: ${summary.add} to add, ${summary.change} to change, ${summary.destroy} to destroy (sha256 ${summary.sha256})`);
    core/* setOutput */.uH('plan-sha256', summary.sha256);
    core/* setOutput */.uH('changes', String(summary.add + summary.change + summary.destroy > 0));
    core/* setOutput */.uH('to-add', String(summary.add));
    core/* setOutput */.uH('to-change', String(summary.change));
    core/* setOutput */.uH('to-destroy', String(summary.destroy));
}
/** The apply stage: the saved plan, which review() has compared with the reviewed one. */
async function apply(run) {
    const result = await terraform(run, 'terraform apply', applyArgs(run.resources.planFile, run.inputs['lock-timeout']));
    if (result.code)
        failOn(run, result, 'apply-failed', 'apply');
    const p = run.report.plan;
    run.report.notes.push(`Applied ${p.dir}: ${p.add} added, ${p.change} changed, ${p.destroy} destroyed.`);
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
    // `show -json` is long and machine-only: it reaches the log as the counts and hash, not as JSON
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
    throw new StageFailure(reason, `terraform ${what} failed in ${dir}:\n${lastLines(result.stderr || result.stdout)}`);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./lib/git-context.ts
var git_context = __webpack_require__(2816);
// EXTERNAL MODULE: ./lib/glob.ts
var glob = __webpack_require__(6966);
// EXTERNAL MODULE: ./lib/paths.ts
var lib_paths = __webpack_require__(634);
// EXTERNAL MODULE: ./lib/which.ts
var which = __webpack_require__(431);
// EXTERNAL MODULE: ./lib/github.ts
var github = __webpack_require__(2183);
;// CONCATENATED MODULE: ./actions/deploy-stage/src/comments.ts

/**
 * The plan comment on a pull request: one per environment and folder, found again by a hidden
 * marker and updated in place. The reviewed plan's hash travels in it to the apply.
 */
const COMMENT_LIMIT = 65_536;
function marker(environment, dir) {
    // a folder name cannot end the HTML comment early
    const safe = dir.replace(/[<>%]/g, (c) => encodeURIComponent(c)).replace(/--/g, '-%2D');
    return `<!-- shipkit:plan environment=${environment} dir=${safe} -->`;
}
function hashLine(sha256) {
    return `<!-- shipkit:plan-sha256 ${sha256} -->`;
}
function findPlanHash(body) {
    return /<!-- shipkit:plan-sha256 ([0-9a-f]{64}) -->/.exec(body)?.[1];
}
/** The comment body, the plan text truncated so the whole stays under GitHub's limit. */
function planComment(input, limit = COMMENT_LIMIT) {
    const head = [
        marker(input.environment, input.dir),
        hashLine(input.sha256),
        `### Terraform plan for ${(0,summary/* code */.aY)(input.environment)} (${(0,summary/* code */.aY)(input.dir)})`,
        '',
        input.add + input.change + input.destroy === 0
            ? 'No changes. The infrastructure matches the configuration.'
            : `**${input.add} to add, ${input.change} to change, ${input.destroy} to destroy.**`,
        '',
        `Plan \`sha256:${input.sha256.slice(0, 16)}\`: the apply after merge re-plans and refuses if the plan differs from this one.`,
        '',
        '<details><summary>Plan</summary>',
        '',
    ].join('\n');
    const tail = ['', '</details>'].join('\n');
    const room = limit - head.length - tail.length - 400;
    let text = input.planText.trimEnd();
    let note = '';
    if (text.length > room) {
        text = text.slice(0, room);
        note = `\n\n_The plan was ${input.planText.length.toLocaleString('en')} characters; this comment shows the first ${room.toLocaleString('en')}. The full text is in the job log${input.runUrl ? `: ${input.runUrl}` : ''}._`;
    }
    return `${head}\n${(0,summary/* codeBlock */.DV)(text)}\n${tail}${note}`;
}

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
async function markedComments(octokit, repo, pr, tag, identity) {
    const comments = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: pr, per_page: 100 }));
    const marked = comments.filter((c) => c.body?.includes(tag));
    return {
        own: marked.filter((c) => c.user?.login === identity.login),
        foreign: marked.filter((c) => c.user?.login !== identity.login).map((c) => ({ id: c.id, author: c.user?.login ?? '(unknown)' })),
    };
}
/** Creates the plan comment, or updates the token's own one that carries this environment's marker. */
async function upsertPlanComment(octokit, repo, pr, identity, environment, dir, body) {
    const { own, foreign } = await markedComments(octokit, repo, pr, marker(environment, dir), identity);
    const existing = own[own.length - 1];
    if (existing) {
        await octokit.rest.issues.updateComment({ ...repo, comment_id: existing.id, body });
        return { id: existing.id, updated: true, foreign };
    }
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: pr, body });
    return { id: created.data.id, updated: false, foreign };
}
/**
 * The plan hash reviewed on the pull request that brought `sha` to the branch: the merged PR of
 * the commit, then the newest plan comment for this environment and folder by the token's identity.
 */
async function reviewedPlanHash(octokit, repo, sha, identity, environment, dir) {
    const pulls = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha });
    const merged = pulls.data.filter((p) => p.merged_at);
    const pr = merged.find((p) => p.merge_commit_sha === sha) ?? merged[0];
    if (!pr)
        return { foreign: [] };
    const { own, foreign } = await markedComments(octokit, repo, pr.number, marker(environment, dir), identity);
    const newest = own[own.length - 1];
    return { hash: newest?.body ? findPlanHash(newest.body) : undefined, pr: pr.number, foreign };
}

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
        tools: {},
        examples: inputs['example-vars'] ? planExampleFiles(root, workdir) : { copies: [], skipped: [] },
        packer: [],
        terraformRoots: [],
        report: { rows: [], findings: [], failed: new Set(), ansible: [], notes: [] },
        resources: { placed: [] },
    };
    run.packer = packerPlan(run, paths);
    run.terraformRoots = inputs['terraform-dirs'].length ? inputs['terraform-dirs'].map((dir) => terraformDir(paths, dir)) : terraformRoots(root, workdir);
    const inventory = inputs['ansible-inventory'];
    // a host list ("web1,web2," or "localhost,") is not a path
    run.inventory = !inventory ? undefined : inventory.includes(',') ? inventory : (0,external_node_path_.join)(root, paths.path(inventory, 'ansible-inventory', 'file or dir'));
    run.ansible = ansiblePlan(run, paths);
    environmentPlan(run, paths);
    run.deploy = deployPlan(run, paths);
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
    return [...templates].sort().map((template) => {
        const dir = external_node_path_.posix.dirname(template);
        const configured = varFiles.filter((f) => external_node_path_.posix.dirname(f) === dir);
        const beside = external_node_path_.posix.join(dir, 'variables.json');
        const besideExists = placed.has(beside) || isFileIn(root, beside);
        return {
            template,
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
    run.envDir = named ?? run.terraformRoots.find((r) => external_node_path_.posix.basename(r) === inputs.environment);
    if (!run.envDir) {
        throw new errors/* UsageError */.eb(`No Terraform folder for environment "${inputs.environment}": no root module is named ${inputs.environment} (found: ${run.terraformRoots.join(', ') || 'none'}). Set "terraform-env-dir".`);
    }
    run.git = (0,git_context/* readGitContext */.e)(process.env, run.root);
    const isPr = (0,git_context/* isPullRequest */.r)(run.git.eventName);
    if (inputs.command === 'apply' && isPr) {
        throw new errors/* UsageError */.eb('command: apply is refused on pull_request events: a pull request is planned (command: plan) and reviewed, and applied after it is merged.');
    }
    const needsGitHub = (inputs.command === 'plan' && isPr && run.git.prNumber) || (inputs.command === 'apply' && !inputs['auto-approve'] && !inputs['plan-sha256']);
    if (needsGitHub) {
        run.repo = repoFromEnv();
        if (!inputs['github-token']) {
            throw new errors/* UsageError */.eb(`Input "github-token" is empty: ${inputs.command === 'plan' ? 'the plan comment needs it' : 'finding the reviewed plan needs it (or pass plan-sha256)'}; the default \`\${{ github.token }}\` works with \`permissions: pull-requests: write\`.`);
        }
    }
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
function findTools(run) {
    const { inputs } = run;
    const path = run.env.PATH ?? '';
    const tools = {};
    const missing = (tool, why, fix) => new errors/* UsageError */.eb(`${tool} is not on PATH, and ${why}. ${fix}`);
    if (run.terraformRoots.length || run.envDir) {
        const terraform = (0,which/* findOnPath */.a)('terraform', path);
        if (!terraform)
            throw missing('terraform', `${run.terraformRoots.join(', ') || run.envDir} hold Terraform code`, SETUP_TOOLS);
        const out = versionOutput(terraform, run.env);
        const version = parseTerraformVersion(out);
        if (!version)
            throw new errors/* UsageError */.eb(`${terraform} does not look like terraform: \`terraform version\` printed ${(0,log/* forLog */.Ig)(out.split('\n')[0] ?? '')}.`);
        tools.terraform = { path: terraform, version };
        tools.tflint = (0,which/* findOnPath */.a)('tflint', path);
    }
    if (run.packer.length) {
        tools.packer = (0,which/* findOnPath */.a)('packer', path);
        const templates = run.packer.map((p) => p.template);
        if (!tools.packer)
            throw missing('packer', `${templates.join(', ')} ${templates.length === 1 ? 'is a Packer template' : 'are Packer templates'}`, `${SETUP_TOOLS.slice(0, -1)}, or narrow "packer-templates".`);
    }
    const install = 'Install them before this step (the reusable workflows pin them with ansible-version and ansible-lint-version), e.g. `pip install ansible ansible-lint`.';
    if (run.ansible?.groups.length || run.deploy?.kind === 'ansible') {
        tools.ansiblePlaybook = (0,which/* findOnPath */.a)('ansible-playbook', path);
        if (!tools.ansiblePlaybook)
            throw missing('ansible-playbook', '"ansible-playbooks" or "ansible-deploy-playbook" is set', install);
    }
    if (run.ansible?.groups.length) {
        tools.ansibleLint = (0,which/* findOnPath */.a)('ansible-lint', path);
        if (!tools.ansibleLint)
            throw missing('ansible-lint', '"ansible-playbooks" is set', install);
    }
    if (run.ansible?.requirements.length) {
        tools.ansibleGalaxy = (0,which/* findOnPath */.a)('ansible-galaxy', path);
        if (!tools.ansibleGalaxy)
            throw missing('ansible-galaxy', '"ansible-requirements" is set', install);
    }
    if (run.deploy?.kind === 'compose' && run.deploy.machine && inputs.command === 'apply') {
        tools.dockerMachine = (0,which/* findOnPath */.a)('docker-machine', path);
        if (!tools.dockerMachine)
            throw missing('docker-machine', `"docker-host" is ${(0,log/* forLog */.Ig)(run.deploy.host)}, a docker-machine name`, `${SETUP_TOOLS.slice(0, -1)} (with tools: docker-machine).`);
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

;// CONCATENATED MODULE: ./actions/deploy-stage/src/report.ts


/**
 * The step summary: a row per check and folder, where ansible ran and with which config, the plan,
 * the reviewed hash, a lock holder. Names and tool text are outside values: escaped for markdown.
 */
async function writeSummary(inputs, report) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const parts = [`### deploy-stage: ${(0,summary/* code */.aY)(inputs.environment)}, ${inputs.command}`, ''];
    if (report.rows.length) {
        const result = (r) => (r.result === 'failed' ? '**failed**' : r.result);
        parts.push((0,summary/* markdownTable */.Qj)(['check', 'where', 'result', 'detail'], report.rows.map((r) => [r.check, (0,summary/* code */.aY)(r.where), result(r), (0,summary.md)(r.detail)])), '');
    }
    // lines written by the kit around names already in code spans
    for (const line of report.ansible)
        parts.push(line, '');
    if (report.plan) {
        const p = report.plan;
        parts.push(`**Plan** for ${(0,summary/* code */.aY)(p.dir)}: ${p.add} to add, ${p.change} to change, ${p.destroy} to destroy (\`sha256:${p.sha256}\`)`, '');
        if (report.reviewed) {
            const r = report.reviewed;
            // `from` is the kit's own words
            parts.push(`Reviewed plan: \`sha256:${r.hash}\` (${r.from}) ${r.hash === p.sha256 ? 'matches' : '**differs**'}`, '');
        }
        parts.push('<details><summary>Plan</summary>', '', (0,summary/* codeBlock */.DV)(p.text.trimEnd().slice(0, 60_000)), '', '</details>', '');
    }
    if (report.lock) {
        const l = report.lock;
        parts.push(`**State locked**: ID ${(0,summary/* code */.aY)(l.id ?? '?')}, by ${(0,summary/* code */.aY)(l.who ?? '?')}, ${(0,summary/* code */.aY)(l.operation ?? '?')}, since ${(0,summary/* code */.aY)(l.created ?? '?')}`, '');
    }
    parts.push(...report.notes.map(summary.md));
    await core/* summary */.z.addRaw(`${parts.join('\n')}\n`).write();
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
    const requirements = run.ansible?.requirements ?? [];
    if (requirements.some((r) => r.roles.length))
        run.resources.galaxyRoles = mkdirIn(dir, 'galaxy/roles');
    if (requirements.some((r) => r.collections.length))
        run.resources.galaxyCollections = mkdirIn(dir, 'galaxy/collections');
    for (const warning of run.examples.skipped)
        core/* warning */.$e(warning);
    const roots = [...new Set([...run.terraformRoots, ...(run.envDir ? [run.envDir] : [])])];
    run.resources.lockFiles = snapshotLockFiles(run.root, roots);
    const absolute = (placed) => JSON.stringify(placed.map((p) => (0,external_node_path_.join)(run.root, p)));
    core/* saveState */.LZ(state/* STATE_PLACED */.e, '[]');
    run.resources.placed = placeExampleFiles(run.root, run.examples, (placed) => core/* saveState */.LZ(state/* STATE_PLACED */.e, absolute(placed)));
    if (run.resources.placed.length)
        (0,log/* info */.pq)(`Copied into place for this run (removed afterwards): ${run.resources.placed.join(', ')}`);
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
        (0,log/* info */.pq)(`Kept the saved plan at ${kept} (keep-plan): it holds the backend configuration, so treat it as a secret.`);
    }
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/review.ts




/**
 * The review stage. On a pull request's plan: the plan comment that reviewers read (one per
 * environment and folder, updated in place). On apply: the plan must be the reviewed one, the hash
 * from plan-sha256 or from the plan comment of the merged pull request; only comments written by
 * the token's own identity count, since anyone who can comment could post a marker.
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
    if (!expected) {
        const octokit = await client(inputs['github-token']);
        const identity = await identify(octokit);
        const found = await reviewedPlanHash(octokit, run.repo, git.sha, identity, inputs.environment, run.envDir);
        reportForeign(found.foreign, found.pr, identity);
        if (!found.hash) {
            throw new StageFailure('plan-changed', found.pr
                ? `Pull request #${found.pr} has no plan comment by ${identity.login} for ${inputs.environment} (${run.envDir}), so there is no reviewed plan to apply. Run command: plan on its pull requests with the same github-token, pass plan-sha256, or set auto-approve: true.`
                : `No merged pull request brought ${git.sha.slice(0, 7)} here, so there is no reviewed plan to apply. Pass plan-sha256, or set auto-approve: true.`);
        }
        expected = found.hash;
        from = `the plan comment on pull request #${found.pr}`;
    }
    run.report.reviewed = { hash: expected, from };
    if (expected !== summary.sha256) {
        throw new StageFailure('plan-changed', `The plan differs from the reviewed one (${from}): reviewed sha256 ${expected}, now ${summary.sha256}. Nothing was applied. Re-plan and review again.`);
    }
    (0,log/* info */.pq)(`The plan matches the reviewed one (${from}).`);
}
async function publishPlan(run, pr) {
    const { inputs } = run;
    const summary = run.report.plan;
    const octokit = await client(inputs['github-token']);
    const identity = await identify(octokit);
    const env = process.env;
    const runUrl = env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
    const body = planComment({ ...summary, environment: inputs.environment, dir: run.envDir, planText: summary.text, runUrl });
    const comment = await upsertPlanComment(octokit, run.repo, pr, identity, inputs.environment, run.envDir, body);
    reportForeign(comment.foreign, pr, identity);
    (0,log/* info */.pq)(`${comment.updated ? 'Updated' : 'Added'} the plan comment on pull request #${pr} (as ${login(identity.login)})`);
}
async function identify(octokit) {
    const identity = await tokenIdentity(octokit);
    (0,log/* info */.pq)(`github-token is ${login(identity.login)} (${identity.via}): only its plan comments are trusted.`);
    return identity;
}
function reportForeign(foreign, pr, identity) {
    for (const f of foreign) {
        (0,log/* info */.pq)(`Ignored comment ${f.id} by ${login(f.author)} on pull request #${pr}: it carries the plan marker, but only comments by ${login(identity.login)} (who github-token is) are trusted.`);
    }
}
/** A GitHub login as it reads in the log: bare when it has the shape GitHub allows, quoted otherwise. */
function login(name) {
    return /^[A-Za-z0-9-]+(\[bot\])?$/.test(name) ? name : (0,log/* forLog */.Ig)(name);
}

;// CONCATENATED MODULE: ./actions/deploy-stage/src/main.ts










/**
 * deploy-stage: prepare() checks every input before anything happens; then the stages run in
 * order, each taking the one Run object forward: check, plan, review, apply, deploy. Whatever
 * happens, the tree is put back, the private folder removed, and the summary written.
 */
async function main() {
    const inputs = getInputs();
    const run = await prepare(inputs);
    try {
        setUp(run);
        await check(run);
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);

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
    const [{ getOctokit }, { Http }] = await Promise.all([__webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413)), Promise.all(/* import() */[__webpack_require__.e(288), __webpack_require__.e(294)]).then(__webpack_require__.bind(__webpack_require__, 8288))]);
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
            walk(rel, i + 1);
            for (const e of entries)
                if (!skipped(e) && kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel, e)) === 'dir')
                    walk(rel ? `${rel}/${e}` : e, i);
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
    return [...found].sort();
}
function globDirs(root, pattern) {
    return glob(root, pattern, 'dir');
}
function globFiles(root, pattern) {
    return glob(root, pattern, 'file');
}
/** Every folder under `root` (itself included) for which `accept` says yes; wildcard rules apply. */
function findDirs(root, accept) {
    const found = [];
    const walk = (rel) => {
        const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel));
        if (accept(rel || '.', entries))
            found.push(rel || '.');
        for (const e of entries)
            if (!skipped(e) && kindOf(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, rel, e)) === 'dir')
                walk(rel ? `${rel}/${e}` : e);
    };
    walk('');
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
/* harmony export */   q4: () => (/* binding */ getText),
/* harmony export */   vS: () => (/* binding */ getList)
/* harmony export */ });
/* unused harmony exports getRequired, parseList, parseLines */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
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
/** Escapes a value for inline markdown: HTML, emphasis, links, code, tables, `@mentions` and `#refs`. */
function md(value) {
    return value
        .replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&')
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
