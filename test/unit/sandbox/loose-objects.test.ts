/**
 * The sandbox writes blobs, trees and commits in-process (src/sandbox/loose-objects.ts);
 * each must be the object git itself writes for the same input — the same name, readable by
 * git — and whatever git would write otherwise must be left to git.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { GitIdent } from "../../../src/sandbox/git-store.js";
import {
  commitContent,
  treeContent,
  usesSha1,
  writeLooseObject,
} from "../../../src/sandbox/loose-objects.js";
import { tempDir } from "../../helpers/run-context.js";

let gitDir: string;

function git(args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
  return execFileSync("git", [`--git-dir=${gitDir}`, ...args], {
    input,
    env: { PATH: process.env["PATH"]!, HOME: gitDir, ...env },
  }).toString();
}

beforeAll(() => {
  gitDir = join(tempDir("greenlight-loose-objects-"), "repo.git");
  execFileSync("git", ["init", "-q", "--bare", gitDir]);
});

const name = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((n) => n !== "." && n !== ".." && !/[/\0]/.test(n));
const mode = fc.constantFrom("100644", "100755", "120000", "040000", "40000", "160000");
const sha = fc.stringMatching(/^[0-9a-f]{40}$/);
const ident = fc.record({
  name: fc.string({ minLength: 1, maxLength: 16 }),
  email: fc.string({ maxLength: 16 }),
  time: fc.integer({ min: 0, max: 4_000_000_000 }),
  tz: fc.constantFrom("+0000", "+0800", "-0530", "+1400"),
});

describe("loose objects written in-process", () => {
  it("is on for a SHA-1 repository, off for SHA-256 or none", () => {
    expect(usesSha1(gitDir)).toBe(true);
    const sha256 = join(tempDir("greenlight-sha256-"), "repo.git");
    execFileSync("git", ["init", "-q", "--bare", "--object-format=sha256", sha256]);
    expect(usesSha1(sha256)).toBe(false);
    expect(usesSha1(join(sha256, "missing"))).toBe(false);
  });

  it("writes every blob under git's name for it, readable by git", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const content = Buffer.from(bytes);
        const ours = await writeLooseObject(gitDir, "blob", content);
        expect(ours).toBe(git(["hash-object", "--stdin"], content).trim());
        expect(
          Buffer.compare(
            execFileSync("git", [`--git-dir=${gitDir}`, "cat-file", "blob", ours]),
            content,
          ),
        ).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it("writes trees as git mktree does, or leaves them to git", async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ mode, sha, name }), { maxLength: 6 }),
        async (items) => {
          const content = treeContent(items);
          const input = items
            .map(
              (i) =>
                `${i.mode} ${i.mode.replace(/^0+/, "") === "40000" ? "tree" : i.mode === "160000" ? "commit" : "blob"} ${i.sha}\t${i.name}\0`,
            )
            .join("");
          let theirs: string | undefined;
          try {
            theirs = git(["mktree", "-z", "--missing"], input).trim();
          } catch {
            theirs = undefined;
          }
          if (content === undefined) return; // left to git, whatever git says
          expect(theirs, "git refused a tree this module would write").toBeDefined();
          expect(await writeLooseObject(gitDir, "tree", content)).toBe(theirs);
          compared++;
        },
      ),
      { numRuns: 100 },
    );
    expect(compared).toBeGreaterThan(30);
  });

  it("refuses the trees git would write otherwise", () => {
    const a = "a".repeat(40);
    expect(treeContent([{ mode: "100644", sha: a, name: "x/y" }])).toBeUndefined();
    expect(treeContent([{ mode: "100644", sha: a, name: ".." }])).toBeUndefined();
    expect(treeContent([{ mode: "100664", sha: a, name: "x" }])).toBeUndefined();
    expect(
      treeContent([
        { mode: "100644", sha: a, name: "x" },
        { mode: "100644", sha: a, name: "x" },
      ]),
    ).toBeUndefined();
  });

  it("writes commits as git commit-tree does, or leaves them to git", async () => {
    const tree = git(["mktree"], "").trim();
    // git checks that parents exist, so the parents are real commits.
    const real = ["one", "two"].map((m) =>
      git(["commit-tree", tree], m, {
        GIT_AUTHOR_NAME: "A",
        GIT_AUTHOR_EMAIL: "a@example.com",
        GIT_COMMITTER_NAME: "A",
        GIT_COMMITTER_EMAIL: "a@example.com",
      }).trim(),
    );
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        ident,
        ident,
        fc.string({ maxLength: 40 }),
        fc.array(fc.constantFrom(...real), { maxLength: 2 }),
        async (author, committer, message, parents) => {
          const content = commitContent({ tree, parents, author, committer, message });
          if (content === undefined) return;
          const env = (who: string, i: GitIdent) => ({
            [`GIT_${who}_NAME`]: i.name,
            [`GIT_${who}_EMAIL`]: i.email,
            [`GIT_${who}_DATE`]: `@${i.time} ${i.tz}`,
          });
          const args = ["commit-tree", "--no-gpg-sign", tree];
          for (const p of parents) args.push("-p", p);
          const theirs = git(args, message, {
            ...env("AUTHOR", author),
            ...env("COMMITTER", committer),
          }).trim();
          expect(await writeLooseObject(gitDir, "commit", content)).toBe(theirs);
          compared++;
        },
      ),
      { numRuns: 100 },
    );
    expect(compared).toBeGreaterThan(10);
  });

  it("leaves identities git would clean up to git", () => {
    const base: GitIdent = { name: "Ada", email: "ada@example.com", time: 1, tz: "+0000" };
    const commit = (author: GitIdent) =>
      commitContent({ tree: "a".repeat(40), parents: [], author, committer: base, message: "" });
    expect(commit(base)).toBeDefined();
    for (const bad of [" Ada", "Ada.", "A<da", "Ada\n", ""]) {
      expect(commit({ ...base, name: bad })).toBeUndefined();
    }
    expect(commit({ ...base, email: "ada@example.com>" })).toBeUndefined();
  });
});
