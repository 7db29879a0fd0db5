import semver from 'semver';
import { UsageError } from '../errors.js';
import { forLog } from '../log.js';

export type VersionSpec =
  | { kind: 'exact'; version: string }
  | { kind: 'latest' }
  | { kind: 'range'; range: string };

/** Parses a `*-version` value: `1.5.7`, `v1.5.7`, `latest`, or a semver range. */
export function parseVersionSpec(inputName: string, raw: string): VersionSpec {
  const value = raw.trim();
  if (value.toLowerCase() === 'latest') return { kind: 'latest' };
  const exact = semver.valid(value.replace(/^v(?=\d)/, ''));
  if (exact) return { kind: 'exact', version: exact };
  if (value && semver.validRange(value)) return { kind: 'range', range: value };
  throw new UsageError(
    `Input "${inputName}" is ${forLog(raw)}: expected an exact version (1.5.7 or v1.5.7), "latest", or a semver range (~1.5, 1.x, >=1.5 <1.7).`,
  );
}

export function describeSpec(spec: VersionSpec): string {
  return spec.kind === 'exact' ? spec.version : spec.kind === 'latest' ? 'latest' : spec.range;
}

export interface GitHubApi {
  url: string;
  hasToken: boolean;
}
