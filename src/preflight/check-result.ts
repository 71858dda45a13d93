/** What every preflight check reports: one row per item, pass, warn or fail. */

export type Verdict = "pass" | "warn" | "fail";

export const CHECK_NAMES = ["environment", "deploy-window", "secret-scan", "workflow"] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface CheckRow {
  check: CheckName;
  /** What was checked: a variable's name, a file location, "window"… never a value. */
  item: string;
  verdict: Verdict;
  detail: string;
}

export function row(check: CheckName, item: string, verdict: Verdict, detail: string): CheckRow {
  return { check, item, verdict, detail };
}
