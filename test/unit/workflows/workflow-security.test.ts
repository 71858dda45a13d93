/**
 * Every workflow (the reusable ones, CI, the example caller) and every action.yml follows the
 * security rules in workflow-rules.ts; each rule is shown to catch the fixture that breaks
 * it; and the workflows call Greenlight's own actions and workflows with inputs those
 * declare, all pinned to one release.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { docYamlBlocks } from "../docs/doc-yaml-blocks.js";
import { manifestFiles, readRepoFile as read, root, workflowFiles } from "./workflow-files.js";
import type { RuleId } from "./workflow-rules.js";
import { checkActionManifest, checkWorkflow, isOwnReference, RULES } from "./workflow-rules.js";

const fixtureDir = join(root, "test/fixtures/workflows");
const badFixtures = readdirSync(fixtureDir)
  .filter((name) => name.startsWith("bad-"))
  .sort();

/** The rule a fixture breaks, from its first line: `# Breaks one rule: <rule> (why)`. */
function brokenRule(text: string): string {
  return /^# Breaks one rule: ([\w-]+)/.exec(text)?.[1] ?? "(no '# Breaks one rule:' line)";
}

describe("workflow security rules", () => {
  it("finds the reusable workflows, CI and the example caller", () => {
    for (const name of ["deploy", "promote", "rollback", "backup", "ci"]) {
      expect(workflowFiles).toContain(`.github/workflows/${name}.yml`);
    }
    expect(workflowFiles).toContain("examples/app/.github/workflows/release.yml");
  });

  it("runs CI with the same script a developer runs", () => {
    expect(read(".github/workflows/ci.yml")).toMatch(/^\s+run: .*bash \.ci\/run$/m);
  });

  it.each(workflowFiles)("%s follows every rule", (file) => {
    expect(checkWorkflow(read(file), file)).toEqual([]);
  });

  it.each(manifestFiles)("%s follows every rule", (file) => {
    expect(checkActionManifest(read(file), file)).toEqual([]);
  });

  it("has a fixture that follows every rule, so each bad fixture differs from it in one way", () => {
    expect(checkWorkflow(readFileSync(join(fixtureDir, "good.yml"), "utf8"), "good.yml")).toEqual(
      [],
    );
  });

  it.each(badFixtures)("catches %s, and only for the rule it breaks", (name) => {
    const text = readFileSync(join(fixtureDir, name), "utf8");
    const rule = brokenRule(text);
    expect(Object.keys(RULES)).toContain(rule);
    const violations = checkWorkflow(text, name);
    expect(violations.length).toBeGreaterThan(0);
    expect(new Set(violations.map((v) => v.rule))).toEqual(new Set([rule]));
  });

  describe("a reusable workflow's job that assumes a cloud role takes its caller's permissions", () => {
    const reusable = (top: string, jobPermissions: string, oidc: boolean) =>
      [
        "on:",
        "  workflow_call:",
        "    inputs:",
        "      environment: { type: string, required: true }",
        ...(top ? [top] : []),
        "concurrency:",
        "  group: fixture-${{ inputs.environment }}",
        "  cancel-in-progress: false",
        "jobs:",
        "  build:",
        "    runs-on: ubuntu-latest",
        ...(jobPermissions ? [jobPermissions] : []),
        "    steps:",
        ...(oidc
          ? [
              "      - uses: aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3",
              "        with: { role-to-assume: arn:aws:iam::123456789012:role/fixture, aws-region: eu-west-1 }",
            ]
          : []),
        "      - run: echo built",
        "  tell:",
        "    runs-on: ubuntu-latest",
        "    permissions: { contents: read }",
        "    steps:",
        "      - run: echo told",
        "",
      ].join("\n");
    const rules = (text: string) => checkWorkflow(text, "reusable.yml").map((v) => v.rule);

    it("passes with no workflow-level permissions", () => {
      expect(rules(reusable("", "", true))).toEqual([]);
    });

    it("fails with permissions: {} at the top, which the job would get instead", () => {
      expect(rules(reusable("permissions: {}", "", true))).toEqual(["top-permissions"]);
    });

    it("is only for a job that assumes a role: any other job names its own", () => {
      expect(rules(reusable("", "", false))).toEqual(["top-permissions", "job-permissions"]);
    });

    it("is only for reusable workflows: a workflow a person runs names every job's", () => {
      const dispatched = reusable("", "", true).replace("  workflow_call:", "  workflow_dispatch:");
      expect(rules(dispatched)).toEqual(["top-permissions", "job-permissions"]);
    });
  });

  it("has a failing fixture for every rule", () => {
    const covered = new Set(
      badFixtures.map((name) => brokenRule(readFileSync(join(fixtureDir, name), "utf8"))),
    );
    expect([...covered].sort()).toEqual(Object.keys(RULES).sort() as RuleId[]);
  });
});

interface OwnReference {
  file: string;
  ref: string;
  sha: string;
  version: string;
  with: Record<string, unknown>;
  secrets: Record<string, unknown>;
}

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping =>
  typeof value === "object" && value !== null && !Array.isArray(value);

type JobLike = Mapping & { steps?: Mapping[] };

/** The jobs of a workflow, or of a part of one: a job (a mapping with steps) or a list of steps. */
function jobsOf(parsed: unknown): JobLike[] {
  if (Array.isArray(parsed)) return [{ steps: parsed as Mapping[] }];
  if (!isMapping(parsed)) return [];
  if (isMapping(parsed["jobs"])) return Object.values(parsed["jobs"]) as JobLike[];
  return Array.isArray(parsed["steps"]) ? [parsed as JobLike] : [];
}

/**
 * Every step or job in `file` — a workflow, or a doc's job or steps — that uses Greenlight's
 * own actions or reusable workflows.
 */
function ownReferences(file: string, text = read(file)): OwnReference[] {
  const versions = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /uses:\s*(\S+@[0-9a-f]{40})\s*#\s*(?:[\w-]+\/)?v(\d+\.\d+\.\d+)/.exec(line);
    if (match) versions.set(match[1]!, match[2]!);
  }
  const users = jobsOf(YAML.parse(text)).flatMap((job) => [
    job,
    ...(job.steps ?? []).filter(isMapping),
  ]);
  return users
    .filter((user) => typeof user["uses"] === "string" && isOwnReference(user["uses"]))
    .map((user) => {
      const ref = user["uses"] as string;
      return {
        file,
        ref,
        sha: ref.slice(ref.lastIndexOf("@") + 1),
        version: versions.get(ref) ?? "",
        with: isMapping(user["with"]) ? user["with"] : {},
        secrets: isMapping(user["secrets"]) ? user["secrets"] : {},
      };
    });
}

/** The inputs a referenced action or reusable workflow declares, from this repository's files. */
function declaredInputs(ref: string): {
  file: string;
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  secrets: Record<string, { required?: boolean }>;
} {
  const path = ref.slice(0, ref.lastIndexOf("@")).split("/").slice(2).join("/");
  if (path.startsWith(".github/workflows/")) {
    const doc = YAML.parse(read(path)) as {
      on?: {
        workflow_call?: {
          inputs?: Record<string, { required?: boolean }>;
          secrets?: Record<string, { required?: boolean }>;
        };
      };
    };
    const call = doc.on?.workflow_call;
    return { file: path, inputs: call?.inputs ?? {}, secrets: call?.secrets ?? {} };
  }
  const file = path === "" ? "action.yml" : join(path, "action.yml");
  const doc = YAML.parse(read(file)) as { inputs?: Record<string, { required?: boolean }> };
  return { file, inputs: doc.inputs ?? {}, secrets: {} };
}

describe("Greenlight's own actions and workflows, as the workflows call them", () => {
  // The workflows, and every workflow, job or list of steps the docs and READMEs show.
  const references = [
    ...workflowFiles.flatMap((file) => ownReferences(file)),
    ...docYamlBlocks().flatMap(({ where, text }) => ownReferences(where, text)),
  ];
  const version = (JSON.parse(read("package.json")) as { version: string }).version;

  it("pins them all to one release, whose version is the package's", () => {
    expect(references.length).toBeGreaterThan(0);
    expect(new Set(references.map((r) => r.sha)).size).toBe(1);
    for (const r of references)
      expect(`${r.file}: ${r.ref} # v${r.version}`).toBe(`${r.file}: ${r.ref} # v${version}`);
  });

  it.each(references.map((r) => [`${r.file} → ${r.ref.split("@")[0]}`, r] as const))(
    "%s passes only inputs it declares, and every required one",
    (_label, r) => {
      const target = r.ref.slice(0, r.ref.lastIndexOf("@")).split("/").slice(2).join("/");
      const manifest = target.startsWith(".github/") ? target : join(target, "action.yml");
      expect(existsSync(join(root, manifest)), `${manifest} does not exist`).toBe(true);
      const { file, inputs } = declaredInputs(r.ref);
      const undeclared = Object.keys(r.with).filter((name) => !(name in inputs));
      expect(undeclared, `inputs not declared in ${file}`).toEqual([]);
      const missing = Object.entries(inputs)
        .filter(
          ([name, spec]) =>
            spec.required === true && spec.default === undefined && !(name in r.with),
        )
        .map(([name]) => name);
      expect(missing, `required inputs of ${file} not given`).toEqual([]);
      const { secrets } = declaredInputs(r.ref);
      expect(
        Object.keys(r.secrets).filter((name) => !(name in secrets)),
        `secrets not declared in ${file}`,
      ).toEqual([]);
      const missingSecrets = Object.entries(secrets)
        .filter(([name, spec]) => spec.required === true && !(name in r.secrets))
        .map(([name]) => name);
      expect(missingSecrets, `required secrets of ${file} not passed`).toEqual([]);
    },
  );
});
