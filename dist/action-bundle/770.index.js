export const id = 770;
export const ids = [770];
export const modules = {

/***/ 2770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildPushAction: () => (/* binding */ buildPushAction)
});

// EXTERNAL MODULE: ./src/build-push/services-requirement.ts
var services_requirement = __webpack_require__(7049);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(1036);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/http/fetch.ts
var fetch = __webpack_require__(4780);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/build-push/exec.ts
/**
 * Running the build engines. `Exec` is the seam the tests replace: the Buildx path is
 * tested by the exact argv it would run, the Buildah path by running it for real.
 */

/** Raised when the program itself does not exist, as opposed to exiting with an error. */
class CommandNotFoundError extends Error {
    command;
    name = "CommandNotFoundError";
    constructor(command) {
        super(`${command} is not installed or not on PATH`);
        this.command = command;
    }
}
function lineSplitter(onLine) {
    let pending = "";
    return {
        push(chunk) {
            if (!onLine)
                return;
            pending += chunk;
            const lines = pending.split(/\r?\n/);
            pending = lines.pop() ?? "";
            for (const line of lines)
                if (line.trim())
                    onLine(line);
        },
        flush() {
            if (onLine && pending.trim())
                onLine(pending);
            pending = "";
        },
    };
}
/** Spawns a program (no shell: arguments are never re-parsed) and collects its output. */
const processExec = (command, args, options = {}) => new Promise((resolve, reject) => {
    const child = (0,external_node_child_process_.spawn)(command, [...args], {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        stdio: ["pipe", "pipe", "pipe"],
        ...(options.signal ? { signal: options.signal } : {}),
    });
    const stdout = [];
    const stderr = [];
    const outLines = lineSplitter(options.onLine);
    const errLines = lineSplitter(options.onLine);
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
        stdout.push(chunk);
        outLines.push(chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
        stderr.push(chunk);
        errLines.push(chunk);
    });
    child.on("error", (error) => {
        reject(error.code === "ENOENT" ? new CommandNotFoundError(command) : error);
    });
    child.on("close", (code, signal) => {
        outLines.flush();
        errLines.flush();
        resolve({
            exitCode: code ?? (signal ? 128 : 1),
            stdout: stdout.join(""),
            stderr: stderr.join(""),
        });
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
});
/** Streams a command's output to the logger, each line prefixed (with the service name). */
function logLines(logger, prefix) {
    return (line) => logger.info(`${prefix}${line}`);
}

// EXTERNAL MODULE: ./src/core/own-keys.ts
var own_keys = __webpack_require__(3032);
;// CONCATENATED MODULE: ./src/build-push/key-value-lines.ts
/**
 * `KEY=VALUE` lines, the shape of build-args, labels and secrets. Only the first `=`
 * separates: values may contain `=` (base64, connection strings).
 */

/** The map, or a sentence fragment saying what is wrong (for a zod issue). */
function parseKeyValueLines(lines, rules) {
    const out = (0,own_keys/* ownMap */.hH)();
    for (const [index, line] of lines.entries()) {
        const eq = line.indexOf("=");
        const key = eq > 0 ? line.slice(0, eq).trim() : "";
        if (!key) {
            return rules.echo
                ? `has the line "${line}", which is not KEY=VALUE`
                : `has a line (line ${index + 1}) that is not ID=VALUE`;
        }
        if (!rules.key.test(key))
            return `has the ${rules.keyName} "${key}", which is not a valid name`;
        if (Object.hasOwn(out, key))
            return `sets the ${rules.keyName} ${key} twice`;
        out[key] = line.slice(eq + 1).trim();
    }
    return out;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/oci-reference.ts
var oci_reference = __webpack_require__(7614);
;// CONCATENATED MODULE: ./src/build-push/dockerfile-stages.ts
/**
 * Reading a Dockerfile into its stages: the stage names, so an unknown target is reported
 * at once, before the other services have been built; and each stage's instructions with
 * the physical lines they came from, so the stage cache can key a stage by what it does
 * and put a cached image in its place without touching the rest of the file.
 */
/** The escape character a `# escape=` parser directive at the top declares, else backslash. */
function escapeOf(lines) {
    for (const line of lines) {
        const directive = /^\s*#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(line);
        if (!directive)
            break;
        if (directive[1].toLowerCase() === "escape" && directive[2] === "`")
            return "`";
    }
    return "\\";
}
function instructionOf(text) {
    const match = /^\s*(\S+)\s*(.*)$/.exec(text);
    let rest = match[2] ?? "";
    const flags = [];
    for (let flag = /^(--\S+)\s*/.exec(rest); flag; flag = /^(--\S+)\s*/.exec(rest)) {
        flags.push(flag[1]);
        rest = rest.slice(flag[0].length);
    }
    return { keyword: match[1].toUpperCase(), flags, args: rest.trim(), text: text.trim() };
}
/** Each instruction with its physical lines; comments and blank lines dropped. */
function logicalLines(lines) {
    const escape = escapeOf(lines);
    const out = [];
    let current;
    lines.forEach((raw, index) => {
        const line = raw.trimEnd();
        // Comment and empty lines are dropped, inside a continuation too, as the engines do.
        if (/^\s*#/.test(line) || (current && line.trim() === ""))
            return;
        if (!current && line.trim() === "")
            return;
        const continues = line.endsWith(escape);
        const piece = continues ? line.slice(0, -1) : line;
        current = current
            ? { text: `${current.text} ${piece.trim()}`, line: current.line, end: index + 1 }
            : { text: piece, line: index, end: index + 1 };
        if (!continues) {
            out.push(current);
            current = undefined;
        }
    });
    if (current)
        out.push(current);
    return out;
}
function parseDockerfile(text) {
    const lines = text.split(/\r?\n/);
    const header = [];
    const stages = [];
    let heredocs = false;
    for (const { text: logical, line, end } of logicalLines(lines)) {
        const instruction = instructionOf(logical);
        if (/<<-?\s*["']?[A-Za-z_]/.test(instruction.args))
            heredocs = true;
        if (instruction.keyword === "FROM") {
            const previous = stages.at(-1);
            if (previous)
                previous.endLine = line;
            const words = instruction.args.split(/\s+/).filter(Boolean);
            const named = words.length >= 3 && words[1].toLowerCase() === "as";
            stages.push({
                index: stages.length,
                name: named ? words[2].toLowerCase() : undefined,
                base: words[0] ?? "",
                fromFlags: instruction.flags,
                instructions: [],
                firstLine: line,
                bodyLine: end,
                endLine: lines.length,
            });
        }
        else if (stages.length === 0) {
            header.push(instruction);
        }
        else {
            stages.at(-1).instructions.push(instruction);
        }
    }
    return { lines, header, stages, heredocs, crlf: text.includes("\r\n") };
}
/** The stage names, in order. */
function dockerfileStages(text) {
    return parseDockerfile(text).stages.flatMap((stage) => (stage.name ? [stage.name] : []));
}
/** Whether the text has any FROM instruction at all (a Dockerfile, not some other file). */
function hasFromInstruction(text) {
    return parseDockerfile(text).stages.some((stage) => stage.base !== "");
}
/** The file with some stages (by index) rewritten; every other line stays as written. */
function replaceStages(file, replacements) {
    const out = [];
    let line = 0;
    for (const stage of file.stages) {
        const replacement = replacements.get(stage.index);
        if (replacement === undefined)
            continue;
        out.push(...file.lines.slice(line, stage.firstLine), replacement.from);
        line = replacement.keepBody ? stage.bodyLine : stage.endLine;
    }
    out.push(...file.lines.slice(line));
    return out.join(file.crlf ? "\r\n" : "\n");
}

;// CONCATENATED MODULE: ./src/build-push/build-files.ts
/**
 * The build context and Dockerfile of every service, checked before any engine runs: a
 * missing Dockerfile or an unknown target is a one-sentence mistake, not a failed build.
 */




async function isDirectory(path) {
    return (await (0,promises_.stat)(path).catch(() => undefined))?.isDirectory() ?? false;
}
async function checkBuildFiles(service, cwd) {
    if (!(await isDirectory((0,external_node_path_.resolve)(cwd, service.context)))) {
        throw new errors/* ConfigurationError */.j1(`Service "${service.name}" has the context "${service.context}", which is not a directory in the workspace; give the folder to build from, relative to ${cwd}.`);
    }
    const text = await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, service.dockerfile), "utf8").catch(() => undefined);
    if (text === undefined) {
        throw new errors/* ConfigurationError */.j1(`Service "${service.name}" has no Dockerfile at "${service.dockerfile}"; create it or set the service's dockerfile (relative to its context).`);
    }
    if (!hasFromInstruction(text)) {
        throw new errors/* ConfigurationError */.j1(`"${service.dockerfile}" (service "${service.name}") has no FROM instruction, so it is not a Dockerfile; check the service's dockerfile.`);
    }
    if (service.target) {
        const stages = dockerfileStages(text);
        if (!stages.includes(service.target.toLowerCase())) {
            throw new errors/* ConfigurationError */.j1(`Service "${service.name}" has the target "${service.target}", which ${service.dockerfile} does not define; its stages are ${stages.join(", ") || "unnamed (add FROM … AS name)"}.`);
        }
    }
}
/** A secret file is read by the engine mid-build: it must be there before anything runs. */
async function checkSecretFiles(secrets, cwd) {
    for (const secret of secrets) {
        if (!("file" in secret))
            continue;
        const found = await (0,promises_.stat)((0,external_node_path_.resolve)(cwd, secret.file)).catch(() => undefined);
        if (!found?.isFile()) {
            throw new errors/* ConfigurationError */.j1(`Input "secret-files" names "${secret.file}" for the secret "${secret.id}", which ${found ? "is not a regular file" : "does not exist"}; give the path of a file (relative to ${cwd}).`);
        }
    }
}
/**
 * Both engines build Linux images on a Linux runner; a platform they cannot build would
 * otherwise fail only after other services were pushed.
 */
function checkBuildablePlatforms(services) {
    for (const service of services) {
        const foreign = service.platforms.find((p) => !p.startsWith("linux/"));
        if (foreign) {
            throw new errors/* ConfigurationError */.j1(`Service "${service.name}" has the platform "${foreign}", which the build engines cannot build here (they build linux/* images); remove it or build it on a matching runner.`);
        }
    }
}

;// CONCATENATED MODULE: ./src/build-push/engine.ts
const ENGINE_NAMES = (/* unused pure expression or super */ null && (["buildx", "buildah"]));
/** An engine command that exited non-zero; turned into one sentence by push-failure.ts. */
class EngineCommandError extends Error {
    step;
    command;
    exitCode;
    output;
    name = "EngineCommandError";
    constructor(step, command, exitCode, output) {
        super(`${command} exited with ${exitCode}`);
        this.step = step;
        this.command = command;
        this.exitCode = exitCode;
        this.output = output;
    }
}

// EXTERNAL MODULE: ./src/core/ci-facts.ts
var ci_facts = __webpack_require__(1669);
;// CONCATENATED MODULE: ./src/build-push/git-facts.ts
/**
 * What the commit being built is: SHA, branch, semver release tag and source URL. Taken
 * from the CI system's variables when they are there (GitHub Actions, GitLab CI, Jenkins…),
 * from the git repository in the workspace otherwise (the CLI on a laptop), so every runner
 * tags images the same way.
 */

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;
function parseSemVer(text) {
    const match = SEMVER.exec(text.trim());
    if (!match)
        return undefined;
    return {
        major: Number(match[1]),
        minor: Number(match[2]),
        patch: Number(match[3]),
        ...(match[4] ? { prerelease: match[4] } : {}),
    };
}
function formatSemVer(version) {
    const core = `${version.major}.${version.minor}.${version.patch}`;
    return version.prerelease ? `${core}-${version.prerelease}` : core;
}
/** Orders releases; a prerelease comes before its release (1.0.0-rc.1 < 1.0.0). */
function compareSemVer(a, b) {
    const order = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
    if (order !== 0)
        return order;
    if (a.prerelease === b.prerelease)
        return 0;
    if (!a.prerelease)
        return 1;
    if (!b.prerelease)
        return -1;
    return a.prerelease.localeCompare(b.prerelease, "en", { numeric: true });
}
/** A clone URL as a web URL, with any credentials in it removed. */
function webUrlOfRemote(remote) {
    const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?\/?$/.exec(remote);
    if (scp)
        return `https://${scp[1]}/${scp[2]}`;
    try {
        const url = new URL(remote);
        if (!/^(https?|ssh|git):$/.test(url.protocol))
            return undefined;
        return `https://${url.hostname}${url.pathname.replace(/\.git\/?$/, "").replace(/\/$/, "")}`;
    }
    catch {
        return undefined;
    }
}
async function git(exec, cwd, args) {
    try {
        const result = await exec("git", ["-C", cwd, ...args]);
        const out = result.stdout.trim();
        return result.exitCode === 0 && out ? out : undefined;
    }
    catch {
        return undefined; // no git at all: the facts are simply unknown
    }
}
function highestRelease(tags) {
    const versions = tags
        .split(/\r?\n/)
        .map(parseSemVer)
        .filter((v) => v !== undefined);
    return versions.sort(compareSemVer).pop();
}
async function readGitFacts(env, cwd, exec) {
    const ci = (0,ci_facts/* readCiFacts */.K)(env);
    // In CI the checkout is often a detached HEAD: only the CI's own variables name the branch.
    const inCi = Boolean(ci.commit);
    const sha = ci.commit || (await git(exec, cwd, ["rev-parse", "HEAD"]));
    const branch = ci.branch ||
        (inCi ? undefined : await git(exec, cwd, ["symbolic-ref", "--short", "-q", "HEAD"]));
    const version = ci.tag
        ? parseSemVer(ci.tag)
        : inCi
            ? undefined
            : highestRelease((await git(exec, cwd, ["tag", "--points-at", "HEAD"])) ?? "");
    const remote = ci.repositoryUrl
        ? undefined
        : await git(exec, cwd, ["remote", "get-url", "origin"]);
    const source = ci.repositoryUrl
        ? webUrlOfRemote(ci.repositoryUrl)
        : remote
            ? webUrlOfRemote(remote)
            : undefined;
    return {
        ...(sha ? { sha } : {}),
        ...(branch ? { branch } : {}),
        ...(version ? { version } : {}),
        ...(source ? { source } : {}),
    };
}

;// CONCATENATED MODULE: ./src/build-push/image-labels.ts

function ociLabels(facts, created, firstTag, extra) {
    const version = facts.version ? formatSemVer(facts.version) : firstTag;
    return {
        ...(facts.source ? { "org.opencontainers.image.source": facts.source } : {}),
        ...(facts.sha ? { "org.opencontainers.image.revision": facts.sha } : {}),
        "org.opencontainers.image.created": created.toISOString(),
        ...(version ? { "org.opencontainers.image.version": version } : {}),
        ...extra,
    };
}

;// CONCATENATED MODULE: ./src/build-push/tag-template.ts
/**
 * Tag templates: `{{sha}}`, `v{{major}}.{{minor}}`, `{{branch}}-{{short-sha}}`, `latest`.
 * A template is checked when the inputs are read (a typo fails before any build); it is
 * rendered once the commit's facts are known. A template whose value this build does not
 * have (`{{version}}` on a branch push) yields no tag, the way release tags should behave.
 */
const TAG_VARIABLES = [
    "sha",
    "short-sha",
    "version",
    "major",
    "minor",
    "patch",
    "branch",
    "environment",
];
const TAG_CHARS = /^[A-Za-z0-9_.-]*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
function isVariable(name) {
    return TAG_VARIABLES.includes(name);
}
/** The parsed template, or a sentence fragment saying what is wrong with it. */
function parseTagTemplate(source) {
    const parts = [];
    let last = 0;
    const literal = (text) => {
        if (/[{}]/.test(text)) {
            return `"${source}" has an unmatched brace; placeholders are written {{name}}`;
        }
        if (!TAG_CHARS.test(text)) {
            return `"${source}" contains "${text.replace(/[A-Za-z0-9_.-]/g, "")[0]}", which a tag cannot hold; tags use letters, digits, _, . and -`;
        }
        if (text)
            parts.push({ literal: text });
        return undefined;
    };
    for (const match of source.matchAll(PLACEHOLDER)) {
        const problem = literal(source.slice(last, match.index));
        if (problem)
            return problem;
        const name = match[1] ?? "";
        if (!isVariable(name)) {
            return `"${source}" uses the unknown placeholder {{${name}}}; known ones are ${TAG_VARIABLES.map((v) => `{{${v}}}`).join(", ")}`;
        }
        parts.push({ variable: name });
        last = match.index + match[0].length;
    }
    const problem = literal(source.slice(last));
    if (problem)
        return problem;
    if (parts.length === 0)
        return `a tag template is empty`;
    const first = parts[0];
    if ("literal" in first && !/^[A-Za-z0-9_]/.test(first.literal)) {
        return `"${source}" starts with "${first.literal[0]}"; a tag must start with a letter, digit or _`;
    }
    return { source, parts };
}
function renderTag(template, values) {
    const missing = template.parts.flatMap((part) => "variable" in part && !values[part.variable] ? [part.variable] : []);
    if (missing.length > 0)
        return { missing };
    const tag = template.parts
        .map((part) => ("literal" in part ? part.literal : values[part.variable]))
        .join("");
    return { tag };
}
/** Whether a rendered tag is one a registry accepts (length and first character). */
function isValidTag(tag) {
    return TAG.test(tag);
}
/** A branch name as a tag: `feature/Login` → `feature-Login`, at most 128 characters. */
function sanitiseForTag(text) {
    const cleaned = text
        .replace(/[^A-Za-z0-9_.-]+/g, "-")
        .replace(/^[.-]+/, "")
        .slice(0, 128)
        .replace(/[.-]+$/, "");
    return cleaned || undefined;
}

;// CONCATENATED MODULE: ./src/build-push/image-tags.ts
/**
 * The tags of one build: every template rendered with the commit's facts. A template
 * whose value is missing (no release tag on a branch push) is left out and logged; a
 * build left with no tag at all is a configuration mistake.
 */



function tagValues(facts, environment) {
    const release = facts.version && !facts.version.prerelease ? facts.version : undefined;
    const branch = facts.branch ? sanitiseForTag(facts.branch) : undefined;
    const env = environment ? sanitiseForTag(environment) : undefined;
    return {
        ...(facts.sha ? { sha: facts.sha, "short-sha": facts.sha.slice(0, 7) } : {}),
        ...(facts.version ? { version: formatSemVer(facts.version) } : {}),
        // Moving tags (v1, v1.2) follow releases only, never a release candidate.
        ...(release
            ? { major: String(release.major), minor: String(release.minor), patch: String(release.patch) }
            : {}),
        ...(branch ? { branch } : {}),
        ...(env ? { environment: env } : {}),
    };
}
function renderTags(templates, values, logger) {
    const tags = [];
    const skipped = [];
    for (const template of templates) {
        const rendered = renderTag(template, values);
        if ("missing" in rendered) {
            const names = rendered.missing.map((m) => `{{${m}}}`).join(", ");
            logger.info(`Tag "${template.source}" left out: this build has no ${names}.`);
            skipped.push(`"${template.source}" (no ${names})`);
            continue;
        }
        if (!isValidTag(rendered.tag)) {
            throw new errors/* ConfigurationError */.j1(`Input "tags": "${template.source}" renders to "${rendered.tag}", which is not a valid tag (at most 128 letters, digits, _, . and -, not starting with . or -).`);
        }
        if (!tags.includes(rendered.tag))
            tags.push(rendered.tag);
    }
    if (tags.length === 0) {
        throw new errors/* ConfigurationError */.j1(`Input "tags" gives no tag for this build: ${skipped.join(", ")}; add a template this build can fill, such as {{sha}}.`);
    }
    return tags;
}

;// CONCATENATED MODULE: ./src/build-push/in-parallel.ts
/**
 * Runs tasks with at most `limit` at a time, results in input order. After the first
 * failure nothing new starts; the ones already running finish (an engine killed mid-push
 * can leave its storage locked), then the first error is thrown.
 */
async function inParallel(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (!failure && next < items.length) {
            const index = next++;
            try {
                results[index] = await task(items[index]);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
    return results;
}

;// CONCATENATED MODULE: ./src/build-push/layer-cache.ts
/**
 * The layer cache: where each service's build reads cached layers from and writes them to,
 * so a CI runner that starts with nothing local rebuilds only the stages a change touched.
 *
 * By default each service caches in the repository next to its image, `<image>-cache`:
 * a sibling repository rather than `<image>/cache`, because Docker Hub allows only two
 * path components, and a separate repository rather than a tag of the image's own,
 * because Buildah tags one cache image per build step and those tags would drown the
 * release tags. ECR creates no repository on push: create `<image>-cache` beside the image.
 *
 * Entries are written once for both engines: a repository (`registry/team/api-cache`), or
 * a Buildx cache spec (`type=registry,ref=…`, `type=gha`). `{{image}}` and `{{service}}`
 * stand for the service's repository and name, so one setting serves every service.
 * Credentials are the push's: both engines read the same auth files for the cache.
 */


const DEFAULT_CACHE = "{{image}}-cache";
/** The tag Buildx's registry cache is written under when a repository is given without one. */
const BUILDX_CACHE_TAG = "buildcache";
function expand(text, service) {
    return text.replaceAll("{{image}}", service.repository).replaceAll("{{service}}", service.name);
}
function attributesOf(spec) {
    const attributes = new Map();
    for (const part of spec.split(",")) {
        const eq = part.indexOf("=");
        if (eq > 0)
            attributes.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    return attributes;
}
function registryCache(input, reference, spec) {
    const parsed = (0,oci_reference/* parseImageReference */.o_)(reference);
    if (!parsed || parsed.digest) {
        throw new errors/* ConfigurationError */.j1(`Input "${input}" has the cache "${reference}", which is not a repository; write one such as registry.example.com/team/api-cache, or {{image}}-cache.`);
    }
    const repository = parsed.tag ? reference.slice(0, -(parsed.tag.length + 1)) : reference;
    return { kind: "registry", repository, tag: parsed.tag, ...(spec ? { spec } : {}) };
}
/** One entry of cache-from or cache-to, for one service. */
function parseCacheEntry(input, written, service) {
    const text = expand(written.trim(), service);
    if (!text.startsWith("type="))
        return registryCache(input, text);
    const attributes = attributesOf(text);
    // Entries are not echoed whole in messages: a Buildx spec (s3, azblob) may hold credentials.
    const type = attributes.get("type") ?? "";
    if (type === "registry") {
        const ref = attributes.get("ref");
        if (!ref) {
            throw new errors/* ConfigurationError */.j1(`Input "${input}" has "${written}", a registry cache without ref; add ref=<repository>, e.g. type=registry,ref={{image}}-cache:buildcache.`);
        }
        return registryCache(input, ref, text);
    }
    if (!/^[a-z0-9]+$/.test(type)) {
        throw new errors/* ConfigurationError */.j1(`Input "${input}" has a cache entry whose type is not a word; write type=registry,ref=… or type=gha.`);
    }
    // Every service needs its own GitHub Actions cache scope, or each overwrites the last.
    const spec = type === "gha" && !attributes.has("scope") ? `${text},scope=${service.name}` : text;
    return { kind: "buildx", type, spec };
}
/** Where one service's build reads and writes its cache; undefined when the cache is off. */
function serviceCache(settings, service, engine) {
    if (!settings.enabled)
        return undefined;
    const fromWritten = settings.from.length > 0 ? settings.from : [DEFAULT_CACHE];
    const toWritten = settings.to ?? DEFAULT_CACHE;
    const from = fromWritten.map((entry) => parseCacheEntry("cache-from", entry, service));
    const to = toWritten === "none" ? undefined : parseCacheEntry("cache-to", toWritten, service);
    if (engine === "buildah") {
        const other = [...from, ...(to ? [to] : [])].find((c) => c.kind === "buildx");
        if (other?.kind === "buildx") {
            throw new errors/* ConfigurationError */.j1(`A type=${other.type} cache is a Buildx cache, which Buildah cannot use; give cache-from and cache-to a registry repository (e.g. {{image}}-cache), or use engine: buildx.`);
        }
        if (from.length > 1) {
            throw new errors/* ConfigurationError */.j1(`Input "cache-from" names ${from.length} caches, but Buildah reads one; give a single repository.`);
        }
    }
    return { from, to, byDefault: settings.from.length === 0 && settings.to === undefined };
}
/** The registries a service's cache lives in, to be checked before any build. */
function cacheRegistries(cache) {
    if (!cache)
        return [];
    return [...cache.from, ...(cache.to ? [cache.to] : [])].flatMap((c) => c.kind === "registry" ? [(0,oci_reference/* registryOf */.Fv)((0,oci_reference/* parseImageReference */.o_)(c.repository))] : []);
}
function buildxRegistryRef(cache) {
    return `${cache.repository}:${cache.tag ?? BUILDX_CACHE_TAG}`;
}
/**
 * Buildx flags. The registry cache is written in max mode (every stage of a multi-stage
 * build, not only the last), as a plain image manifest so ECR accepts it, and a cache that
 * cannot be written never fails the build that a deploy is waiting for.
 */
function buildxCacheArgs(cache, tlsVerify) {
    if (!cache)
        return [];
    const insecure = tlsVerify ? "" : ",registry.insecure=true";
    const spec = (c, registryDefaults) => c.kind === "buildx"
        ? c.spec
        : (c.spec ?? `type=registry,ref=${buildxRegistryRef(c)}${registryDefaults}${insecure}`);
    return [
        ...cache.from.flatMap((c) => ["--cache-from", spec(c, "")]),
        ...(cache.to
            ? [
                "--cache-to",
                spec(cache.to, ",mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true"),
            ]
            : []),
    ];
}
/**
 * Buildah flags: `--layers` keeps a layer per step, and a registry cache holds one image
 * per step under a tag derived from the step and its inputs; Buildah takes the repository
 * alone (a tag written for Buildx is not used).
 */
function buildahCacheArgs(cache) {
    if (!cache)
        return [];
    const repository = (c) => (c?.kind === "registry" ? c.repository : "");
    const from = repository(cache.from[0]);
    const to = repository(cache.to);
    return ["--layers", ...(from ? ["--cache-from", from] : []), ...(to ? ["--cache-to", to] : [])];
}

// EXTERNAL MODULE: ./src/core/quantity.ts
var quantity = __webpack_require__(7950);
;// CONCATENATED MODULE: ./src/build-push/platforms.ts
/**
 * Target platforms (`linux/amd64`, `linux/arm64/v8`). Checked before anything is built,
 * because an engine rejects a bad one only after minutes of work on the good ones.
 */
const OPERATING_SYSTEMS = new Set(["linux", "windows", "darwin", "freebsd"]);
const ARCHITECTURES = new Set([
    "amd64",
    "arm64",
    "arm",
    "386",
    "ppc64le",
    "s390x",
    "riscv64",
    "mips64le",
    "loong64",
]);
const VARIANTS = {
    arm: new Set(["v5", "v6", "v7"]),
    arm64: new Set(["v8"]),
    amd64: new Set(["v1", "v2", "v3", "v4"]),
};
/** Why `text` is not a platform (`"linux/x86_64", whose …`), or undefined when it is one. */
function platformProblem(text) {
    const parts = text.split("/");
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === "")) {
        return `"${text}", which is not a platform; write it as os/architecture, e.g. linux/amd64 or linux/arm64`;
    }
    const [os = "", architecture = "", variant] = parts;
    if (!OPERATING_SYSTEMS.has(os)) {
        return `"${text}", whose operating system "${os}" is unknown; use one of ${[...OPERATING_SYSTEMS].join(", ")}`;
    }
    if (!ARCHITECTURES.has(architecture)) {
        return `"${text}", whose architecture "${architecture}" is unknown; use one of ${[...ARCHITECTURES].join(", ")}`;
    }
    if (variant !== undefined && !VARIANTS[architecture]?.has(variant)) {
        return `"${text}", whose variant "${variant}" is unknown for ${architecture}; use ${[...(VARIANTS[architecture] ?? [])].join(", ") || "no variant"}`;
    }
    return undefined;
}
function parsePlatform(text) {
    const [os = "", architecture = "", variant] = text.split("/");
    return { os, architecture, ...(variant ? { variant } : {}) };
}
/** `linux/arm64` and `linux/arm64/v8` are the same platform to a registry index. */
function platformKey(platform) {
    const variant = platform.variant && !(platform.architecture === "arm64" && platform.variant === "v8")
        ? `/${platform.variant}`
        : "";
    return `${platform.os}/${platform.architecture}${variant}`;
}
function normalisePlatform(text) {
    return platformKey(parsePlatform(text));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/build-push/registry-client.ts
/**
 * Reads what a registry holds, over the OCI distribution API: enough to check a push
 * (manifests and image configs by digest), with the registry's own authentication
 * (anonymous, Basic, or a Bearer token from the realm its 401 names).
 */


const INDEX_MEDIA_TYPES = [
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
];
const MANIFEST_MEDIA_TYPES = [
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
];
/** Docker Hub's API lives on another host than its name. */
function apiHost(registry) {
    return registry === "docker.io" ? "registry-1.docker.io" : registry;
}
function challengeParams(header) {
    const scheme = header.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
    const params = {};
    for (const match of header.matchAll(/(\w+)="([^"]*)"/g))
        params[match[1].toLowerCase()] = match[2];
    return { scheme, params };
}
function causeOf(error) {
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
function describe(registry, repository, reference) {
    return `${registry}/${repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}`;
}
class RegistryClient {
    options;
    bases = new Map();
    authorizations = new Map();
    constructor(options) {
        this.options = options;
    }
    /**
     * Finds how to reach a registry (HTTPS, or plain HTTP when TLS verification is off), or
     * fails with one sentence saying it cannot be reached. Any HTTP answer, 401 included,
     * means it is there.
     */
    async ping(registry) {
        await this.base(registry);
    }
    async base(registry) {
        const known = this.bases.get(registry);
        if (known)
            return known;
        const host = apiHost(registry);
        const candidates = this.options.tlsVerify
            ? [`https://${host}`]
            : [`https://${host}`, `http://${host}`];
        let lastError;
        for (const base of candidates) {
            try {
                const response = await this.options.fetch(`${base}/v2/`, this.init("GET", {}));
                await response.body?.cancel();
                this.bases.set(registry, base);
                return base;
            }
            catch (error) {
                lastError = error;
            }
        }
        const hint = this.options.tlsVerify
            ? "check the registry name and the runner's network (for a registry without TLS, set tls-verify: false)"
            : "check the registry name and the runner's network";
        throw new errors/* OperationFailedError */.Bp(`Registry ${registry} could not be reached (${causeOf(lastError)}); ${hint}.`);
    }
    init(method, headers) {
        return { method, headers, ...(this.options.signal ? { signal: this.options.signal } : {}) };
    }
    /** Answers a 401 challenge: Basic credentials, or a Bearer token from the named realm. */
    async authorize(registry, repository, challenge) {
        const { scheme, params } = challengeParams(challenge);
        const credentials = await this.options.credentials(registry);
        const basic = credentials
            ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`
            : undefined;
        if (scheme === "basic")
            return basic;
        if (scheme !== "bearer" || !params["realm"])
            return undefined;
        const url = new URL(params["realm"]);
        if (params["service"])
            url.searchParams.set("service", params["service"]);
        url.searchParams.append("scope", `repository:${repository}:pull`);
        const response = await this.options.fetch(url.toString(), this.init("GET", basic ? { authorization: basic } : {}));
        if (!response.ok) {
            await response.body?.cancel();
            return undefined;
        }
        const body = (await response.json());
        const token = body.token ?? body.access_token;
        if (!token)
            return undefined;
        this.options.secrets.add(token);
        return `Bearer ${token}`;
    }
    async get(registry, repository, path, accept) {
        const url = `${await this.base(registry)}/v2/${repository}/${path}`;
        const key = `${registry}/${repository}`;
        const headers = () => {
            const authorization = this.authorizations.get(key);
            return { accept: accept.join(", "), ...(authorization ? { authorization } : {}) };
        };
        let response = await this.options.fetch(url, this.init("GET", headers()));
        const challenge = response.headers.get("www-authenticate");
        if (response.status === 401 && challenge) {
            await response.body?.cancel();
            const authorization = await this.authorize(registry, repository, challenge);
            if (authorization) {
                this.authorizations.set(key, authorization);
                response = await this.options.fetch(url, this.init("GET", headers()));
            }
        }
        return response;
    }
    async refused(response, what) {
        await response.body?.cancel();
        const reason = response.status === 401 || response.status === 403
            ? "the registry refused to let this runner read it; log in to the registry first"
            : response.status === 404
                ? "the registry does not have it"
                : `the registry answered ${response.status} ${response.statusText}`.trim();
        throw new errors/* OperationFailedError */.Bp(`Reading back ${what} failed: ${reason}.`);
    }
    /**
     * Whether the registry turns this runner away for want of (valid) credentials: asked
     * after a failed push, because an engine does not always say why it failed.
     */
    async refusesCredentials(registry, repository) {
        const response = await this.get(registry, repository, "tags/list", ["application/json"]);
        await response.body?.cancel();
        return response.status === 401 || response.status === 403;
    }
    async manifest(registry, repository, reference) {
        const found = await this.findManifest(registry, repository, reference);
        if (!found) {
            throw new errors/* OperationFailedError */.Bp(`Reading back ${describe(registry, repository, reference)} failed: the registry does not have it.`);
        }
        return found;
    }
    /** The manifest a reference names, or undefined when the registry does not have it. */
    async findManifest(registry, repository, reference) {
        const response = await this.get(registry, repository, `manifests/${reference}`, [
            ...INDEX_MEDIA_TYPES,
            ...MANIFEST_MEDIA_TYPES,
        ]);
        if (response.status === 404) {
            await response.body?.cancel();
            return undefined;
        }
        if (!response.ok)
            return this.refused(response, describe(registry, repository, reference));
        const bytes = Buffer.from(await response.arrayBuffer());
        const json = JSON.parse(bytes.toString("utf8"));
        const mediaType = (typeof json["mediaType"] === "string" ? json["mediaType"] : undefined) ??
            response.headers.get("content-type")?.split(";")[0]?.trim() ??
            "";
        return {
            mediaType,
            digest: `sha256:${(0,external_node_crypto_.createHash)("sha256").update(bytes).digest("hex")}`,
            json,
        };
    }
    async blobJson(registry, repository, digest) {
        const response = await this.get(registry, repository, `blobs/${digest}`, [
            "application/json",
            "*/*",
        ]);
        if (!response.ok)
            return this.refused(response, `${registry}/${repository}@${digest}`);
        return (await response.json());
    }
}

;// CONCATENATED MODULE: ./src/build-push/pushed-image.ts
/**
 * What the registry now holds for one pushed image, read back by digest: the platforms of
 * its index and the compressed size of each (config plus layers, as pulled), then checked
 * against the request: the digest resolves, every tag points at it, every platform is
 * there, and each platform fits the size budget.
 */



function isIndex(manifest) {
    return (INDEX_MEDIA_TYPES.includes(manifest.mediaType) || Array.isArray(manifest.json["manifests"]));
}
/** Buildx adds provenance and SBOM attestations as `unknown/unknown` entries: not images. */
function isAttestation(descriptor) {
    return (descriptor.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" ||
        (descriptor.platform?.os === "unknown" && descriptor.platform.architecture === "unknown"));
}
function compressedSize(manifest) {
    const config = manifest.json["config"]?.size ?? 0;
    const layers = manifest.json["layers"] ?? [];
    return config + layers.reduce((sum, layer) => sum + (layer.size ?? 0), 0);
}
async function readPushedImage(client, location, digest) {
    const top = await client.manifest(location.registry, location.path, digest);
    if (!isIndex(top)) {
        // A single-platform push: the platform is in the image config.
        const configDigest = top.json["config"]?.digest ?? "";
        const config = await client.blobJson(location.registry, location.path, configDigest);
        const platform = platformKey({
            os: String(config["os"] ?? ""),
            architecture: String(config["architecture"] ?? ""),
            ...(typeof config["variant"] === "string" ? { variant: config["variant"] } : {}),
        });
        return {
            digest: top.digest,
            mediaType: top.mediaType,
            platforms: [{ platform, digest: top.digest, size: compressedSize(top) }],
        };
    }
    const entries = (top.json["manifests"] ?? []).filter((d) => !isAttestation(d));
    const platforms = await Promise.all(entries.map(async (entry) => {
        const manifest = await client.manifest(location.registry, location.path, entry.digest ?? "");
        const platform = platformKey({
            os: entry.platform?.os ?? "",
            architecture: entry.platform?.architecture ?? "",
            ...(entry.platform?.variant ? { variant: entry.platform.variant } : {}),
        });
        return { platform, digest: manifest.digest, size: compressedSize(manifest) };
    }));
    return { digest: top.digest, mediaType: top.mediaType, platforms };
}
/** Every way the pushed image differs from what was asked for, one sentence each. */
function pushProblems(image, expected) {
    const problems = [];
    if (image.digest !== expected.digest) {
        problems.push(`Service "${expected.service}": the registry serves ${image.digest} for ${expected.reference}, not the pushed ${expected.digest}.`);
    }
    for (const [tag, digest] of Object.entries(expected.tagDigests)) {
        if (digest !== expected.digest) {
            problems.push(`Service "${expected.service}": tag ${tag} points at ${digest}, not at the pushed ${expected.digest}.`);
        }
    }
    const present = new Set(image.platforms.map((p) => p.platform));
    const missing = expected.platforms.filter((p) => !present.has(p));
    if (missing.length > 0) {
        problems.push(`Service "${expected.service}": ${expected.reference} has no image for ${missing.join(", ")} (it has ${[...present].join(", ") || "none"}).`);
    }
    if (expected.maxSize !== undefined) {
        for (const platform of image.platforms) {
            if (platform.size > expected.maxSize) {
                problems.push(`Service "${expected.service}" for ${platform.platform} is ${(0,quantity/* formatDecimalBytes */.MF)(platform.size)} compressed (${platform.size} bytes), over the max-size budget of ${(0,quantity/* formatDecimalBytes */.MF)(expected.maxSize)}.`);
            }
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/build-push/push-failure.ts
/**
 * An engine's failure as one sentence: the engines print pages of progress, and the
 * reason a person needs is usually one recognisable line in them.
 */

const CREDENTIALS = /unauthorized|authentication required|no basic auth credentials|denied|401 Unauthorized|403 Forbidden|requested access to the resource is denied/i;
const UNREACHABLE = /connection refused|no such host|i\/o timeout|network is unreachable|dial tcp|TLS handshake timeout/i;
const CACHE_PUSH = /failed pushing cache to/i;
/** Buildah fails the whole build when its layer cache cannot be written. */
function isCachePushFailure(output) {
    return CACHE_PUSH.test(output);
}
/**
 * A layer cache that cannot be written does not fail a release (Buildx's cache is written
 * with ignore-error too): the build runs again without writing it, and this says why.
 */
function cachePushWarning(output, service, cacheRepository) {
    // Buildah's line names the cache image in its own notation, and Go's error chain ends with
    // the cause (a missing repository, refused credentials): keep the end.
    const reason = lastMeaningfulLine(output, Infinity).replace(/^failed pushing cache to \{.*?\}\}: /, "");
    const cause = reason.length > 200 ? `…${reason.slice(-199)}` : reason;
    return `The layer cache of service "${service}" could not be pushed to ${cacheRepository} (${cause}), so it was built again without writing the cache; create that repository and let this job push to it (ECR creates none on push), give cache-to another repository, or set cache-to: none.`;
}
const PLAIN_HTTP = /server gave HTTP response to HTTPS client|http: server gave HTTP response/i;
function lastMeaningfulLine(output, maxLength = 300) {
    const lines = output
        .split(/\r?\n/)
        .map((l) => l
        .replace(/^(time="[^"]*" level=\w+ msg=|Error: |error: |ERROR: )/, "")
        .replace(/"$/, "")
        .trim())
        .filter((l) => l &&
        !/^(Getting image source signatures|Copying |Writing manifest|Storing signatures|STEP |-->)/.test(l));
    const line = lines.at(-1) ?? "no output";
    return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
function describeEngineFailure(error, service, repository, context = {}) {
    const output = error.output;
    const credentialsRefused = context.credentialsRefused ?? false;
    const registry = repository.split("/")[0] ?? repository;
    if (PLAIN_HTTP.test(output)) {
        return new errors/* OperationFailedError */.Bp(`Pushing service "${service}" to ${registry} failed because the registry speaks plain HTTP; set tls-verify: false for a registry without TLS.`);
    }
    if ((credentialsRefused && error.step === "push") ||
        (CREDENTIALS.test(output) &&
            (error.step === "push" || /push|registry|manifest|blob/i.test(output)))) {
        return new errors/* OperationFailedError */.Bp(`Pushing service "${service}" to ${repository} was refused for missing or invalid credentials; log in to ${registry} before this step (for example with aws-actions/amazon-ecr-login or docker/login-action).`);
    }
    if (UNREACHABLE.test(output) && error.step === "push") {
        return new errors/* OperationFailedError */.Bp(`Pushing service "${service}" failed: registry ${registry} could not be reached (${lastMeaningfulLine(output)}).`);
    }
    const what = error.step === "build" ? "Building" : "Pushing";
    if (error.exitCode === 0) {
        return new errors/* OperationFailedError */.Bp(`${what} service "${service}" failed: ${error.command} ${lastMeaningfulLine(output)}.`);
    }
    return new errors/* OperationFailedError */.Bp(`${what} service "${service}" failed (${error.command} exited with ${error.exitCode}): ${lastMeaningfulLine(output)}.`.replace(/\.\.$/, "."));
}

;// CONCATENATED MODULE: ./src/build-push/registry-credentials.ts
/**
 * Credentials for reading back what was pushed. Registry login is left to the registry's
 * own login action (aws-actions/amazon-ecr-login, docker/login-action), which writes the
 * Docker config; Buildah and Podman write containers' auth.json. Both are read here, the
 * credential helpers they name are asked, and every password found is masked at once.
 */


/** Auth files in the order the engines consult them. */
function authFilePaths(env) {
    const home = env["HOME"];
    const paths = [];
    if (env["REGISTRY_AUTH_FILE"])
        paths.push(env["REGISTRY_AUTH_FILE"]);
    if (env["XDG_RUNTIME_DIR"])
        paths.push((0,external_node_path_.join)(env["XDG_RUNTIME_DIR"], "containers", "auth.json"));
    if (home)
        paths.push((0,external_node_path_.join)(home, ".config", "containers", "auth.json"));
    if (env["DOCKER_CONFIG"])
        paths.push((0,external_node_path_.join)(env["DOCKER_CONFIG"], "config.json"));
    else if (home)
        paths.push((0,external_node_path_.join)(home, ".docker", "config.json"));
    return paths;
}
/** The keys under which a registry's entry may be stored (`docker login` adds https://). */
function keysFor(registry) {
    if (registry === "docker.io") {
        return ["docker.io", "https://index.docker.io/v1/", "index.docker.io", "registry-1.docker.io"];
    }
    return [
        registry,
        `https://${registry}`,
        `http://${registry}`,
        `https://${registry}/v1/`,
        `https://${registry}/v2/`,
    ];
}
function decodeAuth(entry) {
    if (entry.username && entry.password)
        return { username: entry.username, password: entry.password };
    if (!entry.auth)
        return undefined;
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0)
        return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
async function readAuthFile(path) {
    try {
        return JSON.parse(await (0,promises_.readFile)(path, "utf8"));
    }
    catch {
        return undefined; // absent or unreadable: the next file may have it
    }
}
async function askHelper(exec, helper, registry) {
    try {
        const result = await exec(`docker-credential-${helper}`, ["get"], { input: registry });
        if (result.exitCode !== 0)
            return undefined;
        const answer = JSON.parse(result.stdout);
        return answer.Username && answer.Secret
            ? { username: answer.Username, password: answer.Secret }
            : undefined;
    }
    catch {
        return undefined;
    }
}
function credentialLookup(deps) {
    return async (registry) => {
        for (const path of authFilePaths(deps.env)) {
            const file = await readAuthFile(path);
            if (!file)
                continue;
            const helper = file.credHelpers?.[registry] ?? undefined;
            let found;
            for (const key of keysFor(registry)) {
                const entry = file.auths?.[key];
                if (entry)
                    found ??= decodeAuth(entry);
            }
            if (!found && (helper ?? file.credsStore))
                found = await askHelper(deps.exec, (helper ?? file.credsStore), registry);
            if (found) {
                deps.secrets.add(found.password);
                deps.secrets.add(`${found.username}:${found.password}`);
                return found;
            }
        }
        return undefined;
    };
}

// EXTERNAL MODULE: ./src/core/program-on-path.ts
var program_on_path = __webpack_require__(9773);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/build-push/stage-cache/context-digest.ts
/**
 * A digest of what one COPY source can bring in from the build context: every file's path,
 * type, permission bits and content (a link's target text), never its owner or times, as
 * the engines' own cache keys do. It errs towards taking in more than the COPY copies
 * (files .dockerignore leaves out, a whole folder for a wildcard that is not in the last
 * part of the path): a digest that changes too often costs a rebuild, one that changes too
 * rarely would ship a stale stage.
 */




const WILDCARD = /[*?[\\]/;
/** The digest of a source, or undefined when it leaves the context or matches nothing. */
async function sourceDigest(contextDir, source) {
    const context = await (0,promises_.realpath)(contextDir);
    const cleaned = external_node_path_.posix.normalize(`./${source.replace(/^\/+/, "")}`).replace(/\/+$/, "");
    if (cleaned === ".." || cleaned.startsWith("../"))
        return undefined;
    const parts = cleaned === "." ? [] : cleaned.split("/");
    const wild = parts.findIndex((part) => WILDCARD.test(part));
    const hash = (0,external_node_crypto_.createHash)("sha256");
    if (wild === -1) {
        if (!(await addTop(hash, context, parts.join("/"))))
            return undefined;
    }
    else {
        // A wildcard in the last part: the entries of that folder whose names it could match.
        // Anywhere else: the whole folder before it.
        const folder = parts.slice(0, wild).join("/");
        const pattern = wild === parts.length - 1 ? segmentPattern(parts[wild]) : undefined;
        const inside = await insideContext(context, folder);
        if (!inside)
            return undefined;
        const names = (await (0,promises_.readdir)(inside).catch(() => [])).sort();
        let matched = false;
        for (const name of names) {
            if (pattern && !pattern.test(name))
                continue;
            matched = true;
            if (!(await addTop(hash, context, folder ? `${folder}/${name}` : name)))
                return undefined;
        }
        if (!matched)
            return undefined;
    }
    return `sha256:${hash.digest("hex")}`;
}
/**
 * A loose match for one path part: `*` as usual, and `?`, a whole bracket expression or an
 * escaped character as anything. Loose, never narrower: a bracket read as its characters
 * would make `[ab].txt` look for the text "ab" and leave `a.txt` out of the digest.
 */
function segmentPattern(part) {
    let source = "";
    for (let i = 0; i < part.length; i++) {
        const char = part[i];
        if (char === "\\") {
            source += ".*";
            i++;
        }
        else if (char === "[") {
            // Skip to the `]` that closes it (one escaped by a backslash does not).
            for (i++; i < part.length && part[i] !== "]"; i++)
                if (part[i] === "\\")
                    i++;
            source += ".*";
        }
        else if (char === "*" || char === "?")
            source += ".*";
        else
            source += char.replace(/[.+^${}()|\]]/g, "\\$&");
    }
    return new RegExp(`^${source}$`, "s");
}
/** The real path of a context path, or undefined when it resolves outside the context. */
async function insideContext(context, path) {
    const real = await (0,promises_.realpath)(`${context}${external_node_path_.sep}${path}`).catch(() => undefined);
    if (real === undefined)
        return undefined;
    const rel = (0,external_node_path_.relative)(context, real);
    // `..` as a whole part only: `..hidden` is a name inside the context.
    const leaves = rel === ".." || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel);
    return leaves ? undefined : real;
}
/** A source named in a COPY: followed if it is a link (inside the context), then walked. */
async function addTop(hash, context, path) {
    const real = await insideContext(context, path);
    if (real === undefined)
        return false;
    await addEntry(hash, real, path || ".");
    return true;
}
async function addEntry(hash, absolute, name) {
    const stats = await (0,promises_.lstat)(absolute);
    const mode = (stats.mode & 0o7777).toString(8);
    if (stats.isSymbolicLink()) {
        hash.update(`link ${mode} ${JSON.stringify(name)} ${JSON.stringify(await (0,promises_.readlink)(absolute))}\n`);
    }
    else if (stats.isDirectory()) {
        hash.update(`dir ${mode} ${JSON.stringify(name)}\n`);
        for (const child of (await (0,promises_.readdir)(absolute)).sort())
            await addEntry(hash, `${absolute}${external_node_path_.sep}${child}`, `${name}/${child}`);
    }
    else if (stats.isFile()) {
        hash.update(`file ${mode} ${JSON.stringify(name)} ${stats.size} `);
        hash.update(await fileDigest(absolute));
        hash.update("\n");
    }
    else {
        hash.update(`other ${mode} ${JSON.stringify(name)}\n`);
    }
}
async function fileDigest(path) {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest("hex");
}

;// CONCATENATED MODULE: ./src/build-push/stage-cache/stage-keys.ts
/**
 * Which stages of a Dockerfile the stage cache may stand in for, and the key of each: a
 * digest of everything that decides what the stage holds. A stage qualifies only when all
 * of that can be read before building:
 *
 * - it has a name (a letter, then letters, digits, `_`, `.`, `-`), is not the stage being
 *   built, and the stage being built needs it;
 * - it starts from `scratch`, an image the registry resolves to a digest, or a qualifying
 *   stage, written without variables or `--platform`;
 * - its instructions are RUN without flags (no mounts: a bind, cache or secret mount reads
 *   things the key cannot see), COPY from the context or a qualifying stage with at most
 *   `--chown`/`--chmod`, and instructions that only set configuration an OCI image keeps
 *   (ARG, ENV, WORKDIR, USER, LABEL, EXPOSE, VOLUME, CMD, ENTRYPOINT, STOPSIGNAL);
 * - COPY sources hold no variables; the file uses no heredocs.
 *
 * Anything else (ADD, ONBUILD, SHELL, HEALTHCHECK, RUN --mount, COPY --from an image …)
 * leaves the stage, and every stage built on it, to Buildah's per-step cache.
 *
 * The key covers the platform, every build argument, the global ARG lines, the base
 * image's digest or the base stage's key, every instruction as written, and for each COPY
 * the digest of its sources (context-digest.ts) or the key of the stage it copies from.
 */


const KEY_FORMAT = "greenlight-stage-cache/1";
const CONFIG_ONLY = new Set([
    "ARG",
    "ENV",
    "WORKDIR",
    "USER",
    "LABEL",
    "EXPOSE",
    "VOLUME",
    "CMD",
    "ENTRYPOINT",
    "STOPSIGNAL",
]);
const COPY_FLAGS = /^--(chown|chmod)=\S+$/;
const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;
/** The stage before `stage` that `name` (a stage name or index) refers to, if any. */
function earlierStage(file, stage, name) {
    const lower = name.toLowerCase();
    return file.stages.find((s) => s.index < stage.index && (s.name === lower || String(s.index) === lower));
}
const fromFlag = (flag) => /^--from=(.+)$/i.exec(flag)?.[1];
/** The stages `stage` uses: its base stage and the stages it copies from. */
function stageDependencies(file, stage) {
    const stages = [];
    let images = false;
    const base = earlierStage(file, stage, stage.base);
    if (base)
        stages.push(base);
    for (const instruction of stage.instructions) {
        for (const flag of instruction.flags) {
            const from = fromFlag(flag);
            if (from === undefined)
                continue;
            const source = earlierStage(file, stage, from);
            if (source)
                stages.push(source);
            else
                images = true;
        }
    }
    return { stages, images };
}
/** The stages the target needs, itself excluded. */
function neededStages(file, target) {
    const seen = new Set();
    const visit = (stage) => {
        for (const dependency of stageDependencies(file, stage).stages) {
            if (seen.has(dependency.index))
                continue;
            seen.add(dependency.index);
            visit(dependency);
        }
    };
    visit(target);
    return file.stages.filter((stage) => seen.has(stage.index));
}
/** COPY's sources (every argument but the last), JSON or plain form. */
function copySources(instruction) {
    let words;
    if (instruction.args.startsWith("[")) {
        try {
            words = JSON.parse(instruction.args);
        }
        catch {
            return undefined;
        }
    }
    else {
        words = instruction.args.split(/\s+/).filter(Boolean);
    }
    if (!Array.isArray(words) || words.length < 2 || words.some((w) => typeof w !== "string"))
        return undefined;
    return words.slice(0, -1);
}
/** What one instruction adds to the key, or undefined when the stage cannot be keyed. */
async function instructionPart(instruction, stageKeyOf, contextDir) {
    if (CONFIG_ONLY.has(instruction.keyword))
        return instruction.text;
    if (instruction.keyword === "RUN")
        return instruction.flags.length === 0 ? instruction.text : undefined;
    if (instruction.keyword !== "COPY")
        return undefined;
    const from = instruction.flags.map(fromFlag).find((name) => name !== undefined);
    if (instruction.flags.some((flag) => !COPY_FLAGS.test(flag) && fromFlag(flag) === undefined))
        return undefined;
    const sources = copySources(instruction);
    if (!sources || sources.some((source) => source.includes("$")))
        return undefined;
    if (from !== undefined) {
        const key = stageKeyOf(from);
        return key === undefined ? undefined : { text: instruction.text, from: key };
    }
    const digests = [];
    for (const source of sources) {
        const digest = await sourceDigest(contextDir, source);
        if (digest === undefined)
            return undefined;
        digests.push(digest);
    }
    return { text: instruction.text, sources: digests };
}
/**
 * The key of every stage the target needs that the stage cache can stand in for. Keys are
 * worked out in file order, so a stage's base and sources are known before the stage.
 */
async function stageKeys(file, inputs) {
    if (file.heredocs)
        return [];
    const needed = new Set(neededStages(file, inputs.target).map((stage) => stage.index));
    const keys = new Map();
    const keyOf = (stage, name) => {
        const source = earlierStage(file, stage, name);
        return source && keys.get(source.index)?.key;
    };
    const common = {
        format: KEY_FORMAT,
        platform: inputs.platform,
        buildArgs: Object.entries(inputs.buildArgs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        header: file.header.map((instruction) => instruction.text),
    };
    for (const stage of file.stages) {
        if (!needed.has(stage.index) || stage.name === undefined)
            continue;
        // The name goes to Buildah as --target: only the names Dockerfiles allow.
        if (!STAGE_NAME.test(stage.name))
            continue;
        if (stage.fromFlags.length > 0 || stage.base.includes("$") || stage.base === "")
            continue;
        const dependencies = stageDependencies(file, stage);
        if (dependencies.images)
            continue;
        const fromStage = earlierStage(file, stage, stage.base) !== undefined;
        const fromScratch = !fromStage && stage.base.toLowerCase() === "scratch";
        if (fromStage && keyOf(stage, stage.base) === undefined)
            continue;
        const parts = [];
        for (const instruction of stage.instructions) {
            const part = await instructionPart(instruction, (name) => keyOf(stage, name), inputs.contextDir);
            if (part === undefined)
                break;
            parts.push(part);
        }
        if (parts.length !== stage.instructions.length)
            continue;
        // The registry is asked last, and only for a stage that can be keyed otherwise.
        const pinnedBase = fromStage || fromScratch ? undefined : await inputs.resolveBase(stage.base);
        const base = fromStage ? keyOf(stage, stage.base) : fromScratch ? "scratch" : pinnedBase;
        if (base === undefined)
            continue;
        const key = (0,external_node_crypto_.createHash)("sha256")
            .update(JSON.stringify({ ...common, base, instructions: parts }))
            .digest("hex");
        keys.set(stage.index, { stage: stage, key, pinnedBase });
    }
    return [...keys.values()];
}

;// CONCATENATED MODULE: ./src/build-push/stage-cache/stage-plan.ts
/**
 * The stage cache: Buildah's per-step cache still pulls each step's image and carries out
 * every COPY before it can look a step up, so a build whose early stages have not changed
 * pays for them step by step. The stage cache keeps the end of each qualifying stage
 * (stage-keys.ts) as an image of its own, `<cache repository>:stage-<key>`, and a later
 * build whose stage has the same key starts from that image in one FROM instead.
 *
 * Before building, each qualifying stage the target needs is looked up. A stage found is
 * replaced by `FROM <cache repository>@<digest> AS <name>` in a copy of the Dockerfile; a
 * stage not found keeps its lines, its base image pinned to the digest its key was made
 * from; the engine builds it on its own first, earliest first, saves it to the cache and
 * plans again, so the next stage and the image start from it (engines/buildah.ts,
 * cacheStages) and each stage is built once. Everything else in
 * the file stays as written, and the copy sits in the build's private directory under the
 * Dockerfile's own name, with its `<name>.dockerignore` if it has one (the build context
 * stays the service's, so `.dockerignore` there applies as before).
 */




const STAGE_TAG_PREFIX = "stage-";
async function planStages(request) {
    const { service } = request;
    const dockerfilePath = (0,external_node_path_.resolve)(request.cwd, service.dockerfile);
    const file = parseDockerfile(await (0,promises_.readFile)(dockerfilePath, "utf8"));
    const target = service.target
        ? file.stages.find((stage) => stage.name === service.target.toLowerCase())
        : file.stages.at(-1);
    if (!target)
        return { cached: [], toPush: [] };
    const keys = await stageKeys(file, {
        target,
        platform: service.platforms[0],
        buildArgs: service.buildArgs,
        contextDir: (0,external_node_path_.resolve)(request.cwd, service.context),
        resolveBase: (reference) => request.images.pin(reference),
    });
    const found = await Promise.all(keys.map((k) => request.images.pin(`${request.from}:${STAGE_TAG_PREFIX}${k.key}`)));
    const replacements = new Map();
    keys.forEach((k, i) => {
        const cached = found[i];
        if (cached)
            replacements.set(k.stage.index, {
                from: `FROM ${cached} AS ${k.stage.name}`,
                keepBody: false,
            });
        else if (k.pinnedBase)
            replacements.set(k.stage.index, {
                from: `FROM ${k.pinnedBase} AS ${k.stage.name}`,
                keepBody: true,
            });
    });
    const text = replacements.size > 0 ? replaceStages(file, replacements) : undefined;
    // The stages still built: those the target needs once the cached ones stand in.
    const rewritten = text === undefined ? file : parseDockerfile(text);
    const stillNeeded = new Set(neededStages(rewritten, rewritten.stages[target.index]).map((stage) => stage.index));
    const cached = keys.filter((_, i) => found[i]).map((k) => k.stage.name);
    const toPush = request.to
        ? keys
            .filter((k, i) => !found[i] && stillNeeded.has(k.stage.index))
            .map((k) => ({
            stage: k.stage.name,
            reference: `${request.to}:${STAGE_TAG_PREFIX}${k.key}`,
        }))
        : [];
    if (text === undefined)
        return { cached, toPush };
    const folder = (0,external_node_path_.join)(request.workDir, "stage-cache");
    await (0,promises_.mkdir)(folder, { recursive: true });
    const dockerfile = (0,external_node_path_.join)(folder, (0,external_node_path_.basename)(dockerfilePath));
    await (0,promises_.writeFile)(dockerfile, text);
    await (0,promises_.copyFile)(`${dockerfilePath}.dockerignore`, `${dockerfile}.dockerignore`).catch((error) => {
        if (error.code !== "ENOENT")
            throw error;
    });
    return { dockerfile, cached, toPush };
}

;// CONCATENATED MODULE: ./src/build-push/engines/buildah.ts
/**
 * Buildah: `buildah build --platform … --manifest <list>` builds every platform into a
 * local manifest list, `buildah manifest push --all` pushes the list and its images. The
 * list gets a name unique to this run, because `--manifest` adds to a list that already
 * exists, and a rerun must not push the previous run's images with its own.
 *
 * The pushed digest comes from `manifest push --digestfile`, but Buildah replaces the push's
 * error with the result of writing that file (cmd/buildah/manifest.go, 1.28 and later): a
 * push that failed exits 0 with an empty file, and why it failed is lost. So an empty file
 * is followed by the same push without it, which fails with Buildah's own exit status and
 * error; a push that worked is not repeated (each push reads and compresses every layer
 * again, which costs more than the rest of a cached build).
 */







function buildahGlobalArgs(options) {
    return [
        ...(options.storageDriver ? ["--storage-driver", options.storageDriver] : []),
        ...(options.storageRoot
            ? [
                "--root",
                (0,external_node_path_.join)(options.storageRoot, "storage"),
                "--runroot",
                (0,external_node_path_.join)(options.storageRoot, "run"),
            ]
            : []),
    ];
}
/** Writes value secrets to owner-only files: Buildah reads secrets from files. */
async function secretArgs(request) {
    const args = [];
    for (const [index, secret] of request.secrets.entries()) {
        let file;
        if ("file" in secret) {
            file = secret.file;
        }
        else {
            file = (0,external_node_path_.join)(request.workDir, `secret-${index}`);
            await (0,promises_.writeFile)(file, secret.value, { mode: 0o600 });
            await (0,promises_.chmod)(file, 0o600);
        }
        args.push("--secret", `id=${secret.id},src=${file}`);
    }
    return args;
}
/**
 * Buildah's per-step cache, for one platform only: its lookup does not check a cached
 * layer's platform (fixed upstream in containers/buildah#6269, 2025), so a multi-platform
 * build would take one platform's layer for another's. Whole stages are still cached for
 * those builds (stage-cache/): a stage image is a list with every platform in it.
 */
function stepCache(request) {
    return request.service.platforms.length === 1 ? request.cache : undefined;
}
function buildahBuildArgs(request, options, listName, secrets, build = {}) {
    const { service } = request;
    const target = build.stage ?? service.target;
    // Labels describe the image released (its commit and time), not a stage kept for reuse.
    const labels = build.stage ? {} : request.labels;
    return [
        ...buildahGlobalArgs(options),
        "build",
        "--platform",
        service.platforms.join(","),
        "--manifest",
        listName,
        "--file",
        build.dockerfile ?? service.dockerfile,
        ...(target ? ["--target", target] : []),
        ...(options.isolation ? ["--isolation", options.isolation] : []),
        ...(options.tlsVerify ? [] : ["--tls-verify=false"]),
        ...Object.entries(labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]),
        ...Object.entries(service.buildArgs).flatMap(([key, value]) => [
            "--build-arg",
            `${key}=${value}`,
        ]),
        ...secrets,
        ...buildahCacheArgs(stepCache(request)),
        service.context,
    ];
}
/** The digest a push wrote to its digest file, or undefined when it wrote none. */
async function digestIn(digestFile) {
    const digest = (await (0,promises_.readFile)(digestFile, "utf8").catch(() => "")).trim();
    return /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : undefined;
}
/**
 * Without `digestFile` only to learn why a push failed: see the header. `removeList`: the
 * push of the last tag removes the list once it is pushed (`--rm`, which Buildah skips when
 * the push fails), saving a Buildah start of its own for `manifest rm`.
 */
function buildahPushArgs(options, listName, tag, digestFile, removeList = false) {
    return [
        ...buildahGlobalArgs(options),
        "manifest",
        "push",
        "--all",
        "--quiet",
        ...(removeList ? ["--rm"] : []),
        ...(options.tlsVerify ? [] : ["--tls-verify=false"]),
        ...(digestFile ? ["--digestfile", digestFile] : []),
        listName,
        `docker://${tag}`,
    ];
}
class BuildahEngine {
    exec;
    options;
    name = "buildah";
    constructor(exec, options) {
        this.exec = exec;
        this.options = options;
    }
    async run(step, args, request) {
        const result = await this.exec("buildah", args, {
            cwd: request.cwd,
            env: request.env,
            onLine: request.onLine,
            ...(request.signal ? { signal: request.signal } : {}),
        });
        if (result.exitCode !== 0) {
            const command = step === "build" ? "buildah build" : "buildah manifest push";
            throw new EngineCommandError(step, command, result.exitCode, result.stderr || result.stdout);
        }
        return `${result.stdout}\n${result.stderr}`;
    }
    /** An empty digest file is a failed push whose error Buildah dropped (see the header). */
    async pushedDigest(digestFile, output) {
        const digest = await digestIn(digestFile);
        if (digest)
            return digest;
        throw new EngineCommandError("push", "buildah manifest push", 0, `${output}\nit ended without pushing a manifest`);
    }
    /** The stage cache's plan, or undefined when it cannot be used (said in the log). */
    async stagePlan(request) {
        const { cache, images } = request;
        const from = cache?.from[0];
        if (!cache || !images || from?.kind !== "registry")
            return undefined;
        try {
            return await planStages({
                service: request.service,
                cwd: request.cwd,
                workDir: request.workDir,
                from: from.repository,
                to: cache.to?.kind === "registry" ? cache.to.repository : undefined,
                images,
            });
        }
        catch (error) {
            request.onLine(`stage cache not used: ${error.message}`);
            return undefined;
        }
    }
    /**
     * Builds each stage the cache lacks, earliest first, saves it, and plans again, so that
     * the next stage, and then the image, start from the saved ones: every stage is built
     * once. A stage that fails to build fails the build, as it would inside it; one that
     * cannot be saved is only a note, and the image then builds that stage itself.
     */
    async cacheStages(request, secrets) {
        let plan = await this.stagePlan(request);
        if (plan && plan.cached.length > 0)
            request.onLine(`stage cache: ${plan.cached.join(", ")} taken from the cache`);
        // Each round saves the first stage missing; a registry that does not show it right
        // after the push cannot send this round the same stage again, and the count bounds it.
        for (let round = plan?.toPush.length ?? 0; plan && round > 0; round--) {
            const next = plan.toPush[0];
            if (!next)
                break;
            const listName = this.newListName(request);
            request = await this.build(request, listName, secrets, {
                dockerfile: plan.dockerfile,
                stage: next.stage,
            });
            if (!(await this.saveStage(request, listName, next.stage, next.reference)))
                break;
            const again = await this.stagePlan(request);
            if (!again || again.toPush[0]?.stage === next.stage)
                break;
            plan = again;
        }
        return { plan, request };
    }
    /**
     * One `buildah build`. A per-step cache that cannot be written does not fail the release:
     * the build runs again without writing it (the steps built so far are in local storage,
     * so they are reused), with a warning, and the request it returns writes no cache for the
     * builds after it.
     */
    async build(request, listName, secrets, build) {
        try {
            await this.run("build", buildahBuildArgs(request, this.options, listName, secrets, build), request);
            return request;
        }
        catch (error) {
            const to = stepCache(request)?.to;
            if (!(error instanceof EngineCommandError) || !isCachePushFailure(error.output))
                throw error;
            if (to?.kind !== "registry")
                throw error;
            request.onWarning?.(cachePushWarning(error.output, request.service.name, to.repository));
            const readOnly = { ...request, cache: { ...request.cache, to: undefined } };
            await this.removeList(request, listName);
            await this.run("build", buildahBuildArgs(readOnly, this.options, listName, secrets, build), request);
            return readOnly;
        }
    }
    /** Pushes a stage's list to the cache; false (with a note) when it could not. */
    async saveStage(request, listName, stage, reference) {
        const digestFile = (0,external_node_path_.join)(request.workDir, `stage-digest-${(0,external_node_crypto_.randomBytes)(4).toString("hex")}`);
        const args = buildahPushArgs(this.options, listName, reference, digestFile, true);
        const pushed = await this.run("push", args, request).then(async () => (await digestIn(digestFile)) !== undefined, () => false);
        if (pushed) {
            request.onLine(`stage cache: stage ${stage} saved as ${reference}`);
            return true;
        }
        await this.removeList(request, listName);
        request.onLine(`stage cache: stage ${stage} could not be saved as ${reference}; the image builds it itself`);
        return false;
    }
    newListName(request) {
        return `localhost/greenlight-build-push/${request.service.name.toLowerCase()}:${(0,external_node_crypto_.randomBytes)(6).toString("hex")}`;
    }
    async removeList(request, listName) {
        await this.exec("buildah", [...buildahGlobalArgs(this.options), "manifest", "rm", listName], {
            env: request.env,
        }).catch(() => undefined);
    }
    async buildAndPush(request) {
        if (request.cache && !stepCache(request)) {
            request.onLine("no per-step layer cache: Buildah can take one platform's cached layer for another's, so a multi-platform build caches whole stages only");
        }
        const secrets = await secretArgs(request);
        const { plan, request: written } = await this.cacheStages(request, secrets);
        const listName = this.newListName(request);
        await this.build(written, listName, secrets, { dockerfile: plan?.dockerfile });
        return this.pushList(request, listName);
    }
    async pushList(request, listName) {
        // The images stay in storage as the next build's cache; only the list goes.
        let listRemoved = false;
        try {
            let digest = "";
            for (const [index, tag] of request.tags.entries()) {
                const last = index === request.tags.length - 1;
                const digestFile = (0,external_node_path_.join)(request.workDir, `digest-${index}`);
                const push = () => this.run("push", buildahPushArgs(this.options, listName, tag, digestFile, last), request);
                let output = await push();
                if (!(await digestIn(digestFile))) {
                    // Buildah dropped the push's error: without the file it fails with its own.
                    await this.run("push", buildahPushArgs(this.options, listName, tag), request);
                    output = await push();
                }
                digest ||= await this.pushedDigest(digestFile, output);
                // A digest in the file: the last push worked, so its --rm removed the list.
                listRemoved = last && (await digestIn(digestFile)) !== undefined;
            }
            return digest;
        }
        finally {
            if (!listRemoved)
                await this.removeList(request, listName);
        }
    }
}

;// CONCATENATED MODULE: ./src/build-push/engines/buildx.ts
/**
 * Docker Buildx: one `docker buildx build` per service builds every platform and pushes
 * the manifest list under every tag; `--metadata-file` reports the digest pushed.
 * Multi-platform builds need a builder that supports them (docker/setup-buildx-action).
 */




/** The environment variable that carries a value secret to `--secret id=…,env=…`. */
function secretEnvName(id) {
    return `GREENLIGHT_SECRET_${id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
function buildxArgs(request, options, metadataFile) {
    const { service } = request;
    return [
        "buildx",
        "build",
        "--file",
        service.dockerfile,
        ...(service.target ? ["--target", service.target] : []),
        "--platform",
        service.platforms.join(","),
        ...request.tags.flatMap((tag) => ["--tag", tag]),
        ...Object.entries(request.labels).flatMap(([key, value]) => ["--label", `${key}=${value}`]),
        ...Object.entries(service.buildArgs).flatMap(([key, value]) => [
            "--build-arg",
            `${key}=${value}`,
        ]),
        ...request.secrets.flatMap((secret) => [
            "--secret",
            "file" in secret
                ? `id=${secret.id},src=${secret.file}`
                : `id=${secret.id},env=${secretEnvName(secret.id)}`,
        ]),
        ...buildxCacheArgs(request.cache, options.tlsVerify),
        // BuildKit takes an insecure registry per export, not as a global flag.
        ...(options.tlsVerify
            ? ["--push"]
            : ["--output", "type=image,push=true,registry.insecure=true"]),
        "--metadata-file",
        metadataFile,
        service.context,
    ];
}
/** The driver of the current builder (`docker`, `docker-container`, …), from `docker buildx inspect`. */
function parseBuilderDriver(inspectOutput) {
    return /^Driver:\s*(\S+)/m.exec(inspectOutput)?.[1];
}
class BuildxEngine {
    exec;
    options;
    name = "buildx";
    driver;
    constructor(exec, options) {
        this.exec = exec;
        this.options = options;
    }
    builderDriver(request) {
        this.driver ??= this.exec("docker", ["buildx", "inspect"], { env: request.env })
            .then((result) => (result.exitCode === 0 ? parseBuilderDriver(result.stdout) : undefined))
            .catch(() => undefined);
        return this.driver;
    }
    /**
     * The default builder of a plain Docker engine (the `docker` driver) cannot export a
     * cache and fails the build when asked to, so the default cache is left out there; a
     * cache the user wrote is passed on, and Buildx says what is wrong with it.
     */
    async usableCache(request) {
        if (!request.cache?.byDefault)
            return request.cache;
        if ((await this.builderDriver(request)) !== "docker")
            return request.cache;
        request.onLine("no layer cache: the builder uses the docker driver, which cannot export one; set up a builder with docker/setup-buildx-action to cache layers");
        return undefined;
    }
    async buildAndPush(request) {
        const metadataFile = (0,external_node_path_.join)(request.workDir, "metadata.json");
        const cache = await this.usableCache(request);
        const env = {
            ...request.env,
            ...Object.fromEntries(request.secrets.flatMap((secret) => "value" in secret ? [[secretEnvName(secret.id), secret.value]] : [])),
        };
        const result = await this.exec("docker", buildxArgs({ ...request, cache }, this.options, metadataFile), {
            cwd: request.cwd,
            env,
            onLine: request.onLine,
            ...(request.signal ? { signal: request.signal } : {}),
        });
        if (result.exitCode !== 0) {
            throw new EngineCommandError("build", "docker buildx build", result.exitCode, result.stderr || result.stdout);
        }
        // A build exported only to the cache (no push) writes no digest: nothing reached the registry.
        const metadata = await (0,promises_.readFile)(metadataFile, "utf8")
            .then((text) => JSON.parse(text))
            .catch(() => ({}));
        const digest = metadata["containerimage.digest"];
        if (typeof digest !== "string" || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
            throw new EngineCommandError("push", "docker buildx build", 0, `${result.stderr || result.stdout}\nit ended without reporting a pushed manifest digest`);
        }
        return digest;
    }
}

;// CONCATENATED MODULE: ./src/build-push/select-engine.ts
/**
 * `engine: auto` picks Docker Buildx when a Docker engine answers (hosted runners), and
 * Buildah otherwise; an engine that was asked for by name must be there.
 */




async function succeeds(exec, command, args) {
    try {
        return (await exec(command, args)).exitCode === 0;
    }
    catch {
        return false; // not installed
    }
}
/** Buildx is usable only with a running Docker engine, not merely an installed CLI. */
async function buildxAvailable(exec) {
    return ((await succeeds(exec, "docker", ["buildx", "version"])) &&
        (await succeeds(exec, "docker", ["version", "--format", "{{.Server.Version}}"])));
}
/**
 * Buildah needs no daemon, so being installed is enough; it is looked up on PATH rather than
 * run, because a Buildah start (~0.1 s) is a noticeable part of a build the cache makes short.
 */
function buildahAvailable(env) {
    return (0,program_on_path/* isOnPath */.j)("buildah", env);
}
function createEngine(name, exec, options) {
    return name === "buildx" ? new BuildxEngine(exec, options) : new BuildahEngine(exec, options);
}
/** `env`: the step's environment, whose PATH the engine will be run from. */
async function selectEngine(choice, exec, options, env) {
    if (choice === "buildx") {
        if (await buildxAvailable(exec))
            return createEngine("buildx", exec, options);
        throw new errors/* ConfigurationError */.j1(`Input "engine" is buildx, but Docker with Buildx is not available here (no docker CLI, no buildx plugin, or no running engine); start Docker, or use engine: buildah.`);
    }
    if (choice === "buildah") {
        if (buildahAvailable(env))
            return createEngine("buildah", exec, options);
        throw new errors/* ConfigurationError */.j1(`Input "engine" is buildah, but buildah is not installed; install it (apt-get install -y buildah) or use engine: buildx.`);
    }
    if (await buildxAvailable(exec))
        return createEngine("buildx", exec, options);
    if (buildahAvailable(env))
        return createEngine("buildah", exec, options);
    throw new errors/* ConfigurationError */.j1(`No build engine found: Docker with Buildx is not running and buildah is not installed; install one (apt-get install -y buildah) or set the "engine" input.`);
}

;// CONCATENATED MODULE: ./src/build-push/main.ts
/**
 * build-push: builds every service's image for every platform, pushes it under every
 * tag, then reads back what the registry holds, so the references handed on
 * (`registry/repository@sha256:…`) are known to resolve to what was asked for.
 */

















function locationOf(repository) {
    const parsed = (0,oci_reference/* parseImageReference */.o_)(repository);
    const registry = (0,oci_reference/* registryOf */.Fv)(parsed);
    const path = registry === "docker.io" && !parsed.repository.includes("/")
        ? `library/${parsed.repository}`
        : parsed.repository;
    return { registry, path };
}
/** The registries' answers the stage cache needs, through the push's credentials. */
function imageLookup(client) {
    return {
        async pin(reference) {
            const parsed = (0,oci_reference/* parseImageReference */.o_)(reference);
            if (!parsed)
                return undefined;
            const { registry, path } = locationOf(reference);
            const found = await client.findManifest(registry, path, parsed.digest ?? parsed.tag ?? "latest");
            return found && `${registry}/${path}@${found.digest}`;
        },
    };
}
/** Build arguments end up in the image's history, where anyone who pulls it can read them. */
function refuseSecretBuildArgs(services, secrets) {
    for (const service of services) {
        for (const [name, value] of Object.entries(service.buildArgs)) {
            if (value.length >= 4 && secrets.redact(value) !== value) {
                throw new errors/* ConfigurationError */.j1(`Build argument ${name} of service "${service.name}" holds a secret; pass it in "secrets" instead, because build arguments are stored in the image for anyone to read.`);
            }
        }
    }
}
function definedEnv(env) {
    return Object.fromEntries(Object.entries(env).filter((entry) => entry[1] !== undefined));
}
/** One sentence for a failed engine command; a refused push is told apart by asking the registry. */
async function engineFailure(error, service, client) {
    const location = error.step === "push" ? locationOf(service.repository) : undefined;
    const refused = location !== undefined &&
        (await client.refusesCredentials(location.registry, location.path).catch(() => false));
    return describeEngineFailure(error, service.name, service.repository, {
        credentialsRefused: refused,
    });
}
async function buildOne(engine, client, service, request, deps) {
    const workDir = (0,external_node_path_.join)(request.workRoot, service.name);
    await (0,promises_.mkdir)(workDir, { mode: 0o700 });
    const tags = request.tags.map((tag) => `${service.repository}:${tag}`);
    deps.logger.info(`[${service.name}] building ${service.platforms.join(", ")} with ${engine.name}, pushing ${tags.join(", ")}`);
    try {
        const digest = await engine.buildAndPush({
            service,
            tags,
            labels: request.labels,
            secrets: request.secrets,
            cache: request.cache,
            images: imageLookup(client),
            workDir,
            cwd: deps.cwd,
            env: definedEnv(deps.env),
            onLine: (line) => deps.logger.info(`[${service.name}] ${line}`),
            onWarning: (sentence) => deps.logger.warning(sentence),
            signal: deps.signal,
        });
        deps.logger.info(`[${service.name}] pushed ${service.repository}@${digest}`);
        return digest;
    }
    catch (error) {
        if (error instanceof EngineCommandError)
            throw await engineFailure(error, service, client);
        throw error;
    }
}
async function checkPushed(client, service, digest, tags, maxSize) {
    const location = locationOf(service.repository);
    const image = await readPushedImage(client, location, digest);
    const tagDigests = {};
    for (const tag of tags) {
        tagDigests[`${service.repository}:${tag}`] = (await client.manifest(location.registry, location.path, tag)).digest;
    }
    const reference = `${service.repository}@${digest}`;
    const problems = pushProblems(image, {
        service: service.name,
        reference,
        digest,
        platforms: service.platforms,
        maxSize,
        tagDigests,
    });
    return {
        result: {
            service: service.name,
            repository: service.repository,
            digest,
            reference,
            tags: Object.keys(tagDigests),
            platforms: image.platforms,
        },
        problems,
    };
}
async function buildPush(params, deps) {
    // 1. Everything the user wrote is checked before anything runs.
    for (const service of params.services)
        await checkBuildFiles(service, deps.cwd);
    checkBuildablePlatforms(params.services);
    await checkSecretFiles(params.secrets, deps.cwd);
    for (const secret of params.secrets)
        if ("value" in secret)
            deps.secrets.add(secret.value);
    refuseSecretBuildArgs(params.services, deps.secrets);
    // 2. Tags and labels from the commit.
    const facts = await readGitFacts(deps.env, deps.cwd, deps.exec);
    const tags = renderTags(params.tagTemplates, tagValues(facts, params.environment), deps.logger);
    const labels = ociLabels(facts, deps.clock.now(), tags[0], params.labels);
    // 3. An engine that is there, and registries that answer, before minutes of building.
    const engine = await selectEngine(params.engine, deps.exec, params.engineOptions, deps.env);
    const caches = new Map(params.services.map((s) => [s.name, serviceCache(params.cache, s, engine.name)]));
    const client = new RegistryClient({
        fetch: deps.fetch,
        credentials: credentialLookup({ env: deps.env, exec: deps.exec, secrets: deps.secrets }),
        secrets: deps.secrets,
        tlsVerify: params.engineOptions.tlsVerify,
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    const registries = [
        ...new Set([
            ...params.services.map((s) => locationOf(s.repository).registry),
            ...[...caches.values()].flatMap(cacheRegistries),
        ]),
    ];
    await Promise.all(registries.map((registry) => client.ping(registry)));
    // 4. Build and push, several services at once.
    const workRoot = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "greenlight-build-push-"));
    try {
        // 5. Each service is read back from the registry as soon as it is pushed.
        const checked = await inParallel(params.services, params.maxParallel, async (service) => {
            const digest = await buildOne(engine, client, service, { tags, labels, secrets: params.secrets, cache: caches.get(service.name), workRoot }, deps);
            return checkPushed(client, service, digest, tags, params.maxSize);
        });
        return {
            engine: engine.name,
            labels,
            services: checked.map((c) => c.result),
            problems: checked.flatMap((c) => c.problems),
        };
    }
    finally {
        await (0,promises_.rm)(workRoot, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/build-push/services.ts
/**
 * Which services to build. Given in the `services` input, either as a YAML/JSON map of
 * service → settings (the same fields as the config file's services), or one line per
 * service, `name=context[:dockerfile][#target]`, for short command lines:
 *
 *   api=.#api
 *   worker=services/worker:Dockerfile.worker
 */





const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const LINE = /^([A-Za-z0-9][A-Za-z0-9_.-]*)\s*(?:=\s*(.*))?$/;
const scalar = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform(String);
const settingsSchema = schemas/* strictObject */.rej({
    image: schemas/* string */.YjP().optional(),
    context: schemas/* string */.YjP().optional(),
    dockerfile: schemas/* string */.YjP().optional(),
    target: schemas/* string */.YjP().optional(),
    platforms: schemas/* union */.KCZ([schemas/* string */.YjP().transform((s) => s.split(",").map((p) => p.trim())), schemas/* array */.YOg(schemas/* string */.YjP())])
        .optional(),
    "build-args": schemas/* record */.g1P(schemas/* string */.YjP(), scalar).optional(),
})
    .nullable()
    .transform((value) => value ?? {});
function fail(message) {
    throw new errors/* ConfigurationError */.j1(message);
}
function parseLine(line) {
    const match = LINE.exec(line) ??
        fail(`Input "services" has the line "${line}", which is not name=context[:dockerfile][#target] (e.g. api=.#api).`);
    const name = match[1];
    const spec = (match[2] ?? "").trim();
    const hash = spec.lastIndexOf("#");
    const location = hash >= 0 ? spec.slice(0, hash) : spec;
    const target = hash >= 0 ? spec.slice(hash + 1).trim() : undefined;
    const colon = location.indexOf(":");
    const context = (colon >= 0 ? location.slice(0, colon) : location).trim();
    const dockerfile = colon >= 0 ? location.slice(colon + 1).trim() : undefined;
    return [
        name,
        {
            ...(context ? { context } : {}),
            ...(dockerfile ? { dockerfile } : {}),
            ...(target ? { target } : {}),
        },
    ];
}
function describeSettingsIssue(name, error) {
    const issue = error.issues[0];
    if (issue.code === "unrecognized_keys") {
        return `Service "${name}" has the unknown field "${issue.keys[0]}"; known fields are image, context, dockerfile, target, platforms and build-args.`;
    }
    const field = issue.path.length > 0 ? `field "${issue.path.join(".")}"` : "settings";
    return `Service "${name}" has invalid ${field}: ${issue.message.replace(/\.$/, "")}; give a map of image, context, dockerfile, target, platforms and build-args.`;
}
function parseStructured(value) {
    const entries = Array.isArray(value)
        ? value.map((item, index) => {
            const record = (item ?? {});
            const name = typeof record["name"] === "string"
                ? record["name"]
                : fail(`Input "services" item ${index + 1} has no name; give each item a name, or write a map of name → settings.`);
            const { name: _omit, ...rest } = record;
            return [name, rest];
        })
        : typeof value === "object" && value !== null
            ? Object.entries(value)
            : fail(`Input "services" must be a map of service → settings, a list, or lines name=context[#target].`);
    return entries.map(([name, raw]) => {
        const parsed = settingsSchema.safeParse(raw);
        if (!parsed.success)
            fail(describeSettingsIssue(name, parsed.error));
        return [name, parsed.data];
    });
}
/** Parses the `services` input into name → settings, in the order given. */
function parseServicesInput(text) {
    const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"));
    const lineForm = lines.length > 0 && lines.every((l) => LINE.test(l));
    let entries;
    if (lineForm) {
        entries = lines.map(parseLine);
    }
    else {
        let value;
        try {
            value = dist.parse(text, { prettyErrors: false });
        }
        catch (error) {
            const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
            fail(`Input "services" is not valid YAML or JSON (${reason}); write a map of service → settings, or lines name=context[#target].`);
        }
        entries = parseStructured(value);
    }
    const services = new Map();
    for (const [name, settings] of entries) {
        if (!SERVICE_NAME.test(name)) {
            fail(`Service name "${name}" is not valid; use letters, digits, _, . and -, starting with a letter or digit.`);
        }
        if (services.has(name))
            fail(`Service "${name}" is listed twice in "services"; list each service once.`);
        services.set(name, settings);
    }
    if (services.size === 0)
        fail(`Input "services" lists no service; name at least one, e.g. api=.#api.`);
    return services;
}
function joinPath(context, file) {
    if (file.startsWith("/"))
        return file;
    if (context === "." || context === "")
        return file;
    return `${context.replace(/\/+$/, "")}/${file}`;
}
function repositoryOf(name, image, registry) {
    const repository = image ?? name.toLowerCase();
    const parsed = (0,oci_reference/* parseImageReference */.o_)(repository);
    if (!parsed) {
        fail(`Service "${name}" has the image "${repository}", which is not a repository name; use lowercase letters, digits and separators, e.g. team/api.`);
    }
    if (parsed.tag || parsed.digest) {
        fail(`Service "${name}" has the image "${repository}" with a tag or digest; give the repository only, and the tags in the "tags" input.`);
    }
    if (parsed.registry)
        return repository;
    if (!registry) {
        fail(`Service "${name}" has no registry: set the "registry" input (e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com) or give the service an image with its registry.`);
    }
    return `${registry.replace(/\/+$/, "")}/${repository}`;
}
function platformsOf(name, platforms) {
    for (const platform of platforms) {
        const problem = platformProblem(platform);
        if (problem)
            fail(`Service "${name}" has the platform ${problem}.`);
    }
    if (platforms.length === 0)
        fail(`Service "${name}" has no platforms; give at least one, e.g. linux/amd64.`);
    return [...new Set(platforms.map(normalisePlatform))];
}
/** Applies the defaults to each service and checks everything that needs no file system. */
function resolveServices(services, defaults) {
    return [...services].map(([name, settings]) => {
        const context = settings.context ?? defaults.context;
        const target = settings.target?.trim();
        return {
            name,
            repository: repositoryOf(name, settings.image, defaults.registry),
            context,
            dockerfile: joinPath(context, settings.dockerfile ?? defaults.dockerfile),
            ...(target ? { target } : {}),
            platforms: platformsOf(name, settings.platforms ?? defaults.platforms),
            buildArgs: { ...defaults.buildArgs, ...settings["build-args"] },
        };
    });
}

// EXTERNAL MODULE: ./src/core/summary.ts
var core_summary = __webpack_require__(1363);
;// CONCATENATED MODULE: ./src/build-push/summary.ts


/** The job summary: one row per service, with what each platform weighs compressed. */
function buildPushSummary(result) {
    const summary = [
        { kind: "heading", text: `build-push (${result.engine})` },
        {
            kind: "table",
            header: ["Service", "Reference", "Platforms", "Size"],
            rows: result.services.map((s) => [
                s.service,
                (0,core_summary/* inlineCode */.ti)(s.reference),
                s.platforms.map((p) => p.platform).join(", "),
                s.platforms.map((p) => `${(0,quantity/* formatDecimalBytes */.MF)(p.size)} (${p.platform})`).join(", "),
            ]),
        },
    ];
    const tags = result.services.flatMap((s) => s.tags);
    if (tags.length > 0) {
        summary.push({
            kind: "details",
            title: "Tags",
            blocks: [{ kind: "code", text: tags.join("\n") }],
        });
    }
    if (result.problems.length > 0) {
        summary.push({ kind: "paragraph", text: `**Failed:** ${result.problems.join(" ")}` });
    }
    return summary;
}

;// CONCATENATED MODULE: ./src/build-push/definition.ts
/**
 * build-push's inputs: services, tags and engine settings, all checked before any build
 * starts, then handed to buildPush.
 */














const ENGINES = ["auto", "buildx", "buildah"];
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const keyValues = (keyName, key, echo = true) => inputs/* linesInput */.WO.transform((lines, ctx) => {
    const parsed = parseKeyValueLines(lines, { keyName, key, echo });
    return typeof parsed === "string" ? (0,inputs/* inputProblem */.oi)(ctx, parsed) : parsed;
});
const tagsInput = inputs/* listInput */.dt.transform((items, ctx) => {
    const templates = [];
    for (const item of items) {
        const parsed = parseTagTemplate(item);
        if (typeof parsed === "string")
            return (0,inputs/* inputProblem */.oi)(ctx, `has a malformed tag template: ${parsed}`);
        templates.push(parsed);
    }
    return templates.length > 0
        ? templates
        : (0,inputs/* inputProblem */.oi)(ctx, "must give at least one tag template, e.g. {{sha}}");
});
const platformsInput = inputs/* listInput */.dt.transform((items, ctx) => {
    for (const item of items) {
        const reason = platformProblem(item);
        if (reason)
            return (0,inputs/* inputProblem */.oi)(ctx, `has the platform ${reason}`);
    }
    return items.length > 0
        ? items
        : (0,inputs/* inputProblem */.oi)(ctx, "must name at least one platform, e.g. linux/amd64");
});
const engineInput = schemas/* string */.YjP().transform((value, ctx) => {
    const engine = value.trim();
    return ENGINES.includes(engine)
        ? engine
        : (0,inputs/* inputProblem */.oi)(ctx, `is "${value}", which is not an engine; use auto, buildx or buildah`);
});
const sizeInput = inputs/* byteSizeInput */.YA;
const inputShape = {
    services: schemas/* string */.YjP().optional(),
    "config-file": schemas/* string */.YjP().optional(),
    registry: schemas/* string */.YjP()
        .refine((registry) => !/^[^/]*@/.test(registry), {
        message: "carries credentials before an @; give the registry host only and log in with registry-username and registry-password (or docker login)",
    })
        .optional(),
    context: schemas/* string */.YjP().default("."),
    dockerfile: schemas/* string */.YjP().default("Dockerfile"),
    platforms: platformsInput.default(["linux/amd64"]),
    tags: tagsInput.default([{ source: "{{sha}}", parts: [{ variable: "sha" }] }]),
    labels: keyValues("label", LABEL_NAME).optional(),
    "build-args": keyValues("build argument", BUILD_ARG_NAME).optional(),
    secrets: keyValues("secret id", SECRET_ID, false).optional(),
    "secret-files": keyValues("secret id", SECRET_ID).optional(),
    environment: schemas/* string */.YjP().optional(),
    engine: engineInput.default("auto"),
    "tls-verify": inputs/* booleanInput */.tE.default(true),
    "storage-driver": schemas/* string */.YjP().optional(),
    "storage-root": schemas/* string */.YjP().optional(),
    isolation: schemas/* enum */.k5n(["oci", "chroot", "rootless"], { error: "must be oci, chroot or rootless" })
        .optional(),
    cache: inputs/* booleanInput */.tE.default(true),
    "cache-from": inputs/* linesInput */.WO.optional(),
    "cache-to": schemas/* string */.YjP()
        .transform((value) => value.trim())
        .optional(),
    "max-size": sizeInput.optional(),
    "max-parallel": (0,inputs/* countInput */.u2)(64)
        .refine((n) => n >= 1, { message: "must be at least 1" })
        .default(4),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
/** The `services` input, else the config file's services (those deployed to the environment). */
async function servicesToBuild(params, cwd) {
    if (params.services)
        return parseServicesInput(params.services);
    const config = await (0,load/* loadConfig */.Z9)({
        cwd,
        ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
    });
    const services = Object.entries(config?.services ?? {}).filter(([, service]) => !params.environment ||
        !service.environments ||
        service.environments.includes(params.environment));
    if (services.length === 0) {
        throw new errors/* ConfigurationError */.j1(config
            ? `Input "services" is not set and the config file has no services${params.environment ? ` deployed to ${params.environment}` : ""}; list the services to build, e.g. api=.#api.`
            : services_requirement/* SERVICES_REQUIRED */.D);
    }
    return new Map(services.map(([name, service]) => [
        name,
        {
            image: service.image,
            context: service.context,
            dockerfile: service.dockerfile,
            target: service.target,
            platforms: service.platforms,
            "build-args": service["build-args"],
        },
    ]));
}
function secretsFrom(params) {
    const values = Object.entries(params.secrets ?? {}).map(([id, value]) => ({
        id,
        value,
    }));
    const files = Object.entries(params["secret-files"] ?? {}).map(([id, file]) => ({
        id,
        file,
    }));
    const twice = files.find((f) => values.some((v) => v.id === f.id));
    if (twice) {
        throw new errors/* ConfigurationError */.j1(`Secret "${twice.id}" is given in both "secrets" and "secret-files"; give it once.`);
    }
    return [...values, ...files];
}
/** With TLS verification off the registry may have any certificate (or none: plain HTTP). */
function registryFetch(tlsVerify, env) {
    return (0,fetch/* httpFetch */.t)({ env, tls: { verify: tlsVerify } });
}
function outputsOf(result) {
    const byService = (pick) => JSON.stringify(Object.fromEntries(result.services.map((s) => [s.service, pick(s)])));
    return {
        images: byService((s) => s.reference),
        digests: byService((s) => s.digest),
        tags: byService((s) => s.tags),
        metadata: JSON.stringify({
            engine: result.engine,
            labels: result.labels,
            services: Object.fromEntries(result.services.map((s) => [
                s.service,
                {
                    image: s.reference,
                    repository: s.repository,
                    digest: s.digest,
                    tags: s.tags,
                    platforms: s.platforms,
                },
            ])),
        }),
    };
}
const buildPushAction = (0,action/* defineAction */.Q)({
    name: "build-push",
    inputs: definition_inputs,
    secretInputs: ["secrets"],
    async run(params, context) {
        const services = resolveServices(await servicesToBuild(params, context.cwd), {
            registry: params.registry,
            context: params.context,
            dockerfile: params.dockerfile,
            platforms: params.platforms,
            buildArgs: params["build-args"] ?? {},
        });
        const tlsVerify = params["tls-verify"];
        const result = await buildPush({
            services,
            tagTemplates: params.tags,
            labels: params.labels ?? {},
            secrets: secretsFrom(params),
            engine: params.engine,
            engineOptions: {
                tlsVerify,
                storageDriver: params["storage-driver"],
                storageRoot: params["storage-root"],
                isolation: params.isolation,
            },
            cache: {
                enabled: params.cache,
                from: params["cache-from"] ?? [],
                to: params["cache-to"] || undefined,
            },
            maxSize: params["max-size"],
            maxParallel: params["max-parallel"],
            environment: params.environment,
        }, {
            exec: processExec,
            fetch: registryFetch(tlsVerify, context.env),
            logger: context.logger,
            clock: context.clock,
            secrets: context.secrets,
            env: context.env,
            cwd: context.cwd,
            signal: context.signal,
        });
        return {
            outputs: outputsOf(result),
            summary: buildPushSummary(result),
            ...(result.problems.length > 0 ? { failure: result.problems.join(" ") } : {}),
        };
    },
});


/***/ }),

/***/ 9773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ isOnPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Whether a program is installed, found the way a spawn finds it: an executable file in
 * one of PATH's directories. Nothing is run, so asking costs no process start.
 */


/** PATH is the given environment's, else this process's. */
function isOnPath(program, env) {
    const dirs = (env["PATH"] ?? process.env["PATH"] ?? "").split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter).filter(Boolean);
    return dirs.some((dir) => {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, program);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile();
        }
        catch {
            return false; // not here
        }
    });
}


/***/ })

};
