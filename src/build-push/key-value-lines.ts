/**
 * `KEY=VALUE` lines, the shape of build-args, labels and secrets. Only the first `=`
 * separates: values may contain `=` (base64, connection strings).
 */
import { ownMap } from "../core/own-keys.js";

export interface KeyValueRules {
  /** What a key is called in messages: "build argument", "label", "secret id". */
  keyName: string;
  key: RegExp;
  /** false for secrets: a malformed line is never echoed, it may be the secret itself. */
  echo: boolean;
}

/** The map, or a sentence fragment saying what is wrong (for a zod issue). */
export function parseKeyValueLines(
  lines: string[],
  rules: KeyValueRules,
): Record<string, string> | string {
  const out = ownMap<string>();
  for (const [index, line] of lines.entries()) {
    const eq = line.indexOf("=");
    const key = eq > 0 ? line.slice(0, eq).trim() : "";
    if (!key) {
      return rules.echo
        ? `has the line "${line}", which is not KEY=VALUE`
        : `has a line (line ${index + 1}) that is not ID=VALUE`;
    }
    if (!rules.key.test(key)) return `has the ${rules.keyName} "${key}", which is not a valid name`;
    if (Object.hasOwn(out, key)) return `sets the ${rules.keyName} ${key} twice`;
    out[key] = line.slice(eq + 1).trim();
  }
  return out;
}
