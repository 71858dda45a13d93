import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { loadManifest } from "../../../src/core/action-manifest.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";

describe("greenlight CLI", () => {
  it("lists every action and tool in --help", async () => {
    const cap = captureIo(tempDir());
    expect(await runCli(["--help"], cap.io)).toBe(0);
    expect(cap.stdout()).toContain("update-tfvars");
    expect(cap.stdout()).toContain(loadManifest("update-tfvars").description.split("\n")[0]);
    expect(cap.stdout()).toContain("sandbox");
  });

  it("exits 2 with usage when no command is given", async () => {
    const cap = captureIo(tempDir());
    expect(await runCli([], cap.io)).toBe(2);
    expect(cap.stdout()).toContain("Usage: greenlight <command>");
  });

  it("suggests the closest command for a typo", async () => {
    const cap = captureIo(tempDir());
    expect(await runCli(["update-tfvar"], cap.io)).toBe(2);
    expect(cap.stderr()).toBe(
      'error: Unknown command "update-tfvar"; did you mean "update-tfvars"? run "greenlight --help" for the list.\n',
    );
  });

  it("generates an action's --help from its action.yml", async () => {
    const cap = captureIo(tempDir());
    expect(await runCli(["update-tfvars", "--help"], cap.io)).toBe(0);
    const manifest = loadManifest("update-tfvars");
    for (const [name, spec] of Object.entries(manifest.inputs)) {
      expect(cap.stdout()).toContain(`--${name}`);
      if (spec.required) expect(cap.stdout()).toMatch(new RegExp(`--${name}\\s+\\(required`));
    }
    for (const name of Object.keys(manifest.outputs)) expect(cap.stdout()).toContain(`  ${name}\n`);
  });

  it("prints outputs as one JSON object with --json and the summary on stderr", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f.json"), '{\n  "x": 0,\n  "y": "keep"\n}\n');
    const cap = captureIo(dir);
    const code = await runCli(
      ["update-tfvars", "--file", "f.json", "--set", "$.x=1", "--json"],
      cap.io,
    );
    expect(code, cap.stderr()).toBe(0);
    const outputs = JSON.parse(cap.stdout()) as Record<string, string>;
    expect(Object.keys(outputs).sort()).toEqual(["changed", "changes", "diff"]);
    expect(outputs["changed"]).toBe("true");
    expect(JSON.parse(outputs["changes"]!)).toEqual([
      { file: "f.json", path: "$.x", old: 0, new: 1 },
    ]);
    expect(outputs["diff"]).toContain('-  "x": 0,\n+  "x": 1,');
    expect(readFileSync(join(dir, "f.json"), "utf8")).toBe('{\n  "x": 1,\n  "y": "keep"\n}\n');
    expect(cap.stderr()).toContain("| `f.json` | `$.x` | `0` | `1` |");
  });

  it("joins a repeated flag into a multi-line input and writes the summary to a file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f.json"), '{"a":1,"b":2}');
    const cap = captureIo(dir);
    const code = await runCli(
      ["update-tfvars", "--file=f.json", "--set", "$.a=10", "--set", "$.b=20", "--summary", "s.md"],
      cap.io,
    );
    expect(code, cap.stderr()).toBe(0);
    expect(readFileSync(join(dir, "f.json"), "utf8")).toBe('{"a":10,"b":20}');
    expect(readFileSync(join(dir, "s.md"), "utf8")).toContain("| `f.json` | `$.b` | `2` | `20` |");
    expect(cap.stdout()).toContain("changed: true");
  });

  it("treats a boolean flag without a value as true and --no-<flag> as false", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f.json"), '{"a":1}');
    const dry = captureIo(dir);
    expect(
      await runCli(["update-tfvars", "--file", "f.json", "--set", "$.a=2", "--dry-run"], dry.io),
    ).toBe(0);
    expect(readFileSync(join(dir, "f.json"), "utf8")).toBe('{"a":1}');
    expect(dry.stderr()).toContain("dry run");
    const wet = captureIo(dir);
    expect(
      await runCli(["update-tfvars", "--file", "f.json", "--set", "$.a=2", "--no-dry-run"], wet.io),
    ).toBe(0);
    expect(readFileSync(join(dir, "f.json"), "utf8")).toBe('{"a":2}');
  });

  it("reports unchanged when the file already holds the values", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "f.json"), '{"a":1}');
    const cap = captureIo(dir);
    expect(
      await runCli(["update-tfvars", "--file", "f.json", "--set", "$.a=1", "--json"], cap.io),
    ).toBe(0);
    expect(JSON.parse(cap.stdout())).toEqual({ changed: "false", changes: "[]", diff: "" });
  });

  it("refuses a rollback a first release without desired counts cannot record: exit 2, one sentence, nothing written", async () => {
    const dir = tempDir();
    const text =
      JSON.stringify(
        {
          api_blue_image: "",
          api_green_image: "r.io/api:1.0.0",
          api_blue_weight: 100,
          api_green_weight: 0,
        },
        null,
        2,
      ) + "\n";
    writeFileSync(join(dir, "release.auto.tfvars.json"), text);
    const cap = captureIo(dir);
    const code = await runCli(
      ["update-tfvars", "--file", "release.auto.tfvars.json", "--rollback", "api"],
      cap.io,
    );
    expect(code).toBe(2);
    expect(cap.stderr()).toMatch(
      /^error: Service "api" cannot be rolled back: it has no stable release \(its blue image at \$\.api_blue_image is empty\) .*, or add a green desired count for it to the file\.\n$/,
    );
    expect(readFileSync(join(dir, "release.auto.tfvars.json"), "utf8")).toBe(text);
  });
});
