// Renders the reference of the reusable workflows (their workflow_call inputs, secrets and
// outputs) into docs/workflows.md, between <!-- workflow-docs:start --> and
// <!-- workflow-docs:end -->. Run by the build, so check-clean fails when the docs drift.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";

const root = new URL("..", import.meta.url).pathname;
const START = "<!-- workflow-docs:start -->";
const END = "<!-- workflow-docs:end -->";
const DOC = join(root, "docs", "workflows.md");

const cell = (text) =>
  String(text ?? "")
    .trim()
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
const code = (text) => "`" + String(text) + "`";

/** The reusable workflows: every file under .github/workflows with an on.workflow_call. */
export function reusableWorkflows(base = root) {
  const dir = join(base, ".github", "workflows");
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      file: `.github/workflows/${name}`,
      doc: YAML.parse(readFileSync(join(dir, name), "utf8")),
    }))
    .filter(({ doc }) => doc?.on?.workflow_call !== undefined);
}

function table(header, rows) {
  if (rows.length === 0) return ["None."];
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ];
}

export function renderWorkflowReference(workflows) {
  const out = [START];
  for (const { file, doc } of workflows) {
    const call = doc.on.workflow_call ?? {};
    const manual =
      doc.on.workflow_dispatch !== undefined
        ? " Also runs by hand (`workflow_dispatch`) with the same inputs."
        : "";
    out.push(
      "",
      `### ${code(file.split("/").at(-1))}`,
      "",
      `[${file}](../${file}).${manual}`,
      "",
      "Inputs:",
      "",
    );
    out.push(
      ...table(
        ["input", "type", "required", "default", "description"],
        Object.entries(call.inputs ?? {}).map(([name, spec]) => [
          code(name),
          spec.type,
          spec.required ? "yes" : "no",
          spec.default !== undefined && spec.default !== "" ? code(cell(spec.default)) : "",
          cell(spec.description),
        ]),
      ),
      "",
      "Secrets (each passed by name, e.g. `INFRA_TOKEN: ${{ secrets.INFRA_TOKEN }}`):",
      "",
      ...table(
        ["secret", "required", "description"],
        Object.entries(call.secrets ?? {}).map(([name, spec]) => [
          code(name),
          spec?.required ? "yes" : "no",
          cell(spec?.description),
        ]),
      ),
      "",
      "Outputs:",
      "",
      ...table(
        ["output", "description"],
        Object.entries(call.outputs ?? {}).map(([name, spec]) => [
          code(name),
          cell(spec?.description),
        ]),
      ),
    );
  }
  out.push(END);
  return out.join("\n");
}

/** `text` with its generated section replaced. */
export function withWorkflowReference(text, workflows) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`docs/workflows.md has no ${START} … ${END} section`);
  return text.slice(0, start) + renderWorkflowReference(workflows) + text.slice(end + END.length);
}

export function generateWorkflowDocs() {
  const text = readFileSync(DOC, "utf8");
  const next = withWorkflowReference(text, reusableWorkflows());
  if (next !== text) writeFileSync(DOC, next);
  return DOC;
}

if (import.meta.url === `file://${process.argv[1]}`) generateWorkflowDocs();
