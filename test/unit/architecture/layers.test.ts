/**
 * The layering rules in eslint.config.mjs catch what they are for: a deliberate violation,
 * linted as if it were a real source file, is reported.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Only the layering rule runs, without type information, so the check stays fast.
const eslint = new ESLint({
  cwd: process.cwd(),
  ruleFilter: ({ ruleId }) => ruleId === "no-restricted-imports",
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("layers held by the linter", () => {
  it("refuses @actions/core in an action's main", async () => {
    const messages = await restrictedImports(
      "src/promote/main.ts",
      'import * as core from "@actions/core";\nexport const x = core.getInput;\n',
    );
    expect(messages.join("\n")).toContain("Only src/core/action-runner.ts talks to @actions/core");
  });

  it("refuses one action importing another", async () => {
    const messages = await restrictedImports(
      "src/notify/main.ts",
      'import { verify } from "../verify/main.js";\nexport const v = verify;\n',
    );
    expect(messages.join("\n")).toContain("An action imports only src/core");
  });

  it("refuses a shared library importing an action", async () => {
    const messages = await restrictedImports(
      "src/release-file/document.ts",
      'import { promote } from "../promote/main.js";\nexport const p = promote;\n',
    );
    expect(messages.join("\n")).toContain("Shared libraries do not import actions");
  });

  it("allows the runner, and an action's own and shared imports", async () => {
    expect(
      await restrictedImports(
        "src/core/action-runner.ts",
        'import * as core from "@actions/core";\nexport const x = core.getInput;\n',
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "src/promote/main.ts",
        'import { decide } from "./decide.js";\nimport { errorMessage } from "../core/errors.js";\nimport { readReleaseState } from "../release/release-state.js";\nexport const all = [decide, errorMessage, readReleaseState];\n',
      ),
    ).toEqual([]);
  });
});
