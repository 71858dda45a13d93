/**
 * A dotenv file: `NAME=value` lines, with `export` prefixes, quotes, comments and escaped
 * newlines in double quotes. A malformed line is refused by its line number alone: the
 * line may hold a secret, so it is never repeated.
 */
import { ConfigurationError } from "../core/errors.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function unquote(raw: string, file: string, line: number): string {
  const value = raw.trim();
  const quote = value[0];
  if (quote === '"' || quote === "'" || quote === "`") {
    const close = value.indexOf(quote, 1);
    if (close < 0) {
      throw new ConfigurationError(
        `${file}:${line} has a value with an opening ${quote} but no closing one; close the quote (multi-line values are written with \\n).`,
      );
    }
    const rest = value.slice(close + 1).trim();
    if (rest && !rest.startsWith("#")) {
      throw new ConfigurationError(
        `${file}:${line} has text after a quoted value; move it into the quotes or start a comment with #.`,
      );
    }
    const inner = value.slice(1, close);
    return quote === '"'
      ? inner
          .replace(/\\n/g, "\n")
          .replace(/\\r/g, "\r")
          .replace(/\\t/g, "\t")
          .replace(/\\(["\\])/g, "$1")
      : inner;
  }
  // An unquoted value ends at a comment that follows whitespace.
  const comment = value.search(/\s#/);
  return (comment >= 0 ? value.slice(0, comment) : value).trim();
}

export function parseEnvFile(text: string, file: string): Map<string, string> {
  const values = new Map<string, string>();
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    const body = trimmed.replace(/^export\s+/, "");
    const eq = body.indexOf("=");
    const name = eq > 0 ? body.slice(0, eq).trim() : "";
    if (eq <= 0 || !NAME.test(name)) {
      throw new ConfigurationError(
        `${file}:${line} is not a NAME=value line; write each variable as NAME=value (comments start with #).`,
      );
    }
    values.set(name, unquote(body.slice(eq + 1), file, line));
  });
  return values;
}
