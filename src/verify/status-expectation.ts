/**
 * Expected HTTP statuses: exact codes (`200`), classes (`2xx`) and ranges (`200-299`),
 * alone or as a list. Parsed once; matched against every response.
 */

export interface StatusRange {
  from: number;
  to: number;
  /** How the user wrote it, for reasons: `2xx`, `200-204`, `401`. */
  text: string;
}

export type StatusExpectation = StatusRange[];

export const DEFAULT_STATUS: StatusExpectation = [{ from: 200, to: 299, text: "2xx" }];

function parseOne(item: string | number): StatusRange | string {
  const text = String(item).trim();
  if (/^[1-5]\d\d$/.test(text)) return { from: Number(text), to: Number(text), text };
  const klass = /^([1-5])xx$/i.exec(text);
  if (klass) {
    const base = Number(klass[1]) * 100;
    return { from: base, to: base + 99, text: text.toLowerCase() };
  }
  const range = /^([1-5]\d\d)\s*-\s*([1-5]\d\d)$/.exec(text);
  if (range && Number(range[1]) <= Number(range[2])) {
    return { from: Number(range[1]), to: Number(range[2]), text: `${range[1]}-${range[2]}` };
  }
  return `"${text}" is not a status; write a code (200), a class (2xx) or a range (200-299)`;
}

/**
 * Parses `200`, `"2xx"`, `"200-299"`, `"200, 204"` or a list of those. Returns the problem
 * as a phrase when the value is not a status expectation.
 */
export function parseStatusExpectation(
  value: string | number | (string | number)[],
): StatusExpectation | string {
  const items = Array.isArray(value)
    ? value
    : typeof value === "number"
      ? [value]
      : value.split(/[,\s]+/).filter((s) => s.length > 0);
  if (items.length === 0) return "is empty; write a code (200), a class (2xx) or a range";
  const ranges: StatusRange[] = [];
  for (const item of items) {
    const parsed = parseOne(item);
    if (typeof parsed === "string") return parsed;
    ranges.push(parsed);
  }
  return ranges;
}

export function statusMatches(expectation: StatusExpectation, status: number): boolean {
  return expectation.some((range) => status >= range.from && status <= range.to);
}

/** `200`, `2xx or 304`, `one of 200, 201 or 204`. */
export function describeStatusExpectation(expectation: StatusExpectation): string {
  const texts = expectation.map((r) => r.text);
  if (texts.length === 1) return texts[0]!;
  return `${texts.slice(0, -1).join(", ")} or ${texts[texts.length - 1]}`;
}
