export const id = 923;
export const ids = [923];
export const modules = {

/***/ 6923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promoteAction: () => (/* binding */ promoteAction)
});

// EXTERNAL MODULE: ./src/core/http/fetch.ts
var fetch = __webpack_require__(4780);
// EXTERNAL MODULE: ./src/core/http/http-client.ts + 2 modules
var http_client = __webpack_require__(5288);
;// CONCATENATED MODULE: ./src/promote/transport.ts
/**
 * How promote's analyses reach their endpoints: Prometheus and HTTP JSON through fetch, verify
 * analyses through verify's own client, both through the proxy the runner sets (HTTP_PROXY,
 * HTTPS_PROXY, NO_PROXY), as the verify action does.
 */


function analysisTransport(env) {
    return { fetch: (0,fetch/* httpFetch */.t)({ env }), send: (0,http_client/* sendWith */.zc)({ env }) };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/config/schema.ts + 1 modules
var schema = __webpack_require__(2567);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/github/inputs.ts
var inputs = __webpack_require__(450);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/verify/check-sources.ts
var check_sources = __webpack_require__(6350);
// EXTERNAL MODULE: ./src/verify/check-spec.ts
var check_spec = __webpack_require__(5434);
;// CONCATENATED MODULE: ./src/promote/conditions.ts
/**
 * Success and failure conditions of an analysis: `result < 0.05`, `result >= 0.99`, joined
 * with `&&` or `||` (no parentheses, `&&` binds tighter). Deliberately tiny: a condition is
 * compared against one number, and anything else is a configuration mistake caught before
 * the first measurement.
 */

const COMPARISON = /^(?:result|value)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e-?\d+)?)$/i;
const REVERSED = /^(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*(<=|>=|==|!=|<|>)\s*(?:result|value)$/i;
const FLIP = {
    "<": ">",
    "<=": ">=",
    ">": "<",
    ">=": "<=",
    "==": "==",
    "!=": "!=",
};
function parseComparison(text, where) {
    const clause = text.trim();
    const direct = COMPARISON.exec(clause);
    if (direct)
        return { operator: direct[1], threshold: Number(direct[2]) };
    const reversed = REVERSED.exec(clause);
    if (reversed)
        return { operator: FLIP[reversed[2]], threshold: Number(reversed[1]) };
    throw new errors/* ConfigurationError */.j1(`${where} has the condition "${text.trim()}", which is not a comparison; write it like result < 0.05 (operators < <= > >= == !=, joined with && or ||).`);
}
function parseCondition(text, where) {
    return {
        text,
        anyOf: text
            .split("||")
            .map((alternative) => alternative.split("&&").map((clause) => parseComparison(clause, where))),
    };
}
function compare(value, { operator, threshold }) {
    switch (operator) {
        case "<":
            return value < threshold;
        case "<=":
            return value <= threshold;
        case ">":
            return value > threshold;
        case ">=":
            return value >= threshold;
        case "==":
            return value === threshold;
        case "!=":
            return value !== threshold;
    }
}
function conditionHolds(condition, value) {
    return condition.anyOf.some((all) => all.every((comparison) => compare(value, comparison)));
}
/**
 * One finite measurement against the conditions: failed when the failure condition holds,
 * or when a lone success condition does not; with both conditions, meeting neither is no
 * verdict yet (inconclusive), like a measurement that is missing.
 */
function judgeMeasurement(conditions, value) {
    if (conditions.failure && conditionHolds(conditions.failure, value))
        return "failed";
    if (!conditions.success)
        return "passed";
    if (conditionHolds(conditions.success, value))
        return "passed";
    return conditions.failure ? "inconclusive" : "failed";
}
function measurementFails(conditions, value) {
    return judgeMeasurement(conditions, value) === "failed";
}
/** The threshold as evidence shows it. */
function describeThreshold(conditions) {
    const parts = [];
    if (conditions.success)
        parts.push(`success: ${conditions.success.text}`);
    if (conditions.failure)
        parts.push(`failure: ${conditions.failure.text}`);
    return parts.join("; ") || "none";
}

// EXTERNAL MODULE: ./node_modules/jsonpath-plus/dist/index-node-esm.js
var index_node_esm = __webpack_require__(6229);
// EXTERNAL MODULE: ./src/core/http/credentials.ts
var credentials = __webpack_require__(4890);
;// CONCATENATED MODULE: ./src/core/measurement.ts
/**
 * What counts as a measurement. Missing data must never advance a release, and JavaScript
 * turns much of what "no data" looks like into 0 (`Number("")`, `Number(" ")`,
 * `Number(false)`, `Number(null)`) or into a number nobody wrote (`Number("0x0")`). So only
 * a finite JSON number, or a string holding a plain decimal number, is a measurement;
 * everything else is missing data.
 */
/** A decimal number as Prometheus and JSON APIs write one (no hex, no blanks, no `Infinity`). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The measured value, or undefined when `value` holds no finite number. */
function parseMeasurement(value) {
    if (typeof value === "number")
        return Number.isFinite(value) ? value : undefined;
    if (typeof value !== "string" || !DECIMAL.test(value))
        return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
}

;// CONCATENATED MODULE: ./src/promote/analyses/measurements.ts

function formatValue(value) {
    if (!Number.isFinite(value))
        return String(value);
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}
/**
 * `missingAtEnd` is how many expected measurements at the end of the window have no sample
 * (the query returned nothing for them).
 */
function judgeSeries(samples, missingAtEnd, rules) {
    const threshold = describeThreshold(rules.conditions);
    const verdicts = samples.map((s) => Number.isFinite(s.value) ? judgeMeasurement(rules.conditions, s.value) : "inconclusive");
    const failures = verdicts.filter((v) => v === "failed").length;
    // Missing, NaN and neither-condition measurements at the end: no verdict yet.
    let streak = missingAtEnd;
    if (missingAtEnd === 0) {
        for (let i = verdicts.length - 1; i >= 0 && verdicts[i] === "inconclusive"; i--)
            streak++;
    }
    const last = samples.at(-1);
    const latest = last && missingAtEnd === 0 ? formatValue(last.value) : "no data";
    const measured = `${latest} (latest); ${failures} of ${samples.length} measurements failing`;
    const value = last && Number.isFinite(last.value) && missingAtEnd === 0 ? { value: last.value } : {};
    if (failures > rules.failureLimit) {
        return {
            verdict: "failed",
            measured,
            threshold,
            reason: `${failures} failing measurements, more than the failure limit of ${rules.failureLimit}`,
            ...value,
        };
    }
    if (streak > 0) {
        const what = samples.length === 0
            ? "no data yet"
            : `the last ${streak} measurements are missing, NaN or meet neither condition`;
        if (rules.onMissingData === "fail" && streak > rules.consecutiveErrorLimit) {
            return {
                verdict: "failed",
                measured,
                threshold,
                reason: `${what}, more than the consecutive-error limit of ${rules.consecutiveErrorLimit}`,
            };
        }
        return { verdict: "inconclusive", measured, threshold, reason: what };
    }
    return {
        verdict: "passed",
        measured,
        threshold,
        reason: failures === 0
            ? "every measurement passed"
            : `${failures} failing, within the failure limit of ${rules.failureLimit}`,
        ...value,
    };
}
/**
 * How long a series had no number for (missing, or NaN: an error ratio over no requests,
 * before the step is applied or while green takes no traffic), from `from` up to its latest
 * number: time the bake cannot count. Measurements without a number after the latest one
 * already make the verdict inconclusive. Points sit on the grid start + k × step.
 */
function unmeasuredMs(samples, grid) {
    const { start, step, from } = grid;
    const numbers = samples.filter((s) => Number.isFinite(s.value) && s.at >= from);
    const latest = numbers.at(-1);
    if (!latest)
        return 0;
    const points = Math.floor((latest.at - start) / step) - Math.ceil((from - start) / step) + 1;
    return Math.max(0, points - numbers.length) * step;
}

;// CONCATENATED MODULE: ./src/promote/analyses/types.ts
const DEFAULT_INTERVAL_MS = 60_000;
const DEFAULT_CONSECUTIVE_ERROR_LIMIT = 4;
const REQUEST_TIMEOUT_MS = 10_000;

;// CONCATENATED MODULE: ./src/promote/analyses/http-json.ts
/**
 * HTTP JSON analyses: one GET per tick, the value at a JSONPath compared with the
 * conditions. A value that is missing or not a number never passes.
 */







async function measure(analysis, deps) {
    const { url, headers } = (0,credentials/* basicAuthFromUrl */.Yl)(analysis.url);
    let response;
    try {
        response = await deps.fetch(url, {
            headers: { ...headers, ...analysis.headers },
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
    }
    catch (error) {
        throw new Error(`${url} did not answer: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
    }
    if (!response.ok)
        throw new Error(`${url} answered ${response.status}`);
    let json;
    try {
        json = await response.json();
    }
    catch {
        throw new Error(`${url} answered with a body that is not JSON`);
    }
    const found = (0,index_node_esm/* JSONPath */.E)({ path: analysis.path, json: json, wrap: true });
    if (found.length === 0)
        throw new Error(`${analysis.path} matched nothing`);
    const value = parseMeasurement(found[0]);
    if (value === undefined) {
        throw new Error(`${analysis.path} is ${JSON.stringify(found[0]) ?? "undefined"}, not a number`);
    }
    return value;
}
async function runHttpJsonAnalysis(analysis, deps) {
    const base = {
        name: analysis.name,
        kind: "http-json",
        query: `${(0,credentials/* basicAuthFromUrl */.Yl)(analysis.url).url} ${analysis.path}`,
        threshold: describeThreshold(analysis.conditions),
    };
    try {
        const value = await measure(analysis, deps);
        const verdict = judgeMeasurement(analysis.conditions, value);
        const reasons = {
            passed: "the measured value passes",
            failed: "the measured value fails the condition",
            inconclusive: "the measured value meets neither condition",
        };
        return { ...base, measured: formatValue(value), value, verdict, reason: reasons[verdict] };
    }
    catch (error) {
        const reason = deps.secrets.redact((0,errors/* errorMessage */.gJ)(error));
        const fail = analysis.onMissingData === "fail";
        return {
            ...base,
            measured: "no value",
            verdict: fail ? "failed" : "inconclusive",
            reason: fail ? `${reason} (counted as failure)` : reason,
        };
    }
}

;// CONCATENATED MODULE: ./src/promote/analyses/prometheus.ts
/**
 * Prometheus analyses. The measurements are the query evaluated every `interval` from when
 * the current weight reached the base branch (or over the last `range`, when given) — a
 * range query (`/api/v1/query_range`); a window shorter than one interval is a single
 * instant query (`/api/v1/query`). Prometheus keeps the history, so a tick that runs every
 * few minutes judges exactly what a controller measuring every interval would have.
 */






class ProviderError extends Error {
}
function apiUrl(base, path, params) {
    const url = new URL(path, base.endsWith("/") ? base : `${base}/`);
    for (const [key, value] of Object.entries(params))
        url.searchParams.set(key, value);
    return url.toString();
}
async function askPrometheus(deps, given) {
    const { url, headers } = (0,credentials/* basicAuthFromUrl */.Yl)(given);
    let response;
    try {
        response = await deps.fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    }
    catch (error) {
        throw new ProviderError(`Prometheus did not answer: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    const text = await response.text();
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        throw new ProviderError(`Prometheus answered ${response.status} with a body that is not JSON`);
    }
    if (body === null || typeof body !== "object") {
        throw new ProviderError(`Prometheus answered ${response.status} with JSON that is not an object`);
    }
    if (body.status !== "success" || !body.data || typeof body.data !== "object") {
        throw new ProviderError(`Prometheus answered ${response.status}: ${typeof body.error === "string" ? body.error : "no data"}`);
    }
    return body.data;
}
/** A sample whose value is missing data (not a finite number) is NaN: it never passes. */
function toSample(pair) {
    if (!Array.isArray(pair) || pair.length !== 2)
        return undefined;
    const at = parseMeasurement(pair[0]);
    if (at === undefined)
        return undefined;
    return { at: at * 1000, value: parseMeasurement(pair[1]) ?? Number.NaN };
}
function toSamples(result) {
    const samples = (pairs) => pairs.map(toSample).filter((s) => s !== undefined);
    switch (result.resultType) {
        case "scalar":
            return samples([result.result]);
        case "string":
            throw new ProviderError("the query returned a string, not a number");
        case "vector":
        case "matrix": {
            if (!Array.isArray(result.result))
                return [];
            if (result.result.length > 1) {
                throw new ProviderError(`the query returned ${result.result.length} series; aggregate it to one (e.g. with sum() or avg())`);
            }
            const series = result.result[0];
            if (series === null || typeof series !== "object")
                return [];
            if ("values" in series)
                return Array.isArray(series.values) ? samples(series.values) : [];
            return "value" in series ? samples([series.value]) : [];
        }
        default:
            throw new ProviderError("the query returned no result type Greenlight knows");
    }
}
/** One instant query at `now`: the latest value, or undefined when there is none. */
async function instantValue(deps, base, query, now) {
    const samples = toSamples(await askPrometheus(deps, apiUrl(base, "api/v1/query", { query, time: String(now.getTime() / 1000) })));
    const value = samples.at(-1)?.value;
    return value !== undefined && Number.isFinite(value) ? value : undefined;
}
/**
 * The most points Prometheus answers per series in one range query ("exceeded maximum
 * resolution"), which a step held for a weekend at a 10 s interval reaches.
 */
const MAX_RANGE_POINTS = 11_000;
/** Pause between attempts after a provider error. */
const RETRY_PAUSE_MS = 1_000;
/**
 * Asks again after a provider error, up to the consecutive-error limit: errors in a row
 * beyond it are the analysis's answer (a hold, or a failure when the plan says so).
 */
async function askWithRetries(deps, url, limit) {
    for (let attempt = 0;; attempt++) {
        try {
            return await askPrometheus(deps, url);
        }
        catch (error) {
            if (!(error instanceof ProviderError) || attempt >= limit)
                throw error;
            deps.logger.debug(`${error.message}; asking again (${attempt + 1} of ${limit} errors allowed)`);
            await deps.clock.sleep(RETRY_PAUSE_MS);
        }
    }
}
/** The window's measurements, asked for in pieces Prometheus answers, on one grid. */
async function rangeSamples(deps, analysis, grid, rules) {
    const { start, end, step } = grid;
    const samples = [];
    for (let from = start; from <= end; from += MAX_RANGE_POINTS * step) {
        const to = Math.min(end, from + (MAX_RANGE_POINTS - 1) * step);
        const url = apiUrl(analysis.url, "api/v1/query_range", {
            query: analysis.query,
            start: String(from / 1000),
            end: String(to / 1000),
            step: `${step / 1000}s`,
        });
        samples.push(...toSamples(await askWithRetries(deps, url, rules.consecutiveErrorLimit)));
    }
    return samples;
}
async function runPrometheusAnalysis(analysis, window, deps) {
    const step = analysis.intervalMs ?? DEFAULT_INTERVAL_MS;
    const end = window.now.getTime();
    const start = Math.max(window.since.getTime(), analysis.rangeMs ? end - analysis.rangeMs : 0);
    const rules = {
        conditions: analysis.conditions,
        failureLimit: analysis.failureLimit ?? 0,
        consecutiveErrorLimit: analysis.consecutiveErrorLimit ?? DEFAULT_CONSECUTIVE_ERROR_LIMIT,
        onMissingData: analysis.onMissingData ?? "hold",
    };
    const base = { name: analysis.name, kind: "prometheus", query: analysis.query };
    try {
        let samples;
        let expected;
        if (end - start < step) {
            samples = toSamples(await askWithRetries(deps, apiUrl(analysis.url, "api/v1/query", { query: analysis.query, time: String(end / 1000) }), rules.consecutiveErrorLimit));
            expected = 1;
        }
        else {
            samples = await rangeSamples(deps, analysis, { start, end, step }, rules);
            expected = Math.floor((end - start) / step) + 1;
        }
        const last = samples.at(-1);
        // Points the query had no value for at the end of the window (the series stopped).
        const missingAtEnd = last
            ? Math.min(expected, Math.max(0, Math.floor((end - last.at) / step)))
            : expected;
        const verdict = judgeSeries(samples, missingAtEnd, rules);
        deps.logger.info(`${analysis.name}: ${verdict.verdict} — ${verdict.measured} (${verdict.reason})`);
        const from = Math.max(start, window.bakeSince?.getTime() ?? start);
        const unmeasured = unmeasuredMs(samples, { start, step, from });
        const gap = unmeasured > 0 ? { unmeasuredMs: unmeasured } : {};
        return { ...base, ...verdict, ...gap };
    }
    catch (error) {
        const reason = (0,errors/* errorMessage */.gJ)(error);
        const fail = rules.onMissingData === "fail";
        deps.logger.warning(`${analysis.name}: ${reason}`);
        return {
            ...base,
            measured: "no answer",
            threshold: describeThreshold(analysis.conditions),
            verdict: fail ? "failed" : "inconclusive",
            reason: fail ? `${reason} (counted as failure)` : reason,
        };
    }
}

// EXTERNAL MODULE: ./src/verify/main.ts + 7 modules
var main = __webpack_require__(4180);
;// CONCATENATED MODULE: ./src/promote/analyses/verify-analysis.ts

const VERIFY_DEADLINE_MS = 60_000;
async function runVerifyAnalysis(analysis, deps) {
    const result = await (0,main/* verify */.M)({ checks: analysis.checks, deadlineMs: VERIFY_DEADLINE_MS }, { clock: deps.clock, logger: deps.logger, secrets: deps.secrets, send: deps.send });
    const failed = result.checks.filter((c) => !c.passed);
    return {
        name: analysis.name,
        kind: "verify",
        query: analysis.checks.map((c) => `${c.method} ${c.name}`).join(", "),
        measured: `${result.checks.length - failed.length} of ${result.checks.length} checks passed`,
        threshold: "every check passes",
        verdict: result.passed ? "passed" : "failed",
        reason: result.passed
            ? "every check passed"
            : failed.map((c) => `${c.name}: ${deps.secrets.redact(c.reason ?? "failed")}`).join("; "),
    };
}

;// CONCATENATED MODULE: ./src/promote/analyses/index.ts
/**
 * The analyses of a plan, compiled once (conditions parsed, checks built) so every mistake
 * in them is reported before the first API call, then run together for one tick.
 */









function conditionsOf(analysis) {
    const where = `Analysis "${analysis.name}"`;
    const success = analysis["success-condition"];
    const failure = analysis["failure-condition"];
    if (!success && !failure) {
        throw new errors/* ConfigurationError */.j1(`${where} has no success-condition or failure-condition; add one, such as failure-condition: result > 0.05.`);
    }
    return {
        ...(success ? { success: parseCondition(success, where) } : {}),
        ...(failure ? { failure: parseCondition(failure, where) } : {}),
    };
}
function compileAnalyses(analyses, env, onSecret) {
    const names = new Set();
    return analyses.map((analysis) => {
        if (names.has(analysis.name)) {
            throw new errors/* ConfigurationError */.j1(`Two analyses are named "${analysis.name}"; give each analysis its own name.`);
        }
        names.add(analysis.name);
        if ("prometheus" in analysis) {
            return {
                kind: "prometheus",
                name: analysis.name,
                url: analysis.prometheus.url,
                query: analysis.prometheus.query,
                ...(analysis.prometheus.range !== undefined ? { rangeMs: analysis.prometheus.range } : {}),
                ...(analysis.interval !== undefined
                    ? { intervalMs: analysis.interval }
                    : analysis.prometheus.step !== undefined
                        ? { intervalMs: analysis.prometheus.step }
                        : {}),
                conditions: conditionsOf(analysis),
                ...(analysis["failure-limit"] !== undefined
                    ? { failureLimit: analysis["failure-limit"] }
                    : {}),
                ...(analysis["consecutive-error-limit"] !== undefined
                    ? { consecutiveErrorLimit: analysis["consecutive-error-limit"] }
                    : {}),
                ...(analysis["on-missing-data"] ? { onMissingData: analysis["on-missing-data"] } : {}),
            };
        }
        if ("http-json" in analysis) {
            for (const [header, value] of Object.entries(analysis["http-json"].headers ?? {})) {
                if ((0,credentials/* isCredentialHeader */.b5)(header))
                    onSecret(value);
            }
            return {
                kind: "http-json",
                name: analysis.name,
                url: analysis["http-json"].url,
                path: analysis["http-json"].path,
                headers: analysis["http-json"].headers ?? {},
                conditions: conditionsOf(analysis),
                ...(analysis["on-missing-data"] ? { onMissingData: analysis["on-missing-data"] } : {}),
            };
        }
        return {
            kind: "verify",
            name: analysis.name,
            checks: (0,check_sources/* parseCheckList */.wD)(analysis.verify, { label: `Analysis "${analysis.name}"` }, check_spec/* BUILT_IN_DEFAULTS */.K1, { env, onSecret }),
        };
    });
}
/** Runs analyses one after another, so their requests do not skew each other's measurements. */
async function runAnalyses(analyses, window, deps) {
    const evidence = [];
    for (const analysis of analyses) {
        switch (analysis.kind) {
            case "prometheus":
                evidence.push(await runPrometheusAnalysis(analysis, window, deps));
                break;
            case "http-json":
                evidence.push(await runHttpJsonAnalysis(analysis, deps));
                break;
            case "verify":
                evidence.push(await runVerifyAnalysis(analysis, deps));
                break;
        }
    }
    return evidence;
}
/** Where the minimum-traffic query goes: its own URL, else the first Prometheus analysis's. */
function minimumTrafficUrl(traffic, analyses) {
    const url = traffic.url ?? analyses.find((a) => a.kind === "prometheus")?.url;
    if (!url) {
        throw new errors/* ConfigurationError */.j1(`promotion.minimum-traffic has no url and the plan has no Prometheus analysis to borrow one from; add url: to minimum-traffic.`);
    }
    return url;
}
/** Passed when the traffic is at least the minimum; inconclusive (a hold) otherwise. */
async function checkMinimumTraffic(traffic, url, now, deps) {
    const base = {
        name: "minimum traffic",
        kind: "minimum-traffic",
        query: traffic.query,
        threshold: `at least ${traffic.atLeast}`,
    };
    let value;
    try {
        value = await instantValue(deps, url, traffic.query, now);
    }
    catch (error) {
        return {
            ...base,
            measured: "no answer",
            verdict: "inconclusive",
            reason: error instanceof Error ? error.message : String(error),
        };
    }
    if (value === undefined || !Number.isFinite(value) || value < traffic.atLeast) {
        return {
            ...base,
            measured: value === undefined ? "no data" : formatValue(value),
            ...(value !== undefined && Number.isFinite(value) ? { value } : {}),
            verdict: "inconclusive",
            reason: "too little traffic to judge the release",
        };
    }
    return {
        ...base,
        measured: formatValue(value),
        value,
        verdict: "passed",
        reason: "enough traffic",
    };
}

// EXTERNAL MODULE: ./src/release/infra-connection.ts + 2 modules
var infra_connection = __webpack_require__(9346);
// EXTERNAL MODULE: ./src/release-file/release-edits.ts
var release_edits = __webpack_require__(6543);
;// CONCATENATED MODULE: ./src/promote/plan.ts
const DEFAULT_STEPS = [10, 50, 100];
const DEFAULT_BAKE_MS = 5 * 60_000;
function resolvePromotionPlan(config, environment, overrides = {}) {
    const top = config?.promotion ?? {};
    const env = environment?.promotion ?? {};
    const traffic = env["minimum-traffic"] ?? top["minimum-traffic"];
    return {
        steps: overrides.steps ?? env.steps ?? top.steps ?? DEFAULT_STEPS,
        bakeMs: overrides.bakeMs ?? env["bake-time"] ?? top["bake-time"] ?? DEFAULT_BAKE_MS,
        bakeFrom: overrides.bakeFrom ?? env["bake-from"] ?? top["bake-from"] ?? "merge",
        analyses: overrides.analyses ?? env.analyses ?? top.analyses ?? [],
        onFailure: overrides.onFailure ?? env["on-failure"] ?? top["on-failure"] ?? "rollback",
        ...(traffic
            ? {
                minimumTraffic: {
                    query: traffic.query,
                    atLeast: traffic["at-least"],
                    ...(traffic.url ? { url: traffic.url } : {}),
                },
            }
            : {}),
        merge: overrides.merge ?? env.merge ?? top.merge ?? environment?.merge ?? "pull-request",
    };
}
/** The next weight after `current`, or undefined when the last step is reached. */
function nextStep(steps, current) {
    return steps.find((step) => step > current);
}

;// CONCATENATED MODULE: ./src/promote/decide.ts

function names(evidence) {
    return evidence.map((e) => `${e.name} (${e.reason})`).join(", ");
}
function onFailure(input, services, failed) {
    const reason = `analysis failed: ${names(failed)}`;
    return input.plan.onFailure === "rollback"
        ? { decision: "rollback", reason, services }
        : {
            decision: "hold",
            reason: `${reason}; the plan holds for a person to decide`,
            services,
            heldForPerson: true,
        };
}
function formatMs(ms) {
    const s = Math.ceil(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
}
function decide(input) {
    const { phase, plan, evidence } = input;
    if (phase.kind === "idle")
        return { decision: "idle", reason: phase.reason, services: [] };
    const services = phase.services;
    const failed = evidence.filter((e) => e.verdict === "failed");
    if (phase.kind === "deployed") {
        // No traffic reaches green yet, so only checks that call it directly can judge it.
        if (failed.length > 0)
            return onFailure(input, services, failed);
        const first = plan.steps[0];
        return {
            decision: "advance",
            reason: `the release is deployed; its first step is ${first}%`,
            services,
            targetWeight: first,
        };
    }
    const traffic = evidence.find((e) => e.kind === "minimum-traffic");
    if (traffic && traffic.verdict !== "passed") {
        return {
            decision: "hold",
            reason: `${traffic.reason} (${traffic.measured}, ${traffic.threshold})`,
            services,
        };
    }
    if (failed.length > 0)
        return onFailure(input, services, failed);
    if (input.awaiting) {
        return {
            decision: "wait",
            reason: `${phase.weight}% has not started baking: ${input.awaiting}`,
            services,
        };
    }
    const stageStart = input.stageStart?.getTime() ?? input.now.getTime();
    // Time a series has no number for (green not yet taking traffic, no requests) does not
    // count toward the bake: it lasts that much longer.
    const gap = evidence
        .filter((e) => (e.unmeasuredMs ?? 0) > 0)
        .sort((a, b) => b.unmeasuredMs - a.unmeasuredMs)[0];
    const remaining = stageStart + plan.bakeMs + (gap?.unmeasuredMs ?? 0) - input.now.getTime();
    if (remaining > 0) {
        const unmeasured = gap
            ? `; ${gap.name} had no number for ${formatMs(gap.unmeasuredMs)} of it, which the bake does not count`
            : "";
        return {
            decision: "wait",
            reason: `${phase.weight}% is baking${unmeasured}; ${formatMs(remaining)} to go`,
            services,
            bakeRemainingMs: remaining,
        };
    }
    const unsure = evidence.filter((e) => e.verdict === "inconclusive");
    if (unsure.length > 0) {
        return { decision: "hold", reason: `no verdict yet: ${names(unsure)}`, services };
    }
    const next = nextStep(plan.steps, phase.weight);
    if (next === undefined || phase.weight >= 100) {
        return {
            decision: "finalize",
            reason: `100% baked for ${formatMs(plan.bakeMs)} and every analysis passed`,
            services,
        };
    }
    return {
        decision: "advance",
        reason: `${phase.weight}% baked for ${formatMs(plan.bakeMs)} and every analysis passed`,
        services,
        targetWeight: next,
    };
}

// EXTERNAL MODULE: ./src/core/summary.ts
var summary = __webpack_require__(1363);
;// CONCATENATED MODULE: ./src/promote/evidence.ts

function imageLines(record) {
    return Object.entries(record.images ?? {}).map(([service, { from, to }]) => `Rolled back ${service}: ${from} (stable: ${to})`);
}
const VERDICT_MARK = {
    passed: "✅ passed",
    failed: "❌ failed",
    inconclusive: "⏸️ inconclusive",
};
function evidenceBlocks(record) {
    const blocks = [
        {
            kind: "paragraph",
            text: `**Decision:** ${record.decision} — ${record.reason}`,
        },
    ];
    const images = Object.entries(record.images ?? {});
    if (images.length > 0) {
        blocks.push({
            kind: "table",
            header: ["Service", "Rolled back", "Stable"],
            rows: images.map(([service, { from, to }]) => [service, (0,summary/* inlineCode */.ti)(from), (0,summary/* inlineCode */.ti)(to)]),
        });
    }
    if (record.analyses.length > 0) {
        blocks.push({
            kind: "table",
            header: ["Analysis", "Query", "Measured", "Threshold", "Verdict"],
            rows: record.analyses.map((a) => [
                a.name,
                (0,summary/* inlineCode */.ti)(a.query),
                a.measured,
                a.threshold,
                `${VERDICT_MARK[a.verdict]} (${a.reason})`,
            ]),
        });
    }
    else {
        blocks.push({ kind: "paragraph", text: "No analyses gate this step." });
    }
    return blocks;
}
function evidenceMarkdown(record) {
    return (0,summary/* renderMarkdown */.Gc)([
        { kind: "heading", level: 3, text: "Evidence" },
        ...evidenceBlocks(record),
    ]).trim();
}
function evidenceCommitLines(record) {
    return [
        `Decision: ${record.decision} (${record.reason})`,
        ...imageLines(record),
        ...record.analyses.map((a) => `- ${a.name}: ${a.verdict}; measured ${a.measured}; threshold ${a.threshold}; query ${a.query}`),
    ].join("\n");
}

// EXTERNAL MODULE: ./src/release/land-change.ts
var land_change = __webpack_require__(2453);
// EXTERNAL MODULE: ./src/release/withdraw-promotion.ts
var withdraw_promotion = __webpack_require__(639);
// EXTERNAL MODULE: ./src/release/release-state.ts
var release_state = __webpack_require__(3752);
;// CONCATENATED MODULE: ./src/release/release-hold.ts
/**
 * A durable hold: the record promote writes to the infra repository when a release failed
 * a gate and is held instead of rolled back — its rollback cannot be recorded in the release
 * file (a first release with no stable image and nothing to scale), or the plan says
 * `on-failure: hold`. The file's values cannot say "held", and nothing is
 * remembered between ticks, so without this record a later tick whose gates happen to pass
 * would promote a release that failed. It is a file next to the release file, written with
 * the same compare-and-swap as every release change, and it names the images it holds: a
 * new deploy of another version is not held by it. Its name ends in neither .tfvars, .json
 * nor .yaml, so neither Terraform, Helm, Kustomize nor Argo CD reads it.
 */


/** Where the hold of the release in `file` is kept: beside it, in the same directory. */
function holdPath(file) {
    return `${file}.greenlight-hold`;
}
function holdContent(hold) {
    const note = "Written by Greenlight promote: the release below failed a gate and is held for a person to decide, so promote will not advance it. Delete this file for promote to judge it again.";
    return JSON.stringify({ note, ...hold }, null, 2) + "\n";
}
function isImageMap(value) {
    return (typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length > 0 &&
        Object.values(value).every((v) => typeof v === "string" && v !== ""));
}
/**
 * The hold recorded in `text`. A record that cannot be read holds everything rather than
 * nothing: missing data never advances a release.
 */
function parseHold(text, path) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    const record = (typeof value === "object" && value !== null ? value : {});
    if (!isImageMap(record.images)) {
        throw new errors/* OperationFailedError */.Bp(`The hold record ${path} in the infra repository cannot be read (it needs an "images" map of service to image); promote advances nothing while it is there, so fix it or delete it.`);
    }
    return {
        environment: typeof record.environment === "string" ? record.environment : "",
        images: record.images,
        reason: typeof record.reason === "string" ? record.reason : "",
        at: typeof record.at === "string" ? record.at : "",
        cause: record.cause === "plan" ? "plan" : "first-release",
    };
}
/** The hold for the release green holds now: the services in progress and their images. */
function holdFor(state, services, environment, reason, at, cause) {
    const images = Object.fromEntries((0,release_state/* candidateServices */.Ms)(state)
        .filter((s) => services.includes(s.name))
        .map((s) => [s.name, s.greenImage]));
    return { environment, images, reason, at: at.toISOString(), cause };
}
/**
 * Whether the hold applies to the release in progress: the services it names that are in
 * progress still hold its images. A deploy that replaces one of them is another release, and
 * its own gates decide.
 */
function holdApplies(hold, state) {
    const named = (0,release_state/* candidateServices */.Ms)(state).filter((s) => Object.hasOwn(hold.images, s.name));
    return named.length > 0 && named.every((s) => hold.images[s.name] === s.greenImage);
}
/** The one sentence every later tick gives while the hold applies: what, why, what a person does. */
function heldSentence(hold, path, base) {
    const held = Object.entries(hold.images)
        .map(([service, image]) => `${service} ${image}`)
        .join(", ");
    const why = hold.reason ? ` (${hold.reason})` : "";
    const since = hold.at ? ` since ${hold.at}` : "";
    const release = `the release ${held} is held${since}: it failed a gate${why}`;
    const judgeAgain = `or delete ${path} from ${base} for promote to judge it again`;
    return hold.cause === "plan"
        ? `${release} and the promotion plan holds a failed release for a person to decide (on-failure: hold), so promote will not advance it; roll it back with the rollback workflow, deploy a new version, ${judgeAgain}`
        : `${release} and has no stable release to roll back to, so promote will not advance it; withdraw the first release (empty its green image and set its green weight to 0), deploy a new version, ${judgeAgain}`;
}

;// CONCATENATED MODULE: ./src/promote/main.ts









const DEPLOYMENT_STATE = {
    advance: "in_progress",
    finalize: "success",
    rollback: "failure",
    hold: "pending",
};
async function main_measure(params, deps, phase, window) {
    if (phase.kind === "idle")
        return [];
    const now = window.now;
    const analysisDeps = {
        fetch: deps.fetch,
        send: deps.send,
        clock: deps.clock,
        logger: deps.logger,
        secrets: deps.secrets,
        env: deps.env,
    };
    if (phase.kind === "deployed") {
        const verifies = params.analyses.filter((a) => a.kind === "verify");
        return runAnalyses(verifies, window, analysisDeps);
    }
    const evidence = [];
    const traffic = params.plan.minimumTraffic;
    if (traffic && params.minimumTrafficUrl) {
        evidence.push(await checkMinimumTraffic(traffic, params.minimumTrafficUrl, now, analysisDeps));
    }
    evidence.push(...(await runAnalyses(params.analyses, window, analysisDeps)));
    return evidence;
}
function weightsAfter(state, decision) {
    const weights = (0,release_state/* weightsOf */.Z$)(state.services);
    for (const service of decision.services) {
        if (!(service in weights))
            continue;
        if (decision.decision === "advance")
            weights[service] = decision.targetWeight;
        if (decision.decision === "finalize" || decision.decision === "rollback")
            weights[service] = 0;
    }
    return weights;
}
/** The services a decision changes: finalize and rollback take those without weights along; an advance cannot. */
function changedServices(phase, decision) {
    const companions = phase.kind === "idle" || decision.decision === "advance" ? [] : phase.companions;
    return [...decision.services, ...companions];
}
function landRequest(params, state, phase, decision, record, hold) {
    const services = changedServices(phase, decision);
    const list = services.join(", ");
    // A step (or the stable image a rollback gives green) is decided for the release green
    // holds now; a newer release must not inherit it.
    const decidedFor = Object.fromEntries(state.services
        .filter((s) => services.includes(s.name) && s.greenImage !== undefined)
        .map((s) => [s.name, s.greenImage]));
    const common = {
        services,
        body: evidenceMarkdown(record),
        commitBody: evidenceCommitLines(record),
        expectedHead: state.head,
        text: state.text,
    };
    if (hold) {
        return {
            ...common,
            kind: "hold",
            release: {},
            uploads: [{ path: holdPath(params.file), content: holdContent(hold) }],
            headline: `Hold ${list} in ${params.environment}: ${decision.reason}`.slice(0, 200),
            // The record names the images it holds, so it is right on any newer state too.
            replanOnMovedBase: true,
        };
    }
    switch (decision.decision) {
        case "advance":
            return {
                ...common,
                kind: "traffic",
                release: {
                    weights: Object.fromEntries(decision.services.map((s) => [s, decision.targetWeight])),
                    decidedFor,
                },
                headline: `Promote ${list} in ${params.environment} to ${decision.targetWeight}%`,
                replanOnMovedBase: false,
            };
        case "finalize":
            return {
                ...common,
                kind: "finalize",
                release: { finalize: services, decidedFor },
                headline: `Finalize ${list} in ${params.environment}`,
                replanOnMovedBase: false,
            };
        default:
            return {
                ...common,
                kind: "rollback",
                release: { rollback: services, rolledBack: decidedFor },
                headline: `Roll back ${list} in ${params.environment}: ${decision.reason}`.slice(0, 200),
                // Taking traffic away from a failing release is right on any newer state too.
                replanOnMovedBase: true,
            };
    }
}
function waitingPullRequest(state, branch) {
    return state.openPullRequests.find((p) => p.branch === branch);
}
/**
 * When the current step's bake started, as recorded: when it reached the base branch, or —
 * for plans that bake from verification — when verify first confirmed the new version
 * answers (`confirm`: not yet, this tick's verify evidence may be the first).
 */
async function recordedBakeStart(params, deps, phase, state) {
    const log = deps.verifications;
    if (params.plan.bakeFrom !== "verified" ||
        phase.kind !== "shifting" ||
        !state.stageCommit ||
        !log) {
        return { at: state.stageStart };
    }
    const confirmed = await log.confirmedAt(params.environment, state.stageCommit);
    return confirmed ? { at: confirmed } : { confirm: true };
}
/**
 * The bake's start for this tick: the recorded one, or now when this tick's verify analyses
 * are the first to confirm the new version answers (recording that moment).
 */
async function bakeStart(params, deps, state, recorded, evidence) {
    const log = deps.verifications;
    if (!recorded.confirm || !log || !state.stageCommit)
        return { at: recorded.at };
    const verifies = evidence.filter((e) => e.kind === "verify");
    if (verifies.length > 0 && verifies.every((e) => e.verdict === "passed")) {
        if (!params.dryRun) {
            await log.confirm(params.environment, state.stageCommit, { analyses: verifies });
        }
        deps.logger.info("Verify confirmed the new version answers; the bake time starts now.");
        return { at: deps.clock.now() };
    }
    return { awaiting: "verify has not yet confirmed the new version answers" };
}
/** A pull request an earlier tick opened: make sure it still lands (it may have been cut short). */
async function resume(deps, pullRequest) {
    try {
        await deps.lander.resume?.(pullRequest);
    }
    catch (error) {
        deps.logger.warning(`Could not enable auto-merge on #${pullRequest.number}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
async function readSituation(params, deps) {
    const promoteBranch = (0,land_change/* branchFor */.yC)(params.environment, "promote");
    const rollbackBranch = (0,land_change/* branchFor */.yC)(params.environment, "rollback");
    const state = await (0,release_state/* readReleaseState */.lT)(deps.source, {
        base: params.base,
        file: params.file,
        layouts: params.layouts,
        format: params.format,
        branches: [promoteBranch, rollbackBranch],
    });
    if (!state) {
        throw new errors/* OperationFailedError */.Bp(`${params.file} was not found on branch "${params.base}" of ${deps.source.fullName}; check the "base" and "file" inputs (or the environment's tfvars in the config file).`);
    }
    const path = holdPath(params.file);
    const holdText = await deps.source.fileAt(path, state.head);
    return {
        state,
        phase: (0,release_state/* classifyRelease */.s$)(state),
        promotePr: waitingPullRequest(state, promoteBranch),
        rollbackPr: waitingPullRequest(state, rollbackBranch),
        hold: holdText === undefined ? undefined : parseHold(holdText, path),
    };
}
/**
 * Why a waiting promotion pull request no longer applies, if it does not: it was opened
 * before the current stage reached the base — typically a new release deployed meanwhile —
 * so it was decided on a state that is gone, and merging it would move the new release's
 * traffic without its own bake and analyses.
 */
function outdatedBy(params, situation) {
    const { state, phase, promotePr } = situation;
    // With no release in progress, act() closes it anyway.
    if (phase.kind === "idle" || !promotePr?.openedAt || !state.stageStart)
        return undefined;
    if (state.stageStart.getTime() <= promotePr.openedAt.getTime())
        return undefined;
    const previous = state.previous;
    const newRelease = previous === undefined ||
        state.services.some((s) => previous.find((p) => p.name === s.name)?.greenImage !== s.greenImage);
    return newRelease
        ? `a new release reached ${params.base} after it was opened`
        : `the release on ${params.base} changed after it was opened`;
}
/** Closes an outdated promotion pull request, so the tick goes on from what the base holds. */
async function withdrawOutdated(params, deps, situation) {
    const reason = outdatedBy(params, situation);
    if (!reason)
        return situation;
    deps.logger.info(`Pull request #${situation.promotePr.number} is outdated: ${reason}.`);
    if (!params.dryRun) {
        await (0,withdraw_promotion/* withdrawStalePromotion */.zd)(deps.lander, deps.logger, situation.promotePr, reason);
    }
    return { ...situation, promotePr: undefined };
}
/** Why the services a rollback changes cannot have it recorded in the file, if one cannot. */
function rollbackBlocker(state, phase, decision) {
    for (const name of changedServices(phase, decision)) {
        const service = state.services.find((s) => s.name === name);
        if (!service)
            continue;
        const problem = (0,release_edits/* unrecordableRollback */.jM)((0,release_edits/* findLayout */.w5)(state.layouts, name), {
            greenImage: service.greenImage,
            blueImage: service.blueImage,
            greenCount: service.greenCount !== undefined,
        });
        if (problem)
            return `holding instead of rolling back, for a person to decide: ${problem}`;
    }
    return undefined;
}
/** Steps 2 and 3: measure and decide, deferring to a pull request that is still waiting. */
async function measureAndDecide(params, deps, { state, phase, promotePr, rollbackPr, hold }) {
    if (phase.kind !== "idle" && rollbackPr) {
        if (!params.dryRun)
            await resume(deps, rollbackPr);
        return {
            evidence: [],
            decision: {
                decision: "wait",
                reason: `rollback pull request #${rollbackPr.number} is waiting to be merged (${rollbackPr.url})`,
                services: phase.services,
            },
        };
    }
    if (phase.kind !== "idle" && hold && holdApplies(hold, state)) {
        // Held for good by an earlier tick: passing gates now do not undo a failed one.
        return {
            evidence: [],
            decision: {
                decision: "hold",
                reason: heldSentence(hold, holdPath(params.file), params.base),
                services: phase.services,
            },
        };
    }
    // The bake is judged at the time the measurements reach, not after they were taken: a
    // step whose window is shorter than its bake has not baked, however long the queries took.
    const recorded = await recordedBakeStart(params, deps, phase, state);
    const measuredAt = deps.clock.now();
    const evidence = await main_measure(params, deps, phase, {
        since: state.stageStart ?? measuredAt,
        now: measuredAt,
        ...(recorded.at ? { bakeSince: recorded.at } : {}),
    });
    const bake = await bakeStart(params, deps, state, recorded, evidence);
    const decision = decide({
        phase,
        plan: params.plan,
        now: measuredAt,
        stageStart: bake.at,
        ...(bake.awaiting ? { awaiting: bake.awaiting } : {}),
        evidence,
    });
    const blocked = decision.decision === "rollback" && rollbackBlocker(state, phase, decision);
    // A failed release held instead of rolled back is recorded beside the file, so a later tick
    // whose gates happen to pass does not advance it: nothing in the file would record a first
    // release's rollback, and under on-failure: hold the plan leaves it to a person.
    const cause = blocked ? "first-release" : decision.heldForPerson ? "plan" : undefined;
    if (cause) {
        const held = blocked
            ? { ...decision, decision: "hold", reason: `${decision.reason}; ${blocked}` }
            : decision;
        const services = changedServices(phase, held);
        const at = deps.clock.now();
        return {
            evidence,
            decision: held,
            hold: holdFor(state, services, params.environment, decision.reason, at, cause),
        };
    }
    if (promotePr && (decision.decision === "advance" || decision.decision === "finalize")) {
        // A rollback still goes ahead: a failing release must not wait for a review.
        if (!params.dryRun)
            await resume(deps, promotePr);
        return {
            evidence,
            decision: {
                ...decision,
                decision: "wait",
                reason: `pull request #${promotePr.number} is waiting to be merged (${promotePr.url})`,
            },
        };
    }
    return { decision, evidence };
}
/** Step 4: land the decision; a lost race or a change already in place turns it into a wait. */
async function act(params, deps, { state, phase, promotePr }, { decision, hold }, record) {
    if (phase.kind === "idle" && promotePr) {
        await (0,withdraw_promotion/* withdrawStalePromotion */.zd)(deps.lander, deps.logger, promotePr, phase.reason);
    }
    const acts = ["advance", "finalize", "rollback"].includes(decision.decision) || hold;
    if (!acts)
        return { decision };
    const landed = await deps.lander.land(landRequest(params, state, phase, decision, record, hold));
    if ((decision.decision === "rollback" || hold) && landed.outcome !== "superseded") {
        await (0,withdraw_promotion/* withdrawStalePromotion */.zd)(deps.lander, deps.logger, promotePr, hold ? "the release is held" : "the release was rolled back");
    }
    // A hold stays the decision whoever recorded it: the release is held either way.
    if (hold)
        return { decision, landed };
    // Only the tick whose commit it is has acted: one that found the change already made (two
    // ticks racing on the same pull request branch) waits, so the step is recorded once.
    if (landed.committed)
        return { decision, landed };
    return { landed, decision: { ...decision, decision: "wait", reason: notActed(params, landed) } };
}
function notActed(params, landed) {
    if (landed.outcome === "superseded") {
        return `another change reached ${params.base} while this tick was deciding; the next tick decides again`;
    }
    if (landed.outcome === "pull-request" && landed.pullRequest) {
        return `another tick made this change first (pull request #${landed.pullRequest.number}) and records it`;
    }
    return "the change is already in place";
}
/** Step 5 (beyond the summary the runner writes): a deployment status with the evidence. */
async function recordDeployment(params, deps, decision, ref, record) {
    const state = DEPLOYMENT_STATE[decision.decision];
    if (!state)
        return;
    try {
        await deps.deployments.record({
            environment: params.environment,
            ref,
            task: "greenlight:promote",
            state,
            description: `${decision.decision}: ${decision.reason}`,
            payload: record,
            ...(decision.decision === "hold" ? { onceFor: "hold" } : {}),
            ...(params.logUrl ? { logUrl: params.logUrl } : {}),
        });
    }
    catch (error) {
        deps.logger.warning(`Could not record the deployment status: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
async function promote(params, deps) {
    const situation = await withdrawOutdated(params, deps, await readSituation(params, deps));
    const { state, phase } = situation;
    const measured = await measureAndDecide(params, deps, situation);
    const { evidence } = measured;
    let decision = measured.decision;
    const record = (weights) => {
        const images = decision.decision === "rollback"
            ? (0,release_state/* rolledBackImages */.US)(state.services, changedServices(phase, decision))
            : {};
        return {
            decision: decision.decision,
            reason: decision.reason,
            environment: params.environment,
            weights,
            analyses: evidence,
            ...(Object.keys(images).length > 0 ? { images } : {}),
            at: deps.clock.now().toISOString(),
        };
    };
    deps.logger.info(`Decision: ${decision.decision} — ${decision.reason}`);
    let landed;
    if (!params.dryRun) {
        const outcome = await act(params, deps, situation, { decision, hold: measured.hold }, record(weightsAfter(state, decision)));
        decision = outcome.decision;
        landed = outcome.landed;
    }
    const weights = weightsAfter(state, decision);
    // After a finalize or a rollback the base no longer shows it on green: name it as read.
    const release = situation.phase.kind === "idle" ? undefined : (0,release_state/* releaseOn */.lh)(state);
    if (!params.dryRun) {
        await recordDeployment(params, deps, decision, landed?.commit ?? state.head, record(weights));
    }
    return {
        decision: decision.decision,
        reason: decision.reason,
        services: decision.services,
        weights,
        ...(landed ? { landed } : {}),
        ...(release ? { release } : {}),
        evidence: record(weights),
        ...(state.stageStart ? { stageStart: state.stageStart } : {}),
        head: state.head,
    };
}

;// CONCATENATED MODULE: ./src/promote/summary.ts
/** promote's job summary and its outputs, built from the tick's result alone. */


function promoteSummary(result, repository) {
    const weights = Object.entries(result.weights)
        .map(([service, weight]) => `${service} ${weight}%`)
        .join(", ");
    const pr = result.landed?.pullRequest;
    const images = Object.entries(result.release?.images ?? {})
        .map(([service, image]) => `${service} \`${image}\``)
        .join(", ");
    const facts = [
        `Infra repository: ${repository}.`,
        result.release ? `Release ${result.release.version}: ${images}.` : "",
        weights ? `Green weights: ${weights}.` : "",
        result.stageStart
            ? `This step reached the base branch at ${result.stageStart.toISOString()}.`
            : "",
        pr ? `Pull request: [#${pr.number}](${pr.url}).` : "",
        result.landed?.commit && !pr ? `Commit: \`${result.landed.commit.slice(0, 7)}\`.` : "",
    ].filter(Boolean);
    return [
        { kind: "heading", text: `promote: ${result.decision}` },
        ...evidenceBlocks(result.evidence),
        { kind: "paragraph", text: facts.join(" ") },
    ];
}
function promoteOutputs(result) {
    return {
        decision: result.decision,
        // The release, so that a notification can name what was advanced, held or rolled back.
        version: result.release?.version ?? "",
        services: Object.keys(result.release?.images ?? {}).join(", "),
        images: JSON.stringify(result.release?.images ?? {}),
        weights: JSON.stringify(result.weights),
        "pull-request-url": result.landed?.pullRequest?.url ?? "",
        landed: String((0,land_change/* onBase */.RE)(result.landed)),
        evidence: JSON.stringify(result.evidence),
    };
}

;// CONCATENATED MODULE: ./src/promote/definition.ts
/**
 * promote's inputs: the environment's promotion plan from the config file, overridable by
 * inputs, compiled in full (conditions, checks) before the first API call.
 */












const stepsInput = core_inputs/* listInput */.dt.transform((items, ctx) => {
    const steps = items.map(Number);
    const valid = steps.length > 0 &&
        steps.every((s, i) => Number.isInteger(s) && s > 0 && s <= 100 && (i === 0 || s > steps[i - 1])) &&
        steps.at(-1) === 100;
    if (!valid) {
        ctx.addIssue({
            code: "custom",
            message: "must be increasing percentages ending at 100, such as 10,50,100",
        });
        return core/* NEVER */.tm;
    }
    return steps;
});
const analysesInput = core_inputs/* structuredInput */.k_.transform((value, ctx) => {
    const parsed = schemas/* array */.YOg(schema/* analysisSchema */.m).safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        ctx.addIssue({
            code: "custom",
            message: `must be a list of analyses (${issue.path.join(".") || "list"}: ${issue.message})`,
        });
        return core/* NEVER */.tm;
    }
    return parsed.data;
});
const inputShape = {
    ...infra_connection/* infraInputShape */.Ax,
    steps: stepsInput.optional(),
    "bake-time": core_inputs/* durationInput */.Ts.optional(),
    "bake-from": schemas/* enum */.k5n(["merge", "verified"]).optional(),
    "on-failure": schemas/* enum */.k5n(["rollback", "hold"]).optional(),
    analyses: analysesInput.optional(),
    "dry-run": core_inputs/* booleanInput */.tE.default(false),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
const promoteAction = (0,action/* defineAction */.Q)({
    name: "promote",
    inputs: definition_inputs,
    secretInputs: inputs/* githubAuthSecretInputs */.xs,
    async run(params, context) {
        const target = await (0,infra_connection/* resolveInfraTarget */.c)(params, context);
        const plan = resolvePromotionPlan(target.config, target.env, {
            steps: params.steps,
            bakeMs: params["bake-time"],
            bakeFrom: params["bake-from"],
            onFailure: params["on-failure"],
            merge: params.merge,
            analyses: params.analyses,
        });
        const analyses = compileAnalyses(plan.analyses, context.env, (v) => context.secrets.add(v));
        const trafficUrl = plan.minimumTraffic
            ? minimumTrafficUrl(plan.minimumTraffic, analyses)
            : undefined;
        if (plan.bakeFrom === "verified" && !analyses.some((a) => a.kind === "verify")) {
            throw new errors/* ConfigurationError */.j1(`The promotion plan bakes from verification (bake-from: verified) but has no verify analysis; add one with the checks that prove the new version answers, or bake from merge.`);
        }
        if (plan.steps.length === 0) {
            throw new errors/* ConfigurationError */.j1(`Input "steps" is empty; give the weights to move through, such as 10,50,100.`);
        }
        const connection = await (0,infra_connection/* connectInfra */.RO)(params, target, plan.merge, context);
        try {
            const result = await promote({
                environment: target.environment,
                base: target.base,
                file: target.file,
                format: target.format,
                layouts: target.layouts,
                plan,
                analyses,
                minimumTrafficUrl: trafficUrl,
                dryRun: params["dry-run"],
                logUrl: connection.logUrl,
            }, {
                source: connection.source,
                lander: connection.lander,
                deployments: connection.deployments,
                verifications: connection.verifications,
                clock: context.clock,
                logger: context.logger,
                secrets: context.secrets,
                ...analysisTransport(context.env),
                env: context.env,
            });
            return {
                outputs: promoteOutputs(result),
                summary: promoteSummary(result, target.repository),
                ...(result.decision === "rollback"
                    ? { failure: `The release was rolled back: ${result.reason}` }
                    : {}),
            };
        }
        finally {
            await (0,infra_connection/* disconnect */.Zf)(connection, params["revoke-token"]);
        }
    },
});


/***/ }),

/***/ 9346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RO: () => (/* binding */ connectInfra),
  Zf: () => (/* binding */ disconnect),
  Ax: () => (/* binding */ infraInputShape),
  c: () => (/* binding */ resolveInfraTarget)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(1036);
// EXTERNAL MODULE: ./src/config/schema.ts + 1 modules
var schema = __webpack_require__(2567);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/github/connect.ts
var connect = __webpack_require__(8789);
// EXTERNAL MODULE: ./src/core/github/inputs.ts
var inputs = __webpack_require__(450);
// EXTERNAL MODULE: ./src/core/github/repository.ts
var github_repository = __webpack_require__(5311);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/release/infra-repo.ts
var infra_repo = __webpack_require__(8388);
// EXTERNAL MODULE: ./src/open-pr/pr-content.ts
var pr_content = __webpack_require__(3588);
// EXTERNAL MODULE: ./src/release-file/service-layout.ts
var service_layout = __webpack_require__(1404);
;// CONCATENATED MODULE: ./src/release/deployment-status.ts
/** GitHub caps descriptions at 140 characters. */
function shorten(text) {
    return text.length <= 140 ? text : `${text.slice(0, 139)}…`;
}
class GitHubDeploymentRecorder {
    octokit;
    ref;
    constructor(octokit, ref) {
        this.octokit = octokit;
        this.ref = ref;
    }
    async record(record) {
        if (record.onceFor && (await this.alreadyRecorded(record, record.onceFor)))
            return;
        const { data } = await this.octokit.request("POST /repos/{owner}/{repo}/deployments", {
            ...this.ref,
            ref: record.ref,
            environment: record.environment,
            task: record.task,
            auto_merge: false,
            required_contexts: [],
            payload: JSON.stringify(record.payload),
            description: shorten(record.description),
        });
        if (!("id" in data))
            return;
        await this.octokit.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
            ...this.ref,
            deployment_id: Number(data.id),
            state: record.state,
            description: shorten(record.description),
            environment: record.environment,
            ...(record.logUrl ? { log_url: record.logUrl } : {}),
        });
    }
    async alreadyRecorded(record, decision) {
        const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
            ...this.ref,
            sha: record.ref,
            environment: record.environment,
            task: record.task,
            per_page: 100,
        });
        return data.some((d) => decisionOf(d.payload) === decision);
    }
}
function decisionOf(payload) {
    let value = payload;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    return typeof value === "object" && value !== null
        ? value.decision
        : undefined;
}
const VERIFIED_TASK = "greenlight:verified";
class GitHubVerificationLog {
    octokit;
    ref;
    constructor(octokit, ref) {
        this.octokit = octokit;
        this.ref = ref;
    }
    async confirmedAt(environment, commit) {
        const { data } = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
            ...this.ref,
            sha: commit,
            environment,
            task: VERIFIED_TASK,
            per_page: 100,
        });
        const times = data.map((d) => new Date(d.created_at).getTime()).sort((a, b) => a - b);
        return times.length > 0 ? new Date(times[0]) : undefined;
    }
    async confirm(environment, commit, evidence) {
        await new GitHubDeploymentRecorder(this.octokit, this.ref).record({
            environment,
            ref: commit,
            task: VERIFIED_TASK,
            state: "success",
            description: "verify confirmed the new version answers; the bake time starts now",
            payload: evidence,
        });
    }
}

;// CONCATENATED MODULE: ./src/release/github-release-source.ts
function overviewQuery(branches) {
    const pulls = Array.from({ length: branches }, (_, i) => `pr${i}: pullRequests(states: [OPEN], headRefName: $branch${i}, baseRefName: $base, first: 1) { nodes { id number url createdAt } }`).join("\n      ");
    // GraphQL refuses declared variables that the query does not use.
    const branchVars = branches > 0
        ? `, $base: String!${Array.from({ length: branches }, (_, i) => `, $branch${i}: String!`).join("")}`
        : "";
    return `query($owner: String!, $name: String!, $qualified: String!, $path: String!, $depth: Int!${branchVars}) {
    repository(owner: $owner, name: $name) {
      ref(qualifiedName: $qualified) {
        target {
          ... on Commit {
            oid
            changes: history(first: $depth, path: $path) { nodes { oid committedDate parents(first: 2) { nodes { oid } } } }
            recent: history(first: 50) { nodes { oid committedDate parents(first: 2) { nodes { oid } } } }
          }
        }
      }
      ${pulls}
    }
  }`;
}
/**
 * A change merged with a merge commit shows up in the file's history as the branch's
 * commit, dated when the branch was written; it reached the base when the merge commit did.
 */
function landingDate(commit, recent) {
    const merge = recent.find((c) => (c.parents.nodes ?? []).slice(1).some((p) => p?.oid === commit.oid));
    return new Date((merge ?? commit).committedDate);
}
class GitHubReleaseSource {
    graphql;
    repo;
    constructor(graphql, repo) {
        this.graphql = graphql;
        this.repo = repo;
    }
    get fullName() {
        return this.repo.fullName;
    }
    async overview(query) {
        const variables = {
            owner: this.repo.ref.owner,
            name: this.repo.ref.repo,
            qualified: `refs/heads/${query.base}`,
            ...(query.branches.length > 0 ? { base: query.base } : {}),
            path: query.path,
            depth: query.depth,
        };
        query.branches.forEach((branch, i) => (variables[`branch${i}`] = branch));
        const answer = await this.graphql(overviewQuery(query.branches.length), variables);
        const target = answer.repository?.ref?.target;
        if (!target)
            return undefined;
        const recent = (target.recent.nodes ?? []).filter((c) => c !== null);
        const history = (target.changes.nodes ?? [])
            .filter((c) => c !== null)
            .map((c) => ({ oid: c.oid, landedAt: landingDate(c, recent) }));
        const openPullRequests = query.branches.flatMap((branch, i) => (answer.repository?.[`pr${i}`]?.nodes ?? [])
            .filter((p) => p !== null)
            .map((p) => ({
            branch,
            number: p.number,
            url: p.url,
            nodeId: p.id,
            ...(p.createdAt ? { openedAt: new Date(p.createdAt) } : {}),
        })));
        return { head: target.oid, history, openPullRequests };
    }
    fileAt(path, commit) {
        return this.repo.fileAt(path, commit);
    }
}

// EXTERNAL MODULE: ./src/release/land-change.ts
var land_change = __webpack_require__(2453);
;// CONCATENATED MODULE: ./src/release/infra-connection.ts
/**
 * What promote and rollback share before their first decision: the environment from the
 * config file (inputs win), the infra repository's coordinates, and the GitHub client with
 * the release source, the lander and the deployment recorder built on it.
 */














/** Inputs that locate the environment and its infra repository, shared by promote and rollback. */
const infraInputShape = {
    environment: schemas/* string */.YjP().min(1),
    repository: schemas/* string */.YjP().optional(),
    base: schemas/* string */.YjP().optional(),
    file: schemas/* string */.YjP().optional(),
    merge: schema/* mergeModeSchema */.by.optional(),
    "merge-method": schema/* mergeMethodSchema */.JK.optional(),
    "config-file": schemas/* string */.YjP().optional(),
    ...inputs/* githubAuthInputShape */.Fw,
    "revoke-token": core_inputs/* booleanInput */.tE.default(true),
};
async function resolveInfraTarget(params, context) {
    const config = await (0,load/* loadConfig */.Z9)({
        cwd: context.cwd,
        ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
    });
    const env = config?.environments[params.environment];
    if (config && !env && (!params.repository || !params.file)) {
        throw new errors/* ConfigurationError */.j1(`Input "environment" is "${params.environment}", which the config file does not define; known environments: ${Object.keys(config.environments).join(", ") || "none"}.`);
    }
    const repository = params.repository ?? env?.repository;
    if (!repository) {
        throw new errors/* ConfigurationError */.j1(`Input "repository" is required: name the infra repository as owner/name, or an environment whose config gives one.`);
    }
    const file = params.file ?? (0,schema/* releaseFileOf */.l4)(env)?.path;
    if (!file) {
        throw new errors/* ConfigurationError */.j1(`Input "file" is required: name the release file in the infra repository, or an environment whose config gives one (release-file).`);
    }
    const format = (0,schema/* releaseFormatFor */.gl)(env, file);
    (0,github_repository/* parseRepositoryName */.$)(repository);
    const layouts = config && Object.keys(config.services).length > 0
        ? (0,service_layout/* layoutsFromConfig */.W1)(config, params.environment)
        : undefined;
    return {
        config,
        env,
        environment: params.environment,
        repository,
        base: params.base ?? env?.base ?? "main",
        file,
        ...(format ? { format } : {}),
        ...(layouts ? { layouts } : {}),
    };
}
async function connectInfra(params, target, mode, context) {
    const client = await (0,connect/* connectGitHub */.U)({
        ...(0,inputs/* githubAuthFromInputs */.VC)(params),
        repository: target.repository,
        permissions: { contents: "write", pull_requests: "write", deployments: "write" },
        logger: context.logger,
        clock: context.clock,
        secrets: context.secrets,
        env: context.env,
        ...(context.signal ? { signal: context.signal } : {}),
    });
    const repo = new infra_repo/* InfraRepo */.fV(client.octokit, (0,github_repository/* parseRepositoryName */.$)(target.repository));
    const source = (0,pr_content/* sourceFromEnv */.H2)(context.env);
    const lander = new land_change/* GitHubLander */.eo({
        repo,
        base: target.base,
        file: target.file,
        ...(target.format ? { format: target.format } : {}),
        environment: target.environment,
        mode,
        mergeMethod: params["merge-method"] ?? target.env?.["merge-method"] ?? "squash",
        layouts: target.layouts,
        labels: target.env?.labels ?? [],
        reviewers: target.env?.reviewers ?? [],
        source,
        clock: context.clock,
        logger: context.logger,
    });
    return {
        client,
        repo,
        source: new GitHubReleaseSource(client.graphql, repo),
        lander,
        deployments: new GitHubDeploymentRecorder(client.octokit, repo.ref),
        verifications: new GitHubVerificationLog(client.octokit, repo.ref),
        ...(source.runUrl ? { logUrl: source.runUrl } : {}),
    };
}
/** Revokes an App installation token at the end of the run, unless told not to. */
async function disconnect(connection, revoke) {
    if (revoke)
        await connection.client.revoke();
}


/***/ })

};
