/**
 * The GitHub Actions runner: the only module that talks to @actions/core. It reads the
 * inputs declared in action.yml, masks secrets, calls the action, writes only declared
 * outputs, writes the job summary once, and reports failure once, readably.
 */
import * as core from "@actions/core";
import type { ActionDefinition, ActionResult, RunContext } from "./action.js";
import type { ActionManifest } from "./manifest.js";
import { missingRequiredInputs } from "./required-inputs.js";
import { systemClock } from "./clock.js";
import { ConfigurationError } from "./errors.js";
import { describeFailure } from "./failure.js";
import type { Logger } from "./logger.js";
import { SecretRegistry } from "./secrets.js";
import { renderMarkdown } from "./summary.js";
import { neutraliseWorkflowCommands } from "./workflow-commands.js";

/**
 * Logs through @actions/core. The runner masks registered secrets too, but redacting here
 * as well keeps a secret out of the log when the line is printed before GitHub has seen
 * its add-mask (and makes the guarantee testable without a runner).
 */
/** What may be printed of `text`: no secret, and nothing that starts a workflow command. */
function printable(secrets: SecretRegistry, text: string): string {
  return neutraliseWorkflowCommands(secrets.redact(text));
}

function actionsLogger(secrets: SecretRegistry): Logger {
  const r = (text: string) => printable(secrets, text);
  return {
    debug: (message) => core.debug(r(message)),
    info: (message) => core.info(r(message)),
    warning: (message) => core.warning(r(message)),
    error: (message) => core.error(r(message)),
    group: (name, fn) => core.group(r(name), fn),
  };
}

function createContext(secrets: SecretRegistry): RunContext {
  return {
    logger: actionsLogger(secrets),
    clock: systemClock,
    secrets,
    env: process.env,
    cwd: process.env["GITHUB_WORKSPACE"] ?? process.cwd(),
    saveState: (name, value) => core.saveState(name, value),
  };
}

/** Refuses (as a bug) any output that action.yml does not declare. */
export function checkDeclaredOutputs(
  action: string,
  outputs: Record<string, string | undefined>,
  declared: Record<string, unknown>,
): void {
  const undeclared = Object.keys(outputs).filter((name) => !(name in declared));
  if (undeclared.length > 0) {
    throw new Error(
      `${action} wrote outputs not declared in its action.yml: ${undeclared.join(", ")}`,
    );
  }
}

/** Outputs and summary, with every known secret form redacted: outputs are logged by GitHub too. */
async function report(
  manifest: ActionManifest,
  result: ActionResult,
  secrets: SecretRegistry,
): Promise<void> {
  const outputs = result.outputs as Record<string, string | undefined>;
  checkDeclaredOutputs(manifest.name, outputs, manifest.outputs);
  for (const [name, value] of Object.entries(outputs)) {
    if (value !== undefined) core.setOutput(name, secrets.redact(value));
  }
  // Outside a runner (or a runner without job summaries) there is nowhere to write one.
  if (result.summary && result.summary.length > 0 && !process.env["GITHUB_STEP_SUMMARY"]) {
    core.debug("No job summary written: GITHUB_STEP_SUMMARY is not set.");
  } else if (result.summary && result.summary.length > 0) {
    await core.summary.addRaw(secrets.redact(renderMarkdown(result.summary))).write();
  }
}

/** Every input action.yml declares, as the runner passes it (empty when not given). */
function rawInputs(manifest: ActionManifest): Record<string, string | undefined> {
  const raw: Record<string, string | undefined> = {};
  for (const name of Object.keys(manifest.inputs)) raw[name] = core.getInput(name);
  return raw;
}

/** One annotation a problem: several input problems (two missing inputs) are several lines. */
function fail(secrets: SecretRegistry, error: unknown): void {
  const failure = describeFailure(error);
  if (failure.stack) core.debug(printable(secrets, failure.stack));
  const shown = printable(secrets, failure.message);
  const lines = failure.exitCode === 2 ? shown.split("\n") : [shown];
  for (const line of lines.slice(0, -1)) core.error(line);
  core.setFailed(lines.at(-1) ?? "");
}

export async function runAction<P, O extends string>(
  definition: ActionDefinition<P, O>,
  manifest?: ActionManifest,
  /** The inputs, when the caller has read them already (startAction). */
  raw?: Record<string, string | undefined>,
): Promise<void> {
  const secrets = new SecretRegistry((form) => core.setSecret(form));
  try {
    // Loaded here, not at the top: the schema library behind them is not needed to refuse
    // a missing input (see startAction).
    const { toRunnable } = await import("./action.js");
    const interfaceOf =
      manifest ?? (await import("./action-manifest.js")).loadManifest(definition.name);
    const result = await toRunnable(definition).execute(
      raw ?? rawInputs(interfaceOf),
      createContext(secrets),
    );
    await report(interfaceOf, result, secrets);
    if (result.failure) core.setFailed(printable(secrets, result.failure));
  } catch (error) {
    fail(secrets, error);
  }
}

/** How the action bundle starts an action: what it checks first, and how it loads the rest. */
export interface ActionStart {
  manifest: ActionManifest;
  /**
   * Input problems found without the action's code (sentences, none when the inputs can
   * go on): inputs that are needed unless another is given. The action checks the same
   * again, so this is only ever an earlier answer, never a different one.
   */
  precheck?: (raw: Record<string, string | undefined>, workspace: string) => string[];
  /** Work to start in the background while the action's code loads (a parser to compile). */
  prepare?: (raw: Record<string, string | undefined>, workspace: string) => Promise<void>;
  load(): Promise<ActionDefinition<unknown, string>>;
}

/**
 * Starts an action as the runner does: a missing required input is refused before the
 * action's code (its schemas, clients and parsers) is loaded, so a misconfigured step fails
 * in about the time an empty action takes to start.
 */
export async function startAction(start: ActionStart): Promise<void> {
  const raw = rawInputs(start.manifest);
  const workspace = process.env["GITHUB_WORKSPACE"] ?? process.cwd();
  const problems = [
    ...missingRequiredInputs(start.manifest, raw),
    ...(start.precheck?.(raw, workspace) ?? []),
  ];
  if (problems.length > 0) {
    fail(
      new SecretRegistry((form) => core.setSecret(form)),
      new ConfigurationError(problems.join("\n")),
    );
    return;
  }
  // Not awaited: it goes on while the action's code loads, and never rejects.
  void start.prepare?.(raw, workspace);
  await runAction(await start.load(), start.manifest, raw);
}

/**
 * The post step: clean-up that must not fail the job (a revoked token, a removed file).
 * It takes the clean-up alone, not the action, so a post bundle holds only that code.
 */
export async function runPost(
  name: string,
  post: (context: RunContext, state: Record<string, string>) => Promise<void>,
): Promise<void> {
  const secrets = new SecretRegistry((form) => core.setSecret(form));
  const state = new Proxy({} as Record<string, string>, {
    get: (_target, key) => (typeof key === "string" ? core.getState(key) : undefined),
  });
  try {
    await post(createContext(secrets), state);
  } catch (error) {
    core.warning(
      `Post step of ${name} did not finish: ${printable(secrets, describeFailure(error).message)}`,
    );
  }
}
