/**
 * Builds a tree from `POST /git/trees` entries: paths may be nested ("a/b/c.txt"), start
 * from a base tree, and delete with `sha: null`. Subtrees are loaded only where an entry
 * reaches into them and written bottom-up with `git mktree`.
 */
import { unprocessable } from "./errors.js";
import type { GitRepo, ObjectType } from "./git-store.js";

export interface TreeChange {
  path: string;
  mode: string;
  type: ObjectType;
  /** null deletes the path. */
  sha: string | null;
}

interface Leaf {
  mode: string;
  type: ObjectType;
  sha: string;
}

interface Node {
  /** Unchanged subtrees keep their sha and are never loaded. */
  sha?: string;
  loaded: boolean;
  children: Map<string, Leaf | Node>;
}

const isNode = (value: Leaf | Node): value is Node => "children" in value;

async function load(git: GitRepo, node: Node): Promise<void> {
  if (node.loaded) return;
  node.loaded = true;
  if (!node.sha) return;
  for (const entry of await git.readTree(node.sha)) {
    node.children.set(
      entry.path,
      entry.type === "tree"
        ? { sha: entry.sha, loaded: false, children: new Map() }
        : { mode: entry.mode, type: entry.type, sha: entry.sha },
    );
  }
  node.sha = undefined; // about to change
}

async function apply(git: GitRepo, root: Node, change: TreeChange): Promise<void> {
  const parts = change.path.split("/");
  let node = root;
  for (const part of parts.slice(0, -1)) {
    await load(git, node);
    let child = node.children.get(part);
    if (!child || !isNode(child)) {
      if (change.sha === null) return; // deleting below a path that is not a directory
      child = { loaded: true, children: new Map() };
      node.children.set(part, child);
    }
    node = child;
  }
  await load(git, node);
  const name = parts[parts.length - 1]!;
  if (change.sha === null) node.children.delete(name);
  else if (change.type === "tree")
    node.children.set(name, { sha: change.sha, loaded: false, children: new Map() });
  else node.children.set(name, { mode: change.mode, type: change.type, sha: change.sha });
}

/** Writes a node and its changed subtrees; undefined for a tree left empty (git drops those). */
async function write(git: GitRepo, node: Node): Promise<string | undefined> {
  if (!node.loaded && node.sha) return node.sha;
  const entries: { mode: string; type: ObjectType; sha: string; name: string }[] = [];
  for (const [name, child] of node.children) {
    if (isNode(child)) {
      const sha = await write(git, child);
      if (sha) entries.push({ mode: "040000", type: "tree", sha, name });
    } else entries.push({ ...child, name });
  }
  if (entries.length === 0) return undefined;
  return git.writeTree(entries);
}

const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

export function validTreePath(path: string): boolean {
  return (
    path.length > 0 &&
    !path.startsWith("/") &&
    !path.endsWith("/") &&
    path.split("/").every((p) => p !== "" && p !== "." && p !== ".." && p !== ".git")
  );
}

export async function buildTree(
  git: GitRepo,
  baseTree: string | undefined,
  changes: TreeChange[],
): Promise<string> {
  const root: Node = { sha: baseTree, loaded: false, children: new Map() };
  for (const change of changes) {
    if (!validTreePath(change.path)) throw unprocessable(`Invalid tree path: ${change.path}`);
    await apply(git, root, change);
  }
  return (await write(git, root)) ?? (await git.writeTree([]).catch(() => EMPTY_TREE));
}
