/**
 * Who is calling: personal tokens, GitHub App JWTs and the installation tokens the sandbox
 * issued. Installation tokens carry GitHub's two limits — which repositories and which
 * permissions — and stop working when revoked or expired.
 */
import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import {
  GitHubError,
  badCredentials,
  notAccessibleByIntegration,
  unprocessable,
} from "../errors.js";
import type { AppPermissions, SandboxAppOptions } from "../options.js";
import { DEFAULT_INSTALLATION_PERMISSIONS } from "../options.js";
import type { User } from "../state.js";
import { looksLikeJwt, verifyAppJwt } from "./app-jwt.js";

export interface AppRecord {
  id: number;
  clientId: string;
  slug: string;
  publicKey: KeyObject;
  owner: User;
  bot: User;
  installations: InstallationRecord[];
  createdAt: string;
}

export interface InstallationRecord {
  id: number;
  app: AppRecord;
  account: User;
  /** Lower-case `owner/name` of every repository the installation can reach. */
  repositories: string[];
  permissions: AppPermissions;
  createdAt: string;
}

export interface InstallationGrant {
  token: string;
  /** A workflow's GITHUB_TOKEN, which reaches every repository of the sandbox. */
  workflow?: boolean;
  installation: InstallationRecord;
  repositories: Set<string>;
  repositorySelection: "all" | "selected";
  permissions: AppPermissions;
  expiresAt: Date;
}

export type Principal =
  | { kind: "token"; user: User; key: string }
  | { kind: "installation"; user: User; grant: InstallationGrant; key: string }
  | { kind: "jwt"; app: AppRecord; key: string }
  | { kind: "none"; key: string };

export type TokenKind = Principal["kind"];

export type PermissionName = keyof AppPermissions;
export type Level = "read" | "write";

const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

/** What GITHUB_TOKEN is given by default in a repository with restricted workflow permissions off. */
const WORKFLOW_TOKEN_PERMISSIONS: AppPermissions = {
  contents: "write",
  metadata: "read",
  pull_requests: "write",
  issues: "write",
  deployments: "write",
  statuses: "write",
  checks: "write",
};

function userOf(login: string, id: number, type: User["type"] = "User"): User {
  return {
    login,
    id,
    type,
    name: login,
    email: `${id}+${login}@users.noreply.github.com`,
  };
}

function levelAtLeast(granted: string | undefined, wanted: Level): boolean {
  if (granted === undefined) return false;
  return wanted === "read" ? true : granted === "write" || granted === "admin";
}

export class AuthStore {
  readonly user: User;
  readonly apps: AppRecord[] = [];
  private readonly tokens: Set<string>;
  private readonly grants = new Map<string, InstallationGrant>();
  private readonly accounts = new Map<string, User>();
  /** Whether an App JWT may name the App by client id (github.com, GHES 3.14 and later). */
  clientIdIssuer = true;

  constructor(
    tokens: string[],
    apps: SandboxAppOptions[],
    private readonly now: () => Date,
    private readonly nextId: () => number,
    workflowTokens: string[] = [],
  ) {
    this.tokens = new Set(tokens);
    this.user = userOf("sandbox-user", nextId());
    this.accounts.set(this.user.login.toLowerCase(), this.user);
    for (const options of apps) this.addApp(options);
    if (workflowTokens.length > 0) this.addWorkflowTokens(workflowTokens);
  }

  /** GitHub Actions' own App; its tokens are GITHUB_TOKEN. It never signs a JWT here. */
  private addWorkflowTokens(tokens: string[]): void {
    const createdAt = this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    const app: AppRecord = {
      id: 15368,
      clientId: "Iv1.github-actions",
      slug: "github-actions",
      publicKey: generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey,
      owner: this.account("github"),
      bot: userOf("github-actions[bot]", 41898282, "Bot"),
      installations: [],
      createdAt,
    };
    const installation: InstallationRecord = {
      id: this.nextId(),
      app,
      account: this.user,
      repositories: [],
      permissions: WORKFLOW_TOKEN_PERMISSIONS,
      createdAt,
    };
    for (const token of tokens) {
      this.grants.set(token, {
        token,
        workflow: true,
        installation,
        repositories: new Set(),
        repositorySelection: "all",
        permissions: WORKFLOW_TOKEN_PERMISSIONS,
        expiresAt: new Date(8.64e15),
      });
    }
  }

  /** The user or organisation called `login` (repository owners, installation accounts). */
  account(login: string): User {
    const key = login.toLowerCase();
    let user = this.accounts.get(key);
    if (!user) {
      user = userOf(login, this.nextId());
      this.accounts.set(key, user);
    }
    return user;
  }

  private addApp(options: SandboxAppOptions): void {
    const slug = options.slug ?? `app-${options.id}`;
    const createdAt = this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    const app: AppRecord = {
      id: options.id,
      clientId: options.clientId,
      slug,
      publicKey: createPublicKey(options.publicKeyPem),
      owner: this.user,
      bot: userOf(`${slug}[bot]`, 100_000 + options.id, "Bot"),
      installations: [],
      createdAt,
    };
    for (const inst of options.installations) {
      app.installations.push({
        id: inst.id,
        app,
        account: this.account(inst.account),
        repositories: inst.repositories.map((r) => r.toLowerCase()),
        permissions: inst.permissions ?? DEFAULT_INSTALLATION_PERMISSIONS,
        createdAt,
      });
    }
    this.apps.push(app);
  }

  /** The principal behind an Authorization header; throws 401 for a credential GitHub would refuse. */
  authenticate(header: string | undefined, remote: string): Principal {
    if (!header) return { kind: "none", key: `ip:${remote}` };
    const match = /^(token|bearer)\s+(\S+)\s*$/i.exec(header);
    if (!match) throw badCredentials();
    const credential = match[2]!;
    if (this.tokens.has(credential)) return { kind: "token", user: this.user, key: credential };
    const grant = this.grants.get(credential);
    if (grant) {
      if (grant.expiresAt.getTime() <= this.now().getTime()) throw badCredentials();
      return { kind: "installation", user: grant.installation.app.bot, grant, key: credential };
    }
    if (looksLikeJwt(credential)) {
      const app = verifyAppJwt(
        credential,
        this.apps,
        Math.floor(this.now().getTime() / 1000),
        this.clientIdIssuer,
      );
      return { kind: "jwt", app, key: `app:${app.id}` };
    }
    throw badCredentials();
  }

  installation(app: AppRecord, id: number): InstallationRecord | undefined {
    return app.installations.find((i) => i.id === id);
  }

  installationFor(app: AppRecord, fullName: string): InstallationRecord | undefined {
    return app.installations.find((i) => i.repositories.includes(fullName.toLowerCase()));
  }

  issueToken(
    installation: InstallationRecord,
    repositories: string[] | undefined,
    permissions: AppPermissions | undefined,
  ): InstallationGrant {
    const granted = permissions ?? installation.permissions;
    for (const [name, level] of Object.entries(granted)) {
      const held = installation.permissions[name as PermissionName];
      if (!levelAtLeast(held, level === "read" ? "read" : "write")) {
        throw unprocessable("The permissions requested are not granted to this installation.");
      }
    }
    const grant: InstallationGrant = {
      token: `ghs_${randomBytes(27).toString("base64url").slice(0, 36)}`,
      installation,
      repositories: new Set(repositories ?? installation.repositories),
      repositorySelection: repositories ? "selected" : "all",
      permissions: { metadata: "read", ...granted },
      expiresAt: new Date(this.now().getTime() + TOKEN_LIFETIME_MS),
    };
    this.grants.set(grant.token, grant);
    return grant;
  }

  revoke(token: string): void {
    this.grants.delete(token);
  }

  /**
   * Throws GitHub's answer when `principal` may not use `fullName` with one of the
   * `permissions` at `level`: 404 for a repository it cannot see, 403 for a missing permission.
   */
  checkRepoAccess(
    principal: Principal,
    fullName: string,
    permissions: PermissionName[],
    level: Level,
  ): void {
    switch (principal.kind) {
      case "token":
        return;
      case "none":
        throw new GitHubError(404, "Not Found");
      case "jwt":
        throw notAccessibleByIntegration();
      case "installation": {
        if (
          !principal.grant.workflow &&
          !principal.grant.repositories.has(fullName.toLowerCase())
        ) {
          throw new GitHubError(404, "Not Found");
        }
        const held = principal.grant.permissions;
        if (!permissions.some((p) => levelAtLeast(held[p], level)))
          throw notAccessibleByIntegration();
      }
    }
  }
}
