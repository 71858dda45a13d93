export const id = 112;
export const ids = [112,605];
export const modules = {

/***/ 9610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ deployWindowSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);
/**
 * The shape of a deploy window as written, in preflight's deploy-window input or under an
 * environment in the config file; preflight gives it meaning (src/preflight/window-spec.ts).
 */

const HOLIDAY_TYPES = ["public", "bank", "optional", "school", "observance"];
/** The window as written: in the input, or under an environment in the config file. */
const deployWindowSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    timezone: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    days: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())]).optional(),
    hours: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([
        zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()),
        zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())])),
    ])
        .optional(),
    freeze: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ from: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), to: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() }))
        .optional(),
    holidays: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        country: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(2),
        state: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        region: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
        types: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(HOLIDAY_TYPES)).min(1).optional(),
        "day-before": zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    })
        .optional(),
});


/***/ }),

/***/ 1036:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* reexport safe */ _default_path_js__WEBPACK_IMPORTED_MODULE_4__.B),
/* harmony export */   Z9: () => (/* binding */ loadConfig)
/* harmony export */ });
/* unused harmony export parseConfig */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1915);
/* harmony import */ var _core_own_keys_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3032);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2567);
/* harmony import */ var _default_path_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6447);
/**
 * Reads and validates the config file. Every mistake becomes one ConfigurationError that
 * points at `file:line:column` and the offending key, so a user can go straight to it.
 */








async function loadConfig(options) {
    const path = options.path ?? _default_path_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CONFIG_PATH */ .B;
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(options.cwd, path);
    let text;
    try {
        text = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readFile(absolute, "utf8");
    }
    catch (error) {
        const code = error.code;
        if (code === "ENOENT" && !options.required)
            return undefined;
        const shown = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(options.cwd, absolute) || path;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(code === "ENOENT"
            ? `Config file "${shown}" does not exist; check the "config-file" input (paths are relative to ${options.cwd}).`
            : `Config file "${shown}" cannot be read (${code ?? "unknown error"}); check that it is a readable file.`);
    }
    return parseConfig(text, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(options.cwd, absolute) || path);
}
/** Parses config text; `file` is only used in messages. */
function parseConfig(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_2__.LineCounter();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return `${file}:${line}:${col}`;
    };
    const syntax = doc.errors[0];
    if (syntax) {
        const message = syntax.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${at(syntax.pos[0])}: the config file is not valid YAML (${message}); fix the syntax there.`);
    }
    checkNodes(doc, at);
    let value;
    try {
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${at(0)}: the config file's aliases cannot be expanded (${reason}); write the values out instead of aliasing them.`);
    }
    const parsed = _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .configSchema */ .Qn.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(describeIssue(issue, doc, at));
    }
    // Environments, services and targets are looked up by names users give.
    const config = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_6__/* .withoutPrototypes */ .wT)(parsed.data);
    checkReferences(config, doc, at);
    return config;
}
/** More alias expansions than any real config needs: beyond it, a document is an attack. */
const MAX_ALIAS_COUNT = 100;
/** A URL with a password in it (`scheme://user:password@`). */
const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:[^\s/?#@]*@/i;
/**
 * What the schema cannot see in plain values: aliases that name no anchor or contain
 * themselves, keys that would reach an object's prototype, and credentials written into
 * a URL of a committed file.
 */
function checkNodes(doc, at) {
    (0,yaml__WEBPACK_IMPORTED_MODULE_2__.visit)(doc, {
        Alias(_key, node, path) {
            const where = node.range ? at(node.range[0]) : at(0);
            const target = node.resolve(doc);
            if (!target) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${where}: the alias *${node.source} names no anchor defined before it; define &${node.source} first or write the value out.`);
            }
            if (path.some((ancestor) => ancestor === target)) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${where}: the alias *${node.source} refers to the value that contains it; write the value out instead.`);
            }
        },
        Pair(_key, pair) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__.isScalar)(pair.key) && pair.key.value === "__proto__") {
                const where = pair.key.range ? at(pair.key.range[0]) : at(0);
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${where}: "__proto__" cannot be a name in the config file; rename it.`);
            }
        },
        Scalar(_key, node) {
            if (typeof node.value === "string" && URL_WITH_PASSWORD.test(node.value)) {
                const where = node.range ? at(node.range[0]) : at(0);
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${where}: a URL in the config file carries credentials, and the file is committed; remove them and send them in a header from a secret (or a secret input) instead.`);
            }
        },
    });
}
function locate(doc, path, at) {
    // Point at the deepest node that exists: for a missing key, that is its parent map.
    for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__.isNode)(node) && node.range)
            return at(node.range[0]);
    }
    return at(0);
}
/** The position of `key` itself (not its value) in the map at `path`. */
function locateKey(doc, path, key, at) {
    const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__.isMap)(map)) {
        const pair = map.items.find((item) => (0,yaml__WEBPACK_IMPORTED_MODULE_2__.isScalar)(item.key) && item.key.value === key);
        if (pair && (0,yaml__WEBPACK_IMPORTED_MODULE_2__.isNode)(pair.key) && pair.key.range)
            return at(pair.key.range[0]);
    }
    return locate(doc, path, at);
}
const keyPath = (path) => path.length === 0
    ? "the top level"
    : path
        .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
        .join(".")
        .replace(/\.\[/g, "[");
function describeIssue(issue, doc, at) {
    const where = locate(doc, issue.path, at);
    const key = keyPath(issue.path);
    if (issue.code === "unrecognized_keys") {
        const keys = issue.keys.map((k) => `"${k}"`).join(", ");
        const prefix = issue.path.length ? `${key} has` : "the config file has";
        return `${locateKey(doc, issue.path, issue.keys[0] ?? "", at)}: ${prefix} the unknown key ${keys}; check its spelling (keys are kebab-case) or remove it.`;
    }
    if (issue.code === "invalid_type" && issue.message.includes("received undefined")) {
        return `${where}: ${key} is required; add it.`;
    }
    return `${where}: ${key} is invalid: ${issue.message}.`;
}
/** Cross-references the schema cannot express: services may only name defined environments. */
function checkReferences(config, doc, at) {
    for (const [service, spec] of Object.entries(config.services)) {
        (spec.environments ?? []).forEach((env, index) => {
            if (!Object.hasOwn(config.environments, env)) {
                const known = Object.keys(config.environments).join(", ") || "none";
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${locate(doc, ["services", service, "environments", index], at)}: services.${service}.environments names "${env}", which is not defined under environments (known: ${known}); add it or fix the name.`);
            }
        });
    }
}


/***/ }),

/***/ 2567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Kg: () => (/* binding */ SERVICE_FIELDS),
  m: () => (/* binding */ analysisSchema),
  Qn: () => (/* binding */ configSchema),
  te: () => (/* binding */ defaultFieldPath),
  JK: () => (/* binding */ mergeMethodSchema),
  by: () => (/* binding */ mergeModeSchema),
  g1: () => (/* binding */ releaseFileFormatSchema),
  l4: () => (/* binding */ releaseFileOf),
  gl: () => (/* binding */ releaseFormatFor),
  Tq: () => (/* binding */ serviceFieldPath),
  $1: () => (/* binding */ serviceImageParts)
});

// UNUSED EXPORTS: environmentSchema, notificationsSchema, promotionSchema, serviceSchema, verifySettingsSchema

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/release-file/assignments.ts
var assignments = __webpack_require__(6268);
// EXTERNAL MODULE: ./src/release-file/json-path.ts
var json_path = __webpack_require__(972);
// EXTERNAL MODULE: ./src/notify/event.ts
var notify_event = __webpack_require__(217);
;// CONCATENATED MODULE: ./src/notify/config-schema.ts
/**
 * The `notifications` section of the config file. Webhook URLs, tokens and signing secrets
 * are credentials, so the file names the environment variables that hold them (set from
 * repository secrets in the workflow), never the values.
 */


// A new schema for each field: descriptions attach to schema instances (zod's registry), so
// one shared instance would carry the last field's description into every other field.
const envName = () => schemas/* string */.YjP()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "name an environment variable such as SLACK_WEBHOOK_URL");
/** PagerDuty's alert severities (Events API v2 payload.severity). */
const PAGERDUTY_SEVERITIES = ["critical", "error", "warning", "info"];
/** Kinds and statuses a target wants; every event when absent. */
const events = schemas/* array */.YOg(schemas/* enum */.k5n([...notify_event/* EVENT_KINDS */.dP, ...notify_event/* EVENT_STATUSES */["if"]]))
    .min(1)
    .optional();
const notificationsSchema = schemas/* strictObject */.rej({
    slack: schemas/* strictObject */.rej({
        "webhook-url-env": envName().optional(),
        "token-env": envName().optional(),
        channel: schemas/* string */.YjP().min(1).optional(),
        events,
    })
        .refine((s) => Boolean(s["webhook-url-env"]) !== Boolean(s["token-env"]), "give either webhook-url-env or token-env (with channel)")
        .refine((s) => !s["token-env"] || Boolean(s.channel), "token-env needs a channel, such as #deploys")
        .optional(),
    lark: schemas/* strictObject */.rej({ "webhook-url-env": envName(), "secret-env": envName().optional(), events })
        .optional(),
    dingtalk: schemas/* strictObject */.rej({ "webhook-url-env": envName(), "secret-env": envName().optional(), events })
        .optional(),
    teams: schemas/* strictObject */.rej({ "webhook-url-env": envName(), events }).optional(),
    webhook: schemas/* strictObject */.rej({ "url-env": envName(), "secret-env": envName().optional(), events })
        .optional(),
    pagerduty: schemas/* strictObject */.rej({
        "routing-key-env": envName(),
        "dedup-key": schemas/* string */.YjP().min(1).optional(),
        url: schemas/* url */.OZ5({ protocol: /^https?$/ }).optional(),
        severity: schemas/* enum */.k5n(PAGERDUTY_SEVERITIES).optional(),
        events,
    })
        .optional(),
    template: schemas/* strictObject */.rej({ title: schemas/* string */.YjP().min(1).optional(), text: schemas/* string */.YjP().optional() })
        .optional(),
    "fail-on-error": schemas/* boolean */.zMY().optional(),
    "github-deployments": schemas/* boolean */.zMY().optional(),
});

// EXTERNAL MODULE: ./src/config/deploy-window-schema.ts
var deploy_window_schema = __webpack_require__(9610);
// EXTERNAL MODULE: ./src/verify/check-schema.ts
var check_schema = __webpack_require__(1645);
;// CONCATENATED MODULE: ./src/config/schema.ts
/**
 * The config file (`.github/greenlight.yml`): environments, services, the promotion plan and
 * notification targets. One strict zod schema with kebab-case keys, like the action inputs;
 * `greenlight schema` exports it as JSON Schema for editors. Optional facts stay undefined,
 * so an action input can always win over the file and the file over the built-in default.
 */






/** The tfvars fields Greenlight reads and writes for every service. */
const SERVICE_FIELDS = [
    "green-image",
    "blue-image",
    "green-desired-count",
    "blue-desired-count",
    "blue-weight",
    "green-weight",
];
const schema_name = schemas/* string */.YjP()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "use lower-case letters, digits, - and _ (e.g. api or web-hooks)");
/** Why a JSONPath cannot be used, found before any request or file needs it. */
function uncompilablePath(path) {
    const problem = (0,assignments/* jsonPathProblem */.tX)(path);
    if (problem)
        return problem;
    try {
        (0,json_path/* readAll */.yw)({}, path);
        return undefined;
    }
    catch (error) {
        return `cannot be evaluated (${error instanceof Error ? error.message : String(error)})`;
    }
}
// Factories, not shared instances: descriptions attach to schema instances (zod's registry),
// so one instance used by several keys would carry the last key's description into all.
const jsonPath = () => schemas/* string */.YjP()
    .startsWith("$", "write a JSONPath that starts with $, such as $.api_green_image")
    .superRefine((path, ctx) => {
    const problem = uncompilablePath(path);
    if (problem) {
        ctx.addIssue({
            code: "custom",
            message: `the JSONPath "${path}" ${problem}; write one such as $.api_green_image`,
        });
    }
});
const repository = schemas/* string */.YjP()
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "write the repository as owner/name");
const stringList = schemas/* array */.YOg(schemas/* string */.YjP().min(1));
const percent = schemas/* number */.aig().int().min(0).max(100);
const mergeModeSchema = schemas/* enum */.k5n(["pull-request", "auto-merge", "direct"]);
const mergeMethodSchema = schemas/* enum */.k5n(["merge", "squash", "rebase"]);
/** How a measured number is judged: the same for every metric provider. */
const measurementRules = {
    "success-condition": schemas/* string */.YjP().min(1).optional(),
    "failure-condition": schemas/* string */.YjP().min(1).optional(),
    "failure-limit": schemas/* number */.aig().int().min(0).optional(),
    "consecutive-error-limit": schemas/* number */.aig().int().min(0).optional(),
    interval: check_schema/* durationValue */.k6.optional(),
    "on-missing-data": schemas/* enum */.k5n(["hold", "fail"]).optional(),
};
const prometheusAnalysis = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1),
    prometheus: schemas/* strictObject */.rej({
        url: schemas/* url */.OZ5(),
        query: schemas/* string */.YjP().min(1),
        /** A range query over this window (e.g. 5m) instead of an instant query. */
        range: check_schema/* durationValue */.k6.optional(),
        step: check_schema/* durationValue */.k6.optional(),
    }),
    ...measurementRules,
});
const httpJsonAnalysis = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1),
    "http-json": schemas/* strictObject */.rej({
        url: schemas/* url */.OZ5(),
        path: jsonPath(),
        headers: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    }),
    ...measurementRules,
});
const verifyAnalysis = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1),
    verify: schemas/* array */.YOg(check_schema/* checkEntrySchema */.QY).min(1),
});
const analysisSchema = schemas/* union */.KCZ([prometheusAnalysis, httpJsonAnalysis, verifyAnalysis], {
    error: "an analysis needs a name and one of prometheus, http-json or verify",
});
const promotionSchema = schemas/* strictObject */.rej({
    /** Green weights to move through, ending at 100. */
    steps: schemas/* array */.YOg(percent)
        .min(1)
        .refine((steps) => steps.every((s, i) => i === 0 || s > (steps[i - 1] ?? -1)), "steps must increase")
        .refine((steps) => steps.at(-1) === 100, "the last step must be 100")
        .optional(),
    "bake-time": check_schema/* durationValue */.k6.optional(),
    /** merge: bake from when a step reached the base branch; verified: from when verify confirmed it. */
    "bake-from": schemas/* enum */.k5n(["merge", "verified"]).optional(),
    analyses: schemas/* array */.YOg(analysisSchema).optional(),
    "on-failure": schemas/* enum */.k5n(["rollback", "hold"]).optional(),
    /** Below this request rate (per second) a measurement is a hold, not a verdict. */
    "minimum-traffic": schemas/* strictObject */.rej({
        query: schemas/* string */.YjP().min(1),
        "at-least": schemas/* number */.aig().min(0),
        /** Prometheus to ask; defaults to the first Prometheus analysis's URL. */
        url: schemas/* url */.OZ5().optional(),
    })
        .optional(),
    merge: mergeModeSchema.optional(),
});
const verifySettingsSchema = schemas/* strictObject */.rej({
    checks: schemas/* array */.YOg(check_schema/* checkEntrySchema */.QY).min(1),
    timeout: check_schema/* durationValue */.k6.optional(),
    attempts: schemas/* number */.aig().int().min(1).optional(),
    interval: check_schema/* durationValue */.k6.optional(),
    deadline: check_schema/* durationValue */.k6.optional(),
});
/** The formats of release files Greenlight edits. */
const releaseFileFormatSchema = schemas/* enum */.k5n(["json", "hcl", "yaml"]);
/** A release file by path (format from its extension), or by path and format. */
const releaseFileSchema = schemas/* union */.KCZ([
    schemas/* string */.YjP().min(1),
    schemas/* strictObject */.rej({ path: schemas/* string */.YjP().min(1), format: releaseFileFormatSchema.optional() }),
]);
const environmentSchema = schemas/* strictObject */.rej({
    repository: repository.optional(),
    base: schemas/* string */.YjP().min(1).optional(),
    "release-file": releaseFileSchema.optional(),
    /** The name the release file had when every release file was a tfvars file. */
    tfvars: schemas/* string */.YjP().min(1).optional(),
    merge: mergeModeSchema.optional(),
    "merge-method": mergeMethodSchema.optional(),
    "allowed-paths": stringList.optional(),
    labels: stringList.optional(),
    reviewers: stringList.optional(),
    "team-reviewers": stringList.optional(),
    draft: schemas/* boolean */.zMY().optional(),
    "require-digest": schemas/* boolean */.zMY().optional(),
    "allowed-registries": stringList.optional(),
    promotion: promotionSchema.optional(),
    verify: verifySettingsSchema.optional(),
    /** When deploys to the environment are allowed, as preflight judges it. */
    "deploy-window": deploy_window_schema/* deployWindowSchema */.r.optional(),
    "backup-before-rollback": schemas/* strictObject */.rej({
        destination: schemas/* string */.YjP().min(1),
        name: schemas/* string */.YjP()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
            .optional(),
        "s3-endpoint": schemas/* url */.OZ5().optional(),
        "s3-region": schemas/* string */.YjP().min(1).optional(),
    })
        .optional(),
})
    .refine((env) => env["release-file"] === undefined || env.tfvars === undefined, {
    message: "give release-file or tfvars, not both (tfvars is the older name of release-file)",
    path: ["tfvars"],
});
/**
 * An image kept in two or three fields, as Helm charts (`image.repository` + `image.tag`)
 * and Kustomize `images:` entries (`newName` + `newTag` / `digest`) keep it.
 */
const imagePartsSchema = () => schemas/* strictObject */.rej({
    repository: jsonPath(),
    tag: jsonPath().optional(),
    digest: jsonPath().optional(),
})
    .refine((parts) => parts.tag !== undefined || parts.digest !== undefined, {
    message: "map tag, digest or both besides repository",
});
const imageFieldSchema = () => schemas/* union */.KCZ([jsonPath(), imagePartsSchema()]);
const fieldsSchema = schemas/* strictObject */.rej({
    "green-image": imageFieldSchema().optional(),
    "blue-image": imageFieldSchema().optional(),
    "green-desired-count": jsonPath().optional(),
    "blue-desired-count": jsonPath().optional(),
    "blue-weight": jsonPath().optional(),
    "green-weight": jsonPath().optional(),
});
const serviceSchema = schemas/* strictObject */.rej({
    image: schemas/* string */.YjP().min(1).optional(),
    context: schemas/* string */.YjP().min(1).optional(),
    dockerfile: schemas/* string */.YjP().min(1).optional(),
    target: schemas/* string */.YjP().min(1).optional(),
    platforms: stringList.optional(),
    "build-args": schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).optional(),
    /** False for a service with no load-balancer weights (a queue worker). */
    weighted: schemas/* boolean */.zMY().default(true),
    /** Per-field JSONPath overrides of the naming convention. */
    fields: fieldsSchema.optional(),
    /** percent: blue + green = 100; relative: shares of their sum (Gateway API, Istio). */
    "weight-mode": schemas/* enum */.k5n(["percent", "relative"]).default("percent"),
    /** Environments the service is deployed to; all when absent. */
    environments: stringList.optional(),
});

const configSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional(),
    version: schemas/* literal */.euz(1).optional(),
    environments: schemas/* record */.g1P(schema_name, environmentSchema).default({}),
    services: schemas/* record */.g1P(schema_name, serviceSchema).default({}),
    promotion: promotionSchema.optional(),
    notifications: notificationsSchema.optional(),
});
/** The environment's release file: `release-file`, or `tfvars` as configs written before it say. */
function releaseFileOf(env) {
    const given = env?.["release-file"];
    if (typeof given === "string")
        return { path: given };
    if (given)
        return { path: given.path, ...(given.format ? { format: given.format } : {}) };
    return env?.tfvars === undefined ? undefined : { path: env.tfvars };
}
/** The explicit format of `file` when it is the environment's release file. */
function releaseFormatFor(env, file) {
    const ref = releaseFileOf(env);
    return ref?.path === file ? ref.format : undefined;
}
/** The conventional JSONPath of a field: `$.<service>_<field>` with `-` written as `_`. */
function defaultFieldPath(service, field) {
    return `$.${service.replace(/-/g, "_")}_${field.replace(/-/g, "_")}`;
}
/** Where `field` of `service` lives: the config's override, else the convention. */
function serviceFieldPath(config, service, field) {
    const given = config.services[service]?.fields?.[field];
    if (typeof given === "object")
        return given.repository;
    return given ?? defaultFieldPath(service, field);
}
/** The fields an image is split across, when the config splits it. */
function serviceImageParts(config, service, field) {
    const given = config.services[service]?.fields?.[field];
    return typeof given === "object" ? given : undefined;
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

/***/ 3032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eC: () => (/* binding */ ownValue),
/* harmony export */   hH: () => (/* binding */ ownMap),
/* harmony export */   wT: () => (/* binding */ withoutPrototypes)
/* harmony export */ });
/**
 * Names users give (environments, services, targets, keys of `name=value` inputs) are looked
 * up in maps. In a plain object `constructor`, `toString` or `__proto__` find something
 * through the prototype, so a made-up name would pass a lookup and skip the rules of the
 * real entry. Maps built from user text therefore have no prototype.
 */
/** An empty map that finds only what was put into it. */
function ownMap() {
    return Object.create(null);
}
/** The value stored under `key` itself, never one inherited from a prototype. */
function ownValue(map, key) {
    return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}
/** A deep copy of parsed data whose plain objects have no prototype. */
function withoutPrototypes(value) {
    if (Array.isArray(value))
        return value.map((item) => withoutPrototypes(item));
    if (value === null || typeof value !== "object")
        return value;
    if (Object.getPrototypeOf(value) !== Object.prototype)
        return value;
    const copy = ownMap();
    for (const [key, item] of Object.entries(value))
        copy[key] = withoutPrototypes(item);
    return copy;
}


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

/***/ 217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ isBadNews),
/* harmony export */   QI: () => (/* binding */ formatEventDuration),
/* harmony export */   dP: () => (/* binding */ EVENT_KINDS),
/* harmony export */   "if": () => (/* binding */ EVENT_STATUSES)
/* harmony export */ });
/**
 * The deployment event notify reports: what happened, where, to which services, and the
 * links and evidence a person needs to act on it. Every target renders this one shape.
 */
const EVENT_STATUSES = ["started", "success", "failure", "cancelled"];
const EVENT_KINDS = ["deploy", "promotion", "rollback"];
/** `2 min 5 s`, `45 s`, `1 h 3 min`: durations as people say them. */
function formatEventDuration(ms) {
    const total = Math.round(ms / 1000);
    if (total < 60)
        return `${total} s`;
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    if (hours > 0)
        return `${hours} h${minutes > 0 ? ` ${minutes} min` : ""}`;
    return `${minutes} min${seconds > 0 ? ` ${seconds} s` : ""}`;
}
/** Whether the event is bad news: it decides colours, PagerDuty triggers and severities. */
function isBadNews(event) {
    return event.status === "failure" || event.kind === "rollback";
}


/***/ }),

/***/ 6268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dH: () => (/* binding */ applyAssignments),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   k6: () => (/* binding */ parseAssignments),
/* harmony export */   tX: () => (/* binding */ jsonPathProblem)
/* harmony export */ });
/* harmony import */ var jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6229);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1915);
/* harmony import */ var _path_filter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2246);
/* harmony import */ var _json_path_scan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5240);
/* harmony import */ var _json_values_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1701);
/**
 * Generic edits: `PATH=VALUE` assignments where PATH is a JSONPath (jsonpath-plus) into
 * the file. The rules keep a typo from turning into a silent change: a path that matches
 * nothing is an error unless creation is asked for, a path that matches several values is
 * an error unless the path itself says it means several, and a value may not change its
 * JSON type unless forced.
 */





const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The canonical definite JSONPath of a concrete location: `$.a.b_c['b c'][0]`. */
function formatPath(segments) {
    return ("$" +
        segments
            .map((segment) => {
            if (typeof segment === "number")
                return `[${segment}]`;
            if (IDENTIFIER.test(segment))
                return `.${segment}`;
            return `['${segment.replace(/[\\']/g, "\\$&")}']`;
        })
            .join(""));
}
/** Why a JSONPath cannot be used (the rest of a sentence), or undefined when it can. */
function jsonPathProblem(path) {
    const balance = (0,_json_path_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanJsonPath */ .r)(path).problem;
    if (balance)
        return `has ${balance}`;
    if (!/^\$(?:$|[.[])/.test(path))
        return "does not start with $";
    if (path.endsWith(".") || path.includes("[]"))
        return "has an empty key (a trailing dot or [])";
    const parts = jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E.toPathArray(path).slice(1);
    if (parts.some((part) => part === "~" || part.endsWith("~"))) {
        return "selects property names with ~, which cannot be assigned";
    }
    return (0,_path_filter_js__WEBPACK_IMPORTED_MODULE_1__/* .filterProblem */ .K5)(parts);
}
function parseValue(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** Parses `PATH=VALUE` lines (VALUE as JSON when it parses, else a string); blank lines are skipped. */
function parseAssignments(lines, inputName) {
    const assignments = [];
    for (const raw of lines) {
        const line = raw.trim();
        if (line === "")
            continue;
        const { stop: equals, problem } = (0,_json_path_scan_js__WEBPACK_IMPORTED_MODULE_2__/* .scanJsonPath */ .r)(line, (ch) => ch === "=");
        if (problem) {
            // Name the path alone when an `=` shows where it ends.
            const path = line.includes("=") ? line.slice(0, line.indexOf("=")).trim() : line;
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input "${inputName}" has the path "${path}" with ${problem}; close every bracket, parenthesis and quote, e.g. $.tags['team']=payments.`);
        }
        const path = line.slice(0, Math.max(equals, 0)).trim();
        if (equals < 0 || path === "") {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input "${inputName}" has the line "${line}", which is not PATH=VALUE; write e.g. $.replicas=3.`);
        }
        const invalid = jsonPathProblem(path);
        if (invalid) {
            const example = IDENTIFIER.test(path) ? `$.${path}` : "$.replicas";
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input "${inputName}" has the path "${path}", which ${invalid}; write a JSONPath such as ${example}.`);
        }
        const text = line.slice(equals + 1).trim();
        const value = parseValue(text);
        const inexact = typeof value === "string" ? undefined : (0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .inexactNumberIn */ .r)(text);
        if (inexact) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Input "${inputName}" sets ${path} to a number that would be changed on writing: ${inexact}; give a smaller number, or a string in quotes.`);
        }
        assignments.push({ path, value });
    }
    return assignments;
}
/** Whether the path says it may match several values: a wildcard, `..`, a filter, a slice or a union. */
function saysMany(path) {
    return jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E.toPathArray(path)
        .slice(1)
        .some((part) => part === "*" || part === ".." || part.startsWith("?") || /[:,]/.test(part));
}
/** The path's keys and indices when it names one location whether or not it exists. */
function definiteSegments(path, data) {
    const parts = jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E.toPathArray(path).slice(1);
    if (saysMany(path) || parts.some((p) => p === "^" || /^[(@]/.test(p)))
        return undefined;
    return toSegments(parts, data);
}
/** Keys and indices: a part is an index where the value it reads from is an array. */
function toSegments(parts, data) {
    let node = data;
    return parts.map((part) => {
        const isIndex = Array.isArray(node) && /^\d+$/.test(part);
        const segment = isIndex ? Number(part) : part;
        node = valueAt(node, [segment]);
        return segment;
    });
}
function valueAt(data, segments) {
    let node = data;
    for (const segment of segments) {
        if (Array.isArray(node) && typeof segment === "number")
            node = node[segment];
        else if (node &&
            typeof node === "object" &&
            !Array.isArray(node) &&
            Object.hasOwn(node, segment)) {
            node = node[segment];
        }
        else
            return undefined;
    }
    return node;
}
function findMatches(doc, path) {
    const invalid = jsonPathProblem(path);
    if (invalid) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Path "${path}" ${invalid}; write a JSONPath such as $.replicas.`);
    }
    let results;
    try {
        results = (0,jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E)({
            path,
            json: doc.data,
            resultType: "all",
            // Filters are read by path-filter.ts; nothing in a path runs as JavaScript.
            eval: _path_filter_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateFilter */ .Ws,
            ignoreEvalErrors: true,
            wrap: true,
        });
    }
    catch (error) {
        const reason = (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error).replace(/\s+/g, " ").replace(/\.$/, "");
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Path ${path} cannot be evaluated against "${doc.file}" (${reason}); check its filter expression.`);
    }
    const pointers = [...new Set(results.map((r) => r.pointer))];
    const matches = pointers.map((pointer) => {
        const parts = pointer === "" ? [] : pointer.slice(1).split("/");
        const segments = toSegments(parts.map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")), doc.data);
        return { segments, value: valueAt(doc.data, segments) };
    });
    // jsonpath-plus also reaches JavaScript properties such as a string's `length`; those are not in the file.
    return matches.filter((m) => m.value !== undefined);
}
/** Why nothing matched, as the end of a sentence that starts with the path. */
function explainNoMatch(path, file, data, options) {
    const segments = definiteSegments(path, data);
    if (!segments || segments.length === 0) {
        return options.create
            ? `matches nothing in "${file}", and only a path without wildcards, filters or slices can be created.`
            : `matches nothing in "${file}"; check the path.`;
    }
    const parentPath = segments.slice(0, -1);
    const parent = valueAt(data, parentPath);
    const last = segments[segments.length - 1];
    if (Array.isArray(parent)) {
        const range = parent.length === 0 ? "it is empty" : `indices run from 0 to ${parent.length - 1}`;
        return `is out of range in "${file}": ${formatPath(parentPath)} has ${parent.length} items (${range}), and Greenlight does not add array items.`;
    }
    if (parent === undefined) {
        return `matches nothing in "${file}", and neither does ${formatPath(parentPath)}; check the path.`;
    }
    if ((0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonTypeOf */ .WF)(parent) !== "object") {
        return `matches nothing in "${file}": ${formatPath(parentPath)} is ${(0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .describeType */ .MF)(parent)}, which has no keys.`;
    }
    return `matches nothing in "${file}"; check the path, or pass create if the key ${JSON.stringify(last)} should be added.`;
}
function shortJson(value) {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
function checkType(file, match, value, force) {
    const was = (0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonTypeOf */ .WF)(match.value);
    const becomes = (0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonTypeOf */ .WF)(value);
    if (was === becomes || force)
        return;
    const path = formatPath(match.segments);
    const quoted = `${path}=${JSON.stringify(JSON.stringify(value))}`;
    const remedy = was === "string" && becomes !== "object" && becomes !== "array"
        ? `write ${quoted} to keep a string, or pass force to change the type`
        : "pass force if the type should change";
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Path ${path} in "${file}" holds ${(0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .describeType */ .MF)(match.value)}, but the new value ${shortJson(value)} is ${(0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .describeType */ .MF)(value)}; ${remedy}.`);
}
function createAt(doc, assignment, options) {
    const segments = options.create ? definiteSegments(assignment.path, doc.data) : undefined;
    const parent = segments && valueAt(doc.data, segments.slice(0, -1));
    if (!segments ||
        segments.length === 0 ||
        parent === undefined ||
        (0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonTypeOf */ .WF)(parent) !== "object") {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Path ${assignment.path} ${explainNoMatch(assignment.path, doc.file, doc.data, options)}`);
    }
    return {
        doc: doc.set(segments, assignment.value, { create: true }),
        change: { file: doc.file, path: formatPath(segments), old: undefined, new: assignment.value },
    };
}
/**
 * Applies assignments in order, each evaluated against the document as the ones before it
 * left it. Returns the new document and one change per path whose value actually changed.
 */
function applyAssignments(doc, assignments, options = {}) {
    let current = doc;
    const changes = new Map();
    const record = (change) => {
        const earlier = changes.get(change.path);
        changes.set(change.path, earlier ? { ...change, old: earlier.old } : change);
    };
    for (const assignment of assignments) {
        const matches = findMatches(current, assignment.path);
        if (matches.length === 0) {
            const created = createAt(current, assignment, options);
            current = created.doc;
            record(created.change);
            continue;
        }
        if (matches.length > 1 && !saysMany(assignment.path)) {
            const listed = matches.slice(0, 3).map((m) => formatPath(m.segments));
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Path ${assignment.path} matches ${matches.length} values in "${doc.file}" (${listed.join(", ")}${matches.length > 3 ? ", …" : ""}); name one of them, or use [*], .. or a filter to change them all.`);
        }
        for (const match of matches)
            checkType(doc.file, match, assignment.value, options.force);
        for (const match of matches) {
            if ((0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .sameJson */ .Vk)(match.value, assignment.value))
                continue;
            current = current.set(match.segments, assignment.value);
            record({
                file: doc.file,
                path: formatPath(match.segments),
                old: match.value,
                new: assignment.value,
            });
        }
    }
    const real = [...changes.values()].filter((c) => !(0,_json_values_js__WEBPACK_IMPORTED_MODULE_4__/* .sameJson */ .Vk)(c.old, c.new));
    return { doc: current, changes: real };
}


/***/ }),

/***/ 5240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ scanJsonPath)
/* harmony export */ });
/**
 * How JSONPath text nests: quoted names (with backslash escapes), brackets and parentheses.
 * Whatever reads a line that starts with a path (an assignment `PATH=VALUE`, an assertion
 * `PATH == VALUE`) finds where the path ends with this, so a `=` or a space inside a filter
 * such as `[?(@.name == "api")]` never splits it.
 */
const CLOSERS = { "]": "[", ")": "(" };
function scanJsonPath(text, stopsAt = () => false) {
    const open = [];
    let quote;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote) {
            if (ch === "\\")
                i++;
            else if (ch === quote)
                quote = undefined;
        }
        else if (ch === "'" || ch === '"') {
            quote = ch;
        }
        else if (ch === "[" || ch === "(") {
            open.push(ch);
        }
        else if (ch in CLOSERS) {
            if (open.pop() !== CLOSERS[ch])
                return { stop: -1, problem: `a "${ch}" that closes nothing` };
        }
        else if (open.length === 0 && stopsAt(ch)) {
            return { stop: i };
        }
    }
    const unclosed = quote ?? open[open.length - 1];
    return unclosed ? { stop: -1, problem: `an unclosed "${unclosed}"` } : { stop: -1 };
}


/***/ }),

/***/ 972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G7: () => (/* binding */ readPath),
/* harmony export */   a6: () => (/* binding */ hasPath),
/* harmony export */   qb: () => (/* binding */ normalisePath),
/* harmony export */   yw: () => (/* binding */ readAll)
/* harmony export */ });
/* harmony import */ var jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6229);
/* harmony import */ var _assignments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6268);
/* harmony import */ var _path_filter_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2246);
/** Reading single values by JSONPath from a parsed tfvars document. */



/** The value at a definite JSONPath, or undefined when nothing is there. */
function readPath(data, path) {
    const found = readAll(data, path);
    return found.length === 1 ? found[0] : undefined;
}
/** Every value a JSONPath matches; filters are read by path-filter.ts, never run as code. */
function readAll(data, path) {
    return (0,jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E)({
        path,
        json: data,
        wrap: true,
        eval: _path_filter_js__WEBPACK_IMPORTED_MODULE_2__/* .evaluateFilter */ .Ws,
        ignoreEvalErrors: true,
    });
}
function hasPath(data, path) {
    return readPath(data, path) !== undefined;
}
/**
 * The canonical spelling of a definite JSONPath (`$.a['b c'][0]`), so that paths written
 * differently (`$['a']` and `$.a`) compare equal.
 */
function normalisePath(path) {
    const segments = jsonpath_plus__WEBPACK_IMPORTED_MODULE_0__/* .JSONPath */ .E.toPathArray(path).slice(1);
    return (0,_assignments_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPath */ .jV)(segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
}


/***/ }),

/***/ 1701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MF: () => (/* binding */ describeType),
/* harmony export */   Vk: () => (/* binding */ sameJson),
/* harmony export */   WF: () => (/* binding */ jsonTypeOf),
/* harmony export */   r: () => (/* binding */ inexactNumberIn),
/* harmony export */   sV: () => (/* binding */ inexactNumber)
/* harmony export */ });
function jsonTypeOf(value) {
    if (value === null)
        return "null";
    if (Array.isArray(value))
        return "array";
    return typeof value;
}
/** "a number", "an object", … for messages. */
function describeType(value) {
    const type = jsonTypeOf(value);
    return type === "object" || type === "array" ? `an ${type}` : `a ${type}`;
}
/**
 * Whether two values denote the same JSON: numbers by value (so `1.0` equals `1`) and object
 * keys in any order, because neither difference changes what Terraform reads.
 */
function sameJson(a, b) {
    if (a === b)
        return true;
    if (a === null || b === null || typeof a !== "object" || typeof b !== "object")
        return false;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
            return false;
        return a.every((item, i) => sameJson(item, b[i]));
    }
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length)
        return false;
    return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}
/**
 * Why the number written as `text` cannot be kept exactly (the rest of a phrase), or
 * undefined: 1e400 is Infinity and 2^53+1 rounds to 2^53, and a release file must hold the
 * number that was written, never a neighbour.
 */
function inexactNumber(text, value) {
    if (!Number.isFinite(value))
        return `${text} is beyond the largest number`;
    if (/^-?\d+$/.test(text) && BigInt(text) !== BigInt(value)) {
        return `${text} is an integer beyond 2^53, which would be rounded`;
    }
    return undefined;
}
/** The first number written in JSON `text` (strings aside) that cannot be kept exactly. */
function inexactNumberIn(text) {
    const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    for (const [literal] of outsideStrings.matchAll(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
        const problem = inexactNumber(literal, Number(literal));
        if (problem)
            return problem;
    }
    return undefined;
}


/***/ }),

/***/ 2246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K5: () => (/* binding */ filterProblem),
/* harmony export */   Ws: () => (/* binding */ evaluateFilter)
/* harmony export */ });
/* unused harmony exports FilterSyntaxError, compileFilter */
/**
 * JSONPath filters (`[?(@.name=="api-green")]`) without script evaluation. jsonpath-plus
 * would hand a filter to a JavaScript evaluator; a path comes from a config file or an
 * input, so it is input, and input never runs as code. This module reads the small
 * language release files need — a value's own fields, literals, comparisons, `!`, `&&`,
 * `||` and parentheses — and jsonpath-plus calls it in place of an evaluator.
 *
 * Reading a field reads own properties only, so nothing reaches a prototype.
 */
/** jsonpath-plus rewrites `@`, `@root`, … to these sandbox names before it calls us. */
const SANDBOX_NAMES = {
    "@": "_$_v",
    "@root": "_$_root",
    "@property": "_$_property",
    "@parentProperty": "_$_parentProperty",
    "@parent": "_$_parent",
    _$_v: "_$_v",
    _$_root: "_$_root",
    _$_property: "_$_property",
    _$_parentProperty: "_$_parentProperty",
    _$_parent: "_$_parent",
};
const TOKEN = /\s*(?:(===|!==|==|!=|<=|>=|&&|\|\||[<>!()[\].])|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(@parentProperty|@parent|@property|@root|@|_\$_[A-Za-z]+|[A-Za-z_][A-Za-z0-9_-]*))/y;
class FilterSyntaxError extends Error {
}
function tokenize(code) {
    const tokens = [];
    let at = 0;
    while (at < code.length) {
        if (/^\s*$/.test(code.slice(at)))
            break;
        TOKEN.lastIndex = at;
        const match = TOKEN.exec(code);
        if (!match) {
            const position = at + (/^\s*/.exec(code.slice(at))?.[0].length ?? 0);
            throw new FilterSyntaxError(`it has "${code[position]}" at character ${position + 1}, which a filter cannot hold`);
        }
        const start = at + match[0].length - match[0].trimStart().length;
        const [, op, string, number, name] = match;
        if (op)
            tokens.push({ kind: "op", text: op, at: start });
        else if (string)
            tokens.push({ kind: "string", text: string, at: start });
        else if (number)
            tokens.push({ kind: "number", text: number, at: start });
        else
            tokens.push({ kind: "name", text: name, at: start });
        at = TOKEN.lastIndex;
    }
    return tokens;
}
function unquote(text) {
    const body = text.slice(1, -1);
    return body.replace(/\\(.)/g, (_all, ch) => ({ n: "\n", t: "\t" })[ch] ?? ch);
}
function ownField(value, key) {
    if (value === null || typeof value !== "object")
        return undefined;
    return Object.hasOwn(value, key) ? value[key] : undefined;
}
function compare(op, a, b) {
    if (op === "==" || op === "===")
        return a === b;
    if (op === "!=" || op === "!==")
        return a !== b;
    const comparable = (typeof a === "number" && typeof b === "number") ||
        (typeof a === "string" && typeof b === "string");
    if (!comparable)
        return false;
    const [x, y] = [a, b];
    return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}
class Parser {
    tokens;
    code;
    index = 0;
    constructor(tokens, code) {
        this.tokens = tokens;
        this.code = code;
    }
    parse() {
        if (this.tokens.length === 0)
            throw new FilterSyntaxError("it is empty");
        const expression = this.or();
        const extra = this.tokens[this.index];
        if (extra)
            throw this.unexpected(extra);
        return expression;
    }
    peek() {
        return this.tokens[this.index];
    }
    take(text) {
        const token = this.tokens[this.index];
        if (!token) {
            throw new FilterSyntaxError(`it ends after "${this.code.trim()}" where a value was expected${text ? ` (${text})` : ""}`);
        }
        if (text !== undefined && token.text !== text)
            throw this.unexpected(token);
        this.index++;
        return token;
    }
    unexpected(token) {
        return new FilterSyntaxError(`it has "${token.text}" at character ${token.at + 1}, where a comparison such as @.name == "api" was expected`);
    }
    or() {
        let left = this.and();
        while (this.peek()?.text === "||") {
            this.take();
            const [a, b] = [left, this.and()];
            left = (c) => Boolean(a(c)) || Boolean(b(c));
        }
        return left;
    }
    and() {
        let left = this.unary();
        while (this.peek()?.text === "&&") {
            this.take();
            const [a, b] = [left, this.unary()];
            left = (c) => Boolean(a(c)) && Boolean(b(c));
        }
        return left;
    }
    unary() {
        if (this.peek()?.text === "!") {
            this.take();
            const inner = this.unary();
            return (c) => !inner(c);
        }
        return this.comparison();
    }
    comparison() {
        const left = this.operand();
        const op = this.peek();
        if (op?.kind !== "op" || !["==", "===", "!=", "!==", "<", "<=", ">", ">="].includes(op.text)) {
            return left;
        }
        this.take();
        const right = this.operand();
        return (c) => compare(op.text, left(c), right(c));
    }
    operand() {
        const token = this.take();
        if (token.text === "(") {
            const inner = this.or();
            this.take(")");
            return inner;
        }
        if (token.kind === "string") {
            const value = unquote(token.text);
            return () => value;
        }
        if (token.kind === "number") {
            const value = Number(token.text);
            return () => value;
        }
        if (token.kind === "name") {
            if (token.text === "true" || token.text === "false") {
                const value = token.text === "true";
                return () => value;
            }
            if (token.text === "null")
                return () => null;
            const sandbox = SANDBOX_NAMES[token.text];
            if (sandbox)
                return this.accessors((c) => (Object.hasOwn(c, sandbox) ? c[sandbox] : undefined));
        }
        throw this.unexpected(token);
    }
    /** `.name` and `['name']` / `[0]` after a value; method calls are not a thing here. */
    accessors(base) {
        let read = base;
        for (;;) {
            const next = this.peek();
            if (next?.text === ".") {
                this.take();
                const name = this.take();
                if (name.kind !== "name" || name.text.startsWith("@"))
                    throw this.unexpected(name);
                const [from, key] = [read, name.text];
                read = (c) => ownField(from(c), key);
            }
            else if (next?.text === "[") {
                this.take();
                const key = this.take();
                if (key.kind !== "string" && key.kind !== "number")
                    throw this.unexpected(key);
                this.take("]");
                const [from, field] = [read, key.kind === "string" ? unquote(key.text) : Number(key.text)];
                read = (c) => ownField(from(c), field);
            }
            else {
                return read;
            }
        }
    }
}
const compiled = new Map();
/** The filter compiled, or a FilterSyntaxError saying what is wrong with it. */
function compileFilter(code) {
    let filter = compiled.get(code);
    if (!filter) {
        filter = new Parser(tokenize(code), code).parse();
        if (compiled.size >= 1000)
            compiled.clear();
        compiled.set(code, filter);
    }
    return filter;
}
/**
 * Why the filters of a JSONPath cannot be read (the end of a sentence), or undefined.
 * `parts` are jsonpath-plus's path parts; filters are `?(…)`, script expressions `(…)`.
 */
function filterProblem(parts) {
    for (const part of parts) {
        if (part.startsWith("(")) {
            return `has the script expression [${part}], which Greenlight does not evaluate; name the key or index`;
        }
        if (!part.startsWith("?("))
            continue;
        try {
            compileFilter(part.slice(2, -1));
        }
        catch (error) {
            if (!(error instanceof FilterSyntaxError))
                throw error;
            return `has the filter [${part}] that Greenlight cannot read (${error.message})`;
        }
    }
    return undefined;
}
/** The `eval` option for jsonpath-plus: filters through compileFilter, never through JavaScript. */
function evaluateFilter(code, context) {
    return compileFilter(code)(context);
}


/***/ }),

/***/ 1645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QY: () => (/* binding */ checkEntrySchema),
/* harmony export */   gK: () => (/* binding */ latencySchema),
/* harmony export */   k6: () => (/* binding */ durationValue)
/* harmony export */ });
/* unused harmony exports sizeValue, rateValue, expectSchema, tlsSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8532);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);
/* harmony import */ var _core_quantity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7950);
/* harmony import */ var _header_expectation_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2799);
/* harmony import */ var _json_assertion_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5141);
/* harmony import */ var _status_expectation_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1088);
/**
 * The shape of one check as written in YAML or JSON (the `checks` input, a checks file, or
 * the config file). Keys are kebab-case like the action's inputs. Values are validated and
 * turned into their typed form here, with messages that say what would be right.
 */






/** A duration: `10s`, `500ms`, `1m30s`, or a number of seconds. */
const durationValue = zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()], { error: "expected a duration such as 10s or 500ms" })
    .transform((value, ctx) => {
    const ms = typeof value === "number" ? Math.round(value * 1000) : (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(value);
    if (ms === undefined || ms < 0) {
        return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)(ctx, `"${value}" is not a duration; write it like 10s, 500ms or 1m30s`);
    }
    return ms;
});
/** A size in bytes: `1MiB`, `512KiB`, or a number of bytes. */
const sizeValue = zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()], { error: `expected a size; ${_core_quantity_js__WEBPACK_IMPORTED_MODULE_1__/* .BYTE_SIZE_FORMS */ .f7}` })
    .transform((value, ctx) => {
    const bytes = typeof value === "number" ? value : (0,_core_quantity_js__WEBPACK_IMPORTED_MODULE_1__/* .parseByteSize */ .nS)(value);
    if (bytes === undefined || bytes <= 0) {
        return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)(ctx, `"${value}" is not a size; ${_core_quantity_js__WEBPACK_IMPORTED_MODULE_1__/* .BYTE_SIZE_FORMS */ .f7}`);
    }
    return bytes;
});
/** A rate: `1%`, `0.5%`, or a fraction between 0 and 1. */
const rateValue = zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()], { error: "expected a percentage such as 1%" })
    .transform((value, ctx) => {
    const text = String(value).trim();
    const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
    const rate = percent ? Number(percent[1]) / 100 : Number(text);
    if (!Number.isFinite(rate) || rate < 0 || rate > 1 || text === "") {
        return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)(ctx, `"${value}" is not a rate; write a percentage such as 1% or 0.5%`);
    }
    return rate;
});
/** A message for a value that is not a map at all; other issues keep their own messages. */
function notAMap(message) {
    return (issue) => (issue.code === "invalid_type" ? message : undefined);
}
const positiveInteger = zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a whole number" })
    .int({ error: "expected a whole number" })
    .min(1, { error: "must be at least 1" });
const statusValue = zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP()]))], {
    error: "expected a status code (200), a class (2xx), a range (200-299) or a list of those",
})
    .transform((value, ctx) => {
    const parsed = (0,_status_expectation_js__WEBPACK_IMPORTED_MODULE_4__/* .parseStatusExpectation */ .SI)(value);
    return typeof parsed === "string" ? (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)(ctx, parsed) : parsed;
});
function toAssertion(item, ctx) {
    try {
        if (typeof item === "string")
            return (0,_json_assertion_js__WEBPACK_IMPORTED_MODULE_3__/* .parseAssertion */ .MV)(item);
        if (typeof item === "object" && item !== null && !Array.isArray(item)) {
            const { path, op, value, ...rest } = item;
            const extra = Object.keys(rest);
            if (typeof path !== "string" || extra.length > 0) {
                throw new Error(`an assertion object has the keys path, op and value${extra.length ? ` (not ${extra.join(", ")})` : ""}`);
            }
            const operator = typeof op === "string" ? op : value === undefined ? "exists" : "==";
            return (0,_json_assertion_js__WEBPACK_IMPORTED_MODULE_3__/* .makeAssertion */ .zp)(path, operator, value);
        }
        throw new Error(`${JSON.stringify(item)} is not an assertion; write e.g. $.status == "ok"`);
    }
    catch (error) {
        (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)(ctx, error.message);
        return undefined;
    }
}
/** A list of `PATH OP VALUE` strings or {path, op, value} objects, or a map of path → value. */
const jsonAssertions = zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J().transform((value, ctx) => {
    const items = typeof value === "string"
        ? [value]
        : Array.isArray(value)
            ? value
            : typeof value === "object" && value !== null
                ? Object.entries(value).map(([path, expected]) => ({ path, op: "==", value: expected }))
                : undefined;
    if (!items)
        return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)(ctx, 'expected a list of assertions such as $.status == "ok"');
    const out = [];
    for (const item of items) {
        const assertion = toAssertion(item, ctx);
        if (!assertion)
            return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
        out.push(assertion);
    }
    return out;
});
const patterns = zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP())], { error: "expected a regular expression or a list" })
    .transform((value, ctx) => {
    try {
        return (Array.isArray(value) ? value : [value]).map(_json_assertion_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePattern */ .EY);
    }
    catch (error) {
        return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)(ctx, error.message);
    }
});
const headerExpectations = zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig()]), {
    error: "expected a map of header name to true, false, a value or a /regex/",
})
    .transform((value, ctx) => {
    try {
        return Object.entries(value).map(([name, rule]) => ({ name, rule: (0,_header_expectation_js__WEBPACK_IMPORTED_MODULE_2__/* .parseHeaderRule */ .tF)(rule) }));
    }
    catch (error) {
        return (0,_core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .inputProblem */ .oi)(ctx, error.message);
    }
});
const expectSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    status: statusValue.optional(),
    json: jsonAssertions.optional(),
    "body-matches": patterns.optional(),
    "body-not-matches": patterns.optional(),
    headers: headerExpectations.optional(),
    "security-headers": zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: "expected true or false" }).optional(),
    "max-latency": durationValue.optional(),
}, { error: notAMap("expected a map such as {status: 200, json: ['$.status == \"ok\"']}") });
const tlsSchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    verify: zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: "expected true or false" }).optional(),
    "ca-file": zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: "expected a file path" }).optional(),
    "min-days": zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a number of days" }).min(0).optional(),
}, { error: notAMap("expected a map such as {verify: true, min-days: 14}") });
const latencySchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    requests: positiveInteger.max(100_000, { error: "must be at most 100000" }).optional(),
    concurrency: positiveInteger.max(256, { error: "must be at most 256" }).optional(),
    p50: durationValue.optional(),
    p95: durationValue.optional(),
    p99: durationValue.optional(),
    "max-error-rate": rateValue.optional(),
    "min-throughput": zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected requests per second" }).positive().optional(),
}, { error: notAMap("expected a map such as {requests: 200, concurrency: 10, p95: 2s}") });
const headerValues = zod__WEBPACK_IMPORTED_MODULE_5__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY()]), {
    error: "expected a map of header name to value",
})
    .transform((value) => Object.fromEntries(Object.entries(value).map(([name, v]) => [name, String(v)])));
const checkEntrySchema = zod__WEBPACK_IMPORTED_MODULE_5__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: "expected text" }).min(1).optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: "expected the URL to check, e.g. https://api.example.com/health" }),
    method: zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP({ error: "expected an HTTP method such as GET" })
        .regex(/^[A-Za-z]+$/, { error: "expected an HTTP method such as GET or POST" })
        .optional(),
    headers: headerValues.optional(),
    "secret-headers": zod__WEBPACK_IMPORTED_MODULE_5__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP(), { error: "expected a list of header names" }).optional(),
    body: zod__WEBPACK_IMPORTED_MODULE_5__/* .unknown */ .L5J()
        .transform((value) => (typeof value === "string" ? value : JSON.stringify(value)))
        .optional(),
    expect: expectSchema.optional(),
    tls: tlsSchema.optional(),
    timeout: durationValue.optional(),
    attempts: positiveInteger.optional(),
    interval: durationValue.optional(),
    "follow-redirects": zod__WEBPACK_IMPORTED_MODULE_5__/* .boolean */ .zMY({ error: "expected true or false" }).optional(),
    "max-redirects": zod__WEBPACK_IMPORTED_MODULE_5__/* .number */ .aig({ error: "expected a whole number" }).int().min(0).optional(),
    "max-body": sizeValue.optional(),
    latency: latencySchema.optional(),
}, { error: notAMap("expected a map with at least url") });


/***/ }),

/***/ 2566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   Np: () => (/* binding */ noRedaction),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   l9: () => (/* binding */ formatPercent)
/* harmony export */ });
/* harmony import */ var _core_quantity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7950);
/**
 * How verify writes numbers, sizes, durations and values into reasons a person reads:
 * `1 MiB`, `300 ms`, `2.5 s`, `"1.4.1"`. One place, so every reason reads the same.
 */


/** `1.25 ms`, `12.5 ms`, `850 ms`, `2.5 s`, `10 s`, `1m30s`, `2m`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Number(ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0))} ms`;
    if (ms < 60_000)
        return `${Number((ms / 1000).toFixed(2))} s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
}
const noRedaction = (text) => text;
/** A value as JSON, shortened so one reason stays one readable line. */
function formatValue(value, redact = noRedaction, limit = 80) {
    if (value === undefined)
        return "nothing";
    const text = redact(JSON.stringify(value) ?? String(value));
    return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
/** `3.0%`, `0.25%`. */
function formatPercent(ratio) {
    const percent = ratio * 100;
    return `${percent < 1 && percent > 0 ? percent.toFixed(2) : percent.toFixed(1)}%`;
}
/** A short excerpt of a text body for a reason: one line, trimmed. */
function excerpt(text, redact = noRedaction, limit = 120) {
    const line = redact(text).replace(/\s+/g, " ").trim();
    return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}


/***/ }),

/***/ 2799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D6: () => (/* binding */ evaluateHeader),
/* harmony export */   rn: () => (/* binding */ securityHeaderExpectations),
/* harmony export */   tF: () => (/* binding */ parseHeaderRule)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2566);
/* harmony import */ var _json_assertion_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5141);


/** `true`/`present`, `false`/`absent`, `/regex/`, or an exact value. */
function parseHeaderRule(value) {
    if (value === true || value === "present")
        return { kind: "present" };
    if (value === false || value === "absent")
        return { kind: "absent" };
    const text = String(value);
    if (/^\/.*\/[a-z]*$/s.test(text))
        return { kind: "matches", pattern: (0,_json_assertion_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePattern */ .EY)(text) };
    return { kind: "equals", value: text };
}
/**
 * The security headers every public HTTPS endpoint should send. HSTS only means something
 * over HTTPS, so it is expected only there.
 */
function securityHeaderExpectations(https) {
    return [
        ...(https
            ? [
                {
                    name: "Strict-Transport-Security",
                    rule: { kind: "matches", pattern: /max-age=[1-9]\d*/i },
                },
            ]
            : []),
        { name: "X-Content-Type-Options", rule: { kind: "matches", pattern: /^nosniff$/i } },
        { name: "X-Frame-Options", rule: { kind: "matches", pattern: /^(DENY|SAMEORIGIN)$/i } },
    ];
}
function headerValue(headers, name) {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : value;
}
function evaluateHeader(expectation, headers, redact = _format_js__WEBPACK_IMPORTED_MODULE_0__/* .noRedaction */ .Np) {
    const { name, rule } = expectation;
    const actual = headerValue(headers, name);
    if (rule.kind === "absent") {
        return actual === undefined
            ? undefined
            : `response header ${name} must be absent but is ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(actual, redact)}`;
    }
    if (actual === undefined)
        return `response header ${name} is missing`;
    if (rule.kind === "equals" && actual.trim() !== rule.value) {
        return `response header ${name} is ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(actual, redact)}, expected ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(rule.value, redact)}`;
    }
    if (rule.kind === "matches" && !rule.pattern.test(actual)) {
        return `response header ${name} is ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatValue */ .Fl)(actual, redact)}, expected to match ${String(rule.pattern)}`;
    }
    return undefined;
}


/***/ }),

/***/ 5141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ parsePattern),
/* harmony export */   MV: () => (/* binding */ parseAssertion),
/* harmony export */   o2: () => (/* binding */ evaluateAssertion),
/* harmony export */   zp: () => (/* binding */ makeAssertion)
/* harmony export */ });
/* unused harmony exports OPERATORS, describeAssertion */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var jsonpath_plus__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6229);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _release_file_json_path_scan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5240);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2566);
/**
 * JSONPath assertions on a response body: `$.status == "ok"`, `$.uptime > 0`,
 * `$.name =~ /^api-/`, `$.state in ["up", "degraded"]`, `$.debug not exists`. A path that
 * matches several values (`$.details.*.status == "up"`) must hold for every one of them.
 */





const OPERATORS = [
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "=~",
    "!~",
    "in",
    "not in",
    "contains",
    "not contains",
    "exists",
    "not exists",
];
const ALIASES = {
    "!exists": "not exists",
    absent: "not exists",
    "is absent": "not exists",
    present: "exists",
    matches: "=~",
    "not matches": "!~",
    "!in": "not in",
};
const OPERATOR_PATTERN = /^(==|!=|<=|>=|<|>|=~|!~|!exists\b|not\s+exists\b|exists\b|is\s+absent\b|absent\b|present\b|not\s+in\b|!in\b|in\b|not\s+contains\b|contains\b|not\s+matches\b|matches\b)/;
const UNARY = new Set(["exists", "not exists"]);
/** Where the path ends: the first space or operator outside brackets and quotes. */
function splitPath(text) {
    const { stop } = (0,_release_file_json_path_scan_js__WEBPACK_IMPORTED_MODULE_3__/* .scanJsonPath */ .r)(text, (ch) => /\s/.test(ch) || "=!<>".includes(ch));
    return stop === -1 ? [text, ""] : [text.slice(0, stop), text.slice(stop).trim()];
}
/** `/pattern/flags`, or the whole text as a pattern. Throws a phrase when it does not compile. */
function parsePattern(text) {
    const literal = /^\/(.*)\/([dgimsuyv]*)$/s.exec(text.trim());
    const source = literal ? literal[1] : text;
    const flags = literal ? literal[2].replace(/[gy]/g, "") : "";
    try {
        return new RegExp(source, flags);
    }
    catch (error) {
        throw new Error(`/${source}/ is not a valid regular expression (${error.message})`, {
            cause: error,
        });
    }
}
function parseLiteral(text) {
    try {
        return yaml__WEBPACK_IMPORTED_MODULE_2__.parse(text);
    }
    catch {
        return text;
    }
}
function normaliseOperator(op) {
    const spaced = op.trim().replace(/\s+/g, " ");
    if (OPERATORS.includes(spaced))
        return spaced;
    return ALIASES[spaced];
}
/** Builds an assertion from its parts, checking that the value fits the operator. */
function makeAssertion(path, opText, rawValue) {
    if (!path.startsWith("$")) {
        throw new Error(`"${path}" is not a JSONPath; start it with $ (e.g. $.status)`);
    }
    const op = normaliseOperator(opText);
    if (!op) {
        throw new Error(`"${opText}" is not an operator; use one of ${OPERATORS.join(", ")}`);
    }
    if (UNARY.has(op))
        return { path, op };
    if (rawValue === undefined)
        throw new Error(`"${path} ${op}" needs a value to compare with`);
    if (op === "=~" || op === "!~") {
        const value = rawValue instanceof RegExp ? rawValue : parsePattern(String(rawValue));
        return { path, op, value };
    }
    if ((op === "in" || op === "not in") && !Array.isArray(rawValue)) {
        throw new Error(`"${path} ${op}" needs a list, e.g. ["up", "degraded"]`);
    }
    if (["<", "<=", ">", ">="].includes(op) && typeof rawValue !== "number") {
        throw new Error(`"${path} ${op}" compares numbers; ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatValue */ .Fl)(rawValue)} is not a number`);
    }
    return { path, op, value: rawValue };
}
/** Parses the text form: `PATH OP VALUE`, `PATH exists`, or a bare `PATH` (exists). */
function parseAssertion(text) {
    const [path, rest] = splitPath(text.trim());
    if (rest === "")
        return makeAssertion(path, "exists", undefined);
    const opMatch = OPERATOR_PATTERN.exec(rest);
    if (!opMatch) {
        throw new Error(`"${text}" has no operator after the path; write e.g. ${path} == "ok" (operators: ${OPERATORS.join(", ")})`);
    }
    const valueText = rest.slice(opMatch[0].length).trim();
    const op = normaliseOperator(opMatch[1]);
    if (op && UNARY.has(op) && valueText !== "") {
        throw new Error(`"${text}" has text after "${op}", which takes no value`);
    }
    if (op === "=~" || op === "!~") {
        const unquoted = /^(["']).*\1$/s.test(valueText) ? String(parseLiteral(valueText)) : valueText;
        return makeAssertion(path, opMatch[1], unquoted === "" ? undefined : unquoted);
    }
    return makeAssertion(path, opMatch[1], valueText === "" ? undefined : parseLiteral(valueText));
}
function describeAssertion(assertion, redact = _format_js__WEBPACK_IMPORTED_MODULE_4__/* .noRedaction */ .Np) {
    if (assertion.value === undefined)
        return `${assertion.path} ${assertion.op}`;
    const value = assertion.value instanceof RegExp
        ? redact(String(assertion.value))
        : (0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatValue */ .Fl)(assertion.value, redact);
    return `${assertion.path} ${assertion.op} ${value}`;
}
function compare(op, actual, expected) {
    switch (op) {
        case "==":
            return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(actual, expected) ? undefined : "";
        case "!=":
            return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(actual, expected) ? "" : undefined;
        case "<":
        case "<=":
        case ">":
        case ">=": {
            if (typeof actual !== "number")
                return " (not a number)";
            const e = expected;
            const ok = op === "<" ? actual < e : op === "<=" ? actual <= e : op === ">" ? actual > e : actual >= e;
            return ok ? undefined : "";
        }
        case "=~":
        case "!~": {
            if (typeof actual === "object" && actual !== null)
                return " (not text)";
            const matched = expected.test(String(actual));
            return matched === (op === "=~") ? undefined : "";
        }
        case "in":
        case "not in": {
            const found = expected.some((item) => (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(item, actual));
            return found === (op === "in") ? undefined : "";
        }
        case "contains":
        case "not contains": {
            let found;
            if (typeof actual === "string")
                found = actual.includes(String(expected));
            else if (Array.isArray(actual))
                found = actual.some((i) => (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(i, expected));
            else
                return " (neither text nor a list)";
            return found === (op === "contains") ? undefined : "";
        }
        default:
            return undefined;
    }
}
function query(path, document) {
    const found = (0,jsonpath_plus__WEBPACK_IMPORTED_MODULE_1__/* .JSONPath */ .E)({
        path,
        json: document,
        resultType: "all",
        wrap: true,
    });
    return (found ?? []).map((m) => ({ path: m.path, value: m.value }));
}
/** Undefined when the assertion holds on `document`; otherwise the reason, as a sentence part. */
function evaluateAssertion(assertion, document, redact = _format_js__WEBPACK_IMPORTED_MODULE_4__/* .noRedaction */ .Np) {
    let matches;
    try {
        matches = query(assertion.path, document);
    }
    catch (error) {
        return `${assertion.path} could not be evaluated (${error.message})`;
    }
    const expectation = `expected ${describeAssertion(assertion, redact)}`;
    if (assertion.op === "exists") {
        return matches.length > 0 ? undefined : `${expectation} but it is absent`;
    }
    if (assertion.op === "not exists") {
        const first = matches[0];
        return first
            ? `expected ${assertion.path} to be absent but got ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatValue */ .Fl)(first.value, redact)}`
            : undefined;
    }
    if (matches.length === 0)
        return `${expectation} but ${assertion.path} is absent`;
    for (const match of matches) {
        const problem = compare(assertion.op, match.value, assertion.value);
        if (problem === undefined)
            continue;
        const where = matches.length > 1 ? ` at ${match.path}` : "";
        return `${expectation} but got ${(0,_format_js__WEBPACK_IMPORTED_MODULE_4__/* .formatValue */ .Fl)(match.value, redact)}${redact(where)}${problem}`;
    }
    return undefined;
}


/***/ }),

/***/ 1088:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ DEFAULT_STATUS),
/* harmony export */   SI: () => (/* binding */ parseStatusExpectation),
/* harmony export */   W_: () => (/* binding */ statusMatches),
/* harmony export */   Y$: () => (/* binding */ describeStatusExpectation)
/* harmony export */ });
/**
 * Expected HTTP statuses: exact codes (`200`), classes (`2xx`) and ranges (`200-299`),
 * alone or as a list. Parsed once; matched against every response.
 */
const DEFAULT_STATUS = [{ from: 200, to: 299, text: "2xx" }];
function parseOne(item) {
    const text = String(item).trim();
    if (/^[1-5]\d\d$/.test(text))
        return { from: Number(text), to: Number(text), text };
    const klass = /^([1-5])xx$/i.exec(text);
    if (klass) {
        const base = Number(klass[1]) * 100;
        return { from: base, to: base + 99, text: text.toLowerCase() };
    }
    const range = /^([1-5]\d\d)\s*-\s*([1-5]\d\d)$/.exec(text);
    if (range && Number(range[1]) <= Number(range[2])) {
        return { from: Number(range[1]), to: Number(range[2]), text: `${range[1]}-${range[2]}` };
    }
    return `"${text}" is not a status; write a code (200), a class (2xx) or a range (200-299)`;
}
/**
 * Parses `200`, `"2xx"`, `"200-299"`, `"200, 204"` or a list of those. Returns the problem
 * as a phrase when the value is not a status expectation.
 */
function parseStatusExpectation(value) {
    const items = Array.isArray(value)
        ? value
        : typeof value === "number"
            ? [value]
            : value.split(/[,\s]+/).filter((s) => s.length > 0);
    if (items.length === 0)
        return "is empty; write a code (200), a class (2xx) or a range";
    const ranges = [];
    for (const item of items) {
        const parsed = parseOne(item);
        if (typeof parsed === "string")
            return parsed;
        ranges.push(parsed);
    }
    return ranges;
}
function statusMatches(expectation, status) {
    return expectation.some((range) => status >= range.from && status <= range.to);
}
/** `200`, `2xx or 304`, `one of 200, 201 or 204`. */
function describeStatusExpectation(expectation) {
    const texts = expectation.map((r) => r.text);
    if (texts.length === 1)
        return texts[0];
    return `${texts.slice(0, -1).join(", ")} or ${texts[texts.length - 1]}`;
}


/***/ })

};
