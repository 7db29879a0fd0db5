import { describe, expect, test } from '@jest/globals';
import { diagnoseBuild, withoutBanners } from '../../actions/build-images/src/build-error.js';
import { parseDockerfile, resolveFrom, withLabels } from '../../actions/build-images/src/dockerfile.js';

const SEED_LIKE = `# syntax=docker/dockerfile:1
ARG BASE_IMAGE=busybox:1.36.1
ARG TAG
FROM \${BASE_IMAGE} AS build
# build the app
RUN echo one \\
    # a comment inside a continuation
    && echo two
COPY . /app

FROM build AS test
RUN ./run-tests.sh

FROM registry.example/runtime:\${TAG:-3} AS final
COPY --from=build /app /app
`;

describe('Dockerfile reading', () => {
  test('instructions with their lines, continuations joined, comments dropped', () => {
    const file = parseDockerfile(SEED_LIKE);
    expect(file.escape).toBe('\\');
    expect(file.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['ARG', 2],
      ['ARG', 3],
      ['FROM', 4],
      ['RUN', 6],
      ['COPY', 9],
      ['FROM', 11],
      ['RUN', 12],
      ['FROM', 14],
      ['COPY', 15],
    ]);
    expect(file.instructions[3]!.args).toBe('echo one      && echo two');
    expect(file.stages.map((s) => s.name)).toEqual(['build', 'test', 'final']);
  });

  test('FROM images with build args and ARG defaults applied; an earlier stage is no image', () => {
    const file = parseDockerfile(SEED_LIKE);
    const [build, test2, final] = file.stages;
    expect(resolveFrom(file, build!, [])).toBe('busybox:1.36.1');
    expect(resolveFrom(file, build!, ['BASE_IMAGE=127.0.0.1:5000/base/busybox:1', 'OTHER=x'])).toBe('127.0.0.1:5000/base/busybox:1');
    expect(resolveFrom(file, test2!, [])).toBeUndefined();
    expect(resolveFrom(file, final!, [])).toBe('registry.example/runtime:3');
    expect(resolveFrom(file, final!, ['TAG=4'])).toBe('registry.example/runtime:4');
  });

  test('# escape=` switches the continuation character; heredoc bodies are not instructions', () => {
    const file = parseDockerfile('# escape=`\nFROM mcr.example/windows\nRUN dir c:\\ `\n    && echo done\nRUN <<EOF\nFROM not-an-instruction\nEOF\nCMD ["x"]\n');
    expect(file.escape).toBe('`');
    expect(file.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 2],
      ['RUN', 3],
      ['RUN', 5],
      ['CMD', 8],
    ]);
  });

  // As docker's parser reads them (checked with docker 20.10: `CMD ./start.sh \`, a blank line, then
  // `LABEL a=b` builds one CMD "./start.sh LABEL a=b" and no label).
  test('a blank line inside a continuation does not end it; the end of the file does', () => {
    const file = parseDockerfile('FROM x\nRUN echo one \\\n\n# a note\n  && echo two\nCMD ./start.sh \\\n\n');
    expect(file.instructions.map((i) => [i.keyword, i.line, i.args])).toEqual([
      ['FROM', 1, 'x'],
      ['RUN', 2, 'echo one    && echo two'],
      ['CMD', 6, './start.sh'],
    ]);
  });

  test('a directive after the first instruction or comment is only a comment', () => {
    expect(parseDockerfile('# a note\n# escape=`\nFROM x\n').escape).toBe('\\');
  });
});

describe('labels in one LABEL instruction', () => {
  test('quoted with the file\'s escape character, $ and quotes escaped so nothing expands', () => {
    expect(withLabels('FROM scratch\n\n', { 'org.opencontainers.image.title': 'post', note: 'costs $5 "now" \\o/' })).toBe(
      'FROM scratch\nLABEL "org.opencontainers.image.title"="post" "note"="costs \\$5 \\"now\\" \\\\o/"\n',
    );
  });

  test('under # escape=` the backtick escapes, and a backslash is a plain character', () => {
    expect(withLabels('# escape=`\nFROM scratch\n', { path: 'c:\\app', note: 'costs $5 "now" `x`' })).toBe(
      '# escape=`\nFROM scratch\nLABEL "path"="c:\\app" "note"="costs `$5 `"now`" ``x``"\n',
    );
  });

  test.each([
    ['a dangling continuation', 'FROM x\nCMD ./start.sh \\\n', 'FROM x\nCMD ./start.sh\nLABEL "a"="1"\n'],
    ['blank lines and comments after it', 'FROM x\nCOPY . /app \\  \n\n# the end\n\n', 'FROM x\nCOPY . /app\n\n# the end\nLABEL "a"="1"\n'],
    ['Windows line ends', 'FROM x\r\nCMD run \\\r\n', 'FROM x\r\nCMD run\nLABEL "a"="1"\n'],
    ['the backtick escape', '# escape=`\nFROM x\nRUN dir c:\\ `\n', '# escape=`\nFROM x\nRUN dir c:\\\nLABEL "a"="1"\n'],
  ])('the last instruction ends where docker ends it, before the LABEL: %s', (_name, text, labelled) => {
    expect(withLabels(text, { a: '1' })).toBe(labelled);
    expect(parseDockerfile(labelled).instructions.at(-1)).toMatchObject({ keyword: 'LABEL', args: '"a"="1"' });
  });

  test('a last line ending in an escaped escape cannot be followed by anything: refused, naming the line', () => {
    expect(() => withLabels('FROM x\nRUN echo \\\\\n', { a: '1' })).toThrow(
      "The Dockerfile's line 2 ends in \\\\: docker reads the last \\ as a line continuation, so no instruction can follow and build-images cannot add its labels. End that line with something other than \\.",
    );
  });

  test('one line, so no continuation character is needed whatever the escape', () => {
    const out = withLabels('# escape=`\nFROM scratch', { a: '1', b: '2', c: '3' });
    expect(out.split('\n').filter((l) => l.startsWith('LABEL'))).toHaveLength(1);
    expect(parseDockerfile(out).instructions.map((i) => i.keyword)).toEqual(['FROM', 'LABEL']);
  });
});

// The classic builder's output below was recorded from docker client 28.2 with engine 20.10 (this
// kit's CI machine, DOCKER_BUILDKIT=0); the buildx output follows the layout buildx prints with
// --progress=plain (the `------` block of the failing step, `Dockerfile:N`, the excerpt, then
// `ERROR: failed to build: failed to solve: ...`), written for these Dockerfiles.
const BANNER = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.

`;

describe('a failed build, explained', () => {
  const dockerfile = parseDockerfile('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nWORKDIR /app\nRUN echo "compile step fails" && exit 3\n');
  const buildArgs = ['BASE_IMAGE=127.0.0.1:5000/base/busybox:1'];

  test('the legacy builder banner goes, the rest stays', () => {
    expect(withoutBanners(`${BANNER}The command '/bin/sh -c x' returned a non-zero code: 3\n`)).toBe("\nThe command '/bin/sh -c x' returned a non-zero code: 3\n");
  });

  test('classic: the failing RUN line, its output, the tool\'s message, no banner', () => {
    const failure = diagnoseBuild({
      stdout: 'Sending build context to Docker daemon  2.048kB\nStep 1/5 : ARG BASE_IMAGE\nStep 2/5 : FROM ${BASE_IMAGE}\n ---> 32139fa0acfa\nStep 3/5 : WORKDIR /app\n ---> Using cache\n ---> 1a2b3c4d5e6f\nStep 4/5 : RUN echo "compile step fails" && exit 3\n ---> Running in f1fac4c121c4\ncompile step fails\n',
      stderr: `${BANNER}The command '/bin/sh -c echo "compile step fails" && exit 3' returned a non-zero code: 3`,
      exitCode: 3,
      dockerfile,
      buildArgs,
    });
    expect(failure).toEqual({
      summary: 'the build failed at line 4 (RUN echo "compile step fails" && exit 3): The command \'/bin/sh -c echo "compile step fails" && exit 3\' returned a non-zero code: 3',
      line: 4,
      image: undefined,
      output: ['compile step fails'],
    });
  });

  test('classic: a pull failure names the FROM image, resolved from the build args', () => {
    const failure = diagnoseBuild({
      stdout: 'Sending build context to Docker daemon  2.048kB\nStep 1/5 : ARG BASE_IMAGE\nStep 2/5 : FROM ${BASE_IMAGE}\n',
      stderr: `${BANNER}Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused`,
      exitCode: 1,
      dockerfile,
      buildArgs,
    });
    expect(failure.summary).toBe(
      'could not pull the base image 127.0.0.1:5000/base/busybox:1 named at line 2 (FROM ${BASE_IMAGE}): Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    );
    expect(failure).toMatchObject({ line: 2, image: '127.0.0.1:5000/base/busybox:1' });
  });

  test('classic: a Dockerfile parse error points at its line', () => {
    const failure = diagnoseBuild({ stdout: 'Sending build context to Docker daemon  2.048kB\n', stderr: `${BANNER}Error response from daemon: dockerfile parse error line 3: unknown instruction: RUNN`, exitCode: 1, dockerfile, buildArgs });
    expect(failure).toMatchObject({ line: 3, summary: 'the build failed at line 3 (WORKDIR /app): dockerfile parse error line 3: unknown instruction: RUNN' });
  });

  test('classic: a step past the Dockerfile (the labels the kit added) has no line', () => {
    const failure = diagnoseBuild({ stdout: 'Step 6/6 : LABEL "a"="b"\n', stderr: `${BANNER}no space left on device`, exitCode: 1, dockerfile, buildArgs });
    expect(failure).toEqual({ summary: 'the build failed: no space left on device', line: undefined, image: undefined, output: [] });
  });

  test('buildx: the Dockerfile:N block, the step\'s last output, the final error', () => {
    const stderr = [
      '#7 [3/3] RUN echo "compile step fails" && exit 3',
      '#7 0.231 compile step fails',
      '#7 ERROR: process "/bin/sh -c echo \\"compile step fails\\" && exit 3" did not complete successfully: exit code: 3',
      '------',
      ' > [3/3] RUN echo "compile step fails" && exit 3:',
      '0.231 compile step fails',
      '------',
      'Dockerfile:4',
      '--------------------',
      '   2 |     FROM ${BASE_IMAGE}',
      '   3 |     WORKDIR /app',
      '   4 | >>> RUN echo "compile step fails" && exit 3',
      '   5 |',
      '--------------------',
      'ERROR: failed to build: failed to solve: process "/bin/sh -c echo \\"compile step fails\\" && exit 3" did not complete successfully: exit code: 3',
    ].join('\n');
    expect(diagnoseBuild({ stdout: '', stderr, exitCode: 1, dockerfile, buildArgs })).toEqual({
      summary: 'the build failed at line 4 (RUN echo "compile step fails" && exit 3): process "/bin/sh -c echo \\"compile step fails\\" && exit 3" did not complete successfully: exit code: 3',
      line: 4,
      image: undefined,
      output: ['compile step fails'],
    });
  });

  test('buildx: a pull failure names the image buildx could not resolve', () => {
    const stderr = [
      '#3 [internal] load metadata for 127.0.0.1:5000/base/busybox:1',
      '#3 ERROR: 127.0.0.1:5000/base/busybox:1: not found',
      '------',
      ' > [internal] load metadata for 127.0.0.1:5000/base/busybox:1:',
      '------',
      'Dockerfile:2',
      '--------------------',
      '   1 |     ARG BASE_IMAGE',
      '   2 | >>> FROM ${BASE_IMAGE}',
      '--------------------',
      'ERROR: failed to solve: 127.0.0.1:5000/base/busybox:1: failed to resolve source metadata for 127.0.0.1:5000/base/busybox:1: 127.0.0.1:5000/base/busybox:1: not found',
    ].join('\n');
    const failure = diagnoseBuild({ stdout: '', stderr, exitCode: 1, dockerfile, buildArgs: [] });
    expect(failure).toMatchObject({ line: 2, image: '127.0.0.1:5000/base/busybox:1', output: [] });
    expect(failure.summary).toMatch(/^could not pull the base image 127\.0\.0\.1:5000\/base\/busybox:1 named at line 2 \(FROM \$\{BASE_IMAGE\}\): 127\.0\.0\.1:5000\/base\/busybox:1: failed to resolve source metadata/);
  });
});
