import { UsageError } from './errors.js';

export type Os = 'linux' | 'darwin' | 'windows';
export type Arch = 'x64' | 'arm64' | 'arm' | 'x86';

export interface Platform {
  os: Os;
  arch: Arch;
}

const RUNNER_OS: Record<string, Os> = { linux: 'linux', macos: 'darwin', windows: 'windows' };
const RUNNER_ARCH: Record<string, Arch> = { x64: 'x64', arm64: 'arm64', arm: 'arm', x86: 'x86' };
const NODE_OS: Record<string, Os> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const NODE_ARCH: Record<string, Arch> = { x64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'x86' };

/**
 * The platform to install for. The runner's own RUNNER_OS / RUNNER_ARCH win over Node's view, so a
 * job runs exactly what its runner label promises (and the local runner can ask for another one).
 */
export function currentPlatform(env: NodeJS.ProcessEnv = process.env): Platform {
  const osName = env.RUNNER_OS?.toLowerCase();
  const archName = env.RUNNER_ARCH?.toLowerCase();
  const os = osName ? RUNNER_OS[osName] : NODE_OS[process.platform];
  const arch = archName ? RUNNER_ARCH[archName] : NODE_ARCH[process.arch];
  if (!os) {
    throw new UsageError(
      `This runner's operating system (${osName ?? process.platform}) is not supported: shipkit installs for Linux, macOS and Windows.`,
    );
  }
  if (!arch) {
    throw new UsageError(
      `This runner's architecture (${archName ?? process.arch}) is not supported: shipkit installs for X64, ARM64, ARM and X86.`,
    );
  }
  return { os, arch };
}

export function describePlatform(platform: Platform): string {
  return `${platform.os}/${platform.arch}`;
}

/** Go's names, as used by HashiCorp and tflint release assets. */
export function goArch(arch: Arch): string {
  return { x64: 'amd64', arm64: 'arm64', arm: 'arm', x86: '386' }[arch];
}

export function exeSuffix(platform: Platform): string {
  return platform.os === 'windows' ? '.exe' : '';
}
