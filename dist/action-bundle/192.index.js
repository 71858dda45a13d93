export const id = 192;
export const ids = [192];
export const modules = {

/***/ 9980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ editRequestFrom),
/* harmony export */   Kk: () => (/* binding */ editInputShape),
/* harmony export */   ql: () => (/* binding */ releaseEditFrom)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9691);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8532);
/* harmony import */ var _core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3032);
/* harmony import */ var _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9114);
/* harmony import */ var _assignments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6268);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2567);
/* harmony import */ var _service_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1404);
/**
 * The inputs that describe a tfvars edit, shared by update-tfvars and open-pr so the two
 * actions take exactly the same `set`, `images`, `weights`, … syntax.
 */






/**
 * A map given as `key=value` lines or as a JSON object (the form build-push outputs in
 * `images`). Values are kept as strings; callers convert them.
 */
function parseKeyValues(text, ctx) {
    const trimmed = text.trim();
    if (trimmed.startsWith("{")) {
        try {
            const parsed = JSON.parse(trimmed);
            if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
                const map = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .ownMap */ .hH)();
                for (const [k, v] of Object.entries(parsed))
                    map[k] = String(v);
                return map;
            }
        }
        catch {
            // Fall through to the error below.
        }
        ctx.addIssue({
            code: "custom",
            message: "is not a valid JSON object; give a JSON map or service=value lines",
        });
        return undefined;
    }
    const out = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .ownMap */ .hH)();
    for (const line of trimmed
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)) {
        const eq = line.indexOf("=");
        const key = line.slice(0, eq).trim();
        if (eq <= 0 || key === "") {
            ctx.addIssue({
                code: "custom",
                message: `has the line "${line}", which is not service=value`,
            });
            return undefined;
        }
        if (Object.hasOwn(out, key)) {
            ctx.addIssue({ code: "custom", message: `names service "${key}" twice` });
            return undefined;
        }
        out[key] = line.slice(eq + 1).trim();
    }
    return out;
}
function wholeNumber(text, max) {
    if (!/^\d+$/.test(text))
        return undefined;
    const value = Number(text);
    // Beyond 2^53 the number written would not be the number given.
    if (!Number.isSafeInteger(value))
        return undefined;
    return max !== undefined && value > max ? undefined : value;
}
const imagesInput = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().transform((text, ctx) => parseKeyValues(text, ctx) ?? zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm);
const desiredCountsInput = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().transform((text, ctx) => {
    const map = parseKeyValues(text, ctx);
    if (!map)
        return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
    const out = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .ownMap */ .hH)();
    for (const [service, value] of Object.entries(map)) {
        const count = wholeNumber(value);
        if (count === undefined) {
            ctx.addIssue({
                code: "custom",
                message: `gives service "${service}" the count "${value}"; a desired count is a whole number of 0 or more`,
            });
            return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
        }
        out[service] = count;
    }
    return out;
});
const weightsInput = zod__WEBPACK_IMPORTED_MODULE_5__/* .string */ .YjP().transform((text, ctx) => {
    const single = text.trim();
    if (/^-?\d+(\.\d+)?%?$/.test(single)) {
        const value = wholeNumber(single.replace(/%$/, ""), 100);
        if (value === undefined) {
            ctx.addIssue({
                code: "custom",
                message: `is "${single}"; a green weight is a whole percentage from 0 to 100`,
            });
            return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
        }
        return value;
    }
    const map = parseKeyValues(text, ctx);
    if (!map)
        return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
    const out = (0,_core_own_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .ownMap */ .hH)();
    for (const [service, value] of Object.entries(map)) {
        const weight = wholeNumber(value.replace(/%$/, ""), 100);
        if (weight === undefined) {
            ctx.addIssue({
                code: "custom",
                message: `gives service "${service}" the weight "${value}"; a green weight is a whole percentage from 0 to 100`,
            });
            return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
        }
        out[service] = weight;
    }
    return out;
});
const setInput = _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .linesInput */ .WO.transform((lines, ctx) => {
    try {
        return (0,_assignments_js__WEBPACK_IMPORTED_MODULE_1__/* .parseAssignments */ .k6)(lines, "set");
    }
    catch (error) {
        ctx.addIssue({
            code: "custom",
            message: error instanceof Error ? error.message.replace(/^Input "set" /, "") : String(error),
        });
        return zod__WEBPACK_IMPORTED_MODULE_6__/* .NEVER */ .tm;
    }
});
/** The raw edit inputs (all optional strings) and what they become. */
const editInputShape = {
    set: setInput.optional(),
    images: imagesInput.optional(),
    "desired-counts": desiredCountsInput.optional(),
    weights: weightsInput.optional(),
    finalize: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt.optional(),
    rollback: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt.optional(),
    create: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE.default(false),
    force: _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE.default(false),
    "require-digest": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE.optional(),
    "allowed-registries": _core_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt.optional(),
};
function releaseEditFrom(inputs) {
    return {
        ...(inputs.images ? { images: inputs.images } : {}),
        ...(inputs["desired-counts"] ? { desiredCounts: inputs["desired-counts"] } : {}),
        ...(inputs.weights !== undefined ? { weights: inputs.weights } : {}),
        ...(inputs.finalize?.length ? { finalize: inputs.finalize } : {}),
        ...(inputs.rollback?.length ? { rollback: inputs.rollback } : {}),
    };
}
/**
 * The whole edit request from the edit inputs, with the environment's image rules where the
 * inputs leave them open. A config without services leaves the layouts to the naming
 * convention.
 */
function editRequestFrom(inputs, config, env, environment) {
    const releaseFile = (0,_config_schema_js__WEBPACK_IMPORTED_MODULE_2__/* .releaseFileOf */ .l4)(env);
    return {
        set: inputs.set ?? [],
        release: releaseEditFrom(inputs),
        create: inputs.create ?? false,
        force: inputs.force ?? false,
        imageRules: {
            requireDigest: inputs["require-digest"] ?? env?.["require-digest"] ?? false,
            allowedRegistries: inputs["allowed-registries"] ?? env?.["allowed-registries"] ?? [],
        },
        ...(releaseFile ? { releaseFile } : {}),
        ...(config && Object.keys(config.services).length > 0
            ? { layouts: (0,_service_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .layoutsFromConfig */ .W1)(config, environment) }
            : {}),
    };
}


/***/ }),

/***/ 7192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  updateTfvarsAction: () => (/* binding */ updateTfvarsAction)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/config/load.ts
var load = __webpack_require__(1036);
// EXTERNAL MODULE: ./src/config/schema.ts + 1 modules
var schema = __webpack_require__(2567);
// EXTERNAL MODULE: ./src/core/action.ts
var action = __webpack_require__(5605);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/core/inputs.ts
var inputs = __webpack_require__(9114);
// EXTERNAL MODULE: ./src/release-file/edit-inputs.ts
var edit_inputs = __webpack_require__(9980);
// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
// EXTERNAL MODULE: ./src/release-file/plan-edit.ts + 2 modules
var plan_edit = __webpack_require__(7690);
;// CONCATENATED MODULE: ./src/update-tfvars/main.ts
/**
 * update-tfvars: edits Terraform variable files in place. Every file is read and its edit
 * planned and validated first; only when all of them succeed is anything written, each
 * file atomically. With dry-run nothing is written at all.
 */


function unifiedDiff(edits) {
    return edits
        .filter((e) => e.before !== e.after)
        .map((e) => (0,create/* createTwoFilesPatch */.ss)(`a/${e.file}`, `b/${e.file}`, e.before, e.after, "", "", { context: 3 })
        .replace(/^=+\n/m, "")
        .replace(/^Index: .*\n/m, ""))
        .join("");
}
async function updateTfvars(params, deps) {
    const unique = [...new Set(params.files)];
    const edits = [];
    for (const file of unique) {
        const text = await deps.files.read(file);
        edits.push(await (0,plan_edit/* planTfvarsEdit */.a)(file, text, params.request));
    }
    // Reported only once every file has been planned: a later file's error means no edits at all.
    for (const edit of edits) {
        const what = edit.changes.length === 0 ? "already up to date" : `${edit.changes.length} change(s)`;
        deps.logger.info(`${edit.file}: ${what}`);
    }
    const changed = edits.filter((e) => e.before !== e.after);
    if (!params.dryRun && changed.length > 0) {
        await deps.files.writeAll(changed.map((e) => ({ file: e.file, content: e.after })));
    }
    return {
        changed: changed.length > 0,
        changes: edits.flatMap((e) => e.changes),
        diff: unifiedDiff(edits),
        files: edits.map((e) => ({ file: e.file, changed: e.before !== e.after })),
        dryRun: params.dryRun,
    };
}

// EXTERNAL MODULE: ./src/core/summary.ts
var summary = __webpack_require__(1363);
;// CONCATENATED MODULE: ./src/update-tfvars/summary.ts

function show(value) {
    return value === undefined ? "(absent)" : (0,summary/* inlineCode */.ti)(JSON.stringify(value));
}
/** The job summary: a table of every change, old → new. */
function updateTfvarsSummary(result) {
    const title = result.dryRun ? "update-tfvars (dry run: nothing written)" : "update-tfvars";
    if (!result.changed) {
        return [
            { kind: "heading", text: title },
            {
                kind: "paragraph",
                text: `No changes: ${result.files.map((f) => (0,summary/* inlineCode */.ti)(f.file)).join(", ")} already hold these values.`,
            },
        ];
    }
    return [
        { kind: "heading", text: title },
        {
            kind: "table",
            header: ["File", "Path", "Old", "New"],
            rows: result.changes.map((c) => [
                (0,summary/* inlineCode */.ti)(c.file),
                (0,summary/* inlineCode */.ti)(c.path),
                show(c.old),
                show(c.new),
            ]),
        },
    ];
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/atomic-write.ts
/**
 * Writes files so that a reader (or a crash) never sees half of one: each file goes to a
 * temporary file beside it, keeps the original's mode, and is renamed over the original.
 * With several files, all temporaries are written before the first rename, so a failure
 * while writing leaves every original untouched. A symbolic link is written through, never
 * replaced by a regular file: the file it points to is the one renamed over.
 */



async function writeFilesAtomically(writes) {
    const staged = [];
    try {
        for (const write of writes) {
            const { content } = write;
            const path = await external_node_fs_.promises.realpath(write.path).catch(() => write.path);
            const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomBytes)(6).toString("hex")}.tmp`);
            const mode = await external_node_fs_.promises.stat(path).then((s) => s.mode & 0o7777, () => 0o644);
            await external_node_fs_.promises.writeFile(temp, content, { mode, flag: "wx" });
            staged.push({ temp, path });
        }
    }
    catch (error) {
        await Promise.all(staged.map(({ temp }) => external_node_fs_.promises.rm(temp, { force: true })));
        throw error;
    }
    for (const { temp, path } of staged)
        await external_node_fs_.promises.rename(temp, path);
}

// EXTERNAL MODULE: ./src/core/workspace-files.ts
var workspace_files = __webpack_require__(8512);
;// CONCATENATED MODULE: ./src/update-tfvars/workspace-release-files.ts
/**
 * The release files update-tfvars edits, as files in the workspace: each read is refused
 * (bad input) unless the path is a writable regular file inside the workspace, and every
 * write lands atomically, all files or none.
 */





async function readReleaseFile(cwd, file) {
    const path = await (0,workspace_files/* workspacePath */.X5)(cwd, file, "file");
    const stat = await external_node_fs_.promises.stat(path).catch(() => undefined);
    if (!stat) {
        throw new errors/* ConfigurationError */.j1(`File "${file}" does not exist; check the "file" input (paths are relative to ${cwd}).`);
    }
    if (!stat.isFile()) {
        throw new errors/* ConfigurationError */.j1(`"${file}" is ${stat.isDirectory() ? "a directory" : "a device, pipe or socket"}, not a regular file; give the path of a release file (.tfvars.json, .tfvars, .yaml or .yml) in "file".`);
    }
    // Root ignores permission bits, so read-only is judged by the mode, not by access().
    if ((stat.mode & 0o222) === 0) {
        throw new errors/* ConfigurationError */.j1(`File "${file}" is read-only; make it writable (chmod u+w) or use dry-run to see the change.`);
    }
    try {
        return await external_node_fs_.promises.readFile(path, "utf8");
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`File "${file}" cannot be read (${error.code ?? "error"}); check its permissions.`);
    }
}
/** Release files under `cwd`, the workspace the "file" input's paths are relative to. */
function workspaceReleaseFiles(cwd) {
    return {
        read: (file) => readReleaseFile(cwd, file),
        writeAll: (writes) => writeFilesAtomically(writes.map((w) => ({ path: (0,external_node_path_.resolve)(cwd, w.file), content: w.content }))),
    };
}

;// CONCATENATED MODULE: ./src/update-tfvars/definition.ts











const inputShape = {
    file: inputs/* listInput */.dt.refine((files) => files.length > 0, { message: "must name at least one file" }),
    ...edit_inputs/* editInputShape */.Kk,
    format: schema/* releaseFileFormatSchema */.g1.optional(),
    "config-file": schemas/* string */.YjP().optional(),
    environment: schemas/* string */.YjP().optional(),
    "dry-run": inputs/* booleanInput */.tE.default(false),
};
const definition_inputs = schemas/* object */.Ikc(inputShape);
function environmentRules(config, environment) {
    if (!environment)
        return undefined;
    const env = config?.environments[environment];
    if (!env) {
        const known = Object.keys(config?.environments ?? {});
        throw new errors/* ConfigurationError */.j1(config
            ? `Input "environment" is "${environment}", which the config file does not define; known environments: ${known.join(", ") || "none"}.`
            : `Input "environment" is "${environment}", but there is no config file to define it; create .github/greenlight.yml or drop the input.`);
    }
    return env;
}
const updateTfvarsAction = (0,action/* defineAction */.Q)({
    name: "update-tfvars",
    inputs: definition_inputs,
    async run(params, context) {
        const release = (0,edit_inputs/* releaseEditFrom */.ql)(params);
        if (!params.set?.length && !(0,plan_edit/* hasReleaseEdit */.U)(release)) {
            throw new errors/* ConfigurationError */.j1(`Nothing to change: give at least one of the inputs set, images, desired-counts, weights, finalize or rollback.`);
        }
        const config = await (0,load/* loadConfig */.Z9)({
            cwd: context.cwd,
            ...(params["config-file"] ? { path: params["config-file"], required: true } : {}),
        });
        const env = environmentRules(config, params.environment);
        const result = await updateTfvars({
            files: params.file,
            dryRun: params["dry-run"],
            request: {
                ...(0,edit_inputs/* editRequestFrom */.AA)(params, config, env, params.environment),
                ...(params.format ? { format: params.format } : {}),
            },
        }, { files: workspaceReleaseFiles(context.cwd), logger: context.logger });
        return {
            outputs: {
                changed: String(result.changed),
                changes: JSON.stringify(result.changes),
                diff: result.diff,
            },
            summary: updateTfvarsSummary(result),
        };
    },
});


/***/ })

};
