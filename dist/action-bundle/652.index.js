export const id = 652;
export const ids = [652];
export const modules = {

/***/ 1669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readCiFacts)
/* harmony export */ });
/**
 * The facts a CI system gives a job about what it runs: repository, commit, branch, tag,
 * who started it and the run's page. GitHub Actions' variables come first; where they are
 * absent (Greenlight's CLI in GitLab CI, Jenkins, CircleCI, Azure Pipelines, Buildkite,
 * Bitbucket Pipelines or Woodpecker) each fact falls back to that system's documented
 * variable, so messages, pull requests and image labels carry the same details everywhere.
 */
/** A variable's value; an empty one counts as absent (CI systems export unset ones as ""). */
const v = (name) => (env) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
};
function first(env, reads) {
    for (const read of reads) {
        const value = read(env);
        if (value !== undefined)
            return value;
    }
    return undefined;
}
const withoutSlash = (url) => url.replace(/\/+$/, "");
function refName(ref, prefix) {
    return ref?.startsWith(prefix) ? ref.slice(prefix.length) || undefined : undefined;
}
const githubServer = (env) => withoutSlash(v("GITHUB_SERVER_URL")(env) ?? "https://github.com");
const githubRepositoryUrl = (env) => {
    const repository = v("GITHUB_REPOSITORY")(env);
    return repository ? `${githubServer(env)}/${repository}` : undefined;
};
const githubRunUrl = (env) => {
    const repository = v("GITHUB_REPOSITORY")(env);
    const runId = v("GITHUB_RUN_ID")(env);
    if (!repository || !runId)
        return undefined;
    const attempt = v("GITHUB_RUN_ATTEMPT")(env);
    return `${githubServer(env)}/${repository}/actions/runs/${runId}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}`;
};
/** Jenkins' GIT_BRANCH names the remote too (`origin/main`); BRANCH_NAME does not. */
const jenkinsBranch = (env) => v("GIT_BRANCH")(env)?.replace(/^(refs\/heads\/|origin\/)/, "");
const azureRunUrl = (env) => {
    const collection = v("SYSTEM_COLLECTIONURI")(env);
    const project = v("SYSTEM_TEAMPROJECT")(env);
    const build = v("BUILD_BUILDID")(env);
    if (!collection || !project || !build)
        return undefined;
    return `${withoutSlash(collection)}/${encodeURIComponent(project)}/_build/results?buildId=${encodeURIComponent(build)}`;
};
const bitbucketRunUrl = (env) => {
    const origin = v("BITBUCKET_GIT_HTTP_ORIGIN")(env);
    const build = v("BITBUCKET_BUILD_NUMBER")(env);
    return origin && build ? `${withoutSlash(origin)}/pipelines/results/${build}` : undefined;
};
const circleRepository = (env) => {
    const owner = v("CIRCLE_PROJECT_USERNAME")(env);
    const name = v("CIRCLE_PROJECT_REPONAME")(env);
    return owner && name ? `${owner}/${name}` : undefined;
};
/** Each fact, from the first system that gives it; GitHub Actions first. */
const SOURCES = {
    repository: [
        v("GITHUB_REPOSITORY"),
        v("CI_PROJECT_PATH"), // GitLab
        v("CI_REPO"), // Woodpecker
        circleRepository,
        v("BITBUCKET_REPO_FULL_NAME"),
        v("BUILD_REPOSITORY_NAME"), // Azure Pipelines
        v("BUILDKITE_PIPELINE_SLUG"),
    ],
    repositoryUrl: [
        githubRepositoryUrl,
        v("CI_PROJECT_URL"), // GitLab
        v("CI_REPO_URL"), // Woodpecker
        v("BITBUCKET_GIT_HTTP_ORIGIN"),
        v("CIRCLE_REPOSITORY_URL"),
    ],
    commit: [
        v("GITHUB_SHA"),
        v("CI_COMMIT_SHA"), // GitLab, Woodpecker
        v("GIT_COMMIT"), // Jenkins
        v("CIRCLE_SHA1"),
        v("BUILD_SOURCEVERSION"), // Azure Pipelines
        v("BUILDKITE_COMMIT"),
        v("BITBUCKET_COMMIT"),
    ],
    branch: [
        v("GITHUB_HEAD_REF"),
        (env) => refName(v("GITHUB_REF")(env), "refs/heads/"),
        v("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"), // GitLab merge request pipelines
        v("CI_COMMIT_BRANCH"), // GitLab branch pipelines, Woodpecker
        (env) => (v("CI_COMMIT_TAG")(env) ? undefined : v("CI_COMMIT_REF_NAME")(env)), // GitLab
        v("CHANGE_BRANCH"), // Jenkins pull requests
        v("BRANCH_NAME"), // Jenkins multibranch
        jenkinsBranch,
        v("CIRCLE_BRANCH"),
        (env) => refName(v("BUILD_SOURCEBRANCH")(env), "refs/heads/"), // Azure Pipelines
        v("BUILDKITE_BRANCH"),
        v("BITBUCKET_BRANCH"),
    ],
    tag: [
        (env) => refName(v("GITHUB_REF")(env), "refs/tags/"),
        v("CI_COMMIT_TAG"), // GitLab, Woodpecker
        v("TAG_NAME"), // Jenkins
        v("CIRCLE_TAG"),
        (env) => refName(v("BUILD_SOURCEBRANCH")(env), "refs/tags/"), // Azure Pipelines
        v("BUILDKITE_TAG"),
        v("BITBUCKET_TAG"),
    ],
    actor: [
        v("GITHUB_ACTOR"),
        v("GITLAB_USER_LOGIN"),
        v("CI_COMMIT_AUTHOR"), // Woodpecker
        v("BUILD_USER_ID"), // Jenkins with the build-user-vars plugin
        v("CHANGE_AUTHOR"), // Jenkins pull requests
        v("CIRCLE_USERNAME"),
        v("BUILD_REQUESTEDFOR"), // Azure Pipelines
        v("BUILDKITE_BUILD_CREATOR"),
    ],
    runUrl: [
        githubRunUrl,
        v("CI_PIPELINE_URL"), // GitLab, Woodpecker
        v("BUILD_URL"), // Jenkins
        v("CIRCLE_BUILD_URL"),
        azureRunUrl,
        v("BUILDKITE_BUILD_URL"),
        bitbucketRunUrl,
    ],
};
function runName(env) {
    if (githubRunUrl(env))
        return "workflow run";
    if (v("GITLAB_CI")(env) || v("CI_PIPELINE_URL")(env))
        return "pipeline";
    return "build";
}
/** The commit's web page in the repository's own forge: GitLab's pages have a `/-/`. */
function commitUrl(repositoryUrl, commit, env) {
    if (!repositoryUrl || !commit)
        return undefined;
    const gitlab = !githubRepositoryUrl(env) && v("CI_PROJECT_URL")(env) === repositoryUrl;
    return `${withoutSlash(repositoryUrl)}${gitlab ? "/-" : ""}/commit/${commit}`;
}
/** The CI facts of this job; `given` (inputs, flags) wins over the environment. */
function readCiFacts(env, given = {}) {
    const facts = {
        runName: runName(env),
        github: v("GITHUB_REPOSITORY")(env) !== undefined,
    };
    // Another repository's facts must not borrow this job's links.
    const foreign = given.repository !== undefined && given.repository !== first(env, SOURCES.repository);
    for (const [name, reads] of Object.entries(SOURCES)) {
        const fromEnv = foreign && name === "repositoryUrl" ? undefined : first(env, reads);
        const value = given[name] || fromEnv;
        if (value)
            facts[name] = value;
    }
    const url = given.commitUrl || commitUrl(facts.repositoryUrl, facts.commit, env);
    if (url)
        facts.commitUrl = url;
    return facts;
}


/***/ }),

/***/ 4652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  preflightAction: () => (/* binding */ preflightAction)
});

// EXTERNAL MODULE: ./src/preflight/override-reason.ts
var override_reason = __webpack_require__(1208);
// EXTERNAL MODULE: ./src/core/ci-facts.ts
var ci_facts = __webpack_require__(1669);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(1036);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/workspace-files.ts
var workspace_files = __webpack_require__(8512);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
;// CONCATENATED MODULE: ./src/preflight/secret-rules.ts
/**
 * What a leaked credential looks like. Each rule finds a span; a finding reports where and
 * which rule, never the text. The entropy rule catches what has no known shape: a long,
 * random-looking value assigned to a name that says it is a secret.
 */
/** Shannon entropy in bits per character. */
function shannonEntropy(text) {
    const counts = new Map();
    for (const c of text)
        counts.set(c, (counts.get(c) ?? 0) + 1);
    let bits = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        bits -= p * Math.log2(p);
    }
    return bits;
}
/** Values that name a secret rather than hold one: ${{ secrets.X }}, ${VAR}, process.env.X… */
const REFERENCE = /^(\$\{\{.*|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|%\(?[A-Za-z_]+\)?s?|process\.env\..*|os\.environ.*|env\(.*|<[^>]*>|\{\{.*\}\})$/;
const ENTROPY_THRESHOLD = 3.5;
function looksRandom(secret) {
    if (REFERENCE.test(secret))
        return false;
    // A URL without credentials (an OAuth endpoint, a docs link) is an address, not a secret.
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/@\s]+(\/|$)/i.test(secret))
        return false;
    if (/^[a-z]+([_-][a-z]+)*$/i.test(secret))
        return false; // words_and_dashes: an identifier
    if (!/\d/.test(secret) && !/[A-Z]/.test(secret))
        return false;
    return shannonEntropy(secret) >= ENTROPY_THRESHOLD;
}
const SECRET_RULES = [
    {
        id: "private-key",
        description: "private key",
        pattern: /-----BEGIN (?:(?:RSA|DSA|EC|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----/g,
    },
    {
        id: "aws-access-key-id",
        description: "AWS access key id",
        pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
    },
    {
        id: "aws-secret-access-key",
        description: "AWS secret access key",
        pattern: /aws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
        group: 1,
    },
    {
        id: "github-token",
        description: "GitHub token",
        pattern: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
    },
    {
        id: "github-fine-grained-token",
        description: "GitHub fine-grained token",
        pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
    },
    {
        id: "google-api-key",
        description: "Google API key",
        pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
    },
    {
        id: "gcp-service-account-key",
        description: "Google Cloud service account key",
        pattern: /"private_key_id"\s*:\s*"([a-f0-9]{40})"/g,
        group: 1,
    },
    { id: "slack-token", description: "Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
    {
        id: "slack-webhook",
        description: "Slack webhook URL",
        pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g,
    },
    {
        id: "stripe-live-key",
        description: "Stripe live key",
        pattern: /\b[sr]k_live_[0-9a-zA-Z]{24,}\b/g,
    },
    {
        id: "high-entropy-assignment",
        description: "high-entropy value assigned to a secret-like name",
        pattern: /\b[A-Za-z0-9_.-]*(?:secret|token|passw(?:or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)[A-Za-z0-9_.-]*["']?\s*(?::=|=>|[:=])\s*["'`]?([^\s"'`;,]{16,})/gi,
        group: 1,
        accept: looksRandom,
        generic: true,
    },
];

;// CONCATENATED MODULE: ./src/preflight/allow-list.ts
/**
 * The secret scan's allow-list, one entry per line:
 *
 *   test/fixtures/**                  every finding in matching files
 *   docs/**:private-key               one rule in matching files
 *   config/dev.env:high-entropy-assignment:12   one finding (as printed by the scan)
 *
 * and, in the scanned file itself, `greenlight:allow-secret` on the line of the finding.
 */


const INLINE_ALLOW = "greenlight:allow-secret";
/** A glob as a regular expression: `**` crosses directories, `*` and `?` do not. */
function globToRegExp(glob) {
    let out = "";
    for (let i = 0; i < glob.length; i++) {
        const c = glob[i];
        if (c === "*" && glob[i + 1] === "*") {
            const slash = glob[i + 2] === "/";
            out += slash ? "(?:.*/)?" : ".*";
            i += slash ? 2 : 1;
        }
        else if (c === "*")
            out += "[^/]*";
        else if (c === "?")
            out += "[^/]";
        else
            out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
    return new RegExp(`^${out}$`);
}
const RULE_IDS = SECRET_RULES.map((r) => r.id);
function parseAllowList(lines) {
    return lines.map((line) => {
        const [path = "", rule, lineNumber, extra] = line.split(":");
        if (!path || extra !== undefined || (lineNumber !== undefined && !/^\d+$/.test(lineNumber))) {
            throw new errors/* ConfigurationError */.j1(`Input "secret-scan-allow" has the entry "${line}", which is not path-glob, path-glob:rule or path:rule:line; write e.g. test/fixtures/** or docs/**:private-key.`);
        }
        if (rule !== undefined && !RULE_IDS.includes(rule)) {
            throw new errors/* ConfigurationError */.j1(`Input "secret-scan-allow" names the unknown rule "${rule}"; use one of ${RULE_IDS.join(", ")}.`);
        }
        return {
            path: globToRegExp(path.replace(/^\.\//, "")),
            ...(rule !== undefined ? { rule } : {}),
            ...(lineNumber !== undefined ? { line: Number(lineNumber) } : {}),
        };
    });
}
function isAllowed(entries, finding) {
    return entries.some((e) => e.path.test(finding.path) &&
        (e.rule === undefined || e.rule === finding.rule) &&
        (e.line === undefined || e.line === finding.line));
}

;// CONCATENATED MODULE: ./src/preflight/env-file.ts
/**
 * A dotenv file: `NAME=value` lines, with `export` prefixes, quotes, comments and escaped
 * newlines in double quotes. A malformed line is refused by its line number alone: the
 * line may hold a secret, so it is never repeated.
 */

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
function unquote(raw, file, line) {
    const value = raw.trim();
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === "`") {
        const close = value.indexOf(quote, 1);
        if (close < 0) {
            throw new errors/* ConfigurationError */.j1(`${file}:${line} has a value with an opening ${quote} but no closing one; close the quote (multi-line values are written with \\n).`);
        }
        const rest = value.slice(close + 1).trim();
        if (rest && !rest.startsWith("#")) {
            throw new errors/* ConfigurationError */.j1(`${file}:${line} has text after a quoted value; move it into the quotes or start a comment with #.`);
        }
        const inner = value.slice(1, close);
        return quote === '"'
            ? inner
                .replace(/\\n/g, "\n")
                .replace(/\\r/g, "\r")
                .replace(/\\t/g, "\t")
                .replace(/\\(["\\])/g, "$1")
            : inner;
    }
    // An unquoted value ends at a comment that follows whitespace.
    const comment = value.search(/\s#/);
    return (comment >= 0 ? value.slice(0, comment) : value).trim();
}
function parseEnvFile(text, file) {
    const values = new Map();
    text.split(/\r?\n/).forEach((rawLine, index) => {
        const line = index + 1;
        const trimmed = rawLine.trim();
        if (!trimmed || trimmed.startsWith("#"))
            return;
        const body = trimmed.replace(/^export\s+/, "");
        const eq = body.indexOf("=");
        const name = eq > 0 ? body.slice(0, eq).trim() : "";
        if (eq <= 0 || !NAME.test(name)) {
            throw new errors/* ConfigurationError */.j1(`${file}:${line} is not a NAME=value line; write each variable as NAME=value (comments start with #).`);
        }
        values.set(name, unquote(body.slice(eq + 1), file, line));
    });
    return values;
}

// EXTERNAL MODULE: ./node_modules/re2js/build/index.js
var build = __webpack_require__(2856);
;// CONCATENATED MODULE: ./src/core/user-pattern.ts
/**
 * Regular expressions users write (an env-schema `pattern`) run on RE2's linear-time engine:
 * JavaScript's backtracking engine can take minutes on a pattern such as ^(a+)+$, and a
 * preflight check must not hang on its own configuration.
 */

const FLAGS = {
    i: build/* RE2JS */.L3.CASE_INSENSITIVE,
    s: build/* RE2JS */.L3.DOTALL,
    m: build/* RE2JS */.L3.MULTILINE,
};
/** Compiles `source`; throws an Error whose message says why it is not a pattern. */
function compileUserPattern(source, flags = "") {
    let mask = 0;
    for (const flag of flags)
        mask |= FLAGS[flag] ?? 0;
    let compiled;
    try {
        compiled = build/* RE2JS */.L3.compile(source, mask);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
        throw new Error(reason, { cause: error });
    }
    return {
        source,
        test: (text) => compiled.test(text),
        toString: () => `/${source}/${flags}`,
    };
}

;// CONCATENATED MODULE: ./src/preflight/connection-url.ts
/**
 * Connection strings for PostgreSQL, MongoDB, AMQP and Redis, checked by their own rules
 * rather than the WHATWG URL parser (which rejects MongoDB's comma-separated hosts). Every
 * problem is described without repeating any part of the value: a connection string
 * usually carries a password.
 */
const URL_KINDS = ["postgres-url", "mongodb-url", "amqp-url", "redis-url", "url"];
const SCHEMES = {
    "postgres-url": ["postgres", "postgresql"],
    "mongodb-url": ["mongodb", "mongodb+srv"],
    "amqp-url": ["amqp", "amqps"],
    "redis-url": ["redis", "rediss"],
    url: ["http", "https"],
};
const LABELS = {
    "postgres-url": "a PostgreSQL URL",
    "mongodb-url": "a MongoDB URL",
    "amqp-url": "an AMQP URL",
    "redis-url": "a Redis URL",
    url: "an http(s) URL",
};
function splitHost(text) {
    if (text.startsWith("[")) {
        const close = text.indexOf("]");
        return {
            host: text.slice(0, close + 1),
            ...(text[close + 1] === ":" ? { port: text.slice(close + 2) } : {}),
        };
    }
    const colon = text.lastIndexOf(":");
    return colon >= 0 ? { host: text.slice(0, colon), port: text.slice(colon + 1) } : { host: text };
}
/** Splits a connection string, or says (without the value) why it cannot be one. */
function parseConnection(value) {
    const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/.exec(value.trim());
    if (!match)
        return "it is not of the form scheme://host/…";
    const authority = match[2] ?? "";
    const at = authority.lastIndexOf("@");
    const userInfo = at >= 0 ? authority.slice(0, at) : undefined;
    const hostList = at >= 0 ? authority.slice(at + 1) : authority;
    if (userInfo?.includes("@"))
        return "the user or password contains an unencoded @; percent-encode it as %40";
    const hosts = [];
    for (const item of hostList.split(",")) {
        const { host, port } = splitHost(item);
        if (!host)
            return "it names no host";
        if (port !== undefined) {
            if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535)
                return "a port is not a number from 1 to 65535";
            hosts.push({ host, port: Number(port) });
        }
        else
            hosts.push({ host });
    }
    const colon = userInfo?.indexOf(":") ?? -1;
    const parts = {
        scheme: (match[1] ?? "").toLowerCase(),
        hosts,
        path: match[3] ?? "",
        query: match[4] ?? "",
    };
    if (userInfo !== undefined)
        parts.user = colon >= 0 ? userInfo.slice(0, colon) : userInfo;
    if (userInfo !== undefined && colon >= 0)
        parts.password = userInfo.slice(colon + 1);
    try {
        if (parts.user)
            decodeURIComponent(parts.user);
        if (parts.password)
            decodeURIComponent(parts.password);
    }
    catch {
        return "the user or password has a malformed %-escape; percent-encode special characters";
    }
    return parts;
}
/** Undefined when `value` is a valid connection string of `kind`, else why not (value-free). */
function checkConnectionUrl(value, kind) {
    const label = LABELS[kind];
    const parts = parseConnection(value);
    if (typeof parts === "string")
        return `is not ${label}: ${parts}`;
    const schemes = SCHEMES[kind];
    if (!schemes.includes(parts.scheme)) {
        return `is not ${label}: the scheme must be ${schemes.map((s) => `${s}://`).join(" or ")} (it is ${parts.scheme}://)`;
    }
    if (kind === "mongodb-url" && parts.scheme === "mongodb+srv") {
        if (parts.hosts.length !== 1)
            return "is not a MongoDB URL: mongodb+srv:// takes exactly one host name";
        if (parts.hosts[0]?.port !== undefined)
            return "is not a MongoDB URL: mongodb+srv:// does not take a port";
    }
    if (kind !== "mongodb-url" && kind !== "postgres-url" && parts.hosts.length > 1) {
        return `is not ${label}: it names more than one host`;
    }
    if (kind === "redis-url" && parts.path && parts.path !== "/" && !/^\/\d+$/.test(parts.path)) {
        return "is not a Redis URL: the path must be a database number such as /0";
    }
    if (parts.user !== undefined && parts.password === "")
        return "has a user with an empty password";
    return undefined;
}

;// CONCATENATED MODULE: ./src/preflight/env-schema.ts




const VALUE_TYPES = [
    "string",
    "secret",
    ...URL_KINDS,
    "integer",
    "port",
    "boolean",
];
/** JWT signing keys and the like: below this, brute force is within reach. */
const DEFAULT_SECRET_MIN_LENGTH = 32;
const count = schemas/* number */.aig().int().min(0);
const ruleSchema = schemas/* strictObject */.rej({
    type: schemas/* enum */.k5n(VALUE_TYPES, { error: `must be one of ${VALUE_TYPES.join(", ")}` }).optional(),
    optional: schemas/* boolean */.zMY().optional(),
    "min-length": count.optional(),
    "max-length": count.optional(),
    pattern: schemas/* string */.YjP().optional(),
    values: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform(String))
        .min(1)
        .optional(),
    min: schemas/* number */.aig().optional(),
    max: schemas/* number */.aig().optional(),
    severity: schemas/* enum */.k5n(["fail", "warn"]).optional(),
});
const env_schema_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function parseEnvSchema(value, source) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new errors/* ConfigurationError */.j1(`${source} must be a map of variable names to types, such as {DATABASE_URL: postgres-url, JWT_SECRET: {type: secret, min-length: 32}}.`);
    }
    return Object.entries(value).map(([name, spec]) => {
        if (!env_schema_NAME.test(name)) {
            throw new errors/* ConfigurationError */.j1(`${source} has "${name}", which is not an environment variable name; use letters, digits and _, not starting with a digit.`);
        }
        const shape = typeof spec === "string" ? { type: spec } : spec === null ? {} : spec;
        const parsed = ruleSchema.safeParse(shape);
        if (!parsed.success) {
            const issue = parsed.error.issues[0];
            const key = issue.path.map(String).join(".");
            const message = issue.code === "unrecognized_keys"
                ? `has the unknown key "${issue.keys[0]}"; use type, optional, min-length, max-length, pattern, values, min, max and severity`
                : `is invalid${key ? ` at ${key}` : ""}: ${issue.message.replace(/\.$/, "")}`;
            throw new errors/* ConfigurationError */.j1(`${source} ${name} ${message}.`);
        }
        const rule = parsed.data;
        let pattern;
        if (rule.pattern !== undefined) {
            try {
                pattern = compileUserPattern(rule.pattern);
            }
            catch (error) {
                throw new errors/* ConfigurationError */.j1(`${source} ${name} has a pattern that is not a regular expression (${error.message}); fix or remove it.`);
            }
        }
        const type = rule.type ?? "string";
        return {
            name,
            type,
            optional: rule.optional ?? false,
            minLength: rule["min-length"] ?? (type === "secret" ? DEFAULT_SECRET_MIN_LENGTH : undefined),
            maxLength: rule["max-length"],
            pattern,
            values: rule.values,
            min: rule.min,
            max: rule.max,
            severity: rule.severity ?? "fail",
        };
    });
}

;// CONCATENATED MODULE: ./src/preflight/zoned-time.ts
/**
 * Wall-clock time in an IANA time zone with nothing but Intl: the local parts of an
 * instant, and the instant of a local time. Local times that do not exist (the hour a DST
 * change skips) move forward by the gap; local times that happen twice (the hour it
 * repeats) take the earlier instant.
 */
const formatters = new Map();
function formatter(timeZone) {
    let f = formatters.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat("en-US", {
            timeZone,
            hourCycle: "h23",
            year: "numeric",
            month: "numeric",
            day: "numeric",
            hour: "numeric",
            minute: "numeric",
            second: "numeric",
            weekday: "short",
        });
        formatters.set(timeZone, f);
    }
    return f;
}
/** Whether the runtime knows `timeZone` (an IANA name such as Europe/Berlin). */
function isValidTimeZone(timeZone) {
    try {
        formatter(timeZone);
        return true;
    }
    catch {
        return false;
    }
}
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
function partsOf(ms, timeZone) {
    const parts = {};
    for (const part of formatter(timeZone).formatToParts(new Date(ms)))
        parts[part.type] = part.value;
    return {
        year: Number(parts["year"]),
        month: Number(parts["month"]),
        day: Number(parts["day"]),
        hour: Number(parts["hour"]),
        minute: Number(parts["minute"]),
        second: Number(parts["second"]),
        weekday: WEEKDAYS.indexOf(parts["weekday"] ?? ""),
    };
}
function localTime(instant, timeZone) {
    const { second: _second, ...local } = partsOf(instant.getTime(), timeZone);
    return local;
}
/** Offset of `timeZone` from UTC at `ms`, in milliseconds (east positive). */
function offsetAt(ms, timeZone) {
    const p = partsOf(ms, timeZone);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return asUtc - Math.floor(ms / 1000) * 1000;
}
/** The instant at which the clocks in `timeZone` show the given local date and minute of day. */
function instantOf(date, minuteOfDay, timeZone) {
    const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * 60_000;
    // Try the offsets in force just before and just after: one of them is right, except in a
    // skipped hour, where neither maps back and the later reading (after the gap) is used.
    const before = offsetAt(wall - 86_400_000 / 2, timeZone);
    const after = offsetAt(wall + 86_400_000 / 2, timeZone);
    const candidates = [wall - before, wall - after].sort((a, b) => a - b);
    for (const candidate of candidates) {
        if (offsetAt(candidate, timeZone) === wall - candidate)
            return new Date(candidate);
    }
    return new Date(wall - Math.min(before, after));
}
/** `YYYY-MM-DD`. */
function isoDate(date) {
    return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}
function addDays(date, days) {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
function weekdayOf(date) {
    return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}
/** `HH:MM`. */
function clockTime(minuteOfDay) {
    return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

;// CONCATENATED MODULE: ./src/preflight/holidays.ts


const known = (list, code) => Object.keys(list ?? {}).some((key) => key.toUpperCase() === code.toUpperCase());
async function countryCalendar(settings, source) {
    const { default: Holidays } = await __webpack_require__.e(/* import() */ 26).then(__webpack_require__.bind(__webpack_require__, 5026));
    const lookup = new Holidays();
    const { country, state, region } = settings;
    if (!known(lookup.getCountries(), country)) {
        throw new errors/* ConfigurationError */.j1(`${source} holidays.country "${country}" is not a known country; use an ISO 3166-1 code such as DE, US or GB.`);
    }
    if (state && !known(lookup.getStates(country), state)) {
        const states = Object.keys(lookup.getStates(country) ?? {});
        throw new errors/* ConfigurationError */.j1(`${source} holidays.state "${state}" is not a state of ${country.toUpperCase()}; use ${states.length > 0 ? `one of ${states.slice(0, 20).join(", ")}` : "no state for this country"}.`);
    }
    if (region && (!state || !known(lookup.getRegions(country, state), region))) {
        throw new errors/* ConfigurationError */.j1(`${source} holidays.region "${region}" is not a region of ${country.toUpperCase()}${state ? `-${state}` : ""}; check the code or remove it.`);
    }
    const calendar = new Holidays(country, state ?? "", region ?? "", {
        languages: ["en"],
        types: settings.types,
    });
    const byYear = new Map();
    const year = (y) => {
        let days = byYear.get(y);
        if (!days) {
            days = new Map();
            for (const holiday of calendar.getHolidays(y, "en")) {
                if (!settings.types.includes(holiday.type))
                    continue;
                const day = holiday.date.slice(0, 10);
                if (!days.has(day))
                    days.set(day, holiday.name);
            }
            byYear.set(y, days);
        }
        return days;
    };
    return {
        holidayOn: (date) => year(date.year).get(isoDate(date)),
        makeupWorkdayOn: () => undefined,
        unknownOn: () => undefined,
    };
}
async function loadChineseDays() {
    const loaded = (await __webpack_require__.e(/* import() */ 915).then(__webpack_require__.t.bind(__webpack_require__, 7915, 23)));
    return typeof loaded.getDayDetail === "function" ? loaded : loaded.default;
}
async function chinaCalendar(settings, source) {
    if (settings.state || settings.region) {
        throw new errors/* ConfigurationError */.j1(`${source} holidays for CN follow the State Council's national schedule; remove holidays.state and holidays.region.`);
    }
    if (settings.types.some((type) => type !== "public")) {
        throw new errors/* ConfigurationError */.j1(`${source} holidays for CN are the State Council's days off; remove holidays.types (only public applies).`);
    }
    const days = await loadChineseDays();
    // A name "National Day,国庆节,3" marks a day of the schedule; a plain weekday name does not.
    const scheduled = (date) => {
        const detail = days.getDayDetail(isoDate(date));
        const [english, chinese] = detail.name.split(",");
        return chinese === undefined ? undefined : { work: detail.work, name: english ?? detail.name };
    };
    const published = new Map();
    const isPublished = (year) => {
        let answer = published.get(year);
        if (answer === undefined) {
            answer = days.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
            published.set(year, answer);
        }
        return answer;
    };
    return {
        holidayOn: (date) => {
            const day = scheduled(date);
            return day && !day.work ? day.name : undefined;
        },
        makeupWorkdayOn: (date) => {
            const day = scheduled(date);
            return day?.work ? day.name : undefined;
        },
        // The schedule for a year is announced late in the year before; until this version
        // of Greenlight carries it, the year's holidays and makeup days are not known.
        unknownOn: (date) => isPublished(date.year)
            ? undefined
            : `the State Council's holiday schedule for ${date.year} is not in this Greenlight version; update Greenlight, or deploy with emergency-override`,
    };
}
/** The calendar for a window's `holidays` setting, loading only the package it needs. */
async function holidayCalendar(settings, source) {
    return settings.country.toUpperCase() === "CN"
        ? chinaCalendar(settings, source)
        : countryCalendar(settings, source);
}

;// CONCATENATED MODULE: ./src/preflight/check-result.ts
/** What every preflight check reports: one row per item, pass, warn or fail. */
const CHECK_NAMES = (/* unused pure expression or super */ null && (["environment", "deploy-window", "secret-scan", "workflow"]));
function row(check, item, verdict, detail) {
    return { check, item, verdict, detail };
}

;// CONCATENATED MODULE: ./src/preflight/deploy-window.ts

const DAY_LABELS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const SHORT_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const SEARCH_DAYS = 400;
function describeDays(days) {
    if (days.length === 7)
        return "every day";
    const monFirst = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
    const contiguous = monFirst.every((d, i) => i === 0 || d === ((monFirst[i - 1] ?? 0) + 1) % 7);
    if (contiguous && monFirst.length > 2)
        return `${SHORT_DAYS[monFirst[0]]}–${SHORT_DAYS[monFirst.at(-1)]}`;
    return monFirst.map((d) => SHORT_DAYS[d]).join(", ");
}
function describeHours(hours) {
    return hours.length === 0
        ? "closed"
        : hours.map((r) => `${clockTime(r.start)}–${clockTime(r.end)}`).join(", ");
}
/** The open hours of a local date: a makeup working day (调休) has the weekdays' hours. */
function hoursOn(spec, calendar, date) {
    if (calendar?.makeupWorkdayOn(date))
        return spec.makeupDayHours;
    return spec.hoursByDay[weekdayOf(date)] ?? [];
}
function formatLocal(instant, timeZone) {
    const t = localTime(instant, timeZone);
    return `${SHORT_DAYS[t.weekday]} ${isoDate(t)} ${clockTime(t.hour * 60 + t.minute)} ${timeZone}`;
}
function freezeAt(spec, ms) {
    return spec.freezes.find((f) => f.from.getTime() <= ms && ms < f.to.getTime());
}
/** Why a whole local day is closed, or undefined when deploys may happen on it. */
function dayClosure(spec, calendar, date) {
    const unknown = calendar?.unknownOn(date);
    if (unknown)
        return `${isoDate(date)} cannot be judged: ${unknown}`;
    const holiday = calendar?.holidayOn(date);
    if (holiday)
        return `${isoDate(date)} is a public holiday (${holiday})`;
    if (hoursOn(spec, calendar, date).length === 0) {
        const weekday = weekdayOf(date);
        return `${DAY_LABELS[weekday]} is not a deploy day (${describeDays(spec.days)})`;
    }
    if (calendar && spec.holidays?.dayBefore) {
        // The last working day before a holiday: skip the days deploys never happen on.
        for (let next = addDays(date, 1), i = 0; i < 7; next = addDays(next, 1), i++) {
            const name = calendar.holidayOn(next);
            if (name)
                return `${isoDate(date)} is the last working day before a public holiday (${name} on ${isoDate(next)})`;
            if (hoursOn(spec, calendar, next).length > 0)
                break;
        }
    }
    return undefined;
}
function endOfRange(date, end, timeZone) {
    return (end >= 1440 ? instantOf(addDays(date, 1), 0, timeZone) : instantOf(date, end, timeZone)).getTime();
}
/** The first open instant at or after `from`, searching a little more than a year ahead. */
function nextOpening(spec, calendar, from) {
    const start = localTime(from, spec.timeZone);
    let date = { year: start.year, month: start.month, day: start.day };
    for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
        if (dayClosure(spec, calendar, date))
            continue;
        for (const range of hoursOn(spec, calendar, date)) {
            const end = endOfRange(date, range.end, spec.timeZone);
            let candidate = Math.max(from.getTime(), instantOf(date, range.start, spec.timeZone).getTime());
            // Freezes may overlap or follow each other: step past each in turn.
            for (let freeze = freezeAt(spec, candidate); freeze && candidate < end; freeze = freezeAt(spec, candidate)) {
                candidate = freeze.to.getTime();
            }
            if (candidate < end) {
                // A freeze may end on another day: that day must be open too.
                const local = localTime(new Date(candidate), spec.timeZone);
                if (local.day === date.day && local.month === date.month)
                    return new Date(candidate);
            }
        }
    }
    return undefined;
}
function evaluateWindow(spec, calendar, now) {
    const local = localTime(now, spec.timeZone);
    const today = { year: local.year, month: local.month, day: local.day };
    const reasons = [];
    const freeze = freezeAt(spec, now.getTime());
    if (freeze)
        reasons.push(`in the freeze "${freeze.reason}" (${freeze.label})`);
    const closure = dayClosure(spec, calendar, today);
    if (closure)
        reasons.push(closure);
    const minute = local.hour * 60 + local.minute;
    const hours = hoursOn(spec, calendar, today);
    // A closed day already says why; its empty hours would only repeat it.
    if (hours.length > 0 && !hours.some((r) => r.start <= minute && minute < r.end)) {
        const sameEveryDay = spec.days.every((d) => describeHours(spec.hoursByDay[d] ?? []) === describeHours(hours));
        const which = sameEveryDay ? "" : `${DAY_LABELS[local.weekday]} `;
        reasons.push(`${clockTime(minute)} is outside the deploy hours (${which}${describeHours(hours)})`);
    }
    const decision = {
        open: reasons.length === 0,
        reasons,
        local: formatLocal(now, spec.timeZone),
    };
    if (!decision.open) {
        const next = nextOpening(spec, calendar, now);
        if (next)
            decision.nextOpening = next;
    }
    return decision;
}

// EXTERNAL MODULE: ./src/core/own-keys.ts
var own_keys = __webpack_require__(3032);
;// CONCATENATED MODULE: ./src/preflight/env-check.ts
/**
 * Environment and secrets: required variables present and non-empty, values that match
 * their schema. Every row names the variable and the rule, never the value.
 */



const PLACEHOLDERS = /^(change[-_ ]?me|changeit|secret|password|passw0rd|todo|tbd|fixme|example|test|dummy|default|null|none|undefined|xxx+|\*+|<.*>|\$\{.*\}|your[-_].*)$/i;
function isUrlKind(type) {
    return URL_KINDS.includes(type);
}
/** Why `value` breaks `rule`, in words that never include the value; undefined when it is fine. */
function valueProblem(value, rule) {
    if (rule.type === "secret" && PLACEHOLDERS.test(value.trim()))
        return "looks like a placeholder, not a real secret";
    if (rule.type === "secret" && new Set(value).size === 1)
        return "is one character repeated, not a real secret";
    if (rule.minLength !== undefined && value.length < rule.minLength) {
        return `is ${value.length} characters long; it must be at least ${rule.minLength}`;
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
        return `is ${value.length} characters long; it must be at most ${rule.maxLength}`;
    }
    if (isUrlKind(rule.type)) {
        const problem = checkConnectionUrl(value, rule.type);
        if (problem)
            return problem;
    }
    if (rule.type === "integer" || rule.type === "port") {
        if (!/^-?\d+$/.test(value.trim()))
            return "is not a whole number";
        const n = Number(value);
        const min = rule.type === "port" ? Math.max(1, rule.min ?? 1) : rule.min;
        const max = rule.type === "port" ? Math.min(65535, rule.max ?? 65535) : rule.max;
        if (min !== undefined && n < min)
            return `is below the minimum of ${min}`;
        if (max !== undefined && n > max)
            return `is above the maximum of ${max}`;
    }
    if (rule.type === "boolean" && !/^(true|false|1|0|yes|no)$/i.test(value.trim())) {
        return "is not a boolean (true, false, 1, 0, yes or no)";
    }
    if (rule.values && !rule.values.includes(value)) {
        const caseOnly = rule.values.find((v) => v.toLowerCase() === value.toLowerCase());
        return caseOnly !== undefined
            ? `differs in case from one of the allowed values (${rule.values.join(", ")})`
            : `is not one of the allowed values (${rule.values.join(", ")})`;
    }
    if (rule.pattern && !rule.pattern.test(value))
        return `does not match the pattern /${rule.pattern.source}/`;
    return undefined;
}
function describeRule(rule) {
    if (rule.type === "secret")
        return `secret, at least ${rule.minLength ?? 0} characters`;
    if (rule.values)
        return `one of ${rule.values.join(", ")}`;
    return rule.type;
}
function lookup(values, name) {
    // A variable named constructor or __proto__ must not find the object's prototype.
    return values instanceof Map
        ? values.get(name)
        : (0,own_keys/* ownValue */.eC)(values, name);
}
function checkEnvironment(input) {
    const rows = [];
    const ruled = new Set(input.rules.map((r) => r.name));
    for (const name of input.required) {
        if (ruled.has(name))
            continue;
        const value = lookup(input.values, name);
        if (value === undefined)
            rows.push(row("environment", name, "fail", `not set in ${input.sourceLabel}`));
        else if (value.trim() === "")
            rows.push(row("environment", name, "fail", `set but empty in ${input.sourceLabel}`));
        else
            rows.push(row("environment", name, "pass", "set"));
    }
    for (const rule of input.rules) {
        const value = lookup(input.values, rule.name);
        const absentVerdict = rule.optional ? "pass" : rule.severity;
        if (value === undefined || value.trim() === "") {
            const detail = `${value === undefined ? "not set" : "set but empty"} in ${input.sourceLabel}${rule.optional ? " (optional)" : ""}`;
            rows.push(row("environment", rule.name, absentVerdict, detail));
            continue;
        }
        const problem = valueProblem(value, rule);
        rows.push(problem
            ? row("environment", rule.name, rule.severity, problem)
            : row("environment", rule.name, "pass", describeRule(rule)));
    }
    return rows;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/preflight/scan-files.ts
/**
 * Which files the secret scan reads: the files changed since a base (the default, for a
 * pull request or a push), or every file of the tree. Git answers both when the workspace
 * is a repository; a plain directory can only be scanned whole.
 */





const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, args) {
    try {
        const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
        return stdout;
    }
    catch (error) {
        if (error.code === "ENOENT") {
            throw new errors/* ConfigurationError */.j1(`The secret scan needs git, which is not installed; install it (apt-get install -y git) or set secret-scan: off.`);
        }
        return undefined;
    }
}
const lines = (text) => (text ?? "").split("\n").filter((l) => l.length > 0);
/** Whether `cwd` is inside a git work tree (git's paths are then relative to `cwd`). */
async function isRepository(cwd) {
    return (await git(cwd, ["rev-parse", "--is-inside-work-tree"]))?.trim() === "true";
}
async function resolves(cwd, ref) {
    return (await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])) !== undefined;
}
async function walk(root, dir, out) {
    for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
        if (entry.name === ".git" || entry.name === "node_modules")
            continue;
        const path = (0,external_node_path_.join)(dir, entry.name);
        if (entry.isDirectory())
            await walk(root, path, out);
        else if (entry.isFile())
            out.push((0,external_node_path_.relative)(root, path));
    }
}
async function treeFiles(cwd) {
    if (await isRepository(cwd)) {
        return lines(await git(cwd, ["ls-files", "--cached", "--others", "--exclude-standard"]));
    }
    const out = [];
    await walk(cwd, cwd, out);
    return out.sort();
}
/** The base to compare with: the input, the pull request's base branch, or the previous commit. */
async function findBase(cwd, baseRef, env) {
    if (baseRef) {
        if (await resolves(cwd, baseRef))
            return baseRef;
        throw new errors/* ConfigurationError */.j1(`Input "base-ref" names "${baseRef}", which is not a commit in this repository; fetch it (actions/checkout with fetch-depth: 0) or give another ref.`);
    }
    const prBase = env["GITHUB_BASE_REF"];
    for (const candidate of prBase ? [`origin/${prBase}`, prBase] : [])
        if (await resolves(cwd, candidate))
            return candidate;
    if (await resolves(cwd, "HEAD~1"))
        return "HEAD~1";
    return undefined;
}
async function changedFiles(cwd, baseRef, env) {
    if (!(await isRepository(cwd))) {
        throw new errors/* ConfigurationError */.j1(`Input "secret-scan" is "changed", but ${cwd} is not a git repository; check out the repository first, or set secret-scan: tree.`);
    }
    const untracked = lines(await git(cwd, ["ls-files", "--others", "--exclude-standard"]));
    const base = await findBase(cwd, baseRef, env);
    if (!base) {
        // The first commit, or a shallow clone without its parent: every file of HEAD is new.
        const first = lines(await git(cwd, [
            "diff-tree",
            "--relative",
            "--root",
            "--no-commit-id",
            "--name-only",
            "-r",
            "--diff-filter=ACMR",
            "HEAD",
        ]));
        const worktree = lines(await git(cwd, ["diff", "--relative", "--name-only", "--diff-filter=ACMR", "HEAD"]));
        return {
            files: [...new Set([...first, ...worktree, ...untracked])].sort(),
            scope: "every file of HEAD (no earlier commit to compare with)",
        };
    }
    const mergeBase = (await git(cwd, ["merge-base", base, "HEAD"]))?.trim() || base;
    const changed = lines(await git(cwd, ["diff", "--relative", "--name-only", "--diff-filter=ACMR", mergeBase]));
    return { files: [...new Set([...changed, ...untracked])].sort(), scope: `changes since ${base}` };
}

;// CONCATENATED MODULE: ./src/preflight/secret-scan.ts
/**
 * The secret scan: every line of every file chosen, against every rule. A finding is its
 * location and rule; its text is registered as a secret (so nothing prints it by accident)
 * and never reported.
 */





const MAX_FILE_BYTES = 1024 * 1024;
const MAX_ROWS = 50;
async function readText(path) {
    // A committed symlink can point at /dev/zero, a FIFO or a file outside the workspace; git
    // stores only where it points. So links are not followed, and only regular files are
    // read, capped while reading.
    const read = await (0,workspace_files/* readRegularFile */.XF)(path, MAX_FILE_BYTES, { followLinks: false });
    switch (read.kind) {
        case "file":
            // Binary files (a NUL early on) hold no readable credentials and only cause noise.
            if (read.bytes.subarray(0, 8000).includes(0))
                return "";
            return read.bytes.toString("utf8");
        case "too-large":
            return { skip: "larger than 1 MiB" };
        case "not-regular":
            // A link's committed content is where it points, which holds no credential.
            if (read.what === "a symbolic link")
                return "";
            return { skip: `${read.what}, not a regular file` };
        default:
            return { skip: "cannot be read" };
    }
}
function scanText(path, text, rules, onSecret) {
    const findings = [];
    // Specific rules first, so the catch-all can skip what they already found.
    const ordered = [...rules].sort((a, b) => Number(a.generic ?? false) - Number(b.generic ?? false));
    text.split(/\r?\n/).forEach((line, index) => {
        if (line.includes(INLINE_ALLOW))
            return;
        const spans = [];
        for (const rule of ordered) {
            for (const match of line.matchAll(rule.pattern)) {
                const secret = match[rule.group ?? 0] ?? match[0];
                if (rule.accept && !rule.accept(secret))
                    continue;
                const start = (match.index ?? 0) + Math.max(0, match[0].indexOf(secret));
                const end = start + secret.length;
                if (rule.generic && spans.some(([s, e]) => start < e && s < end))
                    continue;
                spans.push([start, end]);
                onSecret(secret);
                findings.push({
                    path,
                    line: index + 1,
                    column: start + 1,
                    rule: rule.id,
                    description: rule.description,
                });
            }
        }
    });
    return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
async function scanFiles(cwd, files, allow, onSecret) {
    const result = { filesScanned: 0, findings: [], skipped: [] };
    for (const path of files) {
        const text = await readText((0,external_node_path_.join)(cwd, path));
        if (typeof text !== "string") {
            result.skipped.push({ path, reason: text.skip });
            continue;
        }
        result.filesScanned++;
        for (const finding of scanText(path, text, SECRET_RULES, onSecret)) {
            if (!isAllowed(allow, finding))
                result.findings.push(finding);
        }
    }
    return result;
}
function scanRows(result, scope) {
    const rows = result.findings
        .slice(0, MAX_ROWS)
        .map((f) => row("secret-scan", `${f.path}:${f.line}:${f.column}`, "fail", `${f.description} (${f.rule}); remove it, rotate it, or allow it with ${f.path}:${f.rule}:${f.line}`));
    if (result.findings.length > MAX_ROWS) {
        rows.push(row("secret-scan", "more", "fail", `${result.findings.length - MAX_ROWS} more findings not listed`));
    }
    for (const skipped of result.skipped)
        rows.push(row("secret-scan", skipped.path, "warn", `not scanned: ${skipped.reason}`));
    if (result.findings.length === 0) {
        rows.unshift(row("secret-scan", scope, "pass", `${result.filesScanned} file${result.filesScanned === 1 ? "" : "s"} scanned, no secrets found`));
    }
    return rows;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/preflight/workflow-check.ts
/**
 * Workflow readiness: the config file is there and valid, and every environment variable or
 * secret it names is set for this step. Only names are reported.
 */






/** Environment variables the notifications section names (`…-env` keys). */
function notificationVariables(config) {
    const names = [];
    const visit = (value) => {
        if (typeof value !== "object" || value === null)
            return;
        for (const [key, inner] of Object.entries(value)) {
            if (key.endsWith("-env") && typeof inner === "string")
                names.push(inner);
            else
                visit(inner);
        }
    };
    visit(config.notifications);
    return names;
}
/** `${{ secrets.NAME }}` and `${{ env.NAME }}` references, read by actions from the step's environment. */
function interpolatedVariables(text) {
    return [...text.matchAll(/\$\{\{\s*(?:secrets|env)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1] ?? "");
}
async function checkWorkflow(input) {
    const path = input.configFile ?? load/* DEFAULT_CONFIG_PATH */.Bi;
    const absolute = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(input.cwd, path);
    // A file named by the input that is not there is a mistake in the input, not a finding.
    // Except the default path, which reusable workflows pass explicitly: its absence is a warning.
    const named = input.configFile !== undefined && input.configFile.replace(/^\.\//, "") !== load/* DEFAULT_CONFIG_PATH */.Bi;
    if (named && !(0,external_node_fs_.existsSync)(absolute)) {
        throw new errors/* ConfigurationError */.j1(`Config file "${path}" does not exist; check the "config-file" input (paths are relative to ${input.cwd}).`);
    }
    let config;
    try {
        config = await (0,load/* loadConfig */.Z9)({ cwd: input.cwd, path, required: named });
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1)
            return [row("workflow", path, "fail", error.message)];
        throw error;
    }
    if (!config) {
        return [
            row("workflow", path, "warn", "no config file; every action relies on its inputs alone"),
        ];
    }
    const environments = Object.keys(config.environments).length;
    const services = Object.keys(config.services).length;
    const rows = [
        row("workflow", path, "pass", `valid (${environments} environment${environments === 1 ? "" : "s"}, ${services} service${services === 1 ? "" : "s"})`),
    ];
    const text = await (0,promises_.readFile)(absolute, "utf8");
    const names = [
        ...new Set([...notificationVariables(config), ...interpolatedVariables(text)]),
    ].sort();
    for (const name of names) {
        const value = input.env[name];
        rows.push(value
            ? row("workflow", name, "pass", `set (named by ${path})`)
            : row("workflow", name, "fail", 
            // In a reusable workflow the step's env is fixed: the fix is the caller passing it.
            `named by ${path} but not set for this step; pass the ${name} secret by name in the calling job's secrets (${name}: \${{ secrets.${name} }}), or add env: ${name}: \${{ secrets.${name} }} to this step`));
    }
    return rows;
}

;// CONCATENATED MODULE: ./src/preflight/main.ts






function windowRows(params, now) {
    const decision = evaluateWindow(params.spec, params.calendar, params.at ?? now);
    if (decision.open)
        return { rows: [row("deploy-window", "window", "pass", `open: ${decision.local}`)], decision };
    const next = decision.nextOpening
        ? `; next opening ${formatLocal(decision.nextOpening, params.spec.timeZone)}`
        : "";
    const closed = `closed at ${decision.local}: ${decision.reasons.join("; ")}${next}`;
    if (!params.override)
        return { rows: [row("deploy-window", "window", "fail", closed)], decision };
    const override = {
        ...params.override,
        at: now.toISOString(),
        overridden: decision.reasons,
    };
    return {
        rows: [
            row("deploy-window", "window", "warn", `${closed} — emergency override${override.actor ? ` by ${override.actor}` : ""}: ${override.reason}`),
        ],
        decision,
        override,
    };
}
async function secretScanRows(scan, params, deps) {
    return deps.logger.group("Secret scan", async () => {
        const { files, scope } = scan.mode === "tree"
            ? { files: await treeFiles(params.cwd), scope: "the tree" }
            : await changedFiles(params.cwd, scan.baseRef, params.env);
        deps.logger.info(`Scanning ${files.length} file${files.length === 1 ? "" : "s"}: ${scope}`);
        const result = await scanFiles(params.cwd, files, scan.allow, (value) => deps.secrets.add(value));
        return scanRows(result, scope);
    });
}
function logRows(rows, logger) {
    for (const r of rows) {
        const line = `${r.check} ${r.item}: ${r.verdict} — ${r.detail}`;
        if (r.verdict === "fail")
            logger.error(line);
        else if (r.verdict === "warn")
            logger.warning(line);
        else
            logger.info(line);
    }
}
async function preflight(params, deps) {
    const window = params.window ? windowRows(params.window, deps.clock.now()) : undefined;
    const rows = [
        ...(params.environment ? checkEnvironment(params.environment) : []),
        ...(window?.rows ?? []),
        ...(params.scan ? await secretScanRows(params.scan, params, deps) : []),
        ...(params.workflow
            ? await checkWorkflow({
                cwd: params.cwd,
                configFile: params.workflow.configFile,
                env: params.env,
            })
            : []),
    ];
    logRows(rows, deps.logger);
    if (window?.override)
        deps.logger.warning(`Deploy window overridden: ${window.override.reason}`);
    const label = (r) => `${r.check}: ${r.item}`;
    const failed = rows.filter((r) => r.verdict === "fail").map(label);
    const warnings = rows.filter((r) => r.verdict === "warn").map(label);
    return {
        passed: failed.length === 0 && (!params.failOnWarn || warnings.length === 0),
        rows,
        failed,
        warnings,
        ...(window ? { window: window.decision } : {}),
        ...(window?.override ? { override: window.override } : {}),
    };
}

// EXTERNAL MODULE: ./src/core/summary.ts
var summary = __webpack_require__(1363);
;// CONCATENATED MODULE: ./src/preflight/summary.ts

const summary_LABELS = { pass: "✅ pass", warn: "⚠️ warn", fail: "❌ fail" };
function verdictLine(result) {
    const total = result.rows.length;
    const parts = [
        `${result.failed.length} failed`,
        `${result.warnings.length} warned`,
        `${total - result.failed.length - result.warnings.length} passed`,
    ];
    return `${result.passed ? "Ready to deploy" : "Not ready to deploy"}: ${parts.join(", ")}.`;
}
function preflightSummary(result) {
    return [
        { kind: "heading", text: "preflight" },
        { kind: "paragraph", text: verdictLine(result) },
        {
            kind: "table",
            header: ["Check", "Item", "Result", "Detail"],
            rows: result.rows.map((r) => [r.check, (0,summary/* inlineCode */.ti)(r.item), summary_LABELS[r.verdict], r.detail]),
        },
        ...(result.override
            ? [
                {
                    kind: "paragraph",
                    text: `**Emergency override** of the deploy window at ${result.override.at}${result.override.actor ? ` by ${result.override.actor}` : ""}: ${result.override.reason}`,
                },
            ]
            : []),
    ];
}
function preflightReport(result) {
    return JSON.stringify({
        passed: result.passed,
        checks: result.rows,
        ...(result.window?.nextOpening ? { nextOpening: result.window.nextOpening.toISOString() } : {}),
        ...(result.override ? { override: result.override } : {}),
    });
}

// EXTERNAL MODULE: ./src/config/deploy-window-schema.ts
var deploy_window_schema = __webpack_require__(9610);
;// CONCATENATED MODULE: ./src/preflight/window-spec.ts



const SOURCE = 'Input "deploy-window"';
const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
function fail(message) {
    throw new errors/* ConfigurationError */.j1(`${SOURCE} ${message}`);
}
function dayIndex(name) {
    const index = DAY_NAMES.indexOf(name.trim().toLowerCase().slice(0, 3));
    const full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    const word = name.trim().toLowerCase();
    if (index < 0 || (word.length > 3 && full[index] !== word)) {
        fail(`has the unknown day "${name}" in days; write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri.`);
    }
    return index;
}
/** `mon-fri`, `[mon, wed, fri]`, `sat-sun`, `fri-mon` (a range may wrap past Sunday). */
function parseDays(value) {
    const items = (Array.isArray(value) ? value : value.split(","))
        .map((item) => item.trim())
        .filter(Boolean);
    if (items.length === 0)
        fail("has an empty days list; name the days deploys are allowed, such as mon-fri.");
    const days = new Set();
    for (const item of items) {
        const [first, last, extra] = item.split("-");
        if (extra !== undefined)
            fail(`has the malformed day range "${item}"; write it like mon-fri.`);
        const from = dayIndex(first ?? "");
        const to = last === undefined ? from : dayIndex(last);
        for (let d = from;; d = (d + 1) % 7) {
            days.add(d);
            if (d === to)
                break;
        }
    }
    return [...days].sort((a, b) => a - b);
}
function minuteOf(text, range) {
    const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
    const hour = Number(match?.[1]);
    const minute = Number(match?.[2]);
    if (!match || minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) {
        fail(`has the malformed hours "${range}"; write ranges of 24-hour times such as 09:00-17:00 (the end is exclusive, 24:00 allowed).`);
    }
    return hour * 60 + minute;
}
/** `09:00-17:00`, `09:00-12:00, 13:00-17:30`; the end is exclusive. */
function parseHours(value) {
    const items = (Array.isArray(value) ? value : value.split(","))
        .map((item) => item.trim())
        .filter(Boolean);
    if (items.length === 0)
        fail("has an empty hours list; write ranges such as 09:00-17:00.");
    const ranges = items.map((item) => {
        const [start, end, extra] = item.split("-");
        if (start === undefined || end === undefined || extra !== undefined) {
            fail(`has the malformed hours "${item}"; write ranges of 24-hour times such as 09:00-17:00 (the end is exclusive, 24:00 allowed).`);
        }
        const range = { start: minuteOf(start, item), end: minuteOf(end, item) };
        if (range.end <= range.start) {
            fail(`has the hours "${item}", which end before they start; a window cannot cross midnight, so write it as two ranges such as 22:00-24:00, 00:00-02:00.`);
        }
        return range;
    });
    return ranges.sort((a, b) => a.start - b.start);
}
function localDateOf(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match)
        return undefined;
    const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
    return check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day
        ? date
        : undefined;
}
/** A freeze bound: a date (a whole local day), a local date-time, or an instant with an offset. */
function freezeBound(text, timeZone, end) {
    const trimmed = text.trim();
    const date = localDateOf(trimmed);
    if (date)
        return instantOf(end ? addDays(date, 1) : date, 0, timeZone);
    const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/.exec(trimmed);
    const localDay = local ? localDateOf(local[1] ?? "") : undefined;
    if (local && localDay && Number(local[2]) < 24 && Number(local[3]) < 60) {
        return instantOf(localDay, Number(local[2]) * 60 + Number(local[3]), timeZone);
    }
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
        const ms = Date.parse(trimmed);
        if (!Number.isNaN(ms))
            return new Date(ms);
    }
    return fail(`has the freeze date "${text}", which is not a date; write 2026-12-20 (a whole day in the window's time zone), 2026-12-20T18:00 or 2026-12-20T18:00:00Z.`);
}
const ALL_DAY = [{ start: 0, end: 1440 }];
/**
 * Hours for each weekday. `hours` is one list for every day in `days`, or a map of day or
 * day range → hours, read in order so a later key overrides an earlier one
 * (`{mon-fri: 10:00-16:00, fri: 10:00-12:00}`); days the map does not name, or names as
 * `closed`, are closed.
 */
function parseHoursByDay(days, hours) {
    if (hours === undefined || typeof hours === "string" || Array.isArray(hours)) {
        const open = days !== undefined ? parseDays(days) : [0, 1, 2, 3, 4, 5, 6];
        const ranges = hours !== undefined ? parseHours(hours) : ALL_DAY;
        return [0, 1, 2, 3, 4, 5, 6].map((d) => (open.includes(d) ? ranges : []));
    }
    if (days !== undefined) {
        fail("has both days and hours per day; name the days as the keys of hours (e.g. hours: {mon-thu: 10:00-16:00, fri: 10:00-12:00}) and remove days.");
    }
    const entries = Object.entries(hours);
    if (entries.length === 0)
        fail("has an empty hours map; give hours per day, such as mon-fri: 09:00-17:00.");
    const byDay = [[], [], [], [], [], [], []];
    for (const [dayKey, dayHours] of entries) {
        const ranges = dayHours === "closed" ? [] : parseHours(dayHours);
        for (const day of parseDays(dayKey))
            byDay[day] = ranges;
    }
    return byDay;
}
function parseWindowSpec(value) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        fail("must be a map such as {timezone: Europe/Berlin, days: mon-fri, hours: 09:00-17:00}.");
    }
    const parsed = deploy_window_schema/* deployWindowSchema */.r.safeParse(value);
    if (!parsed.success) {
        // An unknown key usually explains the missing one next to it (until instead of to).
        const issues = parsed.error.issues;
        const issue = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
        const where = issue.path.map(String).join(".");
        if (issue.code === "unrecognized_keys") {
            const known = where.startsWith("freeze")
                ? "from, to and reason"
                : where.startsWith("holidays")
                    ? "country, state, region, types and day-before"
                    : "timezone, days, hours, freeze and holidays";
            fail(`has the unknown key "${issue.keys[0]}"${where ? ` in ${where}` : ""}; use ${known}.`);
        }
        if (issue.code === "invalid_type" && issue.message.endsWith("received undefined"))
            fail(`is missing ${where}; add it.`);
        fail(`is invalid at ${where || "the top level"}: ${issue.message.replace(/\.$/, "")}.`);
    }
    const raw = parsed.data;
    const timeZone = raw.timezone?.trim() || "UTC";
    if (!isValidTimeZone(timeZone)) {
        fail(`has the unknown time zone "${timeZone}"; use an IANA name such as Europe/Berlin, America/New_York or UTC.`);
    }
    const freezes = (raw.freeze ?? []).map((entry) => {
        const from = freezeBound(entry.from, timeZone, false);
        const to = freezeBound(entry.to, timeZone, true);
        if (to.getTime() <= from.getTime()) {
            fail(`has a freeze that ends (${entry.to}) before it starts (${entry.from}); swap from and to.`);
        }
        return {
            from,
            to,
            reason: entry.reason?.trim() || "freeze",
            label: `${entry.from} – ${entry.to}`,
        };
    });
    const holidays = raw.holidays
        ? {
            country: raw.holidays.country.trim().toUpperCase(),
            state: raw.holidays.state?.trim().toUpperCase(),
            region: raw.holidays.region?.trim(),
            types: (raw.holidays.types ?? ["public"]),
            dayBefore: raw.holidays["day-before"] ?? false,
        }
        : undefined;
    const hoursByDay = parseHoursByDay(raw.days, raw.hours);
    const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => (hoursByDay[d] ?? []).length > 0);
    const firstWeekday = [1, 2, 3, 4, 5].find((d) => days.includes(d));
    return {
        timeZone,
        days,
        hoursByDay,
        makeupDayHours: firstWeekday === undefined ? ALL_DAY : hoursByDay[firstWeekday],
        freezes,
        holidays,
    };
}

;// CONCATENATED MODULE: ./src/preflight/definition.ts
/**
 * preflight's inputs: which checks to run and how, all validated (files read, schemas
 * parsed, the holiday calendar resolved) before any check runs.
 */

















const timeInput = schemas/* string */.YjP().transform((value, ctx) => {
    const trimmed = value.trim();
    const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)
        ? Date.parse(trimmed)
        : Number.NaN;
    if (Number.isNaN(ms)) {
        ctx.addIssue({
            code: "custom",
            message: `"${value}" is not a time with a zone; write it like 2026-05-04T16:59:00+02:00 or 2026-05-04T14:59:00Z`,
        });
        return core/* NEVER */.tm;
    }
    return new Date(ms);
});
const inputShape = {
    "env-file": schemas/* string */.YjP().optional(),
    "required-env": inputs/* listInput */.dt.optional(),
    "env-schema": inputs/* structuredInput */.k_.optional(),
    "env-schema-file": schemas/* string */.YjP().optional(),
    "deploy-window": inputs/* structuredInput */.k_.optional(),
    "deploy-time": timeInput.optional(),
    "emergency-override": inputs/* booleanInput */.tE.default(false),
    "override-reason": schemas/* string */.YjP().trim().optional(),
    "secret-scan": schemas/* enum */.k5n(["auto", "changed", "tree", "off"], { error: "must be auto, changed, tree or off" })
        .default("auto"),
    "base-ref": schemas/* string */.YjP().trim().optional(),
    "secret-scan-allow": inputs/* linesInput */.WO.optional(),
    "config-file": schemas/* string */.YjP().optional(),
    environment: schemas/* string */.YjP().trim().optional(),
    "fail-on-warn": inputs/* booleanInput */.tE.default(false),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
/** Env files and schemas are small; a cap keeps a device or a huge file from being read whole. */
const MAX_WORKSPACE_FILE_BYTES = 1024 * 1024;
function readWorkspaceFile(cwd, path, input) {
    return (0,workspace_files/* readWorkspaceText */.tA)(cwd, path, input, MAX_WORKSPACE_FILE_BYTES);
}
async function schemaRules(params, cwd) {
    const rules = [];
    if (params["env-schema"] !== undefined)
        rules.push(...parseEnvSchema(params["env-schema"], 'Input "env-schema"'));
    const file = params["env-schema-file"];
    if (file) {
        const text = await readWorkspaceFile(cwd, file, "env-schema-file");
        let value;
        try {
            value = dist.parse(text, { prettyErrors: false });
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`${file} (from "env-schema-file") is not valid YAML (${error.message.split("\n")[0]}); fix the syntax.`);
        }
        rules.push(...parseEnvSchema(value, `${file} (from "env-schema-file")`));
    }
    const seen = new Set();
    for (const rule of rules) {
        if (seen.has(rule.name))
            throw new errors/* ConfigurationError */.j1(`Input "env-schema" describes ${rule.name} twice; keep one rule for it.`);
        seen.add(rule.name);
    }
    return rules;
}
async function environmentCheck(params, context) {
    const rules = await schemaRules(params, context.cwd);
    const required = params["required-env"] ?? [];
    const envFile = params["env-file"];
    if (rules.length === 0 && required.length === 0) {
        if (envFile)
            throw new errors/* ConfigurationError */.j1(`Input "env-file" is set but nothing says what to check in it; add required-env or env-schema.`);
        return undefined;
    }
    // Every value that the schema calls a secret or a connection string is masked at once.
    const sensitive = new Set(rules
        .filter((r) => r.type !== "string" && r.type !== "integer" && r.type !== "port" && r.type !== "boolean")
        .map((r) => r.name));
    if (envFile) {
        const values = parseEnvFile(await readWorkspaceFile(context.cwd, envFile, "env-file"), envFile);
        for (const [name, value] of values)
            if (sensitive.has(name))
                context.secrets.add(value);
        return { sourceLabel: envFile, values, required, rules };
    }
    for (const name of sensitive)
        context.secrets.add(context.env[name]);
    return { sourceLabel: "the environment", values: context.env, required, rules };
}
/**
 * The window to judge: the input, else the environment's window in the config file. A
 * mistake in the file's window is reported against the file, not the input.
 */
async function windowSource(params, context) {
    if (params["deploy-window"] !== undefined)
        return { value: params["deploy-window"], source: 'Input "deploy-window"' };
    const environment = params.environment;
    if (!environment)
        return undefined;
    const config = await (0,load/* loadConfig */.Z9)({
        cwd: context.cwd,
        ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
    });
    const value = config?.environments[environment]?.["deploy-window"];
    return value === undefined
        ? undefined
        : { value, source: `Config environments.${environment}.deploy-window` };
}
function parseWindowFrom(window) {
    try {
        return parseWindowSpec(window.value);
    }
    catch (error) {
        if (error instanceof errors/* ConfigurationError */.j1 && !window.source.startsWith("Input")) {
            throw new errors/* ConfigurationError */.j1(error.message.replace('Input "deploy-window"', window.source));
        }
        throw error;
    }
}
async function windowCheck(params, context) {
    const overrideReason = params["override-reason"];
    const problems = (0,override_reason/* overrideReasonProblems */.V6)(params["emergency-override"], overrideReason);
    if (problems.length > 0)
        throw new errors/* ConfigurationError */.j1(problems.join("\n"));
    const window = await windowSource(params, context);
    if (window === undefined) {
        if (params["deploy-time"]) {
            throw new errors/* ConfigurationError */.j1(`Input "deploy-time" is set but "deploy-window" is not; add the window to judge the time against.`);
        }
        // Reusable workflows pass the override on every run; without a window it sets nothing aside.
        if (params["emergency-override"]) {
            context.logger.info("No deploy window is set, so the emergency override has nothing to set aside.");
        }
        return undefined;
    }
    const spec = parseWindowFrom(window);
    const calendar = spec.holidays ? await holidayCalendar(spec.holidays, window.source) : undefined;
    const actor = (0,ci_facts/* readCiFacts */.K)(context.env).actor;
    return {
        spec,
        calendar,
        at: params["deploy-time"],
        override: params["emergency-override"] && overrideReason
            ? { reason: overrideReason, ...(actor ? { actor } : {}) }
            : undefined,
    };
}
async function scanCheck(params, context) {
    const mode = params["secret-scan"];
    const allow = parseAllowList(params["secret-scan-allow"] ?? []);
    if (mode === "off")
        return undefined;
    if (mode === "tree" && params["base-ref"]) {
        throw new errors/* ConfigurationError */.j1(`Input "base-ref" only applies to secret-scan: changed (or auto); remove it or change secret-scan.`);
    }
    if (mode !== "auto")
        return { mode, baseRef: params["base-ref"], allow };
    const inRepo = await isRepository(context.cwd);
    return {
        mode: inRepo || params["base-ref"] ? "changed" : "tree",
        baseRef: params["base-ref"],
        allow,
    };
}
function failureMessage(failed, warnings, failOnWarn) {
    const blocking = failOnWarn ? [...failed, ...warnings] : failed;
    if (blocking.length === 0)
        return undefined;
    const shown = blocking.slice(0, 10).join("; ");
    return `Not ready to deploy: ${blocking.length} check${blocking.length === 1 ? "" : "s"} ${failOnWarn && warnings.length > 0 ? "failed or warned" : "failed"} (${shown}${blocking.length > 10 ? "; …" : ""}); see the table in the job summary.`;
}
const preflightAction = (0,action/* defineAction */.Q)({
    name: "preflight",
    inputs: definition_inputs,
    async run(params, context) {
        const environment = await environmentCheck(params, context);
        const window = await windowCheck(params, context);
        const scan = await scanCheck(params, context);
        const result = await preflight({
            cwd: context.cwd,
            env: context.env,
            environment,
            window,
            scan,
            workflow: { configFile: params["config-file"] },
            failOnWarn: params["fail-on-warn"],
        }, { clock: context.clock, logger: context.logger, secrets: context.secrets });
        const failure = failureMessage(result.failed, result.warnings, params["fail-on-warn"]);
        return {
            outputs: {
                passed: String(result.passed),
                failed: JSON.stringify(result.failed),
                warnings: JSON.stringify(result.warnings),
                overridden: String(result.override !== undefined),
                report: preflightReport(result),
            },
            summary: preflightSummary(result),
            ...(failure ? { failure } : {}),
        };
    },
});


/***/ })

};
