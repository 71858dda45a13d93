import { afterEach, describe, expect, it } from "vitest";
import { startDemoFleet, type DemoFleet } from "../../../src/demo/demo-fleet.js";
import { preparedImages } from "../../../src/demo/demo-images.js";

describe("the demo's prepared images", () => {
  it("says plainly that nothing was built and names the install command", async () => {
    const images = preparedImages();
    expect(images.description).toContain("apt-get install -y buildah docker-registry");
    const image = await images.imageFor("1.4.2");
    expect(image).toMatch(/^registry\.demo\.internal\/acme\/api:1\.4\.2@sha256:[0-9a-f]{64}$/);
    expect(images.versionOf(image)).toBe("1.4.2");
  });
});

describe("the demo fleet", () => {
  let fleet: DemoFleet | undefined;
  afterEach(async () => fleet?.close());

  const state = (greenWeight: number, green = "r/api:2.0.0") => ({
    blueImage: "r/api:1.0.0",
    greenImage: green,
    blueWeight: 100 - greenWeight,
    greenWeight,
    blueCount: 2,
    greenCount: 2,
  });

  it("splits requests exactly by the applied weights", async () => {
    fleet = await startDemoFleet({ failingVersions: [], windowMs: 60_000 });
    fleet.apply(state(10));
    for (let i = 0; i < 200; i++) await (await fetch(fleet.url + "/")).arrayBuffer();
    const stats = fleet.stats();
    expect(stats.green.requests).toBe(20);
    expect(stats.blue.requests).toBe(180);
    expect(stats.green["error-rate"]).toBe(0);
  });

  it("makes a failing version answer errors, and reports no data before traffic", async () => {
    fleet = await startDemoFleet({ failingVersions: ["2.0.0"], windowMs: 60_000 });
    fleet.apply(state(50));
    expect(fleet.stats().green["error-rate"]).toBeNull();
    for (let i = 0; i < 100; i++) await (await fetch(fleet.url + "/")).arrayBuffer();
    expect(fleet.stats().green["error-rate"]).toBeGreaterThan(0.2);
    expect(fleet.stats().blue["error-rate"]).toBe(0);
    const health = (await (await fetch(fleet.url + "/green/health")).json()) as { version: string };
    expect(health.version).toBe("2.0.0");
  });
});
