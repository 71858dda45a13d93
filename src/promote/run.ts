import { runAction } from "../core/action-runner.js";
import { promoteAction } from "./definition.js";

await runAction(promoteAction);
