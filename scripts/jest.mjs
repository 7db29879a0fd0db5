// Runs jest (unit and integration projects) and ends with one plain line, `jest: N passed, N failed`,
// that CI can read whatever runner it knows. Extra arguments go to jest.
//
// Every temporary folder the tests make (workspaces, tool caches, mirrors, runner temp folders,
// and whatever the tools they run write) goes under one folder of this run, TMPDIR, removed when
// jest ends: a test run leaves nothing in the machine's temp folder (several GB a run otherwise).
// SHIPKIT_KEEP_TEST_TMP=1 keeps it, and says where, for looking into a failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runTmp = mkdtempSync(join(tmpdir(), 'shipkit-test-run-'));
const report = join(runTmp, 'jest-report.json');
// jest's transform cache stays in the machine's temp folder, where the next run finds it
const args = process.argv.slice(2);
const cache = args.some((a) => a.startsWith('--cacheDirectory')) ? [] : [`--cacheDirectory=${join(tmpdir(), 'shipkit-jest-cache')}`];
const run = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', join('node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${report}`, ...cache, ...args],
  { stdio: 'inherit', env: { ...process.env, TMPDIR: runTmp, NODE_NO_WARNINGS: '1' } },
);
let summary;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  summary = undefined;
}
removeRunTmp();
if (!summary) {
  console.log('jest: 0 passed, 1 failed (jest did not write its report)');
  process.exit(run.status || 1);
}
const skipped = summary.numPendingTests + summary.numTodoTests;
const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
console.log(`jest: ${summary.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(run.status ?? 1);

function removeRunTmp() {
  if (process.env.SHIPKIT_KEEP_TEST_TMP) {
    console.log(`jest: the tests' temporary files are kept in ${runTmp}`);
    return;
  }
  try {
    rmSync(runTmp, { recursive: true, force: true });
  } catch {
    // a folder a test made read-only (a tool cache entry): writable again, then removed
    spawnSync('chmod', ['-R', 'u+w', runTmp]);
    rmSync(runTmp, { recursive: true, force: true, maxRetries: 2 });
  }
}
