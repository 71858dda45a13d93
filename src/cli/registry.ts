/** Every command the CLI knows: the actions, and the tools that are not actions. */
import { schemaCommand } from "../config/schema-command.js";
import type { RunnableAction } from "../core/action.js";
import { toRunnable } from "../core/action.js";
import { demoCommand } from "../demo/demo-command.js";
import { backupAction } from "../backup/definition.js";
import { buildPushAction } from "../build-push/definition.js";
import { deployAction } from "../deploy/definition.js";
import { migrateAction } from "../migrate/definition.js";
import { notifyAction } from "../notify/definition.js";
import { openPrAction } from "../open-pr/definition.js";
import { preflightAction } from "../preflight/definition.js";
import { promoteAction } from "../promote/definition.js";
import { rollbackAction } from "../rollback/definition.js";
import { restoreAction } from "../restore/definition.js";
import { sandboxCommand } from "../sandbox/sandbox-command.js";
import { updateTfvarsAction } from "../update-tfvars/definition.js";
import { verifyAction } from "../verify/definition.js";
import type { CliIo, CliRunner } from "./io.js";

export type ToolCommand = (argv: string[], io: CliIo, runCli: CliRunner) => Promise<number>;

export const actions: RunnableAction[] = [
  toRunnable(buildPushAction),
  toRunnable(updateTfvarsAction),
  toRunnable(openPrAction),
  toRunnable(verifyAction),
  toRunnable(promoteAction),
  toRunnable(rollbackAction),
  toRunnable(deployAction),
  toRunnable(notifyAction),
  toRunnable(preflightAction),
  toRunnable(backupAction),
  toRunnable(restoreAction),
  toRunnable(migrateAction),
];

export const tools: Record<string, ToolCommand> = {
  demo: demoCommand,
  sandbox: sandboxCommand,
  schema: schemaCommand,
};
