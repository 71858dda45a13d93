/**
 * Helpers for tests and benchmarks that drive the GitHub sandbox: seed bare repositories
 * in one commit, start a sandbox with an Octokit factory pointed at it, commit files through
 * its API, and read history back from the bare repository itself.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { restEndpointMethods } from "@octokit/plugin-rest-endpoint-methods";
import { GitRepo, ZERO_SHA } from "../../src/sandbox/git-store.js";
import { DEFAULT_TOKEN, startSandbox } from "../../src/sandbox/index.js";
import type { Sandbox, SandboxOptions } from "../../src/sandbox/index.js";
import { buildTree } from "../../src/sandbox/tree-builder.js";
import { tempDir } from "./run-context.js";

const run = promisify(execFile);

const SEEDER = {
  name: "Greenlight Seeder",
  email: "seeder@example.com",
  time: 1_700_000_000,
  tz: "+0000",
};

/**
 * A bare repository at `dir` whose `branch` holds `files` in a single commit (built with
 * plumbing, no work tree). Returns the commit's sha.
 */
export async function createBareRepo(
  dir: string,
  files: Record<string, string>,
  options: { branch?: string; message?: string } = {},
): Promise<string> {
  const branch = options.branch ?? "main";
  await run("git", ["init", "--bare", "--quiet", `--initial-branch=${branch}`, dir]);
  const git = new GitRepo(dir);
  const changes = await Promise.all(
    Object.entries(files).map(async ([path, content]) => ({
      path,
      mode: "100644",
      type: "blob" as const,
      sha: await git.writeBlob(Buffer.from(content, "utf8")),
    })),
  );
  const tree = await buildTree(git, undefined, changes);
  const sha = await git.createCommit({
    tree,
    parents: [],
    author: SEEDER,
    committer: SEEDER,
    message: `${options.message ?? "Initial commit"}\n`,
  });
  await git.compareAndSwapRef(`refs/heads/${branch}`, sha, ZERO_SHA);
  return sha;
}

export const TestOctokit = Octokit.plugin(restEndpointMethods, paginateRest);
export type TestOctokitClient = InstanceType<typeof TestOctokit>;

/**
 * A commit through the Git Data API that writes `files` on top of `parent` (a commit sha),
 * on no branch yet: the caller points whichever ref it needs at the returned sha.
 */
export async function commitFiles(
  octokit: TestOctokitClient,
  repo: { owner: string; repo: string },
  parent: string,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  const base = (await octokit.rest.git.getCommit({ ...repo, commit_sha: parent })).data;
  const tree = await octokit.rest.git.createTree({
    ...repo,
    base_tree: base.tree.sha,
    tree: Object.entries(files).map(([path, content]) => ({
      path,
      mode: "100644" as const,
      type: "blob" as const,
      content,
    })),
  });
  const commit = await octokit.rest.git.createCommit({
    ...repo,
    message,
    tree: tree.data.sha,
    parents: [parent],
  });
  return commit.data.sha;
}

export interface TestSandbox {
  sandbox: Sandbox;
  /** `owner/name` → path of its bare repository. */
  repoPaths: Record<string, string>;
  /** An Octokit for the sandbox, authenticated with `token` (default the sandbox's token). */
  octokit(token?: string): TestOctokitClient;
  close(): Promise<void>;
}

/**
 * Starts a sandbox; each repository is given either as a path or as files to seed a new
 * bare repository with.
 */
export async function startTestSandbox(
  options: Omit<SandboxOptions, "repos"> & {
    repos?: Record<string, string | Record<string, string>>;
  } = {},
): Promise<TestSandbox> {
  const root = tempDir("greenlight-sandbox-");
  const repoPaths: Record<string, string> = {};
  for (const [fullName, spec] of Object.entries(options.repos ?? {})) {
    if (typeof spec === "string") repoPaths[fullName] = spec;
    else {
      const path = join(root, `${fullName.replace("/", "__")}.git`);
      await createBareRepo(path, spec);
      repoPaths[fullName] = path;
    }
  }
  const sandbox = await startSandbox({ ...options, repos: repoPaths });
  return {
    sandbox,
    repoPaths,
    octokit: (token = DEFAULT_TOKEN) => new TestOctokit({ baseUrl: sandbox.url, auth: token }),
    close: () => sandbox.close(),
  };
}

export interface LogEntry {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  subject: string;
  /** The full message. */
  message: string;
}

/** History of `ref` in a bare repository, newest first, read with `git log`. */
export async function gitLog(bareRepoPath: string, ref: string): Promise<LogEntry[]> {
  const format = ["%H", "%P", "%an", "%ae", "%cn", "%ce", "%s", "%B"].join("%x00") + "%x1e";
  const { stdout } = await run("git", [
    "--git-dir",
    bareRepoPath,
    "log",
    `--format=${format}`,
    ref,
    "--",
  ]);
  return stdout
    .split("\x1e")
    .map((record) => record.replace(/^\n/, ""))
    .filter(Boolean)
    .map((record) => {
      const [
        sha,
        parents,
        authorName,
        authorEmail,
        committerName,
        committerEmail,
        subject,
        message,
      ] = record.split("\x00");
      return {
        sha: sha!,
        parents: parents ? parents.split(" ") : [],
        authorName: authorName!,
        authorEmail: authorEmail!,
        committerName: committerName!,
        committerEmail: committerEmail!,
        subject: subject!,
        message: message!,
      };
    });
}

/** `git show <rev>:<path>` on a bare repository. */
export async function gitShow(bareRepoPath: string, revPath: string): Promise<string> {
  return (await run("git", ["--git-dir", bareRepoPath, "show", revPath])).stdout;
}
