/**
 * Library code logs through this interface, never through @actions/core or console
 * directly: the action runner, the CLI and tests each supply their own implementation.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Runs `fn` inside a collapsible group (in Actions) or an indented section (CLI). */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

export type LogLevel = "debug" | "info" | "warning" | "error";

export interface LogRecord {
  level: LogLevel;
  message: string;
  group: string[];
}

/** A logger that keeps every record, for tests and for embedding. */
export class MemoryLogger implements Logger {
  readonly records: LogRecord[] = [];
  private groups: string[] = [];

  debug(message: string): void {
    this.push("debug", message);
  }
  info(message: string): void {
    this.push("info", message);
  }
  warning(message: string): void {
    this.push("warning", message);
  }
  error(message: string): void {
    this.push("error", message);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.groups.push(name);
    try {
      return await fn();
    } finally {
      this.groups.pop();
    }
  }

  /** All messages as text, one per line, for assertions. */
  text(): string {
    return this.records.map((r) => `${r.level}: ${r.message}`).join("\n");
  }

  private push(level: LogLevel, message: string): void {
    this.records.push({ level, message, group: [...this.groups] });
  }
}

/** A logger writing human-readable lines to a stream (the CLI writes to stderr). */
export class StreamLogger implements Logger {
  private depth = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly options: { debug?: boolean } = {},
  ) {}

  debug(message: string): void {
    if (this.options.debug) this.line(`debug: ${message}`);
  }
  info(message: string): void {
    this.line(message);
  }
  warning(message: string): void {
    this.line(`warning: ${message}`);
  }
  error(message: string): void {
    this.line(`error: ${message}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.line(`▸ ${name}`);
    this.depth++;
    try {
      return await fn();
    } finally {
      this.depth--;
    }
  }

  private line(message: string): void {
    const indent = "  ".repeat(this.depth);
    this.write(
      message
        .split("\n")
        .map((l) => indent + l)
        .join("\n") + "\n",
    );
  }
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
  group: (_name, fn) => fn(),
};
