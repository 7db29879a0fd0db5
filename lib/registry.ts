import { HttpClient, type HttpClientResponse } from '@actions/http-client';
import { ToolError } from './errors.js';

/**
 * A small client for the Docker Registry HTTP API v2 (distribution spec): enough to read a
 * manifest and its image config, and to put an existing manifest under a new tag. Auth follows
 * the registry's challenge: Basic (htpasswd registries) or Bearer tokens (Docker Hub, GHCR, ...).
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

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** The API host of a registry name as Docker spells it (`docker.io` lives at registry-1.docker.io). */
export function registryApiBase(registry: string): string {
  if (registry === 'docker.io' || registry === 'index.docker.io') return 'https://registry-1.docker.io';
  const host = registry.replace(/:\d+$/, '');
  const local = host === 'localhost' || /^127\./.test(host) || host === '[::1]';
  return `${local ? 'http' : 'https'}://${registry}`;
}

export function parseChallenge(header: string): { scheme: string; params: Record<string, string> } {
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  const params: Record<string, string> = {};
  for (const m of rest.join(' ').matchAll(/(\w+)="([^"]*)"/g)) params[m[1]!] = m[2]!;
  return { scheme: scheme.toLowerCase(), params };
}

export class Registry {
  private readonly client = new HttpClient('shipkit', undefined, { socketTimeout: 60_000, keepAlive: true });
  private readonly authorization = new Map<string, string>();
  readonly base: string;

  constructor(
    readonly name: string,
    private readonly credentials: Credentials = {},
  ) {
    this.base = registryApiBase(name);
  }

  /** The manifest a tag points at, or undefined when the repository or tag does not exist. */
  async manifest(repository: string, reference: string, accept = MANIFEST_TYPES): Promise<Manifest | undefined> {
    const response = await this.send('GET', repository, `/v2/${repository}/manifests/${reference}`, undefined, { accept });
    const status = response.message.statusCode ?? 0;
    const body = await response.readBody();
    if (status === 404) return undefined;
    if (status !== 200) throw this.failure('read', repository, reference, status, body);
    const parsed = JSON.parse(body) as { mediaType?: string };
    return {
      body,
      mediaType: parsed.mediaType ?? String(response.message.headers['content-type'] ?? ''),
      digest: String(response.message.headers['docker-content-digest'] ?? ''),
    };
  }

  /** The image config labels of a manifest (the first image of an index). */
  async labels(repository: string, manifest: Manifest): Promise<Record<string, string>> {
    let image = JSON.parse(manifest.body) as { manifests?: { digest: string; platform?: { os?: string } }[]; config?: { digest: string } };
    if (image.manifests) {
      const first = image.manifests.find((m) => m.platform?.os !== 'unknown') ?? image.manifests[0];
      if (!first) return {};
      const child = await this.manifest(repository, first.digest);
      if (!child) return {};
      image = JSON.parse(child.body) as typeof image;
    }
    if (!image.config) return {};
    const response = await this.send('GET', repository, `/v2/${repository}/blobs/${image.config.digest}`);
    const body = await response.readBody();
    if (response.message.statusCode !== 200) throw this.failure('read the image config of', repository, image.config.digest, response.message.statusCode ?? 0, body);
    const config = JSON.parse(body) as { config?: { Labels?: Record<string, string> | null } };
    return config.config?.Labels ?? {};
  }

  /** Points `tag` at an existing manifest: a re-tag with no build, no pull and no push of layers. */
  async tag(repository: string, tag: string, manifest: Manifest): Promise<void> {
    const response = await this.send('PUT', repository, `/v2/${repository}/manifests/${tag}`, manifest.body, {
      'content-type': manifest.mediaType,
    });
    const status = response.message.statusCode ?? 0;
    const body = await response.readBody();
    if (status !== 201 && status !== 200) throw this.failure('tag', repository, tag, status, body);
  }

  private failure(action: string, repository: string, reference: string, status: number, body: string): ToolError {
    const who = this.credentials.username ? `as "${this.credentials.username}"` : 'anonymously';
    const detail = body.trim().slice(0, 200);
    return new ToolError(`The registry ${this.name} refused to ${action} ${repository}:${reference} ${who} (HTTP ${status}${detail ? `: ${detail}` : ''}).`);
  }

  private async send(method: string, repository: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<HttpClientResponse> {
    const url = `${this.base}${path}`;
    const attempt = () => {
      const auth = this.authorization.get(repository);
      return this.client.request(method, url, body ?? null, { ...headers, ...(auth ? { authorization: auth } : {}) });
    };
    let response = await attempt();
    if (response.message.statusCode === 401 && !this.authorization.has(repository)) {
      const challenge = String(response.message.headers['www-authenticate'] ?? '');
      await response.readBody();
      this.authorization.set(repository, await this.authorize(challenge, repository));
      response = await attempt();
    }
    return response;
  }

  private basic(): string | undefined {
    const { username, password } = this.credentials;
    return username && password ? `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` : undefined;
  }

  private async authorize(challenge: string, repository: string): Promise<string> {
    const { scheme, params } = parseChallenge(challenge);
    if (scheme === 'basic') {
      const basic = this.basic();
      if (!basic) throw new ToolError(`The registry ${this.name} needs a username and password to read ${repository}.`);
      return basic;
    }
    if (scheme !== 'bearer' || !params.realm) throw new ToolError(`The registry ${this.name} asked for an unsupported authentication: "${challenge}".`);
    const url = new URL(params.realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', `repository:${repository}:pull${this.basic() ? ',push' : ''}`);
    const basic = this.basic();
    const response = await this.client.get(url.toString(), basic ? { authorization: basic } : {});
    const text = await response.readBody();
    if (response.message.statusCode !== 200) {
      throw new ToolError(`The registry ${this.name} gave no token for ${repository} ${this.credentials.username ? `to "${this.credentials.username}"` : 'anonymously'} (HTTP ${response.message.statusCode}).`);
    }
    const token = JSON.parse(text) as { token?: string; access_token?: string };
    return `Bearer ${token.token ?? token.access_token ?? ''}`;
  }
}
