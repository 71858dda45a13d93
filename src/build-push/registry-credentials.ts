/**
 * Credentials for reading back what was pushed. Registry login is left to the registry's
 * own login action (aws-actions/amazon-ecr-login, docker/login-action), which writes the
 * Docker config; Buildah and Podman write containers' auth.json. Both are read here, the
 * credential helpers they name are asked, and every password found is masked at once.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SecretRegistry } from "../core/secrets.js";
import type { Exec } from "./exec.js";

export interface BasicCredentials {
  username: string;
  password: string;
}

export type CredentialLookup = (registry: string) => Promise<BasicCredentials | undefined>;

interface AuthFile {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** Auth files in the order the engines consult them. */
export function authFilePaths(env: Record<string, string | undefined>): string[] {
  const home = env["HOME"];
  const paths: string[] = [];
  if (env["REGISTRY_AUTH_FILE"]) paths.push(env["REGISTRY_AUTH_FILE"]);
  if (env["XDG_RUNTIME_DIR"]) paths.push(join(env["XDG_RUNTIME_DIR"], "containers", "auth.json"));
  if (home) paths.push(join(home, ".config", "containers", "auth.json"));
  if (env["DOCKER_CONFIG"]) paths.push(join(env["DOCKER_CONFIG"], "config.json"));
  else if (home) paths.push(join(home, ".docker", "config.json"));
  return paths;
}

/** The keys under which a registry's entry may be stored (`docker login` adds https://). */
function keysFor(registry: string): string[] {
  if (registry === "docker.io") {
    return ["docker.io", "https://index.docker.io/v1/", "index.docker.io", "registry-1.docker.io"];
  }
  return [
    registry,
    `https://${registry}`,
    `http://${registry}`,
    `https://${registry}/v1/`,
    `https://${registry}/v2/`,
  ];
}

function decodeAuth(entry: {
  auth?: string;
  username?: string;
  password?: string;
}): BasicCredentials | undefined {
  if (entry.username && entry.password)
    return { username: entry.username, password: entry.password };
  if (!entry.auth) return undefined;
  const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function readAuthFile(path: string): Promise<AuthFile | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as AuthFile;
  } catch {
    return undefined; // absent or unreadable: the next file may have it
  }
}

async function askHelper(
  exec: Exec,
  helper: string,
  registry: string,
): Promise<BasicCredentials | undefined> {
  try {
    const result = await exec(`docker-credential-${helper}`, ["get"], { input: registry });
    if (result.exitCode !== 0) return undefined;
    const answer = JSON.parse(result.stdout) as { Username?: string; Secret?: string };
    return answer.Username && answer.Secret
      ? { username: answer.Username, password: answer.Secret }
      : undefined;
  } catch {
    return undefined;
  }
}

export function credentialLookup(deps: {
  env: Record<string, string | undefined>;
  exec: Exec;
  secrets: SecretRegistry;
}): CredentialLookup {
  return async (registry) => {
    for (const path of authFilePaths(deps.env)) {
      const file = await readAuthFile(path);
      if (!file) continue;
      const helper = file.credHelpers?.[registry] ?? undefined;
      let found: BasicCredentials | undefined;
      for (const key of keysFor(registry)) {
        const entry = file.auths?.[key];
        if (entry) found ??= decodeAuth(entry);
      }
      if (!found && (helper ?? file.credsStore))
        found = await askHelper(deps.exec, (helper ?? file.credsStore)!, registry);
      if (found) {
        deps.secrets.add(found.password);
        deps.secrets.add(`${found.username}:${found.password}`);
        return found;
      }
    }
    return undefined;
  };
}
