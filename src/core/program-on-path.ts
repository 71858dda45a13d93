/**
 * Whether a program is installed, found the way a spawn finds it: an executable file in
 * one of PATH's directories. Nothing is run, so asking costs no process start.
 */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** PATH is the given environment's, else this process's. */
export function isOnPath(program: string, env: Record<string, string | undefined>): boolean {
  const dirs = (env["PATH"] ?? process.env["PATH"] ?? "").split(delimiter).filter(Boolean);
  return dirs.some((dir) => {
    const file = join(dir, program);
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false; // not here
    }
  });
}
