/**
 * `greenlight update-tfvars` on HCL variable files, end to end through the CLI (the same code
 * path as the binary): the blue/green presets edit exactly the values they mean to, every
 * edit is checked by HashiCorp's parser, and outputs describe the changes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";
import { readFixture, replaceOnce } from "../../helpers/tfvars-fixtures.js";

const SERVICES = "services.auto.tfvars";
const DIGEST = "sha256:" + "4".repeat(64);

function workspace(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(dir: string, args: string[]) {
  const cap = captureIo(dir);
  const code = await runCli(["update-tfvars", ...args], cap.io);
  return { code, stdout: cap.stdout(), stderr: cap.stderr() };
}

function edits(text: string, ...pairs: [string, string][]): string {
  return pairs.reduce((out, [from, to]) => replaceOnce(out, from, to), text);
}

describe("update-tfvars on HCL files", () => {
  it("writes a green image and its desired count and shifts weights, with comments kept", async () => {
    const dir = workspace({ [SERVICES]: readFixture(SERVICES) });
    const image = `registry.example.com/shop/api@${DIGEST}`;

    const result = await run(dir, [
      "--file",
      SERVICES,
      "--images",
      `api=${image}`,
      "--weights",
      "api=20",
      "--json",
    ]);

    expect(result.code, result.stderr).toBe(0);
    const expected = edits(
      readFixture(SERVICES),
      [`"registry.example.com/shop/api@sha256:${"2".repeat(64)}"`, `"${image}"`],
      ["api_green_desired_count = 0", "api_green_desired_count = 4"],
      ["api_blue_weight         = 100 #", "api_blue_weight         = 80 #"],
      ["api_green_weight        = 0", "api_green_weight        = 20"],
    );
    expect(readFileSync(join(dir, SERVICES), "utf8")).toBe(expected);
    const outputs = JSON.parse(result.stdout) as Record<string, string>;
    expect(outputs["changed"]).toBe("true");
    expect(JSON.parse(outputs["changes"]!)).toEqual([
      {
        file: SERVICES,
        path: "$.api_green_image",
        old: `registry.example.com/shop/api@sha256:${"2".repeat(64)}`,
        new: image,
      },
      { file: SERVICES, path: "$.api_green_desired_count", old: 0, new: 4 },
      { file: SERVICES, path: "$.api_blue_weight", old: 100, new: 80 },
      { file: SERVICES, path: "$.api_green_weight", old: 0, new: 20 },
    ]);
    expect(outputs["diff"]).toContain("-api_blue_weight         = 100 # all traffic on blue\n");
    expect(outputs["diff"]).toContain("+api_blue_weight         = 80 # all traffic on blue\n");
  });

  it("sets one percentage on every weighted service and leaves the unweighted worker alone", async () => {
    const dir = workspace({ [SERVICES]: readFixture(SERVICES) });

    const result = await run(dir, ["--file", SERVICES, "--weights", "50"]);

    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, SERVICES), "utf8")).toBe(
      edits(
        readFixture(SERVICES),
        ["api_blue_weight         = 100 #", "api_blue_weight         = 50 #"],
        ["api_green_weight        = 0", "api_green_weight        = 50"],
        ["webhooks_blue_weight         = 90", "webhooks_blue_weight         = 50"],
        ["webhooks_green_weight        = 10", "webhooks_green_weight        = 50"],
      ),
    );
  });

  it("rolls back a canary on a CRLF file: all traffic to blue, green scaled to zero", async () => {
    const file = "crlf.auto.tfvars";
    const text = readFixture(file).replace("edge_green_weight = 0", "edge_green_weight = 30");
    const dir = workspace({
      [file]: text.replace("edge_blue_weight  = 100", "edge_blue_weight  = 70"),
    });

    const result = await run(dir, ["--file", file, "--rollback", "edge"]);

    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, file), "utf8")).toBe(readFixture(file));
  });

  it("follows fields remapped by the config file into a nested HCL map", async () => {
    const file = "nested-4space.auto.tfvars";
    const config = [
      "version: 1",
      "services:",
      "  api:",
      "    fields:",
      "      blue-image: $.services.api.image",
      "      green-image: $.services.api.green.image",
      "      green-desired-count: $.services.api.green.desired_count",
      "      blue-weight: $.services.api.weight",
      "      green-weight: $.services.api.green.weight",
      "",
    ].join("\n");
    const dir = workspace({ [file]: readFixture(file), "greenlight.yml": config });

    const result = await run(dir, [
      "--file",
      file,
      "--config-file",
      "greenlight.yml",
      "--images",
      "api=registry.example.com/shop/api:1.5.0",
      "--weights",
      "api=10",
    ]);

    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, file), "utf8")).toBe(
      edits(
        readFixture(file),
        ['"registry.example.com/shop/api:1.5.0-rc.1"', '"registry.example.com/shop/api:1.5.0"'],
        ["weight = 100,", "weight = 90,"],
        ["weight        = 0", "weight        = 10"],
      ),
    );
  });

  it("edits a JSON and an HCL file in one run", async () => {
    const json =
      '{\n  "api_green_image": "r.example.com/api:1",\n  "api_blue_weight": 100,\n  "api_green_weight": 0\n}\n';
    const dir = workspace({ "a.auto.tfvars.json": json, [SERVICES]: readFixture(SERVICES) });

    const result = await run(dir, [
      "--file",
      `a.auto.tfvars.json,${SERVICES}`,
      "--set",
      "$.api_green_weight=5",
      "--set",
      "$.api_blue_weight=95",
    ]);

    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, "a.auto.tfvars.json"), "utf8")).toBe(
      edits(
        json,
        ['"api_blue_weight": 100', '"api_blue_weight": 95'],
        ['"api_green_weight": 0', '"api_green_weight": 5'],
      ),
    );
    expect(readFileSync(join(dir, SERVICES), "utf8")).toBe(
      edits(
        readFixture(SERVICES),
        ["api_blue_weight         = 100 #", "api_blue_weight         = 95 #"],
        ["api_green_weight        = 0", "api_green_weight        = 5"],
      ),
    );
  });

  it("prints the result with --dry-run and leaves the file as it was", async () => {
    const dir = workspace({ [SERVICES]: readFixture(SERVICES) });

    const result = await run(dir, [
      "--file",
      SERVICES,
      "--weights",
      "api=30",
      "--dry-run",
      "--json",
    ]);

    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, SERVICES), "utf8")).toBe(readFixture(SERVICES));
    const outputs = JSON.parse(result.stdout) as Record<string, string>;
    expect(outputs["diff"]).toContain("+api_green_weight        = 30\n");
  });

  it("adds a missing green desired count with create after the last variable", async () => {
    const file = "crlf.auto.tfvars";
    const dir = workspace({ [file]: readFixture(file) });

    const result = await run(dir, [
      "--file",
      file,
      "--set",
      "$.edge_green_desired_count=2",
      "--create",
    ]);

    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, file), "utf8")).toBe(
      replaceOnce(readFixture(file), "}\r\n", "}\r\nedge_green_desired_count = 2\r\n"),
    );
  });
});
