// The clean-tree gate: rebuild every bundle and generated file, then fail when the tree
// differs from what is committed (a stale dist/ would ship code nobody reviewed).
import { execFileSync } from "node:child_process";

const root = new URL("..", import.meta.url).pathname;
execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
const status = execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], {
  cwd: root,
  encoding: "utf8",
});
if (status.trim() !== "") {
  console.error("The tree is not clean after a build; rebuild and commit these files:\n" + status);
  console.error(execFileSync("git", ["diff", "--stat"], { cwd: root, encoding: "utf8" }));
  process.exit(1);
}
console.log("Clean: dist/ and generated files match the sources.");
