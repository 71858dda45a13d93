/**
 * The secret scan's allow-list, one entry per line:
 *
 *   test/fixtures/**                  every finding in matching files
 *   docs/**:private-key               one rule in matching files
 *   config/dev.env:high-entropy-assignment:12   one finding (as printed by the scan)
 *
 * and, in the scanned file itself, `greenlight:allow-secret` on the line of the finding.
 */
import { ConfigurationError } from "../core/errors.js";
import { SECRET_RULES } from "./secret-rules.js";

export interface AllowEntry {
  path: RegExp;
  rule?: string;
  line?: number;
}

export const INLINE_ALLOW = "greenlight:allow-secret";

/** A glob as a regular expression: `**` crosses directories, `*` and `?` do not. */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      out += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

const RULE_IDS = SECRET_RULES.map((r) => r.id);

export function parseAllowList(lines: string[]): AllowEntry[] {
  return lines.map((line) => {
    const [path = "", rule, lineNumber, extra] = line.split(":");
    if (!path || extra !== undefined || (lineNumber !== undefined && !/^\d+$/.test(lineNumber))) {
      throw new ConfigurationError(
        `Input "secret-scan-allow" has the entry "${line}", which is not path-glob, path-glob:rule or path:rule:line; write e.g. test/fixtures/** or docs/**:private-key.`,
      );
    }
    if (rule !== undefined && !RULE_IDS.includes(rule)) {
      throw new ConfigurationError(
        `Input "secret-scan-allow" names the unknown rule "${rule}"; use one of ${RULE_IDS.join(", ")}.`,
      );
    }
    return {
      path: globToRegExp(path.replace(/^\.\//, "")),
      ...(rule !== undefined ? { rule } : {}),
      ...(lineNumber !== undefined ? { line: Number(lineNumber) } : {}),
    };
  });
}

export function isAllowed(
  entries: AllowEntry[],
  finding: { path: string; rule: string; line: number },
): boolean {
  return entries.some(
    (e) =>
      e.path.test(finding.path) &&
      (e.rule === undefined || e.rule === finding.rule) &&
      (e.line === undefined || e.line === finding.line),
  );
}
