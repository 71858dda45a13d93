export const id = 616;
export const ids = [616];
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

/***/ 5288:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zc: () => (/* binding */ sendWith)
});

// UNUSED EXPORTS: send, sendOnce

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
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
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
// EXTERNAL MODULE: ./src/core/http/transport-errors.ts
var transport_errors = __webpack_require__(9517);
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
                done(new transport_errors/* RequestFailure */.e(`the proxy ${this.proxy.host} refused the tunnel to ${authority} (HTTP ${response.statusCode})`));
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
            reject(new transport_errors/* RequestFailure */.e(`response body exceeded ${(0,quantity/* formatBytes */.z3)(limit)}${detail}`));
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
                reject(new transport_errors/* RequestFailure */.e("the server closed the connection in the middle of the body"));
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
            : new transport_errors/* RequestFailure */.e((0,transport_errors/* describeTransportError */.v)(error, url))));
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
    if (reason instanceof transport_errors/* RequestFailure */.e)
        return reason;
    return new transport_errors/* RequestFailure */.e("cancelled");
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
            throw new transport_errors/* RequestFailure */.e(looped
                ? `redirect loop after ${hops} hops (${describeLoop(chain, request.url.origin)})`
                : `more than ${policy.maxRedirects} redirects (the last to ${location})`);
        }
        let target;
        try {
            target = new URL(location, current.url);
        }
        catch {
            throw new transport_errors/* RequestFailure */.e(`redirect to an invalid URL (${location})`);
        }
        if (target.protocol !== "http:" && target.protocol !== "https:") {
            throw new transport_errors/* RequestFailure */.e(`redirect to a non-HTTP URL (${target.protocol})`);
        }
        chain.push(target.href);
        current = route(nextHop(current, response.status, target));
    }
}


/***/ }),

/***/ 9517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ RequestFailure),
/* harmony export */   v: () => (/* binding */ describeTransportError)
/* harmony export */ });
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

/***/ 9616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NOTIFY_SECRET_INPUTS: () => (/* binding */ NOTIFY_SECRET_INPUTS),
  noTargetsNotice: () => (/* binding */ noTargetsNotice),
  notifyAction: () => (/* binding */ notifyAction)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/ci-facts.ts
var ci_facts = __webpack_require__(1669);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(1036);
// EXTERNAL MODULE: ./src/core/github/connect.ts
var connect = __webpack_require__(8789);
// EXTERNAL MODULE: ./src/core/github/inputs.ts
var github_inputs = __webpack_require__(450);
// EXTERNAL MODULE: ./src/core/github/repository.ts
var github_repository = __webpack_require__(5311);
;// CONCATENATED MODULE: ./src/notify/evidence.ts
/**
 * The evidence input as lines a person reads. It is either plain lines, or the JSON record
 * promote and rollback write to their `evidence` output ({decision, reason, weights,
 * analyses: [{name, measured, threshold, verdict}], …}), which is turned into one line per
 * fact instead of being pasted as JSON into a chat message. A line of several that holds
 * such a record is read the same way.
 */
/** Facts the event already carries: repeating them in the evidence adds nothing. */
const REDUNDANT = new Set(["environment", "services", "at", "decision", "operation", "reason"]);
function scalar(value) {
    if (value === null || typeof value === "object")
        return undefined;
    return String(value);
}
function describeObject(value) {
    const name = scalar(value["name"] ?? null);
    const measured = scalar(value["measured"] ?? value["value"] ?? null);
    if (name !== undefined && measured !== undefined) {
        const threshold = scalar(value["threshold"] ?? null);
        const verdict = scalar(value["verdict"] ?? null);
        return `${name}: ${measured}${threshold ? ` (threshold ${threshold})` : ""}${verdict ? ` — ${verdict}` : ""}`;
    }
    return Object.entries(value)
        .map(([key, inner]) => `${key}: ${scalar(inner) ?? JSON.stringify(inner)}`)
        .join(", ");
}
function describeItem(value) {
    if (value !== null && typeof value === "object" && !Array.isArray(value))
        return describeObject(value);
    return scalar(value) ?? JSON.stringify(value);
}
function recordLines(record) {
    const lines = [];
    const reason = scalar(record["reason"] ?? null);
    const verdict = scalar(record["decision"] ?? record["operation"] ?? null);
    if (reason)
        lines.push(verdict ? `${verdict}: ${reason}` : reason);
    for (const [key, value] of Object.entries(record)) {
        if (REDUNDANT.has(key))
            continue;
        if (Array.isArray(value))
            lines.push(...value.map(describeItem));
        else if (value !== null && typeof value === "object") {
            const entries = Object.entries(value).map(([k, v]) => `${k} ${scalar(v) ?? JSON.stringify(v)}`);
            lines.push(`${key}: ${entries.join(", ")}`);
        }
        else
            lines.push(`${key}: ${String(value)}`);
    }
    return lines;
}
/** A JSON record or list as lines; undefined for anything else (plain text, or not JSON after all). */
function jsonLines(text) {
    if (!text.startsWith("{") && !text.startsWith("["))
        return undefined;
    try {
        const value = JSON.parse(text);
        if (Array.isArray(value))
            return value.map(describeItem);
        if (value !== null && typeof value === "object")
            return recordLines(value);
    }
    catch {
        // Not JSON after all: read it as text.
    }
    return undefined;
}
function evidenceLines(text) {
    const trimmed = text.trim();
    const whole = jsonLines(trimmed);
    if (whole)
        return whole;
    // Line by line: a workflow can pass promote's or rollback's one-line record followed by
    // what happened next (the verify of the stable side after a rollback).
    return trimmed
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line.length > 0)
        .flatMap((line) => jsonLines(line) ?? [line]);
}

;// CONCATENATED MODULE: ./src/notify/github-deployments.ts
const STATES = {
    started: "in_progress",
    success: "success",
    failure: "failure",
    // A cancelled deploy is no longer what the environment runs.
    cancelled: "inactive",
};
/** GitHub caps descriptions at 140 characters. */
function shorten(text) {
    return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}
function taskOf(event) {
    return event.kind === "deploy" ? "deploy" : `deploy:${event.kind}`;
}
class GitHubDeploymentRecorder {
    octokit;
    repository;
    constructor(octokit, repository) {
        this.octokit = octokit;
        this.repository = repository;
    }
    async record(event, message) {
        const commit = event.commit ?? "";
        const id = (await this.existing(event, commit)) ?? (await this.create(event, commit, message));
        const state = STATES[event.status];
        await this.octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
            owner: this.repository.owner,
            repo: this.repository.repo,
            deployment_id: id,
            state,
            description: shorten(message.title),
            environment: event.environment,
            ...(event.runUrl ? { log_url: event.runUrl } : {}),
            auto_inactive: true,
        });
        return { id, state };
    }
    /** The newest deployment of this commit to this environment for this kind of event. */
    async existing(event, commit) {
        const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
            owner: this.repository.owner,
            repo: this.repository.repo,
            sha: commit,
            environment: event.environment,
            task: taskOf(event),
            per_page: 1,
        });
        const id = data[0]?.id;
        return id === undefined ? undefined : Number(id);
    }
    async create(event, commit, message) {
        const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/deployments", {
            owner: this.repository.owner,
            repo: this.repository.repo,
            ref: commit,
            environment: event.environment,
            task: taskOf(event),
            auto_merge: false,
            required_contexts: [],
            description: shorten(message.title),
            payload: JSON.stringify({
                services: event.services,
                version: event.version,
                evidence: event.evidence,
            }),
        });
        if (!("id" in data))
            throw new Error(`GitHub did not create the deployment: ${data.message ?? "no id in its answer"}`);
        return Number(data.id);
    }
}

// EXTERNAL MODULE: ./src/core/http/http-client.ts + 2 modules
var http_client = __webpack_require__(5288);
// EXTERNAL MODULE: ./src/notify/event.ts
var notify_event = __webpack_require__(217);
// EXTERNAL MODULE: ./src/core/clock.ts
var clock = __webpack_require__(2257);
// EXTERNAL MODULE: ./src/core/retry.ts
var core_retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/core/http/transport-errors.ts
var transport_errors = __webpack_require__(9517);
;// CONCATENATED MODULE: ./src/notify/delivery.ts




const FIRST_BACKOFF_MS = 1000;
const MAX_BODY_BYTES = 64 * 1024;
function retryable(status) {
    return status === 408 || status === 429 || status >= 500;
}
function waitBefore(retry, limit) {
    return (0,core_retry/* backoffMs */.j)(retry, { baseMs: FIRST_BACKOFF_MS, maxMs: limit });
}
function seconds(ms) {
    return `${Math.ceil(ms / 1000)} s`;
}
async function attemptOnce(request, target, policy, deps) {
    const timeout = AbortSignal.timeout((0,clock/* timerDelay */.nR)(policy.timeoutMs));
    try {
        const response = await deps.send({
            url: request.url,
            method: "POST",
            headers: { "user-agent": "greenlight-notify", ...request.headers },
            body: request.body,
            tls: { verify: true, ...(policy.ca ? { ca: policy.ca } : {}) },
            maxBodyBytes: MAX_BODY_BYTES,
            signal: deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout,
        }, { follow: false, maxRedirects: 0 });
        const refusal = target.refusal({
            status: response.status,
            body: deps.redact(response.body.toString("utf8")),
        });
        return { kind: "answer", response, ...(refusal ? { refusal } : {}) };
    }
    catch (error) {
        if (timeout.aborted && !deps.signal?.aborted) {
            return { kind: "transport", reason: `no answer within ${seconds(policy.timeoutMs)}` };
        }
        return {
            kind: "transport",
            reason: deps.redact(error instanceof transport_errors/* RequestFailure */.e ? error.reason : (0,errors/* errorMessage */.gJ)(error)),
        };
    }
}
/** How long to wait before the next attempt, or why not to make one. */
function nextWait(outcome, attempt, policy, now) {
    if (outcome.kind === "answer") {
        if (!retryable(outcome.response.status))
            return { stop: outcome.refusal ?? "refused" };
        const asked = (0,core_retry/* retryAfterMs */.V)(outcome.response.headers["retry-after"], now.getTime());
        if (asked !== undefined && asked > policy.maxRetryWaitMs) {
            return {
                stop: `${outcome.refusal ?? `HTTP ${outcome.response.status}`}; the receiver asked to wait ${seconds(asked)}, longer than max-retry-wait (${seconds(policy.maxRetryWaitMs)})`,
            };
        }
        return { waitMs: asked ?? waitBefore(attempt, policy.maxRetryWaitMs) };
    }
    return { waitMs: waitBefore(attempt, policy.maxRetryWaitMs) };
}
async function deliver(target, message, event, policy, deps) {
    const waitsMs = [];
    for (let attempt = 1;; attempt++) {
        const request = target.prepare(message, event, deps.clock.now());
        if (!request)
            return {
                target: target.name,
                result: "skipped",
                attempts: 0,
                waitsMs,
                reason: "nothing to send for this event",
            };
        const outcome = await attemptOnce(request, target, policy, deps);
        const status = outcome.kind === "answer" ? outcome.response.status : undefined;
        const withStatus = status !== undefined ? { status } : {};
        if (outcome.kind === "answer" && !outcome.refusal) {
            return {
                target: target.name,
                result: "delivered",
                attempts: attempt,
                waitsMs,
                ...withStatus,
            };
        }
        const reason = outcome.kind === "answer" ? (outcome.refusal ?? "refused") : outcome.reason;
        const next = nextWait(outcome, attempt, policy, deps.clock.now());
        if ("stop" in next || attempt >= policy.attempts || deps.signal?.aborted) {
            const why = "stop" in next ? next.stop : reason;
            return {
                target: target.name,
                result: "failed",
                attempts: attempt,
                waitsMs,
                reason: `${why} (attempt ${attempt} of ${policy.attempts})`,
                ...withStatus,
            };
        }
        deps.logger.info(`${target.name}: ${reason}; retrying in ${seconds(next.waitMs)} (attempt ${attempt} of ${policy.attempts})`);
        waitsMs.push(next.waitMs);
        await deps.clock.sleep(next.waitMs);
    }
}

;// CONCATENATED MODULE: ./src/notify/message.ts

const DEFAULT_TEMPLATE = {
    title: "{{emoji}} {{headline}}",
    text: "{{details}}",
};
const KIND_NOUN = {
    deploy: "Deploy",
    promotion: "Promotion",
    rollback: "Rollback",
};
function subject(event) {
    const services = event.services.length > 0 ? event.services.join(", ") : "the application";
    return event.version ? `${services} ${event.version}` : services;
}
function headline(event) {
    const what = `${KIND_NOUN[event.kind]} of ${subject(event)} to ${event.environment}`;
    switch (event.status) {
        case "started":
            return `${what} started`;
        case "success":
            return `${what} succeeded`;
        case "failure":
            return `${what} failed`;
        case "cancelled":
            return `${what} was cancelled`;
    }
}
function emoji(event) {
    if (event.status === "failure")
        return "🔴";
    if (event.kind === "rollback")
        return "🟠";
    if (event.status === "success")
        return "🟢";
    if (event.status === "cancelled")
        return "⚪";
    return "🔵";
}
function shortCommit(commit) {
    return commit ? commit.slice(0, 7) : "";
}
/** `acme/shop@0123456 on main by octocat in 2 min.`; never empty, so a message always says something beyond its title. */
function details(event) {
    const parts = [];
    if (event.repository) {
        parts.push(event.commit ? `${event.repository}@${shortCommit(event.commit)}` : event.repository);
    }
    else if (event.commit)
        parts.push(`commit ${shortCommit(event.commit)}`);
    if (event.branch)
        parts.push(`on ${event.branch}`);
    if (event.actor)
        parts.push(`by ${event.actor}`);
    if (event.durationMs !== undefined)
        parts.push(`in ${(0,notify_event/* formatEventDuration */.QI)(event.durationMs)}`);
    if (parts.length === 0)
        parts.push(`At ${event.at.replace(/\.\d+Z$/, "Z")}`);
    return `${parts.join(" ")}.`;
}
function runLinkText(event) {
    const name = event.runName ?? "workflow run";
    return name.charAt(0).toUpperCase() + name.slice(1);
}
/** Every placeholder a template may use, with its value for `event`. */
function placeholderValues(event) {
    return {
        emoji: emoji(event),
        headline: headline(event),
        details: details(event),
        kind: event.kind,
        status: event.status,
        environment: event.environment,
        services: event.services.join(", "),
        version: event.version ?? "",
        repository: event.repository ?? "",
        commit: event.commit ?? "",
        "short-commit": shortCommit(event.commit),
        branch: event.branch ?? "",
        actor: event.actor ?? "",
        duration: event.durationMs !== undefined ? (0,notify_event/* formatEventDuration */.QI)(event.durationMs) : "",
        "run-url": event.runUrl ?? "",
        "pr-url": event.prUrl ?? "",
        evidence: event.evidence.join("; "),
    };
}
const PLACEHOLDERS = Object.keys(placeholderValues({
    kind: "deploy",
    status: "success",
    environment: "",
    services: [],
    evidence: [],
    at: "",
}));
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** The placeholders in `text` that notify does not know, for a readable refusal. */
function unknownPlaceholders(text) {
    return [...text.matchAll(PLACEHOLDER)]
        .map((match) => match[1] ?? "")
        .filter((name) => !PLACEHOLDERS.includes(name));
}
function fill(text, values) {
    return text.replace(PLACEHOLDER, (_all, name) => values[name] ?? "").trim();
}
function tone(event) {
    if (event.status === "failure")
        return "bad";
    if ((0,notify_event/* isBadNews */.$0)(event))
        return "warning";
    if (event.status === "success")
        return "good";
    return "neutral";
}
function facts(event, values) {
    const all = [
        ["Environment", event.environment],
        ["Services", values["services"] ?? ""],
        ["Version", event.version ?? ""],
        ["Status", event.status],
        ["Duration", values["duration"] ?? ""],
        ["Commit", values["short-commit"] ?? ""],
        ["Branch", event.branch ?? ""],
        ["Actor", event.actor ?? ""],
    ];
    return all.filter(([, value]) => value !== "").map(([label, value]) => ({ label, value }));
}
function links(event) {
    return [
        ...(event.runUrl ? [{ text: runLinkText(event), url: event.runUrl }] : []),
        ...(event.prUrl ? [{ text: "Pull request", url: event.prUrl }] : []),
    ];
}
function renderMessage(event, template = DEFAULT_TEMPLATE) {
    const values = placeholderValues(event);
    return {
        title: fill(template.title, values) || headline(event),
        text: fill(template.text, values),
        tone: tone(event),
        facts: facts(event, values),
        links: links(event),
        evidence: event.evidence,
    };
}

;// CONCATENATED MODULE: ./src/notify/main.ts


function wants(target, event) {
    return (!target.events || target.events.includes(event.kind) || target.events.includes(event.status));
}
async function recordDeployment(recorder, event, message, deps) {
    try {
        const { id, state } = await recorder.record(event, message);
        deps.logger.info(`github: deployment ${id} is ${state}`);
        return { target: "github", result: "delivered", attempts: 1, waitsMs: [] };
    }
    catch (error) {
        const reason = deps.secrets.redact(error instanceof Error ? error.message : String(error));
        deps.logger.warning(`github: deployment status not recorded: ${reason}`);
        return { target: "github", result: "failed", attempts: 1, waitsMs: [], reason };
    }
}
async function notify(params, deps) {
    const message = renderMessage(params.event, params.template);
    const deliveries = params.targets.map(async (target) => {
        if (!wants(target, params.event)) {
            return {
                target: target.name,
                result: "skipped",
                attempts: 0,
                waitsMs: [],
                reason: "not subscribed to this event",
            };
        }
        const outcome = await deliver(target, message, params.event, params.policy, {
            send: deps.send,
            clock: deps.clock,
            logger: deps.logger,
            redact: (text) => deps.secrets.redact(text),
            signal: deps.signal,
        });
        if (outcome.result === "delivered")
            deps.logger.info(`${target.name}: delivered`);
        if (outcome.result === "failed") {
            deps.logger.warning(`${target.name}: not delivered: ${outcome.reason ?? "failed"}`);
        }
        return outcome;
    });
    if (params.deployments)
        deliveries.push(recordDeployment(params.deployments, params.event, message, deps));
    const outcomes = await Promise.all(deliveries);
    const named = (result) => outcomes.filter((o) => o.result === result).map((o) => o.target);
    return {
        message,
        outcomes,
        delivered: named("delivered"),
        failed: named("failed"),
        skipped: named("skipped"),
    };
}

// EXTERNAL MODULE: ./src/core/summary.ts
var summary = __webpack_require__(1363);
;// CONCATENATED MODULE: ./src/notify/summary.ts

const RESULT_LABELS = {
    delivered: "✅ delivered",
    failed: "❌ failed",
    skipped: "➖ skipped",
};
/** What notify says when it had no target at all: nothing sent, and not an error. */
const NO_TARGETS = "No notification targets: nothing sent";
function notifySummary(result) {
    if (result.outcomes.length === 0) {
        return [
            { kind: "heading", text: "notify" },
            { kind: "paragraph", text: `${NO_TARGETS}.` },
        ];
    }
    return [
        { kind: "heading", text: "notify" },
        { kind: "paragraph", text: result.message.title },
        {
            kind: "table",
            header: ["Target", "Result", "Attempts", "Detail"],
            rows: result.outcomes.map((outcome) => [
                (0,summary/* inlineCode */.ti)(outcome.target),
                RESULT_LABELS[outcome.result],
                String(outcome.attempts),
                outcome.reason ?? (outcome.status !== undefined ? `HTTP ${outcome.status}` : ""),
            ]),
        },
    ];
}
function notifyReport(result) {
    return JSON.stringify({
        title: result.message.title,
        targets: result.outcomes,
    });
}

// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/notify/signatures.ts
/**
 * Request signatures, each exactly as its vendor documents it. Lark and DingTalk both sign
 * `timestamp + "\n" + secret` with HMAC-SHA256 and base64, but not the same way round:
 * Lark uses that string as the key over an empty message, DingTalk uses the secret as the
 * key over that string (and then URL-encodes the result into the query).
 */

/** Lark/Feishu custom bot: timestamp in seconds, as a string in the JSON body. */
function larkSignature(secret, timestampSeconds) {
    return (0,external_node_crypto_.createHmac)("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}
/** DingTalk custom robot: timestamp in milliseconds; the base64 signature (not yet URL-encoded). */
function dingtalkSignature(secret, timestampMs) {
    return (0,external_node_crypto_.createHmac)("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}
const WEBHOOK_SIGNATURE_HEADER = "x-greenlight-signature-256";
const WEBHOOK_TIMESTAMP_HEADER = "x-greenlight-timestamp";
/**
 * The generic webhook: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>`. Signing the
 * timestamp with the body lets a receiver refuse a replayed request.
 */
function webhookSignature(secret, timestampSeconds, body) {
    return `sha256=${(0,external_node_crypto_.createHmac)("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex")}`;
}

;// CONCATENATED MODULE: ./src/notify/targets/target.ts
const TARGET_NAMES = (/* unused pure expression or super */ null && (["slack", "lark", "dingtalk", "teams", "webhook", "pagerduty"]));
function jsonRequest(url, payload, headers = {}) {
    return {
        url,
        headers: { "content-type": "application/json; charset=utf-8", ...headers },
        body: JSON.stringify(payload),
    };
}
/** The parsed JSON body, or undefined when it is not JSON. */
function jsonBody(response) {
    try {
        const value = JSON.parse(response.body);
        return typeof value === "object" && value !== null
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** A short excerpt of an answer for a reason: enough to recognise, never a whole page. */
function excerpt(body, limit = 200) {
    const flat = body.replace(/\s+/g, " ").trim();
    return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}
/** The refusal for a non-2xx answer; 2xx answers are judged by each vendor's own rules. */
function httpRefusal(response) {
    if (response.status >= 200 && response.status < 300)
        return undefined;
    const text = excerpt(response.body);
    return `HTTP ${response.status}${text ? `: ${text}` : ""}`;
}

;// CONCATENATED MODULE: ./src/notify/targets/dingtalk.ts


function dingtalkMarkdown(message) {
    const lines = [`### ${message.title}`];
    if (message.text)
        lines.push("", message.text);
    if (message.facts.length > 0) {
        lines.push("", ...message.facts.map((fact) => `- **${fact.label}**: ${fact.value}`));
    }
    if (message.evidence.length > 0) {
        lines.push("", "**Evidence**", "", ...message.evidence.map((line) => `- ${line}`));
    }
    if (message.links.length > 0) {
        lines.push("", message.links.map((link) => `[${link.text}](${link.url})`).join(" · "));
    }
    return { title: message.title, text: lines.join("\n") };
}
/** The webhook URL with `timestamp` and `sign` appended (URLSearchParams URL-encodes the sign). */
function signedDingtalkUrl(webhookUrl, secret, timestampMs) {
    const url = new URL(webhookUrl.href);
    url.searchParams.set("timestamp", String(timestampMs));
    url.searchParams.set("sign", dingtalkSignature(secret, timestampMs));
    return url;
}
function dingtalkTarget(options) {
    return {
        name: "dingtalk",
        events: options.events,
        prepare: (message, _event, now) => {
            const url = options.secret
                ? signedDingtalkUrl(options.webhookUrl, options.secret, now.getTime())
                : options.webhookUrl;
            return jsonRequest(url, { msgtype: "markdown", markdown: dingtalkMarkdown(message) });
        },
        refusal: (response) => {
            const http = httpRefusal(response);
            if (http)
                return http;
            const body = jsonBody(response);
            if (body?.["errcode"] === 0)
                return undefined;
            const why = body?.["errmsg"];
            return `DingTalk refused the message: ${typeof why === "string" ? `${why} (errcode ${String(body?.["errcode"])})` : excerpt(response.body)}`;
        },
    };
}

;// CONCATENATED MODULE: ./src/notify/targets/lark.ts


const HEADER_COLOURS = {
    good: "green",
    bad: "red",
    warning: "orange",
    neutral: "blue",
};
function larkCard(message) {
    const elements = [];
    if (message.text)
        elements.push({ tag: "div", text: { tag: "lark_md", content: message.text } });
    if (message.facts.length > 0) {
        elements.push({
            tag: "div",
            fields: message.facts.map((fact) => ({
                is_short: true,
                text: { tag: "lark_md", content: `**${fact.label}**\n${fact.value}` },
            })),
        });
    }
    if (message.evidence.length > 0) {
        elements.push({
            tag: "div",
            text: {
                tag: "lark_md",
                content: `**Evidence**\n${message.evidence.map((line) => `- ${line}`).join("\n")}`,
            },
        });
    }
    if (message.links.length > 0) {
        elements.push({
            tag: "action",
            actions: message.links.map((link) => ({
                tag: "button",
                text: { tag: "plain_text", content: link.text },
                type: "default",
                url: link.url,
            })),
        });
    }
    return {
        config: { wide_screen_mode: true },
        header: {
            title: { tag: "plain_text", content: message.title },
            template: HEADER_COLOURS[message.tone],
        },
        elements,
    };
}
function larkTarget(options) {
    return {
        name: "lark",
        events: options.events,
        prepare: (message, _event, now) => {
            const timestamp = Math.floor(now.getTime() / 1000);
            const signed = options.secret
                ? { timestamp: String(timestamp), sign: larkSignature(options.secret, timestamp) }
                : {};
            return jsonRequest(options.webhookUrl, {
                ...signed,
                msg_type: "interactive",
                card: larkCard(message),
            });
        },
        refusal: (response) => {
            const http = httpRefusal(response);
            if (http)
                return http;
            const body = jsonBody(response);
            // Older Lark endpoints answer StatusCode/StatusMessage instead of code/msg.
            const code = body?.["code"] ?? body?.["StatusCode"];
            if (code === 0)
                return undefined;
            const why = body?.["msg"] ?? body?.["StatusMessage"];
            return `Lark refused the message: ${typeof why === "string" ? `${why} (code ${String(code)})` : excerpt(response.body)}`;
        },
    };
}

;// CONCATENATED MODULE: ./src/notify/targets/pagerduty.ts


const PAGERDUTY_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
function pagerdutyDedupKey(event) {
    return `greenlight/${event.repository ?? "deployment"}/${event.environment}`;
}
/**
 * A rollback that worked is the system protecting itself: the config's severity, a warning by
 * default. A rollback that failed is critical; any other failure an error.
 */
function severity(event, rollbackSeverity = "warning") {
    if (event.kind === "rollback")
        return event.status === "failure" ? "critical" : rollbackSeverity;
    return "error";
}
function pagerduty_action(event) {
    if ((0,notify_event/* isBadNews */.$0)(event) && event.status !== "started" && event.status !== "cancelled")
        return "trigger";
    if (event.status === "success")
        return "resolve";
    return undefined;
}
function pagerdutyEvent(routingKey, message, event, dedupKey, rollbackSeverity) {
    const eventAction = pagerduty_action(event);
    if (!eventAction)
        return undefined;
    const base = {
        routing_key: routingKey,
        event_action: eventAction,
        dedup_key: dedupKey ?? pagerdutyDedupKey(event),
    };
    if (eventAction === "resolve")
        return base;
    return {
        ...base,
        payload: {
            summary: message.title.slice(0, 1024),
            source: event.repository ?? "greenlight",
            severity: severity(event, rollbackSeverity),
            timestamp: event.at,
            component: event.services.join(", ") || undefined,
            group: event.environment,
            class: event.kind,
            custom_details: {
                ...Object.fromEntries(message.facts.map((fact) => [fact.label.toLowerCase(), fact.value])),
                ...(message.text ? { text: message.text } : {}),
                ...(message.evidence.length > 0 ? { evidence: message.evidence } : {}),
            },
        },
        client: "Greenlight",
        ...(event.runUrl ? { client_url: event.runUrl } : {}),
        links: message.links.map((link) => ({ href: link.url, text: link.text })),
    };
}
function pagerdutyTarget(options) {
    return {
        name: "pagerduty",
        events: options.events,
        prepare: (message, event) => {
            const payload = pagerdutyEvent(options.routingKey, message, event, options.dedupKey, options.rollbackSeverity);
            return payload === undefined ? undefined : jsonRequest(options.url, payload);
        },
        refusal: httpRefusal,
    };
}

;// CONCATENATED MODULE: ./src/notify/targets/slack.ts

/** Slack mrkdwn treats only these three characters specially. */
function escapeMrkdwn(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function slackBlocks(message) {
    const blocks = [
        {
            type: "header",
            text: { type: "plain_text", text: message.title.slice(0, 150), emoji: true },
        },
    ];
    if (message.text) {
        blocks.push({ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(message.text) } });
    }
    if (message.facts.length > 0) {
        blocks.push({
            type: "section",
            // Slack allows at most 10 fields in a section.
            fields: message.facts.slice(0, 10).map((fact) => ({
                type: "mrkdwn",
                text: `*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`,
            })),
        });
    }
    if (message.evidence.length > 0) {
        blocks.push({
            type: "section",
            text: {
                type: "mrkdwn",
                text: `*Evidence*\n${message.evidence.map((line) => `• ${escapeMrkdwn(line)}`).join("\n")}`,
            },
        });
    }
    if (message.links.length > 0) {
        blocks.push({
            type: "actions",
            elements: message.links.map((link) => ({
                type: "button",
                text: { type: "plain_text", text: link.text },
                url: link.url,
            })),
        });
    }
    return blocks;
}
function slackWebhookTarget(webhookUrl, events) {
    return {
        name: "slack",
        events,
        prepare: (message) => jsonRequest(webhookUrl, { text: message.title, blocks: slackBlocks(message) }),
        refusal: httpRefusal,
    };
}
function slackBotTarget(options) {
    const url = new URL("chat.postMessage", options.apiUrl.href.endsWith("/") ? options.apiUrl : `${options.apiUrl.href}/`);
    return {
        name: "slack",
        events: options.events,
        prepare: (message) => jsonRequest(url, { channel: options.channel, text: message.title, blocks: slackBlocks(message) }, { authorization: `Bearer ${options.token}` }),
        refusal: (response) => {
            const http = httpRefusal(response);
            if (http)
                return http;
            const body = jsonBody(response);
            if (body?.["ok"] === true)
                return undefined;
            return `Slack refused the message: ${typeof body?.["error"] === "string" ? body["error"] : excerpt(response.body)}`;
        },
    };
}

;// CONCATENATED MODULE: ./src/notify/targets/teams.ts

const TITLE_COLOURS = {
    good: "Good",
    bad: "Attention",
    warning: "Warning",
    neutral: "Accent",
};
function adaptiveCard(message) {
    const body = [
        {
            type: "TextBlock",
            text: message.title,
            weight: "Bolder",
            size: "Medium",
            color: TITLE_COLOURS[message.tone],
            wrap: true,
        },
    ];
    if (message.text)
        body.push({ type: "TextBlock", text: message.text, wrap: true });
    if (message.facts.length > 0) {
        body.push({
            type: "FactSet",
            facts: message.facts.map((fact) => ({ title: fact.label, value: fact.value })),
        });
    }
    if (message.evidence.length > 0) {
        body.push({ type: "TextBlock", text: "Evidence", weight: "Bolder", wrap: true });
        body.push({
            type: "TextBlock",
            text: message.evidence.map((line) => `- ${line}`).join("\n"),
            wrap: true,
        });
    }
    return {
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
        type: "AdaptiveCard",
        version: "1.4",
        body,
        ...(message.links.length > 0
            ? {
                actions: message.links.map((link) => ({
                    type: "Action.OpenUrl",
                    title: link.text,
                    url: link.url,
                })),
            }
            : {}),
    };
}
function teamsTarget(webhookUrl, events) {
    return {
        name: "teams",
        events,
        prepare: (message) => jsonRequest(webhookUrl, {
            type: "message",
            attachments: [
                {
                    contentType: "application/vnd.microsoft.card.adaptive",
                    contentUrl: null,
                    content: adaptiveCard(message),
                },
            ],
        }),
        refusal: httpRefusal,
    };
}

;// CONCATENATED MODULE: ./src/notify/targets/webhook.ts
/**
 * The generic webhook: the event itself as JSON, with the rendered title and text, signed
 * with HMAC-SHA256 over `<timestamp>.<body>` when a secret is given (see signatures.ts).
 */


function webhookTarget(options) {
    return {
        name: "webhook",
        events: options.events,
        prepare: (message, event, now) => {
            const request = jsonRequest(options.url, {
                type: "greenlight.deployment",
                ...event,
                title: message.title,
                text: message.text,
            });
            if (!options.secret)
                return request;
            const timestamp = Math.floor(now.getTime() / 1000);
            request.headers[WEBHOOK_TIMESTAMP_HEADER] = String(timestamp);
            request.headers[WEBHOOK_SIGNATURE_HEADER] = webhookSignature(options.secret, timestamp, request.body);
            return request;
        },
        refusal: httpRefusal,
    };
}

;// CONCATENATED MODULE: ./src/notify/target-settings.ts
/**
 * Which targets to notify, from the action's inputs and the config file's `notifications`
 * section. An input wins over the file for its target. The file names environment
 * variables; their values are credentials and are registered as secrets on read.
 */








/**
 * Readable path segments and query values: words (`services`, `open-apis`, `IncomingWebhook`,
 * `webhookb2`) and short numbers (a date, a version). A webhook's secret is a random token,
 * never one of these; masking them would mangle every log line that mentions the word.
 */
const READABLE = /^[A-Za-z]?[a-z]+(?:[-_.]?[A-Za-z][a-z]+)*\d?$|^[\d.-]{1,15}$/;
/** Whether a path segment or query value could be a credential on its own. */
function looksLikeCredential(part) {
    return part.length >= 8 && !part.includes("/") && !READABLE.test(part);
}
function decoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * The pieces of a webhook URL that are secret on their own, to be masked: the whole URL, its
 * credentials (user info, query parameters named like credentials), its random-looking path
 * segments and query values (the token in /services/T…/B…/<token>), and its path and query.
 * Never a readable segment such as `services`, `api` or `v2`.
 */
function secretPartsOfUrl(url) {
    const pieces = [
        ...url.pathname.split("/").flatMap((segment) => [segment, decoded(segment)]),
        ...url.searchParams.values(),
    ].filter(looksLikeCredential);
    const credentials = (0,secrets/* credentialsInUrls */.op)(url.href);
    const parts = new Set([url.href, ...credentials, ...pieces]);
    // The path and query name this webhook when they hold a token, or are long enough to be its
    // own (Zapier's /hooks/catch/1234567/abcdefg/); a short route such as /api or /v2/hook is not.
    const pathAndQuery = `${url.pathname}${url.search}`;
    if (pathAndQuery.length >= 16 ||
        [...credentials, ...pieces].some((part) => pathAndQuery.includes(part)))
        parts.add(pathAndQuery);
    return [...parts];
}
/**
 * Parses a credential URL. The message never repeats the value: it is a secret, and a
 * malformed one is still a secret.
 */
function credentialUrl(value, source, secrets) {
    let url;
    try {
        url = new URL(value.trim());
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`${source} is not a URL; give the full webhook URL, starting with https://.`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
        throw new errors/* ConfigurationError */.j1(`${source} is not an http(s) URL; give the full webhook URL, starting with https://.`);
    }
    for (const part of secretPartsOfUrl(url))
        secrets.add(part);
    return url;
}
function plainUrl(value, input) {
    try {
        const url = new URL(value);
        if (url.protocol === "https:" || url.protocol === "http:")
            return url;
    }
    catch {
        // Reported below, in one sentence.
    }
    throw new errors/* ConfigurationError */.j1(`Input "${input}" is not an http(s) URL; give one such as https://example.com/path.`);
}
/** Where each target's settings come from: an input, else a variable the config file names. */
class Sources {
    inputs;
    config;
    env;
    secrets;
    constructor(inputs, config, env, secrets) {
        this.inputs = inputs;
        this.config = config;
        this.env = env;
        this.secrets = secrets;
    }
    input(name) {
        const value = this.inputs[name];
        return value ? { value, source: `Input "${name}"` } : undefined;
    }
    variable(target, key, variable) {
        if (!variable)
            return undefined;
        const value = this.env[variable];
        const source = `Environment variable ${variable} (named by notifications.${target}.${key} in the config file)`;
        if (!value) {
            throw new errors/* ConfigurationError */.j1(`${source} is not set; pass it to the step, e.g. env: ${variable}: \${{ secrets.${variable} }}.`);
        }
        this.secrets.add(value);
        return { value, source };
    }
    url(found) {
        return credentialUrl(found.value, found.source, this.secrets);
    }
}
function slackTargets(from) {
    const config = from.config?.slack;
    const byInput = from.input("slack-webhook-url") ?? from.input("slack-token");
    const webhook = byInput
        ? from.input("slack-webhook-url")
        : from.variable("slack", "webhook-url-env", config?.["webhook-url-env"]);
    const token = byInput
        ? from.input("slack-token")
        : from.variable("slack", "token-env", config?.["token-env"]);
    if (webhook && token) {
        throw new errors/* ConfigurationError */.j1(`Inputs "slack-webhook-url" and "slack-token" are both set; give one of them (a token also needs slack-channel).`);
    }
    if (webhook)
        return [slackWebhookTarget(from.url(webhook), config?.events)];
    if (!token)
        return [];
    const channel = from.inputs["slack-channel"] ?? config?.channel;
    if (!channel) {
        throw new errors/* ConfigurationError */.j1(`Input "slack-channel" is required with a Slack bot token; give a channel such as #deploys or its id.`);
    }
    const apiUrl = plainUrl(from.inputs["slack-api-url"], "slack-api-url");
    return [slackBotTarget({ token: token.value, channel, apiUrl, events: config?.events })];
}
const URL_OWNER = {
    lark: "bot's webhook",
    dingtalk: "robot's webhook",
    webhook: "webhook's",
};
/** A target with a URL and an optional signing secret: Lark, DingTalk, the generic webhook. */
function signedTarget(from, name, urlInput, secretInput) {
    const config = from.config?.[name];
    const [urlKey, variable] = name === "webhook"
        ? ["url-env", from.config?.webhook?.["url-env"]]
        : ["webhook-url-env", from.config?.[name]?.["webhook-url-env"]];
    const url = from.input(urlInput) ?? from.variable(name, urlKey, variable);
    if (!url) {
        if (from.inputs[secretInput]) {
            throw new errors/* ConfigurationError */.j1(`Input "${secretInput}" is set but "${urlInput}" is not; give the ${URL_OWNER[name]} URL too.`);
        }
        return undefined;
    }
    const secret = from.inputs[secretInput] ?? from.variable(name, "secret-env", config?.["secret-env"])?.value;
    return { url: from.url(url), secret, events: config?.events };
}
function collectTargets(inputs, config, env, secrets) {
    const from = new Sources(inputs, config, env, secrets);
    const targets = slackTargets(from);
    const lark = signedTarget(from, "lark", "lark-webhook-url", "lark-secret");
    if (lark)
        targets.push(larkTarget({ webhookUrl: lark.url, secret: lark.secret, events: lark.events }));
    const ding = signedTarget(from, "dingtalk", "dingtalk-webhook-url", "dingtalk-secret");
    if (ding)
        targets.push(dingtalkTarget({ webhookUrl: ding.url, secret: ding.secret, events: ding.events }));
    const teams = from.input("teams-webhook-url") ??
        from.variable("teams", "webhook-url-env", config?.teams?.["webhook-url-env"]);
    if (teams)
        targets.push(teamsTarget(from.url(teams), config?.teams?.events));
    const hook = signedTarget(from, "webhook", "webhook-url", "webhook-secret");
    if (hook)
        targets.push(webhookTarget({ url: hook.url, secret: hook.secret, events: hook.events }));
    const pd = config?.pagerduty;
    const routingKey = from.input("pagerduty-routing-key") ??
        from.variable("pagerduty", "routing-key-env", pd?.["routing-key-env"]);
    if (routingKey) {
        targets.push(pagerdutyTarget({
            routingKey: routingKey.value,
            // The input's default is the US endpoint; the config may name another (the EU region).
            url: plainUrl(inputs["pagerduty-url"] === PAGERDUTY_EVENTS_URL && pd?.url
                ? pd.url
                : inputs["pagerduty-url"], "pagerduty-url"),
            dedupKey: inputs["pagerduty-dedup-key"] ?? pd?.["dedup-key"],
            rollbackSeverity: pd?.severity,
            events: pd?.events,
        }));
    }
    return targets;
}

;// CONCATENATED MODULE: ./src/notify/definition.ts
/**
 * notify's inputs: the event (status, kind, environment, services, …, with the run's own
 * facts as defaults), the targets (inputs, or the config file's notifications section),
 * the template, and the delivery policy. All validated before anything is sent.
 */




















const templateInput = inputs/* structuredInput */.k_.transform((value, ctx) => {
    const parsed = schemas/* strictObject */.rej({ title: schemas/* string */.YjP().optional(), text: schemas/* string */.YjP().optional() })
        .safeParse(value);
    if (!parsed.success) {
        ctx.addIssue({
            code: "custom",
            message: "must be a map with title and/or text, such as {title: '{{headline}}', text: '{{details}}'}",
        });
        return core/* NEVER */.tm;
    }
    return parsed.data;
});
const timeInput = schemas/* string */.YjP().transform((value, ctx) => {
    const trimmed = value.trim();
    const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed);
    if (Number.isNaN(ms)) {
        ctx.addIssue({
            code: "custom",
            message: `"${value}" is not a time; give ISO 8601 (2026-05-01T12:00:00Z) or Unix seconds`,
        });
        return core/* NEVER */.tm;
    }
    return ms;
});
const inputShape = {
    // Through z.string() first, so a missing status reads "is required", not "must be one of".
    status: schemas/* string */.YjP()
        .pipe(schemas/* enum */.k5n(notify_event/* EVENT_STATUSES */["if"], { error: `must be one of ${notify_event/* EVENT_STATUSES */["if"].join(", ")}` })),
    kind: schemas/* string */.YjP()
        .pipe(schemas/* enum */.k5n(notify_event/* EVENT_KINDS */.dP, { error: `must be one of ${notify_event/* EVENT_KINDS */.dP.join(", ")}` }))
        .default("deploy"),
    environment: schemas/* string */.YjP().trim().min(1, { error: "must name the environment, such as production" }),
    services: inputs/* listInput */.dt.optional(),
    version: schemas/* string */.YjP().trim().optional(),
    repository: schemas/* string */.YjP().trim().optional(),
    commit: schemas/* string */.YjP().trim().optional(),
    branch: schemas/* string */.YjP().trim().optional(),
    actor: schemas/* string */.YjP().trim().optional(),
    "run-url": schemas/* string */.YjP().trim().optional(),
    "pr-url": schemas/* string */.YjP().trim().optional(),
    "started-at": timeInput.optional(),
    duration: inputs/* durationInput */.Ts.optional(),
    evidence: schemas/* string */.YjP().transform(evidenceLines).optional(),
    template: templateInput.optional(),
    "slack-webhook-url": schemas/* string */.YjP().optional(),
    "slack-token": schemas/* string */.YjP().optional(),
    "slack-channel": schemas/* string */.YjP().trim().optional(),
    "slack-api-url": schemas/* string */.YjP().default("https://slack.com/api"),
    "lark-webhook-url": schemas/* string */.YjP().optional(),
    "lark-secret": schemas/* string */.YjP().optional(),
    "dingtalk-webhook-url": schemas/* string */.YjP().optional(),
    "dingtalk-secret": schemas/* string */.YjP().optional(),
    "teams-webhook-url": schemas/* string */.YjP().optional(),
    "webhook-url": schemas/* string */.YjP().optional(),
    "webhook-secret": schemas/* string */.YjP().optional(),
    "pagerduty-routing-key": schemas/* string */.YjP().optional(),
    "pagerduty-dedup-key": schemas/* string */.YjP().trim().optional(),
    "pagerduty-url": schemas/* string */.YjP().default(PAGERDUTY_EVENTS_URL),
    "github-deployments": inputs/* booleanInput */.tE.optional(),
    ...github_inputs/* githubAuthInputShape */.Fw,
    "config-file": schemas/* string */.YjP().optional(),
    "fail-on-error": inputs/* booleanInput */.tE.optional(),
    attempts: (0,inputs/* countInput */.u2)(20)
        .refine((n) => n >= 1, { message: "must be at least 1" })
        .default(4),
    timeout: inputs/* timerDurationInput */.Ee.default(10_000),
    "max-retry-wait": inputs/* timerDurationInput */.Ee.default(60_000),
    "ca-file": schemas/* string */.YjP().optional(),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
const NOTIFY_SECRET_INPUTS = [
    "slack-webhook-url",
    "slack-token",
    "lark-webhook-url",
    "lark-secret",
    "dingtalk-webhook-url",
    "dingtalk-secret",
    "teams-webhook-url",
    "webhook-url",
    "webhook-secret",
    "pagerduty-routing-key",
    ...github_inputs/* githubAuthSecretInputs */.xs,
];
function eventFrom(params, context) {
    const env = context.env;
    const now = context.clock.now();
    const durationMs = params.duration ??
        (params["started-at"] !== undefined
            ? Math.max(0, now.getTime() - params["started-at"])
            : undefined);
    const ci = (0,ci_facts/* readCiFacts */.K)(env, {
        ...(params.repository ? { repository: params.repository } : {}),
        ...(params.commit ? { commit: params.commit } : {}),
        ...(params.branch ? { branch: params.branch } : {}),
        ...(params.actor ? { actor: params.actor } : {}),
        ...(params["run-url"] ? { runUrl: params["run-url"] } : {}),
    });
    return {
        kind: params.kind,
        status: params.status,
        environment: params.environment,
        services: params.services ?? [],
        version: params.version,
        repository: ci.repository,
        commit: ci.commit,
        branch: ci.branch,
        actor: ci.actor,
        durationMs,
        runUrl: ci.runUrl,
        runName: ci.runName,
        prUrl: params["pr-url"],
        evidence: params.evidence ?? [],
        at: now.toISOString(),
    };
}
function templateFrom(params, config) {
    const source = params.template ? 'Input "template"' : "notifications.template in the config file";
    const given = params.template ?? config?.template ?? {};
    const template = {
        ...DEFAULT_TEMPLATE,
        ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
    };
    const unknown = [...unknownPlaceholders(template.title), ...unknownPlaceholders(template.text)];
    if (unknown.length > 0) {
        throw new errors/* ConfigurationError */.j1(`${source} uses the unknown placeholder {{${unknown[0]}}}; use one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}.`);
    }
    return template;
}
async function readCa(path, cwd) {
    if (!path)
        return undefined;
    try {
        return await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path), "utf8");
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`Input "ca-file" names ${path}, which cannot be read; give a PEM file relative to the workspace.`);
    }
}
/** Records the event as a GitHub deployment status in the application repository. */
async function deploymentRecorder(params, event, context) {
    // Only a GitHub repository has deployments: another CI system's project path is not one.
    const name = params.repository ?? context.env["GITHUB_REPOSITORY"];
    if (!name || !event.commit) {
        throw new errors/* ConfigurationError */.j1(`Input "github-deployments" needs the repository and the commit; run in GitHub Actions (which sets GITHUB_REPOSITORY and GITHUB_SHA) or give repository and commit.`);
    }
    const repository = (0,github_repository/* parseRepositoryName */.$)(name);
    const client = await (0,connect/* connectGitHub */.U)({
        ...(0,github_inputs/* githubAuthFromInputs */.VC)(params),
        repository: name,
        permissions: { deployments: "write" },
        logger: context.logger,
        clock: context.clock,
        secrets: context.secrets,
        env: context.env,
        ...(context.signal ? { signal: context.signal } : {}),
    });
    // An App installation token is revoked as soon as the statuses are written: nothing else needs it.
    return {
        recorder: new GitHubDeploymentRecorder(client.octokit, repository),
        revoke: () => client.revoke(),
    };
}
/** The one line notify logs (and summarises) when it has nowhere to send the event. */
function noTargetsNotice(configPath) {
    return `${NO_TARGETS}; to send one, name a target in the notifications section of ${configPath} or give a target input such as slack-webhook-url.`;
}
function isDefaultConfigPath(path) {
    return path.replace(/^\.\//, "") === load/* DEFAULT_CONFIG_PATH */.Bi;
}
const notifyAction = (0,action/* defineAction */.Q)({
    name: "notify",
    inputs: definition_inputs,
    secretInputs: NOTIFY_SECRET_INPUTS,
    async run(params, context) {
        // The default path is optional even when named explicitly: reusable workflows pass it.
        const configFile = params["config-file"];
        const config = await (0,load/* loadConfig */.Z9)({
            cwd: context.cwd,
            ...(configFile ? { path: configFile, required: !isDefaultConfigPath(configFile) } : {}),
        });
        const notifications = config?.notifications;
        const targets = collectTargets(params, notifications, context.env, context.secrets);
        const event = eventFrom(params, context);
        const recordDeployments = params["github-deployments"] ?? notifications?.["github-deployments"] ?? false;
        // No targets is a team that has not set up notifications yet, not a mistake: the reusable
        // workflows call notify for everyone, and their job must not turn red for it.
        if (targets.length === 0 && !recordDeployments) {
            context.logger.info(noTargetsNotice(configFile ?? load/* DEFAULT_CONFIG_PATH */.Bi));
        }
        const template = templateFrom(params, notifications);
        const ca = await readCa(params["ca-file"], context.cwd);
        // Last: with a GitHub App this already talks to GitHub, so every input is checked first.
        const github = recordDeployments ? await deploymentRecorder(params, event, context) : undefined;
        let result;
        try {
            result = await notify({
                event,
                template,
                targets,
                deployments: github?.recorder,
                policy: {
                    attempts: params.attempts,
                    timeoutMs: params.timeout,
                    maxRetryWaitMs: params["max-retry-wait"],
                    ca,
                },
            }, {
                clock: context.clock,
                logger: context.logger,
                secrets: context.secrets,
                send: (0,http_client/* sendWith */.zc)({ env: context.env }),
                signal: context.signal,
            });
        }
        finally {
            await github?.revoke().catch(() => undefined);
        }
        const failOnError = params["fail-on-error"] ?? notifications?.["fail-on-error"] ?? false;
        const failure = failOnError && result.failed.length > 0
            ? `Notification failed for ${result.failed.join(", ")}: ${result.outcomes
                .filter((o) => o.result === "failed")
                .map((o) => `${o.target}: ${o.reason ?? "failed"}`)
                .join("; ")}`
            : undefined;
        return {
            outputs: {
                delivered: JSON.stringify(result.delivered),
                failed: JSON.stringify(result.failed),
                report: notifyReport(result),
            },
            summary: notifySummary(result),
            ...(failure ? { failure } : {}),
        };
    },
});


/***/ })

};
