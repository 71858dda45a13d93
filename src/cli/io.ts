/** What the CLI needs from its process, injected so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  signal?: AbortSignal;
}

/**
 * Runs a whole `greenlight …` command line. Tool commands that drive actions (the demo) get it
 * passed in rather than importing the CLI, so the CLI and its commands never import each other.
 */
export type CliRunner = (argv: string[], io: CliIo) => Promise<number>;

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  };
}
