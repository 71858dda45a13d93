/**
 * Every bundle's licences file lists the packages it ships. ncc's own licence output kept one
 * chunk's list only (hcl2json and ncc), so bundles with chunks shipped without their MIT and
 * ISC notices; scripts/build.mjs now writes the file from webpack's module list.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/core/package-root.js";

const dist = join(packageRoot(), "dist");
// The bundles; an action's own folder holds only the two-line file that starts the action
// bundle (test/unit/action-bundle.test.ts), no package code.
const folders = readdirSync(dist, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(dist, d.name, "index.js")))
  .map((d) => d.name)
  .filter(
    (name) => !readFileSync(join(dist, name, "index.js"), "utf8").includes("../action-bundle/"),
  );

function listedPackages(folder: string): string[] {
  const text = readFileSync(join(dist, folder, "licenses.txt"), "utf8");
  // Each entry starts with the package's name@version, then its SPDX licence on the next line.
  return [...text.matchAll(/^((?:@[\w.-]+\/)?[\w.-]+)@[\w.+-]+\n[\w.()+ -]+\n/gm)].map(
    (m) => m[1]!,
  );
}

describe("bundle licences", () => {
  it("covers both bundles", () => {
    expect(folders.sort()).toEqual(["action-bundle", "cli"]);
  });

  it.each(folders)(
    "dist/%s/licenses.txt lists the toolkit and every package its code names",
    (folder) => {
      const listed = listedPackages(folder);
      expect(listed).toContain("@actions/core");
      const code = readdirSync(join(dist, folder))
        .filter((f) => f.endsWith(".js"))
        .map((f) => readFileSync(join(dist, folder, f), "utf8"))
        .join("\n");
      // Packages whose presence in a bundle is visible in its text.
      for (const [pkg, marker] of [
        ["zod", "ZodError"],
        ["yaml", "YAMLParseError"],
        ["@cdktf/hcl2json", "hcl2json"],
      ] as const) {
        if (code.includes(marker)) expect(listed).toContain(pkg);
      }
    },
  );
});
