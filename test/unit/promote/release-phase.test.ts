/**
 * Where a release stands after the edits Greenlight itself makes (deploy, weight change,
 * finalize, rollback), read back from the file's history: a release deployed after the
 * previous one was finalized is a release to promote, a rolled-back one is not.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../../src/core/clock.js";
import type { ReleaseEdit } from "../../../src/release-file/release-edits.js";
import { planTfvarsEdit } from "../../../src/release-file/plan-edit.js";
import { classifyRelease, readReleaseState } from "../../../src/release/release-state.js";
import { FILE, FakeInfra, releaseText } from "../../helpers/fake-infra.js";

const V1 = "registry.example.com/api@sha256:" + "1".repeat(64);
const V2 = "registry.example.com/api@sha256:" + "2".repeat(64);
const V3 = "registry.example.com/api@sha256:" + "3".repeat(64);

/** The file with or without desired counts: both layouts are in use. */
const LAYOUTS = {
  "with desired counts": {
    api_blue_image: V1,
    api_green_image: V1,
    api_blue_weight: 100,
    api_green_weight: 0,
    api_blue_desired_count: 3,
    api_green_desired_count: 0,
  },
  "without desired counts": {
    api_blue_image: V1,
    api_green_image: V1,
    api_blue_weight: 100,
    api_green_weight: 0,
  },
};

function infraWith(values: Record<string, string | number>) {
  const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
  const infra = new FakeInfra(clock, releaseText(values));
  const apply = async (release: ReleaseEdit, message: string) => {
    await clock.advance(60_000);
    const planned = await planTfvarsEdit(FILE, infra.head.text, {
      set: [],
      release,
      create: false,
      force: false,
      imageRules: { requireDigest: false, allowedRegistries: [] },
    });
    expect(planned.after, message).not.toBe(infra.head.text);
    infra.push(planned.after, message);
  };
  const phase = async () => {
    const state = await readReleaseState(infra, { base: "main", file: FILE, branches: [] });
    return classifyRelease(state!);
  };
  return { infra, apply, phase };
}

/** V2 deployed, promoted to 100% and finalized: blue and green both hold V2. */
async function finalizedV2(values: Record<string, string | number>) {
  const world = infraWith(values);
  await world.apply({ images: { api: V2 } }, "Deploy V2");
  await world.apply({ weights: { api: 10 } }, "Promote to 10%");
  await world.apply({ weights: { api: 100 } }, "Promote to 100%");
  await world.apply({ finalize: ["api"] }, "Finalize V2");
  expect(await world.phase()).toEqual({ kind: "idle", reason: "no release is in progress" });
  return world;
}

describe.each(Object.entries(LAYOUTS))("a release's phase, %s", (_layout, values) => {
  it("is deployed when a new release lands after the previous one was finalized", async () => {
    const world = await finalizedV2(values);
    await world.apply({ images: { api: V3 } }, "Deploy V3");
    expect(await world.phase()).toEqual({ kind: "deployed", services: ["api"], companions: [] });
    await world.apply({ weights: { api: 10 } }, "Promote to 10%");
    expect(await world.phase()).toMatchObject({ kind: "shifting", weight: 10 });
  });

  it("is idle once a release is rolled back, and deployed again with the next release", async () => {
    const world = await finalizedV2(values);
    await world.apply({ images: { api: V3 } }, "Deploy V3");
    await world.apply({ weights: { api: 10 } }, "Promote to 10%");
    await world.apply({ rollback: ["api"] }, "Roll back V3");
    expect(await world.phase()).toEqual({ kind: "idle", reason: expect.any(String) as string });
    await world.apply({ images: { api: V1 } }, "Deploy V1 again");
    expect(await world.phase()).toEqual({ kind: "deployed", services: ["api"], companions: [] });
  });

  it("is idle once a release still at 0% is rolled back: the rollback is in the file", async () => {
    const world = await finalizedV2(values);
    await world.apply({ images: { api: V3 } }, "Deploy V3");
    expect(await world.phase()).toMatchObject({ kind: "deployed" });
    await world.apply({ rollback: ["api"] }, "Roll back V3 before its first step");
    expect(await world.phase()).toEqual({ kind: "idle", reason: expect.any(String) as string });
  });

  it("does not take a rolled-back release along when another service's release lands", async () => {
    const web = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key.replace(/^api_/, "web_"), value]),
    );
    const world = infraWith({ ...values, ...web });
    await world.apply({ images: { api: V2 } }, "Deploy api V2");
    await world.apply({ weights: { api: 10 } }, "Promote api to 10%");
    await world.apply({ rollback: ["api"] }, "Roll back api V2");
    expect(await world.phase()).toMatchObject({ kind: "idle" });
    await world.apply({ images: { web: V3 } }, "Deploy web V3");
    expect(await world.phase()).toEqual({ kind: "deployed", services: ["web"], companions: [] });
  });

  it("is idle when a finalized release is rolled back to the earlier one (blue changes, green keeps it as a record)", async () => {
    const world = await finalizedV2(values);
    // What rollback's `to` writes: the earlier release on blue, all traffic on it.
    world.infra.push(
      releaseText({
        ...(world.infra.data() as Record<string, string | number>),
        api_blue_image: V1,
      }),
      "Roll back api to V1",
    );
    expect(await world.phase()).toMatchObject({ kind: "idle" });
  });
});
