/**
 * Numbers with a unit, such as `1.5 GiB` or `500MB`. Each caller brings its own unit table,
 * because what `MB` means differs by what is measured (a registry reports decimal sizes).
 */

/**
 * `<number><unit>` (a space between is allowed) times the unit's value in `units`, whose keys
 * are lower-case and include "" for a bare number; rounded to a whole number. Undefined when
 * the text is not of that form or the unit is not in the table.
 */
export function parseQuantity(text: string, units: Record<string, number>): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!match) return undefined;
  const key = match[2]!.toLowerCase();
  // Own keys only: "constructor" is on every object but is not a unit.
  if (!Object.hasOwn(units, key)) return undefined;
  return Math.round(Number(match[1]) * units[key]!);
}

const KIB = 1024;
const MIB = 1024 * 1024;

/** How a byte count reads in a message: `1 MiB`, `64 KiB`, `1.5 MiB`, `900 bytes`. */
export function formatBytes(bytes: number): string {
  const trim = (n: number) => String(Number(n.toFixed(1)));
  if (bytes >= MIB) return `${trim(bytes / MIB)} MiB`;
  if (bytes >= KIB) return `${trim(bytes / KIB)} KiB`;
  return `${bytes} byte${bytes === 1 ? "" : "s"}`;
}
