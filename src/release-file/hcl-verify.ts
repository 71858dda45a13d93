/**
 * A second opinion on every HCL edit from HashiCorp's own HCL parser (hcl-wasm.ts), or, for
 * the plainest files, from a reader whose reading is HCL's by inspection (hcl-plain.ts).
 * Greenlight's editor reads only a subset of HCL; if it ever misread a file, or wrote bytes that HCL reads differently, the edit would change
 * values nobody asked for. So before anything is written, both versions are parsed for
 * real: the original must read as the editor read it, and the result as the editor meant
 * it to. A mismatch is a bug in Greenlight, reported as such, never as the user's mistake.
 */
import { ConfigurationError, errorMessage } from "../core/errors.js";
import { formatPath } from "./assignments.js";
import type { JsonValue, PathSegment } from "./document.js";
import { parseHclDocument } from "./hcl-document.js";
import { readPlainHcl } from "./hcl-plain.js";
import { loadHashicorpHcl } from "./hcl-wasm.js";
import { sameJson } from "./json-values.js";

/**
 * hcl2json answers in Terraform's JSON syntax, where every string is a template, so a
 * literal `${` or `%{` comes back escaped as `$${` or `%%{`, in values and keys alike.
 */
function escapeTemplate(text: string): string {
  return text.replace(/([$%])\{/g, "$1$1{");
}

function asTerraformJson(value: JsonValue): JsonValue {
  if (typeof value === "string") return escapeTemplate(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(asTerraformJson);
  const out: { [key: string]: JsonValue } = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, escapeTemplate(key), {
      value: asTerraformJson(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The first place two values differ, for the bug report. */
function firstDifference(a: unknown, b: unknown, path: PathSegment[] = []): PathSegment[] {
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const x = (a as Record<string, unknown>)[key];
      const y = (b as Record<string, unknown>)[key];
      if (!sameJson(x as JsonValue, y as JsonValue)) {
        return firstDifference(x, y, [...path, Array.isArray(a) ? Number(key) : key]);
      }
    }
  }
  return path;
}

function bug(file: string, problem: string): Error {
  return new Error(
    `Internal error while editing "${file}": ${problem}; nothing was written, and this is a bug in Greenlight worth reporting with the file.`,
  );
}

/**
 * Checks that `before` reads the same to HCL as to the editor and that `after` parses and
 * reads as `expected`, so the only differences between the two are the intended changes.
 */
export async function verifyHclEdit(
  before: string,
  after: string,
  file: string,
  expected: JsonValue,
): Promise<void> {
  const original = parseHclDocument(before, file).data;
  // A plain file (hcl-plain.ts) and its plain edit are read a second time by a reader whose
  // reading is HCL's by inspection; only other files need HashiCorp's parser started.
  const plainBefore = readPlainHcl(before);
  const plainAfter = plainBefore && readPlainHcl(after);
  if (plainBefore && plainAfter) {
    if (!sameJson(plainBefore, original)) {
      const where = formatPath(firstDifference(plainBefore, original));
      throw bug(file, `HCL reads ${where} differently from Greenlight's editor`);
    }
    if (!sameJson(plainAfter, expected)) {
      const where = formatPath(firstDifference(plainAfter, expected));
      throw bug(file, `after the edit HCL reads ${where} differently from what was intended`);
    }
    return;
  }
  const realParse = await loadHashicorpHcl();
  let realBefore: JsonValue;
  try {
    realBefore = (await realParse(file, before)) as JsonValue;
  } catch (error) {
    const reason = errorMessage(error).replace(/\s+/g, " ").replace(/\.$/, "");
    throw new ConfigurationError(
      `File "${file}" is not valid HCL according to HashiCorp's HCL parser (${reason}); fix the file and run again.`,
    );
  }
  if (!sameJson(realBefore, asTerraformJson(original))) {
    const where = formatPath(firstDifference(realBefore, asTerraformJson(original)));
    throw bug(file, `the HCL parser reads ${where} differently from Greenlight's editor`);
  }
  let realAfter: JsonValue;
  try {
    realAfter = (await realParse(file, after)) as JsonValue;
  } catch (error) {
    throw bug(file, `the edited file no longer parses as HCL (${errorMessage(error)})`);
  }
  if (!sameJson(realAfter, asTerraformJson(expected))) {
    const where = formatPath(firstDifference(realAfter, asTerraformJson(expected)));
    throw bug(
      file,
      `after the edit the HCL parser reads ${where} differently from what was intended`,
    );
  }
}
