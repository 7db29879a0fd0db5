import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { globFiles } from '../../lib/glob.js';

/**
 * actions/upload-artifact and actions/download-artifact on a laptop: artifacts are folders of the
 * run (`<run>/artifacts/<name>/`), kept only while the run lasts. The `with:` inputs are read as
 * those actions read them (name, path lines, if-no-files-found; name or pattern, path,
 * merge-multiple).
 */

export class ArtifactError extends Error {
  override name = 'ArtifactError';
}

function patternMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}

/** Returns the number of files uploaded, or a warning when none matched (if-no-files-found: warn). */
export function uploadArtifact(store: string, workspace: string, inputs: Record<string, string>): { files: number; message: string } {
  const name = inputs.name || 'artifact';
  if (/[\\/":<>|*?\r\n]/.test(name)) throw new ArtifactError(`upload-artifact: the name ${JSON.stringify(name)} holds a character artifacts cannot have`);
  const target = join(store, name);
  if (existsSync(target) && inputs.overwrite !== 'true') throw new ArtifactError(`upload-artifact: an artifact named "${name}" was already uploaded in this run`);
  let files = 0;
  for (const line of (inputs.path ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (line.startsWith('!')) continue;
    const path = isAbsolute(line) ? line : join(workspace, line);
    if (existsSync(path) && statSync(path).isDirectory()) {
      for (const file of globFiles(path, '**/*')) {
        mkdirSync(join(target, file, '..'), { recursive: true });
        cpSync(join(path, file), join(target, file));
        files++;
      }
    } else if (existsSync(path)) {
      mkdirSync(target, { recursive: true });
      cpSync(path, join(target, basename(path)));
      files++;
    } else if (!isAbsolute(line)) {
      for (const file of globFiles(workspace, line)) {
        mkdirSync(target, { recursive: true });
        cpSync(join(workspace, file), join(target, basename(file)));
        files++;
      }
    }
  }
  if (!files) {
    const mode = inputs['if-no-files-found'] || 'warn';
    const message = `upload-artifact: no files were found with the provided path: ${inputs.path ?? ''}. No artifacts will be uploaded.`;
    if (mode === 'error') throw new ArtifactError(message);
    return { files, message: mode === 'ignore' ? '' : message };
  }
  return { files, message: `upload-artifact: ${files} file(s) kept as "${name}" for this run` };
}

/** A folder as the log shows it: relative inside the workspace, else as it is (e.g. under RUNNER_TEMP). */
function shown(workspace: string, dir: string): string {
  const rel = relative(workspace, dir);
  return rel.startsWith('..') || isAbsolute(rel) ? dir : rel || '.';
}

export function downloadArtifact(store: string, workspace: string, inputs: Record<string, string>): { artifacts: string[]; message: string } {
  const available = existsSync(store) ? readdirSync(store).sort() : [];
  const dest = inputs.path ? (isAbsolute(inputs.path) ? inputs.path : join(workspace, inputs.path)) : workspace;
  if (inputs.name) {
    if (!available.includes(inputs.name)) throw new ArtifactError(`download-artifact: no artifact named "${inputs.name}" in this run (there are: ${available.join(', ') || 'none'})`);
    cpSync(join(store, inputs.name), dest, { recursive: true });
    return { artifacts: [inputs.name], message: `download-artifact: "${inputs.name}" into ${shown(workspace, dest)}` };
  }
  const chosen = available.filter((a) => !inputs.pattern || patternMatch(inputs.pattern, a));
  const merge = inputs['merge-multiple'] === 'true';
  for (const artifact of chosen) cpSync(join(store, artifact), merge ? dest : join(dest, artifact), { recursive: true });
  return { artifacts: chosen, message: `download-artifact: ${chosen.length} artifact(s) into ${shown(workspace, dest)}${merge ? ' (merged)' : ''}` };
}
