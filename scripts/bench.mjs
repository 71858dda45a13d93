// `npm run bench -- <name>` runs bench/<name>.bench.ts with tsx. Each benchmark prints a
// readable table and, last, one line `RESULT <name> key=value …` (ratios against a baseline
// measured in the same run: these machines are noisy).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const available = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts"))
  .map((f) => f.replace(/\.bench\.ts$/, ""));
const [name, ...rest] = process.argv.slice(2);

if (!name || !available.includes(name)) {
  console.error(
    `${name ? `No benchmark named "${name}". ` : ""}Usage: npm run bench -- <name>; available: ${available.join(", ") || "none"}.`,
  );
  process.exit(2);
}
const file = join(root, "bench", `${name}.bench.ts`);
if (!existsSync(file)) process.exit(2);
const result = spawnSync(process.execPath, ["--import", "tsx", file, ...rest], {
  stdio: "inherit",
  cwd: root,
});
process.exit(result.status ?? 1);
