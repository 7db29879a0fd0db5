// @actions/core imports HttpClient and BearerCredentialHandler for one purpose: core.getIDToken(),
// the OIDC token request. shipkit never calls it (test/unit/no-oidc.test.ts holds that), so this
// package takes @actions/http-client's place inside @actions/core (package.json "overrides") and
// every action starts without loading undici. Anything that does reach it is told why it failed.
const why =
  'shipkit does not request OIDC tokens: @actions/core is built without its HTTP client (packages/no-oidc-http-client). Use lib/http.ts for HTTP.';

export class HttpClient {
  constructor() {
    throw new Error(why);
  }
}

export class BearerCredentialHandler {
  constructor() {
    throw new Error(why);
  }
}
