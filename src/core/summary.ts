/**
 * Job summaries are built by pure functions as a list of blocks, rendered to Markdown and
 * written once at the end of a run (GitHub job summary, or the CLI's stderr / --summary).
 */
export type SummaryBlock =
  | { kind: "heading"; text: string; level?: 1 | 2 | 3 }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; header: string[]; rows: string[][] }
  | { kind: "code"; text: string; language?: string }
  | { kind: "details"; title: string; blocks: SummaryBlock[] };

export type Summary = SummaryBlock[];

/** Escapes a value for a Markdown table cell: pipes and newlines would break the row. */
export function tableCell(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** Wraps a value in inline code, choosing a fence longer than any backtick run inside it. */
export function inlineCode(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
  return `${fence}${pad}${value}${pad}${fence}`;
}

function renderBlock(block: SummaryBlock): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level ?? 2)} ${block.text}`;
    case "paragraph":
      return block.text;
    case "table": {
      const header = `| ${block.header.map(tableCell).join(" | ")} |`;
      const rule = `| ${block.header.map(() => "---").join(" | ")} |`;
      const rows = block.rows.map((row) => `| ${row.map(tableCell).join(" | ")} |`);
      return [header, rule, ...rows].join("\n");
    }
    case "code": {
      const longest = Math.max(2, ...(block.text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = "`".repeat(longest + 1);
      return `${fence}${block.language ?? ""}\n${block.text.replace(/\n$/, "")}\n${fence}`;
    }
    case "details":
      return `<details><summary>${block.title}</summary>\n\n${renderMarkdown(block.blocks)}\n</details>`;
  }
}

export function renderMarkdown(summary: Summary): string {
  return summary.map(renderBlock).join("\n\n") + (summary.length > 0 ? "\n" : "");
}
