export const id = 873;
export const ids = [873];
export const modules = {

/***/ 7873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubClient: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: GreenlightOctokit

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4629);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js + 3 modules
var plugin_rest_endpoint_methods_dist_src = __webpack_require__(9210);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/github/app-jwt.ts
/**
 * The JSON Web Token a GitHub App signs to prove who it is (RS256 over its private key).
 * Written over node:crypto rather than taken from @octokit/auth-app so the times come from
 * the injected Clock: tests can check iat and exp exactly, and no test waits.
 */


/** GitHub rejects a JWT whose exp is more than 10 minutes ahead; keep a margin. */
const LIFETIME_SECONDS = 9 * 60;
/** Backdated because the runner's clock may be ahead of GitHub's (GitHub's own advice). */
const BACKDATE_SECONDS = 60;
const INVALID_KEY = 'Input "private-key" is not a PEM RSA private key; give the whole .pem file generated on the GitHub App\'s settings page, from "-----BEGIN RSA PRIVATE KEY-----" to "-----END RSA PRIVATE KEY-----".';
/**
 * Keys pasted into a single-line secret or environment variable often arrive with literal
 * `\n` sequences instead of line breaks; restore them before parsing.
 */
function normalisePem(text) {
    return text.trim().replace(/\\n/g, "\n");
}
/** Parses the App's private key, or throws a ConfigurationError naming `private-key`. */
function parseAppPrivateKey(text) {
    const pem = normalisePem(text);
    if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem))
        throw new errors/* ConfigurationError */.j1(INVALID_KEY);
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)({ key: pem, format: "pem" });
    }
    catch {
        throw new errors/* ConfigurationError */.j1(INVALID_KEY);
    }
    if (key.asymmetricKeyType !== "rsa")
        throw new errors/* ConfigurationError */.j1(INVALID_KEY);
    return key;
}
function base64urlJson(value) {
    return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}
/** The claims for a JWT issued now: `issuer` is the App id or its client id. */
function appJwtClaims(issuer, clock) {
    const now = Math.floor(clock.now().getTime() / 1000);
    return { iat: now - BACKDATE_SECONDS, exp: now + LIFETIME_SECONDS, iss: issuer };
}
function signAppJwt(claims, key) {
    const signingInput = `${base64urlJson({ alg: "RS256", typ: "JWT" })}.${base64urlJson(claims)}`;
    const signature = (0,external_node_crypto_.sign)("sha256", Buffer.from(signingInput, "utf8"), key).toString("base64url");
    return `${signingInput}.${signature}`;
}

// EXTERNAL MODULE: ./src/core/github/request-error.ts
var request_error = __webpack_require__(4741);
;// CONCATENATED MODULE: ./src/core/github/app-token.ts



function githubMessage(error) {
    const data = error.response?.data;
    const message = typeof data?.message === "string" ? data.message : String(error);
    return message.replace(/\.$/, "");
}
function issuerOf(app) {
    const clientId = app.clientId?.trim();
    if (clientId)
        return { issuer: clientId, input: "app-client-id" };
    const appId = app.appId?.trim();
    if (appId)
        return { issuer: appId, input: "app-id" };
    throw new errors/* ConfigurationError */.j1(`Input "app-id" (or "app-client-id") is required with "private-key"; give the App's id or client id from its settings page.`);
}
function credentialsMismatch(issuer) {
    return new errors/* ConfigurationError */.j1(`GitHub rejected the App credentials: input "${issuer.input}" (${issuer.issuer}) and input "private-key" do not belong to the same GitHub App, or the key was revoked; give a current private key of that App (and check this machine's clock).`);
}
/** GitHub Enterprise Server before 3.14 only knows an App JWT whose `iss` is the App's id. */
function clientIdTooNew(error) {
    const headers = error.response?.headers;
    const version = headers?.["x-github-enterprise-version"];
    if (typeof version !== "string")
        return undefined;
    const [major = 0, minor = 0] = version.split(".").map(Number);
    if (major > 3 || (major === 3 && minor >= 14))
        return undefined;
    return new errors/* ConfigurationError */.j1(`Input "app-client-id" needs GitHub Enterprise Server 3.14 or later, and this server runs ${version}; give the App's numeric id as "app-id" instead (the App's settings page, "App ID").`);
}
function notInstalled(issuer, fullName) {
    return new errors/* ConfigurationError */.j1(`The GitHub App with ${issuer.input} ${issuer.issuer} is not installed on ${fullName}; install the App on ${fullName} (App settings → Install App, or the organization's Settings → GitHub Apps → Configure → Repository access).`);
}
/**
 * Exchanges the App's credentials for an installation token. Every credential is registered
 * with `secrets` the moment it exists, before any line could print it.
 */
async function createInstallationToken(request) {
    const { octokit, app, repository, secrets, clock } = request;
    secrets.add(app.privateKey);
    secrets.add(normalisePem(app.privateKey));
    const issuer = issuerOf(app);
    const key = parseAppPrivateKey(app.privateKey);
    const fullName = `${repository.owner}/${repository.repo}`;
    const jwtHeaders = () => {
        const jwt = signAppJwt(appJwtClaims(issuer.issuer, clock), key);
        secrets.add(jwt);
        return { authorization: `Bearer ${jwt}` };
    };
    let installationId;
    try {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/installation", {
            ...repository,
            headers: jwtHeaders(),
        });
        installationId = data.id;
    }
    catch (error) {
        if ((0,request_error/* httpStatusOf */.s)(error) === 401) {
            throw ((issuer.input === "app-client-id" && clientIdTooNew(error)) || credentialsMismatch(issuer));
        }
        if ((0,request_error/* httpStatusOf */.s)(error) === 404)
            throw notInstalled(issuer, fullName);
        throw error;
    }
    try {
        const { data } = await octokit.request("POST /app/installations/{installation_id}/access_tokens", {
            installation_id: installationId,
            repositories: [repository.repo],
            ...(request.permissions ? { permissions: request.permissions } : {}),
            headers: jwtHeaders(),
            // Minting a second token on a retry is harmless (both expire within the hour).
            request: { idempotent: true },
        });
        secrets.add(data.token);
        return { token: data.token, expiresAt: data.expires_at, installationId };
    }
    catch (error) {
        const status = (0,request_error/* httpStatusOf */.s)(error);
        if (status === 401)
            throw credentialsMismatch(issuer);
        if (status === 404)
            throw notInstalled(issuer, fullName);
        if (status === 422) {
            throw new errors/* ConfigurationError */.j1(`GitHub refused an installation token for ${fullName} with permissions ${JSON.stringify(request.permissions ?? {})} (${githubMessage(error)}); grant the App those permissions and give it access to ${fullName}.`);
        }
        throw error;
    }
}

// EXTERNAL MODULE: ./src/core/github/repository.ts
var repository = __webpack_require__(5311);
;// CONCATENATED MODULE: ./src/core/github/redact-request.ts
/** Request fields that carry text Greenlight composed, by their REST names. */
const COMPOSED_TEXT = new Set([
    "description",
    "payload",
    "body",
    "title",
    "message",
    "log_url",
    "environment_url",
]);
function redactDeep(value, secrets) {
    if (typeof value === "string")
        return secrets.redact(value);
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item, secrets));
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)]));
    }
    return value;
}
function redactComposed(params, secrets) {
    for (const key of Object.keys(params)) {
        if (COMPOSED_TEXT.has(key))
            params[key] = redactDeep(params[key], secrets);
    }
}
function installRequestRedaction(octokit, secrets) {
    octokit.hook.before("request", (options) => {
        const params = options;
        redactComposed(params, secrets);
        // GraphQL mutations carry the same fields inside their variables.
        const variables = params["variables"];
        if (variables !== null && typeof variables === "object" && !Array.isArray(variables)) {
            redactComposed(variables, secrets);
        }
    });
}

// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/core/github/graphql-errors.ts
var graphql_errors = __webpack_require__(8660);
;// CONCATENATED MODULE: ./src/core/github/request-policy.ts



const TRANSIENT_BASE_DELAY_MS = 1_000;
const TRANSIENT_MAX_DELAY_MS = 30_000;
/** GitHub: "wait for at least one minute" after a secondary limit that names no time. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000;
/** x-ratelimit-reset has whole-second resolution and GitHub's clock is not ours. */
const RESET_MARGIN_MS = 1_000;
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"]);
function header(headers, name) {
    const value = headers?.[name];
    return value === undefined || value === null ? undefined : String(value);
}
function responseOf(error) {
    if (typeof error !== "object" || error === null || !("response" in error))
        return undefined;
    const response = error.response;
    return response && typeof response.status === "number" ? response : undefined;
}
function messageOf(data) {
    if (typeof data === "object" && data !== null && "message" in data) {
        return String(data.message);
    }
    return typeof data === "string" ? data : "";
}
function seconds(ms) {
    return `${Math.ceil(ms / 1000)} s`;
}
function isGraphqlMutation(query) {
    if (typeof query !== "string")
        return false;
    const code = query.replace(/#[^\n]*/g, "");
    return /(^|[\s}])mutation\b/.test(code);
}
/** Whether sending the request twice has the same effect as sending it once. */
function safeToRepeat(options) {
    if (options.request?.idempotent === true)
        return true;
    const method = options.method.toUpperCase();
    if (IDEMPOTENT_METHODS.has(method))
        return true;
    return typeof options.query === "string" && !isGraphqlMutation(options.query);
}
function rateLimitDecision(response, what, now, waitsSoFar) {
    if (response.status !== 403 && response.status !== 429)
        return undefined;
    const retryAfter = (0,retry/* retryAfterMs */.V)(header(response.headers, "retry-after"), now);
    if (retryAfter !== undefined) {
        return {
            budget: "rate-limit",
            delayMs: retryAfter,
            describe: (retry) => `GitHub rate-limited ${what} and asked to retry after ${seconds(retryAfter)}; waiting (${retry}).`,
        };
    }
    const reset = Number(header(response.headers, "x-ratelimit-reset"));
    if (header(response.headers, "x-ratelimit-remaining") === "0" && Number.isFinite(reset)) {
        const delayMs = Math.max(0, reset * 1000 - now) + RESET_MARGIN_MS;
        const at = new Date(reset * 1000).toISOString();
        return {
            budget: "rate-limit",
            delayMs,
            describe: (retry) => `GitHub API rate limit used up at ${what}; waiting ${seconds(delayMs)} until it resets at ${at} (${retry}).`,
        };
    }
    if (response.status === 429 || /secondary rate limit|abuse/i.test(messageOf(response.data))) {
        const delayMs = SECONDARY_DEFAULT_WAIT_MS * 2 ** waitsSoFar;
        return {
            budget: "rate-limit",
            delayMs,
            describe: (retry) => `GitHub secondary rate limit at ${what}; waiting ${seconds(delayMs)} (${retry}).`,
        };
    }
    return undefined;
}
function transientDecision(error, response, what, now, retriesSoFar) {
    const backoff = (0,retry/* backoffMs */.j)(retriesSoFar + 1, {
        baseMs: TRANSIENT_BASE_DELAY_MS,
        maxMs: TRANSIENT_MAX_DELAY_MS,
    });
    if (response) {
        if (response.status < 500 || response.status === 501)
            return undefined;
        const delayMs = (0,retry/* retryAfterMs */.V)(header(response.headers, "retry-after"), now) ?? backoff;
        return {
            budget: "transient",
            delayMs,
            describe: (retry) => `GitHub answered ${response.status} to ${what}; retrying in ${seconds(delayMs)} (${retry}).`,
        };
    }
    // No response at all: the connection failed. Aborts are the caller's decision, not a fault.
    if (error instanceof Error && error.name === "AbortError")
        return undefined;
    return {
        budget: "transient",
        delayMs: backoff,
        describe: (retry) => `${what} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${seconds(backoff)} (${retry}).`,
    };
}
/**
 * GraphQL reports its rate limit and its timeouts in a 200 answer; seen as the REST
 * statuses they stand for, the rules above apply to them unchanged (a mutation whose
 * answer timed out is not repeated here: its caller re-reads first).
 */
function graphqlFailure(response, options) {
    if (typeof options.query !== "string")
        return undefined;
    switch ((0,graphql_errors/* classifyGraphqlErrors */.rU)(response.data)) {
        case "rate-limited":
            return { status: 403, headers: response.headers, data: { message: "secondary rate limit" } };
        case "transient":
            return { status: 502, headers: {}, data: response.data };
        default:
            return undefined;
    }
}
function describeRequest(options) {
    if (typeof options.query === "string") {
        return isGraphqlMutation(options.query) ? "a GraphQL mutation" : "a GraphQL query";
    }
    // The route template (`/repos/{owner}/{repo}/…`), not the expanded URL: short and id-free.
    const path = /^https?:\/\//.test(options.url) ? new URL(options.url).pathname : options.url;
    return `${options.method.toUpperCase()} ${path}`;
}
/** Sends one request, waiting and retrying as the policy above says. */
async function sendWithPolicy(send, options, policy) {
    const maxRetries = options.request?.retries ?? policy.retries;
    const used = { "rate-limit": 0, transient: 0 };
    const what = describeRequest(options);
    for (;;) {
        policy.onAttempt?.();
        let failure;
        try {
            const result = await send(options);
            const graphqlError = graphqlFailure(result, options);
            if (!graphqlError)
                return result;
            failure = { error: undefined, response: graphqlError, result };
        }
        catch (error) {
            failure = { error, response: responseOf(error) };
        }
        const now = policy.clock.now().getTime();
        const decision = (failure.response && rateLimitDecision(failure.response, what, now, used["rate-limit"])) ||
            (safeToRepeat(options)
                ? transientDecision(failure.error, failure.response, what, now, used.transient)
                : undefined);
        const giveUp = () => {
            if (failure.result)
                return failure.result;
            throw failure.error;
        };
        if (!decision || options.request?.signal?.aborted)
            return giveUp();
        if (used[decision.budget] >= maxRetries) {
            policy.logger.debug(`${what}: giving up after ${maxRetries} retries.`);
            return giveUp();
        }
        if (decision.budget === "rate-limit" && decision.delayMs > policy.maxRateLimitWaitMs) {
            throw new errors/* OperationFailedError */.Bp(`GitHub rate-limited ${what} for ${seconds(decision.delayMs)}, longer than the ${seconds(policy.maxRateLimitWaitMs)} this run will wait; try again later or use a token with a higher rate limit (a GitHub App installation token).`);
        }
        used[decision.budget]++;
        const retry = `retry ${used[decision.budget]} of ${maxRetries}`;
        const message = decision.describe(retry);
        if (decision.budget === "rate-limit")
            policy.logger.warning(message);
        else
            policy.logger.info(message);
        await policy.clock.sleep(decision.delayMs);
    }
}
/** Installs the policy on an Octokit instance; it then covers REST, pagination and GraphQL. */
function installRequestPolicy(octokit, policy) {
    octokit.hook.wrap("request", (send, options) => sendWithPolicy(send, options, policy));
}

// EXTERNAL MODULE: ./src/core/github/revoke.ts
var revoke = __webpack_require__(5701);
// EXTERNAL MODULE: ./src/core/http/fetch.ts
var http_fetch = __webpack_require__(4780);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
;// CONCATENATED MODULE: ./src/core/github/urls.ts
/**
 * Where the GitHub APIs live. github.com, GitHub Enterprise Server and the local sandbox
 * put the REST and GraphQL endpoints in different places; everything else derives from the
 * one REST base URL the user gives (or the runner's GITHUB_API_URL).
 */


const GITHUB_COM_API_URL = "https://api.github.com";
const GHES_REST_SUFFIX = /\/api\/v3\/?$/;
function checkedUrl(value, input) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Input "${input}" is "${(0,secrets/* withoutUrlUserInfo */.F3)(value)}", which is not a URL; give the REST API root such as https://api.github.com or https://ghe.example.com/api/v3.`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
        throw new errors/* ConfigurationError */.j1(`Input "${input}" must be an http or https URL, got "${(0,secrets/* withoutUrlUserInfo */.F3)(value)}"; give the REST API root such as https://ghe.example.com/api/v3.`);
    }
    if (url.username || url.password) {
        throw new errors/* ConfigurationError */.j1(`Input "${input}" carries credentials in the URL; remove them and give the token in the "token" input (or a GitHub App), which is masked.`);
    }
    return value.replace(/\/+$/, "");
}
/**
 * The GraphQL endpoint that belongs to a REST base URL: GHES serves REST under /api/v3 and
 * GraphQL under /api/graphql; github.com, GHE.com and the sandbox serve it at `<base>/graphql`.
 */
function graphqlUrlFor(baseUrl) {
    const base = baseUrl.replace(/\/+$/, "");
    if (GHES_REST_SUFFIX.test(base))
        return base.replace(GHES_REST_SUFFIX, "/api/graphql");
    return `${base}/graphql`;
}
/**
 * Resolves both endpoints. The runner's GITHUB_GRAPHQL_URL is only trusted when the REST
 * URL also came from the runner: with an explicit github-api-url it would point elsewhere.
 */
function resolveApiUrls(options, env) {
    const explicitBase = options.baseUrl?.trim() || undefined;
    const runnerBase = env["GITHUB_API_URL"]?.trim() || undefined;
    const baseUrl = checkedUrl(explicitBase ?? runnerBase ?? GITHUB_COM_API_URL, "github-api-url");
    const runnerGraphql = !explicitBase && runnerBase ? env["GITHUB_GRAPHQL_URL"]?.trim() || undefined : undefined;
    const graphqlUrl = options.graphqlUrl?.trim() || runnerGraphql || graphqlUrlFor(baseUrl);
    return { baseUrl, graphqlUrl: checkedUrl(graphqlUrl, "graphql-url") };
}

;// CONCATENATED MODULE: ./src/core/github/client.ts
/**
 * The one way Greenlight code gets a GitHub client: a plain token or a GitHub App (whose
 * installation token is scoped to one repository), GHES and proxy aware, with retries and
 * rate-limit waits that go through the injected Clock.
 */











const GreenlightOctokit = dist_src/* Octokit */.E.plugin(plugin_rest_endpoint_methods_dist_src/* restEndpointMethods */._, dist_bundle/* paginateRest */.ud);
const DEFAULT_RETRIES = 3;
const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;
const DEFAULT_USER_AGENT = "greenlight";
function octokitLog(logger) {
    return {
        debug: (message) => logger.debug(message),
        // Octokit's info lines are request chatter; they belong in debug output.
        info: (message) => logger.debug(message),
        warn: (message) => logger.warning(message),
        error: (message) => logger.error(message),
    };
}
function noCredentials() {
    return new errors/* ConfigurationError */.j1(`Input "token" is empty and no GitHub App is given; pass a token (e.g. \${{ github.token }}) or app-id/app-client-id with private-key.`);
}
async function appToken(options, app, transport, policy) {
    // A separate, unauthenticated Octokit: the App's JWT is sent per request instead.
    const bare = new dist_src/* Octokit */.E(transport);
    installRequestPolicy(bare, policy);
    return createInstallationToken({
        octokit: bare,
        app,
        repository: (0,repository/* parseRepositoryName */.$)(options.repository),
        permissions: options.permissions,
        clock: options.clock,
        secrets: options.secrets,
    });
}
async function createGitHubClient(options) {
    const { logger, clock, secrets } = options;
    const env = options.env ?? process.env;
    (0,repository/* parseRepositoryName */.$)(options.repository);
    const { baseUrl, graphqlUrl } = resolveApiUrls(options, env);
    const log = octokitLog(logger);
    const fetch = (0,http_fetch/* httpFetch */.t)({ env, proxy: options.proxy });
    const transport = {
        baseUrl,
        userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
        log,
        request: { fetch, log, ...(options.signal ? { signal: options.signal } : {}) },
    };
    let requests = 0;
    const policy = {
        clock,
        logger,
        retries: options.retries ?? DEFAULT_RETRIES,
        maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
    };
    secrets.add(options.token);
    const installation = options.app
        ? await appToken(options, options.app, transport, policy)
        : undefined;
    const token = installation?.token ?? options.token?.trim();
    if (!token)
        throw noCredentials();
    if (installation) {
        logger.debug(`Authenticated as GitHub App installation ${installation.installationId}, with a token for ${options.repository} only, valid until ${installation.expiresAt}.`);
    }
    const octokit = new GreenlightOctokit({ ...transport, auth: token });
    installRequestPolicy(octokit, { ...policy, onAttempt: () => void requests++ });
    installRequestRedaction(octokit, secrets);
    // An absolute url wins over baseUrl; the origin as baseUrl keeps @octokit/graphql from
    // rewriting a GHES /api/v3 base into its own idea of the GraphQL URL.
    octokit.graphql = octokit.graphql.defaults({
        baseUrl: new URL(graphqlUrl).origin,
        url: graphqlUrl,
    });
    let revoked = false;
    return {
        octokit,
        graphql: (query, variables) => octokit.graphql(query, variables),
        tokenKind: installation ? "app" : "token",
        installationToken: installation,
        requestCount: () => requests,
        async revoke() {
            if (!installation || revoked)
                return;
            revoked = true;
            await (0,revoke/* revokeInstallationToken */.E)(octokit, { logger, clock }, installation.expiresAt);
        },
    };
}


/***/ })

};
