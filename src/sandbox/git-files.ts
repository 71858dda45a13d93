/**
 * Reading refs and HEAD straight from a bare repository's files, as git's "files" ref
 * backend lays them out (gitrepository-layout(5)): a loose ref is a file holding its
 * object name, and `packed-refs` holds the rest. Each git process the sandbox starts costs
 * more than the request it serves, so the reads every API call makes are done here; any
 * layout this does not understand (a symbolic ref, a file it cannot parse) answers
 * `undefined`, and the caller asks git itself.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

const OBJECT_NAME = /^[0-9a-f]{40}$/;

/**
 * git check-ref-format's rules for a full ref name (git-check-ref-format(1)), without
 * --allow-onelevel: a valid name is also a safe path below the repository.
 */
export function isValidRefName(name: string): boolean {
  if (!name.includes("/") || name === "@") return false;
  if (name.startsWith("/") || name.endsWith("/") || name.endsWith(".")) return false;
  // Control characters, DEL, space, ~ ^ : ? * [ and backslash are never allowed.
  for (const char of name) if (char <= " " || char === "\x7f") return false;
  if (/[~^:?*[\\]/.test(name)) return false;
  if (name.includes("..") || name.includes("@{") || name.includes("//")) return false;
  return name.split("/").every((part) => !part.startsWith(".") && !part.endsWith(".lock"));
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A missing file, or a path through or onto a directory, is simply not a loose ref.
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR") return null;
    throw error;
  }
}

function fromPackedRefs(text: string, name: string): string | null | undefined {
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#") || line.startsWith("^")) continue;
    const space = line.indexOf(" ");
    if (line.slice(space + 1) !== name) continue;
    const sha = line.slice(0, space);
    return OBJECT_NAME.test(sha) ? sha : undefined;
  }
  return null;
}

/**
 * The object a ref points at: its name, `null` when there is no such ref, `undefined`
 * when the files say something only git can interpret. `name` must be valid
 * (isValidRefName), which also keeps it inside the repository.
 */
export async function readRefFile(
  gitDir: string,
  name: string,
): Promise<string | null | undefined> {
  // The loose file wins over packed-refs; git writes both through a rename, so either
  // read sees a whole value.
  const loose = await readText(join(gitDir, name));
  if (loose !== null) {
    const sha = loose.trim();
    return OBJECT_NAME.test(sha) ? sha : undefined;
  }
  const packed = await readText(join(gitDir, "packed-refs"));
  return packed === null ? null : fromPackedRefs(packed, name);
}

/** The branch HEAD names (`ref: refs/heads/<branch>`), or undefined when it is anything else. */
export async function readHeadBranch(gitDir: string): Promise<string | undefined> {
  const head = await readText(join(gitDir, "HEAD"));
  const match = head === null ? null : /^ref: refs\/heads\/(\S+)\n?$/.exec(head);
  return match?.[1];
}
