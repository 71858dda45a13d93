import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { promoteAction } from "../../../src/promote/definition.js";
import { rollbackAction } from "../../../src/rollback/definition.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

// Nothing listens here: a mistake must be reported before any API call is attempted.
const NOWHERE = "http://127.0.0.1:9";

function workspace(config?: string): string {
  const dir = tempDir();
  if (config) {
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, ".github", "greenlight.yml"), config);
  }
  return dir;
}

async function mistake(
  action: typeof promoteAction | typeof rollbackAction,
  raw: Record<string, string>,
  config?: string,
) {
  const { context } = testContext(workspace(config));
  const runnable =
    action === promoteAction ? toRunnable(promoteAction) : toRunnable(rollbackAction);
  const error = await runnable
    .execute({ token: "ghs_unit_test_token_1234", "github-api-url": NOWHERE, ...raw }, context)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(ConfigurationError);
  return (error as Error).message;
}

const CONFIG = `
environments:
  production:
    repository: acme/infra
    tfvars: envs/production/release.auto.tfvars.json
    promotion:
      analyses:
        - name: errors
          prometheus: { url: "http://prometheus:9090", query: "ratio" }
          failure-condition: "ratio is high"
`;

describe("promote and rollback inputs", () => {
  it("names the input for bad steps, bake time and analyses", async () => {
    expect(await mistake(promoteAction, { environment: "production", steps: "50,10" })).toMatch(
      /^Input "steps" must be increasing percentages ending at 100/,
    );
    expect(
      await mistake(promoteAction, { environment: "production", "bake-time": "soon" }),
    ).toMatch(/^Input "bake-time"/);
    expect(
      await mistake(promoteAction, { environment: "production", analyses: "- name: x" }),
    ).toMatch(/^Input "analyses" must be a list of analyses/);
  });

  it("reports a config mistake before any API call", async () => {
    expect(await mistake(promoteAction, { environment: "production" }, CONFIG)).toMatch(
      /^Analysis "errors" has the condition "ratio is high", which is not a comparison/,
    );
    expect(await mistake(promoteAction, { environment: "staging" }, CONFIG)).toMatch(
      /^Input "environment" is "staging", which the config file does not define; known environments: production\./,
    );
    expect(await mistake(promoteAction, { environment: "production" })).toMatch(
      /^Input "repository" is required/,
    );
  });

  it("requires a reason for a rollback", async () => {
    expect(
      await mistake(rollbackAction, {
        environment: "production",
        repository: "acme/infra",
        file: "x.json",
      }),
    ).toMatch(/^Input "reason" is required/);
  });
});
