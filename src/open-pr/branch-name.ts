import { createHash } from "node:crypto";

/** What kind of change a run makes: part of its identity, its branch name and its title. */
export type ChangeKind = "deploy" | "traffic" | "finalize" | "rollback" | "edit";

const MAX_BRANCH_LENGTH = 100;

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The branch for a change, derived from its identity (environment, kind, services) so that
 * a re-run, or a newer change of the same kind to the same services, lands on the same
 * branch and updates its pull request instead of opening another.
 */
export function deriveBranchName(options: {
  environment: string;
  kind: ChangeKind;
  services: string[];
  /** For generic edits, which have no services: what makes the change distinct. */
  discriminator?: string;
}): string {
  const services = [...new Set(options.services)].sort();
  let tail = services.length > 0 ? services.map(slug).join("-") : "";
  if (options.kind === "edit" || tail === "") {
    const digest = createHash("sha256")
      .update(options.discriminator ?? tail)
      .digest("hex")
      .slice(0, 10);
    tail = tail ? `${tail}-${digest}` : digest;
  }
  const name = `greenlight/${slug(options.environment)}/${options.kind}-${tail}`;
  if (name.length <= MAX_BRANCH_LENGTH) return name;
  const digest = createHash("sha256").update(name).digest("hex").slice(0, 10);
  return `${name.slice(0, MAX_BRANCH_LENGTH - 11)}-${digest}`;
}
