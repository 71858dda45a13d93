/**
 * A plain HCL file and its plain edit are checked without starting HashiCorp's parser (here
 * made to fail, so any use of it shows), and the check still catches an edit that wrote
 * something other than what was intended; a file that is not plain still goes to the parser.
 */
import { describe, expect, it, vi } from "vitest";
import { verifyHclEdit } from "../../../src/release-file/hcl-verify.js";

vi.mock("../../../src/release-file/hcl-wasm.js", () => ({
  loadHashicorpHcl: () => Promise.reject(new Error("HashiCorp's parser was started")),
}));

const before = 'api_green_image = "r.example/api:1"\napi_green_weight = 0\n';

describe("verifying a plain HCL edit", () => {
  it("passes the intended edit without HashiCorp's parser", async () => {
    const after = 'api_green_image = "r.example/api:2"\napi_green_weight = 0\n';
    await expect(
      verifyHclEdit(before, after, "release.auto.tfvars", {
        api_green_image: "r.example/api:2",
        api_green_weight: 0,
      }),
    ).resolves.toBeUndefined();
  });

  it("reports an edit that reads differently from what was intended as a bug", async () => {
    const after = 'api_green_image = "r.example/api:3"\napi_green_weight = 0\n';
    await expect(
      verifyHclEdit(before, after, "release.auto.tfvars", {
        api_green_image: "r.example/api:2",
        api_green_weight: 0,
      }),
    ).rejects.toThrow(/api_green_image differently from what was intended.*bug in Greenlight/);
  });

  it("sends a file that is not plain to HashiCorp's parser", async () => {
    const text = 'images = { api = "r.example/api:1" }\n';
    await expect(
      verifyHclEdit(text, text, "release.auto.tfvars", { images: { api: "r.example/api:1" } }),
    ).rejects.toThrow("HashiCorp's parser was started");
  });
});
