// Everything the test suite needs on a fresh machine, installed in one command
// (`npm run setup`, the first half of the README's test command; .ci/run runs it too):
// the Debian packages of the real components the tests start on loopback (as root, or
// through sudo when it needs no password), a git identity for the repositories the tests
// create, and the npm dependencies exactly as package-lock.json pins them. Uses nothing
// but Node itself, since on a fresh clone node_modules does not exist yet.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;

/** Debian packages of the components tests start: registry, Buildah, Prometheus, databases… */
const DEBIAN_PACKAGES = [
  "git",
  "openssl",
  "ca-certificates",
  "wrk",
  "buildah",
  "docker-registry",
  "skopeo",
  "apache2-utils",
  "postgresql",
  "mariadb-server",
  "prometheus",
];

/**
 * Commands whose Debian package is needed only when no other install provides them: a machine
 * may already have kubectl from Kubernetes' own repository, whose package conflicts with
 * Debian's kubernetes-client.
 */
const COMMAND_PACKAGES = [{ command: "kubectl", pkg: "kubernetes-client" }];

function succeeds(command, args) {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

function run(command, args) {
  console.log(`$ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    console.error(`setup: ${command} ${args[0]} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function onPath(command) {
  return (process.env.PATH ?? "").split(":").some((dir) => dir && existsSync(join(dir, command)));
}

function missingDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((pkg) => {
    const status = spawnSync("dpkg-query", ["-W", "-f=${Status}", pkg], { encoding: "utf8" });
    return !status.stdout?.includes("install ok installed");
  });
  for (const { command, pkg } of COMMAND_PACKAGES) {
    if (!onPath(command)) missing.push(pkg);
  }
  return missing;
}

function installDebianPackages() {
  if (!succeeds("dpkg-query", ["--version"])) {
    console.log(
      `setup: not a Debian system; install these (or your system's equivalents) yourself: ${DEBIAN_PACKAGES.join(" ")}`,
    );
    return;
  }
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && succeeds("sudo", ["-n", "true"]);
  if (!asRoot && !sudo) {
    // The tests that need them fail and name this same command.
    console.log(
      `setup: missing Debian packages, and neither root nor password-less sudo to install them; run:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(" ")}`,
    );
    return;
  }
  // sudo resets the environment: pass the non-interactive front end through it.
  const apt = (...args) =>
    sudo
      ? run("sudo", ["-n", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", ...args])
      : run("apt-get", args);
  apt("update", "-qq");
  apt("install", "-y", "-qq", ...missing);
}

function ensureGitIdentity() {
  for (const [key, value] of [
    ["user.name", "Greenlight CI"],
    ["user.email", "ci@greenlight.invalid"],
  ]) {
    if (!succeeds("git", ["config", "--global", key]))
      execFileSync("git", ["config", "--global", key, value]);
  }
}

/**
 * Whether node_modules already holds exactly what package-lock.json pins, judged by npm's
 * own record of the install (node_modules/.package-lock.json); `npm ci` would otherwise
 * delete and reinstall everything on every run.
 */
function dependenciesInstalled() {
  const hidden = join(root, "node_modules", ".package-lock.json");
  if (!existsSync(hidden)) return false;
  const wanted = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")).packages;
  const have = JSON.parse(readFileSync(hidden, "utf8")).packages;
  for (const [path, entry] of Object.entries(wanted)) {
    if (!path.startsWith("node_modules/")) continue;
    const installed = have[path];
    if (!installed) {
      if (entry.optional || entry.devOptional) continue; // skipped on this platform
      return false;
    }
    if (installed.version !== entry.version) return false;
  }
  return true;
}

installDebianPackages();
ensureGitIdentity();
if (dependenciesInstalled()) console.log("setup: npm dependencies are installed.");
else run("npm", ["ci", "--no-audit", "--no-fund"]);
