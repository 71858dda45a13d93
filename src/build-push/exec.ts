/**
 * Running the build engines. `Exec` is the seam the tests replace: the Buildx path is
 * tested by the exact argv it would run, the Buildah path by running it for real.
 */
import { spawn } from "node:child_process";
import type { Logger } from "../core/logger.js";

export interface ExecOptions {
  /** Extra environment variables on top of the process's own (secrets travel this way). */
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
  signal?: AbortSignal;
  /** Called with each complete line of stdout and stderr, as it arrives. */
  onLine?: (line: string) => void;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export type Exec = (
  command: string,
  args: readonly string[],
  options?: ExecOptions,
) => Promise<ExecResult>;

/** Raised when the program itself does not exist, as opposed to exiting with an error. */
export class CommandNotFoundError extends Error {
  override readonly name = "CommandNotFoundError";
  constructor(readonly command: string) {
    super(`${command} is not installed or not on PATH`);
  }
}

function lineSplitter(onLine: ((line: string) => void) | undefined) {
  let pending = "";
  return {
    push(chunk: string) {
      if (!onLine) return;
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) onLine(line);
    },
    flush() {
      if (onLine && pending.trim()) onLine(pending);
      pending = "";
    },
  };
}

/** Spawns a program (no shell: arguments are never re-parsed) and collects its output. */
export const processExec: Exec = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const stdout: string[] = [];
    const stderr: string[] = [];
    const outLines = lineSplitter(options.onLine);
    const errLines = lineSplitter(options.onLine);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout.push(chunk);
      outLines.push(chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr.push(chunk);
      errLines.push(chunk);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "ENOENT" ? new CommandNotFoundError(command) : error);
    });
    child.on("close", (code, signal) => {
      outLines.flush();
      errLines.flush();
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: stdout.join(""),
        stderr: stderr.join(""),
      });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });

/** Streams a command's output to the logger, each line prefixed (with the service name). */
export function logLines(logger: Logger, prefix: string): (line: string) => void {
  return (line) => logger.info(`${prefix}${line}`);
}
