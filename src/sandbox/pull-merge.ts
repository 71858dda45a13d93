/**
 * Pull request state that comes from git: the live head and base commits, mergeability
 * (a real three-way merge with `git merge-tree`), and the merge itself with GitHub's three
 * methods. Callers hold the repository lock for anything that writes.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import type { SandboxContext } from "./context.js";
import { WEB_FLOW } from "./context.js";
import { GitHubError } from "./errors.js";
import type { GitIdent } from "./git-store.js";
import type { PullDetails } from "./json/issues.js";
import type { IssueRecord, MergeMethod, PullFields, RepoState, User } from "./state.js";
import { isoTime } from "./state.js";

export type PullIssue = IssueRecord & { pull: PullFields };

/** Brings an open pull request's head and base commits up to date with its branches. */
export async function refreshPull(repo: RepoState, issue: PullIssue): Promise<void> {
  if (issue.state !== "open") return;
  const [head, base] = await Promise.all([
    repo.git.readRef(`refs/heads/${issue.pull.head}`),
    repo.git.readRef(`refs/heads/${issue.pull.base}`),
  ]);
  if (head) issue.pull.headSha = head.sha;
  if (base) issue.pull.baseSha = base.sha;
}

export async function isMergeable(repo: RepoState, base: string, head: string): Promise<boolean> {
  const key = `${base}:${head}`;
  let known = repo.mergeability.get(key);
  if (known === undefined) {
    known = (await repo.git.mergeTrees(base, head)) !== undefined;
    repo.mergeability.set(key, known);
  }
  return known;
}

export async function pullDetails(repo: RepoState, issue: PullIssue): Promise<PullDetails> {
  const { headSha, baseSha } = issue.pull;
  const open = issue.state === "open";
  const mergeable = open ? await isMergeable(repo, baseSha, headSha) : null;
  const since = open ? await repo.git.mergeBase(baseSha, headSha) : issue.pull.baseSha;
  const commits = (await repo.git.revList({ from: headSha, ...(since ? { exclude: since } : {}) }))
    .length;
  const files = since ? await repo.git.fileChanges(since, headSha) : [];
  return {
    mergeable,
    commits,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: files.length,
  };
}

function identOf(user: { name: string; email: string }, now: Date): GitIdent {
  return {
    name: user.name,
    email: user.email,
    time: Math.floor(now.getTime() / 1000),
    tz: "+0000",
  };
}

/** git in a work tree (the repository's own helpers always pass --git-dir). */
function runIn(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd,
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", ...env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout }));
  });
}

/**
 * Replays the pull request's commits onto the base in a temporary work tree (git 2.39's
 * merge-tree cannot take an explicit merge base); undefined when a commit does not apply.
 */
async function rebaseCommits(
  repo: RepoState,
  base: string,
  head: string,
  committer: GitIdent,
): Promise<string | undefined> {
  const commits = await repo.git.revList({ from: head, exclude: base, reverse: true });
  const dir = await mkdtemp(join(tmpdir(), "greenlight-sandbox-rebase-"));
  const env = {
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
    GIT_COMMITTER_DATE: `@${committer.time} ${committer.tz}`,
  };
  try {
    await repo.git.run(["worktree", "add", "--detach", dir, base]);
    if (commits.length > 0) {
      // `-m 1` replays a merge commit (open-pr restarts a branch with one) as its change
      // against the first parent, so the rebase stays linear as GitHub's does.
      const picked = await runIn(
        dir,
        ["cherry-pick", "--keep-redundant-commits", "-m", "1", ...commits],
        env,
      );
      if (picked.code !== 0) return undefined;
    }
    return (await runIn(dir, ["rev-parse", "HEAD"])).stdout.trim();
  } finally {
    await repo.git.run(["worktree", "remove", "--force", dir], { okCodes: [128] });
    await rm(dir, { recursive: true, force: true });
  }
}

export interface MergeRequest {
  method: MergeMethod;
  sha?: string;
  commitTitle?: string;
  commitMessage?: string;
  merger: User;
}

async function squashMessage(repo: RepoState, issue: PullIssue, base: string): Promise<string> {
  const shas = await repo.git.revList({ from: issue.pull.headSha, exclude: base, reverse: true });
  const commits = await Promise.all(shas.map((sha) => repo.git.readCommit(sha)));
  return commits.map((c) => `* ${c.message.trim()}`).join("\n\n");
}

/** Merges a pull request into its base branch; throws GitHub's 405/409 answers. */
export async function mergePull(
  ctx: SandboxContext,
  repo: RepoState,
  issue: PullIssue,
  request: MergeRequest,
): Promise<string> {
  if (issue.state !== "open" || issue.pull.merged) {
    throw new GitHubError(405, "Pull Request is not mergeable");
  }
  if (issue.pull.draft) throw new GitHubError(405, "Pull Request is still a draft");
  await refreshPull(repo, issue);
  const { headSha, baseSha } = issue.pull;
  if (request.sha !== undefined && request.sha !== headSha) {
    throw new GitHubError(409, "Head branch was modified. Review and try the merge again.");
  }
  const tree = await repo.git.mergeTrees(baseSha, headSha);
  if (tree === undefined) throw new GitHubError(405, "Pull Request is not mergeable");

  const now = ctx.now();
  const author = identOf(request.merger, now);
  const committer = identOf(WEB_FLOW, now);
  let merged: string | undefined;
  if (request.method === "rebase") {
    merged = await rebaseCommits(repo, baseSha, headSha, committer);
    if (!merged) throw new GitHubError(405, "Pull Request is not mergeable");
  } else {
    const squash = request.method === "squash";
    const title =
      request.commitTitle ??
      (squash
        ? `${issue.title} (#${issue.number})`
        : `Merge pull request #${issue.number} from ${repo.owner}/${issue.pull.head}`);
    const body =
      request.commitMessage ?? (squash ? await squashMessage(repo, issue, baseSha) : issue.title);
    merged = await repo.git.createCommit({
      tree,
      parents: squash ? [baseSha] : [baseSha, headSha],
      author,
      committer,
      message: body ? `${title}\n\n${body}` : title,
    });
  }
  if (!(await repo.git.compareAndSwapRef(`refs/heads/${issue.pull.base}`, merged, baseSha))) {
    throw new GitHubError(409, "Base branch was modified. Review and try the merge again.");
  }
  repo.apiCommits.add(merged);
  const at = isoTime(now);
  Object.assign(issue.pull, {
    merged: true,
    mergedAt: at,
    mergedBy: request.merger,
    mergeCommitSha: merged,
    autoMerge: null,
  });
  Object.assign(issue, { state: "closed", closedAt: at, updatedAt: at });
  return merged;
}
