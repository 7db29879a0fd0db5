import semver from 'semver';
import { UsageError } from '../../../lib/errors.js';
import { isPullRequest, type GitContext } from '../../../lib/git-context.js';
import { forLog } from '../../../lib/log.js';
import { CACHE_TAG } from './builder.js';

export const TAG_RULES = ['version', 'sha', 'branch', 'pr', 'latest', 'schedule', 'semver'] as const;
export type TagRule = (typeof TAG_RULES)[number];

export interface TagSpec {
  rules: TagRule[];
  raw: string[];
}

/** Docker's tag grammar: up to 128 of [A-Za-z0-9_.-], not starting with `.` or `-`. */
const VALID_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function isValidTag(tag: string): boolean {
  return VALID_TAG.test(tag);
}

/** `feature/Login flow` -> `feature-login-flow`: tag-safe, lower case, at most 128 characters. */
export function tagSafe(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '')
    .slice(0, 128);
}

/**
 * Tags the other rules give, and the names releases are published under: a version (`1.0`, `v2`,
 * `2.0.0-rc.1`: anything starting with a digit, or with v and a digit), `latest`, `nightly`,
 * `nightly-YYYYMMDD`, `sha-<7 hex>`, `pr-<n>`, and the registry cache's tag.
 */
const LOOKS_RESERVED = new RegExp(`^(v?\\d.*|latest|nightly|nightly-\\d{8}|sha-[0-9a-f]{7}|pr-\\d+|${CACHE_TAG})$`);
export const BRANCH_PREFIX = 'branch-';

/**
 * The `branch` rule's tag. A branch named like another rule's tag (a `1.0` maintenance branch, a
 * branch called `latest`) gets `branch-` in front, so a push to it never moves a release's tag.
 */
export function branchTag(branch: string): string {
  const safe = tagSafe(branch);
  if (!safe || !LOOKS_RESERVED.test(safe)) return safe;
  return `${BRANCH_PREFIX}${safe}`.slice(0, 128).replace(/-+$/, '');
}

/** Parses the `tags` input: rule names and `raw:<value>` entries. */
export function parseTagSpec(items: string[]): TagSpec {
  if (!items.length) return { rules: [...TAG_RULES], raw: [] };
  const spec: TagSpec = { rules: [], raw: [] };
  for (const item of items) {
    if (item.startsWith('raw:')) {
      const value = item.slice(4).trim();
      if (!isValidTag(value)) {
        throw new UsageError(`Input "tags" has ${forLog(item)}: ${forLog(value)} is not a valid Docker tag (up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -).`);
      }
      spec.raw.push(value);
    } else if ((TAG_RULES as readonly string[]).includes(item)) {
      spec.rules.push(item as TagRule);
    } else {
      throw new UsageError(`Input "tags" has ${forLog(item)}: expected any of ${TAG_RULES.join(', ')}, or raw:<tag>.`);
    }
  }
  return spec;
}

/**
 * The tags one service gets in this run, duplicates removed, in rule order. `version` is the
 * trimmed VERSION file (undefined when the service has none).
 */
export function computeTags(spec: TagSpec, git: GitContext, version: string | undefined, now: Date): string[] {
  const tags: string[] = [];
  const isPr = isPullRequest(git.eventName);
  for (const rule of spec.rules) {
    switch (rule) {
      case 'version':
        if (version) tags.push(version);
        break;
      case 'sha':
        if (git.sha) tags.push(`sha-${git.sha.slice(0, 7)}`);
        break;
      case 'branch':
        if (git.branch && !isPr) {
          const tag = branchTag(git.branch);
          if (tag) tags.push(tag);
        }
        break;
      case 'pr':
        if (isPr && git.prNumber) tags.push(`pr-${git.prNumber}`);
        break;
      case 'latest':
        if (!isPr && git.branch && git.defaultBranch && git.branch === git.defaultBranch) tags.push('latest');
        break;
      case 'schedule':
        if (git.eventName === 'schedule') {
          tags.push('nightly', `nightly-${now.toISOString().slice(0, 10).replace(/-/g, '')}`);
        }
        break;
      case 'semver': {
        const parsed = git.tag && /^v\d/.test(git.tag) ? semver.parse(git.tag.slice(1)) : null;
        if (parsed) {
          tags.push(parsed.version);
          if (!parsed.prerelease.length) tags.push(`${parsed.major}.${parsed.minor}`);
        }
        break;
      }
    }
  }
  tags.push(...spec.raw);
  return [...new Set(tags)];
}

/** Why a rule gave no tag in this run, in the words of the README's "when" column. */
export function whyNoTag(rule: TagRule, git: GitContext, context: string): string {
  const event = git.eventName;
  const ref = git.ref || 'no ref';
  switch (rule) {
    case 'version':
      return `version: ${context} has no VERSION file`;
    case 'sha':
      return 'sha: the run has no commit sha';
    case 'branch':
      return isPullRequest(event) ? 'branch: applies to pushes, not pull requests' : `branch: the ref ${ref} is not a branch`;
    case 'pr':
      return `pr: applies to pull requests only, this is a ${event} event`;
    case 'latest':
      return `latest: applies to the default branch${git.defaultBranch ? ` (${git.defaultBranch})` : ''} only, the ref is ${ref}`;
    case 'schedule':
      return `schedule: applies to schedule events only, this is a ${event} event`;
    case 'semver':
      return `semver: applies to v1.2.3 git tags only, the ref is ${ref}`;
  }
}
