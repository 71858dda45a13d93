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
import { CORE_SCHEMA, loadAll, mergeTag } from "js-yaml";
import type { Document, Node } from "yaml";
import { LineCounter, isAlias, isMap, parseAllDocuments, visit } from "yaml";
import { ConfigurationError, errorMessage } from "../core/errors.js";
import type { JsonValue } from "./document.js";
import { sameJson } from "./json-values.js";

export interface ParsedYaml {
  /** The non-empty documents, in file order. */
  docs: Document.Parsed[];
  data: JsonValue;
  /** Per document (same order as docs): the anchors some alias refers to. */
  referencedAnchors: Set<string>[];
}

/** The most aliases one file may expand; a "billion laughs" file stops here. */
const MAX_ALIAS_COUNT = 100;

const JS_YAML_SCHEMA = CORE_SCHEMA.withTags(mergeTag);

function firstSentence(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/\s+at line \d+.*$/, "").replace(/\.$/, "");
}

function where(lines: LineCounter, offset: number): string {
  const { line, col } = lines.linePos(offset);
  return `line ${line}, column ${col}`;
}

function invalid(file: string, reason: string): ConfigurationError {
  return new ConfigurationError(`File "${file}" is not valid YAML: ${reason}; fix the file.`);
}

function referencedAnchors(doc: Document.Parsed): Set<string> {
  const names = new Set<string>();
  visit(doc, {
    Alias(_key, node) {
      names.add(node.source);
    },
  });
  return names;
}

/** The values as js-yaml reads them, or why it cannot. */
function readWithJsYaml(text: string, file: string): JsonValue[] {
  try {
    const docs = loadAll(text, { schema: JS_YAML_SCHEMA }) as JsonValue[];
    return docs.filter((doc) => doc !== null && doc !== undefined);
  } catch (error) {
    throw invalid(file, firstSentence(errorMessage(error)));
  }
}

/** Parses a YAML release file; anything invalid or ambiguous is a ConfigurationError naming the file. */
export function parseYamlSpans(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const all = parseAllDocuments(text, {
    lineCounter: lines,
    prettyErrors: false,
    merge: true,
    uniqueKeys: true,
    strict: true,
  });
  const parsed: Document.Parsed[] = [...all];
  for (const doc of parsed) {
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
      throw invalid(file, `${firstSentence(problem.message)} at ${where(lines, problem.pos[0])}`);
    }
  }
  const docs = parsed.filter((doc) => doc.contents !== null);
  if (docs.length === 0) {
    throw new ConfigurationError(
      `File "${file}" holds no YAML document; a release file holds a mapping such as image: {tag: "1.4.0"}.`,
    );
  }
  const values: JsonValue[] = [];
  for (const doc of docs) {
    const contents = doc.contents as Node;
    if (!isMap(contents) && !isAlias(contents)) {
      throw new ConfigurationError(
        `File "${file}" has a document at ${where(lines, contents.range?.[0] ?? 0)} that is not a mapping; each document of a release file is a mapping of keys to values.`,
      );
    }
    try {
      values.push(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as JsonValue);
    } catch (error) {
      throw invalid(file, firstSentence(errorMessage(error)));
    }
  }
  const other = readWithJsYaml(text, file);
  if (!sameJson(values as JsonValue, other as JsonValue)) {
    throw new ConfigurationError(
      `File "${file}" reads differently in two YAML parsers (yaml and js-yaml), so an edit could not be checked; write its values without tags, directives or other ambiguous forms.`,
    );
  }
  return {
    docs,
    data: values.length === 1 ? values[0]! : values,
    referencedAnchors: docs.map(referencedAnchors),
  };
}
