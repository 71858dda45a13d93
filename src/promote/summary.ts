/** promote's job summary and its outputs, built from the tick's result alone. */
import { onBase } from "../release/land-change.js";
import type { Summary } from "../core/summary.js";
import { evidenceBlocks } from "./evidence.js";
import type { PromoteResult } from "./main.js";

export function promoteSummary(result: PromoteResult, repository: string): Summary {
  const weights = Object.entries(result.weights)
    .map(([service, weight]) => `${service} ${weight}%`)
    .join(", ");
  const pr = result.landed?.pullRequest;
  const images = Object.entries(result.release?.images ?? {})
    .map(([service, image]) => `${service} \`${image}\``)
    .join(", ");
  const facts = [
    `Infra repository: ${repository}.`,
    result.release ? `Release ${result.release.version}: ${images}.` : "",
    weights ? `Green weights: ${weights}.` : "",
    result.stageStart
      ? `This step reached the base branch at ${result.stageStart.toISOString()}.`
      : "",
    pr ? `Pull request: [#${pr.number}](${pr.url}).` : "",
    result.landed?.commit && !pr ? `Commit: \`${result.landed.commit.slice(0, 7)}\`.` : "",
  ].filter(Boolean);
  return [
    { kind: "heading", text: `promote: ${result.decision}` },
    ...evidenceBlocks(result.evidence),
    { kind: "paragraph", text: facts.join(" ") },
  ];
}

export function promoteOutputs(result: PromoteResult) {
  return {
    decision: result.decision,
    // The release, so that a notification can name what was advanced, held or rolled back.
    version: result.release?.version ?? "",
    services: Object.keys(result.release?.images ?? {}).join(", "),
    images: JSON.stringify(result.release?.images ?? {}),
    weights: JSON.stringify(result.weights),
    "pull-request-url": result.landed?.pullRequest?.url ?? "",
    landed: String(onBase(result.landed)),
    evidence: JSON.stringify(result.evidence),
  };
}
