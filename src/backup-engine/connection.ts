/**
 * Database connection URLs, taken apart so each field can reach the tools the way they
 * accept it without a credential on the command line.
 */
import { ConfigurationError } from "../core/errors.js";

export type DatabaseKind = "postgres" | "mysql" | "mongodb";

export interface DatabaseConnection {
  kind: DatabaseKind;
  /** The URL as given (a secret). */
  url: string;
  host: string;
  port?: number;
  user?: string;
  password?: string;
  database: string;
  /** Query parameters, e.g. sslmode=require. */
  params: Record<string, string>;
}

const SCHEMES: Record<string, DatabaseKind> = {
  "postgres:": "postgres",
  "postgresql:": "postgres",
  "mysql:": "mysql",
  "mariadb:": "mysql",
  "mongodb:": "mongodb",
  "mongodb+srv:": "mongodb",
};

/** The database kind a URL names by its scheme, if any. */
export function kindOfUrl(url: string): DatabaseKind | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme ? SCHEMES[scheme] : undefined;
}

/**
 * Parses a database URL. `input` names the input it came from, for the error message;
 * the message never repeats the URL, which holds a password.
 */
export function parseDatabaseUrl(url: string, input: string): DatabaseConnection {
  const kind = kindOfUrl(url);
  if (!kind) {
    throw new ConfigurationError(
      `Input "${input}" must be a database URL starting with postgresql://, mysql://, mariadb:// or mongodb://.`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new ConfigurationError(
      `Input "${input}" is not a valid URL; write it like postgresql://user:password@host:5432/database (percent-encode special characters in the password).`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  const params: Record<string, string> = {};
  parsed.searchParams.forEach((value, name) => {
    params[name] = value;
  });
  return {
    kind,
    url: url.trim(),
    host: parsed.hostname.replace(/^\[|\]$/g, "") || "localhost",
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    ...(parsed.username ? { user: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    database,
    params,
  };
}

/** The same server, another database (scratch databases, maintenance connections). */
export function withDatabase(connection: DatabaseConnection, database: string): DatabaseConnection {
  const url = new URL(connection.url);
  url.pathname = `/${encodeURIComponent(database)}`;
  return { ...connection, url: url.toString(), database };
}

/** libpq's environment for a connection: PGPASSWORD keeps the password off argv. */
export function postgresEnv(connection: DatabaseConnection): Record<string, string> {
  const env: Record<string, string> = {
    PGHOST: connection.host,
    PGDATABASE: connection.database || "postgres",
    // A dump must not depend on the runner's locale or a stray PGOPTIONS.
    PGCONNECT_TIMEOUT: "20",
  };
  if (connection.port) env.PGPORT = String(connection.port);
  if (connection.user) env.PGUSER = connection.user;
  if (connection.password) env.PGPASSWORD = connection.password;
  const sslmode = connection.params.sslmode;
  if (sslmode) env.PGSSLMODE = sslmode;
  const appName = connection.params.application_name;
  env.PGAPPNAME = appName ?? "greenlight-backup";
  return env;
}

/** Connection arguments for the MariaDB/MySQL clients; the password travels in MYSQL_PWD. */
export function mysqlArgs(connection: DatabaseConnection): {
  args: string[];
  env: Record<string, string>;
} {
  const args = ["-h", connection.host, "--protocol=TCP"];
  if (connection.port) args.push("-P", String(connection.port));
  if (connection.user) args.push("-u", connection.user);
  if (connection.params.ssl === "true" || connection.params["ssl-mode"] === "REQUIRED")
    args.push("--ssl");
  return { args, env: connection.password ? { MYSQL_PWD: connection.password } : {} };
}
