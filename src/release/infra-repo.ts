/**
 * The infra repository as open-pr sees it: a handful of GitHub calls, each answering in
 * the terms the algorithm needs (a missing ref is `undefined`, a lost compare-and-swap is
 * `"stale"`), so main.ts reads as the algorithm and not as HTTP handling.
 *
 * Nothing here clones: files are read one by one at a commit and commits are made with the
 * GraphQL `createCommitOnBranch` mutation, which GitHub signs (verified commits) and which
 * only lands when the branch still points where we expect (compare-and-swap).
 */
import type { Octokit } from "@octokit/core";
import type { components } from "@octokit/openapi-types";
import { ConfigurationError } from "../core/errors.js";
import { classifyGraphqlErrors, graphqlMessages } from "../core/github/graphql-errors.js";
import { httpStatusOf } from "../core/github/request-error.js";

type PullRequest = components["schemas"]["pull-request-simple"];

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullRequestInfo {
  number: number;
  nodeId: string;
  url: string;
  state: "open" | "closed";
  merged: boolean;
  title: string;
  body: string;
  headSha: string;
  mergeSha?: string;
  /** Who opened it: `github-actions[bot]` when a workflow's GITHUB_TOKEN did. */
  author?: string;
}

export interface FileAddition {
  path: string;
  /** The full new content of the file. */
  content: string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toInfo(pr: PullRequest | components["schemas"]["pull-request"]): PullRequestInfo {
  const merged = "merged" in pr ? Boolean(pr.merged) : Boolean(pr.merged_at);
  return {
    number: pr.number,
    nodeId: pr.node_id,
    url: pr.html_url,
    state: pr.state === "open" ? "open" : "closed",
    merged,
    title: pr.title,
    body: pr.body ?? "",
    headSha: pr.head.sha,
    ...(merged && pr.merge_commit_sha ? { mergeSha: pr.merge_commit_sha } : {}),
    ...(pr.user?.login ? { author: pr.user.login } : {}),
  };
}

export class InfraRepo {
  constructor(
    private readonly octokit: Octokit,
    readonly ref: RepoRef,
  ) {}

  get fullName(): string {
    return `${this.ref.owner}/${this.ref.repo}`;
  }

  /** The commit a branch points at, or undefined when the branch does not exist. */
  async branchHead(branch: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
        ...this.ref,
        ref: `heads/${branch}`,
      });
      return data.object.sha;
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** A file's text at a commit, or undefined when the file does not exist there. */
  async fileAt(path: string, commit: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
        ...this.ref,
        path,
        ref: commit,
      });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
        throw new ConfigurationError(
          `${path} in ${this.fullName} is not a file; name a tfvars file.`,
        );
      }
      // Over 1 MB GitHub leaves `content` empty ("encoding": "none"); the blob API has it.
      if (data.encoding === "none" || (data.content === "" && data.size > 0)) {
        return await this.blobText(data.sha);
      }
      return Buffer.from(data.content, "base64").toString("utf8");
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw error;
    }
  }

  /** A blob's text by its sha (the blob API serves files up to 100 MB). */
  private async blobText(sha: string): Promise<string> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
      ...this.ref,
      file_sha: sha,
    });
    return Buffer.from(data.content, data.encoding === "utf-8" ? "utf8" : "base64").toString(
      "utf8",
    );
  }

  /** Creates a branch at `sha`; "exists" when another run created it first. */
  async createBranch(branch: string, sha: string): Promise<"created" | "exists"> {
    try {
      await this.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
        ...this.ref,
        ref: `refs/heads/${branch}`,
        sha,
      });
      return "created";
    } catch (error) {
      if (httpStatusOf(error) === 422 && /already exists/i.test(messageOf(error))) return "exists";
      throw error;
    }
  }

  /**
   * Removes a branch this run created, if it still points at `sha` (nothing else was
   * committed to it since); a failure to remove it is left to the caller's error.
   */
  async deleteBranchAt(branch: string, sha: string): Promise<void> {
    if ((await this.branchHead(branch)) !== sha) return;
    await this.octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
      ...this.ref,
      ref: `heads/${branch}`,
    });
  }

  /**
   * One commit on `branch` whose tree is `mergeParent`'s tree plus `additions`, with both
   * the branch head and `mergeParent` as parents. It restarts a branch left by a merged or
   * closed pull request from the base without a forced update: the ref only moves forward
   * (force: false), so a concurrent run's commit can never be thrown away.
   */
  async commitOnto(options: {
    branch: string;
    expectedHead: string;
    mergeParent: string;
    message: string;
    additions: FileAddition[];
  }): Promise<{ oid: string } | "stale"> {
    const { data: parent } = await this.octokit.request(
      "GET /repos/{owner}/{repo}/git/commits/{commit_sha}",
      {
        ...this.ref,
        commit_sha: options.mergeParent,
      },
    );
    const { data: tree } = await this.octokit.request("POST /repos/{owner}/{repo}/git/trees", {
      ...this.ref,
      base_tree: parent.tree.sha,
      tree: options.additions.map((a) => ({
        path: a.path,
        mode: "100644" as const,
        type: "blob" as const,
        content: a.content,
      })),
    });
    const { data: commit } = await this.octokit.request("POST /repos/{owner}/{repo}/git/commits", {
      ...this.ref,
      message: options.message,
      tree: tree.sha,
      parents: [options.expectedHead, options.mergeParent],
    });
    try {
      await this.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        ...this.ref,
        ref: `heads/${options.branch}`,
        sha: commit.sha,
        force: false,
      });
    } catch (error) {
      if (httpStatusOf(error) === 422) return "stale";
      throw error;
    }
    return { oid: commit.sha };
  }

  /**
   * One commit on `branch`, only if the branch still points at `expectedHead`.
   * Returns the new commit, or "stale" when the branch moved (compare-and-swap lost).
   */
  async commit(options: {
    branch: string;
    expectedHead: string;
    headline: string;
    body: string;
    additions: FileAddition[];
  }): Promise<{ oid: string } | "stale"> {
    const mutation = `mutation($input: CreateCommitOnBranchInput!) {
      createCommitOnBranch(input: $input) { commit { oid } }
    }`;
    try {
      const result = await this.octokit.graphql<{
        createCommitOnBranch: { commit: { oid: string } };
      }>(mutation, {
        input: {
          branch: { repositoryNameWithOwner: this.fullName, branchName: options.branch },
          expectedHeadOid: options.expectedHead,
          message: { headline: options.headline, body: options.body },
          fileChanges: {
            additions: options.additions.map((a) => ({
              path: a.path,
              contents: Buffer.from(a.content, "utf8").toString("base64"),
            })),
          },
        },
      });
      return { oid: result.createCommitOnBranch.commit.oid };
    } catch (error) {
      if (isStaleHead(error)) return "stale";
      throw error;
    }
  }

  /** Pull requests from `branch` into `base`, newest first. */
  async pullRequestsFor(branch: string, base: string): Promise<PullRequestInfo[]> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/pulls", {
      ...this.ref,
      head: `${this.ref.owner}:${branch}`,
      base,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 20,
    });
    return data.map(toInfo);
  }

  async pullRequest(number: number): Promise<PullRequestInfo> {
    const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...this.ref,
      pull_number: number,
    });
    return toInfo(data);
  }

  /** Creates a PR; "exists" when an open PR for the branch already exists (another run). */
  async createPullRequest(options: {
    branch: string;
    base: string;
    title: string;
    body: string;
    draft: boolean;
  }): Promise<PullRequestInfo | "exists"> {
    try {
      const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/pulls", {
        ...this.ref,
        head: options.branch,
        base: options.base,
        title: options.title,
        body: options.body,
        draft: options.draft,
      });
      return toInfo(data);
    } catch (error) {
      if (httpStatusOf(error) === 422 && /already exists/i.test(messageOf(error))) return "exists";
      throw error;
    }
  }

  async updatePullRequest(number: number, fields: { title: string; body: string }): Promise<void> {
    await this.octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...this.ref,
      pull_number: number,
      ...fields,
    });
  }

  async closePullRequest(number: number): Promise<void> {
    await this.octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...this.ref,
      pull_number: number,
      state: "closed",
    });
  }

  async comment(number: number, body: string): Promise<void> {
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...this.ref,
      issue_number: number,
      body,
    });
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...this.ref,
      issue_number: number,
      labels,
    });
  }

  async addAssignees(number: number, assignees: string[]): Promise<void> {
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/assignees", {
      ...this.ref,
      issue_number: number,
      assignees,
    });
  }

  async requestReviewers(
    number: number,
    reviewers: string[],
    teamReviewers: string[],
  ): Promise<void> {
    await this.octokit.request(
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
      {
        ...this.ref,
        pull_number: number,
        reviewers,
        team_reviewers: teamReviewers,
      },
    );
  }

  /** Merges a pull request now, only if its head is still `sha`. */
  async merge(number: number, method: "merge" | "squash" | "rebase", sha: string): Promise<string> {
    const { data } = await this.octokit.request(
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge",
      { ...this.ref, pull_number: number, merge_method: method, sha },
    );
    return data.sha;
  }

  async enableAutoMerge(nodeId: string, method: "merge" | "squash" | "rebase"): Promise<void> {
    await this.octokit.graphql(
      // "method" is reserved by @octokit/graphql (it would be sent as the HTTP method).
      `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
        enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) { clientMutationId }
      }`,
      { id: nodeId, mergeMethod: method.toUpperCase() },
    );
  }
}

/** GitHub's answer to a createCommitOnBranch whose expectedHeadOid is no longer the head. */
export function isStaleHead(error: unknown): boolean {
  const errors = (error as { errors?: { type?: string; message?: string }[] }).errors;
  return (
    Array.isArray(errors) &&
    errors.some(
      (e) => e.type === "STALE_DATA" || /expected branch to point to/i.test(e.message ?? ""),
    )
  );
}

/**
 * GitHub's transient answer when labels, reviewers or auto-merge are set right after a pull
 * request is created: the new node is not yet visible (REST 422 or GraphQL NOT_FOUND). A
 * team's id (`T_…`) is different: it means the token cannot read the organisation's teams,
 * which no retry changes.
 */
export function isUnresolvedNode(error: unknown): boolean {
  const message = messageOf(error);
  if (/global id of '?T_/.test(message) || /global id of '?T_/.test(graphqlMessages(error))) {
    return false;
  }
  if (httpStatusOf(error) === 422 && /could not resolve to a node/i.test(message)) return true;
  return classifyGraphqlErrors(error) === "not-found";
}

/**
 * An answer that says nothing about whether the request was carried out: a 5xx, a rate
 * limit the client gave up waiting on, a dropped connection, or GraphQL's timeout and rate
 * limit (which come as HTTP 200). The caller re-reads the repository and re-plans, which is
 * safe because every step is a transform of what it reads.
 */
export function isTransient(error: unknown): boolean {
  const graphql = classifyGraphqlErrors(error);
  if (graphql) return graphql === "transient" || graphql === "rate-limited";
  const code = httpStatusOf(error);
  if (code === undefined)
    return (
      error instanceof TypeError || /ECONNRESET|socket|fetch failed|network/i.test(messageOf(error))
    );
  return code >= 500 || code === 429 || (code === 403 && /rate limit/i.test(messageOf(error)));
}

export function describeError(error: unknown): string {
  const graphql = graphqlMessages(error);
  if (graphql) return graphql;
  const code = httpStatusOf(error);
  // Octokit appends " - <documentation URL>" to GitHub's message; the message is enough.
  const message = messageOf(error)
    .split("\n")[0]!
    .replace(/ - https?:\/\/\S+$/, "");
  return code ? `${code} (${message})` : message;
}

/** GitHub's words for a write that branch protection or a ruleset refused. */
const PROTECTION_REFUSAL =
  /protected branch|required status check|approving review|repository rule violations|must be made through a pull request|protected ref/i;

/**
 * One sentence for a write to `branch` that branch protection or a ruleset refused, naming
 * the setting; undefined for any other failure.
 */
export function protectedBranchError(
  repo: { fullName: string },
  branch: string,
  error: unknown,
): ConfigurationError | undefined {
  const graphql = classifyGraphqlErrors(error);
  const status = httpStatusOf(error);
  const refused = graphql === "refused" || status === 422 || status === 405 || status === 403;
  const detail = (graphqlMessages(error) || messageOf(error)).replace(/\s+/g, " ").trim();
  if (!refused || !PROTECTION_REFUSAL.test(detail)) return undefined;
  return new ConfigurationError(
    `GitHub refused the commit to branch "${branch}" of ${repo.fullName} because the branch is protected (${detail.replace(/ - https?:\/\/\S+$/, "")}); land changes there through a pull request ("merge": pull-request or auto-merge), or let this token bypass the rule in the repository's Settings → Branches (branch protection) or Settings → Rules (rulesets).`,
  );
}
