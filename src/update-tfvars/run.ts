import { runAction } from "../core/action-runner.js";
import { updateTfvarsAction } from "./definition.js";

await runAction(updateTfvarsAction);
