import { describe, expect, test } from '@jest/globals';
import { stepConfigJson } from '../../actions/build-images/src/docker-config.js';

// Review (branch review1): build-images' own DOCKER_CONFIG (actions/build-images/src/docker-config.ts).
// RED when written (main at e5f3a67); the comment says the correct behaviour.

describe("review1: the step's docker config keeps the runner's other logins working", () => {
  // Correct: logging in to the kit's registry must not log the build out of the registries its base
  // images come from. A runner whose logins live in a credential store (`credsStore`, e.g.
  // pass, secretservice, osxkeychain) lists them as empty `auths` entries; the step's config drops
  // `credsStore` (rightly: docker login would write the kit's password there) and keeps those empty
  // entries, so `FROM registry.corp.example/base` (logged in earlier in the job, or on the self-hosted
  // runner, with docker login and a credsStore) now pulls anonymously and fails as soon as
  // build-images logs in. Each registry the store held should keep its helper through `credHelpers`
  // (docker asks a credHelpers entry before credsStore), while the kit's own registry gets none.
  test('registries held by the runner credsStore keep that helper through credHelpers', () => {
    const runner = {
      credsStore: 'pass',
      auths: { 'registry.corp.example': {}, 'ghcr.io': {} },
    };
    const step = stepConfigJson(runner, 'ghcr.io') as { credsStore?: string; credHelpers?: Record<string, string>; auths: Record<string, unknown> };
    expect(step.credsStore).toBeUndefined();
    expect(step.credHelpers).toEqual({ 'registry.corp.example': 'pass' });
    expect(step.credHelpers?.['ghcr.io']).toBeUndefined();
  });
});
