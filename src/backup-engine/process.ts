/**
 * Running the database tools. Credentials reach them through the environment (PGPASSWORD,
 * MYSQL_PWD) or a private file, never their command line, where any user of the machine
 * could read them in the process list. Their stderr is kept (the tail only) and redacted
 * before it becomes part of an error message.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { PassThrough, Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { OperationFailedError } from "../core/errors.js";
import { isOnPath } from "../core/program-on-path.js";
import type { SecretRegistry } from "../core/secrets.js";

export interface ToolCommand {
  /** Program and arguments; never holds a credential. */
  argv: readonly string[];
  /** Extra environment (credentials go here). */
  env?: Record<string, string>;
  /** What the failure message calls this step, e.g. "pg_dump". */
  label: string;
}

export interface ToolOptions {
  /** The environment the tools inherit (PATH, locale). */
  baseEnv: Record<string, string | undefined>;
  secrets: SecretRegistry;
  cwd?: string;
}

const STDERR_TAIL = 2000;

export function spawnTool(
  command: ToolCommand,
  options: ToolOptions,
  stdin: "pipe" | "ignore",
): ChildProcess {
  const [program, ...args] = command.argv;
  if (!program) throw new Error(`${command.label}: empty command`);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.baseEnv))
    if (value !== undefined) env[name] = value;
  return spawn(program, args, {
    env: { ...env, ...command.env },
    stdio: [stdin, "pipe", "pipe"],
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
}

/** Resolves when the tool exits successfully; rejects with its redacted stderr otherwise. */
export function completion(
  child: ChildProcess,
  command: ToolCommand,
  options: ToolOptions,
): Promise<void> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL);
  });
  return new Promise((resolve, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "ENOENT"
          ? `${command.argv[0]} is not installed or not on PATH`
          : error.message;
      reject(
        new OperationFailedError(
          options.secrets.redact(`${command.label} could not start: ${reason}.`),
        ),
      );
    });
    child.once("close", (code, signal) => {
      if (code === 0) return resolve();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const detail = stderr.trim().split("\n").slice(-5).join(" / ");
      reject(
        new OperationFailedError(
          options.secrets.redact(`${command.label} ${how}${detail ? `: ${detail}` : ""}.`),
        ),
      );
    });
  });
}

/**
 * The tool's stdout as a stream that ends only after the tool exited successfully, and
 * fails if it did not: a dump cut short must never look like a complete one downstream.
 */
export function toolOutput(command: ToolCommand, options: ToolOptions): Readable {
  const child = spawnTool(command, options, "ignore");
  const done = completion(child, command, options);
  // Handled by the generator below; this stops an unhandled rejection if nobody reads.
  done.catch(() => {});
  // Read stdout from the start: when a child exits, Node resumes (and so discards) any stdio
  // stream nobody listens to yet, and a small dump can finish before the caller starts
  // reading (mariadb-dump did, while the caller asked the server for the database size).
  // The pipe keeps back-pressure: it pauses the child's stdout while the buffer is full.
  const stdout = child.stdout!.pipe(new PassThrough());
  async function* output(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of stdout) yield chunk as Buffer;
      await done;
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    }
  }
  return Readable.from(output(), { objectMode: false });
}

/** Feeds `input` to the tool's stdin and waits for it to exit successfully. */
export async function toolInput(
  command: ToolCommand,
  input: Readable,
  options: ToolOptions,
): Promise<void> {
  const child = spawnTool(command, options, "pipe");
  const done = completion(child, command, options);
  child.stdout?.resume();
  const stdin = child.stdin!;
  // A tool that exits early closes its stdin: the write error is reported by `done`.
  stdin.on("error", () => {});
  // finished() also rejects for a stream that failed before we got here.
  const fed = finished(input, { writable: false }).catch((error: unknown) => {
    child.kill("SIGTERM");
    throw error;
  });
  input.pipe(stdin);
  // A tool may exit successfully before it read everything (tar stops at its end-of-archive
  // blocks): the rest is drained, so the input's own checks (checksums, decryption) still
  // run to the end and `fed` settles instead of waiting for a reader that is gone.
  const drained = done.then(() => {
    if (input.readableEnded) return;
    input.unpipe(stdin);
    input.resume();
  });
  drained.catch(() => {});
  try {
    await Promise.all([fed, done, drained]);
  } catch (error) {
    input.destroy();
    child.kill("SIGTERM");
    throw error;
  }
}

/** The child's stdout, gathered as text from the start (see toolOutput on why from the start). */
function collectText(child: ChildProcess): () => string {
  let out = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    out += chunk;
  });
  return () => out;
}

/** Runs the tool with `input` as stdin and returns its stdout as text. */
export async function toolText(
  command: ToolCommand,
  options: ToolOptions,
  input = "",
): Promise<string> {
  const child = spawnTool(command, options, "pipe");
  const done = completion(child, command, options);
  const out = collectText(child);
  child.stdin!.on("error", () => {});
  child.stdin!.end(input);
  await done;
  return out();
}

/** The first of `names` found on PATH (e.g. mariadb-dump before mysqldump), else the first. */
export function findProgram(
  names: readonly string[],
  env: Record<string, string | undefined>,
): string {
  return names.find((name) => isOnPath(name, env)) ?? names[0]!;
}

/**
 * Runs a tool that reads only the start of `input` (pg_restore --list reads the archive's
 * table of contents) and returns its stdout; the rest of the input is dropped.
 */
export async function toolOutputFrom(
  command: ToolCommand,
  input: Readable,
  options: ToolOptions,
): Promise<string> {
  const child = spawnTool(command, options, "pipe");
  const done = completion(child, command, options);
  const out = collectText(child);
  child.stdin!.on("error", () => {});
  // The tool's exit decides; the input failing after it stopped reading does not matter.
  input.on("error", () => {});
  input.pipe(child.stdin!);
  try {
    await done;
  } finally {
    input.unpipe(child.stdin!);
    input.destroy();
  }
  return out();
}
