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
