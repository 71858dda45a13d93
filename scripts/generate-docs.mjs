// Regenerates the inputs/outputs tables in actions/<name>/README.md from action.yml (and in
// docs/deploy-action.md from the root action.yml), between the markers <!-- action-docs:start --> and <!-- action-docs:end -->. Run by the
// build, so check-clean fails when the docs drift from the manifests.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";

const root = new URL("..", import.meta.url).pathname;
const START = "<!-- action-docs:start -->";
const END = "<!-- action-docs:end -->";

const cell = (text) =>
  String(text ?? "")
    .trim()
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");

export function renderActionTables(manifest) {
  const inputs = Object.entries(manifest.inputs ?? {}).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec?.required ? "yes" : "no"} | ${spec?.default !== undefined && spec.default !== "" ? `\`${cell(spec.default)}\`` : ""} | ${cell(spec?.description)} |`,
  );
  const outputs = Object.entries(manifest.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec?.description)} |`,
  );
  return [
    START,
    "### Inputs",
    "",
    "| input | required | default | description |",
    "| --- | --- | --- | --- |",
    ...inputs,
    "",
    "### Outputs",
    "",
    "| output | description |",
    "| --- | --- |",
    ...outputs,
    END,
  ].join("\n");
}

/** Each action.yml with the document that carries its tables: actions/<name>/README.md, and
 * for the root action (deploy) docs/deploy-action.md. */
export function actionDocPairs() {
  const pairs = readdirSync(join(root, "actions"))
    .sort()
    .map((name) => ({
      manifestFile: join(root, "actions", name, "action.yml"),
      readme: join(root, "actions", name, "README.md"),
    }));
  pairs.push({
    manifestFile: join(root, "action.yml"),
    readme: join(root, "docs", "deploy-action.md"),
  });
  return pairs.filter(({ manifestFile, readme }) => existsSync(manifestFile) && existsSync(readme));
}

/** The document's text with its generated section replaced by the tables for `manifest`. */
export function withActionTables(text, manifest, readme) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`${readme} has no ${START} … ${END} section for the generated tables`);
  }
  return text.slice(0, start) + renderActionTables(manifest) + text.slice(end + END.length);
}

export function generateActionDocs() {
  const written = [];
  for (const { manifestFile, readme } of actionDocPairs()) {
    const manifest = YAML.parse(readFileSync(manifestFile, "utf8"));
    const text = readFileSync(readme, "utf8");
    const next = withActionTables(text, manifest, readme);
    if (next !== text) writeFileSync(readme, next);
    written.push(readme);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) generateActionDocs();
