// Regenerates the inputs/outputs tables in actions/<name>/README.md from action.yml,
// between the markers <!-- action-docs:start --> and <!-- action-docs:end -->. Run by the
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

function tables(manifest) {
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

export function generateActionDocs() {
  const written = [];
  for (const name of readdirSync(join(root, "actions")).sort()) {
    const manifestFile = join(root, "actions", name, "action.yml");
    const readme = join(root, "actions", name, "README.md");
    if (!existsSync(manifestFile) || !existsSync(readme)) continue;
    const manifest = YAML.parse(readFileSync(manifestFile, "utf8"));
    const text = readFileSync(readme, "utf8");
    const start = text.indexOf(START);
    const end = text.indexOf(END);
    if (start < 0 || end < start) {
      throw new Error(`${readme} has no ${START} … ${END} section for the generated tables`);
    }
    const next = text.slice(0, start) + tables(manifest) + text.slice(end + END.length);
    if (next !== text) writeFileSync(readme, next);
    written.push(readme);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) generateActionDocs();
