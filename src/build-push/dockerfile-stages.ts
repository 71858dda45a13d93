/**
 * The stage names of a Dockerfile (`FROM … AS name`), read before building so an unknown
 * target is reported at once, with the targets that do exist, rather than by the engine
 * after the other services have been built.
 */

/** Joins continuation lines (a trailing backslash, or the escape the file declares). */
function logicalLines(text: string): string[] {
  const escape = /^#\s*escape\s*=\s*`/im.test(text.split(/\r?\n/).slice(0, 5).join("\n"))
    ? "`"
    : "\\";
  const out: string[] = [];
  let current = "";
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (current === "" && /^\s*#/.test(line)) continue;
    if (line.endsWith(escape)) {
      current += line.slice(0, -1) + " ";
      continue;
    }
    out.push(current + line);
    current = "";
  }
  if (current) out.push(current);
  return out;
}

/** The stage names, in order. Stage names are case-insensitive, as the engines treat them. */
export function dockerfileStages(text: string): string[] {
  const stages: string[] = [];
  for (const line of logicalLines(text)) {
    const match = /^\s*FROM\s+(.*)$/i.exec(line);
    if (!match) continue;
    const words = (match[1] ?? "").split(/\s+/).filter((w) => w && !w.startsWith("--"));
    if (words.length >= 3 && words[1]?.toLowerCase() === "as") stages.push(words[2]!.toLowerCase());
  }
  return stages;
}

/** Whether the text has any FROM instruction at all (a Dockerfile, not some other file). */
export function hasFromInstruction(text: string): boolean {
  return logicalLines(text).some((line) => /^\s*FROM\s+\S/i.test(line));
}
