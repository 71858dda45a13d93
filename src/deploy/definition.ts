/**
 * deploy's inputs: the build inputs of build-push and the landing inputs of open-pr under
 * the same names. Each half is validated by the action that owns those inputs, and both are
 * validated before the first image is built, so a typo in a landing input never costs a
 * build (and never leaves pushed images without a release).
 */
import { z } from "zod";
import type { BuildPushRawInputs } from "../build-push/definition.js";
import { buildPushAction } from "../build-push/definition.js";
import type { ActionResult, RunContext } from "../core/action.js";
import { defineAction } from "../core/action.js";
import { revokeSavedToken } from "../core/github/token-revocation.js";
import { githubAuthSecretInputs } from "../core/github/inputs.js";
import { parseInputs } from "../core/inputs.js";
import type { OpenPrRawInputs } from "../open-pr/definition.js";
import { openPrAction } from "../open-pr/definition.js";
import type { DeployOutput, DeploySteps } from "./main.js";
import { deploy } from "./main.js";

// Raw text: the owning action's schema gives each input its meaning and its error message.
const text = z.string().optional();

const inputShape = {
  environment: text,
  "config-file": text,
  // build-push
  services: text,
  registry: text,
  context: text,
  dockerfile: text,
  platforms: text,
  tags: text,
  "build-args": text,
  secrets: text,
  "secret-files": text,
  engine: text,
  "tls-verify": text,
  "storage-driver": text,
  "storage-root": text,
  isolation: text,
  cache: text,
  "cache-from": text,
  "cache-to": text,
  "max-size": text,
  "max-parallel": text,
  // open-pr
  repository: text,
  base: text,
  file: text,
  set: text,
  "desired-counts": text,
  weights: text,
  "require-digest": text,
  "allowed-registries": text,
  "allowed-paths": text,
  merge: text,
  "merge-method": text,
  branch: text,
  title: text,
  body: text,
  labels: text,
  assignees: text,
  reviewers: text,
  "team-reviewers": text,
  draft: text,
  "wait-for-merge": text,
  "wait-timeout": text,
  "max-attempts": text,
  token: text,
  "app-id": text,
  "app-client-id": text,
  "private-key": text,
  "github-api-url": text,
  "revoke-token": text,
};

const inputs = z.object(inputShape);
type Inputs = z.output<typeof inputs>;
type DeployInput = keyof typeof inputShape;

/** The deploy inputs build-push reads; `labels` is left to open-pr (the pull request's labels). */
export const BUILD_INPUTS = [
  "environment",
  "config-file",
  "services",
  "registry",
  "context",
  "dockerfile",
  "platforms",
  "tags",
  "build-args",
  "secrets",
  "secret-files",
  "engine",
  "tls-verify",
  "storage-driver",
  "storage-root",
  "isolation",
  "cache",
  "cache-from",
  "cache-to",
  "max-size",
  "max-parallel",
] as const satisfies readonly (DeployInput & keyof BuildPushRawInputs)[];

/** The deploy inputs open-pr reads; `images` comes from the build. */
export const LAND_INPUTS = [
  "environment",
  "config-file",
  "repository",
  "base",
  "file",
  "set",
  "desired-counts",
  "weights",
  "require-digest",
  "allowed-registries",
  "allowed-paths",
  "merge",
  "merge-method",
  "branch",
  "title",
  "body",
  "labels",
  "assignees",
  "reviewers",
  "team-reviewers",
  "draft",
  "wait-for-merge",
  "wait-timeout",
  "max-attempts",
  "token",
  "app-id",
  "app-client-id",
  "private-key",
  "github-api-url",
  "revoke-token",
] as const satisfies readonly (DeployInput & keyof OpenPrRawInputs)[];

function subset(params: Inputs, names: readonly DeployInput[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, params[name]]));
}

/** Both halves, validated now; the landing half is validated again once the images exist. */
function planSteps(params: Inputs, context: RunContext): DeploySteps {
  const buildParams = parseInputs(buildPushAction.inputs, subset(params, BUILD_INPUTS));
  const landRaw = subset(params, LAND_INPUTS);
  parseInputs(openPrAction.inputs, landRaw);
  return {
    build: () => buildPushAction.run(buildParams, context),
    land: (images) =>
      openPrAction.run(parseInputs(openPrAction.inputs, { ...landRaw, images }), context),
  };
}

export const deployAction = defineAction({
  name: "deploy",
  inputs,
  secretInputs: ["secrets", ...githubAuthSecretInputs],
  async run(params: Inputs, context): Promise<ActionResult<DeployOutput>> {
    return deploy(planSteps(params, context), context.logger);
  },
  /** open-pr's clean-up: revokes the App installation token the landing created. */
  post: revokeSavedToken,
});
