import { describe, expect, it } from "vitest";
import type { ServiceRelease } from "../../../src/release/release-state.js";
import {
  heldSentence,
  holdApplies,
  holdContent,
  holdFor,
  holdPath,
  parseHold,
} from "../../../src/release/release-hold.js";

const V1 = "registry.example.com/api:1.1.0";
const V2 = "registry.example.com/api:1.2.0";
const WORKER = "registry.example.com/worker:1.1.0";

function api(greenImage: string, greenWeight = 10): ServiceRelease {
  return { name: "api", weighted: true, blueImage: "", greenImage, greenWeight };
}
const worker: ServiceRelease = {
  name: "worker",
  weighted: false,
  blueImage: "",
  greenImage: WORKER,
};

describe("a release hold", () => {
  const at = new Date(Date.UTC(2026, 0, 1, 12));
  const hold = holdFor(
    { services: [api(V1), worker] },
    ["api", "worker"],
    "production",
    "analysis failed: answers (503)",
    at,
    "first-release",
  );

  it("names the images the release holds now", () => {
    expect(hold).toEqual({
      environment: "production",
      images: { api: V1, worker: WORKER },
      reason: "analysis failed: answers (503)",
      at: "2026-01-01T12:00:00.000Z",
      cause: "first-release",
    });
  });

  it("applies while the held images are on green, whatever the weights", () => {
    expect(holdApplies(hold, { services: [api(V1, 10), worker] })).toBe(true);
    expect(holdApplies(hold, { services: [api(V1, 0), worker] })).toBe(true);
  });

  it("does not apply to a new version, even with a held service left unchanged", () => {
    expect(holdApplies(hold, { services: [api(V2), worker] })).toBe(false);
    expect(holdApplies(hold, { services: [api(V2)] })).toBe(false);
  });

  it("does not apply when no release is in progress", () => {
    expect(holdApplies(hold, { services: [api("", 0)] })).toBe(false);
  });

  it("reads back what it writes, beside the release file", () => {
    const path = holdPath("envs/production/release.auto.tfvars.json");
    expect(path).toBe("envs/production/release.auto.tfvars.json.greenlight-hold");
    expect(parseHold(holdContent(hold), path)).toEqual(hold);
  });

  it("keeps why the release is held, and reads a record without one as a first release's", () => {
    const planHold = { ...hold, cause: "plan" as const };
    expect(parseHold(holdContent(planHold), "x.greenlight-hold").cause).toBe("plan");
    const { cause: _cause, ...older } = hold;
    expect(parseHold(JSON.stringify(older), "x.greenlight-hold").cause).toBe("first-release");
  });

  it("refuses a record it cannot read, naming it, rather than ignoring it", () => {
    for (const text of ["", "[]", '{"images":{}}', '{"images":{"api":3}}']) {
      expect(() => parseHold(text, "x.greenlight-hold")).toThrow(
        'The hold record x.greenlight-hold in the infra repository cannot be read (it needs an "images" map of service to image); promote advances nothing while it is there, so fix it or delete it.',
      );
    }
  });

  it("says in one sentence what is held, why, and what a person does", () => {
    expect(heldSentence({ ...hold, images: { api: V1 } }, "r.json.greenlight-hold", "main")).toBe(
      `the release api ${V1} is held since 2026-01-01T12:00:00.000Z: it failed a gate (analysis failed: answers (503)) and has no stable release to roll back to, so promote will not advance it; withdraw the first release (empty its green image and set its green weight to 0), deploy a new version, or delete r.json.greenlight-hold from main for promote to judge it again`,
    );
  });

  it("says what a person does with a release the plan holds (on-failure: hold)", () => {
    expect(
      heldSentence(
        { ...hold, images: { api: V1 }, cause: "plan" },
        "r.json.greenlight-hold",
        "main",
      ),
    ).toBe(
      `the release api ${V1} is held since 2026-01-01T12:00:00.000Z: it failed a gate (analysis failed: answers (503)) and the promotion plan holds a failed release for a person to decide (on-failure: hold), so promote will not advance it; roll it back with the rollback workflow, deploy a new version, or delete r.json.greenlight-hold from main for promote to judge it again`,
    );
  });
});
