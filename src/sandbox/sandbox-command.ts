/**
 * `greenlight sandbox`: the local GitHub sandbox from a shell, so a pipeline can be tried
 * offline. It prints where it listens and what to export, then serves until Ctrl-C.
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { suggest } from "../cli/flags.js";
import type { CliIo } from "../cli/io.js";
import { ConfigurationError, errorMessage } from "../core/errors.js";
import {
  DEFAULT_TOKEN,
  startSandbox,
  type Sandbox,
  type SandboxAppOptions,
  type SandboxInstallationOptions,
} from "./index.js";
import type { RequestLogEntry } from "./request-log.js";

const DEFAULT_PORT = 8765;
const DEFAULT_HOST = "127.0.0.1";

export const SANDBOX_HELP = `greenlight sandbox — a local GitHub (REST and GraphQL) over bare git repositories

Usage: greenlight sandbox --repo <owner/name>=<path-to-bare-repo> … [options]

Options:
  --repo OWNER/NAME=PATH  serve the git repository at PATH as OWNER/NAME (repeatable;
                          create one with "git init --bare PATH" and push a branch to it)
  --port N                port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST             address to listen on (default ${DEFAULT_HOST})
  --token TOKEN           token clients authenticate with (repeatable; default "${DEFAULT_TOKEN}")
  --app ID=KEY.pem        a GitHub App (its private or public key) installed on every --repo,
                          so App authentication (app-id + private-key) works offline
  --latency MS            delay every answer by MS milliseconds, to feel a real network
  --log                   print one line per request on stderr
  --help                  show this help

It prints the environment to export so that greenlight commands (and Octokit) talk to it,
and serves until interrupted (Ctrl-C). Exit codes: 0 stopped, 2 bad flags.
`;

export interface SandboxFlags {
  help: boolean;
  port: number;
  host: string;
  repos: Record<string, string>;
  tokens: string[];
  apps: { id: number; publicKeyPem: string }[];
  latencyMs: number;
  log: boolean;
}

const VALUE_FLAGS = ["repo", "port", "host", "token", "app", "latency"] as const;
const SWITCHES = ["help", "log"] as const;

function integerFlag(name: string, value: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > max) {
    throw new ConfigurationError(
      `Flag --${name} is "${value}", which is not a whole number from 0 to ${max}; give e.g. --${name} ${name === "port" ? DEFAULT_PORT : 100}.`,
    );
  }
  return number;
}

function gitDirOf(path: string): string | undefined {
  const absolute = resolve(path);
  if (existsSync(join(absolute, "HEAD")) && existsSync(join(absolute, "objects"))) return absolute;
  if (existsSync(join(absolute, ".git", "HEAD"))) return absolute;
  return undefined;
}

function repoFlag(value: string, cwd: string): [string, string] {
  const match = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)=(.+)$/.exec(value);
  if (!match) {
    throw new ConfigurationError(
      `Flag --repo is "${value}", which is not OWNER/NAME=PATH; give e.g. --repo acme/infra=./infra.git.`,
    );
  }
  const path = resolve(cwd, match[2]!);
  if (!gitDirOf(path)) {
    throw new ConfigurationError(
      `Flag --repo names ${path}, which is not a git repository; create one with "git init --bare ${path}" or give the path of an existing one.`,
    );
  }
  return [match[1]!, path];
}

/** `ID=PATH`: the App's public key, or its private key from which the public key follows. */
function appFlag(value: string, cwd: string): { id: number; publicKeyPem: string } {
  const match = /^(\d+)=(.+)$/.exec(value);
  const bad = (why: string) =>
    new ConfigurationError(
      `Flag --app is "${value}", ${why}; give the App id and the path of its .pem key, e.g. --app 12345=./app.private-key.pem.`,
    );
  if (!match) throw bad("which is not ID=PATH");
  const path = resolve(cwd, match[2]!);
  let pem: string;
  try {
    pem = readFileSync(path, "utf8");
  } catch {
    throw bad(`but ${path} cannot be read`);
  }
  try {
    const key = /PRIVATE KEY/.test(pem)
      ? createPublicKey(createPrivateKey(pem))
      : createPublicKey(pem);
    return {
      id: Number(match[1]),
      publicKeyPem: key.export({ type: "spki", format: "pem" }).toString(),
    };
  } catch {
    throw bad(`but ${path} is not a PEM RSA key`);
  }
}

function applyFlag(flags: SandboxFlags, name: string, value: string, cwd: string): void {
  if (name === "repo") {
    const [fullName, path] = repoFlag(value, cwd);
    flags.repos[fullName] = path;
  } else if (name === "port") flags.port = integerFlag("port", value, 65535);
  else if (name === "host") flags.host = value;
  else if (name === "token") flags.tokens.push(value);
  else if (name === "app") flags.apps.push(appFlag(value, cwd));
  else if (name === "latency") flags.latencyMs = integerFlag("latency", value, 600_000);
}

export function parseSandboxFlags(argv: string[], cwd: string): SandboxFlags {
  const flags: SandboxFlags = {
    help: false,
    port: DEFAULT_PORT,
    host: DEFAULT_HOST,
    repos: {},
    tokens: [],
    apps: [],
    latencyMs: 0,
    log: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1] ?? "";
    if ((SWITCHES as readonly string[]).includes(name) && match?.[2] === undefined) {
      flags[name as (typeof SWITCHES)[number]] = true;
      continue;
    }
    if (!match || !(VALUE_FLAGS as readonly string[]).includes(name)) {
      const hint = suggest(name || arg, [...VALUE_FLAGS, ...SWITCHES]);
      throw new ConfigurationError(
        `Unknown flag "${arg}" for greenlight sandbox; ${hint ? `did you mean --${hint}? ` : ""}run "greenlight sandbox --help" for the flags.`,
      );
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || (match[2] === undefined && value.startsWith("--"))) {
      throw new ConfigurationError(
        `Flag --${name} needs a value; run "greenlight sandbox --help" for its form.`,
      );
    }
    applyFlag(flags, name, value, cwd);
  }
  if (!flags.help && Object.keys(flags.repos).length === 0) {
    throw new ConfigurationError(
      `Flag --repo is required; give at least one repository to serve, e.g. --repo acme/infra=./infra.git.`,
    );
  }
  return flags;
}

function banner(sandbox: Sandbox, flags: SandboxFlags, token: string): string {
  const repos = Object.entries(flags.repos).map(([name, path]) => `  ${name}  ←  ${path}`);
  return [
    `GitHub sandbox listening on ${sandbox.url}`,
    ...repos,
    "",
    "Point Greenlight (or any Octokit client) at it:",
    `  export GITHUB_API_URL=${sandbox.url}`,
    `  export GITHUB_GRAPHQL_URL=${sandbox.graphqlUrl}`,
    `  export GITHUB_TOKEN=${token}`,
    ...flags.apps.map((app) => `  (GitHub App ${app.id} is installed on every repository above.)`),
    "",
    "Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

function logLine(entry: RequestLogEntry): string {
  const query = entry.query ? `?${entry.query}` : "";
  const fault = entry.faulted ? ` [fault: ${entry.faulted}]` : "";
  return `${entry.method} ${entry.path}${query} → ${entry.status} (${Math.round(entry.durationMs)} ms)${fault}\n`;
}

/** Resolves on SIGINT, SIGTERM or the io's abort signal. */
function untilStopped(io: CliIo): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.signal?.removeEventListener("abort", stop);
      done();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener("abort", stop);
  });
}

/** Each App is installed once per repository owner, on all of that owner's repositories. */
function appOptions(flags: SandboxFlags): SandboxAppOptions[] {
  const owners = [...new Set(Object.keys(flags.repos).map((name) => name.split("/")[0]!))];
  return flags.apps.map((app, a) => ({
    id: app.id,
    clientId: `Iv1.sandbox${app.id}`,
    publicKeyPem: app.publicKeyPem,
    installations: owners.map((owner, o): SandboxInstallationOptions => ({
      id: (a + 1) * 1000 + o + 1,
      account: owner,
      repositories: Object.keys(flags.repos).filter((name) => name.startsWith(`${owner}/`)),
    })),
  }));
}

async function listen(flags: SandboxFlags, io: CliIo): Promise<Sandbox> {
  try {
    return await startSandbox({
      port: flags.port,
      host: flags.host,
      repos: flags.repos,
      tokens: flags.tokens.length ? flags.tokens : [DEFAULT_TOKEN],
      apps: appOptions(flags),
      latencyMs: flags.latencyMs,
      ...(flags.log ? { onRequest: (entry: RequestLogEntry) => io.stderr(logLine(entry)) } : {}),
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    // ENOTFOUND/EAI_AGAIN: the host is no address and no name this machine can resolve.
    const listenCodes = ["EADDRINUSE", "EADDRNOTAVAIL", "EACCES", "ENOTFOUND", "EAI_AGAIN"];
    if (code !== undefined && listenCodes.includes(code)) {
      throw new ConfigurationError(
        `Cannot listen on ${flags.host}:${flags.port} (${code}); choose another address with --host or a free port with --port.`,
      );
    }
    throw error;
  }
}

export async function sandboxCommand(argv: string[], io: CliIo): Promise<number> {
  let sandbox: Sandbox;
  let flags: SandboxFlags;
  try {
    flags = parseSandboxFlags(argv, io.cwd);
    if (flags.help) {
      io.stdout(SANDBOX_HELP);
      return 0;
    }
    sandbox = await listen(flags, io);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      io.stderr(`error: ${error.message}\n`);
      return 2;
    }
    io.stderr(`error: Unexpected error: ${errorMessage(error)}\n`);
    return 1;
  }
  io.stdout(banner(sandbox, flags, flags.tokens[0] ?? DEFAULT_TOKEN));
  await untilStopped(io);
  await sandbox.close();
  io.stderr("GitHub sandbox stopped.\n");
  return 0;
}
