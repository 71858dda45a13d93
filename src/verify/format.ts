/**
 * How verify writes numbers, sizes, durations and values into reasons a person reads:
 * `1 MiB`, `300 ms`, `2.5 s`, `"1.4.1"`. One place, so every reason reads the same.
 */
import { formatBytes } from "../core/quantity.js";

export { formatBytes };

/** `1.25 ms`, `12.5 ms`, `850 ms`, `2.5 s`, `10 s`, `1m30s`, `2m`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Number(ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0))} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(2))} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
}

/**
 * Replaces known secrets in a text. Anything shortened for a reason is redacted first: a
 * secret cut in half by the shortening would no longer be recognised.
 */
export type Redact = (text: string) => string;
export const noRedaction: Redact = (text) => text;

/** A value as JSON, shortened so one reason stays one readable line. */
export function formatValue(value: unknown, redact: Redact = noRedaction, limit = 80): string {
  if (value === undefined) return "nothing";
  const text = redact(JSON.stringify(value) ?? String(value));
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** `3.0%`, `0.25%`. */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  return `${percent < 1 && percent > 0 ? percent.toFixed(2) : percent.toFixed(1)}%`;
}

/** A short excerpt of a text body for a reason: one line, trimmed. */
export function excerpt(text: string, redact: Redact = noRedaction, limit = 120): string {
  const line = redact(text).replace(/\s+/g, " ").trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}
