/**
 * The migration lock: a PostgreSQL advisory lock or a MariaDB/MySQL GET_LOCK, held by a
 * session of its own for the whole step (backup and migration), so two runs never migrate
 * one database at once. The server frees it when the session ends, so a run that dies
 * never leaves it behind. A second run polls for it until its timeout, then fails with a
 * sentence naming the holder, as far as the database can tell who that is.
 */
import { createHash } from "node:crypto";
import type { DatabaseConnection } from "../backup-engine/connection.js";
import type { ToolOptions } from "../backup-engine/process.js";
import type { Clock } from "../core/clock.js";
import { OperationFailedError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { SqlSession } from "../backup-engine/sql-session.js";

/** PostgreSQL's two-key advisory locks: this key says "Greenlight"; the second, which lock. */
const POSTGRES_CLASS_KEY = 0x474c4d47;
const POLL_MS = 1_000;

export interface LockRequest {
  connection: DatabaseConnection;
  name: string;
  timeoutMs: number;
  /** Who is asking, shown to a run that finds the lock taken (PostgreSQL only). */
  holderName: string;
}

export interface LockDeps {
  clock: Clock;
  logger: Logger;
  tools: ToolOptions;
}

export interface HeldLock {
  release(): Promise<void>;
}

/** A 31-bit key for a lock name: positive, so PostgreSQL shows it in pg_locks as given. */
export function postgresLockKey(name: string): number {
  return createHash("sha256").update(name).digest().readUInt32BE(0) & 0x7fffffff;
}

/** GET_LOCK names are server-wide and at most 64 characters: scope the name to the database. */
export function mysqlLockName(name: string, database: string): string {
  const full = `${name}:${database}`;
  if (full.length <= 64) return full;
  return `${full.slice(0, 47)}:${createHash("sha256").update(full).digest("hex").slice(0, 16)}`;
}

function sqlLiteral(value: string): string {
  return "'" + value.replace(/\\/g, "\\\\").replace(/'/g, "''") + "'";
}

interface LockDialect {
  tryLock(): Promise<boolean>;
  holder(): Promise<string | undefined>;
  unlock(): Promise<void>;
}

function postgresDialect(session: SqlSession, name: string): LockDialect {
  const key = postgresLockKey(name);
  return {
    async tryLock() {
      const [[answer] = []] = await session.query(
        `SELECT pg_try_advisory_lock(${POSTGRES_CLASS_KEY}, ${key});`,
      );
      return answer === "t";
    },
    async holder() {
      const [row] = await session.query(
        `SELECT a.application_name, a.pid, a.usename, coalesce(host(a.client_addr), 'a local socket'),
                to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
           FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ${POSTGRES_CLASS_KEY}
            AND l.objid = ${key} AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());`,
      );
      if (!row) return undefined;
      const [application, pid, user, from, since] = row;
      const who = application ? `"${application}"` : "a session";
      return `${who} (PostgreSQL pid ${pid}, user ${user}, from ${from}, connected since ${since})`;
    },
    async unlock() {
      await session.query(`SELECT pg_advisory_unlock(${POSTGRES_CLASS_KEY}, ${key});`);
    },
  };
}

function mysqlDialect(session: SqlSession, name: string): LockDialect {
  const literal = sqlLiteral(name);
  return {
    async tryLock() {
      const [[answer] = []] = await session.query(`SELECT GET_LOCK(${literal}, 0);`);
      return answer === "1";
    },
    async holder() {
      const [[id] = []] = await session.query(`SELECT IS_USED_LOCK(${literal});`);
      if (!id || id === "NULL") return undefined;
      // Without the PROCESS privilege the server shows only this user's own sessions.
      const [row] = await session.query(
        `SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = ${Number(id)};`,
      );
      if (!row) return `connection ${id}`;
      const [user, host, seconds] = row;
      return `connection ${id} (user ${user} from ${host}, connected for ${seconds} s)`;
    },
    async unlock() {
      await session.query(`SELECT RELEASE_LOCK(${literal});`);
    },
  };
}

function describeWait(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** Takes the lock, waiting up to the timeout; the returned lock must be released. */
export async function acquireMigrationLock(
  request: LockRequest,
  deps: LockDeps,
): Promise<HeldLock> {
  const { connection } = request;
  const session = SqlSession.open(connection, deps.tools, request.holderName);
  const dialect =
    connection.kind === "postgres"
      ? postgresDialect(session, request.name)
      : mysqlDialect(session, mysqlLockName(request.name, connection.database));
  try {
    const deadline = deps.clock.now().getTime() + request.timeoutMs;
    let announced = false;
    while (!(await dialect.tryLock())) {
      const holder =
        (await dialect.holder()) ?? "another session (the database does not say which)";
      const left = deadline - deps.clock.now().getTime();
      if (left <= 0) {
        throw new OperationFailedError(
          `Another migration of database "${connection.database}" holds the migration lock: ${holder}; it was not freed within ${describeWait(request.timeoutMs)}. Let that run finish (or stop it), or raise lock-timeout.`,
        );
      }
      if (!announced) {
        deps.logger.info(`Waiting for the migration lock, held by ${holder}.`);
        announced = true;
      }
      await deps.clock.sleep(Math.min(POLL_MS, left));
    }
    deps.logger.info(`Holding the migration lock on database "${connection.database}".`);
  } catch (error) {
    await session.close();
    throw error;
  }
  return {
    async release() {
      // Ending the session frees the lock anyway; unlocking first says so explicitly.
      await dialect.unlock().catch(() => undefined);
      await session.close();
    },
  };
}
