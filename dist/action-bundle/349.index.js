export const id = 349;
export const ids = [349,605];
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

/***/ 8349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  backupAction: () => (/* binding */ backupAction),
  backupParamsFrom: () => (/* binding */ backupParamsFrom)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/backup-engine/connection.ts
var backup_engine_connection = __webpack_require__(6595);
// EXTERNAL MODULE: ./src/backup-engine/take-backup.ts + 1 modules
var take_backup = __webpack_require__(8585);
;// CONCATENATED MODULE: ./src/backup/main.ts
/**
 * backup's logic: the backup pipeline of the backup engine (dump → compress → encrypt →
 * upload, verify, manifest, retention). It lives in src/backup-engine because migrate and
 * rollback take the same backups before a release changes the database or the traffic.
 */


// EXTERNAL MODULE: ./src/backup-engine/retention.ts
var backup_engine_retention = __webpack_require__(2197);
// EXTERNAL MODULE: ./src/backup-engine/store-inputs.ts + 3 modules
var store_inputs = __webpack_require__(7747);
// EXTERNAL MODULE: ./src/core/summary.ts
var core_summary = __webpack_require__(1363);
// EXTERNAL MODULE: ./src/core/quantity.ts
var quantity = __webpack_require__(7950);
;// CONCATENATED MODULE: ./src/backup/summary.ts


function backupSummary(result) {
    const m = result.manifest;
    const summary = [
        { kind: "heading", text: "Backup" },
        {
            kind: "table",
            header: ["", ""],
            rows: [
                ["location", (0,core_summary/* inlineCode */.ti)(result.location)],
                [
                    "source",
                    `${m.source.kind} (${m.source.format})${m.source["server-version"] ? `, ${m.source["server-version"]}` : ""}`,
                ],
                ["size", `${(0,quantity/* formatBytes */.z3)(m.size)} stored, ${(0,quantity/* formatBytes */.z3)(m["dump-size"])} dumped`],
                ["sha256", (0,core_summary/* inlineCode */.ti)(m.sha256)],
                ["compression / encryption", `${m.compression} / ${m.encryption}`],
                ["duration", (0,quantity/* formatSeconds */.Xo)(result.durationMs)],
                [
                    "verified",
                    m.verification.verified ? `✅ ${m.verification.detail ?? ""}` : "not verified",
                ],
            ],
        },
    ];
    const counts = m["row-counts"];
    if (counts && Object.keys(counts).length > 0) {
        summary.push({
            kind: "details",
            title: `Row counts (${Object.keys(counts).length} tables)`,
            blocks: [
                {
                    kind: "table",
                    header: ["table", "rows"],
                    rows: Object.entries(counts).map(([t, n]) => [(0,core_summary/* inlineCode */.ti)(t), String(n)]),
                },
            ],
        });
    }
    const retention = result.retention;
    if (retention) {
        const dry = retention.wouldDelete.length > 0;
        summary.push({ kind: "heading", level: 3, text: dry ? "Retention (dry run)" : "Retention" });
        summary.push({
            kind: "table",
            header: ["backup", "decision"],
            rows: [
                ...retention.kept.map((k) => [(0,core_summary/* inlineCode */.ti)(k.location), `kept: ${k.reasons.join(", ")}`]),
                ...retention.deleted.map((d) => [(0,core_summary/* inlineCode */.ti)(d), "deleted"]),
                ...retention.wouldDelete.map((d) => [(0,core_summary/* inlineCode */.ti)(d), "would delete"]),
            ],
        });
    }
    if (result.retentionError)
        summary.push({ kind: "paragraph", text: `⚠️ ${result.retentionError}` });
    return summary;
}

;// CONCATENATED MODULE: ./src/backup/definition.ts
/**
 * backup's inputs: what to back up (a database URL, a command or paths), where to
 * (destination), how (compression, encryption), verification and retention; all checked
 * before anything runs.
 */









const positive = inputs/* integerInput */.$A.refine((n) => n >= 1, { message: "must be at least 1" });
const inputShape = {
    source: schemas/* enum */.k5n(["postgres", "mysql", "mariadb", "mongodb", "command", "files"]).optional(),
    "database-url": schemas/* string */.YjP().optional(),
    command: schemas/* string */.YjP().optional(),
    paths: inputs/* linesInput */.WO.optional(),
    "dump-args": inputs/* linesInput */.WO.optional(),
    "postgres-format": schemas/* enum */.k5n(["custom", "plain"]).default("custom"),
    name: store_inputs/* setNameInput */.Ap.optional(),
    ...store_inputs/* storeInputShape */.fC,
    compression: schemas/* enum */.k5n(["gzip", "none"]).default("gzip"),
    "compression-level": inputs/* integerInput */.$A
        .refine((n) => n >= 1 && n <= 9, { message: "must be between 1 (fastest) and 9 (smallest)" })
        .default(6),
    verify: inputs/* booleanInput */.tE.default(true),
    "verify-url": schemas/* string */.YjP().optional(),
    "keep-last": positive.optional(),
    "keep-daily": positive.optional(),
    "keep-weekly": positive.optional(),
    "keep-monthly": positive.optional(),
    // Like keep-last 0: a window of nothing would keep nothing but the newest backup.
    "keep-within": inputs/* durationInput */.Ts
        .refine((ms) => ms > 0, { message: "must be longer than 0s, such as 7d" })
        .optional(),
    "retention-dry-run": inputs/* booleanInput */.tE.default(false),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
function connectionFrom(url, input, context) {
    const connection = (0,backup_engine_connection/* parseDatabaseUrl */.mx)(url, input);
    context.secrets.add(connection.password);
    return connection;
}
function sourceKind(params) {
    const given = params.source === "mariadb" ? "mysql" : params.source;
    if (given)
        return given;
    if (params["database-url"]) {
        const kind = (0,backup_engine_connection/* kindOfUrl */.N9)(params["database-url"]);
        if (kind)
            return kind;
        throw new errors/* ConfigurationError */.j1(`Input "database-url" does not say which database it is; start it with postgresql://, mysql://, mariadb:// or mongodb://, or set source.`);
    }
    if (params.command)
        return "command";
    if (params.paths)
        return "files";
    throw new errors/* ConfigurationError */.j1(`Nothing to back up: give database-url (a database), command (a command that writes a dump to stdout) or paths (files to archive).`);
}
function sourceFrom(params, context) {
    const kind = sourceKind(params);
    if (kind === "command") {
        if (!params.command)
            throw new errors/* ConfigurationError */.j1(`Input "command" is required when source is command; give the command that writes the dump to stdout.`);
        return { kind, command: params.command };
    }
    if (kind === "files") {
        if (!params.paths?.length)
            throw new errors/* ConfigurationError */.j1(`Input "paths" is required when source is files; list the files or directories to archive, one per line.`);
        return { kind, paths: params.paths };
    }
    if (!params["database-url"]) {
        throw new errors/* ConfigurationError */.j1(`Input "database-url" is required to back up ${kind}; pass it from a secret, e.g. \${{ secrets.DATABASE_URL }}.`);
    }
    const connection = connectionFrom(params["database-url"], "database-url", context);
    if (connection.kind !== kind) {
        throw new errors/* ConfigurationError */.j1(`Input "database-url" is a ${connection.kind} URL, but source is ${kind}; make them agree.`);
    }
    if (!connection.database) {
        throw new errors/* ConfigurationError */.j1(`Input "database-url" names no database; add it to the path, e.g. postgresql://user@host/orders.`);
    }
    return {
        kind,
        connection,
        postgresFormat: params["postgres-format"],
        dumpArgs: params["dump-args"] ?? [],
    };
}
function retentionFrom(params) {
    const policy = {};
    if (params["keep-last"] !== undefined)
        policy.keepLast = params["keep-last"];
    if (params["keep-daily"] !== undefined)
        policy.keepDaily = params["keep-daily"];
    if (params["keep-weekly"] !== undefined)
        policy.keepWeekly = params["keep-weekly"];
    if (params["keep-monthly"] !== undefined)
        policy.keepMonthly = params["keep-monthly"];
    if (params["keep-within"] !== undefined)
        policy.keepWithinMs = params["keep-within"];
    return policy;
}
function backupParamsFrom(params, context) {
    const source = sourceFrom(params, context);
    const set = params.name ?? ("connection" in source ? source.connection.database : undefined);
    if (!set) {
        throw new errors/* ConfigurationError */.j1(`Input "name" is required for ${source.kind} backups; name the backup set, e.g. uploads.`);
    }
    if (!store_inputs/* setNameInput */.Ap.safeParse(set).success) {
        throw new errors/* ConfigurationError */.j1(`Input "name" is required because the database name "${set}" cannot name a backup set; give name, e.g. orders-db.`);
    }
    const retention = retentionFrom(params);
    if ((0,backup_engine_retention/* hasRetentionRule */.f)(retention) && !params.verify) {
        throw new errors/* ConfigurationError */.j1(`Retention counts only verified backups, but verify is false; set verify: true or remove the keep-* inputs.`);
    }
    const verifyConnection = params["verify-url"]
        ? connectionFrom(params["verify-url"], "verify-url", context)
        : undefined;
    if (verifyConnection && verifyConnection.kind !== source.kind) {
        throw new errors/* ConfigurationError */.j1(`Input "verify-url" is a ${verifyConnection.kind} URL, but the backup is of ${source.kind}; give a server of the same kind for the scratch database.`);
    }
    return {
        source,
        set,
        compression: params.compression,
        compressionLevel: params["compression-level"],
        ...(params["encryption-key"] ? { encryptionKey: params["encryption-key"] } : {}),
        verify: params.verify,
        ...(verifyConnection ? { verifyConnection } : {}),
        retention,
        retentionDryRun: params["retention-dry-run"],
    };
}
const backupAction = (0,action/* defineAction */.Q)({
    name: "backup",
    inputs: definition_inputs,
    secretInputs: ["database-url", "verify-url", "encryption-key"],
    async run(params, context) {
        const backupParams = backupParamsFrom(params, context);
        const store = (0,store_inputs/* storeFromInputs */.zc)(params, context);
        const result = await (0,take_backup/* backup */.R)(backupParams, {
            store,
            clock: context.clock,
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
                verified: String(result.manifest.verification.verified),
                deleted: JSON.stringify(result.retention?.deleted ?? []),
            },
            summary: backupSummary(result),
            ...(result.retentionError ? { failure: result.retentionError } : {}),
        };
    },
});


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


/***/ })

};
