/**
 * The tags of one build: every template rendered with the commit's facts. A template
 * whose value is missing (no release tag on a branch push) is left out and logged; a
 * build left with no tag at all is a configuration mistake.
 */
import { ConfigurationError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { GitFacts } from "./git-facts.js";
import { formatSemVer } from "./git-facts.js";
import type { TagTemplate, TagValues } from "./tag-template.js";
import { isValidTag, renderTag, sanitiseForTag } from "./tag-template.js";

export function tagValues(facts: GitFacts, environment: string | undefined): TagValues {
  const release = facts.version && !facts.version.prerelease ? facts.version : undefined;
  const branch = facts.branch ? sanitiseForTag(facts.branch) : undefined;
  const env = environment ? sanitiseForTag(environment) : undefined;
  return {
    ...(facts.sha ? { sha: facts.sha, "short-sha": facts.sha.slice(0, 7) } : {}),
    ...(facts.version ? { version: formatSemVer(facts.version) } : {}),
    // Moving tags (v1, v1.2) follow releases only, never a release candidate.
    ...(release
      ? { major: String(release.major), minor: String(release.minor), patch: String(release.patch) }
      : {}),
    ...(branch ? { branch } : {}),
    ...(env ? { environment: env } : {}),
  };
}

export function renderTags(templates: TagTemplate[], values: TagValues, logger: Logger): string[] {
  const tags: string[] = [];
  const skipped: string[] = [];
  for (const template of templates) {
    const rendered = renderTag(template, values);
    if ("missing" in rendered) {
      const names = rendered.missing.map((m) => `{{${m}}}`).join(", ");
      logger.info(`Tag "${template.source}" left out: this build has no ${names}.`);
      skipped.push(`"${template.source}" (no ${names})`);
      continue;
    }
    if (!isValidTag(rendered.tag)) {
      throw new ConfigurationError(
        `Input "tags": "${template.source}" renders to "${rendered.tag}", which is not a valid tag (at most 128 letters, digits, _, . and -, not starting with . or -).`,
      );
    }
    if (!tags.includes(rendered.tag)) tags.push(rendered.tag);
  }
  if (tags.length === 0) {
    throw new ConfigurationError(
      `Input "tags" gives no tag for this build: ${skipped.join(", ")}; add a template this build can fill, such as {{sha}}.`,
    );
  }
  return tags;
}
