import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../../src/config/json-schema.js";
import { loadConfig, parseConfig } from "../../../src/config/load.js";
import { schemaCommand } from "../../../src/config/schema-command.js";
import {
  defaultFieldPath,
  releaseFileOf,
  releaseFormatFor,
  serviceFieldPath,
} from "../../../src/config/schema.js";
import { ConfigurationError } from "../../../src/core/errors.js";

const example = new URL("../../../examples/app/.github/greenlight.yml", import.meta.url).pathname;

function messageOf(text: string): string {
  try {
    parseConfig(text, "greenlight.yml");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error("expected the config to be rejected");
}

describe("config file", () => {
  it("loads the example with defaults applied and optional facts left undefined", async () => {
    const config = await loadConfig({ cwd: "/", path: example, required: true });
    expect(config?.environments.production?.merge).toBe("auto-merge");
    expect(config?.environments.staging?.draft).toBeUndefined();
    expect(config?.services.api?.weighted).toBe(true);
    expect(config?.services.worker?.weighted).toBe(false);
    expect(config?.environments.production?.promotion?.["bake-time"]).toBe(600_000);
  });

  it("treats a missing default file as no config, and a missing named file as an error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "greenlight-config-"));
    await expect(loadConfig({ cwd: dir })).resolves.toBeUndefined();
    await expect(loadConfig({ cwd: dir, path: "nope.yml", required: true })).rejects.toThrow(
      /Config file "nope.yml" does not exist/,
    );
  });

  it("says a config path that is not a readable file cannot be read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "greenlight-config-"));
    await expect(loadConfig({ cwd: dir, path: ".", required: true })).rejects.toThrow(
      /^Config file "\." cannot be read \(EISDIR\); check that it is a readable file\.$/,
    );
  });

  it("greenlight schema refuses unknown arguments with exit 2", async () => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (t: string) => err.push(t), env: {}, cwd: "/" };
    await expect(schemaCommand(["--chek"], io)).resolves.toBe(2);
    expect(err.join("")).toContain('Unknown arguments "--chek" for greenlight schema');
  });

  it("points at the line and column of an unknown key", () => {
    const message = messageOf(
      "environments:\n  prod:\n    repository: acme/infra\n    mrege: direct\n",
    );
    expect(message).toBe(
      'greenlight.yml:4:5: environments.prod has the unknown key "mrege"; check its spelling (keys are kebab-case) or remove it.',
    );
  });

  it("points at a value of the wrong kind and says what is right", () => {
    const message = messageOf("environments:\n  prod:\n    merge: sometimes\n");
    expect(message).toMatch(
      /^greenlight\.yml:3:12: environments\.prod\.merge is invalid: .*pull-request.*auto-merge.*direct/,
    );
  });

  it("reports YAML syntax errors with their position", () => {
    expect(messageOf("environments:\n  prod: [unclosed\n")).toMatch(
      /^greenlight\.yml:\d+:\d+: the config file is not valid YAML/,
    );
  });

  it("rejects services that name undefined environments", () => {
    const message = messageOf(
      "environments:\n  prod: {}\nservices:\n  api:\n    environments: [prod, qa]\n",
    );
    expect(message).toMatch(/^greenlight\.yml:5:26: services\.api\.environments names "qa"/);
  });

  it("rejects promotion steps that do not end at 100", () => {
    expect(messageOf("promotion:\n  steps: [10, 50]\n")).toMatch(
      /promotion\.steps is invalid: the last step must be 100/,
    );
  });

  it("names the release file by release-file (a path, or path and format) or by tfvars", () => {
    const config = parseConfig(
      [
        "environments:",
        "  prod: {release-file: envs/prod/values.yaml}",
        "  qa: {release-file: {path: envs/qa/release, format: yaml}}",
        "  legacy: {tfvars: envs/legacy.auto.tfvars.json}",
        "",
      ].join("\n"),
      "f",
    );
    expect(releaseFileOf(config.environments.prod)).toEqual({ path: "envs/prod/values.yaml" });
    expect(releaseFileOf(config.environments.qa)).toEqual({
      path: "envs/qa/release",
      format: "yaml",
    });
    expect(releaseFormatFor(config.environments.qa, "envs/qa/release")).toBe("yaml");
    expect(releaseFormatFor(config.environments.qa, "other.json")).toBeUndefined();
    expect(releaseFileOf(config.environments.legacy)).toEqual({
      path: "envs/legacy.auto.tfvars.json",
    });
  });

  it("refuses release-file and tfvars together, and an unknown format", () => {
    expect(messageOf("environments:\n  prod: {release-file: a.yaml, tfvars: b.tfvars}\n")).toMatch(
      /environments\.prod\.tfvars is invalid: give release-file or tfvars, not both/,
    );
    expect(
      messageOf("environments:\n  prod:\n    release-file: {path: a, format: toml}\n"),
    ).toMatch(/^greenlight\.yml:3:\d+: environments\.prod\.release-file/);
  });

  it("maps fields by convention unless a service overrides them", () => {
    const config = parseConfig(
      "services:\n  web-hooks:\n    fields:\n      green-image: $.images.hooks\n",
      "f",
    );
    expect(defaultFieldPath("web-hooks", "green-desired-count")).toBe(
      "$.web_hooks_green_desired_count",
    );
    expect(serviceFieldPath(config, "web-hooks", "green-image")).toBe("$.images.hooks");
    expect(serviceFieldPath(config, "web-hooks", "blue-weight")).toBe("$.web_hooks_blue_weight");
  });

  it("exports a JSON Schema that rejects unknown keys", () => {
    const schema = configJsonSchema() as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["environments", "services", "promotion", "notifications"]),
    );
    expect(schema.additionalProperties).toBe(false);
  });

  it("greenlight schema --check names the problem and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "greenlight-config-"));
    writeFileSync(join(dir, "bad.yml"), "services:\n  api:\n    weighted: maybe\n");
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (t: string) => err.push(t), env: {}, cwd: dir };
    await expect(schemaCommand(["--check", "bad.yml"], io)).resolves.toBe(2);
    expect(err.join("")).toMatch(/^bad\.yml:3:15: services\.api\.weighted is invalid/);
    const out: string[] = [];
    await expect(schemaCommand([], { ...io, stdout: (t: string) => out.push(t) })).resolves.toBe(0);
    expect(JSON.parse(out.join(""))).toHaveProperty("title");
  });
});
