export const id = 841;
export const ids = [841,709];
export const modules = {

/***/ 5701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ revokeInstallationToken)
/* harmony export */ });
/* harmony import */ var _request_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4741);

/**
 * Sends DELETE /installation/token with the token `octokit` authenticates with. Returns
 * whether the token is now unusable.
 */
async function revokeInstallationToken(octokit, deps, expiresAt) {
    if (expiresAt && Date.parse(expiresAt) <= deps.clock.now().getTime()) {
        deps.logger.debug("The installation token has already expired; nothing to revoke.");
        return true;
    }
    try {
        await octokit.request("DELETE /installation/token");
        deps.logger.debug("Revoked the GitHub App installation token.");
        return true;
    }
    catch (error) {
        if ((0,_request_error_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatusOf */ .s)(error) === 401) {
            deps.logger.debug("The installation token was already invalid; nothing to revoke.");
            return true;
        }
        const reason = error instanceof Error ? error.message : String(error);
        deps.logger.warning(`Could not revoke the GitHub App installation token (${reason}); it stays valid until ${expiresAt ?? "it expires (within an hour)"}.`);
        return false;
    }
}


/***/ }),

/***/ 4919:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ saveTokenForRevocation),
/* harmony export */   revokeSavedToken: () => (/* binding */ revokeSavedToken)
/* harmony export */ });
/* harmony import */ var _connect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8789);
/* harmony import */ var _revoke_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5701);


const STATE_TOKEN = "installation-token";
const STATE_EXPIRES = "installation-token-expires-at";
const STATE_API_URL = "github-api-url";
/** Leaves `token` for the post step, which revokes it when the job ends. */
function saveTokenForRevocation(context, token, baseUrl) {
    context.saveState(STATE_TOKEN, token.token);
    context.saveState(STATE_EXPIRES, token.expiresAt);
    if (baseUrl)
        context.saveState(STATE_API_URL, baseUrl);
}
/** The post step: revokes the token the main step saved, if it saved one. */
async function revokeSavedToken(context, state) {
    const token = state[STATE_TOKEN];
    if (!token)
        return;
    context.secrets.add(token);
    const client = await (0,_connect_js__WEBPACK_IMPORTED_MODULE_0__/* .connectGitHub */ .U)({
        token,
        // Only the token matters here; the repository name scopes App tokens, not this one.
        repository: "greenlight/revoke",
        ...(state[STATE_API_URL] ? { baseUrl: state[STATE_API_URL] } : {}),
        logger: context.logger,
        clock: context.clock,
        secrets: context.secrets,
        env: context.env,
    });
    await (0,_revoke_js__WEBPACK_IMPORTED_MODULE_1__/* .revokeInstallationToken */ .E)(client.octokit, context, state[STATE_EXPIRES]);
}


/***/ }),

/***/ 8841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUILD_INPUTS: () => (/* binding */ BUILD_INPUTS),
  LAND_INPUTS: () => (/* binding */ LAND_INPUTS),
  deployAction: () => (/* binding */ deployAction)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/build-push/definition.ts + 25 modules
var definition = __webpack_require__(2770);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/github/token-revocation.ts
var token_revocation = __webpack_require__(4919);
// EXTERNAL MODULE: ./src/core/github/inputs.ts
var inputs = __webpack_require__(450);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/open-pr/definition.ts + 4 modules
var open_pr_definition = __webpack_require__(4709);
;// CONCATENATED MODULE: ./src/deploy/main.ts
const BUILD_OUTPUTS = ["images", "digests", "tags", "metadata"];
const LAND_OUTPUTS = [
    "operation",
    "pull-request-number",
    "pull-request-url",
    "head-sha",
    "merge-sha",
    "branch",
    "changes",
    "superseded",
];
function pick(outputs, names) {
    const picked = {};
    for (const name of names) {
        const value = outputs[name];
        if (value !== undefined)
            picked[name] = value;
    }
    return picked;
}
function builtNothing(images) {
    if (!images)
        return true;
    try {
        const parsed = JSON.parse(images);
        return typeof parsed !== "object" || parsed === null || Object.keys(parsed).length === 0;
    }
    catch {
        return true;
    }
}
async function deploy(steps, logger) {
    const built = await logger.group("Build and push the images", () => steps.build());
    const buildOutputs = pick(built.outputs, BUILD_OUTPUTS);
    // A failed build (an image over its size budget, a push the registry did not keep) must
    // never reach the infra repository: the green side would point at something unproven.
    if (built.failure) {
        return { outputs: buildOutputs, summary: built.summary ?? [], failure: built.failure };
    }
    if (builtNothing(buildOutputs.images)) {
        return {
            outputs: buildOutputs,
            summary: built.summary ?? [],
            failure: "build-push produced no images, so there is nothing to deploy; check the services input or the config file's services.",
        };
    }
    const landed = await logger.group("Write the green release to the infra repository", () => steps.land(buildOutputs.images ?? ""));
    return {
        outputs: { ...buildOutputs, ...pick(landed.outputs, LAND_OUTPUTS) },
        summary: [...(built.summary ?? []), ...(landed.summary ?? [])],
        ...(landed.failure ? { failure: landed.failure } : {}),
    };
}

;// CONCATENATED MODULE: ./src/deploy/definition.ts
/**
 * deploy's inputs: the build inputs of build-push and the landing inputs of open-pr under
 * the same names. Each half is validated by the action that owns those inputs, and both are
 * validated before the first image is built, so a typo in a landing input never costs a
 * build (and never leaves pushed images without a release).
 */








// Raw text: the owning action's schema gives each input its meaning and its error message.
const definition_text = schemas/* string */.YjP().optional();
const inputShape = {
    environment: definition_text,
    "config-file": definition_text,
    // build-push
    services: definition_text,
    registry: definition_text,
    context: definition_text,
    dockerfile: definition_text,
    platforms: definition_text,
    tags: definition_text,
    "build-args": definition_text,
    secrets: definition_text,
    "secret-files": definition_text,
    engine: definition_text,
    "tls-verify": definition_text,
    "storage-driver": definition_text,
    "storage-root": definition_text,
    isolation: definition_text,
    cache: definition_text,
    "cache-from": definition_text,
    "cache-to": definition_text,
    "max-size": definition_text,
    "max-parallel": definition_text,
    // open-pr
    repository: definition_text,
    base: definition_text,
    file: definition_text,
    set: definition_text,
    "desired-counts": definition_text,
    weights: definition_text,
    "require-digest": definition_text,
    "allowed-registries": definition_text,
    "allowed-paths": definition_text,
    merge: definition_text,
    "merge-method": definition_text,
    branch: definition_text,
    title: definition_text,
    body: definition_text,
    labels: definition_text,
    assignees: definition_text,
    reviewers: definition_text,
    "team-reviewers": definition_text,
    draft: definition_text,
    "wait-for-merge": definition_text,
    "wait-timeout": definition_text,
    "max-attempts": definition_text,
    token: definition_text,
    "app-id": definition_text,
    "app-client-id": definition_text,
    "private-key": definition_text,
    "github-api-url": definition_text,
    "revoke-token": definition_text,
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
/** The deploy inputs build-push reads; `labels` is left to open-pr (the pull request's labels). */
const BUILD_INPUTS = [
    "environment",
    "config-file",
    "services",
    "registry",
    "context",
    "dockerfile",
    "platforms",
    "tags",
    "build-args",
    "secrets",
    "secret-files",
    "engine",
    "tls-verify",
    "storage-driver",
    "storage-root",
    "isolation",
    "cache",
    "cache-from",
    "cache-to",
    "max-size",
    "max-parallel",
];
/** The deploy inputs open-pr reads; `images` comes from the build. */
const LAND_INPUTS = [
    "environment",
    "config-file",
    "repository",
    "base",
    "file",
    "set",
    "desired-counts",
    "weights",
    "require-digest",
    "allowed-registries",
    "allowed-paths",
    "merge",
    "merge-method",
    "branch",
    "title",
    "body",
    "labels",
    "assignees",
    "reviewers",
    "team-reviewers",
    "draft",
    "wait-for-merge",
    "wait-timeout",
    "max-attempts",
    "token",
    "app-id",
    "app-client-id",
    "private-key",
    "github-api-url",
    "revoke-token",
];
function subset(params, names) {
    return Object.fromEntries(names.map((name) => [name, params[name]]));
}
/** Both halves, validated now; the landing half is validated again once the images exist. */
function planSteps(params, context) {
    const buildParams = (0,core_inputs/* parseInputs */.TL)(definition.buildPushAction.inputs, subset(params, BUILD_INPUTS));
    const landRaw = subset(params, LAND_INPUTS);
    (0,core_inputs/* parseInputs */.TL)(open_pr_definition.openPrAction.inputs, landRaw);
    return {
        build: () => definition.buildPushAction.run(buildParams, context),
        land: (images) => open_pr_definition.openPrAction.run((0,core_inputs/* parseInputs */.TL)(open_pr_definition.openPrAction.inputs, { ...landRaw, images }), context),
    };
}
const deployAction = (0,action/* defineAction */.Q)({
    name: "deploy",
    inputs: definition_inputs,
    secretInputs: ["secrets", ...inputs/* githubAuthSecretInputs */.xs],
    async run(params, context) {
        return deploy(planSteps(params, context), context.logger);
    },
    /** open-pr's clean-up: revokes the App installation token the landing created. */
    post: token_revocation.revokeSavedToken,
});


/***/ }),

/***/ 4709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  changeIdentity: () => (/* binding */ changeIdentity),
  openPrAction: () => (/* binding */ openPrAction)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(1036);
// EXTERNAL MODULE: ./src/config/schema.ts + 1 modules
var schema = __webpack_require__(2567);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
;// CONCATENATED MODULE: ./src/core/git-ref-name.ts
/**
 * Branch names users give, checked by git's own rules (git check-ref-format --branch) before
 * anything is written: a name git or GitHub would refuse must fail as bad input, not as an
 * error half-way through creating a branch and its pull request.
 */

/** GitHub refuses refs longer than 255 bytes; `refs/heads/` takes 11 of them. */
const MAX_BRANCH_BYTES = 244;
/** What is wrong with `name` as a branch name (the rest of a sentence), or undefined. */
function branchNameProblem(name) {
    if (name === "")
        return "is empty";
    if (Buffer.byteLength(name, "utf8") > MAX_BRANCH_BYTES) {
        return `is longer than ${MAX_BRANCH_BYTES} bytes`;
    }
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0020\u007f]/.test(name))
        return "contains a space or a control character";
    const bad = /[~^:?*[\\]/.exec(name);
    if (bad)
        return `contains "${bad[0]}"`;
    if (name.includes(".."))
        return 'contains ".."';
    if (name.includes("@{"))
        return 'contains "@{"';
    if (name === "@")
        return 'is "@"';
    if (name === "HEAD")
        return 'is "HEAD"';
    if (name.startsWith("-"))
        return 'starts with "-"';
    if (name.startsWith("refs/"))
        return 'starts with "refs/" (give the branch name alone)';
    if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) {
        return "has an empty path component";
    }
    if (name.endsWith("."))
        return 'ends with "."';
    for (const component of name.split("/")) {
        if (component.startsWith("."))
            return `has the component "${component}", which starts with "."`;
        if (component.endsWith(".lock"))
            return `has the component "${component}", which ends with ".lock"`;
    }
    return undefined;
}
/** Throws a ConfigurationError naming `input` when `name` is not a valid branch name. */
function checkBranchName(name, input) {
    const problem = branchNameProblem(name);
    if (problem) {
        throw new errors/* ConfigurationError */.j1(`Input "${input}" is ${JSON.stringify(name)}, which git does not accept as a branch name: it ${problem}; give a name such as greenlight/production/deploy-api.`);
    }
    return name;
}

;// CONCATENATED MODULE: ./src/core/repository-path.ts
/**
 * Paths inside a repository that users give (where an uploaded file goes): relative,
 * normalised, and never into `.git`, so a commit can only add what a reviewer would see
 * as a file of the tree.
 */

const MAX_PATH_LENGTH = 4096;
/** The normalised path (`a/b/c`), or a ConfigurationError naming `input`. */
function repositoryPath(given, input) {
    const refuse = (why) => new errors/* ConfigurationError */.j1(`Input "${input}" names the repository path "${given}", which ${why}; give a relative path such as envs/production/values.json.`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(given))
        throw refuse("contains control characters");
    if (given.length > MAX_PATH_LENGTH)
        throw refuse(`is longer than ${MAX_PATH_LENGTH} characters`);
    if (given.includes("\\"))
        throw refuse("contains a backslash");
    if (given.startsWith("/"))
        throw refuse("is absolute");
    const segments = given.split("/").filter((s) => s !== "" && s !== ".");
    if (segments.length === 0)
        throw refuse("names no file");
    if (segments.includes(".."))
        throw refuse("climbs out with ..");
    if (segments.some((s) => s.toLowerCase() === ".git"))
        throw refuse("is inside .git");
    return segments.join("/");
}

// EXTERNAL MODULE: ./src/core/workspace-files.ts
var workspace_files = __webpack_require__(8512);
// EXTERNAL MODULE: ./src/core/github/connect.ts
var connect = __webpack_require__(8789);
// EXTERNAL MODULE: ./src/core/github/inputs.ts
var inputs = __webpack_require__(450);
// EXTERNAL MODULE: ./src/core/github/repository.ts
var github_repository = __webpack_require__(5311);
// EXTERNAL MODULE: ./src/core/github/token-revocation.ts
var token_revocation = __webpack_require__(4919);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/release-file/edit-inputs.ts
var edit_inputs = __webpack_require__(9980);
// EXTERNAL MODULE: ./src/release-file/plan-edit.ts + 2 modules
var plan_edit = __webpack_require__(7690);
// EXTERNAL MODULE: ./src/release/land-change.ts
var land_change = __webpack_require__(2453);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/open-pr/branch-name.ts

const MAX_BRANCH_LENGTH = 100;
function slug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-")
        .replace(/^-+|-+$/g, "");
}
/**
 * The branch for a change, derived from its identity (environment, kind, services) so that
 * a re-run, or a newer change of the same kind to the same services, lands on the same
 * branch and updates its pull request instead of opening another.
 */
function deriveBranchName(options) {
    const services = [...new Set(options.services)].sort();
    let tail = services.length > 0 ? services.map(slug).join("-") : "";
    if (options.kind === "edit" || tail === "") {
        const digest = (0,external_node_crypto_.createHash)("sha256")
            .update(options.discriminator ?? tail)
            .digest("hex")
            .slice(0, 10);
        tail = tail ? `${tail}-${digest}` : digest;
    }
    const name = `greenlight/${slug(options.environment)}/${options.kind}-${tail}`;
    if (name.length <= MAX_BRANCH_LENGTH)
        return name;
    const digest = (0,external_node_crypto_.createHash)("sha256").update(name).digest("hex").slice(0, 10);
    return `${name.slice(0, MAX_BRANCH_LENGTH - 11)}-${digest}`;
}

// EXTERNAL MODULE: ./src/open-pr/change-plan.ts
var change_plan = __webpack_require__(6193);
// EXTERNAL MODULE: ./src/release/infra-repo.ts
var infra_repo = __webpack_require__(8388);
// EXTERNAL MODULE: ./src/open-pr/main.ts + 1 modules
var main = __webpack_require__(9444);
// EXTERNAL MODULE: ./src/open-pr/pr-content.ts
var pr_content = __webpack_require__(3588);
// EXTERNAL MODULE: ./src/release/superseded-release.ts
var superseded_release = __webpack_require__(3097);
;// CONCATENATED MODULE: ./src/open-pr/summary.ts


const VERBS = {
    created: "opened a pull request",
    updated: "updated the pull request",
    unchanged: "found nothing to change",
    adopted: "found the change already merged",
    pushed: "committed directly to the base branch",
    merged: "opened a pull request, which is now merged",
};
function openPrSummary(result, repository) {
    const pr = result.pullRequest;
    const lines = [
        `Greenlight ${VERBS[result.operation]} in ${repository}${pr ? `: [#${pr.number}](${pr.url})` : ""}.`,
        result.headSha ? `Head of \`${result.branch}\`: \`${result.headSha.slice(0, 7)}\`.` : "",
        result.mergeSha ? `Merge commit: \`${result.mergeSha.slice(0, 7)}\`.` : "",
    ].filter(Boolean);
    return [
        { kind: "heading", text: "open-pr" },
        { kind: "paragraph", text: lines.join(" ") },
        ...(result.superseded?.length
            ? [
                {
                    kind: "paragraph",
                    text: `Superseded: ${result.superseded.map(superseded_release/* describeSuperseded */.O).join("; ")}. Its traffic is back on blue and the new release starts its promotion at the first step.`,
                },
            ]
            : []),
        ...(result.changes.length > 0
            ? [{ kind: "paragraph", text: (0,pr_content/* changesTable */.EI)(result.changes, result.layouts ?? []) }]
            : []),
    ];
}

;// CONCATENATED MODULE: ./src/open-pr/definition.ts
/**
 * open-pr's inputs: resolved against the config file's environment (inputs win), checked
 * in full before the first API call, then handed to openPr.
 */






















const inputShape = {
    repository: schemas/* string */.YjP().optional(),
    base: schemas/* string */.YjP().optional(),
    environment: schemas/* string */.YjP().optional(),
    file: core_inputs/* listInput */.dt.optional(),
    ...edit_inputs/* editInputShape */.Kk,
    upload: core_inputs/* linesInput */.WO.optional(),
    "allowed-paths": core_inputs/* listInput */.dt.optional(),
    merge: schemas/* enum */.k5n(["pull-request", "auto-merge", "direct"]).optional(),
    "merge-method": schemas/* enum */.k5n(["merge", "squash", "rebase"]).optional(),
    branch: schemas/* string */.YjP().optional(),
    title: schemas/* string */.YjP().optional(),
    body: schemas/* string */.YjP().optional(),
    labels: core_inputs/* listInput */.dt.optional(),
    assignees: core_inputs/* listInput */.dt.optional(),
    reviewers: core_inputs/* listInput */.dt.optional(),
    "team-reviewers": core_inputs/* listInput */.dt.optional(),
    draft: core_inputs/* booleanInput */.tE.default(false),
    "wait-for-merge": core_inputs/* booleanInput */.tE.default(false),
    "wait-timeout": core_inputs/* timerDurationInput */.Ee.default(30 * 60_000),
    "max-attempts": (0,core_inputs/* countInput */.u2)(100).default(25),
    ...inputs/* githubAuthInputShape */.Fw,
    "revoke-token": core_inputs/* booleanInput */.tE.default(true),
    "config-file": schemas/* string */.YjP().optional(),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
/** The kind of change and the services it concerns: the change's identity. */
function changeIdentity(params) {
    const keys = (value) => value === undefined ? [] : typeof value === "number" ? ["all"] : Object.keys(value);
    const discriminator = JSON.stringify([params.set ?? [], params.upload ?? []]);
    if (params.rollback?.length)
        return { kind: "rollback", services: params.rollback, discriminator };
    if (params.finalize?.length)
        return { kind: "finalize", services: params.finalize, discriminator };
    if (params.images || params["desired-counts"]) {
        return {
            kind: "deploy",
            services: [...keys(params.images), ...keys(params["desired-counts"])],
            discriminator,
        };
    }
    if (params.weights !== undefined)
        return { kind: "traffic", services: keys(params.weights), discriminator };
    return { kind: "edit", services: [], discriminator };
}
function environmentOf(config, name) {
    if (!name)
        return undefined;
    const env = config?.environments[name];
    if (env)
        return env;
    if (config) {
        throw new errors/* ConfigurationError */.j1(`Input "environment" is "${name}", which the config file does not define; known environments: ${Object.keys(config.environments).join(", ") || "none"}.`);
    }
    return undefined;
}
function required(value, input, hint) {
    if (value === undefined || (Array.isArray(value) && value.length === 0) || value === "") {
        throw new errors/* ConfigurationError */.j1(`Input "${input}" is required: ${hint}.`);
    }
    return value;
}
/** GitHub refuses blobs over 100 MB; a release change is far smaller. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
async function readUploads(lines, cwd) {
    const uploads = [];
    for (const line of lines) {
        const eq = line.indexOf("=");
        const local = line.slice(0, eq).trim();
        const remote = line.slice(eq + 1).trim();
        if (eq <= 0 || !remote) {
            throw new errors/* ConfigurationError */.j1(`Input "upload" has the line "${line}", which is not LOCAL=REMOTE (a workspace file = a path in the infra repository).`);
        }
        const path = repositoryPath(remote, "upload");
        const content = await (0,workspace_files/* readWorkspaceText */.tA)(cwd, local, "upload", MAX_UPLOAD_BYTES);
        uploads.push({ path, content });
    }
    return uploads;
}
async function resolveParams(params, context) {
    const config = await (0,load/* loadConfig */.Z9)({
        cwd: context.cwd,
        ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
    });
    const env = environmentOf(config, params.environment);
    const release = (0,edit_inputs/* releaseEditFrom */.ql)(params);
    const uploads = await readUploads(params.upload ?? [], context.cwd);
    if (!params.set?.length && !(0,plan_edit/* hasReleaseEdit */.U)(release) && uploads.length === 0) {
        throw new errors/* ConfigurationError */.j1(`Nothing to change: give at least one of the inputs set, images, desired-counts, weights, finalize, rollback or upload.`);
    }
    const repository = required(params.repository ?? env?.repository, "repository", "name the infra repository as owner/name, or an environment whose config gives one");
    const configured = (0,schema/* releaseFileOf */.l4)(env);
    const files = params.file ?? (configured ? [configured.path] : []);
    if ((params.set?.length || (0,plan_edit/* hasReleaseEdit */.U)(release)) && files.length === 0) {
        throw new errors/* ConfigurationError */.j1(`Input "file" is required for release-file edits: name the release file in the infra repository, or an environment whose config gives one (release-file).`);
    }
    const allowed = params["allowed-paths"] ??
        env?.["allowed-paths"] ?? [...files, ...uploads.map((u) => u.path)];
    (0,change_plan/* checkAllowedPaths */.Nx)([...files, ...uploads.map((u) => u.path)], allowed);
    const identity = changeIdentity(params);
    const environment = params.environment ?? "default";
    const mode = params.merge ?? env?.merge ?? "pull-request";
    const draft = params.draft || (env?.draft ?? false);
    if (draft && mode === "auto-merge") {
        throw new errors/* ConfigurationError */.j1(`Input "draft" is true with "merge" auto-merge, but GitHub does not auto-merge a draft pull request; set "draft" to false, or "merge" to pull-request.`);
    }
    const base = checkBranchName(params.base ?? env?.base ?? "main", "base");
    const branch = checkBranchName(params.branch ?? deriveBranchName({ environment, ...identity }), "branch");
    if (branch === base && mode !== "direct") {
        throw new errors/* ConfigurationError */.j1(`Input "branch" is "${branch}", the base branch itself; a change merged by pull request needs its own branch, so give another name or leave "branch" unset.`);
    }
    const openPrParams = {
        change: {
            files,
            uploads,
            edit: (0,edit_inputs/* editRequestFrom */.AA)(params, config, env, params.environment),
        },
        base,
        branch,
        environment,
        kind: identity.kind,
        services: identity.services,
        mode,
        mergeMethod: params["merge-method"] ?? env?.["merge-method"] ?? "squash",
        ...(params.title ? { titleTemplate: params.title } : {}),
        ...(params.body ? { bodyTemplate: params.body } : {}),
        labels: params.labels ?? env?.labels ?? [],
        assignees: params.assignees ?? [],
        reviewers: params.reviewers ?? env?.reviewers ?? [],
        teamReviewers: params["team-reviewers"] ?? env?.["team-reviewers"] ?? [],
        draft,
        waitForMerge: params["wait-for-merge"],
        waitTimeoutMs: params["wait-timeout"],
        pollIntervalMs: 10_000,
        maxAttempts: Math.max(1, params["max-attempts"]),
        source: (0,pr_content/* sourceFromEnv */.H2)(context.env),
        promotionBranch: (0,land_change/* branchFor */.yC)(environment, "promote"),
    };
    return { repository, openPrParams };
}
const openPrAction = (0,action/* defineAction */.Q)({
    name: "open-pr",
    inputs: definition_inputs,
    secretInputs: inputs/* githubAuthSecretInputs */.xs,
    async run(params, context) {
        const connection = (0,inputs/* githubAuthFromInputs */.VC)(params);
        const { repository, openPrParams } = await resolveParams(params, context);
        const client = await (0,connect/* connectGitHub */.U)({
            ...connection,
            repository,
            // Requesting team reviewers needs the organisation's teams, which only "members" reads.
            permissions: {
                contents: "write",
                pull_requests: "write",
                ...(openPrParams.teamReviewers.length > 0 ? { members: "read" } : {}),
            },
            logger: context.logger,
            clock: context.clock,
            secrets: context.secrets,
            env: context.env,
            ...(context.signal ? { signal: context.signal } : {}),
        });
        if (client.installationToken && params["revoke-token"]) {
            (0,token_revocation/* saveTokenForRevocation */.a)(context, client.installationToken, connection.baseUrl);
        }
        const result = await (0,main/* openPr */.H)(openPrParams, {
            repo: new infra_repo/* InfraRepo */.fV(client.octokit, (0,github_repository/* parseRepositoryName */.$)(repository)),
            clock: context.clock,
            logger: context.logger,
        });
        return {
            outputs: {
                operation: result.operation,
                "pull-request-number": result.pullRequest ? String(result.pullRequest.number) : "",
                "pull-request-url": result.pullRequest?.url ?? "",
                "head-sha": result.headSha ?? "",
                "merge-sha": result.mergeSha ?? "",
                branch: result.branch,
                changes: JSON.stringify(result.changes),
                superseded: JSON.stringify(result.superseded ?? []),
            },
            summary: openPrSummary(result, repository),
        };
    },
    /** Revokes the App installation token the main step created, so it dies with the job. */
    post: token_revocation.revokeSavedToken,
});


/***/ }),

/***/ 9980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ editRequestFrom),
/* harmony export */   Kk: () => (/* binding */ editInputShape),
/* harmony export */   ql: () => (/* binding */ releaseEditFrom)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8532);
/* harmony import */ var _core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3032);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);
/* harmony import */ var _assignments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6268);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2567);
/* harmony import */ var _service_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1404);
/**
 * The inputs that describe a tfvars edit, shared by update-tfvars and open-pr so the two
 * actions take exactly the same `set`, `images`, `weights`, … syntax.
 */






/**
 * A map given as `key=value` lines or as a JSON object (the form build-push outputs in
 * `images`). Values are kept as strings; callers convert them.
 */
function parseKeyValues(text, ctx) {
    const trimmed = text.trim();
    if (trimmed.startsWith("{")) {
        try {
            const parsed = JSON.parse(trimmed);
            if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
                const map = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .ownMap */ .hH)();
                for (const [k, v] of Object.entries(parsed))
                    map[k] = String(v);
                return map;
            }
        }
        catch {
            // Fall through to the error below.
        }
        ctx.addIssue({
            code: "custom",
            message: "is not a valid JSON object; give a JSON map or service=value lines",
        });
        return undefined;
    }
    const out = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .ownMap */ .hH)();
    for (const line of trimmed
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)) {
        const eq = line.indexOf("=");
        const key = line.slice(0, eq).trim();
        if (eq <= 0 || key === "") {
            ctx.addIssue({
                code: "custom",
                message: `has the line "${line}", which is not service=value`,
            });
            return undefined;
        }
        if (Object.hasOwn(out, key)) {
            ctx.addIssue({ code: "custom", message: `names service "${key}" twice` });
            return undefined;
        }
        out[key] = line.slice(eq + 1).trim();
    }
    return out;
}
function wholeNumber(text, max) {
    if (!/^\d+$/.test(text))
        return undefined;
    const value = Number(text);
    // Beyond 2^53 the number written would not be the number given.
    if (!Number.isSafeInteger(value))
        return undefined;
    return max !== undefined && value > max ? undefined : value;
}
const imagesInput = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().transform((text, ctx) => parseKeyValues(text, ctx) ?? zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm);
const desiredCountsInput = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().transform((text, ctx) => {
    const map = parseKeyValues(text, ctx);
    if (!map)
        return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
    const out = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .ownMap */ .hH)();
    for (const [service, value] of Object.entries(map)) {
        const count = wholeNumber(value);
        if (count === undefined) {
            ctx.addIssue({
                code: "custom",
                message: `gives service "${service}" the count "${value}"; a desired count is a whole number of 0 or more`,
            });
            return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
        }
        out[service] = count;
    }
    return out;
});
const weightsInput = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().transform((text, ctx) => {
    const single = text.trim();
    if (/^-?\d+(\.\d+)?%?$/.test(single)) {
        const value = wholeNumber(single.replace(/%$/, ""), 100);
        if (value === undefined) {
            ctx.addIssue({
                code: "custom",
                message: `is "${single}"; a green weight is a whole percentage from 0 to 100`,
            });
            return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
        }
        return value;
    }
    const map = parseKeyValues(text, ctx);
    if (!map)
        return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
    const out = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .ownMap */ .hH)();
    for (const [service, value] of Object.entries(map)) {
        const weight = wholeNumber(value.replace(/%$/, ""), 100);
        if (weight === undefined) {
            ctx.addIssue({
                code: "custom",
                message: `gives service "${service}" the weight "${value}"; a green weight is a whole percentage from 0 to 100`,
            });
            return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
        }
        out[service] = weight;
    }
    return out;
});
const setInput = _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .linesInput */ .WO.transform((lines, ctx) => {
    try {
        return (0,_assignments_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAssignments */ .k6)(lines, "set");
    }
    catch (error) {
        ctx.addIssue({
            code: "custom",
            message: error instanceof Error ? error.message.replace(/^Input "set" /, "") : String(error),
        });
        return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
    }
});
/** The raw edit inputs (all optional strings) and what they become. */
const editInputShape = {
    set: setInput.optional(),
    images: imagesInput.optional(),
    "desired-counts": desiredCountsInput.optional(),
    weights: weightsInput.optional(),
    finalize: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt.optional(),
    rollback: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt.optional(),
    create: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE.default(false),
    force: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE.default(false),
    "require-digest": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE.optional(),
    "allowed-registries": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt.optional(),
};
function releaseEditFrom(inputs) {
    return {
        ...(inputs.images ? { images: inputs.images } : {}),
        ...(inputs["desired-counts"] ? { desiredCounts: inputs["desired-counts"] } : {}),
        ...(inputs.weights !== undefined ? { weights: inputs.weights } : {}),
        ...(inputs.finalize?.length ? { finalize: inputs.finalize } : {}),
        ...(inputs.rollback?.length ? { rollback: inputs.rollback } : {}),
    };
}
/**
 * The whole edit request from the edit inputs, with the environment's image rules where the
 * inputs leave them open. A config without services leaves the layouts to the naming
 * convention.
 */
function editRequestFrom(inputs, config, env, environment) {
    const releaseFile = (0,_config_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .releaseFileOf */ .l4)(env);
    return {
        set: inputs.set ?? [],
        release: releaseEditFrom(inputs),
        create: inputs.create ?? false,
        force: inputs.force ?? false,
        imageRules: {
            requireDigest: inputs["require-digest"] ?? env?.["require-digest"] ?? false,
            allowedRegistries: inputs["allowed-registries"] ?? env?.["allowed-registries"] ?? [],
        },
        ...(releaseFile ? { releaseFile } : {}),
        ...(config && Object.keys(config.services).length > 0
            ? { layouts: (0,_service_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .layoutsFromConfig */ .W1)(config, environment) }
            : {}),
    };
}


/***/ })

};
