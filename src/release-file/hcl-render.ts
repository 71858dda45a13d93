/**
 * Values written as HCL literals, in the layout `terraform fmt` would give them: objects
 * one member a line with their `=` aligned where the surroundings span lines, lists of
 * scalars on one line. Strings escape `${` and `%{` so a literal value never turns into a
 * template Terraform would evaluate.
 */
import { ConfigurationError } from "../core/errors.js";
import type { JsonValue } from "./document.js";

export interface HclStyle {
  eol: string;
  /** One level of indentation: two spaces, four, a tab, … */
  unit: string;
}

/** Where a new value goes: on one line, or across lines whose enclosing line is indented by `indent`. */
export interface HclLayout {
  multiline: boolean;
  indent: string;
}

/**
 * Names written bare. HCL allows any Unicode identifier, but its tables follow an older
 * Unicode version than JavaScript's, so only ASCII names are safe to write unquoted.
 */
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Words HCL reads as something other than a key at the start of an object member. */
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if"]);

export function isHclIdentifier(name: string): boolean {
  return BARE_KEY.test(name);
}

const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ESCAPES[ch] !== undefined) return ESCAPES[ch];
  if (code < 0x20 || code === 0x7f) return `\\u${code.toString(16).padStart(4, "0")}`;
  return ch;
}

export function renderHclString(value: string): string {
  const escaped = Array.from(value, escapeChar)
    .join("")
    .replace(/([$%])\{/g, "$1$1{");
  return `"${escaped}"`;
}

export function renderHclKey(key: string): string {
  return isHclIdentifier(key) && !KEYWORDS.has(key) ? key : renderHclString(key);
}

function renderScalar(value: string | number | boolean | null, file: string): string {
  if (typeof value === "string") return renderHclString(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new ConfigurationError(
        `File "${file}" cannot hold the number ${value}; HCL numbers are finite.`,
      );
    }
    return String(value);
  }
  return String(value);
}

function isNonEmptyContainer(value: JsonValue): boolean {
  return value !== null && typeof value === "object" && Object.keys(value).length > 0;
}

export function renderHcl(
  value: JsonValue,
  layout: HclLayout,
  style: HclStyle,
  file: string,
): string {
  if (value === null || typeof value !== "object") return renderScalar(value, file);
  const inner: HclLayout = { ...layout, indent: layout.indent + style.unit };
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (!layout.multiline || !value.some(isNonEmptyContainer)) {
      return `[${value.map((item) => renderHcl(item, { multiline: false, indent: "" }, style, file)).join(", ")}]`;
    }
    const lines = value.map(
      (item) => `${inner.indent}${renderHcl(item, inner, style, file)},${style.eol}`,
    );
    return `[${style.eol}${lines.join("")}${layout.indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  if (!layout.multiline) {
    const members = entries.map(
      ([key, item]) => `${renderHclKey(key)} = ${renderHcl(item, layout, style, file)}`,
    );
    return `{ ${members.join(", ")} }`;
  }
  const keys = entries.map(([key]) => renderHclKey(key));
  const width = Math.max(...keys.map((key) => key.length));
  const lines = entries.map(
    ([, item], i) =>
      `${inner.indent}${keys[i]!.padEnd(width)} = ${renderHcl(item, inner, style, file)}${style.eol}`,
  );
  return `{${style.eol}${lines.join("")}${layout.indent}}`;
}
