// A loopback release mirror, laid out exactly like the upstream download sites:
//   /releases.hashicorp.com/<product>/<V>/<product>_<V>_<os>_<arch>.zip, _SHA256SUMS, _SHA256SUMS.<KEYID>.sig,
//   /releases.hashicorp.com/<product>/index.json
//   /github.com/<owner>/<repo>/releases/download/v<V>/<asset>
//   /api.github.com/repos/<owner>/<repo>/releases[/latest]
// so a `mirrors` input of `https://releases.hashicorp.com=<url>/releases.hashicorp.com` (and the
// same for github.com) points the real code at it. It can inject faults (status codes, cut-short
// bodies, rate limits), throttle like a CDN (per-connection rate and latency), and logs requests.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import * as openpgp from 'openpgp';
import { makeZip } from './zip.mjs';
import { listen, stop } from './loopback.mjs';

export const HASHICORP = 'releases.hashicorp.com';
export const GITHUB = 'github.com';
export const API = 'api.github.com';

export function sha256(buffer) {
  return createHash('sha256').update(buffer).digest('hex');
}

/** An OpenPGP key of the tests' own, standing in for HashiCorp's release key. */
export async function makeSigner() {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'shipkit test releases', email: 'test@shipkit.invalid' }],
    format: 'object',
  });
  return {
    publicKey: publicKey.armor(),
    shortId: publicKey.getKeyID().toHex().slice(-8).toUpperCase(),
    async sign(data) {
      const message = await openpgp.createMessage({ binary: new Uint8Array(data) });
      return Buffer.from(await openpgp.sign({ message, signingKeys: privateKey, detached: true, format: 'binary' }));
    },
  };
}

export class ReleaseMirror {
  /** @type {Map<string, Buffer>} path -> body */
  files = new Map();
  /** @type {{match: string, times: number, status?: number, truncate?: boolean, headers?: Record<string, string>, body?: string}[]} */
  faults = [];
  /** @type {string[]} path and query of every request, in order */
  requests = [];
  /** @type {Map<string, {tag_name: string, name: string, draft: boolean, prerelease: boolean}[]>} API repo -> releases, newest first */
  releases = new Map();
  throttle = { bytesPerSecond: 0, latencyMs: 0 };
  /** Answer `Range: bytes=a-b` with 206, as CDNs do; false to behave like a server that cannot. */
  ranges = true;
  rangeRequests = 0;

  /** @param {{bytesPerSecond?: number, latencyMs?: number}} [throttle] */
  async start(throttle = {}) {
    Object.assign(this.throttle, throttle);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.destroy(error);
      });
    });
    this.server.keepAliveTimeout = 1000;
    this.url = await listen(this.server);
    return this;
  }

  close() {
    return stop(this.server);
  }

  /** The setup-tools `mirrors` input that sends both download hosts here. */
  get mirrorsInput() {
    return `https://${HASHICORP}=${this.url}/${HASHICORP}\nhttps://${GITHUB}=${this.url}/${GITHUB}`;
  }

  get apiUrl() {
    return `${this.url}/${API}`;
  }

  put(path, data) {
    this.files.set(path, Buffer.isBuffer(data) ? data : Buffer.from(data));
  }

  /**
   * Makes the next `times` requests whose path contains `match` fail: `{status}` answers that status,
   * `{truncate: true}` sends half the body then closes, `{headers, body}` shape the answer.
   */
  fault(match, spec) {
    this.faults.push({ match, times: spec.times ?? Infinity, ...spec });
  }

  requested(fragment) {
    return this.requests.filter((path) => path.includes(fragment));
  }

  async handle(req, res) {
    const url = new URL(req.url, this.url);
    this.requests.push(url.pathname + url.search);
    if (this.throttle.latencyMs) await sleep(this.throttle.latencyMs);

    const fault = this.faults.find((f) => f.times > 0 && url.pathname.includes(f.match));
    if (fault) fault.times--;
    if (fault && fault.status) {
      res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.headers ?? {}) });
      res.end(fault.body ?? JSON.stringify({ message: `injected ${fault.status}` }));
      return;
    }

    const body = this.files.get(url.pathname) ?? this.api(url);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    const range = this.ranges ? /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '') : null;
    let payload = body;
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(Number(range[2]), body.length - 1);
      payload = body.subarray(start, end + 1);
      this.rangeRequests++;
      res.writeHead(206, { 'content-length': payload.length, 'content-range': `bytes ${start}-${end}/${body.length}`, 'accept-ranges': 'bytes' });
    } else {
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream', ...(this.ranges ? { 'accept-ranges': 'bytes' } : {}) });
    }
    if (fault?.truncate) {
      res.write(payload.subarray(0, Math.floor(payload.length / 2)));
      await sleep(20);
      res.destroy();
      return;
    }
    await this.send(res, payload);
  }

  async send(res, body) {
    const rate = this.throttle.bytesPerSecond;
    if (!rate) {
      res.end(body);
      return;
    }
    const tick = 20; // ms
    const chunk = Math.max(1, Math.floor((rate * tick) / 1000));
    const started = Date.now();
    for (let sent = 0; sent < body.length; sent += chunk) {
      if (!res.write(body.subarray(sent, sent + chunk))) await new Promise((r) => res.once('drain', r));
      const due = started + ((sent + chunk) / rate) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
    }
    res.end();
  }

  api(url) {
    const m = /^\/api\.github\.com\/repos\/([^/]+\/[^/]+)\/releases(\/latest)?$/.exec(url.pathname);
    if (!m) return undefined;
    const list = this.releases.get(m[1]);
    if (!list) return undefined;
    if (m[2]) {
      const latest = list.filter((r) => !r.draft && !r.prerelease)[0];
      return latest ? Buffer.from(JSON.stringify(latest)) : undefined;
    }
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    return Buffer.from(JSON.stringify(list.slice((page - 1) * perPage, page * perPage)));
  }

  /**
   * Publishes a HashiCorp product version: the zip per platform, SHA256SUMS, its signature
   * `<file>.<KEYID>.sig`, and the product's index.json entry.
   * A build's `zip` replaces the archive shipkit would expect (a crafted one, still listed and signed).
   * @param {{product: string, version: string, builds: {os: string, arch: string, binary?: Buffer, zip?: Buffer}[], signer: any, extraFiles?: {name: string, data: Buffer}[]}} o
   */
  async publishHashiCorp({ product, version, builds, signer, extraFiles = [] }) {
    const dir = `/${HASHICORP}/${product}/${version}`;
    const lines = [];
    const indexBuilds = [];
    for (const build of builds) {
      const filename = `${product}_${version}_${build.os}_${build.arch}.zip`;
      const zip = build.zip ?? makeZip([{ name: product, data: build.binary }, ...extraFiles]);
      this.put(`${dir}/${filename}`, zip);
      lines.push(`${sha256(zip)}  ${filename}`);
      indexBuilds.push({ name: product, version, os: build.os, arch: build.arch, filename, url: `https://${HASHICORP}/${product}/${version}/${filename}` });
    }
    const sums = Buffer.from(`${lines.join('\n')}\n`);
    const sumsName = `${product}_${version}_SHA256SUMS`;
    this.put(`${dir}/${sumsName}`, sums);
    this.put(`${dir}/${sumsName}.${signer.shortId}.sig`, await signer.sign(sums));

    const indexPath = `/${HASHICORP}/${product}/index.json`;
    const index = this.files.has(indexPath) ? JSON.parse(this.files.get(indexPath).toString()) : { name: product, versions: {} };
    index.versions[version] = {
      name: product,
      version,
      shasums: sumsName,
      shasums_signature: `${sumsName}.sig`,
      shasums_signatures: [`${sumsName}.${signer.shortId}.sig`, `${sumsName}.sig`],
      builds: indexBuilds,
    };
    this.put(indexPath, JSON.stringify(index));
  }

  /**
   * Publishes GitHub release assets under /github.com/<repo>/releases/download/v<V>/ and lists the
   * release in the API. `checksums` names the checksum file and its line format, as upstream does.
   * @param {{repo: string, version: string, assets: {name: string, data: Buffer}[], checksums?: {file: string, format?: 'gnu'|'binary'|'stdin'} | 'per-asset' | null, apiRepo?: string, prerelease?: boolean}} o
   */
  publishGitHub({ repo, version, assets, checksums, apiRepo = repo, prerelease = false }) {
    const dir = `/${GITHUB}/${repo}/releases/download/v${version}`;
    for (const asset of assets) this.put(`${dir}/${asset.name}`, asset.data);
    if (checksums === 'per-asset') {
      for (const asset of assets) this.put(`${dir}/${asset.name}.sha256`, `${sha256(asset.data)} *${asset.name}\n`);
    } else if (checksums) {
      const line = (a) =>
        checksums.format === 'stdin' ? `(stdin)= ${sha256(a.data)}  ${a.name}` : checksums.format === 'binary' ? `${sha256(a.data)} *${a.name}` : `${sha256(a.data)}  ${a.name}`;
      this.put(`${dir}/${checksums.file}`, `${assets.map(line).join('\n')}\n`);
    }
    const list = this.releases.get(apiRepo) ?? [];
    list.push({ tag_name: `v${version}`, name: `v${version}`, draft: false, prerelease });
    list.sort((a, b) => compareTags(b.tag_name, a.tag_name));
    this.releases.set(apiRepo, list);
  }
}

function compareTags(a, b) {
  const pa = a.replace(/^v/, '').split(/[.-]/).map((x) => (Number.isNaN(Number(x)) ? x : Number(x)));
  const pb = b.replace(/^v/, '').split(/[.-]/).map((x) => (Number.isNaN(Number(x)) ? x : Number(x)));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    if (pa[i] === undefined) return 1;
    if (pb[i] === undefined) return -1;
    return pa[i] < pb[i] ? -1 : 1;
  }
  return 0;
}
