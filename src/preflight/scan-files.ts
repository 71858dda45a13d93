/**
 * Which files the secret scan reads: the files changed since a base (the default, for a
 * pull request or a push), or every file of the tree. Git answers both when the workspace
 * is a repository; a plain directory can only be scanned whole.
 */
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { ConfigurationError } from "../core/errors.js";

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ConfigurationError(
        `The secret scan needs git, which is not installed; install it (apt-get install -y git) or set secret-scan: off.`,
      );
    }
    return undefined;
  }
}

const lines = (text: string | undefined) => (text ?? "").split("\n").filter((l) => l.length > 0);

/** Whether `cwd` is inside a git work tree (git's paths are then relative to `cwd`). */
export async function isRepository(cwd: string): Promise<boolean> {
  return (await git(cwd, ["rev-parse", "--is-inside-work-tree"]))?.trim() === "true";
}

async function resolves(cwd: string, ref: string): Promise<boolean> {
  return (await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])) !== undefined;
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === ".git" || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) out.push(relative(root, path));
  }
}

export async function treeFiles(cwd: string): Promise<string[]> {
  if (await isRepository(cwd)) {
    return lines(await git(cwd, ["ls-files", "--cached", "--others", "--exclude-standard"]));
  }
  const out: string[] = [];
  await walk(cwd, cwd, out);
  return out.sort();
}

export interface ChangedFiles {
  files: string[];
  /** What was scanned, for the report: `changes since main`. */
  scope: string;
}

/** The base to compare with: the input, the pull request's base branch, or the previous commit. */
async function findBase(
  cwd: string,
  baseRef: string | undefined,
  env: Record<string, string | undefined>,
): Promise<string | undefined> {
  if (baseRef) {
    if (await resolves(cwd, baseRef)) return baseRef;
    throw new ConfigurationError(
      `Input "base-ref" names "${baseRef}", which is not a commit in this repository; fetch it (actions/checkout with fetch-depth: 0) or give another ref.`,
    );
  }
  const prBase = env["GITHUB_BASE_REF"];
  for (const candidate of prBase ? [`origin/${prBase}`, prBase] : [])
    if (await resolves(cwd, candidate)) return candidate;
  if (await resolves(cwd, "HEAD~1")) return "HEAD~1";
  return undefined;
}

export async function changedFiles(
  cwd: string,
  baseRef: string | undefined,
  env: Record<string, string | undefined>,
): Promise<ChangedFiles> {
  if (!(await isRepository(cwd))) {
    throw new ConfigurationError(
      `Input "secret-scan" is "changed", but ${cwd} is not a git repository; check out the repository first, or set secret-scan: tree.`,
    );
  }
  const untracked = lines(await git(cwd, ["ls-files", "--others", "--exclude-standard"]));
  const base = await findBase(cwd, baseRef, env);
  if (!base) {
    // The first commit, or a shallow clone without its parent: every file of HEAD is new.
    const first = lines(
      await git(cwd, [
        "diff-tree",
        "--relative",
        "--root",
        "--no-commit-id",
        "--name-only",
        "-r",
        "--diff-filter=ACMR",
        "HEAD",
      ]),
    );
    const worktree = lines(
      await git(cwd, ["diff", "--relative", "--name-only", "--diff-filter=ACMR", "HEAD"]),
    );
    return {
      files: [...new Set([...first, ...worktree, ...untracked])].sort(),
      scope: "every file of HEAD (no earlier commit to compare with)",
    };
  }
  const mergeBase = (await git(cwd, ["merge-base", base, "HEAD"]))?.trim() || base;
  const changed = lines(
    await git(cwd, ["diff", "--relative", "--name-only", "--diff-filter=ACMR", mergeBase]),
  );
  return { files: [...new Set([...changed, ...untracked])].sort(), scope: `changes since ${base}` };
}
