/**
 * Extracting a backup's tar archive into a directory. The archive is data from storage and
 * may have been tampered with, so it is extracted into a private staging directory beside
 * the target first (with the archive's permissions, so they can be judged, never its
 * owners) and checked there: a symbolic link that leads out of the target, a device, FIFO
 * or socket, or a setuid/setgid file refuses the whole archive, and the staging directory
 * is removed. Only a clean extraction is moved into the target.
 */
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readlink, rename, rm } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { Readable } from "node:stream";
import { OperationFailedError } from "../core/errors.js";
import type { ToolOptions } from "../backup-engine/process.js";
import { toolInput } from "../backup-engine/process.js";

const SPECIAL_BITS = 0o6000;

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** The first entry under `root` that must not be restored, with why; undefined when none. */
async function hostileEntry(root: string, dir = root): Promise<string | undefined> {
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const shown = relative(root, path);
    const stat = await lstat(path);
    if (stat.isSymbolicLink()) {
      const to = resolve(dirname(path), await readlink(path));
      if (!inside(root, to)) return `the symbolic link ${shown} points outside the target`;
      continue;
    }
    if (stat.isDirectory()) {
      const found = await hostileEntry(root, path);
      if (found) return found;
      continue;
    }
    if (!stat.isFile()) return `${shown} is a device, FIFO or socket`;
    if ((stat.mode & SPECIAL_BITS) !== 0) return `${shown} has the setuid or setgid bit`;
  }
  return undefined;
}

/** Moves everything in `from` into `to`, replacing entries of the same name. */
async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    await rm(join(to, name), { recursive: true, force: true });
    await rename(join(from, name), join(to, name));
  }
}

export async function extractArchive(
  target: string,
  archive: Readable,
  tools: ToolOptions,
): Promise<void> {
  const absolute = resolve(tools.cwd ?? process.cwd(), target);
  const staging = join(
    dirname(absolute),
    `.${basename(absolute)}.restore-${randomBytes(6).toString("hex")}`,
  );
  await mkdir(staging, { recursive: true, mode: 0o700 });
  try {
    await toolInput(
      {
        argv: [
          "tar",
          "--extract",
          "--file=-",
          "--no-same-owner",
          "--same-permissions",
          `--directory=${staging}`,
        ],
        label: "tar",
      },
      archive,
      tools,
    );
    const hostile = await hostileEntry(staging);
    if (hostile) {
      throw new OperationFailedError(
        `The backup archive was not restored: ${hostile}; nothing was written to ${target}.`,
      );
    }
    await moveInto(staging, absolute);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
