/** Caller workflows and runs the scenarios share, written as a team would copy them from the docs. */
import type { RunResult } from "./harness/workflow.js";
import type { WorkflowWorld } from "./world.js";

/** A rollback by hand (workflow_dispatch), passing each named secret by name. */
export function rollbackCaller(secretNames: readonly string[]): string {
  return `name: rollback
on:
  workflow_dispatch:
    inputs:
      environment: { type: environment, required: true }
      reason: { type: string, required: true }
permissions: {}
jobs:
  rollback:
    permissions: { contents: read }
    uses: greenlight-actions/greenlight/.github/workflows/rollback.yml@0000000000000000000000000000000000000000 # v0.1.0
    with:
      environment: \${{ inputs.environment }}
      reason: \${{ inputs.reason }}
    secrets:
${secretNames.map((name) => `      ${name}: \${{ secrets.${name} }}`).join("\n")}
`;
}

/**
 * A scheduled promotion tick of `workflow` (the caller's release.yml, or promote.yml itself).
 * Ticks run in no environment, so the secrets are the repository's.
 */
export async function scheduledTick(
  world: WorkflowWorld,
  workflow: string,
  secrets: Record<string, string>,
  caFile: string,
): Promise<{ result: RunResult; decision: string }> {
  const result = await world.run(workflow, {
    event: { name: "schedule", payload: { schedule: "*/5 * * * *" } },
    secrets: { repository: secrets },
    runnerEnv: { NODE_EXTRA_CA_CERTS: caFile },
  });
  return { result, decision: result.jobs["promote / tick"]?.outputs["decision"] ?? "" };
}
