/**
 * A real OCI registry (Debian `docker-registry`) on 127.0.0.1 with a random port and a
 * temporary config and storage, plus the Buildah settings that let the tests build as root
 * inside a container: the vfs storage driver (no overlay mounts needed), chroot isolation
 * (no user namespaces needed) and storage in a temporary directory, so tests never share
 * or pollute the machine's image store. The registry speaks plain HTTP, hence
 * `tls-verify: false` for Buildah and `--tls-verify=false` for skopeo.
 */
import { execFile, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TestRegistry {
  /** `127.0.0.1:<port>`: the registry part of an image reference. */
  host: string;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** Require Basic authentication with this user (htpasswd, bcrypt). */
  user?: { username: string; password: string };
}

const INSTALL: Record<string, string> = {
  "docker-registry": "apt-get install -y docker-registry",
  buildah: "apt-get install -y buildah",
  skopeo: "apt-get install -y skopeo",
  htpasswd: "apt-get install -y apache2-utils",
};

/** Fails with the install command when a program the test needs is missing. */
export async function requireCommand(command: string): Promise<void> {
  try {
    await run("sh", ["-c", `command -v ${command}`]);
  } catch {
    throw new Error(
      `${command} is not installed; install it with: ${INSTALL[command] ?? `apt-get install -y ${command}`}`,
    );
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

async function answers(host: string): Promise<boolean> {
  try {
    const response = await fetch(`http://${host}/v2/`);
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

async function htpasswdLine(username: string, password: string): Promise<string> {
  await requireCommand("htpasswd");
  const { stdout } = await run("htpasswd", ["-Bbn", username, password]);
  return stdout.trim();
}

/** Starts a registry in `dir` (config, storage and log live there). */
export async function startRegistry(
  dir: string,
  options: RegistryOptions = {},
): Promise<TestRegistry> {
  await requireCommand("docker-registry");
  mkdirSync(join(dir, "data"), { recursive: true });
  let auth = "";
  if (options.user) {
    writeFileSync(
      join(dir, "htpasswd"),
      `${await htpasswdLine(options.user.username, options.user.password)}\n`,
    );
    auth = `auth:\n  htpasswd:\n    realm: greenlight-test\n    path: ${join(dir, "htpasswd")}\n`;
  }
  // A port taken between freePort and the registry's bind is retried with another.
  for (let attempt = 0; attempt < 5; attempt++) {
    const host = `127.0.0.1:${await freePort()}`;
    const config = join(dir, "config.yml");
    writeFileSync(
      config,
      `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, "data")}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n${auth}`,
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
    while (!exitedEarly && Date.now() < deadline && !(await answers(host))) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (!exitedEarly && (await answers(host))) {
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

/**
 * build-push inputs that run Buildah as root in a container, with storage in `dir`, against
 * a plain-HTTP registry.
 */
export function buildahInputs(storageRoot: string): Record<string, string> {
  return {
    engine: "buildah",
    "storage-driver": "vfs",
    "storage-root": storageRoot,
    isolation: "chroot",
    "tls-verify": "false",
  };
}

/**
 * A project whose Dockerfile has one stage per service, each FROM scratch with one COPY:
 * no base image to pull, no RUN step to emulate, so any platform builds in a second.
 */
export function writeScratchProject(
  dir: string,
  services: readonly string[] = ["api", "worker"],
): void {
  const stages = services.map((name) => `FROM scratch AS ${name}\nCOPY ${name}.txt /${name}.txt\n`);
  writeFileSync(join(dir, "Dockerfile"), `# syntax=docker/dockerfile:1\n${stages.join("\n")}`);
  for (const name of services) writeFileSync(join(dir, `${name}.txt`), `${name}\n`);
}

/** A file of `bytes` random bytes in the project (random so compression cannot shrink it). */
export function writeRandomFile(path: string, bytes: number): void {
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4)
    buffer.writeUInt32LE((Math.random() * 0x1_0000_0000) >>> 0, Math.min(i, bytes - 4));
  writeFileSync(path, buffer);
}

/** `skopeo inspect --raw`: the manifest (list) the registry serves, and its digest. */
export async function skopeoRaw(
  reference: string,
  authFile?: string,
): Promise<{ json: Record<string, unknown>; digest: string }> {
  await requireCommand("skopeo");
  const auth = authFile ? ["--authfile", authFile] : [];
  const raw = await run("skopeo", [
    "inspect",
    "--tls-verify=false",
    ...auth,
    "--raw",
    `docker://${reference}`,
  ]);
  const { createHash } = await import("node:crypto");
  return {
    json: JSON.parse(raw.stdout) as Record<string, unknown>,
    digest: `sha256:${createHash("sha256").update(raw.stdout).digest("hex")}`,
  };
}

/** `skopeo inspect`: the digest the registry resolves a reference to. */
export async function skopeoDigest(reference: string, authFile?: string): Promise<string> {
  await requireCommand("skopeo");
  const auth = authFile ? ["--authfile", authFile] : [];
  const { stdout } = await run("skopeo", [
    "inspect",
    "--tls-verify=false",
    ...auth,
    "--format",
    "{{.Digest}}",
    `docker://${reference}`,
  ]);
  return stdout.trim();
}

/** An auth.json (the file `buildah login` writes) holding Basic credentials for `host`. */
export function writeAuthFile(
  path: string,
  host: string,
  username: string,
  password: string,
): void {
  writeFileSync(
    path,
    JSON.stringify({
      auths: { [host]: { auth: Buffer.from(`${username}:${password}`).toString("base64") } },
    }),
    {
      mode: 0o600,
    },
  );
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
