/**
 * JSON variable files (`*.tfvars.json`) edited in place. An edit replaces the bytes of one
 * value (or inserts one member) and leaves every other byte alone, so a reviewer's diff
 * shows the values Greenlight meant to change and nothing else. New objects and arrays are
 * written in the style the file already uses: its indent unit, line ending and `": "`
 * spacing, multi-line where their surroundings are multi-line.
 */
import { ConfigurationError } from "../core/errors.js";
import type { JsonValue, TfvarsDocument } from "./document.js";
import type { JsonNode, ObjectNode } from "./json-spans.js";
import { parseJsonSpans } from "./json-spans.js";
import type { ValueLayout } from "./span-document.js";
import { SpanDocument } from "./span-document.js";
import { lineIndent, spansLines } from "./span-edit.js";
import { describeType, jsonTypeOf } from "./json-values.js";

interface FileStyle {
  eol: string;
  /** One level of indentation: two or four spaces, a tab, … */
  unit: string;
  /** What separates a key from its value, e.g. `": "` or `":"`. */
  colon: string;
}

function detectStyle(text: string, root: ObjectNode): FileStyle {
  const indented = /\n([ \t]+)\S/.exec(text)?.[1];
  const first = root.members[0];
  const firstColon = first ? text.slice(first.keySpan.end, first.node.start) : "\n";
  return {
    eol: text.slice(0, text.indexOf("\n") + 1).endsWith("\r\n") ? "\r\n" : "\n",
    unit: indented === undefined ? "  " : indented.startsWith("\t") ? "\t" : indented,
    colon: firstColon.includes("\n") ? ": " : firstColon,
  };
}

function renderScalar(value: string | number | boolean | null, file: string): string {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new ConfigurationError(
      `File "${file}" cannot hold the number ${value}; JSON numbers are finite.`,
    );
  }
  return JSON.stringify(value);
}

function render(value: JsonValue, layout: ValueLayout, style: FileStyle, file: string): string {
  if (value === null || typeof value !== "object") return renderScalar(value, file);
  const isArray = Array.isArray(value);
  const entries: [string | undefined, JsonValue][] = isArray
    ? value.map((item) => [undefined, item])
    : Object.entries(value);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return open + close;
  const inner: ValueLayout = {
    ...layout,
    indent: layout.multiline ? layout.indent + style.unit : "",
  };
  const parts = entries.map(
    ([key, item]) =>
      (key === undefined ? "" : JSON.stringify(key) + style.colon) +
      render(item, inner, style, file),
  );
  if (!layout.multiline) {
    return open + parts.join(style.colon.endsWith(" ") ? ", " : ",") + close;
  }
  const lines = parts.map((part) => inner.indent + part).join("," + style.eol);
  return open + style.eol + lines + style.eol + layout.indent + close;
}

class JsonDocument extends SpanDocument<ObjectNode, FileStyle> {
  readonly format = "json";

  protected detectStyle(): FileStyle {
    return detectStyle(this.text, this.root);
  }

  protected checkWholeFile(value: JsonValue): void {
    if (jsonTypeOf(value) !== "object") {
      throw new ConfigurationError(
        `File "${this.file}" must hold an object at the top level, so $ cannot become ${describeType(value)}.`,
      );
    }
  }

  protected multilineIn(container: JsonNode): boolean {
    return spansLines(this.text, container);
  }

  protected render(value: JsonValue, layout: ValueLayout): string {
    return render(value, layout, this.style, this.file);
  }

  protected reparse(text: string): TfvarsDocument {
    return parseJsonDocument(text, this.file);
  }

  /** Adds `"key": value` after the last member, copying how the members before it are laid out. */
  protected withNewKey(parent: ObjectNode, key: string, value: JsonValue): TfvarsDocument {
    const { text, style } = this;
    const name = JSON.stringify(key);
    const last = parent.members[parent.members.length - 1];
    const inside = { start: parent.start + 1, end: parent.end - 1 };
    if (!last) {
      // An empty object: pretty-printed files get the member on its own line.
      if (parent !== this.root && !spansLines(text, this.root)) {
        const pad = text.slice(inside.start, inside.end) === "" ? "" : " ";
        const member =
          name + style.colon + render(value, { multiline: false, indent: "" }, style, this.file);
        return this.splice(inside, pad + member + pad);
      }
      const base = lineIndent(text, parent.start);
      const layout = { multiline: true, indent: base + style.unit };
      const member = name + style.colon + render(value, layout, style, this.file);
      return this.splice(inside, style.eol + layout.indent + member + style.eol + base);
    }
    const previous = parent.members[parent.members.length - 2];
    const gap = text.slice(previous ? previous.end : inside.start, last.start);
    const lastColon = text.slice(last.keySpan.end, last.node.start);
    const colon = lastColon.includes("\n") ? style.colon : lastColon;
    let separator: string;
    let layout: ValueLayout;
    if (gap.includes("\n")) {
      const indent = /^[ \t]*/.exec(gap.slice(gap.lastIndexOf("\n") + 1))?.[0] ?? "";
      separator = "," + (gap.includes("\r\n") ? "\r\n" : "\n") + indent;
      layout = { multiline: true, indent };
    } else {
      // With one member there is no comma to copy; `{"a": 1}` spacing suggests `, `.
      const spaced = gap !== "" || colon.endsWith(" ");
      separator = previous ? gap : spaced ? ", " : ",";
      layout = { multiline: false, indent: "" };
    }
    const member = name + colon + render(value, layout, { ...style, colon }, this.file);
    return this.splice({ start: last.end, end: last.end }, separator + member);
  }
}

/** Parses a JSON variable file; anything but a strict JSON object is a ConfigurationError naming the file. */
export function parseJsonDocument(text: string, file: string): TfvarsDocument {
  const root = parseJsonSpans(text, file);
  if (root.kind !== "object") {
    throw new ConfigurationError(
      `File "${file}" holds ${describeType(root.value)} at the top level, but a Terraform variable file in JSON holds an object of variables such as {"replicas": 2}.`,
    );
  }
  return new JsonDocument(file, text, root);
}
