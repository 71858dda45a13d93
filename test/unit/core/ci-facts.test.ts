import { describe, expect, it } from "vitest";
import { readCiFacts } from "../../../src/core/ci-facts.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";

/** Variables a GitLab CI branch pipeline sets (names from GitLab's predefined variables). */
const GITLAB = {
  GITLAB_CI: "true",
  CI_PROJECT_PATH: "shop/api",
  CI_PROJECT_URL: "https://gitlab.example.com/shop/api",
  CI_COMMIT_SHA: SHA,
  CI_COMMIT_BRANCH: "main",
  CI_COMMIT_REF_NAME: "main",
  GITLAB_USER_LOGIN: "alice",
  CI_PIPELINE_URL: "https://gitlab.example.com/shop/api/-/pipelines/981",
};

describe("readCiFacts", () => {
  it("reads GitHub Actions' variables, with the run attempt in the run's page", () => {
    expect(
      readCiFacts({
        GITHUB_SERVER_URL: "https://github.example.com/",
        GITHUB_REPOSITORY: "acme/api",
        GITHUB_SHA: SHA,
        GITHUB_REF: "refs/heads/main",
        GITHUB_ACTOR: "octocat",
        GITHUB_RUN_ID: "42",
        GITHUB_RUN_ATTEMPT: "2",
      }),
    ).toEqual({
      repository: "acme/api",
      repositoryUrl: "https://github.example.com/acme/api",
      commit: SHA,
      commitUrl: `https://github.example.com/acme/api/commit/${SHA}`,
      branch: "main",
      actor: "octocat",
      runUrl: "https://github.example.com/acme/api/actions/runs/42/attempts/2",
      runName: "workflow run",
      github: true,
    });
  });

  it("prefers a pull request's head branch and reads a tag as a tag, not a branch", () => {
    const pull = readCiFacts({ GITHUB_REF: "refs/pull/7/merge", GITHUB_HEAD_REF: "feature/x" });
    expect(pull.branch).toBe("feature/x");
    const tag = readCiFacts({ GITHUB_REF: "refs/tags/v1.2.3" });
    expect(tag).toMatchObject({ tag: "v1.2.3" });
    expect(tag.branch).toBeUndefined();
  });

  it("reads GitLab CI's variables where GitHub's are absent", () => {
    expect(readCiFacts(GITLAB)).toEqual({
      repository: "shop/api",
      repositoryUrl: "https://gitlab.example.com/shop/api",
      commit: SHA,
      commitUrl: `https://gitlab.example.com/shop/api/-/commit/${SHA}`,
      branch: "main",
      actor: "alice",
      runUrl: "https://gitlab.example.com/shop/api/-/pipelines/981",
      runName: "pipeline",
      github: false,
    });
  });

  it("names a GitLab merge request's source branch, and no branch for a tag pipeline", () => {
    const mr = readCiFacts({
      ...GITLAB,
      CI_COMMIT_BRANCH: "",
      CI_COMMIT_REF_NAME: "refs/merge-requests/3/head",
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: "feature/y",
    });
    expect(mr.branch).toBe("feature/y");
    const tag = readCiFacts({
      ...GITLAB,
      CI_COMMIT_BRANCH: "",
      CI_COMMIT_TAG: "v2.0.0",
      CI_COMMIT_REF_NAME: "v2.0.0",
    });
    expect(tag.tag).toBe("v2.0.0");
    expect(tag.branch).toBeUndefined();
  });

  it("reads Jenkins' variables, without the remote's name in GIT_BRANCH", () => {
    const facts = readCiFacts({
      GIT_COMMIT: SHA,
      GIT_BRANCH: "origin/release/1.x",
      BUILD_URL: "https://jenkins.example.com/job/api/12/",
      BUILD_USER_ID: "bob",
    });
    expect(facts).toMatchObject({
      commit: SHA,
      branch: "release/1.x",
      actor: "bob",
      runUrl: "https://jenkins.example.com/job/api/12/",
      runName: "build",
    });
    expect(readCiFacts({ BRANCH_NAME: "main", GIT_BRANCH: "origin/other" }).branch).toBe("main");
  });

  it("lets given facts win, and keeps this job's links off another repository's facts", () => {
    const facts = readCiFacts(GITLAB, { repository: "acme/other", commit: "f".repeat(40) });
    expect(facts.repository).toBe("acme/other");
    expect(facts.commit).toBe("f".repeat(40));
    expect(facts.repositoryUrl).toBeUndefined();
    expect(facts.commitUrl).toBeUndefined();
    expect(facts.actor).toBe("alice");
  });

  it("treats empty variables as absent and knows nothing on a bare machine", () => {
    expect(readCiFacts({ GITHUB_SHA: "", CI_COMMIT_SHA: " " })).toEqual({
      runName: "build",
      github: false,
    });
  });
});
