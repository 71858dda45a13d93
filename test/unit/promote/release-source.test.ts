import { describe, expect, it } from "vitest";
import type { InfraRepo } from "../../../src/release/infra-repo.js";
import { GitHubReleaseSource } from "../../../src/release/github-release-source.js";

const commit = (oid: string, date: string, parents: string[]) => ({
  oid,
  committedDate: date,
  parents: { nodes: parents.map((p) => ({ oid: p })) },
});

describe("GitHubReleaseSource", () => {
  it("dates a change merged with a merge commit by the merge, not by the branch's commit", async () => {
    let asked: { query: string; variables?: Record<string, unknown> } | undefined;
    const graphql = <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
      asked = { query, ...(variables ? { variables } : {}) };
      return Promise.resolve({
        repository: {
          ref: {
            target: {
              oid: "m2",
              changes: {
                nodes: [
                  commit("b1", "2026-01-01T10:00:00Z", ["m1"]),
                  commit("m0", "2026-01-01T08:00:00Z", []),
                ],
              },
              recent: {
                nodes: [
                  commit("m2", "2026-01-01T12:00:00Z", ["m1", "b1"]),
                  commit("m1", "2026-01-01T09:00:00Z", ["m0"]),
                  commit("m0", "2026-01-01T08:00:00Z", []),
                ],
              },
            },
          },
          pr0: { nodes: [{ id: "PR_1", number: 4, url: "https://github.test/acme/infra/pull/4" }] },
          pr1: { nodes: [] },
        },
      } as T);
    };
    const repo = {
      fullName: "acme/infra",
      ref: { owner: "acme", repo: "infra" },
    } as unknown as InfraRepo;
    const overview = await new GitHubReleaseSource(graphql, repo).overview({
      base: "main",
      path: "release.auto.tfvars.json",
      branches: ["greenlight/production/promote", "greenlight/production/rollback"],
      depth: 20,
    });
    expect(overview!.history).toEqual([
      { oid: "b1", landedAt: new Date("2026-01-01T12:00:00Z") },
      { oid: "m0", landedAt: new Date("2026-01-01T08:00:00Z") },
    ]);
    expect(overview!.openPullRequests).toEqual([
      {
        branch: "greenlight/production/promote",
        number: 4,
        url: "https://github.test/acme/infra/pull/4",
        nodeId: "PR_1",
      },
    ]);
    expect(asked!.variables).toMatchObject({
      qualified: "refs/heads/main",
      branch0: "greenlight/production/promote",
    });
  });
});
