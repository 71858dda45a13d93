/**
 * Credentials given to verify never appear in anything either runner prints or writes —
 * outputs, report, summary, logs, failure — raw or encoded, even when the server echoes
 * them back into the body, a header or an error page that ends up in a reason.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toRunnable } from "../../../src/core/action.js";
import { loadManifest } from "../../../src/core/action-manifest.js";
import { runAction } from "../../../src/core/action-runner.js";
import { verifyAction } from "../../../src/verify/definition.js";
import { tempDir } from "../../helpers/run-context.js";
import {
  leakCheck,
  runCliWritingEverything,
  useActionsRunner,
} from "../../helpers/secret-leaks.js";
import type { TestServer } from "./servers.js";
import { sendJson, startServer } from "./servers.js";

const BEARER = "gl-bearer/T0ken+with=chars&more";
const API_KEY = "k3y-0f-the-api-9f8e7d6c";
const SESSION = "sess-aa11bb22cc33dd44";
const CUSTOM = "custom-credential-55aa66bb";
const FILE_SECRET = "from-the-secret-store-77cc";
const URL_PASSWORD = "pa55-in-the-url-99ee";
const QUERY_TOKEN = "query-token-0011223344";
const SECRETS = [BEARER, API_KEY, SESSION, CUSTOM, FILE_SECRET, URL_PASSWORD, QUERY_TOKEN];

const expectNoLeak = leakCheck(SECRETS, {
  startLength: 10,
  extra: (secret) => ({ basicAuth: Buffer.from(`user:${secret}`).toString("base64") }),
});

let server: TestServer;
let dir: string;

beforeAll(async () => {
  // Echoes every request header back: in the body, in a response header, in an error page.
  server = await startServer((req, res) => {
    const echo = JSON.stringify({ headers: req.headers, url: req.url });
    if (req.url?.startsWith("/error")) {
      // Padded so that the reason's excerpt is cut in the middle of the credential.
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end(`${"x".repeat(100)} ${String(req.headers["authorization"])} ${echo}`);
    }
    return sendJson(
      res,
      200,
      { ...JSON.parse(echo), status: "ok" },
      {
        "x-echo": String(req.headers["authorization"] ?? ""),
        "x-echo-basic": Buffer.from(`user:${String(req.headers["x-api-key"])}`).toString("base64"),
      },
    );
  });
  dir = tempDir("greenlight-verify-secrets-");
  writeFileSync(
    join(dir, "checks.yml"),
    [
      "- name: from-file",
      `  url: ${server.url("/echo")}?token=\${{ secrets.DEPLOY_TOKEN }}`,
      "  headers:",
      "    X-Deploy: ${{ secrets.DEPLOY_TOKEN }}",
      "  attempts: 1",
      "  expect:",
      "    json: ['$.headers.x-deploy == \"nope\"', '$.url == \"nope\"']",
    ].join("\n") + "\n",
  );
});

afterAll(async () => {
  await server?.close();
});

function inputs(): Record<string, string> {
  const host = server.origin.replace("http://", "");
  return {
    checks: JSON.stringify([
      {
        name: "echo",
        url: server.url("/echo"),
        headers: {
          Authorization: `Bearer ${BEARER}`,
          "X-Api-Key": API_KEY,
          Cookie: `theme=dark; session=${SESSION}`,
          "X-Custom": CUSTOM,
        },
        "secret-headers": ["X-Custom"],
        attempts: 1,
        expect: {
          json: [
            '$.headers.authorization == "nope"',
            '$.headers.x-custom == "nope"',
            '$.headers.cookie == "nope"',
          ],
          headers: { "x-echo": "nothing", "x-echo-basic": "nothing" },
        },
      },
      {
        name: "error-page",
        url: `${server.url("/error")}?access_token=${QUERY_TOKEN}`,
        headers: { "X-Api-Key": API_KEY, Authorization: `Bearer ${BEARER}` },
        attempts: 1,
      },
      {
        name: "user-info",
        url: `http://deployer:${URL_PASSWORD}@${host}/echo`,
        attempts: 1,
        expect: { json: ['$.headers.authorization == "nope"'] },
      },
    ]),
    "checks-file": "checks.yml",
    interval: "10ms",
  };
}

describe("secret masking in verify, through the CLI", () => {
  it("leaks no credential in stdout, stderr, the summary file or the report", async () => {
    const run = await runCliWritingEverything(toRunnable(verifyAction), dir, inputs(), {
      DEPLOY_TOKEN: FILE_SECRET,
    });
    expect(run.code, run.stderr).toBe(1);
    const everything = run.printed;
    expectNoLeak(everything, "CLI output");
    expectNoLeak(run.summary(), "summary");
    const outputs = run.outputs();
    expect(JSON.parse(outputs["failed-checks"]!)).toEqual([
      "echo",
      "error-page",
      "user-info",
      "from-file",
    ]);
    // The reasons are still there, with the credentials replaced.
    expect(outputs["report"]).toContain('$.headers.authorization == \\"nope\\" but got \\"***\\"');
    expect(everything).toContain("***");
  });
});

describe("secret masking in verify, through the Actions runner", () => {
  const runner = useActionsRunner(() => ({
    workspace: dir,
    inputs: inputs(),
    env: { DEPLOY_TOKEN: FILE_SECRET },
  }));

  it("masks every credential before use and leaks none in logs, outputs or the summary", async () => {
    await runAction(verifyAction, loadManifest("verify"));
    const { masks, visible } = runner.printed();
    for (const secret of SECRETS) expect(masks, `${secret} was not masked`).toContain(secret);
    expectNoLeak(visible, "log");
    const output = runner.file("output");
    expectNoLeak(output, "outputs");
    expect(output).toContain("failed-checks");
    expectNoLeak(runner.file("summary"), "job summary");
    expect(visible).toContain("::error::");
    expect(process.exitCode).toBe(1);
  });
});
