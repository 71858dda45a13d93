/** Whether a rollback or a tick's change is on the base branch: what gates the verify after it. */
import { describe, expect, it } from "vitest";
import { onBase } from "../../../src/release/land-change.js";

describe("onBase", () => {
  it("is true for a direct commit and for a change already in place", () => {
    expect(onBase({ outcome: "committed", committed: true, commit: "abc" })).toBe(true);
    expect(onBase({ outcome: "unchanged", committed: false })).toBe(true);
  });

  it("follows the pull request: merged is on the base, waiting is not", () => {
    const pullRequest = { number: 7, url: "https://github.com/acme/infra/pull/7" };
    expect(
      onBase({
        outcome: "pull-request",
        committed: true,
        pullRequest: { ...pullRequest, merged: true },
      }),
    ).toBe(true);
    expect(
      onBase({
        outcome: "pull-request",
        committed: true,
        pullRequest: { ...pullRequest, merged: false },
      }),
    ).toBe(false);
    // An identical pull request already open (adopted): the change is not on the base yet.
    expect(
      onBase({
        outcome: "unchanged",
        committed: false,
        pullRequest: { ...pullRequest, merged: false },
      }),
    ).toBe(false);
  });

  it("is false for a change that was superseded or never made", () => {
    expect(onBase({ outcome: "superseded", committed: false })).toBe(false);
    expect(onBase(undefined)).toBe(false);
  });
});
