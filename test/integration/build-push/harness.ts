/**
 * Runs build-push the way the CLI does (flags → inputs → action → exit code), in a project
 * directory, with Buildah storage in a temporary directory and a plain-HTTP registry.
 */
import { join } from "node:path";
import { buildPushAction } from "../../../src/build-push/definition.js";
import { runActionCommand } from "../../../src/cli/main.js";
import { loadManifest } from "../../../src/core/action-manifest.js";
import { toRunnable } from "../../../src/core/action.js";
import { buildahInputs, removeDir, writeScratchProject } from "../../helpers/registry.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";

export const SHA = "4f9c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** A project with one FROM scratch stage per service. */
export function scratchProject(services: readonly string[] = ["api", "worker"]): string {
  const dir = tempDir("greenlight-build-push-project-");
  writeScratchProject(dir, services);
  return dir;
}

/**
 * `greenlight build-push --json …` with the Buildah test settings and a GitHub-like env.
 * Buildah's storage is removed afterwards unless `storage` names where to keep it.
 */
export async function runBuildPush(
  dir: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  storage?: string,
): Promise<CliRun> {
  const storageDir = storage ?? tempDir("greenlight-buildah-");
  const all = { ...buildahInputs(join(storageDir, "storage")), ...inputs };
  const argv = [...Object.entries(all).map(([name, value]) => `--${name}=${value}`), "--json"];
  const cap = captureIo(dir, {
    PATH: process.env["PATH"],
    HOME: process.env["HOME"],
    GITHUB_SHA: SHA,
    GITHUB_REF: "refs/heads/main",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "acme/shop",
    ...env,
  });
  const code = await runActionCommand(
    toRunnable(buildPushAction),
    loadManifest("build-push"),
    argv,
    cap.io,
  ).finally(() => {
    if (!storage) removeDir(storageDir);
  });
  const stdout = cap.stdout();
  let outputs: Record<string, string> = {};
  try {
    outputs = JSON.parse(stdout) as Record<string, string>;
  } catch {
    // no outputs printed: the action stopped before writing any
  }
  return { code, stdout, stderr: cap.stderr(), outputs };
}

export function parseJson<T>(text: string | undefined): T {
  return JSON.parse(text ?? "null") as T;
}
