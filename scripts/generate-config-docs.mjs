// Renders docs/config.md, the config file reference, from docs/greenlight.schema.json (which
// the build exports from the zod schema). Run by the build after the schema is written, so
// check-clean fails when the reference drifts from the schema.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

const cell = (text) =>
  String(text ?? "")
    .trim()
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
const code = (text) => "`" + String(text).replace(/`/g, "'") + "`";

const isObjectSchema = (node) => node?.type === "object" && node.properties !== undefined;
const isRecord = (node) =>
  node?.type === "object" &&
  node.properties === undefined &&
  typeof node.additionalProperties === "object";

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchor(title) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");
}

/** The key that tells the alternatives of a union apart (prometheus, http-json, verify). */
function variantName(node, siblings) {
  const keys = Object.keys(node.properties ?? {});
  const own = keys.find((key) =>
    siblings.every((other) => other === node || !(key in (other.properties ?? {}))),
  );
  return own ?? keys[0] ?? "variant";
}

class Renderer {
  sections = [];
  /** Sub-schemas already given a section, by their JSON, so a repeated one links back. */
  seen = new Map();

  /** A section for an object schema at `path`; returns the link to it. */
  section(path, node, text = path) {
    // The same sub-schema under two keys differs only in the description of the key.
    const key = JSON.stringify({ ...node, description: undefined });
    const known = this.seen.get(key);
    if (known) return known;
    const title = path;
    const link = `[${code(text)}](#${anchor(title)})`;
    this.seen.set(key, link);
    const entry = {
      title,
      rows: [],
      description: path === "top level" ? node.description : undefined,
    };
    this.sections.push(entry);
    const required = new Set(node.required ?? []);
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      if (name === "$schema") continue;
      const childPath = path === "top level" ? name : `${path}.${name}`;
      const type = [this.type(childPath, child), ...this.constraints(child)].join(", ");
      const isRequired = required.has(name) ? "yes" : "no";
      entry.rows.push([
        code(name),
        type,
        isRequired,
        this.defaultOf(child),
        cell(child.description),
      ]);
    }
    return link;
  }

  defaultOf(node) {
    if (node.default === undefined) return "";
    return code(JSON.stringify(node.default));
  }

  /** What the schema constrains beyond the type: patterns, bounds, formats. */
  constraints(node) {
    const parts = [];
    const target = node.type === "array" ? (node.items ?? {}) : node;
    if (target.format === "uri") parts.push("a URL");
    if (target.pattern && target.format !== "starts_with")
      parts.push(`matches ${code(target.pattern)}`);
    if (target.format === "starts_with")
      parts.push(`starts with ${code(target.pattern.replace(/^\^\\?/, "").replace(/\.\*$/, ""))}`);
    // zod bounds every integer by Number.MAX_SAFE_INTEGER; that is no limit worth printing.
    const maximum =
      target.maximum !== undefined && target.maximum < Number.MAX_SAFE_INTEGER
        ? target.maximum
        : undefined;
    if (target.minimum !== undefined && maximum !== undefined)
      parts.push(`${target.minimum} to ${maximum}`);
    else if (target.minimum !== undefined) parts.push(`at least ${target.minimum}`);
    if (node.minItems !== undefined)
      parts.push(`at least ${node.minItems} item${node.minItems === 1 ? "" : "s"}`);
    if (isRecord(node) && node.propertyNames?.pattern)
      parts.push(`keys match ${code(node.propertyNames.pattern)}`);
    if (isRecord(node) && node.propertyNames?.enum)
      parts.push(`keys: ${node.propertyNames.enum.map(code).join(", ")}`);
    return parts.map(cell);
  }

  /** The type column: plain for scalars, a link to a section for objects. */
  type(path, node) {
    if (node.const !== undefined) return code(JSON.stringify(node.const));
    if (node.enum) return `one of ${node.enum.map(code).join(", ")}`;
    if (node.anyOf) {
      const objects = node.anyOf.filter(isObjectSchema);
      if (objects.length === node.anyOf.length) {
        return (
          "one of " +
          objects
            .map((alt) => {
              const variant = variantName(alt, objects);
              return this.section(`${path} (${variant})`, alt, variant);
            })
            .join(", ")
        );
      }
      return node.anyOf.map((alt) => this.type(path, alt)).join(" or ");
    }
    if (Array.isArray(node.type)) return node.type.join(" or ");
    if (node.type === "array") return `list of ${this.type(`${path}[]`, node.items ?? {})}`;
    if (isObjectSchema(node)) return this.section(path, node);
    if (isRecord(node)) {
      const name = node.propertyNames?.enum ? "<field>" : "<name>";
      return `map of ${code(name)} → ${this.type(`${path}.${name}`, node.additionalProperties)}`;
    }
    if (node.type === "object") return "object";
    return node.type ?? "any";
  }

  render(schema) {
    this.section("top level", schema);
    const out = [
      "# Config file reference",
      "",
      "<!-- Generated from docs/greenlight.schema.json by `npm run build`; edit src/config/schema.ts instead. -->",
      "",
      "Greenlight reads `.github/greenlight.yml` in the application repository (another path with the",
      "`config-file` input). Action inputs win over the file, and the file wins over built-in defaults.",
      "Unknown keys are errors, reported with the file, line and column. For completion and checking",
      "in an editor, start the file with",
      "`# yaml-language-server: $schema=<path or URL of docs/greenlight.schema.json>`, or check it",
      "with `npx greenlight schema --check`.",
      "",
      "Durations are written like `90s`, `10m` or `1h` (a bare number is milliseconds). A complete",
      "example: [examples/app/.github/greenlight.yml](../examples/app/.github/greenlight.yml).",
    ];
    for (const section of this.sections) {
      out.push("", `## ${section.title === "top level" ? "Top level" : code(section.title)}`, "");
      if (section.description) out.push(cell(section.description), "");
      out.push(
        "| key | type | required | default | description |",
        "| --- | --- | --- | --- | --- |",
      );
      for (const row of section.rows) out.push(`| ${row.join(" | ")} |`);
    }
    return out.join("\n") + "\n";
  }
}

export function renderConfigDocs(schema) {
  return new Renderer().render(schema);
}

export function generateConfigDocs() {
  const schema = JSON.parse(readFileSync(join(root, "docs/greenlight.schema.json"), "utf8"));
  const target = join(root, "docs/config.md");
  writeFileSync(target, renderConfigDocs(schema));
  return target;
}

if (import.meta.url === `file://${process.argv[1]}`) generateConfigDocs();
