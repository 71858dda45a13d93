export const id = 205;
export const ids = [205,605];
export const modules = {

/***/ 2197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ applyRetention),
/* harmony export */   f: () => (/* binding */ hasRetentionRule)
/* harmony export */ });
/**
 * Retention: which backups to delete. Only verified backups count towards a rule, the
 * newest verified backup is never deleted, and an unverified backup is deleted only once a
 * newer verified one exists — so a run of failed or unverified backups can never cost the
 * last good copy.
 */
function hasRetentionRule(policy) {
    return Object.values(policy).some((value) => value !== undefined);
}
function dayOf(date) {
    return date.toISOString().slice(0, 10);
}
/** ISO 8601 week, e.g. 2026-W48: weeks start on Monday, as people expect of "weekly". */
function weekOf(date) {
    const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
    const weekday = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - weekday);
    const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
    const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
    return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
function monthOf(date) {
    return date.toISOString().slice(0, 7);
}
/** The newest backup of each of the `count` most recent periods that have one. */
function newestPerPeriod(newestFirst, count, period) {
    const seen = new Set();
    const out = [];
    for (const backup of newestFirst) {
        if (seen.size >= count)
            break;
        const p = period(backup.time);
        if (seen.has(p))
            continue;
        seen.add(p);
        out.push(backup);
    }
    return out;
}
function applyRetention(backups, policy, now) {
    const newestFirst = [...backups].sort((a, b) => b.time.getTime() - a.time.getTime() || b.key.localeCompare(a.key));
    const verified = newestFirst.filter((b) => b.verified);
    const reasons = new Map();
    const keep = (backup, reason) => {
        const list = reasons.get(backup) ?? [];
        list.push(reason);
        reasons.set(backup, list);
    };
    const newestVerified = verified[0];
    if (newestVerified)
        keep(newestVerified, "newest verified");
    if (policy.keepLast !== undefined)
        for (const b of verified.slice(0, policy.keepLast))
            keep(b, "last");
    if (policy.keepDaily !== undefined) {
        for (const b of newestPerPeriod(verified, policy.keepDaily, dayOf))
            keep(b, "daily");
    }
    if (policy.keepWeekly !== undefined) {
        for (const b of newestPerPeriod(verified, policy.keepWeekly, weekOf))
            keep(b, "weekly");
    }
    if (policy.keepMonthly !== undefined) {
        for (const b of newestPerPeriod(verified, policy.keepMonthly, monthOf))
            keep(b, "monthly");
    }
    if (policy.keepWithinMs !== undefined) {
        const since = now.getTime() - policy.keepWithinMs;
        for (const b of verified)
            if (b.time.getTime() >= since)
                keep(b, "within");
    }
    for (const b of newestFirst) {
        // Not yet superseded by a verified backup: it may hold the newest data there is.
        if (!b.verified && (!newestVerified || b.time.getTime() >= newestVerified.time.getTime())) {
            keep(b, "newer than the newest verified");
        }
    }
    return {
        keep: newestFirst
            .filter((b) => reasons.has(b))
            .map((backup) => ({ backup, reasons: reasons.get(backup) })),
        delete: newestFirst.filter((b) => !reasons.has(b)),
    };
}


/***/ }),

/***/ 8585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ backup)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:perf_hooks"
var external_node_perf_hooks_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/backup-engine/encryption.ts
var encryption = __webpack_require__(8170);
// EXTERNAL MODULE: ./src/backup-engine/garbage.ts
var garbage = __webpack_require__(1700);
// EXTERNAL MODULE: ./src/backup-engine/manifest.ts
var backup_engine_manifest = __webpack_require__(4158);
// EXTERNAL MODULE: ./src/backup-engine/retention.ts
var retention = __webpack_require__(2197);
// EXTERNAL MODULE: ./src/backup-engine/source.ts + 4 modules
var source = __webpack_require__(2632);
// EXTERNAL MODULE: ./src/backup-engine/store.ts
var store = __webpack_require__(694);
// EXTERNAL MODULE: ./src/backup-engine/stream-taps.ts
var stream_taps = __webpack_require__(7590);
// EXTERNAL MODULE: ./src/backup-engine/connection.ts
var connection = __webpack_require__(6595);
// EXTERNAL MODULE: ./src/backup-engine/database.ts
var database = __webpack_require__(9802);
// EXTERNAL MODULE: ./src/backup-engine/read-backup.ts
var read_backup = __webpack_require__(2970);
;// CONCATENATED MODULE: ./src/backup-engine/verify-backup.ts
/**
 * Verification of a new backup before its manifest exists. Databases that can be counted
 * are restored into a scratch database on the same server (or `verify-url`'s) and their
 * row counts compared with what the dump held; the scratch database is always dropped.
 * Everything else is read back: download, checksum, decrypt and decompress to the end.
 */






/** Only the tables the dump holds rows for: the others were left out on purpose. */
function restrictTo(counts, tables) {
    if (!tables)
        return counts;
    return Object.fromEntries(Object.entries(counts).filter(([table]) => tables.has(table)));
}
async function verifyBackup(manifest, target, deps) {
    const kind = manifest.source.kind;
    const engine = kind === "postgres" || kind === "mysql" ? (0,source/* engineFor */.Ec)(kind, target.postgresFormat) : undefined;
    if (!engine || !target.connection || !manifest["row-counts"]) {
        try {
            await (0,promises_.pipeline)(await (0,read_backup/* openBackup */.Tw)(deps.store, manifest, deps.encryptionKey), (0,read_backup/* discard */.vf)());
            return {
                passed: true,
                method: "read-back",
                detail: "read back: checksum, decryption and decompression passed",
            };
        }
        catch (error) {
            return {
                passed: false,
                method: "read-back",
                detail: `reading the backup back failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
            };
        }
    }
    const scratch = (0,connection/* withDatabase */.kR)(target.connection, (0,database/* scratchDatabaseName */.h)());
    deps.logger.info(`Restoring into scratch database ${scratch.database} to verify`);
    try {
        const withData = engine.tablesWithData
            ? await engine.tablesWithData(await (0,read_backup/* openBackup */.Tw)(deps.store, manifest, deps.encryptionKey), deps.tools)
            : undefined;
        const expected = restrictTo(manifest["row-counts"], withData);
        await engine.createDatabase(scratch, deps.tools);
        await engine.restore(scratch, await (0,read_backup/* openBackup */.Tw)(deps.store, manifest, deps.encryptionKey), { clean: false, extraArgs: [] }, deps.tools);
        const counts = await engine.rowCounts(scratch, deps.tools);
        const problems = (0,database/* compareRowCounts */.O)(expected, counts);
        if (problems.length > 0) {
            return {
                passed: false,
                method: "restore",
                detail: `the restored copy differs: ${problems.join("; ")}`,
            };
        }
        const tables = Object.keys(counts).length;
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        return {
            passed: true,
            method: "restore",
            detail: `restored into a scratch database: ${tables} tables, ${rows} rows match`,
            rowCounts: expected,
        };
    }
    catch (error) {
        return {
            passed: false,
            method: "restore",
            detail: `restoring into a scratch database failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    finally {
        try {
            await engine.dropDatabase(scratch, deps.tools);
        }
        catch (error) {
            deps.logger.warning(`Could not drop scratch database ${scratch.database}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/backup-engine/take-backup.ts
/**
 * backup: dump → compress → encrypt → upload as one stream with its SHA-256 computed on the
 * way; then verify; then write the manifest (the backup exists from that moment); then
 * apply retention, which only ever runs after this run's backup verified.
 */













function objectKey(params, started) {
    const { extension } = (0,source/* sourceFormat */.Pm)(params.source);
    const suffix = [
        extension,
        ...(params.compression === "gzip" ? ["gz"] : []),
        ...(params.encryptionKey ? ["enc"] : []),
    ].join(".");
    return `${params.set}/${(0,backup_engine_manifest/* timestampName */.e2)(started)}-${(0,external_node_crypto_.randomBytes)(3).toString("hex")}.${suffix}`;
}
/** Streams the dump into the store; returns the stored size and SHA-256. */
async function streamToStore(dump, key, params, store) {
    const counter = new stream_taps/* ByteCounter */.P$((0,garbage/* scavengeEvery */.A)(8 * 1024 * 1024));
    const digest = new stream_taps/* DigestTap */.Ey();
    const stages = [counter];
    if (params.compression === "gzip")
        stages.push((0,external_node_zlib_.createGzip)({ level: params.compressionLevel }));
    if (params.encryptionKey)
        stages.push(new encryption/* EncryptStream */.CJ(params.encryptionKey));
    // The store reads `digest`; the pipeline fails every stage, and so the upload, if the
    // dump fails at any point (a dump cut short must never be stored as complete).
    const flowing = (0,promises_.pipeline)([dump.stream, ...stages, digest]);
    // Wait for both sides to settle, so a failed upload has cleaned up before we go on; the
    // dump's error, if any, is the more telling reason.
    const [dumped, uploaded] = await Promise.allSettled([
        flowing,
        store.upload(key, digest, dump.sizeHint),
    ]);
    if (dumped.status === "rejected")
        throw dumped.reason;
    if (uploaded.status === "rejected")
        throw uploaded.reason;
    // A dump tool told to write elsewhere (--file in dump-args) still exits 0, leaving only
    // the compression's frame: an empty dump is no backup.
    if (counter.bytes === 0) {
        throw new Error(`the dump was empty (0 bytes on standard output); check dump-args, where an option such as --file sends the dump elsewhere`);
    }
    return { size: digest.bytesSeen, sha256: digest.sha256, dumpSize: counter.bytes };
}
async function removeQuietly(store, key, logger) {
    try {
        await store.remove(key);
    }
    catch (error) {
        logger.warning(`Could not remove the incomplete object ${store.location(key)}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
async function runRetention(params, deps) {
    const { backups, broken } = await (0,backup_engine_manifest/* listBackups */.Cw)(deps.store, params.set);
    for (const key of broken)
        deps.logger.warning(`Ignoring ${deps.store.location(key)}: unreadable manifest or missing data`);
    const decision = (0,retention/* applyRetention */.d)(backups.map((b) => ({ ...b, verified: b.manifest.verification.verified })), params.retention, deps.clock.now());
    const outcome = {
        kept: decision.keep.map((k) => ({
            location: deps.store.location(k.backup.key),
            reasons: k.reasons,
        })),
        deleted: [],
        wouldDelete: [],
    };
    for (const backup of decision.delete) {
        const location = deps.store.location(backup.key);
        if (params.retentionDryRun) {
            deps.logger.info(`Would delete ${location}`);
            outcome.wouldDelete.push(location);
            continue;
        }
        // Manifest first: from that moment the backup no longer exists, even if removing the
        // data object then fails.
        await deps.store.remove((0,backup_engine_manifest/* manifestKey */.Rn)(backup.key));
        await deps.store.remove(backup.key);
        deps.logger.info(`Deleted ${location}`);
        outcome.deleted.push(location);
    }
    return outcome;
}
function verificationTarget(params) {
    const { source } = params;
    const connection = params.verifyConnection ?? ("connection" in source ? source.connection : undefined);
    return {
        ...(connection ? { connection } : {}),
        postgresFormat: source.kind === "postgres" ? source.postgresFormat : "custom",
    };
}
function describeStage(stage, error) {
    return `${stage}: ${(0,errors/* errorMessage */.gJ)(error).replace(/\.$/, "")}. No manifest was written, so no backup was recorded and retention did not run.`;
}
async function backup(params, deps) {
    const now = deps.now ?? (() => external_node_perf_hooks_.performance.now());
    const startTime = now();
    const started = deps.clock.now();
    const key = objectKey(params, started);
    const location = deps.store.location(key);
    const redact = (text) => deps.secrets.redact(text);
    const { stored, metadata } = await deps.logger.group(`Dumping ${params.source.kind} to ${location}`, async () => {
        let active;
        try {
            active = await (0,source/* startDump */.dK)(params.source, deps.tools);
            const streamed = await streamToStore(active, key, params, deps.store);
            return { stored: streamed, metadata: await active.finish() };
        }
        catch (error) {
            active?.abort();
            // Never remove an object this run did not write.
            if (!(error instanceof store/* ObjectExistsError */.q))
                await removeQuietly(deps.store, key, deps.logger);
            throw new errors/* OperationFailedError */.Bp(redact(describeStage("The backup failed", error)));
        }
    });
    const { format } = (0,source/* sourceFormat */.Pm)(params.source);
    const manifest = {
        version: 1,
        name: key.slice(params.set.length + 1),
        set: params.set,
        object: key,
        size: stored.size,
        sha256: stored.sha256,
        "dump-size": stored.dumpSize,
        source: {
            kind: params.source.kind,
            format,
            ...(metadata.serverVersion ? { "server-version": metadata.serverVersion } : {}),
            ...(metadata.database ? { database: metadata.database } : {}),
        },
        "started-at": started.toISOString(),
        "finished-at": started.toISOString(),
        compression: params.compression,
        encryption: params.encryptionKey ? encryption/* ENCRYPTION_NAME */.yv : "none",
        ...(metadata.rowCounts ? { "row-counts": metadata.rowCounts } : {}),
        verification: { verified: false, method: "none" },
        ...(params.release ? { release: params.release } : {}),
    };
    deps.logger.info(`Stored ${stored.size} bytes, SHA-256 ${stored.sha256}`);
    let verification;
    if (params.verify) {
        verification = await deps.logger.group("Verifying the backup", () => verifyBackup(manifest, verificationTarget(params), {
            store: deps.store,
            tools: deps.tools,
            logger: deps.logger,
            ...(params.encryptionKey ? { encryptionKey: params.encryptionKey } : {}),
        }));
        if (!verification.passed) {
            await removeQuietly(deps.store, key, deps.logger);
            throw new errors/* OperationFailedError */.Bp(redact(describeStage("Verification failed", verification.detail)));
        }
        if (verification.rowCounts)
            manifest["row-counts"] = verification.rowCounts;
        manifest.verification = {
            verified: true,
            method: verification.method,
            detail: verification.detail,
        };
        deps.logger.info(verification.detail);
    }
    manifest["finished-at"] = deps.clock.now().toISOString();
    try {
        await deps.store.putSmall((0,backup_engine_manifest/* manifestKey */.Rn)(key), (0,backup_engine_manifest/* serializeManifest */.MZ)(manifest));
    }
    catch (error) {
        await removeQuietly(deps.store, key, deps.logger);
        throw new errors/* OperationFailedError */.Bp(redact(describeStage("Writing the manifest failed", error)));
    }
    deps.logger.info(`Backup recorded: ${location}`);
    const result = { location, manifest, durationMs: 0 };
    if (verification)
        result.verification = verification;
    if ((0,retention/* hasRetentionRule */.f)(params.retention)) {
        try {
            result.retention = await deps.logger.group("Applying retention", () => runRetention(params, deps));
        }
        catch (error) {
            result.retentionError = redact(`The backup succeeded, but retention failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    result.durationMs = now() - startTime;
    return result;
}


/***/ }),

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

/***/ 6205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrateAction: () => (/* binding */ migrateAction),
  migrateParamsFrom: () => (/* binding */ migrateParamsFrom)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/backup-engine/connection.ts
var backup_engine_connection = __webpack_require__(6595);
// EXTERNAL MODULE: ./src/backup-engine/store-inputs.ts + 3 modules
var store_inputs = __webpack_require__(7747);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/backup-engine/take-backup.ts + 1 modules
var take_backup = __webpack_require__(8585);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/backup-engine/sql-session.ts
var sql_session = __webpack_require__(5662);
;// CONCATENATED MODULE: ./src/migrate/database-lock.ts
/**
 * The migration lock: a PostgreSQL advisory lock or a MariaDB/MySQL GET_LOCK, held by a
 * session of its own for the whole step (backup and migration), so two runs never migrate
 * one database at once. The server frees it when the session ends, so a run that dies
 * never leaves it behind. A second run polls for it until its timeout, then fails with a
 * sentence naming the holder, as far as the database can tell who that is.
 */



/** PostgreSQL's two-key advisory locks: this key says "Greenlight"; the second, which lock. */
const POSTGRES_CLASS_KEY = 0x474c4d47;
const POLL_MS = 1_000;
/** A 31-bit key for a lock name: positive, so PostgreSQL shows it in pg_locks as given. */
function postgresLockKey(name) {
    return (0,external_node_crypto_.createHash)("sha256").update(name).digest().readUInt32BE(0) & 0x7fffffff;
}
/** GET_LOCK names are server-wide and at most 64 characters: scope the name to the database. */
function mysqlLockName(name, database) {
    const full = `${name}:${database}`;
    if (full.length <= 64)
        return full;
    return `${full.slice(0, 47)}:${(0,external_node_crypto_.createHash)("sha256").update(full).digest("hex").slice(0, 16)}`;
}
function sqlLiteral(value) {
    return "'" + value.replace(/\\/g, "\\\\").replace(/'/g, "''") + "'";
}
function postgresDialect(session, name) {
    const key = postgresLockKey(name);
    return {
        async tryLock() {
            const [[answer] = []] = await session.query(`SELECT pg_try_advisory_lock(${POSTGRES_CLASS_KEY}, ${key});`);
            return answer === "t";
        },
        async holder() {
            const [row] = await session.query(`SELECT a.application_name, a.pid, a.usename, coalesce(host(a.client_addr), 'a local socket'),
                to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${POSTGRES_CLASS_KEY}
            AND l.objid = ${key} AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());`);
            if (!row)
                return undefined;
            const [application, pid, user, from, since] = row;
            const who = application ? `"${application}"` : "a session";
            return `${who} (PostgreSQL pid ${pid}, user ${user}, from ${from}, connected since ${since})`;
        },
        async unlock() {
            await session.query(`SELECT pg_advisory_unlock(${POSTGRES_CLASS_KEY}, ${key});`);
        },
    };
}
function mysqlDialect(session, name) {
    const literal = sqlLiteral(name);
    return {
        async tryLock() {
            const [[answer] = []] = await session.query(`SELECT GET_LOCK(${literal}, 0);`);
            return answer === "1";
        },
        async holder() {
            const [[id] = []] = await session.query(`SELECT IS_USED_LOCK(${literal});`);
            if (!id || id === "NULL")
                return undefined;
            // Without the PROCESS privilege the server shows only this user's own sessions.
            const [row] = await session.query(`SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = ${Number(id)};`);
            if (!row)
                return `connection ${id}`;
            const [user, host, seconds] = row;
            return `connection ${id} (user ${user} from ${host}, connected for ${seconds} s)`;
        },
        async unlock() {
            await session.query(`SELECT RELEASE_LOCK(${literal});`);
        },
    };
}
function describeWait(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
/** Takes the lock, waiting up to the timeout; the returned lock must be released. */
async function acquireMigrationLock(request, deps) {
    const { connection } = request;
    const session = sql_session/* SqlSession */.X.open(connection, deps.tools, request.holderName);
    const dialect = connection.kind === "postgres"
        ? postgresDialect(session, request.name)
        : mysqlDialect(session, mysqlLockName(request.name, connection.database));
    try {
        const deadline = deps.clock.now().getTime() + request.timeoutMs;
        let announced = false;
        while (!(await dialect.tryLock())) {
            const holder = (await dialect.holder()) ?? "another session (the database does not say which)";
            const left = deadline - deps.clock.now().getTime();
            if (left <= 0) {
                throw new errors/* OperationFailedError */.Bp(`Another migration of database "${connection.database}" holds the migration lock: ${holder}; it was not freed within ${describeWait(request.timeoutMs)}. Let that run finish (or stop it), or raise lock-timeout.`);
            }
            if (!announced) {
                deps.logger.info(`Waiting for the migration lock, held by ${holder}.`);
                announced = true;
            }
            await deps.clock.sleep(Math.min(POLL_MS, left));
        }
        deps.logger.info(`Holding the migration lock on database "${connection.database}".`);
    }
    catch (error) {
        await session.close();
        throw error;
    }
    return {
        async release() {
            // Ending the session frees the lock anyway; unlocking first says so explicitly.
            await dialect.unlock().catch(() => undefined);
            await session.close();
        },
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/migrate/migration-command.ts
/**
 * The team's own migration tool (prisma, alembic, golang-migrate, flyway…), run as a shell
 * command with the database URL in DATABASE_URL. Greenlight orchestrates around it; it does
 * not read or second-guess the tool's work beyond its exit code. Output (stdout and stderr
 * interleaved) is kept, redacted, for the log group.
 */

const OUTPUT_LIMIT = 1024 * 1024;
function runShellCommand(command, options) {
    const env = {};
    for (const [name, value] of Object.entries(options.env))
        if (value !== undefined)
            env[name] = value;
    env.DATABASE_URL = options.databaseUrl;
    return new Promise((resolvePromise) => {
        const child = (0,external_node_child_process_.spawn)("/bin/sh", ["-c", command], {
            cwd: options.cwd,
            env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        const collect = (chunk) => {
            output = (output + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
        };
        child.stdout.on("data", collect);
        child.stderr.on("data", collect);
        child.once("error", (error) => {
            resolvePromise({ exitCode: 127, output: options.secrets.redact(error.message) });
        });
        child.once("close", (code, signal) => {
            const ended = signal ? `${output}\n(killed by ${signal})` : output;
            resolvePromise({ exitCode: code ?? 128, output: options.secrets.redact(ended) });
        });
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/backup-engine/process.ts
var process = __webpack_require__(3978);
;// CONCATENATED MODULE: ./src/migrate/plain-sql.ts
/**
 * The runner for teams with no migration tool: a directory of plain .sql files, applied in
 * name order (numbers compared as numbers: 2_x before 10_x), each once, recorded in a table
 * with its checksum and the release that applied it. On PostgreSQL a file and its record
 * commit together; MariaDB/MySQL commit DDL as they go, so there the record follows the
 * file only when every statement succeeded.
 */






/** Reads the directory's .sql files in the order they apply; bad input is refused here. */
async function readSqlDirectory(directory, cwd) {
    const path = (0,external_node_path_.resolve)(cwd, directory);
    const inside = (0,external_node_path_.relative)(cwd, path);
    if (inside.startsWith("..") || (0,external_node_path_.resolve)(cwd, inside) !== path) {
        throw new errors/* ConfigurationError */.j1(`Input "sql-dir" (${directory}) is outside the workspace; give a directory inside it, e.g. db/migrations.`);
    }
    let names;
    try {
        names = await external_node_fs_.promises.readdir(path);
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigurationError */.j1(code === "ENOENT"
            ? `Input "sql-dir" names ${directory}, which does not exist; give the directory that holds the .sql files.`
            : `Input "sql-dir" names ${directory}, which cannot be read (${code ?? "error"}); give a readable directory of .sql files.`);
    }
    const sqlNames = names
        .filter((n) => n.endsWith(".sql"))
        .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    if (sqlNames.length === 0) {
        throw new errors/* ConfigurationError */.j1(`Input "sql-dir" names ${directory}, which holds no .sql files; add the migrations (e.g. 001_create_orders.sql) or give the command input instead.`);
    }
    const files = [];
    for (const name of sqlNames) {
        if (name.length > 255) {
            throw new errors/* ConfigurationError */.j1(`Input "sql-dir" holds a file whose name is longer than 255 characters (${name.slice(0, 40)}…); shorten it.`);
        }
        let sql;
        try {
            sql = await external_node_fs_.promises.readFile((0,external_node_path_.join)(path, name), "utf8");
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`Input "sql-dir": ${name} cannot be read (${error.code ?? "error"}); check its permissions.`);
        }
        files.push({ name, sql, checksum: (0,external_node_crypto_.createHash)("sha256").update(sql).digest("hex") });
    }
    return files;
}
function literal(value) {
    return "'" + value.replace(/'/g, "''") + "'";
}
/** The files already recorded (name → checksum); none while the table does not exist. */
async function appliedFiles(session, kind, table) {
    const exists = kind === "postgres"
        ? `SELECT to_regclass(${literal(table)}) IS NOT NULL;`
        : `SELECT COUNT(*) > 0 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ${literal(table)};`;
    const [[answer] = []] = await session.query(exists);
    if (answer !== "t" && answer !== "1")
        return new Map();
    const rows = await session.query(`SELECT name, checksum FROM ${table} ORDER BY name;`);
    return new Map(rows.map(([name, checksum]) => [name, checksum ?? ""]));
}
function pendingFiles(files, applied) {
    return files.filter((f) => !applied.has(f.name));
}
/** Files whose content changed after they were applied: worth a warning, never a re-run. */
function editedFiles(files, applied) {
    return files
        .filter((f) => applied.has(f.name) && applied.get(f.name) !== f.checksum)
        .map((f) => f.name);
}
function createTableSql(table) {
    return `CREATE TABLE IF NOT EXISTS ${table} (name VARCHAR(255) PRIMARY KEY, checksum CHAR(64) NOT NULL, release_version VARCHAR(255), applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);`;
}
function clientCommand(connection, tools, file) {
    const label = `${file}`;
    if (connection.kind === "postgres") {
        return {
            argv: ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-w"],
            env: { ...(0,backup_engine_connection/* postgresEnv */.jx)(connection), PGAPPNAME: "greenlight-migrate" },
            label,
        };
    }
    const { args, env } = (0,backup_engine_connection/* mysqlArgs */.aY)(connection);
    return {
        argv: [(0,process/* findProgram */.Kp)(["mariadb", "mysql"], tools.baseEnv), ...args, connection.database],
        env,
        label,
    };
}
/** Applies one file and records it; returns the client's output. */
async function applySqlFile(connection, table, file, release, tools) {
    const record = `INSERT INTO ${table} (name, checksum, release_version) VALUES (${literal(file.name)}, ${literal(file.checksum)}, ${literal(release)});`;
    // A file without a final semicolon must not swallow the record into its last statement
    // (an extra empty statement is an error for the MariaDB client, so only when needed).
    const body = file.sql.trimEnd();
    const sql = body.endsWith(";") ? body : `${body}\n;`;
    const input = connection.kind === "postgres" ? `BEGIN;\n${sql}\n${record}\nCOMMIT;\n` : `${sql}\n${record}\n`;
    return (0,process/* toolText */.C_)(clientCommand(connection, tools, file.name), tools, input);
}

;// CONCATENATED MODULE: ./src/migrate/main.ts






function commandOptions(params, deps) {
    return {
        cwd: deps.cwd,
        env: deps.tools.baseEnv,
        secrets: deps.secrets,
        databaseUrl: params.connection.url,
    };
}
async function findPending(params, deps, session) {
    const { migration } = params;
    if (migration.kind === "sql") {
        const applied = await appliedFiles(session(), params.connection.kind, migration.table);
        for (const name of editedFiles(migration.files, applied)) {
            deps.logger.warning(`${name} changed after it was applied; applied files are never run again, so put the change in a new file.`);
        }
        const files = pendingFiles(migration.files, applied);
        return files.length === 0
            ? { pending: false, detail: `all ${migration.files.length} .sql files are applied` }
            : { pending: true, detail: `${files.length} .sql file(s) pending`, files };
    }
    if (!migration.statusCommand) {
        return { pending: true, detail: "no status command, so the migration command decides" };
    }
    const run = deps.runCommand ?? runShellCommand;
    const status = await deps.logger.group("Migration status", async () => {
        const result = await run(migration.statusCommand, commandOptions(params, deps));
        if (result.output.trim())
            deps.logger.info(result.output.trimEnd());
        return result;
    });
    return status.exitCode === 0
        ? { pending: false, detail: "the status command reports nothing pending" }
        : { pending: true, detail: `the status command exited with ${status.exitCode}` };
}
function restoreCommand(params, taken) {
    return [
        "greenlight restore",
        `--name ${taken.manifest.set}`,
        `--backup ${taken.manifest.name}`,
        ...params.restoreFlags,
        '--target-url "$DATABASE_URL"',
        "--overwrite true",
    ].join(" ");
}
async function takeBackup(params, deps) {
    if (!deps.store)
        return { error: "no backup store was configured" };
    try {
        return await (0,take_backup/* backup */.R)(params, {
            store: deps.store,
            clock: deps.clock,
            logger: deps.logger,
            secrets: deps.secrets,
            tools: deps.tools,
        });
    }
    catch (error) {
        return { error: (0,errors/* errorMessage */.gJ)(error) };
    }
}
/** Runs the migration; returns the files applied, or why it failed. */
async function runMigration(params, deps, pending, session) {
    const { migration } = params;
    if (migration.kind === "command") {
        const run = deps.runCommand ?? runShellCommand;
        // The command is not a secret, but someone may have written the URL into it.
        const title = `Migration output (${deps.secrets.redact(migration.command)})`;
        const result = await deps.logger.group(title, async () => {
            const ran = await run(migration.command, commandOptions(params, deps));
            if (ran.output.trim())
                deps.logger.info(ran.output.trimEnd());
            return ran;
        });
        return result.exitCode === 0
            ? { applied: [] }
            : { applied: [], error: `the migration command exited with code ${result.exitCode}` };
    }
    await session().query(createTableSql(migration.table));
    const applied = [];
    for (const file of pending.files ?? []) {
        const error = await deps.logger.group(`Applying ${file.name}`, async () => {
            try {
                const output = await applySqlFile(params.connection, migration.table, file, params.release.version, deps.tools);
                if (output.trim())
                    deps.logger.info(deps.secrets.redact(output.trimEnd()));
                return undefined;
            }
            catch (failure) {
                const message = deps.secrets.redact((0,errors/* errorMessage */.gJ)(failure));
                deps.logger.info(message);
                return message;
            }
        });
        if (error)
            return { applied, error: `${file.name} failed: ${error.replace(/\.$/, "")}` };
        applied.push(file.name);
    }
    return { applied };
}
async function migrate(params, deps) {
    const lock = await acquireMigrationLock({
        connection: params.connection,
        name: params.lock.name,
        timeoutMs: params.lock.timeoutMs,
        holderName: `greenlight-migrate ${params.release.environment ?? ""} ${params.release.version}`
            .replace(/\s+/g, " ")
            .slice(0, 63),
    }, deps);
    // A session of its own for reading and preparing the plain-SQL table, opened on demand.
    let reader;
    const session = () => (reader ??= sql_session/* SqlSession */.X.open(params.connection, deps.tools, "greenlight-migrate"));
    try {
        const pending = await findPending(params, deps, session);
        if (!pending.pending) {
            deps.logger.info(`Nothing to migrate: ${pending.detail}; no backup taken.`);
            return { status: "up-to-date", detail: pending.detail, applied: [] };
        }
        deps.logger.info(`Migrating: ${pending.detail}.`);
        let taken;
        if (params.backup) {
            const result = await takeBackup(params.backup, deps);
            if ("error" in result) {
                const failure = `The backup before the migration failed, so nothing was migrated: ${result.error.replace(/\.$/, "")}.`;
                return { status: "failed", detail: pending.detail, applied: [], failure };
            }
            taken = result;
            deps.logger.info(`Backup taken before release ${params.release.version}: ${taken.location}`);
        }
        const ran = await runMigration(params, deps, pending, session);
        const backupInfo = taken
            ? { location: taken.location, name: taken.manifest.name, set: taken.manifest.set }
            : undefined;
        if (!ran.error) {
            return {
                status: "migrated",
                detail: pending.detail,
                applied: ran.applied,
                ...(backupInfo ? { backup: backupInfo } : {}),
            };
        }
        const restore = taken ? restoreCommand(params, taken) : undefined;
        const kept = taken
            ? ` The backup taken before it is kept: ${taken.location}. To put the data back as it was (losing writes since), run: ${restore}`
            : " No backup was taken (backup is off).";
        return {
            status: "failed",
            detail: pending.detail,
            applied: ran.applied,
            ...(backupInfo ? { backup: backupInfo } : {}),
            ...(restore ? { restoreCommand: restore } : {}),
            failure: `The migration failed: ${ran.error}.${kept}`,
        };
    }
    finally {
        await reader?.close();
        await lock.release();
    }
}

// EXTERNAL MODULE: ./src/core/summary.ts
var core_summary = __webpack_require__(1363);
;// CONCATENATED MODULE: ./src/migrate/summary.ts

const HEADLINES = {
    migrated: "Migrated",
    "up-to-date": "Nothing to migrate",
    failed: "Migration failed",
};
function migrateSummary(result, release) {
    const rows = [
        ["release", [release.version, release.environment].filter(Boolean).join(" in ")],
        ["what", result.detail],
    ];
    if (result.applied.length > 0)
        rows.push(["applied", result.applied.map(core_summary/* inlineCode */.ti).join(", ")]);
    if (result.backup)
        rows.push(["backup before it", (0,core_summary/* inlineCode */.ti)(result.backup.location)]);
    const summary = [
        { kind: "heading", text: `migrate: ${HEADLINES[result.status]}` },
        { kind: "table", header: ["", ""], rows },
    ];
    if (result.failure)
        summary.push({ kind: "paragraph", text: result.failure });
    if (result.restoreCommand) {
        summary.push({ kind: "code", text: result.restoreCommand, language: "sh" });
    }
    return summary;
}

;// CONCATENATED MODULE: ./src/migrate/definition.ts
/**
 * migrate's inputs: the database, the migration (a command or a directory of .sql files),
 * the lock, the release the migration belongs to, and where the backup before it goes. All
 * checked, and the .sql files read, before anything connects to the database.
 */









const inputShape = {
    "database-url": schemas/* string */.YjP(),
    command: schemas/* string */.YjP().trim().min(1, { message: "must not be empty" }).optional(),
    "status-command": schemas/* string */.YjP().trim().min(1, { message: "must not be empty" }).optional(),
    "sql-dir": schemas/* string */.YjP().trim().min(1, { message: "must not be empty" }).optional(),
    "sql-table": schemas/* string */.YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, {
        message: "must be a plain table name (letters, digits, underscores), e.g. greenlight_migrations",
    })
        .default("greenlight_migrations"),
    "lock-name": schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,47}$/, {
        message: "must be up to 48 letters, digits, dots, colons, dashes or underscores",
    })
        .default("greenlight-migrate"),
    "lock-timeout": inputs/* durationInput */.Ts
        .refine((ms) => ms > 0, {
        message: "must be longer than 0, or a second run could never wait for the first; e.g. 10m",
    })
        .default(10 * 60_000),
    release: schemas/* string */.YjP().trim().min(1, { message: "must not be empty" }).optional(),
    "release-commit": schemas/* string */.YjP().trim().optional(),
    environment: schemas/* string */.YjP().trim().optional(),
    backup: inputs/* booleanInput */.tE.default(true),
    "backup-name": store_inputs/* setNameInput */.Ap.optional(),
    ...store_inputs/* storeInputShape */.fC,
    destination: store_inputs/* storeInputShape */.fC.destination.optional(),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
function connectionFrom(params, context) {
    const url = params["database-url"];
    if (!url.trim()) {
        throw new errors/* ConfigurationError */.j1(`Input "database-url" is required: pass the database to migrate from a secret, e.g. \${{ secrets.DATABASE_URL }}.`);
    }
    const kind = (0,backup_engine_connection/* kindOfUrl */.N9)(url);
    if (kind === "mongodb") {
        throw new errors/* ConfigurationError */.j1(`Input "database-url" is a MongoDB URL, but migrate works with PostgreSQL and MariaDB/MySQL; give a postgresql://, mysql:// or mariadb:// URL.`);
    }
    const connection = (0,backup_engine_connection/* parseDatabaseUrl */.mx)(url, "database-url");
    context.secrets.add(connection.password);
    if (!connection.database) {
        throw new errors/* ConfigurationError */.j1(`Input "database-url" names no database; add it to the path, e.g. postgresql://user@host/orders.`);
    }
    return connection;
}
async function migrationFrom(params, context) {
    const command = params.command;
    const directory = params["sql-dir"];
    if (command && directory) {
        throw new errors/* ConfigurationError */.j1(`Inputs "command" and "sql-dir" both say how to migrate; give the command of your migration tool or a directory of .sql files, not both.`);
    }
    if (directory) {
        if (params["status-command"]) {
            throw new errors/* ConfigurationError */.j1(`Input "status-command" goes with "command"; with "sql-dir" the applied files are read from the ${params["sql-table"]} table, so remove it.`);
        }
        const files = await readSqlDirectory(directory, context.cwd);
        return { kind: "sql", directory, files, table: params["sql-table"] };
    }
    if (!command) {
        throw new errors/* ConfigurationError */.j1(`Nothing to migrate with: give "command" (your migration tool, e.g. npx prisma migrate deploy) or "sql-dir" (a directory of .sql files).`);
    }
    return { kind: "command", command, statusCommand: params["status-command"] };
}
function releaseFrom(params, context) {
    const commit = params["release-commit"] || context.env.GITHUB_SHA;
    const version = params.release || commit;
    if (!version) {
        throw new errors/* ConfigurationError */.j1(`Input "release" is required outside GitHub Actions: name the release this migration belongs to (e.g. 1.4.0), so its backup can be found with restore --before-release.`);
    }
    return {
        version,
        ...(commit ? { commit } : {}),
        ...(params.environment ? { environment: params.environment } : {}),
    };
}
/** The restore flags that reach the same store again (never a secret). */
function restoreFlags(params) {
    const quote = (value) => /^[\w./:@-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
    return [
        `--destination ${quote(params.destination)}`,
        ...(params["s3-endpoint"] ? [`--s3-endpoint ${quote(params["s3-endpoint"])}`] : []),
        ...(params["s3-region"] ? [`--s3-region ${quote(params["s3-region"])}`] : []),
        ...(params["s3-force-path-style"] !== undefined
            ? [`--s3-force-path-style ${String(params["s3-force-path-style"])}`]
            : []),
        ...(params["encryption-key"] ? ['--encryption-key "$BACKUP_ENCRYPTION_KEY"'] : []),
    ];
}
function backupFrom(params, connection, release) {
    if (!params.backup)
        return undefined;
    if (!params.destination) {
        throw new errors/* ConfigurationError */.j1(`Input "destination" is required for the backup before the migration: give s3://bucket/prefix or a directory, or set backup: false to migrate without one.`);
    }
    const set = params["backup-name"] ?? connection.database;
    if (!store_inputs/* setNameInput */.Ap.safeParse(set).success) {
        throw new errors/* ConfigurationError */.j1(`Input "backup-name" is required because the database name "${set}" cannot name a backup set; give backup-name, e.g. orders-db.`);
    }
    return {
        source: {
            kind: connection.kind,
            connection,
            postgresFormat: "custom",
            dumpArgs: [],
        },
        set,
        compression: "gzip",
        compressionLevel: 6,
        ...(params["encryption-key"] ? { encryptionKey: params["encryption-key"] } : {}),
        verify: true,
        retention: {},
        retentionDryRun: false,
        release,
    };
}
async function migrateParamsFrom(params, context) {
    const connection = connectionFrom(params, context);
    const migration = await migrationFrom(params, context);
    const release = releaseFrom(params, context);
    const backup = backupFrom(params, connection, release);
    return {
        connection,
        migration,
        lock: { name: params["lock-name"], timeoutMs: params["lock-timeout"] },
        release,
        backup,
        restoreFlags: backup ? restoreFlags(params) : [],
    };
}
const migrateAction = (0,action/* defineAction */.Q)({
    name: "migrate",
    inputs: definition_inputs,
    secretInputs: ["database-url", "encryption-key"],
    async run(params, context) {
        const migrateParams = await migrateParamsFrom(params, context);
        const store = migrateParams.backup
            ? (0,store_inputs/* storeFromInputs */.zc)({ ...params, destination: params.destination }, context)
            : undefined;
        const result = await migrate(migrateParams, {
            clock: context.clock,
            logger: context.logger,
            secrets: context.secrets,
            tools: { baseEnv: (0,store_inputs/* toolEnvironment */.uQ)(context), secrets: context.secrets, cwd: context.cwd },
            store,
            cwd: context.cwd,
            env: context.env,
        });
        return {
            outputs: {
                status: result.status,
                applied: JSON.stringify(result.applied),
                backup: result.backup?.location ?? "",
                "restore-command": result.restoreCommand ?? "",
            },
            summary: migrateSummary(result, migrateParams.release),
            ...(result.failure ? { failure: result.failure } : {}),
        };
    },
});


/***/ })

};
