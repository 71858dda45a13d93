import { describe, expect, it } from "vitest";
import {
  formatDecimalBytes as formatSize,
  parseByteSize as parseSize,
} from "../../../src/core/quantity.js";
import { dockerfileStages, hasFromInstruction } from "../../../src/build-push/dockerfile-stages.js";
import { parseSemVer, readGitFacts, webUrlOfRemote } from "../../../src/build-push/git-facts.js";
import { ociLabels } from "../../../src/build-push/image-labels.js";
import { parseKeyValueLines } from "../../../src/build-push/key-value-lines.js";
import { normalisePlatform, platformProblem } from "../../../src/build-push/platforms.js";
import type { Exec } from "../../../src/build-push/exec.js";

const SHA = "4f9c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b";
const created = new Date("2026-03-01T12:00:00Z");

describe("OCI labels", () => {
  it("sets source, revision, created and version", () => {
    expect(
      ociLabels(
        { sha: SHA, source: "https://github.com/acme/shop", version: parseSemVer("v1.4.2")! },
        created,
        SHA,
        {},
      ),
    ).toEqual({
      "org.opencontainers.image.source": "https://github.com/acme/shop",
      "org.opencontainers.image.revision": SHA,
      "org.opencontainers.image.created": "2026-03-01T12:00:00.000Z",
      "org.opencontainers.image.version": "1.4.2",
    });
  });

  it("uses the first tag as version without a release, and lets extra labels add and override", () => {
    const labels = ociLabels({ sha: SHA }, created, "main", {
      "org.opencontainers.image.version": "custom",
      team: "checkout",
    });
    expect(labels["org.opencontainers.image.version"]).toBe("custom");
    expect(labels["team"]).toBe("checkout");
    expect(labels["org.opencontainers.image.source"]).toBeUndefined();
  });
});

describe("platforms", () => {
  it("accepts os/architecture[/variant]", () => {
    expect(platformProblem("linux/amd64")).toBeUndefined();
    expect(platformProblem("linux/arm/v7")).toBeUndefined();
    expect(platformProblem("linux/arm64/v8")).toBeUndefined();
  });

  it.each([
    ["amd64", /^"amd64", which is not a platform; write it as os\/architecture/],
    ["linux/amd64/", /which is not a platform/],
    ["plan9/amd64", /whose operating system "plan9" is unknown/],
    ["linux/x86_64", /whose architecture "x86_64" is unknown; use one of amd64, arm64/],
    ["linux/arm/v9", /whose variant "v9" is unknown for arm; use v5, v6, v7$/],
  ])("rejects %s", (text, reason) => {
    expect(platformProblem(text)).toMatch(reason);
  });

  it("treats linux/arm64/v8 as linux/arm64, as registries do", () => {
    expect(normalisePlatform("linux/arm64/v8")).toBe("linux/arm64");
    expect(normalisePlatform("linux/arm/v7")).toBe("linux/arm/v7");
  });
});

describe("size budgets", () => {
  it.each([
    ["500MB", 500_000_000],
    ["1.5GB", 1_500_000_000],
    ["1.5 GiB", 1.5 * 1024 ** 3],
    ["800kb", 800_000],
    ["512MiB", 512 * 1024 ** 2],
    ["1234", 1234],
    ["2TB", 2e12],
  ])("parses %s", (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  // A bare k/m/g is refused: verify once read "1m" as MiB and build-push as MB.
  it.each(["", "MB", "5 parsecs", "-1MB", "1e9", "1.2.3MB", "10 m", "1k", "2g"])(
    "rejects %j",
    (text) => {
      expect(parseSize(text)).toBeUndefined();
    },
  );

  it("shows sizes in decimal units", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(3400)).toBe("3.4 kB");
    expect(formatSize(212_500_000)).toBe("213 MB");
    expect(formatSize(1_020_000_000)).toBe("1.02 GB");
  });
});

describe("Dockerfile stages", () => {
  it("lists stage names, case-insensitively, across continuation lines and flags", () => {
    const text =
      "# syntax=docker/dockerfile:1\nFROM --platform=$BUILDPLATFORM golang:1.22 AS Build\nRUN make\nFROM \\\n  scratch as api\nCOPY --from=build /x /x\nFROM scratch\n";
    expect(dockerfileStages(text)).toEqual(["build", "api"]);
    expect(hasFromInstruction(text)).toBe(true);
    expect(hasFromInstruction("# just a comment\nRUN echo\n")).toBe(false);
  });
});

describe("KEY=VALUE lines", () => {
  const rules = { keyName: "build argument", key: /^[A-Za-z_][A-Za-z0-9_]*$/, echo: true };
  it("splits at the first = only", () => {
    expect(parseKeyValueLines(["TOKEN=a=b=", "EMPTY="], rules)).toEqual({
      TOKEN: "a=b=",
      EMPTY: "",
    });
  });
  it("names the bad line, or for secrets only its number", () => {
    expect(parseKeyValueLines(["novalue"], rules)).toBe(
      'has the line "novalue", which is not KEY=VALUE',
    );
    expect(parseKeyValueLines(["ok=1", "hunter2"], { ...rules, echo: false })).toBe(
      "has a line (line 2) that is not ID=VALUE",
    );
    expect(parseKeyValueLines(["A=1", "A=2"], rules)).toBe("sets the build argument A twice");
    expect(parseKeyValueLines(["1A=1"], rules)).toBe(
      'has the build argument "1A", which is not a valid name',
    );
  });
});

describe("git facts", () => {
  const noGit: Exec = () =>
    Promise.resolve({ exitCode: 128, stdout: "", stderr: "not a git repository" });

  it("reads a release from a GitHub tag push", async () => {
    const facts = await readGitFacts(
      {
        GITHUB_SHA: SHA,
        GITHUB_REF: "refs/tags/v2.3.4",
        GITHUB_SERVER_URL: "https://github.com/",
        GITHUB_REPOSITORY: "acme/shop",
      },
      "/",
      noGit,
    );
    expect(facts).toEqual({
      sha: SHA,
      version: { major: 2, minor: 3, patch: 4 },
      source: "https://github.com/acme/shop",
    });
  });

  it("reads the branch of a pull request from GITHUB_HEAD_REF", async () => {
    const facts = await readGitFacts(
      { GITHUB_SHA: SHA, GITHUB_REF: "refs/pull/7/merge", GITHUB_HEAD_REF: "feature/x" },
      "/",
      noGit,
    );
    expect(facts.branch).toBe("feature/x");
  });

  it("reads GitLab CI's commit, tag and project URL, without asking git", async () => {
    const asked: string[] = [];
    const facts = await readGitFacts(
      {
        GITLAB_CI: "true",
        CI_COMMIT_SHA: SHA,
        CI_COMMIT_TAG: "v3.0.1",
        CI_COMMIT_REF_NAME: "v3.0.1",
        CI_PROJECT_URL: "https://gitlab.example.com/shop/api",
      },
      "/",
      (_command, args) => {
        asked.push(args.join(" "));
        return noGit(_command, args);
      },
    );
    expect(asked).toEqual([]);
    expect(facts).toEqual({
      sha: SHA,
      version: { major: 3, minor: 0, patch: 1 },
      source: "https://gitlab.example.com/shop/api",
    });
    const branch = await readGitFacts(
      {
        CI_COMMIT_SHA: SHA,
        CI_COMMIT_BRANCH: "main",
        CI_PROJECT_URL: "https://gitlab.example.com/shop/api",
      },
      "/",
      noGit,
    );
    expect(branch.branch).toBe("main");
  });

  it("asks git outside Actions, and takes the highest release tag on HEAD", async () => {
    const answers: Record<string, string> = {
      "rev-parse HEAD": SHA,
      "symbolic-ref --short -q HEAD": "main",
      "tag --points-at HEAD": "v1.2.0\nv1.10.0\nv1.10.0-rc.1\nnot-a-version",
      "remote get-url origin": "https://user:token@github.com/acme/shop.git",
    };
    const git: Exec = (_command, args) =>
      Promise.resolve({ exitCode: 0, stdout: answers[args.slice(2).join(" ")] ?? "", stderr: "" });
    const facts = await readGitFacts({}, "/repo", git);
    expect(facts).toEqual({
      sha: SHA,
      branch: "main",
      version: { major: 1, minor: 10, patch: 0 },
      source: "https://github.com/acme/shop",
    });
  });

  it("turns clone URLs into web URLs without credentials", () => {
    expect(webUrlOfRemote("git@github.com:acme/shop.git")).toBe("https://github.com/acme/shop");
    expect(webUrlOfRemote("https://x-access-token:abc@github.com/acme/shop.git")).toBe(
      "https://github.com/acme/shop",
    );
    expect(webUrlOfRemote("/local/path")).toBeUndefined();
  });
});
