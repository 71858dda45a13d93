/**
 * scripts/pin-release.mjs: a release pins every reference to Greenlight's own actions and
 * workflows to its commit and version, and changes nothing else.
 */
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { pinnedFiles, pinRelease, pinText } from "../../../scripts/pin-release.mjs";
import { tempDir } from "../../helpers/run-context.js";
import { readRepoFile, root } from "./workflow-files.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";

describe("pin-release", () => {
  it("pins actions, workflows and the root action, each with its kind of version comment", () => {
    const text = [
      "uses: acme/greenlight/actions/verify@" + "a".repeat(40) + " # verify/v0.1.0",
      "uses: acme/greenlight/.github/workflows/deploy.yml@" + "b".repeat(40) + " # v0.1.0",
      "- uses: acme/greenlight@" + "c".repeat(40) + " # v0.1.0",
      "uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
    ].join("\n");
    expect(pinText(text, SHA, "1.2.3").split("\n")).toEqual([
      `uses: acme/greenlight/actions/verify@${SHA} # verify/v1.2.3`,
      `uses: acme/greenlight/.github/workflows/deploy.yml@${SHA} # v1.2.3`,
      `- uses: acme/greenlight@${SHA} # v1.2.3`,
      "uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
    ]);
  });

  it("rewrites the repository's workflows, docs and READMEs, only on the pinned lines", () => {
    const copy = tempDir("greenlight-pin-");
    const files = pinnedFiles();
    expect(files).toContain(".github/workflows/deploy.yml");
    expect(files).toContain("docs/workflows.md");
    expect(files).toContain("README.md");
    expect(files).toContain("actions/verify/README.md");
    for (const file of files) {
      mkdirSync(join(copy, dirname(file)), { recursive: true });
      cpSync(join(root, file), join(copy, file));
    }
    const changed = pinRelease(SHA, "2.0.0", copy);
    expect(changed).toContain("examples/app/.github/workflows/release.yml");
    expect(changed).toContain("actions/verify/README.md");
    for (const file of changed) {
      const before = readRepoFile(file).split("\n");
      const after = readFileSync(join(copy, file), "utf8").split("\n");
      expect(after).toHaveLength(before.length);
      after.forEach((line, i) => {
        if (line !== before[i])
          expect(line).toMatch(new RegExp(`/greenlight[^@]*@${SHA} # ([\\w-]+/)?v2\\.0\\.0`));
      });
    }
  });

  it("refuses what is not a commit or a version", () => {
    expect(() => pinRelease("main", "1.0.0", tempDir())).toThrow(/40-character commit SHA/);
    expect(() => pinRelease(SHA, "v1", tempDir())).toThrow(/version such as/);
  });
});
