/** notify's bad inputs: one sentence naming the input, exit code 2, nothing sent, no secret repeated. */
import { describe, expect, it } from "vitest";
import { notifyAction } from "../../../src/notify/definition.js";
import { refusalOf } from "../../helpers/refusal.js";

const BASE = { status: "success", environment: "production" };
const HOOK = "https://hooks.example.com/services/hookSecretPart123";

const refusal = (raw: Record<string, string>) => refusalOf(notifyAction, raw);

describe("notify inputs", () => {
  it.each([
    [
      { environment: "production", "webhook-url": HOOK },
      'Input "status" is required; set it in the step\'s `with:`.',
    ],
    [
      { ...BASE, status: "ok", "webhook-url": HOOK },
      'Input "status" must be one of started, success, failure, cancelled.',
    ],
    [
      { ...BASE, kind: "release", "webhook-url": HOOK },
      'Input "kind" must be one of deploy, promotion, rollback.',
    ],
    [
      { ...BASE, environment: " ", "webhook-url": HOOK },
      'Input "environment" must name the environment, such as production.',
    ],
    [
      { ...BASE, "slack-webhook-url": HOOK, "slack-token": "xoxb-1234-secret" },
      'Inputs "slack-webhook-url" and "slack-token" are both set; give one of them (a token also needs slack-channel).',
    ],
    [
      { ...BASE, "slack-token": "xoxb-1234-secret" },
      'Input "slack-channel" is required with a Slack bot token; give a channel such as #deploys or its id.',
    ],
    [
      { ...BASE, "teams-webhook-url": "ftp://hookSecretPart123" },
      'Input "teams-webhook-url" is not an http(s) URL; give the full webhook URL, starting with https://.',
    ],
    [
      { ...BASE, "lark-secret": "lark-secret-123" },
      'Input "lark-secret" is set but "lark-webhook-url" is not; give the bot\'s webhook URL too.',
    ],
    [
      { ...BASE, "dingtalk-secret": "SECding-123" },
      'Input "dingtalk-secret" is set but "dingtalk-webhook-url" is not; give the robot\'s webhook URL too.',
    ],
    [
      { ...BASE, "webhook-secret": "whsec-123" },
      'Input "webhook-secret" is set but "webhook-url" is not; give the webhook\'s URL too.',
    ],
    [
      { ...BASE, "webhook-url": HOOK, template: "[a, b]" },
      "Input \"template\" must be a map with title and/or text, such as {title: '{{headline}}', text: '{{details}}'}.",
    ],
    [
      { ...BASE, "webhook-url": HOOK, template: "{title: '{{env}}'}" },
      'Input "template" uses the unknown placeholder {{env}}; use one of',
    ],
    [
      { ...BASE, "webhook-url": HOOK, "started-at": "yesterday" },
      'Input "started-at" is invalid: "yesterday" is not a time; give ISO 8601 (2026-05-01T12:00:00Z) or Unix seconds.',
    ],
    [{ ...BASE, "webhook-url": HOOK, attempts: "0" }, 'Input "attempts" must be at least 1.'],
    [
      { ...BASE, "webhook-url": HOOK, timeout: "soon" },
      'Input "timeout" is invalid: "soon" is not a duration; write it like 30s, 10m, 1h30m or 500ms.',
    ],
    [
      { ...BASE, "pagerduty-routing-key": "R0UTINGKEY123", "pagerduty-url": "events" },
      'Input "pagerduty-url" is not an http(s) URL; give one such as https://example.com/path.',
    ],
    [
      { ...BASE, "webhook-url": HOOK, "ca-file": "missing.pem" },
      'Input "ca-file" names missing.pem, which cannot be read; give a PEM file relative to the workspace.',
    ],
    [
      { ...BASE, "webhook-url": HOOK, "config-file": "missing.yml" },
      'Config file "missing.yml" does not exist; check the "config-file" input',
    ],
  ])("%j", async (raw, message) => {
    const failure = await refusal(raw as Record<string, string>);
    expect(failure.exitCode).toBe(2);
    expect(
      failure.message.startsWith(message),
      `${failure.message}\n does not start with\n${message}`,
    ).toBe(true);
    expect(failure.message).not.toContain("hookSecretPart123");
  });
});
