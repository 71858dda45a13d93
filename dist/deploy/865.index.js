export const id = 865;
export const ids = [865];
export const modules = {

/***/ 6865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubClient: () => (/* binding */ createGitHubClient)
});

// UNUSED EXPORTS: GreenlightOctokit

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(5194);
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

;// CONCATENATED MODULE: ./src/core/github/repository.ts

// GitHub's own limits: owners are alphanumerics and hyphens, names add dots and underscores.
const OWNER_AND_NAME = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
/** Splits `owner/name`, or throws a ConfigurationError naming the `repository` input. */
function parseRepositoryName(text, input = "repository") {
    const match = OWNER_AND_NAME.exec(text.trim());
    if (!match || match[2] === "." || match[2] === "..") {
        throw new errors/* ConfigurationError */.j1(`Input "${input}" is "${text}", which is not a repository; give it as owner/name, like my-org/infra.`);
    }
    return { owner: match[1] ?? "", repo: match[2] ?? "" };
}

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

;// CONCATENATED MODULE: ./src/core/retry.ts
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

;// CONCATENATED MODULE: ./src/core/github/graphql-errors.ts
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
    const retryAfter = retryAfterMs(header(response.headers, "retry-after"), now);
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
    const backoff = backoffMs(retriesSoFar + 1, {
        baseMs: TRANSIENT_BASE_DELAY_MS,
        maxMs: TRANSIENT_MAX_DELAY_MS,
    });
    if (response) {
        if (response.status < 500 || response.status === 501)
            return undefined;
        const delayMs = retryAfterMs(header(response.headers, "retry-after"), now) ?? backoff;
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
    switch (classifyGraphqlErrors(response.data)) {
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
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./src/core/http/credentials.ts
var credentials = __webpack_require__(4890);
;// CONCATENATED MODULE: ./src/core/proxy-env.ts
/**
 * The proxy a runner's environment names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, as on
 * self-hosted runners behind a corporate proxy). Every outbound request Greenlight makes
 * (GitHub, registries, verify's checks, promote's analyses, notify) goes through
 * core/http/http-client.ts, which asks this module, per request and per redirect hop,
 * whether to go through a proxy.
 */

/** Lower-case first: curl and undici give the lower-case spelling precedence. */
function variable(env, name) {
    return (env[name.toLowerCase()] || env[name.toUpperCase()] || "").trim();
}
function proxyUrl(value, source) {
    let url;
    try {
        // A bare host:port is what many people put in HTTPS_PROXY; curl reads it as http://.
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        url = new URL("invalid:");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new errors/* ConfigurationError */.j1(`The proxy in ${source} is not an http:// or https:// URL; give it like http://proxy.example.com:3128.`);
    }
    return url;
}
function defaultPort(protocol) {
    return protocol === "https:" ? "443" : "80";
}
/**
 * Whether NO_PROXY exempts `target`, read as curl does: `*` for every host, otherwise a
 * comma- or space-separated list of host names (matching the host and its subdomains; a
 * leading dot or `*.` means the same), IP addresses, each optionally with a port.
 */
function bypassed(target, noProxy) {
    const host = target.hostname.replace(/^\[|\]$/g, "").toLowerCase();
    const port = target.port || defaultPort(target.protocol);
    for (const raw of noProxy.split(/[\s,]+/)) {
        let entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === "*")
            return true;
        let entryPort;
        const withPort = /^(\[[^\]]*\]|[^:]*):(\d+)$/.exec(entry);
        if (withPort) {
            entry = withPort[1];
            entryPort = withPort[2];
        }
        entry = entry.replace(/^\*?\./, "").replace(/^\[|\]$/g, "");
        if (entryPort && entryPort !== port)
            continue;
        if (host === entry || host.endsWith(`.${entry}`))
            return true;
    }
    return false;
}
/**
 * The proxy rules of `env`, checked at once so a malformed proxy is a configuration error
 * before the first request, not a network failure at it. `explicit` (an action input) wins
 * over the environment and ignores NO_PROXY, as an explicit setting should.
 */
function proxyRoute(env, explicit) {
    if (explicit?.trim()) {
        const proxy = proxyUrl(explicit.trim(), `input "proxy"`);
        return () => proxy;
    }
    const httpValue = variable(env, "http_proxy");
    const httpsValue = variable(env, "https_proxy");
    const httpProxy = httpValue ? proxyUrl(httpValue, "HTTP_PROXY") : undefined;
    // An https target falls back to HTTP_PROXY, as undici and most tools do; http never to HTTPS_PROXY.
    const httpsProxy = httpsValue ? proxyUrl(httpsValue, "HTTPS_PROXY") : httpProxy;
    const noProxy = variable(env, "no_proxy");
    return (target) => {
        const proxy = target.protocol === "https:" ? httpsProxy : httpProxy;
        return proxy && !bypassed(target, noProxy) ? proxy : undefined;
    };
}

// EXTERNAL MODULE: ./src/core/quantity.ts
var quantity = __webpack_require__(7950);
;// CONCATENATED MODULE: ./src/core/http/transport-errors.ts
/**
 * Network and TLS errors as reasons a person understands: `connection refused`, `certificate
 * for api.example.com has expired`, never `Error: connect ECONNREFUSED 127.0.0.1:8080`.
 */
/** A request that ended without a usable response; `reason` is already readable. */
class RequestFailure extends Error {
    reason;
    name = "RequestFailure";
    constructor(reason) {
        super(reason);
        this.reason = reason;
    }
}
const UNTRUSTED = new Set([
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "UNABLE_TO_GET_ISSUER_CERT",
]);
function tlsReason(code, host, message) {
    if (code === "CERT_HAS_EXPIRED")
        return `certificate for ${host} has expired`;
    if (code === "CERT_NOT_YET_VALID")
        return `certificate for ${host} is not valid yet`;
    if (UNTRUSTED.has(code)) {
        const why = code.includes("SELF_SIGNED") ? "self-signed" : "unknown issuer";
        return `certificate for ${host} is not trusted (${why}); give its CA in tls.ca-file (or ca-file), or set tls.verify: false`;
    }
    if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
        const names = /cert's altnames: (.*)$/i.exec(message)?.[1];
        return `certificate is not valid for ${host}${names ? ` (it is for ${names.trim()})` : ""}`;
    }
    if (code === "ERR_SSL_WRONG_VERSION_NUMBER" || /wrong version number/i.test(message)) {
        return `${host} did not answer TLS (is the port plain HTTP?)`;
    }
    if (code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS") || code === "EPROTO") {
        return `TLS handshake with ${host} failed (${message.split("\n")[0]})`;
    }
    return undefined;
}
const NETWORK_REASONS = {
    ECONNREFUSED: () => "connection refused",
    ECONNRESET: () => "connection reset by the server",
    EPIPE: () => "connection closed by the server while sending the request",
    ETIMEDOUT: () => "connection timed out",
    EHOSTUNREACH: (host) => `${host} is unreachable`,
    ENETUNREACH: (host) => `network unreachable for ${host}`,
    ENOTFOUND: (host) => `host ${host} not found (DNS)`,
    EAI_AGAIN: (host) => `host ${host} could not be resolved (DNS timeout)`,
    UND_ERR_SOCKET: () => "connection closed unexpectedly",
};
/** The readable reason for anything a request threw. */
function describeTransportError(error, url) {
    if (error instanceof RequestFailure)
        return error.reason;
    const err = error;
    const code = err?.code ?? "";
    const message = err?.message ?? String(error);
    const host = url.hostname;
    const tls = tlsReason(code, host, message);
    if (tls)
        return tls;
    const network = NETWORK_REASONS[code];
    if (network)
        return network(host);
    if (code.startsWith("HPE_"))
        return `the answer from ${host} is not valid HTTP (${message})`;
    if (/socket hang up/i.test(message))
        return "the server closed the connection without answering";
    return message.split("\n")[0] ?? "request failed";
}

;// CONCATENATED MODULE: ./src/core/http/proxy-tunnel.ts
/**
 * Reaching a target through a forward proxy with Node's own http/https, so that a proxied
 * request keeps everything a direct one has: the peer certificate, bounded bodies,
 * redirects, readable errors. Plain-http targets go to the proxy in absolute form
 * (`GET http://host/path`), as curl sends them (some proxies refuse CONNECT to port 80);
 * https targets are tunnelled with CONNECT, and TLS runs end to end with the target.
 */




function proxyModule(proxy) {
    return proxy.protocol === "https:" ? (external_node_https_default()) : (external_node_http_default());
}
/** Basic credentials written into the proxy URL (http://user:pass@proxy:3128). */
function proxyAuthorization(proxy) {
    if (!proxy.username && !proxy.password)
        return {};
    const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    return { "proxy-authorization": `Basic ${Buffer.from(user).toString("base64")}` };
}
/** Where a plain-http request for `target` is sent instead: to the proxy, naming the target. */
function absoluteForm(target, proxy) {
    return {
        module: proxyModule(proxy),
        options: {
            protocol: proxy.protocol,
            hostname: proxy.hostname.replace(/^\[|\]$/g, ""),
            port: proxy.port || (proxy.protocol === "https:" ? 443 : 80),
            path: target.href,
            headers: { host: target.host, ...proxyAuthorization(proxy) },
        },
    };
}
/** An https agent whose connections are CONNECT tunnels through `proxy`. */
class TunnelAgent extends (external_node_https_default()).Agent {
    proxy;
    /** The proxy connection under each TLS socket, which keep-alive must (un)ref as well. */
    tunnels = new WeakMap();
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, callback) {
        const done = (error, stream) => callback?.(error, stream);
        const host = String(options.host ?? "");
        const authority = `${host.includes(":") ? `[${host}]` : host}:${options.port ?? 443}`;
        const connect = proxyModule(this.proxy).request({
            hostname: this.proxy.hostname.replace(/^\[|\]$/g, ""),
            port: this.proxy.port || (this.proxy.protocol === "https:" ? 443 : 80),
            method: "CONNECT",
            path: authority,
            headers: { host: authority, ...proxyAuthorization(this.proxy) },
            agent: false,
        });
        connect.once("connect", (response, socket, head) => {
            if (response.statusCode !== 200) {
                socket.destroy();
                done(new RequestFailure(`the proxy ${this.proxy.host} refused the tunnel to ${authority} (HTTP ${response.statusCode})`));
                return;
            }
            if (head.length > 0)
                socket.unshift(head);
            const secure = external_node_tls_default().connect({ ...options, socket });
            this.tunnels.set(secure, socket);
            done(null, secure);
        });
        connect.once("error", (error) => done(error));
        connect.end();
        return undefined;
    }
    // An idle kept-alive connection must not keep the process running; unref on the TLS socket
    // alone does not reach the proxy connection it is layered on.
    // (Node reads the answer as whether to keep the socket; its type declarations say void.)
    keepSocketAlive(socket) {
        const kept = super.keepSocketAlive(socket);
        if (kept)
            this.tunnels.get(socket)?.unref();
        return kept;
    }
    reuseSocket(socket, request) {
        this.tunnels.get(socket)?.ref();
        super.reuseSocket(socket, request);
    }
}
/** The agent for https targets through `proxy`; keep-alive reuses tunnels between requests. */
function tunnelAgent(proxy, keepAlive = false) {
    return new TunnelAgent(proxy, { keepAlive });
}

;// CONCATENATED MODULE: ./src/core/http/http-client.ts
/**
 * One HTTP exchange with Node's own http/https: an abortable request, a bounded body read,
 * the peer certificate captured while the socket is still open, and redirects followed up
 * to a hop limit. Everything that goes wrong becomes a RequestFailure with a readable reason.
 * This is the one transport for every outbound request (fetch.ts adapts it for Octokit and
 * others that expect fetch), so proxies are honoured everywhere alike (proxy-env.ts).
 */








function certificateInfo(socket) {
    const tlsSocket = socket;
    if (!tlsSocket || typeof tlsSocket.getPeerCertificate !== "function")
        return undefined;
    const cert = tlsSocket.getPeerCertificate(false);
    if (!cert || !cert.valid_to)
        return undefined;
    const name = (part) => typeof part === "object" && part !== null
        ? String(part["CN"] ?? part["O"] ?? "")
        : "";
    return {
        subject: name(cert.subject),
        issuer: name(cert.issuer),
        validFrom: cert.valid_from,
        validTo: cert.valid_to,
        expiresAt: new Date(cert.valid_to).getTime(),
    };
}
// A CA file adds to the public roots: a check may cross from a private endpoint to a public one.
const caCache = new Map();
function trustedCas(ca) {
    let list = caCache.get(ca);
    if (!list) {
        list = [...external_node_tls_.rootCertificates, ca];
        caCache.set(ca, list);
    }
    return list;
}
function readBody(response, limit) {
    return new Promise((resolve, reject) => {
        let done = false;
        const tooLarge = (detail) => {
            done = true;
            reject(new RequestFailure(`response body exceeded ${(0,quantity/* formatBytes */.z3)(limit)}${detail}`));
            // Stop reading at once: a huge body must cost neither memory nor time.
            response.destroy();
        };
        const declared = Number(response.headers["content-length"]);
        if (Number.isFinite(declared) && declared > limit) {
            tooLarge(` (Content-Length: ${(0,quantity/* formatBytes */.z3)(declared)})`);
            return;
        }
        const chunks = [];
        let size = 0;
        response.on("data", (chunk) => {
            if (done)
                return;
            size += chunk.length;
            if (size > limit)
                tooLarge("");
            else
                chunks.push(chunk);
        });
        response.on("end", () => {
            if (!done)
                resolve(Buffer.concat(chunks));
        });
        response.on("error", (error) => {
            if (!done)
                reject(error);
        });
        response.on("aborted", () => {
            if (!done)
                reject(new RequestFailure("the server closed the connection in the middle of the body"));
        });
    });
}
/** One request, no redirects. */
function sendOnce(request) {
    const { url, signal } = request;
    return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (fn) => {
            if (settled)
                return;
            settled = true;
            signal.removeEventListener("abort", onAbort);
            fn();
        };
        const fail = (error) => settle(() => reject(signal.aborted
            ? abortFailure(signal)
            : new RequestFailure(describeTransportError(error, url))));
        const onAbort = () => {
            req.destroy();
            fail(signal.reason);
        };
        if (signal.aborted) {
            reject(abortFailure(signal));
            return;
        }
        const isHttps = url.protocol === "https:";
        const headers = {
            "user-agent": "greenlight-verify",
            ...request.headers,
        };
        if (request.body !== undefined)
            headers["content-length"] = String(Buffer.byteLength(request.body));
        const options = {
            method: request.method,
            headers,
            agent: agentFor(request, isHttps),
            ...(isHttps
                ? {
                    rejectUnauthorized: request.tls.verify,
                    ...(request.tls.ca ? { ca: trustedCas(request.tls.ca) } : {}),
                }
                : {}),
        };
        const onResponse = (response) => {
            const certificate = certificateInfo(response.socket);
            readBody(response, request.maxBodyBytes).then((body) => settle(() => resolve({
                url,
                status: response.statusCode ?? 0,
                statusText: response.statusMessage ?? "",
                headers: response.headers,
                body,
                ...(certificate ? { certificate } : {}),
            })), fail);
        };
        const req = request.proxy && !isHttps
            ? viaAbsoluteForm(url, request.proxy, options, onResponse)
            : (isHttps ? (external_node_https_default()) : (external_node_http_default())).request(url, options, onResponse);
        signal.addEventListener("abort", onAbort, { once: true });
        req.on("error", fail);
        req.end(request.body);
    });
}
// Tunnels for keep-alive requests (the latency probe, fetch.ts) are reused like connections.
const keepAliveTunnels = new Map();
function agentFor(request, isHttps) {
    if (!request.proxy || !isHttps)
        return request.agent ?? false;
    if (!request.agent)
        return tunnelAgent(request.proxy);
    let agent = keepAliveTunnels.get(request.proxy.href);
    if (!agent)
        keepAliveTunnels.set(request.proxy.href, (agent = tunnelAgent(request.proxy, true)));
    return agent;
}
function viaAbsoluteForm(url, proxy, options, onResponse) {
    const target = absoluteForm(url, proxy);
    const headers = { ...options.headers, ...target.options.headers };
    return target.module.request({ ...options, ...target.options, headers, agent: false }, onResponse);
}
function abortFailure(signal) {
    const reason = signal.reason;
    if (reason instanceof RequestFailure)
        return reason;
    return new RequestFailure("cancelled");
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The request for the next hop: 303 (and 301/302 after a POST) become GET, as browsers do. */
function nextHop(request, status, location) {
    const toGet = status === 303 || ((status === 301 || status === 302) && request.method === "POST");
    const sameOrigin = location.origin === request.url.origin;
    const headers = Object.fromEntries(Object.entries(request.headers).filter(
    // Credentials are for the origin they were given for, never for wherever it redirects.
    ([name]) => sameOrigin || !(0,credentials/* isCredentialHeader */.b5)(name, request.secretHeaders ?? [])));
    const next = {
        ...request,
        url: location,
        headers,
        method: toGet ? "GET" : request.method,
    };
    if (toGet)
        delete next.body;
    return next;
}
/** How a redirect loop reads: the URLs that came round again, as paths when on one origin. */
function describeLoop(chain, origin) {
    const seen = new Set();
    const repeated = new Set();
    for (const href of chain)
        (seen.has(href) ? repeated : seen).add(href);
    const show = (href) => href.startsWith(origin) ? href.slice(origin.length) || "/" : href;
    const names = [...repeated].slice(0, 3).map(show);
    if (names.length === 1)
        return `${names[0]} redirects to itself`;
    return `between ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
/**
 * A sender that goes through the proxy `env` names (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), or
 * through `proxy` when given, deciding again at every redirect hop.
 */
function sendWith(options) {
    const proxyOf = proxyRoute(options.env, options.proxy);
    const route = (request) => ({
        ...request,
        proxy: proxyOf(request.url),
    });
    return (request, policy) => follow(route(request), policy, route);
}
/** Sends a request directly, following redirects up to the policy's limit. */
const send = (request, policy) => follow(request, policy, (r) => r);
async function follow(request, policy, route) {
    const chain = [request.url.href];
    let current = request;
    for (;;) {
        const response = await sendOnce(current);
        const location = response.headers.location;
        if (!policy.follow || !REDIRECTS.has(response.status) || !location) {
            return { ...response, redirects: chain.slice(1) };
        }
        const hops = chain.length - 1;
        if (hops >= policy.maxRedirects) {
            const looped = new Set(chain).size < chain.length;
            throw new RequestFailure(looped
                ? `redirect loop after ${hops} hops (${describeLoop(chain, request.url.origin)})`
                : `more than ${policy.maxRedirects} redirects (the last to ${location})`);
        }
        let target;
        try {
            target = new URL(location, current.url);
        }
        catch {
            throw new RequestFailure(`redirect to an invalid URL (${location})`);
        }
        if (target.protocol !== "http:" && target.protocol !== "https:") {
            throw new RequestFailure(`redirect to a non-HTTP URL (${target.protocol})`);
        }
        chain.push(target.href);
        current = route(nextHop(current, response.status, target));
    }
}

;// CONCATENATED MODULE: ./src/core/http/fetch.ts
/**
 * The fetch API over the one HTTP transport (http-client.ts), for the clients written
 * against fetch: Octokit, the registry client, promote's analyses. Going through the same
 * transport gives them the same proxy rules (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), TLS
 * options and readable network errors as verify and notify. Answers are read whole, up to
 * a bound, which suits API responses; connections are kept alive between requests.
 */



const DEFAULT_MAX_BODY_BYTES = 128 * 1024 * 1024;
const MAX_REDIRECTS = 20; // as fetch
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);
function headersOf(response) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
        if (Array.isArray(value))
            for (const item of value)
                headers.append(name, item);
        else if (value !== undefined)
            headers.set(name, value);
    }
    return headers;
}
function toResponse(answer) {
    const body = NULL_BODY_STATUS.has(answer.status) ? null : answer.body;
    const response = new Response(body, {
        status: answer.status,
        statusText: answer.statusText,
        headers: headersOf(answer),
    });
    // A constructed Response has no URL; clients read it for the final address after redirects.
    Object.defineProperty(response, "url", { value: answer.url.href });
    Object.defineProperty(response, "redirected", { value: answer.redirects.length > 0 });
    return response;
}
/** A fetch whose requests all go through http-client.ts with the given options. */
function httpFetch(options) {
    const send = sendWith(options);
    const agents = {
        http: new (external_node_http_default()).Agent({ keepAlive: true }),
        https: new (external_node_https_default()).Agent({ keepAlive: true }),
    };
    const fetch = async (input, init) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        const body = request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
        const hop = {
            url,
            method: request.method,
            headers: Object.fromEntries(request.headers),
            ...(body ? { body } : {}),
            tls: options.tls ?? { verify: true },
            maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
            signal: request.signal,
            agent: url.protocol === "https:" ? agents.https : agents.http,
        };
        let answer;
        try {
            answer = await send(hop, {
                follow: request.redirect === "follow",
                maxRedirects: MAX_REDIRECTS,
            });
        }
        catch (error) {
            // As fetch does: the signal's reason when aborted, else a TypeError whose cause says why.
            if (request.signal.aborted)
                throw request.signal.reason;
            throw new TypeError("fetch failed", { cause: error });
        }
        if (request.redirect === "error" && answer.headers.location && answer.status >= 300) {
            throw new TypeError("fetch failed", { cause: new Error("redirect not allowed") });
        }
        return toResponse(answer);
    };
    return fetch;
}

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
        repository: parseRepositoryName(options.repository),
        permissions: options.permissions,
        clock: options.clock,
        secrets: options.secrets,
    });
}
async function createGitHubClient(options) {
    const { logger, clock, secrets } = options;
    const env = options.env ?? process.env;
    parseRepositoryName(options.repository);
    const { baseUrl, graphqlUrl } = resolveApiUrls(options, env);
    const log = octokitLog(logger);
    const fetch = httpFetch({ env, proxy: options.proxy });
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
