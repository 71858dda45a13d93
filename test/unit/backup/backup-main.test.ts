/**
 * backup's flow with command and files sources into a directory (real processes, no
 * database): a dump that dies halfway, retention over verified and unverified backups, a
 * dry run, and encrypted files round-tripped through restore.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { backupAction } from "../../../src/backup/definition.js";
import { LocalStore } from "../../../src/backup-engine/local-store.js";
import { listBackups } from "../../../src/backup-engine/manifest.js";
import { ObjectExistsError } from "../../../src/backup-engine/store.js";
import { restoreAction } from "../../../src/restore/definition.js";
import { toRunnable } from "../../../src/core/action.js";
import { ManualClock } from "../../../src/core/clock.js";
import { describeFailure } from "../../../src/core/failure.js";
import { tempDir, testContext } from "../../helpers/run-context.js";
import { Readable } from "node:stream";

const DAY = 86_400_000;

function runner(dir: string, clock = new ManualClock(Date.UTC(2026, 10, 1, 2))) {
  const run = async (action: "backup" | "restore", inputs: Record<string, string>) => {
    const { context, logger } = testContext(dir);
    context.clock = clock;
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
  return { run, clock };
}

describe("backup with a command source", () => {
  it("fails with exit 1 and stores nothing when the command dies halfway", async () => {
    const dir = tempDir();
    const { run } = runner(dir);
    const ok = await run("backup", { command: "printf 'good dump'", name: "db", "keep-last": "1" });
    expect(ok.error).toBeUndefined();
    const { error } = await run("backup", {
      command: "head -c 3000000 /dev/urandom; echo 'connection reset' >&2; exit 7",
      name: "db",
      "keep-last": "1",
    });
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toMatch(
      /^The backup failed: the backup command exited with code 7: connection reset\. No manifest was written/,
    );
    const files = readdirSync(join(dir, "store", "db"));
    expect(files).toHaveLength(2);
    expect((await listBackups(new LocalStore(join(dir, "store")), "db")).backups).toHaveLength(1);
  });

  it("applies retention after a verified backup, keeping unverified newer ones, and can dry-run", async () => {
    const dir = tempDir();
    const { run, clock } = runner(dir);
    const made: string[] = [];
    for (const verify of ["true", "true", "false", "true", "false"]) {
      const { result } = await run("backup", { command: "echo dump", name: "db", verify });
      made.push(result!.outputs.location!);
      await clock.advance(DAY);
    }
    const dry = await run("backup", {
      command: "echo dump",
      name: "db",
      "keep-last": "2",
      "retention-dry-run": "true",
    });
    expect(dry.result!.outputs.deleted).toBe("[]");
    expect(dry.logs).toContain(`Would delete ${made[0]}`);
    expect((await listBackups(new LocalStore(join(dir, "store")), "db")).backups).toHaveLength(6);

    await clock.advance(DAY);
    const real = await run("backup", { command: "echo dump", name: "db", "keep-last": "2" });
    // Kept: this run's and the dry run's (the 2 newest verified). Every older one goes,
    // verified or not, since a newer verified backup exists.
    expect(JSON.parse(real.result!.outputs.deleted!)).toEqual([
      made[4],
      made[3],
      made[2],
      made[1],
      made[0],
    ]);
    const left = (await listBackups(new LocalStore(join(dir, "store")), "db")).backups;
    expect(left.map((b) => join(dir, "store", ...b.key.split("/")))).toEqual([
      dry.result!.outputs.location,
      real.result!.outputs.location,
    ]);
    for (const location of made) expect(existsSync(location)).toBe(false);
  });
});

describe("backup and restore of files", () => {
  it("round-trips an encrypted tar of directories, refusing a non-empty target", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "uploads", "a"), { recursive: true });
    writeFileSync(join(dir, "uploads", "a", "one.txt"), "first\n");
    writeFileSync(join(dir, "notes.md"), "# notes\n");
    const { run } = runner(dir);
    const key = "sixteen characters or more";
    const backup = await run("backup", {
      paths: "uploads\nnotes.md",
      name: "files",
      "encryption-key": key,
    });
    expect(backup.result!.outputs.location).toMatch(/\.tar\.gz\.enc$/);
    expect(readFileSync(backup.result!.outputs.location!).subarray(0, 6).toString()).toBe("GLENC1");
    const restored = await run("restore", {
      name: "files",
      "target-path": "out",
      "encryption-key": key,
    });
    expect(restored.error).toBeUndefined();
    expect(readFileSync(join(dir, "out", "uploads", "a", "one.txt"), "utf8")).toBe("first\n");
    expect(readFileSync(join(dir, "out", "notes.md"), "utf8")).toBe("# notes\n");
    const again = await run("restore", {
      name: "files",
      "target-path": "out",
      "encryption-key": key,
    });
    expect(again.error?.exitCode).toBe(2);
    expect(again.error?.message).toMatch(
      /^Refusing to restore into directory .*out: it is not empty; set overwrite: true/,
    );
  });

  it("says what is missing when there is nothing to restore", async () => {
    const { run } = runner(tempDir());
    const { error } = await run("restore", { name: "nothing", "target-path": "out" });
    expect(error?.exitCode).toBe(1);
    expect(error?.message).toBe("Nothing to restore from set nothing: no verified backup exists.");
  });
});

describe("LocalStore", () => {
  it("never replaces an existing object and leaves no partial file on failure", async () => {
    const root = tempDir();
    const store = new LocalStore(root);
    await store.upload("set/a", Readable.from([Buffer.from("one")]));
    await expect(store.upload("set/a", Readable.from([Buffer.from("two")]))).rejects.toBeInstanceOf(
      ObjectExistsError,
    );
    await expect(store.putSmall("set/a", "three")).rejects.toBeInstanceOf(ObjectExistsError);
    expect(readFileSync(join(root, "set", "a"), "utf8")).toBe("one");
    const failing = new Readable({
      read() {
        this.destroy(new Error("source died"));
      },
    });
    await expect(store.upload("set/b", failing)).rejects.toThrow("source died");
    expect(readdirSync(join(root, "set"))).toEqual(["a"]);
  });
});
