/**
 * A tfvars file held as its exact text plus the value it denotes. Editors for the two
 * formats (JSON `*.tfvars.json`, HCL `*.tfvars`) share this shape so the assignment engine,
 * the presets and open-pr never care which one they hold.
 *
 * Documents are immutable: `set` returns a new document whose text differs from the old one
 * only in the bytes of the value that changed (plus, when a key is created, the bytes of the
 * new member), so a diff of a Greenlight edit shows exactly the values it meant to change.
 */
import { ConfigurationError } from "../core/errors.js";
import { parseHclDocument } from "./hcl-document.js";
import { parseJsonDocument } from "./json-document.js";

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One step of a definite path: an object key or an array index. */
export type PathSegment = string | number;

export type TfvarsFormat = "json" | "hcl";

export interface SetOptions {
  /** Create the last key of the path when its parent object exists but the key does not. */
  create?: boolean;
}

export interface TfvarsDocument {
  readonly format: TfvarsFormat;
  /** The file's name as the user gave it; every error message names it. */
  readonly file: string;
  readonly text: string;
  readonly data: JsonValue;
  /**
   * A new document with `value` at `path`. Throws ConfigurationError naming the file and
   * the path when the path does not exist (and `create` does not apply) or the format
   * cannot hold the value.
   */
  set(path: PathSegment[], value: JsonValue, options?: SetOptions): TfvarsDocument;
}

/** The format a file name implies: `.json` is JSON, `.tfvars`/`.hcl` is HCL, anything else neither. */
export function formatOf(file: string): TfvarsFormat | undefined {
  if (/\.json$/i.test(file)) return "json";
  if (/\.(tfvars|hcl)$/i.test(file)) return "hcl";
  return undefined;
}

/** Parses a tfvars file; a file that is not valid in its format is a ConfigurationError naming it. */
export function parseTfvars(text: string, file: string): TfvarsDocument {
  const format = formatOf(file);
  if (!format) {
    throw new ConfigurationError(
      `File "${file}" is neither JSON nor HCL by its name; Greenlight edits Terraform variable files named *.tfvars.json (JSON) or *.tfvars (HCL).`,
    );
  }
  return format === "hcl" ? parseHclDocument(text, file) : parseJsonDocument(text, file);
}
