import { UsageError } from '../../../lib/errors.js';
import { getBoolean, getEnum, getLines, getPositiveInt, getString } from '../../../lib/inputs.js';

export const COMMANDS = ['check', 'plan', 'apply'] as const;
export type Command = (typeof COMMANDS)[number];

/** deploy-stage's inputs, keyed as in action.yml. */
export interface Inputs {
  environment: string;
  command: Command;
  'working-directory': string;
  'packer-templates': string[];
  'packer-var-files': string[];
  'terraform-dirs': string[] | undefined;
  'terraform-env-dir': string;
  'backend-config': string[];
  'example-vars': boolean;
  'ansible-playbooks': string;
  'ansible-inventory': string;
  'plan-sha256': string;
  'auto-approve': boolean;
  'lock-timeout': string;
  'github-token': string;
  'ansible-deploy-playbook': string;
  'compose-file': string;
  'compose-env': string[];
  'docker-host': string;
  'docker-machine-create-args': string;
  'deploy-timeout': number;
}

export function getInputs(): Inputs {
  const environment = getString('environment') || 'stage';
  if (!/^[\w.-]+$/.test(environment)) {
    throw new UsageError(`Input "environment" is "${environment}": expected a name of letters, digits, ".", "_" or "-", e.g. stage.`);
  }
  const planSha = getString('plan-sha256').replace(/^sha256:/, '').toLowerCase();
  if (planSha && !/^[0-9a-f]{64}$/.test(planSha)) {
    throw new UsageError(`Input "plan-sha256" is "${planSha}": expected the 64-hex plan-sha256 output of a plan run.`);
  }
  const lockTimeout = getString('lock-timeout') || '0s';
  if (!/^\d+(ms|s|m|h)$/.test(lockTimeout)) {
    throw new UsageError(`Input "lock-timeout" is "${lockTimeout}": expected a duration such as 0s, 30s or 5m.`);
  }
  const backendConfig = getLines('backend-config');
  const dirs = getLines('terraform-dirs');
  return {
    environment,
    command: getEnum('command', COMMANDS, 'check'),
    'working-directory': getString('working-directory') || '.',
    'packer-templates': getLines('packer-templates').length ? getLines('packer-templates') : ['**/packer/*.json', '**/*.pkr.hcl'],
    'packer-var-files': getLines('packer-var-files'),
    'terraform-dirs': dirs.length ? dirs : undefined,
    'terraform-env-dir': getString('terraform-env-dir'),
    'backend-config': backendConfig,
    'example-vars': getBoolean('example-vars', true),
    'ansible-playbooks': getString('ansible-playbooks'),
    'ansible-inventory': getString('ansible-inventory'),
    'plan-sha256': planSha,
    'auto-approve': getBoolean('auto-approve'),
    'lock-timeout': lockTimeout,
    'github-token': getString('github-token'),
    'ansible-deploy-playbook': getString('ansible-deploy-playbook'),
    'compose-file': getString('compose-file'),
    'compose-env': getLines('compose-env'),
    'docker-host': getString('docker-host'),
    'docker-machine-create-args': getString('docker-machine-create-args'),
    'deploy-timeout': getPositiveInt('deploy-timeout', 300),
  };
}
