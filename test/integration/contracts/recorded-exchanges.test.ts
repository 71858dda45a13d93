/**
 * Real GitHub exchanges, recorded by Octokit (@octokit/fixtures), replayed against the
 * sandbox: for every recorded request to a route the sandbox serves, the sandbox must answer
 * with the recorded status and a body of the recorded shape (the same keys with the same
 * JSON types, arrays of the same element shape; the sandbox may add newer fields).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";
import { RateLimiter } from "../../../src/sandbox/rate-limit.js";
import { allRoutes } from "../../../src/sandbox/routes/index.js";
import { matchRoute } from "../../../src/sandbox/router.js";
import { startTestSandbox, type TestSandbox } from "../../helpers/sandbox.js";

const require = createRequire(import.meta.url);
const ROUTES = allRoutes(new RateLimiter(() => new Date()));
const ORG = "octokit-fixture-org";

interface Recorded {
  method: string;
  path: string;
  body: unknown;
  status: number;
  reqheaders: Record<string, string>;
  response: unknown;
}

function scenario(name: string): Recorded[] {
  const file = require.resolve(
    `@octokit/fixtures/scenarios/api.github.com/${name}/normalized-fixture.json`,
  );
  return JSON.parse(readFileSync(file, "utf8")) as Recorded[];
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Where `actual` does not have the shape of `recorded`; `ignored` paths are not compared. */
function shapeProblems(
  recorded: unknown,
  actual: unknown,
  at: string,
  ignored: string[],
): string[] {
  if (ignored.includes(at)) return [];
  // null stands for "absent" in GitHub's answers: either side may be null.
  if (recorded === null || actual === null) return [];
  const [want, got] = [jsonType(recorded), jsonType(actual)];
  if (want !== got) return [`${at}: ${got} where GitHub answered ${want}`];
  if (want === "array") {
    const [first] = recorded as unknown[];
    if (first === undefined) return [];
    const [mine] = actual as unknown[];
    if (mine === undefined) return [`${at}: empty where GitHub answered items`];
    return shapeProblems(first, mine, `${at}[]`, ignored);
  }
  if (want !== "object") return [];
  const object = actual as Record<string, unknown>;
  return Object.entries(recorded as Record<string, unknown>).flatMap(([key, value]) =>
    key in object
      ? shapeProblems(value, object[key], `${at}.${key}`, ignored)
      : ignored.includes(`${at}.${key}`)
        ? []
        : [`${at}.${key}: missing`],
  );
}

interface Replay {
  /** What each recorded placeholder sha stands for in the sandbox. */
  shas: Record<string, string>;
  /** Paths whose shape the sandbox does not emulate, with why (see docs/sandbox.md). */
  ignored?: Record<string, string>;
}

let t: TestSandbox | undefined;
afterAll(() => t?.close());

async function replay(name: string, repo: string, setup: (t: TestSandbox) => Promise<Replay>) {
  await t?.close();
  t = await startTestSandbox({
    repos: { [`${ORG}/${repo}`]: { "README.md": "# hello-world" } },
  });
  const { shas, ignored = {} } = await setup(t);
  const substitute = (text: string) =>
    Object.entries(shas).reduce((s, [placeholder, real]) => s.split(placeholder).join(real), text);
  const results: { request: string; problems: string[] }[] = [];
  let replayed = 0;
  for (const recorded of scenario(name)) {
    const method = recorded.method.toUpperCase();
    const path = substitute(recorded.path);
    if (!matchRoute(ROUTES, method, new URL(path, "http://x").pathname)) continue;
    replayed++;
    const body =
      recorded.body === "" || recorded.body === undefined
        ? undefined
        : substitute(JSON.stringify(recorded.body));
    const response = await fetch(`${t.sandbox.url}${path}`, {
      method,
      headers: {
        authorization: "token sandbox-token",
        accept: recorded.reqheaders["accept"] ?? "application/vnd.github+json",
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body } : {}),
    });
    const text = await response.text();
    const problems: string[] = [];
    if (response.status !== recorded.status) {
      problems.push(`status ${response.status} where GitHub answered ${recorded.status}`);
    } else if (typeof recorded.response === "string") {
      if (text !== recorded.response && recorded.response !== "") {
        problems.push(
          `body ${JSON.stringify(text)} where GitHub answered ${JSON.stringify(recorded.response)}`,
        );
      }
    } else {
      problems.push(
        ...shapeProblems(recorded.response, JSON.parse(text), "$", Object.keys(ignored)),
      );
    }
    results.push({ request: `${method} ${recorded.path}`, problems });
  }
  return { results, replayed };
}

async function mainHead(t: TestSandbox, repo: string): Promise<string> {
  const ref = await t.octokit().rest.git.getRef({ owner: ORG, repo, ref: "heads/main" });
  return ref.data.object.sha;
}

const PLACEHOLDER = (n: number) => n.toString().padStart(40, "0");

describe("recorded GitHub exchanges (@octokit/fixtures) replayed against the sandbox", () => {
  it.each<[string, string, (t: TestSandbox) => Promise<Replay>, number]>([
    [
      "git-refs",
      "git-refs",
      async (t) => {
        // As recorded: main at a second commit ("…01"), whose parent is the first ("…02").
        const first = await mainHead(t, "git-refs");
        const o = t.octokit();
        const tree = (
          await o.rest.git.getCommit({ owner: ORG, repo: "git-refs", commit_sha: first })
        ).data.tree.sha;
        const second = await o.rest.git.createCommit({
          owner: ORG,
          repo: "git-refs",
          message: "2nd commit",
          tree,
          parents: [first],
        });
        await o.rest.git.updateRef({
          owner: ORG,
          repo: "git-refs",
          ref: "heads/main",
          sha: second.data.sha,
        });
        return { shas: { [PLACEHOLDER(1)]: second.data.sha, [PLACEHOLDER(2)]: first } };
      },
      3,
    ],
    [
      "labels",
      "labels",
      async (t) => {
        for (const name of ["bug", "documentation"]) {
          await t
            .octokit()
            .rest.issues.createLabel({ owner: ORG, repo: "labels", name, color: "d73a4a" });
        }
        return { shas: {} };
      },
      3,
    ],
    ["errors", "errors", async () => ({ shas: {} }), 1],
    ["get-content", "hello-world", async () => ({ shas: {} }), 2],
    [
      "get-repository",
      "hello-world",
      async () => ({
        shas: {},
        ignored: {
          "$.organization": "the sandbox does not tell organisations from users",
          "$.topics": "the sandbox's repositories have no topics (data, not shape)",
        },
      }),
      1,
    ],
    [
      "branch-protection",
      "branch-protection",
      async () => ({
        shas: {},
        ignored: {
          "$.restrictions": "push restrictions (users, teams, apps) are accepted but not emulated",
          "$.required_pull_request_reviews.dismissal_restrictions":
            "who may dismiss reviews is not emulated (the sandbox has no reviews)",
        },
      }),
      4,
    ],
    [
      "create-status",
      "create-status",
      async (t) => ({ shas: { [PLACEHOLDER(1)]: await mainHead(t, "create-status") } }),
      4,
    ],
  ])("%s", async (name, repo, setup, expected) => {
    const { results, replayed } = await replay(name, repo, setup);
    expect(replayed).toBe(expected);
    expect(results.filter((r) => r.problems.length > 0)).toEqual([]);
  });
});
