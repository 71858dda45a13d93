export const id = 866;
export const ids = [866];
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

/***/ 8789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ connectGitHub)
/* harmony export */ });
async function connectGitHub(options) {
    const { createGitHubClient } = await Promise.all(/* import() */[__webpack_require__.e(344), __webpack_require__.e(780), __webpack_require__.e(166)]).then(__webpack_require__.bind(__webpack_require__, 7873));
    return createGitHubClient(options);
}


/***/ }),

/***/ 8660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ graphqlMessages),
/* harmony export */   rU: () => (/* binding */ classifyGraphqlErrors)
/* harmony export */ });
/* unused harmony export graphqlErrorsOf */
/**
 * GitHub's GraphQL API answers most failures with HTTP 200 and an `errors` array, so an
 * HTTP status says nothing about them. This reads the array and names the failure the way
 * a REST status would: "not-found" (404), "rate-limited" (403/429), "transient" (5xx:
 * "Something went wrong while executing your query", GitHub's timeout), "stale" (409-like
 * compare-and-swap loss) or "refused" (422: an answer no retry changes).
 */
/** GitHub's untyped answer when a query timed out or failed inside GitHub. */
const SOMETHING_WENT_WRONG = /Something went wrong while executing your query/i;
/** The `errors` of a GraphQL answer or of the error @octokit/graphql throws for one. */
function graphqlErrorsOf(value) {
    if (typeof value !== "object" || value === null)
        return undefined;
    const errors = value.errors ??
        value.response?.data?.errors;
    if (!Array.isArray(errors) || errors.length === 0)
        return undefined;
    return errors.filter((e) => typeof e === "object" && e !== null);
}
function kindOf(item) {
    if (item.type === "RATE_LIMITED")
        return "rate-limited";
    if (item.type === "NOT_FOUND")
        return "not-found";
    if (item.type === "STALE_DATA" || /expected branch to point to/i.test(item.message ?? "")) {
        return "stale";
    }
    if (SOMETHING_WENT_WRONG.test(item.message ?? ""))
        return "transient";
    return "refused";
}
/** The failure a GraphQL answer reports, the most retryable first; undefined when none. */
function classifyGraphqlErrors(value) {
    const errors = graphqlErrorsOf(value);
    if (!errors)
        return undefined;
    const kinds = new Set(errors.map(kindOf));
    const order = [
        "rate-limited",
        "transient",
        "stale",
        "not-found",
        "refused",
    ];
    return order.find((kind) => kinds.has(kind));
}
/** The messages of a GraphQL failure, joined, for a sentence about it. */
function graphqlMessages(value) {
    return (graphqlErrorsOf(value) ?? [])
        .map((e) => e.message ?? e.type ?? "")
        .filter(Boolean)
        .join("; ");
}


/***/ }),

/***/ 450:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ githubAuthInputShape),
/* harmony export */   VC: () => (/* binding */ githubAuthFromInputs),
/* harmony export */   xs: () => (/* binding */ githubAuthSecretInputs)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1915);
/* harmony import */ var _auth_requirement_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5383);
/**
 * The authentication inputs every GitHub-facing action shares, with the same names in each
 * action.yml: token, app-id, app-client-id, private-key, github-api-url. An action spreads
 * `githubAuthInputShape` into its own schema and calls `githubAuthFromInputs` on the result.
 *
 * When both a token and an App are given, the App wins: action.yml defaults `token` to
 * `${{ github.token }}`, so a token is nearly always present, and someone who configured an
 * App clearly meant to use it.
 */



const httpUrl = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .trim()
    .refine((value) => {
    try {
        return ["http:", "https:"].includes(new URL(value).protocol);
    }
    catch {
        return false;
    }
}, { message: "must be an http(s) URL such as https://ghe.example.com/api/v3" });
const githubAuthInputShape = {
    token: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    "app-id": zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .trim()
        .regex(/^\d+$/, { message: "must be the App's numeric id (or use app-client-id)" })
        .optional(),
    "app-client-id": zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().optional(),
    "private-key": zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    "github-api-url": httpUrl.optional(),
};
/** Inputs whose values are credentials, to be masked before anything else happens. */
const githubAuthSecretInputs = ["token", "private-key"];
function appFrom(inputs) {
    const appId = inputs["app-id"] || undefined;
    const clientId = inputs["app-client-id"] || undefined;
    const privateKey = inputs["private-key"]?.trim() ? inputs["private-key"] : undefined;
    if (appId && clientId) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Inputs "app-id" and "app-client-id" are both set; give only one of them to name the GitHub App.`);
    }
    const idInput = appId ? "app-id" : clientId ? "app-client-id" : undefined;
    if (idInput && !privateKey) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "private-key" is required with "${idInput}"; give the App's private key (the .pem file from its settings page), normally from a secret.`);
    }
    if (privateKey && !idInput) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "app-id" (or "app-client-id") is required with "private-key"; give the id or client id shown on the GitHub App's settings page.`);
    }
    if (!privateKey)
        return undefined;
    return { ...(appId ? { appId } : {}), ...(clientId ? { clientId } : {}), privateKey };
}
/** Turns the parsed auth inputs into client options, or one sentence saying what is wrong. */
function githubAuthFromInputs(inputs) {
    const app = appFrom(inputs);
    const token = inputs.token?.trim() || undefined;
    if (!app && !token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(_auth_requirement_js__WEBPACK_IMPORTED_MODULE_2__/* .TOKEN_REQUIRED */ .c);
    }
    const baseUrl = inputs["github-api-url"] || undefined;
    return {
        ...(app ? { app } : { token }),
        ...(baseUrl ? { baseUrl } : {}),
    };
}


/***/ }),

/***/ 5311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ parseRepositoryName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);

// GitHub's own limits: owners are alphanumerics and hyphens, names add dots and underscores.
const OWNER_AND_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
/** Splits `owner/name`, or throws a ConfigurationError naming the `repository` input. */
function parseRepositoryName(text, input = "repository") {
    const match = OWNER_AND_NAME.exec(text.trim());
    if (!match || match[2] === "." || match[2] === "..") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${input}" is "${text}", which is not a repository; give it as owner/name, like my-org/infra.`);
    }
    return { owner: match[1] ?? "", repo: match[2] ?? "" };
}


/***/ }),

/***/ 4741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ httpStatusOf)
/* harmony export */ });
/** What a failed GitHub request says about itself, whatever threw it (Octokit's RequestError, a test double). */
/** The HTTP status a failed request carries, if the error has one. */
function httpStatusOf(error) {
    return typeof error === "object" && error !== null && "status" in error
        ? Number(error.status)
        : undefined;
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ retryAfterMs),
/* harmony export */   j: () => (/* binding */ backoffMs)
/* harmony export */ });
/**
 * The one retry timing policy: how long a server asked us to wait (Retry-After) and how long
 * to back off when it did not say. The GitHub client, notify's deliveries and open-pr's
 * compare-and-swap loop all wait through these.
 */
/**
 * A Retry-After header in milliseconds: delta-seconds or an HTTP date, as RFC 9110 allows;
 * undefined when absent or unreadable (a date in the past is 0).
 */
function retryAfterMs(value, nowMs) {
    const text = typeof value === "string" ? value : value?.[0];
    if (text === undefined)
        return undefined;
    if (/^\s*\d+\s*$/.test(text))
        return Number(text) * 1000;
    // An HTTP date names its day and month; Date.parse alone would take "-5" for a year.
    if (!/[a-z]/i.test(text))
        return undefined;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/** The wait before retry number `retry` (1 for the first retry): doubling from the base. */
function backoffMs(retry, policy) {
    const doubled = policy.baseMs * 2 ** Math.min(Math.max(retry - 1, 0), 30);
    const ceiling = Math.min(policy.maxMs, doubled);
    return policy.random ? Math.round(ceiling * (0.5 + policy.random())) : ceiling;
}


/***/ }),

/***/ 6193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nx: () => (/* binding */ checkAllowedPaths),
/* harmony export */   XA: () => (/* binding */ planChanges)
/* harmony export */ });
/* unused harmony export globToRegExp */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1915);
/* harmony import */ var _release_file_plan_edit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7690);
/* harmony import */ var _release_superseded_release_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3097);
/**
 * What a run would commit on top of a given commit of the infra repository: the edited
 * tfvars files and the uploaded files that differ from what is there. Planned afresh for
 * every attempt, because the edit is a transform and the commit it applies to may move.
 */



async function planChanges(repo, commit, request) {
    const additions = [];
    const changes = [];
    const layouts = [];
    const superseded = [];
    for (const file of request.files) {
        const text = await repo.fileAt(file, commit);
        if (text === undefined) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`File "${file}" does not exist in ${repo.fullName} at ${commit.slice(0, 7)}; check the "file" input (or the environment's tfvars in the config file).`);
        }
        const planned = await (0,_release_file_plan_edit_js__WEBPACK_IMPORTED_MODULE_0__/* .planTfvarsEdit */ .a)(file, text, request.edit);
        if (planned.after !== text)
            additions.push({ path: file, content: planned.after });
        changes.push(...planned.changes);
        superseded.push(...(0,_release_superseded_release_js__WEBPACK_IMPORTED_MODULE_1__/* .supersededReleases */ .$)(file, text, planned.after, planned.layouts));
        layouts.push(...planned.layouts.filter((l) => !layouts.some((k) => k.name === l.name)));
    }
    for (const upload of request.uploads) {
        const current = await repo.fileAt(upload.path, commit);
        if (current !== upload.content) {
            additions.push(upload);
            changes.push({
                file: upload.path,
                path: "(whole file)",
                old: current === undefined ? undefined : "(previous content)",
                new: "(uploaded content)",
            });
        }
    }
    return { additions, changes, layouts, superseded };
}
/** Converts a path glob (`envs/**`, `*.json`, `file?.txt`) into a regular expression. */
function globToRegExp(glob) {
    let pattern = "";
    for (let i = 0; i < glob.length; i++) {
        const ch = glob[i];
        if (ch === "*" && glob[i + 1] === "*") {
            // `**/` matches any number of directories, including none.
            const slash = glob[i + 2] === "/";
            pattern += slash ? "(?:.*/)?" : ".*";
            i += slash ? 2 : 1;
        }
        else if (ch === "*")
            pattern += "[^/]*";
        else if (ch === "?")
            pattern += "[^/]";
        else
            pattern += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    }
    return new RegExp(`^${pattern}$`);
}
/** Refuses, before any API call, a change that would touch a path outside the allow-list. */
function checkAllowedPaths(paths, allowed) {
    const patterns = allowed.map(globToRegExp);
    for (const path of paths) {
        if (path.startsWith("/") || path.split("/").includes("..")) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Path "${path}" must be relative to the infra repository root, without "..".`);
        }
        if (!patterns.some((p) => p.test(path))) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Path "${path}" is outside the paths this change may touch (${allowed.join(", ")}); add it to "allowed-paths" if it belongs in the change.`);
        }
    }
}


/***/ }),

/***/ 9444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  H: () => (/* binding */ openPr)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/release-file/document.ts + 4 modules
var release_file_document = __webpack_require__(426);
// EXTERNAL MODULE: ./src/release-file/assignments.ts
var assignments = __webpack_require__(6268);
;// CONCATENATED MODULE: ./src/release-file/document-diff.ts

function isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function diffDocuments(file, before, after) {
    const changes = [];
    const walk = (path, a, b) => {
        if (isObject(a) && isObject(b)) {
            for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
                walk([...path, key], a[key], b[key]);
            return;
        }
        if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
            a.forEach((item, i) => walk([...path, i], item, b[i]));
            return;
        }
        if (JSON.stringify(a) === JSON.stringify(b))
            return;
        if (b === undefined)
            return; // Removals are not something Greenlight does; nothing to describe.
        changes.push({ file, path: (0,assignments/* formatPath */.jV)(path), old: a, new: b });
    };
    walk([], before, after);
    return changes;
}

// EXTERNAL MODULE: ./src/release/superseded-release.ts
var superseded_release = __webpack_require__(3097);
// EXTERNAL MODULE: ./src/release/withdraw-promotion.ts
var withdraw_promotion = __webpack_require__(639);
// EXTERNAL MODULE: ./src/open-pr/change-plan.ts
var change_plan = __webpack_require__(6193);
// EXTERNAL MODULE: ./src/release/infra-repo.ts
var infra_repo = __webpack_require__(8388);
// EXTERNAL MODULE: ./src/release/auto-merge.ts
var auto_merge = __webpack_require__(411);
// EXTERNAL MODULE: ./src/core/github/request-error.ts
var request_error = __webpack_require__(4741);
// EXTERNAL MODULE: ./src/open-pr/pr-content.ts
var pr_content = __webpack_require__(3588);
;// CONCATENATED MODULE: ./src/open-pr/main.ts











class Backoff {
    deps;
    max;
    what;
    attempt = 0;
    constructor(deps, max, what) {
        this.deps = deps;
        this.max = max;
        this.what = what;
    }
    /**
     * Waits before the next attempt; throws once the attempts are used up. `cause` says whose
     * doing the failed attempt was: a concurrent change that landed first, or GitHub itself.
     */
    async next(reason, cause = "race") {
        this.attempt++;
        if (this.attempt >= this.max) {
            const advice = cause === "race"
                ? `Other changes kept landing first; run again, or raise "max-attempts".`
                : `GitHub kept failing; run again later, or raise "max-attempts".`;
            throw new errors/* OperationFailedError */.Bp(`Gave up after ${this.max} attempts to ${this.what}: ${reason}. ${advice}`);
        }
        const wait = (0,retry/* backoffMs */.j)(this.attempt + 1, {
            baseMs: 100,
            maxMs: 5_000,
            random: this.deps.random ?? Math.random,
        });
        this.deps.logger.debug(`${reason}; attempt ${this.attempt + 1} in ${wait} ms`);
        await this.deps.clock.sleep(wait);
    }
}
function contentContext(params, plan) {
    const changed = (0,pr_content/* changedServices */.VH)(plan.changes, plan.layouts);
    return {
        environment: params.environment,
        kind: params.kind,
        services: changed.length > 0 ? changed : params.services,
        changes: plan.changes,
        layouts: plan.layouts,
        source: params.source,
        branch: params.branch,
    };
}
function titleAndBody(params, context) {
    const template = params.bodyTemplate;
    return {
        title: params.titleTemplate
            ? (0,pr_content/* renderTemplate */.Xm)(params.titleTemplate, context)
            : (0,pr_content/* defaultTitle */.QL)(context),
        body: (0,pr_content/* fitBody */.KM)(context, (c) => (template ? (0,pr_content/* renderTemplate */.Xm)(template, c) : (0,pr_content/* defaultBody */.Ac)(c))),
    };
}
/**
 * Closes the promotion pull request of the releases this change supersedes, before the
 * change is committed (once per run: `closed` remembers) and, in direct mode, once more
 * after it landed, for a pull request a promote tick opened in between.
 */
async function withdrawSupersededPromotion(params, deps, plan, closed) {
    if (closed.done || !params.promotionBranch || plan.superseded.length === 0)
        return;
    const reason = plan.superseded.map(superseded_release/* describeSuperseded */.O).join("; ");
    deps.logger.info(`This change supersedes the release in progress: ${reason}.`);
    const pulls = await deps.repo.pullRequestsFor(params.promotionBranch, params.base);
    for (const pr of pulls.filter((p) => p.state === "open")) {
        await (0,withdraw_promotion/* closePromotionPullRequest */.El)(deps.repo, deps.logger, pr, reason, params.base);
    }
    closed.done = true;
}
/** Direct mode: one commit on the base branch, retried on top of whatever landed meanwhile. */
async function pushToBase(params, deps) {
    const backoff = new Backoff(deps, params.maxAttempts, `commit to ${params.base}`);
    // Set when a commit's answer was lost: it may have landed, so "nothing left to do" then
    // means our commit is the one that did it.
    let mayHaveLanded = false;
    const withdrawn = { done: false };
    for (;;) {
        const attempts = backoff.attempt + 1;
        try {
            const head = await requireBranch(deps.repo, params.base);
            const plan = await (0,change_plan/* planChanges */.XA)(deps.repo, head, params.change);
            if (plan.additions.length === 0) {
                const operation = mayHaveLanded ? "pushed" : "unchanged";
                return {
                    operation,
                    branch: params.base,
                    headSha: head,
                    committed: mayHaveLanded,
                    changes: [],
                    attempts,
                };
            }
            await withdrawSupersededPromotion(params, deps, plan, withdrawn);
            const context = contentContext(params, plan);
            const message = (0,pr_content/* commitMessage */.df)(context, titleAndBody(params, context).title);
            mayHaveLanded = true;
            const result = await deps.repo.commit({
                branch: params.base,
                expectedHead: head,
                ...message,
                additions: plan.additions,
            });
            mayHaveLanded = false;
            if (result !== "stale") {
                deps.logger.info(`Committed ${result.oid.slice(0, 7)} to ${params.base}.`);
                await withdrawSupersededPromotion(params, deps, plan, { done: false }).catch((error) => deps.logger.warning(`Could not check for a promotion pull request opened meanwhile: ${(0,infra_repo/* describeError */.Uc)(error)}`));
                return {
                    operation: "pushed",
                    branch: params.base,
                    headSha: result.oid,
                    committed: true,
                    changes: plan.changes,
                    layouts: plan.layouts,
                    superseded: plan.superseded,
                    attempts,
                };
            }
            await backoff.next(`${params.base} moved while committing`);
        }
        catch (error) {
            if (!(0,infra_repo/* isTransient */.dg)(error))
                throw (0,infra_repo/* protectedBranchError */.Xp)(deps.repo, params.base, error) ?? error;
            await backoff.next(`GitHub answered ${(0,infra_repo/* describeError */.Uc)(error)}`, "github");
        }
    }
}
async function requireBranch(repo, branch) {
    const head = await repo.branchHead(branch);
    if (!head) {
        throw new errors/* OperationFailedError */.Bp(`Branch "${branch}" does not exist in ${repo.fullName}; check the "base" input.`);
    }
    return head;
}
/**
 * Everything the branch at `head` changes relative to the base, for the PR body: the
 * tfvars files diffed value by value (`known` holds contents already in hand, to save
 * reads), and this run's uploads.
 */
async function describeBranch(repo, params, baseHead, head, known, plan) {
    const changes = [];
    for (const file of params.change.files) {
        const before = await repo.fileAt(file, baseHead);
        const after = known.find((a) => a.path === file)?.content ?? (await repo.fileAt(file, head));
        if (before === undefined || after === undefined || before === after)
            continue;
        const ref = params.change.edit.releaseFile;
        const format = ref?.path === file ? ref.format : undefined;
        changes.push(...diffDocuments(file, (0,release_file_document/* parseTfvars */.gT)(before, file, format).data, (0,release_file_document/* parseTfvars */.gT)(after, file, format).data));
    }
    const uploads = new Set(params.change.uploads.map((u) => u.path));
    return [...changes, ...plan.changes.filter((c) => uploads.has(c.file))];
}
async function branchState(repo, branch, baseHead, pulls, mayExist) {
    const open = pulls.find((p) => p.state === "open");
    if (open)
        return { kind: "open-pr", head: open.headSha };
    // With no pull request ever opened from it, the branch normally does not exist: save the look-up.
    if (pulls.length === 0 && !mayExist)
        return { kind: "absent" };
    const head = await repo.branchHead(branch);
    if (!head)
        return { kind: "absent" };
    if (head !== baseHead && pulls.some((p) => p.headSha === head))
        return { kind: "finished", head };
    return { kind: "leftover", head };
}
/** The commit a change is planned on, for each branch state. */
function planningBase(state, baseHead) {
    return state.kind === "open-pr" || state.kind === "leftover" ? state.head : baseHead;
}
async function createOrAdoptPullRequest(params, deps, content) {
    const backoff = new Backoff(deps, params.maxAttempts, "open the pull request");
    for (;;) {
        let outcome;
        let failure;
        try {
            outcome = await deps.repo.createPullRequest({
                branch: params.branch,
                base: params.base,
                draft: params.draft,
                ...content,
            });
        }
        catch (error) {
            // The create may have succeeded before the error reached us: look before retrying.
            deps.logger.warning(`Creating the pull request failed (${(0,infra_repo/* describeError */.Uc)(error)}); checking whether it exists.`);
            outcome = undefined;
            failure = error;
        }
        if (outcome && outcome !== "exists")
            return { pr: outcome, created: true };
        const open = (await deps.repo.pullRequestsFor(params.branch, params.base)).find((p) => p.state === "open");
        if (open)
            return { pr: open, created: outcome === undefined };
        // A refusal (say, a 422 for an invalid base) is an answer: asking again would not change it.
        if (failure !== undefined && !(0,infra_repo/* isTransient */.dg)(failure))
            throw failure;
        await backoff.next("the pull request was neither created nor found", "github");
    }
}
/**
 * Labels, assignees, reviewers and auto-merge are idempotent, so they are simply retried:
 * on GitHub's transient 422 "Could not resolve to a node" right after a PR is created, and
 * on answers that say nothing about whether they were carried out.
 */
async function withIdempotentRetry(deps, what, call) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            if (!((0,infra_repo/* isUnresolvedNode */.iV)(error) || (0,infra_repo/* isTransient */.dg)(error)) || attempt >= 5)
                throw error;
            deps.logger.debug(`${what}: GitHub answered ${(0,infra_repo/* describeError */.Uc)(error)}; retrying`);
            await deps.clock.sleep(500 * attempt);
        }
    }
}
/**
 * A review request GitHub refuses for good: teams asked for with a token that cannot read
 * them, people or teams without access, the author. The pull request is fine without it,
 * so this is a warning with the sentence that fixes it, not a failed step.
 */
function reviewerRefusal(params, repo, pr, error) {
    if ((0,request_error/* httpStatusOf */.s)(error) !== 422)
        return undefined;
    const message = error instanceof Error ? error.message : String(error);
    const who = [...params.reviewers, ...params.teamReviewers.map((t) => `team ${t}`)].join(", ");
    const opened = `Pull request #${pr.number} was opened without review requests (${who})`;
    if (/global id of '?T_/.test(message)) {
        return `${opened}: the token cannot read the organisation's teams, so GitHub cannot find team ${params.teamReviewers.join(", ")} (the workflow's GITHUB_TOKEN never can); for "team-reviewers" give open-pr a GitHub App installed with the organization permission "Members: read", or a token with the read:org scope.`;
    }
    if (/only be requested from collaborators/i.test(message)) {
        return `${opened}: GitHub requests reviews only from collaborators of ${repo.fullName}; give those people or teams access to ${repo.fullName} (Settings → Collaborators and teams), or change "reviewers" and "team-reviewers".`;
    }
    if (/pull request author/i.test(message)) {
        return `${opened}: GitHub does not request a review from the pull request's author (${pr.author ?? "the token's user"}); remove them from "reviewers".`;
    }
    return undefined;
}
async function decorate(params, deps, pr) {
    const { repo } = deps;
    if (params.labels.length)
        await withIdempotentRetry(deps, "labels", () => repo.addLabels(pr.number, params.labels));
    if (params.assignees.length)
        await withIdempotentRetry(deps, "assignees", () => repo.addAssignees(pr.number, params.assignees));
    if (params.reviewers.length || params.teamReviewers.length) {
        try {
            await withIdempotentRetry(deps, "reviewers", () => repo.requestReviewers(pr.number, params.reviewers, params.teamReviewers));
        }
        catch (error) {
            const warning = reviewerRefusal(params, repo, pr, error);
            if (!warning)
                throw error;
            deps.logger.warning(warning);
        }
    }
}
async function waitForMerge(params, deps, pr) {
    const deadline = deps.clock.now().getTime() + params.waitTimeoutMs;
    for (;;) {
        const current = await deps.repo.pullRequest(pr.number);
        if (current.merged)
            return current;
        if (current.state === "closed") {
            throw new errors/* OperationFailedError */.Bp(`Pull request #${pr.number} was closed without being merged: ${pr.url}`);
        }
        if (deps.clock.now().getTime() + params.pollIntervalMs > deadline) {
            throw new errors/* OperationFailedError */.Bp(`Pull request #${pr.number} was not merged within ${Math.round(params.waitTimeoutMs / 1000)} s: ${pr.url}`);
        }
        await deps.clock.sleep(params.pollIntervalMs);
    }
}
/** Commits the plan on the PR branch; "stale" when another run moved it first. */
async function commitToBranch(params, repo, state, baseHead, plan) {
    const context = contentContext(params, plan);
    const message = (0,pr_content/* commitMessage */.df)(context, titleAndBody(params, context).title);
    if (state.kind === "finished") {
        return repo.commitOnto({
            branch: params.branch,
            expectedHead: state.head,
            mergeParent: baseHead,
            message: `${message.headline}\n\n${message.body}`,
            additions: plan.additions,
        });
    }
    if (state.kind === "absent" && (await repo.createBranch(params.branch, baseHead)) === "exists") {
        return "branch-exists";
    }
    const expectedHead = state.kind === "absent" ? baseHead : state.head;
    try {
        return await repo.commit({
            branch: params.branch,
            expectedHead,
            ...message,
            additions: plan.additions,
        });
    }
    catch (error) {
        // A branch this run created must not outlive a commit that failed on it.
        if (state.kind === "absent")
            await repo.deleteBranchAt(params.branch, baseHead).catch(() => { });
        throw error;
    }
}
/**
 * Brings an open pull request's title and body up to date with its branch. Concurrent runs
 * patch in any order, so after patching, check that the branch still ends where the text
 * was computed; if it moved, describe the newer head and patch again. Every run does this,
 * so the text settles on the branch's final head.
 */
async function refreshPullRequest(params, deps, pr, described, plan) {
    let { head, content } = described;
    let current = pr;
    for (let round = 0; round < params.maxAttempts; round++) {
        if (current.title !== content.title || current.body !== content.body) {
            await deps.repo.updatePullRequest(pr.number, content);
            current = { ...current, ...content };
        }
        const now = await deps.repo.branchHead(params.branch);
        if (!now || now === head)
            break;
        head = now;
        const changes = await describeBranch(deps.repo, params, described.baseHead, now, [], plan);
        content = titleAndBody(params, contentContext(params, { changes, layouts: plan.layouts }));
    }
    return { ...current, headSha: described.head };
}
/** The login GitHub gives pull requests opened with a workflow's GITHUB_TOKEN. */
const WORKFLOW_TOKEN_AUTHOR = "github-actions[bot]";
/**
 * GitHub starts no workflow run for what GITHUB_TOKEN does, so the required checks of a
 * pull request it opened never report, and auto-merge or a wait for the merge never ends.
 */
function warnAboutWorkflowToken(params, deps, pr) {
    if (pr.author !== WORKFLOW_TOKEN_AUTHOR)
        return;
    if (params.mode !== "auto-merge" && !params.waitForMerge)
        return;
    const waiting = params.mode === "auto-merge" ? "auto-merge" : "wait-for-merge";
    deps.logger.warning(`Pull request #${pr.number} was opened with the workflow's GITHUB_TOKEN, and GitHub starts no workflow runs for it, so required checks never report and ${waiting} may never finish; give open-pr a GitHub App (app-id and private-key) or a personal access token instead.`);
}
/** The last steps for a pull request: auto-merge, and waiting for the merge if asked. */
async function finishPullRequest(params, deps, pr, outcome) {
    warnAboutWorkflowToken(params, deps, pr);
    if (params.mode === "auto-merge" && pr.state === "open") {
        // Idempotent, so also done for a pull request that a previous run opened without it.
        const landed = await (0,auto_merge/* enableOrMerge */.z)(deps, pr, params.mergeMethod);
        if (landed.kind === "merged") {
            deps.logger.info(`Pull request #${pr.number} ${outcome.operation} and merged: ${pr.url}`);
            return {
                ...outcome,
                operation: "merged",
                branch: params.branch,
                pullRequest: { ...pr, state: "closed", merged: true, mergeSha: landed.sha },
                mergeSha: landed.sha,
            };
        }
    }
    deps.logger.info(`Pull request #${pr.number} ${outcome.operation}: ${pr.url}`);
    if (!params.waitForMerge)
        return { ...outcome, branch: params.branch, pullRequest: pr };
    const merged = await waitForMerge(params, deps, pr);
    return {
        ...outcome,
        operation: "merged",
        branch: params.branch,
        pullRequest: merged,
        ...(merged.mergeSha ? { mergeSha: merged.mergeSha } : {}),
    };
}
/** Nothing to commit and no open pull request: the base already holds the change. */
function alreadyOnBase(params, pulls, baseHead, attempts) {
    // Adopt the merged pull request that brought the change, if any.
    const merged = pulls.find((p) => p.merged);
    const common = {
        branch: params.branch,
        headSha: baseHead,
        committed: false,
        changes: [],
        attempts,
    };
    return merged
        ? {
            ...common,
            operation: "adopted",
            pullRequest: merged,
            ...(merged.mergeSha ? { mergeSha: merged.mergeSha } : {}),
        }
        : { ...common, operation: "unchanged" };
}
/** Opens the pull request for a branch that now holds the change, or refreshes the open one. */
async function publishPullRequest(params, deps, branch, attempts) {
    const { open, head, parent, baseHead, plan, committed } = branch;
    const changes = parent === baseHead
        ? plan.changes
        : await describeBranch(deps.repo, params, baseHead, head, plan.additions, plan);
    const content = titleAndBody(params, contentContext(params, { changes, layouts: plan.layouts }));
    const described = { head, baseHead, content };
    let pr;
    let operation;
    if (open) {
        pr = await refreshPullRequest(params, deps, open, described, plan);
        operation = "updated";
    }
    else {
        const made = await createOrAdoptPullRequest(params, deps, content);
        operation = made.created ? "created" : "updated";
        if (made.created) {
            pr = { ...made.pr, headSha: head };
            await decorate(params, deps, pr);
        }
        else {
            pr = await refreshPullRequest(params, deps, made.pr, described, plan);
        }
    }
    return finishPullRequest(params, deps, pr, {
        operation,
        headSha: head,
        committed,
        changes,
        layouts: plan.layouts,
        superseded: plan.superseded,
        attempts,
    });
}
async function openPullRequest(params, deps) {
    const { repo } = deps;
    const backoff = new Backoff(deps, params.maxAttempts, `update branch ${params.branch}`);
    let mayExist = false;
    // Set once a commit's answer was lost: a branch that already holds the change may hold
    // it because of this run, which then updated (not left unchanged) the pull request.
    let lostCommit = false;
    const withdrawn = { done: false };
    for (;;) {
        let committing = false;
        try {
            const attempts = backoff.attempt + 1;
            const baseHead = await requireBranch(repo, params.base);
            const pulls = await repo.pullRequestsFor(params.branch, params.base);
            const open = pulls.find((p) => p.state === "open");
            const state = await branchState(repo, params.branch, baseHead, pulls, mayExist);
            const parent = planningBase(state, baseHead);
            const plan = await (0,change_plan/* planChanges */.XA)(repo, parent, params.change);
            let head = parent;
            let committed = lostCommit;
            if (plan.additions.length === 0) {
                if (!open && parent === baseHead)
                    return alreadyOnBase(params, pulls, baseHead, attempts);
                // Otherwise the open PR, or a leftover branch that only lacks its PR, holds the change.
            }
            else {
                await withdrawSupersededPromotion(params, deps, plan, withdrawn);
                committing = true;
                const result = await commitToBranch(params, repo, state, baseHead, plan);
                committing = false;
                if (result === "stale" || result === "branch-exists") {
                    mayExist = true;
                    await backoff.next(result === "stale"
                        ? `${params.branch} moved while committing`
                        : `branch ${params.branch} appeared meanwhile`);
                    continue;
                }
                head = result.oid;
                committed = true;
                deps.logger.info(`Committed ${head.slice(0, 7)} to ${params.branch}.`);
            }
            if (open && !committed) {
                return finishPullRequest(params, deps, open, {
                    operation: "unchanged",
                    headSha: open.headSha,
                    committed: false,
                    changes: [],
                    attempts,
                });
            }
            return publishPullRequest(params, deps, { open, head, parent, baseHead, plan, committed }, attempts);
        }
        catch (error) {
            if (!(0,infra_repo/* isTransient */.dg)(error))
                throw (0,infra_repo/* protectedBranchError */.Xp)(repo, params.branch, error) ?? error;
            if (committing)
                lostCommit = true;
            mayExist = true;
            await backoff.next(`GitHub answered ${(0,infra_repo/* describeError */.Uc)(error)}`, "github");
        }
    }
}
async function openPr(params, deps) {
    return params.mode === "direct" ? pushToBase(params, deps) : openPullRequest(params, deps);
}


/***/ }),

/***/ 3588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ defaultBody),
/* harmony export */   EI: () => (/* binding */ changesTable),
/* harmony export */   H2: () => (/* binding */ sourceFromEnv),
/* harmony export */   KM: () => (/* binding */ fitBody),
/* harmony export */   QL: () => (/* binding */ defaultTitle),
/* harmony export */   VH: () => (/* binding */ changedServices),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   df: () => (/* binding */ commitMessage)
/* harmony export */ });
/* unused harmony export PULL_REQUEST_BODY_LIMIT */
/* harmony import */ var _release_file_json_path_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(972);
/* harmony import */ var _release_file_service_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1404);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2567);
/* harmony import */ var _core_ci_facts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1669);
/* harmony import */ var _core_summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1363);





/** GitHub refuses a pull request body longer than this many characters. */
const PULL_REQUEST_BODY_LIMIT = 65_536;
/** Source facts from the CI system's variables (GitHub Actions, GitLab CI, Jenkins…). */
function sourceFromEnv(env) {
    return (0,_core_ci_facts_js__WEBPACK_IMPORTED_MODULE_3__/* .readCiFacts */ .K)(env);
}
/** A title names up to four services; more are counted, so the title stays readable. */
function serviceList(services) {
    if (services.length <= 4)
        return services.join(", ");
    return `${services.slice(0, 3).join(", ")} and ${services.length - 3} more services`;
}
/**
 * The services a change touches, in the order they appear: on a branch several runs share,
 * this names every service the pull request changes, not only the last run's.
 */
function changedServices(changes, layouts) {
    const services = [];
    for (const change of changes) {
        const owner = ownerOf(change.path, layouts);
        if (owner && !services.includes(owner.service))
            services.push(owner.service);
    }
    return services;
}
function defaultTitle(context) {
    const services = serviceList(context.services);
    const env = context.environment;
    switch (context.kind) {
        case "deploy":
            return `Deploy ${services} to ${env}`;
        case "traffic": {
            const weights = context.changes
                .map((c) => ({ c, owner: ownerOf(c.path, context.layouts) }))
                .filter(({ owner }) => owner?.field === "green-weight")
                .map(({ c, owner }) => `${owner.service} ${String(c.new)}%`);
            return `Shift traffic to green in ${env}: ${weights.join(", ") || services}`;
        }
        case "finalize":
            return `Finalize ${services} in ${env}`;
        case "rollback":
            return `Roll back ${services} in ${env}`;
        case "edit":
            return `Update ${[...new Set(context.changes.map((c) => c.file))].join(", ") || "release files"} in ${env}`;
    }
}
function ownerOf(path, layouts) {
    const wanted = (0,_release_file_json_path_js__WEBPACK_IMPORTED_MODULE_0__/* .normalisePath */ .qb)(path);
    for (const layout of layouts) {
        for (const field of _config_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .SERVICE_FIELDS */ .Kg) {
            // A split image (repository + tag/digest) is one field kept in several places.
            for (const fieldPath of (0,_release_file_service_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldPaths */ .r3)(layout, field)) {
                if ((0,_release_file_json_path_js__WEBPACK_IMPORTED_MODULE_0__/* .normalisePath */ .qb)(fieldPath) === wanted)
                    return { service: layout.name, field };
            }
        }
    }
    return undefined;
}
function show(value) {
    return value === undefined
        ? "(absent)"
        : (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .inlineCode */ .ti)(typeof value === "string" ? value : JSON.stringify(value));
}
function changesTable(changes, layouts, omitted = 0) {
    const table = (0,_core_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .renderMarkdown */ .Gc)([
        {
            kind: "table",
            header: ["Service", "Field", "Old", "New"],
            rows: changes.map((c) => {
                const owner = ownerOf(c.path, layouts);
                return [
                    owner?.service ?? "—",
                    owner ? owner.field : `${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .inlineCode */ .ti)(c.file)} ${(0,_core_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .inlineCode */ .ti)(c.path)}`,
                    show(c.old),
                    show(c.new),
                ];
            }),
        },
    ]).trim();
    if (omitted === 0)
        return table;
    return `${table}\n\n…and ${omitted} more change${omitted === 1 ? "" : "s"} not shown: a pull request body holds at most ${PULL_REQUEST_BODY_LIMIT.toLocaleString("en-US")} characters. The commit messages list every change.`;
}
/**
 * The body `render` makes of `context`, with as many rows of the changes table as fit in
 * GitHub's limit and a line saying how many were left out. A template whose own text is
 * too long is cut, visibly, as a last resort.
 */
function fitBody(context, render) {
    const full = render(context);
    if (full.length <= PULL_REQUEST_BODY_LIMIT)
        return full;
    const all = context.changes;
    const bodyWith = (shown) => render({ ...context, changes: all.slice(0, shown), omittedChanges: all.length - shown });
    let low = 0;
    let high = all.length - 1;
    let best;
    while (low <= high) {
        const mid = Math.floor((low + high) / 2);
        const body = bodyWith(mid);
        if (body.length <= PULL_REQUEST_BODY_LIMIT) {
            best = body;
            low = mid + 1;
        }
        else
            high = mid - 1;
    }
    if (best !== undefined)
        return best;
    const cut = "\n\n…(cut: a pull request body holds at most 65,536 characters)";
    return bodyWith(0).slice(0, PULL_REQUEST_BODY_LIMIT - cut.length) + cut;
}
function commitText(source) {
    if (!source.commit)
        return undefined;
    const name = `${source.repository ? `${source.repository}@` : ""}${source.commit.slice(0, 7)}`;
    return source.commitUrl ? `commit [${name}](${source.commitUrl})` : `commit ${name}`;
}
function sourceLine(source) {
    const parts = [];
    const commit = commitText(source);
    if (commit)
        parts.push(source.branch ? `${commit} on branch ${source.branch}` : commit);
    else if (source.branch)
        parts.push(`branch ${source.branch}`);
    if (source.runUrl)
        parts.push(`${source.runName ?? "run"} ${source.runUrl}`);
    // Only a GitHub login is @-mentioned: another system's user name could be someone else's here.
    if (source.actor)
        parts.push(`started by ${source.github ? "@" : ""}${source.actor}`);
    return parts.length > 0 ? `Source: ${parts.join(", ")}.` : "";
}
function defaultBody(context) {
    return [
        `**Environment:** ${context.environment}`,
        "",
        changesTable(context.changes, context.layouts, context.omittedChanges),
        "",
        sourceLine(context.source),
        "",
        `<sub>Opened by Greenlight on branch \`${context.branch}\`. Re-running the same change updates this pull request.</sub>`,
    ]
        .filter((line, i, all) => !(line === "" && all[i - 1] === ""))
        .join("\n")
        .trim();
}
/** Fills `{{name}}` placeholders; an unknown placeholder is left as it is, visibly. */
function renderTemplate(template, context) {
    const values = {
        environment: context.environment,
        kind: context.kind,
        services: context.services.join(", "),
        branch: context.branch,
        changes: changesTable(context.changes, context.layouts, context.omittedChanges),
        source: sourceLine(context.source),
        sha: context.source.commit ?? "",
        "run-url": context.source.runUrl ?? "",
        title: defaultTitle(context),
    };
    return template.replace(/\{\{\s*([a-z-]+)\s*\}\}/g, (whole, name) => values[name] ?? whole);
}
function commitMessage(context, title) {
    const lines = context.changes.map((c) => {
        const owner = ownerOf(c.path, context.layouts);
        const what = owner ? `${owner.service} ${owner.field}` : `${c.file} ${c.path}`;
        return `- ${what}: ${JSON.stringify(c.old)} -> ${JSON.stringify(c.new)}`;
    });
    const source = sourceLine(context.source).replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
    return { headline: title, body: [...lines, "", source].join("\n").trim() };
}


/***/ }),

/***/ 411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ enableOrMerge)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1915);
/* harmony import */ var _core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8660);
/* harmony import */ var _core_github_request_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4741);
/* harmony import */ var _infra_repo_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8388);




const ATTEMPTS = 5;
/** Which of GitHub's refusals of enablePullRequestAutoMerge this is, if any. */
function refusal(error) {
    const text = (0,_core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .graphqlMessages */ .Cj)(error);
    if (/auto merge is not allowed/i.test(text))
        return "not-allowed";
    if (/is in (clean|unstable|has_hooks) status/i.test(text))
        return "mergeable-now";
    if (/is in dirty status/i.test(text))
        return "conflict";
    if (/is in draft status/i.test(text))
        return "draft";
    return undefined;
}
function notAllowed(repo, pr) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Pull request #${pr.number} is open, but ${repo.fullName} does not allow auto-merge: turn on "Allow auto-merge" in the repository's Settings → General → Pull Requests (allow_auto_merge), or set "merge" to pull-request.`);
}
/** A merge GitHub refused for a reason that waiting fixes (a check that started meanwhile). */
function mergeRefusedForNow(error) {
    const status = (0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_2__/* .httpStatusOf */ .s)(error);
    return status === 405 || status === 409;
}
/**
 * Enables auto-merge on `pr`, or merges it now when GitHub says there is nothing to wait
 * for. Safe to repeat: enabling twice is the same as once, and a merge names the head it
 * expects, so it never merges a commit nobody looked at.
 */
async function enableOrMerge(deps, pr, method) {
    const { repo, logger } = deps;
    let last;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
            await repo.enableAutoMerge(pr.nodeId, method);
            return { kind: "enabled" };
        }
        catch (error) {
            last = error;
            const reason = refusal(error);
            if (reason === "not-allowed")
                throw notAllowed(repo, pr);
            if (reason === "conflict") {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationFailedError */ .Bp(`Pull request #${pr.number} conflicts with its base, so it cannot merge: ${pr.url}; resolve the conflict or close it and run again.`);
            }
            if (reason === "draft") {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Pull request #${pr.number} is a draft, and GitHub does not auto-merge drafts; mark it ready for review, or do not combine "draft" with "merge: auto-merge".`);
            }
            if (reason === "mergeable-now") {
                const current = await repo.pullRequest(pr.number);
                if (current.merged)
                    return { kind: "merged", sha: current.mergeSha ?? current.headSha };
                try {
                    const sha = await repo.merge(pr.number, method, current.headSha);
                    logger.info(`Pull request #${pr.number} had nothing left to wait for, so it was merged now (${method}) instead of queued for auto-merge.`);
                    return { kind: "merged", sha };
                }
                catch (mergeError) {
                    if (!mergeRefusedForNow(mergeError))
                        throw mergeError;
                    // A check started or the head moved between the two answers: ask again.
                    last = mergeError;
                }
            }
            else if (!((0,_infra_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .isUnresolvedNode */ .iV)(error) || (0,_infra_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .isTransient */ .dg)(error))) {
                throw error;
            }
        }
        logger.debug(`auto-merge of #${pr.number}: ${(0,_infra_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(last)}; trying again`);
        await deps.clock.sleep(500 * attempt);
    }
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationFailedError */ .Bp(`Could not enable auto-merge on pull request #${pr.number} (${(0,_infra_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .describeError */ .Uc)(last)}): ${pr.url}; run again, or merge it by hand.`);
}


/***/ }),

/***/ 8388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   Xp: () => (/* binding */ protectedBranchError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   fV: () => (/* binding */ InfraRepo),
/* harmony export */   iV: () => (/* binding */ isUnresolvedNode)
/* harmony export */ });
/* unused harmony export isStaleHead */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1915);
/* harmony import */ var _core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8660);
/* harmony import */ var _core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4741);



function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function toInfo(pr) {
    const merged = "merged" in pr ? Boolean(pr.merged) : Boolean(pr.merged_at);
    return {
        number: pr.number,
        nodeId: pr.node_id,
        url: pr.html_url,
        state: pr.state === "open" ? "open" : "closed",
        merged,
        title: pr.title,
        body: pr.body ?? "",
        headSha: pr.head.sha,
        ...(merged && pr.merge_commit_sha ? { mergeSha: pr.merge_commit_sha } : {}),
        ...(pr.user?.login ? { author: pr.user.login } : {}),
    };
}
class InfraRepo {
    octokit;
    ref;
    constructor(octokit, ref) {
        this.octokit = octokit;
        this.ref = ref;
    }
    get fullName() {
        return `${this.ref.owner}/${this.ref.repo}`;
    }
    /** The commit a branch points at, or undefined when the branch does not exist. */
    async branchHead(branch) {
        try {
            const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
                ...this.ref,
                ref: `heads/${branch}`,
            });
            return data.object.sha;
        }
        catch (error) {
            if ((0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error) === 404)
                return undefined;
            throw error;
        }
    }
    /** A file's text at a commit, or undefined when the file does not exist there. */
    async fileAt(path, commit) {
        try {
            const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
                ...this.ref,
                path,
                ref: commit,
            });
            if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${path} in ${this.fullName} is not a file; name a tfvars file.`);
            }
            // Over 1 MB GitHub leaves `content` empty ("encoding": "none"); the blob API has it.
            if (data.encoding === "none" || (data.content === "" && data.size > 0)) {
                return await this.blobText(data.sha);
            }
            return Buffer.from(data.content, "base64").toString("utf8");
        }
        catch (error) {
            if ((0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error) === 404)
                return undefined;
            throw error;
        }
    }
    /** A blob's text by its sha (the blob API serves files up to 100 MB). */
    async blobText(sha) {
        const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
            ...this.ref,
            file_sha: sha,
        });
        return Buffer.from(data.content, data.encoding === "utf-8" ? "utf8" : "base64").toString("utf8");
    }
    /** Creates a branch at `sha`; "exists" when another run created it first. */
    async createBranch(branch, sha) {
        try {
            await this.octokit.request("POST /repos/{owner}/{repo}/git/refs", {
                ...this.ref,
                ref: `refs/heads/${branch}`,
                sha,
            });
            return "created";
        }
        catch (error) {
            if ((0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error) === 422 && /already exists/i.test(messageOf(error)))
                return "exists";
            throw error;
        }
    }
    /**
     * Removes a branch this run created, if it still points at `sha` (nothing else was
     * committed to it since); a failure to remove it is left to the caller's error.
     */
    async deleteBranchAt(branch, sha) {
        if ((await this.branchHead(branch)) !== sha)
            return;
        await this.octokit.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
            ...this.ref,
            ref: `heads/${branch}`,
        });
    }
    /**
     * One commit on `branch` whose tree is `mergeParent`'s tree plus `additions`, with both
     * the branch head and `mergeParent` as parents. It restarts a branch left by a merged or
     * closed pull request from the base without a forced update: the ref only moves forward
     * (force: false), so a concurrent run's commit can never be thrown away.
     */
    async commitOnto(options) {
        const { data: parent } = await this.octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
            ...this.ref,
            commit_sha: options.mergeParent,
        });
        const { data: tree } = await this.octokit.request("POST /repos/{owner}/{repo}/git/trees", {
            ...this.ref,
            base_tree: parent.tree.sha,
            tree: options.additions.map((a) => ({
                path: a.path,
                mode: "100644",
                type: "blob",
                content: a.content,
            })),
        });
        const { data: commit } = await this.octokit.request("POST /repos/{owner}/{repo}/git/commits", {
            ...this.ref,
            message: options.message,
            tree: tree.sha,
            parents: [options.expectedHead, options.mergeParent],
        });
        try {
            await this.octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
                ...this.ref,
                ref: `heads/${options.branch}`,
                sha: commit.sha,
                force: false,
            });
        }
        catch (error) {
            if ((0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error) === 422)
                return "stale";
            throw error;
        }
        return { oid: commit.sha };
    }
    /**
     * One commit on `branch`, only if the branch still points at `expectedHead`.
     * Returns the new commit, or "stale" when the branch moved (compare-and-swap lost).
     */
    async commit(options) {
        const mutation = `mutation($input: CreateCommitOnBranchInput!) {
      createCommitOnBranch(input: $input) { commit { oid } }
    }`;
        try {
            const result = await this.octokit.graphql(mutation, {
                input: {
                    branch: { repositoryNameWithOwner: this.fullName, branchName: options.branch },
                    expectedHeadOid: options.expectedHead,
                    message: { headline: options.headline, body: options.body },
                    fileChanges: {
                        additions: options.additions.map((a) => ({
                            path: a.path,
                            contents: Buffer.from(a.content, "utf8").toString("base64"),
                        })),
                    },
                },
            });
            return { oid: result.createCommitOnBranch.commit.oid };
        }
        catch (error) {
            if (isStaleHead(error))
                return "stale";
            throw error;
        }
    }
    /** Pull requests from `branch` into `base`, newest first. */
    async pullRequestsFor(branch, base) {
        const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/pulls", {
            ...this.ref,
            head: `${this.ref.owner}:${branch}`,
            base,
            state: "all",
            sort: "created",
            direction: "desc",
            per_page: 20,
        });
        return data.map(toInfo);
    }
    async pullRequest(number) {
        const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
            ...this.ref,
            pull_number: number,
        });
        return toInfo(data);
    }
    /** Creates a PR; "exists" when an open PR for the branch already exists (another run). */
    async createPullRequest(options) {
        try {
            const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/pulls", {
                ...this.ref,
                head: options.branch,
                base: options.base,
                title: options.title,
                body: options.body,
                draft: options.draft,
            });
            return toInfo(data);
        }
        catch (error) {
            if ((0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error) === 422 && /already exists/i.test(messageOf(error)))
                return "exists";
            throw error;
        }
    }
    async updatePullRequest(number, fields) {
        await this.octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
            ...this.ref,
            pull_number: number,
            ...fields,
        });
    }
    async closePullRequest(number) {
        await this.octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
            ...this.ref,
            pull_number: number,
            state: "closed",
        });
    }
    async comment(number, body) {
        await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
            ...this.ref,
            issue_number: number,
            body,
        });
    }
    async addLabels(number, labels) {
        await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
            ...this.ref,
            issue_number: number,
            labels,
        });
    }
    async addAssignees(number, assignees) {
        await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/assignees", {
            ...this.ref,
            issue_number: number,
            assignees,
        });
    }
    async requestReviewers(number, reviewers, teamReviewers) {
        await this.octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
            ...this.ref,
            pull_number: number,
            reviewers,
            team_reviewers: teamReviewers,
        });
    }
    /** Merges a pull request now, only if its head is still `sha`. */
    async merge(number, method, sha) {
        const { data } = await this.octokit.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", { ...this.ref, pull_number: number, merge_method: method, sha });
        return data.sha;
    }
    async enableAutoMerge(nodeId, method) {
        await this.octokit.graphql(
        // "method" is reserved by @octokit/graphql (it would be sent as the HTTP method).
        `mutation($id: ID!, $mergeMethod: PullRequestMergeMethod!) {
        enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: $mergeMethod }) { clientMutationId }
      }`, { id: nodeId, mergeMethod: method.toUpperCase() });
    }
}
/** GitHub's answer to a createCommitOnBranch whose expectedHeadOid is no longer the head. */
function isStaleHead(error) {
    const errors = error.errors;
    return (Array.isArray(errors) &&
        errors.some((e) => e.type === "STALE_DATA" || /expected branch to point to/i.test(e.message ?? "")));
}
/**
 * GitHub's transient answer when labels, reviewers or auto-merge are set right after a pull
 * request is created: the new node is not yet visible (REST 422 or GraphQL NOT_FOUND). A
 * team's id (`T_…`) is different: it means the token cannot read the organisation's teams,
 * which no retry changes.
 */
function isUnresolvedNode(error) {
    const message = messageOf(error);
    if (/global id of '?T_/.test(message) || /global id of '?T_/.test((0,_core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .graphqlMessages */ .Cj)(error))) {
        return false;
    }
    if ((0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error) === 422 && /could not resolve to a node/i.test(message))
        return true;
    return (0,_core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyGraphqlErrors */ .rU)(error) === "not-found";
}
/**
 * An answer that says nothing about whether the request was carried out: a 5xx, a rate
 * limit the client gave up waiting on, a dropped connection, or GraphQL's timeout and rate
 * limit (which come as HTTP 200). The caller re-reads the repository and re-plans, which is
 * safe because every step is a transform of what it reads.
 */
function isTransient(error) {
    const graphql = (0,_core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyGraphqlErrors */ .rU)(error);
    if (graphql)
        return graphql === "transient" || graphql === "rate-limited";
    const code = (0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error);
    if (code === undefined)
        return (error instanceof TypeError || /ECONNRESET|socket|fetch failed|network/i.test(messageOf(error)));
    return code >= 500 || code === 429 || (code === 403 && /rate limit/i.test(messageOf(error)));
}
function describeError(error) {
    const graphql = (0,_core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .graphqlMessages */ .Cj)(error);
    if (graphql)
        return graphql;
    const code = (0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error);
    // Octokit appends " - <documentation URL>" to GitHub's message; the message is enough.
    const message = messageOf(error)
        .split("\n")[0]
        .replace(/ - https?:\/\/\S+$/, "");
    return code ? `${code} (${message})` : message;
}
/** GitHub's words for a write that branch protection or a ruleset refused. */
const PROTECTION_REFUSAL = /protected branch|required status check|approving review|repository rule violations|must be made through a pull request|protected ref/i;
/**
 * One sentence for a write to `branch` that branch protection or a ruleset refused, naming
 * the setting; undefined for any other failure.
 */
function protectedBranchError(repo, branch, error) {
    const graphql = (0,_core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyGraphqlErrors */ .rU)(error);
    const status = (0,_core_github_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error);
    const refused = graphql === "refused" || status === 422 || status === 405 || status === 403;
    const detail = ((0,_core_github_graphql_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .graphqlMessages */ .Cj)(error) || messageOf(error)).replace(/\s+/g, " ").trim();
    if (!refused || !PROTECTION_REFUSAL.test(detail))
        return undefined;
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`GitHub refused the commit to branch "${branch}" of ${repo.fullName} because the branch is protected (${detail.replace(/ - https?:\/\/\S+$/, "")}); land changes there through a pull request ("merge": pull-request or auto-merge), or let this token bypass the rule in the repository's Settings → Branches (branch protection) or Settings → Rules (rulesets).`);
}


/***/ }),

/***/ 2453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ML: () => (/* binding */ releaseFileEdit),
/* harmony export */   RE: () => (/* binding */ onBase),
/* harmony export */   eo: () => (/* binding */ GitHubLander),
/* harmony export */   yC: () => (/* binding */ branchFor)
/* harmony export */ });
/* harmony import */ var _infra_repo_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8388);
/* harmony import */ var _open_pr_main_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9444);
/* harmony import */ var _auto_merge_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(411);
/* harmony import */ var _release_file_plan_edit_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7690);
/* harmony import */ var _release_file_release_edits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6543);
/* harmony import */ var _withdraw_promotion_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(639);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1915);







const MAX_REPLANS = 10;
/**
 * Whether the change is on the base branch once it has landed: a commit, a merged pull
 * request, or nothing left to change. A pull request still waiting (for a review, or for
 * auto-merge's checks) is not, and neither is a change another one superseded.
 */
function onBase(result) {
    if (!result)
        return false;
    if (result.pullRequest)
        return result.pullRequest.merged;
    return result.outcome === "committed" || result.outcome === "unchanged";
}
/** `{{` would be read as a template placeholder by open-pr. */
function literal(markdown) {
    return markdown.replace(/\{\{/g, "{\u200b{");
}
/**
 * The edit a landing request makes to the release file, as planTfvarsEdit takes it: the one
 * place it is spelled out, for the lander and for a rollback checked before it lands.
 */
function releaseFileEdit(request, file) {
    return {
        set: request.set ?? [],
        release: request.release,
        create: false,
        force: false,
        imageRules: { requireDigest: false, allowedRegistries: [] },
        ...(file.layouts ? { layouts: file.layouts } : {}),
        ...(file.format ? { releaseFile: { path: file.path, format: file.format } } : {}),
    };
}
function stopsRelease(request) {
    return request.kind === "rollback" || request.kind === "hold";
}
function branchFor(environment, kind) {
    const slug = environment.toLowerCase().replace(/[^a-z0-9._-]+/g, "-");
    return `greenlight/${slug}/${kind}`;
}
class GitHubLander {
    options;
    constructor(options) {
        this.options = options;
    }
    async land(request) {
        const o = this.options;
        if (o.mode === "direct")
            return this.compareAndSwap(request);
        const params = {
            change: {
                files: [o.file],
                uploads: request.uploads ?? [],
                edit: this.editRequest(request),
            },
            base: o.base,
            // A hold stands in for a rollback that cannot be recorded: like one, it waits on its
            // own branch, and a tick finding it there waits instead of promoting.
            branch: branchFor(o.environment, stopsRelease(request) ? "rollback" : "promote"),
            environment: o.environment,
            kind: request.kind === "hold" ? "edit" : request.kind,
            services: request.services,
            mode: o.mode,
            mergeMethod: o.mergeMethod,
            titleTemplate: literal(request.headline),
            bodyTemplate: `{{changes}}\n\n${literal(request.body)}\n\n{{source}}`,
            labels: o.labels,
            assignees: [],
            reviewers: o.reviewers,
            teamReviewers: [],
            draft: false,
            waitForMerge: false,
            waitTimeoutMs: 0,
            pollIntervalMs: 10_000,
            maxAttempts: 10,
            source: o.source,
        };
        let result;
        try {
            result = await (0,_open_pr_main_js__WEBPACK_IMPORTED_MODULE_0__/* .openPr */ .H)(params, { repo: o.repo, clock: o.clock, logger: o.logger });
        }
        catch (error) {
            // A newer release reached the base after this decision: the next tick decides again.
            if (!(error instanceof _release_file_release_edits_js__WEBPACK_IMPORTED_MODULE_2__/* .SupersededEditError */ .x))
                throw error;
            o.logger.info(error.message);
            return { outcome: "superseded", committed: false };
        }
        const pr = result.pullRequest;
        const pullRequest = pr ? { number: pr.number, url: pr.url, merged: pr.merged } : undefined;
        if (result.operation === "unchanged" || result.operation === "adopted") {
            return { outcome: "unchanged", committed: false, ...(pullRequest ? { pullRequest } : {}) };
        }
        return {
            outcome: "pull-request",
            committed: result.committed,
            ...(result.headSha ? { commit: result.headSha } : {}),
            ...(pullRequest ? { pullRequest } : {}),
        };
    }
    /** The edit a decision makes, the same whether it lands directly or through a pull request. */
    editRequest(request) {
        const o = this.options;
        return releaseFileEdit(request, { path: o.file, format: o.format, layouts: o.layouts });
    }
    async withdraw(pullRequest, reason) {
        const o = this.options;
        await (0,_withdraw_promotion_js__WEBPACK_IMPORTED_MODULE_3__/* .closePromotionPullRequest */ .El)(o.repo, o.logger, pullRequest, reason, o.base);
    }
    /**
     * A promotion pull request with nothing left to wait for cannot have auto-merge enabled;
     * it is merged now instead, so it never stays open for ever.
     */
    async resume(pullRequest) {
        const o = this.options;
        if (o.mode !== "auto-merge" || !pullRequest.nodeId)
            return;
        const current = await o.repo.pullRequest(pullRequest.number);
        if (current.state !== "open")
            return;
        await (0,_auto_merge_js__WEBPACK_IMPORTED_MODULE_4__/* .enableOrMerge */ .z)({ repo: o.repo, clock: o.clock, logger: o.logger }, current, o.mergeMethod);
    }
    /** The request's whole files that differ from what `commit` holds. */
    async changedUploads(request, commit) {
        const changed = [];
        for (const upload of request.uploads ?? []) {
            const current = await this.options.repo.fileAt(upload.path, commit);
            if (current !== upload.content)
                changed.push(upload);
        }
        return changed;
    }
    /**
     * One commit on the base, only if it still points where the decision was made. A rollback
     * that loses the race is planned again on the new head (it is right on any state); a
     * promotion step is not, and reports "superseded".
     */
    async compareAndSwap(request) {
        const o = this.options;
        let head = request.expectedHead;
        let text = request.text;
        for (let attempt = 1;; attempt++) {
            const planned = await (0,_release_file_plan_edit_js__WEBPACK_IMPORTED_MODULE_1__/* .planTfvarsEdit */ .a)(o.file, text, this.editRequest(request));
            const additions = await this.changedUploads(request, head);
            if (planned.after !== text)
                additions.unshift({ path: o.file, content: planned.after });
            if (additions.length === 0)
                return { outcome: "unchanged", committed: false };
            const result = await o.repo
                .commit({
                branch: o.base,
                expectedHead: head,
                headline: request.headline,
                body: request.commitBody,
                additions,
            })
                .catch((error) => {
                throw (0,_infra_repo_js__WEBPACK_IMPORTED_MODULE_5__/* .protectedBranchError */ .Xp)(o.repo, o.base, error) ?? error;
            });
            if (result !== "stale") {
                o.logger.info(`Committed ${result.oid.slice(0, 7)} to ${o.base}.`);
                return { outcome: "committed", committed: true, commit: result.oid };
            }
            if (!request.replanOnMovedBase) {
                o.logger.info(`${o.base} moved since this tick read it; another change landed first.`);
                return { outcome: "superseded", committed: false };
            }
            if (attempt >= MAX_REPLANS) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .OperationFailedError */ .Bp(`${o.base} kept moving during ${MAX_REPLANS} attempts to commit the ${request.kind}; run it again.`);
            }
            const moved = await o.repo.branchHead(o.base);
            const current = moved ? await o.repo.fileAt(o.file, moved) : undefined;
            if (!moved || current === undefined) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .OperationFailedError */ .Bp(`${o.file} is no longer on ${o.base} of ${o.repo.fullName}.`);
            }
            head = moved;
            text = current;
        }
    }
}


/***/ }),

/***/ 3752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E4: () => (/* binding */ versionOf),
/* harmony export */   Ms: () => (/* binding */ candidateServices),
/* harmony export */   US: () => (/* binding */ rolledBackImages),
/* harmony export */   Z$: () => (/* binding */ weightsOf),
/* harmony export */   eY: () => (/* binding */ snapshotOf),
/* harmony export */   lT: () => (/* binding */ readReleaseState),
/* harmony export */   lh: () => (/* binding */ releaseOn),
/* harmony export */   s$: () => (/* binding */ classifyRelease)
/* harmony export */ });
/* unused harmony exports servicesOf, stageKey */
/* harmony import */ var _core_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7614);
/* harmony import */ var _release_file_document_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(426);
/* harmony import */ var _release_file_service_layout_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1404);
/**
 * Where a release stands, read from the infra repository alone: the tfvars values at the
 * base branch's head, and the file's history on that branch — the commit where the current
 * weights (and green images) reached the base gives the bake start, and the state before it
 * tells a fresh deploy from a rolled-back one. Nothing else is stored anywhere.
 */



function asString(value) {
    return typeof value === "string" ? value : undefined;
}
function asNumber(value) {
    return typeof value === "number" ? value : undefined;
}
function servicesOf(data, layouts) {
    return layouts.map((layout) => {
        const read = (field) => (0,_release_file_service_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .readField */ .dR)(data, layout, field);
        const service = { name: layout.name, weighted: layout.weighted };
        const blueImage = asString(read("blue-image"));
        const greenImage = asString(read("green-image"));
        const greenWeight = asNumber(read("green-weight"));
        const greenCount = asNumber(read("green-desired-count"));
        const blueCount = asNumber(read("blue-desired-count"));
        if (blueImage !== undefined)
            service.blueImage = blueImage;
        if (greenImage !== undefined)
            service.greenImage = greenImage;
        if (layout.weighted && greenWeight !== undefined)
            service.greenWeight = greenWeight;
        if (greenCount !== undefined)
            service.greenCount = greenCount;
        if (blueCount !== undefined)
            service.blueCount = blueCount;
        return service;
    });
}
function snapshotOf(text, file, layouts, format) {
    const data = (0,_release_file_document_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTfvars */ .gT)(text, file, format).data;
    const used = layouts ?? (0,_release_file_service_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .discoverLayouts */ .Be)(data);
    return { services: servicesOf(data, used), layouts: used };
}
/** What identifies a release stage: each service's green image, weight and whether green runs. */
function stageKey(services) {
    return JSON.stringify(services.map((s) => [s.name, s.greenImage ?? null, s.greenWeight ?? null, s.greenCount === 0]));
}
async function readReleaseState(source, query) {
    const overview = await source.overview({
        base: query.base,
        path: query.file,
        branches: query.branches,
        depth: query.depth ?? 20,
    });
    if (!overview)
        return undefined;
    // The newest commit that touched the file holds the same file as the head: read it there.
    const newest = overview.history[0];
    const text = await source.fileAt(query.file, newest?.oid ?? overview.head);
    if (text === undefined)
        return undefined;
    const current = snapshotOf(text, query.file, query.layouts, query.format);
    const state = {
        head: overview.head,
        text,
        ...(query.format ? { format: query.format } : {}),
        layouts: current.layouts,
        services: current.services,
        openPullRequests: overview.openPullRequests,
        history: overview.history,
    };
    const key = stageKey(current.services);
    for (let i = 1; i < overview.history.length; i++) {
        const older = await source.fileAt(query.file, overview.history[i].oid);
        const services = older === undefined
            ? undefined
            : snapshotOf(older, query.file, current.layouts, query.format).services;
        if (!services || stageKey(services) !== key) {
            const start = overview.history[i - 1];
            return {
                ...state,
                stageStart: start.landedAt,
                stageCommit: start.oid,
                ...(services ? { previous: services } : {}),
            };
        }
    }
    const oldest = overview.history.at(-1);
    return oldest ? { ...state, stageStart: oldest.landedAt, stageCommit: oldest.oid } : state;
}
function runsGreen(service) {
    return service.greenCount === undefined || service.greenCount > 0;
}
/** Services whose green side holds a release different from blue that still runs or takes traffic. */
function candidateServices(state) {
    return state.services.filter((s) => s.greenImage !== undefined &&
        s.greenImage !== "" &&
        s.greenImage !== s.blueImage &&
        ((s.greenWeight ?? 0) > 0 || runsGreen(s)));
}
function classifyRelease(state) {
    const all = candidateServices(state);
    const candidates = all.filter((s) => s.weighted);
    if (candidates.length === 0)
        return { kind: "idle", reason: "no release is in progress" };
    const names = candidates.map((s) => s.name);
    const companions = all.filter((s) => !s.weighted).map((s) => s.name);
    const weight = Math.min(...candidates.map((s) => s.greenWeight ?? 0));
    if (weight > 0)
        return { kind: "shifting", services: names, companions, weight };
    // At zero, a candidate is either freshly deployed or was rolled back (its images kept as a
    // record); the previous stage tells them apart: a rollback only took its traffic away.
    const rolledBack = candidates.every((s) => {
        const before = state.previous?.find((p) => p.name === s.name);
        return (before !== undefined && before.greenImage === s.greenImage && (before.greenWeight ?? 0) > 0);
    });
    if (rolledBack)
        return { kind: "idle", reason: "the release was rolled back" };
    return { kind: "deployed", services: names, companions };
}
/**
 * What a rollback of the named services leaves and returns to: each green image that is not
 * the stable one, and the stable image (blue's, or `stable`'s when an earlier release is put
 * back on blue).
 */
function rolledBackImages(services, names, stable = {}) {
    const images = {};
    for (const service of services) {
        if (!names.includes(service.name) || !service.greenImage)
            continue;
        const to = stable[service.name] ?? service.blueImage;
        if (to && to !== service.greenImage)
            images[service.name] = { from: service.greenImage, to };
    }
    return images;
}
function weightsOf(services) {
    return Object.fromEntries(services.filter((s) => s.greenWeight !== undefined).map((s) => [s.name, s.greenWeight]));
}
/** The release on the green side of the candidate services; undefined when none is in progress. */
function releaseOn(state) {
    const candidates = candidateServices(state);
    if (candidates.length === 0)
        return undefined;
    const images = Object.fromEntries(candidates.map((s) => [s.name, s.greenImage]));
    return { version: versionOf(Object.values(images)), images };
}
/** The images' tag (or digest, for an image without a tag); distinct ones joined by ", ". */
function versionOf(images) {
    const versions = images.map((image) => {
        const reference = (0,_core_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageReference */ .o_)(image);
        return reference?.tag ?? reference?.digest ?? image;
    });
    return [...new Set(versions)].join(", ");
}


/***/ }),

/***/ 3097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ supersededReleases),
/* harmony export */   O: () => (/* binding */ describeSuperseded)
/* harmony export */ });
/* harmony import */ var _release_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3752);

function supersededReleases(file, before, after, layouts) {
    if (before === after)
        return [];
    const old = (0,_release_state_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotOf */ .eY)(before, file, layouts).services;
    const now = (0,_release_state_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotOf */ .eY)(after, file, layouts).services;
    return (0,_release_state_js__WEBPACK_IMPORTED_MODULE_0__/* .candidateServices */ .Ms)({ services: old }).flatMap((was) => {
        const after = now.find((s) => s.name === was.name);
        const next = after?.greenImage;
        if (next === undefined || next === was.greenImage || next === after?.blueImage)
            return [];
        return [{ service: was.name, previous: was.greenImage, next, weight: was.greenWeight ?? 0 }];
    });
}
/** One line per superseded release, for logs, summaries and the closed pull request. */
function describeSuperseded(release) {
    const traffic = release.weight > 0 ? `, which had ${release.weight}% of the traffic` : "";
    return `${release.next} supersedes ${release.previous} on ${release.service}${traffic}`;
}


/***/ }),

/***/ 639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ closePromotionPullRequest),
/* harmony export */   zd: () => (/* binding */ withdrawStalePromotion)
/* harmony export */ });
/* unused harmony export withdrawalComment */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);

/** Closes a promotion pull request left open for a release that is no longer in progress. */
async function withdrawStalePromotion(lander, logger, pullRequest, reason) {
    if (!pullRequest || !lander.withdraw)
        return;
    try {
        await lander.withdraw(pullRequest, reason);
    }
    catch (error) {
        logger.warning(`Could not close pull request #${pullRequest.number}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
    }
}
/** Why a promotion pull request was closed, for whoever finds it closed. */
function withdrawalComment(reason, base) {
    return [
        `Greenlight closed this pull request: ${reason}.`,
        "",
        `It was opened for a promotion step that no longer applies; merging it now would move traffic on a state it was not decided on. The next promote tick decides again from what \`${base}\` holds.`,
    ].join("\n");
}
/** Closes the pull request, then explains why in a comment. */
async function closePromotionPullRequest(repo, logger, pullRequest, reason, base) {
    await repo.closePullRequest(pullRequest.number);
    logger.info(`Closed pull request #${pullRequest.number}: ${reason}.`);
    // Closed first: a run cut short between the two calls loses only the explanation, where
    // commenting first could leave a pull request that every later run comments on again.
    try {
        await repo.comment(pullRequest.number, withdrawalComment(reason, base));
    }
    catch (error) {
        logger.warning(`Closed pull request #${pullRequest.number} but could not explain why in a comment: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
    }
}


/***/ })

};
