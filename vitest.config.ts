import { defineConfig } from "vitest/config";

// GitHub's workflow parser imports its JSON schemas without import attributes, which Node
// refuses; letting Vite transform the package (not Node load it) makes those imports work.
const server = { deps: { inline: ["@actions/workflow-parser"] } };

// Three tiers: `unit` runs pure logic in-process; `integration` drives real components
// (git, the GitHub sandbox, registries, databases) and gets longer time-outs; `workflows`
// runs the reusable workflows through the harness in test/workflows (see its README).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 20_000,
          server,
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          server,
        },
      },
      {
        test: {
          name: "workflows",
          include: ["test/workflows/**/*.test.ts"],
          setupFiles: ["test/setup.ts"],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          server,
        },
      },
    ],
  },
});
