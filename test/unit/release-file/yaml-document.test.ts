/**
 * The YAML editor on realistic files: each edit's diff is exactly the changed values (every
 * other byte, comments, quoting, indentation and line endings included, stays), and what
 * cannot be changed without changing more is refused with one sentence.
 */
import { load, loadAll } from "js-yaml";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../../src/core/errors.js";
import type { Assignment } from "../../../src/release-file/assignments.js";
import { applyAssignments } from "../../../src/release-file/assignments.js";
import type { JsonValue, PathSegment } from "../../../src/release-file/document.js";
import { formatOf, parseTfvars } from "../../../src/release-file/document.js";
import { parseYamlDocument } from "../../../src/release-file/yaml-document.js";
import { changedLines, readYamlFixture } from "../../helpers/yaml-fixtures.js";
import { replaceOnce } from "../../helpers/tfvars-fixtures.js";

function edit(name: string, assignments: Assignment[], create = false): string {
  const doc = parseYamlDocument(readYamlFixture(name), name);
  return applyAssignments(doc, assignments, { create }).doc.text;
}

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    return message;
  }
  throw new Error("expected a ConfigurationError");
}

function set(text: string, path: PathSegment[], value: JsonValue): string {
  return parseYamlDocument(text, "values.yaml").set(path, value).text;
}

describe("YAML format", () => {
  it("is taken from .yaml and .yml, or given explicitly", () => {
    expect(formatOf("values.yaml")).toBe("yaml");
    expect(formatOf("envs/prod/kustomization.YML")).toBe("yaml");
    expect(parseTfvars("a: 1\n", "release", "yaml").format).toBe("yaml");
    expect(refusal(() => parseTfvars("a: 1\n", "release"))).toContain("format");
  });

  it("reads a Helm values file with anchors and merge keys as both parsers do", () => {
    const text = readYamlFixture("helm-values.yaml");
    const doc = parseYamlDocument(text, "values.yaml");
    expect(doc.data).toEqual(parse(text, { merge: true }));
    expect((doc.data as { blue: { pullPolicy: string } }).blue.pullPolicy).toBe("IfNotPresent");
  });

  it("reads a multi-document file as the list of its documents", () => {
    const text = readYamlFixture("manifests.yaml");
    const doc = parseYamlDocument(text, "manifests.yaml");
    expect(doc.data).toEqual(loadAll(text));
    expect((doc.data as JsonValue[]).length).toBe(3);
  });
});

describe("YAML edits change exactly the values", () => {
  it("Helm values: green image tag, digest and count, keeping quotes and comments", () => {
    const before = readYamlFixture("helm-values.yaml");
    const after = edit("helm-values.yaml", [
      { path: "$.green.image.tag", value: "1.10" },
      { path: "$.green.image.digest", value: "sha256:" + "b".repeat(64) },
      { path: "$.green.replicaCount", value: 3 },
    ]);
    expect(changedLines(before, after)).toEqual([
      ["    tag: '1.4.0'", "    tag: '1.10'"],
      ['    digest: ""', `    digest: "sha256:${"b".repeat(64)}"`],
      ["  replicaCount: 0", "  replicaCount: 3"],
    ]);
  });

  it("Helm values: an edit beside an anchor and a merge key leaves them alone", () => {
    const before = readYamlFixture("helm-values.yaml");
    const after = edit("helm-values.yaml", [{ path: "$.blue.image.tag", value: "1.5.0" }]);
    expect(after).toBe(
      replaceOnce(before, 'tag: "1.4.0"        # stable', 'tag: "1.5.0"        # stable'),
    );
    expect(load(after)).toMatchObject({ blue: { image: { tag: "1.5.0" } } });
  });

  it("4-space indentation and document markers", () => {
    const before = readYamlFixture("helm-values-4space.yaml");
    const after = edit("helm-values-4space.yaml", [
      { path: "$.api.green.image.tag", value: "1.5.0" },
      { path: "$.api.green.replicas", value: 2 },
    ]);
    expect(changedLines(before, after)).toEqual([
      ["            tag: 1.4.0", "            tag: 1.5.0"],
      ["        replicas: 0", "        replicas: 2"],
    ]);
    expect(after.startsWith("---\n")).toBe(true);
    expect(after.endsWith("...\n")).toBe(true);
  });

  it("CRLF line endings stay, comments too", () => {
    const before = readYamlFixture("helm-values-crlf.yaml");
    const after = edit("helm-values-crlf.yaml", [{ path: "$.green.tag", value: "1.5.0" }]);
    expect(after).toBe(
      replaceOnce(before, "tag: 1.4.0 # candidate\r\n", "tag: 1.5.0 # candidate\r\n"),
    );
  });

  it("Kustomize: one of several images entries, found by name", () => {
    const before = readYamlFixture("kustomize/overlay/kustomization.yaml");
    const after = edit("kustomize/overlay/kustomization.yaml", [
      { path: '$.images[?(@.name=="api-green")].newTag', value: "1.5.0" },
    ]);
    expect(changedLines(before, after)).toEqual([['    newTag: "1.4.0"', '    newTag: "1.5.0"']]);
    expect(after.indexOf('newTag: "1.5.0"')).toBeGreaterThan(after.indexOf("api-green"));
  });

  it("HTTPRoute: relative backend weights selected by backend name", () => {
    const before = readYamlFixture("httproute.yaml");
    const rule = "$.spec.rules[0].backendRefs";
    const after = edit("httproute.yaml", [
      { path: `${rule}[?(@.name=="api-blue")].weight`, value: 90 },
      { path: `${rule}[?(@.name=="api-green")].weight`, value: 10 },
    ]);
    expect(changedLines(before, after)).toEqual([
      [
        "          weight: 1   # relative weights: blue takes everything",
        "          weight: 90   # relative weights: blue takes everything",
      ],
      ["          weight: 0", "          weight: 10"],
    ]);
  });

  it("Istio VirtualService: route weights by subset", () => {
    const before = readYamlFixture("virtualservice.yaml");
    const route = "$.spec.http[0].route";
    const after = edit("virtualservice.yaml", [
      { path: `${route}[?(@.destination.subset=="blue")].weight`, value: 50 },
      { path: `${route}[?(@.destination.subset=="green")].weight`, value: 50 },
    ]);
    expect(changedLines(before, after)).toEqual([
      ["      weight: 100", "      weight: 50"],
      ["      weight: 0", "      weight: 50"],
    ]);
  });

  it("multi-document manifest: documents by index or by kind and name", () => {
    const before = readYamlFixture("manifests.yaml");
    const image = "ghcr.io/acme/api@sha256:" + "c".repeat(64);
    const after = edit("manifests.yaml", [
      { path: "$[1].spec.template.spec.containers[0].image", value: image },
      {
        path: '$[?(@.kind=="Deployment" && @.metadata.name=="api-green")].spec.replicas',
        value: 3,
      },
      { path: '$[2].spec.rules[0].backendRefs[?(@.name=="api-green")].weight', value: 10 },
    ]);
    expect(changedLines(before, after)).toEqual([
      ["  replicas: 0", "  replicas: 3"],
      ["        image: ghcr.io/acme/api:1.4.0", `        image: ${image}`],
      ["      weight: 0", "      weight: 10"],
    ]);
  });
});

describe("YAML scalars keep their type", () => {
  it.each([
    ["1.10", '"1.10"'],
    ["on", '"on"'],
    ["yes", '"yes"'],
    ["No", '"No"'],
    ["y", '"y"'],
    ["null", '"null"'],
    ["0777", '"0777"'],
    ["1:20", '"1:20"'],
    ["2024-01-01", '"2024-01-01"'],
    ["", '""'],
    ["1.4.0", "1.4.0"],
    ["v1.10", "v1.10"],
    ["ghcr.io/acme/api@sha256:abc", "ghcr.io/acme/api@sha256:abc"],
    ["# not a comment", '"# not a comment"'],
  ])("a plain string becomes %j written as %s", (value, written) => {
    expect(set("tag: old\n", ["tag"], value)).toBe(`tag: ${written}\n`);
  });

  it("keeps single quotes, doubling a quote inside", () => {
    expect(set("tag: 'a'\n", ["tag"], "it's")).toBe("tag: 'it''s'\n");
  });

  it("writes numbers, booleans and null plain over a quoted string when forced", () => {
    const doc = parseYamlDocument('n: "1"\n', "v.yaml");
    expect(applyAssignments(doc, [{ path: "$.n", value: 2 }], { force: true }).doc.text).toBe(
      "n: 2\n",
    );
  });

  it("replaces a block scalar's text and keeps the line after it", () => {
    expect(set("notes: |\n  one\n  two\nnext: 1\n", ["notes"], "x")).toBe("notes: x\nnext: 1\n");
  });

  it("keeps an unreferenced anchor and a tag in front of the value", () => {
    expect(set("a: &a 1\nb: !!str 5\n", ["a"], 2)).toBe("a: &a 2\nb: !!str 5\n");
    expect(set("a: &a 1\nb: !!str 5\n", ["b"], "6")).toBe("a: &a 1\nb: !!str 6\n");
  });

  it("edits inside flow collections", () => {
    expect(set("a: {b: [1, 2], c: x}\n", ["a", "b", 1], 3)).toBe("a: {b: [1, 3], c: x}\n");
  });

  it("creates a key in a block mapping with the neighbours' indentation", () => {
    const doc = parseYamlDocument("image:\n  repository: r # c\n  tag: t\nx: 1\n", "v.yaml");
    expect(doc.set(["image", "digest"], "sha256:d", { create: true }).text).toBe(
      "image:\n  repository: r # c\n  tag: t\n  digest: sha256:d\nx: 1\n",
    );
  });

  it("creates a key in a flow mapping", () => {
    const doc = parseYamlDocument("image: {tag: t}\n", "v.yaml");
    expect(doc.set(["image", "digest"], "d", { create: true }).text).toBe(
      "image: {tag: t, digest: d}\n",
    );
  });
});

describe("YAML edits that would change more than they say are refused", () => {
  const values = readYamlFixture("helm-values.yaml");
  const doc = parseYamlDocument(values, "values.yaml");

  it("a path to a value a merge key brings in", () => {
    expect(refusal(() => doc.set(["blue", "pullPolicy"], "Always"))).toContain("merge key");
  });

  it("an anchored node that an alias refers to", () => {
    expect(refusal(() => doc.set(["common", "pullPolicy"], "Always"))).toContain("&common");
  });

  it("a path through an alias", () => {
    const aliased = parseYamlDocument("a: &x {b: 1}\nc: *x\n", "v.yaml");
    expect(refusal(() => aliased.set(["c", "b"], 2))).toContain("alias *x");
  });

  it("a document number past the end", () => {
    const manifests = parseYamlDocument(readYamlFixture("manifests.yaml"), "m.yaml");
    expect(refusal(() => manifests.set([5, "spec", "replicas"], 1))).toContain("3 documents");
  });
});
