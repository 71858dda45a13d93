import type { Summary } from "../core/summary.js";
import { evidenceBlocks } from "./evidence.js";
import type { PromoteResult } from "./main.js";

export function promoteSummary(result: PromoteResult, repository: string): Summary {
  const weights = Object.entries(result.weights)
    .map(([service, weight]) => `${service} ${weight}%`)
    .join(", ");
  const pr = result.landed?.pullRequest;
  const facts = [
    `Infra repository: ${repository}.`,
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
