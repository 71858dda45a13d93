/**
 * preflight's bad inputs: each is refused before any check runs, with exit code 2 and one
 * sentence that names the input, what is wrong and what would be right.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { preflightAction } from "../../../src/preflight/definition.js";
import { refusalOf } from "../../helpers/refusal.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

async function refusal(raw: Record<string, string>) {
  const dir = tempDir();
  writeFileSync(join(dir, ".env"), "A=1\nnot a line\n");
  writeFileSync(join(dir, "schema.yml"), "DATABASE_URL: [postgres-url\n");
  return refusalOf(preflightAction, { "secret-scan": "off", ...raw }, testContext(dir).context);
}

const window = (w: string) => ({ "deploy-window": w });

describe("preflight bad-input corpus", () => {
  it.each([
    [
      window("{timezone: Mars/Olympus}"),
      'Input "deploy-window" has the unknown time zone "Mars/Olympus"; use an IANA name such as Europe/Berlin, America/New_York or UTC.',
    ],
    [
      window("{days: mon-fry}"),
      'Input "deploy-window" has the unknown day "fry" in days; write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri.',
    ],
    [
      window("{days: mon-wed-fri}"),
      'Input "deploy-window" has the malformed day range "mon-wed-fri"; write it like mon-fri.',
    ],
    [
      window("{days: []}"),
      'Input "deploy-window" has an empty days list; name the days deploys are allowed, such as mon-fri.',
    ],
    [
      window("{hours: 9-17}"),
      'Input "deploy-window" has the malformed hours "9-17"; write ranges of 24-hour times such as 09:00-17:00 (the end is exclusive, 24:00 allowed).',
    ],
    [
      window("{hours: '09:00-25:00'}"),
      'Input "deploy-window" has the malformed hours "09:00-25:00"; write ranges of 24-hour times such as 09:00-17:00 (the end is exclusive, 24:00 allowed).',
    ],
    [
      window("{hours: '22:00-02:00'}"),
      'Input "deploy-window" has the hours "22:00-02:00", which end before they start; a window cannot cross midnight, so write it as two ranges such as 22:00-24:00, 00:00-02:00.',
    ],
    [
      window("{hours: '09:60-17:00'}"),
      'Input "deploy-window" has the malformed hours "09:60-17:00"; write ranges of 24-hour times such as 09:00-17:00 (the end is exclusive, 24:00 allowed).',
    ],
    [
      window("{freeze: [{from: 2026-12-24, to: 2026-12-20}]}"),
      'Input "deploy-window" has a freeze that ends (2026-12-20) before it starts (2026-12-24); swap from and to.',
    ],
    [
      window("{freeze: [{from: 2026-02-30, to: 2026-03-02}]}"),
      'Input "deploy-window" has the freeze date "2026-02-30", which is not a date; write 2026-12-20 (a whole day in the window\'s time zone), 2026-12-20T18:00 or 2026-12-20T18:00:00Z.',
    ],
    [
      window("{freeze: [{from: 2026-12-20, until: 2026-12-24}]}"),
      'Input "deploy-window" has the unknown key "until" in freeze.0; use from, to and reason.',
    ],
    [
      window("{freeze: [{from: 2026-12-20}]}"),
      'Input "deploy-window" is missing freeze.0.to; add it.',
    ],
    [
      window("{holiday: {country: DE}}"),
      'Input "deploy-window" has the unknown key "holiday"; use timezone, days, hours, freeze and holidays.',
    ],
    [
      window("{holidays: {country: XX}}"),
      'Input "deploy-window" holidays.country "XX" is not a known country; use an ISO 3166-1 code such as DE, US or GB.',
    ],
    [
      window("{holidays: {country: AT, state: ZZ}}"),
      'Input "deploy-window" holidays.state "ZZ" is not a state of AT; use one of 1, 2, 3, 4, 5, 6, 7, 8, 9.',
    ],
    [
      window("[mon, tue]"),
      'Input "deploy-window" must be a map such as {timezone: Europe/Berlin, days: mon-fri, hours: 09:00-17:00}.',
    ],
    [
      window("{timezone: UTC"),
      'Input "deploy-window" is not valid JSON or YAML (Flow map must end with a }).',
    ],
    [
      { ...window("{}"), "emergency-override": "true" },
      'Input "override-reason" is required with emergency-override (at least 10 characters); say why this deploy cannot wait, e.g. "hotfix for incident INC-123" — it is recorded in the summary and the report.',
    ],
    [
      { ...window("{}"), "emergency-override": "true", "override-reason": "urgent" },
      'Input "override-reason" is required with emergency-override (at least 10 characters); say why this deploy cannot wait, e.g. "hotfix for incident INC-123" — it is recorded in the summary and the report.',
    ],
    [
      { ...window("{}"), "override-reason": "hotfix for INC-1" },
      'Input "override-reason" is set but "emergency-override" is not true; set emergency-override: true to override the deploy window, or remove the reason.',
    ],
    [
      { "emergency-override": "maybe" },
      'Input "emergency-override" expected true or false, got "maybe".',
    ],
    [
      { ...window("{}"), "deploy-time": "tomorrow" },
      'Input "deploy-time" is invalid: "tomorrow" is not a time with a zone; write it like 2026-05-04T16:59:00+02:00 or 2026-05-04T14:59:00Z.',
    ],
    [
      { ...window("{}"), "deploy-time": "2026-05-04T16:59:00" },
      'Input "deploy-time" is invalid: "2026-05-04T16:59:00" is not a time with a zone; write it like 2026-05-04T16:59:00+02:00 or 2026-05-04T14:59:00Z.',
    ],
    [
      { "deploy-time": "2026-05-04T16:59:00Z" },
      'Input "deploy-time" is set but "deploy-window" is not; add the window to judge the time against.',
    ],
    [
      { "env-schema": "{JWT_SECRET: {type: jwt}}" },
      'Input "env-schema" JWT_SECRET is invalid at type: must be one of string, secret, postgres-url, mongodb-url, amqp-url, redis-url, url, integer, port, boolean.',
    ],
    [
      { "env-schema": "{JWT_SECRET: {type: secret, minlength: 32}}" },
      'Input "env-schema" JWT_SECRET has the unknown key "minlength"; use type, optional, min-length, max-length, pattern, values, min, max and severity.',
    ],
    [
      { "env-schema": "{JWT_SECRET: {type: secret, min-length: -1}}" },
      'Input "env-schema" JWT_SECRET is invalid at min-length: Too small: expected number to be >=0.',
    ],
    [
      { "env-schema": "{9LIVES: string}" },
      'Input "env-schema" has "9LIVES", which is not an environment variable name; use letters, digits and _, not starting with a digit.',
    ],
    [
      { "env-schema": "{NAME: {pattern: '(['}}" },
      'Input "env-schema" NAME has a pattern that is not a regular expression (missing closing ]: `[`); fix or remove it.',
    ],
    [
      { "env-schema": "[DATABASE_URL]" },
      'Input "env-schema" must be a map of variable names to types, such as {DATABASE_URL: postgres-url, JWT_SECRET: {type: secret, min-length: 32}}.',
    ],
    [
      { "env-schema-file": "schema.yml" },
      'schema.yml (from "env-schema-file") is not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); fix the syntax.',
    ],
    [
      { "env-schema-file": "missing.yml" },
      'Input "env-schema-file" names "missing.yml", which does not exist; give a path relative to the workspace',
    ],
    [
      { "env-file": ".env", "required-env": "A" },
      ".env:2 is not a NAME=value line; write each variable as NAME=value (comments start with #).",
    ],
    [
      { "env-file": ".env" },
      'Input "env-file" is set but nothing says what to check in it; add required-env or env-schema.',
    ],
    [{ "secret-scan": "everything" }, 'Input "secret-scan" must be auto, changed, tree or off.'],
    [{ "secret-scan": "changed" }, 'Input "secret-scan" is "changed", but'],
    [
      { "secret-scan": "tree", "base-ref": "main" },
      'Input "base-ref" only applies to secret-scan: changed (or auto); remove it or change secret-scan.',
    ],
    [
      { "secret-scan-allow": "docs/**:private-keys" },
      'Input "secret-scan-allow" names the unknown rule "private-keys"; use one of private-key, ',
    ],
    [
      { "secret-scan-allow": "a:private-key:x" },
      'Input "secret-scan-allow" has the entry "a:private-key:x", which is not path-glob, path-glob:rule or path:rule:line; write e.g. test/fixtures/** or docs/**:private-key.',
    ],
    [
      { "config-file": "nope.yml" },
      'Config file "nope.yml" does not exist; check the "config-file" input',
    ],
  ])("%j", async (raw, message) => {
    const failure = await refusal(raw as Record<string, string>);
    expect(failure.exitCode).toBe(2);
    expect(failure.stack).toBeUndefined();
    expect(
      failure.message.startsWith(message),
      `${failure.message}\n does not start with\n${message}`,
    ).toBe(true);
  });
});
