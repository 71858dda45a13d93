/**
 * JSONPath filters (`[?(@.name=="api-green")]`) without script evaluation. jsonpath-plus
 * would hand a filter to a JavaScript evaluator; a path comes from a config file or an
 * input, so it is input, and input never runs as code. This module reads the small
 * language release files need — a value's own fields, literals, comparisons, `!`, `&&`,
 * `||` and parentheses — and jsonpath-plus calls it in place of an evaluator.
 *
 * Reading a field reads own properties only, so nothing reaches a prototype.
 */

type Value = unknown;
type Context = Record<string, Value>;
type Compiled = (context: Context) => Value;

/** jsonpath-plus rewrites `@`, `@root`, … to these sandbox names before it calls us. */
const SANDBOX_NAMES: Record<string, string> = {
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

const TOKEN =
  /\s*(?:(===|!==|==|!=|<=|>=|&&|\|\||[<>!()[\].])|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(@parentProperty|@parent|@property|@root|@|_\$_[A-Za-z]+|[A-Za-z_][A-Za-z0-9_-]*))/y;

interface Token {
  kind: "op" | "string" | "number" | "name";
  text: string;
  at: number;
}

export class FilterSyntaxError extends Error {}

function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < code.length) {
    if (/^\s*$/.test(code.slice(at))) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(code);
    if (!match) {
      const position = at + (/^\s*/.exec(code.slice(at))?.[0].length ?? 0);
      throw new FilterSyntaxError(
        `it has "${code[position]}" at character ${position + 1}, which a filter cannot hold`,
      );
    }
    const start = at + match[0].length - match[0].trimStart().length;
    const [, op, string, number, name] = match;
    if (op) tokens.push({ kind: "op", text: op, at: start });
    else if (string) tokens.push({ kind: "string", text: string, at: start });
    else if (number) tokens.push({ kind: "number", text: number, at: start });
    else tokens.push({ kind: "name", text: name!, at: start });
    at = TOKEN.lastIndex;
  }
  return tokens;
}

function unquote(text: string): string {
  const body = text.slice(1, -1);
  return body.replace(/\\(.)/g, (_all, ch: string) => ({ n: "\n", t: "\t" })[ch] ?? ch);
}

function ownField(value: Value, key: string | number): Value {
  if (value === null || typeof value !== "object") return undefined;
  return Object.hasOwn(value, key) ? (value as Record<string, Value>)[key] : undefined;
}

function compare(op: string, a: Value, b: Value): boolean {
  if (op === "==" || op === "===") return a === b;
  if (op === "!=" || op === "!==") return a !== b;
  const comparable =
    (typeof a === "number" && typeof b === "number") ||
    (typeof a === "string" && typeof b === "string");
  if (!comparable) return false;
  const [x, y] = [a as number | string, b as number | string];
  return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly code: string,
  ) {}

  parse(): Compiled {
    if (this.tokens.length === 0) throw new FilterSyntaxError("it is empty");
    const expression = this.or();
    const extra = this.tokens[this.index];
    if (extra) throw this.unexpected(extra);
    return expression;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private take(text?: string): Token {
    const token = this.tokens[this.index];
    if (!token) {
      throw new FilterSyntaxError(
        `it ends after "${this.code.trim()}" where a value was expected${text ? ` (${text})` : ""}`,
      );
    }
    if (text !== undefined && token.text !== text) throw this.unexpected(token);
    this.index++;
    return token;
  }

  private unexpected(token: Token): FilterSyntaxError {
    return new FilterSyntaxError(
      `it has "${token.text}" at character ${token.at + 1}, where a comparison such as @.name == "api" was expected`,
    );
  }

  private or(): Compiled {
    let left = this.and();
    while (this.peek()?.text === "||") {
      this.take();
      const [a, b] = [left, this.and()];
      left = (c) => Boolean(a(c)) || Boolean(b(c));
    }
    return left;
  }

  private and(): Compiled {
    let left = this.unary();
    while (this.peek()?.text === "&&") {
      this.take();
      const [a, b] = [left, this.unary()];
      left = (c) => Boolean(a(c)) && Boolean(b(c));
    }
    return left;
  }

  private unary(): Compiled {
    if (this.peek()?.text === "!") {
      this.take();
      const inner = this.unary();
      return (c) => !inner(c);
    }
    return this.comparison();
  }

  private comparison(): Compiled {
    const left = this.operand();
    const op = this.peek();
    if (op?.kind !== "op" || !["==", "===", "!=", "!==", "<", "<=", ">", ">="].includes(op.text)) {
      return left;
    }
    this.take();
    const right = this.operand();
    return (c) => compare(op.text, left(c), right(c));
  }

  private operand(): Compiled {
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
      if (token.text === "null") return () => null;
      const sandbox = SANDBOX_NAMES[token.text];
      if (sandbox)
        return this.accessors((c) => (Object.hasOwn(c, sandbox) ? c[sandbox] : undefined));
    }
    throw this.unexpected(token);
  }

  /** `.name` and `['name']` / `[0]` after a value; method calls are not a thing here. */
  private accessors(base: Compiled): Compiled {
    let read = base;
    for (;;) {
      const next = this.peek();
      if (next?.text === ".") {
        this.take();
        const name = this.take();
        if (name.kind !== "name" || name.text.startsWith("@")) throw this.unexpected(name);
        const [from, key] = [read, name.text];
        read = (c) => ownField(from(c), key);
      } else if (next?.text === "[") {
        this.take();
        const key = this.take();
        if (key.kind !== "string" && key.kind !== "number") throw this.unexpected(key);
        this.take("]");
        const [from, field] = [read, key.kind === "string" ? unquote(key.text) : Number(key.text)];
        read = (c) => ownField(from(c), field);
      } else {
        return read;
      }
    }
  }
}

const compiled = new Map<string, Compiled>();

/** The filter compiled, or a FilterSyntaxError saying what is wrong with it. */
export function compileFilter(code: string): Compiled {
  let filter = compiled.get(code);
  if (!filter) {
    filter = new Parser(tokenize(code), code).parse();
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(code, filter);
  }
  return filter;
}

/**
 * Why the filters of a JSONPath cannot be read (the end of a sentence), or undefined.
 * `parts` are jsonpath-plus's path parts; filters are `?(…)`, script expressions `(…)`.
 */
export function filterProblem(parts: string[]): string | undefined {
  for (const part of parts) {
    if (part.startsWith("(")) {
      return `has the script expression [${part}], which Greenlight does not evaluate; name the key or index`;
    }
    if (!part.startsWith("?(")) continue;
    try {
      compileFilter(part.slice(2, -1));
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      return `has the filter [${part}] that Greenlight cannot read (${error.message})`;
    }
  }
  return undefined;
}

/** The `eval` option for jsonpath-plus: filters through compileFilter, never through JavaScript. */
export function evaluateFilter(code: string, context: object): unknown {
  return compileFilter(code)(context as Context);
}
