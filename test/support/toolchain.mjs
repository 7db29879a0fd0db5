// Publishes the five tools onto a ReleaseMirror the way upstream does. Real binaries where this
// machine has them (Debian's packer 1.6.6, the image's terraform 1.11.4), stand-ins otherwise.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { sha256 } from './mirror.mjs';
import { DOCKER_MACHINE, HADOLINT_LINT, standIn, TFLINT_LINT } from './standins.mjs';
import { makeZip } from './zip.mjs';

export const REAL_PACKER = '/usr/bin/packer';
export const REAL_TERRAFORM = '/usr/local/bin/terraform';

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

export function realVersion(binary) {
  if (!existsSync(binary)) return undefined;
  try {
    const out = execFileSync(binary, ['version'], { env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null' }, encoding: 'utf8' });
    return /v(\d+\.\d+\.\d+)/.exec(out)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * @param {import('./mirror.mjs').ReleaseMirror} mirror
 * @param {{padded?: boolean, signer: any}} options
 * @returns {Promise<{checksums: string, real: Record<string, string>}>} the `checksums` input that
 *   vouches for the stand-ins of assets shipkit embeds real digests for, and the real versions served.
 */
export async function publishToolchain(mirror, { signer, padded = false }) {
  const pad = (tool) => ({ padTo: padded ? UPSTREAM_SIZES[tool] : 0 });
  const linux = (binary) => [{ os: 'linux', arch: 'amd64', binary }];
  const real = {};

  // docker-machine: raw binaries + sha256sum.txt
  for (const version of ['0.16.0', '0.16.2']) {
    mirror.publishGitHub({
      repo: 'docker/machine',
      version,
      assets: [{ name: 'docker-machine-Linux-x86_64', data: standIn('docker-machine', version, { ...pad('docker-machine'), body: DOCKER_MACHINE }) }],
      checksums: { file: 'sha256sum.txt' },
    });
  }

  // packer: the defaults as stand-ins, and the real Debian packer re-packed as upstream ships it
  const packer144 = standIn('packer', '1.4.4', pad('packer'));
  await mirror.publishHashiCorp({ product: 'packer', version: '1.4.4', builds: [...linux(packer144), { os: 'linux', arch: 'arm64', binary: packer144 }], signer });
  const packerVersion = realVersion(REAL_PACKER);
  if (packerVersion) {
    real.packer = packerVersion;
    await mirror.publishHashiCorp({ product: 'packer', version: packerVersion, builds: linux(readFileSync(REAL_PACKER)), signer });
  }

  // terraform: 0.12.12 stand-in; the real 1.11.4 (with LICENSE.txt, as from 1.8.2) where present
  await mirror.publishHashiCorp({ product: 'terraform', version: '0.12.12', builds: linux(standIn('terraform', '0.12.12', pad('terraform'))), signer });
  const terraformVersion = realVersion(REAL_TERRAFORM);
  const tfLatest = terraformVersion ?? '1.11.4';
  if (terraformVersion) real.terraform = terraformVersion;
  await mirror.publishHashiCorp({
    product: 'terraform',
    version: tfLatest,
    builds: linux(terraformVersion ? readFileSync(REAL_TERRAFORM) : standIn('terraform', tfLatest)),
    extraFiles: [{ name: 'LICENSE.txt', data: Buffer.from('stand-in licence text\n') }],
    signer,
  });

  // tflint: 0.12.1 published under wata727, newer under terraform-linters; one API listing
  const tflintZip = (version, padding) => ({ name: 'tflint_linux_amd64.zip', data: zipOf('tflint', standIn('tflint', version, { ...padding, body: TFLINT_LINT })) });
  mirror.publishGitHub({ repo: 'wata727/tflint', apiRepo: 'terraform-linters/tflint', version: '0.12.1', assets: [tflintZip('0.12.1', pad('tflint'))], checksums: { file: 'checksums.txt' } });
  for (const version of ['0.50.3', '0.51.0']) {
    mirror.publishGitHub({ repo: 'terraform-linters/tflint', version, assets: [tflintZip(version, {})], checksums: { file: 'checksums.txt' } });
  }

  // hadolint: 1.17.2 without a checksum file; 2.12.0 with per-asset .sha256; 2.15.1 lowercase + checksums.sha256
  const hadolint1172 = standIn('hadolint', '1.17.2', { ...pad('hadolint'), body: HADOLINT_LINT });
  mirror.publishGitHub({ repo: 'hadolint/hadolint', version: '1.17.2', assets: [{ name: 'hadolint-Linux-x86_64', data: hadolint1172 }], checksums: null });
  mirror.publishGitHub({ repo: 'hadolint/hadolint', version: '2.12.0', assets: [{ name: 'hadolint-Linux-x86_64', data: standIn('hadolint', '2.12.0', { body: HADOLINT_LINT }) }], checksums: 'per-asset' });
  mirror.publishGitHub({ repo: 'hadolint/hadolint', version: '2.15.1', assets: [{ name: 'hadolint-linux-x86_64', data: standIn('hadolint', '2.15.1', { body: HADOLINT_LINT }) }], checksums: { file: 'checksums.sha256', format: 'binary' } });

  const packerZip = mirror.files.get('/releases.hashicorp.com/packer/1.4.4/packer_1.4.4_linux_amd64.zip');
  const checksums = [`${sha256(packerZip)}  packer_1.4.4_linux_amd64.zip`, `${sha256(hadolint1172)}  hadolint-Linux-x86_64`].join('\n');
  return { checksums, real };
}

function zipOf(name, data) {
  return makeZip([{ name, data }]);
}
