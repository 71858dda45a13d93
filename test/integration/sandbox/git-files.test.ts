/**
 * The sandbox reads refs and HEAD from a bare repository's files instead of asking git;
 * these tests hold that reading to what git itself answers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isValidRefName, readHeadBranch, readRefFile } from "../../../src/sandbox/git-files.js";
import { GitRepo } from "../../../src/sandbox/git-store.js";
import { createBareRepo } from "../../helpers/sandbox.js";
import { tempDir } from "../../helpers/run-context.js";

const NAMES = [
  "refs/heads/main",
  "refs/heads/feature/x",
  "refs/heads/a.b",
  "refs/heads/x@y",
  "refs/heads/-dash",
  "main",
  "@",
  "refs/heads/../config",
  "refs/heads/a..b",
  "refs/heads/.hidden",
  "refs/heads/a/.b",
  "refs/heads/x.lock",
  "refs/heads/x.lock/y",
  "refs/heads/end.",
  "refs/heads/end/",
  "/refs/heads/x",
  "refs//heads/x",
  "refs/heads/a b",
  "refs/heads/a~1",
  "refs/heads/a^",
  "refs/heads/a:b",
  "refs/heads/a?",
  "refs/heads/a*",
  "refs/heads/a[b",
  "refs/heads/a\\b",
  "refs/heads/a@{1}",
  "refs/heads/tab\there",
  "refs/heads/del\x7f",
  "refs/heads/ünï",
];

describe("git-files", () => {
  it("judges ref names exactly as git check-ref-format does", () => {
    for (const name of NAMES) {
      const git = spawnSync("git", ["check-ref-format", name]);
      expect({ name, valid: isValidRefName(name) }).toEqual({ name, valid: git.status === 0 });
    }
  });

  it("reads loose and packed refs, the loose one winning, and HEAD's branch", async () => {
    const bare = join(tempDir(), "repo.git");
    const first = await createBareRepo(bare, { "a.txt": "a\n" }, { branch: "trunk" });
    const git = (...args: string[]) =>
      execFileSync("git", ["--git-dir", bare, ...args], { encoding: "utf8" }).trim();
    const second = git("commit-tree", "-p", first, "-m", "two", `${first}^{tree}`);
    git("update-ref", "refs/heads/packed", first);
    git("pack-refs", "--all");
    git("update-ref", "refs/heads/packed", second);
    git("update-ref", "refs/heads/only-packed", first);
    git("pack-refs", "--all");
    git("update-ref", "refs/heads/loose", second);

    expect(await readRefFile(bare, "refs/heads/packed")).toBe(second);
    expect(await readRefFile(bare, "refs/heads/only-packed")).toBe(first);
    expect(await readRefFile(bare, "refs/heads/loose")).toBe(second);
    expect(await readRefFile(bare, "refs/heads/missing")).toBeNull();
    expect(await readRefFile(bare, "refs/heads/loose/below")).toBeNull();
    expect(await readRefFile(bare, "refs/heads")).toBeNull();
    expect(await readHeadBranch(bare)).toBe("trunk");

    const repo = new GitRepo(bare);
    expect(await repo.readRef("refs/heads/packed")).toEqual({
      name: "refs/heads/packed",
      sha: second,
      type: "commit",
    });
    expect(await repo.readRef("refs/heads/../../config")).toBeUndefined();
    expect(await repo.defaultBranch()).toBe("trunk");
  });

  it("leaves a symbolic ref to git", async () => {
    const bare = join(tempDir(), "repo.git");
    const head = await createBareRepo(bare, { "a.txt": "a\n" });
    execFileSync("git", ["--git-dir", bare, "symbolic-ref", "refs/heads/alias", "refs/heads/main"]);
    expect(await readRefFile(bare, "refs/heads/alias")).toBeUndefined();
    expect((await new GitRepo(bare).readRef("refs/heads/alias"))?.sha).toBe(head);
  });
});
