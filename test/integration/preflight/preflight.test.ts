/**
 * preflight against real things: a real git repository for the secret scan (changed files
 * against a base, and the whole tree), config files for workflow readiness, and the whole
 * table through the CLI — with no finding's text in anything printed or written.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runActionCommand } from "../../../src/cli/main.js";
import { toRunnable } from "../../../src/core/action.js";
import { loadManifest } from "../../../src/core/action-manifest.js";
import { preflightAction } from "../../../src/preflight/definition.js";
import { captureIo, tempDir, testContext } from "../../helpers/run-context.js";

// Built at run time, so that this file itself holds nothing a scanner would flag.
const GITHUB_TOKEN = ["gh", "p_", "R4nd0mL00kingT0kenValue0123456789abcd"].join("");
const AWS_KEY_ID = ["AK", "IA", "Z7Q4XW2PLM8N3RTY"].join("");
const PRIVATE_KEY_HEADER = ["-----BEGIN", "RSA PRIVATE KEY-----"].join(" ");
const HIGH_ENTROPY = "Zx8kP2mQ9vL4nR7tW1yB5cF3hJ6";
const SLACK_TOKEN = ["xo", "xb-", "1234567890-abcdefGHIJKL"].join("");
const FIXTURE_TOKEN = ["gh", "p_", "F1xtureT0kenThatIsAllowed0123456789ab"].join("");
const FOUND = [GITHUB_TOKEN, AWS_KEY_ID, HIGH_ENTROPY, SLACK_TOKEN, FIXTURE_TOKEN];

function git(dir: string, ...args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new Error("git is not installed; run apt-get install -y git", { cause: error });
    throw error;
  }
}

function write(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** main holds an old leak; the feature branch adds new ones, plus things that must not be flagged. */
function repository(): string {
  const dir = tempDir("greenlight-preflight-git-");
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "dev@example.com");
  git(dir, "config", "user.name", "Dev");
  write(dir, { "legacy/old.env": `AWS_ACCESS_KEY_ID=${AWS_KEY_ID}\n`, "README.md": "# app\n" });
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "base");
  git(dir, "checkout", "-q", "-b", "feature");
  write(dir, {
    "src/config.ts": `export const config = {\n  region: "eu-west-1",\n  token: "${GITHUB_TOKEN}",\n};\n`,
    "deploy/key.pem": `${PRIVATE_KEY_HEADER}\nMIIEpAIBAAKCAQEA\n`,
    "app.env": [
      `API_TOKEN=${HIGH_ENTROPY}`,
      "DB_PASSWORD=${{ secrets.DB_PASSWORD }}",
      "SESSION_SECRET=process.env.SESSION_SECRET_FROM_VAULT",
      "auth_mode=token_exchange_with_refresh",
      `LEGACY_KEY=${HIGH_ENTROPY}  # greenlight:allow-secret (rotated, kept for the migration test)`,
    ].join("\n"),
    "test/fixtures/token.txt": `${FIXTURE_TOKEN}\n`,
    "docs/setup.md": "Set password: correct-horse-battery-staple in the vault.\n",
    "assets/logo.bin": "\u0000\u0001binary",
  });
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "feature");
  // Not committed yet: still part of the change.
  write(dir, {
    "scripts/notify.sh": `curl -H "Authorization: Bearer ${SLACK_TOKEN}" https://slack.com/api/chat.postMessage\n`,
  });
  return dir;
}

async function run(dir: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const { context, logger } = testContext(dir, env);
  const result = await toRunnable(preflightAction).execute(inputs, context);
  const report = JSON.parse(result.outputs["report"]!) as {
    checks: { check: string; item: string; verdict: string; detail: string }[];
  };
  return { result, report, logger, context };
}

const rowsOf = (
  report: { checks: { check: string; item: string; verdict: string; detail: string }[] },
  check: string,
) => report.checks.filter((c) => c.check === check).map((c) => [c.item, c.verdict, c.detail]);

describe("secret scan", () => {
  it("finds new credentials in the changed files, by location and rule only", async () => {
    const dir = repository();
    const { result, report, logger, context } = await run(dir, {
      "base-ref": "main",
      "secret-scan-allow": "test/fixtures/**",
    });
    expect(rowsOf(report, "secret-scan")).toEqual([
      [
        "app.env:1:11",
        "fail",
        "high-entropy value assigned to a secret-like name (high-entropy-assignment); remove it, rotate it, or allow it with app.env:high-entropy-assignment:1",
      ],
      [
        "deploy/key.pem:1:1",
        "fail",
        "private key (private-key); remove it, rotate it, or allow it with deploy/key.pem:private-key:1",
      ],
      [
        "scripts/notify.sh:1:32",
        "fail",
        "Slack token (slack-token); remove it, rotate it, or allow it with scripts/notify.sh:slack-token:1",
      ],
      [
        "src/config.ts:3:11",
        "fail",
        "GitHub token (github-token); remove it, rotate it, or allow it with src/config.ts:github-token:3",
      ],
    ]);
    expect(result.outputs["passed"]).toBe("false");
    const everything = JSON.stringify(result) + logger.text();
    for (const value of FOUND) expect(everything).not.toContain(value);
    // Each finding is registered as a secret, so nothing later can print it by accident.
    expect(context.secrets.redact(`${GITHUB_TOKEN} ${SLACK_TOKEN}`)).toBe("*** ***");
  });

  it("scans the whole tree on request, and honours rule and line allow-list entries", async () => {
    const dir = repository();
    const { report } = await run(dir, {
      "secret-scan": "tree",
      "secret-scan-allow": [
        "test/fixtures/**",
        "deploy/*.pem:private-key",
        "app.env:high-entropy-assignment:1",
        "scripts/**",
      ].join("\n"),
    });
    expect(rowsOf(report, "secret-scan").map(([item]) => item)).toEqual([
      "legacy/old.env:1:19",
      "src/config.ts:3:11",
    ]);
  });

  it("passes a clean change, saying what it compared against", async () => {
    const dir = repository();
    rmSync(join(dir, "scripts"), { recursive: true });
    git(dir, "checkout", "-q", "-b", "clean", "main");
    write(dir, { "src/app.ts": "export const answer = 42;\n" });
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "clean");
    const { report, result } = await run(dir, {});
    expect(rowsOf(report, "secret-scan")).toEqual([
      ["changes since HEAD~1", "pass", "1 file scanned, no secrets found"],
    ]);
    expect(result.failure).toBeUndefined();
  });

  it("compares a pull request with its base branch", async () => {
    const dir = repository();
    git(dir, "rm", "-q", "--cached", "deploy/key.pem");
    const { report } = await run(
      dir,
      { "secret-scan-allow": "app.env\nsrc/**\nscripts/**\ntest/**" },
      { GITHUB_BASE_REF: "main" },
    );
    expect(rowsOf(report, "secret-scan")).toEqual([
      [
        "deploy/key.pem:1:1",
        "fail",
        "private key (private-key); remove it, rotate it, or allow it with deploy/key.pem:private-key:1",
      ],
    ]);
  });

  it("scans from a subdirectory of the repository, with paths relative to it", async () => {
    const dir = repository();
    const { report } = await run(join(dir, "src"), { "base-ref": "main" });
    expect(rowsOf(report, "secret-scan").map(([item]) => item)).toEqual(["config.ts:3:11"]);
  });

  it("refuses a base it cannot find", async () => {
    const dir = repository();
    await expect(run(dir, { "base-ref": "origin/main" })).rejects.toThrow(
      'Input "base-ref" names "origin/main", which is not a commit in this repository; fetch it (actions/checkout with fetch-depth: 0) or give another ref.',
    );
  });
});

describe("workflow readiness", () => {
  const CONFIG = [
    "environments:",
    "  production:",
    "    repository: acme/infra",
    "    verify:",
    "      checks:",
    "        - url: https://api.example.com/health",
    "          headers:",
    "            Authorization: Bearer ${{ secrets.SMOKE_TOKEN }}",
    "notifications:",
    "  slack: { webhook-url-env: SLACK_WEBHOOK_URL }",
    "",
  ].join("\n");

  it("checks the config file and every variable and secret it names, by name", async () => {
    const dir = tempDir();
    write(dir, { ".github/greenlight.yml": CONFIG });
    const { report, result } = await run(
      dir,
      { "secret-scan": "off" },
      { SLACK_WEBHOOK_URL: "https://hooks.example.com/x" },
    );
    expect(rowsOf(report, "workflow")).toEqual([
      [".github/greenlight.yml", "pass", "valid (1 environment, 0 services)"],
      ["SLACK_WEBHOOK_URL", "pass", "set (named by .github/greenlight.yml)"],
      [
        "SMOKE_TOKEN",
        "fail",
        "named by .github/greenlight.yml but not set for this step; add env: SMOKE_TOKEN: ${{ secrets.SMOKE_TOKEN }}",
      ],
    ]);
    expect(JSON.stringify(result)).not.toContain("hooks.example.com");
  });

  it("reports an invalid config file as a failed check, pointing at the line", async () => {
    const dir = tempDir();
    write(dir, { "deploy.yml": "environments:\n  production:\n    mrege: direct\n" });
    const { report, result } = await run(dir, {
      "secret-scan": "off",
      "config-file": "deploy.yml",
    });
    expect(rowsOf(report, "workflow")).toEqual([
      [
        "deploy.yml",
        "fail",
        'deploy.yml:3:5: environments.production has the unknown key "mrege"; check its spelling (keys are kebab-case) or remove it.',
      ],
    ]);
    expect(result.outputs["passed"]).toBe("false");
  });

  it("warns when there is no config file", async () => {
    const { report, result } = await run(tempDir(), { "secret-scan": "off" });
    expect(rowsOf(report, "workflow")).toEqual([
      [".github/greenlight.yml", "warn", "no config file; every action relies on its inputs alone"],
    ]);
    expect(result.outputs["passed"]).toBe("true");
    const strict = await run(tempDir(), { "secret-scan": "off", "fail-on-warn": "true" });
    expect(strict.result.outputs["passed"]).toBe("false");
    expect(strict.result.failure).toBe(
      "Not ready to deploy: 1 check failed or warned (workflow: .github/greenlight.yml); see the table in the job summary.",
    );
  });
});

describe("the deploy window and its emergency override, through the CLI", () => {
  const WINDOW =
    "{timezone: Europe/Berlin, days: mon-fri, hours: '09:00-17:00', holidays: {country: DE, day-before: true}}";

  async function cli(args: string[]) {
    const dir = tempDir();
    const cap = captureIo(dir, { GITHUB_ACTOR: "octocat" });
    const code = await runActionCommand(
      toRunnable(preflightAction),
      loadManifest("preflight"),
      [
        "--secret-scan",
        "off",
        "--deploy-window",
        WINDOW,
        ...args,
        "--json",
        "--summary",
        "summary.md",
      ],
      cap.io,
    );
    const summary = readFileSync(join(dir, "summary.md"), "utf8");
    return {
      code,
      outputs: JSON.parse(cap.stdout()) as Record<string, string>,
      stderr: cap.stderr(),
      summary,
    };
  }

  it("refuses a deploy on the Friday before Whit Monday, naming the next opening", async () => {
    const { code, outputs, stderr, summary } = await cli([
      "--deploy-time",
      "2026-05-22T10:00:00+02:00",
    ]);
    expect(code).toBe(1);
    expect(outputs["overridden"]).toBe("false");
    expect(JSON.parse(outputs["failed"]!)).toEqual(["deploy-window: window"]);
    expect(stderr).toContain(
      "closed at Fri 2026-05-22 10:00 Europe/Berlin: 2026-05-22 is the last working day before a public holiday (Whit Monday on 2026-05-25); next opening Tue 2026-05-26 09:00 Europe/Berlin",
    );
    expect(summary).toContain("| deploy-window | `window` | ❌ fail |");
    expect(JSON.parse(outputs["report"]!)).toMatchObject({
      nextOpening: "2026-05-26T07:00:00.000Z",
    });
  });

  it("lets an emergency override through, and records who, when and why", async () => {
    const { code, outputs, summary } = await cli([
      "--deploy-time",
      "2026-05-22T10:00:00+02:00",
      "--emergency-override",
      "true",
      "--override-reason",
      "hotfix for incident INC-4711",
    ]);
    expect(code).toBe(0);
    expect(outputs["overridden"]).toBe("true");
    expect(JSON.parse(outputs["warnings"]!)).toEqual([
      "deploy-window: window",
      "workflow: .github/greenlight.yml",
    ]);
    const report = JSON.parse(outputs["report"]!) as { override: Record<string, unknown> };
    expect(report.override).toMatchObject({
      reason: "hotfix for incident INC-4711",
      actor: "octocat",
      overridden: [
        "2026-05-22 is the last working day before a public holiday (Whit Monday on 2026-05-25)",
      ],
    });
    expect(summary).toContain("**Emergency override** of the deploy window at ");
    expect(summary).toContain("by octocat: hotfix for incident INC-4711");
  });

  it("passes inside the window, where an override changes nothing", async () => {
    const { code, outputs } = await cli([
      "--deploy-time",
      "2026-05-26T16:59:00+02:00",
      "--emergency-override",
      "true",
      "--override-reason",
      "hotfix for incident INC-4711",
    ]);
    expect(code).toBe(0);
    expect(outputs["overridden"]).toBe("false");
    const report = JSON.parse(outputs["report"]!) as { checks: Record<string, string>[] };
    expect(report.checks[0]).toEqual({
      check: "deploy-window",
      item: "window",
      verdict: "pass",
      detail: "open: Tue 2026-05-26 16:59 Europe/Berlin",
    });
  });
});

describe("secret masking in preflight, through the CLI", () => {
  it("prints no value it checked and no credential it found, in any form", async () => {
    const dir = repository();
    const jwt = "jwt-Secret-That-Is-Long-Enough-0123456789";
    const dbPassword = "Db-Pa55word-0099";
    const env = {
      JWT_SECRET: jwt,
      DATABASE_URL: `postgres://app:${dbPassword}@db:99999/app`,
      GITHUB_BASE_REF: "main",
    };
    const cap = captureIo(dir, env);
    const code = await runActionCommand(
      toRunnable(preflightAction),
      loadManifest("preflight"),
      [
        "--env-schema",
        "{JWT_SECRET: secret, DATABASE_URL: postgres-url}",
        "--debug",
        "--json",
        "--summary",
        "summary.md",
      ],
      cap.io,
    );
    expect(code).toBe(1);
    const printed = cap.stdout() + cap.stderr() + readFileSync(join(dir, "summary.md"), "utf8");
    expect(printed).toContain("DATABASE_URL");
    expect(printed).toContain("is not a PostgreSQL URL: a port is not a number from 1 to 65535");
    for (const value of [jwt, dbPassword, ...FOUND]) {
      for (const form of [
        value,
        Buffer.from(value).toString("base64"),
        encodeURIComponent(value),
        value.slice(0, 12),
      ]) {
        expect(printed.includes(form), `"${form}" (from ${value}) was printed:\n${printed}`).toBe(
          false,
        );
      }
    }
  });
});

describe("the deploy window from the config file, as a team in Shanghai writes it", () => {
  const CONFIG = [
    "environments:",
    "  production:",
    "    deploy-window:",
    "      timezone: Asia/Shanghai",
    '      hours: { mon-fri: "10:00-16:00", fri: "10:00-12:00" }',
    "      holidays: { country: CN, day-before: true }",
    "  qa: {}",
    "",
  ].join("\n");

  async function cli(args: string[], config = CONFIG) {
    const dir = tempDir();
    mkdirSync(join(dir, ".github"), { recursive: true });
    writeFileSync(join(dir, ".github", "greenlight.yml"), config);
    const cap = captureIo(dir, {});
    const code = await runActionCommand(
      toRunnable(preflightAction),
      loadManifest("preflight"),
      ["--secret-scan", "off", ...args, "--json"],
      cap.io,
    );
    const stdout = cap.stdout();
    return {
      code,
      outputs: (stdout ? JSON.parse(stdout) : {}) as Record<string, string>,
      stderr: cap.stderr(),
    };
  }

  it("judges the environment's window: a makeup Saturday is open, a Friday afternoon and National Day are not", async () => {
    const at = (time: string) => ["--environment", "production", "--deploy-time", time];
    expect((await cli(at("2026-10-10T10:30:00+08:00"))).code).toBe(0);
    const friday = await cli(at("2026-10-16T13:00:00+08:00"));
    expect(friday.code).toBe(1);
    expect(friday.stderr).toContain(
      "13:00 is outside the deploy hours (Friday 10:00–12:00); next opening Mon 2026-10-19 10:00 Asia/Shanghai",
    );
    const nationalDay = await cli(at("2026-10-02T10:30:00+08:00"));
    expect(nationalDay.code).toBe(1);
    expect(nationalDay.stderr).toContain("2026-10-02 is a public holiday (National Day)");
    // An environment without a window, and no environment at all, have no window check.
    expect(JSON.parse((await cli(["--environment", "qa"])).outputs["report"]!)).not.toHaveProperty(
      "window",
    );
  });

  it("names the config file's window, not the input, for a mistake in it", async () => {
    const broken = CONFIG.replace('fri: "10:00-12:00"', 'fri: "12:00-10:00"');
    const run = await cli(["--environment", "production"], broken);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Config environments.production.deploy-window has the hours "12:00-10:00", which end before they start',
    );
  });
});
