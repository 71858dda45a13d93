import { runPost } from "../core/action-runner.js";
import { isEntryPoint } from "../core/entry-point.js";
import { revokeSavedToken } from "../core/github/token-revocation.js";

/**
 * Runs the action's post step (clean-up); `@github/local-action` imports this module and
 * calls it. Only the token revocation is imported, so the post bundle holds nothing else.
 */
export async function run(): Promise<void> {
  await runPost("open-pr", revokeSavedToken);
}

// Started directly (`tsx src/<name>/run.ts`): run. Imported (local-action): only export. The
// runner starts dist/<name>/index.js, which runs the action through src/action-bundle/.
if (isEntryPoint(import.meta.url)) await run();
