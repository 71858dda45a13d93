/**
 * Regular expressions users write (an env-schema `pattern`) run on RE2's linear-time engine:
 * JavaScript's backtracking engine can take minutes on a pattern such as ^(a+)+$, and a
 * preflight check must not hang on its own configuration.
 */
import { RE2JS } from "re2js";

export interface UserPattern {
  /** The pattern as written. */
  readonly source: string;
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  toString(): string;
}

const FLAGS: Record<string, number> = {
  i: RE2JS.CASE_INSENSITIVE,
  s: RE2JS.DOTALL,
  m: RE2JS.MULTILINE,
};

/** Compiles `source`; throws an Error whose message says why it is not a pattern. */
export function compileUserPattern(source: string, flags = ""): UserPattern {
  let mask = 0;
  for (const flag of flags) mask |= FLAGS[flag] ?? 0;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, mask);
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    throw new Error(reason, { cause: error });
  }
  return {
    source,
    test: (text) => compiled.test(text),
    toString: () => `/${source}/${flags}`,
  };
}
