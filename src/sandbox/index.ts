/**
 * The local GitHub sandbox: GitHub's REST and GraphQL API as Greenlight uses it, over real
 * bare git repositories. Start it with startSandbox() (tests, benchmarks) or
 * `greenlight sandbox` (a developer trying a pipeline offline).
 */
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { AuthStore } from "./auth/store.js";
import type { SandboxContext } from "./context.js";
import { repoKey } from "./context.js";
import { FaultController } from "./faults.js";
import { GitRepo } from "./git-store.js";
import { DEFAULT_TOKEN, type SandboxOptions } from "./options.js";
import { RateLimiter } from "./rate-limit.js";
import type { RequestLogEntry } from "./request-log.js";
import { allRoutes } from "./routes/index.js";
import { createRequestHandler } from "./server.js";
import { RepoState, isoTime } from "./state.js";

export type { FaultKind, FaultRule } from "./faults.js";
export { FaultController } from "./faults.js";
export type { Exchange, RequestLogEntry } from "./request-log.js";
export type {
  AppPermissions,
  SandboxAppOptions,
  SandboxInstallationOptions,
  SandboxOptions,
} from "./options.js";
export { DEFAULT_TOKEN } from "./options.js";

export interface Sandbox {
  /** REST base URL (what GITHUB_API_URL should be), e.g. http://127.0.0.1:PORT. */
  url: string;
  graphqlUrl: string;
  requests: RequestLogEntry[];
  faults: FaultController;
  addRepo(fullName: string, bareRepoPath: string): void;
  close(): Promise<void>;
}

/** The git directory of `path`: the path itself when bare, else its .git. */
function gitDirOf(path: string): string {
  const absolute = resolve(path);
  if (existsSync(join(absolute, "HEAD")) && existsSync(join(absolute, "objects"))) return absolute;
  if (existsSync(join(absolute, ".git", "HEAD"))) return join(absolute, ".git");
  throw new Error(`${path} is not a git repository; create one with "git init --bare ${path}".`);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  let lastId = 1000;
  const now = options.now ?? (() => new Date());
  const nextId = () => ++lastId;
  const ctx: SandboxContext = {
    url: "",
    repos: new Map(),
    auth: new AuthStore(
      options.tokens ?? [DEFAULT_TOKEN],
      options.apps ?? [],
      now,
      nextId,
      options.workflowTokens,
    ),
    ...(options.teams
      ? {
          teams: new Map(
            Object.entries(options.teams).map(([org, slugs]) => [
              org.toLowerCase(),
              new Set(slugs.map((s) => s.toLowerCase())),
            ]),
          ),
        }
      : {}),
    ...(options.enterpriseVersion ? { enterpriseVersion: options.enterpriseVersion } : {}),
    now,
    nextId,
  };
  if (options.enterpriseVersion) {
    const [major = 0, minor = 0] = options.enterpriseVersion.split(".").map(Number);
    ctx.auth.clientIdIssuer = major > 3 || (major === 3 && minor >= 14);
  }
  const faults = new FaultController(
    options.faultSeed !== undefined ? { seed: options.faultSeed } : {},
  );
  const requests: RequestLogEntry[] = [];
  const rate = new RateLimiter(now);
  const handler = createRequestHandler({
    ctx,
    routes: allRoutes(rate),
    faults,
    rate,
    log: requests,
    latencyMs: options.latencyMs ?? 0,
    onRequest: options.onRequest,
    onExchange: options.onExchange,
  });

  const addRepo = (fullName: string, bareRepoPath: string) => {
    const [owner, name, extra] = fullName.split("/");
    if (!owner || !name || extra !== undefined) {
      throw new Error(`Repository name "${fullName}" must be owner/name.`);
    }
    const repo = new RepoState(
      nextId(),
      owner,
      name,
      new GitRepo(gitDirOf(bareRepoPath)),
      isoTime(now()),
    );
    const collaborators = options.collaborators?.[fullName];
    if (collaborators)
      repo.settings.collaborators = new Set(collaborators.map((l) => l.toLowerCase()));
    ctx.repos.set(repoKey(owner, name), repo);
  };
  for (const [fullName, path] of Object.entries(options.repos ?? {})) addRepo(fullName, path);

  const server = createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  ctx.url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url: ctx.url,
    graphqlUrl: `${ctx.url}/graphql`,
    requests,
    faults,
    addRepo,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
