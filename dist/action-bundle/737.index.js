export const id = 737;
export const ids = [737];
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


/***/ }),

/***/ 5737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollbackAction: () => (/* binding */ rollbackAction)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/github/inputs.ts
var inputs = __webpack_require__(450);
// EXTERNAL MODULE: ./src/core/inputs.ts
var core_inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/release/infra-connection.ts + 2 modules
var infra_connection = __webpack_require__(9346);
// EXTERNAL MODULE: ./src/backup-engine/connection.ts
var backup_engine_connection = __webpack_require__(6595);
// EXTERNAL MODULE: ./src/backup-engine/take-backup.ts + 1 modules
var take_backup = __webpack_require__(8585);
// EXTERNAL MODULE: ./src/backup-engine/store-inputs.ts + 3 modules
var store_inputs = __webpack_require__(7747);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
;// CONCATENATED MODULE: ./src/rollback/backup-before-rollback.ts




/** Checks the inputs against what the environment asks; runs nothing. */
function planRollbackBackup(environment, settings, inputs, context) {
    const url = inputs["database-url"] || undefined;
    // A workflow may pass the database to every rollback; only an environment that asks uses it.
    if (!settings)
        return undefined;
    if (!url) {
        throw new errors/* ConfigurationError */.j1(`Environment "${environment}" takes a backup before every rollback, so input "database-url" is required; pass the database from a secret, e.g. \${{ secrets.DATABASE_URL }}.`);
    }
    const connection = (0,backup_engine_connection/* parseDatabaseUrl */.mx)(url, "database-url");
    context.secrets.add(connection.password);
    if (connection.kind === "mongodb" || !connection.database) {
        throw new errors/* ConfigurationError */.j1(`Input "database-url" must name a PostgreSQL or MariaDB/MySQL database, e.g. postgresql://user@host/orders.`);
    }
    const set = settings.name ?? connection.database;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(set)) {
        throw new errors/* ConfigurationError */.j1(`The database name "${set}" cannot name a backup set; give backup-before-rollback.name in the config file, e.g. orders-db.`);
    }
    return {
        settings,
        params: {
            source: { kind: connection.kind, connection, postgresFormat: "custom", dumpArgs: [] },
            set,
            compression: "gzip",
            compressionLevel: 6,
            ...(inputs["encryption-key"] ? { encryptionKey: inputs["encryption-key"] } : {}),
            verify: true,
            retention: {},
            retentionDryRun: false,
        },
    };
}
/** Takes the backup; a failure is reported, never thrown: it must not hold the rollback up. */
async function takeRollbackBackup(plan, context) {
    try {
        const store = (0,store_inputs/* storeFromInputs */.zc)({
            destination: plan.settings.destination,
            "s3-endpoint": plan.settings["s3-endpoint"],
            "s3-region": plan.settings["s3-region"],
        }, context);
        const taken = await context.logger.group("Backup before the rollback", () => (0,take_backup/* backup */.R)(plan.params, {
            store,
            clock: context.clock,
            logger: context.logger,
            secrets: context.secrets,
            tools: { baseEnv: (0,store_inputs/* toolEnvironment */.uQ)(context), secrets: context.secrets, cwd: context.cwd },
        }));
        return { location: taken.location };
    }
    catch (error) {
        return { error: context.secrets.redact((0,errors/* errorMessage */.gJ)(error)) };
    }
}

// EXTERNAL MODULE: ./src/release/land-change.ts
var land_change = __webpack_require__(2453);
// EXTERNAL MODULE: ./src/release/withdraw-promotion.ts
var withdraw_promotion = __webpack_require__(639);
// EXTERNAL MODULE: ./src/release/release-state.ts
var release_state = __webpack_require__(3752);
// EXTERNAL MODULE: ./src/release-file/release-edits.ts
var release_edits = __webpack_require__(6543);
// EXTERNAL MODULE: ./src/release-file/plan-edit.ts + 2 modules
var plan_edit = __webpack_require__(7690);
// EXTERNAL MODULE: ./src/release-file/service-layout.ts
var service_layout = __webpack_require__(1404);
;// CONCATENATED MODULE: ./src/rollback/find-release.ts

function parts(image) {
    const at = image.indexOf("@");
    const digest = at >= 0 ? image.slice(at + 1) : undefined;
    const name = at >= 0 ? image.slice(0, at) : image;
    const colon = name.lastIndexOf(":");
    const tag = colon > name.lastIndexOf("/") ? name.slice(colon + 1) : undefined;
    return { ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}
/** Whether `image` is the release named `wanted`: the whole reference, its tag (with or without a leading v), or its digest. */
function imageMatches(image, wanted) {
    if (image === wanted)
        return true;
    const { tag, digest } = parts(image);
    const bare = (t) => t.replace(/^v(?=\d)/, "");
    if (tag && bare(tag) === bare(wanted))
        return true;
    if (!digest)
        return false;
    if (digest === wanted)
        return true;
    // A digest may be given without its algorithm, or shortened like a commit sha.
    const hex = wanted.replace(/^sha256:/, "");
    return hex.length >= 12 && digest.replace(/^sha256:/, "").startsWith(hex);
}
function sideImages(services, side) {
    const images = {};
    for (const service of services) {
        const image = side === "blue" ? service.blueImage : service.greenImage;
        if (image)
            images[service.name] = image;
    }
    return images;
}
async function findEarlierRelease(source, state, file, wanted, services) {
    const scoped = (list) => services ? list.filter((s) => services.includes(s.name)) : list;
    for (const commit of state.history) {
        const text = commit.oid === state.history[0]?.oid ? state.text : await source.fileAt(file, commit.oid);
        if (text === undefined)
            continue;
        const snapshot = scoped((0,release_state/* snapshotOf */.eY)(text, file, state.layouts, state.format).services);
        for (const side of ["blue", "green"]) {
            const images = sideImages(snapshot, side);
            if (Object.values(images).some((image) => imageMatches(image, wanted))) {
                return { commit: commit.oid, landedAt: commit.landedAt, side, images };
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/rollback/main.ts








function chosenServices(state, wanted) {
    if (wanted.length === 0 || wanted.includes("all"))
        return state.layouts.map((l) => l.name);
    return wanted.map((service) => (0,release_edits/* findLayout */.w5)(state.layouts, service).name);
}
function redeployAssignments(state, release) {
    return Object.entries(release.images).flatMap(([service, image]) => (0,service_layout/* writeField */.YD)((0,release_edits/* findLayout */.w5)(state.layouts, service), "blue-image", image));
}
/** What each service left, named in the commit: the file may no longer hold it afterwards. */
function imageLines(evidence) {
    return Object.entries(evidence.images).map(([service, { from, to }]) => `Rolled back ${service}: ${from} (stable: ${to})`);
}
function bodyOf(evidence) {
    const lines = [`**Reason:** ${evidence.reason}`];
    const images = Object.entries(evidence.images);
    if (images.length > 0) {
        lines.push("", "| Service | Rolled back | Stable |", "| --- | --- | --- |", ...images.map(([s, { from, to }]) => `| ${s} | \`${from}\` | \`${to}\` |`));
    }
    if (evidence.release) {
        lines.push("", `Redeploys the release found at \`${evidence.release.commit.slice(0, 7)}\` (${evidence.release.side} side, landed ${evidence.release.landedAt}):`, "", "| Service | Image |", "| --- | --- |", ...Object.entries(evidence.release.images).map(([s, image]) => `| ${s} | \`${image}\` |`));
    }
    return lines.join("\n");
}
/**
 * Reads the release, decides the rollback and plans its edit in memory: an edit the file
 * cannot take (a first release with nothing to record it) is refused here, with its
 * sentence, before anything is taken or written.
 */
async function planRollback(params, deps) {
    const state = await (0,release_state/* readReleaseState */.lT)(deps.source, {
        base: params.base,
        file: params.file,
        layouts: params.layouts,
        format: params.format,
        branches: [(0,land_change/* branchFor */.yC)(params.environment, "promote")],
        depth: params.to ? params.historyDepth : 2,
    });
    if (!state) {
        throw new errors/* OperationFailedError */.Bp(`${params.file} was not found on branch "${params.base}" of ${deps.source.fullName}; check the "base" and "file" inputs (or the environment's tfvars in the config file).`);
    }
    const services = chosenServices(state, params.services);
    let release;
    if (params.to) {
        release = await findEarlierRelease(deps.source, state, params.file, params.to, services);
        if (!release) {
            throw new errors/* ConfigurationError */.j1(`Input "to" is "${params.to}", which no service ran in the last ${state.history.length} changes of ${params.file}; name a version, tag or digest from its history.`);
        }
    }
    const weighted = services.filter((s) => (0,release_edits/* findLayout */.w5)(state.layouts, s).weighted);
    const weights = {
        ...(0,release_state/* weightsOf */.Z$)(state.services),
        ...Object.fromEntries(weighted.map((s) => [s, 0])),
    };
    const evidence = {
        operation: release ? "redeployed" : "rolled-back",
        reason: params.reason,
        environment: params.environment,
        services,
        weights,
        images: (0,release_state/* rolledBackImages */.US)(state.services, services, release?.images),
        ...(release
            ? {
                release: {
                    commit: release.commit,
                    landedAt: release.landedAt.toISOString(),
                    side: release.side,
                    images: release.images,
                },
            }
            : {}),
        at: deps.clock.now().toISOString(),
    };
    const list = services.join(", ");
    const headline = release
        ? `Roll back ${list} in ${params.environment} to ${params.to}`
        : `Roll back ${list} in ${params.environment}`;
    // Re-planned on a moved base, the rollback must not give a newer release the stable image.
    const rolledBack = Object.fromEntries(state.services
        .filter((s) => services.includes(s.name) && s.greenImage !== undefined)
        .map((s) => [s.name, s.greenImage]));
    const request = {
        kind: "rollback",
        release: { rollback: services, rolledBack },
        ...(release ? { set: redeployAssignments(state, release) } : {}),
        services,
        headline,
        body: bodyOf(evidence),
        commitBody: [`Reason: ${params.reason}`, ...imageLines(evidence)].join("\n"),
        expectedHead: state.head,
        text: state.text,
        replanOnMovedBase: true,
    };
    await (0,plan_edit/* planTfvarsEdit */.a)(params.file, state.text, (0,land_change/* releaseFileEdit */.ML)(request, { path: params.file, format: params.format, layouts: state.layouts }));
    return { state, services, weights, ...(release ? { release } : {}), evidence, request };
}
/** Lands a planned rollback, re-planned on whatever the base holds by then. */
async function landRollback(planned, params, deps) {
    const { state, services, weights, release, evidence, request } = planned;
    const list = services.join(", ");
    const landed = await deps.lander.land(request);
    const headline = request.headline;
    await (0,withdraw_promotion/* withdrawStalePromotion */.zd)(deps.lander, deps.logger, state.openPullRequests[0], "the environment was rolled back");
    const operation = landed.outcome === "unchanged" ? "unchanged" : evidence.operation;
    deps.logger.info(operation === "unchanged"
        ? `${list} already rolled back; nothing to change.`
        : `${headline}: ${params.reason}`);
    if (operation !== "unchanged") {
        try {
            await deps.deployments.record({
                environment: params.environment,
                ref: landed.commit ?? state.head,
                task: "greenlight:rollback",
                state: "success",
                description: `${headline}: ${params.reason}`,
                payload: evidence,
                ...(params.logUrl ? { logUrl: params.logUrl } : {}),
            });
        }
        catch (error) {
            deps.logger.warning(`Could not record the deployment status: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    return {
        operation,
        services,
        weights,
        ...(release ? { release } : {}),
        landed,
        evidence: { ...evidence, operation },
    };
}
async function rollback(params, deps) {
    return landRollback(await planRollback(params, deps), params, deps);
}

;// CONCATENATED MODULE: ./src/rollback/summary.ts


const VERBS = {
    "rolled-back": "moved all traffic back to the stable side and stopped the candidate (scaled to zero, or replaced on green by the stable image where green has no desired count)",
    redeployed: "put an earlier release back on the stable side, with all traffic on it",
    unchanged: "found the environment already rolled back",
};
function rollbackSummary(result, repository) {
    const pr = result.landed?.pullRequest;
    const summary = [
        { kind: "heading", text: `rollback: ${result.operation}` },
        {
            kind: "paragraph",
            text: `Greenlight ${VERBS[result.operation]} for ${result.services.join(", ")} in ${repository}. Reason: ${result.evidence.reason}.${pr ? ` Pull request: [#${pr.number}](${pr.url}).` : ""}`,
        },
    ];
    const images = Object.entries(result.evidence.images);
    if (!result.release && images.length > 0) {
        summary.push({
            kind: "table",
            header: ["Service", "Rolled back", "Stable"],
            rows: images.map(([service, { from, to }]) => [service, from, to]),
        });
    }
    if (result.release) {
        summary.push({
            kind: "table",
            header: ["Service", "Image"],
            rows: Object.entries(result.release.images).map(([service, image]) => [service, image]),
        });
    }
    return summary;
}
/** The action's outputs (but the backup, which the action takes itself). */
function rollbackOutputs(result) {
    const images = Object.entries(result.evidence.images);
    return {
        operation: result.operation,
        // The release rolled back and the one restored, so that a notification can name them.
        version: (0,release_state/* versionOf */.E4)(images.map(([, { from }]) => from)),
        "stable-version": (0,release_state/* versionOf */.E4)(images.map(([, { to }]) => to)),
        services: (images.length > 0 ? images.map(([service]) => service) : result.services).join(", "),
        weights: JSON.stringify(result.weights),
        "pull-request-url": result.landed?.pullRequest?.url ?? "",
        landed: String((0,land_change/* onBase */.RE)(result.landed)),
        evidence: JSON.stringify(result.evidence),
    };
}

;// CONCATENATED MODULE: ./src/rollback/definition.ts
/** rollback's inputs: the environment and, optionally, the earlier release to put back. */








const inputShape = {
    ...infra_connection/* infraInputShape */.Ax,
    services: core_inputs/* listInput */.dt.optional(),
    to: schemas/* string */.YjP().optional(),
    reason: schemas/* string */.YjP().trim().min(1),
    "history-depth": core_inputs/* integerInput */.$A
        .refine((n) => n >= 1 && n <= 100, { message: "must be between 1 and 100" })
        .default(50),
    "database-url": schemas/* string */.YjP().optional(),
    "encryption-key": schemas/* string */.YjP().min(16, { message: "must be at least 16 characters" }).optional(),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
const rollbackAction = (0,action/* defineAction */.Q)({
    name: "rollback",
    inputs: definition_inputs,
    secretInputs: [...inputs/* githubAuthSecretInputs */.xs, "database-url", "encryption-key"],
    async run(params, context) {
        const target = await (0,infra_connection/* resolveInfraTarget */.c)(params, context);
        const backupPlan = planRollbackBackup(target.environment, target.env?.["backup-before-rollback"], params, context);
        // A rollback lands the way the environment allows; without a policy, it opens a pull request.
        const mode = params.merge ?? target.env?.merge ?? "pull-request";
        const connection = await (0,infra_connection/* connectInfra */.RO)(params, target, mode, context);
        try {
            const rollbackParams = {
                environment: target.environment,
                base: target.base,
                file: target.file,
                format: target.format,
                layouts: target.layouts,
                services: params.services ?? [],
                to: params.to,
                reason: params.reason,
                historyDepth: params["history-depth"],
                logUrl: connection.logUrl,
            };
            const deps = {
                source: connection.source,
                lander: connection.lander,
                deployments: connection.deployments,
                clock: context.clock,
                logger: context.logger,
            };
            // A rollback the file cannot record is refused here, before a backup is taken for it.
            const planned = await planRollback(rollbackParams, deps);
            // Before traffic moves, as the environment asked; a failed backup does not hold it up.
            const backedUp = backupPlan ? await takeRollbackBackup(backupPlan, context) : undefined;
            const result = await landRollback(planned, rollbackParams, deps);
            return {
                outputs: {
                    ...rollbackOutputs(result),
                    backup: backedUp && "location" in backedUp ? backedUp.location : "",
                },
                summary: rollbackSummary(result, target.repository),
                ...(backedUp && "error" in backedUp
                    ? {
                        failure: `The rollback went ahead, but the backup before it failed: ${backedUp.error.replace(/\.$/, "")}.`,
                    }
                    : {}),
            };
        }
        finally {
            await (0,infra_connection/* disconnect */.Zf)(connection, params["revoke-token"]);
        }
    },
});


/***/ })

};
