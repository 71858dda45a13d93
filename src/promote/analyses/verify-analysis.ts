/** Verify analyses: verify's own checks (same runner, same messages), passed or failed. */
import type { CheckSpec } from "../../verify/check-spec.js";
import { verify } from "../../verify/main.js";
import type { AnalysisDeps, AnalysisEvidence } from "./types.js";

export interface VerifyAnalysis {
  name: string;
  checks: CheckSpec[];
}

const VERIFY_DEADLINE_MS = 60_000;

export async function runVerifyAnalysis(
  analysis: VerifyAnalysis,
  deps: AnalysisDeps,
): Promise<AnalysisEvidence> {
  const result = await verify(
    { checks: analysis.checks, deadlineMs: VERIFY_DEADLINE_MS },
    { clock: deps.clock, logger: deps.logger, secrets: deps.secrets, send: deps.send },
  );
  const failed = result.checks.filter((c) => !c.passed);
  return {
    name: analysis.name,
    kind: "verify",
    query: analysis.checks.map((c) => `${c.method} ${c.name}`).join(", "),
    measured: `${result.checks.length - failed.length} of ${result.checks.length} checks passed`,
    threshold: "every check passes",
    verdict: result.passed ? "passed" : "failed",
    reason: result.passed
      ? "every check passed"
      : failed.map((c) => `${c.name}: ${deps.secrets.redact(c.reason ?? "failed")}`).join("; "),
  };
}
