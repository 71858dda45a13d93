/**
 * open-pr's InfraRepo against the sandbox: each call it makes is answered so that its reading
 * of the answer holds — a missing branch or file is undefined, a lost compare-and-swap is
 * "stale", a create that lost a race is "exists".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InfraRepo } from "../../../src/release/infra-repo.js";
import { gitLog, gitShow, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let t: TestSandbox;
let bare: string;
let infra: InfraRepo;

beforeAll(async () => {
  t = await startTestSandbox({ repos: { "acme/infra": { "envs/prod.json": '{"image":"v1"}\n' } } });
  bare = t.repoPaths["acme/infra"]!;
  infra = new InfraRepo(t.octokit(), { owner: "acme", repo: "infra" });
});
afterAll(() => t.close());

describe("InfraRepo on the sandbox", () => {
  it("reads branch heads and files, with undefined for what does not exist", async () => {
    const main = await infra.branchHead("main");
    expect(main).toBe((await gitLog(bare, "main"))[0]!.sha);
    expect(await infra.branchHead("no/such/branch")).toBeUndefined();
    expect(await infra.fileAt("envs/prod.json", main!)).toBe('{"image":"v1"}\n');
    expect(await infra.fileAt("envs/missing.json", main!)).toBeUndefined();
  });

  it("creates a branch once and reports exists for the second create", async () => {
    const main = (await infra.branchHead("main"))!;
    expect(await infra.createBranch("greenlight/prod/a", main)).toBe("created");
    expect(await infra.createBranch("greenlight/prod/a", main)).toBe("exists");
  });

  it("commits with createCommitOnBranch, and reports stale for an old head", async () => {
    const head = (await infra.branchHead("greenlight/prod/a"))!;
    const change = { path: "envs/prod.json", content: '{"image":"v2"}\n' };
    const made = await infra.commit({
      branch: "greenlight/prod/a",
      expectedHead: head,
      headline: "Deploy v2",
      body: "Body",
      additions: [change],
    });
    expect(made).toEqual({ oid: (await gitLog(bare, "greenlight/prod/a"))[0]!.sha });
    expect(
      await infra.commit({
        branch: "greenlight/prod/a",
        expectedHead: head,
        headline: "Again",
        body: "",
        additions: [change],
      }),
    ).toBe("stale");
    expect(await gitShow(bare, "greenlight/prod/a:envs/prod.json")).toBe('{"image":"v2"}\n');
  });

  it("restarts a branch from the base with a two-parent commit that only moves forward", async () => {
    const head = (await infra.branchHead("greenlight/prod/a"))!;
    const main = (await infra.branchHead("main"))!;
    const args = {
      branch: "greenlight/prod/a",
      mergeParent: main,
      message: "Restart",
      additions: [{ path: "envs/prod.json", content: '{"image":"v3"}\n' }],
    };
    const made = await infra.commitOnto({ ...args, expectedHead: head });
    expect(made).not.toBe("stale");
    const [top] = await gitLog(bare, "greenlight/prod/a");
    expect(top!.parents).toEqual([head, main]);
    // A commit from the old head (another message, so not the very same object) must not land.
    expect(await infra.commitOnto({ ...args, message: "Late", expectedHead: head })).toBe("stale");
  });

  it("opens one pull request, reports exists for a duplicate, finds and updates it", async () => {
    const options = {
      branch: "greenlight/prod/a",
      base: "main",
      title: "Deploy",
      body: "Body",
      draft: false,
    };
    const pr = await infra.createPullRequest(options);
    if (pr === "exists") throw new Error("expected a new pull request");
    expect(pr).toMatchObject({ state: "open", merged: false, title: "Deploy" });
    expect(await infra.createPullRequest(options)).toBe("exists");
    const found = await infra.pullRequestsFor("greenlight/prod/a", "main");
    expect(found.map((p) => p.number)).toEqual([pr.number]);
    await infra.updatePullRequest(pr.number, { title: "Deploy v3", body: "New body" });
    await infra.addLabels(pr.number, ["deploy"]);
    await infra.addAssignees(pr.number, ["bob"]);
    await infra.requestReviewers(pr.number, ["alice"], ["ops"]);
    expect(await infra.pullRequest(pr.number)).toMatchObject({
      title: "Deploy v3",
      body: "New body",
      headSha: (await infra.branchHead("greenlight/prod/a"))!,
    });
  });
});
