/**
 * What the action bundle starts early for update-tfvars: HashiCorp's HCL parser, only for
 * an HCL release file that is not plain, and only for a regular file inside the workspace —
 * a path outside it, a missing file or a FIFO (which would block a read forever) is left
 * for the action to judge, without waiting.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prepareHclParser } from "../../src/action-bundle/run.js";
import { tempDir } from "../helpers/run-context.js";

const started = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/release-file/hcl-wasm.js", () => ({
  prepareHashicorpHcl: () => {
    started.count++;
  },
}));

beforeEach(() => {
  started.count = 0;
});

describe("starting HashiCorp's parser early", () => {
  it("starts it for an HCL file that is not plain, and not for a plain one", async () => {
    const workspace = tempDir();
    writeFileSync(join(workspace, "plain.auto.tfvars"), 'api_green_image = "r.example/api:1"\n');
    writeFileSync(join(workspace, "maps.auto.tfvars"), 'images = { api = "r.example/api:1" }\n');
    await prepareHclParser({ file: "plain.auto.tfvars" }, workspace);
    expect(started.count).toBe(0);
    await prepareHclParser({ file: "maps.auto.tfvars" }, workspace);
    expect(started.count).toBe(1);
  });

  it("leaves JSON and YAML files alone, and honours an explicit format", async () => {
    const workspace = tempDir();
    writeFileSync(join(workspace, "release.txt"), 'images = { api = "x" }\n');
    await prepareHclParser({ file: "release.auto.tfvars.json" }, workspace);
    await prepareHclParser({ file: "values.yaml" }, workspace);
    expect(started.count).toBe(0);
    await prepareHclParser({ file: "release.txt", format: "hcl" }, workspace);
    expect(started.count).toBe(1);
  });

  it("reads nothing outside the workspace, and does not wait on a FIFO", async () => {
    const root = tempDir();
    const workspace = join(root, "ws");
    mkdirSync(workspace);
    writeFileSync(join(root, "outside.tfvars"), 'images = { api = "x" }\n');
    execFileSync("mkfifo", [join(workspace, "pipe.tfvars")]);
    await prepareHclParser({ file: "../outside.tfvars" }, workspace);
    await prepareHclParser({ file: "pipe.tfvars" }, workspace);
    await prepareHclParser({ file: "missing.tfvars" }, workspace);
    expect(started.count).toBe(0);
  });
});
