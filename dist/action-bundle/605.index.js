export const id = 605;
export const ids = [605];
export const modules = {

/***/ 5605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ defineAction),
/* harmony export */   toRunnable: () => (/* binding */ toRunnable)
/* harmony export */ });
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);

function defineAction(definition) {
    return definition;
}
function toRunnable(definition) {
    const shape = definition.inputs.shape;
    return {
        name: definition.name,
        inputNames: Object.keys(shape ?? {}),
        inputSchema: definition.inputs,
        secretInputs: definition.secretInputs ?? [],
        execute: async (raw, context) => {
            for (const name of definition.secretInputs ?? [])
                context.secrets.add(raw[name]);
            // A URL with credentials is a secret whichever input carries it.
            for (const value of Object.values(raw))
                context.secrets.addUrlCredentials(value);
            const params = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseInputs */ .TL)(definition.inputs, raw);
            return definition.run(params, context);
        },
        ...(definition.post ? { post: definition.post.bind(definition) } : {}),
    };
}


/***/ }),

/***/ 9114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $A: () => (/* binding */ integerInput),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ee: () => (/* binding */ timerDurationInput),
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   Ts: () => (/* binding */ durationInput),
/* harmony export */   WO: () => (/* binding */ linesInput),
/* harmony export */   YA: () => (/* binding */ byteSizeInput),
/* harmony export */   dt: () => (/* binding */ listInput),
/* harmony export */   k_: () => (/* binding */ structuredInput),
/* harmony export */   oi: () => (/* binding */ inputProblem),
/* harmony export */   tE: () => (/* binding */ booleanInput),
/* harmony export */   u2: () => (/* binding */ countInput)
/* harmony export */ });
/* unused harmony exports MAX_DURATION_MS, boundedDurationInput, normaliseRawInputs */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8532);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9691);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _boolean_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(683);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2257);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1915);
/* harmony import */ var _quantity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7950);
/* harmony import */ var _required_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5322);
/**
 * Action inputs arrive as strings (GitHub passes every input as text, and the CLI reads
 * flags as text). Each action declares one zod schema over those strings, composed from
 * the fragments here; parsing turns them into typed params or one readable sentence.
 */







/**
 * Records `message` as what is wrong with the input a transform is parsing; the returned
 * z.NEVER stands in for the value that could not be made.
 */
function inputProblem(ctx, message) {
    ctx.addIssue({ code: "custom", message });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
}
const booleanInput = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().transform((value, ctx) => {
    const parsed = (0,_boolean_text_js__WEBPACK_IMPORTED_MODULE_5__/* .parseBooleanText */ .t)(value);
    if (parsed !== undefined)
        return parsed;
    ctx.addIssue({ code: "custom", message: `expected true or false, got "${value}"` });
    return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
});
/** A list given one item per line or separated by commas; blank items are dropped. */
const listInput = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().transform((value) => value
    .split(/\r?\n|,/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0));
/** A list given one item per line (items may contain commas, e.g. `PATH=VALUE` pairs). */
const linesInput = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().transform((value) => value
    .split(/\r?\n/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0 && !item.startsWith("#")));
const DURATION_UNITS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
};
/** Ten years: longer than any retention or wait Greenlight has a use for. */
const MAX_DURATION_MS = 3650 * DURATION_UNITS["d"];
/** Parses `90s`, `10m`, `1h30m`, `500ms` or a bare number of seconds into milliseconds. */
function parseDuration(text) {
    const value = text.trim();
    let total = 0;
    if (/^\d+(\.\d+)?$/.test(value)) {
        total = Number(value) * 1000;
    }
    else {
        const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
        let consumed = 0;
        for (const match of value.matchAll(pattern)) {
            total += Number(match[1]) * (DURATION_UNITS[match[2] ?? ""] ?? 0);
            consumed += match[0].length;
        }
        if (consumed === 0 || consumed !== value.length)
            return undefined;
    }
    // Too many digits make Infinity, which must never become a timer or a window.
    return Number.isFinite(total) ? Math.round(total) : undefined;
}
function formatDurationLimit(ms) {
    return ms % DURATION_UNITS["d"] === 0
        ? `${ms / DURATION_UNITS["d"]}d`
        : `${Math.floor(ms / DURATION_UNITS["h"])}h`;
}
/** A duration input of at most `maxMs`. */
function boundedDurationInput(maxMs) {
    return zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().transform((value, ctx) => {
        const ms = parseDuration(value);
        if (ms === undefined) {
            return inputProblem(ctx, `"${value}" is not a duration; write it like 30s, 10m, 1h30m or 500ms`);
        }
        if (ms > maxMs) {
            return inputProblem(ctx, `is "${value}", longer than the ${formatDurationLimit(maxMs)} it may be`);
        }
        return ms;
    });
}
/** A duration (a retention window, a bake time): at most ten years. */
const durationInput = boundedDurationInput(MAX_DURATION_MS);
/**
 * A duration a timer waits for (a timeout, a deadline, a pause): at most what a Node timer
 * can wait in one go, about 24.8 days, since a longer one would fire after 1 ms.
 */
const timerDurationInput = boundedDurationInput(_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMER_MS */ ._o - (_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_TIMER_MS */ ._o % 3_600_000));
/** The most any count input may be: a bound on work, not a real limit. */
const MAX_COUNT = 1_000_000;
/** A non-negative integer given as text, at most `max`. */
function countInput(max) {
    return zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().transform((value, ctx) => {
        const trimmed = value.trim();
        if (!/^\d+$/.test(trimmed))
            return inputProblem(ctx, `expected a whole number, got "${value}"`);
        const count = Number(trimmed);
        if (!Number.isSafeInteger(count) || count > max) {
            return inputProblem(ctx, `is ${trimmed}, more than the ${max} it may be`);
        }
        return count;
    });
}
/** A non-negative integer given as text. */
const integerInput = countInput(MAX_COUNT);
/** A JSON or YAML value given as text (JSON is YAML, so one parser takes both). */
const structuredInput = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().transform((value, ctx) => {
    try {
        return yaml__WEBPACK_IMPORTED_MODULE_0__.parse(value, { prettyErrors: false });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        ctx.addIssue({ code: "custom", message: `is not valid JSON or YAML (${reason})` });
        return zod__WEBPACK_IMPORTED_MODULE_3__/* .NEVER */ .tm;
    }
});
/** Treat an empty string as "not given": that is how GitHub passes an unset input. */
function normaliseRawInputs(raw) {
    const out = {};
    for (const [name, value] of Object.entries(raw)) {
        out[name] = value === undefined || value === "" ? undefined : value;
    }
    return out;
}
function describeIssue(issue, given) {
    const name = issue.path.length > 0 ? String(issue.path[0]) : undefined;
    const rest = issue.path.slice(1).map(String);
    const where = name ? `Input "${name}"${rest.length ? ` (at ${rest.join(".")})` : ""}` : "Inputs";
    // zod 4 leaves the offending value off its issues, so look at what was given.
    if (issue.code === "invalid_type" && name && given[name] === undefined) {
        return (0,_required_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .requiredInputMessage */ .v)(name);
    }
    const message = issue.message.replace(/\.$/, "");
    return `${where} ${/^(is|must|has|does|expected|should)\b/.test(message) ? "" : "is invalid: "}${message}.`;
}
/**
 * Validates raw inputs against an action's schema. Throws one ConfigurationError whose
 * message is a line per problem (normally one), never a raw zod dump.
 */
function parseInputs(schema, raw) {
    const given = normaliseRawInputs(raw);
    const result = schema.safeParse(given);
    if (result.success)
        return result.data;
    const sentences = [...new Set(result.error.issues.map((issue) => describeIssue(issue, given)))];
    // One problem a line: the runner makes each line its own annotation.
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(sentences.join("\n"));
}
/** A positive byte size (`500MB`, `1MiB`, `65536`), the same units in every input. */
const byteSizeInput = zod__WEBPACK_IMPORTED_MODULE_4__/* .string */ .YjP().transform((value, ctx) => {
    const bytes = (0,_quantity_js__WEBPACK_IMPORTED_MODULE_2__/* .parseByteSize */ .nS)(value);
    return bytes === undefined || bytes <= 0
        ? inputProblem(ctx, `is "${value}", which is not a size; ${_quantity_js__WEBPACK_IMPORTED_MODULE_2__/* .BYTE_SIZE_FORMS */ .f7}`)
        : bytes;
});


/***/ }),

/***/ 7950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MF: () => (/* binding */ formatDecimalBytes),
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   f7: () => (/* binding */ BYTE_SIZE_FORMS),
/* harmony export */   nS: () => (/* binding */ parseByteSize),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export parseQuantity */
/**
 * Numbers with a unit, such as `1.5 GiB` or `500MB`. Each caller brings its own unit table,
 * because what `MB` means differs by what is measured (a registry reports decimal sizes).
 */
/**
 * `<number><unit>` (a space between is allowed) times the unit's value in `units`, whose keys
 * are lower-case and include "" for a bare number; rounded to a whole number. Undefined when
 * the text is not of that form or the unit is not in the table.
 */
function parseQuantity(text, units) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
    if (!match)
        return undefined;
    const key = match[2].toLowerCase();
    // Own keys only: "constructor" is on every object but is not a unit.
    if (!Object.hasOwn(units, key))
        return undefined;
    return Math.round(Number(match[1]) * units[key]);
}
/**
 * Byte sizes, the same in every input: decimal units (kB/KB, MB, GB, TB: powers of 1000, as
 * registries and the Docker CLI report) and binary units (KiB, MiB, GiB, TiB: powers of 1024)
 * are named explicitly. A bare `k`, `m` or `g` is refused because people mean either.
 */
const BYTE_UNITS = {
    "": 1,
    b: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
    kib: 2 ** 10,
    mib: 2 ** 20,
    gib: 2 ** 30,
    tib: 2 ** 40,
};
/** How a size should be written, for the sentence that refuses one. */
const BYTE_SIZE_FORMS = "write it with a decimal unit (500MB, 1.5GB), a binary one (512KiB, 1MiB) or as a number of bytes";
/** `500MB`, `1.5 GiB`, `65536`; undefined when it is not a size with a named unit. */
function parseByteSize(text) {
    return parseQuantity(text, BYTE_UNITS);
}
/** `512 B`, `3.4 kB`, `212.5 MB`, `1.02 GB`: decimal units, three significant digits. */
function formatDecimalBytes(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    const units = ["kB", "MB", "GB", "TB"];
    let value = bytes;
    let unit = "B";
    for (const next of units) {
        if (value < 1000)
            break;
        value /= 1000;
        unit = next;
    }
    return `${Number(value.toPrecision(3))} ${unit}`;
}
const BINARY_UNITS = ["KiB", "MiB", "GiB", "TiB"];
/** How a byte count reads in a message: `900 bytes`, `64 KiB`, `1.5 MiB`, `3 GiB`. */
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} byte${bytes === 1 ? "" : "s"}`;
    let value = bytes;
    let unit = -1;
    while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${Number(value.toFixed(1))} ${BINARY_UNITS[unit]}`;
}
/** A duration in a summary: `2.5 s`. */
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}


/***/ })

};
