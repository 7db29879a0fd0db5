// Start and stop for the tests' HTTP servers: 127.0.0.1 only, on a free port.

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
