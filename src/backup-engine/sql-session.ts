/**
 * One long-lived database session through the database's own client (psql, or mariadb /
 * mysql), for what must outlive a single query: a migration lock belongs to the session
 * that took it and is released by the server when the session ends, even if this process
 * dies; a backup's snapshot is exported from a transaction this session keeps open, and
 * its row counts are read in that same snapshot. Queries are answered in order; a marker
 * line ends each answer.
 */
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { DatabaseConnection } from "./connection.js";
import { mysqlArgs, postgresEnv } from "./connection.js";
import type { ToolCommand, ToolOptions } from "./process.js";
import { completion, findProgram, spawnTool } from "./process.js";
import { OperationFailedError } from "../core/errors.js";

export class SqlSession {
  private readonly lines: AsyncIterator<string>;
  private readonly done: Promise<void>;
  private marker = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly kind: DatabaseConnection["kind"],
    command: ToolCommand,
    options: ToolOptions,
  ) {
    this.done = completion(child, command, options);
    this.done.catch(() => {});
    child.stdin!.on("error", () => {});
    this.lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  }

  /**
   * `application` names the session to other sessions (PostgreSQL's application_name);
   * `purpose` names it in logs and errors.
   */
  static open(
    connection: DatabaseConnection,
    options: ToolOptions,
    application: string,
    purpose = "migration lock",
  ): SqlSession {
    const label = `${connection.kind === "postgres" ? "psql" : "mariadb"} (${purpose})`;
    if (connection.kind === "postgres") {
      const command: ToolCommand = {
        argv: ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-w"],
        env: { ...postgresEnv(connection), PGAPPNAME: application },
        label,
      };
      return new SqlSession(spawnTool(command, options, "pipe"), "postgres", command, options);
    }
    const { args, env } = mysqlArgs(connection);
    const command: ToolCommand = {
      argv: [
        findProgram(["mariadb", "mysql"], options.baseEnv),
        ...args,
        "-N",
        "-B",
        // Answer each query as it comes, not when stdin ends.
        "--unbuffered",
        connection.database,
      ],
      env,
      label,
    };
    return new SqlSession(spawnTool(command, options, "pipe"), "mysql", command, options);
  }

  /** Sends SQL and returns the rows it produced, each split on tabs. */
  async query(sql: string): Promise<string[][]> {
    const marker = `__greenlight_done_${++this.marker}__`;
    const end = this.kind === "postgres" ? `\\echo ${marker}` : `SELECT '${marker}';`;
    this.child.stdin!.write(`${sql}\n${end}\n`);
    const rows: string[][] = [];
    for (;;) {
      const next = await this.lines.next();
      if (next.done) {
        await this.done;
        throw new OperationFailedError("The database session ended before answering.");
      }
      if (next.value === marker) return rows;
      if (next.value.length > 0) rows.push(next.value.split("\t"));
    }
  }

  /** Ends the session; the server releases its locks and ends its open transaction. */
  async close(): Promise<void> {
    this.child.stdin!.end(this.kind === "postgres" ? "\\q\n" : "");
    await this.done.catch(() => {});
  }

  /** Stops the client at once (a dump that was aborted). */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
  }
}
