/**
 * The layer cache: where each service's build reads cached layers from and writes them to,
 * so a CI runner that starts with nothing local rebuilds only the stages a change touched.
 *
 * By default each service caches in the repository next to its image, `<image>-cache`:
 * a sibling repository rather than `<image>/cache`, because Docker Hub allows only two
 * path components, and a separate repository rather than a tag of the image's own,
 * because Buildah tags one cache image per build step and those tags would drown the
 * release tags. ECR creates no repository on push: create `<image>-cache` beside the image.
 *
 * Entries are written once for both engines: a repository (`registry/team/api-cache`), or
 * a Buildx cache spec (`type=registry,ref=…`, `type=gha`). `{{image}}` and `{{service}}`
 * stand for the service's repository and name, so one setting serves every service.
 * Credentials are the push's: both engines read the same auth files for the cache.
 */
import { ConfigurationError } from "../core/errors.js";
import { parseImageReference, registryOf } from "../core/oci-reference.js";
import type { EngineName } from "./engine.js";
import type { ServiceSpec } from "./services.js";

export interface CacheSettings {
  enabled: boolean;
  /** Cache sources as written; empty: the default repository. */
  from: string[];
  /** The destination as written; undefined: the default repository; "none": read only. */
  to?: string | undefined;
}

/** A cache in a registry repository, usable by both engines. */
export interface RegistryCache {
  kind: "registry";
  repository: string;
  tag?: string | undefined;
  /** A Buildx spec as the user wrote it (placeholders filled), passed on unchanged. */
  spec?: string | undefined;
}

/** Any other Buildx cache backend (gha, s3, local …): Buildx only. */
export interface BuildxOnlyCache {
  kind: "buildx";
  type: string;
  spec: string;
}

export type CacheLocation = RegistryCache | BuildxOnlyCache;

export interface ServiceCache {
  from: CacheLocation[];
  to?: CacheLocation | undefined;
  /** Nothing was written: the default repository, which a builder that cannot cache skips. */
  byDefault: boolean;
}

export const DEFAULT_CACHE = "{{image}}-cache";
/** The tag Buildx's registry cache is written under when a repository is given without one. */
export const BUILDX_CACHE_TAG = "buildcache";

function expand(text: string, service: ServiceSpec): string {
  return text.replaceAll("{{image}}", service.repository).replaceAll("{{service}}", service.name);
}

function attributesOf(spec: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const part of spec.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) attributes.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return attributes;
}

function registryCache(input: string, reference: string, spec?: string): RegistryCache {
  const parsed = parseImageReference(reference);
  if (!parsed || parsed.digest) {
    throw new ConfigurationError(
      `Input "${input}" has the cache "${reference}", which is not a repository; write one such as registry.example.com/team/api-cache, or {{image}}-cache.`,
    );
  }
  const repository = parsed.tag ? reference.slice(0, -(parsed.tag.length + 1)) : reference;
  return { kind: "registry", repository, tag: parsed.tag, ...(spec ? { spec } : {}) };
}

/** One entry of cache-from or cache-to, for one service. */
export function parseCacheEntry(
  input: string,
  written: string,
  service: ServiceSpec,
): CacheLocation {
  const text = expand(written.trim(), service);
  if (!text.startsWith("type=")) return registryCache(input, text);
  const attributes = attributesOf(text);
  // Entries are not echoed whole in messages: a Buildx spec (s3, azblob) may hold credentials.
  const type = attributes.get("type") ?? "";
  if (type === "registry") {
    const ref = attributes.get("ref");
    if (!ref) {
      throw new ConfigurationError(
        `Input "${input}" has "${written}", a registry cache without ref; add ref=<repository>, e.g. type=registry,ref={{image}}-cache:buildcache.`,
      );
    }
    return registryCache(input, ref, text);
  }
  if (!/^[a-z0-9]+$/.test(type)) {
    throw new ConfigurationError(
      `Input "${input}" has a cache entry whose type is not a word; write type=registry,ref=… or type=gha.`,
    );
  }
  // Every service needs its own GitHub Actions cache scope, or each overwrites the last.
  const spec = type === "gha" && !attributes.has("scope") ? `${text},scope=${service.name}` : text;
  return { kind: "buildx", type, spec };
}

/** Where one service's build reads and writes its cache; undefined when the cache is off. */
export function serviceCache(
  settings: CacheSettings,
  service: ServiceSpec,
  engine: EngineName,
): ServiceCache | undefined {
  if (!settings.enabled) return undefined;
  const fromWritten = settings.from.length > 0 ? settings.from : [DEFAULT_CACHE];
  const toWritten = settings.to ?? DEFAULT_CACHE;
  const from = fromWritten.map((entry) => parseCacheEntry("cache-from", entry, service));
  const to = toWritten === "none" ? undefined : parseCacheEntry("cache-to", toWritten, service);
  if (engine === "buildah") {
    const other = [...from, ...(to ? [to] : [])].find((c) => c.kind === "buildx");
    if (other?.kind === "buildx") {
      throw new ConfigurationError(
        `A type=${other.type} cache is a Buildx cache, which Buildah cannot use; give cache-from and cache-to a registry repository (e.g. {{image}}-cache), or use engine: buildx.`,
      );
    }
    if (from.length > 1) {
      throw new ConfigurationError(
        `Input "cache-from" names ${from.length} caches, but Buildah reads one; give a single repository.`,
      );
    }
  }
  return { from, to, byDefault: settings.from.length === 0 && settings.to === undefined };
}

/** The registries a service's cache lives in, to be checked before any build. */
export function cacheRegistries(cache: ServiceCache | undefined): string[] {
  if (!cache) return [];
  return [...cache.from, ...(cache.to ? [cache.to] : [])].flatMap((c) =>
    c.kind === "registry" ? [registryOf(parseImageReference(c.repository)!)] : [],
  );
}

function buildxRegistryRef(cache: RegistryCache): string {
  return `${cache.repository}:${cache.tag ?? BUILDX_CACHE_TAG}`;
}

/**
 * Buildx flags. The registry cache is written in max mode (every stage of a multi-stage
 * build, not only the last), as a plain image manifest so ECR accepts it, and a cache that
 * cannot be written never fails the build that a deploy is waiting for.
 */
export function buildxCacheArgs(cache: ServiceCache | undefined, tlsVerify: boolean): string[] {
  if (!cache) return [];
  const insecure = tlsVerify ? "" : ",registry.insecure=true";
  const spec = (c: CacheLocation, registryDefaults: string) =>
    c.kind === "buildx"
      ? c.spec
      : (c.spec ?? `type=registry,ref=${buildxRegistryRef(c)}${registryDefaults}${insecure}`);
  return [
    ...cache.from.flatMap((c) => ["--cache-from", spec(c, "")]),
    ...(cache.to
      ? [
          "--cache-to",
          spec(cache.to, ",mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true"),
        ]
      : []),
  ];
}

/**
 * Buildah flags: `--layers` keeps a layer per step, and a registry cache holds one image
 * per step under a tag derived from the step and its inputs; Buildah takes the repository
 * alone (a tag written for Buildx is not used).
 */
export function buildahCacheArgs(cache: ServiceCache | undefined): string[] {
  if (!cache) return [];
  const repository = (c: CacheLocation | undefined) => (c?.kind === "registry" ? c.repository : "");
  const from = repository(cache.from[0]);
  const to = repository(cache.to);
  return ["--layers", ...(from ? ["--cache-from", from] : []), ...(to ? ["--cache-to", to] : [])];
}
