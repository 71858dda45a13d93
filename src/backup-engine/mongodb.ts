/**
 * MongoDB through mongodump/mongorestore with `--archive` (one stream). The tools take the
 * connection string from a private config file rather than `--uri`, so the password is not
 * on their command line. Row counts and emptiness checks would need a driver, so
 * verification of MongoDB backups is a read-back (checksum, decryption, decompression).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseConnection } from "./connection.js";
import type { DatabaseEngine, DumpStream } from "./database.js";
import { toolInput, toolOutput } from "./process.js";

/** A 0600 config file holding the URI, removed by the returned function. */
function uriConfig(connection: DatabaseConnection): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "greenlight-mongo-"));
  const path = join(dir, "config.yaml");
  writeFileSync(path, `uri: ${JSON.stringify(connection.url)}\n`, { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function mongoEngine(): DatabaseEngine {
  const unsupported = (what: string) => () =>
    Promise.reject(new Error(`${what} is not available for MongoDB without a driver`));
  return {
    format: "archive",
    extension: "archive",

    dump(connection, extraArgs, tools): Promise<DumpStream> {
      const config = uriConfig(connection);
      const stream = toolOutput(
        {
          argv: ["mongodump", `--config=${config.path}`, "--archive", ...extraArgs],
          label: "mongodump",
        },
        tools,
      );
      stream.once("close", config.remove);
      return Promise.resolve({
        stream,
        finish: () => Promise.resolve({ database: connection.database }),
        abort: () => {
          stream.destroy();
          config.remove();
        },
      });
    },

    async restore(connection, input, options, tools) {
      const config = uriConfig(connection);
      try {
        await toolInput(
          {
            argv: [
              "mongorestore",
              `--config=${config.path}`,
              "--archive",
              ...(options.clean ? ["--drop"] : []),
              ...options.extraArgs,
            ],
            label: "mongorestore",
          },
          input,
          tools,
        );
      } finally {
        config.remove();
      }
    },

    rowCounts: unsupported("Counting documents"),
    // NaN: cannot tell whether the database is empty (restore then requires overwrite).
    tableCount: () => Promise.resolve(Number.NaN),
    createDatabase: () => Promise.resolve(),
    dropDatabase: unsupported("Dropping a database"),
  };
}
