#!/usr/bin/env node
import { parseCheckArgs, parseRunArgs } from './args.js';
import { check } from './check.js';
import { CliError } from './errors.js';
import { defaultToolCache, listActions, runAction, type RunResult } from './runner.js';

const USAGE = `shipkit: run shipkit's GitHub Actions on this machine, the way a runner does.

Usage:
  shipkit check [PATH] [--mirrors LINES] [--hashicorp-public-key FILE] [--checksums LINES]
                [--build-arg KEY=VALUE]... [--tool-cache DIR] [--verbose]
  shipkit run <action> [--with name=value]... [--workspace DIR] [--tool-cache DIR] [--event NAME]

  check             the checks.yml chain (tools, hadolint, validate & lint, image build without
                    push) on PATH (default: the bundled examples/microservices), with the inputs
                    the repository's own workflow gives checks.yml; exit code like CI

  <action>          one of: ${listActions().join(', ')}; or a folder holding action.yml
  --with name=value an input, as under "with:" in a workflow (repeatable)
  --workspace DIR   the repository to run on (default: the current folder)
  --tool-cache DIR  RUNNER_TOOL_CACHE (default: ${defaultToolCache()})
  --event NAME      GITHUB_EVENT_NAME (default: workflow_dispatch)

Example:
  shipkit run setup-tools --with tools=terraform,tflint --with terraform-version=1.5.7
`;

function report(result: RunResult): void {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out(`${result.action}: ${result.success ? 'succeeded' : 'FAILED'}`);
  const outputs = Object.entries(result.outputs);
  if (outputs.length) {
    out('\nOutputs:');
    for (const [name, value] of outputs) out(`  ${name} = ${value}`);
  }
  if (result.path.length) {
    out('\nAdded to PATH:');
    for (const dir of result.path) out(`  ${dir}`);
  }
  if (result.summary.trim()) {
    out('\nStep summary:');
    out(result.summary.trimEnd());
  }
}

async function cli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'check') return check({ ...parseCheckArgs(args), out: process.stdout });
  if (command !== 'run') throw new CliError(`shipkit: unknown command "${command}".\n\n${USAGE}`);
  const parsed = parseRunArgs(args);
  const result = await runAction({ ...parsed, onLine: (line) => process.stdout.write(`${line}\n`) });
  report(result);
  return result.success ? 0 : 1;
}

try {
  process.exitCode = await cli(process.argv.slice(2));
} catch (error: unknown) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
