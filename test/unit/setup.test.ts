/**
 * `npm run setup`, the first half of the README's test command, on a machine that lacks a
 * Debian package: it installs the missing ones with apt-get (as root here), sets a git
 * identity when there is none, and installs the npm dependencies. The system's programs
 * are replaced by recorders on PATH, so nothing is installed for real; run as another user,
 * it goes through (recorded, password-less) sudo.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/core/package-root.js";
import { tempDir } from "../helpers/run-context.js";

function recorder(dir: string, name: string, script: string) {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> "${join(dir, "calls")}"\n${script}\n`);
  chmodSync(path, 0o755);
}

describe("npm run setup", () => {
  it("installs only the missing Debian packages, a git identity and the npm dependencies", () => {
    const bin = tempDir();
    // Every package is installed except wrk and prometheus.
    recorder(
      bin,
      "dpkg-query",
      'case "$*" in *--version*) exit 0 ;; *" wrk"|*" prometheus") exit 1 ;; *) printf "install ok installed" ;; esac',
    );
    recorder(bin, "apt-get", "exit 0");
    // kubectl is there already (from another repository), so kubernetes-client is not needed.
    recorder(bin, "kubectl", "exit 0");
    recorder(bin, "git", 'case "$*" in "config --global user."*" "*) exit 0 ;; *) exit 1 ;; esac');
    recorder(bin, "npm", "exit 0");
    recorder(bin, "sudo", 'shift; [ "$1" = true ] && exit 0; shift 2; exec "$@"');
    const result = spawnSync(process.execPath, [join(packageRoot(), "scripts/setup.mjs")], {
      env: { PATH: `${bin}:${dirname(process.execPath)}`, HOME: bin },
      encoding: "utf8",
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const calls = readFileSync(join(bin, "calls"), "utf8").trim().split("\n");
    const sudo = process.getuid?.() === 0 ? [] : ["sudo -n true"];
    expect(calls.filter((call) => !/^(dpkg-query|sudo -n env)/.test(call))).toEqual([
      ...sudo,
      "apt-get update -qq",
      "apt-get install -y -qq wrk prometheus",
      "git config --global user.name",
      "git config --global user.name Greenlight CI",
      "git config --global user.email",
      "git config --global user.email ci@greenlight.invalid",
      ...(calls.includes("npm ci --no-audit --no-fund") ? ["npm ci --no-audit --no-fund"] : []),
    ]);
    // npm ci runs unless node_modules already holds what package-lock.json pins.
    expect(calls.includes("npm ci --no-audit --no-fund")).toBe(
      !result.stdout.includes("setup: npm dependencies are installed."),
    );
  });

  it("installs kubernetes-client only when no kubectl is on PATH", () => {
    const bin = tempDir();
    recorder(
      bin,
      "dpkg-query",
      'case "$*" in *--version*) exit 0 ;; *) printf "install ok installed" ;; esac',
    );
    recorder(bin, "apt-get", "exit 0");
    recorder(bin, "git", "exit 0");
    recorder(bin, "npm", "exit 0");
    const result = spawnSync(process.execPath, [join(packageRoot(), "scripts/setup.mjs")], {
      env: { PATH: `${bin}:${dirname(process.execPath)}`, HOME: bin },
      encoding: "utf8",
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const calls = readFileSync(join(bin, "calls"), "utf8");
    // As root it installs it; as another user without sudo it prints the command to run.
    expect(calls + result.stdout).toMatch(/apt-get install -y (-qq )?kubernetes-client/);
  });
});
