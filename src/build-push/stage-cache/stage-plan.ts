/**
 * The stage cache: Buildah's per-step cache still pulls each step's image and carries out
 * every COPY before it can look a step up, so a build whose early stages have not changed
 * pays for them step by step. The stage cache keeps the end of each qualifying stage
 * (stage-keys.ts) as an image of its own, `<cache repository>:stage-<key>`, and a later
 * build whose stage has the same key starts from that image in one FROM instead.
 *
 * Before building, each qualifying stage the target needs is looked up. A stage found is
 * replaced by `FROM <cache repository>@<digest> AS <name>` in a copy of the Dockerfile; a
 * stage not found keeps its lines, its base image pinned to the digest its key was made
 * from; the engine builds it on its own first, earliest first, saves it to the cache and
 * plans again, so the next stage and the image start from it (engines/buildah.ts,
 * cacheStages) and each stage is built once. Everything else in
 * the file stays as written, and the copy sits in the build's private directory under the
 * Dockerfile's own name, with its `<name>.dockerignore` if it has one (the build context
 * stays the service's, so `.dockerignore` there applies as before).
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import type { ImageLookup } from "../engine.js";
import type { ServiceSpec } from "../services.js";
import { parseDockerfile, replaceStages, type StageReplacement } from "../dockerfile-stages.js";
import { neededStages, stageKeys } from "./stage-keys.js";

export const STAGE_TAG_PREFIX = "stage-";

export interface StagePlan {
  /** The Dockerfile to build; undefined: the service's own, unchanged. */
  dockerfile?: string | undefined;
  /** Stages taken from the cache, by name. */
  cached: string[];
  /** Stages this build needs that the cache does not have yet, earliest first. */
  toPush: { stage: string; reference: string }[];
}

export interface StagePlanRequest {
  service: ServiceSpec;
  cwd: string;
  workDir: string;
  /** The cache repository stages are read from, and the one they are written to (none: read only). */
  from: string;
  to?: string | undefined;
  images: ImageLookup;
}

export async function planStages(request: StagePlanRequest): Promise<StagePlan> {
  const { service } = request;
  const dockerfilePath = resolve(request.cwd, service.dockerfile);
  const file = parseDockerfile(await readFile(dockerfilePath, "utf8"));
  const target = service.target
    ? file.stages.find((stage) => stage.name === service.target!.toLowerCase())
    : file.stages.at(-1);
  if (!target) return { cached: [], toPush: [] };
  const keys = await stageKeys(file, {
    target,
    platform: service.platforms[0]!,
    buildArgs: service.buildArgs,
    contextDir: resolve(request.cwd, service.context),
    resolveBase: (reference) => request.images.pin(reference),
  });
  const found = await Promise.all(
    keys.map((k) => request.images.pin(`${request.from}:${STAGE_TAG_PREFIX}${k.key}`)),
  );
  const replacements = new Map<number, StageReplacement>();
  keys.forEach((k, i) => {
    const cached = found[i];
    if (cached)
      replacements.set(k.stage.index, {
        from: `FROM ${cached} AS ${k.stage.name}`,
        keepBody: false,
      });
    else if (k.pinnedBase)
      replacements.set(k.stage.index, {
        from: `FROM ${k.pinnedBase} AS ${k.stage.name}`,
        keepBody: true,
      });
  });
  const text = replacements.size > 0 ? replaceStages(file, replacements) : undefined;
  // The stages still built: those the target needs once the cached ones stand in.
  const rewritten = text === undefined ? file : parseDockerfile(text);
  const stillNeeded = new Set(
    neededStages(rewritten, rewritten.stages[target.index]!).map((stage) => stage.index),
  );
  const cached = keys.filter((_, i) => found[i]).map((k) => k.stage.name);
  const toPush = request.to
    ? keys
        .filter((k, i) => !found[i] && stillNeeded.has(k.stage.index))
        .map((k) => ({
          stage: k.stage.name,
          reference: `${request.to}:${STAGE_TAG_PREFIX}${k.key}`,
        }))
    : [];

  if (text === undefined) return { cached, toPush };
  const folder = join(request.workDir, "stage-cache");
  await mkdir(folder, { recursive: true });
  const dockerfile = join(folder, basename(dockerfilePath));
  await writeFile(dockerfile, text);
  await copyFile(`${dockerfilePath}.dockerignore`, `${dockerfile}.dockerignore`).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    },
  );
  return { dockerfile, cached, toPush };
}
