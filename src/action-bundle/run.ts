/**
 * The one bundle behind every action (dist/action-bundle/). The runner starts
 * dist/<name>/index.js (action.yml's `runs.main`), a two-line file scripts/build.mjs writes
 * that calls start(name) here; post steps call startPost(name).
 *
 * Each action's code is a chunk loaded only once its required inputs are there, and the
 * libraries the actions share (the schema library, the YAML parser, the GitHub client) are
 * chunks of their own, stored once for all actions instead of once per action.
 */
import { readFileSync } from "node:fs";
import { missingServices } from "../build-push/services-requirement.js";
import type { ActionStart } from "../core/action-runner.js";
import { runPost, startAction } from "../core/action-runner.js";
import type { ActionManifest } from "../core/manifest.js";
import { manifestFromDocument } from "../core/manifest.js";
import { readWorkspaceText } from "../core/workspace-files.js";
import { missingGitHubAuth } from "../core/github/auth-requirement.js";
import { overridePrecheck } from "../preflight/override-reason.js";
import { formatOf } from "../release-file/format.js";
import { readPlainHcl } from "../release-file/hcl-plain.js";
import { prepareHashicorpHcl } from "../release-file/hcl-wasm.js";
import { nothingToVerify } from "../verify/nothing-to-verify.js";

/**
 * HashiCorp's HCL parser checks every HCL edit but the plainest (hcl-plain.ts), and takes a
 * while to start: start it while the action's code loads when the release file needs it.
 * Only a hint, read under the workspace rules (inside it, a regular file, capped): a file it
 * cannot read here is left for the action to judge. Never rejects.
 */
export async function prepareHclParser(
  raw: Record<string, string | undefined>,
  workspace: string,
): Promise<void> {
  const file = raw["file"]?.trim() ?? "";
  if ((raw["format"]?.trim() || formatOf(file)) !== "hcl") return;
  try {
    if (readPlainHcl(await readWorkspaceText(workspace, file, "file", 1 << 20))) return;
  } catch {
    return;
  }
  prepareHashicorpHcl();
}

/** Every action: its code, loaded on demand, and the checks that need none of it. */
const ACTIONS: Record<string, Omit<ActionStart, "manifest">> = {
  backup: { load: async () => (await import("../backup/definition.js")).backupAction },
  "build-push": {
    load: async () => (await import("../build-push/definition.js")).buildPushAction,
    precheck: missingServices,
  },
  deploy: {
    load: async () => (await import("../deploy/definition.js")).deployAction,
    precheck: (raw, workspace) => [...missingServices(raw, workspace), ...missingGitHubAuth(raw)],
  },
  migrate: { load: async () => (await import("../migrate/definition.js")).migrateAction },
  notify: { load: async () => (await import("../notify/definition.js")).notifyAction },
  "open-pr": {
    load: async () => (await import("../open-pr/definition.js")).openPrAction,
    precheck: missingGitHubAuth,
  },
  preflight: {
    load: async () => (await import("../preflight/definition.js")).preflightAction,
    precheck: overridePrecheck,
  },
  promote: { load: async () => (await import("../promote/definition.js")).promoteAction },
  restore: { load: async () => (await import("../restore/definition.js")).restoreAction },
  rollback: { load: async () => (await import("../rollback/definition.js")).rollbackAction },
  "update-tfvars": {
    load: async () => (await import("../update-tfvars/definition.js")).updateTfvarsAction,
    prepare: prepareHclParser,
  },
  verify: {
    load: async () => (await import("../verify/definition.js")).verifyAction,
    precheck: nothingToVerify,
  },
};

/** The actions with a post step: the revocation of the GitHub App token they made. */
const POSTS = new Set(["deploy", "open-pr"]);

/**
 * An action's manifest: from the JSON copy scripts/build.mjs writes beside the bundle, whose
 * address the entry file passes (no YAML parser to load); from source, from action.yml.
 */
async function manifestOf(name: string, copy?: URL): Promise<ActionManifest> {
  if (copy) {
    const all = JSON.parse(readFileSync(copy, "utf8")) as Record<string, unknown>;
    if (Object.hasOwn(all, name)) return manifestFromDocument(all[name]);
  }
  return (await import("../core/action-manifest.js")).loadManifest(name);
}

function known<T>(table: Record<string, T>, name: string): T {
  if (!Object.hasOwn(table, name)) throw new Error(`dist/action-bundle has no action "${name}"`);
  return table[name]!;
}

/** Starts action `name`; `manifests` is the address of dist/action-bundle/manifests.json. */
export async function start(name: string, manifests?: URL): Promise<void> {
  const action = known(ACTIONS, name);
  await startAction({ ...action, manifest: await manifestOf(name, manifests) });
}

/** Action `name` as the bundle starts it: its checks without code, and its code. */
export function bundledAction(name: string): Omit<ActionStart, "manifest"> {
  return known(ACTIONS, name);
}

export async function startPost(name: string): Promise<void> {
  if (!POSTS.has(name)) throw new Error(`dist/action-bundle has no post step for "${name}"`);
  const { revokeSavedToken } = await import("../core/github/token-revocation.js");
  await runPost(name, revokeSavedToken);
}
