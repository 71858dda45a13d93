/**
 * Docker Buildx: one `docker buildx build` per service builds every platform and pushes
 * the manifest list under every tag; `--metadata-file` reports the digest pushed.
 * Multi-platform builds need a builder that supports them (docker/setup-buildx-action).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BuildEngine, BuildRequest, EngineOptions } from "../engine.js";
import { EngineCommandError } from "../engine.js";
import type { Exec } from "../exec.js";
import type { ServiceCache } from "../layer-cache.js";
import { buildxCacheArgs } from "../layer-cache.js";

/** The environment variable that carries a value secret to `--secret id=…,env=…`. */
export function secretEnvName(id: string): string {
  return `GREENLIGHT_SECRET_${id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

export function buildxArgs(
  request: BuildRequest,
  options: EngineOptions,
  metadataFile: string,
): string[] {
  const { service } = request;
  return [
    "buildx",
    "build",
    "--file",
    service.dockerfile,
    ...(service.target ? ["--target", service.target] : []),
    "--platform",
    service.platforms.join(","),
    ...request.tags.flatMap((tag) => ["--tag", tag]),
    ...Object.entries(request.labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]),
    ...Object.entries(service.buildArgs).flatMap(([key, value]) => [
      "--build-arg",
      `${key}=${value}`,
    ]),
    ...request.secrets.flatMap((secret) => [
      "--secret",
      "file" in secret
        ? `id=${secret.id},src=${secret.file}`
        : `id=${secret.id},env=${secretEnvName(secret.id)}`,
    ]),
    ...buildxCacheArgs(request.cache, options.tlsVerify),
    // BuildKit takes an insecure registry per export, not as a global flag.
    ...(options.tlsVerify
      ? ["--push"]
      : ["--output", "type=image,push=true,registry.insecure=true"]),
    "--metadata-file",
    metadataFile,
    service.context,
  ];
}

/** The driver of the current builder (`docker`, `docker-container`, …), from `docker buildx inspect`. */
export function parseBuilderDriver(inspectOutput: string): string | undefined {
  return /^Driver:\s*(\S+)/m.exec(inspectOutput)?.[1];
}

export class BuildxEngine implements BuildEngine {
  readonly name = "buildx";
  private driver: Promise<string | undefined> | undefined;

  constructor(
    private readonly exec: Exec,
    private readonly options: EngineOptions,
  ) {}

  private builderDriver(request: BuildRequest): Promise<string | undefined> {
    this.driver ??= this.exec("docker", ["buildx", "inspect"], { env: request.env })
      .then((result) => (result.exitCode === 0 ? parseBuilderDriver(result.stdout) : undefined))
      .catch(() => undefined);
    return this.driver;
  }

  /**
   * The default builder of a plain Docker engine (the `docker` driver) cannot export a
   * cache and fails the build when asked to, so the default cache is left out there; a
   * cache the user wrote is passed on, and Buildx says what is wrong with it.
   */
  private async usableCache(request: BuildRequest): Promise<ServiceCache | undefined> {
    if (!request.cache?.byDefault) return request.cache;
    if ((await this.builderDriver(request)) !== "docker") return request.cache;
    request.onLine(
      "no layer cache: the builder uses the docker driver, which cannot export one; set up a builder with docker/setup-buildx-action to cache layers",
    );
    return undefined;
  }

  async buildAndPush(request: BuildRequest): Promise<string> {
    const metadataFile = join(request.workDir, "metadata.json");
    const cache = await this.usableCache(request);
    const env = {
      ...request.env,
      ...Object.fromEntries(
        request.secrets.flatMap((secret) =>
          "value" in secret ? [[secretEnvName(secret.id), secret.value]] : [],
        ),
      ),
    };
    const result = await this.exec(
      "docker",
      buildxArgs({ ...request, cache }, this.options, metadataFile),
      {
        cwd: request.cwd,
        env,
        onLine: request.onLine,
        ...(request.signal ? { signal: request.signal } : {}),
      },
    );
    if (result.exitCode !== 0) {
      throw new EngineCommandError(
        "build",
        "docker buildx build",
        result.exitCode,
        result.stderr || result.stdout,
      );
    }
    // A build exported only to the cache (no push) writes no digest: nothing reached the registry.
    const metadata = await readFile(metadataFile, "utf8")
      .then((text) => JSON.parse(text) as Record<string, unknown>)
      .catch(() => ({}) as Record<string, unknown>);
    const digest = metadata["containerimage.digest"];
    if (typeof digest !== "string" || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
      throw new EngineCommandError(
        "push",
        "docker buildx build",
        0,
        `${result.stderr || result.stdout}\nit ended without reporting a pushed manifest digest`,
      );
    }
    return digest;
  }
}
