/**
 * What a deploy writes when another release is mid-promotion, and the guard that keeps a
 * weight change decided for one release from moving another's traffic.
 */
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../../src/release-file/document.js";
import type { ReleaseEdit } from "../../../src/release-file/release-edits.js";
import {
  SupersededEditError,
  releaseAssignments,
} from "../../../src/release-file/release-edits.js";
import { discoverLayouts } from "../../../src/release-file/service-layout.js";

const OLD = "registry.example.com/api:1.1.0";
const NEW = "registry.example.com/api:1.2.0";

function release(greenWeight: number, extra: Record<string, JsonValue> = {}) {
  return {
    api_blue_image: "registry.example.com/api:1.0.0",
    api_green_image: OLD,
    api_blue_weight: 100 - greenWeight,
    api_green_weight: greenWeight,
    api_green_desired_count: 2,
    api_blue_desired_count: 2,
    ...extra,
  };
}

function assign(edit: ReleaseEdit, data: JsonValue) {
  const layouts = discoverLayouts(data);
  return Object.fromEntries(
    releaseAssignments(edit, layouts, data).map((a) => [a.path.replace(/^\$\./, ""), a.value]),
  );
}

describe("a deploy of a weighted service", () => {
  it.each([0, 10, 50, 100])(
    "with green at %i takes green's traffic back to blue in the same edit",
    (weight) => {
      expect(assign({ images: { api: NEW } }, release(weight))).toEqual({
        api_green_image: NEW,
        api_blue_weight: 100,
        api_green_weight: 0,
      });
    },
  );

  it("leaves the weights alone when green already holds the image (a repeated deploy)", () => {
    expect(assign({ images: { api: OLD } }, release(50))).toEqual({ api_green_image: OLD });
  });

  it("lets weights given in the same edit decide", () => {
    expect(assign({ images: { api: NEW }, weights: { api: 10 } }, release(50))).toEqual({
      api_green_image: NEW,
      api_blue_weight: 90,
      api_green_weight: 10,
    });
  });

  it("does not touch a service without weights", () => {
    const worker = { worker_blue_image: "w:1", worker_green_image: "w:2" };
    expect(assign({ images: { worker: "w:3" } }, worker)).toEqual({ worker_green_image: "w:3" });
  });
});

describe("a weight change decided for a release", () => {
  it("applies while green holds that release", () => {
    expect(assign({ weights: { api: 50 }, decidedFor: { api: OLD } }, release(10))).toEqual({
      api_blue_weight: 50,
      api_green_weight: 50,
    });
  });

  it("is refused once another release holds green, naming both", () => {
    const data = release(0, { api_green_image: NEW });
    for (const edit of [
      { weights: { api: 50 }, decidedFor: { api: OLD } },
      { finalize: ["api"], decidedFor: { api: OLD } },
    ]) {
      expect(() => assign(edit, data)).toThrow(SupersededEditError);
      expect(() => assign(edit, data)).toThrow(
        `The change was decided for ${OLD} on service "api", but green now holds ${NEW}; it no longer applies.`,
      );
    }
  });
});
