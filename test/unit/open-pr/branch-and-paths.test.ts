import { describe, expect, it } from "vitest";
import { deriveBranchName } from "../../../src/open-pr/branch-name.js";
import { checkAllowedPaths, globToRegExp } from "../../../src/open-pr/change-plan.js";

describe("deriveBranchName", () => {
  it("is the same for the same identity, whatever the order of services", () => {
    const a = deriveBranchName({
      environment: "production",
      kind: "deploy",
      services: ["webhooks", "api"],
    });
    const b = deriveBranchName({
      environment: "production",
      kind: "deploy",
      services: ["api", "webhooks", "api"],
    });
    expect(a).toBe("greenlight/production/deploy-api-webhooks");
    expect(b).toBe(a);
  });

  it("differs by environment, kind and services", () => {
    const names = new Set([
      deriveBranchName({ environment: "qa", kind: "deploy", services: ["api"] }),
      deriveBranchName({ environment: "production", kind: "deploy", services: ["api"] }),
      deriveBranchName({ environment: "production", kind: "rollback", services: ["api"] }),
      deriveBranchName({ environment: "production", kind: "deploy", services: ["worker"] }),
    ]);
    expect(names.size).toBe(4);
  });

  it("names generic edits by a digest of what they change, and stays short and valid", () => {
    const edit = deriveBranchName({
      environment: "qa",
      kind: "edit",
      services: [],
      discriminator: "$.a=1",
    });
    expect(edit).toMatch(/^greenlight\/qa\/edit-[0-9a-f]{10}$/);
    const long = deriveBranchName({
      environment: "Production EU",
      kind: "deploy",
      services: Array.from({ length: 30 }, (_, i) => `service-${i}`),
    });
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^greenlight\/production-eu\/deploy-[a-z0-9-]+$/);
  });
});

describe("allowed paths", () => {
  it.each([
    ["envs/**", "envs/production/release.auto.tfvars.json", true],
    ["envs/**/*.json", "envs/a/b/c.json", true],
    ["envs/**/*.json", "envs/c.json", true],
    ["envs/*.json", "envs/a/c.json", false],
    ["release.auto.tfvars.json", "release.auto.tfvars.json", true],
    ["release.auto.tfvars.json", "release-auto-tfvars-json", false],
    ["file?.txt", "file1.txt", true],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it("refuses paths outside the list, absolute paths and ..", () => {
    expect(() => checkAllowedPaths(["envs/qa.json"], ["envs/**"])).not.toThrow();
    expect(() => checkAllowedPaths(["main.tf"], ["envs/**"])).toThrow(
      /outside the paths this change may touch \(envs\/\*\*\)/,
    );
    expect(() => checkAllowedPaths(["/etc/passwd"], ["**"])).toThrow(/relative/);
    expect(() => checkAllowedPaths(["envs/../main.tf"], ["envs/**"])).toThrow(/relative/);
  });
});
