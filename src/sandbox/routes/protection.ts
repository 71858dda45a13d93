/**
 * What a repository administrator sets: the repository's merge settings (PATCH
 * /repos/{owner}/{repo}, e.g. allow_auto_merge) and branch protection (required status
 * checks, required approving reviews, enforce_admins). Only these parts of GitHub's rules
 * are honoured; the rest of a protection body is accepted and ignored (see docs/sandbox.md).
 */
import type { components } from "@octokit/openapi-types";
import { GitHubError, invalidRequest } from "../errors.js";
import { apiBase } from "../json/git.js";
import { fullRepositoryJson } from "../json/repository.js";
import { repoRoute, type RepoRouteRequest, type Route, type RouteResult } from "../router.js";
import type { BranchProtection, RepoState } from "../state.js";
import { objectBody, optionalBoolean, type JsonObject } from "../validate.js";

type ProtectedBranch = components["schemas"]["protected-branch"];

const ADMIN: ["administration"] = ["administration"];

async function updateRepository({ ctx, repo, body }: RepoRouteRequest): Promise<RouteResult> {
  const input = objectBody(body);
  const settings = {
    allowAutoMerge: optionalBoolean(input, "allow_auto_merge"),
    allowMergeCommit: optionalBoolean(input, "allow_merge_commit"),
    allowSquashMerge: optionalBoolean(input, "allow_squash_merge"),
    allowRebaseMerge: optionalBoolean(input, "allow_rebase_merge"),
  };
  for (const [name, value] of Object.entries(settings)) {
    if (value !== undefined) repo.settings[name as keyof typeof settings] = value;
  }
  return { status: 200, body: fullRepositoryJson(ctx, repo, await repo.git.defaultBranch()) };
}

function nullableObject(input: JsonObject, name: string): JsonObject | null {
  if (!(name in input)) throw invalidRequest(`"${name}" wasn't supplied.`);
  const value = input[name];
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidRequest(
      `For 'properties/${name}', ${JSON.stringify(value)} is not an object or null.`,
    );
  }
  return value as JsonObject;
}

/** GitHub requires all four top-level fields, each possibly null. */
function protectionFrom(body: unknown): BranchProtection {
  const input = objectBody(body);
  const checks = nullableObject(input, "required_status_checks");
  const reviews = nullableObject(input, "required_pull_request_reviews");
  nullableObject(input, "restrictions");
  if (!("enforce_admins" in input)) throw invalidRequest(`"enforce_admins" wasn't supplied.`);
  const contexts = checks?.["contexts"] ?? [];
  const checkList = (checks?.["checks"] ?? []) as { context?: unknown }[];
  if (!Array.isArray(contexts) || !Array.isArray(checkList)) {
    throw invalidRequest(`For 'properties/required_status_checks', contexts must be an array.`);
  }
  const count = reviews?.["required_approving_review_count"];
  return {
    requiredContexts: [
      ...new Set([
        ...contexts.map(String),
        ...checkList.map((c) => String(c.context ?? "")).filter(Boolean),
      ]),
    ],
    strict: checks?.["strict"] === true,
    requiredApprovals: reviews ? (typeof count === "number" ? count : 1) : 0,
    enforceAdmins: input["enforce_admins"] === true,
  };
}

function protectionJson(url: string, rule: BranchProtection): ProtectedBranch {
  return {
    url,
    ...(rule.requiredContexts.length > 0 || rule.strict
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: rule.strict,
            contexts: rule.requiredContexts,
            contexts_url: `${url}/required_status_checks/contexts`,
            checks: rule.requiredContexts.map((context) => ({ context, app_id: null })),
          },
        }
      : {}),
    ...(rule.requiredApprovals > 0
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: false,
            require_code_owner_reviews: false,
            required_approving_review_count: rule.requiredApprovals,
            require_last_push_approval: false,
          },
        }
      : {}),
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: rule.enforceAdmins },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
}

async function existingBranch(repo: RepoState, branch: string): Promise<void> {
  if (!(await repo.git.readRef(`refs/heads/${branch}`))) {
    throw new GitHubError(404, "Branch not found");
  }
}

function protectionUrl(request: RepoRouteRequest): string {
  return `${apiBase(request.ctx, request.repo)}/branches/${request.params["branch"]}/protection`;
}

async function putProtection(request: RepoRouteRequest): Promise<RouteResult> {
  const { repo, params, body } = request;
  const branch = params["branch"] ?? "";
  const rule = protectionFrom(body);
  await existingBranch(repo, branch);
  repo.protections.set(branch, rule);
  return { status: 200, body: protectionJson(protectionUrl(request), rule) };
}

async function getProtection(request: RepoRouteRequest): Promise<RouteResult> {
  const { repo, params } = request;
  const branch = params["branch"] ?? "";
  await existingBranch(repo, branch);
  const rule = repo.protections.get(branch);
  if (!rule) throw new GitHubError(404, "Branch not protected");
  return { status: 200, body: protectionJson(protectionUrl(request), rule) };
}

async function deleteProtection({ repo, params }: RepoRouteRequest): Promise<RouteResult> {
  const branch = params["branch"] ?? "";
  await existingBranch(repo, branch);
  if (!repo.protections.delete(branch)) throw new GitHubError(404, "Branch not protected");
  return { status: 204 };
}

const DOCS = "branches/branch-protection";
const PROTECTION = "/repos/{owner}/{repo}/branches/{branch}/protection";

export const protectionRoutes: Route[] = [
  repoRoute(
    "PATCH",
    "/repos/{owner}/{repo}",
    "repos/repos#update-a-repository",
    ADMIN,
    "write",
    updateRepository,
  ),
  repoRoute("PUT", PROTECTION, `${DOCS}#update-branch-protection`, ADMIN, "write", putProtection),
  repoRoute("GET", PROTECTION, `${DOCS}#get-branch-protection`, ADMIN, "read", getProtection),
  repoRoute(
    "DELETE",
    PROTECTION,
    `${DOCS}#delete-branch-protection`,
    ADMIN,
    "write",
    deleteProtection,
  ),
];
