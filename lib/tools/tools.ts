import semver from 'semver';
import { exeSuffix, goArch, type Arch, type Os, type Platform } from '../platform.js';

/**
 * What setup-tools knows about each tool: where its releases live, how an asset is named for a
 * version and platform, where its checksums are, and how it reports its version. The install flow
 * in install.ts is the same for all five; adding a tool is adding an entry here.
 * Asset names, layouts and gaps follow each tool's own release scripts and release pages.
 */

export const TOOL_NAMES = ['docker-machine', 'packer', 'terraform', 'tflint', 'hadolint'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

export interface Asset {
  name: string;
  /** Upstream URL; mirrors are applied when it is fetched. */
  url: string;
  archive: 'zip' | 'raw';
}

export interface ChecksumFile {
  url: string;
  /** Short name for logs and the summary: `SHA256SUMS`, `checksums.txt`, ... */
  label: string;
  /** HashiCorp signs its SHA256SUMS; the signature sits beside it as `<file>.<KEYID>.sig`. */
  signed: boolean;
}

/** A version range (and platform) for which upstream published no build. */
export interface Gap {
  os?: Os;
  arch?: Arch | Arch[];
  versions: string;
  /** The first version that has a build, where known. */
  firstWith?: string;
  hint?: string;
}

export type ReleaseIndex = { kind: 'hashicorp'; product: string } | { kind: 'github'; repo: string };

export interface ToolDescription {
  name: ToolName;
  defaultVersion: string;
  /** Executable name without `.exe`. */
  binary: string;
  releases: ReleaseIndex;
  gaps: Gap[];
  asset(version: string, platform: Platform): Asset;
  checksumFile(version: string, asset: Asset): ChecksumFile | undefined;
  versionArgs: string[];
}

const HASHICORP = 'https://releases.hashicorp.com';
const GITHUB = 'https://github.com';

function hashicorpTool(name: 'packer' | 'terraform', defaultVersion: string, gaps: Gap[]): ToolDescription {
  return {
    name,
    defaultVersion,
    binary: name,
    releases: { kind: 'hashicorp', product: name },
    gaps,
    asset(version, platform) {
      const file = `${name}_${version}_${platform.os}_${goArch(platform.arch)}.zip`;
      return { name: file, url: `${HASHICORP}/${name}/${version}/${file}`, archive: 'zip' };
    },
    checksumFile(version) {
      return { url: `${HASHICORP}/${name}/${version}/${name}_${version}_SHA256SUMS`, label: 'SHA256SUMS', signed: true };
    },
    versionArgs: ['version'],
  };
}

const dockerMachine: ToolDescription = {
  name: 'docker-machine',
  defaultVersion: '0.16.0',
  binary: 'docker-machine',
  releases: { kind: 'github', repo: 'docker/machine' },
  gaps: [
    {
      os: 'darwin',
      arch: 'arm64',
      versions: '*',
      hint: 'Apple Silicon Macs run the Darwin-x86_64 build under Rosetta 2; use a macOS X64 runner for it.',
    },
  ],
  asset(version, platform) {
    const os = { linux: 'Linux', darwin: 'Darwin', windows: 'Windows' }[platform.os];
    const arch = { x64: 'x86_64', arm64: 'aarch64', arm: 'armhf', x86: 'i386' }[platform.arch];
    const file = `docker-machine-${os}-${arch}${exeSuffix(platform)}`;
    return { name: file, url: `${GITHUB}/docker/machine/releases/download/v${version}/${file}`, archive: 'raw' };
  },
  checksumFile(version) {
    return { url: `${GITHUB}/docker/machine/releases/download/v${version}/sha256sum.txt`, label: 'sha256sum.txt', signed: false };
  },
  versionArgs: ['version'],
};

/** tflint moved from wata727/tflint to terraform-linters/tflint with 0.14.0. */
function tflintOwner(version: string): string {
  return semver.lt(version, '0.14.0') ? 'wata727' : 'terraform-linters';
}

const tflint: ToolDescription = {
  name: 'tflint',
  defaultVersion: '0.12.1',
  binary: 'tflint',
  releases: { kind: 'github', repo: 'terraform-linters/tflint' },
  gaps: [{ arch: 'arm64', versions: '<=0.29.0', hint: 'tflint published no arm64 builds up to 0.29.0.' }],
  asset(version, platform) {
    const file = `tflint_${platform.os}_${goArch(platform.arch)}.zip`;
    return { name: file, url: `${GITHUB}/${tflintOwner(version)}/tflint/releases/download/v${version}/${file}`, archive: 'zip' };
  },
  checksumFile(version) {
    return { url: `${GITHUB}/${tflintOwner(version)}/tflint/releases/download/v${version}/checksums.txt`, label: 'checksums.txt', signed: false };
  },
  versionArgs: ['--version'],
};

/** hadolint renamed its assets to lower case (and Darwin to macos) in 2.13.1. */
function hadolintAssetName(version: string, platform: Platform): string {
  const arch = platform.arch === 'arm64' ? 'arm64' : 'x86_64';
  if (semver.gte(version, '2.13.1')) {
    const os = { linux: 'linux', darwin: 'macos', windows: 'windows' }[platform.os];
    return `hadolint-${os}-${arch}${exeSuffix(platform)}`;
  }
  const os = { linux: 'Linux', darwin: 'Darwin', windows: 'Windows' }[platform.os];
  return `hadolint-${os}-${arch}${exeSuffix(platform)}`;
}

const hadolint: ToolDescription = {
  name: 'hadolint',
  defaultVersion: '1.17.2',
  binary: 'hadolint',
  releases: { kind: 'github', repo: 'hadolint/hadolint' },
  gaps: [
    { arch: ['arm', 'x86'], versions: '*', hint: 'hadolint publishes x86_64 and arm64 builds only.' },
    { os: 'windows', arch: 'arm64', versions: '*' },
    { os: 'linux', arch: 'arm64', versions: '<2.10.0', firstWith: '2.10.0' },
    { os: 'darwin', arch: 'arm64', versions: '<2.13.1', firstWith: '2.13.1' },
  ],
  asset(version, platform) {
    const file = hadolintAssetName(version, platform);
    return { name: file, url: `${GITHUB}/hadolint/hadolint/releases/download/v${version}/${file}`, archive: 'raw' };
  },
  checksumFile(version, asset) {
    const base = `${GITHUB}/hadolint/hadolint/releases/download/v${version}`;
    if (semver.lt(version, '2.11.0')) return undefined; // nothing published: embedded digests only
    if (semver.lt(version, '2.15.0')) return { url: `${base}/${asset.name}.sha256`, label: `${asset.name}.sha256`, signed: false };
    return { url: `${base}/checksums.sha256`, label: 'checksums.sha256', signed: false };
  },
  versionArgs: ['--version'],
};

export const TOOLS: Record<ToolName, ToolDescription> = {
  'docker-machine': dockerMachine,
  packer: hashicorpTool('packer', '1.4.4', [
    { os: 'windows', arch: 'arm64', versions: '*' },
    { os: 'darwin', arch: 'arm64', versions: '<1.7.0', hint: 'Apple Silicon builds start with the 1.7 series.' },
  ]),
  terraform: hashicorpTool('terraform', '0.12.12', [
    { arch: 'arm64', versions: '<0.13.0', hint: 'terraform 0.12 and older published no arm64 builds.' },
    { os: 'darwin', arch: 'arm64', versions: '<1.0.2', firstWith: '1.0.2' },
    { os: 'windows', arch: 'arm64', versions: '<1.15.0', firstWith: '1.15.0' },
  ]),
  tflint,
  hadolint,
};

/**
 * Published digests for assets whose upstream has no checksum file (hadolint before 2.11.0), plus
 * the default packer as a second, independent check of the signed SHA256SUMS. Where each came from
 * and how it was checked: README.md in this folder (a test keeps the two in step).
 */
export const EMBEDDED_DIGESTS: Record<string, string> = {
  'packer@1.4.4/packer_1.4.4_linux_amd64.zip': 'b4dc37877a0fd00fc72ebda98977c2133be9ba6b26bcdd13b1b14a369e508948',
  'hadolint@1.17.2/hadolint-Linux-x86_64': 'b23e4d0e8964774cc0f4dd7ff81f1d05b5d7538b0b80dae5235b1239ab60749d',
  'hadolint@1.17.2/hadolint-Darwin-x86_64': 'da3bd1fae47f1ba4c4bca6a86d2c70bdbd6705308bd300d1f897c162bc32189a',
  'hadolint@1.17.2/hadolint-Windows-x86_64.exe': '8ba81d1fe79b91afb7ee16ac4e9fc6635646c2f770071d1ba924a8d26debe298',
};

export function embeddedDigest(tool: ToolName, version: string, asset: string): string | undefined {
  return EMBEDDED_DIGESTS[`${tool}@${version}/${asset}`];
}

/** The gap that rules out this version on this platform, if any. */
export function findGap(tool: ToolDescription, version: string, platform: Platform): Gap | undefined {
  return tool.gaps.find((gap) => {
    if (gap.os && gap.os !== platform.os) return false;
    const arches = gap.arch === undefined ? undefined : ([] as Arch[]).concat(gap.arch);
    if (arches && !arches.includes(platform.arch)) return false;
    return semver.satisfies(version, gap.versions, { includePrerelease: true });
  });
}

/**
 * The version a tool prints, from the first line of its version command: `Terraform v0.12.12`,
 * `Packer v1.4.4`, `TFLint version 0.12.1`, `docker-machine version 0.16.0, build 702c267f`,
 * `Haskell Dockerfile Linter v1.17.2-0-g574b169` (a `git describe` suffix, dropped).
 */
export function parseVersionOutput(output: string): string | undefined {
  const first = output.split(/\r?\n/).find((line) => line.trim()) ?? '';
  const match = /v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(first);
  return match?.[1]?.replace(/-\d+-g[0-9a-f]+$/, '');
}
