/**
 * Which targets to notify, from the action's inputs and the config file's `notifications`
 * section. An input wins over the file for its target. The file names environment
 * variables; their values are credentials and are registered as secrets on read.
 */
import { ConfigurationError } from "../core/errors.js";
import type { SecretRegistry } from "../core/secrets.js";
import { credentialsInUrls } from "../core/secrets.js";
import type { NotificationsConfig } from "./config-schema.js";
import { dingtalkTarget } from "./targets/dingtalk.js";
import { larkTarget } from "./targets/lark.js";
import { PAGERDUTY_EVENTS_URL, pagerdutyTarget } from "./targets/pagerduty.js";
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

/**
 * Readable path segments and query values: words (`services`, `open-apis`, `IncomingWebhook`,
 * `webhookb2`) and short numbers (a date, a version). A webhook's secret is a random token,
 * never one of these; masking them would mangle every log line that mentions the word.
 */
const READABLE = /^[A-Za-z]?[a-z]+(?:[-_.]?[A-Za-z][a-z]+)*\d?$|^[\d.-]{1,15}$/;

/** Whether a path segment or query value could be a credential on its own. */
function looksLikeCredential(part: string): boolean {
  return part.length >= 8 && !part.includes("/") && !READABLE.test(part);
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The pieces of a webhook URL that are secret on their own, to be masked: the whole URL, its
 * credentials (user info, query parameters named like credentials), its random-looking path
 * segments and query values (the token in /services/T…/B…/<token>), and its path and query.
 * Never a readable segment such as `services`, `api` or `v2`.
 */
export function secretPartsOfUrl(url: URL): string[] {
  const pieces = [
    ...url.pathname.split("/").flatMap((segment) => [segment, decoded(segment)]),
    ...url.searchParams.values(),
  ].filter(looksLikeCredential);
  const credentials = credentialsInUrls(url.href);
  const parts = new Set([url.href, ...credentials, ...pieces]);
  // The path and query name this webhook when they hold a token, or are long enough to be its
  // own (Zapier's /hooks/catch/1234567/abcdefg/); a short route such as /api or /v2/hook is not.
  const pathAndQuery = `${url.pathname}${url.search}`;
  if (
    pathAndQuery.length >= 16 ||
    [...credentials, ...pieces].some((part) => pathAndQuery.includes(part))
  )
    parts.add(pathAndQuery);
  return [...parts];
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

/** Where each target's settings come from: an input, else a variable the config file names. */
class Sources {
  constructor(
    readonly inputs: TargetInputs,
    readonly config: NotificationsConfig | undefined,
    private readonly env: Record<string, string | undefined>,
    readonly secrets: SecretRegistry,
  ) {}

  input(name: keyof TargetInputs): Found {
    const value = this.inputs[name];
    return value ? { value, source: `Input "${name}"` } : undefined;
  }

  variable(target: string, key: string, variable: string | undefined): Found {
    if (!variable) return undefined;
    const value = this.env[variable];
    const source = `Environment variable ${variable} (named by notifications.${target}.${key} in the config file)`;
    if (!value) {
      throw new ConfigurationError(
        `${source} is not set; pass it to the step, e.g. env: ${variable}: \${{ secrets.${variable} }}.`,
      );
    }
    this.secrets.add(value);
    return { value, source };
  }

  url(found: NonNullable<Found>): URL {
    return credentialUrl(found.value, found.source, this.secrets);
  }
}

function slackTargets(from: Sources): NotificationTarget[] {
  const config = from.config?.slack;
  const byInput = from.input("slack-webhook-url") ?? from.input("slack-token");
  const webhook = byInput
    ? from.input("slack-webhook-url")
    : from.variable("slack", "webhook-url-env", config?.["webhook-url-env"]);
  const token = byInput
    ? from.input("slack-token")
    : from.variable("slack", "token-env", config?.["token-env"]);
  if (webhook && token) {
    throw new ConfigurationError(
      `Inputs "slack-webhook-url" and "slack-token" are both set; give one of them (a token also needs slack-channel).`,
    );
  }
  if (webhook) return [slackWebhookTarget(from.url(webhook), config?.events)];
  if (!token) return [];
  const channel = from.inputs["slack-channel"] ?? config?.channel;
  if (!channel) {
    throw new ConfigurationError(
      `Input "slack-channel" is required with a Slack bot token; give a channel such as #deploys or its id.`,
    );
  }
  const apiUrl = plainUrl(from.inputs["slack-api-url"], "slack-api-url");
  return [slackBotTarget({ token: token.value, channel, apiUrl, events: config?.events })];
}

const URL_OWNER = {
  lark: "bot's webhook",
  dingtalk: "robot's webhook",
  webhook: "webhook's",
} as const;

/** A target with a URL and an optional signing secret: Lark, DingTalk, the generic webhook. */
function signedTarget(
  from: Sources,
  name: "lark" | "dingtalk" | "webhook",
  urlInput: "lark-webhook-url" | "dingtalk-webhook-url" | "webhook-url",
  secretInput: "lark-secret" | "dingtalk-secret" | "webhook-secret",
): { url: URL; secret: string | undefined; events: readonly string[] | undefined } | undefined {
  const config = from.config?.[name];
  const [urlKey, variable] =
    name === "webhook"
      ? ["url-env", from.config?.webhook?.["url-env"]]
      : ["webhook-url-env", from.config?.[name]?.["webhook-url-env"]];
  const url = from.input(urlInput) ?? from.variable(name, urlKey, variable);
  if (!url) {
    if (from.inputs[secretInput]) {
      throw new ConfigurationError(
        `Input "${secretInput}" is set but "${urlInput}" is not; give the ${URL_OWNER[name]} URL too.`,
      );
    }
    return undefined;
  }
  const secret =
    from.inputs[secretInput] ?? from.variable(name, "secret-env", config?.["secret-env"])?.value;
  return { url: from.url(url), secret, events: config?.events };
}

export function collectTargets(
  inputs: TargetInputs,
  config: NotificationsConfig | undefined,
  env: Record<string, string | undefined>,
  secrets: SecretRegistry,
): NotificationTarget[] {
  const from = new Sources(inputs, config, env, secrets);
  const targets = slackTargets(from);
  const lark = signedTarget(from, "lark", "lark-webhook-url", "lark-secret");
  if (lark)
    targets.push(larkTarget({ webhookUrl: lark.url, secret: lark.secret, events: lark.events }));
  const ding = signedTarget(from, "dingtalk", "dingtalk-webhook-url", "dingtalk-secret");
  if (ding)
    targets.push(
      dingtalkTarget({ webhookUrl: ding.url, secret: ding.secret, events: ding.events }),
    );
  const teams =
    from.input("teams-webhook-url") ??
    from.variable("teams", "webhook-url-env", config?.teams?.["webhook-url-env"]);
  if (teams) targets.push(teamsTarget(from.url(teams), config?.teams?.events));
  const hook = signedTarget(from, "webhook", "webhook-url", "webhook-secret");
  if (hook)
    targets.push(webhookTarget({ url: hook.url, secret: hook.secret, events: hook.events }));
  const pd = config?.pagerduty;
  const routingKey =
    from.input("pagerduty-routing-key") ??
    from.variable("pagerduty", "routing-key-env", pd?.["routing-key-env"]);
  if (routingKey) {
    targets.push(
      pagerdutyTarget({
        routingKey: routingKey.value,
        // The input's default is the US endpoint; the config may name another (the EU region).
        url: plainUrl(
          inputs["pagerduty-url"] === PAGERDUTY_EVENTS_URL && pd?.url
            ? pd.url
            : inputs["pagerduty-url"],
          "pagerduty-url",
        ),
        dedupKey: inputs["pagerduty-dedup-key"] ?? pd?.["dedup-key"],
        rollbackSeverity: pd?.severity,
        events: pd?.events,
      }),
    );
  }
  return targets;
}
