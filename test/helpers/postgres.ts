/**
 * A throwaway PostgreSQL server for tests and benchmarks: initdb into a temp dir, listening
 * on 127.0.0.1 at a free port, password authentication, stopped and removed by `stop()`.
 * PostgreSQL refuses to run as root, so under root the server runs as the `postgres` user
 * the Debian package creates.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports.js";

export interface PostgresServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** A connection URL for `database` (default `postgres`). */
  url(database?: string): string;
  /** Runs SQL with psql against `database` and returns the unaligned, tuples-only output. */
  sql(query: string, database?: string): string;
  stop(): Promise<void>;
}

const INSTALL = "apt-get install -y postgresql";

/** The newest installed PostgreSQL's bin directory, or a failure naming the install command. */
export function postgresBinDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, "bin", "postgres")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`PostgreSQL is not installed; run: ${INSTALL}`);
  return join(base, versions[0]!, "bin");
}

function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

async function waitUntilReady(bin: string, port: number, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ready = spawnSync(join(bin, "pg_isready"), ["-h", "127.0.0.1", "-p", String(port)]);
    if (ready.status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL did not start on port ${port}`);
}

export async function startPostgres(options: { password?: string } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const owner = runAsUser();
  const dir = mkdtempSync(join(tmpdir(), "greenlight-pg-"));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, "data");
  const user = "greenlight";
  const password = options.password ?? `pw-${Math.random().toString(36).slice(2)}-x`;
  const pwfile = join(dir, "pwfile");
  writeFileSync(pwfile, password + "\n", { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  const ids = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const init = spawnSync(
    join(bin, "initdb"),
    ["-D", data, "-U", user, "--pwfile", pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--no-sync"],
    { ...ids, encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const server = spawn(
    join(bin, "postgres"),
    [
      "-D",
      data,
      "-h",
      "127.0.0.1",
      "-p",
      String(port),
      "-k",
      dir,
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
    { ...ids, stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  server.stderr.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  try {
    await waitUntilReady(bin, port, Date.now() + 30_000);
  } catch (error) {
    server.kill("SIGKILL");
    throw new Error(`${(error as Error).message}: ${log}`, { cause: error });
  }
  const url = (database = "postgres") =>
    `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    host: "127.0.0.1",
    port,
    user,
    password,
    url,
    sql(query, database = "postgres") {
      const result = spawnSync(
        join(bin, "psql"),
        [
          "-X",
          "-q",
          "-A",
          "-t",
          "-v",
          "ON_ERROR_STOP=1",
          "-h",
          "127.0.0.1",
          "-p",
          String(port),
          "-U",
          user,
          "-d",
          database,
        ],
        {
          input: query,
          encoding: "utf8",
          env: { ...process.env, PGPASSWORD: password },
          maxBuffer: 64 << 20,
        },
      );
      if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
      return result.stdout.trim();
    },
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown: disconnect clients, then exit.
      server.kill("SIGINT");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A digest of every user table's contents, by table: two databases with the same digests
 * hold the same rows.
 */
export function tableDigests(server: PostgresServer, database: string): Record<string, string> {
  const tables = server
    .sql(
      "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_' ORDER BY 1;",
      database,
    )
    .split("\n")
    .filter(Boolean);
  const digests: Record<string, string> = {};
  for (const table of tables) {
    digests[table] = server.sql(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ${table} t;`,
      database,
    );
  }
  return digests;
}
