/**
 * A secret given as an input never appears in what either runner prints or writes — raw,
 * base64, URL-encoded or inside a Basic auth header — whatever the action logs, outputs,
 * summarises or fails with.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { runActionCommand } from "../../src/cli/main.js";
import { defineAction, toRunnable } from "../../src/core/action.js";
import { parseManifest } from "../../src/core/action-manifest.js";
import { runAction } from "../../src/core/action-runner.js";
import { ConfigurationError } from "../../src/core/errors.js";
import { captureIo, tempDir } from "../helpers/run-context.js";

const SECRET = "s3cr3t/T0ken+with=chars&more";

function leakedForms(secret: string): Record<string, string> {
  return {
    raw: secret,
    base64: Buffer.from(secret).toString("base64"),
    base64url: Buffer.from(secret).toString("base64url"),
    urlEncoded: encodeURIComponent(secret),
    basicAuth: Buffer.from(`x-access-token:${secret}`).toString("base64"),
    embeddedBase64: Buffer.from(`Authorization: Basic user:${secret}`).toString("base64"),
  };
}

/**
 * What must not be visible of each printed form. For a secret base64-encoded inside a
 * larger text, that is the run of characters that encode nothing but secret bytes.
 */
function secretParts(secret: string): Record<string, string> {
  const forms = leakedForms(secret);
  const prefix = Buffer.byteLength("Authorization: Basic user:");
  const first = Math.ceil(prefix / 3) * 3;
  const last = Math.floor((prefix + Buffer.byteLength(secret)) / 3) * 3;
  return { ...forms, embeddedBase64: forms.embeddedBase64!.slice((first / 3) * 4, (last / 3) * 4) };
}

const manifest = parseManifest(`
name: leaky
description: a test action that tries to print its secret in every form
inputs:
  api-key: { description: a credential, required: true }
  fail-with: { description: how to end, required: false, default: "nothing" }
outputs:
  echoed: { description: the secret, in disguise }
runs: { using: node24, main: index.js }
`);

const leaky = defineAction({
  name: "leaky",
  inputs: z.object({
    "api-key": z.string(),
    "fail-with": z.enum(["nothing", "config", "bug", "verdict"]),
  }),
  secretInputs: ["api-key"],
  async run(params, context) {
    const key = params["api-key"];
    const forms = Object.values(leakedForms(key));
    context.logger.info(`connecting with ${forms.join(" ")}`);
    await context.logger.group(`group ${key}`, async () => context.logger.warning(`warn ${key}`));
    if (params["fail-with"] === "config")
      throw new ConfigurationError(`Input "api-key" ${key} is wrong.`);
    if (params["fail-with"] === "bug") throw new Error(`exploded with ${encodeURIComponent(key)}`);
    return {
      outputs: { echoed: forms.join(",") },
      summary: [{ kind: "paragraph", text: `used ${forms.join(" ")}` }],
      ...(params["fail-with"] === "verdict" ? { failure: `rejected ${key}` } : {}),
    };
  },
});

function expectNoLeak(text: string) {
  for (const [form, value] of Object.entries(secretParts(SECRET))) {
    expect(text.includes(value), `the ${form} form of the secret leaked:\n${text}`).toBe(false);
  }
}

describe("secret masking in the CLI", () => {
  it.each(["nothing", "config", "bug", "verdict"])(
    "leaks nothing when the action ends with %s",
    async (end) => {
      const dir = tempDir();
      const cap = captureIo(dir);
      const summaryFile = join(dir, "summary.md");
      const code = await runActionCommand(
        toRunnable(leaky),
        manifest,
        ["--api-key", SECRET, "--fail-with", end, "--debug", "--summary", summaryFile],
        cap.io,
      );
      expect(code).toBe(end === "nothing" ? 0 : end === "config" ? 2 : 1);
      expectNoLeak(cap.stdout() + cap.stderr());
      if (end === "nothing" || end === "verdict") expectNoLeak(readFileSync(summaryFile, "utf8"));
      expect(cap.stdout() + cap.stderr()).toContain("***");
    },
  );
});

describe("secret masking in the Actions runner", () => {
  let dir: string;
  let written: string[];
  beforeEach(() => {
    dir = tempDir();
    written = [];
    for (const file of ["output", "summary", "state"]) writeFileSync(join(dir, file), "");
    process.env["GITHUB_OUTPUT"] = join(dir, "output");
    process.env["GITHUB_STEP_SUMMARY"] = join(dir, "summary");
    process.env["GITHUB_STATE"] = join(dir, "state");
    process.env["INPUT_API-KEY"] = SECRET;
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const name of [
      "GITHUB_OUTPUT",
      "GITHUB_STEP_SUMMARY",
      "GITHUB_STATE",
      "INPUT_API-KEY",
      "INPUT_FAIL-WITH",
    ])
      delete process.env[name];
    process.exitCode = undefined;
  });

  it.each(["nothing", "config", "bug", "verdict"])(
    "masks every form and leaks none when ending with %s",
    async (end) => {
      process.env["INPUT_FAIL-WITH"] = end;
      await runAction(leaky, manifest);
      const printed = written.join("");
      // Workflow commands escape %, CR and LF in their data; the runner unescapes them.
      const masks = printed
        .split("\n")
        .filter((l) => l.startsWith("::add-mask::"))
        .map((l) =>
          l
            .slice("::add-mask::".length)
            .replace(/%0D/g, "\r")
            .replace(/%0A/g, "\n")
            .replace(/%25/g, "%"),
        );
      for (const [form, value] of Object.entries(leakedForms(SECRET))) {
        if (form === "embeddedBase64") continue; // Covered by the aligned base64 forms below.
        expect(masks, `the ${form} form was not registered with add-mask`).toContain(value);
      }
      const visible = printed
        .split("\n")
        .filter((l) => !l.startsWith("::add-mask::"))
        .join("\n");
      expectNoLeak(visible);
      expectNoLeak(readFileSync(join(dir, "output"), "utf8"));
      expectNoLeak(readFileSync(join(dir, "summary"), "utf8"));
      expect(process.exitCode).toBe(end === "nothing" ? undefined : 1);
    },
  );
});
