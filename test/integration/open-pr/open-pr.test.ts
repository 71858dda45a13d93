/**
 * open-pr against the local GitHub sandbox: every outcome (created, updated, unchanged,
 * adopted, pushed, merged) checked in the sandbox's real git repository.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import type { Harness } from "../../helpers/open-pr-harness.js";
import { TFVARS, startHarness } from "../../helpers/open-pr-harness.js";

const IMAGE = (svc: string, v: string) => `registry.example.com/${svc}:${v}`;

function outputs(outcome: {
  result?: { outputs: Record<string, string | undefined> };
  error?: unknown;
}) {
  if (outcome.error) throw outcome.error;
  return outcome.result!.outputs;
}

describe("open-pr", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("opens a pull request with one commit that changes only the image, in at most 6 API calls", async () => {
    const before = h.sandbox.requests.length;
    const out = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    expect(out["operation"]).toBe("created");
    expect(out["branch"]).toBe("greenlight/production/deploy-svc0");
    expect(h.sandbox.requests.length - before).toBeLessThanOrEqual(6);

    const base = h.fileOn("main");
    const head = h.fileOn(out["branch"]!);
    expect(head).toBe(
      base.replace(
        `"svc0_green_image": "${IMAGE("svc0", "1.0.0")}"`,
        `"svc0_green_image": "${IMAGE("svc0", "2.0.0")}"`,
      ),
    );
    expect(h.git("rev-list", "--count", `main..${out["branch"]}`)).toBe("1");
    expect(h.git("rev-parse", out["branch"]!)).toBe(out["head-sha"]);
    expect(out["pull-request-url"]).toMatch(/\/acme\/infra\/pull\/\d+$/);
    expect(JSON.parse(out["changes"]!)).toEqual([
      {
        file: TFVARS,
        path: "$.svc0_green_image",
        old: IMAGE("svc0", "1.0.0"),
        new: IMAGE("svc0", "2.0.0"),
      },
    ]);
  });

  it("reports unchanged, with no new commit, when the same change runs again", async () => {
    const first = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    const commits = h.git("rev-list", "--all", "--count");
    const second = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    expect(second["operation"]).toBe("unchanged");
    expect(second["pull-request-number"]).toBe(first["pull-request-number"]);
    expect(h.git("rev-list", "--all", "--count")).toBe(commits);
  });

  it("updates the open pull request for a newer change of the same identity, refreshing its title and body", async () => {
    const first = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    const second = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "3.0.0")}` }));
    expect(second["operation"]).toBe("updated");
    expect(second["pull-request-number"]).toBe(first["pull-request-number"]);
    expect(h.fileOn(second["branch"]!)).toContain(IMAGE("svc0", "3.0.0"));
    expect(JSON.parse(second["changes"]!)).toEqual([
      {
        file: TFVARS,
        path: "$.svc0_green_image",
        old: IMAGE("svc0", "1.0.0"),
        new: IMAGE("svc0", "3.0.0"),
      },
    ]);
    const pr = (await (
      await fetch(`${h.sandbox.url}/repos/acme/infra/pulls/${second["pull-request-number"]}`, {
        headers: { authorization: "token sandbox-token" },
      })
    ).json()) as { body: string };
    expect(pr.body).toContain(
      `| svc0 | green-image | \`${IMAGE("svc0", "1.0.0")}\` | \`${IMAGE("svc0", "3.0.0")}\` |`,
    );
    expect(pr.body).not.toContain(IMAGE("svc0", "2.0.0"));
  });

  it("adopts a merged pull request that already holds the change", async () => {
    const first = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    const merge = await fetch(
      `${h.sandbox.url}/repos/acme/infra/pulls/${first["pull-request-number"]}/merge`,
      {
        method: "PUT",
        headers: { authorization: "token sandbox-token", "content-type": "application/json" },
        body: JSON.stringify({ merge_method: "merge" }),
      },
    );
    expect(merge.status).toBe(200);
    const again = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    expect(again["operation"]).toBe("adopted");
    expect(again["pull-request-number"]).toBe(first["pull-request-number"]);
    expect(again["merge-sha"]).toBe(h.git("rev-parse", "main"));
  });

  it("replaces a closed, unmerged pull request without force-pushing its branch", async () => {
    const first = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    const close = await fetch(
      `${h.sandbox.url}/repos/acme/infra/pulls/${first["pull-request-number"]}`,
      {
        method: "PATCH",
        headers: { authorization: "token sandbox-token", "content-type": "application/json" },
        body: JSON.stringify({ state: "closed" }),
      },
    );
    expect(close.status).toBe(200);
    const oldHead = first["head-sha"]!;
    const second = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.1")}` }));
    expect(second["operation"]).toBe("created");
    expect(second["pull-request-number"]).not.toBe(first["pull-request-number"]);
    // The branch moved forward: the closed PR's head is still in its history.
    expect(() => h.git("merge-base", "--is-ancestor", oldHead, second["branch"]!)).not.toThrow();
    expect(JSON.parse(h.fileOn(second["branch"]!))["svc0_green_image"]).toBe(
      IMAGE("svc0", "2.0.1"),
    );
  });

  it("commits directly to the base in direct mode", async () => {
    const before = h.git("rev-parse", "main");
    const out = outputs(await h.run({ weights: "svc1=10", merge: "direct" }));
    expect(out["operation"]).toBe("pushed");
    expect(out["pull-request-number"]).toBe("");
    expect(h.git("rev-parse", "main^")).toBe(before);
    const data = JSON.parse(h.fileOn("main"));
    expect([data["svc1_blue_weight"], data["svc1_green_weight"]]).toEqual([90, 10]);
  });

  it("enables auto-merge and waits for the merge commit", async () => {
    const out = outputs(
      await h.run({
        images: `svc2=${IMAGE("svc2", "2.0.0")}`,
        merge: "auto-merge",
        "wait-for-merge": "true",
        "wait-timeout": "1m",
      }),
    );
    expect(out["operation"]).toBe("merged");
    expect(out["merge-sha"]).toBe(h.git("rev-parse", "main"));
    expect(JSON.parse(h.fileOn("main"))["svc2_green_image"]).toBe(IMAGE("svc2", "2.0.0"));
  });

  it("sets labels, assignees and reviewers on a new pull request", async () => {
    const out = outputs(
      await h.run({
        images: `svc0=${IMAGE("svc0", "2.0.0")}`,
        labels: "deploy, production",
        reviewers: "alice",
        assignees: "bob",
      }),
    );
    const pr = (await (
      await fetch(`${h.sandbox.url}/repos/acme/infra/pulls/${out["pull-request-number"]}`, {
        headers: { authorization: "token sandbox-token" },
      })
    ).json()) as {
      labels: { name: string }[];
      assignees: { login: string }[];
      requested_reviewers: { login: string }[];
      title: string;
      body: string;
    };
    expect(pr.labels.map((l) => l.name).sort()).toEqual(["deploy", "production"]);
    expect(pr.assignees.map((a) => a.login)).toEqual(["bob"]);
    expect(pr.requested_reviewers.map((r) => r.login)).toEqual(["alice"]);
    expect(pr.title).toBe("Deploy svc0 to production");
    expect(pr.body).toContain(
      `| svc0 | green-image | \`${IMAGE("svc0", "1.0.0")}\` | \`${IMAGE("svc0", "2.0.0")}\` |`,
    );
  });

  it("refuses a change outside the allowed paths before any API call", async () => {
    const before = h.sandbox.requests.length;
    const outcome = await h.run({
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      "allowed-paths": "envs/qa/**",
    });
    expect(outcome.error).toBeInstanceOf(ConfigurationError);
    expect((outcome.error as Error).message).toContain("outside the paths this change may touch");
    expect(h.sandbox.requests.length).toBe(before);
  });

  it("names a missing tfvars file in the infra repository", async () => {
    const outcome = await h.run({
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      file: "envs/nope.json",
      "allowed-paths": "envs/**",
    });
    expect(outcome.error).toBeInstanceOf(ConfigurationError);
    expect((outcome.error as Error).message).toContain(
      'File "envs/nope.json" does not exist in acme/infra',
    );
  });
});
