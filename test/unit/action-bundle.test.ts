/**
 * The action bundle: what the runner starts (dist/<name>/index.js and post.js) only calls
 * dist/action-bundle/, the manifests copied there say what each action.yml says, a missing
 * input is refused before any action code (or the schema and YAML libraries) is loaded, and
 * every check made without code gives the sentence the action itself gives.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledAction } from "../../src/action-bundle/run.js";
import { toRunnable } from "../../src/core/action.js";
import { loadManifest, manifestPath, ROOT_ACTION } from "../../src/core/action-manifest.js";
import { manifestFromDocument } from "../../src/core/manifest.js";
import { packageRoot } from "../../src/core/package-root.js";
import { actions } from "../../src/cli/registry.js";
import { tempDir, testContext } from "../helpers/run-context.js";

const root = packageRoot();
const bundle = join(root, "dist", "action-bundle");
const names = actions.map((a) => a.name);
const copies = JSON.parse(readFileSync(join(bundle, "manifests.json"), "utf8")) as Record<
  string,
  unknown
>;

/** The file a manifest's runs.<step> names, resolved as the runner resolves it. */
function entryFile(name: string, step: "main" | "post"): string | undefined {
  const target = loadManifest(name).runs[step];
  return target ? join(manifestPath(name), "..", target) : undefined;
}

function startBundle(name: string, env: Record<string, string>, workspace: string) {
  return spawnSync(process.execPath, [entryFile(name, "main")!], {
    env: {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      ...env,
    },
    encoding: "utf8",
  });
}

describe("the action bundle", () => {
  it.each(names)("%s: the runner's entry files only start the bundle", (name) => {
    for (const step of ["main", "post"] as const) {
      const file = entryFile(name, step);
      if (!file) continue;
      const code = readFileSync(file, "utf8");
      expect(code).toContain('from "../action-bundle/index.js"');
      expect(code.split("\n").filter((line) => line && !line.startsWith("//"))).toHaveLength(2);
    }
  });

  it.each(names)("%s: the manifest copy in dist says what action.yml says", (name) => {
    expect(Object.hasOwn(copies, name), `${name} is missing from manifests.json`).toBe(true);
    expect(manifestFromDocument(copies[name])).toEqual(loadManifest(name));
  });

  it.each(names)("%s: the bundle loads the action of that name", async (name) => {
    expect((await bundledAction(name).load()).name).toBe(name);
  });

  it("refuses a name it does not have, prototype names included", () => {
    for (const name of ["constructor", "__proto__", "nope"]) {
      expect(() => bundledAction(name)).toThrow(/has no action/);
    }
  });

  it("keeps the schema and YAML libraries out of the code every start loads", () => {
    const entry = readFileSync(join(bundle, "index.js"), "utf8");
    expect(entry).not.toContain("ZodError");
    expect(entry).not.toContain("YAMLParseError");
    expect(entry).toContain("getInput");
  });

  it("refuses missing inputs before loading any chunk, one annotation each", () => {
    // The entry and its manifests alone, without a single chunk: loading one would fail.
    const copy = tempDir();
    mkdirSync(join(copy, "action-bundle"));
    mkdirSync(join(copy, "restore"));
    writeFileSync(join(copy, "package.json"), '{ "type": "module" }\n');
    for (const file of ["index.js", "manifests.json"]) {
      copyFileSync(join(bundle, file), join(copy, "action-bundle", file));
    }
    copyFileSync(entryFile("restore", "main")!, join(copy, "restore", "index.js"));
    const child = spawnSync(process.execPath, [join(copy, "restore", "index.js")], {
      env: { PATH: process.env["PATH"]!, GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: tempDir() },
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(1);
    expect(child.stdout).toContain(
      `::error::Input "name" is required; set it in the step's \`with:\`.`,
    );
    expect(child.stdout).toContain(`::error::Input "destination" is required`);
  });

  it("starts the action once its inputs are there", () => {
    const workspace = tempDir();
    const child = startBundle("verify", { "INPUT_CHECKS-FILE": "missing.yml" }, workspace);
    expect(child.status).toBe(1);
    // A sentence only verify's own code writes: the chunk was loaded and ran.
    expect(child.stdout).toMatch(/::error::.*missing\.yml/);
  });
});

/** Each check made without code, against the action's own answer for the same inputs. */
describe("checks made before the code is loaded", () => {
  const cases: { name: string; raw: Record<string, string>; config?: boolean }[] = [
    { name: "verify", raw: {} },
    { name: "build-push", raw: {} },
    {
      name: "open-pr",
      raw: {
        repository: "acme/infra",
        file: "prod.auto.tfvars.json",
        images: "api=r.example/api@sha256:" + "a".repeat(64),
      },
    },
    { name: "preflight", raw: { "emergency-override": "true" } },
    { name: "preflight", raw: { "emergency-override": "true", "override-reason": "too short" } },
    {
      name: "preflight",
      raw: { "emergency-override": "false", "override-reason": "hotfix for incident INC-1" },
    },
  ];

  it.each(cases)("$name $raw: the same sentence as the action", async ({ name, raw }) => {
    const cwd = tempDir();
    const early = bundledAction(name).precheck!(raw, cwd);
    expect(early.length).toBeGreaterThan(0);
    const action = toRunnable(await bundledAction(name).load());
    await expect(action.execute(raw, testContext(cwd).context)).rejects.toThrow(early[0]!);
  });

  it("lets the inputs through when a config file can name the services", () => {
    const cwd = tempDir();
    expect(bundledAction("build-push").precheck!({}, cwd)).toHaveLength(1);
    mkdirSync(join(cwd, ".github"));
    writeFileSync(join(cwd, ".github", "greenlight.yml"), "version: 1\n");
    expect(bundledAction("build-push").precheck!({}, cwd)).toEqual([]);
    expect(bundledAction("deploy").precheck!({ token: "t" }, cwd)).toEqual([]);
  });

  it("has the root action's manifest as deploy's", () => {
    expect(ROOT_ACTION).toBe("deploy");
    expect(existsSync(entryFile("deploy", "post")!)).toBe(true);
  });
});
