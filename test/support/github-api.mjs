// A loopback stand-in for the few GitHub REST and GraphQL endpoints shipkit calls, keeping their
// request and response shapes: issue comments (list with pagination, create, update), issues
// (list by state and label, create, update and close), repository labels (get, create) and the
// labels of an issue or pull request (list, add, remove), the pull requests of a commit, workflow
// runs, and who a token belongs to. It records every request so tests can assert what was sent.
//
// As on GitHub, issues and pull requests share one number space and one comment list per number;
// adding a label that the repository does not have creates it (grey, no description).
//
// Tokens behave as GitHub's do (checked against GitHub's documentation and reports of real runs):
// - an installation token (`ghs_...`: the workflow's GITHUB_TOKEN, or a GitHub App's) gets 403
//   "Resource not accessible by integration" from `GET /user`; GraphQL's `viewer` answers with the
//   app's bot, `github-actions[bot]` for GITHUB_TOKEN (`<app-slug>[bot]` for other apps), and the
//   comments it writes are by that bot (`type: Bot`);
// - a personal access token (`ghp_...`, `github_pat_...`) answers `GET /user` and `viewer` with its
//   user, and its comments are by that user (`type: User`);
// - an unknown token gets 401 "Bad credentials" everywhere; no token at all may only read.
//
// Comment edits are kept as GitHub keeps them: anyone with write access may edit any comment (the
// author stays who created it), and GraphQL's IssueComment tells who last wrote the body: `editor`
// and `lastEditedAt` (null until the first edit), and `userContentEdits`, the history, which on the
// first edit also gets an entry for the creation (`includesCreatedEdit`). GraphQL spells a bot's
// login without REST's `[bot]` suffix (`github-actions`, `__typename: Bot`), and the stand-in does
// too; it answers `nodes(ids: ...)` for comments by their REST `node_id`. A pull request of a commit
// has a `base` (the stand-in's default: main, in this repository) and a `head` repository.
import { serveWithBodies, stop } from './loopback.mjs';

/** A GraphQL global id for a comment: opaque, as GitHub's are. */
function nodeIdOf(id) {
  return `IC_kwStandIn${Buffer.from(String(id)).toString('base64url')}`;
}

/** A login as GraphQL's Actor: a bot without REST's `[bot]` suffix. */
function graphqlActor(login) {
  return login.endsWith('[bot]') ? { __typename: 'Bot', login: login.slice(0, -'[bot]'.length) } : { __typename: 'User', login };
}

/** The GITHUB_TOKEN's bot, as GitHub shows it on comments. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

export class GitHubApi {
  /** @type {import('node:http').Server | undefined} */
  server;
  /** The server's base URL, once started. */
  url = '';
  /** @type {{method: string, path: string, body?: any, authorization?: string}[]} */
  requests = [];
  /**
   * Issue number -> comments. `editor` (REST spelling), `lastEditedAt` and `edits` are kept when a
   * comment is edited; comments a test stores directly may leave them (and `node_id`) out.
   * @type {Map<number, {id: number, body: string, user: {login: string, id?: number, type?: string}, node_id?: string, created_at?: string, updated_at?: string, editor?: string, lastEditedAt?: string, edits?: {editor: string, editedAt: string}[]}[]>}
   */
  comments = new Map();
  /** @type {Map<string, {number: number, merged_at: string | null, merge_commit_sha: string, base?: {ref: string}, head?: {repo: {full_name: string} | null}}[]>} sha -> pull requests */
  commitPulls = new Map();
  /** @type {{id: number, workflow_id: number, name: string, head_branch: string, status: string, conclusion: string | null, created_at: string, run_started_at: string}[]} workflow runs, newest first */
  runs = [];
  /**
   * Who each token is. `ghs_` tokens not listed are the GITHUB_TOKEN (installation of the
   * github-actions app); add `ghs_x: {app: 'my-app'}` for another app's installation token.
   * @type {Map<string, {user?: {login: string, id: number}, app?: string}>}
   */
  tokens = new Map([['ghp_ALICE', { user: { login: 'alice', id: 1001 } }]]);
  nextId = 1000;
  /** @type {Map<number, {number: number, title: string, body: string, state: 'open' | 'closed', state_reason: string | null, user: {login: string, id?: number, type?: string}}>} issues (not pull requests) by number */
  issues = new Map();
  /** @type {Map<string, {name: string, color: string, description: string | null}>} the repository's labels */
  labels = new Map();
  /** @type {Map<number, string[]>} label names of each issue or pull request */
  issueLabels = new Map();
  /** Numbers for new issues: above the pull request numbers the tests use. */
  nextNumber = 100;

  async start() {
    ({ server: this.server, url: this.url } = await serveWithBodies((req, res, raw) => this.handle(req, res, raw)));
    return this;
  }

  close() {
    return stop(this.server);
  }

  /** Who a request's token is, as GitHub would attribute its writes; undefined for a bad token. */
  identity(authorization) {
    const token = /^(?:token|bearer) (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
    const known = this.tokens.get(token);
    if (known?.user) return { kind: 'user', account: { ...known.user, type: 'User' } };
    if (known?.app) return { kind: 'installation', account: { login: `${known.app}[bot]`, id: 90000 + known.app.length, type: 'Bot' } };
    if (token.startsWith('ghs_')) return { kind: 'installation', account: ACTIONS_BOT };
    return undefined;
  }

  handle(req, res, raw) {
    const url = new URL(req.url, this.url);
    const body = raw ? JSON.parse(raw) : undefined;
    this.requests.push({ method: req.method, path: url.pathname, body, authorization: req.headers.authorization });
    const send = (status, data) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    const who = this.identity(req.headers.authorization);
    if (req.headers.authorization && !who) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    // Without a token GitHub answers reads of a public repository and refuses everything else.
    if (!who && (req.method !== 'GET' || url.pathname === '/user')) return send(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' });

    if (url.pathname === '/user' && req.method === 'GET') {
      if (who.kind === 'installation') {
        return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' });
      }
      return send(200, who.account);
    }
    if (url.pathname === '/graphql' && req.method === 'POST') {
      if (/\bviewer\s*\{\s*login\b/.test(body?.query ?? '')) return send(200, { data: { viewer: { login: who.account.login } } });
      if (/\bnodes\s*\(\s*ids\s*:/.test(body?.query ?? '')) {
        // the edit history under each name the query gives it (`userContentEdits`, or aliases)
        const names = [...body.query.matchAll(/(?:(\w+)\s*:\s*)?userContentEdits\b/g)].map((x) => x[1] ?? 'userContentEdits');
        return send(200, { data: { nodes: (body.variables?.ids ?? []).map((id) => this.commentNode(id, names)) } });
      }
      return send(200, { errors: [{ message: 'this stand-in answers only `viewer { login }` and `nodes(ids:)` of issue comments' }] });
    }
    let m;
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const list = this.comments.get(Number(m[1])) ?? [];
      if (req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const pageItems = list.slice((page - 1) * perPage, page * perPage).map((c) => this.restComment(c));
        if (page * perPage < list.length) {
          res.setHeader('link', `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`);
        }
        return send(200, pageItems);
      }
      if (req.method === 'POST') {
        const now = new Date().toISOString();
        const id = this.nextId++;
        const comment = { id, node_id: nodeIdOf(id), body: body.body, user: who.account, created_at: now, updated_at: now };
        this.comments.set(Number(m[1]), [...list, comment]);
        return send(201, this.restComment(comment));
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)) && req.method === 'PATCH') {
      // As on GitHub, a token with write access to the repository may edit anyone's comment: the
      // action must choose not to.
      for (const list of this.comments.values()) {
        const comment = list.find((c) => c.id === Number(m[1]));
        if (comment) {
          // GitHub's clock has whole seconds; a later edit in the same second still sorts after
          const now = new Date(Math.max(Date.now(), Date.parse(comment.lastEditedAt ?? '') + 1000 || 0)).toISOString();
          comment.edits ??= [{ editor: comment.user.login, editedAt: comment.created_at ?? now }];
          comment.edits.push({ editor: who.account.login, editedAt: now });
          comment.body = body.body;
          comment.editor = who.account.login;
          comment.lastEditedAt = now;
          comment.updated_at = now;
          return send(200, this.restComment(comment));
        }
      }
      return send(404, { message: 'Not Found' });
    }
    const issueOf = (issue) => ({ ...issue, html_url: `https://github.com/o/r/issues/${issue.number}`, labels: this.labelsOf(issue.number) });
    if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(url.pathname)) {
      if (req.method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        const list = [...this.issues.values()]
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => wanted.every((name) => (this.issueLabels.get(i.number) ?? []).includes(name)))
          .sort((a, b) => b.number - a.number) // newest first, as GitHub lists them
          .map(issueOf);
        return this.page(url, list, res, send);
      }
      if (req.method === 'POST') {
        if (typeof body?.title !== 'string' || !body.title) return send(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }] });
        const issue = { number: this.nextNumber++, title: body.title, body: body.body ?? '', state: 'open', state_reason: null, user: who.account };
        this.issues.set(issue.number, issue);
        this.addLabels(issue.number, body.labels ?? []);
        return send(201, issueOf(issue));
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(url.pathname))) {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return send(404, { message: 'Not Found' });
      if (req.method === 'GET') return send(200, issueOf(issue));
      if (req.method === 'PATCH') {
        // As for comments, a token with write access may edit anyone's issue: the action must choose not to.
        for (const key of ['title', 'body', 'state', 'state_reason']) if (body?.[key] !== undefined) issue[key] = body[key];
        if (body?.state === 'open') issue.state_reason = 'reopened';
        return send(200, issueOf(issue));
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/labels\/([^/]+)$/.exec(url.pathname)) && req.method === 'GET') {
      const label = this.labels.get(decodeURIComponent(m[1]));
      return label ? send(200, label) : send(404, { message: 'Not Found' });
    }
    if (/^\/repos\/[^/]+\/[^/]+\/labels$/.test(url.pathname) && req.method === 'POST') {
      if (this.labels.has(body.name)) return send(422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
      const label = { name: body.name, color: body.color ?? 'ededed', description: body.description ?? null };
      this.labels.set(label.name, label);
      return send(201, label);
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels$/.exec(url.pathname))) {
      const number = Number(m[1]);
      if (req.method === 'GET') return this.page(url, this.labelsOf(number), res, send);
      if (req.method === 'POST') {
        this.addLabels(number, body.labels ?? []);
        return send(200, this.labelsOf(number));
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/labels\/([^/]+)$/.exec(url.pathname)) && req.method === 'DELETE') {
      const number = Number(m[1]);
      const name = decodeURIComponent(m[2]);
      const names = this.issueLabels.get(number) ?? [];
      if (!names.includes(name)) return send(404, { message: 'Label does not exist' });
      this.issueLabels.set(number, names.filter((n) => n !== name));
      return send(200, this.labelsOf(number));
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(url.pathname)) && req.method === 'GET') {
      const repository = url.pathname.split('/').slice(2, 4).join('/');
      return send(200, (this.commitPulls.get(m[1]) ?? []).map((p) => ({ base: { ref: 'main', repo: { full_name: repository } }, head: { repo: { full_name: repository } }, ...p })));
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)$/.exec(url.pathname)) && req.method === 'GET') {
      const run = this.runs.find((r) => r.id === Number(m[1]));
      return run ? send(200, run) : send(404, { message: 'Not Found' });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/actions\/workflows\/(\d+)\/runs$/.exec(url.pathname)) && req.method === 'GET') {
      const branch = url.searchParams.get('branch');
      const status = url.searchParams.get('status');
      const list = this.runs.filter((r) => r.workflow_id === Number(m[1]) && (!branch || r.head_branch === branch) && (!status || r.status === status));
      return send(200, { total_count: list.length, workflow_runs: list.slice(0, Number(url.searchParams.get('per_page') ?? 30)) });
    }
    send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  /** A comment as REST shows it: who created it, never who edited it. */
  restComment(comment) {
    const rest = { ...comment };
    for (const graphqlOnly of ['editor', 'lastEditedAt', 'edits']) delete rest[graphqlOnly];
    return { node_id: nodeIdOf(comment.id), ...rest };
  }

  /** A comment as GraphQL's IssueComment shows it, by node id; null for an unknown id, as GitHub answers. */
  commentNode(id, historyNames) {
    for (const list of this.comments.values()) {
      const comment = list.find((c) => (c.node_id ?? nodeIdOf(c.id)) === id);
      if (!comment) continue;
      const history = (comment.edits ?? []).map((e) => ({ editedAt: e.editedAt, editor: graphqlActor(e.editor) }));
      return {
        __typename: 'IssueComment',
        id,
        databaseId: comment.id,
        body: comment.body,
        author: graphqlActor(comment.user.login),
        editor: comment.editor ? graphqlActor(comment.editor) : null,
        lastEditedAt: comment.lastEditedAt ?? null,
        includesCreatedEdit: history.length > 0,
        // the stand-in does not page the history: every name gets all of it, oldest first
        ...Object.fromEntries(historyNames.map((name) => [name, { totalCount: history.length, nodes: history }])),
      };
    }
    return null;
  }

  /** One page of a list, with GitHub's `link: <...>; rel="next"` header when there is more. */
  page(url, list, res, send) {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    if (page * perPage < list.length) {
      const next = new URL(url.href, this.url);
      next.searchParams.set('page', String(page + 1));
      res.setHeader('link', `<${this.url}${next.pathname}${next.search}>; rel="next"`);
    }
    return send(200, list.slice((page - 1) * perPage, page * perPage));
  }

  labelsOf(number) {
    return (this.issueLabels.get(number) ?? []).map((name) => this.labels.get(name) ?? { name, color: 'ededed', description: null });
  }

  addLabels(number, names) {
    for (const name of names) if (!this.labels.has(name)) this.labels.set(name, { name, color: 'ededed', description: null });
    this.issueLabels.set(number, [...new Set([...(this.issueLabels.get(number) ?? []), ...names])]);
  }

  /** The label names of an issue or pull request. */
  labelNames(number) {
    return this.issueLabels.get(number) ?? [];
  }
}
