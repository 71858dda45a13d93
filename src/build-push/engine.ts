/**
 * The build engines behind one interface: build every platform of one service and push
 * the result under every tag, returning the digest pushed. Docker Buildx is what hosted
 * runners have; Buildah is on them too, and needs no daemon.
 */
import type { ServiceCache } from "./layer-cache.js";
import type { ServiceSpec } from "./services.js";

export const ENGINE_NAMES = ["buildx", "buildah"] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** A build secret: a value (from the `secrets` input) or a file on the runner. */
export type BuildSecret = { id: string; value: string } | { id: string; file: string };

export interface EngineOptions {
  /** false: the registry may be plain HTTP or have a certificate nobody signed. */
  tlsVerify: boolean;
  /** Buildah: containers-storage driver (vfs works everywhere, overlay is faster). */
  storageDriver?: string | undefined;
  /** Buildah: image storage directory (--root); run state goes beside it. */
  storageRoot?: string | undefined;
  /** Buildah: how RUN steps are isolated (oci, chroot, rootless). */
  isolation?: string | undefined;
}

/** What registries hold now, for the stage cache (stage-cache/). */
export interface ImageLookup {
  /**
   * The reference pinned to the manifest it names now, `registry/repository@sha256:…`;
   * undefined when the registry does not have it. Throws when the registry cannot say.
   */
  pin(reference: string): Promise<string | undefined>;
}

export interface BuildRequest {
  service: ServiceSpec;
  /** Full references, `registry/repository:tag`; the first is pushed first. */
  tags: string[];
  labels: Record<string, string>;
  secrets: BuildSecret[];
  /** Where cached layers are read from and written to; undefined: no cache. */
  cache?: ServiceCache | undefined;
  /** How Buildah's stage cache reads registries; without it, only per-step caching. */
  images?: ImageLookup | undefined;
  /** A private directory for this build's files (secrets, digest, metadata). */
  workDir: string;
  /** The workspace: the service's context and Dockerfile are relative to it. */
  cwd: string;
  /**
   * The step's environment, handed to the engine: it finds registry credentials through it
   * (REGISTRY_AUTH_FILE, DOCKER_CONFIG, HOME), exactly as a login step left them.
   */
  env: Record<string, string>;
  onLine: (line: string) => void;
  /** A problem that does not fail the build, as one sentence for a warning annotation. */
  onWarning?: ((sentence: string) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface BuildEngine {
  readonly name: EngineName;
  /** Builds every platform of the service, pushes it under every tag, returns the digest. */
  buildAndPush(request: BuildRequest): Promise<string>;
}

/** An engine command that exited non-zero; turned into one sentence by push-failure.ts. */
export class EngineCommandError extends Error {
  override readonly name = "EngineCommandError";
  constructor(
    readonly step: "build" | "push",
    readonly command: string,
    readonly exitCode: number,
    readonly output: string,
  ) {
    super(`${command} exited with ${exitCode}`);
  }
}
