/**
 * open-pr's promises beyond the happy path, against the local GitHub sandbox: cost that
 * does not grow with the repository, GitHub App tokens that never leak and are revoked,
 * idempotent direct commits, uploads, waiting, and GitHub's transient answers.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigurationError, OperationFailedError } from "../../../src/core/errors.js";
import { renderMarkdown } from "../../../src/core/summary.js";
import type { Harness, RunOutcome } from "../../helpers/open-pr-harness.js";
import { createLargeBareRepo, startHarness, TFVARS } from "../../helpers/open-pr-harness.js";

const IMAGE = (svc: string, v: string) => `registry.example.com/${svc}:${v}`;

function outputs(outcome: RunOutcome) {
  if (outcome.error) throw outcome.error;
  return outcome.result!.outputs;
}

async function api(h: Harness, path: string, init: RequestInit = {}) {
  return fetch(`${h.sandbox.url}${path}`, {
    ...init,
    headers: { authorization: "token sandbox-token", "content-type": "application/json" },
  });
}

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe("cost", () => {
  it("makes the same number of API calls for a repository of 5 files and one of 5,000", async () => {
    h = await startHarness();
    h.sandbox.addRepo("acme/large", createLargeBareRepo(5_000));
    const calls = async (repository: string) => {
      const before = h.sandbox.requests.length;
      const out = outputs(await h.run({ repository, images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
      expect(out["operation"]).toBe("created");
      return h.sandbox.requests.slice(before).map((r) => r.route);
    };
    const small = await calls("acme/infra");
    const large = await calls("acme/large");
    expect(large).toEqual(small);
    expect(small.length).toBeLessThanOrEqual(6);
    // Nothing lists or downloads a tree: each call reads or writes one thing.
    expect(large.some((route) => route.includes("/git/trees"))).toBe(false);
  });
});

describe("GitHub App authentication", () => {
  it("never shows the installation token, and the post step revokes it", async () => {
    const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
    h = await startHarness({
      sandbox: {
        apps: [
          {
            id: 31337,
            clientId: "Iv1.greenlight",
            publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
            installations: [{ id: 9, account: "acme", repositories: ["acme/infra", "acme/other"] }],
          },
        ],
      },
    });
    const privateKey = keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    const outcome = await h.run({
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      token: "",
      "app-id": "31337",
      "private-key": privateKey,
    });
    const out = outputs(outcome);
    expect(out["operation"]).toBe("created");

    const token = outcome.state["installation-token"];
    expect(token).toBeTruthy();
    const visible = [
      outcome.logger.text(),
      JSON.stringify(out),
      renderMarkdown(outcome.result!.summary ?? []),
    ].join("\n");
    for (const form of [
      token!,
      Buffer.from(token!).toString("base64"),
      encodeURIComponent(token!),
    ]) {
      expect(visible).not.toContain(form);
    }
    expect(visible).not.toContain(privateKey.split("\n")[1]!);

    const pr = h.sandbox.requests.find((r) => r.route === "POST /repos/{owner}/{repo}/pulls");
    expect(pr?.tokenKind).toBe("installation");
    const revocations = h.sandbox.requests.filter((r) => r.route === "DELETE /installation/token");
    expect(revocations).toMatchObject([{ status: 204, tokenKind: "installation" }]);
    const after = await fetch(`${h.sandbox.url}/repos/acme/infra`, {
      headers: { authorization: `token ${token}` },
    });
    expect(after.status).toBe(401);
  });

  it("scopes the token to the infra repository with contents and pull-requests write only", async () => {
    const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
    h = await startHarness({
      sandbox: {
        apps: [
          {
            id: 7,
            clientId: "Iv1.scope",
            publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
            // The installation itself may do much more, on more repositories.
            installations: [{ id: 1, account: "acme", repositories: ["acme/infra", "acme/other"] }],
          },
        ],
        repos: { "acme/other": createLargeBareRepo(1) },
      },
    });
    const outcome = await h.run(
      {
        images: `svc0=${IMAGE("svc0", "2.0.0")}`,
        token: "",
        "app-id": "7",
        "private-key": keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      },
      { skipPost: true },
    );
    expect(outputs(outcome)["operation"]).toBe("created");
    const token = outcome.state["installation-token"]!;
    const as = (path: string, init: RequestInit = {}) =>
      fetch(`${h.sandbox.url}${path}`, {
        ...init,
        headers: { authorization: `token ${token}`, "content-type": "application/json" },
      });
    expect((await as("/repos/acme/infra")).status).toBe(200);
    expect((await as("/repos/acme/other")).status).toBe(404);
    const deployment = await as("/repos/acme/infra/deployments", {
      method: "POST",
      body: JSON.stringify({ ref: "main", required_contexts: [] }),
    });
    expect(deployment.status).toBe(403);

    await outcome.post();
    expect((await as("/repos/acme/infra")).status).toBe(401);
  });

  it("keeps the token alive when revoke-token is false", async () => {
    const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
    h = await startHarness({
      sandbox: {
        apps: [
          {
            id: 7,
            clientId: "Iv1.keep",
            publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
            installations: [{ id: 1, account: "acme", repositories: ["acme/infra"] }],
          },
        ],
      },
    });
    const outcome = await h.run({
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      token: "",
      "app-id": "7",
      "private-key": keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      "revoke-token": "false",
    });
    expect(outputs(outcome)["operation"]).toBe("created");
    expect(h.sandbox.requests.some((r) => r.route === "DELETE /installation/token")).toBe(false);
  });

  it("revokes the token in the post step even when the main step failed", async () => {
    const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
    h = await startHarness({
      sandbox: {
        apps: [
          {
            id: 8,
            clientId: "Iv1.fail",
            publicKeyPem: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
            installations: [{ id: 2, account: "acme", repositories: ["acme/infra"] }],
          },
        ],
      },
    });
    const outcome = await h.run({
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      base: "no-such-branch",
      token: "",
      "app-id": "8",
      "private-key": keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    });
    expect((outcome.error as Error).message).toContain('Branch "no-such-branch" does not exist');
    const revocations = h.sandbox.requests.filter((r) => r.route === "DELETE /installation/token");
    expect(revocations).toMatchObject([{ status: 204 }]);
  });
});

describe("direct commits", () => {
  it("reports unchanged and commits nothing when the base already holds the change", async () => {
    h = await startHarness();
    expect(
      outputs(await h.run({ images: `svc1=${IMAGE("svc1", "2.0.0")}`, merge: "direct" }))[
        "operation"
      ],
    ).toBe("pushed");
    const head = h.git("rev-parse", "main");
    const commits = h.git("rev-list", "--all", "--count");
    const again = outputs(
      await h.run({ images: `svc1=${IMAGE("svc1", "2.0.0")}`, merge: "direct" }),
    );
    expect(again["operation"]).toBe("unchanged");
    expect(again["head-sha"]).toBe(head);
    expect(h.git("rev-list", "--all", "--count")).toBe(commits);
    expect(h.sandbox.requests.some((r) => r.route === "POST /repos/{owner}/{repo}/pulls")).toBe(
      false,
    );
  });
});

describe("the update-tfvars engine", () => {
  it("edits an HCL .tfvars file with generic set, changing only the value's bytes", async () => {
    const hcl = [
      "# Release of the staging environment",
      'api_green_image = "registry.example.com/api:1.0.0" # set by CI',
      "api_replicas    = 2",
      "",
    ].join("\n");
    h = await startHarness({ files: { "envs/staging/release.auto.tfvars": hcl } });
    const out = outputs(
      await h.run({
        file: "envs/staging/release.auto.tfvars",
        environment: "staging",
        set: "$.api_replicas=3",
      }),
    );
    expect(out["operation"]).toBe("created");
    expect(out["branch"]).toMatch(/^greenlight\/staging\/edit-[0-9a-f]{10}$/);
    expect(h.fileOn(out["branch"]!, "envs/staging/release.auto.tfvars") + "\n").toBe(
      hcl.replace("api_replicas    = 2", "api_replicas    = 3"),
    );
    expect(JSON.parse(out["changes"]!)).toEqual([
      { file: "envs/staging/release.auto.tfvars", path: "$.api_replicas", old: 2, new: 3 },
    ]);
  });
});

describe("kinds of change", () => {
  it("names the branch and the title after a rollback, and merges it with the method asked for", async () => {
    h = await startHarness();
    outputs(await h.run({ weights: "svc0=50", merge: "direct" }));
    const out = outputs(
      await h.run({
        rollback: "svc0",
        merge: "auto-merge",
        "merge-method": "rebase",
        "wait-for-merge": "true",
      }),
    );
    expect(out["branch"]).toBe("greenlight/production/rollback-svc0");
    expect(out["operation"]).toBe("merged");
    const data = JSON.parse(h.fileOn("main")) as Record<string, unknown>;
    expect([data["svc0_blue_weight"], data["svc0_green_weight"]]).toEqual([100, 0]);
    // Rebased: the base gained the branch's commit, with no merge commit.
    expect(h.git("log", "-1", "--format=%s%n%P", "main").split("\n")).toEqual([
      "Roll back svc0 in production",
      expect.not.stringContaining(" "),
    ]);
    expect(out["merge-sha"]).toBe(h.git("rev-parse", "main"));
  });
});

describe("the config file", () => {
  it("takes repository, tfvars, merge policy, labels and the allow-list from the environment", async () => {
    h = await startHarness();
    mkdirSync(join(h.workspace, ".github"));
    writeFileSync(
      join(h.workspace, ".github/greenlight.yml"),
      [
        "version: 1",
        "environments:",
        "  production:",
        "    repository: acme/infra",
        "    base: main",
        `    tfvars: ${TFVARS}`,
        "    labels: [release]",
        "    allowed-paths: [envs/production/**]",
        "  qa:",
        "    repository: acme/infra",
        `    tfvars: ${TFVARS}`,
        "    merge: direct",
        "",
      ].join("\n"),
    );
    const pr = outputs(
      await h.run({ repository: "", file: "", images: `svc0=${IMAGE("svc0", "2.0.0")}` }),
    );
    expect(pr["operation"]).toBe("created");
    const labels = (await (
      await api(h, `/repos/acme/infra/issues/${pr["pull-request-number"]}/labels`)
    ).json()) as { name: string }[];
    expect(labels.map((l) => l.name)).toEqual(["release"]);

    const direct = outputs(
      await h.run({
        repository: "",
        file: "",
        environment: "qa",
        images: `svc1=${IMAGE("svc1", "2.0.0")}`,
      }),
    );
    expect(direct["operation"]).toBe("pushed");
    expect(h.git("rev-parse", "main")).toBe(direct["head-sha"]);

    const unknown = await h.run({
      repository: "",
      file: "",
      environment: "prod",
      images: "svc0=x",
    });
    expect(unknown.error).toBeInstanceOf(ConfigurationError);
    expect((unknown.error as Error).message).toContain('Input "environment" is "prod"');
  });
});

describe("pull request content", () => {
  it("follows title and body templates, and opens a draft with team reviewers", async () => {
    h = await startHarness();
    const out = outputs(
      await h.run(
        {
          images: `svc0=${IMAGE("svc0", "2.0.0")}`,
          title: "[{{environment}}] {{title}}",
          body: "Release of {{services}} from {{sha}}\n\n{{changes}}",
          draft: "true",
          "team-reviewers": "platform",
        },
        { env: { GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567" } },
      ),
    );
    const pr = (await (
      await api(h, `/repos/acme/infra/pulls/${out["pull-request-number"]}`)
    ).json()) as {
      title: string;
      body: string;
      draft: boolean;
      requested_teams: { slug: string }[];
    };
    expect(pr.title).toBe("[production] Deploy svc0 to production");
    expect(pr.body.split("\n")[0]).toBe(
      "Release of svc0 from 0123456789abcdef0123456789abcdef01234567",
    );
    expect(pr.body).toContain("| svc0 | green-image |");
    expect(pr.draft).toBe(true);
    expect(pr.requested_teams.map((t) => t.slug)).toEqual(["platform"]);
  });
});

describe("uploads and the allow-list", () => {
  it("writes a whole file from the workspace, inside the allowed paths", async () => {
    h = await startHarness();
    writeFileSync(join(h.workspace, "plan.json"), '{"approved": true}\n');
    const out = outputs(
      await h.run({
        file: "",
        upload: "plan.json=envs/production/plan.json",
        "allowed-paths": "envs/production/**",
      }),
    );
    expect(out["operation"]).toBe("created");
    expect(h.fileOn(out["branch"]!, "envs/production/plan.json")).toBe('{"approved": true}');
    expect(h.git("diff", "--name-only", `main...${out["branch"]}`)).toBe(
      "envs/production/plan.json",
    );
  });

  it("refuses an upload outside the allowed paths before any API call", async () => {
    h = await startHarness();
    writeFileSync(join(h.workspace, "main.tf"), "# replaced\n");
    const before = h.sandbox.requests.length;
    const outcome = await h.run({
      images: `svc0=${IMAGE("svc0", "2.0.0")}`,
      upload: "main.tf=main.tf",
      "allowed-paths": "envs/**",
    });
    expect(outcome.error).toBeInstanceOf(ConfigurationError);
    expect((outcome.error as Error).message).toContain('Path "main.tf" is outside the paths');
    expect(h.sandbox.requests.length).toBe(before);
  });

  it("asks for something to change", async () => {
    h = await startHarness();
    const outcome = await h.run({});
    expect(outcome.error).toBeInstanceOf(ConfigurationError);
    expect((outcome.error as Error).message).toMatch(/^Nothing to change/);
  });
});

describe("waiting for the merge", () => {
  it("fails, naming the pull request, when nobody merges it in time", async () => {
    h = await startHarness();
    // Time passes only through the action's own sleeps, so thirty seconds take a moment.
    let elapsed = 0;
    const clock = {
      now: () => new Date(Date.UTC(2026, 0, 1) + elapsed),
      sleep: async (ms: number) => {
        elapsed += ms;
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
    const outcome = await h.run(
      { images: `svc0=${IMAGE("svc0", "2.0.0")}`, "wait-for-merge": "true", "wait-timeout": "30s" },
      { clock },
    );
    expect(outcome.error).toBeInstanceOf(OperationFailedError);
    expect((outcome.error as Error).message).toMatch(
      /^Pull request #\d+ was not merged within 30 s: .*\/acme\/infra\/pull\/\d+$/,
    );
    const pulls = (await (await api(h, "/repos/acme/infra/pulls?state=open")).json()) as unknown[];
    expect(pulls).toHaveLength(1);
    const polls = h.sandbox.requests.filter(
      (r) => r.route === "GET /repos/{owner}/{repo}/pulls/{pull_number}",
    );
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(polls.length).toBeLessThanOrEqual(4);
  });
});

describe("GitHub's uncertain answers", () => {
  it("finds the pull request whose creation answered 502 instead of opening a second one", async () => {
    h = await startHarness();
    h.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/pulls",
      kind: "write-then-502",
      times: 1,
    });
    const out = outputs(
      await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, labels: "deploy" }),
    );
    expect(out["operation"]).toBe("created");
    const pulls = (await (await api(h, "/repos/acme/infra/pulls?state=all")).json()) as {
      number: number;
      labels: { name: string }[];
    }[];
    expect(pulls).toHaveLength(1);
    expect(String(pulls[0]!.number)).toBe(out["pull-request-number"]);
    // A PR found after a lost answer is still ours to decorate.
    expect(pulls[0]!.labels.map((l) => l.name)).toEqual(["deploy"]);
  });

  it("reports a commit whose answer was lost as an update, and commits it only once", async () => {
    h = await startHarness();
    const first = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    h.sandbox.faults.add({ route: "POST /graphql", kind: "write-then-502", times: 1 });
    const second = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "3.0.0")}` }));
    expect(h.sandbox.requests.some((r) => r.faulted === "write-then-502")).toBe(true);
    expect(second["operation"]).toBe("updated");
    expect(second["pull-request-number"]).toBe(first["pull-request-number"]);
    expect(h.git("rev-list", "--count", `main..${second["branch"]}`)).toBe("2");
    expect(h.git("rev-parse", second["branch"]!)).toBe(second["head-sha"]);
    expect(JSON.parse(h.fileOn(second["branch"]!))["svc0_green_image"]).toBe(
      IMAGE("svc0", "3.0.0"),
    );
  });

  it("opens the missing pull request for a branch an interrupted run left, without a second commit", async () => {
    h = await startHarness();
    h.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/pulls",
      kind: "status",
      status: 422,
      message: "Validation Failed",
      times: 1,
    });
    const interrupted = await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` });
    expect(interrupted.error).toBeDefined();
    const branch = "greenlight/production/deploy-svc0";
    const left = h.git("rev-parse", branch);
    const out = outputs(await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}` }));
    expect(out["operation"]).toBe("created");
    expect(out["head-sha"]).toBe(left);
    expect(h.git("rev-list", "--count", `main..${branch}`)).toBe("1");
    expect(JSON.parse(out["changes"]!)).toEqual([
      {
        file: TFVARS,
        path: "$.svc0_green_image",
        old: IMAGE("svc0", "1.0.0"),
        new: IMAGE("svc0", "2.0.0"),
      },
    ]);
  });

  it("retries labels and reviewers through GitHub's transient 'Could not resolve to a node'", async () => {
    h = await startHarness();
    const message = "Could not resolve to a node with the global id of 'PR_kwDOA'";
    h.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
      kind: "status",
      status: 422,
      message,
      times: 1,
    });
    h.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
      kind: "status",
      status: 422,
      message,
      times: 1,
    });
    const out = outputs(
      await h.run({
        images: `svc0=${IMAGE("svc0", "2.0.0")}`,
        labels: "deploy",
        reviewers: "alice",
      }),
    );
    const pr = (await (
      await api(h, `/repos/acme/infra/pulls/${out["pull-request-number"]}`)
    ).json()) as {
      labels: { name: string }[];
      requested_reviewers: { login: string }[];
    };
    expect(pr.labels.map((l) => l.name)).toEqual(["deploy"]);
    expect(pr.requested_reviewers.map((r) => r.login)).toEqual(["alice"]);
    expect(h.sandbox.requests.filter((r) => r.faulted === "status")).toHaveLength(2);
  });

  it("gives up after max-attempts with a sentence that says what to do", async () => {
    h = await startHarness();
    h.sandbox.faults.add({ route: "POST /graphql", kind: "status", status: 502 });
    const outcome = await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, "max-attempts": "3" });
    expect(outcome.error).toBeInstanceOf(OperationFailedError);
    expect((outcome.error as Error).message).toBe(
      'Gave up after 3 attempts to update branch greenlight/production/deploy-svc0: GitHub answered 502 (Server Error). GitHub kept failing; run again later, or raise "max-attempts".',
    );
    expect(h.sandbox.requests.filter((r) => r.route === "POST /graphql")).toHaveLength(3);
  });

  it("does not retry a refusal that a retry cannot fix", async () => {
    h = await startHarness();
    h.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
      kind: "status",
      status: 422,
      message: "Validation Failed",
      times: 1,
    });
    const outcome = await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, labels: "deploy" });
    expect(outcome.error).toBeDefined();
    expect(
      h.sandbox.requests.filter(
        (r) => r.route === "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
      ),
    ).toHaveLength(1);
  });

  it("keeps the file's other values when the base moved between two runs", async () => {
    h = await startHarness();
    await h.run({ images: `svc0=${IMAGE("svc0", "2.0.0")}`, merge: "direct" });
    const out = outputs(await h.run({ images: `svc1=${IMAGE("svc1", "2.0.0")}` }));
    const data = JSON.parse(h.fileOn(out["branch"]!, TFVARS)) as Record<string, unknown>;
    expect(data["svc0_green_image"]).toBe(IMAGE("svc0", "2.0.0"));
    expect(data["svc1_green_image"]).toBe(IMAGE("svc1", "2.0.0"));
  });
});
