export const id = 622;
export const ids = [622,605];
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


/***/ }),

/***/ 7622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  restoreAction: () => (/* binding */ restoreAction)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/backup-engine/connection.ts
var backup_engine_connection = __webpack_require__(6595);
// EXTERNAL MODULE: ./src/backup-engine/store-inputs.ts + 3 modules
var store_inputs = __webpack_require__(7747);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: ./src/backup-engine/database.ts
var database = __webpack_require__(9802);
// EXTERNAL MODULE: ./src/backup-engine/manifest.ts
var backup_engine_manifest = __webpack_require__(4158);
// EXTERNAL MODULE: ./src/backup-engine/read-backup.ts
var read_backup = __webpack_require__(2970);
;// CONCATENATED MODULE: ./src/restore/select-backup.ts
function selectBackup(backups, choice, allowUnverified) {
    if (choice.kind === "name") {
        const wanted = choice.name.replace(/\.manifest\.json$/, "");
        const found = backups.find((b) => b.manifest.name === wanted || b.key === wanted || b.key.endsWith(`/${wanted}`));
        return found ? { backup: found } : { reason: `no backup named ${wanted}` };
    }
    const eligible = backups.filter((b) => allowUnverified || b.manifest.verification.verified);
    const candidates = choice.kind === "at"
        ? eligible.filter((b) => b.time.getTime() <= choice.time.getTime())
        : choice.kind === "before-release"
            ? eligible.filter((b) => b.manifest.release?.version === choice.release)
            : eligible;
    // Before a release, the first backup is the one from before any attempt to migrate it (a
    // retry after a failed migration backs up the half-migrated state again).
    const backup = choice.kind === "before-release" ? candidates[0] : candidates[candidates.length - 1];
    if (backup)
        return { backup };
    const what = allowUnverified ? "backup" : "verified backup";
    return {
        reason: choice.kind === "at"
            ? `no ${what} started at or before ${choice.time.toISOString()}`
            : choice.kind === "before-release"
                ? `no ${what} was taken before release ${choice.release}`
                : `no ${what} exists${!allowUnverified && backups.length > 0 ? ` (${backups.length} unverified; set allow-unverified to consider them)` : ""}`,
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/backup-engine/source.ts + 4 modules
var source = __webpack_require__(2632);
// EXTERNAL MODULE: ./src/backup-engine/process.ts
var backup_engine_process = __webpack_require__(3978);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/restore/safe-extract.ts
/**
 * Extracting a backup's tar archive into a directory. The archive is data from storage and
 * may have been tampered with, so it is extracted into a private staging directory beside
 * the target first (with the archive's permissions, so they can be judged, never its
 * owners) and checked there: a symbolic link that leads out of the target, a device, FIFO
 * or socket, or a setuid/setgid file refuses the whole archive, and the staging directory
 * is removed. Only a clean extraction is moved into the target.
 */





const SPECIAL_BITS = 0o6000;
function inside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === "" || (!rel.startsWith("..") && !(0,external_node_path_.isAbsolute)(rel));
}
/** The first entry under `root` that must not be restored, with why; undefined when none. */
async function hostileEntry(root, dir = root) {
    for (const name of await (0,promises_.readdir)(dir)) {
        const path = (0,external_node_path_.join)(dir, name);
        const shown = (0,external_node_path_.relative)(root, path);
        const stat = await (0,promises_.lstat)(path);
        if (stat.isSymbolicLink()) {
            const to = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(path), await (0,promises_.readlink)(path));
            if (!inside(root, to))
                return `the symbolic link ${shown} points outside the target`;
            continue;
        }
        if (stat.isDirectory()) {
            const found = await hostileEntry(root, path);
            if (found)
                return found;
            continue;
        }
        if (!stat.isFile())
            return `${shown} is a device, FIFO or socket`;
        if ((stat.mode & SPECIAL_BITS) !== 0)
            return `${shown} has the setuid or setgid bit`;
    }
    return undefined;
}
/** Moves everything in `from` into `to`, replacing entries of the same name. */
async function moveInto(from, to) {
    await (0,promises_.mkdir)(to, { recursive: true });
    for (const name of await (0,promises_.readdir)(from)) {
        await (0,promises_.rm)((0,external_node_path_.join)(to, name), { recursive: true, force: true });
        await (0,promises_.rename)((0,external_node_path_.join)(from, name), (0,external_node_path_.join)(to, name));
    }
}
async function extractArchive(target, archive, tools) {
    const absolute = (0,external_node_path_.resolve)(tools.cwd ?? process.cwd(), target);
    const staging = (0,external_node_path_.join)((0,external_node_path_.dirname)(absolute), `.${(0,external_node_path_.basename)(absolute)}.restore-${(0,external_node_crypto_.randomBytes)(6).toString("hex")}`);
    await (0,promises_.mkdir)(staging, { recursive: true, mode: 0o700 });
    try {
        await (0,backup_engine_process/* toolInput */.Tt)({
            argv: [
                "tar",
                "--extract",
                "--file=-",
                "--no-same-owner",
                "--same-permissions",
                `--directory=${staging}`,
            ],
            label: "tar",
        }, archive, tools);
        const hostile = await hostileEntry(staging);
        if (hostile) {
            throw new errors/* OperationFailedError */.Bp(`The backup archive was not restored: ${hostile}; nothing was written to ${target}.`);
        }
        await moveInto(staging, absolute);
    }
    finally {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/restore/target.ts
/**
 * Where a backup is restored to, by source kind: a database (by URL), a directory (files),
 * or a command that reads the dump on stdin. Each checks emptiness before anything runs.
 */




function resolveTarget(spec, manifest) {
    if (spec.kind !== "database")
        return spec;
    const format = manifest.source.format === "plain" ? "plain" : "custom";
    return { ...spec, engine: (0,source/* engineFor */.Ec)(spec.connection.kind, format) };
}
async function inspectTarget(target, tools) {
    switch (target.kind) {
        case "database": {
            const tables = await target.engine.tableCount(target.connection, tools);
            const description = `database ${target.connection.database}`;
            if (tables === undefined)
                return { exists: false, empty: true, description };
            return { exists: true, empty: Number.isNaN(tables) ? undefined : tables === 0, description };
        }
        case "directory": {
            const description = `directory ${target.path}`;
            try {
                return { exists: true, empty: (await (0,promises_.readdir)(target.path)).length === 0, description };
            }
            catch {
                return { exists: false, empty: true, description };
            }
        }
        case "command":
            return { exists: true, empty: true, description: "the restore command" };
    }
}
async function restoreInto(target, open, state, overwrite, tools) {
    switch (target.kind) {
        case "database": {
            // Replacing means the target ends up exactly as backed up: recreate it, rather than
            // drop object by object, which fails when the target's tables differ in shape.
            // (MongoDB has no drop without a driver: mongorestore --drop replaces collections.)
            const recreate = overwrite && state.exists && target.connection.kind !== "mongodb";
            if (recreate)
                await target.engine.dropDatabase(target.connection, tools);
            if (!state.exists || recreate)
                await target.engine.createDatabase(target.connection, tools);
            const clean = overwrite && target.connection.kind === "mongodb";
            await target.engine.restore(target.connection, await open(), { clean, extraArgs: target.restoreArgs }, tools);
            return;
        }
        case "directory":
            await extractArchive(target.path, await open(), tools);
            return;
        case "command":
            await (0,backup_engine_process/* toolInput */.Tt)({ argv: ["sh", "-c", target.command], label: "the restore command" }, await open(), tools);
            return;
    }
}

;// CONCATENATED MODULE: ./src/restore/main.ts
/**
 * restore: choose a backup, check the target may be written, prove the stored object
 * matches its manifest's SHA-256, and only then restore; afterwards compare row counts
 * with the manifest where the source recorded them.
 */







const TARGET_KINDS = {
    postgres: "database",
    mysql: "database",
    mongodb: "database",
    files: "directory",
    command: "command",
};
const TARGET_INPUT = {
    database: "target-url",
    directory: "target-path",
    command: "restore-command",
};
function requireMatchingTarget(manifest, target) {
    const wanted = TARGET_KINDS[manifest.source.kind];
    const kindOk = wanted === target.kind &&
        (target.kind !== "database" || target.connection.kind === manifest.source.kind);
    if (!kindOk) {
        throw new errors/* ConfigurationError */.j1(`The chosen backup is a ${manifest.source.kind} backup; give ${TARGET_INPUT[wanted]}${wanted === "database" ? ` (a ${manifest.source.kind} URL)` : ""} to restore it.`);
    }
}
async function compareAfterRestore(manifest, target, tools) {
    const expected = manifest["row-counts"];
    if (target.kind !== "database" || !expected || target.connection.kind === "mongodb") {
        return {
            verified: false,
            detail: "restored; this kind of backup records no row counts to compare",
        };
    }
    const actual = await target.engine.rowCounts(target.connection, tools);
    // Tables the target had besides the backup's (restore with overwrite) are not the backup's business.
    const relevant = Object.fromEntries(Object.entries(actual).filter(([table]) => table in expected));
    const problems = (0,database/* compareRowCounts */.O)(expected, relevant);
    if (problems.length > 0) {
        const detail = `the restored data differs from the backup's manifest: ${problems.join("; ")}`;
        return { verified: false, detail, failure: `Restore finished, but ${detail}.` };
    }
    const rows = Object.values(expected).reduce((a, b) => a + b, 0);
    return {
        verified: true,
        detail: `row counts match the manifest: ${Object.keys(expected).length} tables, ${rows} rows`,
    };
}
async function restore(params, deps) {
    const now = deps.now ?? (() => external_node_perf_hooks_.performance.now());
    const start = now();
    const redact = (text) => deps.secrets.redact(text);
    const { backups } = await (0,backup_engine_manifest/* listBackups */.Cw)(deps.store, params.set);
    const selection = selectBackup(backups, params.choice, params.allowUnverified);
    if (!selection.backup) {
        throw new errors/* OperationFailedError */.Bp(`Nothing to restore from set ${params.set}: ${selection.reason}.`);
    }
    const { manifest } = selection.backup;
    const location = deps.store.location(manifest.object);
    deps.logger.info(`Restoring ${location} (${manifest.source.kind}, started ${manifest["started-at"]})`);
    requireMatchingTarget(manifest, params.target);
    if (manifest.encryption !== "none" && !params.encryptionKey) {
        throw new errors/* ConfigurationError */.j1(`Input "encryption-key" is required: the chosen backup is encrypted; pass the key it was made with.`);
    }
    const target = resolveTarget(params.target, manifest);
    const state = await inspectTarget(target, deps.tools);
    if (state.empty === undefined && !params.overwrite) {
        throw new errors/* ConfigurationError */.j1(`Cannot tell whether ${state.description} is empty; set overwrite: true to restore into it anyway.`);
    }
    if (state.empty === false && !params.overwrite) {
        throw new errors/* ConfigurationError */.j1(`Refusing to restore into ${redact(state.description)}: it is not empty; set overwrite: true to replace what the backup contains, or choose an empty target.`);
    }
    await deps.logger.group("Checking the backup's SHA-256 (and key) before restoring", async () => {
        try {
            await (0,read_backup/* checkStoredBackup */.Wr)(deps.store, manifest, params.encryptionKey);
        }
        catch (error) {
            throw new errors/* OperationFailedError */.Bp(redact(`Refusing to restore ${location}: ${(0,errors/* errorMessage */.gJ)(error)}. Nothing was changed.`));
        }
    });
    await deps.logger.group(`Restoring into ${state.description}`, async () => {
        try {
            const open = () => (0,read_backup/* openBackup */.Tw)(deps.store, manifest, params.encryptionKey);
            await restoreInto(target, open, state, params.overwrite, deps.tools);
        }
        catch (error) {
            if (error instanceof read_backup/* MissingKeyError */.Mt)
                throw new errors/* ConfigurationError */.j1(`Input "encryption-key" is required: ${error.message}.`);
            throw new errors/* OperationFailedError */.Bp(redact(`Restoring ${location} failed: ${(0,errors/* errorMessage */.gJ)(error).replace(/\.$/, "")}.`));
        }
    });
    const comparison = await compareAfterRestore(manifest, target, deps.tools);
    deps.logger.info(comparison.detail);
    return {
        location,
        manifest,
        target: redact(state.description),
        durationMs: now() - start,
        verified: comparison.verified,
        verification: comparison.detail,
        ...(comparison.failure ? { failure: redact(comparison.failure) } : {}),
    };
}

// EXTERNAL MODULE: ./src/core/quantity.ts
var quantity = __webpack_require__(7950);
// EXTERNAL MODULE: ./src/core/summary.ts
var summary = __webpack_require__(1363);
;// CONCATENATED MODULE: ./src/restore/summary.ts
/** The restore job summary, built as data. */


function restoreSummary(result) {
    const m = result.manifest;
    return [
        { kind: "heading", text: "Restore" },
        {
            kind: "table",
            header: ["", ""],
            rows: [
                ["backup", (0,summary/* inlineCode */.ti)(result.location)],
                [
                    "taken",
                    `${m["started-at"]} (${m.source.kind}${m.source["server-version"] ? `, ${m.source["server-version"]}` : ""})`,
                ],
                ["into", result.target],
                ["size", (0,quantity/* formatBytes */.z3)(m.size)],
                ["sha256", `${(0,summary/* inlineCode */.ti)(m.sha256)} ✅ checked before restoring`],
                ["duration", (0,quantity/* formatSeconds */.Xo)(result.durationMs)],
                [
                    "verified",
                    `${result.verified ? "✅" : result.failure ? "❌" : "—"} ${result.verification}`,
                ],
            ],
        },
    ];
}

;// CONCATENATED MODULE: ./src/restore/definition.ts
/**
 * restore's inputs: where the backups live, which set and which backup, and the target
 * (a database URL, a directory, or a command reading the dump on stdin).
 */









const timeInput = schemas/* string */.YjP().transform((value, ctx) => {
    const time = new Date(value.trim());
    if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim()) || Number.isNaN(time.getTime())) {
        ctx.addIssue({
            code: "custom",
            message: `"${value}" is not a time; write it like 2026-11-23T02:00:00Z`,
        });
        return core/* NEVER */.tm;
    }
    return time;
});
const inputShape = {
    name: store_inputs/* setNameInput */.Ap,
    backup: schemas/* string */.YjP().trim().default("latest"),
    at: timeInput.optional(),
    "before-release": schemas/* string */.YjP().trim().min(1).optional(),
    "allow-unverified": inputs/* booleanInput */.tE.default(false),
    ...store_inputs/* storeInputShape */.fC,
    "target-url": schemas/* string */.YjP().optional(),
    "target-path": schemas/* string */.YjP().optional(),
    "restore-command": schemas/* string */.YjP().optional(),
    "restore-args": inputs/* linesInput */.WO.optional(),
    overwrite: inputs/* booleanInput */.tE.default(false),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
function choiceFrom(params) {
    const given = [
        ...(params.backup !== "latest" ? ["backup"] : []),
        ...(params.at ? ["at"] : []),
        ...(params["before-release"] ? ["before-release"] : []),
    ];
    if (given.length > 1) {
        throw new errors/* ConfigurationError */.j1(`Inputs ${given.map((n) => `"${n}"`).join(" and ")} each choose a backup; give one of them.`);
    }
    if (params.backup !== "latest")
        return { kind: "name", name: params.backup };
    if (params["before-release"])
        return { kind: "before-release", release: params["before-release"] };
    return params.at ? { kind: "at", time: params.at } : { kind: "latest" };
}
function targetFrom(params, context) {
    const given = ["target-url", "target-path", "restore-command"].filter((n) => params[n] !== undefined);
    if (given.length !== 1) {
        throw new errors/* ConfigurationError */.j1(given.length === 0
            ? `Nothing to restore into: give target-url (a database), target-path (a directory) or restore-command (reads the dump on stdin).`
            : `Inputs ${given.join(" and ")} each name a restore target; give exactly one.`);
    }
    if (params["target-url"]) {
        const connection = (0,backup_engine_connection/* parseDatabaseUrl */.mx)(params["target-url"], "target-url");
        context.secrets.add(connection.password);
        if (!connection.database) {
            throw new errors/* ConfigurationError */.j1(`Input "target-url" names no database; add the target database to its path, e.g. postgresql://user@host/orders_restored.`);
        }
        return { kind: "database", connection, restoreArgs: params["restore-args"] ?? [] };
    }
    if (params["target-path"]) {
        const path = params["target-path"];
        return { kind: "directory", path: (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(context.cwd, path) };
    }
    return { kind: "command", command: params["restore-command"] };
}
const restoreAction = (0,action/* defineAction */.Q)({
    name: "restore",
    inputs: definition_inputs,
    secretInputs: ["target-url", "encryption-key"],
    async run(params, context) {
        const choice = choiceFrom(params);
        const target = targetFrom(params, context);
        const store = (0,store_inputs/* storeFromInputs */.zc)(params, context);
        const result = await restore({
            set: params.name,
            choice,
            allowUnverified: params["allow-unverified"],
            target,
            overwrite: params.overwrite,
            ...(params["encryption-key"] ? { encryptionKey: params["encryption-key"] } : {}),
        }, {
            store,
            logger: context.logger,
            secrets: context.secrets,
            tools: { baseEnv: (0,store_inputs/* toolEnvironment */.uQ)(context), secrets: context.secrets, cwd: context.cwd },
        });
        return {
            outputs: {
                location: result.location,
                size: String(result.manifest.size),
                sha256: result.manifest.sha256,
                duration: (result.durationMs / 1000).toFixed(1),
                verified: String(result.verified),
            },
            summary: restoreSummary(result),
            ...(result.failure ? { failure: result.failure } : {}),
        };
    },
});


/***/ })

};
