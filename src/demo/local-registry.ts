/**
 * A local OCI registry (Debian `docker-registry`) on 127.0.0.1 with a random port, its
 * config and storage in a directory of the caller's. The demo pushes to it when Buildah is
 * installed; the build-push tests use it as the real registry. Plain HTTP, so clients need
 * `tls-verify: false`.
 */
import { execFile, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface LocalRegistry {
  /** `127.0.0.1:<port>`: the registry part of an image reference. */
  host: string;
  stop(): Promise<void>;
}

/** Whether `command` is on PATH. */
export async function commandAvailable(command: string): Promise<boolean> {
  try {
    await run("sh", ["-c", 'command -v "$1"', "sh", command]);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}

async function answers(host: string, tls: boolean): Promise<boolean> {
  // An HTTPS registry's certificate may be one this process does not trust: a connection is
  // enough to know it listens.
  if (tls) {
    const [address, port] = host.split(":");
    return new Promise((resolve) => {
      const socket = connect(Number(port), address, () => {
        socket.end();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
  }
  try {
    const response = await fetch(`http://${host}/v2/`);
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

export interface LocalRegistryTls {
  /** PEM files of the certificate (for 127.0.0.1) and its key. */
  certFile: string;
  keyFile: string;
}

export interface LocalRegistryOptions {
  /** The registry's YAML `auth:` section (e.g. htpasswd); none for an open registry. */
  authConfig?: string;
  /** Serve HTTPS instead of plain HTTP. */
  tls?: LocalRegistryTls;
  /** Refuse every write (the registry's read-only maintenance mode). */
  readOnly?: boolean;
}

/** Starts a registry in `dir`. */
export async function startLocalRegistry(
  dir: string,
  options: LocalRegistryOptions = {},
): Promise<LocalRegistry> {
  const { authConfig = "", tls } = options;
  const tlsConfig = tls
    ? `  tls:\n    certificate: ${tls.certFile}\n    key: ${tls.keyFile}\n`
    : "";
  const readOnly = options.readOnly ? "  maintenance:\n    readonly:\n      enabled: true\n" : "";
  mkdirSync(join(dir, "data"), { recursive: true });
  // A port taken between freePort and the registry's bind is retried with another.
  for (let attempt = 0; attempt < 5; attempt++) {
    const host = `127.0.0.1:${await freePort()}`;
    const config = join(dir, "config.yml");
    writeFileSync(
      config,
      `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, "data")}\n  delete:\n    enabled: true\n${readOnly}http:\n  addr: ${host}\n${tlsConfig}${authConfig}`,
    );
    const child = spawn("docker-registry", ["serve", config], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    let exitedEarly = false;
    void exited.then(() => (exitedEarly = true));
    const deadline = Date.now() + 10_000;
    while (!exitedEarly && Date.now() < deadline && !(await answers(host, tls !== undefined))) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (!exitedEarly && (await answers(host, tls !== undefined))) {
      return {
        host,
        stop: async () => {
          child.kill("SIGTERM");
          await exited;
        },
      };
    }
    child.kill("SIGKILL");
    await exited;
    if (!/address already in use/i.test(stderr))
      throw new Error(`docker-registry did not start: ${stderr.trim()}`);
  }
  throw new Error("docker-registry found no free port after 5 attempts");
}
