/**
 * `engine: auto` picks Docker Buildx when a Docker engine answers (hosted runners), and
 * Buildah otherwise; an engine that was asked for by name must be there.
 */
import { ConfigurationError } from "../core/errors.js";
import { isOnPath } from "../core/program-on-path.js";
import type { BuildEngine, EngineName, EngineOptions } from "./engine.js";
import { BuildahEngine } from "./engines/buildah.js";
import { BuildxEngine } from "./engines/buildx.js";
import type { Exec } from "./exec.js";

export type EngineChoice = EngineName | "auto";

async function succeeds(exec: Exec, command: string, args: string[]): Promise<boolean> {
  try {
    return (await exec(command, args)).exitCode === 0;
  } catch {
    return false; // not installed
  }
}

/** Buildx is usable only with a running Docker engine, not merely an installed CLI. */
async function buildxAvailable(exec: Exec): Promise<boolean> {
  return (
    (await succeeds(exec, "docker", ["buildx", "version"])) &&
    (await succeeds(exec, "docker", ["version", "--format", "{{.Server.Version}}"]))
  );
}

/**
 * Buildah needs no daemon, so being installed is enough; it is looked up on PATH rather than
 * run, because a Buildah start (~0.1 s) is a noticeable part of a build the cache makes short.
 */
function buildahAvailable(env: Record<string, string | undefined>): boolean {
  return isOnPath("buildah", env);
}

export function createEngine(name: EngineName, exec: Exec, options: EngineOptions): BuildEngine {
  return name === "buildx" ? new BuildxEngine(exec, options) : new BuildahEngine(exec, options);
}

/** `env`: the step's environment, whose PATH the engine will be run from. */
export async function selectEngine(
  choice: EngineChoice,
  exec: Exec,
  options: EngineOptions,
  env: Record<string, string | undefined>,
): Promise<BuildEngine> {
  if (choice === "buildx") {
    if (await buildxAvailable(exec)) return createEngine("buildx", exec, options);
    throw new ConfigurationError(
      `Input "engine" is buildx, but Docker with Buildx is not available here (no docker CLI, no buildx plugin, or no running engine); start Docker, or use engine: buildah.`,
    );
  }
  if (choice === "buildah") {
    if (buildahAvailable(env)) return createEngine("buildah", exec, options);
    throw new ConfigurationError(
      `Input "engine" is buildah, but buildah is not installed; install it (apt-get install -y buildah) or use engine: buildx.`,
    );
  }
  if (await buildxAvailable(exec)) return createEngine("buildx", exec, options);
  if (buildahAvailable(env)) return createEngine("buildah", exec, options);
  throw new ConfigurationError(
    `No build engine found: Docker with Buildx is not running and buildah is not installed; install one (apt-get install -y buildah) or set the "engine" input.`,
  );
}
