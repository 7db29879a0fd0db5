// A loopback source for the seed fixture's Galaxy role: serves a STAND-IN of geerlingguy.docker
// 2.5.3 (test/fixtures/galaxy-roles/) as a release tarball under GitHub's archive URL layout,
// `/geerlingguy/ansible-role-docker/archive/2.5.3.tar.gz`, which ansible-galaxy downloads when a
// requirements.yml names it as `src:`; and a stand-in collection, shipkit.demo 1.0.0
// (test/fixtures/galaxy-collections/, built with the real `ansible-galaxy collection build`), at
// `/collections/shipkit-demo-1.0.0.tar.gz` for `type: url` requirements. Run it by hand for the
// fixture's documented green run:
//   node test/support/galaxy.mjs            (serves on 127.0.0.1:8738, the port requirements.yml names)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listen, stop } from './loopback.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const ROLES = join(FIXTURES, 'galaxy-roles');
export const ROLE_PATH = '/geerlingguy/ansible-role-docker/archive/2.5.3.tar.gz';
export const COLLECTION_PATH = '/collections/shipkit-demo-1.0.0.tar.gz';
/** The source written in test/fixtures/seed-repo's requirements.yml. */
export const FIXTURE_SOURCE = 'http://127.0.0.1:8738';

/** The role folder as GitHub serves a tag's archive: gzip'd tar with one top folder. */
export function roleTarball() {
  return execFileSync('tar', ['-C', ROLES, '--owner=0', '--group=0', '-czf', '-', 'ansible-role-docker-2.5.3']);
}

/** The stand-in collection as ansible-galaxy builds it (a real build: ansible-galaxy must be on PATH). */
export function collectionTarball() {
  const out = mkdtempSync(join(tmpdir(), 'shipkit-collection-'));
  execFileSync('ansible-galaxy', ['collection', 'build', '--output-path', out, join(FIXTURES, 'galaxy-collections', 'shipkit', 'demo')], { stdio: 'ignore' });
  return readFileSync(join(out, 'shipkit-demo-1.0.0.tar.gz'));
}

export class GalaxySource {
  /** @type {{path: string}[]} */
  requests = [];

  async start(port = 0) {
    const files = new Map([[ROLE_PATH, roleTarball()]]);
    let collection;
    this.server = createServer((req, res) => {
      this.requests.push({ path: req.url ?? '' });
      if (req.url === COLLECTION_PATH) collection ??= collectionTarball();
      const body = req.url === COLLECTION_PATH ? collection : files.get(req.url ?? '');
      if (body) {
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length });
        res.end(body);
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
