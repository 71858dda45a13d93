/**
 * docs/architecture.md's table of folders names every folder of src/ (and core's own
 * folders), so a folder added without saying what it holds and what it may import fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(process.cwd(), "src");
const doc = readFileSync(join(process.cwd(), "docs", "architecture.md"), "utf8");

function foldersIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

const folders = [
  ...foldersIn(SRC),
  ...foldersIn(join(SRC, "core")).map((name) => `core/${name}`),
].sort();

describe("docs/architecture.md", () => {
  it("finds the folders to check", () => {
    expect(folders).toEqual(expect.arrayContaining(["core", "core/http", "release-file", "cli"]));
  });

  it.each(folders)("names src/%s/ in the table of folders", (folder) => {
    expect(doc).toContain(`\`${folder}/\``);
  });
});
