/**
 * The runner's file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE): `name=value` lines
 * and `name<<DELIMITER` … `DELIMITER` blocks, read the way the runner reads them.
 */
import { existsSync, readFileSync } from "node:fs";

export function readFileCommands(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  const values: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]!);
      if (i >= lines.length)
        throw new Error(`${path}: no closing delimiter ${delimiter} for ${name}.`);
      values[name!] = body.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) throw new Error(`${path}: invalid line ${JSON.stringify(line)}.`);
    values[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return values;
}
