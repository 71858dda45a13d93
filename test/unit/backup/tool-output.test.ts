/**
 * A dump tool's stdout is kept even when the tool exits before anyone reads it: Node resumes,
 * and so discards, a child's unread stdio when the child exits, which once turned a small
 * mariadb-dump into an empty backup.
 */
import { describe, expect, it } from "vitest";
import { toolOutput, toolText } from "../../../src/backup-engine/process.js";
import { SecretRegistry } from "../../../src/core/secrets.js";

const options = { baseEnv: { PATH: process.env["PATH"] }, secrets: new SecretRegistry() };

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

describe("toolOutput", () => {
  it("keeps the output of a tool that exited before reading began", async () => {
    const stream = toolOutput(
      { argv: ["sh", "-c", "printf 'CREATE TABLE t;\\n'"], env: {}, label: "dump" },
      options,
    );
    // Let the tool finish and its exit be handled before the first read.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readAll(stream)).toBe("CREATE TABLE t;\n");
  });

  it("fails the stream when the tool fails", async () => {
    const stream = toolOutput(
      { argv: ["sh", "-c", "printf partial; echo broken >&2; exit 4"], env: {}, label: "dump" },
      options,
    );
    await expect(readAll(stream)).rejects.toThrow("dump exited with code 4: broken.");
  });
});

describe("toolText", () => {
  it("returns what the tool printed for its input", async () => {
    const text = await toolText({ argv: ["cat"], env: {}, label: "cat" }, options, "rows\n");
    expect(text).toBe("rows\n");
  });
});
