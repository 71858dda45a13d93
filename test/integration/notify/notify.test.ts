/**
 * notify against local receivers on loopback HTTPS (a self-signed certificate made here):
 * every vendor's signature verified independently, timestamps checked, a wrong secret
 * refused, retries with backoff and Retry-After, and PagerDuty's trigger/resolve pairing.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import type { ActionResult } from "../../../src/core/action.js";
import { describeFailure } from "../../../src/core/failure.js";
import { notifyAction } from "../../../src/notify/definition.js";
import { tempDir, testContext } from "../../helpers/run-context.js";
import type { Certificate } from "../verify/servers.js";
import { makeCertificate } from "../verify/servers.js";
import type { Receiver } from "./receivers.js";
import {
  FastForwardClock,
  dingtalkReceiver,
  larkReceiver,
  pagerdutyReceiver,
  slackApiReceiver,
  slackWebhookReceiver,
  teamsReceiver,
  webhookReceiver,
} from "./receivers.js";

const LARK_SECRET = "lark-signing-secret-4f3e2d";
const DING_SECRET = "SECa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2";
const DING_TOKEN = "ding-access-token-8899aabbccdd";
const HOOK_SECRET = "generic-webhook-secret-1122";
const SLACK_TOKEN = "xoxb-1111-2222-slackbottoken";
const PD_KEY = "R0UT1NGKEY0123456789abcdef012345";

interface Report {
  title: string;
  targets: {
    target: string;
    result: string;
    attempts: number;
    status?: number;
    reason?: string;
    waitsMs: number[];
  }[];
}

let dir: string;
let cert: Certificate;
const open: Receiver[] = [];

beforeAll(() => {
  dir = tempDir("greenlight-notify-");
  cert = makeCertificate(dir, 30, "receiver");
  writeFileSync(join(dir, "ca.pem"), cert.cert);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

afterAll(async () => {
  await Promise.all(open.map((r) => r.close()));
});

async function track<T extends Receiver>(receiver: Promise<T>): Promise<T> {
  const r = await receiver;
  open.push(r);
  return r;
}

const EVENT = {
  status: "success",
  kind: "deploy",
  environment: "production",
  services: "api, web",
  version: "1.4.2",
  repository: "acme/shop",
  commit: "0123456789abcdef0123456789abcdef01234567",
  actor: "octocat",
  "run-url": "https://github.com/acme/shop/actions/runs/42",
  "pr-url": "https://github.com/acme/infra/pull/7",
  duration: "4m30s",
};

async function run(
  inputs: Record<string, string>,
  clock = new FastForwardClock(),
  env: Record<string, string> = {},
) {
  const { context, logger } = testContext(dir, env);
  context.clock = clock;
  const result: ActionResult = await toRunnable(notifyAction).execute(
    { "ca-file": "ca.pem", ...inputs },
    context,
  );
  const report = JSON.parse(result.outputs["report"] ?? "{}") as Report;
  const outcome = (target: string) => report.targets.find((t) => t.target === target);
  return { result, report, outcome, logger, clock };
}

describe("every target, over HTTPS with a private CA", () => {
  it("delivers in each native format, signed so that independent verifiers accept it", async () => {
    const clock = new FastForwardClock();
    const now = () => clock.now().getTime();
    const lark = await track(larkReceiver(LARK_SECRET, now, cert));
    const ding = await track(dingtalkReceiver(DING_SECRET, DING_TOKEN, now, cert));
    const hook = await track(webhookReceiver(HOOK_SECRET, now, cert));
    const slack = await track(slackApiReceiver(SLACK_TOKEN, cert));
    const teams = await track(teamsReceiver(cert));
    const pd = await track(pagerdutyReceiver(PD_KEY, cert));
    const { result, report } = await run(
      {
        ...EVENT,
        "lark-webhook-url": lark.url("/open-apis/bot/v2/hook/0c2b-lark-hook-id"),
        "lark-secret": LARK_SECRET,
        "dingtalk-webhook-url": ding.url(`/robot/send?access_token=${DING_TOKEN}`),
        "dingtalk-secret": DING_SECRET,
        "webhook-url": hook.url("/hooks/greenlight"),
        "webhook-secret": HOOK_SECRET,
        "slack-token": SLACK_TOKEN,
        "slack-channel": "#deploys",
        "slack-api-url": slack.url("/api"),
        "teams-webhook-url": teams.url("/workflows/teams-hook-1234"),
        "pagerduty-routing-key": PD_KEY,
        "pagerduty-url": pd.url("/v2/enqueue"),
      },
      clock,
    );
    expect(report.targets.filter((t) => t.result !== "delivered")).toEqual([]);
    expect(JSON.parse(result.outputs["delivered"]!)).toEqual([
      "slack",
      "lark",
      "dingtalk",
      "teams",
      "webhook",
      "pagerduty",
    ]);
    expect(result.failure).toBeUndefined();
    for (const receiver of [lark, ding, hook, slack, teams, pd]) {
      expect(receiver.requests).toHaveLength(1);
      expect(receiver.requests[0]!.refused).toBeUndefined();
    }
    expect(report.title).toBe("🟢 Deploy of api, web 1.4.2 to production succeeded");

    const card = lark.requests[0]!.json!["card"] as {
      header: { template: string; title: { content: string } };
    };
    expect(card.header).toEqual({
      title: { tag: "plain_text", content: report.title },
      template: "green",
    });
    const markdown = ding.requests[0]!.json!["markdown"] as { text: string };
    expect(markdown.text).toContain("- **Environment**: production");
    expect(markdown.text).toContain("[Pull request](https://github.com/acme/infra/pull/7)");
    const blocks = slack.requests[0]!.json!["blocks"] as { type: string }[];
    expect(blocks.map((b) => b.type)).toEqual(["header", "section", "section", "actions"]);
    const webhookEvent = hook.requests[0]!.json!;
    expect(webhookEvent).toMatchObject({
      type: "greenlight.deployment",
      status: "success",
      environment: "production",
      services: ["api", "web"],
      durationMs: 270_000,
      commit: EVENT.commit,
      prUrl: EVENT["pr-url"],
    });
    expect(pd.requests[0]!.json).toEqual({
      routing_key: PD_KEY,
      event_action: "resolve",
      dedup_key: "greenlight/acme/shop/production",
    });
  });

  it("fails a target whose certificate is not trusted, and says so", async () => {
    const teams = await track(teamsReceiver(cert));
    const { outcome } = await run({
      ...EVENT,
      "ca-file": "",
      "teams-webhook-url": teams.url("/hook-abcdef"),
    });
    expect(outcome("teams")).toMatchObject({ result: "failed" });
    expect(outcome("teams")!.reason).toContain("is not trusted (self-signed)");
  });
});

describe("signatures and timestamps", () => {
  it("is refused by each verifier when the secret is wrong, without retrying", async () => {
    const clock = new FastForwardClock();
    const now = () => clock.now().getTime();
    const lark = await track(larkReceiver(LARK_SECRET, now));
    const ding = await track(dingtalkReceiver(DING_SECRET, DING_TOKEN, now));
    const hook = await track(webhookReceiver(HOOK_SECRET, now));
    const { result, outcome } = await run(
      {
        ...EVENT,
        "lark-webhook-url": lark.url("/open-apis/bot/v2/hook/lark-hook-id"),
        "lark-secret": "not-the-lark-secret",
        "dingtalk-webhook-url": ding.url(`/robot/send?access_token=${DING_TOKEN}`),
        "dingtalk-secret": "SECnot-the-dingtalk-secret",
        "webhook-url": hook.url("/hooks/greenlight"),
        "webhook-secret": "not-the-webhook-secret",
        "fail-on-error": "true",
      },
      clock,
    );
    expect(lark.requests.map((r) => r.refused)).toEqual(["signature mismatch"]);
    expect(ding.requests.map((r) => r.refused)).toEqual(["signature mismatch"]);
    expect(hook.requests.map((r) => r.refused)).toEqual(["signature mismatch"]);
    expect(outcome("lark")!.reason).toBe(
      "Lark refused the message: sign match fail or timestamp is not within one hour from current time (code 19021) (attempt 1 of 4)",
    );
    expect(outcome("dingtalk")!.reason).toMatch(
      /^DingTalk refused the message: sign not match.*\(errcode 310000\) \(attempt 1 of 4\)$/,
    );
    expect(outcome("webhook")!.reason).toBe('HTTP 401: {"error":"bad signature"} (attempt 1 of 4)');
    expect(JSON.parse(result.outputs["failed"]!)).toEqual(["lark", "dingtalk", "webhook"]);
    expect(result.failure).toMatch(
      /^Notification failed for lark, dingtalk, webhook: lark: Lark refused/,
    );
  });

  it("is refused when its clock is more than an hour off the receiver's", async () => {
    const lark = await track(larkReceiver(LARK_SECRET, Date.now));
    const ding = await track(dingtalkReceiver(DING_SECRET, DING_TOKEN, Date.now));
    const hook = await track(webhookReceiver(HOOK_SECRET, Date.now));
    const stale = new FastForwardClock(Date.now() - 2 * 3_600_000);
    await run(
      {
        ...EVENT,
        "lark-webhook-url": lark.url("/hook/lark"),
        "lark-secret": LARK_SECRET,
        "dingtalk-webhook-url": ding.url(`/robot/send?access_token=${DING_TOKEN}`),
        "dingtalk-secret": DING_SECRET,
        "webhook-url": hook.url("/hooks/greenlight"),
        "webhook-secret": HOOK_SECRET,
      },
      stale,
    );
    for (const receiver of [lark, ding])
      expect(receiver.requests.map((r) => r.refused)).toEqual(["timestamp outside one hour"]);
    expect(hook.requests.map((r) => r.refused)).toEqual(["timestamp"]);
  });

  it("signs each attempt afresh, so a retry after a long wait is still within the window", async () => {
    const clock = new FastForwardClock();
    const lark = await track(larkReceiver(LARK_SECRET, () => clock.now().getTime()));
    lark.script.push({ status: 429, headers: { "retry-after": "3000" } });
    lark.script.push({ status: 429, headers: { "retry-after": "3000" } });
    const { outcome } = await run(
      {
        ...EVENT,
        "lark-webhook-url": lark.url("/hook/lark"),
        "lark-secret": LARK_SECRET,
        "max-retry-wait": "1h",
      },
      clock,
    );
    expect(outcome("lark")).toMatchObject({
      result: "delivered",
      attempts: 3,
      waitsMs: [3_000_000, 3_000_000],
    });
    const stamps = lark.requests.map((r) => Number(r.json!["timestamp"]));
    expect(stamps[1]! - stamps[0]!).toBe(3000);
    expect(stamps[2]! - stamps[1]!).toBe(3000);
    expect(lark.requests[2]!.refused).toBeUndefined();
  });
});

describe("retries", () => {
  it("backs off exponentially on 5xx and succeeds when the receiver recovers", async () => {
    const slack = await track(slackWebhookReceiver());
    slack.script.push({ status: 503 }, { status: 502 }, { status: 500 });
    const { outcome, clock } = await run({
      ...EVENT,
      "slack-webhook-url": slack.url("/services/T0/B0/slackhooksecret"),
    });
    expect(outcome("slack")).toMatchObject({
      result: "delivered",
      attempts: 4,
      status: 200,
      waitsMs: [1000, 2000, 4000],
    });
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
    expect(slack.requests).toHaveLength(4);
  });

  it("waits as long as Retry-After says, in seconds or as an HTTP date", async () => {
    const clock = new FastForwardClock(Date.UTC(2026, 4, 1, 12, 0, 0));
    const slack = await track(slackWebhookReceiver());
    slack.script.push({ status: 429, headers: { "retry-after": "7" } });
    slack.script.push({ status: 503, headers: { "retry-after": "Fri, 01 May 2026 12:00:37 GMT" } });
    const { outcome } = await run(
      { ...EVENT, "slack-webhook-url": slack.url("/services/T0/B0/slackhooksecret") },
      clock,
    );
    expect(outcome("slack")).toMatchObject({
      result: "delivered",
      attempts: 3,
      waitsMs: [7000, 30_000],
    });
  });

  it("gives up at once when Retry-After asks for more than max-retry-wait", async () => {
    const slack = await track(slackWebhookReceiver());
    slack.script.push({ status: 429, headers: { "retry-after": "120" } });
    const { outcome, clock } = await run({
      ...EVENT,
      "slack-webhook-url": slack.url("/services/T0/B0/slackhooksecret"),
    });
    expect(outcome("slack")).toMatchObject({
      result: "failed",
      attempts: 1,
      reason:
        "HTTP 429; the receiver asked to wait 120 s, longer than max-retry-wait (60 s) (attempt 1 of 4)",
    });
    expect(clock.sleeps).toEqual([]);
  });

  it("does not retry a 4xx refusal, and stops after the last attempt", async () => {
    const slack = await track(slackWebhookReceiver());
    const teams = await track(teamsReceiver());
    slack.script.push({ status: 404, body: "no_service" });
    for (let i = 0; i < 5; i++) teams.script.push({ status: 500, body: "upstream down" });
    const { outcome, result } = await run({
      ...EVENT,
      attempts: "3",
      "slack-webhook-url": slack.url("/services/T0/B0/slackhooksecret"),
      "teams-webhook-url": teams.url("/workflows/teams-hook"),
    });
    expect(outcome("slack")).toMatchObject({
      result: "failed",
      attempts: 1,
      reason: "HTTP 404: no_service (attempt 1 of 3)",
    });
    expect(outcome("teams")).toMatchObject({
      result: "failed",
      attempts: 3,
      reason: "HTTP 500: upstream down (attempt 3 of 3)",
    });
    // A failed notification is a warning unless fail-on-error is set.
    expect(result.failure).toBeUndefined();
  });

  it("retries a refused connection", async () => {
    const slack = await track(slackWebhookReceiver());
    const url = slack.url("/services/T0/B0/slackhooksecret");
    await slack.close();
    const { outcome } = await run({ ...EVENT, attempts: "2", "slack-webhook-url": url });
    expect(outcome("slack")).toMatchObject({
      result: "failed",
      attempts: 2,
      reason: "connection refused (attempt 2 of 2)",
      waitsMs: [1000],
    });
  });
});

describe("PagerDuty", () => {
  it("triggers on failure and rollback and resolves on success, with one dedup key", async () => {
    const pd = await track(pagerdutyReceiver(PD_KEY));
    const base = {
      ...EVENT,
      "pagerduty-routing-key": PD_KEY,
      "pagerduty-url": pd.url("/v2/enqueue"),
    };
    await run({ ...base, status: "failure" });
    await run({
      ...base,
      kind: "rollback",
      status: "success",
      evidence: "error rate 4.2% (limit 1%)\np95 900 ms (limit 300 ms)",
    });
    const started = await run({ ...base, status: "started" });
    await run({ ...base, status: "success" });
    expect(started.outcome("pagerduty")).toMatchObject({ result: "skipped", attempts: 0 });
    expect(pd.requests.map((r) => r.refused)).toEqual([undefined, undefined, undefined]);
    const sent = pd.requests.map(
      (r) =>
        r.json as { event_action: string; dedup_key: string; payload?: Record<string, unknown> },
    );
    expect(sent.map((e) => e.event_action)).toEqual(["trigger", "trigger", "resolve"]);
    expect(new Set(sent.map((e) => e.dedup_key))).toEqual(
      new Set(["greenlight/acme/shop/production"]),
    );
    expect(sent[0]!.payload).toMatchObject({
      severity: "error",
      group: "production",
      class: "deploy",
      component: "api, web",
    });
    expect(sent[1]!.payload).toMatchObject({
      severity: "warning",
      class: "rollback",
      summary: "🟠 Rollback of api, web 1.4.2 to production succeeded",
      custom_details: { evidence: ["error rate 4.2% (limit 1%)", "p95 900 ms (limit 300 ms)"] },
    });
  });
});

describe("templates and the config file", () => {
  it("uses an overriding template's words while keeping each format's facts and links", async () => {
    const hook = await track(slackWebhookReceiver());
    const { report } = await run({
      ...EVENT,
      "slack-webhook-url": hook.url("/services/T0/B0/slackhooksecret"),
      template:
        "{title: '{{environment}}: {{services}} is now {{version}}', text: 'Shipped by {{actor}} ({{short-commit}})'}",
    });
    expect(report.title).toBe("production: api, web is now 1.4.2");
    const blocks = hook.requests[0]!.json!["blocks"] as { type: string; text?: { text: string } }[];
    expect(blocks[1]!.text!.text).toBe("Shipped by octocat (0123456)");
    expect(blocks.at(-1)!.type).toBe("actions");
  });

  it("refuses an unknown placeholder, naming it", async () => {
    const failure = await run({
      ...EVENT,
      "webhook-url": "https://example.invalid/h",
      template: "{title: '{{enviroment}} done'}",
    }).then(
      () => undefined,
      (error: unknown) => describeFailure(error),
    );
    expect(failure?.exitCode).toBe(2);
    expect(failure?.message).toMatch(
      /^Input "template" uses the unknown placeholder \{\{enviroment\}\}; use one of \{\{emoji\}\}/,
    );
  });

  it("reads targets from the notifications section, with credentials from the environment", async () => {
    const clock = new FastForwardClock();
    const hook = await track(webhookReceiver(HOOK_SECRET, () => clock.now().getTime()));
    const ding = await track(
      dingtalkReceiver(DING_SECRET, DING_TOKEN, () => clock.now().getTime()),
    );
    writeFileSync(
      join(dir, "greenlight.yml"),
      [
        "notifications:",
        "  webhook:",
        "    url-env: DEPLOY_HOOK_URL",
        "    secret-env: DEPLOY_HOOK_SECRET",
        "  dingtalk:",
        "    webhook-url-env: DINGTALK_URL",
        "    secret-env: DINGTALK_SECRET",
        "    events: [failure, rollback]",
        "  template:",
        "    title: '{{environment}} {{status}}'",
      ].join("\n") + "\n",
    );
    const env = {
      DEPLOY_HOOK_URL: hook.url("/hooks/from-config"),
      DEPLOY_HOOK_SECRET: HOOK_SECRET,
      DINGTALK_URL: ding.url(`/robot/send?access_token=${DING_TOKEN}`),
      DINGTALK_SECRET: DING_SECRET,
    };
    const { result, outcome } = await run(
      { ...EVENT, "config-file": "greenlight.yml" },
      clock,
      env,
    );
    expect(outcome("webhook")).toMatchObject({ result: "delivered" });
    expect(outcome("dingtalk")).toMatchObject({
      result: "skipped",
      reason: "not subscribed to this event",
    });
    expect(hook.requests[0]!.json!["title"]).toBe("production success");
    expect(JSON.parse(result.outputs["delivered"]!)).toEqual(["webhook"]);

    const missing = await run({ ...EVENT, "config-file": "greenlight.yml" }, clock, {
      ...env,
      DEPLOY_HOOK_SECRET: "",
    }).then(
      () => undefined,
      (error: unknown) => describeFailure(error),
    );
    expect(missing).toEqual({
      exitCode: 2,
      message:
        "Environment variable DEPLOY_HOOK_SECRET (named by notifications.webhook.secret-env in the config file) is not set; pass it to the step, e.g. env: DEPLOY_HOOK_SECRET: ${{ secrets.DEPLOY_HOOK_SECRET }}.",
    });
  });
});
