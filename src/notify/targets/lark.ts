/**
 * Lark / Feishu custom bots: an interactive card. With signature verification enabled the
 * body carries `timestamp` (seconds) and `sign`; the bot answers 200 with a non-zero
 * `code` when it refuses (a wrong signature, a stale timestamp, a keyword mismatch).
 */
import type { Message, Tone } from "../message.js";
import { larkSignature } from "../signatures.js";
import type { NotificationTarget, ReceivedResponse } from "./target.js";
import { excerpt, httpRefusal, jsonBody, jsonRequest } from "./target.js";

const HEADER_COLOURS: Record<Tone, string> = {
  good: "green",
  bad: "red",
  warning: "orange",
  neutral: "blue",
};

export function larkCard(message: Message): Record<string, unknown> {
  const elements: unknown[] = [];
  if (message.text) elements.push({ tag: "div", text: { tag: "lark_md", content: message.text } });
  if (message.facts.length > 0) {
    elements.push({
      tag: "div",
      fields: message.facts.map((fact) => ({
        is_short: true,
        text: { tag: "lark_md", content: `**${fact.label}**\n${fact.value}` },
      })),
    });
  }
  if (message.evidence.length > 0) {
    elements.push({
      tag: "div",
      text: {
        tag: "lark_md",
        content: `**Evidence**\n${message.evidence.map((line) => `- ${line}`).join("\n")}`,
      },
    });
  }
  if (message.links.length > 0) {
    elements.push({
      tag: "action",
      actions: message.links.map((link) => ({
        tag: "button",
        text: { tag: "plain_text", content: link.text },
        type: "default",
        url: link.url,
      })),
    });
  }
  return {
    config: { wide_screen_mode: true },
    header: {
      title: { tag: "plain_text", content: message.title },
      template: HEADER_COLOURS[message.tone],
    },
    elements,
  };
}

export function larkTarget(options: {
  webhookUrl: URL;
  secret?: string | undefined;
  events?: readonly string[] | undefined;
}): NotificationTarget {
  return {
    name: "lark",
    events: options.events,
    prepare: (message, _event, now) => {
      const timestamp = Math.floor(now.getTime() / 1000);
      const signed = options.secret
        ? { timestamp: String(timestamp), sign: larkSignature(options.secret, timestamp) }
        : {};
      return jsonRequest(options.webhookUrl, {
        ...signed,
        msg_type: "interactive",
        card: larkCard(message),
      });
    },
    refusal: (response: ReceivedResponse) => {
      const http = httpRefusal(response);
      if (http) return http;
      const body = jsonBody(response);
      // Older Lark endpoints answer StatusCode/StatusMessage instead of code/msg.
      const code = body?.["code"] ?? body?.["StatusCode"];
      if (code === 0) return undefined;
      const why = body?.["msg"] ?? body?.["StatusMessage"];
      return `Lark refused the message: ${typeof why === "string" ? `${why} (code ${String(code)})` : excerpt(response.body)}`;
    },
  };
}
