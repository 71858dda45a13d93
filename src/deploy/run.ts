import { runAction } from "../core/action-runner.js";
import { deployAction } from "./definition.js";

await runAction(deployAction);
