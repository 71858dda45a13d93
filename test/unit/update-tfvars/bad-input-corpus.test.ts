/**
 * The bad-input corpus: every case runs `greenlight update-tfvars` (in-process, the same
 * code path as the binary) and must exit 2 with one sentence naming the problem, print no
 * stack trace, and leave every file byte-for-byte (and mode-for-mode) as it was.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";

const RELEASE = {
  api_blue_image: "registry.example.com/api:1.0.0",
  api_green_image: "registry.example.com/api:1.0.0",
  api_blue_desired_count: 3,
  api_green_desired_count: 0,
  api_blue_weight: 100,
  api_green_weight: 0,
  worker_blue_image: "registry.example.com/worker:1.0.0",
  worker_green_image: "registry.example.com/worker:1.0.0",
  worker_blue_desired_count: 2,
  worker_green_desired_count: 0,
  tags: { team: "payments" },
  subnets: ["subnet-a", "subnet-b"],
  replicas: 2,
  name: "payments",
};
const JSON_FILE = "release.auto.tfvars.json";
const HCL_FILE = "release.auto.tfvars";
const HCL = `# release
api_green_image  = "registry.example.com/api:1.0.0"
api_blue_weight  = 100
api_green_weight = 0
`;
const DIGEST = "sha256:" + "a".repeat(64);

interface Case {
  name: string;
  args: string[];
  /** Words the sentence must contain (case-insensitive). */
  says: string[];
  files?: Record<string, string>;
  setup?: (dir: string) => void;
}

const json = (text: string): Record<string, string> => ({ [JSON_FILE]: text });
const hcl = (text: string): Record<string, string> => ({ [HCL_FILE]: text });
const f = ["--file", JSON_FILE];
const h = ["--file", HCL_FILE];

// One case a line reads as a table; prettier would spread each over several.
// prettier-ignore
const cases: Case[] = [
  // Malformed JSON
  { name: "trailing comma", files: json('{ "a": 1, }'), args: [...f, "--set", "$.a=2"], says: [JSON_FILE] },
  { name: "unterminated string", files: json('{ "a": "x }'), args: [...f, "--set", "$.a=2"], says: [JSON_FILE] },
  { name: "missing closing brace", files: json('{ "a": 1'), args: [...f, "--set", "$.a=2"], says: [JSON_FILE] },
  { name: "empty file", files: json(""), args: [...f, "--set", "$.a=2"], says: [JSON_FILE] },
  { name: "comment in JSON", files: json('{ // c\n "a": 1 }'), args: [...f, "--set", "$.a=2"], says: [JSON_FILE] },
  { name: "single quotes", files: json("{ 'a': 1 }"), args: [...f, "--set", "$.a=2"], says: [JSON_FILE] },
  { name: "duplicate key", files: json('{ "a": 1, "a": 2 }'), args: [...f, "--set", "$.a=3"], says: ['"a"'] },
  { name: "NaN literal", files: json('{ "a": NaN }'), args: [...f, "--set", "$.a=3"], says: [JSON_FILE] },
  { name: "garbage after document", files: json('{ "a": 1 } x'), args: [...f, "--set", "$.a=3"], says: [JSON_FILE] },
  // Malformed or unsupported HCL
  { name: "HCL unterminated string", files: hcl('a = "x\n'), args: [...h, "--set", "$.a=1"], says: [HCL_FILE] },
  { name: "HCL heredoc", files: hcl("a = <<EOT\nx\nEOT\n"), args: [...h, "--set", "$.a=1"], says: [HCL_FILE, "heredoc"] },
  { name: "HCL interpolation", files: hcl('a = "${var.x}"\n'), args: [...h, "--set", "$.a=1"], says: [HCL_FILE] },
  { name: "HCL function call", files: hcl('a = file("x")\n'), args: [...h, "--set", "$.a=1"], says: [HCL_FILE] },
  { name: "HCL block", files: hcl("a {\n b = 1\n}\n"), args: [...h, "--set", "$.a=1"], says: [HCL_FILE] },
  { name: "HCL missing equals", files: hcl("a 1\n"), args: [...h, "--set", "$.a=1"], says: [HCL_FILE] },
  { name: "HCL unclosed object", files: hcl("a = {\n b = 1\n"), args: [...h, "--set", "$.a.b=2"], says: [HCL_FILE] },
  { name: "HCL reference", files: hcl("a = var.x\n"), args: [...h, "--set", "$.a=1"], says: [HCL_FILE] },
  { name: "HCL template directive", files: hcl('a = "%{ if x }y%{ endif }"\n'), args: [...h, "--set", "$.a=1"], says: [HCL_FILE, "directive"] },
  { name: "HCL for expression", files: hcl("a = [for s in var.x : s]\n"), args: [...h, "--set", "$.a=1"], says: [HCL_FILE, "for expression"] },
  { name: "HCL arithmetic", files: hcl("a = 1 + 2\n"), args: [...h, "--set", "$.a=1"], says: [HCL_FILE, "expression"] },
  { name: "HCL conditional", files: hcl("a = true ? 1 : 2\n"), args: [...h, "--set", "$.a=1"], says: [HCL_FILE, "expression"] },
  { name: "HCL function call inside a map", files: hcl('tags = {\n  team = upper("x")\n}\n'), args: [...h, "--set", "$.tags.team=y"], says: [HCL_FILE, "line 2", "function call"] },
  { name: "HCL interpolation inside a list", files: hcl('a = ["x", "${var.y}"]\n'), args: [...h, "--set", "$.a[0]=z"], says: [HCL_FILE, "interpolation"] },
  { name: "HCL computed key", files: hcl("a = { (var.k) = 1 }\n"), args: [...h, "--set", "$.a=1"], says: [HCL_FILE, "computed key"] },
  { name: "HCL duplicate variable", files: hcl(HCL + "api_blue_weight = 50\n"), args: [...h, "--set", "$.api_green_weight=1"], says: [HCL_FILE, '"api_blue_weight" twice'] },
  { name: "HCL duplicate map key", files: hcl('tags = { team = "a", "team" = "b" }\n'), args: [...h, "--set", "$.tags.team=c"], says: [HCL_FILE, '"team" twice'] },
  { name: "HCL two variables on one line", files: hcl("a = 1 b = 2\n"), args: [...h, "--set", "$.a=3"], says: [HCL_FILE, "line 1, column 7"] },
  { name: "HCL list without commas", files: hcl("a = [1 2]\n"), args: [...h, "--set", "$.a=3"], says: [HCL_FILE] },
  { name: "HCL map members on one line without comma", files: hcl("a = { b = 1 c = 2 }\n"), args: [...h, "--set", "$.a.b=3"], says: [HCL_FILE] },
  { name: "HCL value on the next line", files: hcl("a =\n1\n"), args: [...h, "--set", "$.a=3"], says: [HCL_FILE, "line 1"] },
  { name: "HCL single quotes", files: hcl("a = 'x'\n"), args: [...h, "--set", "$.a=y"], says: [HCL_FILE, "double quotes"] },
  { name: "HCL quoted variable name", files: hcl('"a" = 1\n'), args: [...h, "--set", "$.a=2"], says: [HCL_FILE] },
  { name: "HCL unknown escape", files: hcl('a = "\\q"\n'), args: [...h, "--set", "$.a=y"], says: [HCL_FILE, "escape"] },
  { name: "HCL unclosed comment", files: hcl("a = 1 /* note\n"), args: [...h, "--set", "$.a=2"], says: [HCL_FILE, "*/"] },
  { name: "HCL path matching nothing", files: hcl(HCL), args: [...h, "--set", "$.api_blue_image=x"], says: ["$.api_blue_image", HCL_FILE] },
  { name: "HCL type change", files: hcl(HCL), args: [...h, "--set", "$.api_blue_weight=heavy"], says: ["$.api_blue_weight", "force"] },
  { name: "HCL weight 101", files: hcl(HCL), args: [...h, "--weights", "api=101"], says: ["weights", "0 to 100"] },
  { name: "HCL weights 33+33", files: hcl(HCL), args: [...h, "--set", "$.api_blue_weight=33", "--set", "$.api_green_weight=33"], says: ["66", "100"] },
  { name: "HCL bad image reference", files: hcl(HCL), args: [...h, "--images", "api=registry.example.com/API:1"], says: ["registry.example.com/API:1"] },
  { name: "HCL variable name that is not an identifier", files: hcl(HCL), args: [...h, "--set", "$['my var']=1", "--create"], says: [HCL_FILE, "identifier"] },
  { name: "HCL whole document replaced", files: hcl(HCL), args: [...h, "--set", '$={"a":1}', "--force"], says: [HCL_FILE, "as a whole"] },
  // Invalid assignments and JSONPath
  { name: "assignment without =", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.replicas"], says: ["set"] },
  { name: "assignment with empty path", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "=3"], says: ["set"] },
  { name: "unbalanced bracket", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.tags[=1"], says: ["$.tags["] },
  { name: "unclosed filter", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.tags[?(@.x=1"], says: ["set"] },
  { name: "path matching nothing", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.nope=1"], says: ["$.nope"] },
  { name: "nested path matching nothing", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.tags.owner=1"], says: ["$.tags.owner"] },
  { name: "array index out of range", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.subnets[5]=x"], says: ["subnets"] },
  // Type changes without force
  { name: "number to string", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.replicas=two"], says: ["$.replicas", "force"] },
  { name: "string to number", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.name=3"], says: ["$.name", "force"] },
  { name: "object to number", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.tags=1"], says: ["$.tags", "force"] },
  { name: "array to object", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.subnets={}"], says: ["$.subnets", "force"] },
  { name: "number to boolean", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.api_blue_weight=true"], says: ["api_blue_weight", "force"] },
  // Weights
  { name: "weight 101", files: json(JSON.stringify(RELEASE)), args: [...f, "--weights", "api=101"], says: ["weights", "0 to 100"] },
  { name: "weight -1", files: json(JSON.stringify(RELEASE)), args: [...f, "--weights", "api=-1"], says: ["weights"] },
  { name: "single weight 101", files: json(JSON.stringify(RELEASE)), args: [...f, "--weights", "101"], says: ["weights", "0 to 100"] },
  { name: "weight not a number", files: json(JSON.stringify(RELEASE)), args: [...f, "--weights", "api=abc"], says: ["weights"] },
  { name: "fractional weight", files: json(JSON.stringify(RELEASE)), args: [...f, "--weights", "api=10.5"], says: ["weights"] },
  { name: "weights 33+33", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.api_blue_weight=33", "--set", "$.api_green_weight=33"], says: ["66", "100"] },
  { name: "weights 100+50", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.api_green_weight=50"], says: ["150", "100"] },
  { name: "weight set to 101 directly", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.api_blue_weight=101", "--set", "$.api_green_weight=-1"], says: ["0 to 100"] },
  { name: "weights for an unweighted service", files: json(JSON.stringify(RELEASE)), args: [...f, "--weights", "worker=10"], says: ["worker", "weights"] },
  { name: "one weight with no weighted services", files: json(JSON.stringify({ worker_green_image: "r.example.com/w:1" })), args: [...f, "--weights", "10"], says: ["weights"] },
  // Desired counts
  { name: "negative desired count input", files: json(JSON.stringify(RELEASE)), args: [...f, "--desired-counts", "api=-1"], says: ["desired-counts"] },
  { name: "non-numeric desired count", files: json(JSON.stringify(RELEASE)), args: [...f, "--desired-counts", "api=many"], says: ["desired-counts"] },
  { name: "negative count via set", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.api_green_desired_count=-2"], says: ["desired count"] },
  { name: "fractional count via set", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.api_green_desired_count=1.5"], says: ["desired count"] },
  // Images
  { name: "empty image", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "api="], says: ["api"] },
  { name: "uppercase repository", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "api=registry.example.com/API:1"], says: ["registry.example.com/API:1"] },
  { name: "image with a space", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "api=registry.example.com/api:1 2"], says: ["api"] },
  { name: "short digest", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "api=registry.example.com/api@sha256:123"], says: ["registry.example.com/api@sha256:123"] },
  { name: "bad digest characters", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", `api=registry.example.com/api@sha256:${"z".repeat(64)}`], says: ["api"] },
  { name: "tag only", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "api=:1.2.3"], says: [":1.2.3"] },
  { name: "digest required", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "api=registry.example.com/api:1.1.0", "--require-digest"], says: ["digest"] },
  { name: "registry not allowed", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", `api=evil.example.com/api@${DIGEST}`, "--allowed-registries", "registry.example.com"], says: ["evil.example.com", "registry.example.com"] },
  { name: "malformed images JSON", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "{ api"], says: ["images"] },
  { name: "images JSON array", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "[1]"], says: ["images"] },
  { name: "images line without =", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "api registry.example.com/api:1"], says: ["images"] },
  { name: "service named twice", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "api=registry.example.com/api:1\napi=registry.example.com/api:2"], says: ["images", "twice"] },
  // Unknown services
  { name: "unknown service in images", files: json(JSON.stringify(RELEASE)), args: [...f, "--images", "billing=registry.example.com/b:1"], says: ["billing", "api", "worker"] },
  { name: "unknown service in weights", files: json(JSON.stringify(RELEASE)), args: [...f, "--weights", "billing=10"], says: ["billing", "api"] },
  { name: "unknown service to finalize", files: json(JSON.stringify(RELEASE)), args: [...f, "--finalize", "billing"], says: ["billing"] },
  { name: "unknown service to roll back", files: json(JSON.stringify(RELEASE)), args: [...f, "--rollback", "billing"], says: ["billing"] },
  { name: "no services in the file", files: json('{ "region": "eu-west-1" }'), args: [...f, "--images", "api=registry.example.com/api:1"], says: ["api"] },
  // Files
  { name: "missing file", args: ["--file", "nope.auto.tfvars.json", "--set", "$.a=1"], says: ["nope.auto.tfvars.json", "does not exist"] },
  { name: "directory", setup: (d) => mkdirSync(join(d, "envs.json")), args: ["--file", "envs.json", "--set", "$.a=1"], says: ["envs.json", "directory"] },
  {
    name: "read-only file",
    files: json(JSON.stringify(RELEASE)),
    setup: (d) => chmodSync(join(d, JSON_FILE), 0o444),
    args: [...f, "--set", "$.replicas=3"],
    says: [JSON_FILE, "read-only"],
  },
  { name: "unsupported extension", files: { "release.txt": "a: 1\n" }, args: ["--file", "release.txt", "--set", "$.a=2"], says: ["release.txt", "format"] },
  {
    name: "one good file and one missing",
    files: json(JSON.stringify(RELEASE)),
    args: ["--file", `${JSON_FILE},missing.json`, "--set", "$.replicas=3"],
    says: ["missing.json"],
  },
  {
    name: "second file fails validation",
    files: { [JSON_FILE]: JSON.stringify(RELEASE), "other.auto.tfvars.json": JSON.stringify({ ...RELEASE, replicas: "2" }) },
    args: ["--file", `${JSON_FILE}\nother.auto.tfvars.json`, "--set", "$.replicas=3"],
    says: ["other.auto.tfvars.json", "force"],
  },
  // Inputs
  { name: "file missing", files: json(JSON.stringify(RELEASE)), args: ["--set", "$.replicas=3"], says: ["--file", "required"] },
  { name: "nothing to change", files: json(JSON.stringify(RELEASE)), args: [...f], says: ["set", "images"] },
  { name: "unknown option", files: json(JSON.stringify(RELEASE)), args: [...f, "--imagse", "api=x"], says: ["--imagse", "--images"] },
  { name: "option without value", files: json(JSON.stringify(RELEASE)), args: [...f, "--set"], says: ["--set"] },
  { name: "bad boolean", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.replicas=3", "--create", "maybe"], says: ["create", "true or false"] },
  { name: "finalize and rollback", files: json(JSON.stringify(RELEASE)), args: [...f, "--finalize", "api", "--rollback", "api"], says: ["finalize", "rollback"] },
  { name: "environment without config", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.replicas=3", "--environment", "prod"], says: ["environment", "prod"] },
  { name: "config file missing", files: json(JSON.stringify(RELEASE)), args: [...f, "--set", "$.replicas=3", "--config-file", "nope.yml"], says: ["nope.yml"] },
  {
    name: "config file invalid",
    files: { ...json(JSON.stringify(RELEASE)), "greenlight.yml": "version: 1\nservices: [\n" },
    args: [...f, "--set", "$.replicas=3", "--config-file", "greenlight.yml"],
    says: ["greenlight.yml"],
  },
  {
    name: "environment unknown to config",
    files: { ...json(JSON.stringify(RELEASE)), "greenlight.yml": "version: 1\nenvironments:\n  qa:\n    repository: acme/infra\n    tfvars: envs/qa.auto.tfvars.json\nservices:\n  api:\n    image: registry.example.com/api\n" },
    args: [...f, "--set", "$.replicas=3", "--config-file", "greenlight.yml", "--environment", "prod"],
    says: ["prod", "qa"],
  },
];

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const stat = statSync(join(dir, name));
    out[name] = stat.isFile()
      ? `${stat.mode}:${readFileSync(join(dir, name), "base64")}`
      : `dir:${stat.mode}`;
  }
  return out;
}

describe("update-tfvars bad-input corpus", () => {
  it("has at least 60 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const dir = tempDir();
    for (const [file, text] of Object.entries(c.files ?? {})) writeFileSync(join(dir, file), text);
    c.setup?.(dir);
    const before = snapshot(dir);
    const cap = captureIo(dir);

    const code = await runCli(["update-tfvars", ...c.args], cap.io);

    const stderr = cap.stderr().trim();
    expect(code, stderr).toBe(2);
    expect(cap.stdout()).toBe("");
    expect(stderr.split("\n"), "exactly one line").toHaveLength(1);
    expect(stderr).toMatch(/^error: \S.*[.)]$/);
    expect(stderr).not.toMatch(/\n\s+at |ZodError|\[\{/);
    for (const word of c.says) expect(stderr.toLowerCase()).toContain(word.toLowerCase());
    expect(snapshot(dir)).toEqual(before);
  });
});
