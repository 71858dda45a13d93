/**
 * Pull request titles, bodies and commit messages, generated from the change so a reviewer
 * sees at a glance what moves where, and overridable with templates.
 */
import type { Change } from "../release-file/assignments.js";
import { normalisePath } from "../release-file/json-path.js";
import type { ServiceLayout } from "../release-file/service-layout.js";
import { fieldPaths } from "../release-file/service-layout.js";
import { SERVICE_FIELDS } from "../config/schema.js";
import type { CiFacts } from "../core/ci-facts.js";
import { readCiFacts } from "../core/ci-facts.js";
import { inlineCode, renderMarkdown } from "../core/summary.js";
import type { ChangeKind } from "./branch-name.js";

/** Where the change comes from: the application repository's CI facts. */
export type SourceInfo = CiFacts;

export interface ContentContext {
  environment: string;
  kind: ChangeKind;
  services: string[];
  changes: Change[];
  layouts: ServiceLayout[];
  source: SourceInfo;
  branch: string;
}

/** Source facts from the CI system's variables (GitHub Actions, GitLab CI, Jenkins…). */
export function sourceFromEnv(env: Record<string, string | undefined>): SourceInfo {
  return readCiFacts(env);
}

/** A title names up to four services; more are counted, so the title stays readable. */
function serviceList(services: string[]): string {
  if (services.length <= 4) return services.join(", ");
  return `${services.slice(0, 3).join(", ")} and ${services.length - 3} more services`;
}

/**
 * The services a change touches, in the order they appear: on a branch several runs share,
 * this names every service the pull request changes, not only the last run's.
 */
export function changedServices(changes: Change[], layouts: ServiceLayout[]): string[] {
  const services: string[] = [];
  for (const change of changes) {
    const owner = ownerOf(change.path, layouts);
    if (owner && !services.includes(owner.service)) services.push(owner.service);
  }
  return services;
}

export function defaultTitle(context: ContentContext): string {
  const services = serviceList(context.services);
  const env = context.environment;
  switch (context.kind) {
    case "deploy":
      return `Deploy ${services} to ${env}`;
    case "traffic": {
      const weights = context.changes
        .map((c) => ({ c, owner: ownerOf(c.path, context.layouts) }))
        .filter(({ owner }) => owner?.field === "green-weight")
        .map(({ c, owner }) => `${owner!.service} ${String(c.new)}%`);
      return `Shift traffic to green in ${env}: ${weights.join(", ") || services}`;
    }
    case "finalize":
      return `Finalize ${services} in ${env}`;
    case "rollback":
      return `Roll back ${services} in ${env}`;
    case "edit":
      return `Update ${[...new Set(context.changes.map((c) => c.file))].join(", ") || "release files"} in ${env}`;
  }
}

function ownerOf(
  path: string,
  layouts: ServiceLayout[],
): { service: string; field: string } | undefined {
  const wanted = normalisePath(path);
  for (const layout of layouts) {
    for (const field of SERVICE_FIELDS) {
      // A split image (repository + tag/digest) is one field kept in several places.
      for (const fieldPath of fieldPaths(layout, field)) {
        if (normalisePath(fieldPath) === wanted) return { service: layout.name, field };
      }
    }
  }
  return undefined;
}

function show(value: unknown): string {
  return value === undefined
    ? "(absent)"
    : inlineCode(typeof value === "string" ? value : JSON.stringify(value));
}

export function changesTable(changes: Change[], layouts: ServiceLayout[]): string {
  return renderMarkdown([
    {
      kind: "table",
      header: ["Service", "Field", "Old", "New"],
      rows: changes.map((c) => {
        const owner = ownerOf(c.path, layouts);
        return [
          owner?.service ?? "—",
          owner ? owner.field : `${inlineCode(c.file)} ${inlineCode(c.path)}`,
          show(c.old),
          show(c.new),
        ];
      }),
    },
  ]).trim();
}

function commitText(source: SourceInfo): string | undefined {
  if (!source.commit) return undefined;
  const name = `${source.repository ? `${source.repository}@` : ""}${source.commit.slice(0, 7)}`;
  return source.commitUrl ? `commit [${name}](${source.commitUrl})` : `commit ${name}`;
}

function sourceLine(source: SourceInfo): string {
  const parts: string[] = [];
  const commit = commitText(source);
  if (commit) parts.push(source.branch ? `${commit} on branch ${source.branch}` : commit);
  else if (source.branch) parts.push(`branch ${source.branch}`);
  if (source.runUrl) parts.push(`${source.runName ?? "run"} ${source.runUrl}`);
  // Only a GitHub login is @-mentioned: another system's user name could be someone else's here.
  if (source.actor) parts.push(`started by ${source.github ? "@" : ""}${source.actor}`);
  return parts.length > 0 ? `Source: ${parts.join(", ")}.` : "";
}

export function defaultBody(context: ContentContext): string {
  return [
    `**Environment:** ${context.environment}`,
    "",
    changesTable(context.changes, context.layouts),
    "",
    sourceLine(context.source),
    "",
    `<sub>Opened by Greenlight on branch \`${context.branch}\`. Re-running the same change updates this pull request.</sub>`,
  ]
    .filter((line, i, all) => !(line === "" && all[i - 1] === ""))
    .join("\n")
    .trim();
}

/** Fills `{{name}}` placeholders; an unknown placeholder is left as it is, visibly. */
export function renderTemplate(template: string, context: ContentContext): string {
  const values: Record<string, string> = {
    environment: context.environment,
    kind: context.kind,
    services: context.services.join(", "),
    branch: context.branch,
    changes: changesTable(context.changes, context.layouts),
    source: sourceLine(context.source),
    sha: context.source.commit ?? "",
    "run-url": context.source.runUrl ?? "",
    title: defaultTitle(context),
  };
  return template.replace(
    /\{\{\s*([a-z-]+)\s*\}\}/g,
    (whole, name: string) => values[name] ?? whole,
  );
}

export function commitMessage(
  context: ContentContext,
  title: string,
): { headline: string; body: string } {
  const lines = context.changes.map((c) => {
    const owner = ownerOf(c.path, context.layouts);
    const what = owner ? `${owner.service} ${owner.field}` : `${c.file} ${c.path}`;
    return `- ${what}: ${JSON.stringify(c.old)} -> ${JSON.stringify(c.new)}`;
  });
  const source = sourceLine(context.source).replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
  return { headline: title, body: [...lines, "", source].join("\n").trim() };
}
