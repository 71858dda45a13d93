/**
 * Webhook URLs, tokens, signing secrets and routing keys never appear in anything either
 * runner prints or writes — outputs, report, summary, logs, failure — raw or encoded, even
 * when a receiver echoes the request (URL, headers, body) back into its error page.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runActionCommand } from "../../../src/cli/main.js";
import { toRunnable } from "../../../src/core/action.js";
import { loadManifest } from "../../../src/core/action-manifest.js";
import { runAction } from "../../../src/core/action-runner.js";
import { notifyAction } from "../../../src/notify/definition.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";
import {
  leakCheck,
  runCliWritingEverything,
  useActionsRunner,
} from "../../helpers/secret-leaks.js";
import type { TestServer } from "../verify/servers.js";
import { startServer } from "../verify/servers.js";

const SLACK_PATH = "T0AAA1111/B0BBB2222/slackHookSecretPart0123";
const LARK_HOOK = "6f1c2d3e-lark-hook-0a1b2c3d4e5f";
const LARK_SECRET = "lark/Signing+Secret=0099";
const DING_TOKEN = "dingAccessToken0a1b2c3d4e5f6789";
const DING_SECRET = "SECdingSigningSecret5566778899";
const TEAMS_PATH = "workflows/teamsHookSecret-77aa88bb";
const HOOK_SECRET = "generic-hook-secret-3344";
const CONFIG_HOOK = "configHookPathSecret-9911";
const PD_KEY = "pdRoutingKey0123456789abcdefAB";
const SECRETS = [
  SLACK_PATH,
  LARK_HOOK,
  LARK_SECRET,
  DING_TOKEN,
  DING_SECRET,
  TEAMS_PATH,
  HOOK_SECRET,
  CONFIG_HOOK,
  PD_KEY,
];

const expectNoLeak = leakCheck(SECRETS, { startLength: 12 });

let server: TestServer;
let dir: string;

beforeAll(async () => {
  // Refuses everything, echoing the request back, padded so the excerpt cuts through it.
  server = await startServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const echo = `${req.url ?? ""} ${JSON.stringify(req.headers)} ${Buffer.concat(chunks).toString("utf8")}`;
    const pad = "x".repeat(180 - (req.url?.length ?? 0));
    res.writeHead(400, { "content-type": "text/plain" });
    res.end(`${pad} ${echo} ${Buffer.from(echo).toString("base64")} ${encodeURIComponent(echo)}`);
  });
  dir = tempDir("greenlight-notify-secrets-");
  writeFileSync(
    join(dir, "greenlight.yml"),
    "notifications:\n  teams:\n    webhook-url-env: TEAMS_URL\n",
  );
});

afterAll(async () => {
  await server?.close();
});

function inputs(): Record<string, string> {
  return {
    status: "failure",
    environment: "production",
    services: "api",
    attempts: "1",
    "fail-on-error": "true",
    "config-file": "greenlight.yml",
    "slack-webhook-url": server.url(`/services/${SLACK_PATH}`),
    "lark-webhook-url": server.url(`/open-apis/bot/v2/hook/${LARK_HOOK}`),
    "lark-secret": LARK_SECRET,
    "dingtalk-webhook-url": server.url(`/robot/send?access_token=${DING_TOKEN}`),
    "dingtalk-secret": DING_SECRET,
    "webhook-url": server.url(`/hooks/${CONFIG_HOOK}`),
    "webhook-secret": HOOK_SECRET,
    "pagerduty-routing-key": PD_KEY,
    "pagerduty-url": server.url("/v2/enqueue"),
  };
}

describe("secret masking in notify, through the CLI", () => {
  it("leaks no URL or secret in stdout, stderr, the summary file or the report", async () => {
    const run = await runCliWritingEverything(toRunnable(notifyAction), dir, inputs(), {
      TEAMS_URL: server.url(`/${TEAMS_PATH}`),
    });
    expect(run.code, run.stderr).toBe(1);
    const everything = run.printed;
    expectNoLeak(everything, "CLI output");
    expectNoLeak(run.summary(), "summary");
    const outputs = run.outputs();
    expect(JSON.parse(outputs["failed"]!)).toEqual([
      "slack",
      "lark",
      "dingtalk",
      "teams",
      "webhook",
      "pagerduty",
    ]);
    expect(outputs["report"]).toContain("HTTP 400: xxx");
    expect(everything).toContain("***");
  });

  it("does not repeat a malformed webhook URL in its error", async () => {
    const cap = captureIo(dir, {});
    const code = await runActionCommand(
      toRunnable(notifyAction),
      loadManifest("notify"),
      [
        "--status",
        "success",
        "--environment",
        "prod",
        "--slack-webhook-url",
        `hooks.slack.com/services/${SLACK_PATH}`,
      ],
      cap.io,
    );
    expect(code).toBe(2);
    expect(cap.stderr()).toBe(
      `error: Input "slack-webhook-url" is not a URL; give the full webhook URL, starting with https://.\n`,
    );
  });
});

describe("secret masking in notify, through the Actions runner", () => {
  const runner = useActionsRunner(() => ({
    workspace: dir,
    inputs: inputs(),
    env: { TEAMS_URL: server.url(`/${TEAMS_PATH}`) },
  }));

  it("masks every credential before use and leaks none in logs, outputs or the summary", async () => {
    await runAction(notifyAction, loadManifest("notify"));
    const { masks, visible } = runner.printed();
    // URLs are masked whole and by each identifying piece (a path segment, a query value).
    const pieces = [
      LARK_HOOK,
      LARK_SECRET,
      DING_TOKEN,
      DING_SECRET,
      HOOK_SECRET,
      CONFIG_HOOK,
      PD_KEY,
    ];
    pieces.push(
      SLACK_PATH.split("/").at(-1)!,
      TEAMS_PATH.split("/").at(-1)!,
      server.url(`/services/${SLACK_PATH}`),
    );
    for (const secret of pieces) expect(masks, `${secret} was not masked`).toContain(secret);
    expectNoLeak(visible, "log");
    const output = runner.file("output");
    expectNoLeak(output, "outputs");
    expect(output).toContain("failed");
    expectNoLeak(runner.file("summary"), "job summary");
    expect(visible).toContain("::error::");
    expect(process.exitCode).toBe(1);
  });
});
