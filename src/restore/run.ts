import { runAction } from "../core/action-runner.js";
import { restoreAction } from "./definition.js";

await runAction(restoreAction);
