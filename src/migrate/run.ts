import { runAction } from "../core/action-runner.js";
import { isEntryPoint } from "../core/entry-point.js";
import { migrateAction } from "./definition.js";

/** Runs the action; `@github/local-action` imports this module and calls it. */
export async function run(): Promise<void> {
  await runAction(migrateAction);
}

// The bundle (dist/) is started by the runner: run. Imported from source: only export.
if (isEntryPoint(import.meta.url)) await run();
