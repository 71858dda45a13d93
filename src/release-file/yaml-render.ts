/**
 * Values written as YAML text that reads back as the intended type in every reader a
 * GitOps repository meets: YAML 1.2 (the `yaml` package, js-yaml, Helm 3's newer parsers)
 * and YAML 1.1 (go-yaml v2 under kubectl and Kustomize, where `on`, `yes`, `no`, `y` are
 * booleans, `0777` is octal and `1:20` is a number). A string is written plain only when
 * all of them read it as that same string; otherwise it is quoted.
 */
import { CORE_SCHEMA, YAML11_SCHEMA, load } from "js-yaml";
import { parse } from "yaml";
import { ConfigurationError } from "../core/errors.js";
import type { JsonValue } from "./document.js";

export type QuoteStyle = "plain" | "single" | "double";

/** Characters a plain scalar may hold in block and flow context alike, conservatively. */
const PLAIN_SAFE = /^[A-Za-z0-9_./+~-][A-Za-z0-9_./@:+=~-]*$/;
/** YAML 1.1 booleans that js-yaml's 1.1 schema leaves to strings. */
const YAML11_YES_NO = /^(?:y|n)$/i;

function readsAsString(reader: () => unknown, text: string): boolean {
  try {
    return reader() === text;
  } catch {
    return false;
  }
}

/** Whether `text` is made only of characters a plain scalar may hold anywhere. */
export function hasPlainCharacters(text: string): boolean {
  return PLAIN_SAFE.test(text) && !text.endsWith(":") && text !== "-";
}

/** Whether `text` may be written without quotes and still be read as this string everywhere. */
export function isPlainSafe(text: string): boolean {
  if (!hasPlainCharacters(text) || YAML11_YES_NO.test(text)) return false;
  return (
    readsAsString(() => parse(text), text) &&
    readsAsString(() => load(text, { schema: CORE_SCHEMA }), text) &&
    readsAsString(() => load(text, { schema: YAML11_SCHEMA }), text)
  );
}

export function doubleQuoted(text: string): string {
  // JSON's escapes are a subset of YAML's double-quoted escapes.
  return JSON.stringify(text);
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || [0x2028, 0x2029, 0xfeff].includes(code);
}

function singleQuoted(text: string): string | undefined {
  // Line breaks fold inside single quotes, and there is no escape for control characters.
  if ([...text].some(isControl)) return undefined;
  return `'${text.replace(/'/g, "''")}'`;
}

/** A string in the preferred style when that style can hold it, else double-quoted. */
export function renderString(text: string, preferred: QuoteStyle): string {
  if (preferred === "plain" && isPlainSafe(text)) return text;
  if (preferred === "single") return singleQuoted(text) ?? doubleQuoted(text);
  return doubleQuoted(text);
}

function renderNumber(value: number, file: string): string {
  if (!Number.isFinite(value)) {
    throw new ConfigurationError(
      `File "${file}" would get the number ${value}; Greenlight writes finite numbers only.`,
    );
  }
  return Object.is(value, -0) ? "0" : String(value);
}

/** A scalar value; strings in `preferred` style where it round-trips. */
export function renderScalar(
  value: string | number | boolean | null,
  preferred: QuoteStyle,
  file: string,
): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return renderNumber(value, file);
  return renderString(value, preferred);
}

/** Any value on one line: scalars as above, collections in flow style (`{a: 1, b: [x]}`). */
export function renderFlow(value: JsonValue, preferred: QuoteStyle, file: string): string {
  if (value === null || typeof value !== "object") return renderScalar(value, preferred, file);
  if (Array.isArray(value)) {
    return `[${value.map((item) => renderFlow(item, preferred, file)).join(", ")}]`;
  }
  const members = Object.entries(value).map(
    ([key, item]) => `${renderString(key, preferred)}: ${renderFlow(item, preferred, file)}`,
  );
  return `{${members.join(", ")}}`;
}
