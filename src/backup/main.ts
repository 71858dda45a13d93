/**
 * backup's logic: the backup pipeline of the backup engine (dump → compress → encrypt →
 * upload, verify, manifest, retention). It lives in src/backup-engine because migrate and
 * rollback take the same backups before a release changes the database or the traffic.
 */
export { backup } from "../backup-engine/take-backup.js";
export type {
  BackupDeps,
  BackupParams,
  BackupResult,
  RetentionOutcome,
} from "../backup-engine/take-backup.js";
