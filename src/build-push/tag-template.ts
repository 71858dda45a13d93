/**
 * Tag templates: `{{sha}}`, `v{{major}}.{{minor}}`, `{{branch}}-{{short-sha}}`, `latest`.
 * A template is checked when the inputs are read (a typo fails before any build); it is
 * rendered once the commit's facts are known. A template whose value this build does not
 * have (`{{version}}` on a branch push) yields no tag, the way release tags should behave.
 */

export const TAG_VARIABLES = [
  "sha",
  "short-sha",
  "version",
  "major",
  "minor",
  "patch",
  "branch",
  "environment",
] as const;
export type TagVariable = (typeof TAG_VARIABLES)[number];
export type TagValues = Partial<Record<TagVariable, string>>;

type TemplatePart = { literal: string } | { variable: TagVariable };

export interface TagTemplate {
  source: string;
  parts: TemplatePart[];
}

const TAG_CHARS = /^[A-Za-z0-9_.-]*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isVariable(name: string): name is TagVariable {
  return (TAG_VARIABLES as readonly string[]).includes(name);
}

/** The parsed template, or a sentence fragment saying what is wrong with it. */
export function parseTagTemplate(source: string): TagTemplate | string {
  const parts: TemplatePart[] = [];
  let last = 0;
  const literal = (text: string): string | undefined => {
    if (/[{}]/.test(text)) {
      return `"${source}" has an unmatched brace; placeholders are written {{name}}`;
    }
    if (!TAG_CHARS.test(text)) {
      return `"${source}" contains "${text.replace(/[A-Za-z0-9_.-]/g, "")[0]}", which a tag cannot hold; tags use letters, digits, _, . and -`;
    }
    if (text) parts.push({ literal: text });
    return undefined;
  };
  for (const match of source.matchAll(PLACEHOLDER)) {
    const problem = literal(source.slice(last, match.index));
    if (problem) return problem;
    const name = match[1] ?? "";
    if (!isVariable(name)) {
      return `"${source}" uses the unknown placeholder {{${name}}}; known ones are ${TAG_VARIABLES.map((v) => `{{${v}}}`).join(", ")}`;
    }
    parts.push({ variable: name });
    last = match.index + match[0].length;
  }
  const problem = literal(source.slice(last));
  if (problem) return problem;
  if (parts.length === 0) return `a tag template is empty`;
  const first = parts[0]!;
  if ("literal" in first && !/^[A-Za-z0-9_]/.test(first.literal)) {
    return `"${source}" starts with "${first.literal[0]}"; a tag must start with a letter, digit or _`;
  }
  return { source, parts };
}

export type RenderedTag = { tag: string } | { missing: TagVariable[] };

export function renderTag(template: TagTemplate, values: TagValues): RenderedTag {
  const missing = template.parts.flatMap((part) =>
    "variable" in part && !values[part.variable] ? [part.variable] : [],
  );
  if (missing.length > 0) return { missing };
  const tag = template.parts
    .map((part) => ("literal" in part ? part.literal : values[part.variable]))
    .join("");
  return { tag };
}

/** Whether a rendered tag is one a registry accepts (length and first character). */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** A branch name as a tag: `feature/Login` → `feature-Login`, at most 128 characters. */
export function sanitiseForTag(text: string): string | undefined {
  const cleaned = text
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/^[.-]+/, "")
    .slice(0, 128)
    .replace(/[.-]+$/, "");
  return cleaned || undefined;
}
