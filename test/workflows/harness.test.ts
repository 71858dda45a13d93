/**
 * The harness itself: a caller and a reusable workflow of its own, to show it runs what
 * GitHub runs and refuses what GitHub refuses, before any scenario relies on it.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/run-context.js";
import type { RunOptions } from "./harness/workflow.js";
import { runWorkflow } from "./harness/workflow.js";

const CALLED = `
name: called
on:
  workflow_call:
    inputs:
      who: { type: string, required: true }
      loud: { type: boolean, default: false }
    secrets:
      PASSED: { required: false }
      PER_ENV: { required: false }
    outputs:
      greeting: { description: what it said, value: "\${{ jobs.say.outputs.greeting }}" }
permissions: {}
jobs:
  say:
    runs-on: ubuntu-latest
    permissions: { contents: read }
    outputs:
      greeting: \${{ steps.hello.outputs.greeting }}
    steps:
      - id: hello
        env:
          WHO: \${{ inputs.who }}
          LOUD: \${{ inputs.loud }}
          PASSED: \${{ secrets.PASSED }}
          PER_ENV: \${{ secrets.PER_ENV }}
        run: |
          echo "greeting=hello $WHO loud=$LOUD passed=$PASSED per-env=$PER_ENV" >> "$GITHUB_OUTPUT"
  in-env:
    runs-on: ubuntu-latest
    environment: production
    permissions: {}
    steps:
      - env:
          PER_ENV: \${{ secrets.PER_ENV }}
        run: echo "per-env=$PER_ENV" >> "$GITHUB_STEP_SUMMARY"
`;

const CALLER = `
name: caller
on: push
permissions: {}
jobs:
  first:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - id: tolerated
        continue-on-error: true
        run: exit 3
      - id: tfvars
        uses: greenlight-actions/greenlight/actions/update-tfvars@0000000000000000000000000000000000000000 # update-tfvars/v0.1.0
        with:
          file: release.auto.tfvars.json
          images: api=registry.example.com/api:2
          dry-run: true
      - id: after
        env:
          OUTCOME: \${{ steps.tolerated.outcome }}
          CONCLUSION: \${{ steps.tolerated.conclusion }}
          CHANGED: \${{ steps.tfvars.outputs.changed }}
        run: echo "summary=$OUTCOME/$CONCLUSION/changed=$CHANGED" >> "$GITHUB_OUTPUT"
      - run: exit 1
      - id: never
        run: echo never
      - id: on-failure
        if: failure()
        run: echo "ran after the failure"
    outputs:
      summary: \${{ steps.after.outputs.summary }}
  skipped:
    needs: first
    runs-on: ubuntu-latest
    steps:
      - run: echo skipped
  call:
    needs: first
    if: always()
    permissions: { contents: read }
    uses: ./.github/workflows/called.yml
    with:
      who: \${{ needs.first.outputs.summary }}
      loud: true
    secrets:
      PASSED: \${{ secrets.REPO_SECRET }}
`;

let appRepo: string;
let sha: string;

function commit(files: Record<string, string>) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(appRepo, path)), { recursive: true });
    writeFileSync(join(appRepo, path), content);
  }
  execFileSync("git", ["-C", appRepo, "add", "--all"]);
  execFileSync("git", [
    "-C",
    appRepo,
    "-c",
    "user.name=d",
    "-c",
    "user.email=d@example.com",
    "commit",
    "--quiet",
    "-m",
    "c",
  ]);
  return execFileSync("git", ["-C", appRepo, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
}

const run = (workflow: string, extra: Partial<RunOptions> = {}) =>
  runWorkflow({
    workflow: join(appRepo, workflow),
    event: { name: "push" },
    repository: "acme/shop",
    appRepo,
    sha,
    apiUrl: "http://127.0.0.1:9",
    githubToken: "ghs_token",
    secrets: {
      repository: { REPO_SECRET: "from-the-repository", PER_ENV: "repository-value" },
      environments: { production: { PER_ENV: "production-value" } },
    },
    ...extra,
  });

beforeAll(() => {
  appRepo = tempDir("greenlight-harness-app-");
  execFileSync("git", ["init", "--quiet", "--initial-branch=main", appRepo]);
  sha = commit({
    ".github/workflows/called.yml": CALLED,
    ".github/workflows/caller.yml": CALLER,
    "release.auto.tfvars.json": '{ "api_green_image": "registry.example.com/api:1" }\n',
  });
});

describe("workflow harness", () => {
  it("runs jobs in needs order with their ifs, steps with continue-on-error, outputs and a failing step", async () => {
    const result = await run(".github/workflows/caller.yml");
    const first = result.jobs["first"]!;
    expect(first.result).toBe("failure");
    expect(first.steps.map((s) => [s.id, s.outcome, s.conclusion])).toEqual([
      ["__actions_checkout", "success", "success"],
      ["tolerated", "failure", "success"],
      ["tfvars", "success", "success"],
      ["after", "success", "success"],
      ["__run", "failure", "failure"],
      ["never", "skipped", "skipped"],
      ["on-failure", "success", "success"],
    ]);
    // update-tfvars ran from dist/ with its hyphenated input (INPUT_DRY-RUN) honoured.
    expect(first.steps[2]!.inputs).toMatchObject({
      "dry-run": "true",
      file: "release.auto.tfvars.json",
    });
    expect(first.outputs["summary"]).toBe("failure/success/changed=true");
    expect(result.jobs["skipped"]!.result).toBe("skipped");
    expect(result.conclusion).toBe("failure");
  });

  it("passes inputs typed and secrets only as the caller names them; environment secrets only to jobs in the environment", async () => {
    const result = await run(".github/workflows/caller.yml");
    expect(result.jobs["call / say"]!.outputs["greeting"]).toBe(
      "hello failure/success/changed=true loud=true passed=from-the-repository per-env=",
    );
    // PER_ENV is not passed: even the job in the production environment does not see it.
    expect(result.jobs["call / in-env"]!.summary).toBe("per-env=\n");
  });

  it("gives a job that names the environment the environment's value of a passed secret", async () => {
    const caller = CALLER.replace(
      "PASSED: ${{ secrets.REPO_SECRET }}",
      "PASSED: ${{ secrets.REPO_SECRET }}\n      PER_ENV: ${{ secrets.PER_ENV }}",
    );
    commit({ ".github/workflows/caller-env.yml": caller });
    sha = execFileSync("git", ["-C", appRepo, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    const result = await run(".github/workflows/caller-env.yml");
    expect(result.jobs["call / say"]!.outputs["greeting"]).toContain("per-env=repository-value");
    expect(result.jobs["call / in-env"]!.summary).toBe("per-env=production-value\n");
  });

  it("refuses a called job that reads a secret its workflow_call does not declare", async () => {
    commit({
      ".github/workflows/called.yml": CALLED.replace(
        'secrets.PER_ENV }}\n        run: echo "per-env',
        'secrets.UNDECLARED }}\n        run: echo "per-env',
      ),
    });
    sha = execFileSync("git", ["-C", appRepo, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    await expect(run(".github/workflows/caller.yml")).rejects.toThrow(
      ".github/workflows/called.yml reads secrets.UNDECLARED, which no caller can pass: declare it under on.workflow_call.secrets.",
    );
    commit({ ".github/workflows/called.yml": CALLED });
    sha = execFileSync("git", ["-C", appRepo, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  });

  it("refuses a called job asking for more permissions than its caller grants, as GitHub does", async () => {
    commit({
      ".github/workflows/caller-narrow.yml": CALLER.replace(
        "if: always()\n    permissions: { contents: read }",
        "if: always()\n    permissions: {}",
      ),
    });
    sha = execFileSync("git", ["-C", appRepo, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    await expect(run(".github/workflows/caller-narrow.yml")).rejects.toThrow(
      "The nested job 'call / say' is requesting 'contents: read', but is only allowed 'contents: none'.",
    );
  });

  it("refuses a call GitHub's parser rejects: a required input not given", async () => {
    commit({
      ".github/workflows/caller-missing.yml": CALLER.replace(
        "      who: ${{ needs.first.outputs.summary }}\n",
        "",
      ),
    });
    sha = execFileSync("git", ["-C", appRepo, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    await expect(run(".github/workflows/caller-missing.yml")).rejects.toThrow(
      /Input who is required, but not provided while calling/,
    );
  });
});
