/**
 * The `greenlight` command: a second runner over the same action definitions as the
 * GitHub Actions. Input names, defaults and required flags come from action.yml.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ActionResult, RunnableAction } from "../core/action.js";
import type { ActionManifest } from "../core/action-manifest.js";
import { loadManifest } from "../core/action-manifest.js";
import { checkDeclaredOutputs } from "../core/action-runner.js";
import { systemClock } from "../core/clock.js";
import { describeFailure } from "../core/failure.js";
import { StreamLogger } from "../core/logger.js";
import { SecretRegistry } from "../core/secrets.js";
import { renderMarkdown } from "../core/summary.js";
import { neutraliseWorkflowCommands } from "../core/workflow-commands.js";
import { parseActionFlags, suggest } from "./flags.js";
import { actionHelp, mainHelp } from "./help.js";
import type { CliIo } from "./io.js";
import { actions, tools } from "./registry.js";

function printOutputs(io: CliIo, outputs: Record<string, string | undefined>, json: boolean) {
  const defined = Object.fromEntries(Object.entries(outputs).filter(([, v]) => v !== undefined));
  if (json) {
    io.stdout(JSON.stringify(defined, null, 2) + "\n");
    return;
  }
  for (const [name, value] of Object.entries(defined)) {
    const text = String(value);
    if (text.includes("\n"))
      io.stdout(`${name}:\n${text.replace(/^/gm, "  ").replace(/\s+$/, "")}\n`);
    else io.stdout(`${name}: ${text}\n`);
  }
}

/** Runs one action with flags read against its manifest (tests pass their own manifest). */
export async function runActionCommand(
  action: RunnableAction,
  manifest: ActionManifest,
  argv: string[],
  io: CliIo,
): Promise<number> {
  // Every line the CLI prints passes through the secret registry, and (since the CLI runs
  // in workflow steps too) can never start a workflow command.
  const secrets = new SecretRegistry();
  const out = (text: string) => io.stdout(neutraliseWorkflowCommands(secrets.redact(text)));
  const err = (text: string) => io.stderr(neutraliseWorkflowCommands(secrets.redact(text)));
  const safeIo: CliIo = { ...io, stdout: out, stderr: err };
  let debug = false;
  try {
    const { inputs, global } = parseActionFlags(action.name, manifest, argv, io.env);
    debug = global.debug;
    if (global.help) {
      out(actionHelp(action.name, manifest));
      return 0;
    }
    const state: Record<string, string> = {};
    const context = {
      logger: new StreamLogger(err, { debug: global.debug }),
      clock: systemClock,
      secrets,
      env: io.env,
      cwd: io.cwd,
      ...(io.signal ? { signal: io.signal } : {}),
      saveState: (name: string, value: string) => {
        state[name] = value;
      },
    };
    let result: ActionResult;
    try {
      result = await action.execute(inputs, context);
    } finally {
      // The CLI has no separate post step: clean up (revoke tokens) as soon as main ends.
      if (action.post) await action.post(context, state).catch(() => undefined);
    }
    checkDeclaredOutputs(action.name, result.outputs, manifest.outputs);
    if (result.summary && result.summary.length > 0) {
      const markdown = secrets.redact(renderMarkdown(result.summary));
      if (global.summaryFile) writeFileSync(resolve(io.cwd, global.summaryFile), markdown);
      else err("\n" + markdown);
    }
    printOutputs(safeIo, result.outputs, global.json);
    if (result.failure) {
      err(`error: ${result.failure}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    const failure = describeFailure(error);
    const lines = failure.exitCode === 2 ? failure.message.split("\n") : [failure.message];
    for (const line of lines) err(`error: ${line}\n`);
    if (failure.stack && debug) err(failure.stack + "\n");
    return failure.exitCode;
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const actionList = actions.map((a) => ({
    name: a.name,
    description: loadManifest(a.name).description,
  }));
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(mainHelp(actionList));
    return command === undefined ? 2 : 0;
  }
  const action = actions.find((a) => a.name === command);
  if (action) return runActionCommand(action, loadManifest(action.name), rest, io);
  // Own names only: "constructor" or "__proto__" is an unknown command, not Object's.
  const tool = Object.hasOwn(tools, command) ? tools[command] : undefined;
  if (tool) return tool(rest, io, runCli);
  const hint = suggest(command, [...actions.map((a) => a.name), ...Object.keys(tools)]);
  io.stderr(
    `error: Unknown command "${command}"; ${hint ? `did you mean "${hint}"? ` : ""}run "greenlight --help" for the list.\n`,
  );
  return 2;
}
