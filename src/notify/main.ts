/**
 * notify: renders the deployment event once, then delivers it to every target at the same
 * time, each with its own retries. A target that fails never stops the others; whether
 * failures fail the step is the caller's choice (fail-on-error).
 */
import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { HttpSend } from "../core/http/http-client.js";
import type { DeliveryOutcome, DeliveryPolicy } from "./delivery.js";
import { deliver } from "./delivery.js";
import type { DeploymentEvent } from "./event.js";
import type { DeploymentRecorder } from "./github-deployments.js";
import type { Message, MessageTemplate } from "./message.js";
import { renderMessage } from "./message.js";
import type { NotificationTarget } from "./targets/target.js";

export interface NotifyParams {
  event: DeploymentEvent;
  template?: MessageTemplate | undefined;
  targets: NotificationTarget[];
  policy: DeliveryPolicy;
  /** Also records the event as a GitHub deployment status (reported as the target `github`). */
  deployments?: DeploymentRecorder | undefined;
}

export interface NotifyDeps {
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
  /** The HTTP client: the action passes one that honours the proxy settings; tests, a fake. */
  send: HttpSend;
  signal?: AbortSignal | undefined;
}

export interface NotifyResult {
  message: Message;
  outcomes: DeliveryOutcome[];
  delivered: string[];
  failed: string[];
  skipped: string[];
}

function wants(target: NotificationTarget, event: DeploymentEvent): boolean {
  return (
    !target.events || target.events.includes(event.kind) || target.events.includes(event.status)
  );
}

async function recordDeployment(
  recorder: DeploymentRecorder,
  event: DeploymentEvent,
  message: Message,
  deps: NotifyDeps,
): Promise<DeliveryOutcome> {
  try {
    const { id, state } = await recorder.record(event, message);
    deps.logger.info(`github: deployment ${id} is ${state}`);
    return { target: "github", result: "delivered", attempts: 1, waitsMs: [] };
  } catch (error) {
    const reason = deps.secrets.redact(error instanceof Error ? error.message : String(error));
    deps.logger.warning(`github: deployment status not recorded: ${reason}`);
    return { target: "github", result: "failed", attempts: 1, waitsMs: [], reason };
  }
}

export async function notify(params: NotifyParams, deps: NotifyDeps): Promise<NotifyResult> {
  const message = renderMessage(params.event, params.template);
  const deliveries = params.targets.map(async (target): Promise<DeliveryOutcome> => {
    if (!wants(target, params.event)) {
      return {
        target: target.name,
        result: "skipped",
        attempts: 0,
        waitsMs: [],
        reason: "not subscribed to this event",
      };
    }
    const outcome = await deliver(target, message, params.event, params.policy, {
      send: deps.send,
      clock: deps.clock,
      logger: deps.logger,
      redact: (text) => deps.secrets.redact(text),
      signal: deps.signal,
    });
    if (outcome.result === "delivered") deps.logger.info(`${target.name}: delivered`);
    if (outcome.result === "failed") {
      deps.logger.warning(`${target.name}: not delivered: ${outcome.reason ?? "failed"}`);
    }
    return outcome;
  });
  if (params.deployments)
    deliveries.push(recordDeployment(params.deployments, params.event, message, deps));
  const outcomes = await Promise.all(deliveries);
  const named = (result: DeliveryOutcome["result"]) =>
    outcomes.filter((o) => o.result === result).map((o) => o.target);
  return {
    message,
    outcomes,
    delivered: named("delivered"),
    failed: named("failed"),
    skipped: named("skipped"),
  };
}
