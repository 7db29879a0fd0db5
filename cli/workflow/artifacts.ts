import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * actions/upload-artifact and actions/download-artifact on a laptop: artifacts are folders of the
 * run (`<run>/artifacts/<name>/`), kept only while the run lasts. The `with:` inputs are read as
 * those actions read them (name, path lines with `!` exclusions and the folder structure kept,
 * if-no-files-found, include-hidden-files, overwrite; name or pattern, path, merge-multiple).
 */

export class ArtifactError extends Error {
  override name = 'ArtifactError';
}

function patternMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(name);
}

/** One line of upload-artifact's `path:` (`!` negates), read as @actions/glob reads it. */
interface PathPattern {
  negate: boolean;
  /** The folder before the first wildcard segment: where the search starts. */
  searchPath: string;
  segments: string[];
}

function segmentMatches(pattern: string, name: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const close = c === '[' ? pattern.indexOf(']', i + 2) : -1;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (close > 0) {
      const body = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
      source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
      i = close;
    } else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(name);
}

/** Whether path segments match pattern segments; `**` is any number of segments, none included. */
function segmentsMatch(pattern: string[], path: string[]): boolean {
  if (!pattern.length) return !path.length;
  const [head, ...rest] = pattern;
  if (head === '**') return segmentsMatch(rest, path) || (path.length > 0 && segmentsMatch(pattern, path.slice(1)));
  return path.length > 0 && segmentMatches(head!, path[0]!) && segmentsMatch(rest, path.slice(1));
}

function pathPattern(line: string, workspace: string): PathPattern {
  const negate = line.startsWith('!');
  let body = negate ? line.slice(1).trim() : line;
  if (body === '~' || body.startsWith('~/')) body = join(homedir(), body.slice(1));
  const absolute = resolve(workspace, body);
  const segments = absolute.split(sep).filter(Boolean);
  const firstGlob = segments.findIndex((segment) => /[*?[]/.test(segment));
  const searchPath = sep + (firstGlob < 0 ? segments : segments.slice(0, firstGlob)).join(sep);
  return { negate, searchPath, segments };
}

/** A pattern matches a file, or a folder above it (implicitDescendants: a matched folder brings all it holds). */
function patternMatches(pattern: PathPattern, file: string): boolean {
  const path = file.split(sep).filter(Boolean);
  for (let depth = path.length; depth > 0; depth--) if (segmentsMatch(pattern.segments, path.slice(0, depth))) return true;
  return false;
}

/** Every file under `root` (or `root` itself), following links as upload-artifact does, hidden ones left out unless asked. */
function filesUnder(root: string, includeHidden: boolean): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (path: string) => {
    // The search root too: upload-artifact leaves out `/tmp/.cache/` itself, not only what is in it.
    if (!includeHidden && basename(path).startsWith('.')) return;
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return; // a broken link is left out (omitBrokenSymbolicLinks)
    }
    if (!stats.isDirectory()) {
      found.push(path);
      return;
    }
    const real = realpathSync(path);
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of readdirSync(path).sort()) walk(join(path, name));
  };
  walk(root);
  return found;
}

/** The least common ancestor folder of absolute paths. */
function commonAncestor(paths: string[]): string {
  const split = paths.map((p) => p.split(sep).filter(Boolean));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0]![i]); i++) common.push(split[0]![i]!);
  return sep + common.join(sep);
}

/**
 * What actions/upload-artifact would upload for its `path:` lines, and the folder the artifact's
 * paths are relative to: the search path (the part before the first wildcard) of the one pattern,
 * or the least common ancestor of several; a single file named directly goes in without folders.
 * Lines starting with `!` exclude, `#` lines are comments, hidden files are left out unless
 * include-hidden-files is true.
 */
export function filesToUpload(workspace: string, pathInput: string, includeHidden = false): { files: string[]; root: string } {
  const patterns = pathInput
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => pathPattern(line, workspace));
  const searchPaths = [...new Set(patterns.filter((p) => !p.negate).map((p) => p.searchPath))];
  // A search path inside another one adds nothing: only the outer one is searched (and counts for the root).
  const roots = searchPaths.filter((p) => !searchPaths.some((other) => other !== p && (p.startsWith(`${other}${sep}`) || other === sep)));
  const candidates = [...new Set(roots.flatMap((root) => filesUnder(root, includeHidden)))];
  const files = candidates.filter((file) => {
    let included = false;
    for (const pattern of patterns) if (patternMatches(pattern, file)) included = !pattern.negate;
    return included;
  });
  if (roots.length > 1) return { files, root: commonAncestor(roots) };
  if (files.length === 1 && files[0] === roots[0]) return { files, root: dirname(files[0]!) };
  return { files, root: roots[0] ?? workspace };
}

/** Returns the number of files uploaded, or a warning when none matched (if-no-files-found: warn). */
export function uploadArtifact(store: string, workspace: string, inputs: Record<string, string>): { files: number; message: string } {
  const name = inputs.name || 'artifact';
  if (/[\\/":<>|*?\r\n]/.test(name)) throw new ArtifactError(`upload-artifact: the name ${JSON.stringify(name)} holds a character artifacts cannot have`);
  const target = join(store, name);
  if (existsSync(target) && inputs.overwrite !== 'true') throw new ArtifactError(`upload-artifact: an artifact named "${name}" was already uploaded in this run`);
  const { files, root } = filesToUpload(workspace, inputs.path ?? '', inputs['include-hidden-files'] === 'true');
  if (!files.length) {
    const mode = inputs['if-no-files-found'] || 'warn';
    const message = `upload-artifact: no files were found with the provided path: ${inputs.path ?? ''}. No artifacts will be uploaded.`;
    if (mode === 'error') throw new ArtifactError(message);
    return { files: 0, message: mode === 'ignore' ? '' : message };
  }
  rmSync(target, { recursive: true, force: true });
  for (const file of files) {
    const to = join(target, relative(root, file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
  }
  return { files: files.length, message: `upload-artifact: ${files.length} file(s) kept as "${name}" for this run` };
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
