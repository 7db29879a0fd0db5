export const id = 831;
export const ids = [831];
export const modules = {

/***/ 6831:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _lib_action_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5490);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2532);


await (0,_lib_action_js__WEBPACK_IMPORTED_MODULE_0__/* .runStep */ .e)(_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: branchMatches

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./lib/errors.ts
var errors = __webpack_require__(8115);
// EXTERNAL MODULE: ./lib/git-context.ts
var git_context = __webpack_require__(2816);
// EXTERNAL MODULE: ./lib/github.ts
var github = __webpack_require__(2183);
// EXTERNAL MODULE: ./lib/log.ts
var log = __webpack_require__(2844);
// EXTERNAL MODULE: ./lib/summary.ts
var summary = __webpack_require__(1262);
// EXTERNAL MODULE: ./lib/inputs.ts
var lib_inputs = __webpack_require__(453);
;// CONCATENATED MODULE: ./actions/notify/src/result.ts
/** The result word as Travis gave it, from this run's outcome and the previous completed run's. */
/** deploy-stage's `drift` output (command: drift): what happened to the environment's drift issue. */
const DRIFT_STATES = ['drifted', 'still-drifted', 'back-in-sync', 'in-sync'];
/** What `needs.<job>.result` can be. */
const JOB_RESULTS = ['success', 'failure', 'cancelled', 'skipped'];
/** `toJSON(needs)`: `{"build": {"result": "success", "outputs": {...}}, ...}` -> one outcome. */
function outcomeOfJobs(needs) {
    const results = Object.values(needs).map((j) => j.result);
    if (results.includes('failure'))
        return 'failure';
    if (results.includes('cancelled'))
        return 'cancelled';
    return 'success';
}
/** GitHub run conclusions: success, failure, cancelled, timed_out, action_required, neutral, skipped, ... */
function resultWord(outcome, previous) {
    const previousFailed = previous !== undefined && ['failure', 'timed_out', 'cancelled', 'startup_failure'].includes(previous);
    if (outcome === 'cancelled')
        return 'Canceled';
    if (outcome === 'success')
        return previousFailed ? 'Fixed' : 'Passed';
    if (previous === undefined)
        return 'Failed';
    return previousFailed ? 'Still Failing' : 'Broken';
}
const DRIFT_WORDS = { drifted: 'Drifted', 'still-drifted': 'Still drifted', 'back-in-sync': 'Back in sync', 'in-sync': 'In sync' };
/**
 * The word for a drift check, which says more than the job's result: Drifted and Still drifted
 * even when the job failed for it (fail-on-drift). A cancelled run stays Canceled, and a failure
 * with no drift found (the plan could not run) keeps the failure words.
 */
function driftWord(state, outcome) {
    if (outcome === 'cancelled')
        return undefined;
    if (outcome === 'failure' && (state === 'in-sync' || state === 'back-in-sync'))
        return undefined;
    return DRIFT_WORDS[state];
}
/** Good news: governed by on-success (the others by on-failure). */
function isSuccess(word) {
    return word === 'Passed' || word === 'Fixed' || word === 'Back in sync' || word === 'In sync';
}
/** Travis's `on_success` / `on_failure`: `change` sends only when the result differs from before. */
function shouldNotify(word, onSuccess, onFailure) {
    const setting = isSuccess(word) ? onSuccess : onFailure;
    if (setting === 'always')
        return true;
    if (setting === 'never')
        return false;
    return word === 'Fixed' || word === 'Broken' || word === 'Failed' || word === 'Drifted' || word === 'Back in sync';
}
/** The Slack attachment's colour bar: green, orange for drift, grey, red. */
function colorOf(word) {
    if (isSuccess(word))
        return '#2eb886';
    if (word === 'Drifted' || word === 'Still drifted')
        return '#daa038';
    return word === 'Canceled' ? '#9e9e9e' : '#a30200';
}

;// CONCATENATED MODULE: ./actions/notify/src/inputs.ts




const SETTINGS = ['always', 'never', 'change'];
function getInputs() {
    const needsRaw = (0,lib_inputs/* getText */.q4)('needs');
    const needs = needsRaw ? parseNeeds(needsRaw) : undefined;
    const statusRaw = (0,lib_inputs/* getString */.AA)('status');
    const status = statusRaw ? (0,lib_inputs/* getEnum */.GV)('status', ['success', 'failure', 'cancelled'], 'success') : undefined;
    if (!needs && !status)
        throw new errors/* UsageError */.eb('Give "needs" (`${{ toJSON(needs) }}`) or "status" (success, failure or cancelled): notify needs the result to report.');
    const inputs = {
        'slack-webhook-url': (0,lib_inputs/* getSecret */.r6)('slack-webhook-url', 'a Slack webhook URL is one line'),
        'slack-token': (0,lib_inputs/* getSecret */.r6)('slack-token', 'a Slack token is one line'),
        'slack-channel': (0,lib_inputs/* getString */.AA)('slack-channel'),
        'slack-api-url': (0,lib_inputs/* getString */.AA)('slack-api-url') || 'https://slack.com/api',
        needs,
        status,
        drift: (0,lib_inputs/* getString */.AA)('drift') ? (0,lib_inputs/* getEnum */.GV)('drift', DRIFT_STATES, 'in-sync') : undefined,
        'on-success': (0,lib_inputs/* getEnum */.GV)('on-success', SETTINGS, 'always'),
        'on-failure': (0,lib_inputs/* getEnum */.GV)('on-failure', SETTINGS, 'always'),
        'on-pull-requests': (0,lib_inputs/* getBoolean */.pW)('on-pull-requests', true),
        branches: (0,lib_inputs/* getList */.vS)('branches'),
        template: (0,lib_inputs/* getText */.q4)('template'),
        'github-token': (0,lib_inputs/* getSecret */.r6)('github-token'),
        'fail-on-error': (0,lib_inputs/* getBoolean */.pW)('fail-on-error'),
    };
    if (inputs['slack-token'] && !inputs['slack-channel']) {
        throw new errors/* UsageError */.eb('Input "slack-token" is set but "slack-channel" is empty: chat.postMessage needs a channel (e.g. #deploys or C0123456).');
    }
    if (inputs['slack-webhook-url'] && !(0,lib_inputs/* isHttpUrl */.q$)(inputs['slack-webhook-url'])) {
        throw new errors/* UsageError */.eb('Input "slack-webhook-url" is not an http(s) URL (its value is not shown: it is a secret): give the incoming webhook URL from Slack.');
    }
    if (!(0,lib_inputs/* isHttpUrl */.q$)(inputs['slack-api-url'])) {
        throw new errors/* UsageError */.eb(`Input "slack-api-url" is ${(0,log/* forLog */.Ig)(inputs['slack-api-url'])}: expected an http(s) URL such as https://slack.com/api.`);
    }
    return inputs;
}
const NEEDS_SHAPE = `pass the expression toJSON(needs) from the job that uses notify: an object of jobs, each {"result": ${JOB_RESULTS.join(' | ')}}`;
/** `toJSON(needs)`, checked: a result nobody knows must not be read as a pass. */
function parseNeeds(raw) {
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        throw new errors/* UsageError */.eb(`Input "needs" is not JSON (got ${(0,log/* forLog */.Ig)(raw.slice(0, 60))}): ${NEEDS_SHAPE}.`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new errors/* UsageError */.eb(`Input "needs" is ${(0,log/* forLog */.Ig)(raw.slice(0, 60))}, not an object of jobs: ${NEEDS_SHAPE}.`);
    }
    const jobs = {};
    for (const [job, value] of Object.entries(parsed)) {
        const result = value && typeof value === 'object' ? value.result : undefined;
        if (typeof result !== 'string' || !JOB_RESULTS.includes(result)) {
            throw new errors/* UsageError */.eb(`Input "needs" has the job ${(0,log/* forLog */.Ig)(job)} with ${value && typeof value === 'object' ? `result ${JSON.stringify(result ?? null)}` : JSON.stringify(value)}: ${NEEDS_SHAPE}.`);
        }
        jobs[job] = { result: result };
    }
    return jobs;
}

;// CONCATENATED MODULE: ./actions/notify/src/message.ts
const DEFAULT_TEMPLATE = '%{result}: %{repository}@%{branch} (%{commit}) by %{author}: "%{commit_subject}" in %{duration}. <%{build_url}|Details>';
/** A drift check runs on a schedule: no author or commit subject to name, the run says where the issue is. */
const DRIFT_TEMPLATE = '%{result}: %{repository}@%{branch} (%{commit}), checked by %{workflow} in %{duration}. <%{build_url}|Details>';
/**
 * Text for Slack's markup: `&`, `<` and `>` are its only control characters (`<!channel>`,
 * `<@U123>`, `<https://x|label>`), so escaping them makes any value plain text.
 */
function escapeSlack(value) {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * `%{name}` placeholders, as in Travis's `template:`; an unknown name is left as written. The
 * template is the workflow author's (its `<url|label>` links work); every value comes from the
 * repository or the event (commit subjects, PR titles, branch and author names) and is escaped,
 * so nobody can ping the channel or plant a link through a commit message.
 */
function render(template, vars) {
    return template.replace(/%\{(\w+)\}/g, (all, name) => (name in vars ? escapeSlack(vars[name]) : all));
}
function formatDuration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    const m = Math.floor(s / 60);
    return m ? `${m} min ${s % 60} sec` : `${s} sec`;
}

;// CONCATENATED MODULE: ./actions/notify/src/slack.ts

/**
 * Posts to Slack through the kit's HTTP layer. Errors never carry the webhook URL or the token:
 * both are secrets, so the layer names the request by a label, never by its URL.
 *
 * Posting is not idempotent: a retry after Slack saw the request (a 5xx, a reset mid-answer) could
 * post the message twice, so it is sent again only when Slack cannot have seen it: no connection,
 * or a 429 (Slack rate-limits before posting and says when to come back in Retry-After).
 */
async function postToSlack(target, text, color, options = {}) {
    const { Http } = await Promise.all(/* import() */[__webpack_require__.e(288), __webpack_require__.e(294)]).then(__webpack_require__.bind(__webpack_require__, 8288));
    const http = new Http({ ...options, hint: 'Slack or the network is having trouble.' });
    const payload = { text, attachments: [{ color, fallback: text }] };
    const post = (spec) => http.request({ ...spec, method: 'POST', retry: 'unsent' });
    if ('webhook' in target) {
        const response = await post({
            url: target.webhook,
            label: 'the Slack webhook',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(payload),
        });
        if (response.status !== 200) {
            throw new errors/* ToolError */.v4(`The Slack webhook answered HTTP ${response.status} (${brief(response.body.toString('utf8')) || 'no body'}).`);
        }
        return;
    }
    const response = await post({
        url: `${target.apiUrl.replace(/\/+$/, '')}/chat.postMessage`,
        label: "Slack's chat.postMessage",
        headers: { 'content-type': 'application/json; charset=utf-8' },
        auth: `Bearer ${target.token}`,
        body: JSON.stringify({ ...payload, channel: target.channel }),
    });
    let answer = {};
    try {
        answer = JSON.parse(response.body.toString('utf8'));
    }
    catch {
        // not JSON: reported below
    }
    if (response.status !== 200 || !answer.ok) {
        throw new errors/* ToolError */.v4(`Slack's chat.postMessage to ${target.channel} failed: HTTP ${response.status}, ${answer.error ? brief(answer.error) : 'no answer'}.`);
    }
}
function brief(text) {
    return text.trim().replace(/\s+/g, ' ').slice(0, 80);
}

;// CONCATENATED MODULE: ./actions/notify/src/main.ts











async function main() {
    const inputs = getInputs();
    const facts = runFacts(process.env);
    const outcome = inputs.status ?? outcomeOfJobs(inputs.needs ?? {});
    const { run, previous } = await runHistory(inputs, facts.branch);
    const drift = inputs.drift ? driftWord(inputs.drift, outcome) : undefined;
    const word = drift ?? resultWord(outcome, previous);
    core/* setOutput */.uH('result', word);
    (0,log/* info */.pq)(drift
        ? `Result: ${word} (the drift check said ${inputs.drift}; this run: ${outcome})`
        : `Result: ${word} (this run: ${outcome}; previous completed run on ${facts.branch || 'this branch'}: ${previous ?? 'none'})`);
    const text = render(inputs.template || (inputs.drift ? DRIFT_TEMPLATE : DEFAULT_TEMPLATE), messageVariables(facts, word, run, process.env));
    const skip = skipReason(inputs, word, facts.isPr, facts.branch);
    let sent = false;
    if (skip)
        (0,log/* info */.pq)(`Not notifying: ${skip}.`);
    else
        sent = await send(inputs, text, word);
    core/* setOutput */.uH('sent', String(sent));
    await writeSummary(word, text, inputs.needs, sent, skip);
}
function runFacts(env) {
    const event = readEvent(env.GITHUB_EVENT_PATH);
    const isPr = (0,git_context/* isPullRequest */.r)(env.GITHUB_EVENT_NAME);
    const branch = isPr ? (event.pull_request?.head?.ref ?? env.GITHUB_HEAD_REF ?? '') : (env.GITHUB_REF_NAME ?? (env.GITHUB_REF ?? '').replace(/^refs\/(heads|tags)\//, ''));
    const sha = isPr ? (event.pull_request?.head?.sha ?? env.GITHUB_SHA ?? '') : (env.GITHUB_SHA ?? '');
    return { event, isPr, branch, sha };
}
/** Travis's notification variables for this run. */
function messageVariables({ event, branch, sha }, word, run, env) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY ?? '';
    const started = run?.run_started_at ?? run?.created_at;
    return {
        repository,
        branch,
        commit: sha.slice(0, 7),
        author: event.head_commit?.author?.name ?? event.pull_request?.user?.login ?? event.pusher?.name ?? env.GITHUB_ACTOR ?? '',
        commit_subject: (event.head_commit?.message ?? event.pull_request?.title ?? '').split('\n')[0] ?? '',
        result: word,
        duration: started ? formatDuration(Date.now() - Date.parse(started)) : 'unknown time',
        build_url: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
        compare_url: event.compare ?? (event.pull_request?.html_url ? `${event.pull_request.html_url}/files` : `${server}/${repository}/commit/${sha}`),
        pull_request_number: event.pull_request?.number ? String(event.pull_request.number) : '',
        pull_request_url: event.pull_request?.html_url ?? '',
        workflow: run?.name ?? env.GITHUB_WORKFLOW ?? '',
    };
}
/** Posts the message when a webhook or token is given; Slack being down is a warning unless fail-on-error. */
async function send(inputs, text, word) {
    if (!inputs['slack-webhook-url'] && !inputs['slack-token']) {
        (0,log/* info */.pq)('No Slack webhook or token given: the result is in the run summary only.');
        return false;
    }
    try {
        await postToSlack(inputs['slack-webhook-url']
            ? { webhook: inputs['slack-webhook-url'] }
            : { token: inputs['slack-token'], channel: inputs['slack-channel'], apiUrl: inputs['slack-api-url'] }, text, colorOf(word));
        (0,log/* info */.pq)(`Sent to Slack: ${text}`);
        return true;
    }
    catch (error) {
        const message = `Could not notify Slack: ${(0,errors/* messageOf */.bD)(error)}`;
        if (inputs['fail-on-error'])
            throw new errors/* ToolError */.v4(message);
        core/* warning */.$e(message);
        return false;
    }
}
function readEvent(path) {
    if (!path)
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
function skipReason(inputs, word, isPr, branch) {
    if (isPr && !inputs['on-pull-requests'])
        return 'on-pull-requests is false';
    if (inputs.branches.length && !inputs.branches.some((b) => branchMatches(b, branch)))
        return `branch ${branch} is not in "branches"`;
    if (!shouldNotify(word, inputs['on-success'], inputs['on-failure'])) {
        const setting = isSuccess(word) ? `on-success: ${inputs['on-success']}` : `on-failure: ${inputs['on-failure']}`;
        return `the result is ${word} and ${setting}`;
    }
    return undefined;
}
/** A branch filter: `*` matches any run of characters; everything else, `?` included, is literal. */
function branchMatches(pattern, branch) {
    const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return re.test(branch);
}
/**
 * This run, and the conclusion of the previous completed run of the same workflow on the same
 * branch (GitHub REST API). Without a token or on an API error: no history, with a warning.
 */
async function runHistory(inputs, branch) {
    const env = process.env;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const runId = Number(env.GITHUB_RUN_ID);
    if (!inputs['github-token'] || !owner || !repo || !runId)
        return {};
    try {
        const octokit = await (0,github/* octokit */.A8)(inputs['github-token']);
        const { data: run } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
        const { data: runs } = await octokit.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: run.workflow_id, branch: branch || run.head_branch || undefined, status: 'completed', per_page: 20 });
        const before = runs.workflow_runs.find((r) => r.id !== runId && Date.parse(r.created_at) <= Date.parse(run.created_at));
        return { run, previous: before?.conclusion ?? undefined };
    }
    catch (error) {
        core/* warning */.$e(`Could not read the previous run from the GitHub API (${(0,errors/* messageOf */.bD)(error)}); the result word ignores history.`);
        return {};
    }
}
async function writeSummary(word, text, needs, sent, skip) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const parts = [`### ${word}`, ''];
    if (needs && Object.keys(needs).length) {
        parts.push((0,summary/* markdownTable */.Qj)(['job', 'result'], Object.entries(needs).map(([job, j]) => [(0,summary.md)(job), j.result])), '');
    }
    parts.push(sent ? `Sent to Slack: ${(0,summary/* code */.aY)(text)}` : skip ? `Not sent to Slack: ${(0,summary.md)(skip)}.` : 'No Slack notification configured.');
    await core/* summary */.z.addRaw(`${parts.join('\n')}\n`).write();
}


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


/***/ })

};
