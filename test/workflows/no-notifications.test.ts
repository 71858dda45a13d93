/**
 * A team that has not set up notifications yet: no notifications section in the config file
 * and no notification secret passed. The reusable workflow's notify job still runs and is
 * green, saying in one line that nothing was sent.
 */
import { rollbackCaller } from "./callers.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { failedSteps } from "./harness/workflow.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const TFVARS = "envs/production/release.auto.tfvars.json";

const CALLER = rollbackCaller(["INFRA_TOKEN"]);

let world: WorkflowWorld;

beforeAll(async () => {
  world = await startWorkflowWorld({
    app: {
      ".github/workflows/rollback.yml": CALLER,
      ".github/greenlight.yml": YAML.stringify({
        version: 1,
        environments: {
          production: { repository: "acme/infra", tfvars: TFVARS, merge: "direct" },
        },
      }),
    },
    infra: {
      [TFVARS]: `${JSON.stringify({ api_blue_image: "registry.example.com/api:1.0.0", api_green_image: "registry.example.com/api:1.1.0", api_blue_weight: 50, api_green_weight: 50 }, null, 2)}\n`,
    },
  });
});

afterAll(() => world?.close());

describe("a config file without notifications", () => {
  it("keeps the notify job green and says nothing was sent", async () => {
    const result = await world.run(".github/workflows/rollback.yml", {
      event: {
        name: "workflow_dispatch",
        inputs: { environment: "production", reason: "error rate above 5% after deploy" },
      },
      secrets: { environments: { production: { INFRA_TOKEN } } },
    });
    expect(failedSteps(result)).toBe("");
    expect(Object.values(result.jobs).map((job) => [job.name, job.result])).toEqual([
      ["rollback / rollback", "success"],
      ["rollback / verify", "success"],
      ["rollback / notify", "success"],
    ]);
    const notify = result.jobs["rollback / notify"]!.steps.find((s) =>
      s.uses?.includes("/notify@"),
    )!;
    expect(notify.log).toContain("No notification targets: nothing sent");
    expect(notify.log).not.toMatch(/::warning::|::error::/);
  });
});
