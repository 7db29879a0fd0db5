import { setTimeout as sleep } from 'node:timers/promises';
import { posix } from 'node:path';
import { UsageError } from '../../../lib/errors.js';
import { run, tail, type ExecResult } from '../../../lib/exec.js';
import { findOnPath } from '../../../lib/which.js';
import { StageFailure } from './failure.js';
import type { Inputs } from './inputs.js';

type Show = (title: string, result: ExecResult) => void;

/**
 * The application deploy after a successful apply: the seed's reddit-app.yml playbook, or the
 * service images on a Docker host with compose. Returns a line for the summary, or undefined.
 */
export async function deployApplication(inputs: Inputs, workspace: string, env: NodeJS.ProcessEnv, show: Show): Promise<string | undefined> {
  if (inputs['ansible-deploy-playbook']) {
    const args = [...(inputs['ansible-inventory'] ? ['-i', inputs['ansible-inventory']] : []), inputs['ansible-deploy-playbook']];
    const result = await run(findOnPath('ansible-playbook') ?? 'ansible-playbook', args, { cwd: workspace, env });
    show(`ansible-playbook ${inputs['ansible-deploy-playbook']}`, result);
    if (result.code) throw new StageFailure('deploy-failed', `ansible-playbook ${inputs['ansible-deploy-playbook']} failed (exit ${result.code}):\n${tail(result.stdout || result.stderr)}`);
    return `Deployed with ansible-playbook ${inputs['ansible-deploy-playbook']}.`;
  }
  if (!inputs['compose-file']) return undefined;
  if (!inputs['docker-host']) throw new UsageError('Input "compose-file" is set but "docker-host" is empty: give a DOCKER_HOST URL (ssh://user@host, tcp://host:2376) or a docker-machine name.');

  const hostEnv = await dockerHostEnv(inputs, workspace, env, show);
  const composeEnv: NodeJS.ProcessEnv = { ...env, ...hostEnv };
  for (const line of inputs['compose-env']) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new UsageError(`Input "compose-env" has the line "${line}": expected KEY=value.`);
    composeEnv[line.slice(0, eq)] = line.slice(eq + 1);
  }
  const compose = await composeCommand(composeEnv);
  const base = [...compose.slice(1), '--file', inputs['compose-file']];
  const up = await run(compose[0]!, [...base, 'up', '--detach', '--remove-orphans'], { cwd: workspace, env: composeEnv });
  show(`compose up (${inputs['compose-file']})`, up);
  if (up.code) throw new StageFailure('deploy-failed', `compose up failed (exit ${up.code}):\n${tail(up.stderr || up.stdout)}`);

  const deadline = Date.now() + inputs['deploy-timeout'] * 1000;
  let states: ServiceState[];
  for (;;) {
    states = await serviceStates(compose, base, workspace, composeEnv);
    if (states.length && states.every((s) => s.ready)) break;
    if (Date.now() > deadline) {
      const bad = states.filter((s) => !s.ready).map((s) => `${s.service} (${s.status}${s.health ? `, ${s.health}` : ''})`);
      throw new StageFailure(
        'deploy-failed',
        `Not every service was up within deploy-timeout (${inputs['deploy-timeout']} s): ${bad.join(', ') || 'no container started'}. The other services are left running as they are.`,
      );
    }
    await sleep(1000);
  }
  return `Deployed ${states.map((s) => s.service).join(', ')} to ${hostEnv.DOCKER_HOST ?? inputs['docker-host']} with ${posix.basename(inputs['compose-file'])}: all running${states.some((s) => s.health) ? ' and healthy' : ''}.`;
}

interface ServiceState {
  service: string;
  status: string;
  health?: string;
  ready: boolean;
}

async function composeCommand(env: NodeJS.ProcessEnv): Promise<string[]> {
  if ((await run('docker', ['compose', 'version'], { env })).code === 0) return ['docker', 'compose'];
  const legacy = findOnPath('docker-compose');
  if (legacy) return [legacy];
  throw new UsageError('Neither `docker compose` nor `docker-compose` is installed on this runner, and "compose-file" needs one.');
}

async function serviceStates(compose: string[], base: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ServiceState[]> {
  const ids = await run(compose[0]!, [...base, 'ps', '--quiet'], { cwd, env });
  const list = ids.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!list.length) return [];
  const inspect = await run('docker', ['inspect', '--format', '{{index .Config.Labels "com.docker.compose.service"}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}', ...list], { env });
  return inspect.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [service = '?', status = '?', health = ''] = line.split('|');
      return { service, status, health: health || undefined, ready: status === 'running' && (!health || health === 'healthy') };
    });
}

/** DOCKER_HOST for the deploy: a URL as given, or what `docker-machine env` says (creating the machine when asked). */
async function dockerHostEnv(inputs: Inputs, cwd: string, env: NodeJS.ProcessEnv, show: Show): Promise<Record<string, string>> {
  const host = inputs['docker-host'];
  if (/^[a-z]+:\/\//.test(host)) return { DOCKER_HOST: host };
  const machine = findOnPath('docker-machine');
  if (!machine) throw new UsageError(`"docker-host" is "${host}", a docker-machine name, but docker-machine is not on PATH (setup-tools installs it).`);
  let result = await run(machine, ['env', '--shell', 'bash', host], { cwd, env });
  show(`docker-machine env ${host}`, result);
  if (result.code && /does not exist/i.test(result.stderr + result.stdout) && inputs['docker-machine-create-args']) {
    const create = await run(machine, ['create', ...splitArgs(inputs['docker-machine-create-args']), host], { cwd, env });
    show(`docker-machine create ${host}`, create);
    if (create.code) throw new StageFailure('deploy-failed', `docker-machine create ${host} failed (exit ${create.code}):\n${tail(create.stderr || create.stdout)}`);
    result = await run(machine, ['env', '--shell', 'bash', host], { cwd, env });
    show(`docker-machine env ${host}`, result);
  }
  if (result.code) throw new StageFailure('deploy-failed', `docker-machine env ${host} failed: ${tail(result.stderr || result.stdout, 3)}`);
  const vars: Record<string, string> = {};
  for (const m of result.stdout.matchAll(/^export (\w+)="([^"]*)"$/gm)) vars[m[1]!] = m[2]!;
  if (!vars.DOCKER_HOST) throw new StageFailure('deploy-failed', `docker-machine env ${host} gave no DOCKER_HOST.`);
  return vars;
}

/** Whitespace-separated arguments with '...' and "..." quoting; no shell ever sees them. */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) args.push(m[1] ?? m[2] ?? m[3]!);
  return args;
}
