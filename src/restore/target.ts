/**
 * Where a backup is restored to, by source kind: a database (by URL), a directory (files),
 * or a command that reads the dump on stdin. Each checks emptiness before anything runs.
 */
import { readdir } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { DatabaseConnection } from "../backup-engine/connection.js";
import type { DatabaseEngine } from "../backup-engine/database.js";
import type { BackupManifest } from "../backup-engine/manifest.js";
import type { ToolOptions } from "../backup-engine/process.js";
import { engineFor } from "../backup-engine/source.js";
import { toolInput } from "../backup-engine/process.js";
import { extractArchive } from "./safe-extract.js";

/** The target as the inputs describe it. */
export type TargetSpec =
  | { kind: "database"; connection: DatabaseConnection; restoreArgs: string[] }
  | { kind: "directory"; path: string }
  | { kind: "command"; command: string };

/** The target with the engine that matches the chosen backup's format. */
export type RestoreTarget =
  | (Extract<TargetSpec, { kind: "database" }> & { engine: DatabaseEngine })
  | Exclude<TargetSpec, { kind: "database" }>;

export function resolveTarget(spec: TargetSpec, manifest: BackupManifest): RestoreTarget {
  if (spec.kind !== "database") return spec;
  const format = manifest.source.format === "plain" ? "plain" : "custom";
  return { ...spec, engine: engineFor(spec.connection.kind, format)! };
}

export interface TargetState {
  exists: boolean;
  /** Whether it holds anything; undefined when that cannot be told. */
  empty: boolean | undefined;
  description: string;
}

export async function inspectTarget(
  target: RestoreTarget,
  tools: ToolOptions,
): Promise<TargetState> {
  switch (target.kind) {
    case "database": {
      const tables = await target.engine.tableCount(target.connection, tools);
      const description = `database ${target.connection.database}`;
      if (tables === undefined) return { exists: false, empty: true, description };
      return { exists: true, empty: Number.isNaN(tables) ? undefined : tables === 0, description };
    }
    case "directory": {
      const description = `directory ${target.path}`;
      try {
        return { exists: true, empty: (await readdir(target.path)).length === 0, description };
      } catch {
        return { exists: false, empty: true, description };
      }
    }
    case "command":
      return { exists: true, empty: true, description: "the restore command" };
  }
}

export async function restoreInto(
  target: RestoreTarget,
  open: () => Promise<Readable>,
  state: TargetState,
  overwrite: boolean,
  tools: ToolOptions,
): Promise<void> {
  switch (target.kind) {
    case "database": {
      // Replacing means the target ends up exactly as backed up: recreate it, rather than
      // drop object by object, which fails when the target's tables differ in shape.
      // (MongoDB has no drop without a driver: mongorestore --drop replaces collections.)
      const recreate = overwrite && state.exists && target.connection.kind !== "mongodb";
      if (recreate) await target.engine.dropDatabase(target.connection, tools);
      if (!state.exists || recreate) await target.engine.createDatabase(target.connection, tools);
      const clean = overwrite && target.connection.kind === "mongodb";
      await target.engine.restore(
        target.connection,
        await open(),
        { clean, extraArgs: target.restoreArgs },
        tools,
      );
      return;
    }
    case "directory":
      await extractArchive(target.path, await open(), tools);
      return;
    case "command":
      await toolInput(
        { argv: ["sh", "-c", target.command], label: "the restore command" },
        await open(),
        tools,
      );
      return;
  }
}
