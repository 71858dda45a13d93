/**
 * One long-lived psql session. The PostgreSQL source keeps a REPEATABLE READ transaction
 * open here, exports its snapshot to pg_dump, and counts rows in the same snapshot, so the
 * counts in the manifest are exactly the rows in the dump even while the database is
 * being written to.
 */
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { OperationFailedError } from "../core/errors.js";
import type { ToolCommand, ToolOptions } from "./process.js";
import { completion, spawnTool } from "./process.js";

export class PsqlSession {
  private readonly lines: AsyncIterator<string>;
  private readonly done: Promise<void>;
  private marker = 0;

  private constructor(
    private readonly child: ChildProcess,
    command: ToolCommand,
    options: ToolOptions,
  ) {
    this.done = completion(child, command, options);
    this.done.catch(() => {});
    child.stdin!.on("error", () => {});
    this.lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  }

  static open(env: Record<string, string>, options: ToolOptions, label = "psql"): PsqlSession {
    const command: ToolCommand = {
      argv: ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "--no-password"],
      env,
      label,
    };
    return new PsqlSession(spawnTool(command, options, "pipe"), command, options);
  }

  /** Sends SQL (psql meta-commands allowed) and returns the output lines it produced. */
  async query(sql: string): Promise<string[]> {
    const marker = `__greenlight_done_${++this.marker}__`;
    this.child.stdin!.write(`${sql}\n\\echo ${marker}\n`);
    const out: string[] = [];
    for (;;) {
      const next = await this.lines.next();
      if (next.done) {
        await this.done;
        throw new OperationFailedError("psql ended before answering");
      }
      if (next.value === marker) return out;
      out.push(next.value);
    }
  }

  /** Ends the transaction (read-only, so COMMIT and ROLLBACK are the same) and psql. */
  async close(): Promise<void> {
    this.child.stdin!.end("ROLLBACK;\n\\q\n");
    await this.done;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
  }
}
