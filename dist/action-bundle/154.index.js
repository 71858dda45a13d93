export const id = 154;
export const ids = [154];
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

/***/ 7614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   i$: () => (/* binding */ imageReferenceProblem),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/**
 * OCI image references (`registry/repository:tag@sha256:…`), parsed by the grammar of the
 * distribution project's reference package, so that an image written into an infra
 * repository is one a registry could actually serve.
 */
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
/** Why `text` is not a valid image reference, or undefined when it is. */
function imageReferenceProblem(text) {
    if (text.trim() !== text || text.length === 0)
        return "it is empty or has surrounding spaces";
    if (text.length > 512)
        return "it is longer than 512 characters";
    const match = REFERENCE.exec(text);
    if (!match) {
        if (/[A-Z]/.test(text.split(/[:@]/)[0]?.split("/").slice(1).join("/") ?? "")) {
            return "repository names must be lowercase";
        }
        return "it does not have the form registry/repository[:tag][@sha256:<64 hex>]";
    }
    const [, registry, repository = "", , digest] = match;
    // Without a dot, colon or "localhost" the first component is a path, not a registry:
    // `myteam/api` is a Docker Hub repository.
    if (registry &&
        !/[.:]/.test(registry) &&
        registry !== "localhost" &&
        registry !== registry.toLowerCase()) {
        return "repository names must be lowercase";
    }
    if ((registry ? registry.length + 1 : 0) + repository.length > 255) {
        return "its name is longer than 255 characters";
    }
    if (digest?.startsWith("sha256:") && !SHA256_DIGEST.test(digest)) {
        return "a sha256 digest must be 64 lowercase hexadecimal characters";
    }
    return undefined;
}
function parseImageReference(text) {
    if (imageReferenceProblem(text) !== undefined)
        return undefined;
    const match = REFERENCE.exec(text);
    const [, domain, path = "", tag, digest] = match;
    let registry = domain;
    let repository = path;
    if (registry && !/[.:]/.test(registry) && registry !== "localhost") {
        repository = `${registry}/${path}`;
        registry = undefined;
    }
    return {
        ...(registry ? { registry } : {}),
        repository,
        ...(tag ? { tag } : {}),
        ...(digest ? { digest } : {}),
    };
}
/** The registry an image is pulled from; Docker Hub for short names. */
function registryOf(reference) {
    return reference.registry ?? "docker.io";
}


/***/ })

};
