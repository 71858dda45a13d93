/**
 * Which backup to restore: the latest, the latest at or before a time, the one taken
 * before a release (migrate records the release in the manifest), or one by name.
 * Only backups with a manifest exist; unverified ones are chosen only when allowed (or
 * named explicitly).
 */
import type { ListedBackup } from "../backup-engine/manifest.js";

export type BackupChoice =
  | { kind: "latest" }
  | { kind: "at"; time: Date }
  | { kind: "name"; name: string }
  | { kind: "before-release"; release: string };

export interface Selection {
  backup?: ListedBackup;
  /** Why nothing was chosen, as a sentence fragment. */
  reason?: string;
}

export function selectBackup(
  backups: readonly ListedBackup[],
  choice: BackupChoice,
  allowUnverified: boolean,
): Selection {
  if (choice.kind === "name") {
    const wanted = choice.name.replace(/\.manifest\.json$/, "");
    const found = backups.find(
      (b) => b.manifest.name === wanted || b.key === wanted || b.key.endsWith(`/${wanted}`),
    );
    return found ? { backup: found } : { reason: `no backup named ${wanted}` };
  }
  const eligible = backups.filter((b) => allowUnverified || b.manifest.verification.verified);
  const candidates =
    choice.kind === "at"
      ? eligible.filter((b) => b.time.getTime() <= choice.time.getTime())
      : choice.kind === "before-release"
        ? eligible.filter((b) => b.manifest.release?.version === choice.release)
        : eligible;
  // Before a release, the first backup is the one from before any attempt to migrate it (a
  // retry after a failed migration backs up the half-migrated state again).
  const backup =
    choice.kind === "before-release" ? candidates[0] : candidates[candidates.length - 1];
  if (backup) return { backup };
  const what = allowUnverified ? "backup" : "verified backup";
  return {
    reason:
      choice.kind === "at"
        ? `no ${what} started at or before ${choice.time.toISOString()}`
        : choice.kind === "before-release"
          ? `no ${what} was taken before release ${choice.release}`
          : `no ${what} exists${!allowUnverified && backups.length > 0 ? ` (${backups.length} unverified; set allow-unverified to consider them)` : ""}`,
  };
}
