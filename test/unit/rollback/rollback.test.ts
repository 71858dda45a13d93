import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/core/clock.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { imageMatches } from "../../../src/rollback/find-release.js";
import type { RollbackParams } from "../../../src/rollback/main.js";
import { rollback } from "../../../src/rollback/main.js";
import { rollbackOutputs, rollbackSummary } from "../../../src/rollback/summary.js";
import { FILE, FakeInfra, releaseText } from "../../helpers/fake-infra.js";

const api = (v: string) => `registry.example.com/api:${v}`;
const web = (v: string) =>
  `registry.example.com/web:${v}@sha256:${v.replace(/\./g, "").padEnd(64, "a")}`;

function release(
  blue: string,
  green: string,
  weight: number,
  extra: Record<string, string | number> = {},
) {
  return releaseText({
    api_blue_image: api(blue),
    api_green_image: api(green),
    api_blue_weight: 100 - weight,
    api_green_weight: weight,
    api_blue_desired_count: 2,
    api_green_desired_count: weight > 0 ? 2 : 0,
    web_blue_image: web(blue),
    web_green_image: web(green),
    web_blue_weight: 100 - weight,
    web_green_weight: weight,
    ...extra,
  });
}

function setup() {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const infra = new FakeInfra(clock, release("1.0.0", "1.0.0", 0));
  const run = (overrides: Partial<RollbackParams> = {}) =>
    rollback(
      {
        environment: "production",
        base: "main",
        file: FILE,
        services: [],
        reason: "error budget burn",
        historyDepth: 50,
        ...overrides,
      },
      { source: infra, lander: infra, deployments: infra, clock, logger: new MemoryLogger() },
    );
  return { clock, infra, run };
}

describe("rollback", () => {
  it("fast path: all traffic back to blue, the candidate at zero, the reason recorded; idempotent", async () => {
    const { infra, run } = setup();
    infra.push(release("1.0.0", "1.1.0", 50), "Promote to 50%");
    const result = await run();
    expect(result.operation).toBe("rolled-back");
    expect(result.weights).toEqual({ api: 0, web: 0 });
    expect(infra.data()).toMatchObject({
      api_blue_weight: 100,
      api_green_weight: 0,
      api_green_desired_count: 0,
      api_green_image: api("1.1.0"),
      web_blue_weight: 100,
    });
    expect(infra.landed[0]!.commitBody).toBe(
      [
        "Reason: error budget burn",
        `Rolled back api: ${api("1.1.0")} (stable: ${api("1.0.0")})`,
        `Rolled back web: ${web("1.1.0")} (stable: ${web("1.0.0")})`,
      ].join("\n"),
    );
    // web has no desired counts: the stable image on green records the rollback.
    expect(infra.data()).toMatchObject({ web_green_image: web("1.0.0"), web_green_weight: 0 });
    expect(rollbackSummary(result, "acme/infra")).toContainEqual({
      kind: "table",
      header: ["Service", "Rolled back", "Stable"],
      rows: [
        ["api", api("1.1.0"), api("1.0.0")],
        ["web", web("1.1.0"), web("1.0.0")],
      ],
    });
    expect(infra.deployments[0]).toMatchObject({ task: "greenlight:rollback", state: "success" });
    expect(infra.deployments[0]!.description).toContain("error budget burn");

    expect(rollbackOutputs(result)).toMatchObject({
      operation: "rolled-back",
      version: "1.1.0",
      "stable-version": "1.0.0",
      services: "api, web",
    });

    const again = await run();
    expect(again.operation).toBe("unchanged");
    // api's green side still holds the release it scaled to zero; web's holds the stable one.
    expect(rollbackOutputs(again)).toMatchObject({
      version: "1.1.0",
      "stable-version": "1.0.0",
      services: "api",
    });
    expect(infra.commits).toHaveLength(3);
    expect(infra.deployments).toHaveLength(1);
  });

  it("puts back exactly an earlier release's images, found by tag", async () => {
    const { infra, run } = setup();
    infra.push(release("1.0.0", "1.1.0", 10), "Deploy 1.1.0");
    infra.push(release("1.1.0", "1.1.0", 0), "Finalize 1.1.0");
    infra.push(release("1.1.0", "1.2.0", 50), "Deploy 1.2.0 at 50%");
    const result = await run({ to: "v1.0.0" });
    expect(result.operation).toBe("redeployed");
    expect(result.release).toMatchObject({
      side: "blue",
      images: { api: api("1.0.0"), web: web("1.0.0") },
    });
    expect(infra.data()).toMatchObject({
      api_blue_image: api("1.0.0"),
      web_blue_image: web("1.0.0"),
      api_blue_weight: 100,
      api_green_weight: 0,
      web_green_weight: 0,
      api_green_desired_count: 0,
    });
    expect(infra.landed[0]!.body).toContain("error budget burn");
    expect(rollbackOutputs(result)).toMatchObject({
      version: "1.2.0",
      "stable-version": "1.0.0",
      services: "api, web",
    });
  });

  it("finds a release by digest, limited to the named services", async () => {
    const { infra, run } = setup();
    infra.push(release("1.1.0", "1.1.0", 0), "Finalize 1.1.0");
    const digest = web("1.0.0").split("@")[1]!;
    const result = await run({ to: digest, services: ["web"] });
    expect(result.release!.images).toEqual({ web: web("1.0.0") });
    expect(infra.data()).toMatchObject({
      web_blue_image: web("1.0.0"),
      api_blue_image: api("1.1.0"),
    });
  });

  it("refuses a release the history does not hold, changing nothing", async () => {
    const { infra, run } = setup();
    await expect(run({ to: "9.9.9" })).rejects.toThrow(ConfigurationError);
    await expect(run({ to: "9.9.9" })).rejects.toThrow(/Input "to" is "9.9.9"/);
    expect(infra.commits).toHaveLength(1);
  });

  it("refuses to roll back a first release it could not record, writing nothing", async () => {
    const { infra, run } = setup();
    infra.push(
      releaseText({
        api_blue_image: api("1.0.0"),
        api_green_image: api("1.0.0"),
        api_blue_weight: 100,
        api_green_weight: 0,
        web_blue_image: "",
        web_green_image: web("1.0.0"),
        web_blue_weight: 100,
        web_green_weight: 0,
      }),
      "First release of web",
    );
    const attempt = run();
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(attempt).rejects.toThrow(
      /^Service "web" cannot be rolled back: it has no stable release .*; withdraw the first release by emptying its green image at \$\.web_green_image and setting its green weight \(\$\.web_green_weight\) to 0, or add a green desired count for it to the file\.$/,
    );
    expect(infra.commits).toHaveLength(2);
    expect(infra.deployments).toHaveLength(0);
  });

  it("matches images by reference, tag (with or without v) and digest", () => {
    expect(imageMatches("r.io/api:1.2.0", "1.2.0")).toBe(true);
    expect(imageMatches("r.io/api:v1.2.0", "1.2.0")).toBe(true);
    expect(imageMatches("r.io/api:1.2.0", "1.2")).toBe(false);
    expect(imageMatches("r.io:5000/api", "5000")).toBe(false);
    expect(imageMatches(`r.io/api@sha256:${"b".repeat(64)}`, `sha256:${"b".repeat(64)}`)).toBe(
      true,
    );
    expect(imageMatches(`r.io/api@sha256:${"b".repeat(64)}`, "b".repeat(12))).toBe(true);
  });
});
