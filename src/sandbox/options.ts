/** The sandbox's public option types (re-exported from index.ts). */
import type { components } from "@octokit/openapi-types";
import type { Exchange, RequestLogEntry } from "./request-log.js";

export type AppPermissions = components["schemas"]["app-permissions"];

export interface SandboxInstallationOptions {
  id: number;
  /** The user or organisation the App is installed on. */
  account: string;
  /** Repositories (`owner/name`) the installation can reach. */
  repositories: string[];
  /** What the installation was granted; defaults to write on contents, pull requests, issues, deployments, statuses and checks. */
  permissions?: AppPermissions;
}

export interface SandboxAppOptions {
  id: number;
  clientId: string;
  slug?: string;
  /** The App's public key (PEM); JWTs must be signed with the matching private key. */
  publicKeyPem: string;
  installations: SandboxInstallationOptions[];
}

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `owner/name` → path of a bare git repository. */
  repos?: Record<string, string>;
  /** Accepted personal tokens; default `["sandbox-token"]`. Issued installation tokens are accepted too. */
  tokens?: string[];
  apps?: SandboxAppOptions[];
  /** Added to every request, to make timing visible in benchmarks. */
  latencyMs?: number;
  /** Seed of the fault controller's random numbers, so probabilistic faults repeat. */
  faultSeed?: number;
  /**
   * Tokens that act as a workflow's GITHUB_TOKEN: the github-actions[bot] installation, with
   * write access to contents, pull requests, issues, statuses and deployments of every
   * repository, and no organisation permissions (it cannot read teams).
   */
  workflowTokens?: string[];
  /** Logins reviews may be requested from, by repository (`owner/name`); default: anyone. */
  collaborators?: Record<string, string[]>;
  /** Team slugs by organisation; default: every slug names a team. */
  teams?: Record<string, string[]>;
  /**
   * Answer as GitHub Enterprise Server of this version (e.g. "3.13.0"): every answer carries
   * `x-github-enterprise-version`, and before 3.14 an App JWT must name the App by its id.
   */
  enterpriseVersion?: string;
  /**
   * The time the sandbox dates commits, pull requests, deployments and tokens with; default
   * the system clock. Tests that simulate hours of a release in seconds pass their own.
   */
  now?: () => Date;
  /** Called with each request log entry as it is written (e.g. to print it). */
  onRequest?: (entry: RequestLogEntry) => void;
  /** Called with each whole request and answer (contract tests validate them). */
  onExchange?: (exchange: Exchange) => void;
}

export const DEFAULT_TOKEN = "sandbox-token";

export const DEFAULT_INSTALLATION_PERMISSIONS: AppPermissions = {
  contents: "write",
  metadata: "read",
  pull_requests: "write",
  issues: "write",
  deployments: "write",
  statuses: "write",
  checks: "write",
};
