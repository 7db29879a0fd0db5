import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { messageOf, ToolError } from '../../../lib/errors.js';
import { isPullRequest } from '../../../lib/git-context.js';
import { octokit as githubClient } from '../../../lib/github.js';
import { info } from '../../../lib/log.js';
import { code, markdownTable, md } from '../../../lib/summary.js';
import { getInputs, type Inputs } from './inputs.js';
import { DEFAULT_TEMPLATE, DRIFT_TEMPLATE, formatDuration, render, type Variables } from './message.js';
import { colorOf, driftWord, isSuccess, outcomeOfJobs, resultWord, shouldNotify, type Word } from './result.js';
import { postToSlack } from './slack.js';

interface Event {
  compare?: string;
  head_commit?: { message?: string; author?: { name?: string } };
  pusher?: { name?: string };
  pull_request?: { number?: number; html_url?: string; title?: string; user?: { login?: string }; head?: { ref?: string; sha?: string } };
}

interface Run {
  workflow_id?: number;
  name?: string | null;
  run_started_at?: string | null;
  created_at?: string;
  head_branch?: string | null;
}

/** What the run is about, from the runner's variables and the event payload. */
interface RunFacts {
  event: Event;
  isPr: boolean;
  branch: string;
  sha: string;
}

export async function main(): Promise<void> {
  const inputs = getInputs();
  const facts = runFacts(process.env);
  const outcome = inputs.status ?? outcomeOfJobs(inputs.needs ?? {});

  const { run, previous } = await runHistory(inputs, facts.branch);
  const drift = inputs.drift ? driftWord(inputs.drift, outcome) : undefined;
  const word = drift ?? resultWord(outcome, previous);
  core.setOutput('result', word);
  info(
    drift
      ? `Result: ${word} (the drift check said ${inputs.drift}; this run: ${outcome})`
      : `Result: ${word} (this run: ${outcome}; previous completed run on ${facts.branch || 'this branch'}: ${previous ?? 'none'})`,
  );

  const text = render(inputs.template || (inputs.drift ? DRIFT_TEMPLATE : DEFAULT_TEMPLATE), messageVariables(facts, word, run, process.env));
  const skip = skipReason(inputs, word, facts.isPr, facts.branch);
  let sent = false;
  if (skip) info(`Not notifying: ${skip}.`);
  else sent = await send(inputs, text, word);
  core.setOutput('sent', String(sent));
  await writeSummary(word, text, inputs.needs, sent, skip);
}

function runFacts(env: NodeJS.ProcessEnv): RunFacts {
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const isPr = isPullRequest(env.GITHUB_EVENT_NAME);
  const branch = isPr ? (event.pull_request?.head?.ref ?? env.GITHUB_HEAD_REF ?? '') : (env.GITHUB_REF_NAME ?? (env.GITHUB_REF ?? '').replace(/^refs\/(heads|tags)\//, ''));
  const sha = isPr ? (event.pull_request?.head?.sha ?? env.GITHUB_SHA ?? '') : (env.GITHUB_SHA ?? '');
  return { event, isPr, branch, sha };
}

/** Travis's notification variables for this run. */
function messageVariables({ event, branch, sha }: RunFacts, word: Word, run: Run | undefined, env: NodeJS.ProcessEnv): Variables {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = env.GITHUB_REPOSITORY ?? '';
  const started = run?.run_started_at ?? run?.created_at;
  return {
    repository,
    branch,
    commit: sha.slice(0, 7),
    author: event.head_commit?.author?.name ?? event.pull_request?.user?.login ?? event.pusher?.name ?? env.GITHUB_ACTOR ?? '',
    commit_subject: (event.head_commit?.message ?? event.pull_request?.title ?? '').split('\n')[0] ?? '',
    result: word,
    duration: started ? formatDuration(Date.now() - Date.parse(started)) : 'unknown time',
    build_url: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
    compare_url: event.compare ?? (event.pull_request?.html_url ? `${event.pull_request.html_url}/files` : `${server}/${repository}/commit/${sha}`),
    pull_request_number: event.pull_request?.number ? String(event.pull_request.number) : '',
    pull_request_url: event.pull_request?.html_url ?? '',
    workflow: run?.name ?? env.GITHUB_WORKFLOW ?? '',
  };
}

/** Posts the message when a webhook or token is given; Slack being down is a warning unless fail-on-error. */
async function send(inputs: Inputs, text: string, word: Word): Promise<boolean> {
  if (!inputs['slack-webhook-url'] && !inputs['slack-token']) {
    info('No Slack webhook or token given: the result is in the run summary only.');
    return false;
  }
  try {
    await postToSlack(
      inputs['slack-webhook-url']
        ? { webhook: inputs['slack-webhook-url'] }
        : { token: inputs['slack-token'], channel: inputs['slack-channel'], apiUrl: inputs['slack-api-url'] },
      text,
      colorOf(word),
    );
    info(`Sent to Slack: ${text}`);
    return true;
  } catch (error: unknown) {
    const message = `Could not notify Slack: ${messageOf(error)}`;
    if (inputs['fail-on-error']) throw new ToolError(message);
    core.warning(message);
    return false;
  }
}

function readEvent(path: string | undefined): Event {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Event;
  } catch {
    return {};
  }
}

function skipReason(inputs: Inputs, word: Word, isPr: boolean, branch: string): string | undefined {
  if (isPr && !inputs['on-pull-requests']) return 'on-pull-requests is false';
  if (inputs.branches.length && !inputs.branches.some((b) => branchMatches(b, branch))) return `branch ${branch} is not in "branches"`;
  if (!shouldNotify(word, inputs['on-success'], inputs['on-failure'])) {
    const setting = isSuccess(word) ? `on-success: ${inputs['on-success']}` : `on-failure: ${inputs['on-failure']}`;
    return `the result is ${word} and ${setting}`;
  }
  return undefined;
}

/** A branch filter: `*` matches any run of characters; everything else, `?` included, is literal. */
export function branchMatches(pattern: string, branch: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(branch);
}

/**
 * This run, and the conclusion of the previous completed run of the same workflow on the same
 * branch (GitHub REST API). Without a token or on an API error: no history, with a warning.
 */
async function runHistory(inputs: Inputs, branch: string): Promise<{ run?: Run; previous?: string }> {
  const env = process.env;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const runId = Number(env.GITHUB_RUN_ID);
  if (!inputs['github-token'] || !owner || !repo || !runId) return {};
  try {
    const octokit = await githubClient(inputs['github-token']);
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
    const { data: runs } = await octokit.rest.actions.listWorkflowRuns({ owner, repo, workflow_id: run.workflow_id, branch: branch || run.head_branch || undefined, status: 'completed', per_page: 20 });
    const before = runs.workflow_runs.find((r) => r.id !== runId && Date.parse(r.created_at) <= Date.parse(run.created_at));
    return { run, previous: before?.conclusion ?? undefined };
  } catch (error: unknown) {
    core.warning(`Could not read the previous run from the GitHub API (${messageOf(error)}); the result word ignores history.`);
    return {};
  }
}

async function writeSummary(word: Word, text: string, needs: Inputs['needs'], sent: boolean, skip: string | undefined): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const parts = [`### ${word}`, ''];
  if (needs && Object.keys(needs).length) {
    parts.push(markdownTable(['job', 'result'], Object.entries(needs).map(([job, j]) => [md(job), j.result])), '');
  }
  parts.push(sent ? `Sent to Slack: ${code(text)}` : skip ? `Not sent to Slack: ${md(skip)}.` : 'No Slack notification configured.');
  await core.summary.addRaw(`${parts.join('\n')}\n`).write();
}
