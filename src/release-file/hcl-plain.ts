/**
 * The plainest HCL variable files — one `name = value` a line, each value a short ASCII
 * string without escapes or template characters, a small whole number, or true/false —
 * read by a reader so small that its reading is HCL's by inspection. Such a file is what a
 * release file normally is, and for it this reader is the second opinion on an edit, instead
 * of HashiCorp's parser, whose WebAssembly start costs more than the rest of the run
 * (hcl-verify.ts). Anything else (a comment after a value, a map, a list, an escape, `${`,
 * a non-ASCII character, CRLF line ends) is not plain, and goes to HashiCorp's parser.
 */
type PlainValue = string | number | boolean;

const NAME = "[A-Za-z_][A-Za-z0-9_-]*";
// Printable ASCII but `"`, `\` (escapes), `$` and `%` (templates): the bytes are the value.
const STRING = '"[ !#&-\\[\\]-~]*"';
// Whole numbers of at most 15 digits are exact as doubles, as HCL's big numbers are.
const NUMBER = "(?:0|-?[1-9][0-9]{0,14})";
const LINE = new RegExp(`^[ \\t]*(${NAME})[ \\t]*=[ \\t]*(${STRING}|${NUMBER}|true|false)[ \\t]*$`);
const COMMENT = /^[ \t]*(?:#|\/\/)/;
const BLANK = /^[ \t]*$/;

/** The file's values when it is plain; undefined when it is not (then use the real parser). */
export function readPlainHcl(text: string): Record<string, PlainValue> | undefined {
  if (text.includes("\r") || text.includes("/*")) return undefined;
  const values: Record<string, PlainValue> = Object.create(null) as Record<string, PlainValue>;
  for (const line of text.split("\n")) {
    if (BLANK.test(line) || COMMENT.test(line)) continue;
    const match = LINE.exec(line);
    if (!match) return undefined;
    const [, name, literal] = match as unknown as [string, string, string];
    // HCL refuses a repeated attribute; leave that to the parser to say.
    if (Object.hasOwn(values, name)) return undefined;
    values[name] = literal.startsWith('"')
      ? literal.slice(1, -1)
      : literal === "true" || literal === "false"
        ? literal === "true"
        : Number(literal);
  }
  return values;
}
