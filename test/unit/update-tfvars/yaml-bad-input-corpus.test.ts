/**
 * The bad-input corpus for YAML release files: every case runs `greenlight update-tfvars`
 * (in-process, the same code path as the binary) and must exit 2 with one sentence naming
 * the problem, print no stack trace, and leave every file byte-for-byte as it was.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";
import { readYamlFixture } from "../../helpers/yaml-fixtures.js";

const V = "values.yaml";
const VALUES = `# release
green:
  image: {repository: ghcr.io/acme/api, tag: "1.4.0", digest: ""}
  replicas: 0
  weight: 0
blue:
  image: {repository: ghcr.io/acme/api, tag: "1.4.0"}
  replicas: 2
  weight: 100
`;
const ROUTE = readYamlFixture("httproute.yaml");
const MANIFESTS = readYamlFixture("manifests.yaml");
const HELM = readYamlFixture("helm-values.yaml");
const DIGEST = "sha256:" + "a".repeat(64);
const REFS = "$.spec.rules[0].backendRefs";

/** A config for one service `api` whose fields are given as YAML lines. */
function config(fields: string, extra = ""): string {
  return `version: 1\nservices:\n  api:\n${extra}    fields:\n${fields
    .trim()
    .split("\n")
    .map((line) => `      ${line.trim()}`)
    .join("\n")}\n`;
}

const HELM_CONFIG = config(`
  green-image: {repository: $.green.image.repository, tag: $.green.image.tag, digest: $.green.image.digest}
  blue-image: {repository: $.blue.image.repository, tag: $.blue.image.tag}
  green-desired-count: $.green.replicas
  blue-desired-count: $.blue.replicas
  green-weight: $.green.weight
  blue-weight: $.blue.weight
`);

const routeConfig = (blue: string, green: string) =>
  config(
    `blue-weight: '${REFS}[?(${blue})].weight'\ngreen-weight: '${REFS}[?(${green})].weight'`,
    "    weight-mode: relative\n",
  );

interface Case {
  name: string;
  files: Record<string, string>;
  args: string[];
  /** Words the sentence must contain (case-insensitive). */
  says: string[];
}

const values = (text: string, extra: Record<string, string> = {}) => ({ [V]: text, ...extra });
const f = ["--file", V];
const withConfig = (text: string) => ({ "greenlight.yml": text });
const c = ["--config-file", "greenlight.yml"];

// One case a line reads as a table; prettier would spread each over several.
// prettier-ignore
const cases: Case[] = [
  // Not YAML, or YAML Greenlight will not guess at
  { name: "tab indentation", files: values("a:\n\tb: 1\n"), args: [...f, "--set", "$.a.b=2"], says: [V, "not valid YAML"] },
  { name: "duplicate key", files: values("a: 1\na: 2\n"), args: [...f, "--set", "$.a=3"], says: [V, "unique"] },
  { name: "duplicate nested key", files: values("a:\n  b: 1\n  b: 2\n"), args: [...f, "--set", "$.a.b=3"], says: [V, "line 3"] },
  { name: "unclosed flow mapping", files: values("a: {b: 1\n"), args: [...f, "--set", "$.a.b=2"], says: [V, "not valid YAML"] },
  { name: "unclosed quote", files: values('a: "x\n'), args: [...f, "--set", "$.a=y"], says: [V, "not valid YAML"] },
  { name: "bad indentation", files: values("a:\n  b: 1\n c: 2\n"), args: [...f, "--set", "$.a.b=2"], says: [V] },
  { name: "undefined alias", files: values("a: *nope\n"), args: [...f, "--set", "$.a=1"], says: [V, "nope"] },
  { name: "unknown tag", files: values("a: !Ref x\n"), args: [...f, "--set", "$.a=1"], says: [V, "tag"] },
  { name: "empty file", files: values(""), args: [...f, "--set", "$.a=1"], says: [V, "no YAML document"] },
  { name: "only comments", files: values("# nothing here\n"), args: [...f, "--set", "$.a=1"], says: [V, "no YAML document"] },
  { name: "a list at the top", files: values("- a\n- b\n"), args: [...f, "--set", "$[0]=c"], says: [V, "not a mapping"] },
  { name: "a scalar at the top", files: values("just text\n"), args: [...f, "--set", "$.a=1"], says: [V, "not a mapping"] },
  { name: "a scalar document among manifests", files: values("a: 1\n---\n42\n"), args: [...f, "--set", "$[0].a=2"], says: [V, "not a mapping"] },
  { name: "YAML 1.1 directive read two ways", files: values("%YAML 1.1\n---\na: yes\n"), args: [...f, "--set", "$.a=no"], says: [V] },
  { name: "an alias bomb", files: values(`a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`), args: [...f, "--set", "$.a[0]=y"], says: [V, "alias"] },
  { name: "unknown extension without format", files: { "values.txt": "a: 1\n" }, args: ["--file", "values.txt", "--set", "$.a=2"], says: ["values.txt", "format"] },
  { name: "unknown format name", files: values("a: 1\n"), args: [...f, "--format", "toml", "--set", "$.a=2"], says: ["format"] },
  { name: "YAML read as JSON by explicit format", files: values("a: 1\n"), args: [...f, "--format", "json", "--set", "$.a=2"], says: [V, "JSON"] },
  // Paths that would change more than they say
  { name: "path through an alias", files: values("base: &b {tag: x}\napi: *b\n"), args: [...f, "--set", "$.api.tag=y"], says: [V, "alias *b"] },
  { name: "anchored value referenced elsewhere", files: values("t: &t x\napi: {tag: *t}\n"), args: [...f, "--set", "$.t=y"], says: [V, "&t"] },
  { name: "value inside a referenced anchor", files: values(HELM), args: [...f, "--set", "$.common.pullPolicy=Always"], says: [V, "&common"] },
  { name: "value brought in by a merge key", files: values(HELM), args: [...f, "--set", "$.blue.pullPolicy=Always"], says: [V, "merge key"] },
  { name: "key created beside a merge key", files: values(HELM), args: [...f, "--set", "$.blue.newKey=1", "--create"], says: [V, "merge key"] },
  { name: "whole document replaced", files: values(VALUES), args: [...f, "--set", '$={"a":1}', "--force"], says: [V, "whole document"] },
  { name: "whole manifest document replaced", files: values(MANIFESTS), args: [...f, "--set", '$[0]={"a":1}', "--force"], says: [V, "whole document"] },
  { name: "key with no value", files: values("a:\nb: 1\n"), args: [...f, "--set", "$.a=x", "--force"], says: [V, "no value"] },
  // Documents and paths that name nothing
  { name: "unknown document index", files: values(MANIFESTS), args: [...f, "--set", "$[7].spec.replicas=1"], says: ["$[7]", "matches nothing", V] },
  { name: "unknown document by kind and name", files: values(MANIFESTS), args: [...f, "--set", '$[?(@.kind=="Service")].spec.replicas=1'], says: [V, "matches nothing"] },
  { name: "path matching nothing", files: values(VALUES), args: [...f, "--set", "$.green.image.tagg=1.5.0"], says: [V, "create"] },
  { name: "index out of range", files: values("a: [1, 2]\n"), args: [...f, "--set", "$.a[5]=3"], says: [V, "out of range"] },
  { name: "type change", files: values(VALUES), args: [...f, "--set", "$.green.replicas=three"], says: ["$.green.replicas", "force"] },
  { name: "type change of a quoted tag", files: values(VALUES), args: [...f, "--set", "$.green.image.tag=1.5"], says: ["$.green.image.tag", "string"] },
  { name: "filter with a function call", files: values(ROUTE), args: [...f, "--set", `${REFS}[?(@.name.startsWith('api'))].weight=1`], says: ["set", "filter"] },
  { name: "filter with an assignment", files: values(ROUTE), args: [...f, "--set", `${REFS}[?(@.name='x')].weight=1`], says: ["set", "filter"] },
  { name: "script expression", files: values(ROUTE), args: [...f, "--set", `${REFS}[(@.length-1)].weight=1`], says: ["set", "script expression"] },
  // Presets mapped in the config
  { name: "weight filter matching none", files: { ...values(ROUTE), ...withConfig(routeConfig('@.name=="api-blu"', '@.name=="api-green"')) }, args: [...f, ...c, "--weights", "api=10"], says: ["api", "blue-weight", "has no"] },
  { name: "weight filter matching two", files: { ...values(ROUTE), ...withConfig(routeConfig("@.port==8080", '@.name=="api-green"')) }, args: [...f, ...c, "--weights", "api=10"], says: ["api", "matches 2 values"] },
  { name: "green weight filter matching two", files: { ...values(ROUTE), ...withConfig(routeConfig('@.name=="api-blue"', "@.weight>=0")) }, args: [...f, ...c, "--weights", "api=10"], says: ["green-weight", "matches 2 values"] },
  { name: "relative weights both zero", files: { ...values(ROUTE), ...withConfig(routeConfig('@.name=="api-blue"', '@.name=="api-green"')) }, args: [...f, ...c, "--set", `${REFS}[0].weight=0`], says: ["api", "nowhere"] },
  { name: "relative weight negative", files: { ...values(ROUTE), ...withConfig(routeConfig('@.name=="api-blue"', '@.name=="api-green"')) }, args: [...f, ...c, "--set", `${REFS}[1].weight=-1`], says: ["api", "0 or more"] },
  { name: "percent weights not adding up", files: { ...values(VALUES), ...withConfig(HELM_CONFIG) }, args: [...f, ...c, "--set", "$.green.weight=30"], says: ["api", "100"] },
  { name: "image without tag or digest into split fields", files: { ...values(VALUES), ...withConfig(HELM_CONFIG) }, args: [...f, ...c, "--images", "api=ghcr.io/acme/api"], says: ["ghcr.io/acme/api", "tag or a digest"] },
  { name: "digest into a blue image without digest field", files: { ...values(VALUES.replace('digest: ""', `digest: "${DIGEST}"`)), ...withConfig(HELM_CONFIG) }, args: [...f, ...c, "--finalize", "api"], says: ["blue-image", "digest"] },
  { name: "digest field missing from the file", files: { ...values(VALUES.replace(', digest: ""', "")), ...withConfig(HELM_CONFIG) }, args: [...f, ...c, "--images", `api=ghcr.io/acme/api@${DIGEST}`], says: ["api", "green-image"] },
  { name: "invalid image reference", files: { ...values(VALUES), ...withConfig(HELM_CONFIG) }, args: [...f, ...c, "--images", "api=GHCR.io/Acme/API:1"], says: ["GHCR.io/Acme/API:1"] },
  { name: "unknown service", files: { ...values(VALUES), ...withConfig(HELM_CONFIG) }, args: [...f, ...c, "--images", "web=ghcr.io/acme/web:1"], says: ["web", "api"] },
  { name: "split image without tag or digest in config", files: { ...values(VALUES), ...withConfig(config("green-image: {repository: $.green.image.repository}")) }, args: [...f, ...c, "--images", "api=ghcr.io/acme/api:2"], says: ["greenlight.yml", "tag, digest"] },
  { name: "unknown weight mode", files: { ...values(VALUES), ...withConfig(config("green-weight: $.green.weight", "    weight-mode: shares\n")) }, args: [...f, ...c, "--weights", "api=10"], says: ["greenlight.yml", "weight-mode"] },
  { name: "count that is not a number in the file", files: { ...values(VALUES.replace("replicas: 0", 'replicas: "0"')), ...withConfig(HELM_CONFIG) }, args: [...f, ...c, "--desired-counts", "api=3"], says: ["$.green.replicas", "string"] },
];

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) out[name] = readFileSync(join(dir, name), "base64");
  return out;
}

describe("update-tfvars bad-input corpus for YAML release files", () => {
  it("has at least 40 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const dir = tempDir();
    for (const [file, text] of Object.entries(c.files)) writeFileSync(join(dir, file), text);
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
