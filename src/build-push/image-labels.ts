/**
 * The OCI labels every image gets (org.opencontainers.image.*): where it came from,
 * which commit, when, and which version. The `labels` input adds to them or overrides.
 */
import type { GitFacts } from "./git-facts.js";
import { formatSemVer } from "./git-facts.js";

export function ociLabels(
  facts: GitFacts,
  created: Date,
  firstTag: string | undefined,
  extra: Record<string, string>,
): Record<string, string> {
  const version = facts.version ? formatSemVer(facts.version) : firstTag;
  return {
    ...(facts.source ? { "org.opencontainers.image.source": facts.source } : {}),
    ...(facts.sha ? { "org.opencontainers.image.revision": facts.sha } : {}),
    "org.opencontainers.image.created": created.toISOString(),
    ...(version ? { "org.opencontainers.image.version": version } : {}),
    ...extra,
  };
}
