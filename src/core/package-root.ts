import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The directory holding Greenlight's package.json. Found by walking up from this module,
 * which works the same from src/ (tests), dist/<name>/index.js (actions) and the CLI.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
        if (pkg.name === "greenlight") return (cached = dir);
      } catch {
        // Not ours or unreadable: keep walking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Cannot find Greenlight's package.json above " + dir);
    dir = parent;
  }
}
