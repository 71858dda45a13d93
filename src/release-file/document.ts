/**
 * A release file held as its exact text plus the value it denotes. Editors for the three
 * formats (JSON `*.tfvars.json`, HCL `*.tfvars`, YAML values files, kustomizations and
 * manifests) share this shape so the assignment engine, the presets and open-pr never care
 * which one they hold.
 *
 * Documents are immutable: `set` returns a new document whose text differs from the old one
 * only in the bytes of the value that changed (plus, when a key is created, the bytes of the
 * new member), so a diff of a Greenlight edit shows exactly the values it meant to change.
 */
import { ConfigurationError } from "../core/errors.js";
import type { TfvarsFormat } from "./format.js";
import { formatOf } from "./format.js";
import { parseHclDocument } from "./hcl-document.js";
import { parseJsonDocument } from "./json-document.js";
import { parseYamlDocument } from "./yaml-document.js";

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One step of a definite path: an object key or an array index. */
export type PathSegment = string | number;

export { formatOf, RELEASE_FILE_FORMATS } from "./format.js";
export type { TfvarsFormat } from "./format.js";

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

/**
 * Parses a release file in `format`, or the format its name implies; a file that is not
 * valid in its format is a ConfigurationError naming it.
 */
export function parseTfvars(text: string, file: string, format?: TfvarsFormat): TfvarsDocument {
  const chosen = format ?? formatOf(file);
  if (!chosen) {
    throw new ConfigurationError(
      `File "${file}" is neither JSON, HCL nor YAML by its name; name it *.tfvars.json, *.tfvars, *.yaml or *.yml, or give its format (release-file.format in the config file).`,
    );
  }
  if (chosen === "yaml") return parseYamlDocument(text, file);
  return chosen === "hcl" ? parseHclDocument(text, file) : parseJsonDocument(text, file);
}
