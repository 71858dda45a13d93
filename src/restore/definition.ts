/**
 * restore's inputs: where the backups live, which set and which backup, and the target
 * (a database URL, a directory, or a command reading the dump on stdin).
 */
import { z } from "zod";
import type { RunContext } from "../core/action.js";
import { defineAction } from "../core/action.js";
import { ConfigurationError } from "../core/errors.js";
import { booleanInput, linesInput } from "../core/inputs.js";
import { parseDatabaseUrl } from "../backup-engine/connection.js";
import {
  setNameInput,
  storeFromInputs,
  storeInputShape,
  toolEnvironment,
} from "../backup-engine/store-inputs.js";
import { restore } from "./main.js";
import type { BackupChoice } from "./select-backup.js";
import { restoreSummary } from "./summary.js";
import type { TargetSpec } from "./target.js";
import { isAbsolute, resolve } from "node:path";

const timeInput = z.string().transform((value, ctx) => {
  const time = new Date(value.trim());
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim()) || Number.isNaN(time.getTime())) {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not a time; write it like 2026-11-23T02:00:00Z`,
    });
    return z.NEVER;
  }
  return time;
});

const inputShape = {
  name: setNameInput,
  backup: z.string().trim().default("latest"),
  at: timeInput.optional(),
  "before-release": z.string().trim().min(1).optional(),
  "allow-unverified": booleanInput.default(false),
  ...storeInputShape,
  "target-url": z.string().optional(),
  "target-path": z.string().optional(),
  "restore-command": z.string().optional(),
  "restore-args": linesInput.optional(),
  overwrite: booleanInput.default(false),
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;

function choiceFrom(params: Inputs): BackupChoice {
  const given = [
    ...(params.backup !== "latest" ? ["backup"] : []),
    ...(params.at ? ["at"] : []),
    ...(params["before-release"] ? ["before-release"] : []),
  ];
  if (given.length > 1) {
    throw new ConfigurationError(
      `Inputs ${given.map((n) => `"${n}"`).join(" and ")} each choose a backup; give one of them.`,
    );
  }
  if (params.backup !== "latest") return { kind: "name", name: params.backup };
  if (params["before-release"])
    return { kind: "before-release", release: params["before-release"] };
  return params.at ? { kind: "at", time: params.at } : { kind: "latest" };
}

function targetFrom(params: Inputs, context: RunContext): TargetSpec {
  const given = (["target-url", "target-path", "restore-command"] as const).filter(
    (n) => params[n] !== undefined,
  );
  if (given.length !== 1) {
    throw new ConfigurationError(
      given.length === 0
        ? `Nothing to restore into: give target-url (a database), target-path (a directory) or restore-command (reads the dump on stdin).`
        : `Inputs ${given.join(" and ")} each name a restore target; give exactly one.`,
    );
  }
  if (params["target-url"]) {
    const connection = parseDatabaseUrl(params["target-url"], "target-url");
    context.secrets.add(connection.password);
    if (!connection.database) {
      throw new ConfigurationError(
        `Input "target-url" names no database; add the target database to its path, e.g. postgresql://user@host/orders_restored.`,
      );
    }
    return { kind: "database", connection, restoreArgs: params["restore-args"] ?? [] };
  }
  if (params["target-path"]) {
    const path = params["target-path"];
    return { kind: "directory", path: isAbsolute(path) ? path : resolve(context.cwd, path) };
  }
  return { kind: "command", command: params["restore-command"]! };
}

export const restoreAction = defineAction({
  name: "restore",
  inputs,
  secretInputs: ["target-url", "encryption-key"],
  async run(params: Inputs, context) {
    const choice = choiceFrom(params);
    const target = targetFrom(params, context);
    const store = storeFromInputs(params, context);
    const result = await restore(
      {
        set: params.name,
        choice,
        allowUnverified: params["allow-unverified"],
        target,
        overwrite: params.overwrite,
        ...(params["encryption-key"] ? { encryptionKey: params["encryption-key"] } : {}),
      },
      {
        store,
        logger: context.logger,
        secrets: context.secrets,
        tools: { baseEnv: toolEnvironment(context), secrets: context.secrets, cwd: context.cwd },
      },
    );
    return {
      outputs: {
        location: result.location,
        size: String(result.manifest.size),
        sha256: result.manifest.sha256,
        duration: (result.durationMs / 1000).toFixed(1),
        verified: String(result.verified),
      },
      summary: restoreSummary(result),
      ...(result.failure ? { failure: result.failure } : {}),
    };
  },
});
