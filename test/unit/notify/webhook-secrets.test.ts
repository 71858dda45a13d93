/**
 * What a webhook URL registers as secret: the URL, its credentials and its random tokens,
 * never the readable words around them (`services`, `open-apis`, `v2`, `triggers`), which
 * would otherwise be masked in every log line that mentions them.
 */
import { describe, expect, it } from "vitest";
import { SecretRegistry } from "../../../src/core/secrets.js";
import type { TargetInputs } from "../../../src/notify/target-settings.js";
import { collectTargets, secretPartsOfUrl } from "../../../src/notify/target-settings.js";

const SLACK_TOKEN = "abcDEF123ghiJKL456mnoPQR";
const LARK_HOOK = "0c2b8f7e-1234-4a5b-9c8d-0123456789ab";
const DING_TOKEN = "8899aabbccdd8899aabbccdd";
const TEAMS_FLOW = "0123456789abcdef0123456789abcdef";
const TEAMS_SIG = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFG";

const WEBHOOKS = {
  slack: {
    url: `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${SLACK_TOKEN}`,
    secrets: [
      "T0123ABCD",
      "B0456EFGH",
      SLACK_TOKEN,
      `/services/T0123ABCD/B0456EFGH/${SLACK_TOKEN}`,
    ],
    words: ["services"],
  },
  lark: {
    url: `https://open.feishu.cn/open-apis/bot/v2/hook/${LARK_HOOK}`,
    secrets: [LARK_HOOK],
    words: ["open-apis", "/open-apis/bot/v2/hook"],
  },
  dingtalk: {
    url: `https://oapi.dingtalk.com/robot/send?access_token=${DING_TOKEN}`,
    secrets: [DING_TOKEN],
    words: ["/robot/send"],
  },
  teams: {
    url: `https://prod-12.westus.logic.azure.com:443/workflows/${TEAMS_FLOW}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${TEAMS_SIG}`,
    secrets: [TEAMS_FLOW, TEAMS_SIG],
    words: ["workflows", "triggers", "2016-06-01", "/triggers/manual/run"],
  },
  "teams incoming webhook": {
    url: `https://acme.webhook.office.com/webhookb2/${LARK_HOOK}@${LARK_HOOK}/IncomingWebhook/${TEAMS_FLOW}/${LARK_HOOK}`,
    secrets: [`${LARK_HOOK}@${LARK_HOOK}`, TEAMS_FLOW, LARK_HOOK],
    words: ["webhookb2", "IncomingWebhook"],
  },
  "webhook with credentials": {
    url: "https://deployer:hunter2-pass@hooks.example.com/api/v2/hooks/greenlight?token=t0k3n",
    secrets: ["hunter2-pass", "deployer:hunter2-pass", "t0k3n"],
    words: ["greenlight", "/api/v2/hooks/greenlight", "hooks"],
  },
  "webhook whose path is the secret": {
    url: "https://hooks.zapier.com/hooks/catch/1234567/abcdefg/",
    secrets: ["/hooks/catch/1234567/abcdefg/"],
    words: ["hooks", "catch"],
  },
  "webhook on a short route": {
    url: "https://hooks.example.com/api/v2/deploy",
    secrets: [],
    words: ["deploy", "/api/v2/deploy"],
  },
} as const;

const INPUTS: TargetInputs = {
  "slack-api-url": "https://slack.com/api",
  "pagerduty-url": "https://events.pagerduty.com/v2/enqueue",
};

/** Registers a webhook URL the way notify does, through its input, and returns the registry. */
function registered(url: string): { registry: SecretRegistry; forms: string[] } {
  const forms: string[] = [];
  const registry = new SecretRegistry((form) => forms.push(form));
  // As the action runner does for a secret input, before notify reads it.
  registry.add(url);
  registry.addUrlCredentials(url);
  collectTargets({ ...INPUTS, "webhook-url": url }, undefined, {}, registry);
  return { registry, forms };
}

describe("the secret parts of a webhook URL", () => {
  it.each(Object.entries(WEBHOOKS))("%s: the URL and its tokens", (_, hook) => {
    const parts = secretPartsOfUrl(new URL(hook.url));
    expect(parts).toContain(new URL(hook.url).href);
    for (const secret of hook.secrets) expect(parts).toContain(secret);
    for (const word of hook.words) expect(parts).not.toContain(word);
  });

  it.each(Object.entries(WEBHOOKS))("%s: words stay readable, tokens are masked", (_, hook) => {
    const { registry, forms } = registered(hook.url);
    for (const word of hook.words) {
      expect(forms, word).not.toContain(word);
      expect(registry.redact(`calling ${word} now`)).toBe(`calling ${word} now`);
    }
    for (const secret of hook.secrets) {
      expect(registry.redact(`token ${secret} here`)).toBe("token *** here");
    }
    expect(registry.redact(`POST ${hook.url} failed`)).toBe("POST *** failed");
  });

  it("masks nothing shorter than a token: api, v2, hooks, services, bot", () => {
    const { registry } = registered(WEBHOOKS.slack.url);
    const line = "GET /api/v2/hooks/services/bot/hook open-apis IncomingWebhook 2016-06-01";
    expect(registry.redact(line)).toBe(line);
    const all = new SecretRegistry();
    for (const hook of Object.values(WEBHOOKS)) {
      collectTargets({ ...INPUTS, "webhook-url": hook.url }, undefined, {}, all);
    }
    expect(all.redact(line)).toBe(line);
  });

  it("registers the same pieces for a URL the config file names by variable", () => {
    const forms: string[] = [];
    const registry = new SecretRegistry((form) => forms.push(form));
    collectTargets(
      INPUTS,
      { slack: { "webhook-url-env": "SLACK_WEBHOOK_URL" } },
      { SLACK_WEBHOOK_URL: WEBHOOKS.slack.url },
      registry,
    );
    expect(forms).not.toContain("services");
    expect(registry.redact(`retrying ${SLACK_TOKEN}`)).toBe("retrying ***");
  });

  it("takes a malformed percent-encoding in a path as it is", () => {
    const parts = secretPartsOfUrl(new URL("https://hooks.example.com/hooks/%E0%A4%A-secret99"));
    expect(parts).toContain("%E0%A4%A-secret99");
  });
});
