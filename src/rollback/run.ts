import { runAction } from "../core/action-runner.js";
import { rollbackAction } from "./definition.js";

await runAction(rollbackAction);
