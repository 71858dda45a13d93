/**
 * notify's pure parts: signatures against vectors computed with openssl, the message a
 * template renders, and each target's native format.
 */
import { describe, expect, it } from "vitest";
import type { DeploymentEvent } from "../../../src/notify/event.js";
import { renderMessage, unknownPlaceholders } from "../../../src/notify/message.js";
import {
  dingtalkSignature,
  larkSignature,
  webhookSignature,
} from "../../../src/notify/signatures.js";
import { signedDingtalkUrl, dingtalkMarkdown } from "../../../src/notify/targets/dingtalk.js";
import { larkCard } from "../../../src/notify/targets/lark.js";
import { pagerdutyEvent } from "../../../src/notify/targets/pagerduty.js";
import { slackBlocks } from "../../../src/notify/targets/slack.js";
import { adaptiveCard } from "../../../src/notify/targets/teams.js";

const EVENT: DeploymentEvent = {
  kind: "deploy",
  status: "success",
  environment: "production",
  services: ["api"],
  version: "1.4.2",
  repository: "acme/shop",
  commit: "0123456789abcdef",
  actor: "octocat",
  durationMs: 125_000,
  runUrl: "https://github.com/acme/shop/actions/runs/1",
  evidence: [],
  at: "2026-05-05T08:00:00.000Z",
};

describe("signatures", () => {
  // printf '' | openssl dgst -sha256 -hmac $'1599360473\ndemo-secret' -binary | base64
  it("signs Lark with timestamp\\nsecret as the key over an empty message", () => {
    expect(larkSignature("demo-secret", 1599360473)).toBe(
      "3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=",
    );
  });

  // printf '1577262236757\nSECdemo0123456789' | openssl dgst -sha256 -hmac 'SECdemo0123456789' -binary | base64
  it("signs DingTalk with the secret as the key over timestamp\\nsecret, URL-encoded in the query", () => {
    expect(dingtalkSignature("SECdemo0123456789", 1577262236757)).toBe(
      "xW+bcfmS4/UzY2P4aK6TlT1k6PcYJIdJMoGpgmdRZW8=",
    );
    const url = signedDingtalkUrl(
      new URL("https://oapi.dingtalk.com/robot/send?access_token=abc"),
      "SECdemo0123456789",
      1577262236757,
    );
    expect(url.href).toBe(
      "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577262236757&sign=xW%2BbcfmS4%2FUzY2P4aK6TlT1k6PcYJIdJMoGpgmdRZW8%3D",
    );
  });

  // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec-demo'
  it("signs the generic webhook over timestamp.body in hex", () => {
    expect(webhookSignature("whsec-demo", 1700000000, '{"a":1}')).toBe(
      "sha256=81cd083dd94ec50aee6a1f21d9ad7dff08949a09510019175bfa6afebe822469",
    );
  });
});

describe("the message", () => {
  it.each([
    [{}, "🟢 Deploy of api 1.4.2 to production succeeded", "good"],
    [{ status: "failure" }, "🔴 Deploy of api 1.4.2 to production failed", "bad"],
    [{ status: "started" }, "🔵 Deploy of api 1.4.2 to production started", "neutral"],
    [{ kind: "rollback" }, "🟠 Rollback of api 1.4.2 to production succeeded", "warning"],
    [
      { kind: "promotion", status: "cancelled" },
      "⚪ Promotion of api 1.4.2 to production was cancelled",
      "neutral",
    ],
    [
      { services: [], version: undefined },
      "🟢 Deploy of the application to production succeeded",
      "good",
    ],
  ] as const)("%j", (change, title, tone) => {
    const message = renderMessage({ ...EVENT, ...change } as DeploymentEvent);
    expect(message.title).toBe(title);
    expect(message.tone).toBe(tone);
  });

  it("fills a template, leaves absent values empty, and keeps the facts", () => {
    const message = renderMessage(
      { ...EVENT, prUrl: undefined },
      {
        title: "{{ environment }} ← {{version}}",
        text: "PR: {{pr-url}} by {{actor}} in {{duration}}",
      },
    );
    expect(message.title).toBe("production ← 1.4.2");
    expect(message.text).toBe("PR:  by octocat in 2 min 5 s");
    expect(message.facts.map((f) => f.label)).toEqual([
      "Environment",
      "Services",
      "Version",
      "Status",
      "Duration",
      "Commit",
      "Actor",
    ]);
    expect(renderMessage(EVENT).text).toBe("acme/shop@0123456 by octocat in 2 min 5 s.");
  });

  it("carries the branch and names the run the way its CI system does", () => {
    const gitlab = renderMessage(
      {
        ...EVENT,
        repository: "shop/api",
        branch: "main",
        actor: "alice",
        runUrl: "https://gitlab.example.com/shop/api/-/pipelines/981",
        runName: "pipeline",
      },
      { title: "{{headline}} ({{branch}})", text: "{{details}}" },
    );
    expect(gitlab.title).toBe("Deploy of api 1.4.2 to production succeeded (main)");
    expect(gitlab.text).toBe("shop/api@0123456 on main by alice in 2 min 5 s.");
    expect(gitlab.facts).toContainEqual({ label: "Branch", value: "main" });
    expect(gitlab.links).toEqual([
      { text: "Pipeline", url: "https://gitlab.example.com/shop/api/-/pipelines/981" },
    ]);
    expect(unknownPlaceholders("{{branch}} {{commit}}")).toEqual([]);
  });

  it("never renders empty details: with no facts at all it says when", () => {
    const bare: DeploymentEvent = {
      kind: "deploy",
      status: "started",
      environment: "staging",
      services: [],
      evidence: [],
      at: "2026-05-05T08:00:00.000Z",
    };
    expect(renderMessage(bare).text).toBe("At 2026-05-05T08:00:00Z.");
  });

  it("names unknown placeholders", () => {
    expect(unknownPlaceholders("{{enviroment}} {{status}} {{ foo }}")).toEqual([
      "enviroment",
      "foo",
    ]);
  });
});

describe("native formats", () => {
  const message = renderMessage({
    ...EVENT,
    evidence: ["p95 <300 ms & error rate 0.1%"],
    prUrl: "https://github.com/acme/infra/pull/7",
  });

  it("Slack: Block Kit with mrkdwn escaped", () => {
    const blocks = slackBlocks(message) as {
      type: string;
      text?: { text: string };
      fields?: unknown[];
      elements?: unknown[];
    }[];
    expect(blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "section",
      "section",
      "actions",
    ]);
    expect(blocks[3]!.text!.text).toBe("*Evidence*\n• p95 &lt;300 ms &amp; error rate 0.1%");
    expect(blocks[4]!.elements).toHaveLength(2);
  });

  it("Lark: an interactive card coloured by outcome", () => {
    expect(larkCard(message)).toMatchObject({
      header: { template: "green" },
      elements: [{ tag: "div" }, { tag: "div" }, { tag: "div" }, { tag: "action" }],
    });
    expect(larkCard(renderMessage({ ...EVENT, status: "failure" }))).toMatchObject({
      header: { template: "red" },
    });
  });

  it("DingTalk: markdown with facts and links", () => {
    expect(dingtalkMarkdown(message).text).toBe(
      [
        "### 🟢 Deploy of api 1.4.2 to production succeeded",
        "",
        "acme/shop@0123456 by octocat in 2 min 5 s.",
        "",
        "- **Environment**: production",
        "- **Services**: api",
        "- **Version**: 1.4.2",
        "- **Status**: success",
        "- **Duration**: 2 min 5 s",
        "- **Commit**: 0123456",
        "- **Actor**: octocat",
        "",
        "**Evidence**",
        "",
        "- p95 <300 ms & error rate 0.1%",
        "",
        "[Workflow run](https://github.com/acme/shop/actions/runs/1) · [Pull request](https://github.com/acme/infra/pull/7)",
      ].join("\n"),
    );
  });

  it("Teams: an Adaptive Card with a fact set and link actions", () => {
    const card = adaptiveCard(message) as { body: { type: string }[]; actions: { type: string }[] };
    expect(card.body.map((b) => b.type)).toEqual([
      "TextBlock",
      "TextBlock",
      "FactSet",
      "TextBlock",
      "TextBlock",
    ]);
    expect(card.actions.map((a) => a.type)).toEqual(["Action.OpenUrl", "Action.OpenUrl"]);
  });

  it("PagerDuty: trigger on failure or rollback, resolve on success, nothing on start", () => {
    const failed = { ...EVENT, status: "failure" as const };
    expect(pagerdutyEvent("key", renderMessage(failed), failed)).toMatchObject({
      event_action: "trigger",
      dedup_key: "greenlight/acme/shop/production",
      payload: { severity: "error", source: "acme/shop", group: "production", class: "deploy" },
    });
    const failedRollback = { ...EVENT, kind: "rollback" as const, status: "failure" as const };
    expect(pagerdutyEvent("key", renderMessage(failedRollback), failedRollback)).toMatchObject({
      payload: { severity: "critical" },
    });
    expect(pagerdutyEvent("key", message, EVENT)).toEqual({
      routing_key: "key",
      event_action: "resolve",
      dedup_key: "greenlight/acme/shop/production",
    });
    expect(pagerdutyEvent("key", message, { ...EVENT, status: "started" })).toBeUndefined();
    expect(pagerdutyEvent("key", message, EVENT, "custom")).toMatchObject({ dedup_key: "custom" });
  });
});
