import { runAction } from "../core/action-runner.js";
import { preflightAction } from "./definition.js";

await runAction(preflightAction);
