// A loopback stand-in for the few GitHub REST endpoints shipkit calls, keeping their request and
// response shapes: issue comments (list with pagination, create, update) and the pull requests
// of a commit. It records every request so tests can assert what was sent.
import { createServer } from 'node:http';
import { listen, stop } from './loopback.mjs';

export class GitHubApi {
  /** @type {{method: string, path: string, body?: any, authorization?: string}[]} */
  requests = [];
  /** @type {Map<number, {id: number, body: string, user: {login: string}}[]>} issue number -> comments */
  comments = new Map();
  /** @type {Map<string, {number: number, merged_at: string | null, merge_commit_sha: string}[]>} sha -> pull requests */
  commitPulls = new Map();
  /** @type {{id: number, workflow_id: number, name: string, head_branch: string, status: string, conclusion: string | null, created_at: string, run_started_at: string}[]} workflow runs, newest first */
  runs = [];
  nextId = 1000;

  async start() {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (d) => (raw += d));
      req.on('end', () => this.handle(req, res, raw));
    });
    this.url = await listen(this.server);
    return this;
  }

  close() {
    return stop(this.server);
  }

  handle(req, res, raw) {
    const url = new URL(req.url, this.url);
    const body = raw ? JSON.parse(raw) : undefined;
    this.requests.push({ method: req.method, path: url.pathname, body, authorization: req.headers.authorization });
    const send = (status, data) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    let m;
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const list = this.comments.get(Number(m[1])) ?? [];
      if (req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const pageItems = list.slice((page - 1) * perPage, page * perPage);
        if (page * perPage < list.length) {
          res.setHeader('link', `<${this.url}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`);
        }
        return send(200, pageItems);
      }
      if (req.method === 'POST') {
        const comment = { id: this.nextId++, body: body.body, user: { login: 'github-actions[bot]' } };
        this.comments.set(Number(m[1]), [...list, comment]);
        return send(201, comment);
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname)) && req.method === 'PATCH') {
      for (const list of this.comments.values()) {
        const comment = list.find((c) => c.id === Number(m[1]));
        if (comment) {
          comment.body = body.body;
          return send(200, comment);
        }
      }
      return send(404, { message: 'Not Found' });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/pulls$/.exec(url.pathname)) && req.method === 'GET') {
      return send(200, this.commitPulls.get(m[1]) ?? []);
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
}
