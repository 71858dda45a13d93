/**
 * The `images` output is exactly what update-tfvars takes: pushed references pinned by
 * digest, accepted where digests are required.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { updateTfvarsAction } from "../../../src/update-tfvars/definition.js";
import type { TestRegistry } from "../../helpers/registry.js";
import { removeDir, requireCommand, startRegistry } from "../../helpers/registry.js";
import { tempDir, testContext } from "../../helpers/run-context.js";
import { parseJson, runBuildPush, scratchProject } from "./harness.js";

let registry: TestRegistry;
let root: string;

beforeAll(async () => {
  await requireCommand("buildah");
  root = tempDir("greenlight-registry-");
  registry = await startRegistry(root);
});

afterAll(async () => {
  await registry?.stop();
  if (root) removeDir(root);
});

it("hands update-tfvars the pushed images, pinned by digest", async () => {
  const dir = scratchProject(["api", "worker"]);
  const run = await runBuildPush(dir, {
    services: "api=.#api\nworker=.#worker",
    registry: registry.host,
    tags: "{{short-sha}}",
  });
  expect(run.code).toBe(0);
  const images = parseJson<Record<string, string>>(run.outputs["images"]);

  const infra = tempDir("greenlight-infra-");
  const file = "release.auto.tfvars.json";
  const before = {
    api_green_image: "old/api:1",
    api_blue_weight: 100,
    api_green_weight: 0,
    worker_green_image: "old/worker:1",
  };
  writeFileSync(join(infra, file), JSON.stringify(before, null, 2) + "\n");
  const { context } = testContext(infra);
  const result = await toRunnable(updateTfvarsAction).execute(
    {
      file,
      images: run.outputs["images"],
      "require-digest": "true",
      "allowed-registries": registry.host,
    },
    context,
  );
  expect(result.failure).toBeUndefined();
  const after = JSON.parse(readFileSync(join(infra, file), "utf8")) as Record<string, unknown>;
  expect(after["api_green_image"]).toBe(images["api"]);
  expect(after["worker_green_image"]).toBe(images["worker"]);
});
