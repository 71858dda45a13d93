/**
 * package.json's `engines` is true: every package the bundles ship declares support for every
 * Node version `engines` admits. (@octokit/request 10 asks for content-type 3, which declares
 * Node >= 22 for the same parser content-type 2.1 ships for Node >= 18; package.json's
 * `overrides` pins 2.1 so the CLI keeps running on Node 20.)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/core/package-root.js";

const root = packageRoot();
const engines = (
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { engines: { node: string } }
).engines.node;

/** name@version of each package a bundle ships, from its licences file. */
function shipped(bundle: string): string[] {
  const text = readFileSync(join(root, "dist", bundle, "licenses.txt"), "utf8");
  return [...text.matchAll(/^((?:@[\w.-]+\/)?[\w.-]+@[\w.+-]+)\n[\w.()+ -]+\n/gm)].map(
    (m) => m[1]!,
  );
}

function manifest(dir: string): { version?: string; engines?: { node?: string } } | undefined {
  const file = join(dir, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

/** The Node range a shipped package declares: its copy at the top, or nested one level down. */
function nodeRange(nameAtVersion: string): string | undefined {
  const at = nameAtVersion.lastIndexOf("@");
  const name = nameAtVersion.slice(0, at);
  const version = nameAtVersion.slice(at + 1);
  const top = join(root, "node_modules");
  const owners = readdirSync(top).flatMap((entry) =>
    entry.startsWith("@") ? readdirSync(join(top, entry)).map((n) => `${entry}/${n}`) : [entry],
  );
  const candidates = [join(top, name), ...owners.map((o) => join(top, o, "node_modules", name))];
  for (const dir of candidates) {
    const found = manifest(dir);
    if (found?.version === version) return found.engines?.node;
  }
  throw new Error(`${nameAtVersion} is not installed: run npm ci`);
}

/** The packages whose declared Node range leaves out a version `engines` admits. */
function narrower(names: string[], ours: string): string[] {
  return names.flatMap((name) => {
    const theirs = nodeRange(name);
    return theirs && !semver.subset(ours, theirs) ? [`${name} (node ${theirs})`] : [];
  });
}

describe("engines", () => {
  it("admits the Node this machine tests with and the Node 24 actions run on", () => {
    expect(semver.satisfies(process.versions.node, engines)).toBe(true);
    expect(semver.satisfies("24.0.0", engines)).toBe(true);
  });

  it.each(["action-bundle", "cli"])("holds for every package dist/%s ships", (bundle) => {
    const names = shipped(bundle);
    expect(names.some((n) => n.startsWith("@octokit/request@"))).toBe(true);
    expect(narrower(names, engines)).toEqual([]);
  });

  it("would catch a package that asks for a newer Node than engines admits", () => {
    expect(narrower(["content-type@2.1.0"], ">=20.18.1")).toEqual([]);
    expect(narrower(["content-type@2.1.0"], ">=16")).toEqual(["content-type@2.1.0 (node >=18)"]);
  });
});
