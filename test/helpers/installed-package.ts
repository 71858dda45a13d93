/**
 * Greenlight as a user gets it: `npm pack` of this project, installed from the tarball into
 * an empty directory outside the repository, with no registry access (`--offline`, so an
 * unexpected runtime dependency fails the install instead of being fetched).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { packageRoot } from "../../src/core/package-root.js";
import { tempDir } from "./run-context.js";

export interface PackedFile {
  path: string;
}

export interface InstalledPackage {
  /** The tarball's file list, as npm reports it. */
  files: string[];
  /** The directory the package was installed into (it holds node_modules/greenlight). */
  prefix: string;
  /** node_modules/greenlight. */
  root: string;
  /** The installed `greenlight` command (node_modules/.bin/greenlight). */
  bin: string;
  /** A PATH holding Node, the system's programs and the installed command, not the repository's. */
  path: string;
}

export interface CommandResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without npm's own variables (npm sets them when it runs the tests). */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(name) && name !== "PATH") env[name] = value;
  }
  return { ...env, ...extra };
}

function npm(args: string[], cwd: string, env: Record<string, string>): string {
  return execFileSync("npm", args, { cwd, env, encoding: "utf8", maxBuffer: 1 << 26 });
}

export function packAndInstall(): InstalledPackage {
  const work = tempDir("greenlight-package-");
  const home = join(work, "home");
  mkdirSync(home);
  const systemPath = `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin`;
  // npm's cache stays where it is (an offline install of a package without dependencies
  // needs nothing from it); everything else npm reads comes from this empty HOME.
  const env = cleanEnv({ HOME: home, PATH: systemPath, npm_config_cache: join(homeOf(), ".npm") });
  const [packed] = JSON.parse(
    npm(["pack", "--json", "--pack-destination", work], packageRoot(), env),
  ) as { filename: string; files: PackedFile[] }[];
  const prefix = join(work, "user");
  mkdirSync(prefix);
  // A package.json of its own, so npm installs here and never looks further up.
  writeFileSync(join(prefix, "package.json"), '{ "name": "greenlight-user", "private": true }\n');
  npm(
    ["install", "--offline", "--no-audit", "--no-fund", join(work, packed!.filename)],
    prefix,
    env,
  );
  const bin = join(prefix, "node_modules", ".bin", "greenlight");
  return {
    files: packed!.files.map((f) => f.path).sort(),
    prefix,
    root: join(prefix, "node_modules", "greenlight"),
    bin,
    path: `${dirname(bin)}:${systemPath}`,
  };
}

function homeOf(): string {
  return process.env["HOME"] ?? "/root";
}

/**
 * Runs the installed `greenlight` in `cwd` with exactly `env` (plus the PATH above).
 * Asynchronous: the servers it talks to may run in this very process.
 */
export function greenlight(
  installed: InstalledPackage,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(installed.bin, args, {
      cwd,
      env: { HOME: cwd, ...env, PATH: installed.path },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
