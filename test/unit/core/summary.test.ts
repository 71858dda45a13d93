import { describe, expect, it } from "vitest";
import { inlineCode, renderMarkdown, tableCell } from "../../../src/core/summary.js";

describe("summary rendering", () => {
  it("renders headings, tables and code blocks", () => {
    expect(
      renderMarkdown([
        { kind: "heading", text: "Deploy" },
        { kind: "table", header: ["a", "b"], rows: [["1", "x|y"]] },
        { kind: "code", text: "```inner```", language: "diff" },
      ]),
    ).toBe("## Deploy\n\n| a | b |\n| --- | --- |\n| 1 | x\\|y |\n\n````diff\n```inner```\n````\n");
  });

  it("keeps table rows on one line and code spans intact", () => {
    expect(tableCell("a\nb")).toBe("a<br>b");
    expect(inlineCode("a`b")).toBe("``a`b``");
    expect(inlineCode("`x")).toBe("`` `x ``");
  });

  it("renders nothing for an empty summary", () => {
    expect(renderMarkdown([])).toBe("");
  });
});
