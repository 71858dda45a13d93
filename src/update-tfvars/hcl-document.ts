/** Placeholder until the HCL editor lands: HCL variable files are not supported yet. */
import { ConfigurationError } from "../core/errors.js";
import type { TfvarsDocument } from "./document.js";

export function parseHclDocument(_text: string, file: string): TfvarsDocument {
  throw new ConfigurationError(
    `File "${file}" is HCL, which this build cannot edit yet; use a *.tfvars.json file.`,
  );
}
