/**
 * Secrets: every URL an input gives is a secret-bearing value (its credentials masked in
 * every encoding, its user info hidden however short), and text Greenlight did not write
 * itself can never start a workflow command, through the action runner and the CLI alike.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runActionCommand } from "../../../src/cli/main.js";
import { defineAction, toRunnable } from "../../../src/core/action.js";
import type { ActionManifest } from "../../../src/core/action-manifest.js";
import { runAction } from "../../../src/core/action-runner.js";
import { OperationFailedError } from "../../../src/core/errors.js";
import { REDACTED, SecretRegistry } from "../../../src/core/secrets.js";
import { neutraliseWorkflowCommands } from "../../../src/core/workflow-commands.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";
import { leakCheck, useActionsRunner } from "../../helpers/secret-leaks.js";

const PASSWORD = "hunter2-but-longer";
const URL_WITH_CREDENTIALS = `https://deployer:${PASSWORD}@metrics.example.com/api?x=1`;
const SERVER_TEXT =
  "bad body\n::stop-commands::pwned\n  ::error::forged\r::add-mask::x\r\n##[warning]old form";

/** An action that echoes its input everywhere and fails with text a server wrote. */
const echo = defineAction({
  name: "echo",
  inputs: z.object({ url: z.string() }),
  async run(params, context) {
    context.logger.info(`asking ${params.url}: ${SERVER_TEXT}`);
    context.logger.warning(`server said: ${SERVER_TEXT}`);
    if (params.url.includes("fail")) throw new OperationFailedError(`failed: ${SERVER_TEXT}`);
    return { outputs: { seen: params.url }, summary: [{ kind: "paragraph", text: params.url }] };
  },
});
const manifest: ActionManifest = {
  name: "echo",
  description: "echo",
  inputs: { url: { description: "A URL.", required: true } },
  outputs: { seen: { description: "The URL." } },
  runs: { using: "node24" },
};

/** No printed line may be a workflow command other than the ones the runner itself issues. */
function expectNoForgedCommand(printed: string) {
  for (const line of printed.split(/\r\n|\r|\n/)) {
    expect(line.trimStart(), line).not.toMatch(/^::(stop-commands|error::forged|add-mask::x)/);
    expect(line).not.toContain("##[warning]");
  }
}

describe("Secrets: URL credentials and server text", () => {
  it("registers the credentials of every URL in a text, in every encoding", () => {
    const secrets = new SecretRegistry();
    secrets.addUrlCredentials(`see ${URL_WITH_CREDENTIALS} and https://${"t".repeat(20)}@host/x`);
    const text = [PASSWORD, Buffer.from(PASSWORD).toString("base64"), encodeURIComponent(PASSWORD)];
    expect(secrets.redact(text.join(" "))).toBe(`${REDACTED} ${REDACTED} ${REDACTED}`);
    expect(secrets.redact(`token ${"t".repeat(20)}`)).toBe(`token ${REDACTED}`);
  });

  it("hides the user info of any URL, however short, and keeps ssh://git@", () => {
    const secrets = new SecretRegistry();
    expect(secrets.redact("at http://a:pw@host/x and ssh://git@github.com/a")).toBe(
      `at http://${REDACTED}@host/x and ssh://git@github.com/a`,
    );
  });

  it("breaks every command marker but keeps the text", () => {
    const out = neutraliseWorkflowCommands(SERVER_TEXT);
    expectNoForgedCommand(out);
    expect(out.replaceAll("\u200b", "")).toBe(SERVER_TEXT.replace(/\r\n?/g, "\n"));
  });

  it("through the CLI: no password and no forged command in anything printed", async () => {
    const cap = captureIo(tempDir());
    const code = await runActionCommand(
      toRunnable(echo),
      manifest,
      ["--url", URL_WITH_CREDENTIALS, "--json", "--debug"],
      cap.io,
    );
    expect(code).toBe(0);
    const printed = cap.stdout() + cap.stderr();
    leakCheck([PASSWORD], { startLength: 8 })(printed, "CLI output");
    expectNoForgedCommand(printed);
    const failing = captureIo(tempDir());
    const failed = await runActionCommand(
      toRunnable(echo),
      manifest,
      ["--url", `${URL_WITH_CREDENTIALS}&fail`],
      failing.io,
    );
    expect(failed).toBe(1);
    expectNoForgedCommand(failing.stdout() + failing.stderr());
  });

  describe("through the action runner", () => {
    const runner = useActionsRunner(() => ({
      workspace: tempDir(),
      inputs: { url: `${URL_WITH_CREDENTIALS}&fail` },
    }));
    it("masks the password and prints no forged command", async () => {
      await runAction(echo, manifest);
      const { masks, visible } = runner.printed();
      expect(masks).toContain(PASSWORD);
      leakCheck([PASSWORD], { startLength: 8 })(visible, "runner output");
      expectNoForgedCommand(visible);
      expect(visible).toMatch(/^::error::failed: bad body%0A/m);
    });
  });
});
