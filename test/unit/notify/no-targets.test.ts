/**
 * A team that has not set up notifications: the reusable workflows still call notify, and
 * it must succeed, say in one line that nothing was sent, and report no target.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { toRunnable } from "../../../src/core/action.js";
import { notifyAction } from "../../../src/notify/definition.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

const CONFIG = ".github/greenlight.yml";
const ENVIRONMENTS = {
  production: {
    repository: "acme/infra",
    tfvars: "envs/production/release.auto.tfvars.json",
    merge: "direct",
  },
};

function workspace(config?: Record<string, unknown>): string {
  const dir = tempDir("greenlight-notify-none-");
  if (config) {
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, CONFIG), YAML.stringify({ version: 1, ...config }));
  }
  return dir;
}

async function notifyIn(dir: string, raw: Record<string, string>) {
  const { context, logger } = testContext(dir);
  const result = await toRunnable(notifyAction).execute(
    { status: "success", kind: "promotion", environment: "production", ...raw },
    context,
  );
  return { result, logger };
}

describe("notify without targets", () => {
  it.each([
    ["no config file", undefined, {}],
    [
      "the config file the workflows pass, without a notifications section",
      { environments: ENVIRONMENTS },
      { "config-file": CONFIG },
    ],
    [
      "a notifications section that names no target",
      { environments: ENVIRONMENTS, notifications: { "fail-on-error": true } },
      { "config-file": CONFIG },
    ],
  ])("succeeds and says nothing was sent: %s", async (_, config, raw) => {
    const { result, logger } = await notifyIn(workspace(config), raw);
    expect(result.failure).toBeUndefined();
    expect(result.outputs).toMatchObject({ delivered: "[]", failed: "[]" });
    expect(JSON.parse(result.outputs!.report!)).toMatchObject({ targets: [] });
    expect(logger.records.map((r) => `${r.level}: ${r.message}`)).toEqual([
      `info: No notification targets: nothing sent; to send one, name a target in the notifications section of ${CONFIG} or give a target input such as slack-webhook-url.`,
    ]);
    expect(result.summary).toContainEqual({
      kind: "paragraph",
      text: "No notification targets: nothing sent.",
    });
  });

  it("still refuses a bad input when there is nowhere to send", async () => {
    await expect(notifyIn(workspace(), { template: "{title: '{{env}}'}" })).rejects.toThrow(
      /unknown placeholder \{\{env\}\}/,
    );
  });

  it("names the config file the step was given", async () => {
    const dir = workspace();
    mkdirSync(join(dir, "deploy"));
    writeFileSync(
      join(dir, "deploy/greenlight.yml"),
      YAML.stringify({ version: 1, environments: ENVIRONMENTS }),
    );
    const { logger } = await notifyIn(dir, { "config-file": "deploy/greenlight.yml" });
    expect(logger.text()).toContain("notifications section of deploy/greenlight.yml");
  });
});
