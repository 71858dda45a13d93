/**
 * Every action.yml against its action: input names identical to the zod schema, required
 * flags and defaults consistent with it, outputs declared exactly as the action writes
 * them, and the bundle path GitHub will run.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest, ROOT_ACTION } from "../../src/core/action-manifest.js";
import { packageRoot } from "../../src/core/package-root.js";
import { actions } from "../../src/cli/registry.js";
import { actionSamples } from "../helpers/action-samples.js";
import { tempDir, testContext } from "../helpers/run-context.js";

const root = packageRoot();
const actionDirs = readdirSync(join(root, "actions")).filter((name) =>
  existsSync(join(root, "actions", name, "action.yml")),
);
// The root action.yml (`uses: owner/greenlight@v1`) is held to the same rules.
const manifests = [...actionDirs, ROOT_ACTION];
/** Where GitHub finds the bundle, relative to the action.yml. */
const bundlePath = (name: string) =>
  name === ROOT_ACTION ? `dist/${name}/index.js` : `../../dist/${name}/index.js`;

describe("action manifests", () => {
  it("has at least one action", () => {
    expect(actionDirs.length).toBeGreaterThan(0);
  });

  describe.each(manifests)("%s", (name) => {
    const manifest = loadManifest(name);
    const action = actions.find((a) => a.name === name);

    it("is registered with the CLI", () => {
      expect(action, `${name} is not in src/cli/registry.ts`).toBeDefined();
    });

    it("runs on node24 from its committed bundle", () => {
      expect(manifest.runs.using).toBe("node24");
      expect(manifest.runs.main).toBe(bundlePath(name));
      expect(manifest.description.length).toBeGreaterThan(10);
    });

    it("declares exactly the inputs its schema reads", () => {
      expect([...Object.keys(manifest.inputs)].sort()).toEqual([...action!.inputNames].sort());
    });

    it("marks inputs required exactly when the schema needs them, with valid defaults", () => {
      const shape = (
        action!.inputSchema as unknown as {
          shape: Record<string, { safeParse(v: unknown): { success: boolean } }>;
        }
      ).shape;
      for (const [input, spec] of Object.entries(manifest.inputs)) {
        expect(spec.description, `${input} has no description`).not.toBe("");
        const field = shape[input]!;
        const optional = field.safeParse(undefined).success;
        expect(spec.required, `${input}: required in action.yml must match the schema`).toBe(
          !optional,
        );
        if (spec.default !== undefined && !spec.default.includes("${{")) {
          expect(
            field.safeParse(spec.default).success,
            `${input}: default "${spec.default}" fails the schema`,
          ).toBe(true);
        }
      }
    });

    it("writes exactly the outputs it declares", async () => {
      const sample = actionSamples[name];
      expect(
        sample,
        `add a sample invocation for ${name} in test/helpers/action-samples.ts`,
      ).toBeDefined();
      const dir = tempDir();
      const { inputs, cleanup } = await sample!(dir);
      try {
        const raw: Record<string, string | undefined> = {};
        for (const [input, spec] of Object.entries(manifest.inputs))
          raw[input] = inputs[input] ?? spec.default;
        const { context } = testContext(dir);
        const result = await action!.execute(raw, context);
        expect(Object.keys(result.outputs).sort()).toEqual(Object.keys(manifest.outputs).sort());
      } finally {
        await cleanup?.();
      }
    });
  });
});
