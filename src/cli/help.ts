/** Help texts, generated from action.yml so they never drift from the action. */
import type { ActionManifest } from "../core/action-manifest.js";
import { isExpression } from "../core/action-manifest.js";

function wrap(text: string, width: number, indent: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join("\n");
}

export function actionHelp(action: string, manifest: ActionManifest): string {
  const out = [
    `greenlight ${action} — ${manifest.description.trim()}`,
    "",
    `Usage: greenlight ${action} [--<input> <value> …] [--json] [--summary FILE]`,
    "",
    "Inputs:",
  ];
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    const tags: string[] = [];
    if (spec.required) tags.push("required");
    if (spec.default !== undefined && spec.default !== "") {
      tags.push(
        isExpression(spec.default)
          ? "default: $GITHUB_TOKEN"
          : `default: ${JSON.stringify(spec.default)}`,
      );
    }
    out.push(`  --${name}${tags.length ? `  (${tags.join(", ")})` : ""}`);
    out.push(wrap(spec.description, 76, "      "));
  }
  out.push("", "Outputs:");
  for (const [name, spec] of Object.entries(manifest.outputs)) {
    out.push(`  ${name}`, wrap(spec.description, 76, "      "));
  }
  out.push(
    "",
    "Options:",
    "  --json            print the outputs as one JSON object on stdout",
    "  --summary FILE    write the job summary (Markdown) to FILE instead of stderr",
    "  --debug           print debug messages",
    "  --help            show this help",
    "",
    "A multi-line input can be given by repeating its flag. Exit codes: 0 success,",
    "1 the check or operation failed, 2 bad input or configuration.",
    "",
  );
  return out.join("\n");
}

export function mainHelp(actions: { name: string; description: string }[]): string {
  const width = Math.max(...actions.map((a) => a.name.length), "sandbox".length) + 2;
  const lines = [
    "greenlight — GitOps blue/green delivery on Terraform, from GitHub Actions or a laptop",
    "",
    "Usage: greenlight <command> [--<input> <value> …]",
    "",
    "Actions (the same code as the GitHub Actions of the same name):",
    ...actions.map((a) => `  ${a.name.padEnd(width)}${a.description.trim().split("\n")[0]}`),
    "",
    "Tools:",
    `  ${"sandbox".padEnd(width)}start the local GitHub sandbox (see greenlight sandbox --help)`,
    `  ${"schema".padEnd(width)}print the JSON Schema of the config file (.github/greenlight.yml)`,
    "",
    "Run greenlight <command> --help for its inputs. Exit codes: 0 success, 1 failed, 2 bad input.",
    "",
  ];
  return lines.join("\n");
}
