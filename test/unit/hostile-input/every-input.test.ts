/**
 * Every input of every action (read from the action manifests) fed hostile values: each run
 * ends with exit 0, 1 or 2 and readable output, never "Unexpected error", a stack trace, a
 * forged workflow command or the password of a URL given as input. Runs in-process against
 * loopback addresses where nothing listens, so nothing leaves the machine.
 */
import { describe, expect, it } from "vitest";
import { runActionCommand } from "../../../src/cli/main.js";
import { loadManifest } from "../../../src/core/action-manifest.js";
import { actions } from "../../../src/cli/registry.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";

const PASSWORD = "p4ssw0rd-in-a-url";
const HOSTILE: Record<string, string> = {
  empty: "",
  blank: "  \t ",
  huge: "x".repeat(200_000),
  control: "a\u0000b\u0007c\r\n::error::forged\n##[warning]old",
  proto: "__proto__",
  constructor: "constructor",
  traversal: "../../../../etc/passwd",
  absolute: "/proc/self/environ",
  credentials: `http://user:${PASSWORD}@127.0.0.1:9/x`,
  number: "99999999999999999999",
  yaml: "{a: *b}",
};

/** Just enough for each action to get past its required inputs, aimed at nothing. */
const REQUIRED: Record<string, string> = {
  file: "release.auto.tfvars.json",
  environment: "production",
  reason: "hostile input test",
  status: "success",
  destination: "store",
  name: "db",
};
/** Keeps runs that reach the network short: one attempt, a short deadline. */
const FAST: Record<string, string> = {
  "github-api-url": "http://127.0.0.1:9",
  "max-attempts": "1",
  attempts: "1",
  deadline: "2s",
  timeout: "1s",
  "wait-for-merge": "false",
};

const cases = actions.flatMap((action) => {
  const manifest = loadManifest(action.name);
  return Object.keys(manifest.inputs).flatMap((input) =>
    Object.keys(HOSTILE).map((kind) => ({ action, manifest, input, kind })),
  );
});

describe("every input of every action, with hostile values", () => {
  it(`ends every one of ${cases.length} runs readably`, { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    for (const { action, manifest, input, kind } of cases) {
      const given: Record<string, string> = {};
      for (const [name, spec] of Object.entries(manifest.inputs)) {
        if (spec.required) given[name] = REQUIRED[name] ?? "x";
        else if (FAST[name] !== undefined) given[name] = FAST[name];
      }
      given[input] = HOSTILE[kind]!;
      const dir = tempDir();
      const cap = captureIo(dir, {
        PATH: process.env["PATH"],
        HOME: dir,
        GITHUB_API_URL: "http://127.0.0.1:9",
      });
      const argv = Object.entries(given).map(([name, value]) => `--${name}=${value}`);
      const code = await runActionCommand(action, manifest, argv, cap.io);
      const printed = cap.stdout() + cap.stderr();
      const where = `${action.name} --${input} (${kind})`;
      if (![0, 1, 2].includes(code)) problems.push(`${where}: exit ${code}`);
      if (/Unexpected error|\n\s+at .*\(.*:\d+:\d+\)/.test(printed))
        problems.push(`${where}: ${printed.slice(0, 300)}`);
      if (printed.includes(PASSWORD)) problems.push(`${where}: printed the URL's password`);
      if (printed.split(/\r\n|\r|\n/).some((l) => /^\s*::error::forged/.test(l)))
        problems.push(`${where}: forged a command`);
      if (code !== 0 && !/error: \S/.test(cap.stderr()))
        problems.push(`${where}: exit ${code} without a sentence`);
    }
    expect(problems).toEqual([]);
  });
});
