/**
 * The release files update-tfvars edits, as files in the workspace: each read is refused
 * (bad input) unless the path is a writable regular file inside the workspace, and every
 * write lands atomically, all files or none.
 */
import { promises as fs } from "node:fs";
import { resolve } from "node:path";
import { writeFilesAtomically } from "../core/atomic-write.js";
import { ConfigurationError } from "../core/errors.js";
import { workspacePath } from "../core/workspace-files.js";
import type { ReleaseFiles } from "./main.js";

async function readReleaseFile(cwd: string, file: string): Promise<string> {
  const path = await workspacePath(cwd, file, "file");
  const stat = await fs.stat(path).catch(() => undefined);
  if (!stat) {
    throw new ConfigurationError(
      `File "${file}" does not exist; check the "file" input (paths are relative to ${cwd}).`,
    );
  }
  if (!stat.isFile()) {
    throw new ConfigurationError(
      `"${file}" is ${stat.isDirectory() ? "a directory" : "a device, pipe or socket"}, not a regular file; give the path of a release file (.tfvars.json, .tfvars, .yaml or .yml) in "file".`,
    );
  }
  // Root ignores permission bits, so read-only is judged by the mode, not by access().
  if ((stat.mode & 0o222) === 0) {
    throw new ConfigurationError(
      `File "${file}" is read-only; make it writable (chmod u+w) or use dry-run to see the change.`,
    );
  }
  try {
    return await fs.readFile(path, "utf8");
  } catch (error) {
    throw new ConfigurationError(
      `File "${file}" cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}); check its permissions.`,
    );
  }
}

/** Release files under `cwd`, the workspace the "file" input's paths are relative to. */
export function workspaceReleaseFiles(cwd: string): ReleaseFiles {
  return {
    read: (file) => readReleaseFile(cwd, file),
    writeAll: (writes) =>
      writeFilesAtomically(writes.map((w) => ({ path: resolve(cwd, w.file), content: w.content }))),
  };
}
