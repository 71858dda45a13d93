/**
 * Global node ids, as REST bodies (`node_id`) and GraphQL (`id`) both show them. Each id names
 * its repository, so `node(id:)` and mutations that take an id can find the object again.
 */
import { parsePullNodeId } from "../json/issues.js";
export { commitNodeId, refNodeId } from "../json/git.js";
import type { SandboxContext } from "../context.js";
import type { RepoState } from "../state.js";

export function treeNodeId(repo: RepoState, sha: string): string {
  return Buffer.from(`04:Tree${repo.id}:${sha}`).toString("base64");
}

export type DecodedNode =
  | { type: "PullRequest"; repo: RepoState; number: number }
  | { type: "Repository"; repo: RepoState }
  | { type: "Ref"; repo: RepoState; name: string }
  | { type: "Commit"; repo: RepoState; sha: string };

function repoById(ctx: SandboxContext, id: number): RepoState | undefined {
  return [...ctx.repos.values()].find((r) => r.id === id);
}

export function decodeNodeId(ctx: SandboxContext, id: string): DecodedNode | undefined {
  const pull = parsePullNodeId(id);
  if (pull) {
    const repo = repoById(ctx, pull.repoId);
    return repo ? { type: "PullRequest", repo, number: pull.number } : undefined;
  }
  const text = Buffer.from(id, "base64").toString("utf8");
  const match = /^0\d+:(Repository|Ref|Commit)(\d+)(?::(.+))?$/s.exec(text);
  if (!match) return undefined;
  const repo = repoById(ctx, Number(match[2]));
  if (!repo) return undefined;
  const rest = match[3];
  if (match[1] === "Repository")
    return rest === undefined ? { type: "Repository", repo } : undefined;
  if (rest === undefined) return undefined;
  return match[1] === "Ref"
    ? { type: "Ref", repo, name: rest }
    : { type: "Commit", repo, sha: rest };
}
