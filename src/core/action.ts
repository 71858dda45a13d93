/**
 * The contract between an action's logic and its two runners (GitHub Actions and the CLI).
 * Each action exports one ActionDefinition; runners never know more about an action than
 * this.
 */
import type { z } from "zod";
import type { Clock } from "./clock.js";
import type { Logger } from "./logger.js";
import type { SecretRegistry } from "./secrets.js";
import type { Summary } from "./summary.js";
import { parseInputs } from "./inputs.js";

/** What a runner provides to every action. */
export interface RunContext {
  logger: Logger;
  clock: Clock;
  secrets: SecretRegistry;
  /** Environment variables (GITHUB_*, RUNNER_*, credentials set by other actions). */
  env: Record<string, string | undefined>;
  /** Directory that relative paths are resolved against (the workspace). */
  cwd: string;
  /** Aborted when the run is cancelled (Ctrl-C in the CLI). */
  signal?: AbortSignal;
  /** Values handed from the main step to the post step (core.saveState in Actions). */
  saveState(name: string, value: string): void;
}

export interface ActionResult<Outputs extends string = string> {
  outputs: Partial<Record<Outputs, string>>;
  summary?: Summary;
  /** Set when the operation ran but its verdict is failure (CLI exit code 1). */
  failure?: string;
}

export interface ActionDefinition<Params = unknown, Outputs extends string = string> {
  /** Folder name under actions/ and the CLI subcommand. */
  name: string;
  /** Raw string inputs → typed params. Pure: no I/O, no side effects. */
  inputs: z.ZodType<Params>;
  /** Inputs whose values are credentials: masked before anything else happens. */
  secretInputs?: readonly string[];
  run(params: Params, context: RunContext): Promise<ActionResult<Outputs>>;
  /** Optional clean-up (the action's post step), e.g. revoking a token. */
  post?(context: RunContext, state: Record<string, string>): Promise<void>;
}

export function defineAction<Params, Outputs extends string>(
  definition: ActionDefinition<Params, Outputs>,
): ActionDefinition<Params, Outputs> {
  return definition;
}

/** An action with its params type erased, so runners can hold a list of them. */
export interface RunnableAction {
  name: string;
  /** The input names the schema reads (compared with action.yml by a test). */
  inputNames: readonly string[];
  /** The input schema, for tests that compare it with action.yml. */
  inputSchema: z.ZodType;
  secretInputs: readonly string[];
  /** Validates raw inputs (ConfigurationError on bad input), then runs the action. */
  execute(raw: Record<string, string | undefined>, context: RunContext): Promise<ActionResult>;
  post?(context: RunContext, state: Record<string, string>): Promise<void>;
}

export function toRunnable<P, O extends string>(
  definition: ActionDefinition<P, O>,
): RunnableAction {
  const shape = (definition.inputs as unknown as { shape?: Record<string, unknown> }).shape;
  return {
    name: definition.name,
    inputNames: Object.keys(shape ?? {}),
    inputSchema: definition.inputs,
    secretInputs: definition.secretInputs ?? [],
    execute: async (raw, context) => {
      for (const name of definition.secretInputs ?? []) context.secrets.add(raw[name]);
      // A URL with credentials is a secret whichever input carries it.
      for (const value of Object.values(raw)) context.secrets.addUrlCredentials(value);
      const params = parseInputs(definition.inputs, raw);
      return definition.run(params, context);
    },
    ...(definition.post ? { post: definition.post.bind(definition) } : {}),
  };
}
