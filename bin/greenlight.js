#!/usr/bin/env node
// The CLI is bundled into dist/cli so that it runs from a clone with no build step.
await import("../dist/cli/index.js");
