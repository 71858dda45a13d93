/**
 * verify's `environment` input: the checks an environment's `verify` section names, with
 * its settings as their defaults, and retried until the deadline when it gives no attempts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILT_IN_DEFAULTS } from "../../../src/verify/check-spec.js";
import { configChecks } from "../../../src/verify/config-checks.js";
import { tempDir } from "../../helpers/run-context.js";

function workspace(config: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, ".github"));
  writeFileSync(join(dir, ".github", "greenlight.yml"), config);
  return dir;
}

const CONFIG = `version: 1
environments:
  production:
    repository: acme/infra
    tfvars: envs/production/release.auto.tfvars.json
    verify:
      checks:
        - url: https://api.example.com/health
          expect: { status: 200 }
      interval: 10s
      deadline: 10m
  qa:
    repository: acme/infra
    tfvars: envs/qa/release.auto.tfvars.json
`;

const options = (cwd: string, environment: string) => ({
  environment,
  configFile: undefined,
  cwd,
  defaults: BUILT_IN_DEFAULTS,
  deadlineMs: 5 * 60_000,
  vars: { env: {}, onSecret: () => undefined },
});

describe("verify checks from the config file", () => {
  it("reads the environment's checks, retried every interval until its deadline", async () => {
    const result = await configChecks(options(workspace(CONFIG), "production"));
    expect(result.deadlineMs).toBe(600_000);
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]!.url.href).toBe("https://api.example.com/health");
    expect(result.checks[0]).toMatchObject({ attempts: 60, intervalMs: 10_000 });
  });

  it("finds none for an environment without a verify section", async () => {
    expect(await configChecks(options(workspace(CONFIG), "qa"))).toEqual({ checks: [] });
  });

  it("refuses an environment the config does not name, naming the ones it does", async () => {
    await expect(configChecks(options(workspace(CONFIG), "staging"))).rejects.toThrow(
      'Input "environment" is "staging", which the config file does not name; use one of production, qa.',
    );
  });
});
