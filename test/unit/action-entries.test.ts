/**
 * Every action's entry module follows the TypeScript action template's convention, so
 * `@github/local-action` can run the action from source: it imports the entry and calls
 * its exported run(). Importing must not start the action; starting the bundle must.
 */
import { existsSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { isEntryPoint } from "../../src/core/entry-point.js";
import { packageRoot } from "../../src/core/package-root.js";
import { tempDir } from "../helpers/run-context.js";

const src = join(packageRoot(), "src");
const entries = readdirSync(src)
  .filter((name) => name !== "cli" && name !== "action-bundle")
  .flatMap((name) => ["run.ts", "post.ts"].map((file) => join(name, file)))
  .filter((entry) => existsSync(join(src, entry)));

describe("action entry modules", () => {
  it("exist for every action folder", () => {
    expect(entries).toContain(join("verify", "run.ts"));
    expect(entries).toContain(join("open-pr", "post.ts"));
  });

  it.each(entries)("%s exports run() and does not start when imported", async (entry) => {
    const before = process.exitCode;
    const module = (await import(pathToFileURL(join(src, entry)).href)) as { run?: unknown };
    expect(typeof module.run).toBe("function");
    expect(process.exitCode).toBe(before);
  });
});

describe("isEntryPoint", () => {
  it("is true for the started file, through a symbolic link too, and false otherwise", () => {
    const dir = tempDir();
    const file = join(dir, "index.js");
    writeFileSync(file, "");
    symlinkSync(file, join(dir, "link.js"));
    const url = pathToFileURL(file).href;
    expect(isEntryPoint(url, file)).toBe(true);
    expect(isEntryPoint(url, join(dir, "link.js"))).toBe(true);
    expect(isEntryPoint(url, join(dir, "other.js"))).toBe(false);
    expect(isEntryPoint(url, undefined)).toBe(false);
  });
});
