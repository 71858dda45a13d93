/**
 * The secret scan: every line of every file chosen, against every rule. A finding is its
 * location and rule; its text is registered as a secret (so nothing prints it by accident)
 * and never reported.
 */
import { readRegularFile } from "../core/workspace-files.js";
import { join } from "node:path";
import type { CheckRow } from "./check-result.js";
import { row } from "./check-result.js";
import type { AllowEntry } from "./allow-list.js";
import { INLINE_ALLOW, isAllowed } from "./allow-list.js";
import type { SecretRule } from "./secret-rules.js";
import { SECRET_RULES } from "./secret-rules.js";

export interface Finding {
  path: string;
  line: number;
  column: number;
  rule: string;
  description: string;
}

export interface ScanResult {
  filesScanned: number;
  findings: Finding[];
  /** Files not read, with why (too large, unreadable). */
  skipped: { path: string; reason: string }[];
}

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_ROWS = 50;

async function readText(path: string): Promise<string | { skip: string }> {
  // A committed symlink can point at /dev/zero, a FIFO or a file outside the workspace; git
  // stores only where it points. So links are not followed, and only regular files are
  // read, capped while reading.
  const read = await readRegularFile(path, MAX_FILE_BYTES, { followLinks: false });
  switch (read.kind) {
    case "file":
      // Binary files (a NUL early on) hold no readable credentials and only cause noise.
      if (read.bytes.subarray(0, 8000).includes(0)) return "";
      return read.bytes.toString("utf8");
    case "too-large":
      return { skip: "larger than 1 MiB" };
    case "not-regular":
      // A link's committed content is where it points, which holds no credential.
      if (read.what === "a symbolic link") return "";
      return { skip: `${read.what}, not a regular file` };
    default:
      return { skip: "cannot be read" };
  }
}

export function scanText(
  path: string,
  text: string,
  rules: SecretRule[],
  onSecret: (value: string) => void,
): Finding[] {
  const findings: Finding[] = [];
  // Specific rules first, so the catch-all can skip what they already found.
  const ordered = [...rules].sort(
    (a, b) => Number(a.generic ?? false) - Number(b.generic ?? false),
  );
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.includes(INLINE_ALLOW)) return;
    const spans: [number, number][] = [];
    for (const rule of ordered) {
      for (const match of line.matchAll(rule.pattern)) {
        const secret = match[rule.group ?? 0] ?? match[0];
        if (rule.accept && !rule.accept(secret)) continue;
        const start = (match.index ?? 0) + Math.max(0, match[0].indexOf(secret));
        const end = start + secret.length;
        if (rule.generic && spans.some(([s, e]) => start < e && s < end)) continue;
        spans.push([start, end]);
        onSecret(secret);
        findings.push({
          path,
          line: index + 1,
          column: start + 1,
          rule: rule.id,
          description: rule.description,
        });
      }
    }
  });
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

export async function scanFiles(
  cwd: string,
  files: string[],
  allow: AllowEntry[],
  onSecret: (value: string) => void,
): Promise<ScanResult> {
  const result: ScanResult = { filesScanned: 0, findings: [], skipped: [] };
  for (const path of files) {
    const text = await readText(join(cwd, path));
    if (typeof text !== "string") {
      result.skipped.push({ path, reason: text.skip });
      continue;
    }
    result.filesScanned++;
    for (const finding of scanText(path, text, SECRET_RULES, onSecret)) {
      if (!isAllowed(allow, finding)) result.findings.push(finding);
    }
  }
  return result;
}

export function scanRows(result: ScanResult, scope: string): CheckRow[] {
  const rows = result.findings
    .slice(0, MAX_ROWS)
    .map((f) =>
      row(
        "secret-scan",
        `${f.path}:${f.line}:${f.column}`,
        "fail",
        `${f.description} (${f.rule}); remove it, rotate it, or allow it with ${f.path}:${f.rule}:${f.line}`,
      ),
    );
  if (result.findings.length > MAX_ROWS) {
    rows.push(
      row(
        "secret-scan",
        "more",
        "fail",
        `${result.findings.length - MAX_ROWS} more findings not listed`,
      ),
    );
  }
  for (const skipped of result.skipped)
    rows.push(row("secret-scan", skipped.path, "warn", `not scanned: ${skipped.reason}`));
  if (result.findings.length === 0) {
    rows.unshift(
      row(
        "secret-scan",
        scope,
        "pass",
        `${result.filesScanned} file${result.filesScanned === 1 ? "" : "s"} scanned, no secrets found`,
      ),
    );
  }
  return rows;
}
