import { runPost } from "../core/action-runner.js";
import { openPrAction } from "./definition.js";

await runPost(openPrAction);
