import { runPost } from "../core/action-runner.js";
import { deployAction } from "./definition.js";

await runPost(deployAction);
