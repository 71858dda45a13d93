import { runAction } from "../core/action-runner.js";
import { migrateAction } from "./definition.js";

await runAction(migrateAction);
