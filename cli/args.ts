import { CliError } from './errors.js';

interface RunArgs {
  action: string;
  inputs: Record<string, string>;
  workspace?: string;
  toolCache?: string;
  eventName?: string;
}

export function parseRunArgs(args: string[]): RunArgs {
  const [action, ...rest] = args;
  if (!action || action.startsWith('-')) throw new CliError('shipkit run: name the action to run.');
  const parsed: RunArgs = { action, inputs: {} };
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!;
    const value = rest[i + 1];
    if (value === undefined) throw new CliError(`shipkit run: ${flag} needs a value.`);
    i++;
    switch (flag) {
      case '--with': {
        const eq = value.indexOf('=');
        if (eq <= 0) throw new CliError(`shipkit run: --with takes name=value, got "${value}".`);
        parsed.inputs[value.slice(0, eq)] = value.slice(eq + 1);
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

export interface CheckArgs {
  path: string;
  mirrors?: string;
  hashicorpKey?: string;
  checksums?: string;
  buildArgs: string[];
  toolCache?: string;
  verbose: boolean;
}

export function parseCheckArgs(args: string[]): CheckArgs {
  const parsed: CheckArgs = { path: '', buildArgs: [], verbose: false };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (flag === '--verbose' || flag === '-v') {
      parsed.verbose = true;
      continue;
    }
    if (!flag.startsWith('-')) {
      if (parsed.path) throw new CliError(`shipkit check: one path only, got "${parsed.path}" and "${flag}".`);
      parsed.path = flag;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new CliError(`shipkit check: ${flag} needs a value.`);
    switch (flag) {
      case '--mirrors':
        parsed.mirrors = value;
        break;
      case '--hashicorp-public-key':
        parsed.hashicorpKey = value;
        break;
      case '--checksums':
        parsed.checksums = value;
        break;
      case '--build-arg':
        parsed.buildArgs.push(value);
        break;
      case '--tool-cache':
        parsed.toolCache = value;
        break;
      default:
        throw new CliError(`shipkit check: unknown option ${flag}.`);
    }
  }
  return parsed;
}
