import { runAction } from "../core/action-runner.js";
import { isEntryPoint } from "../core/entry-point.js";
import { updateTfvarsAction } from "./definition.js";

/** Runs the action; `@github/local-action` imports this module and calls it. */
export async function run(): Promise<void> {
  await runAction(updateTfvarsAction);
}

// Started directly (`tsx src/<name>/run.ts`): run. Imported (local-action): only export. The
// runner starts dist/<name>/index.js, which runs the action through src/action-bundle/.
if (isEntryPoint(import.meta.url)) await run();
