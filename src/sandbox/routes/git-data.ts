/** The Git Data API: blobs, trees and commits written straight into the bare repository. */
import { actingUser } from "../context.js";
import { invalidRequest, notFound, unprocessable } from "../errors.js";
import type { GitIdent, ObjectType } from "../git-store.js";
import {
  apiBase,
  gitCommitJson,
  gitTreeJson,
  wrappedBase64,
  type BlobJson,
  type ShortBlobJson,
} from "../json/git.js";
import { repoRoute, type RepoRouteRequest, type Route } from "../router.js";
import type { User } from "../state.js";
import { buildTree, type TreeChange } from "../tree-builder.js";
import {
  isFullSha,
  objectBody,
  optionalObject,
  optionalString,
  optionalStringArray,
  requiredString,
  type JsonObject,
} from "../validate.js";

const CONTENTS: ["contents"] = ["contents"];

const MODES: Record<string, ObjectType[]> = {
  "100644": ["blob"],
  "100755": ["blob"],
  "120000": ["blob"],
  "040000": ["tree"],
  "160000": ["commit"],
};

async function createBlob({ ctx, repo, body }: RepoRouteRequest) {
  const input = objectBody(body);
  const content = requiredString(input, "content");
  const encoding = optionalString(input, "encoding") ?? "utf-8";
  if (encoding !== "utf-8" && encoding !== "utf8" && encoding !== "base64") {
    throw unprocessable(`encoding must be either "utf-8" or "base64", not "${encoding}".`);
  }
  const data = Buffer.from(content, encoding === "base64" ? "base64" : "utf8");
  const sha = await repo.git.writeBlob(data);
  const url = `${apiBase(ctx, repo)}/git/blobs/${sha}`;
  const blob: ShortBlobJson = { sha, url };
  return { status: 201, body: blob, headers: { location: url } };
}

async function getBlob({ ctx, repo, params }: RepoRouteRequest) {
  const sha = params["file_sha"] ?? "";
  if ((await repo.git.objectType(sha)) !== "blob") throw notFound();
  const data = await repo.git.readBlob(sha);
  const blob: BlobJson = {
    sha,
    node_id: Buffer.from(`04:Blob${repo.id}:${sha}`).toString("base64"),
    size: data.length,
    url: `${apiBase(ctx, repo)}/git/blobs/${sha}`,
    content: wrappedBase64(data),
    encoding: "base64",
  };
  return { status: 200, body: blob };
}

function treeChange(raw: unknown, index: number): TreeChange & { content?: string } {
  if (typeof raw !== "object" || raw === null)
    throw invalidRequest(`tree[${index}] is not an object.`);
  const entry = raw as JsonObject;
  const path = requiredString(entry, "path");
  const mode = requiredString(entry, "mode");
  const allowed = MODES[mode];
  if (!allowed)
    throw unprocessable(
      `tree.mode must be one of ${Object.keys(MODES).join(", ")}, not "${mode}".`,
    );
  const type = (optionalString(entry, "type") ?? allowed[0]) as ObjectType;
  if (!allowed.includes(type))
    throw unprocessable(`tree.type "${type}" does not match tree.mode ${mode}.`);
  const content = optionalString(entry, "content");
  const hasSha = "sha" in entry;
  if (hasSha && content !== undefined) {
    throw unprocessable("Must supply either tree.sha or tree.content, not both.");
  }
  if (!hasSha && content === undefined)
    throw unprocessable("Must supply either tree.sha or tree.content.");
  const sha = hasSha ? (entry["sha"] === null ? null : requiredString(entry, "sha")) : null;
  return { path, mode, type, sha, ...(content !== undefined ? { content } : {}) };
}

async function createTree({ ctx, repo, body }: RepoRouteRequest) {
  const input = objectBody(body);
  const rawTree = input["tree"];
  if (!Array.isArray(rawTree)) throw invalidRequest(`"tree" wasn't supplied.`);
  const baseTree = optionalString(input, "base_tree");
  const changes = rawTree.map(treeChange);
  const git = repo.git;
  const referenced = changes
    .filter((c) => c.sha !== null && c.type !== "commit")
    .map((c) => c.sha!);
  const types = await git.objectTypes([...referenced, ...(baseTree ? [baseTree] : [])]);
  if (baseTree && types.get(baseTree) !== "tree") throw unprocessable("Invalid tree info");
  for (const change of changes) {
    if (change.content !== undefined) {
      change.sha = await git.writeBlob(Buffer.from(change.content, "utf8"));
    } else if (
      change.sha !== null &&
      change.type !== "commit" &&
      types.get(change.sha) !== change.type
    ) {
      throw unprocessable("Invalid tree info");
    }
  }
  const sha = await buildTree(git, baseTree, changes);
  const url = `${apiBase(ctx, repo)}/git/trees/${sha}`;
  const tree = gitTreeJson(ctx, repo, sha, await git.readTree(sha));
  return { status: 201, body: tree, headers: { location: url } };
}

async function getTree({ ctx, repo, params, query }: RepoRouteRequest) {
  const name = params["tree_sha"] ?? "";
  const git = repo.git;
  let sha: string | undefined;
  const type = await git.objectType(name);
  if (type === "tree") sha = name;
  else {
    const commit = await git.resolveCommit(name);
    if (commit) sha = (await git.readCommit(commit)).tree;
  }
  if (!sha) throw notFound();
  const recursive =
    Boolean(query.get("recursive")) &&
    query.get("recursive") !== "0" &&
    query.get("recursive") !== "false";
  return { status: 200, body: gitTreeJson(ctx, repo, sha, await git.readTree(sha, recursive)) };
}

/** `2024-05-01T12:00:00+02:00` → git's seconds and offset; GitHub keeps the offset given. */
function parseDate(
  value: string | undefined,
  now: Date,
  field: string,
): Pick<GitIdent, "time" | "tz"> {
  if (value === undefined) return { time: Math.floor(now.getTime() / 1000), tz: "+0000" };
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw invalidRequest(`For 'properties/${field}', "${value}" is not a date-time.`);
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  const tz = offset ? `${offset[1]}${offset[2]}${offset[3]}` : "+0000";
  return { time: Math.floor(ms / 1000), tz };
}

function ident(
  input: JsonObject | undefined,
  fallback: User | GitIdent,
  now: Date,
  field: string,
): GitIdent {
  if (!input) {
    return "time" in fallback
      ? fallback
      : { name: fallback.name, email: fallback.email, ...parseDate(undefined, now, field) };
  }
  const name = requiredString(input, "name");
  const email = requiredString(input, "email");
  return { name, email, ...parseDate(optionalString(input, "date"), now, `${field}/date`) };
}

async function createCommit({ ctx, repo, body, principal }: RepoRouteRequest) {
  const input = objectBody(body);
  const message = requiredString(input, "message");
  const tree = requiredString(input, "tree");
  const parents = optionalStringArray(input, "parents") ?? [];
  const signature = optionalString(input, "signature");
  const git = repo.git;
  const types = await git.objectTypes([tree, ...parents]);
  if (types.get(tree) !== "tree") throw unprocessable("Tree SHA does not exist");
  if (parents.some((p) => !isFullSha(p) || types.get(p) !== "commit")) {
    throw unprocessable("Parent SHA does not exist or is not a commit object");
  }
  const user = actingUser(ctx, principal);
  const now = ctx.now();
  const author = ident(optionalObject(input, "author"), user, now, "author");
  const committer = ident(optionalObject(input, "committer"), author, now, "committer");
  const sha = await git.createCommit({ tree, parents, author, committer, message });
  // GitHub signs a Git Data API commit only for a GitHub App that leaves author and committer
  // to GitHub; a personal token's commits stay unsigned (createCommitOnBranch signs both).
  const signedByGitHub =
    principal.kind === "installation" && !signature && !input["author"] && !input["committer"];
  if (signedByGitHub) repo.apiCommits.add(sha);
  const commit = gitCommitJson(ctx, repo, await git.readCommit(sha));
  return { status: 201, body: commit, headers: { location: commit.url } };
}

async function getCommit({ ctx, repo, params }: RepoRouteRequest) {
  const sha = params["commit_sha"] ?? "";
  if ((await repo.git.objectType(sha)) !== "commit") throw notFound();
  return { status: 200, body: gitCommitJson(ctx, repo, await repo.git.readCommit(sha)) };
}

const DOCS = "git";

export const gitDataRoutes: Route[] = [
  repoRoute(
    "POST",
    "/repos/{owner}/{repo}/git/blobs",
    `${DOCS}/blobs#create-a-blob`,
    CONTENTS,
    "write",
    createBlob,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/git/blobs/{file_sha}",
    `${DOCS}/blobs#get-a-blob`,
    CONTENTS,
    "read",
    getBlob,
  ),
  repoRoute(
    "POST",
    "/repos/{owner}/{repo}/git/trees",
    `${DOCS}/trees#create-a-tree`,
    CONTENTS,
    "write",
    createTree,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/git/trees/{tree_sha+}",
    `${DOCS}/trees#get-a-tree`,
    CONTENTS,
    "read",
    getTree,
  ),
  repoRoute(
    "POST",
    "/repos/{owner}/{repo}/git/commits",
    `${DOCS}/commits#create-a-commit`,
    CONTENTS,
    "write",
    createCommit,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/git/commits/{commit_sha}",
    `${DOCS}/commits#get-a-commit-object`,
    CONTENTS,
    "read",
    getCommit,
  ),
];
