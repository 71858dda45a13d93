/**
 * What the commit being built is: SHA, branch, semver release tag and source URL. Taken
 * from the CI system's variables when they are there (GitHub Actions, GitLab CI, Jenkins…),
 * from the git repository in the workspace otherwise (the CLI on a laptop), so every runner
 * tags images the same way.
 */
import { readCiFacts } from "../core/ci-facts.js";
import type { Exec } from "./exec.js";

export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease?: string;
}

export interface GitFacts {
  sha?: string;
  branch?: string;
  version?: SemVer;
  /** The repository's web URL, for the org.opencontainers.image.source label. */
  source?: string;
}

const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseSemVer(text: string): SemVer | undefined {
  const match = SEMVER.exec(text.trim());
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    ...(match[4] ? { prerelease: match[4] } : {}),
  };
}

export function formatSemVer(version: SemVer): string {
  const core = `${version.major}.${version.minor}.${version.patch}`;
  return version.prerelease ? `${core}-${version.prerelease}` : core;
}

/** Orders releases; a prerelease comes before its release (1.0.0-rc.1 < 1.0.0). */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const order = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (order !== 0) return order;
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  return a.prerelease.localeCompare(b.prerelease, "en", { numeric: true });
}

/** A clone URL as a web URL, with any credentials in it removed. */
export function webUrlOfRemote(remote: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?\/?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    if (!/^(https?|ssh|git):$/.test(url.protocol)) return undefined;
    return `https://${url.hostname}${url.pathname.replace(/\.git\/?$/, "").replace(/\/$/, "")}`;
  } catch {
    return undefined;
  }
}

async function git(exec: Exec, cwd: string, args: string[]): Promise<string | undefined> {
  try {
    const result = await exec("git", ["-C", cwd, ...args]);
    const out = result.stdout.trim();
    return result.exitCode === 0 && out ? out : undefined;
  } catch {
    return undefined; // no git at all: the facts are simply unknown
  }
}

function highestRelease(tags: string): SemVer | undefined {
  const versions = tags
    .split(/\r?\n/)
    .map(parseSemVer)
    .filter((v): v is SemVer => v !== undefined);
  return versions.sort(compareSemVer).pop();
}

export async function readGitFacts(
  env: Record<string, string | undefined>,
  cwd: string,
  exec: Exec,
): Promise<GitFacts> {
  const ci = readCiFacts(env);
  // In CI the checkout is often a detached HEAD: only the CI's own variables name the branch.
  const inCi = Boolean(ci.commit);
  const sha = ci.commit || (await git(exec, cwd, ["rev-parse", "HEAD"]));
  const branch =
    ci.branch ||
    (inCi ? undefined : await git(exec, cwd, ["symbolic-ref", "--short", "-q", "HEAD"]));
  const version = ci.tag
    ? parseSemVer(ci.tag)
    : inCi
      ? undefined
      : highestRelease((await git(exec, cwd, ["tag", "--points-at", "HEAD"])) ?? "");
  const remote = ci.repositoryUrl
    ? undefined
    : await git(exec, cwd, ["remote", "get-url", "origin"]);
  const source = ci.repositoryUrl
    ? webUrlOfRemote(ci.repositoryUrl)
    : remote
      ? webUrlOfRemote(remote)
      : undefined;
  return {
    ...(sha ? { sha } : {}),
    ...(branch ? { branch } : {}),
    ...(version ? { version } : {}),
    ...(source ? { source } : {}),
  };
}
