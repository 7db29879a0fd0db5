/**
 * The environments of the step's child processes, built from a list instead of copied: the runner
 * hands an action every input as INPUT_* (INPUT_PASSWORD among them) and the job's env (often more
 * secrets); docker and hadolint need none of it. A variable reaches a child only when that child reads it.
 */

/** What any program needs to run: where programs are, the home folder, language, time zone, temp. */
const BASE = /^(PATH|HOME|USER|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR)$/;

/**
 * What the docker CLI and its plugins (buildx) read: the engine's address and TLS, the context,
 * proxies and CA bundles, ssh agents for ssh:// hosts, kubeconfig for the kubernetes driver, and
 * buildx's and BuildKit's own settings. DOCKER_CONFIG and DOCKER_BUILDKIT are set by the kit.
 */
const DOCKER =
  /^(DOCKER_(HOST|CONTEXT|TLS|TLS_VERIFY|CERT_PATH|API_VERSION|DEFAULT_PLATFORM|CONTENT_TRUST|CONTENT_TRUST_SERVER|CLI_HINTS|CLI_EXPERIMENTAL)|BUILDX_[A-Z0-9_]+|BUILDKIT_[A-Z0-9_]+|(HTTPS?|NO|ALL|FTP)_PROXY|(https?|no|all|ftp)_proxy|SSL_CERT_(FILE|DIR)|SSH_AUTH_SOCK|XDG_RUNTIME_DIR|KUBECONFIG)$/;

function pick(env: NodeJS.ProcessEnv, ...patterns: RegExp[]): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && patterns.some((p) => p.test(key))) out[key] = value;
  }
  return out;
}

export interface DockerEnvOptions {
  /** The step's own DOCKER_CONFIG (with its login); the runner's own one when undefined. */
  dockerConfig?: string;
  /** `0` for the classic builder, so `docker build` never turns into buildx behind the kit's back. */
  buildkit?: '0';
  /** Extra variables a cache backend reads (gha's runtime token, S3's keys), only when one is used. */
  extra?: RegExp[];
}

export function dockerEnvironment(env: NodeJS.ProcessEnv, options: DockerEnvOptions = {}): NodeJS.ProcessEnv {
  const out = pick(env, BASE, DOCKER, ...(options.extra ?? []));
  out.DOCKER_CONFIG = options.dockerConfig ?? env.DOCKER_CONFIG;
  if (out.DOCKER_CONFIG === undefined) delete out.DOCKER_CONFIG;
  if (options.buildkit) out.DOCKER_BUILDKIT = options.buildkit;
  else if (env.DOCKER_BUILDKIT !== undefined) out.DOCKER_BUILDKIT = env.DOCKER_BUILDKIT;
  return out;
}

/** hadolint reads its config from XDG_CONFIG_HOME or HOME, and HADOLINT_* settings. */
export function hadolintEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return pick(env, BASE, /^XDG_CONFIG_HOME$/, /^HADOLINT_[A-Z_]+$/);
}
