/**
 * docs/migration.md: the hand-written workflow it starts from breaks the rules the
 * Greenlight version follows; the config file and the caller it ends with are valid.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/load.js";
import { tempDir } from "../../helpers/run-context.js";
import { actionlint } from "../workflows/actionlint.js";
import { readRepoFile } from "../workflows/workflow-files.js";
import { checkWorkflow } from "../workflows/workflow-rules.js";

const blocks = [...readRepoFile("docs/migration.md").matchAll(/```yaml\n([\s\S]*?)```/g)].map(
  (m) => m[1]!,
);
const [before, config, after] = blocks;

describe("docs/migration.md", () => {
  it("starts from a hand-written workflow of about 200 lines", () => {
    expect(blocks).toHaveLength(3);
    expect(before!.split("\n").length).toBeGreaterThan(150);
  });

  it("shows a starting point that breaks the security rules the table describes", () => {
    const broken = new Set(checkWorkflow(before!, "before.yml").map((v) => v.rule));
    expect([...broken].sort()).toEqual(
      [
        "checkout-credentials",
        "environment-secrets",
        "job-permissions",
        "pinned-actions",
        "run-expressions",
        "top-permissions",
      ].sort(),
    );
  });

  it("ends with a config file the schema accepts", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "greenlight.yml"), config!);
    const loaded = await loadConfig({ cwd: dir, path: "greenlight.yml", required: true });
    expect(Object.keys(loaded!.services)).toEqual(["api", "webhooks", "worker"]);
  });

  it("ends with a caller that follows every rule and is actionlint-clean", async () => {
    expect(checkWorkflow(after!, "after.yml")).toEqual([]);
    expect(await actionlint(after!, "after.yml")).toEqual([]);
  });
});
