/**
 * The build context and Dockerfile of every service, checked before any engine runs: a
 * missing Dockerfile or an unknown target is a one-sentence mistake, not a failed build.
 */
import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { ConfigurationError } from "../core/errors.js";
import { dockerfileStages, hasFromInstruction } from "./dockerfile-stages.js";
import type { BuildSecret } from "./engine.js";
import type { ServiceSpec } from "./services.js";

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

export async function checkBuildFiles(service: ServiceSpec, cwd: string): Promise<void> {
  if (!(await isDirectory(resolve(cwd, service.context)))) {
    throw new ConfigurationError(
      `Service "${service.name}" has the context "${service.context}", which is not a directory in the workspace; give the folder to build from, relative to ${cwd}.`,
    );
  }
  const text = await readFile(resolve(cwd, service.dockerfile), "utf8").catch(() => undefined);
  if (text === undefined) {
    throw new ConfigurationError(
      `Service "${service.name}" has no Dockerfile at "${service.dockerfile}"; create it or set the service's dockerfile (relative to its context).`,
    );
  }
  if (!hasFromInstruction(text)) {
    throw new ConfigurationError(
      `"${service.dockerfile}" (service "${service.name}") has no FROM instruction, so it is not a Dockerfile; check the service's dockerfile.`,
    );
  }
  if (service.target) {
    const stages = dockerfileStages(text);
    if (!stages.includes(service.target.toLowerCase())) {
      throw new ConfigurationError(
        `Service "${service.name}" has the target "${service.target}", which ${service.dockerfile} does not define; its stages are ${stages.join(", ") || "unnamed (add FROM … AS name)"}.`,
      );
    }
  }
}

/** A secret file is read by the engine mid-build: it must be there before anything runs. */
export async function checkSecretFiles(
  secrets: readonly BuildSecret[],
  cwd: string,
): Promise<void> {
  for (const secret of secrets) {
    if (!("file" in secret)) continue;
    const found = await stat(resolve(cwd, secret.file)).catch(() => undefined);
    if (!found?.isFile()) {
      throw new ConfigurationError(
        `Input "secret-files" names "${secret.file}" for the secret "${secret.id}", which ${found ? "is not a regular file" : "does not exist"}; give the path of a file (relative to ${cwd}).`,
      );
    }
  }
}

/**
 * Both engines build Linux images on a Linux runner; a platform they cannot build would
 * otherwise fail only after other services were pushed.
 */
export function checkBuildablePlatforms(services: readonly ServiceSpec[]): void {
  for (const service of services) {
    const foreign = service.platforms.find((p) => !p.startsWith("linux/"));
    if (foreign) {
      throw new ConfigurationError(
        `Service "${service.name}" has the platform "${foreign}", which the build engines cannot build here (they build linux/* images); remove it or build it on a matching runner.`,
      );
    }
  }
}
