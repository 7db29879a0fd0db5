import { resolveFrom, stageAt, type Dockerfile } from './dockerfile.js';

/**
 * Turns a failed build's output into what a reader needs first: the Dockerfile line that failed,
 * the image a failed pull was for, and the tool's own message, without the banners around it.
 * Both output formats are read: the classic builder's (`Step 3/5 : RUN ...`, the error on stderr)
 * and buildx's plain progress (a `Dockerfile:3` block, then `ERROR: failed to solve: ...`).
 */

export interface BuildFailure {
  /** One sentence: where it failed and why, in the tool's words. */
  summary: string;
  /** 1-based line of the failing instruction in the service's Dockerfile, when known. */
  line?: number;
  /** The image a pull failed for, when the failure was a pull. */
  image?: string;
  /** The last lines the failing step printed (compiler errors and the like). */
  output: string[];
}

export interface FailedBuild {
  stdout: string;
  stderr: string;
  exitCode: number;
  dockerfile: Dockerfile;
  buildArgs: string[];
}

/** docker 23+ prints this block when the classic builder runs; it says nothing about the failure. */
export function withoutBanners(text: string): string {
  const out: string[] = [];
  let inBanner = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^DEPRECATED: The legacy builder is deprecated/.test(line)) {
      inBanner = true;
      continue;
    }
    if (inBanner && /^\s+\S/.test(line)) continue;
    inBanner = false;
    out.push(line);
  }
  return out.join('\n');
}

const lastLines = (lines: string[], n: number) => lines.map((l) => l.trimEnd()).filter(Boolean).slice(-n);

export function diagnoseBuild(build: FailedBuild): BuildFailure {
  const stderr = withoutBanners(build.stderr);
  const found = /^ERROR: /m.test(stderr) || /^ERROR: /m.test(build.stdout) ? fromBuildx(build, stderr) : fromClassic(build, stderr);
  const instruction = found.line === undefined ? undefined : build.dockerfile.instructions.findIndex((i) => i.line === found.line);
  const ins = instruction === undefined || instruction < 0 ? undefined : build.dockerfile.instructions[instruction];
  const pulled = found.pulled ?? (ins?.keyword === 'FROM' ? pullTarget(build, instruction!) : undefined);
  const where = ins ? `line ${ins.line} (${ins.text})` : undefined;
  const summary = pulled
    ? `could not pull the base image ${pulled}${where ? ` named at ${where}` : ''}: ${found.message}`
    : `the build failed${where ? ` at ${where}` : ''}: ${found.message}`;
  return { summary, line: ins?.line, image: pulled, output: found.output };
}

function pullTarget(build: FailedBuild, index: number): string | undefined {
  const stage = stageAt(build.dockerfile, index);
  return stage ? resolveFrom(build.dockerfile, stage, build.buildArgs) : undefined;
}

interface Found {
  message: string;
  line?: number;
  pulled?: string;
  output: string[];
}

function fromClassic(build: FailedBuild, stderr: string): Found {
  const parse = /dockerfile parse error (?:on )?line (\d+): (.*)/i.exec(stderr);
  if (parse) return { message: parse[0].replace(/^Error response from daemon: /, ''), line: Number(parse[1]), output: [] };
  const out = build.stdout.split(/\r?\n/);
  let stepAt = -1;
  let step = 0;
  out.forEach((line, i) => {
    const m = /^Step (\d+)\/\d+ : /.exec(line);
    if (m) [stepAt, step] = [i, Number(m[1])];
  });
  // Steps count instructions from 1; steps past the file's own are the labels the kit added.
  const ins = step > 0 ? build.dockerfile.instructions[step - 1] : undefined;
  // the step's own output, without the builder's bookkeeping (layer ids, --force-rm's clean-up)
  const bookkeeping = /^( ---> |Removing intermediate container )/;
  const output = stepAt < 0 ? [] : lastLines(out.slice(stepAt + 1).filter((l) => !bookkeeping.test(l)), 5);
  const message = lastLines(stderr.split(/\r?\n/), 3).join(' ') || `exit code ${build.exitCode}`;
  return { message, line: ins?.line, output };
}

function fromBuildx(build: FailedBuild, stderr: string): Found {
  const lines = `${build.stdout}\n${stderr}`.split(/\r?\n/);
  const errorLine = [...lines].reverse().find((l) => l.startsWith('ERROR: ')) ?? '';
  const message = errorLine.replace(/^ERROR: /, '').replace(/^failed to build: /, '').replace(/^failed to solve: /, '') || `exit code ${build.exitCode}`;
  let line: number | undefined;
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^\S+:(\d+)$/.exec(lines[i]!);
    if (m && /^-{5,}$/.test(lines[i + 1]!)) {
      line = Number(m[1]);
      break;
    }
  }
  // The block between the first two `------` lines: ` > [2/3] RUN ...:` and the step's last output.
  const open = lines.indexOf('------');
  const close = open < 0 ? -1 : lines.indexOf('------', open + 1);
  const output = close < 0 ? [] : lastLines(lines.slice(open + 2, close).map((l) => l.replace(/^\d+\.\d+ /, '')), 5);
  const pulled = /failed to resolve source metadata for (\S+?):? /.exec(message)?.[1];
  return { message, line, pulled, output };
}
