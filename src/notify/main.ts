/**
 * notify: renders the deployment event once, then delivers it to every target at the same
 * time, each with its own retries. A target that fails never stops the others; whether
 * failures fail the step is the caller's choice (fail-on-error).
 */
import type { Clock } from "../core/clock.js";
import type { Logger } from "../core/logger.js";
import type { SecretRegistry } from "../core/secrets.js";
import type { HttpSend } from "../verify/http-client.js";
import { send as httpSend } from "../verify/http-client.js";
import type { DeliveryOutcome, DeliveryPolicy } from "./delivery.js";
import { deliver } from "./delivery.js";
import type { DeploymentEvent } from "./event.js";
import type { Message, MessageTemplate } from "./message.js";
import { renderMessage } from "./message.js";
import type { NotificationTarget } from "./targets/target.js";

export interface NotifyParams {
  event: DeploymentEvent;
  template?: MessageTemplate | undefined;
  targets: NotificationTarget[];
  policy: DeliveryPolicy;
}

export interface NotifyDeps {
  clock: Clock;
  logger: Logger;
  secrets: SecretRegistry;
  /** The HTTP client; tests may pass a fake. */
  send?: HttpSend;
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

export async function notify(params: NotifyParams, deps: NotifyDeps): Promise<NotifyResult> {
  const message = renderMessage(params.event, params.template);
  const send = deps.send ?? httpSend;
  const outcomes = await Promise.all(
    params.targets.map(async (target): Promise<DeliveryOutcome> => {
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
        send,
        clock: deps.clock,
        logger: deps.logger,
        redact: (text) => deps.secrets.redact(text),
        signal: deps.signal,
      });
      if (outcome.result === "delivered") deps.logger.info(`${target.name}: delivered`);
      if (outcome.result === "failed")
        deps.logger.warning(`${target.name}: not delivered: ${outcome.reason ?? "failed"}`);
      return outcome;
    }),
  );
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
