/**
 * The caller workflow a team copies (examples/app/.github/workflows/release.yml, also in
 * docs/workflows.md): short, and doing what the docs say with the example config — three
 * services, one of them without traffic weights; QA by direct commit; production by a
 * reviewed pull request.
 */
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { loadConfig } from "../../../src/config/load.js";
import { actionlint } from "./actionlint.js";
import { readRepoFile, root } from "./workflow-files.js";
import { checkWorkflow } from "./workflow-rules.js";

const CALLER = "examples/app/.github/workflows/release.yml";
const text = readRepoFile(CALLER);
const caller = YAML.parse(text) as {
  jobs: Record<string, { uses?: string; with?: Record<string, unknown> }>;
};

describe("the example caller workflow", () => {
  it("is at most 45 lines of YAML", () => {
    expect(text.trimEnd().split("\n").length).toBeLessThanOrEqual(45);
  });

  it("is the one shown in docs/workflows.md", () => {
    expect(readRepoFile("docs/workflows.md")).toContain(text.trimEnd());
  });

  it("deploys to QA and production with the reusable workflow, and promotes production", () => {
    const calls = Object.values(caller.jobs).map((job) => [
      job.uses?.split("@")[0]?.split("/").slice(2).join("/"),
      job.with?.["environment"],
    ]);
    expect(calls).toEqual([
      [".github/workflows/deploy.yml", "qa"],
      [".github/workflows/deploy.yml", "production"],
      [".github/workflows/promote.yml", "production"],
    ]);
  });

  it("goes with a config of three services, one without weights, QA direct and production reviewed", async () => {
    const config = await loadConfig({
      cwd: root,
      path: "examples/app/.github/greenlight.yml",
      required: true,
    });
    expect(Object.keys(config!.services)).toHaveLength(3);
    expect(Object.values(config!.services).filter((s) => !s.weighted)).toHaveLength(1);
    expect(config!.environments["qa"]?.merge).toBe("direct");
    const production = config!.environments["production"]!;
    expect(["pull-request", "auto-merge"]).toContain(production.merge);
    expect(
      [...(production.reviewers ?? []), ...(production["team-reviewers"] ?? [])].length,
    ).toBeGreaterThan(0);
  });
});

describe("the workflows shown in docs/workflows.md", () => {
  const blocks = [...readRepoFile("docs/workflows.md").matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter((block) => /^name: /m.test(block) && /^jobs:/m.test(block));

  it("shows the caller, a deploy and a rollback by hand and a scheduled backup", () => {
    expect(blocks.map((b) => /^name: (.+)$/m.exec(b)?.[1])).toEqual([
      "release",
      "deploy-by-hand",
      "rollback",
      "backup",
    ]);
  });

  it.each(blocks.map((b) => [/^name: (.+)$/m.exec(b)![1]!, b] as const))(
    "%s follows every rule and is actionlint-clean",
    async (name, block) => {
      expect(checkWorkflow(block, `docs/workflows.md (${name})`)).toEqual([]);
      expect(await actionlint(block, `${name}.yml`)).toEqual([]);
    },
  );
});
