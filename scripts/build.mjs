// Bundles the actions (src/action-bundle/run.ts: one bundle, each action's code a chunk of it)
// and the CLI (src/cli/run.ts) with @vercel/ncc, and writes each action's entry files
// (dist/<name>/index.js, post.js) that start it. The bundles are committed: GitHub runs
// actions straight from the repository, with no install step.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import ncc from "@vercel/ncc";
import YAML from "yaml";
import { generateConfigDocs } from "./generate-config-docs.mjs";
import { generateActionDocs } from "./generate-docs.mjs";
import { generateWorkflowDocs } from "./generate-workflow-docs.mjs";

const root = new URL("..", import.meta.url).pathname;
// HashiCorp's HCL parser (WebAssembly) checks every HCL tfvars edit. ncc cannot carry it (its
// package finds the module through __dirname), so src/release-file/hcl-wasm.ts loads it from
// dist/, where one copy serves every bundle that mentions it.
const HCL_WASM = "hcl2json.wasm.gz";
const only = process.argv.slice(2);
const PACKAGE_LIST_PREFIX = ".packages-";

/**
 * The npm packages whose modules webpack put into a bundle or its chunks, as their folders
 * under the root: the innermost node_modules/<name>, so a nested copy (another version) is
 * listed as itself and not as the package that depends on it.
 */
function packagesIn(stats) {
  const dirs = new Set();
  for (const module of stats?.compilation?.modules ?? []) {
    const resource = module.resource ?? "";
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(resource);
    if (match && match[1].startsWith(root)) dirs.add(match[1].slice(root.length));
  }
  return [...dirs].sort();
}

/**
 * A package's licence, from its folder under the root: `name@version`, its SPDX name and the
 * text of its licence file, if it ships one.
 */
function licenceOf(folder) {
  const dir = join(root, folder);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = file ? readFileSync(join(dir, file), "utf8").trim() : "";
  const license = manifest.license ?? "see the package";
  return `${manifest.name}@${manifest.version}\n${license}\n${text}`.trim();
}

/**
 * One licences file per dist folder, listing every package any of its entries (index.js,
 * post.js) and their chunks contain. ncc's own licence output keeps one chunk's list only.
 */
function writeLicences(dirs) {
  for (const dir of dirs) {
    const lists = readdirSync(dir).filter((f) => f.startsWith(PACKAGE_LIST_PREFIX));
    const names = new Set(lists.flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8"))));
    for (const f of lists) rmSync(join(dir, f));
    const text = [...new Set([...names].sort().map(licenceOf))].sort().join("\n\n");
    writeFileSync(join(dir, "licenses.txt"), text ? `${text}\n` : "");
  }
}

/** The two bundles: every action in one, and the CLI. */
const BUNDLES = ["action-bundle", "cli"];

function entries() {
  // `npm run build -- notify` rebuilds the bundle that holds notify.
  const wanted = new Set(only.map((name) => (name === "cli" ? "cli" : "action-bundle")));
  return BUNDLES.filter((name) => only.length === 0 || wanted.has(name)).map((name) => ({
    name,
    file: "run.ts",
    entry: join(root, "src", name, "run.ts"),
  }));
}

/** Every action's manifest: the root action.yml (deploy) and actions/<name>/action.yml. */
function actionManifests() {
  const list = [{ name: "deploy", file: join(root, "action.yml") }];
  for (const name of readdirSync(join(root, "actions")).sort()) {
    const file = join(root, "actions", name, "action.yml");
    if (existsSync(file) && name !== "deploy") list.push({ name, file });
  }
  return list.map(({ name, file }) => ({ name, document: YAML.parse(readFileSync(file, "utf8")) }));
}

/**
 * What the runner starts: dist/<name>/index.js (and post.js) for each action, each calling
 * the action bundle; and the manifests as JSON beside the bundle, so starting an action
 * needs no YAML parser.
 */
function writeActionEntries() {
  const manifests = actionManifests();
  const bundle = join(root, "dist", "action-bundle");
  writeFileSync(
    join(bundle, "manifests.json"),
    `${JSON.stringify(Object.fromEntries(manifests.map((m) => [m.name, m.document])), null, 1)}\n`,
  );
  for (const { name, document } of manifests) {
    const dir = join(root, "dist", name);
    mkdirSync(dir, { recursive: true });
    const entry = (call) =>
      [
        "// Written by scripts/build.mjs: the runner starts this file; the code is in dist/action-bundle/.",
        `import { ${call} } from "../action-bundle/index.js";`,
        call === "start"
          ? `await start(${JSON.stringify(name)}, new URL("../action-bundle/manifests.json", import.meta.url));`
          : `await startPost(${JSON.stringify(name)});`,
        "",
      ].join("\n");
    writeFileSync(join(dir, "index.js"), entry("start"));
    if (document.runs?.post) writeFileSync(join(dir, "post.js"), entry("startPost"));
    console.log(`dist/${name}/index.js`);
  }
}

async function bundle({ name, file, entry }) {
  const outDir = join(root, "dist", name);
  const { code, assets, stats } = await ncc(entry, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: "es2022",
  });
  // No chunk of an earlier build may linger beside the new one.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const outFile = file === "run.ts" ? "index.js" : "post.js";
  writeFileSync(join(outDir, outFile), code);
  // The packages this entry bundles, chunks included; the parent writes licenses.txt from them.
  writeFileSync(
    join(outDir, `${PACKAGE_LIST_PREFIX}${outFile}.json`),
    JSON.stringify(packagesIn(stats)),
  );
  for (const [asset, { source }] of Object.entries(assets ?? {})) {
    const target = join(outDir, asset);
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(target, source);
  }
  const sources = [code, ...Object.values(assets ?? {}).map((asset) => String(asset.source))];
  if (sources.some((source) => source.includes(HCL_WASM))) {
    copyFileSync(
      join(root, "node_modules/@cdktf/hcl2json/main.wasm.gz"),
      join(root, "dist", HCL_WASM),
    );
  }
  console.log(`dist/${name}/${outFile}`);
}

/**
 * Each bundle is built in its own process: ncc keeps a TypeScript program per bundle, and a
 * dozen of them in one process outgrow Node's default heap. Two at a time, for two cores.
 */
async function bundleAll(list) {
  const queue = [...list];
  const worker = async () => {
    for (let e = queue.shift(); e; e = queue.shift()) {
      try {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          [join(root, "scripts/build.mjs"), "--bundle", e.name, e.file],
          { maxBuffer: 1 << 28 },
        );
        process.stdout.write(stdout);
      } catch (error) {
        // ncc prints its own bundled source around a failure; the cause is at the end.
        console.error(
          `Bundling src/${e.name}/${e.file} failed:\n${String(error.stderr).slice(-4000)}`,
        );
        process.exit(1);
      }
    }
  };
  await Promise.all([worker(), worker()]);
}

if (process.argv[2] === "--bundle") {
  const [name, file] = process.argv.slice(3);
  await bundle({ name, file, entry: join(root, "src", name, file) });
  process.exit(0);
}
if (only.length === 0) rmSync(join(root, "dist"), { recursive: true, force: true });
await bundleAll(entries());
writeLicences([...new Set(entries().map((e) => join(root, "dist", e.name)))]);
if (entries().some((e) => e.name === "action-bundle")) writeActionEntries();
if (only.length === 0) {
  generateActionDocs();
  generateWorkflowDocs();
  // The JSON Schema comes from the zod schema in the freshly built CLI, so the two cannot drift.
  const schema = execFileSync(process.execPath, [join(root, "dist/cli/index.js"), "schema"], {
    encoding: "utf8",
  });
  writeFileSync(join(root, "docs/greenlight.schema.json"), schema);
  console.log("docs/greenlight.schema.json");
  // The config file reference is rendered from that schema, so it cannot drift either.
  generateConfigDocs();
  console.log("docs/config.md");
}
