/** The sandbox's public option types (re-exported from index.ts). */
import type { components } from "@octokit/openapi-types";
import type { RequestLogEntry } from "./request-log.js";

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
  /** Called with each request log entry as it is written (e.g. to print it). */
  onRequest?: (entry: RequestLogEntry) => void;
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
