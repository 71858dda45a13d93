/**
 * Many runs at once against one branch, or one base: every change lands, exactly one pull
 * request exists, and nothing is lost — with and without injected faults.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "../../helpers/open-pr-harness.js";
import { startHarness } from "../../helpers/open-pr-harness.js";

const IMAGE = (i: number) => `registry.example.com/svc${i}:9.9.${i}`;

async function openPulls(h: Harness, branch: string): Promise<unknown[]> {
  const response = await fetch(
    `${h.sandbox.url}/repos/acme/infra/pulls?state=all&head=acme:${encodeURIComponent(branch)}&per_page=100`,
    {
      headers: { authorization: "token sandbox-token" },
    },
  );
  return (await response.json()) as unknown[];
}

// Hundreds of real git processes per test: room for a loaded 2-core CI machine.
describe("open-pr under concurrency", { timeout: 600_000 }, () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it("twenty concurrent runs on one branch: all twenty changes, one pull request", async () => {
    h = await startHarness({ services: 20 });
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.run({ images: `svc${i}=${IMAGE(i)}`, branch: "greenlight/production/release" }),
      ),
    );
    for (const run of runs) expect(run.error, String(run.error)).toBeUndefined();
    const data = JSON.parse(h.fileOn("greenlight/production/release")) as Record<string, unknown>;
    for (let i = 0; i < 20; i++) expect(data[`svc${i}_green_image`]).toBe(IMAGE(i));
    const pulls = (await openPulls(h, "greenlight/production/release")) as {
      title: string;
      body: string;
    }[];
    expect(pulls).toHaveLength(1);
    expect(new Set(runs.map((r) => r.result!.outputs["pull-request-number"])).size).toBe(1);
    expect(runs.filter((r) => r.result!.outputs["operation"] === "created")).toHaveLength(1);
    // Whatever order the runs patched it in, the pull request describes the whole branch.
    for (let i = 0; i < 20; i++) expect(pulls[0]!.body).toContain(`| svc${i} | green-image |`);
    expect(pulls[0]!.title).toBe("Deploy svc0, svc1, svc2 and 17 more services to production");
  });

  it("twenty concurrent direct commits: twenty commits on the base, none lost", async () => {
    h = await startHarness({ services: 20 });
    const before = h.git("rev-parse", "main");
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.run({ images: `svc${i}=${IMAGE(i)}`, merge: "direct" }),
      ),
    );
    for (const run of runs) expect(run.error, String(run.error)).toBeUndefined();
    expect(h.git("rev-list", "--count", `${before}..main`)).toBe("20");
    const data = JSON.parse(h.fileOn("main")) as Record<string, unknown>;
    for (let i = 0; i < 20; i++) expect(data[`svc${i}_green_image`]).toBe(IMAGE(i));
  });

  it("fifty runs with faults end in the same state as without, never with two pull requests", async () => {
    h = await startHarness({ services: 50, sandbox: { faultSeed: 7 } });
    h.sandbox.faults.add({
      route: "*",
      kind: "status",
      status: 502,
      probability: 0.1,
      onlyMutating: true,
    });
    h.sandbox.faults.add({
      route: "*",
      kind: "secondary-rate-limit",
      retryAfterSeconds: 2,
      probability: 0.05,
    });
    h.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/pulls",
      kind: "write-then-502",
      times: 1,
    });
    const branch = "greenlight/production/release";
    const runs: Awaited<ReturnType<Harness["run"]>>[] = [];
    for (let batch = 0; batch < 5; batch++) {
      runs.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, j) =>
            h.run({ images: `svc${batch * 10 + j}=${IMAGE(batch * 10 + j)}`, branch }),
          ),
        )),
      );
    }
    for (const run of runs) expect(run.error, String(run.error)).toBeUndefined();
    h.sandbox.faults.clear();
    const data = JSON.parse(h.fileOn(branch)) as Record<string, unknown>;
    for (let i = 0; i < 50; i++) expect(data[`svc${i}_green_image`]).toBe(IMAGE(i));
    expect(await openPulls(h, branch)).toHaveLength(1);
    expect(h.sandbox.requests.some((r) => r.faulted)).toBe(true);
  });

  it("twenty runs on their own branches, with lost create answers, open one pull request each", async () => {
    h = await startHarness({ services: 20, sandbox: { faultSeed: 11 } });
    h.sandbox.faults.add({
      route: "POST /repos/{owner}/{repo}/pulls",
      kind: "write-then-502",
      probability: 0.5,
    });
    h.sandbox.faults.add({
      route: "*",
      kind: "status",
      status: 503,
      probability: 0.1,
      onlyMutating: true,
    });
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.run({ images: `svc${i}=${IMAGE(i)}` })),
    );
    for (const run of runs) expect(run.error, String(run.error)).toBeUndefined();
    expect(h.sandbox.requests.filter((r) => r.faulted === "write-then-502").length).toBeGreaterThan(
      0,
    );
    h.sandbox.faults.clear();
    for (let i = 0; i < 20; i++) {
      const branch = `greenlight/production/deploy-svc${i}`;
      expect(runs[i]!.result!.outputs["branch"]).toBe(branch);
      expect(runs[i]!.result!.outputs["operation"]).toBe("created");
      expect(await openPulls(h, branch), branch).toHaveLength(1);
      expect(JSON.parse(h.fileOn(branch))[`svc${i}_green_image`]).toBe(IMAGE(i));
    }
  });
});
