// Written by scripts/build.mjs: the runner starts this file; the code is in dist/action-bundle/.
import { startPost } from "../action-bundle/index.js";
await startPost("deploy");
