import { runAction } from "../core/action-runner.js";
import { buildPushAction } from "./definition.js";

await runAction(buildPushAction);
