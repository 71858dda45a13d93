// Pins every reference to Greenlight's own actions and workflows — in the reusable
// workflows, the example caller, the docs and the READMEs — to one release commit:
//
//   node scripts/pin-release.mjs <40-hex commit> [<version, default package.json's>]
//
// `<owner>/greenlight/actions/verify@<sha> # verify/v1.2.0` and
// `<owner>/greenlight/.github/workflows/deploy.yml@<sha> # v1.2.0` get the new SHA and
// version; nothing else is touched. A release commits the result, so a workflow called at
// that release runs the actions of that same release.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

/** Files that reference Greenlight by commit. */
export function pinnedFiles(base = root) {
  const files = [];
  for (const dir of [".github/workflows", "examples/app/.github/workflows", "docs"]) {
    if (!existsSync(join(base, dir))) continue;
    for (const name of readdirSync(join(base, dir)).sort()) {
      if (/\.(ya?ml|md)$/.test(name)) files.push(join(dir, name));
    }
  }
  // The READMEs' examples, which users copy first.
  if (existsSync(join(base, "README.md"))) files.push("README.md");
  if (existsSync(join(base, "actions"))) {
    for (const name of readdirSync(join(base, "actions")).sort()) {
      const readme = join("actions", name, "README.md");
      if (existsSync(join(base, readme))) files.push(readme);
    }
  }
  return files;
}

const OWN_REFERENCE =
  /([\w.-]+\/greenlight((?:\/[\w./-]+)?))@[0-9a-f]{40}(\s+#\s+)(?:[\w-]+\/)?v\d+\.\d+\.\d+/g;

/** `text` with every own reference pinned to `sha`, its comment naming `version`. */
export function pinText(text, sha, version) {
  return text.replace(OWN_REFERENCE, (_match, ref, path, space) => {
    const action = path.startsWith("/actions/") ? path.slice("/actions/".length) : undefined;
    return `${ref}@${sha}${space}${action ? `${action}/` : ""}v${version}`;
  });
}

export function pinRelease(sha, version, base = root) {
  if (!/^[0-9a-f]{40}$/.test(sha))
    throw new Error(`"${sha}" is not a full 40-character commit SHA.`);
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new Error(`"${version}" is not a version such as 1.2.0.`);
  const changed = [];
  for (const file of pinnedFiles(base)) {
    const text = readFileSync(join(base, file), "utf8");
    const next = pinText(text, sha, version);
    if (next !== text) {
      writeFileSync(join(base, file), next);
      changed.push(file);
    }
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [sha, version] = process.argv.slice(2);
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  try {
    for (const file of pinRelease(sha ?? "", version ?? pkg.version)) console.log(file);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
}
