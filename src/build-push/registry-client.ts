/**
 * Reads what a registry holds, over the OCI distribution API: enough to check a push
 * (manifests and image configs by digest), with the registry's own authentication
 * (anonymous, Basic, or a Bearer token from the realm its 401 names).
 */
import { createHash } from "node:crypto";
import { OperationFailedError } from "../core/errors.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { CredentialLookup } from "./registry-credentials.js";

export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; signal?: AbortSignal },
) => Promise<Response>;

export const INDEX_MEDIA_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
];
export const MANIFEST_MEDIA_TYPES = [
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v2+json",
];

export interface FetchedManifest {
  mediaType: string;
  /** sha256 of the exact bytes served. */
  digest: string;
  json: Record<string, unknown>;
}

export interface RegistryClientOptions {
  fetch: Fetch;
  credentials: CredentialLookup;
  secrets: SecretRegistry;
  /** false: a registry may answer over plain HTTP, or HTTPS with any certificate. */
  tlsVerify: boolean;
  signal?: AbortSignal;
}

/** Docker Hub's API lives on another host than its name. */
function apiHost(registry: string): string {
  return registry === "docker.io" ? "registry-1.docker.io" : registry;
}

function challengeParams(header: string): { scheme: string; params: Record<string, string> } {
  const scheme = header.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  const params: Record<string, string> = {};
  for (const match of header.matchAll(/(\w+)="([^"]*)"/g))
    params[match[1]!.toLowerCase()] = match[2]!;
  return { scheme, params };
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function describe(registry: string, repository: string, reference: string): string {
  return `${registry}/${repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}`;
}

export class RegistryClient {
  private readonly bases = new Map<string, string>();
  private readonly authorizations = new Map<string, string>();

  constructor(private readonly options: RegistryClientOptions) {}

  /**
   * Finds how to reach a registry (HTTPS, or plain HTTP when TLS verification is off), or
   * fails with one sentence saying it cannot be reached. Any HTTP answer, 401 included,
   * means it is there.
   */
  async ping(registry: string): Promise<void> {
    await this.base(registry);
  }

  private async base(registry: string): Promise<string> {
    const known = this.bases.get(registry);
    if (known) return known;
    const host = apiHost(registry);
    const candidates = this.options.tlsVerify
      ? [`https://${host}`]
      : [`https://${host}`, `http://${host}`];
    let lastError: unknown;
    for (const base of candidates) {
      try {
        const response = await this.options.fetch(`${base}/v2/`, this.init("GET", {}));
        await response.body?.cancel();
        this.bases.set(registry, base);
        return base;
      } catch (error) {
        lastError = error;
      }
    }
    const hint = this.options.tlsVerify
      ? "check the registry name and the runner's network (for a registry without TLS, set tls-verify: false)"
      : "check the registry name and the runner's network";
    throw new OperationFailedError(
      `Registry ${registry} could not be reached (${causeOf(lastError)}); ${hint}.`,
    );
  }

  private init(method: string, headers: Record<string, string>) {
    return { method, headers, ...(this.options.signal ? { signal: this.options.signal } : {}) };
  }

  /** Answers a 401 challenge: Basic credentials, or a Bearer token from the named realm. */
  private async authorize(
    registry: string,
    repository: string,
    challenge: string,
  ): Promise<string | undefined> {
    const { scheme, params } = challengeParams(challenge);
    const credentials = await this.options.credentials(registry);
    const basic = credentials
      ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`
      : undefined;
    if (scheme === "basic") return basic;
    if (scheme !== "bearer" || !params["realm"]) return undefined;
    const url = new URL(params["realm"]);
    if (params["service"]) url.searchParams.set("service", params["service"]);
    url.searchParams.append("scope", `repository:${repository}:pull`);
    const response = await this.options.fetch(
      url.toString(),
      this.init("GET", basic ? { authorization: basic } : {}),
    );
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const body = (await response.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) return undefined;
    this.options.secrets.add(token);
    return `Bearer ${token}`;
  }

  private async get(
    registry: string,
    repository: string,
    path: string,
    accept: string[],
  ): Promise<Response> {
    const url = `${await this.base(registry)}/v2/${repository}/${path}`;
    const key = `${registry}/${repository}`;
    const headers = (): Record<string, string> => {
      const authorization = this.authorizations.get(key);
      return { accept: accept.join(", "), ...(authorization ? { authorization } : {}) };
    };
    let response = await this.options.fetch(url, this.init("GET", headers()));
    const challenge = response.headers.get("www-authenticate");
    if (response.status === 401 && challenge) {
      await response.body?.cancel();
      const authorization = await this.authorize(registry, repository, challenge);
      if (authorization) {
        this.authorizations.set(key, authorization);
        response = await this.options.fetch(url, this.init("GET", headers()));
      }
    }
    return response;
  }

  private async refused(response: Response, what: string): Promise<never> {
    await response.body?.cancel();
    const reason =
      response.status === 401 || response.status === 403
        ? "the registry refused to let this runner read it; log in to the registry first"
        : response.status === 404
          ? "the registry does not have it"
          : `the registry answered ${response.status} ${response.statusText}`.trim();
    throw new OperationFailedError(`Reading back ${what} failed: ${reason}.`);
  }

  /**
   * Whether the registry turns this runner away for want of (valid) credentials: asked
   * after a failed push, because an engine does not always say why it failed.
   */
  async refusesCredentials(registry: string, repository: string): Promise<boolean> {
    const response = await this.get(registry, repository, "tags/list", ["application/json"]);
    await response.body?.cancel();
    return response.status === 401 || response.status === 403;
  }

  async manifest(
    registry: string,
    repository: string,
    reference: string,
  ): Promise<FetchedManifest> {
    const found = await this.findManifest(registry, repository, reference);
    if (!found) {
      throw new OperationFailedError(
        `Reading back ${describe(registry, repository, reference)} failed: the registry does not have it.`,
      );
    }
    return found;
  }

  /** The manifest a reference names, or undefined when the registry does not have it. */
  async findManifest(
    registry: string,
    repository: string,
    reference: string,
  ): Promise<FetchedManifest | undefined> {
    const response = await this.get(registry, repository, `manifests/${reference}`, [
      ...INDEX_MEDIA_TYPES,
      ...MANIFEST_MEDIA_TYPES,
    ]);
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok) return this.refused(response, describe(registry, repository, reference));
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    const mediaType =
      (typeof json["mediaType"] === "string" ? json["mediaType"] : undefined) ??
      response.headers.get("content-type")?.split(";")[0]?.trim() ??
      "";
    return {
      mediaType,
      digest: `sha256:${createHash("sha256").update(bytes).digest("hex")}`,
      json,
    };
  }

  async blobJson(
    registry: string,
    repository: string,
    digest: string,
  ): Promise<Record<string, unknown>> {
    const response = await this.get(registry, repository, `blobs/${digest}`, [
      "application/json",
      "*/*",
    ]);
    if (!response.ok) return this.refused(response, `${registry}/${repository}@${digest}`);
    return (await response.json()) as Record<string, unknown>;
  }
}
