import type { WorkflowArgs } from './args.js';
import { exitCode } from './workflow/model.js';
import { ConsoleReporter, type Output } from './workflow/report.js';
import { runWorkflow } from './workflow/run.js';

/**
 * `shipkit check [PATH]` is `shipkit workflow checks.yml [PATH]` on a pull_request event: the kit's
 * checks.yml itself, called with the `with:` of PATH's own caller workflow, so a laptop checks
 * exactly what CI will and the two cannot drift.
 */
export async function check(args: WorkflowArgs, out: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return workflow({ ...args, target: 'checks.yml', event: args.event ?? 'pull_request' }, out, env);
}

/** `shipkit workflow`: runs the workflow and returns the exit code of its conclusion. */
export async function workflow(args: WorkflowArgs, out: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const report = await runWorkflow({ ...args, env, reporter: new ConsoleReporter(out, args.verbose) });
  return exitCode(report);
}
