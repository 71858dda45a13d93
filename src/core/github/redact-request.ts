/**
 * What Greenlight writes into GitHub objects (deployment descriptions and payloads, status
 * descriptions, pull request and issue text, commit messages) stays there and is shown to
 * everyone with read access, so every known secret is redacted from it before it is sent.
 * File contents are left alone: changing them would corrupt a commit; they are checked
 * where they are made.
 */
import type { Octokit } from "@octokit/core";
import type { SecretRegistry } from "../secrets.js";

/** Request fields that carry text Greenlight composed, by their REST names. */
const COMPOSED_TEXT = new Set([
  "description",
  "payload",
  "body",
  "title",
  "message",
  "log_url",
  "environment_url",
]);

function redactDeep(value: unknown, secrets: SecretRegistry): unknown {
  if (typeof value === "string") return secrets.redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)]),
    );
  }
  return value;
}

function redactComposed(params: Record<string, unknown>, secrets: SecretRegistry): void {
  for (const key of Object.keys(params)) {
    if (COMPOSED_TEXT.has(key)) params[key] = redactDeep(params[key], secrets);
  }
}

export function installRequestRedaction(
  octokit: Pick<Octokit, "hook">,
  secrets: SecretRegistry,
): void {
  octokit.hook.before("request", (options) => {
    const params = options as Record<string, unknown>;
    redactComposed(params, secrets);
    // GraphQL mutations carry the same fields inside their variables.
    const variables = params["variables"];
    if (variables !== null && typeof variables === "object" && !Array.isArray(variables)) {
      redactComposed(variables as Record<string, unknown>, secrets);
    }
  });
}
