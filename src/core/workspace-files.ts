/**
 * The workspace boundary. Paths users give name files in the workspace: they resolve
 * inside it after every symbolic link is followed (a link committed to the repository can
 * point anywhere), and only regular files are read, with a byte cap applied while reading
 * (a size from stat says nothing about /dev/zero, and opening a FIFO would wait forever).
 */
import { constants, promises as fs } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { ConfigurationError } from "./errors.js";

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

async function realpathOrSelf(path: string): Promise<string> {
  return fs.realpath(path).catch(() => path);
}

/** The real path of `path`; for a file that does not exist yet, of the folder it would be in. */
async function realTarget(path: string): Promise<string> {
  const real = await fs.realpath(path).catch(() => undefined);
  if (real) return real;
  return join(await realpathOrSelf(dirname(path)), basename(path));
}

/**
 * The real path of a file the input `input` names, refused (bad input) unless it is in the
 * workspace once every link is followed.
 */
export async function workspacePath(
  workspace: string,
  given: string,
  input: string,
): Promise<string> {
  if (given.includes("\0")) {
    throw new ConfigurationError(
      `Input "${input}" has a path with a NUL character; give a plain path inside the workspace.`,
    );
  }
  const root = await realpathOrSelf(resolve(workspace));
  const lexical = resolve(workspace, given);
  const real = await realTarget(lexical);
  if (!inside(root, lexical) || !inside(root, real)) {
    const how = inside(root, lexical) ? " through a symbolic link" : "";
    throw new ConfigurationError(
      `Input "${input}" names "${given}", which leads outside the workspace${how}; give a path to a file inside the workspace (${workspace}).`,
    );
  }
  return real;
}

export type RegularFileRead =
  | { kind: "file"; bytes: Buffer }
  | { kind: "missing" }
  | { kind: "not-regular"; what: string }
  | { kind: "too-large"; maxBytes: number }
  | { kind: "unreadable"; code: string };

function kindOf(stat: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * Reads a regular file, at most `maxBytes` of it. Opening is non-blocking, so a FIFO is
 * recognised (by the opened descriptor, not the path, which could be swapped) instead of
 * waited on; the cap holds whatever stat claimed.
 */
export async function readRegularFile(
  path: string,
  maxBytes: number,
  options: { followLinks?: boolean } = {},
): Promise<RegularFileRead> {
  const noFollow = options.followLinks === false ? constants.O_NOFOLLOW : 0;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(
      path,
      constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY | noFollow,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    if (code === "ELOOP" && noFollow) return { kind: "not-regular", what: "a symbolic link" };
    return code === "ENOENT" ? { kind: "missing" } : { kind: "unreadable", code };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: "not-regular", what: kindOf(stat) };
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(Math.min(maxBytes + 1, 64 * 1024));
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return { kind: "too-large", maxBytes };
      chunks.push(Buffer.from(chunk.subarray(0, bytesRead)));
    }
    return { kind: "file", bytes: Buffer.concat(chunks) };
  } catch (error) {
    return { kind: "unreadable", code: (error as NodeJS.ErrnoException).code ?? "error" };
  } finally {
    await handle.close();
  }
}

/**
 * A workspace file an input names, as text: inside the workspace, a regular file, at most
 * `maxBytes`. Every other case is one sentence naming the input.
 */
export async function readWorkspaceText(
  workspace: string,
  given: string,
  input: string,
  maxBytes: number,
): Promise<string> {
  const path = await workspacePath(workspace, given, input);
  const read = await readRegularFile(path, maxBytes);
  const name = `Input "${input}" names "${given}"`;
  switch (read.kind) {
    case "file":
      return read.bytes.toString("utf8");
    case "missing":
      throw new ConfigurationError(
        `${name}, which does not exist; give a path relative to the workspace (${workspace}).`,
      );
    case "not-regular":
      throw new ConfigurationError(`${name}, which is ${read.what}; give a regular file.`);
    case "too-large":
      throw new ConfigurationError(
        `${name}, which is larger than ${formatLimit(read.maxBytes)}; give a smaller file.`,
      );
    case "unreadable":
      throw new ConfigurationError(
        `${name}, which cannot be read (${read.code}); check its permissions.`,
      );
  }
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
