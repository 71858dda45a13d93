import { runAction } from "../core/action-runner.js";
import { openPrAction } from "./definition.js";

await runAction(openPrAction);
