/**
 * References, with GitHub's compare-and-swap rules: a create fails when the ref exists, an
 * update without `force` must be a fast-forward, and each write runs under the repository
 * lock and moves the ref with `git update-ref <new> <old>` so no update is ever lost.
 */
import { settleAutoMerges } from "../auto-merge.js";
import { GitHubError, unprocessable } from "../errors.js";
import { ZERO_SHA } from "../git-store.js";
import { gitRefJson } from "../json/git.js";
import { checkDirectWrite, PROTECTED_BRANCHES_DOCS } from "../merge-state.js";
import { repoRoute, type RepoRouteRequest, type Route } from "../router.js";
import type { RepoState } from "../state.js";
import { isoTime } from "../state.js";
import { isFullSha, objectBody, optionalBoolean, requiredString } from "../validate.js";

const CONTENTS: ["contents"] = ["contents"];

function fullRefName(ref: string): string {
  return ref.startsWith("refs/") ? ref : `refs/${ref}`;
}

async function getRef({ ctx, repo, params }: RepoRouteRequest) {
  const ref = await repo.git.readRef(fullRefName(params["ref"] ?? ""));
  if (!ref) throw new GitHubError(404, "Not Found");
  return { status: 200, body: gitRefJson(ctx, repo, ref) };
}

async function matchingRefs({ ctx, repo, params }: RepoRouteRequest) {
  const prefix = fullRefName(params["ref"] ?? "");
  const refs = (await repo.git.listRefs()).filter((r) => r.name.startsWith(prefix));
  refs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { status: 200, body: refs.map((r) => gitRefJson(ctx, repo, r)) };
}

async function requireObject(repo: RepoState, sha: string): Promise<void> {
  if (!isFullSha(sha) || !(await repo.git.objectType(sha)))
    throw unprocessable("Object does not exist");
}

async function createRef({ ctx, repo, body }: RepoRouteRequest) {
  const input = objectBody(body);
  const name = requiredString(input, "ref");
  const sha = requiredString(input, "sha");
  if (!/^refs\/[^/]+\/.+/.test(name)) {
    throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
  }
  if (!(await repo.git.isValidRefName(name)))
    throw unprocessable(`${name} is not a valid ref name.`);
  return repo.lock.run(async () => {
    await requireObject(repo, sha);
    if (!(await repo.git.compareAndSwapRef(name, sha, ZERO_SHA))) {
      throw unprocessable("Reference already exists");
    }
    const ref = gitRefJson(ctx, repo, (await repo.git.readRef(name))!);
    await settleAutoMerges(ctx, repo);
    return { status: 201, body: ref, headers: { location: ref.url } };
  });
}

async function updateRef({ ctx, repo, params, body, principal }: RepoRouteRequest) {
  const input = objectBody(body);
  const sha = requiredString(input, "sha");
  const force = optionalBoolean(input, "force") ?? false;
  const name = fullRefName(params["ref"] ?? "");
  return repo.lock.run(async () => {
    const current = await repo.git.readRef(name);
    if (!current) throw unprocessable("Reference does not exist");
    await requireObject(repo, sha);
    if (name.startsWith("refs/heads/")) {
      const refused = checkDirectWrite(repo, name.slice("refs/heads/".length), sha, principal);
      if (refused) {
        throw new GitHubError(422, refused, { documentationUrl: PROTECTED_BRANCHES_DOCS });
      }
    }
    if (!force && current.sha !== sha) {
      const isCommit = (await repo.git.objectType(sha)) === "commit";
      if (!isCommit || !(await repo.git.isAncestor(current.sha, sha))) {
        throw unprocessable("Update is not a fast forward");
      }
    }
    if (!(await repo.git.compareAndSwapRef(name, sha, current.sha))) {
      // Someone outside the sandbox moved the ref between our read and write.
      throw unprocessable("Update is not a fast forward");
    }
    // The answer names the commit written, even if an auto-merge moves the branch next.
    const ref = gitRefJson(ctx, repo, (await repo.git.readRef(name))!);
    await settleAutoMerges(ctx, repo);
    return { status: 200, body: ref };
  });
}

/** GitHub closes the open pull requests whose head branch is deleted. */
function closePullsFrom(repo: RepoState, branch: string, lastSha: string, now: Date): void {
  for (const issue of repo.pulls()) {
    if (issue.state === "open" && issue.pull.head === branch) {
      issue.pull.headSha = lastSha;
      issue.state = "closed";
      issue.closedAt = isoTime(now);
      issue.updatedAt = issue.closedAt;
    }
  }
}

async function deleteRef({ ctx, repo, params }: RepoRouteRequest) {
  const name = fullRefName(params["ref"] ?? "");
  return repo.lock.run(async () => {
    const current = await repo.git.readRef(name);
    if (!current || !(await repo.git.deleteRef(name, current.sha))) {
      throw unprocessable("Reference does not exist");
    }
    if (name.startsWith("refs/heads/")) {
      closePullsFrom(repo, name.slice("refs/heads/".length), current.sha, ctx.now());
    }
    return { status: 204 };
  });
}

const DOCS = "git/refs";

export const refRoutes: Route[] = [
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/git/ref/{ref+}",
    `${DOCS}#get-a-reference`,
    CONTENTS,
    "read",
    getRef,
  ),
  repoRoute(
    "GET",
    "/repos/{owner}/{repo}/git/matching-refs/{ref+}",
    `${DOCS}#list-matching-references`,
    CONTENTS,
    "read",
    matchingRefs,
  ),
  repoRoute(
    "POST",
    "/repos/{owner}/{repo}/git/refs",
    `${DOCS}#create-a-reference`,
    CONTENTS,
    "write",
    createRef,
  ),
  repoRoute(
    "PATCH",
    "/repos/{owner}/{repo}/git/refs/{ref+}",
    `${DOCS}#update-a-reference`,
    CONTENTS,
    "write",
    updateRef,
  ),
  repoRoute(
    "DELETE",
    "/repos/{owner}/{repo}/git/refs/{ref+}",
    `${DOCS}#delete-a-reference`,
    CONTENTS,
    "write",
    deleteRef,
  ),
];
