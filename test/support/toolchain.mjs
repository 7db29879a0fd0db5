// Publishes the five tools onto a ReleaseMirror the way upstream does: the real packer and
// terraform where this machine has them on PATH (found the way a user's shell finds them), re-packed
// as HashiCorp ships them; stand-ins otherwise, and always for docker-machine, tflint, hadolint and
// terraform 0.12.12, which exist nowhere here. It says which was which.
import { accessSync, closeSync, constants, openSync, readFileSync, readSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { sha256 } from './mirror.mjs';
import { DOCKER_MACHINE, HADOLINT_LINT, standIn, TFLINT_LINT } from './standins.mjs';
import { makeZip } from './zip.mjs';

/**
 * Approximate sizes of the real default assets (upstream release pages), used by the benchmark so
 * the stand-ins move as many bytes as the real downloads.
 */
export const UPSTREAM_SIZES = {
  'docker-machine': 27_000_000,
  packer: 34_000_000,
  terraform: 16_000_000,
  tflint: 11_000_000,
  hadolint: 3_400_000,
};

/** The first executable `name` on PATH that is not one of the tests' own stand-ins. */
export function findReal(name, path = process.env.PATH ?? '') {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    if (!isStandIn(candidate)) return candidate;
  }
  return undefined;
}

function isStandIn(file) {
  const head = Buffer.alloc(256);
  let fd;
  try {
    fd = openSync(file, 'r');
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('latin1').includes('shipkit test stand-in');
  } catch {
    return true;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The version a real packer or terraform binary reports, or undefined when it does not run. */
export function realVersion(binary) {
  try {
    const out = execFileSync(binary, ['version'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return /v(\d+\.\d+\.\d+)/.exec(out)?.[1];
  } catch {
    return undefined;
  }
}

/** The real packer and terraform on PATH: `{packer: {path, version}, terraform: ...}` for those found. */
export function findRealTools(path = process.env.PATH ?? '') {
  const found = {};
  for (const tool of ['packer', 'terraform']) {
    const binary = findReal(tool, path);
    const version = binary && realVersion(binary);
    if (version) found[tool] = { path: binary, version };
  }
  return found;
}

/**
 * @param {import('./mirror.mjs').ReleaseMirror} mirror
 * @param {{padded?: boolean, signer: any, quiet?: boolean}} options
 * @returns {Promise<{checksums: string, real: Record<string, string>, realPaths: Record<string, string>, served: string[]}>}
 *   the `checksums` input that vouches for the stand-ins of assets shipkit embeds real digests for,
 *   the real versions served (and the binaries they came from), and one line per tool and version
 *   saying whether it is real or a stand-in.
 */
export async function publishToolchain(mirror, { signer, padded = false, quiet = false }) {
  const pad = (tool) => ({ padTo: padded ? UPSTREAM_SIZES[tool] : 0 });
  const linux = (binary) => [{ os: 'linux', arch: 'amd64', binary }];
  const realTools = findRealTools();
  const real = {};
  const realPaths = {};
  const served = [];

  // docker-machine: raw binaries + sha256sum.txt
  for (const version of ['0.16.0', '0.16.2']) {
    mirror.publishGitHub({
      repo: 'docker/machine',
      version,
      assets: [{ name: 'docker-machine-Linux-x86_64', data: standIn('docker-machine', version, { ...pad('docker-machine'), body: DOCKER_MACHINE }) }],
      checksums: { file: 'sha256sum.txt' },
    });
  }
  served.push('docker-machine 0.16.0, 0.16.2: stand-ins');

  // packer: the default as a stand-in, and the real packer on PATH re-packed as upstream ships it
  const packer144 = standIn('packer', '1.4.4', pad('packer'));
  await mirror.publishHashiCorp({ product: 'packer', version: '1.4.4', builds: [...linux(packer144), { os: 'linux', arch: 'arm64', binary: packer144 }], signer });
  served.push('packer 1.4.4: stand-in');
  if (realTools.packer) {
    const { path, version } = realTools.packer;
    real.packer = version;
    realPaths.packer = path;
    await mirror.publishHashiCorp({ product: 'packer', version, builds: linux(readFileSync(path)), signer });
    served.push(`packer ${version}: REAL, re-packed from ${path}`);
  } else {
    served.push('packer: none on PATH, so no real packer is served');
  }

  // terraform: 0.12.12 stand-in; the newest the real one on PATH (with LICENSE.txt, as from 1.8.2)
  await mirror.publishHashiCorp({ product: 'terraform', version: '0.12.12', builds: linux(standIn('terraform', '0.12.12', pad('terraform'))), signer });
  served.push('terraform 0.12.12: stand-in');
  const tf = realTools.terraform;
  const tfLatest = tf?.version ?? '1.11.4';
  if (tf) {
    real.terraform = tf.version;
    realPaths.terraform = tf.path;
  }
  await mirror.publishHashiCorp({
    product: 'terraform',
    version: tfLatest,
    builds: linux(tf ? readFileSync(tf.path) : standIn('terraform', tfLatest)),
    extraFiles: [{ name: 'LICENSE.txt', data: Buffer.from('stand-in licence text\n') }],
    signer,
  });
  served.push(tf ? `terraform ${tfLatest}: REAL, re-packed from ${tf.path}` : `terraform ${tfLatest}: stand-in (no terraform on PATH)`);

  // tflint: 0.12.1 published under wata727, newer under terraform-linters; one API listing
  const tflintZip = (version, padding) => ({ name: 'tflint_linux_amd64.zip', data: zipOf('tflint', standIn('tflint', version, { ...padding, body: TFLINT_LINT })) });
  mirror.publishGitHub({ repo: 'wata727/tflint', apiRepo: 'terraform-linters/tflint', version: '0.12.1', assets: [tflintZip('0.12.1', pad('tflint'))], checksums: { file: 'checksums.txt' } });
  for (const version of ['0.50.3', '0.51.0']) {
    mirror.publishGitHub({ repo: 'terraform-linters/tflint', version, assets: [tflintZip(version, {})], checksums: { file: 'checksums.txt' } });
  }
  served.push('tflint 0.12.1, 0.50.3, 0.51.0: stand-ins');

  // hadolint: 1.17.2 without a checksum file; 2.12.0 with per-asset .sha256; 2.15.1 lowercase + checksums.sha256
  const hadolint1172 = standIn('hadolint', '1.17.2', { ...pad('hadolint'), body: HADOLINT_LINT });
  mirror.publishGitHub({ repo: 'hadolint/hadolint', version: '1.17.2', assets: [{ name: 'hadolint-Linux-x86_64', data: hadolint1172 }], checksums: null });
  mirror.publishGitHub({ repo: 'hadolint/hadolint', version: '2.12.0', assets: [{ name: 'hadolint-Linux-x86_64', data: standIn('hadolint', '2.12.0', { body: HADOLINT_LINT }) }], checksums: 'per-asset' });
  mirror.publishGitHub({ repo: 'hadolint/hadolint', version: '2.15.1', assets: [{ name: 'hadolint-linux-x86_64', data: standIn('hadolint', '2.15.1', { body: HADOLINT_LINT }) }], checksums: { file: 'checksums.sha256', format: 'binary' } });
  served.push('hadolint 1.17.2, 2.12.0, 2.15.1: stand-ins');

  const packerZip = mirror.files.get('/releases.hashicorp.com/packer/1.4.4/packer_1.4.4_linux_amd64.zip');
  const checksums = [`${sha256(packerZip)}  packer_1.4.4_linux_amd64.zip`, `${sha256(hadolint1172)}  hadolint-Linux-x86_64`].join('\n');
  if (!quiet) console.log(`release mirror ${mirror.url} serves:\n  ${served.join('\n  ')}`);
  return { checksums, real, realPaths, served };
}

function zipOf(name, data) {
  return makeZip([{ name, data }]);
}
