/**
 * verify needs something to check: one of url, checks, checks-file or environment. Checked
 * from the raw inputs, so a step with none fails before the verify code is loaded; verify
 * says the same when the inputs it was given yield no check.
 */
export const NOTHING_TO_VERIFY = `Nothing to verify: give url (one endpoint), checks (a YAML list), checks-file (a YAML file of checks) or environment (its verify checks in the config file).`;

export function nothingToVerify(raw: Record<string, string | undefined>): string[] {
  const given = ["url", "checks", "checks-file", "environment"].some((name) => raw[name]?.trim());
  return given ? [] : [NOTHING_TO_VERIFY];
}
