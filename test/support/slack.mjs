// A loopback stand-in for Slack's two ways in: an incoming webhook (POST /services/...) and the Web
// API's chat.postMessage (Bearer token, answers {"ok": ...}). Records what it received; `failWith`
// makes the next answers an HTTP error.
import { serveWithBodies, stop } from './loopback.mjs';

export class SlackServer {
  /** @type {import('node:http').Server | undefined} */
  server;
  /** The server's base URL, once started. */
  url = '';
  /** @type {{path: string, authorization?: string, body: {text: string, channel?: string, attachments: {color: string}[]}}[]} */
  received = [];
  failWith = 0;

  async start() {
    ({ server: this.server, url: this.url } = await serveWithBodies((req, res, raw) => {
      const body = raw ? JSON.parse(raw) : undefined;
      this.received.push({ path: req.url, authorization: req.headers.authorization, body });
      if (this.failWith) {
        res.writeHead(this.failWith, { 'content-type': 'text/plain' });
        return res.end('internal_error');
      }
      if (req.url === '/api/chat.postMessage') {
        const ok = req.headers.authorization === 'Bearer xoxb-SECRET-TOKEN';
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(ok ? { ok: true, channel: body.channel, ts: '1.2' } : { ok: false, error: 'invalid_auth' }));
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    }));
    return this;
  }

  close() {
    return stop(this.server);
  }
}
