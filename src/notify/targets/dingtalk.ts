/**
 * DingTalk custom robots: markdown. With signing enabled the timestamp (milliseconds) and
 * the URL-encoded signature travel in the query; the robot answers 200 with a non-zero
 * `errcode` when it refuses.
 */
import type { Message } from "../message.js";
import { dingtalkSignature } from "../signatures.js";
import type { NotificationTarget, ReceivedResponse } from "./target.js";
import { excerpt, httpRefusal, jsonBody, jsonRequest } from "./target.js";

export function dingtalkMarkdown(message: Message): { title: string; text: string } {
  const lines = [`### ${message.title}`];
  if (message.text) lines.push("", message.text);
  if (message.facts.length > 0) {
    lines.push("", ...message.facts.map((fact) => `- **${fact.label}**: ${fact.value}`));
  }
  if (message.evidence.length > 0) {
    lines.push("", "**Evidence**", "", ...message.evidence.map((line) => `- ${line}`));
  }
  if (message.links.length > 0) {
    lines.push("", message.links.map((link) => `[${link.text}](${link.url})`).join(" · "));
  }
  return { title: message.title, text: lines.join("\n") };
}

/** The webhook URL with `timestamp` and `sign` appended (URLSearchParams URL-encodes the sign). */
export function signedDingtalkUrl(webhookUrl: URL, secret: string, timestampMs: number): URL {
  const url = new URL(webhookUrl.href);
  url.searchParams.set("timestamp", String(timestampMs));
  url.searchParams.set("sign", dingtalkSignature(secret, timestampMs));
  return url;
}

export function dingtalkTarget(options: {
  webhookUrl: URL;
  secret?: string | undefined;
  events?: readonly string[] | undefined;
}): NotificationTarget {
  return {
    name: "dingtalk",
    events: options.events,
    prepare: (message, _event, now) => {
      const url = options.secret
        ? signedDingtalkUrl(options.webhookUrl, options.secret, now.getTime())
        : options.webhookUrl;
      return jsonRequest(url, { msgtype: "markdown", markdown: dingtalkMarkdown(message) });
    },
    refusal: (response: ReceivedResponse) => {
      const http = httpRefusal(response);
      if (http) return http;
      const body = jsonBody(response);
      if (body?.["errcode"] === 0) return undefined;
      const why = body?.["errmsg"];
      return `DingTalk refused the message: ${typeof why === "string" ? `${why} (errcode ${String(body?.["errcode"])})` : excerpt(response.body)}`;
    },
  };
}
