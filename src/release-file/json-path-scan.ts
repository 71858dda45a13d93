/**
 * How JSONPath text nests: quoted names (with backslash escapes), brackets and parentheses.
 * Whatever reads a line that starts with a path (an assignment `PATH=VALUE`, an assertion
 * `PATH == VALUE`) finds where the path ends with this, so a `=` or a space inside a filter
 * such as `[?(@.name == "api")]` never splits it.
 */

const CLOSERS: Record<string, string> = { "]": "[", ")": "(" };

export interface PathScan {
  /** Index of the first character `stopsAt` accepts outside brackets, parentheses and quotes, or -1. */
  stop: number;
  /** What is left open at the end of the text, or a closer that closes nothing. */
  problem?: string;
}

export function scanJsonPath(
  text: string,
  stopsAt: (ch: string) => boolean = () => false,
): PathScan {
  const open: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === "[" || ch === "(") {
      open.push(ch);
    } else if (ch in CLOSERS) {
      if (open.pop() !== CLOSERS[ch]) return { stop: -1, problem: `a "${ch}" that closes nothing` };
    } else if (open.length === 0 && stopsAt(ch)) {
      return { stop: i };
    }
  }
  const unclosed = quote ?? open[open.length - 1];
  return unclosed ? { stop: -1, problem: `an unclosed "${unclosed}"` } : { stop: -1 };
}
