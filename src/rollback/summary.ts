import type { Summary } from "../core/summary.js";
import { onBase } from "../release/land-change.js";
import { versionOf } from "../release/release-state.js";
import type { RollbackResult } from "./main.js";

const VERBS: Record<RollbackResult["operation"], string> = {
  "rolled-back":
    "moved all traffic back to the stable side and stopped the candidate (scaled to zero, or replaced on green by the stable image where green has no desired count)",
  redeployed: "put an earlier release back on the stable side, with all traffic on it",
  unchanged: "found the environment already rolled back",
};

export function rollbackSummary(result: RollbackResult, repository: string): Summary {
  const pr = result.landed?.pullRequest;
  const summary: Summary = [
    { kind: "heading", text: `rollback: ${result.operation}` },
    {
      kind: "paragraph",
      text: `Greenlight ${VERBS[result.operation]} for ${result.services.join(", ")} in ${repository}. Reason: ${result.evidence.reason}.${pr ? ` Pull request: [#${pr.number}](${pr.url}).` : ""}`,
    },
  ];
  const images = Object.entries(result.evidence.images);
  if (!result.release && images.length > 0) {
    summary.push({
      kind: "table",
      header: ["Service", "Rolled back", "Stable"],
      rows: images.map(([service, { from, to }]) => [service, from, to]),
    });
  }
  if (result.release) {
    summary.push({
      kind: "table",
      header: ["Service", "Image"],
      rows: Object.entries(result.release.images).map(([service, image]) => [service, image]),
    });
  }
  return summary;
}

/** The action's outputs (but the backup, which the action takes itself). */
export function rollbackOutputs(result: RollbackResult) {
  const images = Object.entries(result.evidence.images);
  return {
    operation: result.operation,
    // The release rolled back and the one restored, so that a notification can name them.
    version: versionOf(images.map(([, { from }]) => from)),
    "stable-version": versionOf(images.map(([, { to }]) => to)),
    services: (images.length > 0 ? images.map(([service]) => service) : result.services).join(", "),
    weights: JSON.stringify(result.weights),
    "pull-request-url": result.landed?.pullRequest?.url ?? "",
    landed: String(onBase(result.landed)),
    evidence: JSON.stringify(result.evidence),
  };
}
