import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FIXTURES = fileURLToPath(new URL("../fixtures/tfvars/", import.meta.url));

/** A tfvars fixture's exact text (line endings, BOM and trailing newline as stored). */
export function readFixture(name: string): string {
  return readFileSync(FIXTURES + name, "utf8");
}

/**
 * `text` with the one occurrence of `from` replaced by `to`: the expected result of an edit
 * is the original file with exactly these bytes changed. Fails if `from` is not unique, so an
 * expectation can never match a different place than the one meant.
 */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) {
    throw new Error(`expected exactly one occurrence of ${JSON.stringify(from)}`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}
