/**
 * A bare repository driven through git plumbing (`git --git-dir=<path> …`): the sandbox's
 * objects and refs are real git objects and refs, so what a test reads back with `git log`
 * is exactly what the API wrote.
 */
import { spawn } from "node:child_process";
import { isValidRefName, readHeadBranch, readRefFile } from "./git-files.js";
import { ImmutableCache } from "./immutable-cache.js";
import { commitContent, treeContent, usesSha1, writeLooseObject } from "./loose-objects.js";

export const ZERO_SHA = "0000000000000000000000000000000000000000";

export type ObjectType = "blob" | "tree" | "commit" | "tag";

export interface TreeEntry {
  mode: string;
  type: ObjectType;
  sha: string;
  /** Blob size in bytes; undefined for trees and submodules. */
  size?: number;
  path: string;
}

export interface GitIdent {
  name: string;
  email: string;
  /** Seconds since the epoch. */
  time: number;
  /** `+0200` style offset, as git stores it. */
  tz: string;
}

export interface GitCommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: GitIdent;
  committer: GitIdent;
  message: string;
  signature?: string;
}

export interface RefEntry {
  name: string;
  sha: string;
  type: ObjectType;
}

export interface FileChange {
  path: string;
  status: "added" | "removed" | "modified";
  sha: string | null;
  additions: number;
  deletions: number;
}

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} exited with ${code}: ${stderr.trim()}`);
    this.name = "GitCommandError";
  }
}

interface RunOptions {
  input?: Buffer | string;
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (e.g. 1 for "not an ancestor"). */
  okCodes?: number[];
}

interface RunResult {
  code: number;
  stdout: Buffer;
}

// User and system configuration could sign commits or run hooks; the sandbox must not.
const ISOLATED_ENV = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
  LC_ALL: "C",
};

export function runGit(
  gitDir: string,
  args: string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const fullArgs = [`--git-dir=${gitDir}`, "--literal-pathspecs", ...args];
  return new Promise((resolve, reject) => {
    const child = spawn("git", fullArgs, {
      env: { ...process.env, ...ISOLATED_ENV, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "ENOENT"
          ? new Error(
              "The GitHub sandbox needs git, which is not on PATH; install it with: apt-get install -y git",
            )
          : error,
      );
    });
    child.on("close", (code) => {
      const ok = [0, ...(options.okCodes ?? [])];
      if (code !== null && ok.includes(code)) resolve({ code, stdout: Buffer.concat(out) });
      else reject(new GitCommandError(args, code, Buffer.concat(err).toString("utf8")));
    });
    child.stdin.on("error", () => undefined); // git may exit before reading all input
    child.stdin.end(options.input ?? "");
  });
}

function parseIdent(text: string): GitIdent {
  const match = /^(.*) <(.*)> (-?\d+) ([+-]\d{4})$/.exec(text);
  if (!match) return { name: text, email: "", time: 0, tz: "+0000" };
  return { name: match[1]!, email: match[2]!, time: Number(match[3]), tz: match[4]! };
}

export function formatIdentDate(ident: Pick<GitIdent, "time" | "tz">): string {
  return `@${ident.time} ${ident.tz}`;
}

export function parseCommitObject(sha: string, raw: string): GitCommitObject {
  const split = raw.indexOf("\n\n");
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const message = split >= 0 ? raw.slice(split + 2) : "";
  const commit: GitCommitObject = {
    sha,
    tree: "",
    parents: [],
    author: parseIdent(""),
    committer: parseIdent(""),
    message,
  };
  let lastKey = "";
  for (const line of head.split("\n")) {
    if (line.startsWith(" ") && lastKey === "gpgsig") {
      commit.signature = `${commit.signature ?? ""}\n${line.slice(1)}`;
      continue;
    }
    const space = line.indexOf(" ");
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    lastKey = key;
    if (key === "tree") commit.tree = value;
    else if (key === "parent") commit.parents.push(value);
    else if (key === "author") commit.author = parseIdent(value);
    else if (key === "committer") commit.committer = parseIdent(value);
    else if (key === "gpgsig") commit.signature = value;
  }
  return commit;
}

function parseTreeListing(stdout: Buffer, prefix = ""): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of stdout.toString("utf8").split("\0")) {
    if (!record) continue;
    const tab = record.indexOf("\t");
    const [mode, type, sha, size] = record.slice(0, tab).split(/\s+/);
    const entry: TreeEntry = {
      mode: mode!,
      type: type as ObjectType,
      sha: sha!,
      path: prefix + record.slice(tab + 1),
    };
    if (size !== undefined && size !== "-") entry.size = Number(size);
    entries.push(entry);
  }
  return entries;
}

/** A revision given by a client; a leading dash would be read by git as an option. */
function safeRevision(rev: string): string | undefined {
  return rev && !rev.startsWith("-") && !/[\0\s]/.test(rev) ? rev : undefined;
}

/** Blobs up to this size are kept in memory once read; larger ones are read each time. */
const CACHED_BLOB_BYTES = 1 << 20;

const cloneEntries = (entries: TreeEntry[]) => entries.map((e) => ({ ...e }));

/**
 * Every git process costs milliseconds, more than most API calls should, so what never
 * changes (objects, by name) is read once, and refs are read from their files.
 */
export class GitRepo {
  private readonly objects = new ImmutableCache();

  /** Whether objects may be written in-process (loose-objects.ts): SHA-1 repositories. */
  private readonly sha1: boolean;

  constructor(readonly gitDir: string) {
    this.sha1 = usesSha1(gitDir);
  }

  run(args: string[], options?: RunOptions): Promise<RunResult> {
    return runGit(this.gitDir, args, options);
  }

  /** The commit a branch name, tag, or (short) sha names, or undefined. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const safe = safeRevision(rev);
    if (!safe) return undefined;
    if (this.objects.get(`type:${safe}`) === "commit") return safe;
    const { code, stdout } = await this.run(["rev-parse", "--verify", "-q", `${safe}^{commit}`], {
      okCodes: [1, 128],
    });
    return code === 0 ? stdout.toString().trim() : undefined;
  }

  /** Types of the named objects; missing objects are absent from the map. */
  async objectTypes(shas: string[]): Promise<Map<string, ObjectType>> {
    const types = new Map<string, ObjectType>();
    const wanted: string[] = [];
    for (const sha of shas.filter((s) => /^[0-9a-f]{4,40}$/i.test(s))) {
      const known = this.objects.get<ObjectType>(`type:${sha}`);
      if (known) types.set(sha, known);
      else wanted.push(sha);
    }
    if (wanted.length === 0) return types;
    const { stdout } = await this.run(["cat-file", "--batch-check=%(objectname) %(objecttype)"], {
      input: wanted.join("\n") + "\n",
    });
    const lines = stdout.toString().trim().split("\n");
    lines.forEach((line, i) => {
      const [name, type] = line.split(" ");
      if (type !== "missing" && type !== "ambiguous" && name) {
        types.set(wanted[i]!, type as ObjectType);
        if (ImmutableCache.cacheable(wanted[i]!)) this.objects.set(`type:${wanted[i]}`, type);
      }
    });
    return types;
  }

  async objectType(sha: string): Promise<ObjectType | undefined> {
    return (await this.objectTypes([sha])).get(sha);
  }

  async readBlob(sha: string): Promise<Buffer> {
    const hit = this.objects.get<Buffer>(`blob:${sha}`);
    if (hit) return Buffer.from(hit);
    const { stdout } = await this.run(["cat-file", "blob", sha]);
    if (ImmutableCache.cacheable(sha) && stdout.length <= CACHED_BLOB_BYTES) {
      this.objects.set(`blob:${sha}`, Buffer.from(stdout));
    }
    return stdout;
  }

  async writeBlob(content: Buffer): Promise<string> {
    if (this.sha1)
      return this.learned(await writeLooseObject(this.gitDir, "blob", content), "blob");
    const { stdout } = await this.run(["hash-object", "-w", "--stdin"], { input: content });
    return this.learned(stdout.toString().trim(), "blob");
  }

  /** Notes the type of an object the sandbox just wrote. */
  private learned(sha: string, type: ObjectType): string {
    if (ImmutableCache.cacheable(sha)) this.objects.set(`type:${sha}`, type);
    return sha;
  }

  /** The entries of one tree (not recursive unless asked), sizes included. */
  async readTree(sha: string, recursive = false): Promise<TreeEntry[]> {
    const args = ["ls-tree", "-l", "-z", ...(recursive ? ["-r", "-t"] : []), sha];
    const read = async () => parseTreeListing((await this.run(args)).stdout);
    // A whole repository's listing is read once per request at most; it is not kept.
    if (recursive) return read();
    return cloneEntries(await this.objects.through(sha, `tree:${sha}`, read));
  }

  /** The entry at `path` in a commit's tree, or undefined. */
  async entryAt(commit: string, path: string): Promise<TreeEntry | undefined> {
    const entry = await this.objects.through(commit, `entry:${commit}:${path}`, async () => {
      const { stdout } = await this.run(["ls-tree", "-l", "-z", commit, "--", path]);
      return parseTreeListing(stdout).find((e) => e.path === path) ?? null;
    });
    return entry ? { ...entry } : undefined;
  }

  async writeTree(entries: { mode: string; type: ObjectType; sha: string; name: string }[]) {
    const content = this.sha1 ? treeContent(entries) : undefined;
    if (content) return this.learned(await writeLooseObject(this.gitDir, "tree", content), "tree");
    const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join("");
    const { stdout } = await this.run(["mktree", "-z", "--missing"], { input });
    return this.learned(stdout.toString().trim(), "tree");
  }

  async readCommit(sha: string): Promise<GitCommitObject> {
    const commit = await this.objects.through(sha, `commit:${sha}`, async () => {
      const { stdout } = await this.run(["cat-file", "commit", sha]);
      return parseCommitObject(sha, stdout.toString("utf8"));
    });
    return structuredClone(commit);
  }

  async createCommit(commit: Omit<GitCommitObject, "sha" | "signature">): Promise<string> {
    const content = this.sha1 ? commitContent(commit) : undefined;
    if (content) {
      return this.learned(await writeLooseObject(this.gitDir, "commit", content), "commit");
    }
    const args = ["commit-tree", "--no-gpg-sign", commit.tree];
    for (const parent of commit.parents) args.push("-p", parent);
    const { stdout } = await this.run(args, {
      input: commit.message,
      env: {
        GIT_AUTHOR_NAME: commit.author.name,
        GIT_AUTHOR_EMAIL: commit.author.email,
        GIT_AUTHOR_DATE: formatIdentDate(commit.author),
        GIT_COMMITTER_NAME: commit.committer.name,
        GIT_COMMITTER_EMAIL: commit.committer.email,
        GIT_COMMITTER_DATE: formatIdentDate(commit.committer),
      },
    });
    return this.learned(stdout.toString().trim(), "commit");
  }

  /** Every ref, or those under `prefix` (`refs/heads/main` also matches `refs/heads/main/…`). */
  async listRefs(prefix?: string): Promise<RefEntry[]> {
    const { stdout } = await this.run([
      "for-each-ref",
      "--format=%(refname)%00%(objectname)%00%(objecttype)",
      ...(prefix ? [prefix] : []),
    ]);
    return stdout
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [name, sha, type] = line.split("\0");
        return { name: name!, sha: sha!, type: type as ObjectType };
      });
  }

  async readRef(fullName: string): Promise<RefEntry | undefined> {
    // No ref can have an invalid name, and a valid one is a safe path inside the repository.
    if (!isValidRefName(fullName)) return undefined;
    const sha = await readRefFile(this.gitDir, fullName);
    if (sha === null) return undefined;
    const type = sha === undefined ? undefined : await this.objectType(sha);
    if (sha && type) return { name: fullName, sha, type };
    // Only the refs the name could match, so a repository with many branches reads quickly.
    return (await this.listRefs(fullName)).find((r) => r.name === fullName);
  }

  /** Moves (or creates, with `expected` ZERO_SHA) a ref only if it still points at `expected`. */
  async compareAndSwapRef(fullName: string, next: string, expected: string): Promise<boolean> {
    const { code } = await this.run(["update-ref", fullName, next, expected], { okCodes: [128] });
    return code === 0;
  }

  async deleteRef(fullName: string, expected: string): Promise<boolean> {
    const { code } = await this.run(["update-ref", "-d", fullName, expected], { okCodes: [128] });
    return code === 0;
  }

  isValidRefName(fullName: string): Promise<boolean> {
    return Promise.resolve(isValidRefName(fullName));
  }

  /** What two commits' relation or merge is never changes, so it is cached like an object. */
  private pairThrough<T>(key: string, a: string, b: string, load: () => Promise<T>): Promise<T> {
    const sha = ImmutableCache.cacheable(a) ? b : a;
    return this.objects.through(sha, `${key}:${a}:${b}`, load);
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return this.pairThrough("ancestor", ancestor, descendant, async () => {
      const { code } = await this.run(["merge-base", "--is-ancestor", ancestor, descendant], {
        okCodes: [1],
      });
      return code === 0;
    });
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const base = await this.pairThrough("merge-base", a, b, async () => {
      const { code, stdout } = await this.run(["merge-base", a, b], { okCodes: [1] });
      return code === 0 ? stdout.toString().trim() : null;
    });
    return base ?? undefined;
  }

  /** A three-way merge without a work tree: the merged tree, or undefined on conflict. */
  async mergeTrees(ours: string, theirs: string): Promise<string | undefined> {
    const tree = await this.pairThrough("merge-tree", ours, theirs, async () => {
      const { code, stdout } = await this.run(
        ["merge-tree", "--write-tree", "--no-messages", ours, theirs],
        { okCodes: [1] },
      );
      return code === 0 ? stdout.toString().split("\n")[0]!.trim() : null;
    });
    return tree ?? undefined;
  }

  /** Commits reachable from `from` (newest first), optionally only those touching `path`. */
  async revList(options: {
    from: string;
    exclude?: string;
    path?: string;
    skip?: number;
    max?: number;
    reverse?: boolean;
  }): Promise<string[]> {
    const args = ["rev-list"];
    if (options.skip) args.push(`--skip=${options.skip}`);
    if (options.max !== undefined) args.push(`--max-count=${options.max}`);
    if (options.reverse) args.push("--reverse");
    args.push(options.from);
    if (options.exclude) args.push(`^${options.exclude}`);
    if (options.path) args.push("--", options.path);
    const { stdout } = await this.run(args);
    return stdout.toString().split("\n").filter(Boolean);
  }

  async countCommits(from: string, path?: string): Promise<number> {
    const args = ["rev-list", "--count", from, ...(path ? ["--", path] : [])];
    return Number((await this.run(args)).stdout.toString().trim());
  }

  /** Files changed from `from` (or from nothing, for a root commit) to `to`, with line counts. */
  async fileChanges(from: string | undefined, to: string): Promise<FileChange[]> {
    const key = from ? "changes" : "root-changes";
    const changes = await this.pairThrough(key, from ?? to, to, () =>
      this.readFileChanges(from, to),
    );
    return changes.map((c) => ({ ...c }));
  }

  private async readFileChanges(from: string | undefined, to: string): Promise<FileChange[]> {
    const range = from ? [from, to] : ["--root", to];
    // One process for both listings: --raw's records come first, then --numstat's.
    const args = ["diff-tree", "-r", "-z", "--no-renames", "--raw", "--numstat", ...range];
    const parts = (await this.run(args)).stdout.toString("utf8").split("\0");
    const files: FileChange[] = [];
    const stat = new Map<string, { additions: number; deletions: number }>();
    for (let i = 0; i < parts.length; i++) {
      const record = parts[i]!;
      if (record.startsWith(":")) {
        const [, , , newSha, letter] = record.slice(1).split(" ");
        const path = parts[++i]!;
        const status = letter === "A" ? "added" : letter === "D" ? "removed" : "modified";
        files.push({
          path,
          status,
          sha: status === "removed" ? null : (newSha ?? null),
          additions: 0,
          deletions: 0,
        });
        continue;
      }
      // `--root` prints the commit id first; every other record is a line count.
      const match = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(record);
      if (match) {
        stat.set(match[3]!, { additions: Number(match[1]) || 0, deletions: Number(match[2]) || 0 });
      }
    }
    return files.map((file) => ({ ...file, ...stat.get(file.path) }));
  }

  async defaultBranch(): Promise<string> {
    const branch = await readHeadBranch(this.gitDir);
    if (branch) return branch;
    const { code, stdout } = await this.run(["symbolic-ref", "--short", "HEAD"], {
      okCodes: [1, 128],
    });
    return code === 0 ? stdout.toString().trim() : "main";
  }
}
