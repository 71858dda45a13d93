export const id = 15;
export const ids = [15];
export const modules = {

/***/ 6595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N9: () => (/* binding */ kindOfUrl),
/* harmony export */   aY: () => (/* binding */ mysqlArgs),
/* harmony export */   jx: () => (/* binding */ postgresEnv),
/* harmony export */   kR: () => (/* binding */ withDatabase),
/* harmony export */   mx: () => (/* binding */ parseDatabaseUrl)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);
/**
 * Database connection URLs, taken apart so each field can reach the tools the way they
 * accept it without a credential on the command line.
 */

const SCHEMES = {
    "postgres:": "postgres",
    "postgresql:": "postgres",
    "mysql:": "mysql",
    "mariadb:": "mysql",
    "mongodb:": "mongodb",
    "mongodb+srv:": "mongodb",
};
/** The database kind a URL names by its scheme, if any. */
function kindOfUrl(url) {
    const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1]?.toLowerCase();
    return scheme ? SCHEMES[scheme] : undefined;
}
/**
 * Parses a database URL. `input` names the input it came from, for the error message;
 * the message never repeats the URL, which holds a password.
 */
function parseDatabaseUrl(url, input) {
    const kind = kindOfUrl(url);
    if (!kind) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${input}" must be a database URL starting with postgresql://, mysql://, mariadb:// or mongodb://.`);
    }
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input "${input}" is not a valid URL; write it like postgresql://user:password@host:5432/database (percent-encode special characters in the password).`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    const params = {};
    parsed.searchParams.forEach((value, name) => {
        params[name] = value;
    });
    return {
        kind,
        url: url.trim(),
        host: parsed.hostname.replace(/^\[|\]$/g, "") || "localhost",
        ...(parsed.port ? { port: Number(parsed.port) } : {}),
        ...(parsed.username ? { user: decodeURIComponent(parsed.username) } : {}),
        ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
        database,
        params,
    };
}
/** The same server, another database (scratch databases, maintenance connections). */
function withDatabase(connection, database) {
    const url = new URL(connection.url);
    url.pathname = `/${encodeURIComponent(database)}`;
    return { ...connection, url: url.toString(), database };
}
/** libpq's environment for a connection: PGPASSWORD keeps the password off argv. */
function postgresEnv(connection) {
    const env = {
        PGHOST: connection.host,
        PGDATABASE: connection.database || "postgres",
        // A dump must not depend on the runner's locale or a stray PGOPTIONS.
        PGCONNECT_TIMEOUT: "20",
    };
    if (connection.port)
        env.PGPORT = String(connection.port);
    if (connection.user)
        env.PGUSER = connection.user;
    if (connection.password)
        env.PGPASSWORD = connection.password;
    const sslmode = connection.params.sslmode;
    if (sslmode)
        env.PGSSLMODE = sslmode;
    const appName = connection.params.application_name;
    env.PGAPPNAME = appName ?? "greenlight-backup";
    return env;
}
/** Connection arguments for the MariaDB/MySQL clients; the password travels in MYSQL_PWD. */
function mysqlArgs(connection) {
    const args = ["-h", connection.host, "--protocol=TCP"];
    if (connection.port)
        args.push("-P", String(connection.port));
    if (connection.user)
        args.push("-u", connection.user);
    if (connection.params.ssl === "true" || connection.params["ssl-mode"] === "REQUIRED")
        args.push("--ssl");
    return { args, env: connection.password ? { MYSQL_PWD: connection.password } : {} };
}


/***/ }),

/***/ 9802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ compareRowCounts),
/* harmony export */   h: () => (/* binding */ scratchDatabaseName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * What backup and restore need from a database engine: a dump stream with its metadata,
 * restoring a stream into a database, row counts, and creating, emptiness-checking and
 * dropping databases (for the scratch database of verification and restore targets).
 */

/** Differences between two sets of row counts, as sentences; empty when they agree. */
function compareRowCounts(expected, actual) {
    const tables = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    const problems = [];
    for (const table of tables) {
        const want = expected[table];
        const got = actual[table];
        // A dump has no INSERT for an empty table, so "absent" and "0 rows" are the same here.
        if ((want ?? 0) === (got ?? 0))
            continue;
        if (got === undefined)
            problems.push(`table ${table} is missing (expected ${want} rows)`);
        else if (want === undefined)
            problems.push(`table ${table} is not in the backup's manifest (${got} rows)`);
        else
            problems.push(`table ${table} has ${got} rows, expected ${want}`);
    }
    return problems;
}
/** A name for a scratch database that cannot collide with a real one. */
function scratchDatabaseName() {
    return `greenlight_verify_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(5).toString("hex")}`;
}


/***/ }),

/***/ 8170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CJ: () => (/* binding */ EncryptStream),
/* harmony export */   e7: () => (/* binding */ DecryptStream),
/* harmony export */   yv: () => (/* binding */ ENCRYPTION_NAME)
/* harmony export */ });
/* unused harmony export DecryptionError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Optional encryption of the stored backup: AES-256-GCM under a key derived from a
 * passphrase with scrypt. Layout: magic, salt, IV, ciphertext, 16-byte tag. The tag is only
 * known at the end, so decryption holds back the last 16 bytes it has seen; restore checks
 * the stored SHA-256 before decrypting anything, so a tampered object is refused earlier.
 */


const MAGIC = Buffer.from("GLENC1\0\0", "latin1");
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + SALT_BYTES + IV_BYTES;
const ENCRYPTION_NAME = "aes-256-gcm";
/**
 * Keys this process derived, by salt. scrypt is deliberately expensive (32 MiB and about
 * 0.15 s of one core per key, far more on a loaded machine), and a backup reads its object
 * back to verify it right after writing it: with the same salt and passphrase, verification
 * reuses the key instead of deriving it a second time. Bounded, newest kept.
 */
const derivedKeys = new Map();
const DERIVED_KEYS_KEPT = 4;
function deriveKey(passphrase, salt) {
    const id = salt.toString("hex");
    const known = derivedKeys.get(id);
    if (known && known.passphrase === passphrase)
        return known.key;
    const key = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.scryptSync)(passphrase, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 << 20 });
    derivedKeys.set(id, { passphrase, key });
    if (derivedKeys.size > DERIVED_KEYS_KEPT)
        derivedKeys.delete(derivedKeys.keys().next().value);
    return key;
}
class EncryptStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    cipher;
    headerSent = false;
    header;
    constructor(passphrase) {
        super();
        const salt = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(SALT_BYTES);
        const iv = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(IV_BYTES);
        this.cipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createCipheriv)("aes-256-gcm", deriveKey(passphrase, salt), iv);
        this.header = Buffer.concat([MAGIC, salt, iv]);
    }
    sendHeader() {
        if (this.headerSent)
            return;
        this.headerSent = true;
        this.push(this.header);
    }
    _transform(chunk, _encoding, callback) {
        this.sendHeader();
        callback(null, this.cipher.update(chunk));
    }
    _flush(callback) {
        this.sendHeader();
        this.push(this.cipher.final());
        callback(null, this.cipher.getAuthTag());
    }
}
class DecryptionError extends Error {
    name = "DecryptionError";
}
class DecryptStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    passphrase;
    decipher;
    pending = Buffer.alloc(0);
    constructor(passphrase) {
        super();
        this.passphrase = passphrase;
    }
    _transform(chunk, _encoding, callback) {
        this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
        if (!this.decipher) {
            if (this.pending.length < HEADER_BYTES)
                return callback();
            if (!this.pending.subarray(0, MAGIC.length).equals(MAGIC)) {
                return callback(new DecryptionError("the backup is not encrypted by Greenlight (unknown header)"));
            }
            const salt = this.pending.subarray(MAGIC.length, MAGIC.length + SALT_BYTES);
            const iv = this.pending.subarray(MAGIC.length + SALT_BYTES, HEADER_BYTES);
            this.decipher = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createDecipheriv)("aes-256-gcm", deriveKey(this.passphrase, salt), iv);
            this.pending = this.pending.subarray(HEADER_BYTES);
        }
        // The last TAG_BYTES may be the tag: keep them until the stream ends.
        if (this.pending.length <= TAG_BYTES)
            return callback();
        const body = this.pending.subarray(0, this.pending.length - TAG_BYTES);
        this.pending = Buffer.from(this.pending.subarray(this.pending.length - TAG_BYTES));
        callback(null, this.decipher.update(body));
    }
    _flush(callback) {
        if (!this.decipher || this.pending.length !== TAG_BYTES) {
            return callback(new DecryptionError("the encrypted backup is truncated"));
        }
        this.decipher.setAuthTag(this.pending);
        try {
            callback(null, this.decipher.final());
        }
        catch {
            callback(new DecryptionError("decryption failed: wrong encryption key, or the backup was altered"));
        }
    }
}


/***/ }),

/***/ 1700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ scavengeEvery)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(714);
/* harmony import */ var node_vm__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_vm__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Keeps a long streaming run's memory flat. Each chunk a stream stage emits (gzip's output
 * above all: zlib allocates a fresh buffer per chunk) is a new buffer outside the JavaScript
 * heap; V8 frees them only when it collects, and it collects when its (small) young heap fills
 * or when about 64 MB of such buffers have built up. At hundreds of MB per second that is a
 * 64 MB sawtooth on top of everything else, so the pipeline asks for a young-generation
 * collection (a scavenge, ~1 ms) every few MB instead.
 *
 * Why a runtime flag: there is no flag-free way. Node offers no API that asks V8 to collect
 * without `--expose-gc`, and an action cannot choose its node flags (`runs.using: node24`
 * takes none, and NODE_OPTIONS belongs to the user). Node's documentation warns that
 * `v8.setFlagsFromString` after start-up may behave unpredictably; this use is the narrow one
 * that stays predictable: `--expose-gc` is read only when a new context is created, so the
 * flag changes nothing but the `gc` global of the one context made here. If that ever fails,
 * `collect` stays null and memory is bounded by V8's own external-memory trigger (the
 * sawtooth above), which `npm run bench -- backup` measures (rss_mb_*).
 */


let collect;
function collector() {
    if (collect === undefined) {
        try {
            node_v8__WEBPACK_IMPORTED_MODULE_0___default().setFlagsFromString("--expose-gc");
            collect = node_vm__WEBPACK_IMPORTED_MODULE_1___default().runInNewContext("gc");
        }
        catch {
            collect = null;
        }
    }
    return collect ?? undefined;
}
/** Returns a function to call with each chunk's size; it collects every `everyBytes`. */
function scavengeEvery(everyBytes) {
    let since = 0;
    return (bytes) => {
        since += bytes;
        if (since < everyBytes)
            return;
        since = 0;
        collector()?.({ type: "minor" });
    };
}


/***/ }),

/***/ 4158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cw: () => (/* binding */ listBackups),
/* harmony export */   MZ: () => (/* binding */ serializeManifest),
/* harmony export */   Rn: () => (/* binding */ manifestKey),
/* harmony export */   e2: () => (/* binding */ timestampName)
/* harmony export */ });
/* unused harmony exports SOURCE_KINDS, MANIFEST_SUFFIX, parseManifest */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);
/**
 * The manifest: written last, after the upload completed (and after verification when it
 * was asked for). A backup is its data object plus its manifest; data without a manifest
 * does not exist for listing, retention or restore.
 */

const SOURCE_KINDS = ["postgres", "mysql", "mongodb", "command", "files"];
const manifestSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    set: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    object: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    size: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    sha256: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/),
    "dump-size": zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative(),
    source: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        kind: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(SOURCE_KINDS),
        format: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        "server-version": zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        database: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    }),
    "started-at": zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    "finished-at": zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    compression: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["gzip", "none"]),
    encryption: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["aes-256-gcm", "none"]),
    "row-counts": zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().nonnegative()).optional(),
    verification: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        verified: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
        method: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["restore", "read-back", "none"]),
        detail: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    }),
    /** The release this backup was taken before (by migrate or rollback), when there is one. */
    release: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        commit: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        environment: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    })
        .optional(),
});
const MANIFEST_SUFFIX = ".manifest.json";
function manifestKey(objectKey) {
    return objectKey + MANIFEST_SUFFIX;
}
function serializeManifest(manifest) {
    return JSON.stringify(manifest, null, 2) + "\n";
}
function parseManifest(text) {
    try {
        const result = manifestSchema.safeParse(JSON.parse(text));
        return result.success ? result.data : undefined;
    }
    catch {
        return undefined;
    }
}
/** `20261123T113330Z`: sorts as text in time order and is safe in every store's keys. */
function timestampName(date) {
    return date
        .toISOString()
        .replace(/\.\d+Z$/, "Z")
        .replace(/[-:]/g, "");
}
/**
 * The backups of one set, oldest first: only those with a readable manifest whose data
 * object is present with the size the manifest records.
 */
async function listBackups(store, set) {
    const objects = await store.list(`${set}/`);
    const sizes = new Map(objects.map((o) => [o.key, o.size]));
    const backups = [];
    const broken = [];
    for (const object of objects) {
        if (!object.key.endsWith(MANIFEST_SUFFIX))
            continue;
        const key = object.key.slice(0, -MANIFEST_SUFFIX.length);
        const manifest = parseManifest(await store.readSmall(object.key));
        if (!manifest || manifest.object !== key || sizes.get(key) !== manifest.size) {
            broken.push(object.key);
            continue;
        }
        backups.push({ manifest, key, time: new Date(manifest["started-at"]) });
    }
    backups.sort((a, b) => a.time.getTime() - b.time.getTime() || a.key.localeCompare(b.key));
    return { backups, broken };
}


/***/ }),

/***/ 3978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ toolText),
/* harmony export */   Kp: () => (/* binding */ findProgram),
/* harmony export */   My: () => (/* binding */ spawnTool),
/* harmony export */   Tt: () => (/* binding */ toolInput),
/* harmony export */   Uc: () => (/* binding */ toolOutputFrom),
/* harmony export */   WT: () => (/* binding */ toolOutput),
/* harmony export */   zk: () => (/* binding */ completion)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1915);
/* harmony import */ var _core_program_on_path_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9773);
/**
 * Running the database tools. Credentials reach them through the environment (PGPASSWORD,
 * MYSQL_PWD) or a private file, never their command line, where any user of the machine
 * could read them in the process list. Their stderr is kept (the tail only) and redacted
 * before it becomes part of an error message.
 */





const STDERR_TAIL = 2000;
function spawnTool(command, options, stdin) {
    const [program, ...args] = command.argv;
    if (!program)
        throw new Error(`${command.label}: empty command`);
    const env = {};
    for (const [name, value] of Object.entries(options.baseEnv))
        if (value !== undefined)
            env[name] = value;
    return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(program, args, {
        env: { ...env, ...command.env },
        stdio: [stdin, "pipe", "pipe"],
        ...(options.cwd ? { cwd: options.cwd } : {}),
    });
}
/** Resolves when the tool exits successfully; rejects with its redacted stderr otherwise. */
function completion(child, command, options) {
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
        stderr = (stderr + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    return new Promise((resolve, reject) => {
        child.once("error", (error) => {
            const reason = error.code === "ENOENT"
                ? `${command.argv[0]} is not installed or not on PATH`
                : error.message;
            reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OperationFailedError */ .Bp(options.secrets.redact(`${command.label} could not start: ${reason}.`)));
        });
        child.once("close", (code, signal) => {
            if (code === 0)
                return resolve();
            const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
            const detail = stderr.trim().split("\n").slice(-5).join(" / ");
            reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .OperationFailedError */ .Bp(options.secrets.redact(`${command.label} ${how}${detail ? `: ${detail}` : ""}.`)));
        });
    });
}
/**
 * The tool's stdout as a stream that ends only after the tool exited successfully, and
 * fails if it did not: a dump cut short must never look like a complete one downstream.
 */
function toolOutput(command, options) {
    const child = spawnTool(command, options, "ignore");
    const done = completion(child, command, options);
    // Handled by the generator below; this stops an unhandled rejection if nobody reads.
    done.catch(() => { });
    // Read stdout from the start: when a child exits, Node resumes (and so discards) any stdio
    // stream nobody listens to yet, and a small dump can finish before the caller starts
    // reading (mariadb-dump did, while the caller asked the server for the database size).
    // The pipe keeps back-pressure: it pauses the child's stdout while the buffer is full.
    const stdout = child.stdout.pipe(new node_stream__WEBPACK_IMPORTED_MODULE_1__.PassThrough());
    async function* output() {
        try {
            for await (const chunk of stdout)
                yield chunk;
            await done;
        }
        finally {
            if (child.exitCode === null && child.signalCode === null)
                child.kill("SIGTERM");
        }
    }
    return node_stream__WEBPACK_IMPORTED_MODULE_1__.Readable.from(output(), { objectMode: false });
}
/** Feeds `input` to the tool's stdin and waits for it to exit successfully. */
async function toolInput(command, input, options) {
    const child = spawnTool(command, options, "pipe");
    const done = completion(child, command, options);
    child.stdout?.resume();
    const stdin = child.stdin;
    // A tool that exits early closes its stdin: the write error is reported by `done`.
    stdin.on("error", () => { });
    // finished() also rejects for a stream that failed before we got here.
    const fed = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.finished)(input, { writable: false }).catch((error) => {
        child.kill("SIGTERM");
        throw error;
    });
    input.pipe(stdin);
    // A tool may exit successfully before it read everything (tar stops at its end-of-archive
    // blocks): the rest is drained, so the input's own checks (checksums, decryption) still
    // run to the end and `fed` settles instead of waiting for a reader that is gone.
    const drained = done.then(() => {
        if (input.readableEnded)
            return;
        input.unpipe(stdin);
        input.resume();
    });
    drained.catch(() => { });
    try {
        await Promise.all([fed, done, drained]);
    }
    catch (error) {
        input.destroy();
        child.kill("SIGTERM");
        throw error;
    }
}
/** The child's stdout, gathered as text from the start (see toolOutput on why from the start). */
function collectText(child) {
    let out = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk) => {
        out += chunk;
    });
    return () => out;
}
/** Runs the tool with `input` as stdin and returns its stdout as text. */
async function toolText(command, options, input = "") {
    const child = spawnTool(command, options, "pipe");
    const done = completion(child, command, options);
    const out = collectText(child);
    child.stdin.on("error", () => { });
    child.stdin.end(input);
    await done;
    return out();
}
/** The first of `names` found on PATH (e.g. mariadb-dump before mysqldump), else the first. */
function findProgram(names, env) {
    return names.find((name) => (0,_core_program_on_path_js__WEBPACK_IMPORTED_MODULE_3__/* .isOnPath */ .j)(name, env)) ?? names[0];
}
/**
 * Runs a tool that reads only the start of `input` (pg_restore --list reads the archive's
 * table of contents) and returns its stdout; the rest of the input is dropped.
 */
async function toolOutputFrom(command, input, options) {
    const child = spawnTool(command, options, "pipe");
    const done = completion(child, command, options);
    const out = collectText(child);
    child.stdin.on("error", () => { });
    // The tool's exit decides; the input failing after it stopped reading does not matter.
    input.on("error", () => { });
    input.pipe(child.stdin);
    try {
        await done;
    }
    finally {
        input.unpipe(child.stdin);
        input.destroy();
    }
    return out();
}


/***/ }),

/***/ 2970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mt: () => (/* binding */ MissingKeyError),
/* harmony export */   Tw: () => (/* binding */ openBackup),
/* harmony export */   Wr: () => (/* binding */ checkStoredBackup),
/* harmony export */   vf: () => (/* binding */ discard)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _encryption_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8170);
/* harmony import */ var _garbage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1700);
/* harmony import */ var _stream_taps_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7590);
/**
 * Reading a stored backup back: download → SHA-256 and size check → decrypt → decompress,
 * as one stream. The check fails the stream at its end, so a consumer never sees a
 * corrupted backup finish as if it were whole. `checkStoredBackup` reads it once to the
 * end, for restore to prove the checksum, key and compression before touching anything.
 */






function discard() {
    return new node_stream__WEBPACK_IMPORTED_MODULE_0__.Writable({
        write(_chunk, _encoding, callback) {
            callback();
        },
    });
}
/** Reads and decodes the whole backup without restoring it: checksum, key and compression. */
async function checkStoredBackup(store, manifest, encryptionKey) {
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(await openBackup(store, manifest, encryptionKey), discard());
}
/** The decoded dump, ready for a restore tool; errors if the stored bytes do not match. */
async function openBackup(store, manifest, encryptionKey) {
    const body = await store.download(manifest.object);
    const stages = [
        new _stream_taps_js__WEBPACK_IMPORTED_MODULE_5__/* .ByteCounter */ .P$((0,_garbage_js__WEBPACK_IMPORTED_MODULE_4__/* .scavengeEvery */ .A)(8 * 1024 * 1024)),
        new _stream_taps_js__WEBPACK_IMPORTED_MODULE_5__/* .DigestCheck */ .FL(manifest, store.location(manifest.object)),
    ];
    if (manifest.encryption !== "none") {
        if (!encryptionKey)
            throw new MissingKeyError();
        stages.push(new _encryption_js__WEBPACK_IMPORTED_MODULE_3__/* .DecryptStream */ .e7(encryptionKey));
    }
    if (manifest.compression === "gzip")
        stages.push((0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGunzip)());
    // pipeline destroys every stage, and `out` with the error, when any one fails, and
    // tears the download down if the consumer stops reading.
    const out = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough();
    (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)([body, ...stages, out]).catch(() => { });
    return out;
}
class MissingKeyError extends Error {
    name = "MissingKeyError";
    constructor() {
        super("the backup is encrypted and no encryption key was given");
    }
}


/***/ }),

/***/ 2632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ec: () => (/* binding */ engineFor),
  Pm: () => (/* binding */ sourceFormat),
  dK: () => (/* binding */ startDump)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/backup-engine/process.ts
var process = __webpack_require__(3978);
;// CONCATENATED MODULE: ./src/backup-engine/mongodb.ts
/**
 * MongoDB through mongodump/mongorestore with `--archive` (one stream). The tools take the
 * connection string from a private config file rather than `--uri`, so the password is not
 * on their command line. Row counts and emptiness checks would need a driver, so
 * verification of MongoDB backups is a read-back (checksum, decryption, decompression).
 */




/** A 0600 config file holding the URI, removed by the returned function. */
function uriConfig(connection) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "greenlight-mongo-"));
    const path = (0,external_node_path_.join)(dir, "config.yaml");
    (0,external_node_fs_.writeFileSync)(path, `uri: ${JSON.stringify(connection.url)}\n`, { mode: 0o600 });
    return { path, remove: () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true }) };
}
function mongoEngine() {
    const unsupported = (what) => () => Promise.reject(new Error(`${what} is not available for MongoDB without a driver`));
    return {
        format: "archive",
        extension: "archive",
        dump(connection, extraArgs, tools) {
            const config = uriConfig(connection);
            const stream = (0,process/* toolOutput */.WT)({
                argv: ["mongodump", `--config=${config.path}`, "--archive", ...extraArgs],
                label: "mongodump",
            }, tools);
            stream.once("close", config.remove);
            return Promise.resolve({
                stream,
                finish: () => Promise.resolve({ database: connection.database }),
                abort: () => {
                    stream.destroy();
                    config.remove();
                },
            });
        },
        async restore(connection, input, options, tools) {
            const config = uriConfig(connection);
            try {
                await (0,process/* toolInput */.Tt)({
                    argv: [
                        "mongorestore",
                        `--config=${config.path}`,
                        "--archive",
                        ...(options.clean ? ["--drop"] : []),
                        ...options.extraArgs,
                    ],
                    label: "mongorestore",
                }, input, tools);
            }
            finally {
                config.remove();
            }
        },
        rowCounts: unsupported("Counting documents"),
        // NaN: cannot tell whether the database is empty (restore then requires overwrite).
        tableCount: () => Promise.resolve(Number.NaN),
        createDatabase: () => Promise.resolve(),
        dropDatabase: unsupported("Dropping a database"),
    };
}

// EXTERNAL MODULE: ./src/backup-engine/connection.ts
var backup_engine_connection = __webpack_require__(6595);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./src/backup-engine/insert-counter.ts
/**
 * Counts the rows in a mysqldump/mariadb-dump stream as it passes, table by table. The
 * counts are of what the dump holds, so verification compares the restore with the
 * backup itself rather than with a database that has moved on since.
 *
 * An insert starts a line with `INSERT INTO \`table\` VALUES`, then rows `(…),(…);` on the
 * same line (mysqldump) or one per line (mariadb-dump 10.11+); a row is a `(` at nesting
 * depth zero outside a string literal. Strings are single-quoted with backslash escapes.
 */

const PREFIX = Buffer.from("INSERT INTO `");
const NEWLINE = 0x0a;
const BACKTICK = 0x60;
const QUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN = 0x28;
const CLOSE = 0x29;
const SEMICOLON = 0x3b;
class InsertCounter extends external_node_stream_.Transform {
    counts = {};
    state = "line-start";
    matched = 0;
    table = [];
    tableName = "";
    depth = 0;
    inString = false;
    escaped = false;
    pendingBacktick = false;
    _transform(chunk, _encoding, callback) {
        this.scan(chunk);
        callback(null, chunk);
    }
    scan(chunk) {
        for (let i = 0; i < chunk.length; i++) {
            const byte = chunk[i];
            switch (this.state) {
                case "line-start":
                case "prefix":
                    if (byte === PREFIX[this.matched]) {
                        this.matched++;
                        this.state = "prefix";
                        if (this.matched === PREFIX.length) {
                            this.matched = 0;
                            this.state = "table";
                            this.table = [];
                            this.pendingBacktick = false;
                        }
                    }
                    else {
                        this.matched = 0;
                        this.state = byte === NEWLINE ? "line-start" : "other-line";
                    }
                    break;
                case "other-line":
                    if (byte === NEWLINE)
                        this.state = "line-start";
                    break;
                case "table":
                    // A backtick inside a quoted name is doubled.
                    if (this.pendingBacktick) {
                        this.pendingBacktick = false;
                        if (byte === BACKTICK) {
                            this.table.push(byte);
                            break;
                        }
                        this.tableName = Buffer.from(this.table).toString("utf8");
                        this.state = "before-values";
                        i--;
                        break;
                    }
                    if (byte === BACKTICK)
                        this.pendingBacktick = true;
                    else
                        this.table.push(byte);
                    break;
                case "before-values":
                    if (byte === OPEN) {
                        this.state = "values";
                        this.depth = 1;
                        this.inString = false;
                        this.escaped = false;
                        this.counts[this.tableName] = (this.counts[this.tableName] ?? 0) + 1;
                    }
                    else if (byte === SEMICOLON) {
                        this.state = "other-line";
                    }
                    break;
                case "values":
                    this.scanValue(byte);
                    break;
            }
        }
    }
    scanValue(byte) {
        if (this.inString) {
            if (this.escaped)
                this.escaped = false;
            else if (byte === BACKSLASH)
                this.escaped = true;
            else if (byte === QUOTE)
                this.inString = false;
            return;
        }
        if (byte === QUOTE)
            this.inString = true;
        else if (byte === OPEN) {
            if (this.depth === 0)
                this.counts[this.tableName] = (this.counts[this.tableName] ?? 0) + 1;
            this.depth++;
        }
        else if (byte === CLOSE)
            this.depth--;
        else if (byte === SEMICOLON && this.depth === 0) {
            this.state = "other-line";
        }
    }
}

;// CONCATENATED MODULE: ./src/backup-engine/mysql.ts



function quoteIdentifier(name) {
    return "`" + name.replace(/`/g, "``") + "`";
}
function quoteLiteral(value) {
    return "'" + value.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
}
function client(connection, tools, label, database) {
    const { args, env } = (0,backup_engine_connection/* mysqlArgs */.aY)(connection);
    return {
        argv: [
            (0,process/* findProgram */.Kp)(["mariadb", "mysql"], tools.baseEnv),
            ...args,
            "-N",
            "-B",
            ...(database ? [database] : []),
        ],
        env,
        label,
    };
}
async function query(connection, sql, tools, label, database) {
    const out = await (0,process/* toolText */.C_)(client(connection, tools, label, database), tools, sql);
    return out
        .split("\n")
        .filter((line) => line.length > 0)
        .map((line) => line.split("\t"));
}
function mysqlEngine() {
    return {
        format: "sql",
        extension: "sql",
        async dump(connection, extraArgs, tools) {
            const [[serverVersion] = []] = await query(connection, "SELECT VERSION();", tools, "mariadb (server version)");
            const { args, env } = (0,backup_engine_connection/* mysqlArgs */.aY)(connection);
            const counter = new InsertCounter();
            const output = (0,process/* toolOutput */.WT)({
                argv: [
                    (0,process/* findProgram */.Kp)(["mariadb-dump", "mysqldump"], tools.baseEnv),
                    ...args,
                    "--single-transaction",
                    "--quick",
                    "--routines",
                    "--triggers",
                    "--hex-blob",
                    "--no-tablespaces",
                    "--default-character-set=utf8mb4",
                    ...extraArgs,
                    "--",
                    connection.database,
                ],
                env,
                label: "mariadb-dump",
            }, tools);
            output.once("error", (error) => counter.destroy(error));
            const [[dataSize] = []] = await query(connection, `SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables WHERE table_schema = ${quoteLiteral(connection.database)};`, tools, "mariadb (database size)");
            return {
                stream: output.pipe(counter),
                ...(dataSize ? { sizeHint: Number(dataSize) } : {}),
                finish: () => Promise.resolve({
                    ...(serverVersion ? { serverVersion } : {}),
                    database: connection.database,
                    rowCounts: { ...counter.counts },
                }),
                abort: () => output.destroy(),
            };
        },
        async restore(connection, input, options, tools) {
            // The dump drops each table before creating it, so `clean` needs no extra flag.
            const { args, env } = (0,backup_engine_connection/* mysqlArgs */.aY)(connection);
            const program = (0,process/* findProgram */.Kp)(["mariadb", "mysql"], tools.baseEnv);
            await (0,process/* toolInput */.Tt)({
                argv: [program, ...args, ...options.extraArgs, connection.database],
                env,
                label: "mariadb (restore)",
            }, input, tools);
        },
        async rowCounts(connection, tools) {
            const tables = await query(connection, `SELECT table_name FROM information_schema.tables WHERE table_schema = ${quoteLiteral(connection.database)} AND table_type = 'BASE TABLE' ORDER BY table_name;`, tools, "mariadb (tables)");
            if (tables.length === 0)
                return {};
            const sql = tables
                .map(([name]) => `SELECT ${quoteLiteral(name)}, COUNT(*) FROM ${quoteIdentifier(name)}`)
                .join(" UNION ALL ") + ";";
            const rows = await query(connection, sql, tools, "mariadb (row counts)", connection.database);
            return Object.fromEntries(rows.map(([name, count]) => [name, Number(count)]));
        },
        async tableCount(connection, tools) {
            const [[exists] = []] = await query(connection, `SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ${quoteLiteral(connection.database)};`, tools, "mariadb (database check)");
            if (exists === "0")
                return undefined;
            const [[count] = []] = await query(connection, `SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ${quoteLiteral(connection.database)};`, tools, "mariadb (table check)");
            return Number(count);
        },
        async createDatabase(connection, tools) {
            await query(connection, `CREATE DATABASE ${quoteIdentifier(connection.database)};`, tools, "mariadb (create database)");
        },
        async dropDatabase(connection, tools) {
            await query(connection, `DROP DATABASE IF EXISTS ${quoteIdentifier(connection.database)};`, tools, "mariadb (drop database)");
        },
    };
}

// EXTERNAL MODULE: ./src/backup-engine/sql-session.ts
var sql_session = __webpack_require__(5662);
;// CONCATENATED MODULE: ./src/backup-engine/postgres.ts



// Ordinary tables outside the system schemas; partitions are counted as themselves.
const COUNT_ROWS_SQL = `SELECT format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'
ORDER BY 1 \\gexec`;
const TABLE_COUNT_SQL = `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_';`;
function parseCounts(rows) {
    const counts = {};
    for (const row of rows) {
        // The count is the last column; a table name could itself hold a tab.
        if (row.length >= 2)
            counts[row.slice(0, -1).join("\t")] = Number(row.at(-1));
    }
    return counts;
}
/**
 * `schema.table` of every TABLE DATA entry in `pg_restore --list` output, e.g.
 * `3378; 0 16391 TABLE DATA public customers owner`. Undefined when a name is ambiguous
 * (names with spaces), so the caller compares every table rather than guess.
 */
function parseTableData(listing) {
    const tables = new Set();
    for (const line of listing.split("\n")) {
        const match = /^\d+; \d+ \d+ TABLE DATA (.*)$/.exec(line.trim());
        if (!match)
            continue;
        const words = match[1].split(" ");
        if (words.length !== 3)
            return undefined;
        tables.add(`${words[0]}.${words[1]}`);
    }
    return tables;
}
function psqlWithVars(connection, vars, label) {
    const argv = [
        "psql",
        "-X",
        "-q",
        "-A",
        "-t",
        "-F",
        "\t",
        "-v",
        "ON_ERROR_STOP=1",
        "--no-password",
    ];
    for (const [name, value] of Object.entries(vars))
        argv.push("-v", `${name}=${value}`);
    return { argv, env: (0,backup_engine_connection/* postgresEnv */.jx)(connection), label };
}
/** A database to connect to for CREATE/DROP DATABASE: the server's `postgres` database. */
function maintenance(connection) {
    return (0,backup_engine_connection/* withDatabase */.kR)(connection, connection.params.maintenance_db ?? "postgres");
}
function postgresEngine(format = "custom") {
    return {
        format,
        extension: format === "custom" ? "dump" : "sql",
        async dump(connection, extraArgs, tools) {
            const env = (0,backup_engine_connection/* postgresEnv */.jx)(connection);
            const session = sql_session/* SqlSession */.X.open(connection, tools, "greenlight-backup", "snapshot for pg_dump");
            try {
                await session.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;");
                const [row] = await session.query("SELECT pg_export_snapshot(), current_setting('server_version'), pg_database_size(current_database());");
                const [snapshot, serverVersion, databaseSize] = row ?? [];
                const counts = session.query(COUNT_ROWS_SQL).then(parseCounts);
                counts.catch(() => { });
                const stream = (0,process/* toolOutput */.WT)({
                    argv: [
                        "pg_dump",
                        `--format=${format}`,
                        ...(format === "custom" ? ["--compress=0"] : []),
                        "--no-password",
                        `--snapshot=${snapshot}`,
                        ...extraArgs,
                    ],
                    env,
                    label: "pg_dump",
                }, tools);
                return {
                    stream,
                    ...(databaseSize ? { sizeHint: Number(databaseSize) } : {}),
                    async finish() {
                        const rowCounts = await counts;
                        await session.close();
                        return {
                            ...(serverVersion ? { serverVersion: `PostgreSQL ${serverVersion}` } : {}),
                            database: connection.database,
                            rowCounts,
                        };
                    },
                    abort: () => session.kill(),
                };
            }
            catch (error) {
                session.kill();
                throw error;
            }
        },
        async restore(connection, input, options, tools) {
            const env = (0,backup_engine_connection/* postgresEnv */.jx)(connection);
            if (format === "plain") {
                await (0,process/* toolInput */.Tt)({
                    argv: [
                        "psql",
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "--no-password",
                        ...options.extraArgs,
                    ],
                    env,
                    label: "psql (restore)",
                }, input, tools);
                return;
            }
            await (0,process/* toolInput */.Tt)({
                argv: [
                    "pg_restore",
                    "--no-password",
                    "--exit-on-error",
                    "--no-owner",
                    "--no-acl",
                    ...(options.clean ? ["--clean", "--if-exists"] : []),
                    ...options.extraArgs,
                    "--dbname",
                    connection.database,
                ],
                env,
                label: "pg_restore",
            }, input, tools);
        },
        ...(format === "custom"
            ? {
                async tablesWithData(input, tools) {
                    const listing = await (0,process/* toolOutputFrom */.Uc)({ argv: ["pg_restore", "--list"], label: "pg_restore --list" }, input, tools);
                    return parseTableData(listing);
                },
            }
            : {}),
        async rowCounts(connection, tools) {
            const out = await (0,process/* toolText */.C_)(psqlWithVars(connection, {}, "psql (row counts)"), tools, COUNT_ROWS_SQL + "\n");
            return parseCounts(out.split("\n").map((line) => line.split("\t")));
        },
        async tableCount(connection, tools) {
            const exists = await (0,process/* toolText */.C_)(psqlWithVars(maintenance(connection), { db: connection.database }, "psql (database check)"), tools, "SELECT count(*) FROM pg_database WHERE datname = :'db';\n");
            if (exists.trim() === "0")
                return undefined;
            const out = await (0,process/* toolText */.C_)(psqlWithVars(connection, {}, "psql (table check)"), tools, TABLE_COUNT_SQL + "\n");
            return Number(out.trim());
        },
        async createDatabase(connection, tools) {
            await (0,process/* toolText */.C_)(psqlWithVars(maintenance(connection), { db: connection.database }, "psql (create database)"), tools, 'CREATE DATABASE :"db";\n');
        },
        async dropDatabase(connection, tools) {
            // WITH (FORCE) (PostgreSQL 13+) ends sessions a failed restore may have left behind.
            const version = await (0,process/* toolText */.C_)(psqlWithVars(maintenance(connection), {}, "psql (server version)"), tools, "SHOW server_version_num;\n");
            const force = Number(version.trim()) >= 130000 ? " WITH (FORCE)" : "";
            await (0,process/* toolText */.C_)(psqlWithVars(maintenance(connection), { db: connection.database }, "psql (drop database)"), tools, `DROP DATABASE IF EXISTS :"db"${force};\n`);
        },
    };
}

;// CONCATENATED MODULE: ./src/backup-engine/source.ts




function engineFor(kind, postgresFormat = "custom") {
    switch (kind) {
        case "postgres":
            return postgresEngine(postgresFormat);
        case "mysql":
            return mysqlEngine();
        case "mongodb":
            return mongoEngine();
        default:
            return undefined;
    }
}
function sourceFormat(spec) {
    if (spec.kind === "command")
        return { format: "stdout", extension: "out" };
    if (spec.kind === "files")
        return { format: "tar", extension: "tar" };
    const engine = engineFor(spec.kind, spec.postgresFormat);
    return { format: engine.format, extension: engine.extension };
}
async function startDump(spec, tools) {
    if (spec.kind === "command") {
        const stream = (0,process/* toolOutput */.WT)({ argv: ["sh", "-c", spec.command], label: "the backup command" }, tools);
        return { stream, finish: () => Promise.resolve({}), abort: () => stream.destroy() };
    }
    if (spec.kind === "files") {
        const stream = (0,process/* toolOutput */.WT)({ argv: ["tar", "--create", "--file=-", "--", ...spec.paths], label: "tar" }, tools);
        return { stream, finish: () => Promise.resolve({}), abort: () => stream.destroy() };
    }
    return engineFor(spec.kind, spec.postgresFormat).dump(spec.connection, spec.dumpArgs, tools);
}


/***/ }),

/***/ 5662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ SqlSession)
/* harmony export */ });
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(481);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _connection_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6595);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3978);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1915);




class SqlSession {
    child;
    kind;
    lines;
    done;
    marker = 0;
    constructor(child, kind, command, options) {
        this.child = child;
        this.kind = kind;
        this.done = (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .completion */ .zk)(child, command, options);
        this.done.catch(() => { });
        child.stdin.on("error", () => { });
        this.lines = (0,node_readline__WEBPACK_IMPORTED_MODULE_0__.createInterface)({ input: child.stdout })[Symbol.asyncIterator]();
    }
    /**
     * `application` names the session to other sessions (PostgreSQL's application_name);
     * `purpose` names it in logs and errors.
     */
    static open(connection, options, application, purpose = "migration lock") {
        const label = `${connection.kind === "postgres" ? "psql" : "mariadb"} (${purpose})`;
        if (connection.kind === "postgres") {
            const command = {
                argv: ["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-w"],
                env: { ...(0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .postgresEnv */ .jx)(connection), PGAPPNAME: application },
                label,
            };
            return new SqlSession((0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .spawnTool */ .My)(command, options, "pipe"), "postgres", command, options);
        }
        const { args, env } = (0,_connection_js__WEBPACK_IMPORTED_MODULE_1__/* .mysqlArgs */ .aY)(connection);
        const command = {
            argv: [
                (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .findProgram */ .Kp)(["mariadb", "mysql"], options.baseEnv),
                ...args,
                "-N",
                "-B",
                // Answer each query as it comes, not when stdin ends.
                "--unbuffered",
                connection.database,
            ],
            env,
            label,
        };
        return new SqlSession((0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .spawnTool */ .My)(command, options, "pipe"), "mysql", command, options);
    }
    /** Sends SQL and returns the rows it produced, each split on tabs. */
    async query(sql) {
        const marker = `__greenlight_done_${++this.marker}__`;
        const end = this.kind === "postgres" ? `\\echo ${marker}` : `SELECT '${marker}';`;
        this.child.stdin.write(`${sql}\n${end}\n`);
        const rows = [];
        for (;;) {
            const next = await this.lines.next();
            if (next.done) {
                await this.done;
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationFailedError */ .Bp("The database session ended before answering.");
            }
            if (next.value === marker)
                return rows;
            if (next.value.length > 0)
                rows.push(next.value.split("\t"));
        }
    }
    /** Ends the session; the server releases its locks and ends its open transaction. */
    async close() {
        this.child.stdin.end(this.kind === "postgres" ? "\\q\n" : "");
        await this.done.catch(() => { });
    }
    /** Stops the client at once (a dump that was aborted). */
    kill() {
        if (this.child.exitCode === null)
            this.child.kill("SIGTERM");
    }
}


/***/ }),

/***/ 7747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ap: () => (/* binding */ setNameInput),
  zc: () => (/* binding */ storeFromInputs),
  fC: () => (/* binding */ storeInputShape),
  uQ: () => (/* binding */ toolEnvironment)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/backup-engine/store.ts
var store = __webpack_require__(694);
;// CONCATENATED MODULE: ./src/backup-engine/local-store.ts
/**
 * A local directory as a backup store. Objects are written to a hidden temporary name and
 * hard-linked into place, which fails if the name exists: an existing backup is never
 * replaced, and a half-written one never appears under its real name.
 */






class LocalStore {
    root;
    constructor(root) {
        this.root = root;
    }
    location(key) {
        return (0,external_node_path_.join)(this.root, ...key.split("/"));
    }
    async exists(key) {
        try {
            await (0,promises_.stat)(this.location(key));
            return true;
        }
        catch {
            return false;
        }
    }
    temporaryPath(key) {
        const path = this.location(key);
        return (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.partial-${(0,external_node_crypto_.randomBytes)(6).toString("hex")}`);
    }
    async publish(temporary, key) {
        try {
            await (0,promises_.link)(temporary, this.location(key));
        }
        catch (error) {
            if (error.code === "EEXIST") {
                throw new store/* ObjectExistsError */.q(`${this.location(key)} already exists`);
            }
            throw error;
        }
        finally {
            await (0,promises_.unlink)(temporary).catch(() => { });
        }
    }
    async upload(key, body) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.location(key)), { recursive: true });
        const temporary = this.temporaryPath(key);
        const file = (0,external_node_fs_.createWriteStream)(temporary, { flags: "wx" });
        try {
            await (0,external_node_stream_promises_.pipeline)(body, file);
        }
        catch (error) {
            // The file may still be opening; remove it only once it is closed.
            if (!file.closed)
                await new Promise((resolve) => file.once("close", () => resolve()));
            await (0,promises_.unlink)(temporary).catch(() => { });
            throw error;
        }
        await this.publish(temporary, key);
    }
    async putSmall(key, body) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.location(key)), { recursive: true });
        const temporary = this.temporaryPath(key);
        await (0,promises_.writeFile)(temporary, body, { flag: "wx" });
        await this.publish(temporary, key);
    }
    async download(key) {
        // Open first, so a missing object fails here rather than mid-stream.
        await (0,promises_.stat)(this.location(key));
        return (0,external_node_fs_.createReadStream)(this.location(key));
    }
    readSmall(key) {
        return (0,promises_.readFile)(this.location(key), "utf8");
    }
    async list(prefix) {
        const start = (0,external_node_path_.join)(this.root, ...prefix.split("/").filter(Boolean).slice(0, -1));
        const out = [];
        const walk = async (dir) => {
            let entries;
            try {
                entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
            }
            catch {
                return;
            }
            for (const entry of entries) {
                const path = (0,external_node_path_.join)(dir, entry.name);
                if (entry.isDirectory())
                    await walk(path);
                else if (entry.isFile() && !entry.name.startsWith(".partial-")) {
                    const key = (0,external_node_path_.relative)(this.root, path).split(external_node_path_.sep).join("/");
                    if (key.startsWith(prefix))
                        out.push({ key, size: (await (0,promises_.stat)(path)).size });
                }
            }
        };
        await walk(prefix.endsWith("/") ? (0,external_node_path_.join)(this.root, ...prefix.split("/").filter(Boolean)) : start);
        return out;
    }
    async remove(key) {
        await (0,promises_.unlink)(this.location(key)).catch((error) => {
            if (error.code !== "ENOENT")
                throw error;
        });
    }
}

;// CONCATENATED MODULE: ./src/backup-engine/lazy-s3-store.ts
class LazyS3Store {
    options;
    store;
    constructor(options) {
        this.options = options;
    }
    open() {
        this.store ??= Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(320)]).then(__webpack_require__.bind(__webpack_require__, 320)).then(({ S3Store }) => new S3Store(this.options));
        return this.store;
    }
    location(key) {
        const { bucket, prefix } = this.options;
        return `s3://${bucket}/${prefix ? `${prefix}/${key}` : key}`;
    }
    async exists(key) {
        return (await this.open()).exists(key);
    }
    async upload(key, body, sizeHint) {
        return (await this.open()).upload(key, body, sizeHint);
    }
    async putSmall(key, body) {
        return (await this.open()).putSmall(key, body);
    }
    async download(key) {
        return (await this.open()).download(key);
    }
    async readSmall(key) {
        return (await this.open()).readSmall(key);
    }
    async list(prefix) {
        return (await this.open()).list(prefix);
    }
    async remove(key) {
        return (await this.open()).remove(key);
    }
}

;// CONCATENATED MODULE: ./src/backup-engine/destination.ts
/**
 * The `destination` input: `s3://bucket/prefix` or a local directory. S3 credentials come
 * from the environment, as aws-actions/configure-aws-credentials (OIDC) leaves them.
 */




function openStore(options) {
    const text = options.destination.trim();
    if (/^s3:\/\//i.test(text)) {
        const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/i.exec(text);
        if (!match) {
            throw new errors/* ConfigurationError */.j1(`Input "destination" has no valid bucket name; write it like s3://my-bucket/backups/prod.`);
        }
        const { env } = options;
        const accessKeyId = env.AWS_ACCESS_KEY_ID;
        const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
        const sessionToken = env.AWS_SESSION_TOKEN;
        options.secrets.add(secretAccessKey);
        options.secrets.add(sessionToken);
        return new LazyS3Store({
            bucket: match[1],
            prefix: (match[2] ?? "").replace(/^\/+|\/+$/g, ""),
            region: options.s3Region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1",
            ...(options.s3Endpoint ? { endpoint: options.s3Endpoint } : {}),
            forcePathStyle: options.s3ForcePathStyle ?? Boolean(options.s3Endpoint),
            ...(accessKeyId && secretAccessKey
                ? {
                    credentials: {
                        accessKeyId,
                        secretAccessKey,
                        ...(sessionToken ? { sessionToken } : {}),
                    },
                }
                : {}),
        });
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !/^file:\/\//i.test(text)) {
        throw new errors/* ConfigurationError */.j1(`Input "destination" must be s3://bucket/prefix or a local directory; other schemes are not supported.`);
    }
    const path = text.replace(/^file:\/\//i, "");
    return new LocalStore((0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(options.cwd, path));
}

;// CONCATENATED MODULE: ./src/backup-engine/store-inputs.ts
/** Inputs backup and restore share: where backups live, and the encryption key. */



const storeInputShape = {
    destination: schemas/* string */.YjP().trim().min(1, { message: "must be s3://bucket/prefix or a directory" }),
    "s3-endpoint": schemas/* string */.YjP()
        .regex(/^https?:\/\/\S+$/, {
        message: "must be an http(s) URL such as https://minio.internal:9000",
    })
        .optional(),
    "s3-region": schemas/* string */.YjP().optional(),
    "s3-force-path-style": inputs/* booleanInput */.tE.optional(),
    "encryption-key": schemas/* string */.YjP().min(16, { message: "must be at least 16 characters" }).optional(),
};
/** Set name: safe in S3 keys and file names alike. */
const setNameInput = schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: "must be letters, digits, dots, dashes or underscores, e.g. orders-db",
});
function storeFromInputs(params, context) {
    return openStore({
        destination: params.destination,
        ...(params["s3-endpoint"] ? { s3Endpoint: params["s3-endpoint"] } : {}),
        ...(params["s3-region"] ? { s3Region: params["s3-region"] } : {}),
        ...(params["s3-force-path-style"] !== undefined
            ? { s3ForcePathStyle: params["s3-force-path-style"] }
            : {}),
        cwd: context.cwd,
        env: context.env,
        secrets: context.secrets,
    });
}
/** The environment the database tools run with: the runner's, plus the action's own. */
function toolEnvironment(context) {
    return { ...process.env, ...context.env };
}


/***/ }),

/***/ 694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ ObjectExistsError)
/* harmony export */ });
class ObjectExistsError extends Error {
    name = "ObjectExistsError";
}


/***/ }),

/***/ 7590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ DigestTap),
/* harmony export */   FL: () => (/* binding */ DigestCheck),
/* harmony export */   P$: () => (/* binding */ ByteCounter)
/* harmony export */ });
/* unused harmony export ChecksumMismatchError */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Pass-through stages that observe the bytes flowing by: the SHA-256 and size of what is
 * stored are computed on the way to the store, so nothing is read twice or held in memory.
 */


class DigestTap extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    bytes = 0;
    digest;
    _transform(chunk, _encoding, callback) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        callback(null, chunk);
    }
    _flush(callback) {
        this.digest = this.hash.digest("hex");
        callback();
    }
    // Not called `size`: the AWS SDK would take a `size` property for the body's length.
    get bytesSeen() {
        return this.bytes;
    }
    /** The hex SHA-256 of everything that passed, once the stream has ended. */
    get sha256() {
        if (this.digest === undefined)
            throw new Error("DigestTap read before the stream ended");
        return this.digest;
    }
}
/**
 * Fails the stream at its end unless the bytes match the expected SHA-256 and size, so a
 * corrupted or truncated download never reaches a consumer as a complete one.
 */
class DigestCheck extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    expected;
    what;
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    bytes = 0;
    constructor(expected, what) {
        super();
        this.expected = expected;
        this.what = what;
    }
    _transform(chunk, _encoding, callback) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        callback(null, chunk);
    }
    _flush(callback) {
        const actual = this.hash.digest("hex");
        if (this.bytes !== this.expected.size) {
            callback(new ChecksumMismatchError(`${this.what} is ${this.bytes} bytes, but its manifest says ${this.expected.size}`));
        }
        else if (actual !== this.expected.sha256) {
            callback(new ChecksumMismatchError(`${this.what} has SHA-256 ${actual}, but its manifest says ${this.expected.sha256}`));
        }
        else {
            callback();
        }
    }
}
class ChecksumMismatchError extends Error {
    name = "ChecksumMismatchError";
}
/** Counts bytes without touching them (the dump's size before compression). */
class ByteCounter extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    onChunk;
    bytes = 0;
    constructor(onChunk = () => { }) {
        super();
        this.onChunk = onChunk;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        this.onChunk(chunk.length);
        callback(null, chunk);
    }
}


/***/ }),

/***/ 9773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ isOnPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Whether a program is installed, found the way a spawn finds it: an executable file in
 * one of PATH's directories. Nothing is run, so asking costs no process start.
 */


/** PATH is the given environment's, else this process's. */
function isOnPath(program, env) {
    const dirs = (env["PATH"] ?? process.env["PATH"] ?? "").split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter).filter(Boolean);
    return dirs.some((dir) => {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, program);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile();
        }
        catch {
            return false; // not here
        }
    });
}


/***/ })

};
