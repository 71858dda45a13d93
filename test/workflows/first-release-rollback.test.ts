/**
 * A rollback by hand of a first release (no stable image, no desired count to scale) in an
 * environment that backs its database up before every rollback: the file cannot record the
 * rollback, so it is refused — before the backup, which would be taken for a rollback that
 * never happens. The database URL points at a port where nothing listens: a backup that was
 * attempted would show in the step's log.
 */
import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { tempDir } from "../helpers/run-context.js";
import { rollbackCaller } from "./callers.js";
import type { WorkflowWorld } from "./world.js";
import { INFRA_TOKEN, startWorkflowWorld } from "./world.js";

const TFVARS = "envs/production/release.auto.tfvars.json";
const CANDIDATE = "registry.example.com/api:1.1.0";
const FIRST_RELEASE = `${JSON.stringify({ api_blue_image: "", api_green_image: CANDIDATE, api_blue_weight: 90, api_green_weight: 10 }, null, 2)}\n`;
const DATABASE_URL = "postgresql://greenlight:db-secret-password@127.0.0.1:9/orders";

let world: WorkflowWorld;
let backups: string;

beforeAll(async () => {
  backups = tempDir("greenlight-first-release-backups-");
  world = await startWorkflowWorld({
    app: {
      ".github/workflows/rollback.yml": rollbackCaller(["INFRA_TOKEN", "DATABASE_URL"]),
      ".github/greenlight.yml": YAML.stringify({
        version: 1,
        environments: {
          production: {
            repository: "acme/infra",
            tfvars: TFVARS,
            merge: "direct",
            "backup-before-rollback": { destination: backups },
          },
        },
      }),
    },
    infra: { [TFVARS]: FIRST_RELEASE },
  });
});

afterAll(() => world?.close());

describe("a rollback by hand of a first release, with a backup before every rollback", () => {
  it("is refused before any backup is taken, and ends with the refusal sentence", async () => {
    const result = await world.run(".github/workflows/rollback.yml", {
      event: {
        name: "workflow_dispatch",
        inputs: { environment: "production", reason: "errors after deploy" },
      },
      secrets: { environments: { production: { INFRA_TOKEN, DATABASE_URL } } },
    });
    expect(result.jobs["rollback / rollback"]!.result).toBe("failure");
    expect(result.jobs["rollback / verify"]!.result).toBe("skipped");
    const step = result.jobs["rollback / rollback"]!.steps.find((s) =>
      s.uses?.includes("/rollback@"),
    )!;
    expect(step.outcome).toBe("failure");
    expect(step.log).not.toContain("Backup before the rollback");
    expect(step.log.trim().split("\n").at(-1)).toMatch(
      /^::error::Service "api" cannot be rolled back: it has no stable release \(its blue image at \$\.api_blue_image is empty\) and no green desired count to scale to zero, so nothing in the file would keep registry\.example\.com\/api:1\.1\.0 from being promoted again; withdraw the first release by emptying its green image at \$\.api_green_image and setting its green weight \(\$\.api_green_weight\) to 0, or add a green desired count for it to the file\.$/,
    );
    expect(readdirSync(backups)).toEqual([]);
    expect(await world.infraFile(TFVARS)).toBe(FIRST_RELEASE);
  });
});
