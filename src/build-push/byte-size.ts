/**
 * Image size budgets (`500MB`, `1.5GiB`) and how measured sizes are shown. Registries
 * and the Docker CLI report decimal megabytes, so `MB` means 1,000,000 bytes here.
 */
import { parseQuantity } from "../core/quantity.js";

const UNITS: Record<string, number> = {
  "": 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  k: 1e3,
  m: 1e6,
  g: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** Parses `500MB`, `1.5 GiB`, `800kb` or a bare number of bytes; undefined otherwise. */
export function parseSize(text: string): number | undefined {
  return parseQuantity(text, UNITS);
}

/** `512 B`, `3.4 kB`, `212.5 MB`, `1.02 GB`: decimal units, three significant digits. */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = "B";
  for (const next of units) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${Number(value.toPrecision(3))} ${unit}`;
}
