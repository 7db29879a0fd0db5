import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Http } from '../../lib/http.js';
import { TestServer } from '../support/http-server.js';

// Review (branch review1): lib/http.ts retry policy for writes. RED when written (main at e5f3a67).

const server = new TestServer();
beforeAll(async () => {
  await server.start();
});
afterAll(async () => {
  await server.close();
});

describe('review1: a write refused by a rate limit is sent again after Retry-After', () => {
  // Correct: GitHub's secondary rate limit answers 403 with Retry-After (the layer already treats it
  // as "come back later" for reads) and, like a 429, refuses the request before acting on it, so a
  // POST (the plan comment, an issue) is safe to send again after the wait. Today only a 429 counts
  // as unsent: the comment POST fails at once with "Not sent again: the server may have acted on it".
  test('a POST answered 403 with Retry-After is retried once the wait is over', async () => {
    server.handler = (_req, res: ServerResponse, _seen, i) => {
      if (i === 0) {
        res.writeHead(403, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end('{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}');
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":1}');
    };
    const http = new Http({ retryDelays: [10, 10, 10], log: () => undefined });
    const response = await http.request({ method: 'POST', url: `${server.url}/repos/o/r/issues/1/comments`, body: '{"body":"plan"}' });
    expect(server.seen).toHaveLength(2);
    expect(response.status).toBe(201);
  });
});
