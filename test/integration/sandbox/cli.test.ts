/**
 * `greenlight sandbox`: flags, the printed environment, serving real requests until stopped,
 * and exit code 2 with one sentence for bad flags.
 */
import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { systemClock } from "../../../src/core/clock.js";
import { createGitHubClient } from "../../../src/core/github/client.js";
import { MemoryLogger } from "../../../src/core/logger.js";
import { SecretRegistry } from "../../../src/core/secrets.js";
import { sandboxCommand } from "../../../src/sandbox/sandbox-command.js";
import { captureIo, tempDir } from "../../helpers/run-context.js";
import { createBareRepo, TestOctokit } from "../../helpers/sandbox.js";

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the sandbox to start");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("greenlight sandbox", () => {
  it("prints its help", async () => {
    const cap = captureIo(tempDir());
    expect(await sandboxCommand(["--help"], cap.io)).toBe(0);
    expect(cap.stdout()).toContain(
      "Usage: greenlight sandbox --repo <owner/name>=<path-to-bare-repo>",
    );
    expect(cap.stdout()).toContain("--latency MS");
  });

  it("serves the repository, prints what to export, logs requests and stops on abort", async () => {
    const dir = tempDir();
    await createBareRepo(join(dir, "infra.git"), { "README.md": "hello\n" });
    const cap = captureIo(dir);
    const stop = new AbortController();
    const running = sandboxCommand(
      [
        "--repo",
        "acme/infra=infra.git",
        "--port",
        "0",
        "--token",
        "local-token",
        "--latency=5",
        "--log",
      ],
      { ...cap.io, signal: stop.signal },
    );
    await until(() => cap.stdout().includes("Press Ctrl-C"));
    const url = /export GITHUB_API_URL=(\S+)/.exec(cap.stdout())?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cap.stdout()).toContain(`export GITHUB_GRAPHQL_URL=${url}/graphql`);
    expect(cap.stdout()).toContain("export GITHUB_TOKEN=local-token");
    expect(cap.stdout()).toContain(`acme/infra  ←  ${join(dir, "infra.git")}`);

    const octokit = new TestOctokit({ baseUrl: url, auth: "local-token" });
    const { data } = await octokit.rest.repos.getContent({
      owner: "acme",
      repo: "infra",
      path: "README.md",
    });
    expect(Buffer.from((data as { content: string }).content, "base64").toString()).toBe("hello\n");
    await expect(
      new TestOctokit({ baseUrl: url, auth: "sandbox-token" }).rest.repos.get({
        owner: "acme",
        repo: "infra",
      }),
    ).rejects.toMatchObject({ status: 401 });
    expect(cap.stderr()).toMatch(/GET \/repos\/acme\/infra\/contents\/README\.md → 200 \(\d+ ms\)/);

    stop.abort();
    expect(await running).toBe(0);
    expect(cap.stderr()).toContain("GitHub sandbox stopped.");
    await expect(fetch(`${url}/rate_limit`)).rejects.toThrow();
  });

  it("installs a GitHub App given by its key on every repository", async () => {
    const dir = tempDir();
    await createBareRepo(join(dir, "infra.git"), { "README.md": "hello\n" });
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    writeFileSync(join(dir, "app.pem"), pem);
    const cap = captureIo(dir);
    const stop = new AbortController();
    const running = sandboxCommand(
      ["--repo", "acme/infra=infra.git", "--port", "0", "--app", "321=app.pem"],
      {
        ...cap.io,
        signal: stop.signal,
      },
    );
    await until(() => cap.stdout().includes("Press Ctrl-C"));
    const url = /export GITHUB_API_URL=(\S+)/.exec(cap.stdout())![1]!;
    const client = await createGitHubClient({
      repository: "acme/infra",
      app: { appId: "321", privateKey: pem },
      baseUrl: url,
      logger: new MemoryLogger(),
      clock: systemClock,
      secrets: new SecretRegistry(),
      env: {},
    });
    expect(
      (await client.octokit.rest.repos.get({ owner: "acme", repo: "infra" })).data.full_name,
    ).toBe("acme/infra");
    await client.revoke();
    stop.abort();
    expect(await running).toBe(0);
  });

  it.each([
    [
      ["--port", "0"],
      "Flag --repo is required; give at least one repository to serve, e.g. --repo acme/infra=./infra.git.",
    ],
    [
      ["--repo", "acme"],
      'Flag --repo is "acme", which is not OWNER/NAME=PATH; give e.g. --repo acme/infra=./infra.git.',
    ],
    [["--repo", "acme/infra=./missing.git"], "which is not a git repository; create one with"],
    [
      ["--repo", "acme/infra=x", "--port", "http"],
      'Flag --port is "http", which is not a whole number from 0 to 65535',
    ],
    [["--prot", "80"], 'Unknown flag "--prot" for greenlight sandbox; did you mean --port?'],
    [["--repo"], "Flag --repo needs a value"],
    [["--repo", "acme/infra=x", "--app", "12=missing.pem"], 'Flag --app is "12=missing.pem", but'],
  ])("exits 2 with one sentence for %j", async (argv, message) => {
    const dir = tempDir();
    if (argv.includes("acme/infra=x")) await createBareRepo(join(dir, "x"), { "a.txt": "a\n" });
    const cap = captureIo(dir);
    expect(await sandboxCommand(argv, cap.io)).toBe(2);
    const stderr = cap.stderr();
    expect(stderr).toContain(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr.trim()).toMatch(/^error: .*\.$/);
  });

  it("exits 2 when the port is taken", async () => {
    const dir = tempDir();
    await createBareRepo(join(dir, "infra.git"), { "README.md": "hello\n" });
    const first = captureIo(dir);
    const stop = new AbortController();
    const running = sandboxCommand(["--repo", "acme/infra=infra.git", "--port", "0"], {
      ...first.io,
      signal: stop.signal,
    });
    await until(() => first.stdout().includes("Press Ctrl-C"));
    const port = /127\.0\.0\.1:(\d+)/.exec(first.stdout())![1]!;
    const second = captureIo(dir);
    expect(
      await sandboxCommand(["--repo", "acme/infra=infra.git", "--port", port], second.io),
    ).toBe(2);
    expect(second.stderr()).toContain(`Cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
    stop.abort();
    expect(await running).toBe(0);
  });
});
