export const id = 690;
export const ids = [690];
export const modules = {

/***/ 7614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ registryOf),
/* harmony export */   i$: () => (/* binding */ imageReferenceProblem),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/**
 * OCI image references (`registry/repository:tag@sha256:…`), parsed by the grammar of the
 * distribution project's reference package, so that an image written into an infra
 * repository is one a registry could actually serve.
 */
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}";
const REFERENCE = new RegExp(`^(?:(${DOMAIN})/)?(${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
/** Why `text` is not a valid image reference, or undefined when it is. */
function imageReferenceProblem(text) {
    if (text.trim() !== text || text.length === 0)
        return "it is empty or has surrounding spaces";
    if (text.length > 512)
        return "it is longer than 512 characters";
    const match = REFERENCE.exec(text);
    if (!match) {
        if (/[A-Z]/.test(text.split(/[:@]/)[0]?.split("/").slice(1).join("/") ?? "")) {
            return "repository names must be lowercase";
        }
        return "it does not have the form registry/repository[:tag][@sha256:<64 hex>]";
    }
    const [, registry, repository = "", , digest] = match;
    // Without a dot, colon or "localhost" the first component is a path, not a registry:
    // `myteam/api` is a Docker Hub repository.
    if (registry &&
        !/[.:]/.test(registry) &&
        registry !== "localhost" &&
        registry !== registry.toLowerCase()) {
        return "repository names must be lowercase";
    }
    if ((registry ? registry.length + 1 : 0) + repository.length > 255) {
        return "its name is longer than 255 characters";
    }
    if (digest?.startsWith("sha256:") && !SHA256_DIGEST.test(digest)) {
        return "a sha256 digest must be 64 lowercase hexadecimal characters";
    }
    return undefined;
}
function parseImageReference(text) {
    if (imageReferenceProblem(text) !== undefined)
        return undefined;
    const match = REFERENCE.exec(text);
    const [, domain, path = "", tag, digest] = match;
    let registry = domain;
    let repository = path;
    if (registry && !/[.:]/.test(registry) && registry !== "localhost") {
        repository = `${registry}/${path}`;
        registry = undefined;
    }
    return {
        ...(registry ? { registry } : {}),
        repository,
        ...(tag ? { tag } : {}),
        ...(digest ? { digest } : {}),
    };
}
/** The registry an image is pulled from; Docker Hub for short names. */
function registryOf(reference) {
    return reference.registry ?? "docker.io";
}


/***/ }),

/***/ 426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gT: () => (/* binding */ parseTfvars)
});

// UNUSED EXPORTS: RELEASE_FILE_FORMATS, formatOf

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/release-file/format.ts
var release_file_format = __webpack_require__(2271);
// EXTERNAL MODULE: ./src/release-file/hcl-document.ts + 3 modules
var hcl_document = __webpack_require__(769);
// EXTERNAL MODULE: ./src/release-file/json-spans.ts
var json_spans = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/release-file/span-document.ts
var span_document = __webpack_require__(9440);
// EXTERNAL MODULE: ./src/release-file/span-edit.ts
var span_edit = __webpack_require__(9269);
// EXTERNAL MODULE: ./src/release-file/json-values.ts
var json_values = __webpack_require__(1701);
;// CONCATENATED MODULE: ./src/release-file/json-document.ts
/**
 * JSON variable files (`*.tfvars.json`) edited in place. An edit replaces the bytes of one
 * value (or inserts one member) and leaves every other byte alone, so a reviewer's diff
 * shows the values Greenlight meant to change and nothing else. New objects and arrays are
 * written in the style the file already uses: its indent unit, line ending and `": "`
 * spacing, multi-line where their surroundings are multi-line.
 */





function detectStyle(text, root) {
    const indented = /\n([ \t]+)\S/.exec(text)?.[1];
    const first = root.members[0];
    const firstColon = first ? text.slice(first.keySpan.end, first.node.start) : "\n";
    return {
        eol: text.slice(0, text.indexOf("\n") + 1).endsWith("\r\n") ? "\r\n" : "\n",
        unit: indented === undefined ? "  " : indented.startsWith("\t") ? "\t" : indented,
        colon: firstColon.includes("\n") ? ": " : firstColon,
    };
}
function renderScalar(value, file) {
    if (typeof value === "number" && !Number.isFinite(value)) {
        throw new errors/* ConfigurationError */.j1(`File "${file}" cannot hold the number ${value}; JSON numbers are finite.`);
    }
    return JSON.stringify(value);
}
function render(value, layout, style, file) {
    if (value === null || typeof value !== "object")
        return renderScalar(value, file);
    const isArray = Array.isArray(value);
    const entries = isArray
        ? value.map((item) => [undefined, item])
        : Object.entries(value);
    const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0)
        return open + close;
    const inner = {
        ...layout,
        indent: layout.multiline ? layout.indent + style.unit : "",
    };
    const parts = entries.map(([key, item]) => (key === undefined ? "" : JSON.stringify(key) + style.colon) +
        render(item, inner, style, file));
    if (!layout.multiline) {
        return open + parts.join(style.colon.endsWith(" ") ? ", " : ",") + close;
    }
    const lines = parts.map((part) => inner.indent + part).join("," + style.eol);
    return open + style.eol + lines + style.eol + layout.indent + close;
}
class JsonDocument extends span_document/* SpanDocument */.q {
    format = "json";
    detectStyle() {
        return detectStyle(this.text, this.root);
    }
    checkWholeFile(value) {
        if ((0,json_values/* jsonTypeOf */.WF)(value) !== "object") {
            throw new errors/* ConfigurationError */.j1(`File "${this.file}" must hold an object at the top level, so $ cannot become ${(0,json_values/* describeType */.MF)(value)}.`);
        }
    }
    multilineIn(container) {
        return (0,span_edit/* spansLines */.Rs)(this.text, container);
    }
    render(value, layout) {
        return render(value, layout, this.style, this.file);
    }
    reparse(text) {
        return parseJsonDocument(text, this.file);
    }
    /** Adds `"key": value` after the last member, copying how the members before it are laid out. */
    withNewKey(parent, key, value) {
        const { text, style } = this;
        const name = JSON.stringify(key);
        const last = parent.members[parent.members.length - 1];
        const inside = { start: parent.start + 1, end: parent.end - 1 };
        if (!last) {
            // An empty object: pretty-printed files get the member on its own line.
            if (parent !== this.root && !(0,span_edit/* spansLines */.Rs)(text, this.root)) {
                const pad = text.slice(inside.start, inside.end) === "" ? "" : " ";
                const member = name + style.colon + render(value, { multiline: false, indent: "" }, style, this.file);
                return this.splice(inside, pad + member + pad);
            }
            const base = (0,span_edit/* lineIndent */.p0)(text, parent.start);
            const layout = { multiline: true, indent: base + style.unit };
            const member = name + style.colon + render(value, layout, style, this.file);
            return this.splice(inside, style.eol + layout.indent + member + style.eol + base);
        }
        const previous = parent.members[parent.members.length - 2];
        const gap = text.slice(previous ? previous.end : inside.start, last.start);
        const lastColon = text.slice(last.keySpan.end, last.node.start);
        const colon = lastColon.includes("\n") ? style.colon : lastColon;
        let separator;
        let layout;
        if (gap.includes("\n")) {
            const indent = /^[ \t]*/.exec(gap.slice(gap.lastIndexOf("\n") + 1))?.[0] ?? "";
            separator = "," + (gap.includes("\r\n") ? "\r\n" : "\n") + indent;
            layout = { multiline: true, indent };
        }
        else {
            // With one member there is no comma to copy; `{"a": 1}` spacing suggests `, `.
            const spaced = gap !== "" || colon.endsWith(" ");
            separator = previous ? gap : spaced ? ", " : ",";
            layout = { multiline: false, indent: "" };
        }
        const member = name + colon + render(value, layout, { ...style, colon }, this.file);
        return this.splice({ start: last.end, end: last.end }, separator + member);
    }
}
/** Parses a JSON variable file; anything but a strict JSON object is a ConfigurationError naming the file. */
function parseJsonDocument(text, file) {
    const root = (0,json_spans/* parseJsonSpans */.bQ)(text, file);
    if (root.kind !== "object") {
        throw new errors/* ConfigurationError */.j1(`File "${file}" holds ${(0,json_values/* describeType */.MF)(root.value)} at the top level, but a Terraform variable file in JSON holds an object of variables such as {"replicas": 2}.`);
    }
    return new JsonDocument(file, text, root);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/release-file/assignments.ts
var assignments = __webpack_require__(6268);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
;// CONCATENATED MODULE: ./src/release-file/yaml-parse.ts
/**
 * Reading a YAML release file (Helm values, a kustomization, Kubernetes manifests) with the
 * `yaml` package, keeping every node's source range, and checking that a second,
 * independent parser (`js-yaml`) reads the same values. Where the two disagree the file is
 * ambiguous, and Greenlight would not know which reading its edit changes.
 *
 * A file's value is its one document, or, when it holds several, the list of its documents
 * (`$[0]`, `$[1]`, …; empty documents are skipped as kubectl skips them). Every document
 * must be a mapping, as values files and manifests are.
 */




/** The most aliases one file may expand; a "billion laughs" file stops here. */
const MAX_ALIAS_COUNT = 100;
const JS_YAML_SCHEMA = js_yaml/* CORE_SCHEMA */.OU.withTags(js_yaml/* mergeTag */.LJ);
function firstSentence(message) {
    return (message.split("\n")[0] ?? message).replace(/\s+at line \d+.*$/, "").replace(/\.$/, "");
}
function where(lines, offset) {
    const { line, col } = lines.linePos(offset);
    return `line ${line}, column ${col}`;
}
function invalid(file, reason) {
    return new errors/* ConfigurationError */.j1(`File "${file}" is not valid YAML: ${reason}; fix the file.`);
}
function referencedAnchors(doc) {
    const names = new Set();
    (0,dist.visit)(doc, {
        Alias(_key, node) {
            names.add(node.source);
        },
    });
    return names;
}
/** The values as js-yaml reads them, or why it cannot. */
function readWithJsYaml(text, file) {
    try {
        const docs = (0,js_yaml/* loadAll */.gh)(text, { schema: JS_YAML_SCHEMA });
        return docs.filter((doc) => doc !== null && doc !== undefined);
    }
    catch (error) {
        throw invalid(file, firstSentence((0,errors/* errorMessage */.gJ)(error)));
    }
}
/** Parses a YAML release file; anything invalid or ambiguous is a ConfigurationError naming the file. */
function parseYamlSpans(text, file) {
    const lines = new dist.LineCounter();
    const all = (0,dist.parseAllDocuments)(text, {
        lineCounter: lines,
        prettyErrors: false,
        merge: true,
        uniqueKeys: true,
        strict: true,
    });
    const parsed = [...all];
    for (const doc of parsed) {
        const problem = doc.errors[0] ?? doc.warnings[0];
        if (problem) {
            throw invalid(file, `${firstSentence(problem.message)} at ${where(lines, problem.pos[0])}`);
        }
    }
    const docs = parsed.filter((doc) => doc.contents !== null);
    if (docs.length === 0) {
        throw new errors/* ConfigurationError */.j1(`File "${file}" holds no YAML document; a release file holds a mapping such as image: {tag: "1.4.0"}.`);
    }
    const values = [];
    for (const doc of docs) {
        const contents = doc.contents;
        if (!(0,dist.isMap)(contents) && !(0,dist.isAlias)(contents)) {
            throw new errors/* ConfigurationError */.j1(`File "${file}" has a document at ${where(lines, contents.range?.[0] ?? 0)} that is not a mapping; each document of a release file is a mapping of keys to values.`);
        }
        try {
            values.push(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
        }
        catch (error) {
            throw invalid(file, firstSentence((0,errors/* errorMessage */.gJ)(error)));
        }
    }
    const other = readWithJsYaml(text, file);
    if (!(0,json_values/* sameJson */.Vk)(values, other)) {
        throw new errors/* ConfigurationError */.j1(`File "${file}" reads differently in two YAML parsers (yaml and js-yaml), so an edit could not be checked; write its values without tags, directives or other ambiguous forms.`);
    }
    return {
        docs,
        data: values.length === 1 ? values[0] : values,
        referencedAnchors: docs.map(referencedAnchors),
    };
}

;// CONCATENATED MODULE: ./src/release-file/yaml-render.ts
/**
 * Values written as YAML text that reads back as the intended type in every reader a
 * GitOps repository meets: YAML 1.2 (the `yaml` package, js-yaml, Helm 3's newer parsers)
 * and YAML 1.1 (go-yaml v2 under kubectl and Kustomize, where `on`, `yes`, `no`, `y` are
 * booleans, `0777` is octal and `1:20` is a number). A string is written plain only when
 * all of them read it as that same string; otherwise it is quoted.
 */



/** Characters a plain scalar may hold in block and flow context alike, conservatively. */
const PLAIN_SAFE = /^[A-Za-z0-9_./+~-][A-Za-z0-9_./@:+=~-]*$/;
/** YAML 1.1 booleans that js-yaml's 1.1 schema leaves to strings. */
const YAML11_YES_NO = /^(?:y|n)$/i;
function readsAsString(reader, text) {
    try {
        return reader() === text;
    }
    catch {
        return false;
    }
}
/** Whether `text` is made only of characters a plain scalar may hold anywhere. */
function hasPlainCharacters(text) {
    return PLAIN_SAFE.test(text) && !text.endsWith(":") && text !== "-";
}
/** Whether `text` may be written without quotes and still be read as this string everywhere. */
function isPlainSafe(text) {
    if (!hasPlainCharacters(text) || YAML11_YES_NO.test(text))
        return false;
    return (readsAsString(() => (0,dist.parse)(text), text) &&
        readsAsString(() => (0,js_yaml/* load */.Hh)(text, { schema: js_yaml/* CORE_SCHEMA */.OU }), text) &&
        readsAsString(() => (0,js_yaml/* load */.Hh)(text, { schema: js_yaml/* YAML11_SCHEMA */.Wj }), text));
}
function doubleQuoted(text) {
    // JSON's escapes are a subset of YAML's double-quoted escapes.
    return JSON.stringify(text);
}
function isControl(char) {
    const code = char.codePointAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || [0x2028, 0x2029, 0xfeff].includes(code);
}
function singleQuoted(text) {
    // Line breaks fold inside single quotes, and there is no escape for control characters.
    if ([...text].some(isControl))
        return undefined;
    return `'${text.replace(/'/g, "''")}'`;
}
/** A string in the preferred style when that style can hold it, else double-quoted. */
function renderString(text, preferred) {
    if (preferred === "plain" && isPlainSafe(text))
        return text;
    if (preferred === "single")
        return singleQuoted(text) ?? doubleQuoted(text);
    return doubleQuoted(text);
}
function renderNumber(value, file) {
    if (!Number.isFinite(value)) {
        throw new errors/* ConfigurationError */.j1(`File "${file}" would get the number ${value}; Greenlight writes finite numbers only.`);
    }
    return Object.is(value, -0) ? "0" : String(value);
}
/** A scalar value; strings in `preferred` style where it round-trips. */
function yaml_render_renderScalar(value, preferred, file) {
    if (value === null)
        return "null";
    if (typeof value === "boolean")
        return value ? "true" : "false";
    if (typeof value === "number")
        return renderNumber(value, file);
    return renderString(value, preferred);
}
/** Any value on one line: scalars as above, collections in flow style (`{a: 1, b: [x]}`). */
function renderFlow(value, preferred, file) {
    if (value === null || typeof value !== "object")
        return yaml_render_renderScalar(value, preferred, file);
    if (Array.isArray(value)) {
        return `[${value.map((item) => renderFlow(item, preferred, file)).join(", ")}]`;
    }
    const members = Object.entries(value).map(([key, item]) => `${renderString(key, preferred)}: ${renderFlow(item, preferred, file)}`);
    return `{${members.join(", ")}}`;
}

;// CONCATENATED MODULE: ./src/release-file/yaml-document.ts







/** A parsed node's source range: start, end of its value, end of its trailing comment. */
function rangeOf(node) {
    if (!node.range)
        throw new Error("A YAML node read from text has no source range.");
    return node.range;
}
function quoteStyleOf(node) {
    if (!(0,dist.isScalar)(node))
        return "plain";
    if (node.type === "QUOTE_SINGLE")
        return "single";
    if (node.type === "QUOTE_DOUBLE")
        return "double";
    return "plain";
}
function isMergeKey(pair) {
    // With merge keys on, the yaml package reads `<<` as a symbol, not a string.
    return (0,dist.isScalar)(pair.key) && typeof pair.key.value === "symbol";
}
function keyOf(pair) {
    return (0,dist.isScalar)(pair.key) && !isMergeKey(pair) ? String(pair.key.value) : undefined;
}
/** `value` at `path` inside a copy of `data`. */
function withValue(data, path, value) {
    if (path.length === 0)
        return value;
    const [head, ...rest] = path;
    if (Array.isArray(data)) {
        const copy = [...data];
        copy[head] = withValue(copy[head], rest, value);
        return copy;
    }
    const object = data;
    const copy = { ...object };
    Object.defineProperty(copy, String(head), {
        value: withValue(Object.hasOwn(object, String(head)) ? object[String(head)] : null, rest, value),
        enumerable: true,
        writable: true,
        configurable: true,
    });
    return copy;
}
function eolOf(text) {
    const newline = text.indexOf("\n");
    return newline > 0 && text[newline - 1] === "\r" ? "\r\n" : "\n";
}
class YamlDocument {
    file;
    text;
    parsed;
    format = "yaml";
    constructor(file, text, parsed) {
        this.file = file;
        this.text = text;
        this.parsed = parsed;
    }
    get data() {
        return this.parsed.data;
    }
    set(path, value, options = {}) {
        const multi = this.parsed.docs.length > 1;
        if (path.length === 0 || (multi && path.length === 1)) {
            throw new errors/* ConfigurationError */.j1(`File "${this.file}" cannot have a whole document replaced (${(0,assignments/* formatPath */.jV)(path)}); set the values inside it.`);
        }
        const located = this.locate(path, options);
        if (located.node) {
            if ((0,json_values/* sameJson */.Vk)(located.node.toJSON(), value))
                return this;
            return this.replace(path, located.node, value);
        }
        return this.insert(path, located.parent, value);
    }
    refuse(path, depth, why) {
        const at = (0,assignments/* formatPath */.jV)(path.slice(0, depth));
        throw new errors/* ConfigurationError */.j1(`File "${this.file}" reaches ${(0,assignments/* formatPath */.jV)(path)} through ${why} at ${at}, so changing it would change other values too; edit the values the anchor or merge is made from, or write the value out in place.`);
    }
    checkNode(node, path, depth, anchors) {
        if ((0,dist.isAlias)(node))
            this.refuse(path, depth, `the alias *${node.source}`);
        if (node.anchor && anchors.has(node.anchor)) {
            this.refuse(path, depth, `the anchor &${node.anchor}, which other nodes refer to,`);
        }
    }
    locate(path, options) {
        const multi = this.parsed.docs.length > 1;
        const docIndex = multi ? Number(path[0]) : 0;
        const doc = this.parsed.docs[docIndex];
        const anchors = this.parsed.referencedAnchors[docIndex] ?? new Set();
        if (!doc) {
            throw new errors/* ConfigurationError */.j1(`File "${this.file}" has ${this.parsed.docs.length} documents, so ${(0,assignments/* formatPath */.jV)(path)} names none of them; documents are numbered from 0.`);
        }
        const start = multi ? 1 : 0;
        let node = doc.contents;
        this.checkNode(node, path, start, anchors);
        for (let depth = start; depth < path.length; depth++) {
            const segment = path[depth];
            let child;
            if ((0,dist.isMap)(node)) {
                const pair = node.items.find((item) => keyOf(item) === String(segment));
                // A key the mapping does not write itself may come from a merge: its bytes are elsewhere.
                if (!pair && node.items.some(isMergeKey))
                    this.refuse(path, depth, "a merge key (<<)");
                child = pair ? (pair.value ?? undefined) : undefined;
                // `key:` with nothing after it reads as null but has no bytes to replace.
                const empty = child && (0,dist.isScalar)(child) && rangeOf(child)[0] === rangeOf(child)[1];
                if (pair && (!child || empty)) {
                    throw new errors/* ConfigurationError */.j1(`File "${this.file}" has the key ${(0,assignments/* formatPath */.jV)(path.slice(0, depth + 1))} with no value written after it, so Greenlight cannot tell what style to keep; write a value such as "" or 0 there first.`);
                }
                if (!pair && depth === path.length - 1 && options.create)
                    return { parent: node };
            }
            else if ((0,dist.isSeq)(node) && typeof segment === "number") {
                child = node.items[segment] ?? undefined;
            }
            if (!child) {
                throw new errors/* ConfigurationError */.j1(`File "${this.file}" has no value at ${(0,assignments/* formatPath */.jV)(path.slice(0, depth + 1))}, so ${(0,assignments/* formatPath */.jV)(path)} cannot be set; check the path${depth === path.length - 1 && (0,dist.isMap)(node) ? ", or pass create to add the key" : ""}.`);
            }
            this.checkNode(child, path, depth + 1, anchors);
            node = child;
        }
        return { node };
    }
    replace(path, node, value) {
        const [start, end] = rangeOf(node);
        const style = quoteStyleOf(node);
        let span = { start, end };
        if ((0,dist.isScalar)(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED")) {
            // A block scalar's range runs to the end of its last line; keep that line break.
            const eol = /\r?\n$/.exec(this.text.slice(start, end))?.[0] ?? "";
            span = { start, end: end - eol.length };
        }
        else if (!(0,dist.isScalar)(node)) {
            // A block collection spans lines; its flow replacement goes on the key's line.
            span = this.collectionSpan(node, start, end);
        }
        const candidates = [renderFlow(value, style, this.file)];
        // `!!str 6`: the tag, not the style, makes it a string; plain text stays plain.
        if (typeof value === "string" && (0,dist.isScalar)(node) && node.tag && style === "plain") {
            if (hasPlainCharacters(value))
                candidates.unshift(value);
        }
        if (typeof value === "string")
            candidates.push(doubleQuoted(value));
        return this.spliceChecked(span, candidates, path, value);
    }
    /** A collection's span, trimmed of the trailing line break a block collection ends with. */
    collectionSpan(node, start, end) {
        const body = this.text.slice(start, end);
        const trailing = /\s*$/.exec(body)?.[0] ?? "";
        const isBlock = !((0,dist.isMap)(node) || (0,dist.isSeq)(node)) || !node.flow;
        return { start, end: isBlock ? end - trailing.length : end };
    }
    insert(path, parent, value) {
        const key = String(path[path.length - 1]);
        const last = parent.items[parent.items.length - 1];
        const lastNode = last?.value ?? last?.key;
        const style = quoteStyleOf(lastNode ?? undefined);
        const rendered = renderFlow(value, style, this.file);
        const name = renderString(key, "plain");
        if (parent.flow || !last || !lastNode) {
            const close = rangeOf(parent)[1] - 1;
            if (this.text[close] !== "}") {
                throw new errors/* ConfigurationError */.j1(`File "${this.file}" has a mapping at ${(0,assignments/* formatPath */.jV)(path.slice(0, -1))} that Greenlight cannot add ${JSON.stringify(key)} to; add the key by hand once.`);
            }
            const separator = last ? ", " : "";
            const member = `${separator}${name}: ${rendered}`;
            const at = last && lastNode ? rangeOf(lastNode)[1] : close;
            return this.spliceChecked({ start: at, end: at }, [member], path, value);
        }
        const keyStart = rangeOf(last.key)[0];
        const indent = " ".repeat(keyStart - (0,span_edit/* lineStart */.PT)(this.text, keyStart));
        if ((0,span_edit/* lineIndent */.p0)(this.text, keyStart).length !== indent.length) {
            throw new errors/* ConfigurationError */.j1(`File "${this.file}" has a mapping at ${(0,assignments/* formatPath */.jV)(path.slice(0, -1))} that starts on a line with other content, so Greenlight cannot add ${JSON.stringify(key)} to it; add the key by hand once.`);
        }
        const eol = eolOf(this.text);
        const valueEnd = rangeOf(lastNode)[1];
        const newline = this.text.indexOf("\n", Math.max(valueEnd - 1, 0));
        const member = `${indent}${name}: ${rendered}`;
        if (newline === -1) {
            return this.spliceChecked({ start: this.text.length, end: this.text.length }, [eol + member], path, value);
        }
        const at = newline + 1;
        return this.spliceChecked({ start: at, end: at }, [member + eol], path, value);
    }
    /**
     * The first candidate text whose result both parsers read as the intended value. A
     * candidate that reads otherwise is a writer bug, never the user's: none reading back is
     * an error, not a ConfigurationError.
     */
    spliceChecked(span, candidates, path, value) {
        const intended = withValue(this.parsed.data, path, value);
        const problems = [];
        for (const replacement of candidates) {
            const text = this.text.slice(0, span.start) + replacement + this.text.slice(span.end);
            try {
                const parsed = parseYamlSpans(text, this.file);
                if ((0,json_values/* sameJson */.Vk)(parsed.data, intended))
                    return new YamlDocument(this.file, text, parsed);
                problems.push(`${replacement.trim()} reads back differently`);
            }
            catch (error) {
                problems.push(`${replacement.trim()}: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        throw new Error(`Writing ${(0,json_values/* describeType */.MF)(value)} at ${(0,assignments/* formatPath */.jV)(path)} in "${this.file}" did not read back as intended (${problems.join("; ")}).`);
    }
}
/** Parses a YAML release file; anything invalid or ambiguous is a ConfigurationError naming the file. */
function parseYamlDocument(text, file) {
    return new YamlDocument(file, text, parseYamlSpans(text, file));
}

;// CONCATENATED MODULE: ./src/release-file/document.ts
/**
 * A release file held as its exact text plus the value it denotes. Editors for the three
 * formats (JSON `*.tfvars.json`, HCL `*.tfvars`, YAML values files, kustomizations and
 * manifests) share this shape so the assignment engine, the presets and open-pr never care
 * which one they hold.
 *
 * Documents are immutable: `set` returns a new document whose text differs from the old one
 * only in the bytes of the value that changed (plus, when a key is created, the bytes of the
 * new member), so a diff of a Greenlight edit shows exactly the values it meant to change.
 */






/**
 * Parses a release file in `format`, or the format its name implies; a file that is not
 * valid in its format is a ConfigurationError naming it.
 */
function parseTfvars(text, file, format) {
    const chosen = format ?? (0,release_file_format/* formatOf */.b)(file);
    if (!chosen) {
        throw new errors/* ConfigurationError */.j1(`File "${file}" is neither JSON, HCL nor YAML by its name; name it *.tfvars.json, *.tfvars, *.yaml or *.yml, or give its format (release-file.format in the config file).`);
    }
    if (chosen === "yaml")
        return parseYamlDocument(text, file);
    return chosen === "hcl" ? (0,hcl_document/* parseHclDocument */.Q)(text, file) : parseJsonDocument(text, file);
}


/***/ }),

/***/ 769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ parseHclDocument)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/release-file/assignments.ts
var assignments = __webpack_require__(6268);
// EXTERNAL MODULE: ./src/release-file/span-document.ts
var span_document = __webpack_require__(9440);
// EXTERNAL MODULE: ./src/release-file/span-edit.ts
var span_edit = __webpack_require__(9269);
// EXTERNAL MODULE: ./src/release-file/json-spans.ts
var json_spans = __webpack_require__(6518);
// EXTERNAL MODULE: ./src/release-file/json-values.ts
var json_values = __webpack_require__(1701);
;// CONCATENATED MODULE: ./src/release-file/hcl-lexer.ts
/**
 * The lexical layer of the HCL editor's parser: a cursor over the text that skips space and
 * comments the way HCL does (line breaks matter outside brackets, so callers say whether to
 * skip them), reads the literal tokens of the supported subset — names, numbers, quoted
 * strings with their escapes — and words every error with the file, line and column.
 */



const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
const INLINE_SPACE = /[ \t]*/y;
const SIMPLE_ESCAPES = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
const SUBSET = "the subset of HCL that Greenlight edits (quoted strings, numbers, booleans, null, lists and objects)";
class HclCursor {
    text;
    file;
    pos = 0;
    constructor(text, file) {
        this.text = text;
        this.file = file;
    }
    parseNumber() {
        const start = this.pos;
        if (this.peek() === "-") {
            this.pos++;
            this.skipSpace(false);
        }
        NUMBER.lastIndex = this.pos;
        const digits = NUMBER.exec(this.text)?.[0];
        if (digits === undefined)
            return this.fail("a number");
        const negative = this.text[start] === "-";
        const value = negative ? -Number(digits) : Number(digits);
        const inexact = (0,json_values/* inexactNumber */.sV)(negative ? `-${digits}` : digits, value);
        if (inexact)
            this.fail("a number that can be held exactly", `"${digits}"`, inexact);
        this.pos += digits.length;
        return { kind: "scalar", start, end: this.pos, value };
    }
    parseString() {
        const start = this.pos;
        let value = "";
        this.pos++;
        for (;;) {
            const ch = this.text[this.pos];
            if (ch === undefined || ch === "\n" || ch === "\r") {
                this.fail("a closing double quote", undefined, "quoted strings cannot span lines");
            }
            if (ch === '"')
                break;
            const next = this.text[this.pos + 1];
            if (ch === "\\") {
                value += this.parseEscape();
            }
            else if ((ch === "$" || ch === "%") && next === "{") {
                this.outsideSubset(ch === "$" ? "an interpolation (${…})" : "a template directive (%{…})", this.pos);
            }
            else if ((ch === "$" || ch === "%") && next === ch && this.text[this.pos + 2] === "{") {
                // `$${` and `%%{` are HCL's escapes for a literal `${` and `%{`.
                value += ch + "{";
                this.pos += 3;
            }
            else if (ch < " " && ch !== "\t") {
                this.fail("a character that is not a control character (write it as an escape)");
            }
            else {
                value += ch;
                this.pos++;
            }
        }
        this.pos++;
        // HCL reads every string in Unicode NFC (escapes included), and so must the editor.
        return { kind: "scalar", start, end: this.pos, value: value.normalize("NFC") };
    }
    parseEscape() {
        const next = this.text[this.pos + 1];
        const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
        if (simple !== undefined) {
            this.pos += 2;
            return simple;
        }
        const width = next === "u" ? 4 : next === "U" ? 8 : 0;
        const hex = this.text.slice(this.pos + 2, this.pos + 2 + width);
        const code = Number.parseInt(hex, 16);
        const valid = width > 0 && new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex);
        if (!valid || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
            this.fail('an escape such as \\n, \\" or \\u00e9', `"${this.text.slice(this.pos, this.pos + 2 + width)}"`);
        }
        this.pos += 2 + width;
        return String.fromCodePoint(code);
    }
    identifier() {
        IDENTIFIER.lastIndex = this.pos;
        const word = IDENTIFIER.exec(this.text)?.[0];
        if (word !== undefined)
            this.pos += word.length;
        return word;
    }
    peek(ahead = 0) {
        return this.text[this.pos + ahead];
    }
    atLineEnd() {
        const ch = this.peek();
        return ch === undefined || ch === "\n" || (ch === "\r" && this.peek(1) === "\n");
    }
    /**
     * Skips spaces, tabs and comments; with `newlines`, line breaks too. Without, a line
     * comment is skipped up to (not over) the line break that ends it, so the caller still
     * sees where the line ends. Block comments never end a line, as in HCL.
     */
    skipSpace(newlines) {
        for (;;) {
            INLINE_SPACE.lastIndex = this.pos;
            INLINE_SPACE.exec(this.text);
            this.pos = INLINE_SPACE.lastIndex;
            const ch = this.peek();
            const next = this.peek(1);
            if (ch === "#" || (ch === "/" && next === "/")) {
                const eol = this.text.indexOf("\n", this.pos);
                this.pos = eol === -1 ? this.text.length : this.text[eol - 1] === "\r" ? eol - 1 : eol;
            }
            else if (ch === "/" && next === "*") {
                const close = this.text.indexOf("*/", this.pos + 2);
                if (close === -1)
                    this.fail('"*/" to close the comment', "the end of the file");
                this.pos = close + 2;
            }
            else if (newlines && (ch === "\n" || (ch === "\r" && next === "\n"))) {
                this.pos += ch === "\n" ? 1 : 2;
            }
            else {
                return;
            }
        }
    }
    describeHere() {
        const ch = this.peek();
        if (ch === undefined)
            return "the end of the file";
        if (ch === "\n" || (ch === "\r" && this.peek(1) === "\n"))
            return "the end of the line";
        if (ch < " ")
            return `the control character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
        return `"${String.fromCodePoint(ch.codePointAt(0) ?? 0)}"`;
    }
    fail(expected, found = this.describeHere(), note) {
        const { line, column } = (0,json_spans/* lineAndColumn */.q1)(this.text, this.pos);
        throw new errors/* ConfigurationError */.j1(`File "${this.file}" is not valid HCL at line ${line}, column ${column}: expected ${expected} but found ${found}${note ? ` (${note})` : ""}; fix the file and run again.`);
    }
    outsideSubset(what, offset) {
        const { line, column } = (0,json_spans/* lineAndColumn */.q1)(this.text, offset);
        throw new errors/* ConfigurationError */.j1(`File "${this.file}" has ${what} at line ${line}, column ${column}, which is outside ${SUBSET}; write a literal value there, or keep the variable in a file Greenlight does not edit.`);
    }
}

;// CONCATENATED MODULE: ./src/release-file/hcl-spans.ts
/**
 * A parser for the subset of HCL that Terraform variable files use for literal values —
 * top-level `name = value` attributes whose values are quoted strings, numbers, booleans,
 * null, tuples and objects — remembering where every value, key and attribute sits in the
 * text. Anything beyond the subset (references, function calls, operators, heredocs, blocks,
 * `${…}` templates) is rejected with its line and column instead of guessed at: an edit
 * must never land on a value whose meaning depends on evaluation.
 *
 * This is the grammar; hcl-lexer.ts reads the tokens. The nodes share their shape with the
 * JSON editor's (json-spans.ts), so both editors walk paths the same way. Offsets are
 * indices into the JavaScript string.
 */



const BOM = "\uFEFF";
/** Far deeper than any variable file; stops a hostile file from exhausting the stack. */
const MAX_DEPTH = 256;
const IDENTIFIER_START = /^[\p{ID_Start}_]/u;
class HclSpanParser extends HclCursor {
    parseBody() {
        const body = {
            kind: "object",
            body: true,
            start: 0,
            end: this.text.length,
            members: [],
            value: {},
        };
        if (this.text.startsWith(BOM))
            this.pos = 1;
        for (;;) {
            this.skipSpace(true);
            if (this.pos >= this.text.length)
                return body;
            const attribute = this.parseAttribute();
            this.addMember(body, attribute);
        }
    }
    parseAttribute() {
        const start = this.pos;
        const name = this.identifier();
        if (name === undefined) {
            return this.fail("a variable name such as replicas", undefined, this.peek() === '"' ? "variable names take no quotes" : undefined);
        }
        const keySpan = { start, end: this.pos };
        this.skipSpace(false);
        const ch = this.peek();
        if (ch === "{" || ch === '"' || (ch !== undefined && IDENTIFIER_START.test(ch))) {
            this.outsideSubset(`a block ("${name} {…}")`, start);
        }
        if (ch !== "=" || this.peek(1) === "=")
            this.fail(`"=" after ${name}`);
        const separator = { start: this.pos, end: this.pos + 1 };
        this.pos++;
        this.skipSpace(false);
        const node = this.parseValue(0, false);
        this.skipSpace(false);
        const restOfLine = this.pos;
        if (!this.atLineEnd())
            this.afterValue(node, "the end of the line");
        return { key: name, keySpan, node, start, end: node.end, separator, comma: false, restOfLine };
    }
    parseValue(depth, inTuple) {
        if (depth > MAX_DEPTH)
            this.fail(`at most ${MAX_DEPTH} levels of nesting`);
        const ch = this.peek();
        const start = this.pos;
        if (ch === "{")
            return this.parseObject(depth);
        if (ch === "[")
            return this.parseTuple(depth);
        if (ch === '"')
            return this.parseString();
        if (ch === "<" && this.peek(1) === "<")
            this.outsideSubset("a heredoc (<<EOT)", start);
        if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9"))
            return this.parseNumber();
        const word = this.identifier();
        if (word === undefined) {
            if (ch === "(")
                this.outsideSubset("an expression in parentheses", start);
            if (ch === "!")
                this.outsideSubset("an expression", start);
            return this.fail("a value", undefined, ch === "'" ? "HCL strings take double quotes" : undefined);
        }
        const literals = { true: true, false: false, null: null };
        if (Object.hasOwn(literals, word)) {
            return { kind: "scalar", start, end: this.pos, value: literals[word] ?? null };
        }
        this.skipSpace(false);
        if (this.peek() === "(")
            this.outsideSubset(`a function call (${word}(…))`, start);
        if (word === "for" && inTuple)
            this.outsideSubset("a for expression", start);
        return this.outsideSubset(`a reference to ${word}`, start);
    }
    /** `{ k = v, "k" = v, k: v }`; members end at a comma or a line break. */
    parseObject(depth) {
        const node = { kind: "object", start: this.pos, end: 0, members: [], value: {} };
        this.pos++;
        for (;;) {
            this.skipSpace(true);
            if (this.peek() === "}")
                return this.close(node);
            const member = this.parseMember(depth);
            this.addMember(node, member);
            if (this.peek() === "}")
                return this.close(node);
        }
    }
    parseMember(depth) {
        const start = this.pos;
        let key;
        if (this.peek() === '"') {
            key = this.parseString().value;
        }
        else {
            key = this.identifier();
            if (key === undefined) {
                if (this.peek() === "(")
                    this.outsideSubset("a computed key in parentheses", start);
                this.fail('a key (a name or a quoted string) or "}"');
            }
        }
        const keySpan = { start, end: this.pos };
        this.skipSpace(false);
        const ch = this.peek();
        if (key === "for" && keySpan.end - start === 3 && ch !== "=" && ch !== ":") {
            this.outsideSubset("a for expression", start);
        }
        if ((ch !== "=" && ch !== ":") || this.peek(1) === "=")
            this.fail('"=" or ":" after the key');
        const separator = { start: this.pos, end: this.pos + 1 };
        this.pos++;
        this.skipSpace(false);
        const node = this.parseValue(depth + 1, false);
        this.skipSpace(false);
        const comma = this.peek() === ",";
        if (comma)
            this.pos++;
        this.skipSpace(false);
        const restOfLine = this.pos;
        if (!comma && !this.atLineEnd() && this.peek() !== "}") {
            this.afterValue(node, '",", a new line or "}"');
        }
        return { key, keySpan, node, start, end: node.end, separator, comma, restOfLine };
    }
    /** `[a, b]`; line breaks mean nothing inside brackets. */
    parseTuple(depth) {
        const node = { kind: "array", start: this.pos, end: 0, items: [], value: [] };
        this.pos++;
        for (;;) {
            this.skipSpace(true);
            if (this.peek() === "]")
                return this.close(node);
            const item = this.parseValue(depth + 1, true);
            node.items.push(item);
            node.value.push(item.value);
            this.skipSpace(true);
            if (this.peek() === ",")
                this.pos++;
            else if (this.peek() !== "]")
                this.afterValue(item, '"," or "]"');
        }
    }
    addMember(node, member) {
        if (Object.hasOwn(node.value, member.key)) {
            const { line, column } = (0,json_spans/* lineAndColumn */.q1)(this.text, member.start);
            throw new errors/* ConfigurationError */.j1(`File "${this.file}" sets ${JSON.stringify(member.key)} twice in one ${"body" in node ? "file" : "object"} (again at line ${line}, column ${column}); remove one of them.`);
        }
        node.members.push(member);
        (0,json_spans/* defineKey */.X3)(node.value, member.key, member.node.value);
    }
    close(node) {
        this.pos++;
        node.end = this.pos;
        return node;
    }
    /** Something other than `expected` follows a complete value: an operator, an index, … */
    afterValue(node, expected) {
        const ch = this.peek();
        if (ch !== undefined && "+-*/%<>=!&|?:.[(".includes(ch)) {
            this.outsideSubset(`an expression (found "${ch}" after the value)`, node.start);
        }
        return this.fail(expected);
    }
}
/** Parses `text` as an HCL variable file; every problem is a ConfigurationError naming `file`, line and column. */
function parseHclSpans(text, file) {
    return new HclSpanParser(text, file).parseBody();
}

;// CONCATENATED MODULE: ./src/release-file/hcl-render.ts
/**
 * Values written as HCL literals, in the layout `terraform fmt` would give them: objects
 * one member a line with their `=` aligned where the surroundings span lines, lists of
 * scalars on one line. Strings escape `${` and `%{` so a literal value never turns into a
 * template Terraform would evaluate.
 */

/**
 * Names written bare. HCL allows any Unicode identifier, but its tables follow an older
 * Unicode version than JavaScript's, so only ASCII names are safe to write unquoted.
 */
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Words HCL reads as something other than a key at the start of an object member. */
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if"]);
function isHclIdentifier(name) {
    return BARE_KEY.test(name);
}
const ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
};
function escapeChar(ch) {
    const code = ch.charCodeAt(0);
    if (ESCAPES[ch] !== undefined)
        return ESCAPES[ch];
    if (code < 0x20 || code === 0x7f)
        return `\\u${code.toString(16).padStart(4, "0")}`;
    return ch;
}
function renderHclString(value) {
    const escaped = Array.from(value, escapeChar)
        .join("")
        .replace(/([$%])\{/g, "$1$1{");
    return `"${escaped}"`;
}
function renderHclKey(key) {
    return isHclIdentifier(key) && !KEYWORDS.has(key) ? key : renderHclString(key);
}
function renderScalar(value, file) {
    if (typeof value === "string")
        return renderHclString(value);
    if (typeof value === "number") {
        if (!Number.isFinite(value)) {
            throw new errors/* ConfigurationError */.j1(`File "${file}" cannot hold the number ${value}; HCL numbers are finite.`);
        }
        return String(value);
    }
    return String(value);
}
function isNonEmptyContainer(value) {
    return value !== null && typeof value === "object" && Object.keys(value).length > 0;
}
function renderHcl(value, layout, style, file) {
    if (value === null || typeof value !== "object")
        return renderScalar(value, file);
    const inner = { ...layout, indent: layout.indent + style.unit };
    if (Array.isArray(value)) {
        if (value.length === 0)
            return "[]";
        if (!layout.multiline || !value.some(isNonEmptyContainer)) {
            return `[${value.map((item) => renderHcl(item, { multiline: false, indent: "" }, style, file)).join(", ")}]`;
        }
        const lines = value.map((item) => `${inner.indent}${renderHcl(item, inner, style, file)},${style.eol}`);
        return `[${style.eol}${lines.join("")}${layout.indent}]`;
    }
    const entries = Object.entries(value);
    if (entries.length === 0)
        return "{}";
    if (!layout.multiline) {
        const members = entries.map(([key, item]) => `${renderHclKey(key)} = ${renderHcl(item, layout, style, file)}`);
        return `{ ${members.join(", ")} }`;
    }
    const keys = entries.map(([key]) => renderHclKey(key));
    const width = Math.max(...keys.map((key) => key.length));
    const lines = entries.map(([, item], i) => `${inner.indent}${keys[i].padEnd(width)} = ${renderHcl(item, inner, style, file)}${style.eol}`);
    return `{${style.eol}${lines.join("")}${layout.indent}}`;
}

;// CONCATENATED MODULE: ./src/release-file/hcl-document.ts
/**
 * HCL variable files (`*.tfvars`) edited in place. An edit replaces the bytes of one value
 * (or inserts one attribute or object member) and leaves every other byte alone, comments
 * included, so a reviewer's diff shows the values Greenlight meant to change and nothing
 * else. New attributes and members copy their neighbour's indentation, `=` alignment and
 * trailing comma.
 */






/**
 * The file's line ending and indent unit. The unit is how far the first object member on a
 * line of its own sits inside the line that opens its object; indentation inside comments
 * says nothing about it.
 */
function detectStyle(text, root) {
    const eol = text.slice(0, text.indexOf("\n") + 1).endsWith("\r\n") ? "\r\n" : "\n";
    const pending = root.members.map((m) => m.node);
    for (let node = pending.shift(); node; node = pending.shift()) {
        if (node.kind === "array")
            pending.push(...node.items);
        if (node.kind !== "object")
            continue;
        for (const member of node.members) {
            const outer = (0,span_edit/* lineIndent */.p0)(text, node.start);
            const inner = (0,span_edit/* lineIndent */.p0)(text, member.start);
            const ownLine = (0,span_edit/* lineStart */.PT)(text, member.start) + inner.length === member.start;
            if (ownLine && inner.length > outer.length && inner.startsWith(outer)) {
                return { eol, unit: inner.slice(outer.length) };
            }
            pending.push(member.node);
        }
    }
    return { eol, unit: "  " };
}
function isBody(node) {
    return "body" in node;
}
class HclDocument extends span_document/* SpanDocument */.q {
    format = "hcl";
    detectStyle() {
        return detectStyle(this.text, this.root);
    }
    checkWholeFile() {
        throw new errors/* ConfigurationError */.j1(`File "${this.file}" is HCL, so $ cannot be replaced as a whole; set its variables one by one, e.g. $.replicas.`);
    }
    multilineIn(container) {
        return isBody(container) || (0,span_edit/* spansLines */.Rs)(this.text, container);
    }
    render(value, layout) {
        return renderHcl(value, layout, this.style, this.file);
    }
    reparse(text) {
        return parseHclDocument(text, this.file);
    }
    withNewKey(parent, key, value, path) {
        if (isBody(parent)) {
            if (!isHclIdentifier(key)) {
                throw new errors/* ConfigurationError */.j1(`File "${this.file}" is HCL, where a variable name is an identifier, so ${(0,assignments/* formatPath */.jV)(path)} cannot be created; use a name of ASCII letters, digits, "_" and "-" that starts with a letter.`);
            }
            return this.withAttribute(parent, key, value);
        }
        return this.withMember(parent, renderHclKey(key), value);
    }
    /**
     * The spacing around a new member's `=`, copied from `like`; where the member starts a
     * line at `indent`, its `=` lines up with `like`'s if the key is short enough, as
     * `terraform fmt` would have it.
     */
    spacing(like, key, indent) {
        const { text } = this;
        const gap = text.slice(like.keySpan.end, like.separator.start);
        const afterGap = text.slice(like.separator.end, like.node.start);
        const column = like.separator.start - (0,span_edit/* lineStart */.PT)(text, like.separator.start);
        let pad = gap === "" ? 0 : 1;
        if (gap !== "" && indent !== undefined)
            pad = Math.max(1, column - indent.length - key.length);
        return { before: " ".repeat(pad), after: afterGap === "" ? "" : " " };
    }
    /** `key = value`, spaced like `like`, with the value laid out for `layout`. */
    member(like, key, layout, value) {
        const separator = like ? this.text.slice(like.separator.start, like.separator.end) : "=";
        const rendered = this.render(value, layout);
        // Like `terraform fmt`: only members whose values fit on one line are aligned.
        const align = layout.multiline && like && !(0,span_edit/* spansLines */.Rs)(this.text, like.node) && !rendered.includes("\n");
        const spacing = like
            ? this.spacing(like, key, align ? layout.indent : undefined)
            : { before: " ", after: " " };
        return key + spacing.before + separator + spacing.after + rendered;
    }
    /** Adds `name = value` on a new line after the last attribute (or at the end of the file). */
    withAttribute(body, name, value) {
        const { text, style } = this;
        const last = body.members[body.members.length - 1];
        const indent = last ? (0,span_edit/* lineIndent */.p0)(text, last.start) : "";
        const line = indent + this.member(last, name, { multiline: true, indent }, value);
        const at = last ? last.restOfLine : text.length;
        if (at === text.length) {
            const needsBreak = text !== "" && !text.endsWith("\n");
            // A file that ends without a line break keeps ending without one.
            return this.splice({ start: at, end: at }, needsBreak ? style.eol + line : line + style.eol);
        }
        const next = text.startsWith("\r\n", at) ? at + 2 : at + 1;
        return this.splice({ start: next, end: next }, line + style.eol);
    }
    /** Adds `key = value` after the object's last member, copying how that member is laid out. */
    withMember(parent, key, value) {
        const { text, style } = this;
        const last = parent.members[parent.members.length - 1];
        if (!last) {
            const inside = { start: parent.start + 1, end: parent.end - 1 };
            const base = (0,span_edit/* lineIndent */.p0)(text, parent.start);
            const blank = text.slice(inside.start, inside.end).trim() === "";
            const multiline = blank && ((0,span_edit/* spansLines */.Rs)(text, parent) || this.isAttributeValue(parent));
            if (!multiline) {
                const member = this.member(undefined, key, { multiline: false, indent: "" }, value);
                return this.splice({ start: inside.start, end: blank ? inside.end : inside.start }, ` ${member}${blank ? " " : ","}`);
            }
            const indent = base + style.unit;
            const member = this.member(undefined, key, { multiline: true, indent }, value);
            return this.splice(inside, style.eol + indent + member + style.eol + base);
        }
        const closesOwnLine = text.slice(last.restOfLine, parent.end - 1).includes("\n");
        if (closesOwnLine) {
            const indent = (0,span_edit/* lineIndent */.p0)(text, last.start);
            const member = this.member(last, key, { multiline: true, indent }, value);
            const at = last.restOfLine;
            return this.splice({ start: at, end: at }, style.eol + indent + member + (last.comma ? "," : ""));
        }
        const previous = parent.members[parent.members.length - 2];
        const gap = previous ? text.slice(previous.end, last.start) : "";
        const separator = previous && !gap.includes("\n") ? gap : ", ";
        const member = this.member(last, key, { multiline: false, indent: "" }, value);
        return this.splice({ start: last.end, end: last.end }, separator + member);
    }
    isAttributeValue(node) {
        return this.root.members.some((m) => m.node === node);
    }
}
/** Parses an HCL variable file; anything outside the supported subset is a ConfigurationError naming the file. */
function parseHclDocument(text, file) {
    return new HclDocument(file, text, parseHclSpans(text, file));
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X3: () => (/* binding */ defineKey),
/* harmony export */   bQ: () => (/* binding */ parseJsonSpans),
/* harmony export */   q1: () => (/* binding */ lineAndColumn)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1915);
/* harmony import */ var _json_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1701);
/**
 * A strict RFC 8259 JSON parser that remembers where every value, key and member sits in
 * the text. JSON.parse cannot serve the editor: it returns values without positions, and it
 * silently keeps the last of two duplicate keys, which would let an edit land on a key that
 * Terraform reads differently. Offsets are indices into the JavaScript string.
 */


const BOM = "\uFEFF";
/** Far deeper than any variable file; stops a hostile file from exhausting the stack. */
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[\w$.+-]+/y;
const WHITESPACE = /[ \t\n\r]*/y;
/** 1-based line and column of an offset, not counting a leading byte-order mark. */
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf("\n") + 1;
    const bom = lineStart === 0 && text.startsWith(BOM) ? 1 : 0;
    return { line: before.split("\n").length, column: offset - lineStart - bom + 1 };
}
/** Sets a key the way JSON.parse does, so a key named `__proto__` stays an ordinary key. */
function defineKey(target, key, value) {
    Object.defineProperty(target, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
    });
}
class SpanParser {
    text;
    file;
    pos = 0;
    constructor(text, file) {
        this.text = text;
        this.file = file;
    }
    parseDocument() {
        if (this.text.startsWith(BOM))
            this.pos = 1;
        this.skipWhitespace();
        if (this.pos >= this.text.length) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`File "${this.file}" is empty; a Terraform variable file in JSON holds an object such as {"replicas": 2}.`);
        }
        const root = this.parseValue(0);
        this.skipWhitespace();
        if (this.pos < this.text.length)
            this.fail("the end of the document");
        return root;
    }
    parseValue(depth) {
        if (depth > MAX_DEPTH)
            this.fail(`at most ${MAX_DEPTH} levels of nesting`);
        const ch = this.text[this.pos];
        if (ch === "{")
            return this.parseObject(depth);
        if (ch === "[")
            return this.parseArray(depth);
        if (ch === '"')
            return this.parseString();
        const start = this.pos;
        WORD.lastIndex = start;
        const word = WORD.exec(this.text)?.[0] ?? "";
        if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) {
            NUMBER.lastIndex = start;
            if (NUMBER.exec(this.text)?.[0] !== word)
                this.fail("a JSON number", `"${word}"`);
            const value = Number(word);
            const inexact = (0,_json_values_js__WEBPACK_IMPORTED_MODULE_1__/* .inexactNumber */ .sV)(word, value);
            if (inexact)
                this.fail("a number that can be held exactly", `"${word}"`, inexact);
            this.pos += word.length;
            return { kind: "scalar", start, end: this.pos, value };
        }
        const literals = { true: true, false: false, null: null };
        if (Object.hasOwn(literals, word)) {
            this.pos += word.length;
            return { kind: "scalar", start, end: this.pos, value: literals[word] ?? null };
        }
        return this.fail("a value", word ? `"${word}"` : undefined);
    }
    parseObject(depth) {
        const node = { kind: "object", start: this.pos, end: 0, members: [], value: {} };
        const seen = new Set();
        this.pos++;
        this.skipWhitespace();
        if (this.text[this.pos] === "}")
            return this.close(node);
        for (;;) {
            if (this.text[this.pos] !== '"') {
                const trailing = node.members.length > 0 && this.text[this.pos] === "}";
                this.fail("a key in double quotes", undefined, trailing ? "JSON allows no trailing comma" : undefined);
            }
            const key = this.parseString();
            if (seen.has(key.value))
                this.duplicate(key);
            seen.add(key.value);
            this.skipWhitespace();
            if (this.text[this.pos] !== ":")
                this.fail('":" after the key');
            this.pos++;
            this.skipWhitespace();
            const value = this.parseValue(depth + 1);
            const member = {
                key: key.value,
                keySpan: key,
                node: value,
                start: key.start,
                end: value.end,
            };
            node.members.push(member);
            defineKey(node.value, member.key, value.value);
            if (this.afterItem("}"))
                return this.close(node);
        }
    }
    parseArray(depth) {
        const node = { kind: "array", start: this.pos, end: 0, items: [], value: [] };
        this.pos++;
        this.skipWhitespace();
        if (this.text[this.pos] === "]")
            return this.close(node);
        for (;;) {
            if (node.items.length > 0 && this.text[this.pos] === "]") {
                this.fail("a value", undefined, "JSON allows no trailing comma");
            }
            const item = this.parseValue(depth + 1);
            node.items.push(item);
            node.value.push(item.value);
            if (this.afterItem("]"))
                return this.close(node);
        }
    }
    /** After a member or item: true at the closing bracket, false after a comma. */
    afterItem(closer) {
        this.skipWhitespace();
        const ch = this.text[this.pos];
        if (ch === closer)
            return true;
        if (ch !== ",")
            this.fail(`"," or "${closer}"`);
        this.pos++;
        this.skipWhitespace();
        return false;
    }
    close(node) {
        this.pos++;
        node.end = this.pos;
        return node;
    }
    parseString() {
        const start = this.pos;
        this.pos++;
        for (;;) {
            const ch = this.text[this.pos];
            if (ch === undefined || ch === "\n" || ch === "\r")
                this.fail("a closing double quote");
            if (ch === '"')
                break;
            if (ch < " ")
                this.fail("a character that is not a control character (write it as an escape)");
            if (ch === "\\")
                this.parseEscape();
            else
                this.pos++;
        }
        this.pos++;
        // The slice is valid JSON by now, so JSON.parse only decodes the escapes.
        return {
            kind: "scalar",
            start,
            end: this.pos,
            value: JSON.parse(this.text.slice(start, this.pos)),
        };
    }
    parseEscape() {
        const next = this.text[this.pos + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) {
            this.pos += 2;
        }
        else if (next === "u" &&
            /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
            this.pos += 6;
        }
        else {
            this.fail("an escape such as \\n or \\u00e9", `"${this.text.slice(this.pos, this.pos + 2)}"`);
        }
    }
    skipWhitespace() {
        WHITESPACE.lastIndex = this.pos;
        WHITESPACE.exec(this.text);
        this.pos = WHITESPACE.lastIndex;
    }
    describeHere() {
        const ch = this.text[this.pos];
        if (ch === undefined)
            return "the end of the file";
        if (ch === "\n" || ch === "\r")
            return "the end of the line";
        if (ch < " ")
            return `the control character U+${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
        return `"${ch}"`;
    }
    hint() {
        const ch = this.text[this.pos];
        if (ch === "/" || ch === "#")
            return "JSON allows no comments";
        if (ch === "'")
            return "JSON strings take double quotes";
        return "";
    }
    fail(expected, found = this.describeHere(), note = this.hint()) {
        const { line, column } = lineAndColumn(this.text, this.pos);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`File "${this.file}" is not valid JSON at line ${line}, column ${column}: expected ${expected} but found ${found}${note ? ` (${note})` : ""}; fix the file and run again.`);
    }
    duplicate(key) {
        const { line, column } = lineAndColumn(this.text, key.start);
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`File "${this.file}" has the key ${JSON.stringify(key.value)} twice in one object (again at line ${line}, column ${column}); Terraform would read only one of them, so remove the other.`);
    }
}
/** Parses `text` strictly; every syntax error is a ConfigurationError naming `file`, line and column. */
function parseJsonSpans(text, file) {
    return new SpanParser(text, file).parseDocument();
}


/***/ }),

/***/ 7690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ hasReleaseEdit),
  a: () => (/* binding */ planTfvarsEdit)
});

// EXTERNAL MODULE: ./src/release-file/assignments.ts
var assignments = __webpack_require__(6268);
// EXTERNAL MODULE: ./src/release-file/document.ts + 4 modules
var release_file_document = __webpack_require__(426);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(1915);
// EXTERNAL MODULE: ./src/release-file/hcl-document.ts + 3 modules
var hcl_document = __webpack_require__(769);
// EXTERNAL MODULE: ./src/release-file/hcl-plain.ts
var hcl_plain = __webpack_require__(596);
// EXTERNAL MODULE: ./src/release-file/hcl-wasm.ts
var hcl_wasm = __webpack_require__(7314);
// EXTERNAL MODULE: ./src/release-file/json-values.ts
var json_values = __webpack_require__(1701);
;// CONCATENATED MODULE: ./src/release-file/hcl-verify.ts
/**
 * A second opinion on every HCL edit from HashiCorp's own HCL parser (hcl-wasm.ts), or, for
 * the plainest files, from a reader whose reading is HCL's by inspection (hcl-plain.ts).
 * Greenlight's editor reads only a subset of HCL; if it ever misread a file, or wrote bytes that HCL reads differently, the edit would change
 * values nobody asked for. So before anything is written, both versions are parsed for
 * real: the original must read as the editor read it, and the result as the editor meant
 * it to. A mismatch is a bug in Greenlight, reported as such, never as the user's mistake.
 */






/**
 * hcl2json answers in Terraform's JSON syntax, where every string is a template, so a
 * literal `${` or `%{` comes back escaped as `$${` or `%%{`, in values and keys alike.
 */
function escapeTemplate(text) {
    return text.replace(/([$%])\{/g, "$1$1{");
}
function asTerraformJson(value) {
    if (typeof value === "string")
        return escapeTemplate(value);
    if (value === null || typeof value !== "object")
        return value;
    if (Array.isArray(value))
        return value.map(asTerraformJson);
    const out = {};
    for (const [key, item] of Object.entries(value)) {
        Object.defineProperty(out, escapeTemplate(key), {
            value: asTerraformJson(item),
            enumerable: true,
            writable: true,
            configurable: true,
        });
    }
    return out;
}
/** The first place two values differ, for the bug report. */
function firstDifference(a, b, path = []) {
    if (a && b && typeof a === "object" && typeof b === "object") {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        for (const key of keys) {
            const x = a[key];
            const y = b[key];
            if (!(0,json_values/* sameJson */.Vk)(x, y)) {
                return firstDifference(x, y, [...path, Array.isArray(a) ? Number(key) : key]);
            }
        }
    }
    return path;
}
function bug(file, problem) {
    return new Error(`Internal error while editing "${file}": ${problem}; nothing was written, and this is a bug in Greenlight worth reporting with the file.`);
}
/**
 * Checks that `before` reads the same to HCL as to the editor and that `after` parses and
 * reads as `expected`, so the only differences between the two are the intended changes.
 */
async function verifyHclEdit(before, after, file, expected) {
    const original = (0,hcl_document/* parseHclDocument */.Q)(before, file).data;
    // A plain file (hcl-plain.ts) and its plain edit are read a second time by a reader whose
    // reading is HCL's by inspection; only other files need HashiCorp's parser started.
    const plainBefore = (0,hcl_plain/* readPlainHcl */.A)(before);
    const plainAfter = plainBefore && (0,hcl_plain/* readPlainHcl */.A)(after);
    if (plainBefore && plainAfter) {
        if (!(0,json_values/* sameJson */.Vk)(plainBefore, original)) {
            const where = (0,assignments/* formatPath */.jV)(firstDifference(plainBefore, original));
            throw bug(file, `HCL reads ${where} differently from Greenlight's editor`);
        }
        if (!(0,json_values/* sameJson */.Vk)(plainAfter, expected)) {
            const where = (0,assignments/* formatPath */.jV)(firstDifference(plainAfter, expected));
            throw bug(file, `after the edit HCL reads ${where} differently from what was intended`);
        }
        return;
    }
    const realParse = await (0,hcl_wasm/* loadHashicorpHcl */.Jj)();
    let realBefore;
    try {
        realBefore = (await realParse(file, before));
    }
    catch (error) {
        const reason = (0,errors/* errorMessage */.gJ)(error).replace(/\s+/g, " ").replace(/\.$/, "");
        throw new errors/* ConfigurationError */.j1(`File "${file}" is not valid HCL according to HashiCorp's HCL parser (${reason}); fix the file and run again.`);
    }
    if (!(0,json_values/* sameJson */.Vk)(realBefore, asTerraformJson(original))) {
        const where = (0,assignments/* formatPath */.jV)(firstDifference(realBefore, asTerraformJson(original)));
        throw bug(file, `the HCL parser reads ${where} differently from Greenlight's editor`);
    }
    let realAfter;
    try {
        realAfter = (await realParse(file, after));
    }
    catch (error) {
        throw bug(file, `the edited file no longer parses as HCL (${(0,errors/* errorMessage */.gJ)(error)})`);
    }
    if (!(0,json_values/* sameJson */.Vk)(realAfter, asTerraformJson(expected))) {
        const where = (0,assignments/* formatPath */.jV)(firstDifference(realAfter, asTerraformJson(expected)));
        throw bug(file, `after the edit the HCL parser reads ${where} differently from what was intended`);
    }
}

// EXTERNAL MODULE: ./src/release-file/release-edits.ts
var release_edits = __webpack_require__(6543);
// EXTERNAL MODULE: ./src/config/schema.ts + 1 modules
var schema = __webpack_require__(2567);
// EXTERNAL MODULE: ./src/core/oci-reference.ts
var oci_reference = __webpack_require__(7614);
// EXTERNAL MODULE: ./src/release-file/service-layout.ts
var service_layout = __webpack_require__(1404);
;// CONCATENATED MODULE: ./src/release-file/release-validation.ts




function fieldValues(data, layout) {
    return Object.fromEntries(schema/* SERVICE_FIELDS */.Kg.map((f) => [f, (0,service_layout/* readField */.dR)(data, layout, f)]));
}
function isPercentage(value) {
    return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 100;
}
/** A relative pair (Gateway API, Istio): whole numbers of 0 or more, not both 0. */
function checkRelativeWeights(file, layout, raw) {
    for (const field of ["blue-weight", "green-weight"]) {
        const value = field === "blue-weight" ? raw.blue : raw.green;
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
            throw new errors/* ConfigurationError */.j1(`${file}: ${layout.paths[field]} (service "${layout.name}" ${field}) would be ${JSON.stringify(value)}; a relative weight must be a whole number of 0 or more.`);
        }
    }
    if (raw.blue === 0 && raw.green === 0) {
        throw new errors/* ConfigurationError */.j1(`${file}: service "${layout.name}" would have blue and green weights of 0, which sends its traffic nowhere; give one side a weight above 0.`);
    }
}
function checkWeights(file, layout, after) {
    const blue = after["blue-weight"];
    const green = after["green-weight"];
    if (blue === undefined && green === undefined)
        return;
    for (const [field, value] of [
        ["blue-weight", blue],
        ["green-weight", green],
    ]) {
        if (!isPercentage(value)) {
            throw new errors/* ConfigurationError */.j1(`${file}: ${layout.paths[field]} (service "${layout.name}" ${field}) would be ${JSON.stringify(value)}; a weight must be a whole number from 0 to 100.`);
        }
    }
    if (blue + green !== 100) {
        throw new errors/* ConfigurationError */.j1(`${file}: service "${layout.name}" would have blue weight ${String(blue)} and green weight ${String(green)}, which add up to ${blue + green}; blue and green weights must add up to 100.`);
    }
}
function checkCounts(file, layout, after) {
    for (const field of ["blue-desired-count", "green-desired-count"]) {
        const value = after[field];
        if (value === undefined)
            continue;
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
            throw new errors/* ConfigurationError */.j1(`${file}: ${layout.paths[field]} (service "${layout.name}" ${field}) would be ${JSON.stringify(value)}; a desired count must be a whole number of 0 or more.`);
        }
    }
}
function checkImages(file, layout, before, after, rules) {
    for (const field of ["blue-image", "green-image"]) {
        const value = after[field];
        if (value === undefined || value === before[field])
            continue;
        const where = `service "${layout.name}" ${field}`;
        if (typeof value !== "string") {
            throw new errors/* ConfigurationError */.j1(`${file}: ${where} would be ${JSON.stringify(value)}; an image must be a string such as registry/repository@sha256:<digest>.`);
        }
        const problem = (0,oci_reference/* imageReferenceProblem */.i$)(value);
        if (problem) {
            throw new errors/* ConfigurationError */.j1(`Image "${value}" for ${where} is not a valid image reference: ${problem}.`);
        }
        const reference = (0,oci_reference/* parseImageReference */.o_)(value);
        if (rules.requireDigest && !reference.digest) {
            throw new errors/* ConfigurationError */.j1(`Image "${value}" for ${where} is not pinned by digest, which this environment requires; use the @sha256:… reference that build-push outputs in "images".`);
        }
        const allowed = rules.allowedRegistries ?? [];
        if (allowed.length > 0 && !allowed.includes((0,oci_reference/* registryOf */.Fv)(reference))) {
            throw new errors/* ConfigurationError */.j1(`Image "${value}" for ${where} comes from registry ${(0,oci_reference/* registryOf */.Fv)(reference)}, which is not allowed here; allowed registries: ${allowed.join(", ")}.`);
        }
    }
}
function differs(a, b) {
    return schema/* SERVICE_FIELDS */.Kg.some((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}
/** Throws a ConfigurationError when the edit from `before` to `after` leaves a service invalid. */
function validateRelease(file, before, after, layouts, rules = {}) {
    for (const layout of layouts) {
        const old = fieldValues(before, layout);
        const now = fieldValues(after, layout);
        if (!differs(old, now))
            continue;
        const raw = (0,service_layout/* rawWeights */.KB)(after, layout);
        if (raw)
            checkRelativeWeights(file, layout, raw);
        else
            checkWeights(file, layout, now);
        checkCounts(file, layout, now);
        checkImages(file, layout, old, now, rules);
    }
}

;// CONCATENATED MODULE: ./src/release-file/plan-edit.ts






function hasReleaseEdit(release) {
    return (Object.keys(release.images ?? {}).length > 0 ||
        Object.keys(release.desiredCounts ?? {}).length > 0 ||
        release.weights !== undefined ||
        (release.finalize?.length ?? 0) > 0 ||
        (release.rollback?.length ?? 0) > 0);
}
async function planTfvarsEdit(file, text, request) {
    const configured = request.releaseFile?.path === file ? request.releaseFile.format : undefined;
    const format = request.format ?? configured;
    const original = (0,release_file_document/* parseTfvars */.gT)(text, file, format);
    const layouts = request.layouts ?? (0,service_layout/* discoverLayouts */.Be)(original.data);
    const options = { create: request.create, force: request.force };
    const generic = (0,assignments/* applyAssignments */.dH)(original, request.set, options);
    // Presets read the document after the generic edits, so `set` can prepare what they use.
    const preset = hasReleaseEdit(request.release)
        ? (0,assignments/* applyAssignments */.dH)(generic.doc, (0,release_edits/* releaseAssignments */.eM)(request.release, layouts, generic.doc.data))
        : { doc: generic.doc, changes: [] };
    validateRelease(file, original.data, preset.doc.data, layouts, request.imageRules);
    if (preset.doc.format === "hcl" && preset.doc.text !== text) {
        await verifyHclEdit(text, preset.doc.text, file, preset.doc.data);
    }
    return {
        file,
        before: text,
        after: preset.doc.text,
        changes: mergeChanges(generic.changes, preset.changes),
        layouts,
    };
}
/** One change per path: when a preset rewrites a path `set` already changed, keep the first old value. */
function mergeChanges(first, second) {
    const byPath = new Map();
    for (const change of [...first, ...second]) {
        const earlier = byPath.get(change.path);
        byPath.set(change.path, earlier ? { ...change, old: earlier.old } : change);
    }
    return [...byPath.values()].filter((c) => JSON.stringify(c.old) !== JSON.stringify(c.new));
}


/***/ }),

/***/ 6543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eM: () => (/* binding */ releaseAssignments),
/* harmony export */   jM: () => (/* binding */ unrecordableRollback),
/* harmony export */   w5: () => (/* binding */ findLayout),
/* harmony export */   x: () => (/* binding */ SupersededEditError)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1915);
/* harmony import */ var _service_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1404);
/**
 * The blue/green presets: what a deploy, a weight change, a finalize and a rollback write.
 * Each turns a release intention into plain assignments (JSONPath = value) computed from
 * the document as it is now, so the same intention can be re-applied to a newer version of
 * the file (open-pr re-applies edits when the base branch moved).
 *
 * Model: blue is the stable side, green the candidate. A deploy writes the candidate into
 * green; weights move traffic to green; finalize copies green into blue and puts all
 * traffic there (green scales to zero); rollback puts all traffic on blue and scales green
 * to zero, leaving green's image in place as a record of what was rolled back. A service
 * without a green desired count has nothing to scale, and weights alone (blue 100, green 0
 * is also where a fresh deploy starts) cannot tell a rolled-back candidate from one waiting
 * for its first step: its rollback writes blue's image onto green, so the file itself says
 * no candidate is there, and the rolled-back image stays in the commit's history and the
 * rollback's record. A rollback of a first release (blue's image empty) on a service without
 * a green desired count can record nothing at all, so it is refused, naming the fix. A
 * rollback re-applied on a newer base gives green the stable image only while green still
 * holds the release it was decided for.
 *
 * A deploy that replaces the green image of a weighted service also takes green's traffic
 * away (green 0, blue 100): the traffic belonged to the release being replaced, and blue
 * still holds the last stable release, so the new release starts its promotion at the first
 * step instead of inheriting a half-finished one.
 */


/** A weight change or finalize that no longer applies: green holds another release now. */
class SupersededEditError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationFailedError */ .Bp {
    service;
    decidedFor;
    current;
    constructor(service, decidedFor, current) {
        super(`The change was decided for ${decidedFor} on service "${service}", but green now holds ${current}; it no longer applies.`);
        this.service = service;
        this.decidedFor = decidedFor;
        this.current = current;
    }
}
/** Whether `given` names the layout's service, as written or with `_` for `-`. */
function namesService(given, layout) {
    return given === layout.name || given.replace(/_/g, "-") === layout.name;
}
function findLayout(layouts, service) {
    const layout = layouts.find((l) => namesService(service, l));
    if (!layout) {
        const known = layouts.map((l) => l.name).join(", ");
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(layouts.length === 0
            ? `Unknown service "${service}": no services are defined in the config file and none were found in the file by the naming convention (<service>_green_image).`
            : `Unknown service "${service}"; known services are: ${known}.`);
    }
    return layout;
}
/** `all` (or `*`) stands for every known service. */
function expandServices(services, layouts) {
    if (services.some((s) => s === "all" || s === "*"))
        return layouts;
    return services.map((s) => findLayout(layouts, s));
}
function requireField(data, layout, field, purpose) {
    const problem = (0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .fieldProblem */ .SL)(data, layout, field);
    if (problem && problem.count > 1) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Service "${layout.name}" has its ${field} at ${problem.path}, which matches ${problem.count} values in the file where ${purpose} needs one; make the filter in services.${layout.name}.fields.${field} select one, e.g. by name.`);
    }
    const value = problem ? undefined : (0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .readField */ .dR)(data, layout, field);
    if (value === undefined) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Service "${layout.name}" has no ${field} field at ${problem?.path ?? layout.paths[field]} in the file, which ${purpose} needs; add the field to the file or map it with services.${layout.name}.fields.${field} in the config file.`);
    }
    return value;
}
function optionalField(data, layout, field) {
    return (0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .readField */ .dR)(data, layout, field);
}
function weightAssignments(layout, data, green) {
    requireField(data, layout, "blue-weight", "a traffic weight change");
    requireField(data, layout, "green-weight", "a traffic weight change");
    return [
        ...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "blue-weight", 100 - green),
        ...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "green-weight", green),
    ];
}
function deployAssignments(edit, layouts, data) {
    const out = [];
    for (const [service, image] of Object.entries(edit.images ?? {})) {
        const layout = findLayout(layouts, service);
        const previous = requireField(data, layout, "green-image", "a deploy");
        out.push(...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "green-image", image));
        if (layout.weighted && previous !== image && !explicitWeight(edit, layout)) {
            out.push(...weightAssignments(layout, data, 0));
        }
        const explicit = edit.desiredCounts?.[service];
        const greenCount = optionalField(data, layout, "green-desired-count");
        if (explicit !== undefined) {
            requireField(data, layout, "green-desired-count", "a desired count");
            out.push(...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "green-desired-count", explicit));
        }
        else if (greenCount === 0) {
            // A candidate at zero tasks would receive traffic it cannot serve: size it like blue.
            const blueCount = optionalField(data, layout, "blue-desired-count");
            if (typeof blueCount === "number" && blueCount > 0) {
                out.push(...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "green-desired-count", blueCount));
            }
        }
    }
    for (const service of Object.keys(edit.desiredCounts ?? {})) {
        if (!Object.hasOwn(edit.images ?? {}, service)) {
            const layout = findLayout(layouts, service);
            requireField(data, layout, "green-desired-count", "a desired count");
            out.push(...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "green-desired-count", edit.desiredCounts[service]));
        }
    }
    return out;
}
/** Whether the edit itself sets this service's weights (an explicit choice wins). */
function explicitWeight(edit, layout) {
    if (edit.weights === undefined)
        return false;
    if (typeof edit.weights === "number")
        return true;
    return Object.keys(edit.weights).some((s) => namesService(s, layout));
}
function checkDecidedFor(edit, layouts, data) {
    for (const [service, image] of Object.entries(edit.decidedFor ?? {})) {
        const layout = findLayout(layouts, service);
        const current = optionalField(data, layout, "green-image");
        if (current !== image) {
            throw new SupersededEditError(layout.name, image, String(current ?? "nothing"));
        }
    }
}
function weightsAssignments(edit, layouts, data) {
    if (edit.weights === undefined)
        return [];
    if (typeof edit.weights === "number") {
        const weighted = layouts.filter((l) => l.weighted);
        if (weighted.length === 0) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "weights" gives one percentage for every weighted service, but no service has traffic weights; name services as service=percent or add weight fields.`);
        }
        const green = edit.weights;
        return weighted.flatMap((layout) => weightAssignments(layout, data, green));
    }
    return Object.entries(edit.weights).flatMap(([service, green]) => {
        const layout = findLayout(layouts, service);
        if (!layout.weighted) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Service "${layout.name}" has no traffic weights (it is not behind a load balancer), so input "weights" cannot set one; remove it from weights.`);
        }
        return weightAssignments(layout, data, green);
    });
}
function finalizeAssignments(services, layouts, data) {
    return expandServices(services, layouts).flatMap((layout) => {
        const green = requireField(data, layout, "green-image", "finalize");
        requireField(data, layout, "blue-image", "finalize");
        if (typeof green !== "string" || green === "") {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Service "${layout.name}" has no green image to finalize (${layout.paths["green-image"]} is empty); deploy a release first.`);
        }
        const out = (0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "blue-image", green);
        const greenCount = optionalField(data, layout, "green-desired-count");
        const blueCount = optionalField(data, layout, "blue-desired-count");
        if (typeof greenCount === "number" && blueCount !== undefined) {
            if (greenCount > 0)
                out.push(...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "blue-desired-count", greenCount));
            out.push(...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "green-desired-count", 0));
        }
        if (layout.weighted)
            out.push(...weightAssignments(layout, data, 0));
        return out;
    });
}
/**
 * Why a rollback of this service cannot be recorded in the file, if it cannot: a first
 * release (blue's image empty) on a service without a green desired count has no stable
 * image to give green and nothing to scale, and weights alone do not keep it from being
 * promoted again (they also read as a fresh deploy). Refused rather than left to be
 * promoted; the sentence names the fix.
 */
function unrecordableRollback(layout, sides) {
    const green = sides.greenImage ?? "";
    const blue = sides.blueImage ?? "";
    if (sides.greenCount || green === "" || blue !== "")
        return undefined;
    const weight = layout.weighted
        ? ` and setting its green weight (${layout.paths["green-weight"]}) to 0`
        : "";
    return `Service "${layout.name}" cannot be rolled back: it has no stable release (its blue image at ${layout.paths["blue-image"]} is empty) and no green desired count to scale to zero, so nothing in the file would keep ${green} from being promoted again; withdraw the first release by emptying its green image at ${layout.paths["green-image"]}${weight}, or add a green desired count for it to the file.`;
}
function imageOf(value) {
    return typeof value === "string" ? value : "";
}
/**
 * Green given blue's image, for a service whose green side has no desired count to scale to
 * zero: without it, a candidate left on green reads as a release to promote (after a
 * rollback of a release still at 0%, nothing else in the file would change at all).
 */
function stableOnGreen(layout, data, decidedFor) {
    const green = imageOf(optionalField(data, layout, "green-image"));
    const blue = imageOf(optionalField(data, layout, "blue-image"));
    // A release that reached green after the rollback was decided is not the one rolled back.
    if (decidedFor !== undefined && green !== decidedFor)
        return [];
    const problem = unrecordableRollback(layout, {
        greenImage: green,
        blueImage: blue,
        greenCount: false,
    });
    if (problem)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(problem);
    // Nothing deployed on green: no candidate to record.
    if (green === "" || green === blue)
        return [];
    return (0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "green-image", blue);
}
/** The image each rolled-back service's decision was made for, looked up by either spelling. */
function decidedImage(rolledBack, layout) {
    return Object.entries(rolledBack ?? {}).find(([s]) => namesService(s, layout))?.[1];
}
function rollbackAssignments(edit, layouts, data) {
    return expandServices(edit.rollback ?? [], layouts).flatMap((layout) => {
        const out = [];
        if (layout.weighted)
            out.push(...weightAssignments(layout, data, 0));
        if (optionalField(data, layout, "green-desired-count") !== undefined) {
            out.push(...(0,_service_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .writeField */ .YD)(layout, "green-desired-count", 0));
        }
        else {
            out.push(...stableOnGreen(layout, data, decidedImage(edit.rolledBack, layout)));
        }
        return out;
    });
}
/** The assignments a release edit makes to a document whose data is `data`. */
function releaseAssignments(edit, layouts, data) {
    if (edit.finalize?.length && edit.rollback?.length) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Inputs "finalize" and "rollback" cannot be used together; a release is either made stable or rolled back.`);
    }
    checkDecidedFor(edit, layouts, data);
    return [
        ...deployAssignments(edit, layouts, data),
        ...weightsAssignments(edit, layouts, data),
        ...finalizeAssignments(edit.finalize ?? [], layouts, data),
        ...rollbackAssignments(edit, layouts, data),
    ];
}


/***/ }),

/***/ 1404:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Be: () => (/* binding */ discoverLayouts),
/* harmony export */   KB: () => (/* binding */ rawWeights),
/* harmony export */   SL: () => (/* binding */ fieldProblem),
/* harmony export */   W1: () => (/* binding */ layoutsFromConfig),
/* harmony export */   YD: () => (/* binding */ writeField),
/* harmony export */   dR: () => (/* binding */ readField),
/* harmony export */   r3: () => (/* binding */ fieldPaths)
/* harmony export */ });
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2567);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1915);
/* harmony import */ var _core_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7614);
/* harmony import */ var _json_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(972);




const IMAGE_FIELDS = ["green-image", "blue-image"];
function isImageField(field) {
    return IMAGE_FIELDS.includes(field);
}
function partsOf(layout, field) {
    return isImageField(field) ? layout.imageParts?.[field] : undefined;
}
/** The JSONPaths a field is read from. */
function fieldPaths(layout, field) {
    const parts = partsOf(layout, field);
    if (!parts)
        return [layout.paths[field]];
    return [parts.repository, parts.tag, parts.digest].filter((p) => p !== undefined);
}
/**
 * The first of a field's paths that does not name exactly one value (nothing, or several:
 * a filter that matches two backends), with how many it matches.
 */
function fieldProblem(data, layout, field) {
    for (const path of fieldPaths(layout, field)) {
        const count = (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .readAll */ .yw)(data, path).length;
        if (count !== 1)
            return { path, count };
    }
    return undefined;
}
function imagePart(data, path) {
    if (path === undefined)
        return undefined;
    const value = (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .readPath */ .G7)(data, path);
    return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}
/** An image kept across fields, read back as one reference (`repository:tag@digest`). */
function readImage(data, parts) {
    const repository = imagePart(data, parts.repository);
    if (!repository)
        return undefined;
    const tag = imagePart(data, parts.tag);
    const digest = imagePart(data, parts.digest);
    return repository + (tag ? `:${tag}` : "") + (digest ? `@${digest}` : "");
}
/** The raw blue and green weights when they form a valid relative pair. */
function relativePair(data, layout) {
    const blue = (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .readPath */ .G7)(data, layout.paths["blue-weight"]);
    const green = (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .readPath */ .G7)(data, layout.paths["green-weight"]);
    const whole = (v) => typeof v === "number" && Number.isInteger(v) && v >= 0;
    return whole(blue) && whole(green) && blue + green > 0 ? [blue, green] : undefined;
}
/**
 * A field's value as the release model sees it: an image as one reference, a weight as a
 * percentage (a relative pair's share, rounded), anything else as written.
 */
function readField(data, layout, field) {
    const parts = partsOf(layout, field);
    if (parts)
        return readImage(data, parts);
    if (layout.weightMode === "relative" && (field === "blue-weight" || field === "green-weight")) {
        const pair = relativePair(data, layout);
        if (!pair)
            return (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .readPath */ .G7)(data, layout.paths[field]);
        const green = Math.round((pair[1] * 100) / (pair[0] + pair[1]));
        return field === "green-weight" ? green : 100 - green;
    }
    return (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .readPath */ .G7)(data, layout.paths[field]);
}
/** The raw values of a relative pair, for validation; undefined for percentages. */
function rawWeights(data, layout) {
    if (layout.weightMode !== "relative")
        return undefined;
    return {
        blue: (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .readPath */ .G7)(data, layout.paths["blue-weight"]),
        green: (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .readPath */ .G7)(data, layout.paths["green-weight"]),
    };
}
function splitImage(layout, field, parts, image) {
    const reference = (0,_core_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageReference */ .o_)(image);
    const where = `service "${layout.name}" ${field}`;
    if (!reference || (!reference.tag && !reference.digest)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Image "${image}" for ${where} needs a tag or a digest, because the config keeps the image as repository plus tag or digest; write e.g. ghcr.io/acme/api:1.4.0 or …@sha256:<digest>.`);
    }
    if (reference.digest && !parts.digest) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Image "${image}" for ${where} is pinned by digest, but the config maps no digest field for it; add services.${layout.name}.fields.${field}.digest, or give the image by tag.`);
    }
    if (!reference.digest && !parts.tag) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`Image "${image}" for ${where} has a tag but no digest, and the config maps only a digest field for it; give the image by digest, or map services.${layout.name}.fields.${field}.tag.`);
    }
    const name = reference.registry
        ? `${reference.registry}/${reference.repository}`
        : reference.repository;
    const out = [{ path: parts.repository, value: name }];
    // A field left as it was would still be read: a stale tag or digest is written empty.
    if (parts.tag)
        out.push({ path: parts.tag, value: reference.tag ?? "" });
    if (parts.digest)
        out.push({ path: parts.digest, value: reference.digest ?? "" });
    return out;
}
/**
 * The assignments that give a field `value`: an image split into its fields; anything else
 * (weights included: the plan's percentages are the pair's shares) at the field's path.
 */
function writeField(layout, field, value) {
    const parts = partsOf(layout, field);
    if (parts && isImageField(field) && typeof value === "string") {
        return splitImage(layout, field, parts, value);
    }
    return [{ path: layout.paths[field], value }];
}
function conventionalPaths(service) {
    return Object.fromEntries(_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .SERVICE_FIELDS */ .Kg.map((field) => [field, (0,_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultFieldPath */ .te)(service, field)]));
}
/** Layouts from the config file, limited to the services deployed to `environment`. */
function layoutsFromConfig(config, environment) {
    return Object.entries(config.services)
        .filter(([, service]) => !environment || !service.environments || service.environments.includes(environment))
        .map(([name, service]) => {
        const imageParts = Object.fromEntries(IMAGE_FIELDS.flatMap((field) => {
            const parts = (0,_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceImageParts */ .$1)(config, name, field);
            return parts ? [[field, parts]] : [];
        }));
        return {
            name,
            weighted: service.weighted,
            paths: Object.fromEntries(_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .SERVICE_FIELDS */ .Kg.map((field) => [field, (0,_config_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceFieldPath */ .Tq)(config, name, field)])),
            ...(Object.keys(imageParts).length > 0 ? { imageParts } : {}),
            ...(service["weight-mode"] === "relative" ? { weightMode: "relative" } : {}),
        };
    });
}
/**
 * Layouts discovered by convention: every top-level key `<service>_green_image` names a
 * service, weighted when both of its weight fields are present.
 */
function discoverLayouts(data) {
    if (data === null || typeof data !== "object" || Array.isArray(data))
        return [];
    const layouts = [];
    for (const key of Object.keys(data)) {
        const match = /^(.+)_green_image$/.exec(key);
        if (!match?.[1])
            continue;
        const name = match[1].replace(/_/g, "-");
        const paths = conventionalPaths(name);
        const weighted = (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .hasPath */ .a6)(data, paths["blue-weight"]) && (0,_json_path_js__WEBPACK_IMPORTED_MODULE_2__/* .hasPath */ .a6)(data, paths["green-weight"]);
        layouts.push({ name, weighted, paths });
    }
    return layouts.sort((a, b) => a.name.localeCompare(b.name));
}


/***/ }),

/***/ 9440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ SpanDocument)
/* harmony export */ });
/* harmony import */ var _json_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1701);
/* harmony import */ var _span_edit_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9269);


class SpanDocument {
    file;
    text;
    root;
    cachedStyle;
    constructor(file, text, root) {
        this.file = file;
        this.text = text;
        this.root = root;
    }
    get data() {
        return this.root.value;
    }
    /** The file's style, read once, when the first edit needs it. */
    get style() {
        this.cachedStyle ??= this.detectStyle();
        return this.cachedStyle;
    }
    set(path, value, options = {}) {
        if (path.length === 0)
            this.checkWholeFile(value);
        const { chain, missing } = (0,_span_edit_js__WEBPACK_IMPORTED_MODULE_0__/* .walkPath */ .Tu)(this.root, path);
        if (missing !== undefined) {
            const parent = (0,_span_edit_js__WEBPACK_IMPORTED_MODULE_0__/* .creatableParent */ .e5)(this.file, path, missing, chain[missing], options);
            return this.withNewKey(parent, String(path[missing]), value, path);
        }
        const node = chain[chain.length - 1];
        if ((0,_json_values_js__WEBPACK_IMPORTED_MODULE_1__/* .sameJson */ .Vk)(node.value, value))
            return this;
        const container = chain[chain.length - 2] ?? node;
        const layout = {
            multiline: this.multilineIn(container),
            indent: (0,_span_edit_js__WEBPACK_IMPORTED_MODULE_0__/* .lineIndent */ .p0)(this.text, node.start),
        };
        return this.splice(node, this.render(value, layout));
    }
    splice(span, replacement) {
        return this.reparse(this.text.slice(0, span.start) + replacement + this.text.slice(span.end));
    }
}


/***/ }),

/***/ 9269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PT: () => (/* binding */ lineStart),
/* harmony export */   Rs: () => (/* binding */ spansLines),
/* harmony export */   Tu: () => (/* binding */ walkPath),
/* harmony export */   e5: () => (/* binding */ creatableParent),
/* harmony export */   p0: () => (/* binding */ lineIndent)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1915);
/* harmony import */ var _assignments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6268);
/* harmony import */ var _json_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1701);
/**
 * What the HCL and JSON editors share: finding the node a path names, refusing a path that
 * cannot be created, and reading how the text around a span is laid out (line breaks,
 * indentation), so that both editors copy a file's layout the same way.
 */



/** Whether the span holds a line break. */
function spansLines(text, span) {
    const newline = text.indexOf("\n", span.start);
    return newline !== -1 && newline < span.end;
}
/** The offset where the line that `offset` is on begins. */
function lineStart(text, offset) {
    return text.lastIndexOf("\n", offset - 1) + 1;
}
/** The leading whitespace of the line that `offset` is on. */
function lineIndent(text, offset) {
    return /^[ \t]*/.exec(text.slice(lineStart(text, offset), offset))?.[0] ?? "";
}
function childOf(node, segment) {
    if (node.kind === "object")
        return node.members.find((m) => m.key === String(segment))?.node;
    if (node.kind === "array" && /^\d+$/.test(String(segment)))
        return node.items[Number(segment)];
    return undefined;
}
/**
 * The nodes from `root` along `path`, `root` first. Where a segment names nothing, the chain
 * stops at that segment's parent and `missing` is the segment's index.
 */
function walkPath(root, path) {
    const chain = [root];
    for (const [depth, segment] of path.entries()) {
        const child = childOf(chain[depth], segment);
        if (!child)
            return { chain, missing: depth };
        chain.push(child);
    }
    return { chain };
}
/**
 * `parent`, where `path[depth]` is missing from it, if that key may be created there: it is
 * the path's last segment, `create` was passed and `parent` is an object. Otherwise a
 * ConfigurationError naming `file` and the path.
 */
function creatableParent(file, path, depth, parent, options) {
    const where = (0,_assignments_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPath */ .jV)(path);
    if (depth < path.length - 1) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`File "${file}" has no value at ${(0,_assignments_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPath */ .jV)(path.slice(0, depth + 1))}, so ${where} cannot be set there; check the path.`);
    }
    if (!options.create) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`File "${file}" has no value at ${where}; check the path, or pass create to add the key.`);
    }
    if (parent.kind !== "object") {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`File "${file}" has no value at ${where}, and only object keys can be created, but ${(0,_assignments_js__WEBPACK_IMPORTED_MODULE_0__/* .formatPath */ .jV)(path.slice(0, depth))} is ${(0,_json_values_js__WEBPACK_IMPORTED_MODULE_2__/* .describeType */ .MF)(parent.value)}.`);
    }
    return parent;
}


/***/ })

};
