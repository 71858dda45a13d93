/** What every route handler can reach: the server's URLs, repositories, identities, clock. */
import type { AuthStore, Principal } from "./auth/store.js";
import type { RepoState, User } from "./state.js";
import { isoTime } from "./state.js";

export interface SandboxContext {
  /** REST base URL, also the root of html_url links. */
  url: string;
  repos: Map<string, RepoState>;
  auth: AuthStore;
  /** Team slugs (lower case) by organisation (lower case); undefined: every slug names a team. */
  teams?: Map<string, Set<string>> | undefined;
  /** The GitHub Enterprise Server version the sandbox answers as; undefined: github.com. */
  enterpriseVersion?: string | undefined;
  now(): Date;
  nextId(): number;
}

export function nowIso(ctx: SandboxContext): string {
  return isoTime(ctx.now());
}

export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

export function findRepo(ctx: SandboxContext, fullName: string): RepoState | undefined {
  const [owner, name] = fullName.split("/");
  return owner && name ? ctx.repos.get(repoKey(owner, name)) : undefined;
}

/** The identity GitHub commits as when it writes on a user's behalf (merges, web edits). */
export const WEB_FLOW = { name: "GitHub", email: "noreply@github.com" };

/**
 * The user a write is attributed to: the token's user, or the App's bot for an installation
 * token (GitHub shows `app-slug[bot]` as author of what an App creates).
 */
export function actingUser(ctx: SandboxContext, principal: Principal): User {
  return principal.kind === "token" || principal.kind === "installation"
    ? principal.user
    : ctx.auth.user;
}
