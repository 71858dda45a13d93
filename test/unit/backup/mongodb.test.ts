/**
 * MongoDB backups through mongodump/mongorestore stand-ins on PATH (no MongoDB here): the
 * connection string reaches them in a private config file, never their command line, and
 * a restore into a database whose emptiness cannot be checked needs overwrite.
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupAction } from "../../../src/backup/definition.js";
import { restoreAction } from "../../../src/restore/definition.js";
import { toRunnable } from "../../../src/core/action.js";
import { describeFailure } from "../../../src/core/failure.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

const URL = "mongodb://app:m0ngo-s3cret@127.0.0.1:27017/orders";

function fakeTools(dir: string) {
  // Each records its argv and the config file it was given, then behaves like the real tool.
  const record = (name: string) => `echo "$@" > "${dir}/${name}.argv"
for arg in "$@"; do case "$arg" in --config=*) cp "\${arg#--config=}" "${dir}/${name}.config"; stat -c %a "\${arg#--config=}" > "${dir}/${name}.mode";; esac; done`;
  writeFileSync(
    join(dir, "mongodump"),
    `#!/bin/sh\n${record("mongodump")}\nprintf 'mongo archive bytes'\n`,
  );
  writeFileSync(
    join(dir, "mongorestore"),
    `#!/bin/sh\n${record("mongorestore")}\ncat > "${dir}/restored"\n`,
  );
  chmodSync(join(dir, "mongodump"), 0o755);
  chmodSync(join(dir, "mongorestore"), 0o755);
  return { PATH: `${dir}:${process.env.PATH}` };
}

describe("MongoDB", () => {
  it("dumps and restores with the URI in a 0600 config file, requiring overwrite to restore", async () => {
    const dir = tempDir();
    const env = fakeTools(dir);
    const run = async (action: "backup" | "restore", inputs: Record<string, string>) => {
      const { context, logger } = testContext(dir, env);
      const definition = action === "backup" ? toRunnable(backupAction) : toRunnable(restoreAction);
      try {
        return {
          result: await definition.execute({ destination: "store", ...inputs }, context),
          logs: logger.text(),
        };
      } catch (error) {
        return { error: describeFailure(error), logs: logger.text() };
      }
    };
    const backup = await run("backup", { "database-url": URL });
    expect(backup.error).toBeUndefined();
    expect(backup.result!.outputs.location).toMatch(
      /orders\/\d{8}T\d{6}Z-[0-9a-f]{6}\.archive\.gz$/,
    );
    expect(backup.result!.outputs.verified).toBe("true");
    expect(readFileSync(join(dir, "mongodump.argv"), "utf8")).toMatch(/^--config=\S+ --archive\n$/);
    expect(readFileSync(join(dir, "mongodump.config"), "utf8")).toBe(
      `uri: ${JSON.stringify(URL)}\n`,
    );
    expect(readFileSync(join(dir, "mongodump.mode"), "utf8").trim()).toBe("600");
    expect(backup.logs).not.toContain("m0ngo-s3cret");

    const refused = await run("restore", { name: "orders", "target-url": URL });
    expect(refused.error?.exitCode).toBe(2);
    expect(refused.error?.message).toBe(
      "Cannot tell whether database orders is empty; set overwrite: true to restore into it anyway.",
    );
    const restored = await run("restore", { name: "orders", "target-url": URL, overwrite: "true" });
    expect(restored.error).toBeUndefined();
    expect(readFileSync(join(dir, "restored"), "utf8")).toBe("mongo archive bytes");
    expect(readFileSync(join(dir, "mongorestore.argv"), "utf8")).toMatch(
      /^--config=\S+ --archive --drop\n$/,
    );
    expect(restored.result!.outputs.verified).toBe("false");
  });
});
