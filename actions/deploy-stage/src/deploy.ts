import { setTimeout as sleep } from 'node:timers/promises';
import { posix } from 'node:path';
import { run as runProcess } from '../../../lib/exec.js';
import { StageFailure } from './failure.js';
import { playbookArgs } from './argv.js';
import { ansibleEnv, lockedVault } from './check.js';
import { exec, type Run } from './run.js';
import { lastLines } from './text.js';

/**
 * The deploy stage, after a successful apply: the seed's reddit-app.yml playbook, or the service
 * images on a Docker host with compose. Every input was checked by prepare(), before the apply.
 */
export async function deploy(run: Run): Promise<void> {
  const plan = run.deploy;
  if (!plan) return;
  if (plan.kind === 'ansible') {
    const { group } = plan;
    const inventory = run.inventory;
    const args = playbookArgs({ cwd: group.cwd, playbook: plan.playbook, inventory, vaultFile: run.resources.vaultFile });
    const result = await exec(run, `ansible-playbook ${plan.playbook}`, run.tools.ansiblePlaybook!, args, group.cwd, ansibleEnv(run, group));
    if (result.code) {
      const vault = lockedVault(run, `${result.stdout}\n${result.stderr}`) ? '\nIt reads vaulted data, and input "ansible-vault-password" is empty: pass the vault password as a secret.' : '';
      throw new StageFailure('deploy-failed', `ansible-playbook ${plan.playbook} failed (exit ${result.code}):\n${lastLines(result.stdout || result.stderr)}${vault}`);
    }
    run.report.notes.push(`Deployed with ansible-playbook ${plan.playbook}.`);
    return;
  }
  const hostEnv = await dockerHostEnv(run);
  const env: NodeJS.ProcessEnv = { ...run.env, ...hostEnv, ...Object.fromEntries(plan.env) };
  const compose = plan.compose!;
  const base = [...compose.slice(1), '--file', plan.file];
  const up = await exec(run, `compose up (${plan.file})`, compose[0]!, [...base, 'up', '--detach', '--remove-orphans'], '.', env);
  if (up.code) throw new StageFailure('deploy-failed', `compose up failed (exit ${up.code}):\n${lastLines(up.stderr || up.stdout)}`);

  const timeout = run.inputs['deploy-timeout'];
  const deadline = Date.now() + timeout * 1000;
  let states: ServiceState[];
  for (;;) {
    states = await serviceStates(run, compose, base, env);
    if (states.length && states.every((s) => s.ready)) break;
    if (Date.now() > deadline) {
      const bad = states.filter((s) => !s.ready).map((s) => `${s.service} (${s.status}${s.health ? `, ${s.health}` : ''})`);
      throw new StageFailure('deploy-failed', `Not every service was up within deploy-timeout (${timeout} s): ${bad.join(', ') || 'no container started'}. The other services are left running as they are.`);
    }
    await sleep(1000);
  }
  const healthy = states.some((s) => s.health) ? ' and healthy' : '';
  run.report.notes.push(`Deployed ${states.map((s) => s.service).join(', ')} to ${hostEnv.DOCKER_HOST ?? plan.host} with ${posix.basename(plan.file)}: all running${healthy}.`);
}

interface ServiceState {
  service: string;
  status: string;
  health?: string;
  ready: boolean;
}

async function serviceStates(run: Run, compose: string[], base: string[], env: NodeJS.ProcessEnv): Promise<ServiceState[]> {
  const ids = await runProcess(compose[0]!, [...base, 'ps', '--quiet'], { cwd: run.root, env });
  const list = ids.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!list.length) return [];
  const format = '{{index .Config.Labels "com.docker.compose.service"}}|{{.State.Status}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}';
  const inspect = await runProcess('docker', ['inspect', '--format', format, ...list], { env });
  return inspect.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [service = '?', status = '?', health = ''] = line.split('|');
      return { service, status, health: health || undefined, ready: status === 'running' && (!health || health === 'healthy') };
    });
}

/** DOCKER_HOST for the deploy: a URL as given, or what `docker-machine env` says (creating the machine when asked). */
async function dockerHostEnv(run: Run): Promise<Record<string, string>> {
  const plan = run.deploy!;
  if (plan.kind !== 'compose' || !plan.machine) return { DOCKER_HOST: plan.kind === 'compose' ? plan.host : '' };
  const machine = run.tools.dockerMachine!;
  const host = plan.host;
  let result = await exec(run, `docker-machine env ${host}`, machine, ['env', '--shell', 'bash', host], '.');
  if (result.code && /does not exist/i.test(result.stderr + result.stdout) && plan.createArgs.length) {
    const create = await exec(run, `docker-machine create ${host}`, machine, ['create', ...plan.createArgs, host], '.');
    if (create.code) throw new StageFailure('deploy-failed', `docker-machine create ${host} failed (exit ${create.code}):\n${lastLines(create.stderr || create.stdout)}`);
    result = await exec(run, `docker-machine env ${host}`, machine, ['env', '--shell', 'bash', host], '.');
  }
  if (result.code) throw new StageFailure('deploy-failed', `docker-machine env ${host} failed: ${lastLines(result.stderr || result.stdout, 3)}`);
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
