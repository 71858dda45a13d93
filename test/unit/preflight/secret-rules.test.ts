/** The secret scan's rules, line by line: what is a finding, what is not, and where it is. */
import { describe, expect, it } from "vitest";
import { globToRegExp, isAllowed, parseAllowList } from "../../../src/preflight/allow-list.js";
import { SECRET_RULES } from "../../../src/preflight/secret-rules.js";
import { scanText } from "../../../src/preflight/secret-scan.js";

// Assembled at run time, so that this file holds nothing a scanner would flag.
const j = (...parts: string[]) => parts.join("");

function findings(line: string) {
  const found: string[] = [];
  const rows = scanText("f", line, SECRET_RULES, (value) => found.push(value));
  return { rules: rows.map((r) => `${r.rule}@${r.column}`), found };
}

describe("secret rules", () => {
  it.each([
    [j("-----BEGIN OPENSSH ", "PRIVATE KEY-----"), ["private-key@1"]],
    [j("-----BEGIN ", "PRIVATE KEY-----"), ["private-key@1"]],
    [j("key: AK", "IAIOSFODNN7EXAMPLE"), ["aws-access-key-id@6"]],
    [
      j("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY"),
      ["aws-secret-access-key@25"],
    ],
    [j("token=gh", "s_", "a".repeat(36)), ["github-token@7"]],
    [j("x github_pat_", "11ABCDEFG0123456789_abcdefghijk"), ["github-fine-grained-token@3"]],
    [j("AI", "zaSyD-abcdefghijklmnopqrstuvwxyz01234"), ["google-api-key@1"]],
    [j("xo", "xp-1234567890-abcdef"), ["slack-token@1"]],
    [
      j("https://hooks.slack.com/services/", "T0ABC/B0DEF/abcdefGHIJKL0123456"),
      ["slack-webhook@1"],
    ],
    [j("sk_", "live_", "abcdefghijklmnopqrstuvwx12"), ["stripe-live-key@1"]],
    ['  "api_key": "Zx8kP2mQ9vL4nR7tW1yB5cF3hJ6"', ["high-entropy-assignment@15"]],
    ["CLIENT_SECRET: 9f8e7d6c5b4a39281706f5e4d3c2b1a0", ["high-entropy-assignment@16"]],
    // Not secrets: references, identifiers, prose, URLs and low-entropy values.
    ["token: ${{ secrets.DEPLOY_TOKEN }}", []],
    ["password = process.env.DATABASE_PASSWORD_FROM_VAULT", []],
    ["auth_mode=token_exchange_with_refresh", []],
    ["authorization_url = https://accounts.google.com/o/oauth2/auth", []],
    ["password: correct-horse-battery-staple", []],
    ["secret_length = 12345678901234567890", []],
    ["API_KEY=<your-api-key-goes-here-please>", []],
    [j("token=gh", "p_", "b".repeat(36), "  # greenlight:allow-secret"), []],
  ])("%s", (line, rules) => {
    const result = findings(line);
    expect(result.rules).toEqual(rules);
    expect(result.found).toHaveLength(rules.length);
  });

  it("reports a token inside an assignment once, as the specific rule", () => {
    expect(findings(j('GITHUB_TOKEN="gh', "p_", "Ab1".repeat(12), '"')).rules).toEqual([
      "github-token@15",
    ]);
  });
});

describe("allow-list", () => {
  it.each([
    ["test/fixtures/**", "test/fixtures/a/b.txt", true],
    ["test/fixtures/**", "test/fixtures.txt", false],
    ["**/*.pem", "deploy/keys/a.pem", true],
    ["**/*.pem", "a.pem", true],
    ["docs/*.md", "docs/sub/a.md", false],
    ["config/?.env", "config/a.env", true],
  ])("%s matches %s: %s", (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it("narrows by rule and by line", () => {
    const allow = parseAllowList(["docs/**:private-key", "app.env:high-entropy-assignment:3"]);
    expect(isAllowed(allow, { path: "docs/a.md", rule: "private-key", line: 9 })).toBe(true);
    expect(isAllowed(allow, { path: "docs/a.md", rule: "github-token", line: 9 })).toBe(false);
    expect(isAllowed(allow, { path: "app.env", rule: "high-entropy-assignment", line: 3 })).toBe(
      true,
    );
    expect(isAllowed(allow, { path: "app.env", rule: "high-entropy-assignment", line: 4 })).toBe(
      false,
    );
  });
});
