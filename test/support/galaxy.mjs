// A loopback source for the seed fixture's Galaxy role: serves a STAND-IN of geerlingguy.docker
// 2.5.3 (test/fixtures/galaxy-roles/) as a release tarball under GitHub's archive URL layout,
// `/geerlingguy/ansible-role-docker/archive/2.5.3.tar.gz`, which ansible-galaxy downloads when a
// requirements.yml names it as `src:`. Run it by hand for the fixture's documented green run:
//   node test/support/galaxy.mjs            (serves on 127.0.0.1:8738, the port requirements.yml names)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen, stop } from './loopback.mjs';

const ROLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'galaxy-roles');
export const ROLE_PATH = '/geerlingguy/ansible-role-docker/archive/2.5.3.tar.gz';
/** The source written in test/fixtures/seed-repo's requirements.yml. */
export const FIXTURE_SOURCE = 'http://127.0.0.1:8738';

/** The role folder as GitHub serves a tag's archive: gzip'd tar with one top folder. */
export function roleTarball() {
  return execFileSync('tar', ['-C', ROLES, '--owner=0', '--group=0', '-czf', '-', 'ansible-role-docker-2.5.3']);
}

export class GalaxySource {
  /** @type {{path: string}[]} */
  requests = [];

  async start(port = 0) {
    const tarball = roleTarball();
    this.server = createServer((req, res) => {
      this.requests.push({ path: req.url ?? '' });
      if (req.url === ROLE_PATH) {
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': tarball.length });
        res.end(tarball);
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('File not found');
    });
    if (port) {
      await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
      this.url = `http://127.0.0.1:${port}`;
    } else {
      this.url = await listen(this.server);
    }
    return this;
  }

  close() {
    return stop(this.server);
  }

  /** Points a checkout's requirements.yml at this server instead of the fixture's fixed port. */
  rewrite(file) {
    writeFileSync(file, readFileSync(file, 'utf8').split(FIXTURE_SOURCE).join(this.url));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = await new GalaxySource().start(Number(new URL(FIXTURE_SOURCE).port));
  console.log(`serving the geerlingguy.docker stand-in at ${source.url}${ROLE_PATH} (Ctrl-C stops)`);
}
