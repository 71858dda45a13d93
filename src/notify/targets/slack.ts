/**
 * Slack: an incoming webhook (answers `ok` as text) or a bot token with chat.postMessage
 * (answers 200 with `{ok: false, error}` when it refuses). Block Kit for the layout, with
 * `text` as the notification fallback.
 */
import type { Message } from "../message.js";
import type { NotificationTarget, ReceivedResponse } from "./target.js";
import { excerpt, httpRefusal, jsonBody, jsonRequest } from "./target.js";

/** Slack mrkdwn treats only these three characters specially. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function slackBlocks(message: Message): unknown[] {
  const blocks: unknown[] = [
    {
      type: "header",
      text: { type: "plain_text", text: message.title.slice(0, 150), emoji: true },
    },
  ];
  if (message.text) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(message.text) } });
  }
  if (message.facts.length > 0) {
    blocks.push({
      type: "section",
      // Slack allows at most 10 fields in a section.
      fields: message.facts.slice(0, 10).map((fact) => ({
        type: "mrkdwn",
        text: `*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`,
      })),
    });
  }
  if (message.evidence.length > 0) {
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*Evidence*\n${message.evidence.map((line) => `• ${escapeMrkdwn(line)}`).join("\n")}`,
      },
    });
  }
  if (message.links.length > 0) {
    blocks.push({
      type: "actions",
      elements: message.links.map((link) => ({
        type: "button",
        text: { type: "plain_text", text: link.text },
        url: link.url,
      })),
    });
  }
  return blocks;
}

export function slackWebhookTarget(
  webhookUrl: URL,
  events?: readonly string[],
): NotificationTarget {
  return {
    name: "slack",
    events,
    prepare: (message) =>
      jsonRequest(webhookUrl, { text: message.title, blocks: slackBlocks(message) }),
    refusal: httpRefusal,
  };
}

export function slackBotTarget(options: {
  token: string;
  channel: string;
  apiUrl: URL;
  events?: readonly string[] | undefined;
}): NotificationTarget {
  const url = new URL(
    "chat.postMessage",
    options.apiUrl.href.endsWith("/") ? options.apiUrl : `${options.apiUrl.href}/`,
  );
  return {
    name: "slack",
    events: options.events,
    prepare: (message) =>
      jsonRequest(
        url,
        { channel: options.channel, text: message.title, blocks: slackBlocks(message) },
        { authorization: `Bearer ${options.token}` },
      ),
    refusal: (response: ReceivedResponse) => {
      const http = httpRefusal(response);
      if (http) return http;
      const body = jsonBody(response);
      if (body?.["ok"] === true) return undefined;
      return `Slack refused the message: ${typeof body?.["error"] === "string" ? body["error"] : excerpt(response.body)}`;
    },
  };
}
