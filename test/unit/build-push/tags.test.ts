import { describe, expect, it } from "vitest";
import { tagValues, renderTags } from "../../../src/build-push/image-tags.js";
import { parseSemVer } from "../../../src/build-push/git-facts.js";
import type { TagTemplate } from "../../../src/build-push/tag-template.js";
import {
  isValidTag,
  parseTagTemplate,
  renderTag,
  sanitiseForTag,
} from "../../../src/build-push/tag-template.js";
import { ConfigurationError } from "../../../src/core/errors.js";
import { MemoryLogger } from "../../../src/core/logger.js";

const SHA = "4f9c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b";

function template(source: string): TagTemplate {
  const parsed = parseTagTemplate(source);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}

describe("tag templates", () => {
  it("parses placeholders and literals", () => {
    expect(template("v{{major}}.{{minor}}").parts).toEqual([
      { literal: "v" },
      { variable: "major" },
      { literal: "." },
      { variable: "minor" },
    ]);
    expect(template("{{ branch }}-{{short-sha}}").parts).toEqual([
      { variable: "branch" },
      { literal: "-" },
      { variable: "short-sha" },
    ]);
    expect(template("latest").parts).toEqual([{ literal: "latest" }]);
  });

  it.each([
    ["{{sha", /unmatched brace/],
    ["v{{majr}}", /unknown placeholder \{\{majr\}\}; known ones are \{\{sha\}\}/],
    ["release/{{sha}}", /contains "\/", which a tag cannot hold/],
    ["-{{sha}}", /starts with "-"; a tag must start with a letter, digit or _/],
    ["", /empty/],
  ])("rejects the malformed template %j with a reason", (source, reason) => {
    const parsed = parseTagTemplate(source);
    expect(typeof parsed).toBe("string");
    expect(parsed).toMatch(reason);
  });

  it("renders with the commit's facts, or names what is missing", () => {
    expect(
      renderTag(template("{{branch}}-{{short-sha}}"), { branch: "main", "short-sha": "4f9c1a2" }),
    ).toEqual({ tag: "main-4f9c1a2" });
    expect(renderTag(template("v{{version}}"), { sha: SHA })).toEqual({ missing: ["version"] });
  });

  it("turns branch names into tags", () => {
    expect(sanitiseForTag("feature/Login page")).toBe("feature-Login-page");
    expect(sanitiseForTag("-.x")).toBe("x");
    expect(sanitiseForTag("a".repeat(300))).toHaveLength(128);
    expect(sanitiseForTag("///")).toBeUndefined();
    expect(isValidTag("a".repeat(129))).toBe(false);
    expect(isValidTag("v1.2.3")).toBe(true);
  });
});

describe("tags of a build", () => {
  it("gives sha, short sha, version, major, minor, patch, branch and environment", () => {
    const values = tagValues(
      { sha: SHA, branch: "release/1.x", version: parseSemVer("v1.4.2")! },
      "Production EU",
    );
    expect(values).toEqual({
      sha: SHA,
      "short-sha": "4f9c1a2",
      version: "1.4.2",
      major: "1",
      minor: "4",
      patch: "2",
      branch: "release-1.x",
      environment: "Production-EU",
    });
  });

  it("gives no moving major/minor tags for a prerelease", () => {
    const values = tagValues({ sha: SHA, version: parseSemVer("2.0.0-rc.1")! }, undefined);
    expect(values.version).toBe("2.0.0-rc.1");
    expect(values.major).toBeUndefined();
  });

  it("leaves out templates the build cannot fill, logs why, and keeps each tag once", () => {
    const logger = new MemoryLogger();
    const tags = renderTags(
      ["{{sha}}", "v{{major}}", "{{branch}}", "latest", "latest"].map(template),
      tagValues({ sha: SHA, branch: "main" }, undefined),
      logger,
    );
    expect(tags).toEqual([SHA, "main", "latest"]);
    expect(logger.text()).toContain('Tag "v{{major}}" left out: this build has no {{major}}.');
  });

  it("refuses a build left with no tag at all, in one sentence", () => {
    expect(() => renderTags([template("v{{version}}")], {}, new MemoryLogger())).toThrow(
      ConfigurationError,
    );
    expect(() => renderTags([template("v{{version}}")], {}, new MemoryLogger())).toThrow(
      'Input "tags" gives no tag for this build: "v{{version}}" (no {{version}}); add a template this build can fill, such as {{sha}}.',
    );
  });

  it("refuses a rendered tag that is too long", () => {
    expect(() =>
      renderTags(
        [template("{{branch}}-{{sha}}")],
        { branch: "b".repeat(100), sha: SHA },
        new MemoryLogger(),
      ),
    ).toThrow(/renders to ".*", which is not a valid tag/);
  });
});
