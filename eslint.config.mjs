import js from "@eslint/js";
import tseslint from "typescript-eslint";

// The layers, held by the linter: only the runner talks to @actions/core, and an action's
// folder imports nothing but the shared libraries and itself. The exceptions are the
// compositions that exist on purpose: deploy runs build-push then open-pr, and the shared
// release library lands its promotion pull requests through open-pr's landing algorithm.
const ACTIONS = [
  "backup",
  "build-push",
  "deploy",
  "migrate",
  "notify",
  "open-pr",
  "preflight",
  "promote",
  "restore",
  "rollback",
  "update-tfvars",
  "verify",
];
const COMPOSES = { deploy: ["build-push", "open-pr"] };

function layerRules(folder) {
  const allowed = new Set([folder, ...(COMPOSES[folder] ?? [])]);
  return {
    files: [`src/${folder}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [CORE_ONLY_IN_RUNNER],
          patterns: [
            {
              regex: `^\\.\\./(${ACTIONS.filter((a) => !allowed.has(a)).join("|")}|cli|demo|sandbox)/`,
              message:
                "An action imports only src/core, the shared libraries (config, release, release-file, backup-engine) and its own folder; move shared code to a shared folder.",
            },
          ],
        },
      ],
    },
  };
}

const CORE_ONLY_IN_RUNNER = {
  name: "@actions/core",
  message: "Only src/core/action-runner.ts talks to @actions/core; take a Logger or return data.",
};

/** Shared libraries import no action (but those named) and never @actions/core. */
function sharedRules(folders, mayImport, exceptFiles = "") {
  const actions = ACTIONS.filter((a) => !mayImport.includes(a));
  return {
    files: folders.map((f) => `${f}/**/*.ts`),
    ignores: ["src/core/action-runner.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [CORE_ONLY_IN_RUNNER],
          patterns: [
            {
              regex: `^(\\.\\./)+(${actions.join("|")}|demo|sandbox)/${exceptFiles}`,
              message: "Shared libraries do not import actions; move the shared part here instead.",
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  ...ACTIONS.map(layerRules),
  sharedRules(["src/core", "src/release-file", "src/backup-engine"], []),
  // The release library lands promotion pull requests through open-pr's landing algorithm.
  sharedRules(["src/release"], ["open-pr"]),
  // Each action owns the schema of its config section; the config file composes them.
  sharedRules(["src/config"], [], "(?!.*-schema\\.js$)"),
  {
    files: ["**/*.mjs", "bin/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { process: "readonly", require: "readonly", module: "writable" },
    },
    // A file for `node --require` is CommonJS by nature.
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
