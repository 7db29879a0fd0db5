// Stand-in executables for the tools that have no real binary on this machine (docker-machine,
// tflint, hadolint, and terraform 0.12.x). They are NOT the real tools: each prints exactly the
// version line its upstream prints (see lib/tools/tools.ts), and says it is a stand-in otherwise.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The first line each tool prints for its version command, as upstream prints it. */
export function versionLine(tool, version) {
  switch (tool) {
    case 'docker-machine':
      return `docker-machine version ${version}, build 702c267f`;
    case 'packer':
      return `Packer v${version}`;
    case 'terraform':
      return `Terraform v${version}`;
    case 'tflint':
      return `TFLint version ${version}`;
    case 'hadolint':
      return version.startsWith('1.')
        ? `Haskell Dockerfile Linter v${version}-0-g574b169`
        : `Haskell Dockerfile Linter ${version}`;
    default:
      throw new Error(`no stand-in for ${tool}`);
  }
}

/**
 * The hadolint stand-in's linting (standins/hadolint-lint.sh): a few of hadolint's real rules, with
 * hadolint's codes, messages and levels, printed in its JSON format; exit 1 when anything is found.
 */
export const HADOLINT_LINT = readFileSync(new URL('./standins/hadolint-lint.sh', import.meta.url), 'utf8');

/** The tflint stand-in's linting (standins/tflint-lint.sh): two terraform rules, tflint's JSON format and exit codes. */
export const TFLINT_LINT = readFileSync(new URL('./standins/tflint-lint.sh', import.meta.url), 'utf8');

/** The docker-machine stand-in's create and env (standins/docker-machine.sh), on this machine's engine. */
export const DOCKER_MACHINE = readFileSync(new URL('./standins/docker-machine.sh', import.meta.url), 'utf8');

const VERSION_ARGS = { 'docker-machine': 'version', packer: 'version', terraform: 'version', tflint: '--version', hadolint: '--version' };

/**
 * A POSIX shell stand-in. `padTo` appends incompressible bytes after `exit` (the shell never reads
 * them) so benchmarks move as many bytes as the real release asset.
 */
export function standIn(tool, version, { padTo = 0, body = '' } = {}) {
  const script = `#!/bin/sh
# shipkit test stand-in for ${tool} ${version}: NOT the real ${tool}.
if [ "$1" = "${VERSION_ARGS[tool]}" ]; then
  echo "${versionLine(tool, version)}"
  exit 0
fi
${body}
echo "stand-in ${tool} ${version}: only '${VERSION_ARGS[tool]}' is implemented" >&2
exit 1
`;
  const head = Buffer.from(script);
  return padTo > head.length ? Buffer.concat([head, randomBytes(padTo - head.length)]) : head;
}
