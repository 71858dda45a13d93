/**
 * A real OCI registry (Debian `docker-registry`) on 127.0.0.1 with a random port and a
 * temporary config and storage, plus the Buildah settings that let the tests build as root
 * inside a container: the vfs storage driver (no overlay mounts needed), chroot isolation
 * (no user namespaces needed) and storage in a temporary directory, so tests never share
 * or pollute the machine's image store. The registry speaks plain HTTP, hence
 * `tls-verify: false` for Buildah and `--tls-verify=false` for skopeo.
 */
import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { startLocalRegistry } from "../../src/demo/local-registry.js";

const run = promisify(execFile);

export interface TestRegistry {
  /** `127.0.0.1:<port>`: the registry part of an image reference. */
  host: string;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** Require Basic authentication with this user (htpasswd, bcrypt). */
  user?: { username: string; password: string };
  /** Serve HTTPS with this certificate (for 127.0.0.1) instead of plain HTTP. */
  tls?: { certFile: string; keyFile: string };
  /** Refuse every push (read-only maintenance mode). */
  readOnly?: boolean;
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
  mkdirSync(dir, { recursive: true });
  let auth = "";
  if (options.user) {
    writeFileSync(
      join(dir, "htpasswd"),
      `${await htpasswdLine(options.user.username, options.user.password)}\n`,
    );
    auth = `auth:\n  htpasswd:\n    realm: greenlight-test\n    path: ${join(dir, "htpasswd")}\n`;
  }
  return startLocalRegistry(dir, {
    authConfig: auth,
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.readOnly ? { readOnly: true } : {}),
  });
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

/**
 * Pushes `<host>/<repository>:1`, a base image with a shell and nothing else: the host's
 * dash and the C library it needs, so Dockerfiles can have RUN steps without a base image
 * from the internet. It plays the part of the public base image every CI build pulls.
 */
export async function pushShellBaseImage(
  host: string,
  workDir: string,
  repository = "base/shell",
): Promise<string> {
  await requireCommand("buildah");
  const rootfs = join(workDir, "rootfs");
  const { stdout } = await run("ldd", ["/bin/sh"]);
  const libraries = [...stdout.matchAll(/(\/\S+\.so[.\d]*)/g)].map((m) => m[1]!);
  for (const dir of ["bin", "out", "tmp", "src"]) mkdirSync(join(rootfs, dir), { recursive: true });
  copyFileSync(realpathSync("/bin/sh"), join(rootfs, "bin", "sh"));
  for (const library of new Set(libraries)) {
    mkdirSync(join(rootfs, dirname(library)), { recursive: true });
    copyFileSync(realpathSync(library), join(rootfs, library));
  }
  chmodSync(join(rootfs, "bin", "sh"), 0o755);
  writeFileSync(join(workDir, "Dockerfile"), "FROM scratch\nCOPY rootfs/ /\n");
  const image = `${host}/${repository}:1`;
  const global = [
    "--storage-driver",
    "vfs",
    "--root",
    join(workDir, "storage"),
    "--runroot",
    join(workDir, "run"),
  ];
  await run("buildah", [...global, "build", "--isolation", "chroot", "-t", image, workDir]);
  await run("buildah", [...global, "push", "--tls-verify=false", image]);
  rmSync(join(workDir, "storage"), { recursive: true, force: true });
  return image;
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
