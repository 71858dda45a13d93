/**
 * The Buildah stage cache without Buildah: reading a Dockerfile into stages with their
 * physical lines, the digest of what a COPY source brings in, which stages qualify and
 * what their keys are made of, and the plan that puts cached images in their place.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  parseDockerfile,
  replaceStages,
  type StageReplacement,
} from "../../../src/build-push/dockerfile-stages.js";
import type { ImageLookup } from "../../../src/build-push/engine.js";
import type { ServiceSpec } from "../../../src/build-push/services.js";
import { sourceDigest } from "../../../src/build-push/stage-cache/context-digest.js";
import { planStages } from "../../../src/build-push/stage-cache/stage-plan.js";
import { type KeyInputs, stageKeys } from "../../../src/build-push/stage-cache/stage-keys.js";
import { tempDir } from "../../helpers/run-context.js";

/** Writes a file under `dir`, making its folders. */
function put(dir: string, path: string, content: string): string {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe("parseDockerfile", () => {
  it("joins continuation lines, drops comments inside them and keeps each stage's physical lines", () => {
    const text = [
      "# syntax=docker/dockerfile:1", // 0
      "ARG NODE=20", // 1
      "ARG BASE=node", // 2
      "", // 3
      "FROM node:20 \\", // 4
      "  AS Deps", // 5
      "RUN apt-get update && \\", // 6
      "  # a comment inside the continuation", // 7
      "", // 8
      "  apt-get install -y git", // 9
      "COPY --chown=app:app --chmod=644 package.json ./", // 10
      "", // 11
      "FROM deps AS Build", // 12
      "RUN make", // 13
    ].join("\n");
    const file = parseDockerfile(text);
    expect(file.header.map((i) => i.text)).toEqual(["ARG NODE=20", "ARG BASE=node"]);
    expect(file.heredocs).toBe(false);
    expect(file.stages.map((s) => [s.name, s.base, s.firstLine, s.bodyLine, s.endLine])).toEqual([
      ["deps", "node:20", 4, 6, 12],
      ["build", "deps", 12, 13, 14],
    ]);
    const [deps] = file.stages;
    expect(deps!.instructions).toEqual([
      {
        keyword: "RUN",
        flags: [],
        args: "apt-get update &&  apt-get install -y git",
        text: "RUN apt-get update &&  apt-get install -y git",
      },
      {
        keyword: "COPY",
        flags: ["--chown=app:app", "--chmod=644"],
        args: "package.json ./",
        text: "COPY --chown=app:app --chmod=644 package.json ./",
      },
    ]);
  });

  it("continues lines with a backtick under `# escape=`` and then takes a backslash literally", () => {
    const text = [
      "# escape=`",
      "FROM mcr.microsoft.com/windows/servercore AS Base",
      "RUN dir C:\\ `",
      "  && echo done",
      "COPY app\\ C:\\app\\",
    ].join("\n");
    const [stage] = parseDockerfile(text).stages;
    expect(stage!.name).toBe("base");
    expect(stage!.instructions.map((i) => i.text)).toEqual([
      "RUN dir C:\\  && echo done",
      "COPY app\\ C:\\app\\",
    ]);
    expect(stage!.endLine).toBe(5);
  });

  it("reads a `# escape=` that is not at the top as a comment", () => {
    const text = ["FROM alpine AS a", "# escape=`", "RUN echo `", "RUN echo two"].join("\n");
    expect(parseDockerfile(text).stages[0]!.instructions.map((i) => i.text)).toEqual([
      "RUN echo `",
      "RUN echo two",
    ]);
  });

  it("keeps FROM flags apart from the base, and an unnamed stage has no name", () => {
    const file = parseDockerfile("FROM --platform=$BUILDPLATFORM golang:1.22\nRUN go build\n");
    expect(file.stages[0]).toMatchObject({
      name: undefined,
      base: "golang:1.22",
      fromFlags: ["--platform=$BUILDPLATFORM"],
    });
  });

  it("reads a file with CRLF line ends as the same lines", () => {
    const lf = "FROM alpine AS a\nRUN echo \\\n  one\nFROM a AS b\nRUN two\n";
    const crlf = parseDockerfile(lf.replaceAll("\n", "\r\n"));
    expect(crlf.stages).toEqual(parseDockerfile(lf).stages);
    expect(crlf.stages[0]!.instructions[0]!.text).toBe("RUN echo  one");
  });

  it("keeps CRLF line ends in a rewritten copy", () => {
    const text = "FROM alpine AS a\r\nRUN one\r\nFROM a AS b\r\nRUN two\r\n";
    const file = parseDockerfile(text);
    const rewritten = replaceStages(file, new Map([[0, { from: "FROM x AS a", keepBody: false }]]));
    expect(rewritten).toBe("FROM x AS a\r\nFROM a AS b\r\nRUN two\r\n");
  });

  it("sees heredocs, but not a shift inside shell arithmetic", () => {
    expect(parseDockerfile("FROM alpine\nRUN <<EOF\necho hi\nEOF\n").heredocs).toBe(true);
    expect(parseDockerfile("FROM alpine\nCOPY <<-'END' /etc/conf\nx\nEND\n").heredocs).toBe(true);
    expect(parseDockerfile("FROM alpine\nRUN echo $((1<<2)) > /n\n").heredocs).toBe(false);
  });
});

describe("replaceStages", () => {
  const lines = [
    "ARG NODE=20", // 0
    "# deps", // 1
    "FROM node:20 \\", // 2
    "  AS deps", // 3
    "RUN npm ci   ", // 4 (trailing spaces kept as written)
    "", // 5
    "FROM deps AS build", // 6
    "COPY . .", // 7
    "FROM scratch AS out", // 8
    "COPY --from=build /app /app", // 9
    "", // 10
  ];
  const text = lines.join("\n");
  const file = parseDockerfile(text);
  const replace = (entries: [number, StageReplacement][]) =>
    replaceStages(file, new Map(entries)).split("\n");

  it("writes the file back unchanged without replacements", () => {
    expect(replaceStages(file, new Map())).toBe(text);
  });

  it("replaces a whole stage with one FROM line, every other line as written", () => {
    expect(replace([[0, { from: "FROM cache@sha256:1 AS deps", keepBody: false }]])).toEqual([
      "ARG NODE=20",
      "# deps",
      "FROM cache@sha256:1 AS deps",
      ...lines.slice(6),
    ]);
  });

  it("replaces only the FROM of a stage that keeps its body", () => {
    expect(replace([[0, { from: "FROM node@sha256:2 AS deps", keepBody: true }]])).toEqual([
      ...lines.slice(0, 2),
      "FROM node@sha256:2 AS deps",
      ...lines.slice(4),
    ]);
  });

  it("replaces several stages at once, the last one up to the end of the file", () => {
    expect(
      replace([
        [0, { from: "FROM node@sha256:2 AS deps", keepBody: true }],
        [2, { from: "FROM cache@sha256:3 AS out", keepBody: false }],
      ]),
    ).toEqual([
      ...lines.slice(0, 2),
      "FROM node@sha256:2 AS deps",
      ...lines.slice(4, 8),
      "FROM cache@sha256:3 AS out",
    ]);
  });
});

describe("sourceDigest", () => {
  function context() {
    const dir = tempDir();
    put(dir, "app/main.ts", "main\n");
    put(dir, "app/lib/util.ts", "util\n");
    put(dir, "other.txt", "other\n");
    put(dir, "a.txt", "a\n");
    put(dir, "b.txt", "b\n");
    put(dir, "readme.md", "readme\n");
    return dir;
  }

  it("takes the whole context for `.`", async () => {
    const dir = context();
    const before = await sourceDigest(dir, ".");
    expect(before).toBeDefined();
    put(dir, "deep/down/new.txt", "n\n");
    expect(await sourceDigest(dir, ".")).not.toBe(before);
  });

  it("is a sha256 digest, the same for the same tree and for the same source written differently", async () => {
    const dir = context();
    const digest = await sourceDigest(dir, "app");
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await sourceDigest(dir, "app")).toBe(digest);
    expect(await sourceDigest(dir, "./app/")).toBe(digest);
    expect(await sourceDigest(dir, "/app")).toBe(digest);
    expect(await sourceDigest(dir, "other.txt")).not.toBe(digest);
  });

  it("changes with a file's content, a file's mode, a new file in the folder and a link's target", async () => {
    const dir = context();
    symlinkSync("main.ts", join(dir, "app/current"));
    const seen = new Set<string | undefined>([await sourceDigest(dir, "app")]);
    const step = async (change: () => void) => {
      change();
      const digest = await sourceDigest(dir, "app");
      expect(digest).toBeDefined();
      expect(seen.has(digest)).toBe(false);
      seen.add(digest);
    };
    await step(() => writeFileSync(join(dir, "app/lib/util.ts"), "util v2\n"));
    await step(() => chmodSync(join(dir, "app/main.ts"), 0o755));
    await step(() => put(dir, "app/lib/new.ts", ""));
    await step(() => mkdirSync(join(dir, "app/empty")));
    await step(() => chmodSync(join(dir, "app/lib"), 0o700));
  });

  it("changes when only a symlink's target text changes", async () => {
    const dir = context();
    put(dir, "app/twin.ts", "main\n");
    symlinkSync("main.ts", join(dir, "app/current"));
    const before = await sourceDigest(dir, "app");
    // The same content behind the link: only the link's text tells them apart.
    rmSync(join(dir, "app/current"));
    symlinkSync("twin.ts", join(dir, "app/current"));
    expect(await sourceDigest(dir, "app")).not.toBe(before);
  });

  it("does not change with times or with files outside the source", async () => {
    const dir = context();
    const before = await sourceDigest(dir, "app");
    utimesSync(join(dir, "app/main.ts"), new Date("2001-01-01"), new Date("2001-01-01"));
    utimesSync(join(dir, "app/lib"), new Date("2002-02-02"), new Date("2002-02-02"));
    writeFileSync(join(dir, "other.txt"), "changed\n");
    put(dir, "elsewhere/new.ts", "new\n");
    expect(await sourceDigest(dir, "app")).toBe(before);
  });

  it("is undefined for a source that leaves the context, a link out of it, or nothing", async () => {
    const outside = tempDir();
    put(outside, "secret.txt", "s\n");
    const dir = context();
    symlinkSync(join(outside, "secret.txt"), join(dir, "escape.txt"));
    symlinkSync(outside, join(dir, "escape-dir"));
    expect(await sourceDigest(dir, "../x")).toBeUndefined();
    expect(await sourceDigest(dir, "app/../../x")).toBeUndefined();
    expect(await sourceDigest(dir, "..")).toBeUndefined();
    expect(await sourceDigest(dir, "escape.txt")).toBeUndefined();
    expect(await sourceDigest(dir, "escape-dir")).toBeUndefined();
    expect(await sourceDigest(dir, "escape-dir/*.txt")).toBeUndefined();
    // A wildcard that takes in the link out of the context.
    expect(await sourceDigest(dir, "*.txt")).toBeUndefined();
    expect(await sourceDigest(dir, "missing.txt")).toBeUndefined();
    expect(await sourceDigest(dir, "*.none")).toBeUndefined();
    expect(await sourceDigest(dir, "missing/*.txt")).toBeUndefined();
  });

  it("follows a link named in the COPY when it stays inside the context", async () => {
    const dir = context();
    symlinkSync("app", join(dir, "current"));
    const before = await sourceDigest(dir, "current");
    expect(before).toBeDefined();
    writeFileSync(join(dir, "app/main.ts"), "main v2\n");
    expect(await sourceDigest(dir, "current")).not.toBe(before);
  });

  it("takes a name starting with two dots for a name in the context", async () => {
    const dir = context();
    put(dir, "..hidden", "h\n");
    const before = await sourceDigest(dir, "..hidden");
    expect(before).toBeDefined();
    writeFileSync(join(dir, "..hidden"), "h2\n");
    expect(await sourceDigest(dir, "..hidden")).not.toBe(before);
  });

  it("with a wildcard in the last part, changes with a new matching name only", async () => {
    const dir = context();
    const before = await sourceDigest(dir, "*.txt");
    expect(before).toBeDefined();
    put(dir, "c.md", "c\n");
    put(dir, "app/d.txt", "d\n");
    expect(await sourceDigest(dir, "*.txt")).toBe(before);
    put(dir, "c.txt", "c\n");
    const after = await sourceDigest(dir, "*.txt");
    expect(after).not.toBe(before);
    writeFileSync(join(dir, "readme.md"), "changed\n");
    expect(await sourceDigest(dir, "*.txt")).toBe(after);
    writeFileSync(join(dir, "a.txt"), "changed\n");
    expect(await sourceDigest(dir, "*.txt")).not.toBe(after);
  });

  it("with `?` or a bracket expression in the last part, changes with every name it can match", async () => {
    const dir = context();
    for (const pattern of ["?.txt", "[ab].txt", "[!x].txt", "[a-c].txt", "\\a.txt"]) {
      const before = await sourceDigest(dir, pattern);
      expect(before, pattern).toBeDefined();
      writeFileSync(join(dir, "a.txt"), `a for ${pattern}\n`);
      expect(await sourceDigest(dir, pattern), pattern).not.toBe(before);
    }
  });

  it("with a wildcard before the last part, changes with anything in the folder before it", async () => {
    const dir = context();
    put(dir, "src/one/a.txt", "1\n");
    put(dir, "src/two/b.txt", "2\n");
    const seen = new Set([await sourceDigest(dir, "src/*/a.txt")]);
    for (const change of [
      () => writeFileSync(join(dir, "src/two/b.txt"), "2 v2\n"),
      () => put(dir, "src/three/c.md", "3\n"),
      () => put(dir, "src/top.txt", "top\n"),
    ]) {
      change();
      const digest = await sourceDigest(dir, "src/*/a.txt");
      expect(digest).toBeDefined();
      expect(seen.has(digest)).toBe(false);
      seen.add(digest);
    }
    const last = await sourceDigest(dir, "src/*/a.txt");
    writeFileSync(join(dir, "other.txt"), "outside src\n");
    expect(await sourceDigest(dir, "src/*/a.txt")).toBe(last);
  });
});

const HEX = (char: string) => char.repeat(64);

/** resolveBase over a table of digests by image; an image not in it does not resolve. */
function resolver(digests: Record<string, string>) {
  const calls: string[] = [];
  const resolveBase = (reference: string) => {
    calls.push(reference);
    const digest = digests[reference];
    const repository = reference.replace(/:[^/:]*$/, "");
    return Promise.resolve(
      digest === undefined ? undefined : `registry.example/${repository}@sha256:${digest}`,
    );
  };
  return { resolveBase, calls };
}

const PIPELINE = [
  "ARG NODE=20",
  "FROM node:20 AS deps",
  "WORKDIR /app",
  "COPY package.json ./",
  "RUN npm ci",
  "FROM deps AS build",
  "COPY src ./src",
  "RUN npm run build",
  "FROM scratch AS assets",
  "COPY static/ /static/",
  "FROM build AS bundle",
  "COPY --from=assets /static /app/static",
  "RUN tar czf /bundle.tgz /app",
  "FROM node:20-slim AS runtime",
  "COPY --from=bundle /bundle.tgz /",
  'CMD ["node", "/app"]',
].join("\n");

function pipelineContext(): string {
  const dir = tempDir();
  put(dir, "package.json", '{"name":"shop"}\n');
  put(dir, "src/index.ts", "export {}\n");
  put(dir, "static/logo.svg", "<svg/>\n");
  return dir;
}

interface KeyOptions {
  text?: string;
  target?: string;
  contextDir?: string;
  platform?: string;
  buildArgs?: Record<string, string>;
  digests?: Record<string, string>;
}

/** The keys stageKeys gives, by stage name. */
async function keysOf(options: KeyOptions = {}): Promise<Record<string, string>> {
  const file = parseDockerfile(options.text ?? PIPELINE);
  const target = options.target
    ? file.stages.find((stage) => stage.name === options.target)!
    : file.stages.at(-1)!;
  const inputs: KeyInputs = {
    target,
    platform: options.platform ?? "linux/amd64",
    buildArgs: options.buildArgs ?? { NODE: "20" },
    contextDir: options.contextDir ?? pipelineContext(),
    resolveBase: resolver(
      options.digests ?? { "node:20": HEX("a"), "node:20-slim": HEX("b"), "alpine:3": HEX("c") },
    ).resolveBase,
  };
  const keys = await stageKeys(file, inputs);
  return Object.fromEntries(keys.map((k) => [k.stage.name, k.key]));
}

/** Which of `names` have a different key in `after` than in `before`. */
function changed(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before).filter((name) => before[name] !== after[name]);
}

describe("stageKeys", () => {
  it("keys every qualifying stage the target needs, but not the target", async () => {
    const keys = await keysOf();
    expect(Object.keys(keys)).toEqual(["deps", "build", "assets", "bundle"]);
    for (const key of Object.values(keys)) expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(Object.values(keys)).size).toBe(4);
  });

  it("is the same for the same inputs", async () => {
    const contextDir = pipelineContext();
    expect(await keysOf({ contextDir })).toEqual(await keysOf({ contextDir }));
  });

  it("gives the pinned base of a stage that starts from an image, and none otherwise", async () => {
    const file = parseDockerfile(PIPELINE);
    const keys = await stageKeys(file, {
      target: file.stages.at(-1)!,
      platform: "linux/amd64",
      buildArgs: {},
      contextDir: pipelineContext(),
      resolveBase: resolver({ "node:20": HEX("a") }).resolveBase,
    });
    expect(keys.map((k) => [k.stage.name, k.pinnedBase])).toEqual([
      ["deps", `registry.example/node@sha256:${HEX("a")}`],
      ["build", undefined],
      ["assets", undefined],
      ["bundle", undefined],
    ]);
  });

  it("changes for the stage that copies a changed source and the stages built from or copying it", async () => {
    const contextDir = pipelineContext();
    const before = await keysOf({ contextDir });
    writeFileSync(join(contextDir, "package.json"), '{"name":"shop","v":2}\n');
    const afterPackage = await keysOf({ contextDir });
    expect(changed(before, afterPackage)).toEqual(["deps", "build", "bundle"]);
    put(contextDir, "static/icon.svg", "<svg/>\n");
    const afterStatic = await keysOf({ contextDir });
    expect(changed(afterPackage, afterStatic)).toEqual(["assets", "bundle"]);
  });

  it("does not change for a file only a later stage copies", async () => {
    const contextDir = pipelineContext();
    const before = await keysOf({ contextDir });
    writeFileSync(join(contextDir, "src/index.ts"), "export const x = 1;\n");
    expect(changed(before, await keysOf({ contextDir }))).toEqual(["build", "bundle"]);
  });

  it("changes for every stage with any build argument, the platform or a global ARG line", async () => {
    const contextDir = pipelineContext();
    const before = await keysOf({ contextDir });
    const all = ["deps", "build", "assets", "bundle"];
    expect(changed(before, await keysOf({ contextDir, buildArgs: { NODE: "22" } }))).toEqual(all);
    expect(
      changed(before, await keysOf({ contextDir, buildArgs: { NODE: "20", UNUSED: "x" } })),
    ).toEqual(all);
    expect(changed(before, await keysOf({ contextDir, platform: "linux/arm64" }))).toEqual(all);
    const text = PIPELINE.replace("ARG NODE=20", "ARG NODE=22");
    expect(changed(before, await keysOf({ contextDir, text }))).toEqual(all);
  });

  it("does not depend on the order build arguments are given in", async () => {
    const contextDir = pipelineContext();
    expect(await keysOf({ contextDir, buildArgs: { A: "1", B: "2" } })).toEqual(
      await keysOf({ contextDir, buildArgs: { B: "2", A: "1" } }),
    );
  });

  it("changes with the base image's digest for the stages built on it", async () => {
    const contextDir = pipelineContext();
    const before = await keysOf({ contextDir });
    const after = await keysOf({
      contextDir,
      digests: { "node:20": HEX("d"), "node:20-slim": HEX("b") },
    });
    expect(changed(before, after)).toEqual(["deps", "build", "bundle"]);
  });

  it("changes with an instruction's text, in that stage and those that use it", async () => {
    const contextDir = pipelineContext();
    const before = await keysOf({ contextDir });
    const edits: [string, string, string[]][] = [
      ["RUN npm ci", "RUN npm ci --omit=dev", ["deps", "build", "bundle"]],
      ["WORKDIR /app", "WORKDIR /srv", ["deps", "build", "bundle"]],
      ["COPY src ./src", "COPY src ./source", ["build", "bundle"]],
      ["COPY static/ /static/", "COPY --chmod=444 static/ /static/", ["assets", "bundle"]],
      ["RUN tar czf", "RUN tar cJf", ["bundle"]],
    ];
    for (const [from, to, stages] of edits) {
      const text = PIPELINE.replace(from, to);
      expect(changed(before, await keysOf({ contextDir, text })), to).toEqual(stages);
    }
  });

  it("changes with the key of a stage copied from by index too", async () => {
    const text = [
      "FROM alpine:3 AS zero",
      "COPY a.txt /a",
      "FROM scratch AS one",
      "COPY --from=0 /a /a",
      "FROM alpine:3 AS final",
      "COPY --from=one /a /a",
    ].join("\n");
    const contextDir = tempDir();
    put(contextDir, "a.txt", "a\n");
    const before = await keysOf({ text, contextDir });
    expect(Object.keys(before)).toEqual(["zero", "one"]);
    writeFileSync(join(contextDir, "a.txt"), "a2\n");
    expect(changed(before, await keysOf({ text, contextDir }))).toEqual(["zero", "one"]);
  });

  it("takes COPY in its JSON form", async () => {
    const text = ["FROM alpine:3 AS a", 'COPY ["a.txt", "/a"]', "FROM alpine:3 AS final"].join(
      "\n",
    );
    const contextDir = tempDir();
    put(contextDir, "a.txt", "a\n");
    const before = await keysOf({ text: `${text}\nCOPY --from=a /a /a`, contextDir });
    expect(Object.keys(before)).toEqual(["a"]);
    writeFileSync(join(contextDir, "a.txt"), "a2\n");
    expect(
      changed(before, await keysOf({ text: `${text}\nCOPY --from=a /a /a`, contextDir })),
    ).toEqual(["a"]);
  });

  /** The names stageKeys keys in `stages` (each `FROM … AS name` block), target `final`. */
  async function keyedIn(stages: string[], tail = "COPY --from=s /x /x"): Promise<string[]> {
    const contextDir = tempDir();
    put(contextDir, "a.txt", "a\n");
    put(contextDir, "dir/b.txt", "b\n");
    const text = [...stages, "FROM alpine:3 AS final", tail].join("\n");
    return Object.keys(await keysOf({ text, contextDir }));
  }

  it("keys a stage of plain RUN, COPY with --chown/--chmod and configuration only", async () => {
    expect(
      await keyedIn([
        "FROM alpine:3 AS s",
        "ARG VERSION",
        "ENV PATH=/app/bin:$PATH",
        "WORKDIR /app",
        "USER app",
        'LABEL team="shop"',
        "EXPOSE 8080",
        "VOLUME /data",
        "STOPSIGNAL SIGTERM",
        'ENTRYPOINT ["/app/run"]',
        'CMD ["serve"]',
        "RUN echo $VERSION > /v",
        "COPY --chown=app:app --chmod=600 a.txt dir/*.txt /app/",
      ]),
    ).toEqual(["s"]);
  });

  it("does not key the target, an unnamed stage, or a stage the target does not need", async () => {
    expect(await keyedIn(["FROM alpine:3 AS s", "RUN true"], "RUN true")).toEqual([]);
    expect(await keyedIn(["FROM alpine:3", "RUN true"], "COPY --from=0 /x /x")).toEqual([]);
    const contextDir = tempDir();
    const text = ["FROM alpine:3 AS s", "RUN true", "FROM alpine:3 AS final", "RUN true"].join(
      "\n",
    );
    expect(await keysOf({ text, contextDir, target: "s" })).toEqual({});
  });

  it("does not key a stage whose contents cannot be read before building", async () => {
    const cases: [string, string[]][] = [
      ["FROM with --platform", ["FROM --platform=linux/amd64 alpine:3 AS s"]],
      ["FROM with a variable", ["FROM alpine:$TAG AS s"]],
      ["FROM with a braced variable", ["FROM ${BASE} AS s"]],
      ["RUN --mount", ["FROM alpine:3 AS s", "RUN --mount=type=cache,target=/root/.cache make"]],
      ["RUN --network", ["FROM alpine:3 AS s", "RUN --network=none make"]],
      ["ADD", ["FROM alpine:3 AS s", "ADD a.txt /a"]],
      ["ONBUILD", ["FROM alpine:3 AS s", "ONBUILD RUN make"]],
      ["SHELL", ["FROM alpine:3 AS s", 'SHELL ["/bin/bash", "-c"]']],
      ["HEALTHCHECK", ["FROM alpine:3 AS s", "HEALTHCHECK CMD true"]],
      ["COPY --from an image", ["FROM alpine:3 AS s", "COPY --from=nginx:1 /etc/nginx /n"]],
      ["COPY --from a later stage", ["FROM alpine:3 AS s", "COPY --from=final /x /x"]],
      ["COPY source with $", ["FROM alpine:3 AS s", "COPY $SRC /a"]],
      ["COPY --link", ["FROM alpine:3 AS s", "COPY --link a.txt /a"]],
      ["COPY --exclude", ["FROM alpine:3 AS s", "COPY --exclude=*.md . /a"]],
      ["COPY of a missing source", ["FROM alpine:3 AS s", "COPY missing.txt /a"]],
      ["COPY leaving the context", ["FROM alpine:3 AS s", "COPY ../a.txt /a"]],
      ["COPY with one word", ["FROM alpine:3 AS s", "COPY a.txt"]],
      ["an unknown instruction", ["FROM alpine:3 AS s", "MAINTAINER me"]],
      ["an unresolvable base", ["FROM private/base:1 AS s", "RUN true"]],
    ];
    for (const [what, stages] of cases) expect(await keyedIn(stages), what).toEqual([]);
    // The name goes to Buildah as --target: one it would read as a flag is never keyed.
    for (const name of ["--rm", "s$x", "9lives"]) {
      const stages = [`FROM alpine:3 AS ${name}`, "RUN true"];
      expect(await keyedIn(stages, `COPY --from=${name} /x /x`), name).toEqual([]);
    }
    expect(
      await keyedIn(["FROM alpine:3 AS s.v2_a-b", "RUN true"], "COPY --from=s.v2_a-b /x /x"),
    ).toEqual(["s.v2_a-b"]);
  });

  it("does not key a stage built on one that is not keyed, but keys a stage copying from scratch", async () => {
    expect(
      await keyedIn(["FROM alpine:3 AS u", "ADD a.txt /a", "FROM u AS s", "RUN true"]),
    ).toEqual([]);
    expect(
      await keyedIn([
        "FROM alpine:3 AS u",
        "ADD a.txt /a",
        "FROM scratch AS s",
        "COPY --from=u /a /a",
      ]),
    ).toEqual([]);
    expect(await keyedIn(["FROM scratch AS s", "COPY a.txt /a"])).toEqual(["s"]);
  });

  it("keys no stage at all in a file with heredocs", async () => {
    expect(
      await keyedIn(
        ["FROM alpine:3 AS s", "RUN true"],
        "RUN <<EOF\necho hi\nEOF\nCOPY --from=s /x /x",
      ),
    ).toEqual([]);
  });

  it("with a middle stage as the target, keys only the stages it needs", async () => {
    const keys = await keysOf({ target: "build" });
    expect(Object.keys(keys)).toEqual(["deps"]);
    expect(Object.keys(await keysOf({ target: "bundle" }))).toEqual(["deps", "build", "assets"]);
  });

  it("asks the registry only about the images of stages the target needs", async () => {
    const { resolveBase, calls } = resolver({ "node:20": HEX("a") });
    const file = parseDockerfile(PIPELINE);
    await stageKeys(file, {
      target: file.stages.find((s) => s.name === "build")!,
      platform: "linux/amd64",
      buildArgs: {},
      contextDir: pipelineContext(),
      resolveBase,
    });
    expect(calls).toEqual(["node:20"]);
  });
});

describe("planStages", () => {
  const CACHE = "registry.example/shop/api-cache";
  const DOCKERFILE = "docker/api.Dockerfile";

  function service(overrides: Partial<ServiceSpec> = {}): ServiceSpec {
    return {
      name: "api",
      repository: "registry.example/shop/api",
      context: ".",
      dockerfile: DOCKERFILE,
      platforms: ["linux/amd64"],
      buildArgs: { NODE: "20" },
      ...overrides,
    };
  }

  const BASES: Record<string, string> = {
    "node:20": `registry.example/node@sha256:${HEX("a")}`,
    "node:20-slim": `registry.example/node@sha256:${HEX("b")}`,
  };

  /** A lookup that resolves the base images and finds the cached stages in `hits`. */
  function lookup(hits: Record<string, string> = {}) {
    const calls: string[] = [];
    const images: ImageLookup = {
      pin: (reference) => {
        calls.push(reference);
        return Promise.resolve(BASES[reference] ?? hits[reference]);
      },
    };
    return { images, calls };
  }

  /** The workspace with PIPELINE, and the stage keys it gives. */
  async function workspace(text = PIPELINE) {
    const cwd = pipelineContext();
    const dockerfilePath = put(cwd, DOCKERFILE, text);
    const file = parseDockerfile(text);
    const keys = await stageKeys(file, {
      target: file.stages.at(-1)!,
      platform: "linux/amd64",
      buildArgs: { NODE: "20" },
      contextDir: cwd,
      resolveBase: (reference) => Promise.resolve(BASES[reference]),
    });
    const tag = Object.fromEntries(keys.map((k) => [k.stage.name, `${CACHE}:stage-${k.key}`]));
    return { cwd, dockerfilePath, tag, workDir: tempDir() };
  }

  it("puts a cached stage in its place in one FROM, pins a missed stage's base, and pushes what it builds", async () => {
    const { cwd, dockerfilePath, tag, workDir } = await workspace();
    const cachedDeps = `${CACHE}@sha256:${HEX("1")}`;
    const { images, calls } = lookup({ [tag.deps!]: cachedDeps });
    const plan = await planStages({
      service: service(),
      cwd,
      workDir,
      from: CACHE,
      to: CACHE,
      images,
    });

    expect(plan.dockerfile).toBe(join(workDir, "stage-cache", "api.Dockerfile"));
    expect(plan.cached).toEqual(["deps"]);
    expect(plan.toPush).toEqual([
      { stage: "build", reference: tag.build },
      { stage: "assets", reference: tag.assets },
      { stage: "bundle", reference: tag.bundle },
    ]);
    expect(readFileSync(plan.dockerfile!, "utf8")).toBe(
      [
        "ARG NODE=20",
        `FROM ${cachedDeps} AS deps`,
        "FROM deps AS build",
        "COPY src ./src",
        "RUN npm run build",
        "FROM scratch AS assets",
        "COPY static/ /static/",
        "FROM build AS bundle",
        "COPY --from=assets /static /app/static",
        "RUN tar czf /bundle.tgz /app",
        "FROM node:20-slim AS runtime",
        "COPY --from=bundle /bundle.tgz /",
        'CMD ["node", "/app"]',
      ].join("\n"),
    );
    expect(readFileSync(dockerfilePath, "utf8")).toBe(PIPELINE);
    expect(calls.filter((c) => c.startsWith(`${CACHE}:`)).sort()).toEqual(
      Object.values(tag).sort(),
    );
  });

  it("with every stage missed, keeps their bodies and pins the image bases they were keyed from", async () => {
    const { cwd, workDir, tag } = await workspace();
    const plan = await planStages({
      service: service(),
      cwd,
      workDir,
      from: CACHE,
      to: `${CACHE}-w`,
      images: lookup().images,
    });
    expect(plan.cached).toEqual([]);
    expect(plan.toPush.map((p) => p.stage)).toEqual(["deps", "build", "assets", "bundle"]);
    expect(plan.toPush[0]!.reference).toBe(tag.deps!.replace(`${CACHE}:`, `${CACHE}-w:`));
    expect(readFileSync(plan.dockerfile!, "utf8")).toBe(
      PIPELINE.replace("FROM node:20 AS deps", `FROM ${BASES["node:20"]} AS deps`),
    );
  });

  it("does not push a missed stage that only a cached stage needed", async () => {
    const { cwd, workDir, tag } = await workspace();
    const cachedBundle = `${CACHE}@sha256:${HEX("2")}`;
    const plan = await planStages({
      service: service(),
      cwd,
      workDir,
      from: CACHE,
      to: CACHE,
      images: lookup({ [tag.bundle!]: cachedBundle }).images,
    });
    expect(plan.cached).toEqual(["bundle"]);
    expect(plan.toPush).toEqual([]);
    const written = readFileSync(plan.dockerfile!, "utf8");
    expect(written).toContain(`FROM ${cachedBundle} AS bundle\nFROM node:20-slim AS runtime`);
    expect(written).not.toContain("RUN tar czf");
  });

  it("pushes nothing without a cache to write to", async () => {
    const { cwd, workDir } = await workspace();
    const plan = await planStages({
      service: service(),
      cwd,
      workDir,
      from: CACHE,
      images: lookup().images,
    });
    expect(plan.toPush).toEqual([]);
    expect(plan.dockerfile).toBeDefined();
  });

  it("copies the Dockerfile's own .dockerignore next to the rewritten file", async () => {
    const { cwd, workDir, dockerfilePath } = await workspace();
    writeFileSync(`${dockerfilePath}.dockerignore`, "node_modules\n");
    const plan = await planStages({
      service: service(),
      cwd,
      workDir,
      from: CACHE,
      images: lookup().images,
    });
    expect(readFileSync(`${plan.dockerfile!}.dockerignore`, "utf8")).toBe("node_modules\n");
  });

  it("writes no .dockerignore when the Dockerfile has none", async () => {
    const { cwd, workDir } = await workspace();
    const plan = await planStages({
      service: service(),
      cwd,
      workDir,
      from: CACHE,
      images: lookup().images,
    });
    expect(existsSync(`${plan.dockerfile!}.dockerignore`)).toBe(false);
  });

  it("plans for the stage named by target, in any case", async () => {
    const { cwd, workDir, tag } = await workspace();
    const { images, calls } = lookup();
    const plan = await planStages({
      service: service({ target: "Build" }),
      cwd,
      workDir,
      from: CACHE,
      to: CACHE,
      images,
    });
    expect(plan.toPush).toEqual([{ stage: "deps", reference: tag.deps }]);
    expect(calls).toEqual(["node:20", tag.deps]);
  });

  it("with nothing keyed, gives no Dockerfile and writes nothing", async () => {
    const text = [
      "FROM node:20 AS deps",
      "ADD package.json ./",
      "FROM deps AS final",
      "RUN true",
    ].join("\n");
    const { cwd, workDir, dockerfilePath } = await workspace(text);
    const { images, calls } = lookup();
    const plan = await planStages({
      service: service(),
      cwd,
      workDir,
      from: CACHE,
      to: CACHE,
      images,
    });
    expect(plan).toEqual({ cached: [], toPush: [] });
    // A stage that cannot be keyed asks the registry nothing, not even for its base.
    expect(calls).toEqual([]);
    expect(existsSync(join(workDir, "stage-cache"))).toBe(false);
    expect(readFileSync(dockerfilePath, "utf8")).toBe(text);
  });

  it("with only stages that need no pinning, all missed, builds the file as written and pushes them", async () => {
    const text = [
      "FROM scratch AS assets",
      "COPY static/ /static/",
      "FROM node:20 AS final",
      "COPY --from=assets /static /s",
    ].join("\n");
    const { cwd, workDir, tag } = await workspace(text);
    const plan = await planStages({
      service: service(),
      cwd,
      workDir,
      from: CACHE,
      to: CACHE,
      images: lookup().images,
    });
    expect(plan).toEqual({ cached: [], toPush: [{ stage: "assets", reference: tag.assets }] });
    expect(existsSync(join(workDir, "stage-cache"))).toBe(false);
  });

  it("with an unknown target, plans nothing", async () => {
    const { cwd, workDir } = await workspace();
    const { images, calls } = lookup();
    expect(
      await planStages({ service: service({ target: "nope" }), cwd, workDir, from: CACHE, images }),
    ).toEqual({ cached: [], toPush: [] });
    expect(calls).toEqual([]);
  });
});
