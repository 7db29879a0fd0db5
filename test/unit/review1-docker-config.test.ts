import { describe, expect, test } from '@jest/globals';
import { stepConfigJson } from '../../actions/build-images/src/docker-config.js';

// Review (branch review1): build-images' own DOCKER_CONFIG (actions/build-images/src/docker-config.ts).
// RED when written (main at e5f3a67); the comment says the correct behaviour.
//
// The fix keeps the runner's credsStore and pins only the kit's registry to the file (an empty
// credHelpers entry) instead of copying the store's registries into credHelpers as first proposed:
// ecr-login as credsStore lists no registries at all, so a copy would still lose them. The
// assertions therefore ask docker's own question, which store answers for a registry, with docker's
// rule (cli/config/configfile: a credHelpers entry, even an empty one, wins over credsStore; an
// empty helper name is the file). The real docker CLI is checked in
// test/integration/build-images.test.ts ("the runner's credential store ...").

type Config = { credsStore?: string; credHelpers?: Record<string, string>; auths: Record<string, unknown> };

/** The helper docker asks for `registry` ('' = the config file itself). */
function storeFor(config: Config, registry: string): string {
  if (config.credHelpers && registry in config.credHelpers) return config.credHelpers[registry]!;
  return config.credsStore ?? '';
}

describe("review1: the step's docker config keeps the runner's other logins working", () => {
  // Correct: logging in to the kit's registry must not log the build out of the registries its base
  // images come from. A runner whose logins live in a credential store (`credsStore`, e.g.
  // pass, secretservice, osxkeychain) lists them as empty `auths` entries; the step's config dropped
  // `credsStore` (docker login would write the kit's password there) and kept those empty
  // entries, so `FROM registry.corp.example/base` (logged in earlier in the job, or on the self-hosted
  // runner, with docker login and a credsStore) pulled anonymously and failed as soon as
  // build-images logged in. Each registry the store holds must still be answered by that store,
  // while the kit's own registry is answered by the step's file alone.
  test('registries held by the runner credsStore keep that helper; the kit\'s registry is the file\'s', () => {
    const runner = {
      credsStore: 'pass',
      auths: { 'registry.corp.example': {}, 'ghcr.io': {} },
    };
    const step = stepConfigJson(runner, 'ghcr.io') as Config;
    expect(storeFor(step, 'registry.corp.example')).toBe('pass');
    expect(storeFor(step, 'ghcr.io')).toBe('');
    expect(storeFor(step, 'https://ghcr.io')).toBe('');
    // ecr-login as credsStore: no auths entries at all, yet every ECR registry is its.
    const ecr = stepConfigJson({ credsStore: 'ecr-login' }, 'ghcr.io') as Config;
    expect(storeFor(ecr, '123456789012.dkr.ecr.eu-west-1.amazonaws.com')).toBe('ecr-login');
    expect(storeFor(ecr, 'ghcr.io')).toBe('');
  });
});
