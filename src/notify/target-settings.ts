/**
 * Which targets to notify, from the action's inputs and the config file's `notifications`
 * section. An input wins over the file for its target. The file names environment
 * variables; their values are credentials and are registered as secrets on read.
 */
import { ConfigurationError } from "../core/errors.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { NotificationsConfig } from "./config-schema.js";
import { dingtalkTarget } from "./targets/dingtalk.js";
import { larkTarget } from "./targets/lark.js";
import { pagerdutyTarget } from "./targets/pagerduty.js";
import { slackBotTarget, slackWebhookTarget } from "./targets/slack.js";
import type { NotificationTarget } from "./targets/target.js";
import { teamsTarget } from "./targets/teams.js";
import { webhookTarget } from "./targets/webhook.js";

export interface TargetInputs {
  "slack-webhook-url"?: string | undefined;
  "slack-token"?: string | undefined;
  "slack-channel"?: string | undefined;
  "slack-api-url": string;
  "lark-webhook-url"?: string | undefined;
  "lark-secret"?: string | undefined;
  "dingtalk-webhook-url"?: string | undefined;
  "dingtalk-secret"?: string | undefined;
  "teams-webhook-url"?: string | undefined;
  "webhook-url"?: string | undefined;
  "webhook-secret"?: string | undefined;
  "pagerduty-routing-key"?: string | undefined;
  "pagerduty-dedup-key"?: string | undefined;
  "pagerduty-url": string;
}

/** Every piece of a URL that could identify it on its own: path segments and query values. */
export function secretPartsOfUrl(url: URL): string[] {
  const parts = [url.href, `${url.pathname}${url.search}`];
  for (const segment of url.pathname.split("/"))
    if (segment.length >= 8) parts.push(decodeURIComponent(segment));
  for (const value of url.searchParams.values()) if (value.length >= 8) parts.push(value);
  if (url.password) parts.push(decodeURIComponent(url.password));
  return parts;
}

/**
 * Parses a credential URL. The message never repeats the value: it is a secret, and a
 * malformed one is still a secret.
 */
function credentialUrl(value: string, source: string, secrets: SecretRegistry): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigurationError(
      `${source} is not a URL; give the full webhook URL, starting with https://.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(
      `${source} is not an http(s) URL; give the full webhook URL, starting with https://.`,
    );
  }
  for (const part of secretPartsOfUrl(url)) secrets.add(part);
  return url;
}

function plainUrl(value: string, input: string): URL {
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return url;
  } catch {
    // Reported below, in one sentence.
  }
  throw new ConfigurationError(
    `Input "${input}" is not an http(s) URL; give one such as https://example.com/path.`,
  );
}

/** A credential, and how to name where it came from in a message. */
type Found = { value: string; source: string } | undefined;

function fromEnv(env: Record<string, string | undefined>, secrets: SecretRegistry, path: string) {
  return (variable: string | undefined, key: string): Found => {
    if (!variable) return undefined;
    const value = env[variable];
    const source = `Environment variable ${variable} (named by notifications.${path}.${key} in the config file)`;
    if (!value) {
      throw new ConfigurationError(
        `${source} is not set; pass it to the step, e.g. env: ${variable}: \${{ secrets.${variable} }}.`,
      );
    }
    secrets.add(value);
    return { value, source };
  };
}

export function collectTargets(
  inputs: TargetInputs,
  config: NotificationsConfig | undefined,
  env: Record<string, string | undefined>,
  secrets: SecretRegistry,
): NotificationTarget[] {
  const given = (name: keyof TargetInputs): Found => {
    const value = inputs[name];
    return value ? { value, source: `Input "${name}"` } : undefined;
  };
  const targets: NotificationTarget[] = [];

  const slackConfig = config?.slack;
  const slackEnv = fromEnv(env, secrets, "slack");
  const slackWebhook =
    given("slack-webhook-url") ??
    (given("slack-token")
      ? undefined
      : slackEnv(slackConfig?.["webhook-url-env"], "webhook-url-env"));
  const slackToken =
    given("slack-token") ??
    (given("slack-webhook-url") ? undefined : slackEnv(slackConfig?.["token-env"], "token-env"));
  if (slackWebhook && slackToken) {
    throw new ConfigurationError(
      `Inputs "slack-webhook-url" and "slack-token" are both set; give one of them (a token also needs slack-channel).`,
    );
  }
  if (slackWebhook) {
    targets.push(
      slackWebhookTarget(
        credentialUrl(slackWebhook.value, slackWebhook.source, secrets),
        slackConfig?.events,
      ),
    );
  }
  if (slackToken) {
    const channel = inputs["slack-channel"] ?? slackConfig?.channel;
    if (!channel) {
      throw new ConfigurationError(
        `Input "slack-channel" is required with a Slack bot token; give a channel such as #deploys or its id.`,
      );
    }
    targets.push(
      slackBotTarget({
        token: slackToken.value,
        channel,
        apiUrl: plainUrl(inputs["slack-api-url"], "slack-api-url"),
        events: slackConfig?.events,
      }),
    );
  }

  const lark = config?.lark;
  const larkEnv = fromEnv(env, secrets, "lark");
  const larkUrl =
    given("lark-webhook-url") ?? larkEnv(lark?.["webhook-url-env"], "webhook-url-env");
  if (larkUrl) {
    const secret = inputs["lark-secret"] ?? larkEnv(lark?.["secret-env"], "secret-env")?.value;
    targets.push(
      larkTarget({
        webhookUrl: credentialUrl(larkUrl.value, larkUrl.source, secrets),
        secret,
        events: lark?.events,
      }),
    );
  } else if (inputs["lark-secret"]) {
    throw new ConfigurationError(
      `Input "lark-secret" is set but "lark-webhook-url" is not; give the bot's webhook URL too.`,
    );
  }

  const ding = config?.dingtalk;
  const dingEnv = fromEnv(env, secrets, "dingtalk");
  const dingUrl =
    given("dingtalk-webhook-url") ?? dingEnv(ding?.["webhook-url-env"], "webhook-url-env");
  if (dingUrl) {
    const secret = inputs["dingtalk-secret"] ?? dingEnv(ding?.["secret-env"], "secret-env")?.value;
    targets.push(
      dingtalkTarget({
        webhookUrl: credentialUrl(dingUrl.value, dingUrl.source, secrets),
        secret,
        events: ding?.events,
      }),
    );
  } else if (inputs["dingtalk-secret"]) {
    throw new ConfigurationError(
      `Input "dingtalk-secret" is set but "dingtalk-webhook-url" is not; give the robot's webhook URL too.`,
    );
  }

  const teamsUrl =
    given("teams-webhook-url") ??
    fromEnv(env, secrets, "teams")(config?.teams?.["webhook-url-env"], "webhook-url-env");
  if (teamsUrl)
    targets.push(
      teamsTarget(credentialUrl(teamsUrl.value, teamsUrl.source, secrets), config?.teams?.events),
    );

  const hook = config?.webhook;
  const hookEnv = fromEnv(env, secrets, "webhook");
  const hookUrl = given("webhook-url") ?? hookEnv(hook?.["url-env"], "url-env");
  if (hookUrl) {
    const secret = inputs["webhook-secret"] ?? hookEnv(hook?.["secret-env"], "secret-env")?.value;
    targets.push(
      webhookTarget({
        url: credentialUrl(hookUrl.value, hookUrl.source, secrets),
        secret,
        events: hook?.events,
      }),
    );
  } else if (inputs["webhook-secret"]) {
    throw new ConfigurationError(
      `Input "webhook-secret" is set but "webhook-url" is not; give the webhook's URL too.`,
    );
  }

  const pd = config?.pagerduty;
  const routingKey =
    given("pagerduty-routing-key") ??
    fromEnv(env, secrets, "pagerduty")(pd?.["routing-key-env"], "routing-key-env");
  if (routingKey) {
    targets.push(
      pagerdutyTarget({
        routingKey: routingKey.value,
        url: plainUrl(inputs["pagerduty-url"], "pagerduty-url"),
        dedupKey: inputs["pagerduty-dedup-key"] ?? pd?.["dedup-key"],
        events: pd?.events,
      }),
    );
  }
  return targets;
}
