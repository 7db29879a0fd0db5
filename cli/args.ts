import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './errors.js';
import { EVENTS, type EventName } from './workflow/github-context.js';

/**
 * Command lines of `shipkit run`, `shipkit workflow` and `shipkit check`, read as data: every flag
 * with its value, `--help` anywhere, and errors that name the flag, the value and what is accepted.
 */

/** `--help` or `-h` anywhere: the caller prints the command's usage. */
export class HelpRequested extends Error {
  constructor(readonly command: string) {
    super(`help for ${command}`);
  }
}

function splitPair(command: string, flag: string, value: string): [string, string] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new CliError(`shipkit ${command}: ${flag} takes name=value, got "${value}".`);
  return [value.slice(0, eq), value.slice(eq + 1)];
}

interface RunArgs {
  action: string;
  inputs: Record<string, string>;
  workspace?: string;
  toolCache?: string;
  eventName?: string;
  preferInstalled?: boolean;
}

export function parseRunArgs(args: string[]): RunArgs {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested('run');
  const [action, ...rest] = args;
  if (!action || action.startsWith('-')) throw new CliError('shipkit run: name the action to run.');
  const parsed: RunArgs = { action, inputs: {} };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    if (flag === '--prefer-installed') {
      parsed.preferInstalled = true;
      continue;
    }
    const value = rest[i + 1];
    if (value === undefined) throw new CliError(`shipkit run: ${flag} needs a value.`);
    i++;
    switch (flag) {
      case '--with': {
        const [name, v] = splitPair('run', '--with', value);
        parsed.inputs[name] = v;
        break;
      }
      case '--workspace':
        parsed.workspace = value;
        break;
      case '--tool-cache':
        parsed.toolCache = value;
        break;
      case '--event':
        parsed.eventName = value;
        break;
      default:
        throw new CliError(`shipkit run: unknown option ${flag}.`);
    }
  }
  return parsed;
}

export interface WorkflowArgs {
  target: string;
  path?: string;
  inputs: Record<string, string>;
  secrets: Record<string, string>;
  vars: Record<string, string>;
  event?: EventName;
  job?: string;
  pullRequest?: number;
  toolCache?: string;
  /** Inputs for the kit's actions about this machine: mirrors, hashicorp-public-key, checksums. */
  localInputs: Record<string, string>;
  verbose: boolean;
  /** `--prefer-installed`: the tools on PATH (when their version fits) before any download. */
  preferInstalled: boolean;
  /** Why a check that was not run fails the run: `--strict`, `CI=true`, or not at all. */
  strict?: '--strict' | 'CI=true';
}

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The environment variables a secret name is read from: itself, else hyphens as `_` and upper case (registry-password: REGISTRY_PASSWORD). */
export function secretVariables(name: string): string[] {
  const shell = name.replace(/-/g, '_').toUpperCase();
  return shell === name ? [name] : [name, shell];
}

function secretFromEnv(command: string, name: string, env: NodeJS.ProcessEnv): string {
  const names = secretVariables(name);
  const found = names.find((n) => env[n] !== undefined);
  if (found === undefined) {
    const which = names.length > 1 ? `the environment variable ${names[1]} (or ${names[0]})` : `the environment variable ${name}`;
    const variable = names.at(-1)!;
    throw new CliError(
      `shipkit ${command}: --secret ${name} reads ${which}, which is not set. Export it first (\`read -rs ${variable} && export ${variable}\`) rather than giving --secret ${name}=value, which shows in ps and the shell history.`,
    );
  }
  return env[found]!;
}

/** Flags of `workflow` and `check` that take no value. */
const SWITCHES = new Map<string, (parsed: WorkflowArgs) => void>([
  ['--verbose', (p) => (p.verbose = true)],
  ['-v', (p) => (p.verbose = true)],
  ['--prefer-installed', (p) => (p.preferInstalled = true)],
  ['--strict', (p) => (p.strict = '--strict')],
]);

/**
 * Options shared by `workflow` and `check`. `--secret NAME` takes the value from the environment
 * variable NAME (a hyphenated name such as registry-password, which no shell can export, from
 * REGISTRY_PASSWORD), which keeps it out of the command line (and of `ps`); `--secret NAME=value` works too.
 */
function parseCommon(command: string, args: string[], positional: (value: string) => void, env: NodeJS.ProcessEnv, extra?: (flag: string, value: string, parsed: WorkflowArgs) => boolean): WorkflowArgs {
  const parsed: WorkflowArgs = { target: '', inputs: {}, secrets: {}, vars: {}, localInputs: {}, verbose: false, preferInstalled: false };
  // In CI nothing is left unchecked: a check that could not run is a failure there.
  if (env.CI === 'true') parsed.strict = 'CI=true';
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const toggle = SWITCHES.get(flag);
    if (toggle) {
      toggle(parsed);
      continue;
    }
    if (!flag.startsWith('-')) {
      positional(flag);
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new CliError(`shipkit ${command}: ${flag} needs a value.`);
    if (!extra?.(flag, value, parsed)) applyOption(command, flag, value, parsed, env);
  }
  return parsed;
}

/** One `--flag value` of `workflow` and `check`, checked and stored. */
function applyOption(command: string, flag: string, value: string, parsed: WorkflowArgs, env: NodeJS.ProcessEnv): void {
  switch (flag) {
    case '--with': {
      const [name, v] = splitPair(command, flag, value);
      parsed.inputs[name] = v;
      break;
    }
    case '--var': {
      const [name, v] = splitPair(command, flag, value);
      parsed.vars[name] = v;
      break;
    }
    case '--secret': {
      const eq = value.indexOf('=');
      const name = eq < 0 ? value : value.slice(0, eq);
      if (!SECRET_NAME.test(name)) throw new CliError(`shipkit ${command}: --secret ${JSON.stringify(name)} is not a secret name (letters, digits, _ and -, not starting with a digit).`);
      parsed.secrets[name] = eq < 0 ? secretFromEnv(command, name, env) : value.slice(eq + 1);
      break;
    }
    case '--event':
      if (!(EVENTS as readonly string[]).includes(value)) throw new CliError(`shipkit ${command}: --event "${value}" is not one of ${EVENTS.join(', ')}.`);
      parsed.event = value as EventName;
      break;
    case '--job':
      parsed.job = value;
      break;
    case '--pull-request':
      if (!/^[1-9]\d{0,9}$/.test(value)) throw new CliError(`shipkit ${command}: --pull-request "${value}" is not a pull request number.`);
      parsed.pullRequest = Number(value);
      break;
    case '--tool-cache':
      parsed.toolCache = value;
      break;
    case '--mirrors':
      parsed.localInputs.mirrors = value;
      break;
    case '--hashicorp-public-key':
      // A file named relative to where shipkit runs, not to the workspace the action runs in.
      parsed.localInputs['hashicorp-public-key'] = existsSync(value) ? resolve(value) : value;
      break;
    case '--checksums':
      parsed.localInputs.checksums = value;
      break;
    default:
      throw new CliError(`shipkit ${command}: unknown option ${flag}.`);
  }
}

export function parseWorkflowArgs(args: string[], env: NodeJS.ProcessEnv = process.env): WorkflowArgs {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested('workflow');
  const positionals: string[] = [];
  const parsed = parseCommon('workflow', args, (v) => positionals.push(v), env);
  if (!positionals.length) throw new CliError('shipkit workflow: name the workflow to run (checks, images, deploy-stage, or a .yml file).');
  if (positionals.length > 2) throw new CliError(`shipkit workflow: one workflow and one path, got ${positionals.map((p) => `"${p}"`).join(', ')}.`);
  parsed.target = positionals[0]!;
  parsed.path = positionals[1];
  return parsed;
}

/** `shipkit check [PATH]`: checks.yml with the with: of PATH's own caller; `--build-arg` lines become its build-args. */
export function parseCheckArgs(args: string[], env: NodeJS.ProcessEnv = process.env): WorkflowArgs {
  if (args.includes('--help') || args.includes('-h')) throw new HelpRequested('check');
  const buildArgs: string[] = [];
  const positionals: string[] = [];
  const parsed = parseCommon(
    'check',
    args,
    (v) => {
      if (positionals.length) throw new CliError(`shipkit check: one path only, got "${positionals[0]}" and "${v}".`);
      positionals.push(v);
    },
    env,
    (flag, value) => {
      if (flag !== '--build-arg') return false;
      buildArgs.push(value);
      return true;
    },
  );
  parsed.target = 'checks.yml';
  parsed.path = positionals[0];
  if (buildArgs.length) parsed.inputs['build-args'] = [parsed.inputs['build-args'], ...buildArgs].filter(Boolean).join('\n');
  parsed.event ??= 'pull_request';
  return parsed;
}
