/**
 * HCL variable files (`*.tfvars`) edited in place. An edit replaces the bytes of one value
 * (or inserts one attribute or object member) and leaves every other byte alone, comments
 * included, so a reviewer's diff shows the values Greenlight meant to change and nothing
 * else. New attributes and members copy their neighbour's indentation, `=` alignment and
 * trailing comma.
 */
import { ConfigurationError } from "../core/errors.js";
import { formatPath } from "./assignments.js";
import type { JsonValue, PathSegment, TfvarsDocument } from "./document.js";
import type { JsonNode, ObjectNode } from "./json-spans.js";
import { SpanDocument } from "./span-document.js";
import { lineIndent, lineStart, spansLines } from "./span-edit.js";
import type { HclBody, HclMember, HclObjectNode } from "./hcl-spans.js";
import { parseHclSpans } from "./hcl-spans.js";
import type { HclLayout, HclStyle } from "./hcl-render.js";
import { isHclIdentifier, renderHcl, renderHclKey } from "./hcl-render.js";

/**
 * The file's line ending and indent unit. The unit is how far the first object member on a
 * line of its own sits inside the line that opens its object; indentation inside comments
 * says nothing about it.
 */
function detectStyle(text: string, root: HclBody): HclStyle {
  const eol = text.slice(0, text.indexOf("\n") + 1).endsWith("\r\n") ? "\r\n" : "\n";
  const pending: JsonNode[] = root.members.map((m) => m.node);
  for (let node = pending.shift(); node; node = pending.shift()) {
    if (node.kind === "array") pending.push(...node.items);
    if (node.kind !== "object") continue;
    for (const member of node.members) {
      const outer = lineIndent(text, node.start);
      const inner = lineIndent(text, member.start);
      const ownLine = lineStart(text, member.start) + inner.length === member.start;
      if (ownLine && inner.length > outer.length && inner.startsWith(outer)) {
        return { eol, unit: inner.slice(outer.length) };
      }
      pending.push(member.node);
    }
  }
  return { eol, unit: "  " };
}

function isBody(node: JsonNode): node is HclBody {
  return "body" in node;
}

class HclDocument extends SpanDocument<HclBody, HclStyle> {
  readonly format = "hcl";

  protected detectStyle(): HclStyle {
    return detectStyle(this.text, this.root);
  }

  protected checkWholeFile(): void {
    throw new ConfigurationError(
      `File "${this.file}" is HCL, so $ cannot be replaced as a whole; set its variables one by one, e.g. $.replicas.`,
    );
  }

  protected multilineIn(container: JsonNode): boolean {
    return isBody(container) || spansLines(this.text, container);
  }

  protected render(value: JsonValue, layout: HclLayout): string {
    return renderHcl(value, layout, this.style, this.file);
  }

  protected reparse(text: string): TfvarsDocument {
    return parseHclDocument(text, this.file);
  }

  protected withNewKey(
    parent: ObjectNode,
    key: string,
    value: JsonValue,
    path: PathSegment[],
  ): TfvarsDocument {
    if (isBody(parent)) {
      if (!isHclIdentifier(key)) {
        throw new ConfigurationError(
          `File "${this.file}" is HCL, where a variable name is an identifier, so ${formatPath(path)} cannot be created; use a name of ASCII letters, digits, "_" and "-" that starts with a letter.`,
        );
      }
      return this.withAttribute(parent, key, value);
    }
    return this.withMember(parent as HclObjectNode, renderHclKey(key), value);
  }

  /**
   * The spacing around a new member's `=`, copied from `like`; where the member starts a
   * line at `indent`, its `=` lines up with `like`'s if the key is short enough, as
   * `terraform fmt` would have it.
   */
  private spacing(
    like: HclMember,
    key: string,
    indent?: string,
  ): { before: string; after: string } {
    const { text } = this;
    const gap = text.slice(like.keySpan.end, like.separator.start);
    const afterGap = text.slice(like.separator.end, like.node.start);
    const column = like.separator.start - lineStart(text, like.separator.start);
    let pad = gap === "" ? 0 : 1;
    if (gap !== "" && indent !== undefined) pad = Math.max(1, column - indent.length - key.length);
    return { before: " ".repeat(pad), after: afterGap === "" ? "" : " " };
  }

  /** `key = value`, spaced like `like`, with the value laid out for `layout`. */
  private member(
    like: HclMember | undefined,
    key: string,
    layout: HclLayout,
    value: JsonValue,
  ): string {
    const separator = like ? this.text.slice(like.separator.start, like.separator.end) : "=";
    const rendered = this.render(value, layout);
    // Like `terraform fmt`: only members whose values fit on one line are aligned.
    const align =
      layout.multiline && like && !spansLines(this.text, like.node) && !rendered.includes("\n");
    const spacing = like
      ? this.spacing(like, key, align ? layout.indent : undefined)
      : { before: " ", after: " " };
    return key + spacing.before + separator + spacing.after + rendered;
  }

  /** Adds `name = value` on a new line after the last attribute (or at the end of the file). */
  private withAttribute(body: HclBody, name: string, value: JsonValue): TfvarsDocument {
    const { text, style } = this;
    const last = body.members[body.members.length - 1];
    const indent = last ? lineIndent(text, last.start) : "";
    const line = indent + this.member(last, name, { multiline: true, indent }, value);
    const at = last ? last.restOfLine : text.length;
    if (at === text.length) {
      const needsBreak = text !== "" && !text.endsWith("\n");
      // A file that ends without a line break keeps ending without one.
      return this.splice({ start: at, end: at }, needsBreak ? style.eol + line : line + style.eol);
    }
    const next = text.startsWith("\r\n", at) ? at + 2 : at + 1;
    return this.splice({ start: next, end: next }, line + style.eol);
  }

  /** Adds `key = value` after the object's last member, copying how that member is laid out. */
  private withMember(parent: HclObjectNode, key: string, value: JsonValue): TfvarsDocument {
    const { text, style } = this;
    const last = parent.members[parent.members.length - 1];
    if (!last) {
      const inside = { start: parent.start + 1, end: parent.end - 1 };
      const base = lineIndent(text, parent.start);
      const blank = text.slice(inside.start, inside.end).trim() === "";
      const multiline = blank && (spansLines(text, parent) || this.isAttributeValue(parent));
      if (!multiline) {
        const member = this.member(undefined, key, { multiline: false, indent: "" }, value);
        return this.splice(
          { start: inside.start, end: blank ? inside.end : inside.start },
          ` ${member}${blank ? " " : ","}`,
        );
      }
      const indent = base + style.unit;
      const member = this.member(undefined, key, { multiline: true, indent }, value);
      return this.splice(inside, style.eol + indent + member + style.eol + base);
    }
    const closesOwnLine = text.slice(last.restOfLine, parent.end - 1).includes("\n");
    if (closesOwnLine) {
      const indent = lineIndent(text, last.start);
      const member = this.member(last, key, { multiline: true, indent }, value);
      const at = last.restOfLine;
      return this.splice(
        { start: at, end: at },
        style.eol + indent + member + (last.comma ? "," : ""),
      );
    }
    const previous = parent.members[parent.members.length - 2];
    const gap = previous ? text.slice(previous.end, last.start) : "";
    const separator = previous && !gap.includes("\n") ? gap : ", ";
    const member = this.member(last, key, { multiline: false, indent: "" }, value);
    return this.splice({ start: last.end, end: last.end }, separator + member);
  }

  private isAttributeValue(node: JsonNode): boolean {
    return this.root.members.some((m) => m.node === node);
  }
}

/** Parses an HCL variable file; anything outside the supported subset is a ConfigurationError naming the file. */
export function parseHclDocument(text: string, file: string): TfvarsDocument {
  return new HclDocument(file, text, parseHclSpans(text, file));
}
