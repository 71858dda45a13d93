export const id = 529;
export const ids = [529];
export const modules = {

/***/ 6350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ requireUniqueNames),
/* harmony export */   KV: () => (/* binding */ readChecksFile),
/* harmony export */   o3: () => (/* binding */ loadCaFiles),
/* harmony export */   wD: () => (/* binding */ parseCheckList)
/* harmony export */ });
/* unused harmony exports parseCheckEntry, parseChecksText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1915);
/* harmony import */ var _check_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1645);
/* harmony import */ var _check_spec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5434);
/**
 * Where checks come from: the `checks` input (a YAML or JSON list), a checks file, or the
 * config file. Each source is parsed to the same typed CheckSpec list, and every problem
 * becomes one sentence naming the source, the check and the key.
 */






const REFERENCE = /\$\{\{\s*(env|secrets)\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
function checkLabel(source, index, entry) {
    const name = typeof entry === "object" &&
        entry !== null &&
        typeof entry.name === "string"
        ? ` ("${entry.name}")`
        : "";
    return `${source.label}: check ${index + 1}${name}`;
}
/**
 * Replaces `${{ env.NAME }}` and `${{ secrets.NAME }}` in every string of a check. A checks
 * file is not evaluated by GitHub, so secrets reach it through the step's environment; a
 * value referenced as a secret is registered as one wherever it ends up (URL, header, body).
 */
function interpolate(value, vars, where) {
    if (typeof value === "string") {
        return value.replace(REFERENCE, (_match, kind, name) => {
            const found = vars.env[name];
            if (found === undefined) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${where} uses \${{ ${kind}.${name} }}, but the environment has no ${name}; pass it to the step (env: ${name}: \${{ ${kind}.${name} }}).`);
            }
            if (kind === "secrets")
                vars.onSecret(found);
            return found;
        });
    }
    if (Array.isArray(value))
        return value.map((item) => interpolate(item, vars, where));
    if (typeof value === "object" && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, vars, where)]));
    }
    return value;
}
function valueAt(value, path) {
    let current = value;
    for (const key of path) {
        if (typeof current !== "object" || current === null)
            return undefined;
        current = current[key];
    }
    return current;
}
function describeIssue(where, issue, raw) {
    const key = issue.path.map(String).join(".");
    const message = issue.message.replace(/\.$/, "");
    if (issue.code === "unrecognized_keys") {
        const at = key ? ` in "${key}"` : "";
        return `${where} has an unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")}${at}; check the spelling against the verify README.`;
    }
    if (issue.code === "invalid_type" && valueAt(raw, issue.path) === undefined) {
        return key === "url"
            ? `${where} has no "url"; give the URL to check, e.g. https://api.example.com/health.`
            : `${where} has no "${key}".`;
    }
    if (key === "")
        return `${where} is not a check: ${message}.`;
    return `${where} has an invalid "${key}": ${message}.`;
}
/** Validates one raw check and completes it from the defaults. */
function parseCheckEntry(raw, where, defaults, vars) {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${where} is not a check; write it as a map with at least url: (e.g. - url: https://api.example.com/health).`);
    }
    const resolved = interpolate(raw, vars, where);
    const result = _check_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .checkEntrySchema */ .QY.safeParse(resolved);
    if (!result.success) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(describeIssue(where, result.error.issues[0], resolved));
    }
    const entry = result.data;
    const url = (0,_check_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCheckUrl */ .fl)(entry.url);
    if (typeof url === "string")
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${where} has an invalid "url": ${url}.`);
    return (0,_check_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .buildCheckSpec */ .g2)(entry, url, defaults);
}
/** A list of checks (or `{ checks: [...] }`) already parsed from YAML or JSON. */
function parseCheckList(value, source, defaults, vars) {
    const list = typeof value === "object" && value !== null && !Array.isArray(value) && "checks" in value
        ? value.checks
        : value;
    if (!Array.isArray(list)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${source.label} is not a list of checks; write a YAML or JSON list such as [{url: "https://api.example.com/health"}].`);
    }
    return list.map((entry, index) => parseCheckEntry(entry, checkLabel(source, index, entry), defaults, vars));
}
function parseChecksText(text, source, defaults, vars) {
    let value;
    try {
        value = yaml__WEBPACK_IMPORTED_MODULE_2__.parse(text, { prettyErrors: false });
    }
    catch (error) {
        const reason = error.message.split("\n")[0];
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${source.label} is not valid YAML or JSON (${reason}).`);
    }
    return parseCheckList(value, source, defaults, vars);
}
async function readChecksFile(path, cwd, defaults, vars) {
    const text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises
        .readFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, path), "utf8")
        .catch((error) => {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`Input "checks-file" names "${path}", which cannot be read (${error.code ?? "error"}); give a YAML file relative to the workspace.`);
    });
    return parseChecksText(text, { label: `Checks file "${path}"` }, defaults, vars);
}
/** Refuses two checks with one name: failed-checks lists names, so they must say which. */
function requireUniqueNames(checks) {
    const seen = new Set();
    for (const check of checks) {
        if (seen.has(check.name)) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`Two checks are named "${check.name}"; give each check its own name: (failed-checks reports checks by name).`);
        }
        seen.add(check.name);
    }
}
/** Reads every CA file named by a check, once, so a bad path fails before any request. */
async function loadCaFiles(checks, cwd) {
    const cache = new Map();
    for (const check of checks) {
        const file = check.tls.caFile;
        if (!file)
            continue;
        let pending = cache.get(file);
        if (!pending) {
            pending = readCaFile(file, cwd, check.name);
            cache.set(file, pending);
        }
        check.tls.ca = await pending;
    }
}
async function readCaFile(file, cwd, check) {
    const text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises
        .readFile((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, file), "utf8")
        .catch((error) => {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`The CA file "${file}" (for check "${check}") cannot be read (${error.code ?? "error"}); give the path of a PEM file relative to the workspace.`);
    });
    if (!text.includes("-----BEGIN CERTIFICATE-----")) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`The CA file "${file}" (for check "${check}") holds no PEM certificate; it must contain -----BEGIN CERTIFICATE----- blocks.`);
    }
    return text;
}


/***/ }),

/***/ 5434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K1: () => (/* binding */ BUILT_IN_DEFAULTS),
/* harmony export */   fl: () => (/* binding */ parseCheckUrl),
/* harmony export */   g2: () => (/* binding */ buildCheckSpec)
/* harmony export */ });
/* unused harmony exports DEFAULT_PROBE_REQUESTS, DEFAULT_PROBE_CONCURRENCY, defaultCheckName */
/* harmony import */ var _header_expectation_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2799);
/* harmony import */ var _status_expectation_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1088);


const BUILT_IN_DEFAULTS = {
    timeoutMs: 10_000,
    attempts: 3,
    intervalMs: 10_000,
    maxBodyBytes: 1024 * 1024,
    maxRedirects: 10,
    tlsVerify: true,
    minCertificateDays: 14,
};
const DEFAULT_PROBE_REQUESTS = 100;
const DEFAULT_PROBE_CONCURRENCY = 10;
/** Parses a check's URL; the problem as a phrase when it is not an http(s) URL. */
function parseCheckUrl(text) {
    let url;
    try {
        url = new URL(text.trim());
    }
    catch {
        return `"${text}" is not a URL; write it in full, e.g. https://api.example.com/health`;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        return `"${text}" is not an http or https URL`;
    }
    return url;
}
/** A readable default name: host and path, never the query (it may hold a token). */
function defaultCheckName(url) {
    return `${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}
function latencySpec(entry) {
    const thresholds = {};
    if (entry.p50 !== undefined)
        thresholds.p50Ms = entry.p50;
    if (entry.p95 !== undefined)
        thresholds.p95Ms = entry.p95;
    if (entry.p99 !== undefined)
        thresholds.p99Ms = entry.p99;
    if (entry["max-error-rate"] !== undefined)
        thresholds.maxErrorRate = entry["max-error-rate"];
    if (entry["min-throughput"] !== undefined)
        thresholds.minThroughput = entry["min-throughput"];
    return {
        requests: entry.requests ?? DEFAULT_PROBE_REQUESTS,
        concurrency: entry.concurrency ?? DEFAULT_PROBE_CONCURRENCY,
        thresholds,
    };
}
/** Fills a parsed entry's gaps from the defaults. `url` must already be valid. */
function buildCheckSpec(entry, url, defaults) {
    const expect = entry.expect ?? {};
    const tls = entry.tls ?? {};
    const caFile = tls["ca-file"] ?? defaults.caFile;
    const spec = {
        name: entry.name ?? defaultCheckName(url),
        url,
        method: (entry.method ?? (entry.body !== undefined ? "POST" : "GET")).toUpperCase(),
        headers: entry.headers ?? {},
        secretHeaders: entry["secret-headers"] ?? [],
        expect: {
            status: expect.status ?? _status_expectation_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_STATUS */ .BE,
            json: expect.json ?? [],
            bodyMatches: expect["body-matches"] ?? [],
            bodyNotMatches: expect["body-not-matches"] ?? [],
            headers: [
                ...(expect["security-headers"]
                    ? (0,_header_expectation_js__WEBPACK_IMPORTED_MODULE_0__/* .securityHeaderExpectations */ .rn)(url.protocol === "https:")
                    : []),
                ...(expect.headers ?? []),
            ],
        },
        tls: {
            verify: tls.verify ?? defaults.tlsVerify,
            minDays: tls["min-days"] ?? defaults.minCertificateDays,
            ...(caFile !== undefined ? { caFile } : {}),
        },
        timeoutMs: entry.timeout ?? defaults.timeoutMs,
        attempts: entry.attempts ?? defaults.attempts,
        intervalMs: entry.interval ?? defaults.intervalMs,
        followRedirects: entry["follow-redirects"] ?? true,
        maxRedirects: entry["max-redirects"] ?? defaults.maxRedirects,
        maxBodyBytes: entry["max-body"] ?? defaults.maxBodyBytes,
    };
    if (entry.body !== undefined)
        spec.body = entry.body;
    if (expect["max-latency"] !== undefined)
        spec.expect.maxLatencyMs = expect["max-latency"];
    if (entry.latency)
        spec.latency = latencySpec(entry.latency);
    return spec;
}


/***/ }),

/***/ 4180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ verify)
});

// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/core/http/credentials.ts
var credentials = __webpack_require__(4890);
// EXTERNAL MODULE: ./src/verify/format.ts
var format = __webpack_require__(2566);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/core/clock.ts
var core_clock = __webpack_require__(2257);
;// CONCATENATED MODULE: ./src/verify/timers.ts

function startTimer(clock, ms, reason) {
    const controller = new AbortController();
    let cancelled = false;
    const fire = () => {
        if (!cancelled)
            controller.abort(reason);
    };
    if (clock === core_clock/* systemClock */.ml) {
        // Beyond the timer limit (about 24.8 days) is as good as never for a request.
        const handle = setTimeout(fire, (0,core_clock/* timerDelay */.nR)(ms));
        return {
            signal: controller.signal,
            cancel: () => {
                cancelled = true;
                clearTimeout(handle);
            },
        };
    }
    void clock.sleep(ms).then(fire);
    return {
        signal: controller.signal,
        cancel: () => {
            cancelled = true;
        },
    };
}
/** Waits `ms` on the clock, ending early when `signal` aborts. */
async function wait(clock, ms, signal) {
    if (ms <= 0 || signal?.aborted)
        return;
    const timer = startTimer(clock, ms, "elapsed");
    let done = () => { };
    try {
        await new Promise((resolve) => {
            done = () => resolve();
            timer.signal.addEventListener("abort", done, { once: true });
            signal?.addEventListener("abort", done, { once: true });
        });
    }
    finally {
        timer.cancel();
        signal?.removeEventListener("abort", done);
    }
}

// EXTERNAL MODULE: ./src/core/http/transport-errors.ts
var transport_errors = __webpack_require__(9517);
;// CONCATENATED MODULE: ./src/verify/check-request.ts



/** Aborts one of `check`'s requests, with a RequestFailure, once its timeout has passed. */
function startRequestTimeout(clock, check) {
    return startTimer(clock, check.timeoutMs, new transport_errors/* RequestFailure */.e(`no response within ${(0,format/* formatDuration */.a3)(check.timeoutMs)}`));
}
/** Sends `check`'s request, following redirects as it says; `signal` aborts it. */
function sendCheckRequest(send, check, signal, agent) {
    return send({
        url: check.url,
        method: check.method,
        headers: check.headers,
        ...(check.body !== undefined ? { body: check.body } : {}),
        tls: { verify: check.tls.verify, ...(check.tls.ca ? { ca: check.tls.ca } : {}) },
        maxBodyBytes: check.maxBodyBytes,
        signal,
        ...(agent ? { agent } : {}),
        secretHeaders: check.secretHeaders,
    }, { follow: check.followRedirects, maxRedirects: check.maxRedirects });
}

;// CONCATENATED MODULE: ./src/verify/percentiles.ts
/**
 * Exact percentiles from every recorded latency (no sampling, no bucketing error): the
 * nearest-rank method, the same rule HDR histograms and wrk apply to their counts.
 */
/** The p-th percentile (0 < p ≤ 100) of ascending `sorted`: the smallest value with at least p% at or below it. */
function percentile(sorted, p) {
    if (sorted.length === 0)
        return Number.NaN;
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
function distribution(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const sum = sorted.reduce((total, v) => total + v, 0);
    return {
        count: sorted.length,
        min: sorted[0] ?? Number.NaN,
        mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
        p50: percentile(sorted, 50),
        p90: percentile(sorted, 90),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1] ?? Number.NaN,
    };
}
const BOUNDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000];
/** Counts per 1-2-5 bucket, from the first non-empty bucket to the last. */
function histogram(values) {
    const buckets = [...BOUNDS, Number.POSITIVE_INFINITY].map((upToMs) => ({ upToMs, count: 0 }));
    for (const value of values)
        buckets.find((b) => value <= b.upToMs).count++;
    const first = buckets.findIndex((b) => b.count > 0);
    const last = buckets.length - 1 - [...buckets].reverse().findIndex((b) => b.count > 0);
    return first < 0 ? [] : buckets.slice(first, last + 1);
}

// EXTERNAL MODULE: ./src/verify/status-expectation.ts
var status_expectation = __webpack_require__(1088);
;// CONCATENATED MODULE: ./src/verify/latency-probe.ts
/**
 * The latency probe: N requests at concurrency C over keep-alive connections, every
 * latency recorded, then exact percentiles, error rate and throughput judged against the
 * check's thresholds.
 */







function keepAliveAgent(check, concurrency) {
    const options = { keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency };
    return check.url.protocol === "https:" ? new (external_node_https_default()).Agent(options) : new (external_node_http_default()).Agent(options);
}
function describeErrors(errorReasons) {
    return Object.entries(errorReasons)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([reason, count]) => `${reason} ×${count}`)
        .join(", ");
}
function judgeLatency(report, thresholds) {
    const reasons = [];
    const load = `${report.requests} requests at concurrency ${report.concurrency}`;
    if (report.completed === 0) {
        return [`no request of the ${load} was answered (${describeErrors(report.errorReasons)})`];
    }
    for (const [key, limit] of [
        ["p50", thresholds.p50Ms],
        ["p95", thresholds.p95Ms],
        ["p99", thresholds.p99Ms],
    ]) {
        const value = report.latencyMs[key];
        if (limit !== undefined && value > limit) {
            reasons.push(`${key} latency ${(0,format/* formatDuration */.a3)(value)} is above the ${(0,format/* formatDuration */.a3)(limit)} limit (${load})`);
        }
    }
    if (thresholds.maxErrorRate !== undefined && report.errorRate > thresholds.maxErrorRate) {
        reasons.push(`error rate ${(0,format/* formatPercent */.l9)(report.errorRate)} is above the ${(0,format/* formatPercent */.l9)(thresholds.maxErrorRate)} limit (${report.errors} of ${report.requests} failed: ${describeErrors(report.errorReasons)})`);
    }
    if (thresholds.minThroughput !== undefined && report.throughput < thresholds.minThroughput) {
        reasons.push(`throughput ${report.throughput.toFixed(1)} requests/s is below the ${thresholds.minThroughput} requests/s minimum (${load})`);
    }
    return reasons;
}
async function runLatencyProbe(check, deps) {
    const spec = check.latency ?? { requests: 100, concurrency: 10, thresholds: {} };
    const concurrency = Math.min(spec.concurrency, spec.requests);
    const agent = keepAliveAgent(check, concurrency);
    const latencies = [];
    const errorReasons = {};
    let errors = 0;
    let next = 0;
    const fail = (reason) => {
        errors++;
        errorReasons[reason] = (errorReasons[reason] ?? 0) + 1;
    };
    const one = async () => {
        const timeout = startRequestTimeout(deps.clock, check);
        const started = deps.now();
        try {
            const signal = deps.signal ? AbortSignal.any([timeout.signal, deps.signal]) : timeout.signal;
            const response = await sendCheckRequest(deps.send, check, signal, agent);
            latencies.push(deps.now() - started);
            if (!(0,status_expectation/* statusMatches */.W_)(check.expect.status, response.status))
                fail(`status ${response.status}`);
        }
        catch (error) {
            fail((0,transport_errors/* describeTransportError */.v)(error, check.url));
        }
        finally {
            timeout.cancel();
        }
    };
    const worker = async () => {
        while (next < spec.requests && !deps.signal?.aborted) {
            next++;
            await one();
        }
    };
    const started = deps.now();
    try {
        await Promise.all(Array.from({ length: concurrency }, worker));
    }
    finally {
        agent.destroy();
    }
    const durationMs = deps.now() - started;
    const measured = {
        requests: next,
        concurrency,
        completed: latencies.length,
        errors,
        errorRate: next > 0 ? errors / next : 0,
        throughput: durationMs > 0 ? (latencies.length / durationMs) * 1000 : 0,
        durationMs,
        latencyMs: distribution(latencies),
        histogram: histogram(latencies),
        errorReasons,
    };
    const reasons = judgeLatency(measured, spec.thresholds);
    return { ...measured, passed: reasons.length === 0, reasons };
}

;// CONCATENATED MODULE: ./src/verify/certificate.ts
const DAY_MS = 86_400_000;
function describeSpan(ms) {
    const days = ms / DAY_MS;
    if (days >= 1) {
        const rounded = Math.round(days);
        return `${rounded} day${rounded === 1 ? "" : "s"}`;
    }
    const hours = Math.max(1, Math.round(ms / 3_600_000));
    return `${hours} hour${hours === 1 ? "" : "s"}`;
}
function daysLeft(certificate, now) {
    return (certificate.expiresAt - now.getTime()) / DAY_MS;
}
/** Undefined when the certificate is valid for at least `minDays` more days. */
function evaluateCertificate(certificate, host, minDays, now) {
    const remaining = certificate.expiresAt - now.getTime();
    if (!Number.isFinite(remaining))
        return `certificate for ${host} has no readable expiry date`;
    if (remaining <= 0)
        return `certificate for ${host} expired ${describeSpan(-remaining)} ago`;
    if (remaining < minDays * DAY_MS) {
        return `certificate for ${host} expires in ${describeSpan(remaining)} (minimum ${minDays})`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/verify/header-expectation.ts
var header_expectation = __webpack_require__(2799);
// EXTERNAL MODULE: ./src/verify/json-assertion.ts
var json_assertion = __webpack_require__(5141);
;// CONCATENATED MODULE: ./src/verify/evaluate-response.ts





function contentType(response) {
    return (response.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
}
function statusReason(check, response, redact) {
    const got = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
    let detail = "";
    if (response.status >= 300 && response.status < 400 && response.headers.location) {
        detail = ` (to ${response.headers.location})`;
    }
    else if (response.status >= 400 && response.body.length > 0) {
        // An error page usually says why; the first line of it is worth showing.
        const text = (0,format/* excerpt */.Kb)(response.body.toString("utf8"), redact);
        if (text)
            detail = `: ${JSON.stringify(text)}`;
    }
    return `expected status ${(0,status_expectation/* describeStatusExpectation */.Y$)(check.expect.status)} but got ${got}${detail}`;
}
function parseJsonBody(response) {
    const type = contentType(response);
    const text = response.body.toString("utf8");
    try {
        return { value: JSON.parse(text) };
    }
    catch (error) {
        if (type.includes("json")) {
            return { reason: `body is not valid JSON (${type}: ${error.message})` };
        }
        return { reason: `body is not JSON (${type || "no Content-Type"})` };
    }
}
function bodyReasons(check, response, redact) {
    const reasons = [];
    const { bodyMatches, bodyNotMatches, json } = check.expect;
    if (bodyMatches.length > 0 || bodyNotMatches.length > 0) {
        const text = response.body.toString("utf8");
        for (const pattern of bodyMatches) {
            if (!pattern.test(text))
                reasons.push(`body does not match ${String(pattern)}`);
        }
        for (const pattern of bodyNotMatches) {
            const found = pattern.exec(text);
            if (found)
                reasons.push(`body matches ${String(pattern)} (found ${JSON.stringify((0,format/* excerpt */.Kb)(found[0], redact, 60))})`);
        }
    }
    if (json.length > 0) {
        const parsed = parseJsonBody(response);
        if ("reason" in parsed)
            return [...reasons, parsed.reason];
        for (const assertion of json) {
            const reason = (0,json_assertion/* evaluateAssertion */.o2)(assertion, parsed.value, redact);
            if (reason)
                reasons.push(reason);
        }
    }
    return reasons;
}
function evaluateResponse(check, response, latencyMs, now, redact = format/* noRedaction */.Np) {
    // Behind a wrong status there is usually an error page: its body says nothing about the
    // expectations, so the status is the one reason.
    if (!(0,status_expectation/* statusMatches */.W_)(check.expect.status, response.status))
        return [statusReason(check, response, redact)];
    const reasons = [];
    if (response.certificate && response.url.protocol === "https:") {
        const reason = evaluateCertificate(response.certificate, response.url.hostname, check.tls.minDays, now);
        if (reason)
            reasons.push(reason);
    }
    for (const expectation of check.expect.headers) {
        const reason = (0,header_expectation/* evaluateHeader */.D6)(expectation, response.headers, redact);
        if (reason)
            reasons.push(reason);
    }
    const maxLatency = check.expect.maxLatencyMs;
    if (maxLatency !== undefined && latencyMs > maxLatency) {
        reasons.push(`answered in ${(0,format/* formatDuration */.a3)(latencyMs)}, more than the ${(0,format/* formatDuration */.a3)(maxLatency)} allowed`);
    }
    reasons.push(...bodyReasons(check, response, redact));
    return reasons;
}

;// CONCATENATED MODULE: ./src/verify/run-check.ts







async function attemptOnce(check, attempt, deps) {
    const timeout = startRequestTimeout(deps.clock, check);
    const signals = [timeout.signal, deps.deadline.signal, ...(deps.signal ? [deps.signal] : [])];
    const started = deps.clock.now().getTime();
    try {
        const response = await sendCheckRequest(deps.send, check, AbortSignal.any(signals));
        const latencyMs = deps.clock.now().getTime() - started;
        const redact = (text) => deps.secrets.redact(text);
        const reasons = evaluateResponse(check, response, latencyMs, deps.clock.now(), redact);
        return { record: { attempt, status: response.status, latencyMs, reasons }, response };
    }
    catch (error) {
        const latencyMs = deps.clock.now().getTime() - started;
        return { record: { attempt, latencyMs, reasons: [(0,transport_errors/* describeTransportError */.v)(error, check.url)] } };
    }
    finally {
        timeout.cancel();
    }
}
function certificateSummary(info, now) {
    return {
        subject: info.subject,
        issuer: info.issuer,
        expiresAt: new Date(info.expiresAt).toISOString(),
        daysLeft: Math.floor(daysLeft(info, now) * 10) / 10,
    };
}
function failureReason(check, history, stoppedBy) {
    const last = history[history.length - 1];
    const why = last ? last.reasons.join("; ") : "not attempted";
    const count = `attempt ${history.length} of ${check.attempts}`;
    return `${why} (${stoppedBy ? `${count}; ${stoppedBy}` : count})`;
}
function outcomeOf(check, history, last, stoppedBy, deps) {
    const record = last?.record;
    const passed = record !== undefined && record.reasons.length === 0;
    const outcome = {
        name: check.name,
        url: deps.secrets.redact((0,credentials/* displayUrl */.Qy)(check.url)),
        method: check.method,
        passed,
        attempts: history.length,
        maxAttempts: check.attempts,
        redirects: (last?.response?.redirects ?? []).map((r) => deps.secrets.redact(r)),
        history,
    };
    if (record?.status !== undefined)
        outcome.status = record.status;
    if (record?.latencyMs !== undefined)
        outcome.latencyMs = record.latencyMs;
    const certificate = last?.response?.certificate;
    if (certificate)
        outcome.certificate = certificateSummary(certificate, deps.clock.now());
    if (!passed)
        outcome.reason = failureReason(check, history, stoppedBy);
    return outcome;
}
async function runCheck(check, deps) {
    const { clock, logger, secrets, deadline } = deps;
    const history = [];
    let last;
    let stoppedBy;
    for (let attempt = 1; attempt <= check.attempts; attempt++) {
        if (attempt > 1) {
            const remaining = deadline.at - clock.now().getTime();
            if (remaining <= check.intervalMs || deadline.signal.aborted) {
                stoppedBy = `the ${(0,format/* formatDuration */.a3)(deadline.ms)} deadline leaves no time for another`;
                break;
            }
            await wait(clock, check.intervalMs, deps.signal);
            if (deps.signal?.aborted) {
                stoppedBy = "cancelled";
                break;
            }
        }
        last = await attemptOnce(check, attempt, deps);
        last.record.reasons = last.record.reasons.map((r) => secrets.redact(r));
        history.push(last.record);
        const { reasons, status, latencyMs } = last.record;
        if (reasons.length === 0) {
            logger.info(`${check.name}: passed on attempt ${attempt} (${status} in ${(0,format/* formatDuration */.a3)(latencyMs ?? 0)})`);
            break;
        }
        const next = attempt < check.attempts ? `; next attempt in ${(0,format/* formatDuration */.a3)(check.intervalMs)}` : "";
        logger.info(`${check.name}: attempt ${attempt} of ${check.attempts} failed: ${reasons.join("; ")}${next}`);
        // The attempt's own reason already says the deadline (or a cancel) stopped it.
        if (deadline.signal.aborted || deps.signal?.aborted)
            break;
    }
    return outcomeOf(check, history, last, stoppedBy, deps);
}

;// CONCATENATED MODULE: ./src/verify/main.ts
/**
 * verify: proves a deployment is live and right. Every check runs concurrently with its
 * own attempts under one overall deadline; then each passing check's latency probe runs,
 * one at a time, so one probe's load does not skew another's percentiles.
 */







async function probe(check, outcome, deps) {
    if (!check.latency || !outcome.passed)
        return outcome;
    const { requests, concurrency } = check.latency;
    deps.logger.info(`${check.name}: latency probe, ${requests} requests at concurrency ${concurrency}`);
    const report = await runLatencyProbe(check, {
        send: deps.send,
        clock: deps.clock,
        now: deps.now ?? (() => external_node_perf_hooks_.performance.now()),
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    report.reasons = report.reasons.map((r) => deps.secrets.redact(r));
    report.errorReasons = Object.fromEntries(Object.entries(report.errorReasons).map(([r, n]) => [deps.secrets.redact(r), n]));
    const d = report.latencyMs;
    deps.logger.info(`${check.name}: p50 ${(0,format/* formatDuration */.a3)(d.p50)}, p95 ${(0,format/* formatDuration */.a3)(d.p95)}, p99 ${(0,format/* formatDuration */.a3)(d.p99)}, ${report.errors} errors, ${report.throughput.toFixed(1)} requests/s`);
    if (report.passed)
        return { ...outcome, latencyProbe: report };
    return {
        ...outcome,
        passed: false,
        reason: `latency probe: ${report.reasons.join("; ")}`,
        latencyProbe: report,
    };
}
async function verify(params, deps) {
    // Credentials are registered before the first request, so nothing can print them.
    for (const check of params.checks)
        for (const value of (0,credentials/* credentialsOf */.YN)(check))
            deps.secrets.add(value);
    const started = deps.clock.now().getTime();
    const timer = startTimer(deps.clock, params.deadlineMs, new transport_errors/* RequestFailure */.e(`no answer before the overall deadline of ${(0,format/* formatDuration */.a3)(params.deadlineMs)}`));
    const deadline = {
        at: started + params.deadlineMs,
        ms: params.deadlineMs,
        signal: timer.signal,
    };
    // The deadline bounds the latency probes too: a huge request count stops at it.
    const bounded = deps.signal ? AbortSignal.any([timer.signal, deps.signal]) : timer.signal;
    const checks = [];
    try {
        const outcomes = await Promise.all(params.checks.map((check) => runCheck(check, {
            send: deps.send,
            clock: deps.clock,
            logger: deps.logger,
            secrets: deps.secrets,
            deadline,
            ...(deps.signal ? { signal: deps.signal } : {}),
        })));
        for (const [index, check] of params.checks.entries()) {
            checks.push(await probe(check, outcomes[index], { ...deps, signal: bounded }));
        }
    }
    finally {
        timer.cancel();
    }
    for (const check of checks) {
        if (!check.passed)
            deps.logger.error(`${check.name}: ${check.reason ?? "failed"}`);
    }
    const failedChecks = checks.filter((c) => !c.passed).map((c) => c.name);
    return {
        passed: failedChecks.length === 0,
        checks,
        failedChecks,
        durationMs: deps.clock.now().getTime() - started,
    };
}


/***/ })

};
