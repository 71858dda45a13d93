export const id = 121;
export const ids = [121];
export const modules = {

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

/***/ 121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyAction: () => (/* binding */ verifyAction)
});

// EXTERNAL MODULE: ./src/verify/nothing-to-verify.ts
var nothing_to_verify = __webpack_require__(7644);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/http/http-client.ts + 2 modules
var http_client = __webpack_require__(5288);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/verify/check-schema.ts
var check_schema = __webpack_require__(1645);
// EXTERNAL MODULE: ./src/verify/check-sources.ts
var check_sources = __webpack_require__(6350);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(1036);
;// CONCATENATED MODULE: ./src/verify/config-checks.ts
/**
 * The checks an environment's `verify` section in the config file names: what deploy runs
 * after a release lands and rollback runs after traffic is back on the stable side. Its
 * timeout, attempts and interval are the defaults of its checks; without attempts a check
 * is retried until the deadline, since a release can take minutes to go live.
 */






async function configChecks(options) {
    const config = await (0,load/* loadConfig */.Z9)({
        cwd: options.cwd,
        ...(options.configFile ? { path: options.configFile } : {}),
        required: options.configFile !== undefined,
    });
    if (!config)
        return { checks: [] };
    const environment = config.environments[options.environment];
    if (!environment)
        throw new errors/* ConfigurationError */.j1(`Input "environment" is "${options.environment}", which the config file does not name; use one of ${Object.keys(config.environments).join(", ")}.`);
    const settings = environment.verify;
    if (!settings)
        return { checks: [] };
    const deadlineMs = settings.deadline ?? options.deadlineMs;
    const intervalMs = settings.interval ?? options.defaults.intervalMs;
    const defaults = {
        ...options.defaults,
        ...(settings.timeout !== undefined ? { timeoutMs: settings.timeout } : {}),
        intervalMs,
        attempts: settings.attempts ?? Math.max(1, Math.ceil(deadlineMs / Math.max(intervalMs, 1))),
    };
    // The validated config holds checks already transformed; verify parses them from the file's
    // own text, as it parses a checks-file, so interpolation and messages are the same.
    const path = options.configFile ?? load/* DEFAULT_CONFIG_PATH */.Bi;
    const text = await (0,promises_.readFile)((0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(options.cwd, path), "utf8");
    const raw = dist.parse(text);
    const checks = (0,check_sources/* parseCheckList */.wD)(raw.environments[options.environment].verify.checks, { label: `environments.${options.environment}.verify.checks in the config file` }, defaults, options.vars);
    return { checks, ...(settings.deadline !== undefined ? { deadlineMs: settings.deadline } : {}) };
}

// EXTERNAL MODULE: ./src/verify/check-spec.ts
var check_spec = __webpack_require__(5434);
// EXTERNAL MODULE: ./src/verify/json-assertion.ts
var json_assertion = __webpack_require__(5141);
// EXTERNAL MODULE: ./src/verify/main.ts + 7 modules
var main = __webpack_require__(4180);
// EXTERNAL MODULE: ./src/verify/status-expectation.ts
var status_expectation = __webpack_require__(1088);
// EXTERNAL MODULE: ./src/core/summary.ts
var summary = __webpack_require__(1363);
// EXTERNAL MODULE: ./src/verify/format.ts
var format = __webpack_require__(2566);
;// CONCATENATED MODULE: ./src/verify/summary.ts


function verdictLine(result) {
    const total = result.checks.length;
    if (result.passed)
        return `All ${total} check${total === 1 ? "" : "s"} passed in ${(0,format/* formatDuration */.a3)(result.durationMs)}.`;
    const failed = result.failedChecks.map(summary/* inlineCode */.ti).join(", ");
    return `${result.failedChecks.length} of ${total} checks failed: ${failed}.`;
}
function checkRow(check) {
    return [
        (0,summary/* inlineCode */.ti)(check.name),
        check.passed ? "✅ passed" : "❌ failed",
        `${check.attempts} of ${check.maxAttempts}`,
        check.latencyMs !== undefined ? (0,format/* formatDuration */.a3)(check.latencyMs) : "—",
        check.reason ?? (check.status !== undefined ? `status ${check.status}` : ""),
    ];
}
function bar(count, max) {
    return "█".repeat(max > 0 ? Math.max(count > 0 ? 1 : 0, Math.round((count / max) * 30)) : 0);
}
/** The latency distribution: percentiles, then a histogram drawn in text. */
function latencyBlocks(name, report) {
    const d = report.latencyMs;
    const most = Math.max(...report.histogram.map((b) => b.count));
    const lines = report.histogram.map((bucket) => {
        const label = Number.isFinite(bucket.upToMs) ? `≤ ${(0,format/* formatDuration */.a3)(bucket.upToMs)}` : "more";
        return `${label.padStart(9)} ${String(bucket.count).padStart(6)} ${bar(bucket.count, most)}`;
    });
    return [
        { kind: "heading", level: 3, text: `Latency: ${name}` },
        {
            kind: "table",
            header: ["requests", "concurrency", "p50", "p95", "p99", "max", "errors", "throughput"],
            rows: [
                [
                    String(report.requests),
                    String(report.concurrency),
                    (0,format/* formatDuration */.a3)(d.p50),
                    (0,format/* formatDuration */.a3)(d.p95),
                    (0,format/* formatDuration */.a3)(d.p99),
                    (0,format/* formatDuration */.a3)(d.max),
                    `${report.errors} (${(0,format/* formatPercent */.l9)(report.errorRate)})`,
                    `${report.throughput.toFixed(1)}/s`,
                ],
            ],
        },
        ...(lines.length > 0 ? [{ kind: "code", text: lines.join("\n") }] : []),
    ];
}
/** The job summary: one row per check, then each latency probe's distribution. */
function verifySummary(result) {
    return [
        { kind: "heading", text: "verify" },
        { kind: "paragraph", text: verdictLine(result) },
        {
            kind: "table",
            header: ["Check", "Result", "Attempts", "Latency", "Reason"],
            rows: result.checks.map(checkRow),
        },
        ...result.checks.flatMap((check) => check.latencyProbe ? latencyBlocks(check.name, check.latencyProbe) : []),
    ];
}
/** The `report` output: the whole result as JSON, times rounded to microseconds. */
function verifyReport(result) {
    return JSON.stringify(result, (_key, value) => typeof value === "number" && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value);
}

;// CONCATENATED MODULE: ./src/verify/definition.ts
/**
 * verify's inputs: checks from the `checks` input, a checks file, or the single check the
 * `url` inputs describe; defaults from the timing inputs; all validated before any request.
 */














const statusInput = schemas/* string */.YjP().transform((value, ctx) => {
    const parsed = (0,status_expectation/* parseStatusExpectation */.SI)(value);
    return typeof parsed === "string" ? (0,inputs/* inputProblem */.oi)(ctx, parsed) : parsed;
});
const assertionsInput = inputs/* linesInput */.WO.transform((lines, ctx) => {
    try {
        return lines.map(json_assertion/* parseAssertion */.MV);
    }
    catch (error) {
        return (0,inputs/* inputProblem */.oi)(ctx, error.message);
    }
});
const headersInput = inputs/* structuredInput */.k_.transform((value, ctx) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return (0,inputs/* inputProblem */.oi)(ctx, "must be header lines such as `Authorization: Bearer …`, or a JSON map");
    }
    return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, String(v)]));
});
/** Checked here, so the message says what is wrong instead of what zod expected. */
function requireMap(value, ctx) {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        return value;
    }
    return (0,inputs/* inputProblem */.oi)(ctx, "must be a map such as {requests: 200, concurrency: 10, p95: 2s}");
}
const sizeInput = inputs/* byteSizeInput */.YA;
const inputShape = {
    url: schemas/* string */.YjP().optional(),
    method: schemas/* string */.YjP()
        .regex(/^[A-Za-z]+$/, { error: "must be an HTTP method such as GET or POST" })
        .optional(),
    headers: headersInput.optional(),
    "expect-status": statusInput.optional(),
    "expect-json": assertionsInput.optional(),
    "expect-version": schemas/* string */.YjP().optional(),
    "version-path": schemas/* string */.YjP().default("$.version"),
    "security-headers": inputs/* booleanInput */.tE.default(false),
    latency: inputs/* structuredInput */.k_.transform(requireMap).pipe(check_schema/* latencySchema */.gK).optional(),
    checks: inputs/* structuredInput */.k_.optional(),
    "checks-file": schemas/* string */.YjP().optional(),
    environment: schemas/* string */.YjP().trim().min(1).optional(),
    "config-file": schemas/* string */.YjP().trim().min(1).optional(),
    timeout: inputs/* timerDurationInput */.Ee.default(check_spec/* BUILT_IN_DEFAULTS */.K1.timeoutMs),
    attempts: inputs/* integerInput */.$A
        .refine((n) => n >= 1, { message: "must be at least 1" })
        .default(check_spec/* BUILT_IN_DEFAULTS */.K1.attempts),
    interval: inputs/* timerDurationInput */.Ee.default(check_spec/* BUILT_IN_DEFAULTS */.K1.intervalMs),
    deadline: inputs/* timerDurationInput */.Ee.default(5 * 60_000),
    "max-body": sizeInput.default(check_spec/* BUILT_IN_DEFAULTS */.K1.maxBodyBytes),
    "max-redirects": (0,inputs/* countInput */.u2)(50).default(check_spec/* BUILT_IN_DEFAULTS */.K1.maxRedirects),
    "tls-verify": inputs/* booleanInput */.tE.default(true),
    "ca-file": schemas/* string */.YjP().optional(),
    "certificate-min-days": inputs/* integerInput */.$A.default(check_spec/* BUILT_IN_DEFAULTS */.K1.minCertificateDays),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
function defaultsFrom(params) {
    return {
        timeoutMs: params.timeout,
        attempts: params.attempts,
        intervalMs: params.interval,
        maxBodyBytes: params["max-body"],
        maxRedirects: params["max-redirects"],
        tlsVerify: params["tls-verify"],
        minCertificateDays: params["certificate-min-days"],
        ...(params["ca-file"] ? { caFile: params["ca-file"] } : {}),
    };
}
const SINGLE_CHECK_INPUTS = [
    "method",
    "headers",
    "expect-status",
    "expect-json",
    "expect-version",
    "latency",
];
/** The check described by `url` and its companion inputs. */
function singleCheck(params, defaults) {
    if (!params.url) {
        const stray = SINGLE_CHECK_INPUTS.find((name) => params[name] !== undefined);
        if (stray) {
            throw new errors/* ConfigurationError */.j1(`Input "${stray}" describes the check given by "url", but "url" is not set; add url, or write the check in checks.`);
        }
        return undefined;
    }
    const url = (0,check_spec/* parseCheckUrl */.fl)(params.url);
    if (typeof url === "string")
        throw new errors/* ConfigurationError */.j1(`Input "url" is invalid: ${url}.`);
    const json = [...(params["expect-json"] ?? [])];
    if (params["expect-version"] !== undefined) {
        try {
            json.push((0,json_assertion/* makeAssertion */.zp)(params["version-path"], "==", params["expect-version"]));
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`Input "version-path" is invalid: ${error.message}.`);
        }
    }
    const entry = {
        url: params.url,
        expect: {
            ...(params["expect-status"] ? { status: params["expect-status"] } : {}),
            json,
            "security-headers": params["security-headers"],
        },
        ...(params.method ? { method: params.method } : {}),
        ...(params.headers ? { headers: params.headers } : {}),
        ...(params.latency ? { latency: params.latency } : {}),
    };
    return (0,check_spec/* buildCheckSpec */.g2)(entry, url, defaults);
}
async function collectChecks(params, context) {
    const defaults = defaultsFrom(params);
    const vars = {
        env: context.env,
        onSecret: (value) => context.secrets.add(value),
    };
    const single = singleCheck(params, defaults);
    const fromConfig = params.environment
        ? await configChecks({
            environment: params.environment,
            configFile: params["config-file"],
            cwd: context.cwd,
            defaults,
            deadlineMs: params.deadline,
            vars,
        })
        : { checks: [] };
    const checks = [
        ...(single ? [single] : []),
        ...(params.checks !== undefined
            ? (0,check_sources/* parseCheckList */.wD)(params.checks, { label: 'Input "checks"' }, defaults, vars)
            : []),
        ...(params["checks-file"]
            ? await (0,check_sources/* readChecksFile */.KV)(params["checks-file"], context.cwd, defaults, vars)
            : []),
        ...fromConfig.checks,
    ];
    if (checks.length === 0 && !params.environment) {
        throw new errors/* ConfigurationError */.j1(nothing_to_verify/* NOTHING_TO_VERIFY */.k);
    }
    (0,check_sources/* requireUniqueNames */.D1)(checks);
    await (0,check_sources/* loadCaFiles */.o3)(checks, context.cwd);
    return { checks, deadlineMs: fromConfig.deadlineMs ?? params.deadline };
}
function failureMessage(result) {
    const failed = result.checks.filter((c) => !c.passed);
    if (failed.length === 0)
        return undefined;
    const each = failed.map((c) => `${c.name}: ${c.reason ?? "failed"}`);
    if (failed.length === 1)
        return `Check ${each[0]}`;
    return `${failed.length} of ${result.checks.length} checks failed. ${each.join(". ")}`;
}
const verifyAction = (0,action/* defineAction */.Q)({
    name: "verify",
    inputs: definition_inputs,
    async run(params, context) {
        const { checks, deadlineMs } = await collectChecks(params, context);
        if (checks.length === 0) {
            // Called with an environment whose config names no checks: nothing to prove, say so.
            context.logger.info(`No checks for environment ${params.environment}: the config file has no environments.${params.environment}.verify and no url, checks or checks-file was given.`);
            const empty = { passed: true, checks: [], failedChecks: [], durationMs: 0 };
            return { outputs: { passed: "true", "failed-checks": "[]", report: verifyReport(empty) } };
        }
        const result = await (0,main/* verify */.M)({ checks, deadlineMs }, {
            clock: context.clock,
            logger: context.logger,
            secrets: context.secrets,
            send: (0,http_client/* sendWith */.zc)({ env: context.env }),
            ...(context.signal ? { signal: context.signal } : {}),
        });
        const failure = failureMessage(result);
        return {
            outputs: {
                passed: String(result.passed),
                "failed-checks": JSON.stringify(result.failedChecks),
                report: verifyReport(result),
            },
            summary: verifySummary(result),
            ...(failure ? { failure } : {}),
        };
    },
});


/***/ })

};
