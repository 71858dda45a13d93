import { runAction } from "../core/action-runner.js";
import { backupAction } from "./definition.js";

await runAction(backupAction);
