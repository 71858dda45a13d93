/**
 * Which stages of a Dockerfile the stage cache may stand in for, and the key of each: a
 * digest of everything that decides what the stage holds. A stage qualifies only when all
 * of that can be read before building:
 *
 * - it has a name (a letter, then letters, digits, `_`, `.`, `-`), is not the stage being
 *   built, and the stage being built needs it;
 * - it starts from `scratch`, an image the registry resolves to a digest, or a qualifying
 *   stage, written without variables or `--platform`;
 * - its instructions are RUN without flags (no mounts: a bind, cache or secret mount reads
 *   things the key cannot see), COPY from the context or a qualifying stage with at most
 *   `--chown`/`--chmod`, and instructions that only set configuration an OCI image keeps
 *   (ARG, ENV, WORKDIR, USER, LABEL, EXPOSE, VOLUME, CMD, ENTRYPOINT, STOPSIGNAL);
 * - COPY sources hold no variables; the file uses no heredocs.
 *
 * Anything else (ADD, ONBUILD, SHELL, HEALTHCHECK, RUN --mount, COPY --from an image …)
 * leaves the stage, and every stage built on it, to Buildah's per-step cache.
 *
 * The key covers the platform, every build argument, the global ARG lines, the base
 * image's digest or the base stage's key, every instruction as written, and for each COPY
 * the digest of its sources (context-digest.ts) or the key of the stage it copies from.
 */
import { createHash } from "node:crypto";
import type { Dockerfile, Instruction, Stage } from "../dockerfile-stages.js";
import { sourceDigest } from "./context-digest.js";

const KEY_FORMAT = "greenlight-stage-cache/1";
const CONFIG_ONLY = new Set([
  "ARG",
  "ENV",
  "WORKDIR",
  "USER",
  "LABEL",
  "EXPOSE",
  "VOLUME",
  "CMD",
  "ENTRYPOINT",
  "STOPSIGNAL",
]);
const COPY_FLAGS = /^--(chown|chmod)=\S+$/;
const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;

export interface KeyInputs {
  /** The stage being built: the `target` input's, else the last. */
  target: Stage;
  platform: string;
  buildArgs: Record<string, string>;
  contextDir: string;
  /**
   * An image reference pinned to the digest it resolves to now (`registry/repository@digest`),
   * or undefined when the registry cannot say.
   */
  resolveBase: (reference: string) => Promise<string | undefined>;
}

export interface StageKey {
  stage: Stage & { name: string };
  key: string;
  /** The base image pinned to what the key was made from, when it starts from an image. */
  pinnedBase?: string | undefined;
}

/** The stage before `stage` that `name` (a stage name or index) refers to, if any. */
function earlierStage(file: Dockerfile, stage: Stage, name: string): Stage | undefined {
  const lower = name.toLowerCase();
  return file.stages.find(
    (s) => s.index < stage.index && (s.name === lower || String(s.index) === lower),
  );
}

const fromFlag = (flag: string) => /^--from=(.+)$/i.exec(flag)?.[1];

/** The stages `stage` uses: its base stage and the stages it copies from. */
function stageDependencies(file: Dockerfile, stage: Stage): { stages: Stage[]; images: boolean } {
  const stages: Stage[] = [];
  let images = false;
  const base = earlierStage(file, stage, stage.base);
  if (base) stages.push(base);
  for (const instruction of stage.instructions) {
    for (const flag of instruction.flags) {
      const from = fromFlag(flag);
      if (from === undefined) continue;
      const source = earlierStage(file, stage, from);
      if (source) stages.push(source);
      else images = true;
    }
  }
  return { stages, images };
}

/** The stages the target needs, itself excluded. */
export function neededStages(file: Dockerfile, target: Stage): Stage[] {
  const seen = new Set<number>();
  const visit = (stage: Stage) => {
    for (const dependency of stageDependencies(file, stage).stages) {
      if (seen.has(dependency.index)) continue;
      seen.add(dependency.index);
      visit(dependency);
    }
  };
  visit(target);
  return file.stages.filter((stage) => seen.has(stage.index));
}

/** COPY's sources (every argument but the last), JSON or plain form. */
function copySources(instruction: Instruction): string[] | undefined {
  let words: unknown;
  if (instruction.args.startsWith("[")) {
    try {
      words = JSON.parse(instruction.args);
    } catch {
      return undefined;
    }
  } else {
    words = instruction.args.split(/\s+/).filter(Boolean);
  }
  if (!Array.isArray(words) || words.length < 2 || words.some((w) => typeof w !== "string"))
    return undefined;
  return (words as string[]).slice(0, -1);
}

/** What one instruction adds to the key, or undefined when the stage cannot be keyed. */
async function instructionPart(
  instruction: Instruction,
  stageKeyOf: (name: string) => string | undefined,
  contextDir: string,
): Promise<unknown> {
  if (CONFIG_ONLY.has(instruction.keyword)) return instruction.text;
  if (instruction.keyword === "RUN")
    return instruction.flags.length === 0 ? instruction.text : undefined;
  if (instruction.keyword !== "COPY") return undefined;
  const from = instruction.flags.map(fromFlag).find((name) => name !== undefined);
  if (instruction.flags.some((flag) => !COPY_FLAGS.test(flag) && fromFlag(flag) === undefined))
    return undefined;
  const sources = copySources(instruction);
  if (!sources || sources.some((source) => source.includes("$"))) return undefined;
  if (from !== undefined) {
    const key = stageKeyOf(from);
    return key === undefined ? undefined : { text: instruction.text, from: key };
  }
  const digests: string[] = [];
  for (const source of sources) {
    const digest = await sourceDigest(contextDir, source);
    if (digest === undefined) return undefined;
    digests.push(digest);
  }
  return { text: instruction.text, sources: digests };
}

/**
 * The key of every stage the target needs that the stage cache can stand in for. Keys are
 * worked out in file order, so a stage's base and sources are known before the stage.
 */
export async function stageKeys(file: Dockerfile, inputs: KeyInputs): Promise<StageKey[]> {
  if (file.heredocs) return [];
  const needed = new Set(neededStages(file, inputs.target).map((stage) => stage.index));
  const keys = new Map<number, StageKey>();
  const keyOf = (stage: Stage, name: string): string | undefined => {
    const source = earlierStage(file, stage, name);
    return source && keys.get(source.index)?.key;
  };
  const common = {
    format: KEY_FORMAT,
    platform: inputs.platform,
    buildArgs: Object.entries(inputs.buildArgs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    header: file.header.map((instruction) => instruction.text),
  };
  for (const stage of file.stages) {
    if (!needed.has(stage.index) || stage.name === undefined) continue;
    // The name goes to Buildah as --target: only the names Dockerfiles allow.
    if (!STAGE_NAME.test(stage.name)) continue;
    if (stage.fromFlags.length > 0 || stage.base.includes("$") || stage.base === "") continue;
    const dependencies = stageDependencies(file, stage);
    if (dependencies.images) continue;
    const fromStage = earlierStage(file, stage, stage.base) !== undefined;
    const fromScratch = !fromStage && stage.base.toLowerCase() === "scratch";
    if (fromStage && keyOf(stage, stage.base) === undefined) continue;
    const parts: unknown[] = [];
    for (const instruction of stage.instructions) {
      const part = await instructionPart(
        instruction,
        (name) => keyOf(stage, name),
        inputs.contextDir,
      );
      if (part === undefined) break;
      parts.push(part);
    }
    if (parts.length !== stage.instructions.length) continue;
    // The registry is asked last, and only for a stage that can be keyed otherwise.
    const pinnedBase = fromStage || fromScratch ? undefined : await inputs.resolveBase(stage.base);
    const base = fromStage ? keyOf(stage, stage.base) : fromScratch ? "scratch" : pinnedBase;
    if (base === undefined) continue;
    const key = createHash("sha256")
      .update(JSON.stringify({ ...common, base, instructions: parts }))
      .digest("hex");
    keys.set(stage.index, { stage: stage as Stage & { name: string }, key, pinnedBase });
  }
  return [...keys.values()];
}
