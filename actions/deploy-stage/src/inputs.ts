import * as core from '@actions/core';
import { UsageError } from '../../../lib/errors.js';
import { getBoolean, getEnum, getLines, getPositiveInt, getString, getText } from '../../../lib/inputs.js';
import { forLog } from '../../../lib/log.js';

export const COMMANDS = ['check', 'plan', 'apply', 'drift'] as const;
export type Command = (typeof COMMANDS)[number];

/** The value of packer-working-directory that runs each template from its own folder. */
export const TEMPLATE_DIR = 'template-dir';
export const DEFAULT_PACKER_TEMPLATES = ['**/packer/*.json', '**/*.pkr.hcl'];

/** One line of backend-config: a `key=value` pair (a secret) or the path of a backend config file. */
export type BackendEntry = { kind: 'pair'; key: string; value: string } | { kind: 'file'; path: string };

/** deploy-stage's inputs, keyed as in action.yml. Formats are checked here; paths in prepare.ts. */
export interface Inputs {
  environment: string;
  command: Command;
  'working-directory': string;
  'packer-templates': string[];
  'packer-var-files': string[];
  'packer-working-directory': string;
  'terraform-dirs': string[];
  'terraform-env-dir': string;
  'backend-config': BackendEntry[];
  'keep-plan': boolean;
  'comment-on-no-changes': boolean;
  'label-plan': boolean;
  'fail-on-drift': boolean;
  'provider-cache': boolean;
  'example-vars': boolean;
  /** tfvars text (HCL, or JSON when it starts with `{`) for plan: a secret. */
  'terraform-vars': string;
  'ansible-playbooks': string[];
  'ansible-inventory': string;
  'ansible-config': string;
  'ansible-requirements': string[];
  'ansible-vault-password': string;
  'ansible-lint-config': string;
  'plan-sha256': string;
  'auto-approve': boolean;
  'lock-timeout': string;
  'github-token': string;
  'ansible-deploy-playbook': string;
  'compose-file': string;
  'compose-env': [string, string][];
  'docker-host': string;
  'docker-machine-create-args': string;
  'deploy-timeout': number;
}

const DOCKER_HOST_URL = /^(tcp|ssh|unix|npipe|fd|http|https):\/\/\S*$/;
const MACHINE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function getInputs(): Inputs {
  // Secrets first, masked before anything could print them (an error message included).
  const vaultPassword = getText('ansible-vault-password');
  mask(vaultPassword);
  const terraformVars = getText('terraform-vars');
  // lines such as `}` or `tags = {` are no secret, and masked they would hide every brace in the log
  mask(terraformVars, (line) => line.trim().length >= 4 && /[A-Za-z0-9]/.test(line));
  // terraform prints a value on its own (`+ input = "..."`, a validation error), never the whole line
  for (const value of tfvarsValues(terraformVars)) core.setSecret(value);
  const backendConfig = getLines('backend-config').map(backendEntry);

  const environment = getString('environment') || 'stage';
  if (!/^[\w.-]+$/.test(environment)) {
    throw new UsageError(`Input "environment" is ${forLog(environment)}: expected a name of letters, digits, ".", "_" or "-", e.g. stage.`);
  }
  const planSha = getString('plan-sha256').replace(/^sha256:/, '').toLowerCase();
  if (planSha && !/^[0-9a-f]{64}$/.test(planSha)) {
    throw new UsageError(`Input "plan-sha256" is ${forLog(planSha)}: expected the 64-hex plan-sha256 output of a plan run.`);
  }
  const lockTimeout = getString('lock-timeout') || '0s';
  if (!/^\d+(ms|s|m|h)$/.test(lockTimeout)) {
    throw new UsageError(`Input "lock-timeout" is ${forLog(lockTimeout)}: expected a duration such as 0s, 30s or 5m.`);
  }
  const templates = getLines('packer-templates');
  const inputs: Inputs = {
    environment,
    command: getEnum('command', COMMANDS, 'check'),
    'working-directory': getString('working-directory') || '.',
    'packer-templates': templates.length ? templates : DEFAULT_PACKER_TEMPLATES,
    'packer-var-files': getLines('packer-var-files'),
    'packer-working-directory': getString('packer-working-directory'),
    'terraform-dirs': getLines('terraform-dirs'),
    'terraform-env-dir': getString('terraform-env-dir'),
    'backend-config': backendConfig,
    'keep-plan': getBoolean('keep-plan'),
    'comment-on-no-changes': getBoolean('comment-on-no-changes'),
    'label-plan': getBoolean('label-plan'),
    'fail-on-drift': getBoolean('fail-on-drift'),
    'provider-cache': getBoolean('provider-cache', true),
    'example-vars': getBoolean('example-vars', true),
    'terraform-vars': terraformVars,
    'ansible-playbooks': getLines('ansible-playbooks'),
    'ansible-inventory': getString('ansible-inventory'),
    'ansible-config': getString('ansible-config'),
    'ansible-requirements': getLines('ansible-requirements'),
    'ansible-vault-password': vaultPassword,
    'ansible-lint-config': getString('ansible-lint-config'),
    'plan-sha256': planSha,
    'auto-approve': getBoolean('auto-approve'),
    'lock-timeout': lockTimeout,
    'github-token': getString('github-token'),
    'ansible-deploy-playbook': getString('ansible-deploy-playbook'),
    'compose-file': getString('compose-file'),
    'compose-env': getLines('compose-env').map(composeEnvLine),
    'docker-host': getString('docker-host'),
    'docker-machine-create-args': getString('docker-machine-create-args'),
    'deploy-timeout': getPositiveInt('deploy-timeout', 300),
  };
  checkDeployInputs(inputs);
  return inputs;
}

/** Masks a secret, and each of its lines on its own (those `worth` masking), so no part of it reaches the log. */
function mask(secret: string, worth: (line: string) => boolean = (line) => Boolean(line.trim())): void {
  if (!secret) return;
  core.setSecret(secret);
  for (const line of secret.split(/\r?\n/)) if (worth(line) && line !== secret) core.setSecret(line);
}

/**
 * The values in a .tfvars text (every string literal) or its JSON form (every string and number),
 * those of four characters or more: shorter ones (`"a"`, `true`) would blank out ordinary words.
 */
export function tfvarsValues(text: string): string[] {
  const values: string[] = [];
  if (text.trimStart().startsWith('{')) {
    const leaves = (v: unknown): void => {
      if (typeof v === 'string' || typeof v === 'number') values.push(String(v));
      else if (v && typeof v === 'object') Object.values(v).forEach(leaves);
    };
    try {
      leaves(JSON.parse(text));
    } catch {
      // not JSON after all: terraform says so later, and the lines are masked already
    }
  } else {
    for (const m of text.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) values.push(m[1]!.replace(/\\(["\\])/g, '$1'));
  }
  return [...new Set(values.filter((v) => v.trim().length >= 4))];
}

/** `key=value` is a pair (its value masked at once); anything else names a file. */
function backendEntry(line: string): BackendEntry {
  const eq = line.indexOf('=');
  if (eq < 0) return { kind: 'file', path: line };
  const key = line.slice(0, eq).trim();
  const value = line.slice(eq + 1).trim();
  mask(value);
  if (!/^[A-Za-z_][\w-]*$/.test(key)) {
    // The value is a secret: the message names the key only.
    throw new UsageError(`Input "backend-config" has a line whose key is ${forLog(key)}: expected key=value with a key of letters, digits, "_" or "-" (e.g. bucket=my-state), or the path of a backend config file.`);
  }
  return { kind: 'pair', key, value };
}

function composeEnvLine(line: string): [string, string] {
  const eq = line.indexOf('=');
  const key = eq > 0 ? line.slice(0, eq).trim() : '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
    throw new UsageError(`Input "compose-env" has the line ${forLog(line)}: expected KEY=value with a variable name for KEY, e.g. TAG=1.2.0.`);
  }
  return [key, line.slice(eq + 1)];
}

/** The application deploy's inputs fit together: checked now, not after terraform apply. */
function checkDeployInputs(inputs: Inputs): void {
  const host = inputs['docker-host'];
  if (inputs['compose-file'] && inputs['ansible-deploy-playbook']) {
    throw new UsageError(
      `Inputs "compose-file" (${forLog(inputs['compose-file'])}) and "ansible-deploy-playbook" (${forLog(inputs['ansible-deploy-playbook'])}) are both set: the application is deployed one way, set one of them.`,
    );
  }
  if (inputs['compose-file'] && !host) {
    throw new UsageError(`Input "compose-file" is ${forLog(inputs['compose-file'])} but "docker-host" is empty: give a DOCKER_HOST URL (ssh://user@host, tcp://host:2376) or a docker-machine name.`);
  }
  if (host && !DOCKER_HOST_URL.test(host) && !MACHINE_NAME.test(host)) {
    throw new UsageError(`Input "docker-host" is ${forLog(host)}: expected a DOCKER_HOST URL (ssh://user@host, tcp://host:2376, unix:///var/run/docker.sock) or a docker-machine name (letters, digits, ".", "_", "-").`);
  }
  if (inputs['docker-machine-create-args'] && (!host || DOCKER_HOST_URL.test(host))) {
    throw new UsageError(
      `Input "docker-machine-create-args" is set but "docker-host" is ${host ? forLog(host) : 'empty'}: the arguments create the docker-machine that "docker-host" names, so "docker-host" must be a docker-machine name.`,
    );
  }
  if (host && !inputs['compose-file']) {
    throw new UsageError(`Input "docker-host" is ${forLog(host)} but "compose-file" is empty: the Docker host is where the compose file is deployed; set "compose-file" too.`);
  }
}
