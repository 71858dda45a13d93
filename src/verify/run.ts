import { runAction } from "../core/action-runner.js";
import { verifyAction } from "./definition.js";

await runAction(verifyAction);
