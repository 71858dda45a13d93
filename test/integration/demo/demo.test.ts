import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/main.js";
import { demoCommand } from "../../../src/demo/demo-command.js";

describe("greenlight demo", () => {
  it("finalizes the good release and rolls back the bad one, printing a timeline with PR links", async () => {
    let out = "";
    let err = "";
    const code = await demoCommand(
      [],
      {
        stdout: (t) => (out += t),
        stderr: (t) => (err += t),
        env: { PATH: process.env["PATH"] },
        cwd: process.cwd(),
      },
      runCli,
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toMatch(
      /deploy +api 1\.1\.0 → green: created PR #1 http:\/\/127\.0\.0\.1:\d+\/acme\/infra\/pull\/1/,
    );
    expect(out).toMatch(/promote +finalize: 100% baked/);
    expect(out).toMatch(/apply +blue 1\.1\.0 100% ×3 · green 1\.1\.0 0% ×0/);
    expect(out).toMatch(/promote +rollback: analysis failed: green-error-rate/);
    expect(out).toMatch(/apply +blue 1\.1\.0 100% ×3 · green 1\.2\.0 0% ×0/);
    expect(out).toMatch(
      /done +1\.1\.0 finalized and stable; 1\.2\.0 caught by the error-rate gate and rolled back/,
    );
  });

  it("runs the same life on an Argo CD layout: Helm values in a GitOps repository", async () => {
    let out = "";
    let err = "";
    const code = await demoCommand(
      ["--argocd"],
      {
        stdout: (t) => (out += t),
        stderr: (t) => (err += t),
        env: { PATH: process.env["PATH"] },
        cwd: process.cwd(),
      },
      runCli,
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("Helm values synced by Argo CD");
    expect(out).toMatch(/promote +finalize: 100% baked/);
    expect(out).toMatch(/apply +blue 1\.1\.0 100% ×3 · green 1\.1\.0 0% ×0/);
    expect(out).toMatch(/apply +blue 1\.1\.0 100% ×3 · green 1\.2\.0 0% ×0/);
    expect(out).toMatch(/done +1\.1\.0 finalized and stable; 1\.2\.0 caught/);
  });

  it("refuses unknown arguments with exit 2", async () => {
    let err = "";
    const io = { stdout: () => {}, stderr: (t: string) => (err += t), env: {}, cwd: process.cwd() };
    await expect(demoCommand(["--fast"], io, runCli)).resolves.toBe(2);
    expect(err).toContain('Unknown argument "--fast"');
  });
});
