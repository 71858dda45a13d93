/**
 * A caller that forgets a secret is told which one, in one sentence, before anything is
 * built: the INFRA_TOKEN the infra repository needs, or a notification secret the config
 * file names. Nothing is written to the infra repository.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import type { RunResult } from "./harness/workflow.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const TFVARS = "envs/qa/release.auto.tfvars.json";
const RELEASE = `${JSON.stringify({ api_blue_image: "registry.example.com/api:1", api_green_image: "registry.example.com/api:1" }, null, 2)}\n`;

const caller = (secrets: string) => `name: release
on: push
permissions: {}
jobs:
  qa:
    permissions: { contents: read, id-token: write }
    uses: greenlight-actions/greenlight/.github/workflows/deploy.yml@0000000000000000000000000000000000000000 # v0.1.0
    with:
      environment: qa
      registry: registry.example.com
    secrets: { ${secrets} }
`;

let world: WorkflowWorld;

beforeAll(async () => {
  world = await startWorkflowWorld({
    app: {
      ".github/workflows/no-token.yml": caller(
        `SLACK_WEBHOOK_URL: "\${{ secrets.SLACK_WEBHOOK_URL }}"`,
      ),
      ".github/workflows/no-slack.yml": caller(`INFRA_TOKEN: "\${{ secrets.INFRA_TOKEN }}"`),
      ".github/greenlight.yml": YAML.stringify({
        version: 1,
        environments: { qa: { repository: "acme/infra", tfvars: TFVARS, merge: "direct" } },
        services: { api: { image: "registry.example.com/api" } },
        notifications: { slack: { "webhook-url-env": "SLACK_WEBHOOK_URL" } },
      }),
    },
    infra: { [TFVARS]: RELEASE },
  });
});

afterAll(() => world?.close());

const secrets = {
  environments: {
    qa: { INFRA_TOKEN, SLACK_WEBHOOK_URL: "https://hooks.slack.com/services/T/B/x" },
  },
};

function errors(result: RunResult): string[] {
  return Object.values(result.jobs).flatMap((job) =>
    job.steps.flatMap((step) => [...step.log.matchAll(/^::error[^:]*::(.*)$/gm)].map((m) => m[1]!)),
  );
}

describe("a caller that forgets a secret", () => {
  it("without INFRA_TOKEN: one sentence naming the secret, before any build", async () => {
    const result = await world.run(".github/workflows/no-token.yml", {
      event: { name: "push" },
      secrets,
    });
    expect(result.jobs["qa / preflight"]!.result).toBe("failure");
    expect(result.jobs["qa / build"]!.result).toBe("skipped");
    expect(result.jobs["qa / release"]!.result).toBe("skipped");
    expect(errors(result)).toEqual([
      "The INFRA_TOKEN secret is empty: pass it by name in the calling job's secrets (a token with contents and pull-requests write on the infra repository), or give the app-id input and the APP_PRIVATE_KEY secret.",
    ]);
    expect(await world.infraFile(TFVARS)).toBe(RELEASE);
  });

  it("without a secret the config names: preflight names it and how to pass it, before any build", async () => {
    const result = await world.run(".github/workflows/no-slack.yml", {
      event: { name: "push" },
      secrets,
    });
    expect(result.jobs["qa / preflight"]!.result).toBe("failure");
    expect(result.jobs["qa / build"]!.result).toBe("skipped");
    const text = errors(result).join("\n");
    expect(text).toContain(
      "workflow SLACK_WEBHOOK_URL: fail — named by .github/greenlight.yml but not set for this step; pass the SLACK_WEBHOOK_URL secret by name in the calling job's secrets (SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }})",
    );
    expect(await world.infraFile(TFVARS)).toBe(RELEASE);
  });
});
