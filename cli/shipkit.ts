#!/usr/bin/env node
import { HelpRequested, parseCheckArgs, parseRunArgs, parseWorkflowArgs } from './args.js';
import { check, workflow } from './check.js';
import { CliError } from './errors.js';
import { actionDir, chooseNode, defaultToolCache, listActions, readManifest, runAction, withoutLocalRunVariables, type RunResult } from './runner.js';

const WORKFLOW_OPTIONS = `  --with name=value       an input of the workflow (over the with: of the repository's own call)
  --secret NAME[=value]   a secret; without =value it is read from the environment variable NAME,
                          or for a name with hyphens from NAME in upper case with _ (registry-password:
                          REGISTRY_PASSWORD). That keeps it off the command line; masked in the log.
  --var name=value        a configuration variable (the vars context)
  --event NAME            push, pull_request, schedule or workflow_dispatch (default: pull_request:
                          nothing is pushed or applied unless you ask for it)
  --pull-request N        the pull request's number on a pull_request run (default: none, so no
                          comment is written)
  --job NAME              only this job (id, or caller/id) and the jobs it needs
  --mirrors LINES         UPSTREAM=MIRROR lines for every download of the kit's actions
  --hashicorp-public-key FILE, --checksums LINES
                          passed to the kit's actions that take them, like --mirrors
  --tool-cache DIR        RUNNER_TOOL_CACHE (default: ${defaultToolCache()})
  --prefer-installed      use the tools on PATH whose version fits, before any download (they are
                          always used, and said so, when a download cannot reach the network)
  --strict                a check that could not run here (no network for its tool or base image)
                          fails the run; the default with CI=true
  --verbose, -v           every step's log as it runs`;

const USAGE: Record<string, string> = {
  main: `shipkit: run shipkit's workflows and actions on this machine, the way GitHub's runner does.

Usage:
  shipkit workflow <checks|images|deploy-stage|FILE.yml> [PATH] [options]
  shipkit check [PATH] [options]
  shipkit run <action> [--with name=value]... [--workspace DIR] [--tool-cache DIR] [--event NAME] [--prefer-installed]

Run \`shipkit <command> --help\` for a command's options.
`,
  workflow: `Usage: shipkit workflow <checks|images|deploy-stage|FILE.yml> [PATH] [options]

Runs a workflow end to end on PATH (default: the bundled examples/microservices): jobs in needs
order, side by side up to the number of CPUs, matrices, outputs, if: conditions, with GitHub's own
workflow parser and expression engine. A kit workflow (checks, images, deploy-stage) runs with the
with: and secrets: of PATH's own workflow that calls it, when there is one. The kit's actions run
from their bundles, actions/checkout is the working tree, artifacts stay in a folder of the run;
any other action is reported as not run locally. Without network, a check whose tool or base image
cannot be had is reported "not run" with the reason, and the last line counts what ran, passed,
failed and was not run. Exit code 0 when the run succeeds and everything that ran passed; with
--strict (or CI=true) a check not run is a failure.

Options:
${WORKFLOW_OPTIONS}

Examples:
  shipkit workflow checks ../my-repo
  shipkit workflow images --event push --secret DOCKERHUB_USERNAME --secret DOCKERHUB_TOKEN
  shipkit workflow .github/workflows/deploy.yml . --event pull_request --pull-request 12 --secret GITHUB_TOKEN
`,
  check: `Usage: shipkit check [PATH] [options]

The pull-request checks: \`shipkit workflow checks.yml [PATH] --event pull_request\`, with the with:
that PATH's own workflow passes to checks.yml (hadolint, validate and lint, image builds without
push). Without network it runs every check it can: tools come from PATH when they cannot be
downloaded, and a check whose tool or base image cannot be had is "not run", counted on the last
line. Exit code 0 when everything that ran passed; with --strict (or CI=true) also only when
nothing was left out.

Options:
  --build-arg KEY=VALUE   a build-args line for the image builds (repeatable)
${WORKFLOW_OPTIONS}
`,
  run: `Usage: shipkit run <action> [options]

Runs one action the way the GitHub runner does: inputs as INPUT_* variables, defaults from
action.yml, the file commands, the post step, a tool cache kept in your home folder.

  <action>          one of: ${listActions().join(', ')}; or a folder holding action.yml
  --with name=value an input, as under "with:" in a workflow (repeatable)
  --workspace DIR   the repository to run on (default: the current folder)
  --tool-cache DIR  RUNNER_TOOL_CACHE (default: ${defaultToolCache()})
  --event NAME      GITHUB_EVENT_NAME (default: workflow_dispatch)
  --prefer-installed  the tools on PATH whose version fits, before any download

Example:
  shipkit run setup-tools --with tools=terraform,tflint --with terraform-version=1.5.7
`,
};

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
    process.stdout.write(USAGE[args[0] ?? ''] ?? USAGE.main!);
    return command ? 0 : 2;
  }
  try {
    if (command === 'check') return await check(parseCheckArgs(args), process.stdout);
    if (command === 'workflow') return await workflow(parseWorkflowArgs(args), process.stdout);
    if (command !== 'run') throw new CliError(`shipkit: unknown command "${command}".\n\n${USAGE.main}`);
    const parsed = parseRunArgs(args);
    const node = chooseNode(readManifest(actionDir(parsed.action)).runs.using);
    if (node.note) process.stderr.write(`shipkit run: ${node.note}\n`);
    const { preferInstalled, ...options } = parsed;
    const result = await runAction({
      ...options,
      env: withoutLocalRunVariables(process.env),
      localRun: { preferInstalled: preferInstalled ?? false },
      node: node.path,
      onLine: (line) => process.stdout.write(`${line}\n`),
    });
    report(result);
    return result.success ? 0 : 1;
  } catch (error: unknown) {
    if (error instanceof HelpRequested) {
      process.stdout.write(USAGE[error.command]!);
      return 0;
    }
    throw error;
  }
}

try {
  process.exitCode = await cli(process.argv.slice(2));
} catch (error: unknown) {
  const expected = error instanceof CliError;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (!expected && error instanceof Error && error.stack) process.stderr.write(`shipkit internal error, please report it with this trace:\n${error.stack}\n`);
  process.exitCode = 2;
}
