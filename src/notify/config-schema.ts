/**
 * The `notifications` section of the config file. Webhook URLs, tokens and signing secrets
 * are credentials, so the file names the environment variables that hold them (set from
 * repository secrets in the workflow), never the values.
 */
import { z } from "zod";
import { EVENT_KINDS, EVENT_STATUSES } from "./event.js";

// A new schema for each field: descriptions attach to schema instances (zod's registry), so
// one shared instance would carry the last field's description into every other field.
const envName = () =>
  z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "name an environment variable such as SLACK_WEBHOOK_URL");

/** PagerDuty's alert severities (Events API v2 payload.severity). */
export const PAGERDUTY_SEVERITIES = ["critical", "error", "warning", "info"] as const;

/** Kinds and statuses a target wants; every event when absent. */
const events = z
  .array(z.enum([...EVENT_KINDS, ...EVENT_STATUSES]))
  .min(1)
  .optional();

export const notificationsSchema = z.strictObject({
  slack: z
    .strictObject({
      "webhook-url-env": envName().optional(),
      "token-env": envName().optional(),
      channel: z.string().min(1).optional(),
      events,
    })
    .refine(
      (s) => Boolean(s["webhook-url-env"]) !== Boolean(s["token-env"]),
      "give either webhook-url-env or token-env (with channel)",
    )
    .refine(
      (s) => !s["token-env"] || Boolean(s.channel),
      "token-env needs a channel, such as #deploys",
    )
    .optional(),
  lark: z
    .strictObject({ "webhook-url-env": envName(), "secret-env": envName().optional(), events })
    .optional(),
  dingtalk: z
    .strictObject({ "webhook-url-env": envName(), "secret-env": envName().optional(), events })
    .optional(),
  teams: z.strictObject({ "webhook-url-env": envName(), events }).optional(),
  webhook: z
    .strictObject({ "url-env": envName(), "secret-env": envName().optional(), events })
    .optional(),
  pagerduty: z
    .strictObject({
      "routing-key-env": envName(),
      "dedup-key": z.string().min(1).optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
      severity: z.enum(PAGERDUTY_SEVERITIES).optional(),
      events,
    })
    .optional(),
  template: z
    .strictObject({ title: z.string().min(1).optional(), text: z.string().optional() })
    .optional(),
  "fail-on-error": z.boolean().optional(),
  "github-deployments": z.boolean().optional(),
});

export type NotificationsConfig = z.output<typeof notificationsSchema>;
