/**
 * Whether a module is the program Node was started with. An action's entry module runs
 * the action when the runner starts its bundle (`node dist/<name>/index.js`), and only
 * exports `run()` when something imports it instead: `@github/local-action` imports the
 * entry from source and calls `run()` itself, which must not run the action twice.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function isEntryPoint(moduleUrl: string, started = process.argv[1]): boolean {
  if (!started) return false;
  return realPath(fileURLToPath(moduleUrl)) === realPath(started);
}
