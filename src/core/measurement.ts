/**
 * What counts as a measurement. Missing data must never advance a release, and JavaScript
 * turns much of what "no data" looks like into 0 (`Number("")`, `Number(" ")`,
 * `Number(false)`, `Number(null)`) or into a number nobody wrote (`Number("0x0")`). So only
 * a finite JSON number, or a string holding a plain decimal number, is a measurement;
 * everything else is missing data.
 */

/** A decimal number as Prometheus and JSON APIs write one (no hex, no blanks, no `Infinity`). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The measured value, or undefined when `value` holds no finite number. */
export function parseMeasurement(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || !DECIMAL.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
