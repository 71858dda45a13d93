/**
 * Deploy asks only for what the jobs that run need. Its build and migrate jobs take the
 * calling job's permissions, so a caller that passes images grants `contents: read` and
 * nothing else, and GitHub's start-of-run check (every job of the called workflow, skipped
 * ones too) passes; a caller that builds with an AWS role must grant `id-token: write`, or the
 * role cannot be assumed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { workflowExample } from "./docs-examples.js";
import { failedSteps } from "./harness/workflow.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const TFVARS = "envs/production/release.auto.tfvars.json";
const RELEASE = `${JSON.stringify({ api_blue_image: "registry.example.com/api:1", api_green_image: "registry.example.com/api:1", api_blue_weight: 100, api_green_weight: 0 }, null, 2)}\n`;
const IMAGE = `registry.example.com/api@sha256:${"a".repeat(64)}`;

const caller = (permissions: string, withLines: string) => `name: release
on: push
permissions: {}
jobs:
  production:
    permissions: ${permissions}
    uses: greenlight-actions/greenlight/.github/workflows/deploy.yml@0000000000000000000000000000000000000000 # v0.1.0
    with:
      environment: production
${withLines}
    secrets:
      INFRA_TOKEN: \${{ secrets.INFRA_TOKEN }}
`;

let world: WorkflowWorld;

beforeAll(async () => {
  world = await startWorkflowWorld({
    app: {
      // The deploy by hand of docs/workflows.md: images given, contents: read granted.
      ".github/workflows/deploy-by-hand.yml": workflowExample(
        "docs/workflows.md",
        "deploy-by-hand",
      ),
      ".github/workflows/build-without-oidc.yml": caller(
        "{ contents: read }",
        [
          "      registry: 123456789012.dkr.ecr.eu-west-1.amazonaws.com",
          "      aws-role-arn: arn:aws:iam::123456789012:role/greenlight-release",
          "      aws-region: eu-west-1",
        ].join("\n"),
      ),
      ".github/greenlight.yml": YAML.stringify({
        version: 1,
        environments: {
          production: { repository: "acme/infra", tfvars: TFVARS, merge: "direct" },
        },
        services: { api: { image: "registry.example.com/api" } },
      }),
    },
    infra: { [TFVARS]: RELEASE },
  });
});

afterAll(() => world?.close());

const secrets = { environments: { production: { INFRA_TOKEN } } };

describe("deploy's permissions", () => {
  it("a caller that passes images grants contents: read only, and the release lands", async () => {
    const result = await world.run(".github/workflows/deploy-by-hand.yml", {
      event: {
        name: "workflow_dispatch",
        inputs: { environment: "production", images: JSON.stringify({ api: IMAGE }) },
      },
      secrets,
    });
    expect(failedSteps(result)).toBe("");
    expect(result.jobs["deploy / build"]!.result).toBe("skipped");
    expect(result.jobs["deploy / release"]!.result).toBe("success");
    expect(JSON.parse(await world.infraFile(TFVARS))).toMatchObject({
      api_blue_image: "registry.example.com/api:1",
      api_green_image: IMAGE,
    });
  });

  it("a caller that builds with an AWS role but no id-token grant fails where the role is assumed, and writes nothing", async () => {
    const before = await world.infraFile(TFVARS);
    const result = await world.run(".github/workflows/build-without-oidc.yml", {
      event: { name: "push" },
      secrets,
    });
    expect(result.jobs["production / preflight"]!.result).toBe("success");
    expect(result.jobs["production / build"]!.result).toBe("failure");
    expect(failedSteps(result)).toContain("Did you mean to set the `id-token` permission?");
    expect(result.jobs["production / release"]!.result).toBe("skipped");
    expect(await world.infraFile(TFVARS)).toBe(before);
  });
});
