// Runs jest (unit and integration projects) and ends with one plain line, `jest: N passed, N failed`,
// that CI can read whatever runner it knows. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report = join(mkdtempSync(join(tmpdir(), 'shipkit-jest-')), 'report.json');
const run = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', join('node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
);
let summary;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  console.log('jest: 0 passed, 1 failed (jest did not write its report)');
  process.exit(run.status || 1);
}
const skipped = summary.numPendingTests + summary.numTodoTests;
const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
console.log(`jest: ${summary.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status ?? 1);
