import { parse as parseYaml, YAMLError } from 'yaml';
import { CliError } from './errors.js';

/**
 * YAML read from a workflow or action.yml file: a syntax error is the user's, named by file, line and column with
 * YAML's own words, never a stack trace.
 */
export function parseYamlFile(content: string, display: string): unknown {
  try {
    return parseYaml(content) as unknown;
  } catch (error: unknown) {
    if (!(error instanceof YAMLError)) throw error;
    const at = error.linePos?.[0];
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new CliError(`${display}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML: ${reason}\n${error.message.split('\n').slice(1).join('\n').trimEnd()}`);
  }
}
