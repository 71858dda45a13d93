import type { Summary } from "../core/summary.js";
import type { OpenPrResult } from "./main.js";
import { describeSuperseded } from "../release/superseded-release.js";
import { changesTable } from "./pr-content.js";

const VERBS: Record<OpenPrResult["operation"], string> = {
  created: "opened a pull request",
  updated: "updated the pull request",
  unchanged: "found nothing to change",
  adopted: "found the change already merged",
  pushed: "committed directly to the base branch",
  merged: "opened a pull request, which is now merged",
};

export function openPrSummary(result: OpenPrResult, repository: string): Summary {
  const pr = result.pullRequest;
  const lines = [
    `Greenlight ${VERBS[result.operation]} in ${repository}${pr ? `: [#${pr.number}](${pr.url})` : ""}.`,
    result.headSha ? `Head of \`${result.branch}\`: \`${result.headSha.slice(0, 7)}\`.` : "",
    result.mergeSha ? `Merge commit: \`${result.mergeSha.slice(0, 7)}\`.` : "",
  ].filter(Boolean);
  return [
    { kind: "heading", text: "open-pr" },
    { kind: "paragraph", text: lines.join(" ") },
    ...(result.superseded?.length
      ? [
          {
            kind: "paragraph" as const,
            text: `Superseded: ${result.superseded.map(describeSuperseded).join("; ")}. Its traffic is back on blue and the new release starts its promotion at the first step.`,
          },
        ]
      : []),
    ...(result.changes.length > 0
      ? [{ kind: "paragraph" as const, text: changesTable(result.changes, result.layouts ?? []) }]
      : []),
  ];
}
