/**
 * Environment and secrets: required variables, value schemas (secret lengths, connection
 * strings, enumerations), dotenv parsing — and never a value in what is reported.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { checkConnectionUrl } from "../../../src/preflight/connection-url.js";
import { valueProblem } from "../../../src/preflight/env-check.js";
import { parseEnvFile } from "../../../src/preflight/env-file.js";
import { parseEnvSchema } from "../../../src/preflight/env-schema.js";
import { preflightAction } from "../../../src/preflight/definition.js";
import { tempDir, testContext } from "../../helpers/run-context.js";

function rule(spec: unknown) {
  return parseEnvSchema({ X: spec }, "test")[0]!;
}

describe("value rules", () => {
  it.each([
    ["secret", "a".repeat(31) + "b", undefined],
    ["secret", "s3cr3t-but-short", "is 16 characters long; it must be at least 32"],
    [
      { type: "secret", "min-length": 64 },
      "k".repeat(40) + "9".repeat(23),
      "is 63 characters long; it must be at least 64",
    ],
    ["secret", "changeme", "looks like a placeholder, not a real secret"],
    ["secret", "7".repeat(40), "is one character repeated, not a real secret"],
    [
      "secret",
      "<your-jwt-secret-goes-here-please-32>",
      "looks like a placeholder, not a real secret",
    ],
    ["postgres-url", "postgresql://app:p%40ss@db.internal:5432/app?sslmode=require", undefined],
    ["postgres-url", "postgres://app@db1:5432,db2:5432/app", undefined],
    [
      "postgres-url",
      "mysql://app:pw@db/app",
      "is not a PostgreSQL URL: the scheme must be postgres:// or postgresql:// (it is mysql://)",
    ],
    [
      "postgres-url",
      "postgres://app:p@ss@db/app",
      "is not a PostgreSQL URL: the user or password contains an unencoded @; percent-encode it as %40",
    ],
    [
      "postgres-url",
      "postgres://app:pw@db:70000/app",
      "is not a PostgreSQL URL: a port is not a number from 1 to 65535",
    ],
    [
      "postgres-url",
      "db.internal:5432/app",
      "is not a PostgreSQL URL: it is not of the form scheme://host/…",
    ],
    [
      "postgres-url",
      "postgres://app:%zz@db/app",
      "is not a PostgreSQL URL: the user or password has a malformed %-escape; percent-encode special characters",
    ],
    ["mongodb-url", "mongodb://u:pw@a:27017,b:27017,c:27017/shop?replicaSet=rs0", undefined],
    ["mongodb-url", "mongodb+srv://u:pw@cluster0.example.net/shop", undefined],
    [
      "mongodb-url",
      "mongodb+srv://u:pw@cluster0.example.net:27017/shop",
      "is not a MongoDB URL: mongodb+srv:// does not take a port",
    ],
    [
      "mongodb-url",
      "mongodb+srv://u:pw@a.example.net,b.example.net/shop",
      "is not a MongoDB URL: mongodb+srv:// takes exactly one host name",
    ],
    ["amqp-url", "amqps://user:pw@rabbit.internal:5671/orders", undefined],
    ["amqp-url", "amqp://user:pw@a,b/orders", "is not an AMQP URL: it names more than one host"],
    ["redis-url", "redis://:pw@cache:6379/0", undefined],
    ["redis-url", "rediss://cache.internal", undefined],
    [
      "redis-url",
      "redis://cache/main",
      "is not a Redis URL: the path must be a database number such as /0",
    ],
    ["redis-url", "redis://user:@cache/0", "has a user with an empty password"],
    ["url", "https://sentry.example.com/1", undefined],
    [{ values: ["debug", "info", "warn", "error"] }, "info", undefined],
    [
      { values: ["debug", "info", "warn", "error"] },
      "INFO",
      "differs in case from one of the allowed values (debug, info, warn, error)",
    ],
    [
      { values: ["debug", "info", "warn", "error"] },
      "verbose",
      "is not one of the allowed values (debug, info, warn, error)",
    ],
    ["port", "8080", undefined],
    ["port", "0", "is below the minimum of 1"],
    ["port", "65536", "is above the maximum of 65535"],
    [{ type: "integer", min: 1, max: 10 }, "4.5", "is not a whole number"],
    ["boolean", "yes", undefined],
    ["boolean", "enabled", "is not a boolean (true, false, 1, 0, yes or no)"],
    [{ pattern: "^[a-z]+@example\\.com$" }, "ops@example.com", undefined],
    [
      { pattern: "^[a-z]+@example\\.com$" },
      "ops@example.org",
      "does not match the pattern /^[a-z]+@example\\.com$/",
    ],
  ])("%j: %s", (spec, value, problem) => {
    const found = valueProblem(value, rule(spec));
    expect(found).toBe(problem);
    // A reason never repeats the value, nor the password inside a connection string.
    if (found) {
      expect(found).not.toContain(value);
      for (const piece of ["p@ss", "p%40ss", ":pw@", "s3cr3t"])
        if (value.includes(piece)) expect(found).not.toContain(piece);
    }
  });

  it("names the scheme it saw, but nothing after it", () => {
    expect(checkConnectionUrl("ftp://user:hunter2hunter2@files/x", "url")).toBe(
      "is not an http(s) URL: the scheme must be http:// or https:// (it is ftp://)",
    );
  });
});

describe("dotenv files", () => {
  it("reads export, quotes, comments and escapes", () => {
    const values = parseEnvFile(
      [
        "# production",
        "export DATABASE_URL=postgres://app:pw@db/app",
        'JWT_SECRET="line1\\nline2"  # a comment',
        "LOG_LEVEL=info # trailing comment",
        "EMPTY=",
        "SINGLE='#not a comment'",
        "",
      ].join("\n"),
      ".env",
    );
    expect(Object.fromEntries(values)).toEqual({
      DATABASE_URL: "postgres://app:pw@db/app",
      JWT_SECRET: "line1\nline2",
      LOG_LEVEL: "info",
      EMPTY: "",
      SINGLE: "#not a comment",
    });
  });

  it.each([
    [
      "JWT_SECRET hunter2hunter2",
      ".env:2 is not a NAME=value line; write each variable as NAME=value (comments start with #).",
    ],
    [
      'TOKEN="hunter2hunter2',
      '.env:2 has a value with an opening " but no closing one; close the quote (multi-line values are written with \\n).',
    ],
    [
      'TOKEN="hunter2" hunter3',
      ".env:2 has text after a quoted value; move it into the quotes or start a comment with #.",
    ],
  ])("refuses %s by its line number alone", (line, message) => {
    expect(() => parseEnvFile(`OK=1\n${line}\n`, ".env")).toThrow(message);
  });
});

describe("the environment check, end to end", () => {
  it("reports each variable by name and rule, and masks every secret value", async () => {
    const dir = tempDir();
    const jwt = "0123456789abcdef0123456789abcdef";
    writeFileSync(
      join(dir, ".env.production"),
      [
        `JWT_SECRET=${jwt}`,
        "SESSION_KEY=tooShortKey123",
        "DATABASE_URL=postgres://app:Sup3rS3cret@db/app",
        "LOG_LEVEL=loud",
        "EMPTY_ONE=",
      ].join("\n"),
    );
    const { context, logger } = testContext(dir);
    const result = await toRunnable(preflightAction).execute(
      {
        "env-file": ".env.production",
        "required-env": "EMPTY_ONE, MISSING_ONE, LOG_LEVEL",
        "env-schema": JSON.stringify({
          JWT_SECRET: "secret",
          SESSION_KEY: "secret",
          DATABASE_URL: "postgres-url",
          LOG_LEVEL: { values: ["debug", "info"], severity: "warn" },
          SENTRY_DSN: { type: "url", optional: true },
        }),
        "secret-scan": "off",
        "deploy-window": undefined,
      },
      context,
    );
    const report = JSON.parse(result.outputs["report"]!) as {
      checks: { check: string; item: string; verdict: string; detail: string }[];
    };
    const environment = report.checks
      .filter((c) => c.check === "environment")
      .map((c) => [c.item, c.verdict, c.detail]);
    expect(environment).toEqual([
      ["EMPTY_ONE", "fail", "set but empty in .env.production"],
      ["MISSING_ONE", "fail", "not set in .env.production"],
      ["JWT_SECRET", "pass", "secret, at least 32 characters"],
      ["SESSION_KEY", "fail", "is 14 characters long; it must be at least 32"],
      ["DATABASE_URL", "pass", "postgres-url"],
      ["LOG_LEVEL", "warn", "is not one of the allowed values (debug, info)"],
      ["SENTRY_DSN", "pass", "not set in .env.production (optional)"],
    ]);
    expect(JSON.parse(result.outputs["failed"]!)).toEqual([
      "environment: EMPTY_ONE",
      "environment: MISSING_ONE",
      "environment: SESSION_KEY",
    ]);
    expect(result.outputs["passed"]).toBe("false");
    expect(result.failure).toMatch(
      /^Not ready to deploy: 3 checks failed \(environment: EMPTY_ONE; /,
    );
    for (const value of [jwt, "tooShortKey123", "Sup3rS3cret", "loud"]) {
      expect(JSON.stringify(result)).not.toContain(value);
      expect(logger.text()).not.toContain(value);
    }
    expect(context.secrets.redact(`x ${jwt} postgres://app:Sup3rS3cret@db/app`)).toBe("x *** ***");
  });
});
