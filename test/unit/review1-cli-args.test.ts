import { describe, expect, test } from '@jest/globals';
import { parseWorkflowArgs } from '../../cli/args.js';

// Review (branch review1): how `shipkit workflow` takes secrets. RED when written (main at e5f3a67).

describe('review1: a secret of the kit workflows can be given without putting it on the command line', () => {
  // Correct: the README promises that `--secret NAME` "stays off the command line". The kit's own
  // workflows name their secrets with hyphens (registry-password, slack-webhook-url, backend-config,
  // google-credentials), which no shell can export as an environment variable, so running
  // `shipkit workflow images --secret registry-password` directly (no caller workflow to rename them)
  // can only be done as `--secret registry-password=<value>`: in `ps`, /proc/<pid>/cmdline and the
  // shell history. The name must have an environment form: registry-password read from
  // REGISTRY_PASSWORD (hyphens as underscores, upper case), or from a file or stdin.
  test('--secret registry-password reads REGISTRY_PASSWORD', () => {
    const parsed = parseWorkflowArgs(['images', '--secret', 'registry-password'], { REGISTRY_PASSWORD: 'from-the-environment' });
    expect(parsed.secrets['registry-password']).toBe('from-the-environment');
  });
});

describe('--secret NAME reads the environment', () => {
  test('the exact name wins over the shell form; a missing one names both variables and how to export it', () => {
    expect(parseWorkflowArgs(['images', '--secret', 'registry-password'], { 'registry-password': 'exact', REGISTRY_PASSWORD: 'shell' }).secrets['registry-password']).toBe('exact');
    expect(parseWorkflowArgs(['images', '--secret', 'DOCKERHUB_TOKEN'], { DOCKERHUB_TOKEN: 't' }).secrets.DOCKERHUB_TOKEN).toBe('t');
    expect(() => parseWorkflowArgs(['images', '--secret', 'slack-webhook-url'], {})).toThrow(/--secret slack-webhook-url reads the environment variable SLACK_WEBHOOK_URL \(or slack-webhook-url\), which is not set/);
  });
});
