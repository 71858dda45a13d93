/**
 * Microsoft Teams: an Adaptive Card in a message envelope, which both Teams Workflows
 * webhooks and the older incoming webhooks accept.
 */
import type { Message, Tone } from "../message.js";
import type { NotificationTarget } from "./target.js";
import { httpRefusal, jsonRequest } from "./target.js";

const TITLE_COLOURS: Record<Tone, string> = {
  good: "Good",
  bad: "Attention",
  warning: "Warning",
  neutral: "Accent",
};

export function adaptiveCard(message: Message): Record<string, unknown> {
  const body: unknown[] = [
    {
      type: "TextBlock",
      text: message.title,
      weight: "Bolder",
      size: "Medium",
      color: TITLE_COLOURS[message.tone],
      wrap: true,
    },
  ];
  if (message.text) body.push({ type: "TextBlock", text: message.text, wrap: true });
  if (message.facts.length > 0) {
    body.push({
      type: "FactSet",
      facts: message.facts.map((fact) => ({ title: fact.label, value: fact.value })),
    });
  }
  if (message.evidence.length > 0) {
    body.push({ type: "TextBlock", text: "Evidence", weight: "Bolder", wrap: true });
    body.push({
      type: "TextBlock",
      text: message.evidence.map((line) => `- ${line}`).join("\n"),
      wrap: true,
    });
  }
  return {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body,
    ...(message.links.length > 0
      ? {
          actions: message.links.map((link) => ({
            type: "Action.OpenUrl",
            title: link.text,
            url: link.url,
          })),
        }
      : {}),
  };
}

export function teamsTarget(webhookUrl: URL, events?: readonly string[]): NotificationTarget {
  return {
    name: "teams",
    events,
    prepare: (message) =>
      jsonRequest(webhookUrl, {
        type: "message",
        attachments: [
          {
            contentType: "application/vnd.microsoft.card.adaptive",
            contentUrl: null,
            content: adaptiveCard(message),
          },
        ],
      }),
    refusal: httpRefusal,
  };
}
