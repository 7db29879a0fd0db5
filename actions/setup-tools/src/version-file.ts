import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from '../../../lib/errors.js';
import { forLog } from '../../../lib/log.js';
import { TOOL_NAMES, type ToolName } from '../../../lib/tools/tools.js';

/**
 * Versions pinned in a repository file:
 *   `.terraform-version` (tfenv): one line, the terraform version;
 *   anything else is read as asdf's `.tool-versions`: `<tool> <version> [fallbacks...]` per line.
 * Tools shipkit does not install (nodejs, python...) are ignored; the first version of a line wins.
 */
export function readVersionFile(path: string, given = path): Partial<Record<ToolName, string>> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new UsageError(
      `Input "version-file" is ${forLog(given)}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        'Give a path relative to the workspace, e.g. .tool-versions or .terraform-version.',
    );
  }
  return parseVersionFile(basename(path), text);
}

export function parseVersionFile(fileName: string, text: string): Partial<Record<ToolName, string>> {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
  if (fileName === '.terraform-version') {
    const version = lines[0];
    if (!version) throw new UsageError(`The version file ${fileName} is empty: expected a terraform version such as 1.5.7.`);
    return { terraform: version };
  }
  const versions: Partial<Record<ToolName, string>> = {};
  for (const line of lines) {
    const [name, version] = line.split(/\s+/);
    if (name && version && (TOOL_NAMES as readonly string[]).includes(name)) {
      versions[name as ToolName] ??= version;
    }
  }
  return versions;
}
