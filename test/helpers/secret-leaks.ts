/**
 * Shared by the tests that show an action's secrets never reach anything it prints or
 * writes: the encoded forms a secret could leak in, and the environment the Actions runner
 * gives an action (output, summary and state files, debug logging, INPUT_* variables) with
 * what it printed split into `::add-mask::` commands and everything else, and a CLI run
 * that writes everything it can (debug log, JSON outputs, summary file).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, expect, vi } from "vitest";
import { runActionCommand } from "../../src/cli/main.js";
import type { RunnableAction } from "../../src/core/action.js";
import { loadManifest } from "../../src/core/action-manifest.js";
import { captureIo, tempDir } from "./run-context.js";

export interface LeakForms {
  /** How much of a secret's start may not appear: a reason shortens long text, and the cut must not leave the start of a secret behind. */
  startLength: number;
  /** Further forms the action could write the secret in, e.g. inside a Basic credential. */
  extra?: (secret: string) => Record<string, string>;
}

/** The forms of `secret` that must not appear, by name. */
export function secretForms(secret: string, options: LeakForms): Record<string, string> {
  return {
    raw: secret,
    base64: Buffer.from(secret).toString("base64"),
    base64url: Buffer.from(secret).toString("base64url"),
    urlEncoded: encodeURIComponent(secret),
    jsonEscaped: JSON.stringify(secret).slice(1, -1),
    ...options.extra?.(secret),
    start: secret.slice(0, options.startLength),
  };
}

/** An assertion that no form of any of `secrets` appears in a text, which failures name by `where`. */
export function leakCheck(
  secrets: readonly string[],
  options: LeakForms,
): (text: string, where: string) => void {
  return (text, where) => {
    for (const secret of secrets) {
      for (const [form, value] of Object.entries(secretForms(secret, options))) {
        expect(
          text.includes(value),
          `${where}: the ${form} form of "${secret}" leaked:\n${text}`,
        ).toBe(false);
      }
    }
  };
}

export interface RunnerSetup {
  workspace: string;
  /** The action's inputs, by their action.yml names. */
  inputs: Record<string, string>;
  /** Further environment variables. */
  env?: Record<string, string>;
}

/**
 * Gives every test of the calling suite the environment of an Actions runner with debug
 * logging on, capturing what is printed; restores everything after each test.
 */
export function useActionsRunner(setup: () => RunnerSetup) {
  let written: string[] = [];
  let files = "";
  beforeEach(() => {
    const { workspace, inputs, env = {} } = setup();
    files = tempDir();
    written = [];
    for (const file of ["output", "summary", "state"]) writeFileSync(join(files, file), "");
    vi.stubEnv("GITHUB_OUTPUT", join(files, "output"));
    vi.stubEnv("GITHUB_STEP_SUMMARY", join(files, "summary"));
    vi.stubEnv("GITHUB_STATE", join(files, "state"));
    vi.stubEnv("GITHUB_WORKSPACE", workspace);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.stubEnv("RUNNER_DEBUG", "1");
    for (const [name, value] of Object.entries(inputs))
      vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    process.exitCode = undefined;
  });
  return {
    /** The contents of the runner's output or job summary file. */
    file: (name: "output" | "summary") => readFileSync(join(files, name), "utf8"),
    /** What was masked with `::add-mask::`, and every other line printed. */
    printed: () => {
      const lines = written.join("").split("\n");
      const mask = "::add-mask::";
      return {
        masks: lines.filter((l) => l.startsWith(mask)).map((l) => l.slice(mask.length)),
        visible: lines.filter((l) => !l.startsWith(mask)).join("\n"),
      };
    },
  };
}

/**
 * Runs `action` through the CLI in `dir` with `--debug --json --summary summary.md`, every
 * input given as an option: everything it printed, its summary file and its outputs.
 */
export async function runCliWritingEverything(
  action: RunnableAction,
  dir: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
) {
  const cap = captureIo(dir, env);
  const argv = Object.entries(inputs).flatMap(([name, value]) => [`--${name}`, value]);
  const code = await runActionCommand(
    action,
    loadManifest(action.name),
    [...argv, "--debug", "--json", "--summary", "summary.md"],
    cap.io,
  );
  return {
    code,
    stderr: cap.stderr(),
    /** stdout and stderr together. */
    printed: cap.stdout() + cap.stderr(),
    summary: () => readFileSync(join(dir, "summary.md"), "utf8"),
    outputs: () => JSON.parse(cap.stdout()) as Record<string, string>,
  };
}
