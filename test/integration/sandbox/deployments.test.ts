/**
 * Deployments and deployment statuses with GitHub's shapes and rules: refs resolved to
 * commits, filters, auto_merge of the default branch, auto_inactive, and deletion limits.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitFiles, gitLog, startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

let t: TestSandbox;
let bare: string;
const repo = { owner: "acme", repo: "app" };

beforeAll(async () => {
  t = await startTestSandbox({ repos: { "acme/app": { "README.md": "app\n" } } });
  bare = t.repoPaths["acme/app"]!;
});
afterAll(() => t.close());

describe("deployments", () => {
  it("creates a deployment at the commit its ref names, and finds it by filters", async () => {
    const octokit = t.octokit();
    const main = (await gitLog(bare, "main"))[0]!.sha;
    const created = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: "main",
      environment: "staging",
      payload: { version: "1.2.3" },
      description: "Deploy 1.2.3",
    });
    expect(created.status).toBe(201);
    const deployment = created.data as Exclude<typeof created.data, { message?: string }> & {
      id: number;
    };
    expect(deployment).toMatchObject({
      sha: main,
      ref: "main",
      task: "deploy",
      environment: "staging",
      original_environment: "staging",
      production_environment: false,
      transient_environment: false,
      payload: { version: "1.2.3" },
      creator: { login: "sandbox-user" },
    });
    await octokit.rest.repos.createDeployment({
      ...repo,
      ref: main,
      environment: "production",
      auto_merge: false,
    });

    const staging = await octokit.rest.repos.listDeployments({ ...repo, environment: "staging" });
    expect(staging.data.map((d) => d.id)).toEqual([deployment.id]);
    const bySha = await octokit.rest.repos.listDeployments({ ...repo, sha: main });
    expect(bySha.data.map((d) => d.environment)).toEqual(["production", "staging"]);
    expect(
      (await octokit.rest.repos.getDeployment({ ...repo, deployment_id: deployment.id })).data.id,
    ).toBe(deployment.id);
    await expect(
      octokit.rest.repos.getDeployment({ ...repo, deployment_id: 999_999 }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      octokit.rest.repos.createDeployment({ ...repo, ref: "no-such-ref" }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: "No ref found for: no-such-ref" } },
    });
    await expect(
      octokit.rest.repos.createDeployment({
        ...repo,
        ref: "main",
        required_contexts: ["ci/build"],
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("merges the default branch into a branch that is behind it and answers 202", async () => {
    const octokit = t.octokit();
    const main = (await gitLog(bare, "main"))[0]!.sha;
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/topic", sha: main });
    const ahead = await commitFiles(octokit, repo, main, { "new.txt": "n\n" }, "Ahead");
    await octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: ahead });

    const answer = await octokit.rest.repos.createDeployment({ ...repo, ref: "topic" });
    expect(answer.status).toBe(202);
    expect(answer.data).toEqual({ message: "Auto-merged main into topic on deployment." });
    const [merge] = await gitLog(bare, "topic");
    expect(merge!.parents).toEqual([main, ahead]);
    const second = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: "topic",
      environment: "review",
    });
    expect(second.status).toBe(201);
  });
});

describe("deployment statuses", () => {
  it("records statuses newest first and retires the previous deployment on success", async () => {
    const octokit = t.octokit();
    const make = async () =>
      (
        await octokit.rest.repos.createDeployment({
          ...repo,
          ref: "main",
          environment: "qa",
          auto_merge: false,
        })
      ).data as { id: number };
    const first = await make();
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: first.id,
      state: "success",
      environment_url: "https://qa.example.com",
    });
    const second = await make();
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: second.id,
      state: "in_progress",
    });
    const done = await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: second.id,
      state: "success",
      log_url: "https://ci.example.com/run/1",
      description: "Healthy",
    });
    expect(done.status).toBe(201);
    expect(done.data).toMatchObject({
      state: "success",
      log_url: "https://ci.example.com/run/1",
      target_url: "https://ci.example.com/run/1",
      environment: "qa",
    });

    const secondStatuses = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: second.id,
    });
    expect(secondStatuses.data.map((s) => s.state)).toEqual(["success", "in_progress"]);
    const firstStatuses = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: first.id,
    });
    expect(firstStatuses.data.map((s) => s.state)).toEqual(["inactive", "success"]);
    const one = await octokit.rest.repos.getDeploymentStatus({
      ...repo,
      deployment_id: second.id,
      status_id: Number(done.data.id),
    });
    expect(one.data.description).toBe("Healthy");
    await expect(
      octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: second.id,
        state: "bogus" as "success",
      }),
    ).rejects.toMatchObject({ status: 422 });

    // Only an inactive deployment may go while others share its environment.
    await expect(
      octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: second.id }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message:
            "We cannot delete an active deployment unless it is the only deployment in a given environment.",
        },
      },
    });
    expect(
      (await octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: first.id })).status,
    ).toBe(204);
    expect(
      (await octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: second.id })).status,
    ).toBe(204);
  });
});
