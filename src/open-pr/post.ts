import { runPost } from "../core/action-runner.js";
import { revokeSavedToken } from "../core/github/token-revocation.js";

await runPost("open-pr", revokeSavedToken);
