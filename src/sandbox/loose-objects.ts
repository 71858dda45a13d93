/**
 * Blobs, trees and commits written as git writes them (a loose object: zlib-deflated
 * `<type> <size>\0<content>`, named by its SHA-1), in-process: a GitHub API call that writes
 * a file writes five objects, and a git process for each was most of its time. Only what
 * git would write byte for byte is written here; anything else (a SHA-256 repository, a
 * tree entry git would refuse, an identity git would clean up) is left to git itself, and
 * test/unit/sandbox/loose-objects.test.ts holds the two to the same object names.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import type { GitIdent } from "./git-store.js";

export type WrittenType = "blob" | "tree" | "commit";

/** Whether the repository names objects by SHA-1 (git's default), so this module may write. */
export function usesSha1(gitDir: string): boolean {
  try {
    return !/^\s*objectformat\s*=/im.test(readFileSync(join(gitDir, "config"), "utf8"));
  } catch {
    return false;
  }
}

let unique = 0;

/** Writes one object (if it is not there yet) and returns its name. */
export async function writeLooseObject(
  gitDir: string,
  type: WrittenType,
  content: Buffer,
): Promise<string> {
  const raw = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  const sha = createHash("sha1").update(raw).digest("hex");
  const dir = join(gitDir, "objects", sha.slice(0, 2));
  const path = join(dir, sha.slice(2));
  if (existsSync(path)) return sha;
  await mkdir(dir, { recursive: true });
  // A temporary name and a rename, as git does: a reader never sees half an object.
  const temp = join(dir, `tmp_obj_${process.pid}_${unique++}`);
  await writeFile(temp, deflateSync(raw), { mode: 0o444 });
  await rename(temp, path);
  return sha;
}

export interface TreeItem {
  mode: string;
  sha: string;
  name: string;
}

const MODES = new Set(["100644", "100755", "120000", "40000", "160000"]);

/**
 * A tree's bytes as `git mktree` writes them: entries sorted as git sorts them (a tree's
 * name compared as if it ended in `/`), modes without leading zeros. Undefined when git
 * would refuse the entries or write them otherwise (unknown mode, bad name, duplicates).
 */
export function treeContent(items: readonly TreeItem[]): Buffer | undefined {
  const entries = items.map((item) => ({ ...item, mode: item.mode.replace(/^0+/, "") }));
  for (const e of entries) {
    if (!MODES.has(e.mode) || !/^[0-9a-f]{40}$/.test(e.sha)) return undefined;
    if (!e.name || e.name === "." || e.name === ".." || /[/\0]/.test(e.name)) return undefined;
  }
  const key = (e: TreeItem) => Buffer.from(e.mode === "40000" ? `${e.name}/` : e.name);
  entries.sort((a, b) => Buffer.compare(key(a), key(b)));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.name === entries[i - 1]!.name) return undefined;
  }
  return Buffer.concat(
    entries.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, "hex")]),
  );
}

// git trims these from both ends of a name or email, and refuses <, > and line breaks in them.
const CRUD = /^[\s.,:;<>"\\']|[\s.,:;<>"\\']$|[<>\n]/;

function identLine(role: string, ident: GitIdent): string | undefined {
  if (!ident.name || CRUD.test(ident.name) || CRUD.test(ident.email)) return undefined;
  if (!/^[+-]\d{4}$/.test(ident.tz) || !Number.isSafeInteger(ident.time) || ident.time < 0) {
    return undefined;
  }
  return `${role} ${ident.name} <${ident.email}> ${ident.time} ${ident.tz}\n`;
}

/**
 * A commit's bytes as `git commit-tree` writes them (message as given, no signature), or
 * undefined when git would write it otherwise (identities it cleans up, repeated parents).
 */
export function commitContent(commit: {
  tree: string;
  parents: readonly string[];
  author: GitIdent;
  committer: GitIdent;
  message: string;
}): Buffer | undefined {
  const author = identLine("author", commit.author);
  const committer = identLine("committer", commit.committer);
  // git drops a repeated parent (with a warning); leave that to git.
  if (!author || !committer || new Set(commit.parents).size !== commit.parents.length) {
    return undefined;
  }
  const head =
    `tree ${commit.tree}\n` +
    commit.parents.map((p) => `parent ${p}\n`).join("") +
    author +
    committer;
  return Buffer.from(`${head}\n${commit.message}`, "utf8");
}
