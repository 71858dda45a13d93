/**
 * The config file reference (docs/config.md) is rendered from the JSON Schema: every key of
 * every object the schema allows has a row, every link points at a section that exists, and
 * enumerations and defaults are shown as the schema gives them.
 */
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../../src/config/json-schema.js";
import {
  CONFIG_DOCS,
  describeConfigSchema,
  schemaNodesAt,
} from "../../../src/config/schema-docs.js";
import { renderConfigDocs } from "../../../scripts/generate-config-docs.mjs";

type Node = {
  description?: string;
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  items?: Node;
  anyOf?: Node[];
  enum?: unknown[];
};

/** Every key name the schema allows anywhere. */
function keyNames(node: Node | boolean | undefined, into = new Set<string>()): Set<string> {
  if (!node || typeof node === "boolean") return into;
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (name !== "$schema") into.add(name);
    keyNames(child, into);
  }
  keyNames(node.additionalProperties, into);
  keyNames(node.items, into);
  for (const alt of node.anyOf ?? []) keyNames(alt, into);
  return into;
}

const schema = configJsonSchema();
const markdown = renderConfigDocs(schema);

/** Key paths whose schema has no description. */
function undescribed(node: Node | boolean | undefined, path = "", into: string[] = []): string[] {
  if (!node || typeof node === "boolean") return into;
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (name === "$schema") continue;
    if (!child.description) into.push(`${path}${name}`);
    undescribed(child, `${path}${name}.`, into);
  }
  undescribed(node.additionalProperties, `${path}*.`, into);
  undescribed(node.items, path.replace(/\.$/, "[]."), into);
  for (const alt of node.anyOf ?? []) undescribed(alt, path, into);
  return into;
}

describe("config file reference", () => {
  it("describes only keys the schema has", () => {
    expect(describeConfigSchema()).toEqual([]);
  });

  it("gives each key its own description: no schema node is shared by keys described differently", () => {
    const owner = new Map<unknown, string>();
    const shared: string[] = [];
    for (const [path, description] of Object.entries(CONFIG_DOCS))
      for (const node of schemaNodesAt(path)) {
        const first = owner.get(node);
        if (first !== undefined && CONFIG_DOCS[first] !== description)
          shared.push(`${first} and ${path}`);
        else owner.set(node, path);
      }
    expect(shared).toEqual([]);
  });

  it("describes the notification URL variables as URLs, not as a routing key", () => {
    expect(markdown).toContain("| `webhook-url-env` | string, matches");
    for (const text of [
      "Variable holding the bot's webhook URL.",
      "Variable holding the robot's webhook URL.",
      "Variable holding the webhook URL.",
    ])
      expect(markdown).toContain(text);
    expect(markdown.match(/integration \(routing\) key/g)).toHaveLength(1);
  });

  it("describes every key (add new keys to src/config/schema-docs.ts)", () => {
    expect([...new Set(undescribed(schema as Node))]).toEqual([]);
  });

  it("has a row for every key the schema allows", () => {
    const rows = new Set([...markdown.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
    expect([...keyNames(schema as Node)].filter((name) => !rows.has(name))).toEqual([]);
  });

  it("links only to sections that exist", () => {
    const anchors = new Set(
      [...markdown.matchAll(/^## (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^a-z0-9 _-]/g, "")
          .replace(/ /g, "-"),
      ),
    );
    const links = [...markdown.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });

  it("shows the choices of an enumeration and the defaults", () => {
    expect(markdown).toMatch(/\| `merge` \| one of `pull-request`, `auto-merge`, `direct` \|/);
    expect(markdown).toMatch(
      /\| `weighted` \| boolean \| no \| `true` \| Whether the service takes traffic/,
    );
  });

  it("says it is generated, and from what", () => {
    expect(markdown).toContain("Generated from docs/greenlight.schema.json by `npm run build`");
  });
});
