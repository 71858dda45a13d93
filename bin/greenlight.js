#!/usr/bin/env node
// The CLI is bundled into dist/cli, self-contained, so that it runs from a clone with no
// build step and from the npm package with no dependencies installed.
await import("../dist/cli/index.js");
