/**
 * The contract between the shipkit CLI and the kit's actions for runs on a developer's machine.
 *
 * `shipkit check`, `shipkit workflow` and `shipkit run` start every action with
 * SHIPKIT_LOCAL_RUN=1, and with SHIPKIT_PREFER_INSTALLED=1 when given `--prefer-installed`. On a
 * runner neither is set and every action behaves as it always does. In a local run:
 * - a tool whose download cannot reach the network at all (no DNS answer, refused, no route) is
 *   taken from PATH when its version fits the request, and said so; with SHIPKIT_PREFER_INSTALLED
 *   such a tool is taken even online;
 * - a tool neither way can provide is not installed, and setup-tools names it, with the reason, in
 *   SHIPKIT_UNAVAILABLE_TOOLS (JSON `{tool: reason}`) for the job's later steps;
 * - a check whose tool (or base image) cannot be had is reported "not run" (the `checks` output)
 *   instead of failing the step; the CLI counts those rows and `--strict` (or CI=true) fails them.
 */

export const LOCAL_RUN = 'SHIPKIT_LOCAL_RUN';
export const PREFER_INSTALLED = 'SHIPKIT_PREFER_INSTALLED';
export const UNAVAILABLE_TOOLS = 'SHIPKIT_UNAVAILABLE_TOOLS';

export function isLocalRun(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[LOCAL_RUN] === '1';
}

/** `--prefer-installed`: only in a local run. */
export function prefersInstalled(env: NodeJS.ProcessEnv = process.env): boolean {
  return isLocalRun(env) && env[PREFER_INSTALLED] === '1';
}

/** The tools an earlier setup-tools of this job could not provide, with why; `{}` outside a local run. */
export function unavailableTools(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (!isLocalRun(env) || !env[UNAVAILABLE_TOOLS]) return {};
  try {
    const parsed = JSON.parse(env[UNAVAILABLE_TOOLS]) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}

/**
 * True for a failure of the HTTP layer that never reached a server (lib/http.ts NetworkError with
 * problem `unreachable`). Read by shape, so the warm path need not load the HTTP layer to ask.
 */
export function isUnreachable(error: unknown): boolean {
  return networkProblem(error) === 'unreachable';
}

/** A NetworkError's `problem` (it also carries `url` and `attempts`), or undefined for any other error. */
export function networkProblem(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { problem, attempts, url } = error as { problem?: unknown; attempts?: unknown; url?: unknown };
  return typeof problem === 'string' && typeof attempts === 'number' && typeof url === 'string' ? problem : undefined;
}

/**
 * What docker says when a registry cannot be reached at all (a pull in a local run without network):
 * no DNS answer, refused, no route, network down.
 */
export function isUnreachableRegistryMessage(text: string): boolean {
  return /no such host|server misbehaving|Temporary failure in name resolution|connection refused|network is unreachable|no route to host|dial tcp[^\n]*i\/o timeout/i.test(text);
}
