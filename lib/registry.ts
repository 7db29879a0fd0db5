import { ToolError } from './errors.js';
import type { Http, HttpResponse, Timeouts } from './http.js';
import { info } from './log.js';

/**
 * A small client for the Docker Registry HTTP API v2 (distribution spec): enough to read a
 * manifest and its image config, and to put an existing manifest under a new tag. Auth follows
 * the registry's challenge, as docker does: Basic (htpasswd registries) or Bearer tokens from the
 * registry's token service (Docker Hub, GHCR, ...), one token per repository and scope.
 *
 * Tokens expire (Docker Hub's after 300 s, GHCR's after minutes), so a long build outlives the
 * token fetched when it started: a 401 is answered by fetching a fresh token once and trying again;
 * only a second refusal fails, naming the registry, repository, scope, user and the registry's code.
 *
 * The password goes to the registry and to the token service its own challenge names, nowhere else:
 * a 401 from a host a blob read was redirected to (a bucket, a CDN) is not answered.
 */

export interface Credentials {
  username?: string;
  password?: string;
}

export interface Manifest {
  body: string;
  mediaType: string;
  digest: string;
}

export interface RegistryOptions {
  retryDelays?: readonly number[];
  timeouts?: Partial<Timeouts>;
  log?: (line: string) => void;
}

type Action = 'pull' | 'push';
const ACTIONS: readonly Action[] = ['pull', 'push'];

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The registry said no to these credentials or this scope; `code` is its word for why. */
export class RegistryAuthError extends ToolError {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || /^127\./.test(host) || host === '[::1]';
}

/** The API host of a registry name as Docker spells it (`docker.io` lives at registry-1.docker.io). */
export function registryApiBase(registry: string): string {
  if (registry === 'docker.io' || registry === 'index.docker.io') return 'https://registry-1.docker.io';
  const host = registry.replace(/:\d+$/, '');
  return `${isLoopback(host) ? 'http' : 'https'}://${registry}`;
}

/** A `WWW-Authenticate` value: its scheme and parameters (quoted or bare). */
export function parseChallenge(header: string): Challenge {
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  const params: Record<string, string> = {};
  for (const m of rest.join(' ').matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,"]+))/g)) {
    params[m[1]!] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
  }
  return { scheme: scheme.toLowerCase(), params };
}

/** The `errors` a registry puts in its JSON answers, as `CODE: message` text. */
export function registryErrors(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: string; message?: string }[]; details?: string; detail?: string };
    const list = (parsed.errors ?? []).map((e) => [e.code, e.message].filter(Boolean).join(': ')).filter(Boolean);
    if (list.length) return list.join('; ');
    if (parsed.details ?? parsed.detail) return String(parsed.details ?? parsed.detail);
  } catch {
    // not JSON: the text itself, below
  }
  return body.trim().replace(/\s+/g, ' ').slice(0, 200);
}

/**
 * The token service a registry's challenge names. The password goes there (as docker sends it), so
 * over https, or in clear text only where it already goes in clear text: to the host of a plain-http
 * (loopback) registry itself. An http realm on any other host would carry it across the network.
 */
export function tokenRealm(name: string, base: string, realm: string | undefined): URL {
  let url: URL;
  try {
    url = new URL(realm ?? '');
  } catch {
    throw new RegistryAuthError(`The registry ${name} asked for a token but named no valid token service (realm ${JSON.stringify(realm ?? '')}).`);
  }
  if (url.protocol === 'https:') return url;
  const registry = new URL(base);
  if (url.protocol === 'http:' && registry.protocol === 'http:' && url.hostname === registry.hostname) return url;
  if (url.protocol === 'http:' && registry.protocol === 'http:') {
    throw new RegistryAuthError(
      `The registry ${name} sends its token requests to ${url.origin}, plain http on another host than the registry's; shipkit sends the password in clear text only to a plain-http registry's own host.`,
    );
  }
  throw new RegistryAuthError(`The registry ${name} sends its token requests to ${url.origin}, which is not https; shipkit does not send the password there.`);
}

export class Registry {
  readonly base: string;
  private http?: Promise<Http>;
  /** The registry's challenge once seen: then credentials go with the first request. */
  private challenge?: Challenge;
  private readonly tokens = new Map<string, { actions: Action[]; authorization: string }>();

  constructor(
    readonly name: string,
    private readonly credentials: Credentials = {},
    private readonly options: RegistryOptions = {},
  ) {
    this.base = registryApiBase(name);
  }

  /** The manifest a tag points at, or undefined when the repository or tag does not exist. */
  async manifest(repository: string, reference: string, accept = MANIFEST_TYPES): Promise<Manifest | undefined> {
    const response = await this.send('GET', repository, `/v2/${repository}/manifests/${reference}`, ['pull'], { headers: { accept } });
    if (response.status === 404) return undefined;
    if (response.status !== 200) throw this.failure('read', repository, reference, response);
    const body = response.body.toString('utf8');
    const parsed = parseJson<{ mediaType?: string }>(body, `${this.name} sent a manifest for ${repository}:${reference} that is not JSON`);
    return {
      body,
      mediaType: parsed.mediaType ?? String(response.headers['content-type'] ?? ''),
      digest: String(response.headers['docker-content-digest'] ?? ''),
    };
  }

  /** The image config labels of a manifest (the first image of an index). */
  async labels(repository: string, manifest: Manifest): Promise<Record<string, string>> {
    type Image = { manifests?: { digest: string; platform?: { os?: string } }[]; config?: { digest: string } };
    let image = parseJson<Image>(manifest.body, `the manifest of ${repository} is not JSON`);
    if (image.manifests) {
      const first = image.manifests.find((m) => m.platform?.os !== 'unknown') ?? image.manifests[0];
      if (!first) return {};
      const child = await this.manifest(repository, first.digest);
      if (!child) return {};
      image = parseJson<Image>(child.body, `the manifest ${first.digest} of ${repository} is not JSON`);
    }
    if (!image.config) return {};
    // Blobs may be redirected to a CDN: the layer drops the token there.
    const response = await this.send('GET', repository, `/v2/${repository}/blobs/${image.config.digest}`, ['pull']);
    if (response.status !== 200) throw this.failure('read the image config of', repository, image.config.digest, response);
    const config = parseJson<{ config?: { Labels?: Record<string, string> | null } }>(
      response.body.toString('utf8'),
      `the image config ${image.config.digest} of ${repository} is not JSON`,
    );
    return config.config?.Labels ?? {};
  }

  /**
   * Points `tag` at an existing manifest: a re-tag with no build, no pull and no push of layers.
   * Retried like a read: putting the same manifest under the same tag twice is the same as once.
   */
  async tag(repository: string, tag: string, manifest: Manifest): Promise<void> {
    const response = await this.send('PUT', repository, `/v2/${repository}/manifests/${tag}`, ['pull', 'push'], {
      body: manifest.body,
      headers: { 'content-type': manifest.mediaType },
    });
    if (response.status !== 201 && response.status !== 200) throw this.failure('tag', repository, tag, response);
  }

  private layer(): Promise<Http> {
    this.http ??= import('./http.js').then(
      ({ Http }) => new Http({ ...this.options, hint: `The registry ${this.name} or the network is having trouble: re-run the job.` }),
    );
    return this.http;
  }

  private who(): string {
    return this.credentials.username ? `as "${this.credentials.username}"` : 'anonymously';
  }

  private failure(action: string, repository: string, reference: string, response: HttpResponse): ToolError {
    if (response.failure) return response.failure;
    const detail = registryErrors(response.body.toString('utf8'));
    return new ToolError(`The registry ${this.name} refused to ${action} ${repository}:${reference} ${this.who()} (HTTP ${response.status}${detail ? `: ${detail}` : ''}).`);
  }

  /** One call with the credentials it needs; a 401 gets one fresh token (or Basic) and one more try. */
  private async send(
    method: string,
    repository: string,
    path: string,
    actions: Action[],
    extra: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResponse> {
    const http = await this.layer();
    const attempt = (auth?: string) => http.request({ method, url: `${this.base}${path}`, headers: extra.headers, body: extra.body, auth, retry: 'transient' });
    let auth = await this.knownAuthorization(repository, actions);
    let response = await attempt(auth);
    if (response.status !== 401) return response;
    this.checkChallenger(method, repository, response);

    const challenge = parseChallenge(String(response.headers['www-authenticate'] ?? ''));
    if (challenge.scheme !== 'basic' && challenge.scheme !== 'bearer') {
      throw new RegistryAuthError(`The registry ${this.name} answered 401 to ${method} ${repository} with an authentication it does not name or shipkit does not speak (${JSON.stringify(String(response.headers['www-authenticate'] ?? ''))}).`);
    }
    this.challenge = challenge;
    if (auth && challenge.params.error) {
      const held = this.tokens.get(repository)?.actions ?? actions;
      (this.options.log ?? info)(`${this.name}: the token for ${scope(repository, held)} was refused (${challenge.params.error}); fetching a fresh one`);
    }
    auth = await this.freshAuthorization(challenge, repository, actions, auth);
    response = await attempt(auth);
    if (response.status !== 401) return response;
    this.checkChallenger(method, repository, response);
    throw challenge.scheme === 'basic' ? this.refusedBasic(repository) : this.refused(repository, actions, response);
  }

  /**
   * Only the registry itself may ask for its credentials. Blob reads are redirected to a storage
   * host or CDN (the layer drops the credentials there); a 401 from such a host is not the
   * registry's challenge, and answering it would hand the password to whatever realm it names.
   */
  private checkChallenger(method: string, repository: string, response: HttpResponse): void {
    const answeredBy = new URL(response.answeredBy);
    if (answeredBy.origin === new URL(this.base).origin) return;
    throw new RegistryAuthError(
      `The registry ${this.name} sent ${method} ${repository} on to ${answeredBy.origin}, which answered 401 asking for credentials ` +
        `(${JSON.stringify(String(response.headers['www-authenticate'] ?? ''))}); shipkit gives the registry's credentials only to the registry and the token service it names, not to a host it redirects to.`,
    );
  }

  /** Credentials that can go with the first request: a cached token, or what the challenge asked before. */
  private async knownAuthorization(repository: string, actions: Action[]): Promise<string | undefined> {
    const cached = this.tokens.get(repository);
    if (cached && actions.every((a) => cached.actions.includes(a))) return cached.authorization;
    if (!this.challenge) return undefined;
    return this.freshAuthorization(this.challenge, repository, actions, undefined);
  }

  private async freshAuthorization(challenge: Challenge, repository: string, actions: Action[], previous: string | undefined): Promise<string> {
    if (challenge.scheme === 'basic') {
      const basic = this.basic();
      if (!basic) throw new RegistryAuthError(`The registry ${this.name} needs a username and password for ${scope(repository, actions)}.`);
      if (previous === basic) throw this.refusedBasic(repository);
      return basic;
    }
    // Ask again for everything the repository's last token could do, so a refreshed push token
    // does not turn into a pull token when a read was what found it expired.
    const held = this.tokens.get(repository)?.actions ?? [];
    const wanted = ACTIONS.filter((a) => actions.includes(a) || held.includes(a));
    const authorization = await this.fetchToken(challenge, repository, wanted);
    this.tokens.set(repository, { actions: wanted, authorization });
    return authorization;
  }

  private basic(): string | undefined {
    const { username, password } = this.credentials;
    return username && password ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : undefined;
  }

  /** GET <realm>?service=..&scope=repository:<name>:<actions>, with Basic credentials, as docker does. */
  private async fetchToken(challenge: Challenge, repository: string, actions: Action[]): Promise<string> {
    const realm = tokenRealm(this.name, this.base, challenge.params.realm);
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    realm.searchParams.set('scope', scope(repository, actions));
    const http = await this.layer();
    const where = `${realm.origin}${realm.pathname}`;
    const response = await http.request({ url: realm.href, auth: this.basic(), retry: 'transient' });
    const detail = registryErrors(response.body.toString('utf8'));
    if (response.status === 401 || response.status === 403) {
      throw new RegistryAuthError(
        `The registry ${this.name} did not accept the credentials ${this.credentials.username ? `of "${this.credentials.username}"` : '(none given)'}: ` +
          `its token service ${where} answered ${response.status}${detail ? ` (${detail})` : ''} for ${scope(repository, actions)}. ` +
          'Check the username and password (Docker Hub: an access token; GHCR: a token allowed to write packages).',
        'unauthorized',
      );
    }
    if (response.status !== 200) {
      throw response.failure ?? new ToolError(`The token service ${where} of the registry ${this.name} answered ${response.status}${detail ? ` (${detail})` : ''} for ${scope(repository, actions)}.`);
    }
    const body = parseJson<{ token?: string; access_token?: string }>(response.body.toString('utf8'), `the token service ${where} answered with no JSON`);
    const token = body.token ?? body.access_token;
    if (!token) throw new ToolError(`The token service ${where} of the registry ${this.name} answered without a token for ${scope(repository, actions)}.`);
    return `Bearer ${token}`;
  }

  private refusedBasic(repository: string): RegistryAuthError {
    return new RegistryAuthError(
      `The registry ${this.name} refused the username and password of "${this.credentials.username ?? ''}" for ${repository} (Basic auth, HTTP 401). Check the username and password.`,
      'unauthorized',
    );
  }

  /** Still 401 with a token fetched just now: say who asked for what, and the registry's reason. */
  private refused(repository: string, actions: Action[], response: HttpResponse): RegistryAuthError {
    const challenge = parseChallenge(String(response.headers['www-authenticate'] ?? ''));
    const code = challenge.params.error;
    const detail = registryErrors(response.body.toString('utf8'));
    const user = this.credentials.username ? `user "${this.credentials.username}"` : 'anonymous access';
    const may = actions.includes('push') ? 'push to' : 'pull from';
    const why =
      code === 'insufficient_scope'
        ? this.credentials.username
          ? `The token service did not grant ${user} ${actions.join(' and ')} on ${repository}: check the repository name and that this user may ${may} it.`
          : `Anonymous access was not granted ${actions.join(' and ')} on ${repository}: give a username and password that may ${may} it.`
        : code === 'invalid_token'
          ? 'The registry refused a token its token service had just issued: their clocks may disagree, or the service signs with a key the registry does not trust.'
          : 'Check the username and password.';
    return new RegistryAuthError(
      `The registry ${this.name} refused ${user} for ${scope(repository, actions)} even with a fresh token: ` +
        `${code ?? 'no reason given'}${detail ? ` (${detail})` : ''}. ${why}`,
      code,
    );
  }
}

function scope(repository: string, actions: Action[]): string {
  return `repository:${repository}:${actions.join(',')}`;
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ToolError(`${what} (got ${JSON.stringify(text.slice(0, 80))}).`);
  }
}
