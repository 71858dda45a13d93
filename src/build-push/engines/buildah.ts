/**
 * Buildah: `buildah build --platform … --manifest <list>` builds every platform into a
 * local manifest list, `buildah manifest push --all` pushes the list and its images. The
 * list gets a name unique to this run, because `--manifest` adds to a list that already
 * exists, and a rerun must not push the previous run's images with its own.
 *
 * The pushed digest comes from `manifest push --digestfile`, but Buildah replaces the push's
 * error with the result of writing that file (cmd/buildah/manifest.go, 1.28 and later): a
 * push that failed exits 0 with an empty file, and why it failed is lost. So an empty file
 * is followed by the same push without it, which fails with Buildah's own exit status and
 * error; a push that worked is not repeated (each push reads and compresses every layer
 * again, which costs more than the rest of a cached build).
 */
import { randomBytes } from "node:crypto";
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { BuildEngine, BuildRequest, EngineOptions } from "../engine.js";
import { EngineCommandError } from "../engine.js";
import type { Exec } from "../exec.js";
import type { ServiceCache } from "../layer-cache.js";
import { buildahCacheArgs } from "../layer-cache.js";
import { planStages, type StagePlan } from "../stage-cache/stage-plan.js";
import { cachePushWarning, isCachePushFailure } from "../push-failure.js";

export function buildahGlobalArgs(options: EngineOptions): string[] {
  return [
    ...(options.storageDriver ? ["--storage-driver", options.storageDriver] : []),
    ...(options.storageRoot
      ? [
          "--root",
          join(options.storageRoot, "storage"),
          "--runroot",
          join(options.storageRoot, "run"),
        ]
      : []),
  ];
}

/** Writes value secrets to owner-only files: Buildah reads secrets from files. */
async function secretArgs(request: BuildRequest): Promise<string[]> {
  const args: string[] = [];
  for (const [index, secret] of request.secrets.entries()) {
    let file: string;
    if ("file" in secret) {
      file = secret.file;
    } else {
      file = join(request.workDir, `secret-${index}`);
      await writeFile(file, secret.value, { mode: 0o600 });
      await chmod(file, 0o600);
    }
    args.push("--secret", `id=${secret.id},src=${file}`);
  }
  return args;
}

/** What one `buildah build` makes: the service's image, or one stage for the stage cache. */
export interface BuildahBuild {
  /** The stage cache's copy of the Dockerfile, when it replaced stages. */
  dockerfile?: string | undefined;
  /** A stage to build as an image of its own, without the image's labels. */
  stage?: string | undefined;
}

/**
 * Buildah's per-step cache, for one platform only: its lookup does not check a cached
 * layer's platform (fixed upstream in containers/buildah#6269, 2025), so a multi-platform
 * build would take one platform's layer for another's. Whole stages are still cached for
 * those builds (stage-cache/): a stage image is a list with every platform in it.
 */
function stepCache(request: BuildRequest): ServiceCache | undefined {
  return request.service.platforms.length === 1 ? request.cache : undefined;
}

export function buildahBuildArgs(
  request: BuildRequest,
  options: EngineOptions,
  listName: string,
  secrets: string[],
  build: BuildahBuild = {},
): string[] {
  const { service } = request;
  const target = build.stage ?? service.target;
  // Labels describe the image released (its commit and time), not a stage kept for reuse.
  const labels = build.stage ? {} : request.labels;
  return [
    ...buildahGlobalArgs(options),
    "build",
    "--platform",
    service.platforms.join(","),
    "--manifest",
    listName,
    "--file",
    build.dockerfile ?? service.dockerfile,
    ...(target ? ["--target", target] : []),
    ...(options.isolation ? ["--isolation", options.isolation] : []),
    ...(options.tlsVerify ? [] : ["--tls-verify=false"]),
    ...Object.entries(labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]),
    ...Object.entries(service.buildArgs).flatMap(([key, value]) => [
      "--build-arg",
      `${key}=${value}`,
    ]),
    ...secrets,
    ...buildahCacheArgs(stepCache(request)),
    service.context,
  ];
}

/** The digest a push wrote to its digest file, or undefined when it wrote none. */
async function digestIn(digestFile: string): Promise<string | undefined> {
  const digest = (await readFile(digestFile, "utf8").catch(() => "")).trim();
  return /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : undefined;
}

/**
 * Without `digestFile` only to learn why a push failed: see the header. `removeList`: the
 * push of the last tag removes the list once it is pushed (`--rm`, which Buildah skips when
 * the push fails), saving a Buildah start of its own for `manifest rm`.
 */
export function buildahPushArgs(
  options: EngineOptions,
  listName: string,
  tag: string,
  digestFile?: string,
  removeList = false,
): string[] {
  return [
    ...buildahGlobalArgs(options),
    "manifest",
    "push",
    "--all",
    "--quiet",
    ...(removeList ? ["--rm"] : []),
    ...(options.tlsVerify ? [] : ["--tls-verify=false"]),
    ...(digestFile ? ["--digestfile", digestFile] : []),
    listName,
    `docker://${tag}`,
  ];
}

export class BuildahEngine implements BuildEngine {
  readonly name = "buildah";

  constructor(
    private readonly exec: Exec,
    private readonly options: EngineOptions,
  ) {}

  private async run(
    step: "build" | "push",
    args: string[],
    request: BuildRequest,
  ): Promise<string> {
    const result = await this.exec("buildah", args, {
      cwd: request.cwd,
      env: request.env,
      onLine: request.onLine,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    if (result.exitCode !== 0) {
      const command = step === "build" ? "buildah build" : "buildah manifest push";
      throw new EngineCommandError(step, command, result.exitCode, result.stderr || result.stdout);
    }
    return `${result.stdout}\n${result.stderr}`;
  }

  /** An empty digest file is a failed push whose error Buildah dropped (see the header). */
  private async pushedDigest(digestFile: string, output: string): Promise<string> {
    const digest = await digestIn(digestFile);
    if (digest) return digest;
    throw new EngineCommandError(
      "push",
      "buildah manifest push",
      0,
      `${output}\nit ended without pushing a manifest`,
    );
  }

  /** The stage cache's plan, or undefined when it cannot be used (said in the log). */
  private async stagePlan(request: BuildRequest): Promise<StagePlan | undefined> {
    const { cache, images } = request;
    const from = cache?.from[0];
    if (!cache || !images || from?.kind !== "registry") return undefined;
    try {
      return await planStages({
        service: request.service,
        cwd: request.cwd,
        workDir: request.workDir,
        from: from.repository,
        to: cache.to?.kind === "registry" ? cache.to.repository : undefined,
        images,
      });
    } catch (error) {
      request.onLine(`stage cache not used: ${(error as Error).message}`);
      return undefined;
    }
  }

  /**
   * Builds each stage the cache lacks, earliest first, saves it, and plans again, so that
   * the next stage, and then the image, start from the saved ones: every stage is built
   * once. A stage that fails to build fails the build, as it would inside it; one that
   * cannot be saved is only a note, and the image then builds that stage itself.
   */
  private async cacheStages(
    request: BuildRequest,
    secrets: string[],
  ): Promise<{ plan: StagePlan | undefined; request: BuildRequest }> {
    let plan = await this.stagePlan(request);
    if (plan && plan.cached.length > 0)
      request.onLine(`stage cache: ${plan.cached.join(", ")} taken from the cache`);
    // Each round saves the first stage missing; a registry that does not show it right
    // after the push cannot send this round the same stage again, and the count bounds it.
    for (let round = plan?.toPush.length ?? 0; plan && round > 0; round--) {
      const next = plan.toPush[0];
      if (!next) break;
      const listName = this.newListName(request);
      request = await this.build(request, listName, secrets, {
        dockerfile: plan.dockerfile,
        stage: next.stage,
      });
      if (!(await this.saveStage(request, listName, next.stage, next.reference))) break;
      const again = await this.stagePlan(request);
      if (!again || again.toPush[0]?.stage === next.stage) break;
      plan = again;
    }
    return { plan, request };
  }

  /**
   * One `buildah build`. A per-step cache that cannot be written does not fail the release:
   * the build runs again without writing it (the steps built so far are in local storage,
   * so they are reused), with a warning, and the request it returns writes no cache for the
   * builds after it.
   */
  private async build(
    request: BuildRequest,
    listName: string,
    secrets: string[],
    build: BuildahBuild,
  ): Promise<BuildRequest> {
    try {
      await this.run(
        "build",
        buildahBuildArgs(request, this.options, listName, secrets, build),
        request,
      );
      return request;
    } catch (error) {
      const to = stepCache(request)?.to;
      if (!(error instanceof EngineCommandError) || !isCachePushFailure(error.output)) throw error;
      if (to?.kind !== "registry") throw error;
      request.onWarning?.(cachePushWarning(error.output, request.service.name, to.repository));
      const readOnly = { ...request, cache: { ...request.cache!, to: undefined } };
      await this.removeList(request, listName);
      await this.run(
        "build",
        buildahBuildArgs(readOnly, this.options, listName, secrets, build),
        request,
      );
      return readOnly;
    }
  }

  /** Pushes a stage's list to the cache; false (with a note) when it could not. */
  private async saveStage(
    request: BuildRequest,
    listName: string,
    stage: string,
    reference: string,
  ): Promise<boolean> {
    const digestFile = join(request.workDir, `stage-digest-${randomBytes(4).toString("hex")}`);
    const args = buildahPushArgs(this.options, listName, reference, digestFile, true);
    const pushed = await this.run("push", args, request).then(
      async () => (await digestIn(digestFile)) !== undefined,
      () => false,
    );
    if (pushed) {
      request.onLine(`stage cache: stage ${stage} saved as ${reference}`);
      return true;
    }
    await this.removeList(request, listName);
    request.onLine(
      `stage cache: stage ${stage} could not be saved as ${reference}; the image builds it itself`,
    );
    return false;
  }

  private newListName(request: BuildRequest): string {
    return `localhost/greenlight-build-push/${request.service.name.toLowerCase()}:${randomBytes(6).toString("hex")}`;
  }

  private async removeList(request: BuildRequest, listName: string): Promise<void> {
    await this.exec("buildah", [...buildahGlobalArgs(this.options), "manifest", "rm", listName], {
      env: request.env,
    }).catch(() => undefined);
  }

  async buildAndPush(request: BuildRequest): Promise<string> {
    if (request.cache && !stepCache(request)) {
      request.onLine(
        "no per-step layer cache: Buildah can take one platform's cached layer for another's, so a multi-platform build caches whole stages only",
      );
    }
    const secrets = await secretArgs(request);
    const { plan, request: written } = await this.cacheStages(request, secrets);
    const listName = this.newListName(request);
    await this.build(written, listName, secrets, { dockerfile: plan?.dockerfile });
    return this.pushList(request, listName);
  }

  private async pushList(request: BuildRequest, listName: string): Promise<string> {
    // The images stay in storage as the next build's cache; only the list goes.
    let listRemoved = false;
    try {
      let digest = "";
      for (const [index, tag] of request.tags.entries()) {
        const last = index === request.tags.length - 1;
        const digestFile = join(request.workDir, `digest-${index}`);
        const push = () =>
          this.run("push", buildahPushArgs(this.options, listName, tag, digestFile, last), request);
        let output = await push();
        if (!(await digestIn(digestFile))) {
          // Buildah dropped the push's error: without the file it fails with its own.
          await this.run("push", buildahPushArgs(this.options, listName, tag), request);
          output = await push();
        }
        digest ||= await this.pushedDigest(digestFile, output);
        // A digest in the file: the last push worked, so its --rm removed the list.
        listRemoved = last && (await digestIn(digestFile)) !== undefined;
      }
      return digest;
    } finally {
      if (!listRemoved) await this.removeList(request, listName);
    }
  }
}
