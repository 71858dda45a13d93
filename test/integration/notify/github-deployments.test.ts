/**
 * notify's GitHub deployment statuses, against the local GitHub sandbox: a deploy that
 * reports started and then success is one deployment with two statuses; a rollback is a
 * deployment of its own; a refused token is a failed target, not a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { notifyAction } from "../../../src/notify/definition.js";
import { DEFAULT_TOKEN } from "../../../src/sandbox/index.js";
import { tempDir, testContext } from "../../helpers/run-context.js";
import type { TestSandbox } from "../../helpers/sandbox.js";
import { createBareRepo, startTestSandbox } from "../../helpers/sandbox.js";
import { FastForwardClock } from "./receivers.js";

let github: TestSandbox;
let commit: string;

beforeAll(async () => {
  const repoPath = `${tempDir("greenlight-notify-gh-")}/shop.git`;
  commit = await createBareRepo(repoPath, { "README.md": "# shop\n" });
  github = await startTestSandbox({ repos: { "acme/shop": repoPath } });
});

afterAll(async () => {
  await github?.close();
});

async function run(inputs: Record<string, string>) {
  const { context } = testContext(tempDir());
  context.clock = new FastForwardClock();
  const result = await toRunnable(notifyAction).execute(
    {
      environment: "staging",
      services: "api",
      version: "1.4.2",
      repository: "acme/shop",
      commit,
      "run-url": "https://github.com/acme/shop/actions/runs/7",
      "github-deployments": "true",
      token: DEFAULT_TOKEN,
      "github-api-url": github.sandbox.url,
      ...inputs,
    },
    context,
  );
  return {
    result,
    report: JSON.parse(result.outputs["report"]!) as { targets: Record<string, unknown>[] },
  };
}

async function deployments(task: string) {
  const octokit = github.octokit();
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/deployments", {
    owner: "acme",
    repo: "shop",
    task,
  });
  return Promise.all(
    data.map(async (d) => {
      const statuses = await octokit.request(
        "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
        {
          owner: "acme",
          repo: "shop",
          deployment_id: Number(d.id),
        },
      );
      return {
        sha: d.sha,
        environment: d.environment,
        states: statuses.data.map((s) => s.state),
        logUrl: statuses.data[0]?.log_url,
      };
    }),
  );
}

describe("GitHub deployment statuses", () => {
  it("records started then success on one deployment", async () => {
    const started = await run({ status: "started" });
    expect(started.report.targets).toEqual([
      { target: "github", result: "delivered", attempts: 1, waitsMs: [] },
    ]);
    await run({ status: "success" });
    expect(await deployments("deploy")).toEqual([
      {
        sha: commit,
        environment: "staging",
        states: ["success", "in_progress"],
        logUrl: "https://github.com/acme/shop/actions/runs/7",
      },
    ]);
  });

  it("records a rollback as a deployment of its own", async () => {
    await run({ status: "success", kind: "rollback" });
    expect(await deployments("deploy:rollback")).toEqual([
      expect.objectContaining({ sha: commit, environment: "staging", states: ["success"] }),
    ]);
  });

  it("reports a refused token as a failed target, without the token", async () => {
    const { result, report } = await run({ status: "failure", token: "not-a-sandbox-token-123" });
    expect(JSON.parse(result.outputs["failed"]!)).toEqual(["github"]);
    expect(String(report.targets[0]!["reason"])).toMatch(/Bad credentials/);
    expect(JSON.stringify(result)).not.toContain("not-a-sandbox-token-123");
  });

  it("needs the repository and the commit", async () => {
    await expect(run({ status: "success", repository: "", commit: "" })).rejects.toThrow(
      'Input "github-deployments" needs the repository and the commit; run in GitHub Actions (which sets GITHUB_REPOSITORY and GITHUB_SHA) or give repository and commit.',
    );
  });
});
