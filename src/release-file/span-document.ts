/**
 * The edit every in-place editor (JSON, HCL) makes the same way: find the node a path
 * names, leave the file alone when it already holds the value, replace exactly that
 * node's bytes with the value rendered in the file's style, or hand a creatable missing
 * key to the format; then parse the new text, so every edit yields a checked document.
 * What differs by format — the file's style, how a value is written, how a member is
 * inserted, what the top level may become — each subclass says.
 */
import type {
  JsonValue,
  PathSegment,
  SetOptions,
  TfvarsDocument,
  TfvarsFormat,
} from "./document.js";
import type { JsonNode, ObjectNode, Span } from "./json-spans.js";
import { sameJson } from "./json-values.js";
import { creatableParent, lineIndent, walkPath } from "./span-edit.js";

/** Where a value goes: on one line, or across lines whose enclosing line is indented by `indent`. */
export interface ValueLayout {
  multiline: boolean;
  indent: string;
}

export abstract class SpanDocument<Root extends ObjectNode, Style> implements TfvarsDocument {
  abstract readonly format: TfvarsFormat;
  private cachedStyle: Style | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    protected readonly root: Root,
  ) {}

  get data(): JsonValue {
    return this.root.value;
  }

  /** The file's style, read once, when the first edit needs it. */
  protected get style(): Style {
    this.cachedStyle ??= this.detectStyle();
    return this.cachedStyle;
  }

  protected abstract detectStyle(): Style;

  /** Throws when the format cannot make `value` the whole file (asked even when it already is). */
  protected abstract checkWholeFile(value: JsonValue): void;

  /** Whether a value inside `container` is laid out across lines. */
  protected abstract multilineIn(container: JsonNode): boolean;

  protected abstract render(value: JsonValue, layout: ValueLayout): string;

  /** The document with `key: value` added to `parent`, where `path` names that key. */
  protected abstract withNewKey(
    parent: ObjectNode,
    key: string,
    value: JsonValue,
    path: PathSegment[],
  ): TfvarsDocument;

  /** Parses edited text as this format. */
  protected abstract reparse(text: string): TfvarsDocument;

  set(path: PathSegment[], value: JsonValue, options: SetOptions = {}): TfvarsDocument {
    if (path.length === 0) this.checkWholeFile(value);
    const { chain, missing } = walkPath(this.root, path);
    if (missing !== undefined) {
      const parent = creatableParent(this.file, path, missing, chain[missing]!, options);
      return this.withNewKey(parent, String(path[missing]), value, path);
    }
    const node = chain[chain.length - 1]!;
    if (sameJson(node.value, value)) return this;
    const container = chain[chain.length - 2] ?? node;
    const layout = {
      multiline: this.multilineIn(container),
      indent: lineIndent(this.text, node.start),
    };
    return this.splice(node, this.render(value, layout));
  }

  protected splice(span: Span, replacement: string): TfvarsDocument {
    return this.reparse(this.text.slice(0, span.start) + replacement + this.text.slice(span.end));
  }
}
