import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, test } from '@jest/globals';
import * as core from '@actions/core';

// packages/no-oidc-http-client takes @actions/http-client's place inside @actions/core (package.json
// "overrides"), so no action loads undici just to start: about half of every step's start-up.
describe("@actions/core without its OIDC HTTP client", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('the override is in effect: an OIDC token request says why it cannot be made, and sends nothing', async () => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = 'http://127.0.0.1:9/token';
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'x';
    await expect(core.getIDToken()).rejects.toThrow('shipkit does not request OIDC tokens');
  });

  test('no source asks for one', () => {
    // git grep exits 1 when nothing matches
    const grep = spawnSync('git', ['grep', '-l', '-e', 'getIDToken', '-e', 'OidcClient', '--', 'actions/*/src', 'lib', 'cli', 'scripts'], { encoding: 'utf8' });
    expect({ status: grep.status, files: grep.stdout.trim() }).toEqual({ status: 1, files: '' });
  });
});
