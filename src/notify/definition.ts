/**
 * notify's inputs: the event (status, kind, environment, services, …, with the run's own
 * facts as defaults), the targets (inputs, or the config file's notifications section),
 * the template, and the delivery policy. All validated before anything is sent.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import type { RunContext } from "../core/action.js";
import { defineAction } from "../core/action.js";
import { readCiFacts } from "../core/ci-facts.js";
import { ConfigurationError } from "../core/errors.js";
import {
  booleanInput,
  countInput,
  durationInput,
  timerDurationInput,
  listInput,
  structuredInput,
} from "../core/inputs.js";
import { DEFAULT_CONFIG_PATH, loadConfig } from "../config/load.js";
import { connectGitHub } from "../core/github/connect.js";
import {
  githubAuthFromInputs,
  githubAuthInputShape,
  githubAuthSecretInputs,
} from "../core/github/inputs.js";
import { parseRepositoryName } from "../core/github/repository.js";
import type { NotificationsConfig } from "./config-schema.js";
import type { DeploymentEvent } from "./event.js";
import { evidenceLines } from "./evidence.js";
import type { DeploymentRecorder } from "./github-deployments.js";
import { GitHubDeploymentRecorder } from "./github-deployments.js";
import { sendWith } from "../core/http/http-client.js";
import { EVENT_KINDS, EVENT_STATUSES } from "./event.js";
import type { NotifyResult } from "./main.js";
import { notify } from "./main.js";
import type { MessageTemplate } from "./message.js";
import { DEFAULT_TEMPLATE, PLACEHOLDERS, unknownPlaceholders } from "./message.js";
import { NO_TARGETS, notifyReport, notifySummary } from "./summary.js";
import { collectTargets } from "./target-settings.js";
import { PAGERDUTY_EVENTS_URL } from "./targets/pagerduty.js";

const templateInput = structuredInput.transform((value, ctx): Partial<MessageTemplate> => {
  const parsed = z
    .strictObject({ title: z.string().optional(), text: z.string().optional() })
    .safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({
      code: "custom",
      message:
        "must be a map with title and/or text, such as {title: '{{headline}}', text: '{{details}}'}",
    });
    return z.NEVER;
  }
  return parsed.data;
});

const timeInput = z.string().transform((value, ctx) => {
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed);
  if (Number.isNaN(ms)) {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not a time; give ISO 8601 (2026-05-01T12:00:00Z) or Unix seconds`,
    });
    return z.NEVER;
  }
  return ms;
});

const inputShape = {
  // Through z.string() first, so a missing status reads "is required", not "must be one of".
  status: z
    .string()
    .pipe(z.enum(EVENT_STATUSES, { error: `must be one of ${EVENT_STATUSES.join(", ")}` })),
  kind: z
    .string()
    .pipe(z.enum(EVENT_KINDS, { error: `must be one of ${EVENT_KINDS.join(", ")}` }))
    .default("deploy"),
  environment: z.string().trim().min(1, { error: "must name the environment, such as production" }),
  services: listInput.optional(),
  version: z.string().trim().optional(),
  repository: z.string().trim().optional(),
  commit: z.string().trim().optional(),
  branch: z.string().trim().optional(),
  actor: z.string().trim().optional(),
  "run-url": z.string().trim().optional(),
  "pr-url": z.string().trim().optional(),
  "started-at": timeInput.optional(),
  duration: durationInput.optional(),
  evidence: z.string().transform(evidenceLines).optional(),
  template: templateInput.optional(),
  "slack-webhook-url": z.string().optional(),
  "slack-token": z.string().optional(),
  "slack-channel": z.string().trim().optional(),
  "slack-api-url": z.string().default("https://slack.com/api"),
  "lark-webhook-url": z.string().optional(),
  "lark-secret": z.string().optional(),
  "dingtalk-webhook-url": z.string().optional(),
  "dingtalk-secret": z.string().optional(),
  "teams-webhook-url": z.string().optional(),
  "webhook-url": z.string().optional(),
  "webhook-secret": z.string().optional(),
  "pagerduty-routing-key": z.string().optional(),
  "pagerduty-dedup-key": z.string().trim().optional(),
  "pagerduty-url": z.string().default(PAGERDUTY_EVENTS_URL),
  "github-deployments": booleanInput.optional(),
  ...githubAuthInputShape,
  "config-file": z.string().optional(),
  "fail-on-error": booleanInput.optional(),
  attempts: countInput(20)
    .refine((n) => n >= 1, { message: "must be at least 1" })
    .default(4),
  timeout: timerDurationInput.default(10_000),
  "max-retry-wait": timerDurationInput.default(60_000),
  "ca-file": z.string().optional(),
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

export const NOTIFY_SECRET_INPUTS = [
  "slack-webhook-url",
  "slack-token",
  "lark-webhook-url",
  "lark-secret",
  "dingtalk-webhook-url",
  "dingtalk-secret",
  "teams-webhook-url",
  "webhook-url",
  "webhook-secret",
  "pagerduty-routing-key",
  ...githubAuthSecretInputs,
] as const;

function eventFrom(params: Inputs, context: RunContext): DeploymentEvent {
  const env = context.env;
  const now = context.clock.now();
  const durationMs =
    params.duration ??
    (params["started-at"] !== undefined
      ? Math.max(0, now.getTime() - params["started-at"])
      : undefined);
  const ci = readCiFacts(env, {
    ...(params.repository ? { repository: params.repository } : {}),
    ...(params.commit ? { commit: params.commit } : {}),
    ...(params.branch ? { branch: params.branch } : {}),
    ...(params.actor ? { actor: params.actor } : {}),
    ...(params["run-url"] ? { runUrl: params["run-url"] } : {}),
  });
  return {
    kind: params.kind,
    status: params.status,
    environment: params.environment,
    services: params.services ?? [],
    version: params.version,
    repository: ci.repository,
    commit: ci.commit,
    branch: ci.branch,
    actor: ci.actor,
    durationMs,
    runUrl: ci.runUrl,
    runName: ci.runName,
    prUrl: params["pr-url"],
    evidence: params.evidence ?? [],
    at: now.toISOString(),
  };
}

function templateFrom(params: Inputs, config: NotificationsConfig | undefined): MessageTemplate {
  const source = params.template ? 'Input "template"' : "notifications.template in the config file";
  const given = params.template ?? config?.template ?? {};
  const template = {
    ...DEFAULT_TEMPLATE,
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
  };
  const unknown = [...unknownPlaceholders(template.title), ...unknownPlaceholders(template.text)];
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `${source} uses the unknown placeholder {{${unknown[0]}}}; use one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}.`,
    );
  }
  return template;
}

async function readCa(path: string | undefined, cwd: string): Promise<string | undefined> {
  if (!path) return undefined;
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch {
    throw new ConfigurationError(
      `Input "ca-file" names ${path}, which cannot be read; give a PEM file relative to the workspace.`,
    );
  }
}

/** Records the event as a GitHub deployment status in the application repository. */
async function deploymentRecorder(
  params: Inputs,
  event: DeploymentEvent,
  context: RunContext,
): Promise<{ recorder: DeploymentRecorder; revoke(): Promise<void> }> {
  // Only a GitHub repository has deployments: another CI system's project path is not one.
  const name = params.repository ?? context.env["GITHUB_REPOSITORY"];
  if (!name || !event.commit) {
    throw new ConfigurationError(
      `Input "github-deployments" needs the repository and the commit; run in GitHub Actions (which sets GITHUB_REPOSITORY and GITHUB_SHA) or give repository and commit.`,
    );
  }
  const repository = parseRepositoryName(name);
  const client = await connectGitHub({
    ...githubAuthFromInputs(params),
    repository: name,
    permissions: { deployments: "write" },
    logger: context.logger,
    clock: context.clock,
    secrets: context.secrets,
    env: context.env,
    ...(context.signal ? { signal: context.signal } : {}),
  });
  // An App installation token is revoked as soon as the statuses are written: nothing else needs it.
  return {
    recorder: new GitHubDeploymentRecorder(client.octokit, repository),
    revoke: () => client.revoke(),
  };
}

/** The one line notify logs (and summarises) when it has nowhere to send the event. */
export function noTargetsNotice(configPath: string): string {
  return `${NO_TARGETS}; to send one, name a target in the notifications section of ${configPath} or give a target input such as slack-webhook-url.`;
}

function isDefaultConfigPath(path: string): boolean {
  return path.replace(/^\.\//, "") === DEFAULT_CONFIG_PATH;
}

export const notifyAction = defineAction({
  name: "notify",
  inputs,
  secretInputs: NOTIFY_SECRET_INPUTS,
  async run(params: Inputs, context) {
    // The default path is optional even when named explicitly: reusable workflows pass it.
    const configFile = params["config-file"];
    const config = await loadConfig({
      cwd: context.cwd,
      ...(configFile ? { path: configFile, required: !isDefaultConfigPath(configFile) } : {}),
    });
    const notifications = config?.notifications;
    const targets = collectTargets(params, notifications, context.env, context.secrets);
    const event = eventFrom(params, context);
    const recordDeployments =
      params["github-deployments"] ?? notifications?.["github-deployments"] ?? false;
    // No targets is a team that has not set up notifications yet, not a mistake: the reusable
    // workflows call notify for everyone, and their job must not turn red for it.
    if (targets.length === 0 && !recordDeployments) {
      context.logger.info(noTargetsNotice(configFile ?? DEFAULT_CONFIG_PATH));
    }
    const template = templateFrom(params, notifications);
    const ca = await readCa(params["ca-file"], context.cwd);
    // Last: with a GitHub App this already talks to GitHub, so every input is checked first.
    const github = recordDeployments ? await deploymentRecorder(params, event, context) : undefined;
    let result: NotifyResult;
    try {
      result = await notify(
        {
          event,
          template,
          targets,
          deployments: github?.recorder,
          policy: {
            attempts: params.attempts,
            timeoutMs: params.timeout,
            maxRetryWaitMs: params["max-retry-wait"],
            ca,
          },
        },
        {
          clock: context.clock,
          logger: context.logger,
          secrets: context.secrets,
          send: sendWith({ env: context.env }),
          signal: context.signal,
        },
      );
    } finally {
      await github?.revoke().catch(() => undefined);
    }
    const failOnError = params["fail-on-error"] ?? notifications?.["fail-on-error"] ?? false;
    const failure =
      failOnError && result.failed.length > 0
        ? `Notification failed for ${result.failed.join(", ")}: ${result.outcomes
            .filter((o) => o.result === "failed")
            .map((o) => `${o.target}: ${o.reason ?? "failed"}`)
            .join("; ")}`
        : undefined;
    return {
      outputs: {
        delivered: JSON.stringify(result.delivered),
        failed: JSON.stringify(result.failed),
        report: notifyReport(result),
      },
      summary: notifySummary(result),
      ...(failure ? { failure } : {}),
    };
  },
});
