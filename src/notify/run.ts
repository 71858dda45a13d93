import { runAction } from "../core/action-runner.js";
import { notifyAction } from "./definition.js";

await runAction(notifyAction);
