// Start and stop for the tests' HTTP servers: 127.0.0.1 only, on a free port.
import { createServer } from 'node:http';

/** @returns {Promise<string>} the server's base URL */
export async function listen(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${server.address().port}`;
}

export async function stop(server) {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * A server that reads each request's whole body (UTF-8, decoded once, so a character split across
 * chunks stays whole) before `handle` answers it.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, body: string) => void} handle
 * @returns {Promise<{server: import('node:http').Server, url: string}>}
 */
export async function serveWithBodies(handle) {
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  return { server, url: await listen(server) };
}
