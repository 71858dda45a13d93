/** `greenlight verify` from a shell: the same action, with exit codes 0, 1 and 2. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";
import type { TestServer } from "./servers.js";
import { sendJson, startServer } from "./servers.js";

let server: TestServer;

beforeAll(async () => {
  server = await startServer((req, res) =>
    req.url === "/health"
      ? sendJson(res, 200, { status: "ok", version: "1.4.2" })
      : sendJson(res, 503, { status: "down" }),
  );
});

afterAll(async () => {
  await server?.close();
});

describe("greenlight verify", () => {
  it("passes a healthy endpoint and prints the outputs as JSON", async () => {
    const cap = captureIo(tempDir());
    const code = await runCli(["verify", "--url", server.url("/health"), "--json"], cap.io);
    expect(code, cap.stderr()).toBe(0);
    const outputs = JSON.parse(cap.stdout()) as Record<string, string>;
    expect(Object.keys(outputs).sort()).toEqual(["failed-checks", "passed", "report"]);
    expect(outputs["passed"]).toBe("true");
    expect(outputs["failed-checks"]).toBe("[]");
    const report = JSON.parse(outputs["report"]!) as { checks: { name: string; status: number }[] };
    expect(report.checks).toMatchObject([{ name: `127.0.0.1:${server.port}/health`, status: 200 }]);
    expect(cap.stderr()).toContain("| Check | Result | Attempts | Latency | Reason |");
  });

  it("exits 1 with the reason when a check fails", async () => {
    const cap = captureIo(tempDir());
    const code = await runCli(
      [
        "verify",
        "--url",
        server.url("/health"),
        "--expect-version",
        "1.5.0",
        "--attempts",
        "2",
        "--interval",
        "20ms",
      ],
      cap.io,
    );
    expect(code).toBe(1);
    expect(cap.stdout()).toContain("passed: false");
    expect(cap.stderr()).toContain(
      `error: Check 127.0.0.1:${server.port}/health: expected $.version == "1.5.0" but got "1.4.2" (attempt 2 of 2)`,
    );
  });

  it("exits 2 for bad input, before any request", async () => {
    const cap = captureIo(tempDir());
    const code = await runCli(
      ["verify", "--url", server.url("/health"), "--expect-status", "fine"],
      cap.io,
    );
    expect(code).toBe(2);
    expect(cap.stderr()).toBe(
      'error: Input "expect-status" is invalid: "fine" is not a status; write a code (200), a class (2xx) or a range (200-299).\n',
    );
  });
});
