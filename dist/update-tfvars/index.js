// Written by scripts/build.mjs: the runner starts this file; the code is in dist/action-bundle/.
import { start } from "../action-bundle/index.js";
await start("update-tfvars", new URL("../action-bundle/manifests.json", import.meta.url));
