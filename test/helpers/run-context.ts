import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, onTestFinished } from "vitest";
import type { RunContext } from "../../src/core/action.js";
import { ManualClock } from "../../src/core/clock.js";
import { MemoryLogger } from "../../src/core/logger.js";
import { SecretRegistry } from "../../src/core/secrets.js";
import type { CliIo } from "../../src/cli/io.js";

const outlivingTests = new Set<string>();
try {
  afterAll(() => {
    for (const dir of outlivingTests) rmSync(dir, { recursive: true, force: true });
    outlivingTests.clear();
  });
} catch {
  // Imported outside vitest (a benchmark): there is no file to finish, the benchmark cleans up.
}

/**
 * A new empty directory, removed when the test that made it finishes; one made outside a test
 * (in a hook or a describe block) is removed when the file's tests are done.
 */
export function tempDir(prefix = "greenlight-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    outlivingTests.add(dir);
  }
  return dir;
}

/** A RunContext with an in-memory logger and a manual clock. */
export function testContext(cwd: string, env: Record<string, string> = {}) {
  const logger = new MemoryLogger();
  const state: Record<string, string> = {};
  const context: RunContext = {
    logger,
    clock: new ManualClock(),
    secrets: new SecretRegistry(),
    env,
    cwd,
    saveState: (name, value) => {
      state[name] = value;
    },
  };
  return { context, logger, state };
}

/** CLI io capturing stdout and stderr. */
export function captureIo(cwd: string, env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    env,
    cwd,
  };
  return {
    io,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}
