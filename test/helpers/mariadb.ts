/**
 * A throwaway MariaDB server for tests: mariadb-install-db into a temp dir, listening on
 * 127.0.0.1 at a free port with its socket in the same dir, a password-protected user,
 * stopped and removed by `stop()`.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports.js";

export interface MariaDbServer {
  port: number;
  user: string;
  password: string;
  url(database?: string): string;
  /** Runs SQL with the mariadb client (as the OS user, over the socket) and returns tab-separated rows. */
  sql(query: string, database?: string): string;
  stop(): Promise<void>;
}

const INSTALL = "apt-get install -y mariadb-server";

function requireBinary(name: string): string {
  for (const dir of ["/usr/sbin", "/usr/bin"]) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`MariaDB is not installed (${name} not found); run: ${INSTALL}`);
}

export async function startMariaDb(options: { password?: string } = {}): Promise<MariaDbServer> {
  const daemon = requireBinary("mariadbd");
  const installDb = requireBinary("mariadb-install-db");
  const client = requireBinary("mariadb");
  const dir = mkdtempSync(join(tmpdir(), "greenlight-mariadb-"));
  const data = join(dir, "data");
  const socket = join(dir, "mariadb.sock");
  const asRoot = process.getuid?.() === 0;
  const userFlag = asRoot ? ["--user=root"] : [];
  // mariadb-install-db makes root and the installing OS user administrators, both
  // authenticated by the socket's peer credentials.
  const osUser = userInfo().username;
  const install = spawnSync(
    installDb,
    [
      `--datadir=${data}`,
      "--auth-root-authentication-method=socket",
      "--skip-test-db",
      ...userFlag,
    ],
    { encoding: "utf8" },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  const port = await freePort();
  const server = spawn(
    daemon,
    [
      "--no-defaults",
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--pid-file=${join(dir, "mariadb.pid")}`,
      "--bind-address=127.0.0.1",
      `--port=${port}`,
      "--skip-log-bin",
      "--innodb-flush-log-at-trx-commit=0",
      "--innodb-buffer-pool-size=64M",
      ...userFlag,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  server.stderr.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const rootSql = (query: string, database?: string) => {
    const result = spawnSync(
      client,
      [
        "--no-defaults",
        `--socket=${socket}`,
        "-u",
        osUser,
        "-N",
        "-B",
        ...(database ? [database] : []),
      ],
      { input: query, encoding: "utf8", maxBuffer: 64 << 20 },
    );
    if (result.status !== 0) throw new Error(`mariadb client failed: ${result.stderr}`);
    return result.stdout.trim();
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ping = spawnSync(client, [
      "--no-defaults",
      `--socket=${socket}`,
      "-u",
      osUser,
      "-e",
      "SELECT 1",
    ]);
    if (ping.status === 0) break;
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill("SIGKILL");
      throw new Error(`MariaDB did not start on port ${port}: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const user = "greenlight";
  const password = options.password ?? `pw-${Math.random().toString(36).slice(2)}-x`;
  const quoted = password.replace(/\\/g, "\\\\").replace(/'/g, "\\'");
  rootSql(
    `CREATE USER '${user}'@'%' IDENTIFIED BY '${quoted}'; GRANT ALL PRIVILEGES ON *.* TO '${user}'@'%'; FLUSH PRIVILEGES;`,
  );
  return {
    port,
    user,
    password,
    url: (database = "") =>
      `mysql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    sql: rootSql,
    async stop() {
      server.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row count and CHECKSUM TABLE of every table in `database`, by table. */
export function mariaDbTableDigests(
  server: MariaDbServer,
  database: string,
): Record<string, string> {
  const tables = server
    .sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${database}' ORDER BY 1;`,
    )
    .split("\n")
    .filter(Boolean);
  const digests: Record<string, string> = {};
  for (const table of tables) {
    const count = server.sql(`SELECT COUNT(*) FROM \`${table}\`;`, database);
    const checksum = server.sql(`CHECKSUM TABLE \`${table}\` EXTENDED;`, database).split("\t")[1];
    digests[table] = `${count}:${checksum}`;
  }
  return digests;
}
