/**
 * The team's own migration tool (prisma, alembic, golang-migrate, flyway…), run as a shell
 * command with the database URL in DATABASE_URL. Greenlight orchestrates around it; it does
 * not read or second-guess the tool's work beyond its exit code. Output (stdout and stderr
 * interleaved) is kept, redacted, for the log group.
 */
import { spawn } from "node:child_process";
import type { SecretRegistry } from "../core/secrets.js";

export interface CommandRun {
  exitCode: number;
  /** Redacted stdout and stderr, in the order they came. */
  output: string;
}

export interface CommandOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  secrets: SecretRegistry;
  databaseUrl: string;
}

const OUTPUT_LIMIT = 1024 * 1024;

export function runShellCommand(command: string, options: CommandOptions): Promise<CommandRun> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env))
    if (value !== undefined) env[name] = value;
  env.DATABASE_URL = options.databaseUrl;
  return new Promise((resolvePromise) => {
    const child = spawn("/bin/sh", ["-c", command], {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", (error) => {
      resolvePromise({ exitCode: 127, output: options.secrets.redact(error.message) });
    });
    child.once("close", (code, signal) => {
      const ended = signal ? `${output}\n(killed by ${signal})` : output;
      resolvePromise({ exitCode: code ?? 128, output: options.secrets.redact(ended) });
    });
  });
}
