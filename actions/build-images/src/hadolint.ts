import { ToolError } from '../../../lib/errors.js';

export const LEVELS = ['error', 'warning', 'info', 'style'] as const;
export type Level = (typeof LEVELS)[number];
export const THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'] as const;
export type Threshold = (typeof THRESHOLDS)[number];

export interface Finding {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
  level: Level;
}

export type LintCounts = Record<Level, number>;

/** hadolint's argv for one Dockerfile; its JSON format exists since 1.x. */
export function hadolintArgs(dockerfile: string, config: string): string[] {
  return ['--format', 'json', ...(config ? ['--config', config] : []), dockerfile];
}

/** Reads `hadolint --format json` output: `[{"line":3,"code":"DL3008","message":..,"column":1,"file":..,"level":"warning"}]`. */
export function parseHadolintJson(stdout: string, dockerfile: string): Finding[] {
  const text = stdout.trim();
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ToolError(`hadolint did not print JSON for ${dockerfile}: ${text.split('\n')[0]?.slice(0, 200)}`);
  }
  if (!Array.isArray(raw)) throw new ToolError(`hadolint printed JSON that is not a list of findings for ${dockerfile}`);
  const field = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  return raw.map((item: Record<string, unknown>) => ({
    file: dockerfile,
    line: Number(item.line) || 1,
    column: Number(item.column) || 1,
    code: field(item.code, 'hadolint'),
    message: field(item.message, ''),
    level: (LEVELS as readonly unknown[]).includes(item.level) ? (item.level as Level) : 'warning',
  }));
}

export function countLevels(findings: Finding[]): LintCounts {
  const counts: LintCounts = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}

/** True when a finding is at or above the threshold (error > warning > info > style). */
export function failsThreshold(findings: Finding[], threshold: Threshold): boolean {
  if (threshold === 'none') return false;
  const limit = LEVELS.indexOf(threshold);
  return findings.some((f) => LEVELS.indexOf(f.level) <= limit);
}

export function describeCounts(counts: LintCounts): string {
  const parts = LEVELS.filter((l) => counts[l]).map((l) => `${counts[l]} ${l}`);
  return parts.length ? parts.join(', ') : 'clean';
}

/** SARIF 2.1.0 for GitHub code scanning, one run for all Dockerfiles. */
export function toSarif(findings: Finding[], hadolintVersion: string): object {
  const rules = [...new Set(findings.map((f) => f.code))].sort().map((code) => ({
    id: code,
    helpUri: /^DL\d+$/.test(code) ? `https://github.com/hadolint/hadolint/wiki/${code}` : /^SC\d+$/.test(code) ? `https://www.shellcheck.net/wiki/${code}` : undefined,
  }));
  const sarifLevel = (level: Level) => (level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'hadolint', version: hadolintVersion, informationUri: 'https://github.com/hadolint/hadolint', rules } },
        results: findings.map((f) => ({
          ruleId: f.code,
          level: sarifLevel(f.level),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
}
